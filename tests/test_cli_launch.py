"""`klviz FILE` checks the session file in full before any window is built: a bad file is one
`klviz: error:` line and exit status 2, exactly like `klviz export --session FILE`."""

import json
import os
import subprocess
import sys

import pytest

from klviz import cli
from klviz import state as ss

HEAD = {"format": "klviz-session", "version": 1}


@pytest.fixture
def no_window(monkeypatch):
    """Record a launch instead of opening the app."""
    import klviz.gui.app

    launched = []
    monkeypatch.setattr(klviz.gui.app, "run", lambda path=None: launched.append(path) or 0)
    return launched


def bad_files(tmp_path):
    def put(name, content):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return str(path)

    fifo = tmp_path / "pipe.klviz"
    os.mkfifo(fifo)
    return {
        "empty object": (put("a.klviz", "{}"), "not a klviz session"),
        "left-pad": (put("b.klviz", '{"name": "left-pad"}'), "not a klviz session"),
        "1e400": (put("c.klviz", json.dumps(HEAD)[:-1] + ', "discrete": {"p": [1e400, 1], "q": [1, 1]}}'),
                  "discrete P, entry 1 is 1e400"),
        "5000 digits": (put("d.klviz", json.dumps(HEAD)[:-1] + ', "discrete": {"p": [' + "9" * 5000
                            + ', 1], "q": [1, 1]}}'), "5,000-character number"),
        "label newline": (put("e.klviz", json.dumps(dict(HEAD, discrete={"labels": ["a\nb", "c"], "p": [1, 1],
                                                                      "q": [1, 1]}))), "U+000A"),
        "fifo": (str(fifo), "FIFO"),
        "directory": (str(tmp_path), "directory"),
        "device": ("/dev/zero", "device"),
        "missing": (str(tmp_path / "nope.klviz"), "no such session file"),
        "nul": (str(tmp_path / "a\x00b"), "NUL"),
        "binary": (put("f.klviz", bytes(range(256))), "not UTF-8"),
        "newline in name": (put("g\nh.klviz", "{}"), "g\\nh.klviz"),
    }


@pytest.mark.parametrize("case", ["empty object", "left-pad", "1e400", "5000 digits", "label newline", "fifo",
                                  "directory", "device", "missing", "nul", "binary", "newline in name"])
@pytest.mark.parametrize("how", ["launch", "export"])
def test_bad_session_is_one_error_line(tmp_path, capsys, no_window, case, how):
    path, words = bad_files(tmp_path)[case]
    out = tmp_path / "out.png"
    args = [path] if how == "launch" else ["export", "--session", path, "--view", "discrete", "--out", str(out)]
    assert cli.main(args) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert captured.out == "" and len(lines) == 1, captured.err
    assert lines[0].startswith("klviz: error: ") and words in lines[0], lines[0]
    assert no_window == [] and not out.exists()


def test_good_session_launches(tmp_path, no_window):
    path = tmp_path / "ok.klviz"
    ss.save_session(ss.Session().with_(unit="bits"), str(path))
    assert cli.main([str(path)]) == 0
    assert no_window == [str(path)]


def test_a_fifo_at_launch_does_not_hang_and_imports_no_qt(tmp_path):
    fifo = tmp_path / "pipe.klviz"
    os.mkfifo(fifo)
    code = ("import sys; from klviz.cli import main; rc = main([sys.argv[1]]); "
            "assert 'PySide6' not in sys.modules; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-W", "error", "-c", code, str(fifo)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("klviz: error: ") and len(proc.stderr.splitlines()) == 1, proc.stderr
