"""The main window: assembles the pages, the menus, the unit selector and the status bar.

It holds no mathematics and draws nothing itself.
"""

from __future__ import annotations

import os

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import session as ss
from klviz.core.units import UNITS
from klviz.fileio import error_reason, shown_path
from klviz.gui import settings
from klviz.gui.classroom import Classroom
from klviz.gui.export import Exporter
from klviz.gui.theme import Look, cache_axes
from klviz.gui.model import SessionModel
from klviz.gui.pages.continuous import ContinuousPage
from klviz.gui.pages.discrete import DiscretePage
from klviz.gui.pages.losses import LossesPage
from klviz.gui.widgets.text import message_box, mnemonic_text, title_text
from klviz.gui.theme import configure_pyqtgraph

_ASK_BEFORE_OPENING = "This session has changes that are not saved. Save them before opening another session?"


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, session=None, parent=None, deferred=False):
        """deferred: leave the Losses tab's panels to finish_building(), after the first paint."""
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("main_window")
        self.model = SessionModel(session, parent=self)
        self.current_path = None
        self._message_box = None
        self._unsaved_box = None  # the one Save / Discard / Cancel question, reused
        self._after_unsaved = None  # what to do once it is answered with Save or Discard
        self._close_confirmed = False

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.page_discrete = DiscretePage(self.model)
        self.tabs.addTab(self.page_discrete, "&Discrete")
        self.page_continuous = ContinuousPage(self.model)
        self.tabs.addTab(self.page_continuous, "&Continuous")
        self.page_losses = LossesPage(self.model, build=not deferred)
        self.tabs.addTab(self.page_losses, "&Losses")
        self.setCentralWidget(self.tabs)
        self._lesson = None  # the lesson dock is built the first time it is opened

        self._build_unit_selector()
        self.classroom = Classroom(self)
        self.action_presentation = self.classroom.action_presentation
        self.action_quiz = self.classroom.action_quiz
        self._build_actions()
        self.exporter = Exporter(self)
        self.page_discrete.chartCreated.connect(self._adopt_chart)
        for plot in self.findChildren(pg.PlotWidget):
            cache_axes(plot)
        self._build_menus()
        if self.classroom.look() != Look():
            self.classroom.apply()
        self.statusBar().showMessage("Drag a bar, or click a chart and use the arrow keys.", 8000)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self._update_title()
        self.resize(1280, 820)

    # -- parts ---------------------------------------------------------------------------------
    def _build_unit_selector(self):
        tb = QtWidgets.QToolBar("Unit")
        tb.setObjectName("toolbar_main")
        tb.setMovable(False)
        label = QtWidgets.QLabel(" &Unit ")
        self.combo_unit = QtWidgets.QComboBox()
        self.combo_unit.setObjectName("combo_unit")
        self.combo_unit.addItems(list(UNITS))
        self.combo_unit.setToolTip("Unit of every value: nats (log e), bits (log 2), hartleys (log 10)")
        label.setBuddy(self.combo_unit)
        self.combo_unit.currentTextChanged.connect(self.model.set_unit)
        self.model.unitChanged.connect(self._sync_unit)
        tb.addWidget(label)
        tb.addWidget(self.combo_unit)
        self.addToolBar(tb)
        self._sync_unit()

    def _sync_unit(self):
        if self.combo_unit.currentText() != self.model.unit:
            blocked = self.combo_unit.blockSignals(True)
            self.combo_unit.setCurrentText(self.model.unit)
            self.combo_unit.blockSignals(blocked)

    def _action(self, text, name, slot=None, shortcut=None, tip=None):
        act = QtGui.QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QtGui.QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        if slot is not None:
            act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self):
        K = QtGui.QKeySequence.StandardKey
        self.action_new = self._action("&New", "action_new", self.new_session, K.New)
        self.action_open = self._action("&Open…", "action_open", self.open_dialog, K.Open)
        self.action_save = self._action("&Save", "action_save", self.save, K.Save)
        self.action_save_as = self._action("Save &As…", "action_save_as", self.save_as, "Ctrl+Shift+S")
        self.action_quit = self._action("&Quit", "action_quit", self.close, K.Quit)
        self.menu_recent = QtWidgets.QMenu("Open &Recent", self)
        self.menu_recent.setObjectName("menu_recent")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        # Undo/Redo follow the tab: the session's history, or the loss lab's own while it is shown.
        self.undo_group = QtGui.QUndoGroup(self)
        self.undo_group.addStack(self.model.undo_stack)
        self.undo_group.addStack(self.page_losses.labs.undo_stack)
        self.undo_group.setActiveStack(self.model.undo_stack)
        self.tabs.currentChanged.connect(self._choose_undo_stack)
        self.action_undo = self.undo_group.createUndoAction(self, "&Undo")
        self.action_undo.setObjectName("action_undo")
        self.action_undo.setShortcut(QtGui.QKeySequence(K.Undo))
        self.action_redo = self.undo_group.createRedoAction(self, "&Redo")
        self.action_redo.setObjectName("action_redo")
        self.action_redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence(K.Redo)])
        for a in (self.action_undo, self.action_redo):
            self.addAction(a)
        self.action_copy_values = self._action("&Copy values", "action_copy_values", self.copy_values,
                                               QtGui.QKeySequence.StandardKey.Copy)
        self.action_copy_values.setStatusTip("Put every measure of the current tab on the clipboard as text")
        self.action_about = self._action("&About klviz", "action_about", self.about)
        self.action_lesson = QtGui.QAction("&Lesson panel", self, checkable=True)
        self.action_lesson.setObjectName("action_lesson")
        self.action_lesson.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.action_lesson.setStatusTip("A guided walk from entropy to MSE, step by step")
        self.action_lesson.toggled.connect(lambda on: self.lesson.setVisible(on))
        self.addAction(self.action_lesson)
        self.action_shortcuts = self._action("&Keyboard shortcuts", "action_shortcuts", self.show_shortcuts,
                                             QtGui.QKeySequence.StandardKey.HelpContents)

    def _build_menus(self):
        mb = self.menuBar()
        f = mb.addMenu("&File")
        for a in (self.action_new, self.action_open):
            f.addAction(a)
        f.addMenu(self.menu_recent)
        for a in (self.action_save, self.action_save_as):
            f.addAction(a)
        f.addSeparator()
        f.addAction(self.exporter.action_export)
        f.addAction(self.exporter.action_copy)
        f.addSeparator()
        f.addAction(self.action_quit)
        e = mb.addMenu("&Edit")
        e.addAction(self.action_undo)
        e.addAction(self.action_redo)
        e.addSeparator()
        e.addAction(self.action_copy_values)
        view = mb.addMenu("&View")
        view.addAction(self.action_lesson)
        view.addSeparator()
        self.classroom.fill_menu(view)
        h = mb.addMenu("&Help")
        h.addAction(self.action_shortcuts)
        h.addAction(self.action_about)

    def copy_values(self):
        """Edit › Copy values: the current tab's measures (a tab without readouts copies nothing)."""
        grid = getattr(self.tabs.currentWidget(), "readouts", None)
        if grid is not None:
            grid.copy_all()

    def _adopt_chart(self, plot):
        """A chart built after the window (the overlay): same speed-ups, menu and look."""
        cache_axes(plot)
        self.exporter.add_chart_menu(plot)
        if self.classroom.look() != Look():
            self.classroom.apply()

    @property
    def lesson(self):
        if self._lesson is None:
            from klviz.gui.pages.lesson import LessonPanel

            self._lesson = LessonPanel(self, self.model)
            self._lesson.hide()
            self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self._lesson)
            self._lesson.visibilityChanged.connect(
                lambda visible: self.action_lesson.setChecked(self._lesson.isVisible()))
            for plot in self._lesson.findChildren(pg.PlotWidget):
                cache_axes(plot)
            if self.classroom.look() != Look():
                self.classroom.apply()
        return self._lesson

    def finish_building(self):
        """Build what a deferred start left out, and give it the window's look."""
        if self.page_losses._built:
            return
        self.page_losses.ensure_built()
        for plot in self.page_losses.findChildren(pg.PlotWidget):
            cache_axes(plot)
        if self.classroom.look() != Look():
            self.classroom.apply()

    def _choose_undo_stack(self):
        losses = self.tabs.currentWidget() is self.page_losses
        self.undo_group.setActiveStack(self.page_losses.labs.undo_stack if losses else self.model.undo_stack)

    # -- sessions ------------------------------------------------------------------------------
    def _update_title(self, clean=None):
        if clean is None:
            clean = self.model.undo_stack.isClean()
        name = os.path.basename(self.current_path) if self.current_path else "Untitled"
        self.setWindowTitle(f"{title_text(name)}[*] — klviz")  # a file name's "[*]" is text
        self.setWindowModified(not clean)

    def _error(self, title, text):
        """Tell the user without blocking: a window-modal message box, in plain text (it quotes
        file names and fields of files)."""
        box = message_box(self, QtWidgets.QMessageBox.Icon.Warning, title, text)
        box.setObjectName("message_error")
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._message_box = box
        self.statusBar().showMessage(text, 10000)

    def save_session(self, path):
        """Write the session to `path` (atomically). Returns True on success; any failure (a full
        disk, a read-only folder, a NUL in the name, a folder of that name) is told in a dialog."""
        try:
            ss.save_session(self.model.session, path)
        except (OSError, ValueError) as exc:
            self._error("Could not save", f"Could not save {shown_path(path)}: {error_reason(exc)}")
            return False
        self.current_path = path
        self.model.undo_stack.setClean()
        self._update_title()
        settings.add_recent_file(path)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def open_session(self, path):
        """Load `path` at once (no question: see open_recent and open_dialog for the menu's
        commands); a bad file leaves the current state exactly as it was. Returns success."""
        try:
            new = ss.load_session(path)
        except ss.SessionError as exc:
            self._error("Could not open session", f"Could not open {shown_path(path)}: {exc}")
            return False
        self.model.replace_session(new)
        self.current_path = path
        self._update_title()
        settings.add_recent_file(path)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def _fill_recent(self):
        self.menu_recent.clear()
        files = settings.recent_files()
        for k, path in enumerate(files):
            act = self.menu_recent.addAction(f"&{k + 1} {mnemonic_text(shown_path(os.path.basename(path)))}")
            act.setStatusTip(shown_path(path))
            act.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not files:
            self.menu_recent.addAction("(none)").setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction("&Clear list", settings.clear_recent_files)

    # -- unsaved changes: Quit, New, Open and Open Recent ask first -----------------------------
    def _unless_unsaved(self, then, question):
        """Run then() now if nothing is unsaved; otherwise ask Save / Discard / Cancel and run it
        after Save (once the save worked) or Discard. Cancel changes nothing, undo history included.

        The question is a window-modal box opened without blocking, so nothing that drives the
        window programmatically can hang on it. Returns True if then() ran now."""
        if self.model.undo_stack.isClean():
            then()
            return True
        if self._after_unsaved is not None:  # a question is already open
            return False
        SB = QtWidgets.QMessageBox.StandardButton
        box = self._unsaved_box
        if box is None:
            box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, "Unsaved changes", "",
                                        SB.Save | SB.Discard | SB.Cancel, self)
            box.setObjectName("message_unsaved")
            box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            box.setDefaultButton(SB.Save)
            box.setEscapeButton(SB.Cancel)
            box.finished.connect(self._answer_unsaved)
            self._unsaved_box = box
        box.setText(question)
        self._after_unsaved = then
        box.open()
        return False

    def _answer_unsaved(self, _result=None):
        SB = QtWidgets.QMessageBox.StandardButton
        then, self._after_unsaved = self._after_unsaved, None
        clicked = self._unsaved_box.clickedButton()
        button = self._unsaved_box.standardButton(clicked) if clicked is not None else SB.Cancel
        if then is not None and (button == SB.Discard or (button == SB.Save and self.save())):
            then()

    def closeEvent(self, ev):
        """Unsaved changes: ask (Save / Discard / Cancel) before the window goes; the close
        happens once the user has answered."""
        if self.model.undo_stack.isClean() or self._close_confirmed:
            ev.accept()
            return
        ev.ignore()
        self._unless_unsaved(self._close_now,
                             "This session has changes that are not saved. Save them before closing?")

    def _close_now(self):
        self._close_confirmed = True
        self.close()

    def restore_state(self, session, path=None):
        """Bring back the previous run's state (its unsaved edits stay marked unsaved)."""
        self.model.replace_session(session)
        self.current_path = path
        if path is not None and not ss.load_session_matches(path, session):
            self.model.undo_stack.resetClean()
        self._update_title()

    def new_session(self):
        """File › New: the default session, after asking about unsaved changes. True if done now."""
        return self._unless_unsaved(self._start_new, "This session has changes that are not saved. "
                                    "Save them before starting a new session?")

    def _start_new(self):
        self.model.replace_session(ss.Session())
        self.current_path = None
        self._update_title()

    def open_recent(self, path):
        """File › Open Recent: open `path`, after asking about unsaved changes."""
        return self._unless_unsaved(lambda: self.open_session(path), _ASK_BEFORE_OPENING)

    def open_dialog(self):
        """File › Open: ask about unsaved changes, then choose a file and open it."""
        return self._unless_unsaved(self._choose_and_open, _ASK_BEFORE_OPENING)

    def _choose_and_open(self):
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Open session", "", "klviz sessions (*.klviz *.json);;All files (*)")
        if path:
            self.open_session(path)

    def save(self):
        if self.current_path:
            return self.save_session(self.current_path)
        return self.save_as()

    def save_as(self):
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Save session", "session.klviz", "klviz sessions (*.klviz *.json)")
        return self.save_session(path) if path else False

    def show_shortcuts(self):
        from klviz.gui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).open()

    def about(self):
        QtWidgets.QMessageBox.about(
            self, "About klviz",
            "<b>klviz</b><br>See and touch entropy, cross-entropy and Kullback-Leibler divergence.")
