"""The window's keys work with the keyboard focus in a number box, where it stays after typing a
value and Enter: Ctrl+Z undid nothing there (the box's line edit took it for its own text undo,
empty once the value is entered), nor did Ctrl+Shift+Z, Ctrl+E (X11's end of line) or Space in
quiz mode. Copy, cut, paste and select-all stay the box's own, as in any text field."""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtTest import QTest

from klviz.gui import export

Key, Mod = QtCore.Qt.Key, QtCore.Qt.KeyboardModifier


def focused_box(window, qtbot):
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.tabs.setCurrentWidget(window.page_discrete)
    spin = window.findChild(QtWidgets.QAbstractSpinBox, "spin_categories")
    spin.setFocus()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is spin)
    return spin


def type_categories(qtbot, spin, n):
    spin.selectAll()
    qtbot.keyClicks(spin, str(n))
    qtbot.keyClick(spin, Key.Key_Return)


@pytest.mark.parametrize("redo", [(Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier), (Key.Key_Y, Mod.ControlModifier)])
def test_undo_and_redo_from_a_number_box(window, qtbot, redo):
    m = window.model
    spin = focused_box(window, qtbot)
    n0 = m.discrete.n
    type_categories(qtbot, spin, n0 + 3)
    assert m.discrete.n == n0 + 3 and QtWidgets.QApplication.focusWidget() is spin
    qtbot.keyClick(spin, Key.Key_Z, Mod.ControlModifier)
    assert m.discrete.n == n0 and spin.value() == n0
    qtbot.keyClick(spin, *redo)
    assert m.discrete.n == n0 + 3 and spin.value() == n0 + 3


def test_export_and_space_from_a_number_box(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(export.ExportOptions, "exec", lambda d: shown.append(d.objectName()) or 0)
    spin = focused_box(window, qtbot)
    qtbot.keyClick(spin, Key.Key_E, Mod.ControlModifier)
    assert shown == ["dialog_export"]
    window.action_quiz.setChecked(True)
    spin = focused_box(window, qtbot)
    qtbot.keyClick(spin, Key.Key_Space)
    assert not window.presentation.quiz


def test_copy_and_select_all_stay_the_boxs_own(window, qtbot):
    spin = focused_box(window, qtbot)
    clipboard = QtWidgets.QApplication.clipboard()
    clipboard.setText("nothing")
    qtbot.keyClick(spin, Key.Key_A, Mod.ControlModifier)
    qtbot.keyClick(spin, Key.Key_C, Mod.ControlModifier)
    assert clipboard.text() == spin.text()  # the box's text, not the window's Copy values
