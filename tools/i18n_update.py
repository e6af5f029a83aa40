"""Refresh the translation catalogues: extract every marked string of klviz with pyside6-lupdate
into klviz/i18n/klviz_<lang>.ts (translations already made are kept; strings no longer in the code
are dropped), then compile each .ts into the .qm the app loads with pyside6-lrelease.

    python tools/i18n_update.py

Marked strings: `translate("context", "text")` in klviz.gui (klviz.gui.i18n.translate is
QCoreApplication.translate) and `QT_TRANSLATE_NOOP("context", "text")` in the Qt-free modules
(klviz.i18n.QT_TRANSLATE_NOOP). New strings arrive "unfinished": translate them in the .ts (by hand
or with pyside6-linguist), run this again, and tests/test_i18n.py passes once none is left. The
command line (klviz/cli) and the exported figures (klviz/figures) are not translated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "klviz"
CATALOGUES = PACKAGE / "i18n"
LANGUAGES = ("fr",)
NOT_TRANSLATED = ("cli", "figures", "core")  # contracts and exports stay English


def pyqtgraph_sources():
    """pyqtgraph's own translatable menus that klviz shows (the charts' context menu "Export...")."""
    import pyqtgraph

    root = Path(pyqtgraph.__file__).parent
    return [str(root / "GraphicsScene" / "GraphicsScene.py")]


def sources():
    """Every klviz module that may hold a marked string (sorted, relative to the repository), and
    the pyqtgraph ones whose texts klviz shows."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in NOT_TRANSLATED:
            continue
        found.append(path.relative_to(ROOT).as_posix())
    return found + pyqtgraph_sources()


def tool(name):
    """pyside6-lupdate / pyside6-lrelease: next to this Python first (a venv), then on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"i18n_update: {name} not found (it comes with PySide6)")
    return found


def update(languages=LANGUAGES, *, compile_only=False):
    for lang in languages:
        ts = CATALOGUES / f"klviz_{lang}.ts"
        if not compile_only:
            subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                            "-source-language", "en", "-target-language", lang, "-ts", str(ts)],
                           cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    update(compile_only="--compile-only" in sys.argv[1:])
