"""The main window: assembles the models, the pages, the menus, the unit selector and the status
bar. It holds no mathematics, draws nothing itself and pushes no state to widgets (they follow the
SessionModel and the PresentationModel); what it does itself is the session's files: New, Open,
Save, the recent files and the unsaved-changes questions.
"""

from __future__ import annotations

import os

from PySide6 import QtCore, QtWidgets

from klviz import state as ss
from klviz.fileio import error_reason, shown_path
from klviz.gui import preferences, settings
from klviz.gui.accessibility import install as install_accessibility
from klviz.gui.actions import UnitSelector, build_actions, build_menus
from klviz.gui.classroom import Classroom
from klviz.gui.data_menu import DataMenu
from klviz.gui.export import Exporter
from klviz.gui.geometry import WindowGeometry
from klviz.gui.models.presentation import PresentationModel
from klviz.gui.models.session_model import SessionModel
from klviz.gui.pages.coding import CodingPage
from klviz.gui.pages.continuous import ContinuousPage
from klviz.gui.pages.discrete import DiscretePage
from klviz.gui.pages.joint import JointPage
from klviz.gui.pages.losses import LossesPage
from klviz.gui.theme import Look, apply_window_look, configure_pyqtgraph
from klviz.gui.widgets.reflow import relayout_later
from klviz.gui.widgets.text import message_box, mnemonic_text, title_text
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

_ASK_BEFORE_OPENING = QT_TRANSLATE_NOOP("klviz", "This session has changes that are not saved. Save them before opening another session?")


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, session=None, parent=None, deferred=False):
        """deferred: leave the Losses tab's panels to finish_building(), after the first paint."""
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("main_window")
        self.model = SessionModel(session if session is not None else preferences.new_session(), parent=self)
        self.presentation = PresentationModel(settings.saved_theme(), parent=self)
        # first of the look's subscribers: the palette and fonts change before the widgets restyle
        self.presentation.lookChanged.connect(self._apply_window_look)
        self.current_path = None
        self._message_box = None
        self._unsaved_box = None  # the one Save / Discard / Cancel question, reused
        self._after_unsaved = None  # what to do once it is answered with Save or Discard
        self._close_confirmed = False

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.page_discrete = DiscretePage(self.model, self.presentation)
        self.tabs.addTab(self.page_discrete, translate("main_window", "&Discrete"))
        self.page_continuous = ContinuousPage(self.model, self.presentation)
        self.tabs.addTab(self.page_continuous, translate("main_window", "&Continuous"))
        self.page_coding = CodingPage()  # fed from the Discrete tab's P and Q
        self.page_coding.setObjectName("page_coding")
        self.page_coding.follow(self.model, self.presentation)
        self.tabs.addTab(self.page_coding, translate("main_window", "Codin&g"))
        self.page_losses = LossesPage(self.model, self.presentation, build=not deferred)
        self.tabs.addTab(self.page_losses, translate("main_window", "&Losses"))
        self.page_joint = JointPage(model=self.model, presentation=self.presentation)  # the session's joint
        self.page_joint.setObjectName("page_joint")
        self.tabs.insertTab(self.tabs.indexOf(self.page_losses), self.page_joint, translate("main_window", "&Joint"))  # Losses stays last
        self.setCentralWidget(self.tabs)
        self._lesson = None  # the lesson dock is built the first time it is opened

        self.unit_selector = UnitSelector(self.model, self)
        self.addToolBar(self.unit_selector)
        self.classroom = Classroom(self, self.presentation)
        self.action_presentation = self.classroom.action_presentation
        self.action_quiz = self.classroom.action_quiz
        build_actions(self)
        self.exporter = Exporter(self)
        build_menus(self, self.classroom, self.exporter)
        self.data = DataMenu(self)  # File › Import data…, View › Framework note
        preferences.follow(self)  # the saved digits and presentation scale; the readouts follow
        # widgets built later (the overlay chart, the Losses panels, the lesson dock) follow the
        # models themselves; the window scales their fonts with the rest
        self.page_discrete.chartCreated.connect(self._adopt_chart)
        self.page_losses.built.connect(self._adopt_widgets)
        self._adopt_widgets()
        self.statusBar().showMessage(translate("main_window", "Drag a bar, or click a chart and use the arrow keys."), 8000)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self._update_title()
        self.window_geometry = WindowGeometry(self, self.classroom)
        self.window_geometry.restore()  # the last size if it fits the screens, else the screen's
        install_accessibility(self)  # last: names, descriptions and tab order of every tab

    # -- parts ---------------------------------------------------------------------------------
    def _apply_window_look(self, look):
        apply_window_look(self, look)
        relayout_later(self)  # the type changed size: columns stack or stand again, parts fold

    def _adopt_widgets(self):
        """Widgets added to the window: the window-wide look reaches them too (fonts)."""
        look = self.presentation.look()
        if look != Look():
            apply_window_look(self, look)

    def _adopt_chart(self, plot):
        """A chart built after the window (the overlay): its export menu, and the window's fonts."""
        self.exporter.add_chart_menu(plot)
        self._adopt_widgets()

    def copy_values(self):
        """Edit › Copy values: the current tab's measures (a tab without readouts copies nothing)."""
        grid = getattr(self.tabs.currentWidget(), "readouts", None)
        if grid is not None:
            grid.copy_all()

    @property
    def lesson(self):
        if self._lesson is None:
            from klviz.gui.lesson_dock import LessonPanel

            self._lesson = LessonPanel(self, self.model, self.presentation)
            self._lesson.hide()
            # where it was last time, else on the right
            self.window_geometry.add_dock(self._lesson, QtCore.Qt.DockWidgetArea.RightDockWidgetArea)
            self._lesson.visibilityChanged.connect(
                lambda visible: self.action_lesson.setChecked(self._lesson.isVisible()))
            self._adopt_widgets()
        return self._lesson

    def finish_building(self):
        """Build what a deferred start left out (it follows the models' look and quiz itself)."""
        self.page_losses.ensure_built()

    def finish_building_in_steps(self):
        """The same, a part per event-loop turn (the app's start: no long stall after the first
        paint; whatever needs a part earlier builds the rest at once)."""
        self.page_losses.build_in_steps()

    # -- sessions ------------------------------------------------------------------------------
    def _update_title(self, clean=None):
        if clean is None:
            clean = self.model.undo_stack.isClean()
        name = os.path.basename(self.current_path) if self.current_path else translate("main_window", "Untitled")
        self.setWindowTitle(translate("main_window", '{0}[*] — klviz').format(title_text(name)))  # a file name's "[*]" is text
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
            self._error(translate("main_window", "Could not save"), translate("main_window", 'Could not save {0}: {1}').format(shown_path(path), error_reason(exc)))
            return False
        self.current_path = path
        self.model.undo_stack.setClean()
        self._update_title()
        settings.add_recent_file(path)
        self.statusBar().showMessage(translate("main_window", 'Saved {path}').format(path=path), 5000)
        return True

    def open_session(self, path):
        """Load `path` at once (no question: see open_recent and open_dialog for the menu's
        commands); a bad file leaves the current state exactly as it was. Returns success."""
        try:
            new = ss.load_session(path)
        except ss.SessionError as exc:
            self._error(translate("main_window", "Could not open session"), translate("main_window", 'Could not open {0}: {exc}').format(shown_path(path), exc=exc))
            return False
        self.model.replace_session(new)
        self.current_path = path
        self._update_title()
        settings.add_recent_file(path)
        self.statusBar().showMessage(translate("main_window", 'Opened {path}').format(path=path), 5000)
        return True

    def _fill_recent(self):
        self.menu_recent.clear()
        files = settings.recent_files()
        for k, path in enumerate(files):
            act = self.menu_recent.addAction(f"&{k + 1} {mnemonic_text(shown_path(os.path.basename(path)))}")
            act.setStatusTip(shown_path(path))
            act.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not files:
            self.menu_recent.addAction(translate("main_window", "(none)")).setEnabled(False)
        else:
            self.menu_recent.addSeparator()
            self.menu_recent.addAction(translate("main_window", "&Clear list"), settings.clear_recent_files)

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
            box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, translate("main_window", "Unsaved changes"), "",
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
            self.window_geometry.save()
            ev.accept()
            return
        ev.ignore()
        self._unless_unsaved(self._close_now,
                             translate("main_window", "This session has changes that are not saved. Save them before closing?"))

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
        return self._unless_unsaved(self._start_new, translate("main_window", "This session has changes that are not saved. "
                                    "Save them before starting a new session?"))

    def _start_new(self):
        self.model.replace_session(preferences.new_session())
        self.current_path = None
        self._update_title()

    def open_recent(self, path):
        """File › Open Recent: open `path`, after asking about unsaved changes."""
        return self._unless_unsaved(lambda: self.open_session(path), translated(_ASK_BEFORE_OPENING))

    def open_dialog(self):
        """File › Open: ask about unsaved changes, then choose a file and open it."""
        return self._unless_unsaved(self._choose_and_open, translated(_ASK_BEFORE_OPENING))

    def _choose_and_open(self):
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, translate("main_window", "Open session"), "", translate("main_window", "klviz sessions (*.klviz *.json);;All files (*)"))
        if path:
            self.open_session(path)

    def save(self):
        if self.current_path:
            return self.save_session(self.current_path)
        return self.save_as()

    def save_as(self):
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, translate("main_window", "Save session"), "session.klviz", translate("main_window", "klviz sessions (*.klviz *.json)"))
        return self.save_session(path) if path else False

    def show_shortcuts(self):
        from klviz.gui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).open()

    def show_preferences(self):
        preferences.show_preferences(self)

    def about(self):
        QtWidgets.QMessageBox.about(
            self, translate("main_window", "About klviz"),
            translate("main_window", "<b>klviz</b><br>See and touch entropy, cross-entropy and Kullback-Leibler divergence."))
