"""Two stacked bars on one scale: H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P).

The lengths are the model's measures; this widget only draws them. An infinite divergence is an
open-ended bar running off the right edge, marked "∞".
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore

from klviz.core.format import format_value
from klviz.gui.widgets.ranges import nice_ceiling
from klviz.style import KL_COLOR, P_COLOR, Q_COLOR


class DecompositionChart(pg.PlotWidget):
    ROWS = (  # (y, entropy key, kl key, cross key, label, colour)
        (1, "entropy_p", "kl_pq", "cross_entropy_pq", ("H(P,Q)", "H(P)", "D(P‖Q)"), P_COLOR),
        (0, "entropy_q", "kl_qp", "cross_entropy_qp", ("H(Q,P)", "H(Q)", "D(Q‖P)"), Q_COLOR),
    )

    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None)
        self.setObjectName("plot_decomposition")
        self.setMinimumHeight(130)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        pi.setTitle("Cross-entropy = entropy + KL divergence")
        pi.getAxis("left").setTicks([[(1, "H(P,Q)"), (0, "H(Q,P)")]])
        pi.setYRange(-0.6, 1.6, padding=0)
        pi.showGrid(x=True, y=False, alpha=0.2)
        pi.getAxis("bottom").setStyle(maxTickLevel=0)  # major grid lines only
        self._entropy_bars = pg.BarGraphItem(x0=[0, 0], width=[0, 0], y=[1, 0], height=0.55,
                                             brushes=[P_COLOR, Q_COLOR], pens=[pg.mkPen(P_COLOR), pg.mkPen(Q_COLOR)])
        self._kl_bars = pg.BarGraphItem(x0=[0, 0], width=[0, 0], y=[1, 0], height=0.55,
                                        brush=pg.mkBrush(KL_COLOR), pen=pg.mkPen(KL_COLOR))
        pi.addItem(self._entropy_bars)
        pi.addItem(self._kl_bars)
        self._seg_texts = []
        for _ in range(4):  # "H(P)" / "D(P‖Q)" inside the segments (shown where they fit)
            t = pg.TextItem(anchor=(0.5, 0.5), color="#FFFFFF")
            pi.addItem(t)
            self._seg_texts.append(t)
        self._texts = []
        for _ in range(2):
            t = pg.TextItem(anchor=(0, 0.5), color="#222222")
            pi.addItem(t)
            self._texts.append(t)
        self._inf_marks = []
        for y in (1, 0):
            t = pg.TextItem("∞ →", anchor=(1, 0.5), color="#FFFFFF")
            pi.addItem(t)
            t.setPos(0, y)
            self._inf_marks.append(t)
        self._range = None

    def set_measures(self, m, unit):
        finite = [v for key in ("cross_entropy_pq", "cross_entropy_qp", "entropy_p", "entropy_q")
                  if math.isfinite(v := getattr(m, key))]
        top = max(finite + [1e-9])
        xmax = top * 1.45 if any(math.isinf(getattr(m, k)) for k in ("kl_pq", "kl_qp")) else top * 1.3
        xmax = nice_ceiling(max(xmax, 1e-6))
        widths_h, widths_d, x0_d = [], [], []
        for (y, ek, dk, ck, names, color), text, mark in zip(self.ROWS, self._texts, self._inf_marks):
            h, d, c = getattr(m, ek), getattr(m, dk), getattr(m, ck)
            widths_h.append(h)
            x0_d.append(h)
            if math.isinf(d):
                widths_d.append(xmax * 1.2 - h)  # runs past the right edge: open-ended
                mark.setPos(xmax * 0.995, y)
                mark.setVisible(True)
                text.setText(f"{names[0]} = ∞ = {format_value(h)} + ∞")
                text.setPos(0, y + 0.45)
            else:
                widths_d.append(d)
                mark.setVisible(False)
                text.setText(f"{names[0]} = {format_value(c)} = {format_value(h)} + {format_value(d)} {unit}")
                text.setPos(0, y + 0.45)
        for k, ((y, _, _, _, names, _), h, dw) in enumerate(zip(self.ROWS, widths_h, widths_d)):
            for t, name, x0, w in ((self._seg_texts[2 * k], names[1], 0.0, h),
                                   (self._seg_texts[2 * k + 1], names[2], h, dw)):
                w_vis = min(x0 + w, xmax) - x0
                t.setText(name)
                t.setPos(x0 + w_vis / 2, y)
                t.setVisible(w_vis > 0.12 * xmax)
        self._entropy_bars.setOpts(x0=[0, 0], width=widths_h, y=[1, 0], height=0.45)
        self._kl_bars.setOpts(x0=x0_d, width=widths_d, y=[1, 0], height=0.45)
        if (xmax, unit) != self._range:
            self._range = (xmax, unit)
            self.getPlotItem().setXRange(0, xmax, padding=0)
            self.getPlotItem().setLabel("bottom", unit)
