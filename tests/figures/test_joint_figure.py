"""The Joint figure and `klviz export --view joint`: what the files hold is checked against direct
sums (numpy/scipy here, never klviz's own functions); bad input gets one error line, exit 2."""

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from figtools import assert_shown_matches, pdf_texts, png_size, shown_value, svg_texts
from scipy import special

from klviz.figures import JOINT_PARTS, figure_bytes, joint_figure

REPO = Path(__file__).resolve().parents[2]
LOG = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}


def ref_joint(weights, unit):
    P = np.asarray(weights, float)
    P = P / P.sum()
    px, py = P.sum(1), P.sum(0)
    H = lambda a: -np.sum(special.xlogy(a, a)) / LOG[unit]
    hxy = H(P.ravel())
    with np.errstate(divide="ignore", invalid="ignore"):
        mi = np.sum(special.rel_entr(P, np.outer(px, py))) / LOG[unit]
    return {"H(X)": H(px), "H(Y)": H(py), "H(X,Y)": hxy, "H(X|Y)": hxy - H(py), "H(Y|X)": hxy - H(px),
            "I(X;Y)": mi}


@pytest.mark.parametrize("weights, unit", [
    ([[0.45, 0.05], [0.05, 0.45]], "bits"),
    ([[3, 1, 0], [0, 7, 2], [1, 1, 9]], "nats"),
    (np.random.default_rng(5).dirichlet(np.ones(48)).reshape(6, 8), "hartleys"),
])
def test_svg_shows_every_measure(weights, unit):
    texts = svg_texts(figure_bytes(joint_figure(weights, unit=unit), "svg"))
    ref = ref_joint(weights, unit)
    for name, value in ref.items():
        assert_shown_matches(shown_value(texts, name, unit), value)
    assert "= D(P(X,Y) ‖ P(X)P(Y))" in texts
    assert "P(X)P(Y)" in texts and "Terms of I(X;Y)" in texts
    assert any(t.startswith("Information diagram") for t in texts)


def test_cell_values_are_the_normalised_joint_and_the_product():
    texts = svg_texts(figure_bytes(joint_figure([[1, 3], [0, 4]], unit="bits", readout=False), "svg"))
    # P = [[.125, .375], [0, .5]]; P(X)P(Y) = [[.0625, .4375], [.0625, .4375]]
    for shown in ("0.125", "0.375", "0.500", "0.0625", "0.438"):
        assert shown in texts, shown
    # the pointwise term of cell (1, 1): 0.125 log2(0.125 / 0.0625) = 0.125 bits; cell (2, 1) is 0
    assert texts.count("0.125") >= 2 and "0.00" in texts


def test_bsc_mutual_information_in_pdf():
    eps = 0.2
    fig = joint_figure([[(1 - eps) / 2, eps / 2], [eps / 2, (1 - eps) / 2]], unit="bits")
    texts = pdf_texts(figure_bytes(fig, "pdf"))
    h = -(eps * math.log2(eps) + (1 - eps) * math.log2(1 - eps))
    assert_shown_matches(shown_value(texts, "I(X;Y)", "bits"), 1 - h)


def test_hostile_labels_are_literal_text():
    labels = ["$x^2$", "<b>a</b>"]
    texts = svg_texts(figure_bytes(joint_figure([[1, 2], [3, 4]], labels, ["\x01y", "&amp;"]), "svg"))
    assert "$x^2$" in texts and "<b>a</b>" in texts and "&amp;" in texts and "\u2401y" in texts


def test_parts_size_and_bad_input():
    fig = joint_figure([[1, 2], [3, 4]], parts=("diagram",), readout=False)
    assert len(fig.axes) == 1
    assert len(joint_figure([[1, 2], [3, 4]], parts=JOINT_PARTS).axes) == 3 + 3 + 1 + 1  # maps, bars, diagram, readout
    w, h = png_size(figure_bytes(joint_figure([[1, 2], [3, 4]], size=(9, 6)), "png", dpi=50))
    assert (w, h) == (450, 300)
    fig12 = joint_figure(np.ones((12, 12)), unit="bits")
    assert png_size(figure_bytes(fig12, "png", dpi=40))[0] > 0
    for bad, match in [(dict(parts=("bars",)), "unknown joint part 'bars'"), (dict(size=(2, 2)), "too small"),
                       (dict(unit="dits"), "unknown unit"), (dict(row_labels=["a"]), "1 row labels for 2 rows")]:
        with pytest.raises(ValueError, match=match):
            joint_figure([[1, 2], [3, 4]], **bad)
    with pytest.raises(ValueError, match="NaN entry at row 2, column 1"):
        joint_figure([[1, 2], [float("nan"), 4]])


def test_every_figure_is_drawn_without_nan_or_warnings():
    # the independent and dependent tables, and one with a certain outcome (H = 0)
    for w in ([[0.06, 0.14], [0.24, 0.56]], np.eye(4), [[1, 0], [0, 0]]):
        for fmt in ("png", "svg"):
            assert figure_bytes(joint_figure(w), fmt, dpi=30)


# --------------------------------------------------------------------------------------------
# The command line (a separate process, no display)


def _export(*args):
    proc = subprocess.run([sys.executable, "-W", "error", "-m", "klviz", "export", *map(str, args)],
                          capture_output=True, cwd=REPO, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"})
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"])
def test_export_writes_each_format(tmp_path, ext):
    out = tmp_path / f"joint.{ext}"
    rc, stdout, err = _export("--view", "joint", "--joint", "0.45,0.05;0.05,0.45", "--unit", "bits", "--out", out)
    assert (rc, stdout, err) == (0, "", "")
    data = out.read_bytes()
    if ext == "png":
        assert png_size(data)[0] > 500
    elif ext == "svg":
        assert_shown_matches(shown_value(svg_texts(data), "I(X;Y)", "bits"),
                             1 + 0.1 * math.log2(0.1) + 0.9 * math.log2(0.9))
    else:
        assert data.startswith(b"%PDF") and "I(X;Y) = 0.5310 bits" in pdf_texts(data)


def test_export_from_a_csv_with_labels(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text(",rain,sun\nwet,30,10\ndry,5,55\n", encoding="utf-8")
    out = tmp_path / "j.svg"
    rc, _, err = _export("--view", "joint", "--joint", f"@{path}", "--out", out, "--title", "Weather")
    assert rc == 0, err
    assert err == "klviz: note: the weights of the joint did not sum to 1 and were normalised\n"
    texts = svg_texts(out.read_bytes())
    assert {"rain", "sun", "wet", "dry", "Weather"} <= set(texts)
    assert_shown_matches(shown_value(texts, "I(X;Y)", "nats"), ref_joint([[30, 10], [5, 55]], "nats")["I(X;Y)"])


@pytest.mark.parametrize("args, message", [
    (["--view", "joint", "--out", "{out}"], "--view joint needs --joint SPEC"),
    (["--view", "joint", "--joint", "1,x;3,4", "--out", "{out}"], "joint: row 1, entry 2: 'x' is not a number"),
    (["--view", "joint", "--joint", "1,2;3", "--out", "{out}"], "joint: row 2 has 1 entries but row 1 has 2"),
    (["--view", "joint", "--joint", "0,0;0,0", "--out", "{out}"], "all zero"),
    (["--view", "joint", "--joint", "@{missing}", "--out", "{out}"], "cannot read"),
    (["--view", "discrete", "--joint", "1,2;3,4", "--out", "{out}"], "--joint SPEC is drawn with --view joint"),
    (["--view", "joint", "--joint", "1,2;3,4", "--p", "1,1", "--q", "1,1", "--out", "{out}"], "--p/--q is for"),
    (["--view", "joint", "--joint", "1,2;3,4", "--animate", "fit-forward", "--out", "{anim}"], "--animate animates"),
    (["--view", "joint", "--joint", "1,2;3,4", "--parts", "bars", "--out", "{out}"], "unknown joint part 'bars'"),
    (["--view", "joint", "--joint", "1,2;3,4", "--size", "1x1", "--out", "{out}"], "too small"),
    (["--view", "joint", "--joint", "1,2;3,4", "--out", "{tmp}/j.txt"], "--out must end in"),
])
def test_export_refuses_bad_input(tmp_path, args, message):
    fill = dict(out=tmp_path / "j.png", anim=tmp_path / "j.gif", missing=tmp_path / "none.csv", tmp=tmp_path)
    rc, out, err = _export(*[a.format(**fill) for a in args])
    assert rc == 2 and out == "", (rc, out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("klviz: error: ") and message in lines[0], err
    assert not (tmp_path / "j.png").exists()
