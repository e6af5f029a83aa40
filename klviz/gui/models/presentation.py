"""How things are shown, apart from what is shown: quiz mode, presentation mode, zoom, theme and
the significant digits of the readouts.

Widgets and pages subscribe to the signals (follow_quiz, follow_look, follow_plot connect a slot
and bring a widget built later up to date at once); nothing walks the widget tree to push the
state. The classroom actions (F9, F11, zoom, themes) and the Preferences dialog (theme, digits,
presentation scale) drive this model; none of it is part of the session, so none of it is an undo
step.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from klviz.gui import theme

PRESENTATION_SCALE = 1.6  # the type scale of presentation mode, unless the preferences say otherwise
MIN_SCALE, MAX_SCALE, STEP = 0.8, 3.0, 0.1
PRESENTATION_SCALE_RANGE = (1.0, MAX_SCALE)  # what the preferences may choose
THEMES = ("system", "light", "dark")
DEFAULT_DIGITS = 4
DIGITS_RANGE = (3, 6)  # significant digits of the readouts


class PresentationModel(QtCore.QObject):
    quizChanged = QtCore.Signal(bool)
    presentingChanged = QtCore.Signal(bool)
    themeChanged = QtCore.Signal(str)
    lookChanged = QtCore.Signal(object)  # a klviz.gui.theme.Look
    digitsChanged = QtCore.Signal(int)
    valueFitChanged = QtCore.Signal(bool)

    def __init__(self, theme_name="system", parent=None):
        super().__init__(parent)
        self._quiz = False
        self._presenting = False
        self._scale = 1.0  # outside presentation mode
        self._presentation_default = PRESENTATION_SCALE  # the preference; zoom_reset comes back to it
        self._presentation_scale = PRESENTATION_SCALE
        self._theme = theme_name if theme_name in THEMES else "system"
        self._digits = DEFAULT_DIGITS
        self._value_fit = True

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

    @property
    def normal_scale(self):
        """The type scale outside presentation mode (presentation mode never goes below it)."""
        return self._scale

    @property
    def digits(self):
        """Significant digits of the readouts."""
        return self._digits

    @property
    def presentation_scale(self):
        """The type scale presentation mode starts at (a preference; zooming changes it for the
        time presentation mode is on)."""
        return self._presentation_default

    @property
    def presentation_scale_now(self):
        """The scale presentation mode uses (or will use next), zooms and fits included."""
        return self._presentation_scale

    @property
    def value_fit(self):
        """True: bar charts' value axes fit their data; False: they show 0-1 (for comparisons)."""
        return self._value_fit

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
        self._set_scale(self._presentation_default if self._presenting else 1.0)

    def fit_scale(self, value):
        """Presentation mode's scale for now, as large as the screen allows (the window measures;
        the preference stays, and zoom_reset comes back to it)."""
        self._set_scale(min(MAX_SCALE, max(MIN_SCALE, round(float(value), 2))))

    def fit_presentation_scale(self, value):
        """fit_scale for presentation mode's own scale, on or not (shown at once if it is on):
        the lesson panel's fit gives back the scale it lowered when presentation mode ends."""
        value = min(MAX_SCALE, max(MIN_SCALE, round(float(value), 2)))
        if self._presenting:
            self._set_scale(value)
        else:
            self._presentation_scale = value

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

    def set_digits(self, n):
        """Significant digits of the readouts, DIGITS_RANGE inclusive."""
        lo, hi = DIGITS_RANGE
        if isinstance(n, bool) or not isinstance(n, int) or not lo <= n <= hi:
            raise ValueError(f"significant digits must be a whole number from {lo} to {hi}, not {n!r}")
        if n != self._digits:
            self._digits = n
            self.digitsChanged.emit(n)

    def set_presentation_scale(self, value):
        """The type scale of presentation mode (PRESENTATION_SCALE_RANGE), shown at once if it is on."""
        lo, hi = PRESENTATION_SCALE_RANGE
        value = float(value)
        if not lo <= value <= hi:  # NaN fails too
            raise ValueError(f"the presentation scale must be from {lo:g} to {hi:g}, not {value!r}")
        value = round(value, 2)
        changed = value != self._presentation_scale
        self._presentation_default = self._presentation_scale = value
        if self._presenting and changed:
            self._announce()

    def set_value_fit(self, on):
        on = bool(on)
        if on != self._value_fit:
            self._value_fit = on
            self.valueFitChanged.emit(on)

    def _announce(self):
        if theme.exiting():  # a window torn down at interpreter exit: nothing left to restyle
            return
        self.lookChanged.emit(self.look())

    # -- subscribing ---------------------------------------------------------------------------
    def follow_quiz(self, slot):
        """Call slot(on) whenever quiz mode changes, and now if it is on (a widget built late).
        `slot` should be a bound method of a QObject, so the connection ends with it."""
        self.quizChanged.connect(slot)
        if self._quiz:
            slot(True)

    def follow_look(self, slot):
        """Call slot(look) whenever the look changes, and now if it is not the default one.

        A slot bound to a widget that is hidden in a shown window (a tab not in front, a Losses
        panel behind another) gets the look when the widget is next shown, just before it
        paints: F11 or a zoom then restyles only what is on screen, not every tab."""
        owner = getattr(slot, "__self__", None)
        target = owner._plot if isinstance(owner, _PlotStyle) else owner
        if isinstance(target, QtWidgets.QWidget):
            slot = _WhenShown(target, slot).apply
        self.lookChanged.connect(slot)
        look = self.look()
        if look != theme.Look():
            slot(look)

    def follow_digits(self, slot):
        """Call slot(n) whenever the readouts' digits change, and now if they are not the default."""
        self.digitsChanged.connect(slot)
        if self._digits != DEFAULT_DIGITS:
            slot(self._digits)

    def follow_plot(self, plot):
        """A pyqtgraph plot's axes and background follow the look (and keep their axes cached);
        a bar chart's value axis follows value_fit."""
        theme.cache_axes(plot)
        self.follow_look(_PlotStyle(plot).apply)
        if hasattr(plot, "set_value_fit"):
            self.valueFitChanged.connect(plot.set_value_fit)
            plot.set_value_fit(self._value_fit)


class _WhenShown(QtCore.QObject):
    """Calls `slot(look)` at once if `widget` is on screen (or its window is not shown yet), else
    when the widget is next shown. A child of the widget, so the connection goes when it goes;
    it watches the widget's events only while a look is pending (not on every drag frame)."""

    def __init__(self, widget, slot):
        super().__init__(widget)
        self._widget, self._slot, self._pending = widget, slot, None

    def apply(self, look):
        w = self._widget
        if w.isVisible() or not w.window().isVisible():
            self._drop_pending()
            self._slot(look)
        else:
            if self._pending is None:
                w.installEventFilter(self)
            self._pending = look

    def _drop_pending(self):
        if self._pending is not None:
            self._pending = None
            self._widget.removeEventFilter(self)

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.Show and self._pending is not None and not theme.exiting():
            look = self._pending
            self._drop_pending()
            self._slot(look)
        return False


class _PlotStyle(QtCore.QObject):
    """Styles its parent plot: a child of it, so the connection goes when the plot goes."""

    def __init__(self, plot):
        super().__init__(plot)
        self._plot = plot

    def apply(self, look):
        theme.style_plot(self._plot, look)
