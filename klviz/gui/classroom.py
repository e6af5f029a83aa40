"""Classroom actions: presentation mode (F11), quiz mode (F9, Space reveals), zoom, themes and
the bar charts' value axes (fitted to the data, or 0-1 for comparisons; remembered in QSettings
under "view/valueAxisFit", since it is a way of looking, not part of the session).

They drive the PresentationModel (klviz.gui.models.presentation) and do the window's own part of
it: full screen in presentation mode, the reveal shortcut and a status message in quiz mode, the
theme remembered for the next launch. Nothing here changes the session or pushes state to widgets.

Presentation mode fits the screen it is on: its type scale (the preference, 1.6 unless changed) is
lowered, in steps of 0.05, to the largest at which the window's minimum size fits the screen, and
never below the normal scale (on a 1920×1080 screen the readouts grow 1.6×; on a 1024×768
projector as much as fits). With the lesson panel docked beside the pages it is lowered further
where the page beside the panel does not show its essentials whole (LessonFit: 1.0 on an 800×600
screen, where the page has some 420 px; 1.6 still at 1024×768), and given back when the panel closes.
"""

from __future__ import annotations

import contextlib
import math
import sys

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import settings
from klviz.gui.actions import set_keys
from klviz.gui.models.presentation import STEP
from klviz.gui.widgets.reflow import clipped_essentials
from klviz.gui.i18n import translate

VALUE_FIT_KEY = "view/valueAxisFit"


@contextlib.contextmanager
def _size_grip_held(window):
    """The status bar's size grip stays hidden while the window leaves full screen, and shows
    (as Qt would) once the window has its size: shown at once, it laid the whole window out at
    the full-screen size, again (showing a widget lays out every layout above it)."""
    grip = window.statusBar().findChild(QtWidgets.QSizeGrip)
    if grip is None or grip.isHidden() and grip.testAttribute(_EXPLICIT):
        yield
        return
    grip.hide()
    try:
        yield
    finally:
        hidden_in = QtCore.Qt.WindowState.WindowFullScreen
        if sys.platform == "darwin":
            hidden_in |= QtCore.Qt.WindowState.WindowMaximized
        grip.setVisible(not window.windowState() & hidden_in)
        grip.setAttribute(_EXPLICIT, False)  # its own rule again (QSizeGrip follows the state)


_EXPLICIT = QtCore.Qt.WidgetAttribute.WA_WState_ExplicitShowHide


class Classroom(QtCore.QObject):
    def __init__(self, window, presentation):
        super().__init__(window)
        self.window = window
        self.presentation = presentation
        self._restore_geometry = None
        self._fit_pending = False
        self._normal_minimum = None
        self._held = None  # the window handle whose paint is held back (see _hold_updates)
        self._followed = []  # the tab widgets whose switches refit the type (_page_shown)
        self.lesson_fit = LessonFit(window, presentation)
        self._build_actions()
        presentation.quizChanged.connect(self._on_quiz)
        presentation.presentingChanged.connect(self._on_presenting)
        presentation.themeChanged.connect(self._on_theme)
        presentation.lookChanged.connect(self._on_look)  # after the window's own look: see there
        presentation.set_value_fit(settings.value_of(VALUE_FIT_KEY, "true", ("true", "false")) == "true")
        self.action_value_fit.setChecked(presentation.value_fit)
        presentation.valueFitChanged.connect(self._on_value_fit)
        losses = getattr(window, "page_losses", None)
        if losses is not None and not getattr(losses, "is_built", True) and hasattr(window, "when_built"):
            # a deferred start: once the window's own build is done (its tabs and the Losses
            # panels), the lesson panel in idle steps, so opening it (Ctrl+L, often in front of
            # a class) only shows it; built earlier, it would build the missing tabs in one turn
            window.when_built(self._prebuild_lesson)

    def _prebuild_lesson(self):
        from klviz.gui.lesson_dock import prebuild_in_steps  # (not at start-up: a deferred start)

        prebuild_in_steps(self.window)

    def _action(self, text, name, keys=(), checkable=False):
        act = QtGui.QAction(text, self.window, checkable=checkable)
        act.setObjectName(name)
        set_keys(self.window, act, *keys)  # each key once, one action per key
        self.window.addAction(act)
        return act

    def _build_actions(self):
        pm, K = self.presentation, QtGui.QKeySequence.StandardKey
        self.action_presentation = self._action(translate("classroom", "&Presentation mode"), "action_presentation", ["F11"], True)
        self.action_presentation.setStatusTip(translate("classroom", "Full screen, large type, high contrast (F11)"))
        self.action_presentation.toggled.connect(pm.set_presenting)

        self.action_quiz = self._action(translate("classroom", "&Quiz mode: hide the numbers"), "action_quiz", ["F9"], True)
        self.action_quiz.setStatusTip(translate("classroom", "Hide every number so the class can predict; Space reveals"))
        self.action_quiz.toggled.connect(pm.set_quiz)
        self.reveal_shortcut = QtGui.QShortcut(QtGui.QKeySequence("Space"), self.window)
        self.reveal_shortcut.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        self.reveal_shortcut.setEnabled(False)
        self.reveal_shortcut.activated.connect(lambda: pm.set_quiz(False))

        # Ctrl+= too: the same key as Ctrl++ without Shift on most layouts
        self.action_zoom_in = self._action(translate("classroom", "Zoom &in"), "action_zoom_in", ["Ctrl++", "Ctrl+=", K.ZoomIn])
        self.action_zoom_in.triggered.connect(lambda: pm.zoom(+STEP))
        self.action_zoom_out = self._action(translate("classroom", "Zoom &out"), "action_zoom_out", ["Ctrl+-", K.ZoomOut])
        self.action_zoom_out.triggered.connect(lambda: pm.zoom(-STEP))
        self.action_zoom_reset = self._action(translate("classroom", "&Actual size"), "action_zoom_reset", ["Ctrl+0"])
        self.action_zoom_reset.triggered.connect(pm.zoom_reset)

        self.action_value_fit = self._action(translate("classroom", "&Fit value axes to the data"),
                                             "action_value_axis_fit", checkable=True)
        self.action_value_fit.setStatusTip(translate("classroom", "Bar charts' value axes fit the bars (many small "
                                                     "ones stay readable); off: 0 to 1, for comparisons"))
        self.action_value_fit.setChecked(True)
        self.action_value_fit.toggled.connect(pm.set_value_fit)

        self.theme_group = QtGui.QActionGroup(self.window)
        self.theme_actions = {}
        for name, text in (("system", translate("classroom", "Follow the &system")), ("light", translate("classroom", "&Light")), ("dark", translate("classroom", "&Dark"))):
            act = self._action(text, f"action_theme_{name}", checkable=True)
            act.setChecked(name == pm.theme)
            act.triggered.connect(lambda _=False, n=name: pm.set_theme(n))
            self.theme_group.addAction(act)
            self.theme_actions[name] = act

    def fill_menu(self, menu):
        menu.addAction(self.action_presentation)
        menu.addAction(self.action_quiz)
        menu.addSeparator()
        menu.addAction(self.action_zoom_in)
        menu.addAction(self.action_zoom_out)
        menu.addAction(self.action_zoom_reset)
        menu.addSeparator()
        menu.addAction(self.action_value_fit)
        menu.addSeparator()
        themes = menu.addMenu(translate("classroom", "&Theme"))
        for act in self.theme_actions.values():
            themes.addAction(act)

    # -- the window's part ---------------------------------------------------------------------
    # -- holding the window's paint while it changes size and type ----------------------------
    HOLD_MS = 250  # at most: a window manager that never resizes the window does not freeze it

    def _hold_updates(self):
        """No paint until the window system has given the window its new size: F11 painted the
        large type at the old size first, then again at the full-screen size, and leaving it
        painted twice too (once at the size set, again when the window system exposed it)."""
        w = self.window
        handle = w.windowHandle()
        if handle is None or not w.isVisible() or not w.updatesEnabled() or self._held is not None:
            return
        self._held = handle
        w.setUpdatesEnabled(False)
        handle.installEventFilter(self)
        QtCore.QTimer.singleShot(self.HOLD_MS, self, self._release_updates)

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if obj is self._held and ev.type() in (QtCore.QEvent.Type.Resize, QtCore.QEvent.Type.Expose):
            # the window system's answer: paint once its events are in (their layout included)
            QtCore.QTimer.singleShot(0, self, self._release_updates)
        return False

    def _release_updates(self):
        handle, self._held = self._held, None
        if handle is not None:
            handle.removeEventFilter(self)
            self.window.setUpdatesEnabled(True)
            # painted now, not left to the update() that re-enabling posts: on X11 in full screen
            # that one never reached the screen when nothing exposed the window afterwards
            self.window.repaint()

    def _on_presenting(self, on):
        w = self.window
        self._hold_updates()
        if on:
            # what to come back to: the size, the place, maximized or not
            self._restore_geometry = (QtCore.QRect(w.normalGeometry()),
                                      w.windowState() & ~QtCore.Qt.WindowState.WindowFullScreen,
                                      w.saveGeometry())
            self._normal_minimum = w.minimumSizeHint()  # the type is still the normal one here
            self._fit_pending = True  # once the large type is on: see _on_look
            self._follow_pages()
            w.showFullScreen()
        # leaving: _on_look, once the normal type is back
        if self.action_presentation.isChecked() != on:
            self.action_presentation.setChecked(on)

    def _on_look(self, _look):
        """Leaving presentation mode, once the normal type is back: the exact geometry from before.
        (Restored while the large type's minimum size still held, 1280×820 came back as 1280×851.)"""
        if self.presentation.presenting:
            if self._fit_pending:
                self._fit_pending = False
                self._fit_to_screen()
                self.lesson_fit.check_later()  # the panel open already: the page beside it
            return
        if self._restore_geometry is None:
            return
        rect, state, _ = self._restore_geometry
        self._restore_geometry = None
        w = self.window
        # The window's minimum size is still the large type's until its layout runs again (it
        # runs once, at the size set below); where that minimum would stop the size from
        # before, it is let go (0 × 0 is not an explicit minimum: the layout sets its own).
        # Activating the layout here to get it laid the whole window out at the full-screen
        # size first, for nothing.
        if w.minimumSize().boundedTo(rect.size()) != w.minimumSize():
            w.setMinimumSize(0, 0)
        with _size_grip_held(w):
            w.setWindowState(state)
            if not state & QtCore.Qt.WindowState.WindowMaximized:
                w.setGeometry(rect)

    def _follow_pages(self):
        """Hidden pages take the large type only when shown (theme: a page's fonts catch up when
        it is next shown), so the fit counts the page in front; each page shown in presentation
        mode is fitted then (the type only ever goes down: the Losses panels need less of it than
        the Discrete tab at 1280×720)."""
        for tabs in [self.window.tabs] + self.window.findChildren(QtWidgets.QTabWidget):
            if tabs not in self._followed:
                self._followed.append(tabs)
                tabs.currentChanged.connect(self._page_shown)

    def _page_shown(self, _index):
        if self.presentation.presenting and not self._fit_pending:
            self._fit_to_screen()

    def _fits(self, size):
        m = self.window.minimumSizeHint()
        return m.width() <= size.width() and m.height() <= size.height()

    def _fit_to_screen(self):
        """The largest presentation scale (steps of 0.05, not below the normal scale) at which the
        window's minimum size fits its screen."""
        w, pm = self.window, self.presentation
        screen = w.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is None:
            return
        size, floor, scale = screen.geometry().size(), pm.normal_scale, pm.scale
        if scale <= floor or self._fits(size):
            return
        # the minimum size grows about linearly with the type: a first guess from the two known
        big, small = w.minimumSizeHint(), self._normal_minimum or w.minimumSizeHint()
        guess = scale
        for hi, lo, limit in ((big.width(), small.width(), size.width()),
                              (big.height(), small.height(), size.height())):
            if hi > limit and hi > lo:
                guess = min(guess, floor + (scale - floor) * (limit - lo) / (hi - lo))
        guess = max(floor, math.floor(guess * 20 + 1e-9) / 20)
        while True:
            pm.fit_scale(guess)
            if guess <= floor or self._fits(size):
                return
            guess = max(floor, round(guess - 0.05, 2))

    def geometry_before_presenting(self):
        """(saveGeometry bytes, normal geometry) from before presentation mode, while it is on
        (what a window closed in presentation mode remembers); None otherwise."""
        if self.presentation.presenting and self._restore_geometry is not None:
            rect, _, geometry = self._restore_geometry
            return geometry, rect
        return None

    def _on_quiz(self, on):
        self.reveal_shortcut.setEnabled(on)
        if self.action_quiz.isChecked() != on:
            self.action_quiz.setChecked(on)
        self.window.statusBar().showMessage(
            translate("classroom", "Quiz mode: numbers hidden. Predict, then press Space to reveal.") if on
            else translate("classroom", "Numbers revealed."), 6000)

    def _on_value_fit(self, on):
        if self.action_value_fit.isChecked() != on:
            self.action_value_fit.setChecked(on)
        settings.set_value(VALUE_FIT_KEY, "true" if on else "false")

    def _on_theme(self, name):
        self.theme_actions[name].setChecked(True)
        settings.save_theme(name)


class LessonFit(QtCore.QObject):
    """Presentation mode with the lesson panel docked beside the pages (issue 12: nothing clipped):
    the type scale is lowered, in steps of 0.05 and never below the normal scale, to the largest
    at which the page shown beside the panel has every essential in view (its charts, captions
    and readouts: reflow.clipped_essentials). The page has the screen's width less the panel's
    380 px or more; on an 800×600 screen, some 420 px, its charts, readouts and their captions at
    1.6× stacked far below the fold. Checked when the panel opens, when presentation mode starts
    with it open, and when another tab or panel is shown beside it (then only ever lower: the
    type does not grow and shrink as one goes through the tabs). Closing the panel, or leaving
    presentation mode, gives back the scale from before, unless a zoom has changed it since;
    after a zoom the panel leaves the type alone until it is opened again.
    Checked again whenever the pages' room changes size (the window's layout docks the panel a
    turn or more after it is shown).

    Each step waits a few event-loop turns (1 ms timers) for the pages to reflow at the new type
    before it measures."""

    SETTLE_TURNS = 4
    STEP = 0.05

    def __init__(self, window, presentation):
        super().__init__(window)
        self.window, self.pm = window, presentation
        self._panel = None
        self._before = None  # the scale from before the panel lowered it
        self._fitted = None  # the scale it chose
        self._running = False
        self._start = None
        self._seen = None  # the scale when the last check ended (another one since: a zoom)
        self._tab_bars = []  # the tab widgets whose switches are followed (the Losses panels')
        presentation.presentingChanged.connect(self._on_presenting)

    def follow(self, panel):
        """Fit the type beside `panel` (the window's lesson dock) from now on."""
        self._panel = panel
        panel.visibilityChanged.connect(self._on_panel)
        panel.topLevelChanged.connect(lambda _: self._on_panel(panel.isVisible()))
        self._follow_tabs(self.window.tabs)
        self.window.tabs.installEventFilter(self)  # the pages' room changes: the dock docked, F11

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.Resize and obj is self.window.tabs and self._beside():
            self.check_later()
        return False

    def busy(self):
        """True while a fit is under way (its steps wait for the pages to reflow)."""
        return self._running

    def _follow_tabs(self, tabs):
        if tabs is not None and tabs not in self._tab_bars:
            self._tab_bars.append(tabs)
            tabs.currentChanged.connect(lambda _: self.check_later())

    def _beside(self):
        panel = self._panel
        return (self.pm.presenting and panel is not None and panel.isVisible() and not panel.isFloating())

    def _on_panel(self, visible):
        if visible and self._beside():
            self.check_later()
        elif not self._beside():
            self._give_back()

    def _on_presenting(self, on):
        if not on:
            self._give_back()

    def _give_back(self):
        before, fitted = self._before, self._fitted
        self._before = self._fitted = self._seen = None
        if before is not None and self.pm.presentation_scale_now == fitted:
            self.pm.fit_presentation_scale(before)

    def check_later(self):
        """Check the page beside the panel once the layouts have settled (and fit the type)."""
        if self._running or not self._beside():
            return
        if self._seen is not None and self.pm.scale != self._seen:
            return  # zoomed since (Ctrl+plus, Ctrl+minus): the user's choice stands
        self._running = True
        self._settle(self._first)

    def _settle(self, then, turns=None):
        turns = self.SETTLE_TURNS if turns is None else turns
        if turns <= 0:
            then()
        else:
            QtCore.QTimer.singleShot(1, self, lambda: self._settle(then, turns - 1))

    def _clipped(self):
        page = self.window.tabs.currentWidget()
        if page is None:
            return False
        for tabs in page.findChildren(QtWidgets.QTabWidget):
            self._follow_tabs(tabs)
        return bool(clipped_essentials(page))

    def _done(self):
        self._running = False
        self._seen = self.pm.scale

    def _set(self, scale, then):
        self.pm.fit_scale(scale)
        self._fitted = self.pm.scale
        self._settle(then)

    def _first(self):
        if not self._beside() or not self._clipped():
            self._done()
            return
        floor, scale = self.pm.normal_scale, self.pm.scale
        if scale <= floor:
            self._done()
            return
        if self._before is None:
            self._before = scale
        self._start = scale
        # a first guess: the type in proportion to the page's width beside the panel
        page_width, panel_width = self.window.tabs.width(), self._panel.width()
        guess = scale * page_width / max(1, page_width + panel_width)
        guess = min(scale - self.STEP, max(floor, math.floor(guess * 20 + 1e-9) / 20))
        self._set(round(guess, 2), self._after_guess)

    def _after_guess(self):
        (self._down if self._clipped() else self._up)()

    def _down(self):
        """Clipped at the scale in use: a step smaller, unless at the floor."""
        scale = self.pm.scale
        if scale <= self.pm.normal_scale or not self._beside():
            self._done()
            return
        self._set(round(max(self.pm.normal_scale, scale - self.STEP), 2),
                  lambda: self._down() if self._clipped() else self._done())

    def _up(self):
        """The page fits at the scale in use: a step larger while it still does, up to where the
        fit started."""
        scale = self.pm.scale
        larger = round(scale + self.STEP, 2)
        if larger > self._start + 1e-9 or not self._beside():
            self._done()
            return
        self._set(larger, lambda: self._set(scale, self._done) if self._clipped() else self._up())
