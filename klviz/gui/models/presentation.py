"""How things are shown, apart from what is shown: quiz mode, presentation mode, zoom and theme.

Widgets and pages subscribe to the signals (follow_quiz, follow_look, follow_plot connect a slot
and bring a widget built later up to date at once); nothing walks the widget tree to push the
state. The classroom actions (F9, F11, zoom, themes) drive this model; none of it is part of the
session, so none of it is an undo step.
"""

from __future__ import annotations

from PySide6 import QtCore

from klviz.gui import theme

PRESENTATION_SCALE = 1.6
MIN_SCALE, MAX_SCALE, STEP = 0.8, 3.0, 0.1
THEMES = ("system", "light", "dark")


class PresentationModel(QtCore.QObject):
    quizChanged = QtCore.Signal(bool)
    presentingChanged = QtCore.Signal(bool)
    themeChanged = QtCore.Signal(str)
    lookChanged = QtCore.Signal(object)  # a klviz.gui.theme.Look

    def __init__(self, theme_name="system", parent=None):
        super().__init__(parent)
        self._quiz = False
        self._presenting = False
        self._scale = 1.0  # outside presentation mode
        self._presentation_scale = PRESENTATION_SCALE
        self._theme = theme_name if theme_name in THEMES else "system"

    # -- reading -------------------------------------------------------------------------------
    @property
    def quiz(self):
        return self._quiz

    @property
    def presenting(self):
        return self._presenting

    @property
    def theme(self):
        return self._theme

    @property
    def scale(self):
        """The type scale now in use (presentation mode has its own)."""
        return self._presentation_scale if self._presenting else self._scale

    def look(self):
        dark = self._theme == "dark" or (self._theme == "system" and theme.system_prefers_dark())
        return theme.Look(scale=self.scale, dark=dark, high_contrast=self._presenting)

    # -- changing ------------------------------------------------------------------------------
    def set_quiz(self, on):
        """Quiz mode: every number is hidden until it ends."""
        on = bool(on)
        if on != self._quiz:
            self._quiz = on
            self.quizChanged.emit(on)

    def set_presenting(self, on):
        """Presentation mode: full screen, large type, high contrast."""
        on = bool(on)
        if on != self._presenting:
            self._presenting = on
            self.presentingChanged.emit(on)
            self._announce()

    def zoom(self, delta):
        value = min(MAX_SCALE, max(MIN_SCALE, round(self.scale + delta, 2)))
        self._set_scale(value)

    def zoom_reset(self):
        self._set_scale(PRESENTATION_SCALE if self._presenting else 1.0)

    def _set_scale(self, value):
        if self._presenting:
            self._presentation_scale = value
        else:
            self._scale = value
        self._announce()

    def set_theme(self, name):
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r} (one of {', '.join(THEMES)})")
        changed = name != self._theme
        self._theme = name
        if changed:
            self.themeChanged.emit(name)
        self._announce()  # also when unchanged: a theme chosen is applied again, palette included

    def _announce(self):
        self.lookChanged.emit(self.look())

    # -- subscribing ---------------------------------------------------------------------------
    def follow_quiz(self, slot):
        """Call slot(on) whenever quiz mode changes, and now if it is on (a widget built late).
        `slot` should be a bound method of a QObject, so the connection ends with it."""
        self.quizChanged.connect(slot)
        if self._quiz:
            slot(True)

    def follow_look(self, slot):
        """Call slot(look) whenever the look changes, and now if it is not the default one."""
        self.lookChanged.connect(slot)
        look = self.look()
        if look != theme.Look():
            slot(look)

    def follow_plot(self, plot):
        """A pyqtgraph plot's axes and background follow the look (and keep their axes cached)."""
        theme.cache_axes(plot)
        self.follow_look(_PlotStyle(plot).apply)


class _PlotStyle(QtCore.QObject):
    """Styles its parent plot: a child of it, so the connection goes when the plot goes."""

    def __init__(self, plot):
        super().__init__(plot)
        self._plot = plot

    def apply(self, look):
        theme.style_plot(self._plot, look)
