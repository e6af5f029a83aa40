"""Every key listed in Help › Keyboard shortcuts works from the keyboard.

The keys are read from the dialog itself and pressed as real key events on the focused widget of
the active window (qtbot.keyClick: Qt's shortcut map decides, as for a person typing), never by
triggering the action; each is checked by its effect. A Qt "Ambiguous shortcut" message fails any
test (tests/conftest.py), so a key given twice shows up here too.
"""

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtTest import QTest

from klviz import state as ss
from klviz.gui import export
from klviz.gui.actions import set_keys
from klviz.gui.shortcuts import CHART_KEYS, ShortcutsDialog

NATIVE = QtGui.QKeySequence.SequenceFormat.NativeText
PORTABLE = QtGui.QKeySequence.SequenceFormat.PortableText
Key, Mod = QtCore.Qt.Key, QtCore.Qt.KeyboardModifier


def listed_rows(window):
    """(keys text, what it does) for every row of the Keyboard shortcuts dialog."""
    dialog = ShortcutsDialog(window)
    table = dialog.findChild(QtWidgets.QTableWidget, "table_shortcuts")
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    dialog.close()
    return rows


def sequences(keys_text):
    """The key sequences of a row of the dialog ("Ctrl+Shift+Z or Ctrl+Y")."""
    out = [QtGui.QKeySequence.fromString(k, NATIVE) for k in keys_text.split(" or ")]
    assert all(s.count() == 1 for s in out), keys_text
    return out


def ready(t):
    """The window active, nothing else open, the keyboard focus on a chart (where a user's is
    after clicking one; a chart takes no modified keys for itself)."""
    for dialog in t.window.findChildren(QtWidgets.QDialog):
        if dialog.isVisible():
            dialog.close()
    activate(t.window)
    plot = t.window.findChild(pg.PlotWidget, "plot_p")
    plot.setFocus()
    assert QtWidgets.QApplication.focusWidget() is plot


def activate(window):
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window) and window.isActiveWindow()


def press(t, seq):
    ready(t)
    combo = seq[0]
    t.qtbot.keyClick(QtWidgets.QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())


def visible_dialog(window, name):
    return [d for d in window.findChildren(QtWidgets.QDialog, name) if d.isVisible()]


# -- what each action's key must do ------------------------------------------------------------
def check_new(t, seq):
    t.window.model.replace_session(ss.Session(unit="bits"))  # not the default, nothing unsaved
    press(t, seq)
    assert t.window.model.session.to_dict() == ss.Session().to_dict()


def check_open(t, seq):
    path = t.tmp_path / f"open-{seq[0].key()}.klviz"
    ss.save_session(ss.Session(unit="hartleys"), str(path))
    t.window.model.undo_stack.setClean()
    t.monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    press(t, seq)
    assert t.window.model.unit == "hartleys" and t.window.current_path == str(path)


def check_save(t, seq):
    path = t.tmp_path / f"save-{seq[0].key()}.klviz"
    t.window.current_path = str(path)
    t.window.model.set_probability("p", 0, 0.29 if t.window.model.discrete.p[0] == 0.31 else 0.31)
    assert not t.window.model.undo_stack.isClean()
    press(t, seq)
    assert t.window.model.undo_stack.isClean()
    assert np.array_equal(ss.load_session(str(path)).discrete.p, t.window.model.discrete.p)


def check_save_as(t, seq):
    path = t.tmp_path / f"save-as-{seq[0].key()}.klviz"
    t.monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    t.window.model.set_probability("q", 1, 0.18 if t.window.model.discrete.q[1] == 0.2 else 0.2)
    press(t, seq)
    assert path.exists() and t.window.current_path == str(path)
    assert np.array_equal(ss.load_session(str(path)).discrete.q, t.window.model.discrete.q)


def check_undo(t, seq):
    before = t.window.model.discrete.p.copy()
    t.window.model.swap()
    assert not np.array_equal(t.window.model.discrete.p, before)
    press(t, seq)
    assert np.array_equal(t.window.model.discrete.p, before)


def check_redo(t, seq):
    t.window.model.swap()
    swapped = t.window.model.discrete.p.copy()
    t.window.model.undo_stack.undo()
    assert not np.array_equal(t.window.model.discrete.p, swapped)
    press(t, seq)
    assert np.array_equal(t.window.model.discrete.p, swapped)


def check_copy_values(t, seq):
    clipboard = QtWidgets.QApplication.clipboard()
    clipboard.setText("nothing yet")
    press(t, seq)
    text = clipboard.text()
    assert text == t.window.page_discrete.readouts.all_text() and "D(P‖Q) = " in text


def check_copy_figure(t, seq):
    clipboard = QtWidgets.QApplication.clipboard()
    clipboard.setText("nothing yet")
    press(t, seq)
    # the figure is drawn in a worker (exports leave the GUI thread): wait for the clipboard
    t.qtbot.waitUntil(lambda: not clipboard.image().isNull(), timeout=30000)
    image = clipboard.image()
    assert not image.isNull() and image.width() > 100


def check_export(t, seq):
    shown = []

    def exec_(dialog):
        shown.append(dialog.objectName())
        return QtWidgets.QDialog.DialogCode.Rejected

    t.monkeypatch.setattr(export.ExportOptions, "exec", exec_)
    press(t, seq)
    assert shown == ["dialog_export"]


def check_lesson(t, seq):
    was = t.window.action_lesson.isChecked()
    press(t, seq)
    assert t.window.lesson.isVisible() is not was
    press(t, seq)
    assert t.window.lesson.isVisible() is was


def check_dialog(name):
    def check(t, seq):
        press(t, seq)
        assert len(visible_dialog(t.window, name)) == 1
        ready(t)  # closes it
        assert not visible_dialog(t.window, name)
    return check


def check_presentation(t, seq):
    press(t, seq)
    assert t.window.isFullScreen() and t.window.presentation.presenting
    press(t, seq)
    assert not t.window.isFullScreen() and not t.window.presentation.presenting


def check_quiz(t, seq):
    press(t, seq)
    assert t.window.presentation.quiz
    assert not any(c.isdigit() for c in t.window.findChild(QtWidgets.QLabel, "value_kl_pq").text())
    press(t, seq)
    assert not t.window.presentation.quiz


def check_zoom(delta):
    def check(t, seq):
        pm = t.window.presentation
        pm.zoom_reset()
        press(t, seq)
        assert pm.scale == pytest.approx(1.0 + delta)
        pm.zoom_reset()
    return check


def check_zoom_reset(t, seq):
    pm = t.window.presentation
    pm.zoom(+0.3)
    press(t, seq)
    assert pm.scale == 1.0


def check_quit(t, seq):
    t.window.model.undo_stack.setClean()
    press(t, seq)
    assert not t.window.isVisible()


ACTION_CHECKS = {
    "action_new": check_new, "action_open": check_open, "action_save": check_save,
    "action_save_as": check_save_as, "action_undo": check_undo, "action_redo": check_redo,
    "action_copy_values": check_copy_values, "action_copy_figure": check_copy_figure,
    "action_export": check_export, "action_lesson": check_lesson,
    "action_shortcuts": check_dialog("dialog_shortcuts"),
    "action_preferences": check_dialog("dialog_preferences"),
    "action_import_data": check_dialog("dialog_import_data"),
    "action_presentation": check_presentation, "action_quiz": check_quiz,
    "action_zoom_in": check_zoom(+0.1), "action_zoom_out": check_zoom(-0.1),
    "action_zoom_reset": check_zoom_reset,
    "action_quit": check_quit,  # the last one: the window is gone after it
}


def test_every_listed_action_key_works_from_the_keyboard(window, qtbot, monkeypatch, tmp_path):
    t = SimpleNamespace(window=window, qtbot=qtbot, monkeypatch=monkeypatch, tmp_path=tmp_path)
    actions = {a.text().replace("&", ""): a for a in window.findChildren(QtGui.QAction) if a.shortcuts()}
    chart_rows = {keys for keys, _ in CHART_KEYS}
    listed = [(keys, actions[what]) for keys, what in listed_rows(window) if keys not in chart_rows]
    names = [a.objectName() for _, a in listed]
    assert len(set(names)) == len(names)
    unchecked = set(names) - set(ACTION_CHECKS)
    assert not unchecked, f"listed keys with no check here (add one to ACTION_CHECKS): {unchecked}"
    assert set(ACTION_CHECKS) <= set(names), set(ACTION_CHECKS) - set(names)
    shown = {a.objectName(): keys.split(" or ") for keys, a in listed}
    # the keys the issue names: both redo keys, and Ctrl+- beside the platform's zoom keys
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(shown["action_redo"])
    assert "Ctrl+-" in shown["action_zoom_out"] and "Ctrl++" in shown["action_zoom_in"]
    assert "Ctrl+Q" in shown["action_quit"] and "Ctrl+," in shown["action_preferences"]
    pressed = 0
    for name, check in ACTION_CHECKS.items():
        keys = next(k for k, a in listed if a.objectName() == name)
        for seq in sequences(keys):
            check(t, seq)
            pressed += 1
    # Redo and Zoom in list two keys each (Ctrl+Y, Ctrl+=); a platform's extra bindings (Alt+Backspace,
    # Ctrl+Ins, the Copy and Help keys, F14) are not listed, so not pressed here (test_shortcuts_dialog)
    assert pressed >= len(ACTION_CHECKS) + 2


def test_the_chart_keys_listed_work(window, qtbot):
    t = SimpleNamespace(window=window, qtbot=qtbot)
    rows = {keys for keys, _ in listed_rows(window)}
    assert {keys for keys, _ in CHART_KEYS} <= rows
    model = window.model

    plot = window.findChild(pg.PlotWidget, "plot_q")

    def key(k, mod=Mod.NoModifier, target=None):
        qtbot.keyClick(target or QtWidgets.QApplication.focusWidget(), k, mod)

    ready(t)
    plot.setFocus()
    q0 = model.discrete.q.copy()
    key(Key.Key_Right)  # bar 1 (Left / Right)
    key(Key.Key_Up)  # raise it by 0.01 (Up / Down)
    assert model.discrete.q[1] == pytest.approx(q0[1] + 0.01, abs=1e-15)
    qa = model.discrete.q.copy()
    key(Key.Key_Left)  # bar 0
    key(Key.Key_Down)
    assert qa[0] > 0.01 and model.discrete.q[0] == pytest.approx(qa[0] - 0.01, abs=1e-15)
    q1 = model.discrete.q.copy()
    key(Key.Key_Up, Mod.ShiftModifier)  # Shift+Up / Shift+Down: 0.1
    assert model.discrete.q[0] == pytest.approx(min(q1[0] + 0.1, 1.0), abs=1e-15)
    key(Key.Key_Down, Mod.ShiftModifier)
    assert model.discrete.q[0] == pytest.approx(q1[0], abs=1e-12)
    assert model.discrete.q.sum() == pytest.approx(1.0, abs=1e-12)

    # Space: in quiz mode, reveal
    window.action_quiz.setChecked(True)
    ready(t)
    key(Key.Key_Space)
    assert not window.presentation.quiz

    # Tab / Shift+Tab: to the next control and back
    ready(t)
    start = QtWidgets.QApplication.focusWidget()
    key(Key.Key_Tab)
    assert QtWidgets.QApplication.focusWidget() is not start
    key(Key.Key_Backtab, Mod.ShiftModifier)
    assert QtWidgets.QApplication.focusWidget() is start

    # Alt + the underlined letter: the tabs (&Discrete, &Continuous, &Losses)
    ready(t)
    for letter, page in ((Key.Key_C, window.page_continuous), (Key.Key_L, window.page_losses),
                         (Key.Key_D, window.page_discrete)):
        key(letter, Mod.AltModifier, window)
        assert window.tabs.currentWidget() is page


def test_one_owner_per_key_sequence(window):
    """No key sequence belongs to two actions or shortcuts of the window, nor twice to one."""
    owners = {}
    for act in window.findChildren(QtGui.QAction):
        keys = [k.toString(PORTABLE) for k in act.shortcuts()]
        assert len(keys) == len(set(keys)), (act.objectName(), keys)
        for k in keys:
            owners.setdefault(k, []).append(act.objectName())
    for shortcut in window.findChildren(QtGui.QShortcut):
        owners.setdefault(shortcut.key().toString(PORTABLE), []).append("QShortcut")
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared
    assert len(owners) >= 20


def test_set_keys_expands_standard_keys_once_and_refuses_a_taken_key(qtbot):
    w = QtWidgets.QWidget()
    qtbot.addWidget(w)
    K = QtGui.QKeySequence.StandardKey
    redo = QtGui.QAction("Redo", w)
    w.addAction(set_keys(w, redo, "Ctrl+Shift+Z", "Ctrl+Y", K.Redo, "Ctrl+Y"))
    keys = [k.toString(PORTABLE) for k in redo.shortcuts()]
    platform = [k.toString(PORTABLE) for k in QtGui.QKeySequence.keyBindings(K.Redo)]
    assert keys[:2] == ["Ctrl+Shift+Z", "Ctrl+Y"] and set(platform) <= set(keys)
    assert len(keys) == len(set(keys))
    other = QtGui.QAction("Other", w)
    with pytest.raises(ValueError, match="Ctrl\\+Y"):
        set_keys(w, other, "Ctrl+Y")
    # a platform binding another action has is left out, not doubled
    set_keys(w, other, "Ctrl+R", K.Redo)
    assert [k.toString(PORTABLE) for k in other.shortcuts()] == ["Ctrl+R"]


def test_an_ambiguous_key_is_caught(qtbot, ambiguous_shortcuts):
    """The suite-wide check works: the old mistake (a standard key given twice) is reported."""
    w = QtWidgets.QWidget()
    qtbot.addWidget(w)
    act = QtGui.QAction("Zoom out", w)
    act.setShortcuts([QtGui.QKeySequence("Ctrl+-"), QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.ZoomOut)])
    w.addAction(act)
    fired = []
    act.triggered.connect(lambda: fired.append(1))
    w.show()
    activate(w)
    qtbot.keyClick(w, Key.Key_Minus, Mod.ControlModifier)
    assert not fired  # Qt refuses the key...
    assert any("Ambiguous shortcut" in m for m in ambiguous_shortcuts)  # ...and says so
    ambiguous_shortcuts.clear()
