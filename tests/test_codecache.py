"""klviz.codecache: the dataclasses' compiled methods, cached as bytecode is."""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field

import pytest

from klviz import codecache
from klviz.codecache import CodeCache


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """The cached exec installed over a table in tmp_path (restored after the test)."""
    monkeypatch.setattr(codecache, "_cache", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = codecache.install(str(tmp_path / "table.bin"))
    yield cache
    codecache.uninstall()
    assert getattr(dataclasses, "exec", None) is None  # the builtin again


def make_classes():
    @dataclass(frozen=True)
    class Point:
        x: float
        y: float = 2.0
        tags: tuple = field(default_factory=tuple)

        def __post_init__(self):
            if self.x < 0:
                raise ValueError("x < 0")

    @dataclass(order=True)
    class Item:
        name: str
        count: int = 0

    return Point, Item


def methods(cls):
    return {name: getattr(cls, name) for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__",
                                                  "__delattr__", "__lt__", "__le__", "__gt__", "__ge__")
            if getattr(getattr(cls, name, None), "__code__", None) is not None
            and getattr(cls, name).__qualname__.startswith(cls.__qualname__)}


def code_key(fn):
    c = fn.__code__
    return (c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_argcount, c.co_kwonlyargcount, c.co_flags,
            c.co_filename, fn.__defaults__, fn.__kwdefaults__, tuple(sorted(map(str, fn.__annotations__.items()))))


def test_the_classes_are_the_standard_librarys_own():
    plain = [{k: code_key(f) for k, f in methods(c).items()} for c in make_classes()]
    cache = CodeCache("/nonexistent/never-written.bin")
    dataclasses.exec = cache.exec
    try:
        first = make_classes()
        again = make_classes()  # from the table this time
    finally:
        del dataclasses.exec
    assert cache.new > 0
    for made in (first, again):
        assert [{k: code_key(f) for k, f in methods(c).items()} for c in made] == plain
    Point, Item = again
    p = Point(1.0)
    assert p == Point(1.0, 2.0, ()) and hash(p) == hash(Point(1.0)) and repr(p).endswith("Point(x=1.0, y=2.0, tags=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3.0
    with pytest.raises(ValueError, match="x < 0"):
        Point(-1.0)
    assert Item("a", 1) < Item("b", 0) and sorted([Item("b"), Item("a")])[0].name == "a"


def test_a_saved_table_is_used_by_the_next_start(cached, tmp_path):
    make_classes()
    compiled = cached.new
    assert compiled >= (2 if sys.version_info >= (3, 13) else 8)  # 3.13 compiles a class's methods as one text; 3.11 each alone
    assert codecache.save() and (tmp_path / "table.bin").read_bytes().startswith(importlib.util.MAGIC_NUMBER)
    later = CodeCache(str(tmp_path / "table.bin"))
    later.load()
    dataclasses.exec = later.exec
    Point, _ = make_classes()
    assert later.new == 0 and len(later.code) == compiled  # nothing compiled again
    assert Point(3.0).y == 2.0
    assert not later.save()  # nothing new: nothing written


def test_the_table_is_only_used_for_the_exact_text(tmp_path):
    cache = CodeCache(str(tmp_path / "t.bin"))
    ns = {}
    cache.exec("def f():\n return 1", {}, ns)
    assert ns["f"]() == 1
    cache.exec("def f():\n return 2", {}, ns)  # another text: compiled, not the first one's code
    assert ns["f"]() == 2 and cache.new == 2
    cache.exec(compile("g = 5", "<x>", "exec"), {}, ns)  # code objects pass straight through
    assert ns["g"] == 5 and cache.new == 2


def test_exec_compiles_without_this_modules_future_flags(tmp_path):
    cache = CodeCache(str(tmp_path / "t.bin"))
    ns = {}
    cache.exec("def f(a: int) -> int:\n return a", {}, ns)  # codecache has `from __future__ import annotations`
    assert ns["f"].__annotations__ == {"a": int, "return": int}  # evaluated, not strings


@pytest.mark.parametrize("content", [
    b"",
    b"\x00\x01\x02",
    b"not python's magic" + marshal.dumps({}),
    importlib.util.MAGIC_NUMBER + b"\xff\xfe garbage",
    importlib.util.MAGIC_NUMBER + marshal.dumps({"a": 1})[:-3],  # cut short
    importlib.util.MAGIC_NUMBER + marshal.dumps(["def f(): pass"]),  # not a table
    importlib.util.MAGIC_NUMBER + marshal.dumps({"def f(): pass": "text, not code"}),
    importlib.util.MAGIC_NUMBER + marshal.dumps({1: compile("x = 1", "<s>", "exec")}),
])
def test_a_damaged_table_is_ignored_and_rewritten(tmp_path, monkeypatch, content):
    path = tmp_path / "table.bin"
    path.write_bytes(content)
    cache = CodeCache(str(path))
    cache.load()
    assert cache.code == {}
    ns = {}
    cache.exec("def f():\n return 7", {}, ns)
    assert ns["f"]() == 7
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert cache.save()
    again = CodeCache(str(path))
    again.load()
    assert list(again.code) == ["def f():\n return 7"]


def test_nothing_is_written_where_bytecode_is_not(tmp_path, monkeypatch):
    cache = CodeCache(str(tmp_path / "t.bin"))
    cache.exec("x = 1", {}, {})
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # PYTHONDONTWRITEBYTECODE, python -B
    assert not cache.save() and not (tmp_path / "t.bin").exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "a file"
    blocked.write_text("")
    cache.path = str(blocked / "t.bin")  # its folder cannot be made
    assert not cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]  # no temporary file left


def test_the_cache_is_installed_before_klvizs_first_dataclass():
    """What `klviz` imports before app.run installs the cache makes no klviz dataclass."""
    probe = textwrap.dedent("""
        import dataclasses, sys
        import klviz.cli, klviz.cli.main, klviz.gui.app
        made = [f"{m}.{k}" for m, mod in list(sys.modules.items()) if m.startswith("klviz")
                for k, v in vars(mod).items() if isinstance(v, type) and dataclasses.is_dataclass(v)]
        print(made)
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_texts_no_longer_made_leave_the_table(tmp_path, monkeypatch):
    """After an upgrade the old classes' code goes, once it outweighs what a run uses."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(codecache, "SLACK", 2)
    path = str(tmp_path / "t.bin")
    old = CodeCache(path)
    for k in range(20):
        old.exec(f"x{k} = {k}", {}, {})
    assert old.save()
    run = CodeCache(path)
    run.load()
    for k in range(3):
        run.exec(f"x{k} = {k}", {}, {})  # still made
    assert not run.save()  # nothing new: the table stays as it is
    run.exec("y = 1", {}, {})  # a new class
    assert run.save()
    kept = CodeCache(path)
    kept.load()
    assert sorted(kept.code) == ["x0 = 0", "x1 = 1", "x2 = 2", "y = 1"]
    few = CodeCache(path)
    few.load()
    few.exec("x0 = 0", {}, {})
    few.exec("z = 2", {}, {})
    assert few.save()  # 5 texts, 2 used: within 2 x 2 + 2, all kept
    again = CodeCache(path)
    again.load()
    assert len(again.code) == 5
