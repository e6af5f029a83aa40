"""Per-category contributions p_i log(p_i/q_i) and q_i log(q_i/p_i), side by side.

Single terms may be negative (drawn below zero); their sums are the divergences. Infinite terms are
drawn to the top of the range and marked "∞". Values come from the model's measures.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from PySide6 import QtGui, QtWidgets

from klviz.core.format import format_value
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.gui.widgets.ranges import nice_ceiling
from klviz.gui.widgets.caption import Caption
from klviz.style import P_COLOR, Q_COLOR, ink_on
from klviz.gui.i18n import translate


class PointwiseChart(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.setObjectName("plot_pointwise")
        self.setMinimumHeight(140)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        pi.showGrid(x=False, y=True, alpha=0.25)
        pi.getAxis("left").setStyle(maxTickLevel=0)  # major grid lines only
        self._bars_pq = FastBars(x=[], height=[], width=0.38, brush=P_COLOR, pen=pg.mkPen(P_COLOR),
                                        name=translate("widgets.pointwise", "p log(p/q)"))
        self._bars_qp = FastBars(x=[], height=[], width=0.38, brush=Q_COLOR, pen=pg.mkPen(Q_COLOR),
                                        name=translate("widgets.pointwise", "q log(q/p)"))
        pi.addItem(self._bars_pq)
        pi.addItem(self._bars_qp)
        self._zero = QtWidgets.QGraphicsLineItem(-1, 0, 1, 0)  # the zero line (cheaper than InfiniteLine)
        self._zero.setPen(pg.mkPen("#444444", width=1))
        pi.addItem(self._zero)
        bold = QtGui.QFont()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.4)
        # "∞" inside an infinite term's bar, in the ink that reads on that bar's colour
        self._inf = (LabelsLayer(color=ink_on(P_COLOR), font=bold, anchor=(0.5, 0.0), offset_px=(0, 3)),
                     LabelsLayer(color=ink_on(Q_COLOR), font=bold, anchor=(0.5, 0.0), offset_px=(0, 3)))
        for layer in self._inf:
            pi.addItem(layer)
        self._labels = ()
        self._yrange = None
        self.caption = Caption(lines=2)  # placed above the chart by the page; cheaper than a plot title
        self.caption.setObjectName("caption_pointwise")

    _colors = (P_COLOR, Q_COLOR)  # the swatches in the caption follow the bars' colours

    def restyle(self, look):
        self._bars_pq.setOpts(brush=look.p_color, pen=pg.mkPen(look.p_color))
        self._bars_qp.setOpts(brush=look.q_color, pen=pg.mkPen(look.q_color))
        self._colors = (look.p_color, look.q_color)
        for layer, colour in zip(self._inf, self._colors):
            layer.set_style(color=ink_on(colour))
        if self._sums is not None:
            self.caption.setText(self._caption_text(*self._sums))

    _sums = None  # (measures, unit) shown in the caption

    def _caption_text(self, m, unit):
        pc, qc = self._colors
        return (translate("widgets.pointwise", "<b>Pointwise terms</b> (a term can be negative; the sums cannot): ")
                + f"<span style='color:{pc}'>■</span> Σ p·log(p/q) = D(P‖Q) = {format_value(m.kl_pq)} {unit}"
                f"&nbsp;&nbsp;&nbsp;<span style='color:{qc}'>■</span> Σ q·log(q/p) = D(Q‖P) = "
                f"{format_value(m.kl_qp)} {unit}")

    def set_terms(self, labels, terms_pq, terms_qp, m, unit, sticky=False):
        """sticky (during a drag): the y range may grow but not shrink, so the axis is not
        re-rendered every few frames; it settles when the drag ends."""
        n = len(labels)
        x = np.arange(n, dtype=float)
        finite = np.concatenate([terms_pq[np.isfinite(terms_pq)], terms_qp[np.isfinite(terms_qp)], [0.0]])
        lo, hi = float(finite.min()), float(finite.max())
        span = max(hi - lo, 1e-9)
        top = hi + 0.15 * span
        bottom = min(lo - 0.08 * span, 0.0)
        inf_pq, inf_qp = np.isinf(terms_pq), np.isinf(terms_qp)
        self._bars_pq.setOpts(x=x - 0.2, height=np.where(inf_pq, top, terms_pq))
        self._bars_qp.setOpts(x=x + 0.2, height=np.where(inf_qp, top, terms_qp))
        self._inf[0].set_items([(float(v), top, "∞") for v in x[inf_pq] - 0.2])
        self._inf[1].set_items([(float(v), top, "∞") for v in x[inf_qp] + 0.2])
        pi = self.getPlotItem()
        yr = (-nice_ceiling(-bottom) if bottom < 0 else 0.0, nice_ceiling(top))
        if sticky and self._yrange is not None:
            yr = (min(yr[0], self._yrange[0]), max(yr[1], self._yrange[1]))
        if yr != self._yrange:
            self._yrange = yr
            pi.setYRange(*yr, padding=0.02)
        if tuple(labels) != self._labels:
            self._labels = tuple(labels)
            pi.setXRange(-0.5, n - 0.5, padding=0.02)
            self._zero.setLine(-1, 0, n, 0)
            step = max(1, math.ceil(n / 20))
            pi.getAxis("bottom").setTicks([[(i, s) for i, s in enumerate(labels) if i % step == 0], []])
        self._sums = (m, unit)
        self.caption.setText(self._caption_text(m, unit))
