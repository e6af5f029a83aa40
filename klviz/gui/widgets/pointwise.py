"""Per-category contributions p_i log(p_i/q_i) and q_i log(q_i/p_i), side by side.

Single terms may be negative (drawn below zero); their sums are the divergences. Infinite terms are
drawn to the top of the range and marked "∞". Everything drawn comes from the scene
(klviz.scene.discrete.pointwise); this widget keeps only the y range sticky during a drag.
"""

from __future__ import annotations

import math

import pyqtgraph as pg

from PySide6 import QtGui, QtWidgets

from klviz.gui.widgets.still_plot import hide_spare_axes, quiet_axes
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.gui.widgets.caption import Caption
from klviz.style import P_COLOR, Q_COLOR, ink_on
from klviz.gui.i18n import translate


class PointwiseChart(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False, axisItems=quiet_axes())
        self.setObjectName("plot_pointwise")
        self.setMinimumHeight(140)
        pi = self.getPlotItem()
        hide_spare_axes(pi)
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

    _sums = None  # (scene, unit) shown in the caption

    def _caption_text(self, scene, unit):
        pc, qc = self._colors
        return (translate("widgets.pointwise", "<b>Pointwise terms</b> (a term can be negative; the sums cannot): ")
                + f"<span style='color:{pc}'>■</span> Σ p·log(p/q) = D(P‖Q) = {scene.kl_pq_text} {unit}"
                f"&nbsp;&nbsp;&nbsp;<span style='color:{qc}'>■</span> Σ q·log(q/p) = D(Q‖P) = "
                f"{scene.kl_qp_text} {unit}")

    _pending = None  # what set_terms was last asked to draw while the chart was hidden

    def set_terms(self, labels, scene, unit, sticky=False):
        """Draw `scene` (a klviz.scene.discrete.Pointwise) over the categories `labels`. sticky
        (during a drag): the y range may grow but not shrink, so the axis is not re-rendered every
        few frames; it settles when the drag ends. A hidden chart (folded, quiz mode) only keeps
        what to draw, and draws it when shown; its caption (shown above it) follows at once."""
        self._sums = (scene, unit)
        self.caption.setText(self._caption_text(scene, unit))
        yr = scene.y_range
        if sticky and self._yfit is not None:  # the sticky range runs on, shown or hidden
            yr = (min(yr[0], self._yfit[0]), max(yr[1], self._yfit[1]))
        self._yfit = yr
        if self.isHidden():
            self._pending = (labels, scene, yr)
            return
        self._pending = None
        self._draw(labels, scene, yr)

    def setVisible(self, visible):  # noqa: N802 (Qt name; show() and hide() come here too)
        super().setVisible(visible)
        if visible and self._pending is not None:
            pending, self._pending = self._pending, None
            self._draw(*pending)

    _yfit = None  # the y range the sticky rule last chose

    def _draw(self, labels, scene, yr):
        n = len(labels)
        self._bars_pq.setOpts(x=scene.x_pq, height=scene.heights_pq)
        self._bars_qp.setOpts(x=scene.x_qp, height=scene.heights_qp)
        top = scene.top
        self._inf[0].set_items([(v, top, "∞") for v in scene.infinite_pq])
        self._inf[1].set_items([(v, top, "∞") for v in scene.infinite_qp])
        pi = self.getPlotItem()
        if yr != self._yrange:
            self._yrange = yr
            pi.setYRange(*yr, padding=0.02)
        if tuple(labels) != self._labels:
            self._labels = tuple(labels)
            pi.setXRange(-0.5, n - 0.5, padding=0.02)
            self._zero.setLine(-1, 0, n, 0)
            step = max(1, math.ceil(n / 20))
            pi.getAxis("bottom").setTicks([[(i, s) for i, s in enumerate(labels) if i % step == 0], []])
