"""The Coding figure and `klviz export --view coding`: it draws, the files are valid, the text
holds the right numbers (from scipy / exact references, not from the code under test), labels
stay plain text, and bad input is one error line."""

import math
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from cli_tools import error_message, run
from code_refs import best_prefix_code_length, shannon_length
from figtools import assert_shown_matches, png_size, shown_value, svg_texts
from scipy import special, stats

from klviz.figures import CODING_PARTS, coding_figure, figure_bytes

P, Q = [0.5, 0.2, 0.2, 0.1], [0.25, 0.25, 0.3, 0.2]
ARGS = ("--p", "0.5,0.2,0.2,0.1", "--q", "0.25,0.25,0.3,0.2")


def _texts(fig):
    out = list(fig.texts)
    for ax in fig.axes:
        out += ax.texts
        legend = ax.get_legend()
        if legend is not None:
            out += legend.get_texts()
    return [t.get_text() for t in out]


def test_figure_draws_columns_with_the_reference_numbers():
    fig = coding_figure(P, Q, labels=["a", "b", "c", "d"])
    texts = _texts(fig)
    h = stats.entropy(P, base=2)
    ce = -float(np.sum(np.asarray(P) * np.log2(Q)))
    kl = float(np.sum(special.rel_entr(P, Q))) / math.log(2)
    fp = [Fraction(x).limit_denominator(1000) for x in P]
    fq = [Fraction(x).limit_denominator(1000) for x in Q]
    refs = {"H(P)": h, "H(P,Q)": ce, "D(P‖Q)": kl, "Shannon length L(P; Q)": float(shannon_length(fp, fq)),
            "Huffman length L(P)": float(best_prefix_code_length(fp))}
    for name, ref in refs.items():
        assert_shown_matches(shown_value(texts, name, "bits"), ref)
    assert f"{ce:.3f} ≤ {refs['Shannon length L(P; Q)']:.3f} < {ce + 1:.3f} bits" in texts
    # the names as the Coding tab shows them (issue 12): no underscore subscripts anywhere
    assert [t for t in texts if "_" in t] == []
    assert "H(P,Q) ≤ Shannon length < H(P,Q) + 1" in texts
    # one column per category: P's ideal heights as rectangles of width p_i
    from matplotlib.collections import PolyCollection

    ax = fig.axes[0]
    colls = [c for c in ax.collections if isinstance(c, PolyCollection)]
    first = colls[0].get_paths()
    assert len(first) == 4
    for path, p in zip(first, P):
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        assert xs.max() - xs.min() == pytest.approx(p, abs=1e-12)
        assert ys.max() == pytest.approx(-math.log2(p), rel=1e-12)


def test_every_part_alone_and_no_readout():
    for part in CODING_PARTS:
        fig = coding_figure(P, Q, parts=(part,), readout=False)
        assert len(fig.axes) == 1
    with pytest.raises(ValueError, match="unknown coding part"):
        coding_figure(P, Q, parts=("bars",))
    with pytest.raises(ValueError):
        coding_figure(P, [1, 2])
    with pytest.raises(ValueError):
        coding_figure(P, Q, size=(1, 1))


def test_infinite_column_is_marked_and_explained():
    fig = coding_figure([1, 1, 1], [1, 0, 1])
    texts = _texts(fig)
    assert "∞" in texts
    joined = "\n".join(texts)
    assert "H(P,Q) = ∞" in joined and "Q(B) = 0 where P(B) > 0" in joined


def test_hostile_labels_are_plain_text():
    labels = ["$\\frac{1}{0}$", "<b>x</b>", "}\\input{/etc/passwd}"]
    fig = coding_figure([1, 1, 2], [2, 1, 1], labels=labels)
    texts = _texts(fig)
    assert "\\$\\frac{1}{0}\\$: 0" in texts  # a `$` never switches matplotlib to mathtext
    svg = figure_bytes(fig, "svg")
    shown = "\n".join(svg_texts(svg))
    assert "}\\input{/etc/passwd}" in shown and "<b>x</b>" in shown and "$\\frac{1}{0}$" in shown


def test_export_writes_png_and_svg(tmp_path):
    png = tmp_path / "c.png"
    rc, out, err = run("export", *ARGS, "--view", "coding", "--out", png, "--dpi", "50")
    assert rc == 0 and out == "" and err == "", err
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = png_size(data)
    assert w > 200 and h > 150
    svg = tmp_path / "c.svg"
    rc, _, err = run("export", *ARGS, "--view", "coding", "--out", svg, "--parts", "ideal_p,kl", "--title", "T")
    assert rc == 0, err
    texts = svg_texts(svg.read_bytes())
    assert "T" in texts
    pdf = tmp_path / "c.pdf"
    assert run("export", *ARGS, "--view", "coding", "--out", pdf, "--no-readout")[0] == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_export_from_a_session_and_a_data_file(tmp_path):
    import json

    session = tmp_path / "s.klviz"
    session.write_text(json.dumps({
        "format": "klviz-session", "version": 1, "unit": "nats",
        "discrete": {"labels": ["sun", "rain", "snow"], "p": [0.6, 0.3, 0.1], "q": [0.2, 0.5, 0.3]},
        "continuous": {"p": {"family": "normal", "mu": 0.0, "sigma": 1.0},
                       "q": {"family": "normal", "mu": 1.0, "sigma": 2.0}}}), encoding="utf-8")
    svg = tmp_path / "s.svg"
    rc, _, err = run("export", "--session", session, "--view", "coding", "--out", svg)
    assert rc == 0, err
    texts = svg_texts(svg.read_bytes())
    assert "sun" in "\n".join(texts)  # the session's labels
    data = tmp_path / "w.csv"
    data.write_text("kiwi,3\nfig,1\n", encoding="utf-8")
    svg2 = tmp_path / "d.svg"
    rc, _, err = run("export", "--p", f"@{data}", "--q", "1,1", "--view", "coding", "--out", svg2)
    assert rc == 0, err
    assert "kiwi" in "\n".join(svg_texts(svg2.read_bytes()))


@pytest.mark.parametrize("args,fragment", [
    (("--p", "normal:0,1", "--q", "normal:1,1"), "needs discrete P and Q"),
    (("--p", "0.5,0.5", "--q", "1,2,3"), "length"),
    (("--p", "0.5,-1", "--q", "1,2"), "P"),
    (ARGS + ("--unit", "nats"), "always in bits"),
    (ARGS + ("--parts", "kl,nope"), "unknown coding part 'nope'"),
    (ARGS + ("--animate", "sweep:p:1:0.1:0.9"), "exports a still"),
])
def test_export_bad_input_is_one_error_line(tmp_path, args, fragment):
    out = tmp_path / ("c.gif" if "--animate" in args else "c.png")
    msg = error_message("export", *args, "--view", "coding", "--out", out)
    assert fragment in msg
    assert not out.exists()


def test_export_unit_bits_is_accepted(tmp_path):
    assert run("export", *ARGS, "--view", "coding", "--unit", "bits", "--out", tmp_path / "c.png", "--dpi", "40")[0] == 0


def test_figure_module_imports_no_qt():
    code = ("import sys, klviz.figures.coding; "
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
