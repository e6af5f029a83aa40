"""The main window: assembles the models, the pages, the menus, the unit selector and the status
bar. It holds no mathematics, draws nothing itself and pushes no state to widgets (they follow the
SessionModel and the PresentationModel); what it does itself is the session's files: New, Open,
Save, the recent files and the unsaved-changes questions.
"""

from __future__ import annotations

import os

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from klviz import state as ss
from klviz.fileio import error_reason, shown_path
from klviz.gui import preferences, settings
from klviz.gui.accessibility import install as install_accessibility
from klviz.gui.actions import UnitSelector, build_actions, build_menus
from klviz.gui.classroom import Classroom
from klviz.gui.data_menu import DataMenu
from klviz.gui.export import CHART_PARTS, Exporter
from klviz.gui.geometry import WindowGeometry
from klviz.gui.models.presentation import PresentationModel
from klviz.gui.models.session_model import SessionModel
from klviz.gui.pages.discrete import DiscretePage
from klviz.gui.pages.losses import LossesPage
from klviz.gui.theme import Look, apply_window_look, configure_pyqtgraph, font_keeper
from klviz.gui.widgets.reflow import relayout_later
from klviz.gui.widgets.text import message_box, mnemonic_text, title_text
from klviz.gui.i18n import QT_TRANSLATE_NOOP, error_text, translate, translated

_ASK_BEFORE_OPENING = QT_TRANSLATE_NOOP("klviz", "This session has changes that are not saved. Save them before opening another session?")
# the tabs after Discrete that a deferred start builds after the first paint (the page is
# window.page_<key>, objectName "page_<key>"); the Losses tab follows them (its page exists at
# once, its panels are built in steps: LossesPage)
LATER_TABS = ("continuous", "coding", "joint")


def _tab_text(key):
    return {"continuous": translate("main_window", "&Continuous"), "coding": translate("main_window", "Codin&g"),
            "joint": translate("main_window", "&Joint")}[key]
FIRST_PAINT_FALLBACK_MS = 1000  # after_first_paint: if the window never paints (started minimized)


class _TabPlaceholder(QtWidgets.QWidget):
    """A tab's place until its page is built: the window swaps the page in when the tab is
    shown, when the page is asked for (window.page_<key>), or in the steps after the first paint."""

    def __init__(self, key, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"placeholder_{key}")


class _AfterFirstPaint(QtCore.QObject):
    """Runs `callback` once, on the event-loop turn after `window`'s first paint (or after
    FIRST_PAINT_FALLBACK_MS if it does not paint by then: a window started minimized).

    Qt paints a window back to front, the window itself first: its own Paint event opens every
    paint of it. Only the window's events are watched; a filter on the whole application saw
    every event of the start (some 1,300 between the show and the first paint, each through
    Python)."""

    def __init__(self, window, callback):
        super().__init__(window)
        self.window, self.callback = window, callback
        window.installEventFilter(self)
        QtCore.QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run)

    def eventFilter(self, obj, ev):
        if ev.type() == QtCore.QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self, self._run)  # once the whole window is painted
        return False

    def _run(self):
        if self.callback is None:
            return
        callback, self.callback = self.callback, None
        self.window.removeEventFilter(self)
        callback()


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
        # a hidden page takes the window's type when next shown: its arrangement is checked then
        font_keeper(self).caughtUp.connect(relayout_later)
        self.current_path = None
        self._message_box = None
        self._unsaved_box = None  # the one Save / Discard / Cancel question, reused
        self._after_unsaved = None  # what to do once it is answered with Save or Discard
        self._close_confirmed = False

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        # first of currentChanged's slots: a tab shown before its page was built gets it now,
        # before anyone else hears of the change
        self.tabs.currentChanged.connect(self._build_shown_tab)
        self._pages = {}  # key -> the page of a LATER_TABS tab, once built
        self._placeholders = {}  # key -> the placeholder holding its tab until then
        self._partial = {}  # key -> a page the steps are building in parts
        self._steps = None  # the deferred start's build steps still to run
        self._then = []  # what runs once they are done
        self.page_discrete = DiscretePage(self.model, self.presentation)
        self.tabs.addTab(self.page_discrete, translate("main_window", "&Discrete"))
        for key in LATER_TABS:
            if deferred:  # only the first tab before the first paint
                self._placeholders[key] = holder = _TabPlaceholder(key)
                self.tabs.addTab(holder, _tab_text(key))
            else:
                self._pages[key] = page = self._build_page(key)
                self.tabs.addTab(page, _tab_text(key))
        self.page_losses = LossesPage(self.model, self.presentation, build=not deferred)
        self.tabs.addTab(self.page_losses, translate("main_window", "&Losses"))
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
        self.data = DataMenu(self, deferred=deferred)  # File › Import data…, View › Framework note
        preferences.follow(self)  # the saved digits and presentation scale; the readouts follow
        # widgets built later (the overlay chart, the Losses panels, the lesson dock) follow the
        # models themselves; the window scales their fonts with the rest
        self.page_discrete.chartCreated.connect(self._adopt_chart)
        self.page_losses.built.connect(self._adopt_widgets)
        self._adopt_widgets()
        # the Discrete tab's hint, only there: another tab shown while it shows clears it
        self._tab_hints = {self.page_discrete: translate("main_window", "Drag a bar, or click a chart and use the arrow keys.")}
        self.tabs.currentChanged.connect(self._show_tab_hint)
        self._show_tab_hint(self.tabs.currentIndex(), start=True)
        self.model.undo_stack.cleanChanged.connect(self._update_title)
        self._update_title()
        self.window_geometry = WindowGeometry(self, self.classroom)
        self.window_geometry.restore()  # the last size if it fits the screens, else the screen's
        if self.data.dock.isVisibleTo(self):  # the framework note was open last time: whole at once
            self.data.ensure_note()
        # last: names, descriptions and tab order of every tab (a deferred start scans once the
        # pages are built, after the first paint)
        install_accessibility(self, scan=not deferred)

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

    def pages_built(self):
        """True once every tab's page is built (a deferred start builds the later ones after
        the first paint)."""
        return all(key in self._pages for key in LATER_TABS)

    @property
    def lesson(self):
        if self._lesson is None:
            from klviz.gui.lesson_dock import LessonPanel

            for key in LATER_TABS:  # its steps find the pages by name: every tab's, built
                self.ensure_page(key)

            self._lesson = LessonPanel(self, self.model, self.presentation)
            self._lesson.hide()
            # where it was last time, else on the right
            self.window_geometry.add_dock(self._lesson, QtCore.Qt.DockWidgetArea.RightDockWidgetArea)
            self._lesson.visibilityChanged.connect(
                lambda visible: self.action_lesson.setChecked(self._lesson.isVisible()))
            self._adopt_widgets()
        return self._lesson

    # -- the pages of the later tabs (a deferred start builds them after the first paint) -------
    @property
    def page_continuous(self):
        return self.ensure_page("continuous")

    @property
    def page_coding(self):
        return self.ensure_page("coding")

    @property
    def page_joint(self):
        return self.ensure_page("joint")

    def ensure_page(self, key):
        """The page of the LATER_TABS tab `key`, built now if it was not yet (the rest of it at
        once if the steps are building it in parts)."""
        page = self._pages.get(key)
        if page is None:
            page = self._partial.pop(key, None)
            if page is not None:
                for _ in page.build_steps():
                    pass
                self._finish_page(key, page)
            else:
                page = self._build_page(key)
            self._pages[key] = page
            holder = self._placeholders.pop(key, None)
            if holder is not None:
                self._swap_in(holder, page)
            self._adopt_page(page)
        return page

    def _start_in_parts(self, key):
        """The frame of tab `key`'s page if it can be built in parts (its build_steps()), kept
        in self._partial until the steps or ensure_page finish it; else None."""
        if key in ("continuous", "coding"):
            self._partial[key] = page = self._new_page(key, build=False)
            return page
        return None

    def _build_page(self, key):
        page = self._new_page(key, build=True)
        self._finish_page(key, page)
        return page

    def _new_page(self, key, build):
        """Tab `key`'s page: whole, or (build=False, a page built in parts) its frame only."""
        if key == "continuous":
            from klviz.gui.pages.continuous import ContinuousPage

            return ContinuousPage(self.model, self.presentation, build=build)
        if key == "coding":
            from klviz.gui.pages.coding import CodingPage

            page = CodingPage(build=build)
            page.setObjectName("page_coding")
            return page
        from klviz.gui.pages.joint import JointPage

        page = JointPage(model=self.model, presentation=self.presentation)  # the session's joint
        page.setObjectName("page_joint")
        return page

    def _finish_page(self, key, page):
        """What a page needs once built whole: the Coding page is fed from the Discrete tab's P and Q."""
        if key == "coding":
            page.follow(self.model, self.presentation)

    def _swap_in(self, holder, page):
        """Put `page` in `holder`'s tab; the current tab stays the current one, silently (a
        holder that was current: the slot that asked for the page is telling of it)."""
        tabs = self.tabs
        k, current = tabs.indexOf(holder), tabs.currentIndex()
        blocked = tabs.blockSignals(True)
        try:
            text = tabs.tabText(k)
            tabs.removeTab(k)
            tabs.insertTab(k, page, text)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        holder.deleteLater()

    def _adopt_page(self, page):
        """A page built after the window: its charts' export menus, the window's fonts, and the
        accessibility keeper's names (built during the window's own build, the exporter and the
        keeper find it themselves)."""
        exporter = getattr(self, "exporter", None)
        if exporter is not None:
            for plot in page.findChildren(pg.PlotWidget):
                if plot.objectName() in CHART_PARTS:
                    exporter.add_chart_menu(plot)
            self._adopt_widgets()
        keeper = getattr(self, "accessibility", None)
        if keeper is not None:
            keeper.adopt(page)

    def _show_tab_hint(self, index, start=False):
        """The shown tab's hint in the status bar (8 s) at the start, or in place of another tab's
        hint still showing; none on a tab without one. Any other message is left alone."""
        bar = self.statusBar()
        if not start and bar.currentMessage() not in self._tab_hints.values():
            return
        hint = self._tab_hints.get(self.tabs.widget(index))
        if hint:
            bar.showMessage(hint, 8000)
        else:
            bar.clearMessage()

    def _build_shown_tab(self, index):
        holder = self.tabs.widget(index)
        if isinstance(holder, _TabPlaceholder):
            self.ensure_page(holder.key)

    def after_first_paint(self, callback):
        """Run `callback` on the event-loop turn after this window's first paint (the app's start
        builds the rest of the window then: see finish_building_in_steps)."""
        _AfterFirstPaint(self, callback)

    def when_built(self, callback):
        """Run `callback()` once a deferred start's build is done (finish_building, or the last
        step of finish_building_in_steps); a window never built further never runs it."""
        self._then.append(callback)

    def finish_building(self):
        """Build what a deferred start left out (it follows the models' look and quiz itself)."""
        for key in LATER_TABS:
            self.ensure_page(key)
        self.page_losses.ensure_built()
        self.data.ensure_note()
        self._steps = None
        self.accessibility.release()
        while self._then:
            self._then.pop(0)()

    def finish_building_in_steps(self, then=None):
        """The same, a part per event-loop turn (the app's start, after the first paint: no long
        stall; whatever needs a part earlier builds it at once): the Losses panels in their own
        steps, then each later tab's module and its page (in parts if it can be built so), the
        framework note, then the accessibility scan; `then()` runs in a turn of its own once everything is built."""
        self.page_losses.build_in_steps()
        if then is not None:
            self._then.append(then)
        if self._steps is None:
            self._steps = self._build_steps()
            QtCore.QTimer.singleShot(1, self, self._next_step)

    def _build_steps(self):
        import importlib

        # the Losses panels' own steps first: two chains of timers would put a step of each in
        # the same turn of the event loop, one long stall instead of two short ones
        while not self.page_losses.is_built:
            yield
        for key in LATER_TABS:
            if key not in self._pages:
                importlib.import_module(f"klviz.gui.pages.{key}")
                yield
            if key not in self._pages and key not in self._partial:
                page = self._start_in_parts(key)
                if page is not None:  # its parts, a turn each (ensure_page may finish them)
                    yield
                    for _ in page.build_steps():
                        yield
                    yield  # its last part and its adoption (below) in turns of their own
            self.ensure_page(key)  # (in its tab now, if it was not)
            yield
        self.data.ensure_note()  # the framework note's dock (hidden) holds its note
        yield
        self.accessibility.release()  # the whole window named (also what came before)
        yield
        while self._then:
            self._then.pop(0)()
            yield

    def _next_step(self):
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None
            return
        QtCore.QTimer.singleShot(1, self, self._next_step)  # a timer, not a posted event: input and paint go first

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
            self._error(translate("main_window", "Could not save"), translate("main_window", 'Could not save {0}: {1}').format(
                shown_path(path), error_text(exc) if isinstance(exc, ss.SessionError) else translated(error_reason(exc))))
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
            self._error(translate("main_window", "Could not open session"), translate("main_window", 'Could not open {0}: {exc}').format(shown_path(path), exc=error_text(exc)))
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
        """Bring back the previous run's state (its unsaved edits stay marked unsaved); a window
        built with that session (the app's start) only takes its path."""
        if session is not self.model.session:
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
        start = settings.last_folder(settings.SESSION_DIR_KEY)  # where a session was last opened or saved
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, translate("main_window", "Open session"), start, translate("main_window", "klviz sessions (*.klviz *.json);;All files (*)"))
        if path:
            settings.remember_folder(path, settings.SESSION_DIR_KEY)
            self.open_session(path)

    def save(self):
        if self.current_path:
            return self.save_session(self.current_path)
        return self.save_as()

    def save_as(self):
        name = os.path.basename(self.current_path) if self.current_path else "session.klviz"
        start = os.path.join(settings.last_folder(settings.SESSION_DIR_KEY), name)
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, translate("main_window", "Save session"), start, translate("main_window", "klviz sessions (*.klviz *.json)"))
        if not path:
            return False
        settings.remember_folder(path, settings.SESSION_DIR_KEY)
        return self.save_session(path)

    def show_shortcuts(self):
        from klviz.gui.shortcuts import ShortcutsDialog

        # one dialog, kept and shown again: a new one per F1 deleted on close (WA_DeleteOnClose)
        # crashed PySide6 when opened and closed again and again (a wrapper of its table's items
        # released twice as the deferred delete destroyed them)
        dialog = getattr(self, "_shortcuts_dialog", None)
        if dialog is None:
            dialog = self._shortcuts_dialog = ShortcutsDialog(self)
        dialog.open()

    def show_preferences(self):
        preferences.show_preferences(self)

    def about(self):
        QtWidgets.QMessageBox.about(
            self, translate("main_window", "About klviz"),
            translate("main_window", "<b>klviz</b><br>See and touch entropy, cross-entropy and Kullback-Leibler divergence."))
