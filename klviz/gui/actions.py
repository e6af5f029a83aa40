"""The main window's actions, menus and unit selector (the classroom's are in classroom.py, the
exports' in export.py). Each action keeps its objectName; the slots are the window's."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from klviz.core.units import UNITS


def _action(window, text, name, slot=None, shortcut=None, tip=None):
    act = QtGui.QAction(text, window)
    act.setObjectName(name)
    if shortcut is not None:
        act.setShortcut(QtGui.QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
    if slot is not None:
        act.triggered.connect(slot)
    window.addAction(act)
    return act


def build_actions(window):
    """File, Edit, View and Help actions as attributes of `window` (action_new, action_undo, ...)."""
    w, K = window, QtGui.QKeySequence.StandardKey
    w.action_new = _action(w, "&New", "action_new", w.new_session, K.New)
    w.action_open = _action(w, "&Open…", "action_open", w.open_dialog, K.Open)
    w.action_save = _action(w, "&Save", "action_save", w.save, K.Save)
    w.action_save_as = _action(w, "Save &As…", "action_save_as", w.save_as, "Ctrl+Shift+S")
    w.action_quit = _action(w, "&Quit", "action_quit", w.close, K.Quit)
    w.menu_recent = QtWidgets.QMenu("Open &Recent", w)
    w.menu_recent.setObjectName("menu_recent")
    w.menu_recent.aboutToShow.connect(w._fill_recent)
    # one undo history for every tab: Ctrl+Z undoes the last action, whichever tab it was on
    w.action_undo = w.model.undo_stack.createUndoAction(w, "&Undo")
    w.action_undo.setObjectName("action_undo")
    w.action_undo.setShortcut(QtGui.QKeySequence(K.Undo))
    w.action_redo = w.model.undo_stack.createRedoAction(w, "&Redo")
    w.action_redo.setObjectName("action_redo")
    w.action_redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence(K.Redo)])
    for a in (w.action_undo, w.action_redo):
        w.addAction(a)
    w.action_copy_values = _action(w, "&Copy values", "action_copy_values", w.copy_values, K.Copy,
                                   "Put every measure of the current tab on the clipboard as text")
    w.action_about = _action(w, "&About klviz", "action_about", w.about)
    w.action_lesson = _action(w, "&Lesson panel", "action_lesson", shortcut="Ctrl+L",
                              tip="A guided walk from entropy to MSE, step by step")
    w.action_lesson.setCheckable(True)
    w.action_lesson.toggled.connect(lambda on: w.lesson.setVisible(on))
    w.action_shortcuts = _action(w, "&Keyboard shortcuts", "action_shortcuts", w.show_shortcuts, K.HelpContents)


def build_menus(window, classroom, exporter):
    w = window
    mb = w.menuBar()
    f = mb.addMenu("&File")
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
    e = mb.addMenu("&Edit")
    e.addAction(w.action_undo)
    e.addAction(w.action_redo)
    e.addSeparator()
    e.addAction(w.action_copy_values)
    view = mb.addMenu("&View")
    view.addAction(w.action_lesson)
    view.addSeparator()
    classroom.fill_menu(view)
    h = mb.addMenu("&Help")
    h.addAction(w.action_shortcuts)
    h.addAction(w.action_about)


class UnitSelector(QtWidgets.QToolBar):
    """The tool bar's unit box: shows the session's unit and sets it (an undo step)."""

    def __init__(self, model, parent=None):
        super().__init__("Unit", parent)
        self.model = model
        self.setObjectName("toolbar_main")
        self.setMovable(False)
        label = QtWidgets.QLabel(" &Unit ")
        self.combo = QtWidgets.QComboBox()
        self.combo.setObjectName("combo_unit")
        self.combo.addItems(list(UNITS))
        self.combo.setToolTip("Unit of every value: nats (log e), bits (log 2), hartleys (log 10)")
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
