"""The Qt-free layers stay Qt-free: importing them loads no GUI toolkit (and the app never needs scipy)."""

import json
import subprocess
import sys

import pytest

FORBIDDEN = ["PySide6", "shiboken6", "pyqtgraph", "matplotlib", "scipy", "superqt"]


def _loaded_after_import(module):
    code = (
        "import sys, json\n"
        f"import {module}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in %r)))" % (FORBIDDEN,)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("module", ["klviz.core", "klviz.cli", "klviz.state", "klviz.session", "klviz.losslab",
                                    "klviz.style"])
def test_import_loads_no_gui_or_scipy(module):
    assert _loaded_after_import(module) == []


def test_the_check_itself_can_fail():
    # The detector sees a forbidden import when there is one (so the test above is not vacuous).
    assert "numpy" not in FORBIDDEN
    assert _loaded_after_import("pyqtgraph") != []


def _import_graph():
    """klviz's modules and the klviz modules each imports (anywhere in it: lazy imports count)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "klviz"
    modules = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                # `from pkg import mod` names the submodule when there is one
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            deps.update(t for t in targets if t in modules and t != name)
        graph[name] = deps
    return graph


def _cycles(graph):
    """Every strongly connected component with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    graph = _import_graph()
    assert "klviz.cli.main" in graph and "klviz.core.discrete" in graph
    assert _cycles(graph) == []


def test_the_cycle_check_itself_can_fail():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def _third_party(path):
    """Top-level names of the non-klviz packages a source file imports (lazy imports count)."""
    import ast

    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            out.add(node.module.split(".")[0])
    return out - {"klviz"}


def _layer(graph, prefix):
    return {m for m in graph if m == prefix or m.startswith(prefix + ".")}


QT = {"PySide6", "shiboken6", "pyqtgraph", "superqt"}


def test_the_state_layer_rules():
    """klviz.state: no Qt, no matplotlib, nothing from the GUI, the CLI, the figures or the scene
    layer above it (any import, lazy ones included), nor does the lesson's content it reads;
    klviz.core below it imports neither state nor anything above."""
    from pathlib import Path

    graph = _import_graph()
    root = Path(__file__).resolve().parents[1]
    state, core = _layer(graph, "klviz.state"), _layer(graph, "klviz.core")
    assert {"klviz.state.session", "klviz.state.fileformat", "klviz.state.losslab"} <= state
    above = ("klviz.gui", "klviz.cli", "klviz.figures", "klviz.scene")
    for m in sorted(state):
        path = root.joinpath(*m.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        assert not _third_party(path) & (QT | {"matplotlib"}), m
        assert not {d for d in graph[m] if d.startswith(above)}, m
    for m in sorted(core):  # nor klviz.i18n: core's texts are marked in klviz/i18n/core_texts.py
        assert not {d for d in graph[m] if d.startswith(above + ("klviz.state", "klviz.session", "klviz.i18n"))}, m
    assert not {d for d in graph["klviz.lesson"] if d.startswith(above)}
    # the compatibility modules are the state's own names, nothing else
    assert graph["klviz.losslab"] == {"klviz.state.losslab"}
    assert {d.split(".")[1] for d in graph["klviz.session"]} <= {"state", "core"}


def test_the_state_rules_can_fail():
    from pathlib import Path

    gui = Path(__file__).resolve().parents[1] / "klviz" / "gui" / "theme.py"
    assert _third_party(gui) & QT
    assert any(d.startswith("klviz.gui") for d in _import_graph()["klviz.gui.main_window"])


def _path_of(module):
    from pathlib import Path

    path = Path(__file__).resolve().parents[1].joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _gui_core_imports(graph):
    """{gui module: the klviz.core modules it imports itself} for every offender."""
    out = {}
    for m in sorted(_layer(graph, "klviz.gui")):
        core = {d for d in graph[m] if d == "klviz.core" or d.startswith("klviz.core.")}
        if core:
            out[m] = sorted(core)
    return out


def test_the_gui_reads_the_core_only_through_the_scene_and_the_state():
    """klviz.gui imports nothing from klviz.core (any import, lazy ones too): every number a view
    shows reaches it through klviz.scene (or klviz.state, for what the user edits)."""
    graph = _import_graph()
    assert {"klviz.gui.pages.continuous", "klviz.gui.models.session_model"} <= _layer(graph, "klviz.gui")
    assert _gui_core_imports(graph) == {}


def test_the_gui_rule_can_fail():
    graph = _import_graph()
    graph["klviz.gui.pages.continuous"] = graph["klviz.gui.pages.continuous"] | {"klviz.core.gaussian"}
    assert _gui_core_imports(graph) == {"klviz.gui.pages.continuous": ["klviz.core.gaussian"]}


@pytest.mark.parametrize("layer", ["klviz.scene", "klviz.state", "klviz.figures", "klviz.core"])
def test_the_lower_layers_import_no_qt(layer):
    """scene, state, figures and core name no Qt package anywhere in their source (lazy imports
    count), and none of them imports the GUI."""
    graph = _import_graph()
    modules = _layer(graph, layer)
    assert modules
    for m in sorted(modules):
        assert not _third_party(_path_of(m)) & QT, m
        assert not {d for d in graph[m] if d.startswith("klviz.gui")}, m


def test_the_scene_and_the_figures_stay_below_the_cli():
    graph = _import_graph()
    for m in sorted(_layer(graph, "klviz.scene") | _layer(graph, "klviz.figures")):
        assert not {d for d in graph[m] if d.startswith("klviz.cli")}, m
    for m in sorted(_layer(graph, "klviz.scene")):
        assert not {d for d in graph[m] if d.startswith("klviz.figures")}, m


@pytest.mark.parametrize("module", ["klviz.scene.discrete", "klviz.scene.continuous", "klviz.scene.losses",
                                    "klviz.scene.readouts", "klviz.scene.axes", "klviz.scene.coding",
                                    "klviz.scene.joint", "klviz.scene.divergences", "klviz.scene.data_import",
                                    "klviz.scene.framework_note", "klviz.scene.lesson", "klviz.scene.report", "klviz.figures"])
def test_importing_a_scene_or_the_figures_loads_no_qt(module):
    loaded = _loaded_after_import(module)
    assert not [m for m in loaded if m.split(".")[0] in QT], loaded


def _pyqtgraph_private_uses():
    """{module: sorted names}: pyqtgraph's private attributes (a leading underscore, set on self
    somewhere in pyqtgraph, never by klviz outside labels_layer.py) that a klviz.gui module reads or writes, by
    attribute or getattr/setattr with a literal name."""
    import ast
    from pathlib import Path

    import pyqtgraph

    def self_attrs(files):
        names = set()
        for f in files:
            try:
                tree = ast.parse(f.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError):
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id == "self" and node.attr.startswith("_")
                        and not node.attr.startswith("__")):
                    names.add(node.attr)
        return names

    ours_root = Path(__file__).resolve().parents[1] / "klviz"
    sanctioned = ours_root / "gui" / "widgets" / "labels_layer.py"
    ours = self_attrs(f for f in ours_root.rglob("*.py") if f != sanctioned)
    theirs = self_attrs(Path(pyqtgraph.__file__).parent.rglob("*.py")) - ours
    found = {}
    for f in sorted((ours_root / "gui").rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        hits = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in theirs:
                hits.add(node.attr)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) >= 2
                  and isinstance(node.args[1], ast.Constant) and node.args[1].value in theirs):
                hits.add(node.args[1].value)
        if hits:
            found[str(f.relative_to(ours_root.parent)).replace("\\", "/")] = sorted(hits)
    return found


def test_pyqtgraph_private_parts_are_touched_in_one_module():
    """Issue 13: every use of pyqtgraph's private attributes sits in klviz/gui/widgets/labels_layer.py
    (pyqtgraph is pinned to the minor versions the suite runs on, so one module is what to check
    when it moves)."""
    uses = _pyqtgraph_private_uses()
    assert set(uses) == {"klviz/gui/widgets/labels_layer.py"}, uses
    assert {"_rectarray", "_dataBounds", "_tickLevels"} <= set(uses["klviz/gui/widgets/labels_layer.py"])
