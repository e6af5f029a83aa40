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
