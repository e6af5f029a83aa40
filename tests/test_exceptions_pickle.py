"""Every exception class klviz defines survives pickle and copy with its message and attributes:
exports and other work run in worker threads and processes, which hand their errors back pickled,
and an exception whose constructor does not take its own args (DataFileError(path, reason, ...),
ReadError(shown, reason)) is rebuilt as cls(*args) unless it says how to rebuild itself.

The classes are found by reading klviz's sources, so a new one without a case here fails."""

import ast
import builtins
import copy
import importlib
import pickle
import sys
from pathlib import Path

import pytest

from error_cases import data_error, session_error
from klviz.core.text import Text

ROOT = Path(__file__).resolve().parents[1] / "klviz"
# the classes there were when this test was written: the scan must find at least these
KNOWN = {"klviz.core.checks.NotNumbersError", "klviz.core.datafile.DataFileError", "klviz.fileio.ReadError",
         "klviz.state.fileformat.SessionError", "klviz.state.imports.ImportRefused",
         "klviz.scene.coding.UnencodableError", "klviz.animation.VideoUnavailable",
         "klviz.figures.animate.AnimationCancelled", "klviz.cli.common.UsageError", "klviz.gui.jobs.Cancelled"}


def _module_name(path):
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_exception(obj):
    return isinstance(obj, type) and issubclass(obj, BaseException)


def exception_classes():
    """{"module.Class": class} for every exception class defined at the top of a klviz module, and
    the classes defined anywhere else (in a function, a class, an `if`) whose bases name an
    exception (a builtin one, one of klviz's, or a name ending in Error/Exception/Warning): no
    case here could build those, so there should be none."""
    found, inner = {}, []
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        if top:
            module = importlib.import_module(_module_name(path))
            for node in top:
                cls = getattr(module, node.name)
                if _is_exception(cls):
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
        inner += [(path, node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node not in top]
    ours = {cls.__name__ for cls in found.values()}
    nested = []
    for path, node in inner:
        bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in node.bases}
        if any(name and (name in ours or name.endswith(("Error", "Exception", "Warning"))
                         or _is_exception(getattr(builtins, name, None))) for name in bases):
            nested.append(f"{_module_name(path)}:{node.lineno} {node.name}")
    return found, nested


# realistic instances, mostly raised by the code that raises them: {"module.Class": [factory(tmp_path, monkeypatch)]}
def _raised(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except BaseException as exc:  # noqa: BLE001 (whatever it raises is what is checked)
        return exc
    raise AssertionError(f"{fn.__name__}{args} raised nothing")


def _read_error_directory(tmp_path, _mp):
    from klviz.fileio import read_regular_file

    return _raised(read_regular_file, tmp_path, 1000, what="weights file")


def _read_error_nul(_tmp, _mp):
    from klviz.fileio import read_regular_file

    return _raised(read_regular_file, "w\x00.csv", 1000)


def _data_error_direct(tmp_path, _mp):
    from klviz.core.datafile import DataFileError

    return DataFileError(tmp_path / "w\tx.csv", Text("'{cell}' is not a number", cell="x3"), line=7)


def _data_error_no_path(_tmp, _mp):
    from klviz.core.datafile import DataFileError

    return DataFileError(None, Text("the table is empty"), column=2)


def _import_refused(_tmp, _mp):
    from types import SimpleNamespace

    import numpy as np

    from klviz.state.imports import with_import
    from klviz.state import Session

    one = SimpleNamespace(target="p", kind="weights", probabilities=np.array([1.0]), labels=None)
    return _raised(with_import, Session(), one)  # one category: the tab needs two


def _video_unavailable(_tmp, monkeypatch):
    from klviz.animation import ffmpeg_exe

    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # import fails: the extra is missing
    return _raised(ffmpeg_exe)


def _not_numbers(_tmp, _mp):
    from klviz.core.checks import finite_number

    return _raised(finite_number, "x", "mu")


def _unencodable(_tmp, _mp):
    from klviz.scene.coding import send_message

    return _raised(send_message, [0.5, 0.5], [1, 0], 10, 0, labels=["a", "b"])


def _usage(_tmp, _mp):
    from klviz.cli.common import join_option_values

    return _raised(join_option_values, ["--p", "--"], {"--p"})


def _animation_cancelled(_tmp, _mp):
    from klviz.figures.animate import AnimationCancelled

    return AnimationCancelled("the animation was cancelled")


def _cancelled(_tmp, _mp):
    from klviz.gui.jobs import Cancelled

    return Cancelled()


CASES = {
    "klviz.core.checks.NotNumbersError": [_not_numbers],
    "klviz.core.datafile.DataFileError": [lambda t, _: data_error("not a number", t),  # line and column
                                          lambda t, _: data_error("extension", t),  # the path only
                                          _data_error_direct, _data_error_no_path],
    "klviz.fileio.ReadError": [_read_error_directory, _read_error_nul],
    "klviz.state.fileformat.SessionError": [lambda t, _: session_error("newer", t)],
    "klviz.state.imports.ImportRefused": [_import_refused],
    "klviz.scene.coding.UnencodableError": [_unencodable],
    "klviz.animation.VideoUnavailable": [_video_unavailable],
    "klviz.figures.animate.AnimationCancelled": [_animation_cancelled],
    "klviz.cli.common.UsageError": [_usage],
    "klviz.gui.jobs.Cancelled": [_cancelled],
}
PARAMS = [pytest.param(name, k, id=f"{name.rsplit('.', 1)[1]}-{k}") for name in CASES for k in range(len(CASES[name]))]


def public(exc):
    return {k: v for k, v in vars(exc).items() if not k.startswith("_")}


def assert_same(again, exc):
    assert type(again) is type(exc)
    assert str(again) == str(exc)
    assert again.args == exc.args
    assert public(again) == public(exc)
    for a, b in zip(again.args, exc.args):  # a Text stays one, so the gui can still translate it
        assert type(a) is type(b)
        if isinstance(b, Text):
            assert (a.template, a.fields) == (b.template, b.fields)


def test_the_scan_finds_every_class_and_each_has_a_case():
    found, nested = exception_classes()
    assert KNOWN <= set(found), KNOWN - set(found)
    assert set(found) == set(CASES), set(found) ^ set(CASES)
    assert nested == []


def test_the_scan_sees_an_exception_class(tmp_path, monkeypatch):
    """The scan is not blind: a module that defines one (even as a subclass of another's) is found."""
    import klviz

    pkg = tmp_path / "klviz"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "extra.py").write_text(
        "from klviz.core.datafile import DataFileError\n\nclass Plain:\n    pass\n\n"
        "class LaterRefusal(DataFileError):\n    pass\n\n"
        "def f():\n    class Inner(ValueError):\n        pass\n\n"
        "if True:\n    class Hidden(LaterRefusal):\n        pass\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", pkg)
    monkeypatch.setattr(klviz, "__path__", [*klviz.__path__, str(pkg)])
    assert "klviz.sub" not in sys.modules
    try:
        found, nested = exception_classes()
    finally:  # the made-up modules go again
        for name in ("klviz.sub.extra", "klviz.sub"):
            sys.modules.pop(name, None)
        vars(klviz).pop("sub", None)
    assert set(found) == {"klviz.sub.extra.LaterRefusal"}
    assert nested == ["klviz.sub.extra:10 Inner", "klviz.sub.extra:14 Hidden"]


@pytest.mark.parametrize("name,k", PARAMS)
def test_round_trip_through_pickle_and_copy(name, k, tmp_path, monkeypatch):
    exc = CASES[name][k](tmp_path, monkeypatch)
    assert f"{type(exc).__module__}.{type(exc).__qualname__}" == name  # the case builds its class
    for protocol in sorted({2, pickle.HIGHEST_PROTOCOL}):
        assert_same(pickle.loads(pickle.dumps(exc, protocol)), exc)
    assert_same(copy.copy(exc), exc)
    assert_same(copy.deepcopy(exc), exc)


def test_the_attributes_checked_are_the_ones_the_errors_have(tmp_path, monkeypatch):
    """The comparisons above are not of empty dicts: the errors' documented attributes are there,
    with the values the constructor was given."""
    exc = data_error("not a number", tmp_path)
    assert (exc.path, exc.line, exc.column) == (str(tmp_path / "w.csv"), 3, 1)
    assert public(exc) == {"path": exc.path, "reason": exc.reason, "line": 3, "column": 1}
    again = pickle.loads(pickle.dumps(exc))
    assert (again.path, again.reason, again.line, again.column) == (exc.path, exc.reason, 3, 1)
    assert str(again) == f"{tmp_path / 'w.csv'}, line 3, column 1: 'x3' is not a number (expected weights)"
    read = _read_error_directory(tmp_path, monkeypatch)
    assert public(read) == {"reason": read.reason} and str(read).startswith(f"cannot read {tmp_path}: it is ")
    assert pickle.loads(pickle.dumps(read)).reason == read.reason


def test_a_note_and_a_changed_attribute_survive(tmp_path):
    """State set after raising (a note, a reason rewritten by a caller) is kept, not rebuilt away."""
    from klviz.core.datafile import DataFileError

    exc = DataFileError(tmp_path / "w.csv", Text("bad"), line=2, column=3)
    exc.add_note("while importing P")
    exc.line = 9
    again = pickle.loads(pickle.dumps(exc))
    assert again.__notes__ == ["while importing P"] and again.line == 9
    assert str(again) == str(exc) == f"{tmp_path / 'w.csv'}, line 2, column 3: bad"
