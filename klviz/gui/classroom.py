"""Classroom actions: presentation mode (F11), quiz mode (F9, Space reveals), zoom and themes.

They drive the PresentationModel (klviz.gui.models.presentation) and do the window's own part of
it: full screen in presentation mode, the reveal shortcut and a status message in quiz mode, the
theme remembered for the next launch. Nothing here changes the session or pushes state to widgets.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from klviz.gui import settings
from klviz.gui.models.presentation import STEP


class Classroom(QtCore.QObject):
    def __init__(self, window, presentation):
        super().__init__(window)
        self.window = window
        self.presentation = presentation
        self._restore_geometry = None
        self._build_actions()
        presentation.quizChanged.connect(self._on_quiz)
        presentation.presentingChanged.connect(self._on_presenting)
        presentation.themeChanged.connect(self._on_theme)

    def _action(self, text, name, shortcuts=(), checkable=False):
        act = QtGui.QAction(text, self.window, checkable=checkable)
        act.setObjectName(name)
        act.setShortcuts([QtGui.QKeySequence(k) for k in shortcuts])
        self.window.addAction(act)
        return act

    def _build_actions(self):
        pm = self.presentation
        self.action_presentation = self._action("&Presentation mode", "action_presentation", ["F11"], True)
        self.action_presentation.setStatusTip("Full screen, large type, high contrast (F11)")
        self.action_presentation.toggled.connect(pm.set_presenting)

        self.action_quiz = self._action("&Quiz mode: hide the numbers", "action_quiz", ["F9"], True)
        self.action_quiz.setStatusTip("Hide every number so the class can predict; Space reveals")
        self.action_quiz.toggled.connect(pm.set_quiz)
        self.reveal_shortcut = QtGui.QShortcut(QtGui.QKeySequence("Space"), self.window)
        self.reveal_shortcut.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        self.reveal_shortcut.setEnabled(False)
        self.reveal_shortcut.activated.connect(lambda: pm.set_quiz(False))

        K = QtGui.QKeySequence.StandardKey
        self.action_zoom_in = self._action("Zoom &in", "action_zoom_in", ["Ctrl+=", "Ctrl++", K.ZoomIn])
        self.action_zoom_in.triggered.connect(lambda: pm.zoom(+STEP))
        self.action_zoom_out = self._action("Zoom &out", "action_zoom_out", ["Ctrl+-", K.ZoomOut])
        self.action_zoom_out.triggered.connect(lambda: pm.zoom(-STEP))
        self.action_zoom_reset = self._action("&Actual size", "action_zoom_reset", ["Ctrl+0"])
        self.action_zoom_reset.triggered.connect(pm.zoom_reset)

        self.theme_group = QtGui.QActionGroup(self.window)
        self.theme_actions = {}
        for name, text in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
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
        themes = menu.addMenu("&Theme")
        for act in self.theme_actions.values():
            themes.addAction(act)

    # -- the window's part ---------------------------------------------------------------------
    def _on_presenting(self, on):
        w = self.window
        if on:
            self._restore_geometry = (w.saveGeometry(), w.windowState())
            w.showFullScreen()
        else:
            geometry, state = self._restore_geometry or (None, QtCore.Qt.WindowState.WindowNoState)
            w.setWindowState(state)
            if geometry is not None:
                w.restoreGeometry(geometry)
        if self.action_presentation.isChecked() != on:
            self.action_presentation.setChecked(on)

    def _on_quiz(self, on):
        self.reveal_shortcut.setEnabled(on)
        if self.action_quiz.isChecked() != on:
            self.action_quiz.setChecked(on)
        self.window.statusBar().showMessage(
            "Quiz mode: numbers hidden. Predict, then press Space to reveal." if on
            else "Numbers revealed.", 6000)

    def _on_theme(self, name):
        self.theme_actions[name].setChecked(True)
        settings.save_theme(name)
