"""`klviz --help`, `klviz help` and `klviz --version`: every command listed with one line, the
installed version printed, and anything after them refused in one line."""

import re

import pytest

from klviz import __version__
from klviz.cli import main
from klviz.cli.main import COMMANDS


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("flag", ["--help", "-h", "help"])
def test_help_lists_every_command_with_one_line(capsys, flag):
    code, out, err = run(capsys, flag)
    assert code == 0 and err == ""
    for name in COMMANDS:
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(name + " "))
        assert len(line.split(name, 1)[1].strip()) > 10  # a summary, on the same line
    assert "SESSION" in out and "--version" in out


def test_help_and_dash_dash_help_are_the_same(capsys):
    assert run(capsys, "help") == run(capsys, "--help")


def test_version(capsys):
    code, out, err = run(capsys, "--version")
    assert (code, err) == (0, "")
    assert out.strip() == f"klviz {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_installed_metadata_has_the_same_version():
    from importlib.metadata import version

    assert version("klviz") == __version__


@pytest.mark.parametrize("args", [["--version", "x"], ["help", "compute"], ["--help", "--version"]])
def test_extra_arguments_are_one_error_line(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("klviz: error:") and err.count("\n") == 1


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_its_own_help(capsys, name):
    with pytest.raises(SystemExit) as exc:
        main([name, "--help"])
    assert exc.value.code == 0
    assert f"klviz {name}" in capsys.readouterr().out
