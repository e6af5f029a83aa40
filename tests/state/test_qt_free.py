"""The state layer and its tests need no Qt, checked from the source (no subprocess): neither
klviz.state nor any klviz module it imports, nor any test file here, imports a GUI toolkit."""

from pathlib import Path

from test_layers import _import_graph
from test_layers import _third_party as _imported_packages

FORBIDDEN = {"PySide6", "shiboken6", "pyqtgraph", "matplotlib", "superqt"}
ROOT = Path(__file__).resolve().parents[2]


def _closure(graph, start):
    seen, todo = set(), [m for m in graph if m == start or m.startswith(start + ".")]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(graph[m])
    return seen


def _path(module):
    p = ROOT.joinpath(*module.split("."))
    return p / "__init__.py" if p.is_dir() else p.with_suffix(".py")


def test_klviz_state_and_all_it_imports_are_qt_free():
    modules = _closure(_import_graph(), "klviz.state")
    assert {"klviz.state.fileformat", "klviz.state.session", "klviz.core.spec"} <= modules
    bad = {m: sorted(_imported_packages(_path(m)) & FORBIDDEN) for m in modules}
    assert {m: b for m, b in bad.items() if b} == {}


def test_the_state_tests_import_no_qt():
    files = sorted(Path(__file__).parent.glob("*.py"))
    assert len(files) >= 5
    assert {f.name: sorted(_imported_packages(f) & FORBIDDEN) for f in files
            if _imported_packages(f) & FORBIDDEN} == {}


def test_the_check_can_fail():
    assert _imported_packages(ROOT / "klviz" / "gui" / "theme.py") & FORBIDDEN
