"""Fit Q to P on the discrete pair: gradient descent on Q's logits (klviz.state.fit_discrete),
animated as one undo step, with a live chart of H(P,Q) and D(P‖Q) per iteration.

The lesson's closing step shows it (the Discrete tab's page belongs to another module; this widget
drives the same SessionModel, so the Discrete tab's bars move as Q descends). Only the iterations
reached so far are drawn: nothing shows where the descent will end before it gets there. Any other
change of the session while it runs (a drag, Swap, the number of categories) ends the descent
where it is: that change stands, as its own undo step (SessionModel.begin_animation).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.theme import is_dark
from klviz.gui.widgets.still_plot import set_axis_label
from klviz.gui.widgets.value_label import ValueLabel
from klviz.state.fit_discrete import as_probabilities, fit_q_to_p
from klviz.style import ENTROPY_COLOR, KL_COLOR, mark_color
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

UNDO_TEXT = QT_TRANSLATE_NOOP("klviz", "Fit Q to P")


def small_plot(name, bottom, left=None):
    """A plain chart for the lesson panel: no menu, no buttons, plain axis numbers."""
    plot = pg.PlotWidget(background=None, enableMenu=False)
    plot.setObjectName(name)
    plot.setMinimumHeight(180)
    pi = plot.getPlotItem()
    pi.setMenuEnabled(False)
    pi.hideButtons()
    pi.setLabel("bottom", bottom)
    if left:
        pi.setLabel("left", left)
    for side in ("left", "bottom"):
        pi.getAxis(side).enableAutoSIPrefix(False)
    return plot


class FitQToP(QtWidgets.QWidget):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.duration_ms = 3000  # the whole descent's animation (0: jump to the end)
        self._history = None  # the FitHistory being shown (or last shown)
        self._shown = 0  # iterations drawn so far
        self._running = False
        self._anim = QtCore.QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QtCore.QEasingCurve.Type.InQuad)  # the early, steep iterations slowly
        self._anim.valueChanged.connect(self._on_frame)
        self._anim.finished.connect(self.finish)

        self.button = QtWidgets.QPushButton(translate("widgets.fit_q_to_p", "Fit Q to P (gradient descent)"))
        self.button.setObjectName("button_fit_q_to_p")
        self.button.setToolTip(translate("widgets.fit_q_to_p", "Gradient descent on Q's logits, minimising H(P,Q) — and with it D(P‖Q).\n"
                               "Animated; the whole fit is one undo step."))
        self.button.clicked.connect(self.start)
        self.plot = small_plot("plot_fit_history", "iteration")
        pi = self.plot.getPlotItem()
        pi.setMouseEnabled(False, False)
        self.legend = pi.addLegend(offset=(-10, 10))
        self.curve_cross = pi.plot([], [], pen=pg.mkPen(ENTROPY_COLOR, width=2), name="H(P,Q)")
        self.curve_kl = pi.plot([], [], pen=pg.mkPen(KL_COLOR, width=2), name="D(P‖Q)")
        self._inks = None
        self._follow_palette()
        self.readout = ValueLabel("")
        self.readout.setObjectName("lesson_fit_value")
        self.readout.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.readout)
        model.unitChanged.connect(self._draw)
        model.gestureActiveChanged.connect(self._on_gesture_changed)
        self._draw()

    def changeEvent(self, ev):  # noqa: N802 (Qt name)
        if ev.type() in (QtCore.QEvent.Type.PaletteChange, QtCore.QEvent.Type.FontChange):
            self._follow_palette()  # a theme chosen, the type scaled (presentation mode, zoom)
        super().changeEvent(ev)

    def _follow_palette(self):
        """The curves (and so the legend's swatches, which draw their pens) in the mark shade of
        their colours for the theme (klviz.style.mark_color: 3:1 on its backgrounds; green and
        pink were 3.0 and 2.7 on the light window); the legend's names in the window's text
        colour and the widget's type (they kept #222222 on the dark theme, 9 pt in presentation
        mode)."""
        pal = self.palette()
        dark = is_dark(self)
        text = pal.color(QtGui.QPalette.ColorRole.WindowText).name()
        size = f"{self.font().pointSizeF():g}pt"
        if (dark, text, size) == self._inks:
            return
        self._inks = (dark, text, size)
        for curve, color in ((self.curve_cross, ENTROPY_COLOR), (self.curve_kl, KL_COLOR)):
            curve.setPen(pg.mkPen(mark_color(color, dark), width=2))
        self.legend.setLabelTextColor(text)
        self.legend.setLabelTextSize(size)
        for _, label in self.legend.items:  # (pyqtgraph keeps the colour for the next text only)
            label.setText(label.text, color=text, size=size)

    @property
    def history(self):
        return self._history

    @property
    def running(self):
        return self._running

    def start(self):
        """Descend from the current Q to P, animated; Q follows the iterations (one undo step)."""
        self.finish()
        d = self.model.discrete
        try:
            history = fit_q_to_p(d.p, d.q)
        except ValueError as exc:  # cannot happen for a valid state; say so rather than crash
            self.readout.setText(translate("widgets.fit_q_to_p", "No fit: {0}").format(exc))
            return
        self._history, self._shown = history, 0
        self._draw()
        if history.iterations == 0:
            self.readout.setText(self.readout.real_text() + translate("widgets.fit_q_to_p", "  Q is already P."))
            return
        self.model.begin_animation(translated(UNDO_TEXT), owner=self)  # any other change ends it
        self._running = True
        if self.duration_ms <= 0:
            self.finish()
            return
        self._anim.setDuration(int(self.duration_ms))
        self._anim.start()

    def _show_iteration(self, k):
        k = min(int(k), self._history.iterations)
        if k == self._shown:
            return
        self._shown = k
        self.model.set_distribution("q", as_probabilities(self._history.qs[k]), translated(UNDO_TEXT), owner=self)
        self._draw()

    def _halt(self):
        """Stop the animation without its finished signal (which would finish the fit)."""
        blocked = self._anim.blockSignals(True)
        self._anim.stop()
        self._anim.blockSignals(blocked)

    def _on_frame(self, value):
        if self._running:
            self._show_iteration(round(float(value) * self._history.iterations))

    def finish(self):
        """Jump a running fit to its last iteration and close its undo step."""
        if not self._running:
            return
        self._halt()
        self._show_iteration(self._history.iterations)
        self._running = False
        self.model.end_gesture()

    def stop(self):
        """End a running fit where it is (one undo step for what it did) and forget the history."""
        if self._running:
            self._halt()
            self._running = False
            self.model.end_gesture()
        self._history, self._shown = None, 0
        self._draw()

    def _on_gesture_changed(self, active):
        if not active and self._running:  # ended from outside (a drag, a file opened): stop here
            self._halt()
            self._running = False

    def _draw(self, *_):
        unit = self.model.unit
        # each frame of a fit draws: the label only when it changes (the unit), not every frame
        set_axis_label(self.plot, "left", translate("widgets.fit_q_to_p", '{unit} per symbol').format(unit=unit))
        h = self._history
        if h is None:
            self.curve_cross.setData([], [])
            self.curve_kl.setData([], [])
            self.readout.setText(translate("widgets.fit_q_to_p", "Press Fit Q to P to start the descent from the current Q."))
            return
        cross, kl, _ = h.in_unit(unit)
        k = self._shown
        x = np.arange(k + 1)
        self.curve_cross.setData(x, cross[: k + 1])
        self.curve_kl.setData(x, kl[: k + 1])
        self.readout.setText(h.text(k, unit))
