"""The main window's actions, menus and unit selector (the classroom's are in classroom.py, the
exports' in export.py). Each action keeps its objectName; the slots are the window's."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from klviz.scene.readouts import UNITS
from klviz.gui.i18n import translate

_PORTABLE = QtGui.QKeySequence.SequenceFormat.PortableText


def set_keys(window, action, *keys):
    """Give `action` its keys, each once, and make sure no other action of `window` has one of them.

    A string ("Ctrl+Shift+Z") is one key sequence; a QKeySequence.StandardKey stands for every
    binding the platform has for it (Redo is Ctrl+Y on some desktops, Ctrl+Shift+Z on others), so
    `set_keys(w, a, "Ctrl+Shift+Z", "Ctrl+Y", K.Redo)` gives each key once whatever the platform.
    A key repeated in one action's list, or held by two actions, makes Qt refuse the key ("Ambiguous
    shortcut overload") instead of running either: a key named here that another action already
    has is a programming error (ValueError); a platform binding another action has is left out.
    """
    taken = {k.toString(_PORTABLE) for a in window.actions() if a is not action for k in a.shortcuts()}
    chosen = {}
    for key in keys:
        named = isinstance(key, str)
        sequences = [QtGui.QKeySequence(key)] if named else QtGui.QKeySequence.keyBindings(key)
        for seq in sequences:
            text = seq.toString(_PORTABLE)
            if not text or text in chosen:
                continue
            if text in taken:
                if named:
                    raise ValueError(f"{text} is already the key of another action")
                continue
            chosen[text] = seq
    action.setShortcuts(list(chosen.values()))
    return action


def _action(window, text, name, slot=None, keys=(), tip=None):
    act = QtGui.QAction(text, window)
    act.setObjectName(name)
    set_keys(window, act, *keys)
    if tip:
        act.setStatusTip(tip)
    if slot is not None:
        act.triggered.connect(slot)
    window.addAction(act)
    return act


def build_actions(window):
    """File, Edit, View and Help actions as attributes of `window` (action_new, action_undo, ...)."""
    w, K = window, QtGui.QKeySequence.StandardKey
    w.action_new = _action(w, translate("actions", "&New"), "action_new", w.new_session, [K.New])
    w.action_open = _action(w, translate("actions", "&Open…"), "action_open", w.open_dialog, [K.Open])
    w.action_save = _action(w, translate("actions", "&Save"), "action_save", w.save, [K.Save])
    w.action_save_as = _action(w, translate("actions", "Save &As…"), "action_save_as", w.save_as, ["Ctrl+Shift+S", K.SaveAs])
    # Quit has no standard key on some desktops (none at all offscreen): Ctrl+Q everywhere
    w.action_quit = _action(w, translate("actions", "&Quit"), "action_quit", w.close, ["Ctrl+Q", K.Quit])
    w.menu_recent = QtWidgets.QMenu(translate("actions", "Open &Recent"), w)
    w.menu_recent.setObjectName("menu_recent")
    w.menu_recent.aboutToShow.connect(w._fill_recent)
    # one undo history for every tab: Ctrl+Z undoes the last action, whichever tab it was on
    w.action_undo = w.model.undo_stack.createUndoAction(w, translate("actions", "&Undo"))
    w.action_undo.setObjectName("action_undo")
    w.addAction(set_keys(w, w.action_undo, K.Undo))
    w.action_redo = w.model.undo_stack.createRedoAction(w, translate("actions", "&Redo"))
    w.action_redo.setObjectName("action_redo")
    # both redo keys on every desktop (Ctrl+Y is Redo on Windows and in many Linux apps)
    w.addAction(set_keys(w, w.action_redo, "Ctrl+Shift+Z", "Ctrl+Y", K.Redo))
    w.action_copy_values = _action(w, translate("actions", "&Copy values"), "action_copy_values", w.copy_values, [K.Copy],
                                   translate("actions", "Put every measure of the current tab on the clipboard as text"))
    w.action_preferences = _action(w, translate("actions", "&Preferences…"), "action_preferences", w.show_preferences,
                                   ["Ctrl+,", K.Preferences],
                                   translate("actions", "Default unit, theme, digits of the readouts, presentation scale"))
    w.action_about = _action(w, translate("actions", "&About klviz"), "action_about", w.about)
    w.action_lesson = _action(w, translate("actions", "&Lesson panel"), "action_lesson", keys=["Ctrl+L"],
                              tip=translate("actions", "A guided walk from entropy to MSE, step by step"))
    w.action_lesson.setCheckable(True)
    w.action_lesson.toggled.connect(lambda on: w.lesson.setVisible(on))
    w.action_shortcuts = _action(w, translate("actions", "&Keyboard shortcuts"), "action_shortcuts", w.show_shortcuts,
                                 [K.HelpContents])


def build_menus(window, classroom, exporter):
    w = window
    mb = w.menuBar()
    f = mb.addMenu(translate("actions", "&File"))
    for a in (w.action_new, w.action_open):
        f.addAction(a)
    f.addMenu(w.menu_recent)
    for a in (w.action_save, w.action_save_as):
        f.addAction(a)
    f.addSeparator()
    f.addAction(exporter.action_export)
    f.addAction(exporter.action_copy)
    f.addAction(exporter.action_export_animation)
    f.addSeparator()
    f.addAction(w.action_quit)
    e = mb.addMenu(translate("actions", "&Edit"))
    e.addAction(w.action_undo)
    e.addAction(w.action_redo)
    e.addSeparator()
    e.addAction(w.action_copy_values)
    e.addSeparator()
    e.addAction(w.action_preferences)
    view = mb.addMenu(translate("actions", "&View"))
    view.addAction(w.action_lesson)
    view.addSeparator()
    classroom.fill_menu(view)
    h = mb.addMenu(translate("actions", "&Help"))
    h.addAction(w.action_shortcuts)
    h.addAction(w.action_about)


class UnitSelector(QtWidgets.QToolBar):
    """The tool bar's unit box: shows the session's unit and sets it (an undo step)."""

    def __init__(self, model, parent=None):
        super().__init__(translate("actions", "Unit"), parent)
        self.model = model
        self.setObjectName("toolbar_main")
        self.setMovable(False)
        label = QtWidgets.QLabel(translate("actions", " &Unit "))
        self.combo = QtWidgets.QComboBox()
        self.combo.setObjectName("combo_unit")
        self.combo.addItems(list(UNITS))
        self.combo.setToolTip(translate("actions", "Unit of every value: nats (log e), bits (log 2), hartleys (log 10)"))
        label.setBuddy(self.combo)
        self.combo.currentTextChanged.connect(model.set_unit)
        model.unitChanged.connect(self._sync)
        self.addWidget(label)
        self.addWidget(self.combo)
        self._sync()

    def _sync(self):
        if self.combo.currentText() != self.model.unit:
            blocked = self.combo.blockSignals(True)
            self.combo.setCurrentText(self.model.unit)
            self.combo.blockSignals(blocked)
