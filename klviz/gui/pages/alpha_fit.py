"""The α-fit of the Continuous tab (issue 14; Minka, "Divergence measures and message passing",
2005): a slider over Amari's α from −2 to 3 with its ends and landmarks labelled; moving it fits a
Normal Q to P by minimising D_α(P‖Q), live, each fit warm-started from the last one (the current
Q); a plain-text note says what this α means and where D_α(P‖Q) is finite; a small inset plots the
fitted μ and σ against α for the current P, the current α marked.

Every number comes from klviz.scene.divergences (and through it klviz.core.alpha). The re-fit on
the slider path runs once per turn of the event loop (a zero-time timer): a burst of slider moves
costs one fit per frame, never one per move.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.reflow import Secondary
from klviz.gui.widgets.slider_ruler import SliderRuler
from klviz.gui.widgets.still_plot import still_plot
from klviz.gui.widgets.text import plain_label
from klviz.scene import divergences as sd
from klviz.state import continuous as cs
from klviz.state import session as sn
from klviz.style import KL_COLOR, Q_COLOR, TEXT_COLOR
from klviz.gui.i18n import QT_TRANSLATE_NOOP, joined, translate, translated

CURVE_DELAY_MS = 250  # the inset is computed this long after P stops changing (about 0.1 s of fits)
UNDO_TEXT = QT_TRANSLATE_NOOP("klviz", "Fit α")
QUIZ_NOTE = QT_TRANSLATE_NOOP("klviz", "Where will the fit put Q? (its numbers are hidden in quiz mode)")


class AlphaFitPanel(QtWidgets.QWidget):
    """The α slider, the Fit α button, the note and the inset (part of group_fit)."""

    fitted = QtCore.Signal(object)  # the sd.AlphaFit of each live re-fit

    def __init__(self, model, page, parent=None):
        super().__init__(parent)
        self.setObjectName("panel_alpha_fit")
        self.model, self.page = model, page
        self._alpha = sd.DEFAULT_FIT_ALPHA
        self._quiz = False
        self._last = None  # the last sd.AlphaFit (what the note and the inset's points show)
        self._note = ""
        self.curve = None  # the sd.AlphaCurveView shown in the inset
        self._curve_p = None  # the P it was computed for
        self._pending_p = None
        self._refit_timer = QtCore.QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self.refit)
        self._curve_timer = QtCore.QTimer(self)
        self._curve_timer.setSingleShot(True)
        self._curve_timer.setInterval(CURVE_DELAY_MS)
        self._curve_timer.timeout.connect(self.update_curve)
        self._build()
        self._show_alpha()

    # -- construction --------------------------------------------------------------------------
    def _build(self):
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.button = QtWidgets.QPushButton(translate("pages.alpha_fit", "Fit α: minimise D⁽ᵅ⁾(P‖Q)"))
        self.button.setObjectName("button_fit_alpha")
        self.button.setToolTip(
            translate("pages.alpha_fit", "Move Q to the Gaussian closest to P in Amari's α-divergence D⁽ᵅ⁾(P‖Q), from the current Q.\n"
            "α → 0 is the reverse KL (mode-seeking), α → 1 the forward KL (mass-covering)."))
        layout.addWidget(self.button)
        row = QtWidgets.QHBoxLayout()
        lab = plain_label("α")
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName("slider_alpha_fit")
        self.slider.setRange(0, sd.ALPHA_FIT_STEPS)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(50)
        self.slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(sd.alpha_position(0.5) - sd.alpha_position(0.0))
        self.slider.setToolTip(translate("pages.alpha_fit", "Amari's α, from −2 to 3: moving it re-fits Q live (from the current Q).") + "\n"
                               + "\n".join(translated(t) for _, _, t in sd.ALPHA_LANDMARKS))
        self.slider.setAccessibleName(translate("pages.alpha_fit", "α of the α-fit (slider)"))
        lab.setBuddy(self.slider)
        self.value_label = plain_label()
        self.value_label.setObjectName("label_alpha_fit_value")
        self.value_label.setToolTip(translate("pages.alpha_fit", "Amari's α-divergence:  D⁽ᵅ⁾(P‖Q) = 1/(α(1 − α)) ∫ [α p + (1 − α) q − p^α q^(1−α)] dx\n"
                                    "α → 0: D(Q‖P); α = ½: 4·He²; α → 1: D(P‖Q); α = 2: ½ χ²(P‖Q)"))
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("α = −2.00") + 4)
        row.addWidget(lab)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        layout.addLayout(row)
        self.ruler = SliderRuler(
            self.slider, [(sd.alpha_position(a), mark) for a, mark, _ in sd.ALPHA_LANDMARKS],
            {sd.alpha_position(a): name for a, name in ((0.0, translate("pages.alpha_fit", "rev. KL")), (0.5, translate("pages.alpha_fit", "Hell.")), (1.0, translate("pages.alpha_fit", "fwd KL")),
                                                        (2.0, "χ²"))},
            tooltip="\n".join(translated(text) for _, _, text in sd.ALPHA_LANDMARKS), name="ruler_alpha_fit")
        layout.addWidget(self.ruler)
        ends = QtWidgets.QHBoxLayout()
        self.label_left = plain_label(translate("pages.alpha_fit", "← mode-seeking (α → 0: reverse KL)"))
        self.label_left.setObjectName("label_alpha_fit_left")
        self.label_right = plain_label(translate("pages.alpha_fit", "mass-covering (α → 1: forward KL) →"))
        self.label_right.setObjectName("label_alpha_fit_right")
        self.label_right.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
        for w in (self.label_left, self.label_right):
            f = w.font()
            f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 10.0) * 0.85)
            w.setFont(f)
            w.setWordWrap(True)
        ends.addWidget(self.label_left)
        ends.addWidget(self.label_right)
        layout.addLayout(ends)
        self.note = plain_label()
        self.note.setObjectName("label_alpha_fit_note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.curve_caption = plain_label(translate("pages.alpha_fit", "Fitted μ (solid) and σ (dashed) against α, for this P"))
        self.curve_caption.setObjectName("caption_alpha_curve")
        self.curve_caption.setWordWrap(True)
        self.plot, pi = still_plot("plot_alpha_curve")
        self.plot.setFixedHeight(150)
        # as wide as the controls column, never wider: pyqtgraph's 640-px size hint would
        # otherwise set the column's width and the window's minimum with it
        self.plot.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed)
        self.plot.setMinimumWidth(200)
        pi.showGrid(x=True, y=True, alpha=0.2)
        pi.setXRange(*sd.ALPHA_FIT_RANGE, padding=0.02)
        pi.setLabel("bottom", "α")
        self.mu_curve = pi.plot(pen=pg.mkPen(KL_COLOR, width=2), name="μ")
        self.sigma_curve = pi.plot(pen=pg.mkPen(Q_COLOR, width=2, style=QtCore.Qt.PenStyle.DashLine), name="σ")
        self.marker = pg.InfiniteLine(pos=self._alpha, angle=90, movable=False,
                                      pen=pg.mkPen(TEXT_COLOR, width=1, style=QtCore.Qt.PenStyle.DotLine))
        pi.addItem(self.marker)
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(TEXT_COLOR), brush=pg.mkBrush(TEXT_COLOR))
        pi.addItem(self.points)
        # secondary: behind a toggle, folded by the controls column when the screen is too short
        self.inset = Secondary(self.curve_caption, self.plot, "part_alpha_curve",
                               translate("pages.alpha_fit", "the α-fit curve"))
        layout.addWidget(self.inset)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self._on_pressed)
        self.slider.sliderReleased.connect(self._on_released)

    def restyle(self, look):
        pen = pg.mkPen(look.foreground, width=1, style=QtCore.Qt.PenStyle.DotLine)
        self.marker.setPen(pen)
        self.points.setPen(pg.mkPen(look.foreground))
        self.points.setBrush(pg.mkBrush(look.foreground))
        self.ruler.update()

    # -- α -------------------------------------------------------------------------------------
    @property
    def alpha(self):
        return self._alpha

    def _show_alpha(self):
        with QtCore.QSignalBlocker(self.slider):
            self.slider.setValue(sd.alpha_position(self._alpha))
        self.value_label.setText(f"α = {self._alpha:.2f}".replace("-", "−"))
        self.marker.setValue(self._alpha)

    def _on_slider(self, pos):
        self.page.finish_fit()
        self._alpha = sd.alpha_at(pos)
        self.value_label.setText(f"α = {self._alpha:.2f}".replace("-", "−"))
        self.marker.setValue(self._alpha)
        if not self._refit_timer.isActive():
            self._refit_timer.start()  # the latest α, once per turn of the event loop

    def _on_pressed(self):
        self.page.finish_fit()
        self.model.begin_gesture(translated(UNDO_TEXT))

    def _on_released(self):
        if self._refit_timer.isActive():
            self.refit()
        self.model.end_gesture()

    # -- fitting -------------------------------------------------------------------------------
    def fit(self):
        """The sd.AlphaFit of the current P from the current Q at the current α (nothing changes)."""
        return sd.fit_normal_alpha(self.model.continuous("p"), self.model.continuous("q"), self._alpha)

    def fit_now(self):
        """For the Fit α button: the fit's result (a FitResult with its path), or None; the note
        shows what happened."""
        fit = self.fit()
        self._show_fit(fit)
        return fit.result

    def refit(self):
        """Fit at the current α from the current Q (warm start) and move Q there: live during a
        slider drag (one undo step for the whole drag), else one merged step per burst of keys."""
        self._refit_timer.stop()
        fit = self.fit()
        self._show_fit(fit)
        self.fitted.emit(fit)
        if fit.result is None:
            return  # no fit: Q stays where it is, the note says why
        s = self.model.session
        q = fit.result.normal
        if q != s.continuous.q:
            new = sn.with_continuous(s, cs.with_pair(s.continuous, q=q))
            self.model.apply(new, translated(UNDO_TEXT), merge=("alpha_fit",))

    def _show_fit(self, fit):
        self._last = fit
        self._note = joined("\n", [fit.note, sd.describe_fit(fit)]) if fit.result is not None else fit.note
        self._show_note()
        self._show_points()

    def _show_note(self):
        if self._last is None:
            text = sd.alpha_meaning(self._alpha)
        else:
            text = QUIZ_NOTE if self._quiz else self._note
        text = translated(text)
        if self.note.text() != text:
            self.note.setText(text)

    def _show_points(self):
        fit = self._last
        if fit is None or fit.result is None:
            self.points.setData([], [])
            return
        n = fit.result.normal
        self.points.setData([fit.alpha, fit.alpha], [n.mu, n.sigma])

    def last_fit(self):
        return self._last

    # -- the inset -----------------------------------------------------------------------------
    def p_changed(self, P):
        """The page's P (on every refresh): the inset is computed again once P has settled."""
        if P == self._curve_p:
            self._curve_timer.stop()
            return
        self._pending_p = P
        if self.isVisible() and not self.model.gesture_active and not self._quiz:
            self._curve_timer.start()

    def showEvent(self, ev):  # noqa: N802
        super().showEvent(ev)
        if self._pending_p is not None and self._pending_p != self._curve_p:
            self._curve_timer.start()

    def update_curve(self):
        """Compute and draw the inset for the current P now (about 0.1 s)."""
        self._curve_timer.stop()
        P = self.model.continuous("p")
        self._curve_p, self._pending_p = P, None
        view = sd.alpha_curve_view(P)
        self.curve = view
        if view is None:
            self.mu_curve.setData([], [])
            self.sigma_curve.setData([], [])
            return
        self.mu_curve.setData(view.alphas, view.mus)
        self.sigma_curve.setData(view.alphas, view.sigmas)
        self.plot.getPlotItem().setYRange(*view.y_range, padding=0)

    # -- quiz ----------------------------------------------------------------------------------
    def set_quiz(self, on):
        """Quiz mode: the note keeps its words but no numbers, and the inset (where a fit will put
        Q, with its axes' numbers) is hidden."""
        self._quiz = bool(on)
        self.inset.setVisible(not on)
        self._show_note()
        if not on and self._pending_p is not None:
            self._curve_timer.start()
