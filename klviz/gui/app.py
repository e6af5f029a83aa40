"""Start the desktop app."""

from __future__ import annotations

import gc
import importlib
import sys

from klviz import codecache

# The Qt-free modules the first window needs (its state, the Discrete tab's scenes, the lesson's
# and the catalogue's texts; numpy with them), imported before Qt: PySide6 reads the source of
# every module imported after it (its __feature__ hook looks for "PySide6" in each, some 0.1 to
# 0.3 ms a module), and these need none of that. tests/gui/test_startup.py keeps the list whole.
QT_FREE_FIRST = ("klviz.state", "klviz.state.imports", "klviz.scene.discrete",
                 "klviz.scene.divergences", "klviz.scene.readouts", "klviz.scene.typeset",
                 "klviz.lesson", "klviz.style", "klviz.latex", "klviz.fileio", "klviz.i18n", "klviz.resources")


def quicker_pyside_import_scan():
    """Let PySide6 learn from a module's file, not its parsed source, whether it uses PySide6.

    Once PySide6 is imported, its __feature__ support asks of every module imported after it
    whether the word "PySide6" is in its source (shibokensupport.feature._mod_uses_pyside, through
    inspect.getsource: the file decoded, split into lines and cached in linecache, ~0.13 ms a
    module; pyqtgraph and klviz's windows bring some 150 modules after Qt). The same question is
    asked here of the file's bytes (~0.02 ms): an ASCII word is in the decoded text exactly when
    its bytes are in the file. A module without a .py file (built in, compiled, frozen) or a file
    that cannot be read gets PySide6's own answer. Nothing is changed if PySide6's internals are
    not as expected (a later PySide6): then it asks as it always did."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original) or getattr(original, "klviz_quick", False):
        return

    def mod_uses_pyside(module):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as f:
                    return b"PySide6" in f.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.klviz_quick = True
    feature._mod_uses_pyside = mod_uses_pyside


def collector_back_on():
    """The end of the start (the window built whole): the cyclic garbage collector runs again,
    over what comes after the start only. gc.freeze() sets the start's objects aside (the modules,
    the widgets, the models: some 90,000 that live as long as the app), so no later collection
    traverses them again; a full collection over them would hold the window 40-120 ms. The
    cyclic garbage the start left (some 800 objects) stays with them."""
    gc.freeze()
    gc.enable()
    codecache.save()  # the code the start's dataclasses compiled, for the next start


def run(session_path=None):
    # No cyclic garbage collection during the start: the imports and the window make some 90,000
    # objects that live on, and the collector, traversing them again and again as they come, took
    # 40-80 ms of the start up to the first paint (and more in the build after it); it comes back
    # once the window is built whole (collector_back_on).
    gc.disable()
    try:
        return _run(session_path)
    finally:
        gc.enable()


def _run(session_path):
    codecache.install()  # before the first of klviz's dataclasses is made
    for name in QT_FREE_FIRST:
        importlib.import_module(name)
    from PySide6 import QtWidgets

    quicker_pyside_import_scan()  # before pyqtgraph and klviz's windows are imported
    from klviz.gui import create_main_window
    from klviz.gui.theme import setup_application

    from klviz.gui import settings

    from klviz.gui import i18n

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    i18n.install(app)  # the saved language (or the system's), before any widget is built
    setup_application(app)
    last = settings.load_last_state() if session_path is None else None
    # built with the last session (not the default one, then replaced: the tab computed twice)
    window = create_main_window(session_path, deferred=True, session=last[0] if last else None)
    if last is not None:
        window.restore_state(*last)
    window.show()
    # the other tabs and the Losses panels once the window is on screen (a zero timer would run
    # before the first paint: the window system's expose comes later)
    window.after_first_paint(lambda: window.finish_building_in_steps(then=collector_back_on))
    code = app.exec()
    settings.save_last_state(window.model.session, window.current_path)
    codecache.save()  # any made since the build (a later import)
    return code
