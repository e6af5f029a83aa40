"""Help › Keyboard shortcuts (issue 12): it lists the keys a user of this platform types, not the
extra bindings of QKeySequence's standard keys (Sun's F14 Undo, F16 Copy, media keys, Ctrl+Ins),
and it fits a 1024×768 screen with no horizontal scroll: the descriptions wrap. (That every
listed key works is tests/gui/test_keyboard.py.)"""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.shortcuts import CHART_KEYS, ShortcutsDialog, shown_keys
from test_i18n_french import french  # noqa: F401 (the fixture: the French catalogue installed)

Key, Mod = QtCore.Qt.Key, QtCore.Qt.KeyboardModifier
NATIVE = QtGui.QKeySequence.SequenceFormat.NativeText


def seq(*parts):
    return QtGui.QKeySequence(QtCore.QKeyCombination(*parts)) if len(parts) == 2 else QtGui.QKeySequence(parts[0])


def native(text):
    return QtGui.QKeySequence(text).toString(NATIVE)


def test_shown_keys_are_the_primary_one_and_the_ones_people_type():
    ctrl, alt_shift = Mod.ControlModifier, Mod.AltModifier | Mod.ShiftModifier
    redo = [seq(ctrl | Mod.ShiftModifier, Key.Key_Z), seq(ctrl, Key.Key_Y),
            seq(alt_shift, Key.Key_Backspace), seq(Key.Key_F14), seq(Key.Key_Redo)]
    assert shown_keys(redo) == [native("Ctrl+Shift+Z"), native("Ctrl+Y")]
    copy = [seq(ctrl, Key.Key_C), seq(ctrl, Key.Key_Insert), seq(Key.Key_F16), seq(Key.Key_Copy)]
    assert shown_keys(copy) == [native("Ctrl+C")]
    zoom = [seq(ctrl, Key.Key_Plus), seq(ctrl, Key.Key_Equal), seq(Key.Key_ZoomIn)]
    assert shown_keys(zoom) == [native("Ctrl++"), native("Ctrl+=")]
    assert shown_keys([seq(Key.Key_F1), seq(Key.Key_Help)]) == ["F1"]
    assert shown_keys([seq(Key.Key_F11), seq(Key.Key_F12), seq(Key.Key_F13)]) == ["F11", "F12"]
    # an action with only an exotic key still shows it (rather than look as if it had none)
    assert shown_keys([seq(Key.Key_F16)]) == ["F16"] and shown_keys([]) == []
    assert shown_keys([seq(ctrl, Key.Key_C), seq(ctrl, Key.Key_C)]) == [native("Ctrl+C")]


def test_the_dialog_lists_no_platform_extras(window):
    dialog = ShortcutsDialog(window)
    table = dialog.findChild(QtWidgets.QTableWidget, "table_shortcuts")
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Undo"] == native("Ctrl+Z")
    assert rows["Redo"] == " or ".join([native("Ctrl+Shift+Z"), native("Ctrl+Y")])
    assert rows["Copy values"] == native("Ctrl+C") and rows["Keyboard shortcuts"] == "F1"
    assert rows["Open…"] == native("Ctrl+O") and rows["Zoom out"] == native("Ctrl+-")
    chart = {keys for keys, _ in CHART_KEYS}
    for keys in set(rows.values()) - chart:
        for part in keys.split(" or "):
            key = QtGui.QKeySequence.fromString(part, NATIVE)
            assert key.count() == 1, keys
            k = key[0].key()
            assert not (Key.Key_F13.value <= k.value <= Key.Key_F35.value), keys
            assert k.value < 0x01000000 or Key.Key_F1.value <= k.value <= Key.Key_F12.value, keys
    # the actions still answer to every platform key: only the listing is shorter
    undo = window.findChild(QtGui.QAction, "action_undo")
    bound = {k.toString() for k in undo.shortcuts()}
    assert {k.toString() for k in QtGui.QKeySequence.keyBindings(QtGui.QKeySequence.StandardKey.Undo)} <= bound


def _needed_height(table, r, c):
    """The height the text of cell (r, c) needs, wrapped in its column."""
    item = table.item(r, c)
    fm = QtGui.QFontMetrics(item.font() if item.font() != QtGui.QFont() else table.font())
    margin = table.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    width = table.columnWidth(c) - 2 * margin
    return fm.boundingRect(QtCore.QRect(0, 0, width, 100000), QtCore.Qt.TextFlag.TextWordWrap, item.text()).height()


def _problems(table):
    """What would need a horizontal scroll, or a cut description: [] when everything fits."""
    out = []
    if table.horizontalHeader().length() > table.viewport().width():
        out.append(("table wider than its view", table.horizontalHeader().length(), table.viewport().width()))
    keys_width = max(QtGui.QFontMetrics(table.font()).horizontalAdvance(table.item(r, 0).text())
                     for r in range(table.rowCount()))
    if table.columnWidth(0) < keys_width:  # the keys never wrap: each entry on one line
        out.append(("keys column", table.columnWidth(0), keys_width))
    out += [(r, table.item(r, 1).text(), table.rowHeight(r), _needed_height(table, r, 1))
            for r in range(table.rowCount()) if table.rowHeight(r) < _needed_height(table, r, 1)]
    # nor taller than its text (wrapped for a width the column no longer has)
    least = table.verticalHeader().minimumSectionSize()
    out += [("too tall", r, table.rowHeight(r), table.sizeHintForRow(r))
            for r in range(table.rowCount()) if table.rowHeight(r) > max(least, table.sizeHintForRow(r))]
    return out


def _check_fits(dialog, qtbot):
    """(The rows follow a new column width on a later turn of the event loop: waited for.)"""
    table = dialog.findChild(QtWidgets.QTableWidget, "table_shortcuts")
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    try:
        qtbot.waitUntil(lambda: not _problems(table), timeout=3000)
    except qtbot.TimeoutError:
        pass
    assert not _problems(table), _problems(table)
    assert table.horizontalScrollBar().maximum() == 0
    return table


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dialog_fits_1024x768_without_a_horizontal_scroll(window, qtbot, request, language):
    if language == "fr":
        request.getfixturevalue("french")
    window.resize(1024, 768)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.frameGeometry().width() <= 1024 and dialog.frameGeometry().height() <= 768
    table = _check_fits(dialog, qtbot)
    one_line = min(table.rowHeight(r) for r in range(table.rowCount()))
    # narrower still (a larger type, a smaller screen): the descriptions wrap onto more lines
    dialog.resize(380, dialog.height())
    qtbot.wait(50)
    _check_fits(dialog, qtbot)
    assert max(table.rowHeight(r) for r in range(table.rowCount())) > one_line


def test_the_dialog_is_never_larger_than_its_screen(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(5000, 5000)
    dialog.show()
    qtbot.wait(20)
    area = dialog.screen().availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
