"""The code Python's dataclasses compile for each class, cached as bytecode is.

The standard library's dataclasses writes out the source of each class's __init__, __repr__,
__eq__, __hash__ and, when frozen, __setattr__ and __delattr__, and compiles it with exec()
every time the class is made: the window's first paint needs some 30 of klviz's frozen classes
(about 150 compilations, 15-20 ms of the start, and the parser's work is a third of what klviz
adds to a bare pyqtgraph window's start, by instruction count). The text depends only on the
class, so its compiled code can be kept like a module's: `install` gives the dataclasses module
an `exec` that looks the text up in a table of code objects before compiling it, and `save`
writes the table to klviz's own __pycache__ folder, as Python writes .pyc files there (not at
all when bytecode is not written: PYTHONDONTWRITEBYTECODE, python -B, or a folder that cannot be
written).

The table is trusted as Python trusts its .pyc files beside it; it is checked the same way: a
file not headed by this interpreter's bytecode magic number, or unreadable, or not a table of
text to code, is ignored (and rewritten by the next save), and a text found in it is used only
for that exact text. Everything else about the classes is the standard library's own.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
NAME = f"dataclass-code.{sys.implementation.cache_tag}.bin"
SLACK = 64  # a saved table keeps texts this run did not use only while it holds at most 2x + this

_CodeType = type(compile("", "<string>", "exec"))


class CodeCache:
    def __init__(self, path):
        self.path = path
        self.code = {}  # source text -> code object
        self.new = 0  # texts compiled since the last load or save
        self.used = set()  # the texts this run has asked for

    def load(self):
        """Read the table if it is one of this interpreter's; otherwise start empty."""
        self.code, self.new = {}, 0
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except OSError:
            return
        if not data.startswith(MAGIC_NUMBER):
            return
        try:
            table = marshal.loads(data[len(MAGIC_NUMBER):])
        except (ValueError, EOFError, TypeError):
            return
        if type(table) is dict and all(type(k) is str and type(v) is _CodeType for k, v in table.items()):
            self.code = table

    def exec(self, source, globals=None, locals=None):  # noqa: A002 (exec's own names)
        """exec(), with a source text's code taken from the table or compiled into it.

        compile(..., dont_inherit=True) compiles as exec() called from dataclasses does: without
        this module's `from __future__` flags."""
        if type(source) is str:
            code = self.code.get(source)
            if code is None:
                code = self.code[source] = compile(source, "<string>", "exec", dont_inherit=True)
                self.new += 1
            self.used.add(source)
            source = code
        return builtins.exec(source, globals, locals)

    def save(self):
        """Write the table if it has new code and bytecode may be written; True if written.

        Texts no longer made (klviz upgraded, its classes changed) go once the table holds more
        than twice what this run used (and some slack): it stays about the size one run needs."""
        if not self.new or sys.dont_write_bytecode:
            return False
        if len(self.code) > 2 * len(self.used) + SLACK:
            self.code = {k: v for k, v in self.code.items() if k in self.used}
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(MAGIC_NUMBER + marshal.dumps(self.code))
            os.replace(tmp, self.path)  # whole or not at all, like importlib's own writes
        except (OSError, ValueError):
            try:
                os.remove(tmp)
            except OSError:
                pass
            return False
        self.new = 0
        return True


_cache = None


def install(path=None):
    """Give the dataclasses module the cached exec (once); the classes made after it use it."""
    global _cache
    import dataclasses

    if _cache is None:
        _cache = CodeCache(path or os.path.join(FOLDER, NAME))
        _cache.load()
    dataclasses.exec = _cache.exec  # a module global: found before the builtin
    return _cache


def uninstall():
    global _cache
    import dataclasses

    if isinstance(getattr(vars(dataclasses).get("exec"), "__self__", None), CodeCache):
        del dataclasses.exec  # the builtin again
    _cache = None


def save():
    """Write the installed table's new code, if any (see CodeCache.save)."""
    return _cache.save() if _cache is not None else False
