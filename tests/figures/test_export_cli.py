"""Black-box tests of `klviz export`, run as subprocesses with no display.

Contract under test:
    klviz export (--session FILE | --p SPEC --q SPEC) --view discrete|continuous
                 --out FILE.{png,svg,pdf} [--dpi N] [--size WxH] [--unit U] [--parts LIST]
                 [--title TEXT] [--no-readout]
Success: exit 0, the file written, nothing on stdout, no warning on stderr.
Bad input: exit 2, exactly one stderr line `klviz: error: ...`, no traceback, no file written.
Qt is never imported. Numbers are checked against scipy (figtools), not against klviz.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from figtools import (
    assert_shown_matches,
    pdf_texts,
    png_size,
    ref_continuous,
    ref_discrete,
    shown_value,
    svg_texts,
)

REPO = Path(__file__).resolve().parents[2]
QT = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "PyQt5", "PyQt6")


def _env():
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONWARNINGS", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    env["PYTHONIOENCODING"] = "utf-8"
    env["MPLBACKEND"] = "QtAgg"  # anything that asked matplotlib for a backend would reach for Qt
    return env


def export(*args, cwd=None):
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", "klviz", "export", *map(str, args)],
        capture_output=True, cwd=cwd or REPO, env=_env(), timeout=120,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def ok(*args):
    rc, out, err = export(*args)
    assert rc == 0, f"exit {rc}\n{err}"
    assert out == ""
    assert "Traceback" not in err and "Warning" not in err, err
    return err


def assert_usage_error(result):
    rc, out, err = result
    assert rc == 2, f"exit {rc}\nstderr:\n{err}"
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got:\n{err}"
    assert lines[0].startswith("klviz: error: "), lines[0]
    assert out == ""
    return lines[0]


DISC = ("--p", "0.1,0.4,0.5", "--q", "0.8,0.15,0.05")
CONT = ("--p", "mixture:0.5,-2,0.7,2,0.7", "--q", "normal:0,1.5")


# --------------------------------------------------------------------------------------------
# It works, headless, in every format


def test_png_default_is_300_dpi(tmp_path):
    out = tmp_path / "d.png"
    ok(*DISC, "--view", "discrete", "--out", out)
    w, h = png_size(out.read_bytes())
    # 300 dpi of a figure a few inches across
    assert 6 * 300 <= w <= 12 * 300 and 4 * 300 <= h <= 12 * 300
    assert w % 1 == 0


@pytest.mark.parametrize("size, dpi, expected", [("8x6", 100, (800, 600)), ("10X7.5", 50, (500, 375)),
                                                 ("9.5x7", 200, (1900, 1400))])
def test_png_has_the_requested_pixel_size(tmp_path, size, dpi, expected):
    out = tmp_path / "d.png"
    ok(*DISC, "--view", "discrete", "--out", out, "--size", size, "--dpi", dpi)
    assert png_size(out.read_bytes()) == expected


def test_continuous_png_size(tmp_path):
    out = tmp_path / "c.png"
    ok(*CONT, "--view", "continuous", "--out", out, "--size", "9x6", "--dpi", 120)
    assert png_size(out.read_bytes()) == (1080, 720)


@pytest.mark.parametrize("unit", ["nats", "bits"])
def test_svg_text_with_reference_numbers(tmp_path, unit):
    out = tmp_path / "d.svg"
    ok(*DISC, "--view", "discrete", "--out", out, "--unit", unit)
    texts = svg_texts(out.read_bytes())
    ref = ref_discrete([0.1, 0.4, 0.5], [0.8, 0.15, 0.05], unit)
    for name in ref:
        assert_shown_matches(shown_value(texts, name, unit), ref[name])


def test_pdf_text_with_reference_numbers(tmp_path):
    out = tmp_path / "c.pdf"
    ok(*CONT, "--view", "continuous", "--out", out, "--title", "Mode covering")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/FontFile2" in data
    texts = pdf_texts(data)
    assert "Mode covering" in texts
    ref = ref_continuous(
        {"family": "mixture", "weight": 0.5, "components": [{"mu": -2, "sigma": 0.7}, {"mu": 2, "sigma": 0.7}]},
        {"family": "normal", "mu": 0, "sigma": 1.5},
    )
    for name in ref:
        assert_shown_matches(shown_value(texts, name, "nats"), ref[name])


def test_parts_and_no_readout(tmp_path):
    out = tmp_path / "d.svg"
    ok(*DISC, "--view", "discrete", "--out", out, "--parts", "decomposition", "--no-readout")
    texts = svg_texts(out.read_bytes())
    assert "Cross-entropy = entropy + KL divergence" in texts
    assert "P and Q" not in texts and "Pointwise terms" not in texts and "Measures" not in texts


def test_normalised_weights_get_a_note_not_an_error(tmp_path):
    out = tmp_path / "d.svg"
    err = ok("--p", "1,2,3", "--q", "3,2,1", "--view", "discrete", "--out", out)
    assert err.splitlines() == [
        "klviz: note: the weights of P did not sum to 1 and were normalised",
        "klviz: note: the weights of Q did not sum to 1 and were normalised",
    ]
    assert out.exists()


def test_an_existing_file_is_replaced_and_no_temporary_file_is_left(tmp_path):
    out = tmp_path / "d.pdf"
    out.write_bytes(b"old")
    ok(*DISC, "--view", "discrete", "--out", out)
    assert out.read_bytes().startswith(b"%PDF")
    assert os.listdir(tmp_path) == ["d.pdf"]


def test_a_relative_path_is_relative_to_the_working_folder(tmp_path):
    rc, out, err = export(*DISC, "--view", "discrete", "--out", "rel.svg", cwd=tmp_path)
    assert rc == 0, err
    assert (tmp_path / "rel.svg").exists()


def _session(tmp_path, **changes):
    data = {
        "format": "klviz-session",
        "version": 1,
        "unit": "bits",
        "discrete": {"labels": ["sun", "rain", "snow"], "p": [0.6, 0.3, 0.1], "q": [0.2, 0.5, 0.3]},
        "continuous": {"p": {"family": "normal", "mu": 0.0, "sigma": 1.0},
                       "q": {"family": "normal", "mu": 1.0, "sigma": 2.0}},
    }
    data.update(changes)
    path = tmp_path / "s.klviz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_from_a_session_discrete(tmp_path):
    out = tmp_path / "d.svg"
    ok("--session", _session(tmp_path), "--view", "discrete", "--out", out)
    texts = svg_texts(out.read_bytes())
    assert {"sun", "rain", "snow"} <= set(texts)
    ref = ref_discrete([0.6, 0.3, 0.1], [0.2, 0.5, 0.3], "bits")  # the session's unit
    for name in ref:
        assert_shown_matches(shown_value(texts, name, "bits"), ref[name])


def test_from_a_session_continuous_with_another_unit(tmp_path):
    out = tmp_path / "c.svg"
    ok("--session", _session(tmp_path), "--view", "continuous", "--out", out, "--unit", "hartleys")
    texts = svg_texts(out.read_bytes())
    ref = ref_continuous({"family": "normal", "mu": 0.0, "sigma": 1.0},
                         {"family": "normal", "mu": 1.0, "sigma": 2.0}, "hartleys")
    for name in ref:
        assert_shown_matches(shown_value(texts, name, "hartleys"), ref[name])
    assert "P = N(0, 1²)" in texts and "Q = N(1, 2²)" in texts


def test_help_is_not_an_error():
    rc, out, err = export("--help")
    assert rc == 0 and "--view" in out and "--size" in out and err == ""


# --------------------------------------------------------------------------------------------
# No Qt, ever


def test_export_imports_no_qt(tmp_path):
    out = tmp_path / "d.png"
    code = (
        "import sys, json\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {QT!r}:\n"
        "            raise ImportError('Qt is not allowed here: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from klviz.cli import main\n"
        f"rc = main(['export', '--p', '0.2,0.8', '--q', '0.5,0.5', '--view', 'discrete', '--out', {str(out)!r}])\n"
        f"rc2 = main(['export', '--p', 'normal:0,1', '--q', 'normal:1,1', '--view', 'continuous', "
        f"'--out', {str(tmp_path / 'c.pdf')!r}])\n"
        f"print(json.dumps([rc, rc2, sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [0, 0, []]
    assert out.exists() and (tmp_path / "c.pdf").exists()


def test_the_export_module_alone_loads_no_matplotlib():
    # Argument checking happens before matplotlib is imported: mistakes cost no start-up time.
    code = "import sys, klviz.cli.export; print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr


def test_only_the_command_skips_matplotlibs_set_docstrings(tmp_path):
    # The library API keeps matplotlib's Artist.set() docstrings.
    code = "import klviz.figures, matplotlib.lines as l; print('Properties' in l.Line2D.set.__doc__)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.split() == ["True"], proc.stderr
    # `klviz export` skips them while importing its figures, then puts matplotlib back.
    out = tmp_path / "f.svg"
    code = ("import sys; from klviz.cli import main; main(sys.argv[1:]);"
            " import matplotlib.lines as l, matplotlib.artist as a;"
            " print('Properties' in l.Line2D.set.__doc__, 'Properties' in a.kwdoc(l.Line2D))")
    proc = subprocess.run([sys.executable, "-c", code, "export", "--p", "0.5,0.5", "--q", "0.9,0.1",
                           "--view", "discrete", "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and out.exists(), proc.stderr
    assert proc.stdout.split() == ["False", "True"], proc.stdout + proc.stderr


# --------------------------------------------------------------------------------------------
# Bad input: one line, exit 2, no file


BAD_ARGS = {
    "no view": (*DISC, "--out", "{out}"),
    "no out": (*DISC, "--view", "discrete"),
    "unknown view": (*DISC, "--view", "bars", "--out", "{out}"),
    "nothing to draw": ("--view", "discrete", "--out", "{out}"),
    "only p": ("--p", "0.5,0.5", "--view", "discrete", "--out", "{out}"),
    "only q": ("--q", "0.5,0.5", "--view", "discrete", "--out", "{out}"),
    "session and p": ("--session", "{session}", "--p", "0.5,0.5", "--q", "0.5,0.5", "--view", "discrete",
                      "--out", "{out}"),
    "bad spec": ("--p", "0.5,abc", "--q", "0.5,0.5", "--view", "discrete", "--out", "{out}"),
    "negative weight": ("--p", "-0.5,1.5", "--q", "0.5,0.5", "--view", "discrete", "--out", "{out}"),
    "lengths differ": ("--p", "0.5,0.5", "--q", "0.2,0.3,0.5", "--view", "discrete", "--out", "{out}"),
    "mixed kinds": ("--p", "0.5,0.5", "--q", "normal:0,1", "--view", "discrete", "--out", "{out}"),
    "discrete as continuous": (*DISC, "--view", "continuous", "--out", "{out}"),
    "continuous as discrete": (*CONT, "--view", "discrete", "--out", "{out}"),
    "bad sigma": ("--p", "normal:0,0", "--q", "normal:0,1", "--view", "continuous", "--out", "{out}"),
    "unknown unit": (*DISC, "--view", "discrete", "--out", "{out}", "--unit", "bans"),
    "unknown part": (*DISC, "--view", "discrete", "--out", "{out}", "--parts", "bars,pie"),
    "continuous part for discrete": (*DISC, "--view", "discrete", "--out", "{out}", "--parts", "densities"),
    "empty parts": (*DISC, "--view", "discrete", "--out", "{out}", "--parts", ","),
    "unknown option": (*DISC, "--view", "discrete", "--out", "{out}", "--colour", "red"),
    "dpi zero": (*DISC, "--view", "discrete", "--out", "{out}", "--dpi", "0"),
    "dpi negative": (*DISC, "--view", "discrete", "--out", "{out}", "--dpi", "-3"),
    "dpi huge": (*DISC, "--view", "discrete", "--out", "{out}", "--dpi", "3000"),
    "dpi fraction": (*DISC, "--view", "discrete", "--out", "{out}", "--dpi", "72.5"),
    "dpi word": (*DISC, "--view", "discrete", "--out", "{out}", "--dpi", "high"),
    "size zero": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "0x5"),
    "size negative": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "-8x6"),
    "size half": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "8x"),
    "size word": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "big"),
    "size three": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "8x6x2"),
    "size inf": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "infx6"),
    "size nan": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "8xnan"),
    "size enormous": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "500x6"),
    "size too small": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "3x2"),
    "too many pixels": (*DISC, "--view", "discrete", "--out", "{out}", "--size", "90x90", "--dpi", "2400"),
}


@pytest.mark.parametrize("case", sorted(BAD_ARGS))
def test_bad_arguments(tmp_path, case):
    out = tmp_path / "x.png"
    session = _session(tmp_path)
    args = [a.format(out=out, session=session) for a in BAD_ARGS[case]]
    assert_usage_error(export(*args))
    assert not out.exists()
    assert sorted(os.listdir(tmp_path)) == ["s.klviz.json"], "no stray files"


@pytest.mark.parametrize("name", ["x.jpg", "x", "x.svgz", "x.pdf.txt", "x."])
def test_bad_extension(tmp_path, name):
    line = assert_usage_error(export(*DISC, "--view", "discrete", "--out", tmp_path / name))
    assert ".png, .svg or .pdf" in line
    assert os.listdir(tmp_path) == []


def _unwritable(tmp_path):
    """A path that cannot be written: a read-only folder, or (root ignores permissions) /proc."""
    if os.geteuid() == 0:
        return Path("/proc/klviz-export-test.png"), None
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "x.png", folder


@pytest.mark.parametrize("where", ["missing folder", "a directory", "under a file", "unwritable", "newline"])
def test_unwritable_output(tmp_path, where):
    locked = None
    if where == "missing folder":
        out = tmp_path / "nope" / "x.png"
    elif where == "a directory":
        out = tmp_path / "dir.png"
        out.mkdir()
    elif where == "under a file":
        (tmp_path / "file").write_text("x")
        out = tmp_path / "file" / "x.svg"
    elif where == "newline":
        out = tmp_path / "two\nlines" / "x.pdf"
    else:
        out, locked = _unwritable(tmp_path)
    try:
        line = assert_usage_error(export(*DISC, "--view", "discrete", "--out", out))
        assert "cannot write" in line
        assert not out.is_file()
    finally:
        if locked is not None:
            locked.chmod(0o700)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00binary",
        b"[1, 2, 3]",
        b'{"format": "something-else"}',
        b'{"format": "klviz-session", "version": 99}',
        b'{"discrete": {"p": [0.5, -0.5, 1], "q": [1, 1, 1]}}',
        b'{"discrete": {"p": [0.5, 0.5], "q": [1, 1, 1]}}',
        b'{"continuous": {"p": {"family": "normal", "mu": 0, "sigma": -1}, "q": {"family": "normal", "mu": 0, "sigma": 1}}}',
        b'{"unit": "bans"}',
        b'{"discrete": {"p": [NaN, 1], "q": [1, 1]}}',
    ],
)
def test_bad_session(tmp_path, content):
    session = tmp_path / "bad.json"
    session.write_bytes(content)
    out = tmp_path / "x.png"
    line = assert_usage_error(export("--session", session, "--view", "discrete", "--out", out))
    assert "session" in line
    assert not out.exists()


@pytest.mark.parametrize("which", ["missing", "directory"])
def test_unreadable_session(tmp_path, which):
    session = tmp_path / "s.json"
    if which == "directory":
        session.mkdir()
    line = assert_usage_error(export("--session", session, "--view", "continuous", "--out", tmp_path / "x.svg"))
    assert "session" in line


@pytest.mark.parametrize("pair", [("normal:0,1e-300", "normal:0,1"), ("normal:1e300,1", "normal:-1e300,1"),
                                  ("normal:0,1e300", "normal:0,1e-300")])
def test_a_pair_whose_integrands_leave_the_float_range_still_exports(tmp_path, pair):
    """Issue 11: every pair the file format and `klviz compute` take exports too. Where a KL
    integrand is beyond the float range (one log density below -1.8e308 where the other is not),
    the figure leaves a gap there, as the app's chart does, and says so; the readouts give the
    measures (∞ with its reason where the true value overflows)."""
    out = tmp_path / "x.svg"
    ok("--view", "continuous", "--p", pair[0], "--q", pair[1], "--out", out)
    texts = " ".join(svg_texts(out.read_bytes()))
    assert "KL integrands" in texts.replace("\xa0", " ")
    assert "gaps: values beyond the range of floating-point numbers" in texts.replace("\xa0", " ")


def test_the_gap_note_is_absent_where_every_point_is_finite(tmp_path):
    out = tmp_path / "x.svg"
    ok("--view", "continuous", *CONT, "--out", out)
    assert "gaps:" not in " ".join(svg_texts(out.read_bytes()))
