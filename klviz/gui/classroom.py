"""Classroom controls: presentation mode, quiz mode, zoom and themes, as actions on a window.

Kept apart from the main window so that it only assembles. Everything here changes how things
look, never the session, so none of it is an undo step.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import theme

PRESENTATION_SCALE = 1.6
MIN_SCALE, MAX_SCALE, STEP = 0.8, 3.0, 0.1
THEMES = ("system", "light", "dark")


def _settings():
    return QtCore.QSettings(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                            "klviz", "klviz")


class Classroom(QtCore.QObject):
    lookChanged = QtCore.Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.presenting = False
        self.quiz = False
        self.scale = 1.0  # outside presentation mode
        self.presentation_scale = PRESENTATION_SCALE
        saved = _settings().value("theme", "system")
        self.theme = saved if saved in THEMES else "system"
        self._restore_geometry = None
        self._build_actions()

    # -- actions -------------------------------------------------------------------------------
    def _build_actions(self):
        w = self.window
        self.action_presentation = QtGui.QAction("&Presentation mode", w, checkable=True)
        self.action_presentation.setObjectName("action_presentation")
        self.action_presentation.setShortcut(QtGui.QKeySequence("F11"))
        self.action_presentation.setStatusTip("Full screen, large type, high contrast (F11)")
        self.action_presentation.toggled.connect(self.set_presentation)

        self.action_quiz = QtGui.QAction("&Quiz mode: hide the numbers", w, checkable=True)
        self.action_quiz.setObjectName("action_quiz")
        self.action_quiz.setShortcut(QtGui.QKeySequence("F9"))
        self.action_quiz.setStatusTip("Hide every number so the class can predict; Space reveals")
        self.action_quiz.toggled.connect(self.set_quiz)
        self.reveal_shortcut = QtGui.QShortcut(QtGui.QKeySequence("Space"), w)
        self.reveal_shortcut.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        self.reveal_shortcut.setEnabled(False)
        self.reveal_shortcut.activated.connect(lambda: self.action_quiz.setChecked(False))

        self.action_zoom_in = QtGui.QAction("Zoom &in", w)
        self.action_zoom_in.setObjectName("action_zoom_in")
        self.action_zoom_in.setShortcuts([QtGui.QKeySequence("Ctrl+="), QtGui.QKeySequence("Ctrl++"),
                                          QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.ZoomIn)])
        self.action_zoom_in.triggered.connect(lambda: self.zoom(+STEP))
        self.action_zoom_out = QtGui.QAction("Zoom &out", w)
        self.action_zoom_out.setObjectName("action_zoom_out")
        self.action_zoom_out.setShortcuts([QtGui.QKeySequence("Ctrl+-"),
                                           QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.ZoomOut)])
        self.action_zoom_out.triggered.connect(lambda: self.zoom(-STEP))
        self.action_zoom_reset = QtGui.QAction("&Actual size", w)
        self.action_zoom_reset.setObjectName("action_zoom_reset")
        self.action_zoom_reset.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        self.action_zoom_reset.triggered.connect(self.zoom_reset)

        self.theme_group = QtGui.QActionGroup(w)
        self.theme_actions = {}
        for name, text in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
            act = QtGui.QAction(text, w, checkable=True)
            act.setObjectName(f"action_theme_{name}")
            act.setChecked(name == self.theme)
            act.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(act)
            self.theme_actions[name] = act
        for a in (self.action_presentation, self.action_quiz, self.action_zoom_in, self.action_zoom_out,
                  self.action_zoom_reset, *self.theme_actions.values()):
            w.addAction(a)

    def fill_menu(self, menu):
        menu.addAction(self.action_presentation)
        menu.addAction(self.action_quiz)
        menu.addSeparator()
        menu.addAction(self.action_zoom_in)
        menu.addAction(self.action_zoom_out)
        menu.addAction(self.action_zoom_reset)
        menu.addSeparator()
        themes = menu.addMenu("&Theme")
        for act in self.theme_actions.values():
            themes.addAction(act)

    # -- state ---------------------------------------------------------------------------------
    def look(self):
        dark = self.theme == "dark" or (self.theme == "system" and theme.system_prefers_dark())
        if self.presenting:
            return theme.Look(scale=self.presentation_scale, dark=dark, high_contrast=True)
        return theme.Look(scale=self.scale, dark=dark, high_contrast=False)

    def apply(self):
        theme.apply_look(self.window, self.look())
        self.lookChanged.emit()

    def set_presentation(self, on):
        on = bool(on)
        if on == self.presenting:
            return
        w = self.window
        if on:
            self._restore_geometry = (w.saveGeometry(), w.windowState())
            self.presenting = True
            w.showFullScreen()
        else:
            self.presenting = False
            geometry, state = self._restore_geometry or (None, QtCore.Qt.WindowState.WindowNoState)
            w.setWindowState(state)
            if geometry is not None:
                w.restoreGeometry(geometry)
        self.apply()
        if self.action_presentation.isChecked() != on:
            self.action_presentation.setChecked(on)

    def zoom(self, delta):
        if self.presenting:
            self.presentation_scale = min(MAX_SCALE, max(MIN_SCALE, round(self.presentation_scale + delta, 2)))
        else:
            self.scale = min(MAX_SCALE, max(MIN_SCALE, round(self.scale + delta, 2)))
        self.apply()

    def zoom_reset(self):
        if self.presenting:
            self.presentation_scale = PRESENTATION_SCALE
        else:
            self.scale = 1.0
        self.apply()

    def set_theme(self, name):
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.theme = name
        self.theme_actions[name].setChecked(True)
        _settings().setValue("theme", name)
        self.apply()

    def set_quiz(self, on):
        self.quiz = bool(on)
        self.reveal_shortcut.setEnabled(self.quiz)
        for w in self.window.findChildren(QtWidgets.QWidget):
            set_quiz = getattr(w, "set_quiz", None)
            if callable(set_quiz) and w.parent() is not None and not _inside_quiz_aware(w):
                set_quiz(self.quiz)
        if self.action_quiz.isChecked() != self.quiz:
            self.action_quiz.setChecked(self.quiz)
        self.window.statusBar().showMessage(
            "Quiz mode: numbers hidden. Predict, then press Space to reveal." if self.quiz
            else "Numbers revealed.", 6000)


def _inside_quiz_aware(widget):
    """True if an ancestor page handles quiz mode for this widget itself."""
    p = widget.parent()
    while p is not None:
        if callable(getattr(p, "set_quiz", None)) and getattr(p, "QUIZ_HANDLES_CHILDREN", False):
            return True
        p = p.parent()
    return False
