"""Presentation mode on and off paint the window once, at its new size and type: the window's
paint is held back until the window system has resized it (or HOLD_MS at most), so no frame shows
the large type at the old size, and the stall of each turn stays small (benchmarks/stall.py)."""

from PySide6 import QtCore


def shown(window, qtbot):
    window.setWindowState(QtCore.Qt.WindowState.WindowNoState)
    window.resize(900, 700)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_f11_holds_the_paint_until_the_window_has_its_new_size(window, qtbot):
    w = shown(window, qtbot)
    sizes = []
    w.action_presentation.trigger()
    assert not w.updatesEnabled()  # the large type is on, the full-screen size not yet
    qtbot.waitUntil(lambda: w.updatesEnabled(), timeout=2000)
    sizes.append(w.size())
    assert w.isFullScreen() and w.size() == w.screen().geometry().size()
    w.action_presentation.trigger()
    assert not w.updatesEnabled()
    qtbot.waitUntil(lambda: w.updatesEnabled(), timeout=2000)
    assert not w.isFullScreen() and w.size() == QtCore.QSize(900, 700)


def test_the_paint_comes_back_even_if_the_window_system_never_answers(window, qtbot):
    w = shown(window, qtbot)
    classroom = w.classroom
    qtbot.wait(300)  # the window system's events of the show are in
    classroom._hold_updates()  # as F11 does, but nothing resizes or exposes the window
    assert not w.updatesEnabled()
    qtbot.wait(classroom.HOLD_MS // 2)
    assert not w.updatesEnabled()
    qtbot.waitUntil(lambda: w.updatesEnabled(), timeout=classroom.HOLD_MS + 1000)
    classroom._release_updates()  # a second release (the fallback timer after an answer) is harmless
    assert w.updatesEnabled()
