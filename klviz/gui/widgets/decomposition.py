"""Two stacked bars on one scale: H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P).

The lengths are the model's measures; this widget only draws them. An infinite divergence is an
open-ended bar running off the right edge, marked "∞".
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtGui

from klviz.scene.readouts import format_value
from klviz.gui.theme import set_plot_title
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.gui.widgets.ranges import nice_ceiling
from klviz.gui.widgets.caption import Caption
from klviz.style import KL_COLOR, P_COLOR, Q_COLOR, ink_on


class DecompositionChart(pg.PlotWidget):
    ROWS = (  # (y, entropy key, kl key, cross key, label, colour)
        (1, "entropy_p", "kl_pq", "cross_entropy_pq", ("H(P,Q)", "H(P)", "D(P‖Q)"), P_COLOR),
        (0, "entropy_q", "kl_qp", "cross_entropy_qp", ("H(Q,P)", "H(Q)", "D(Q‖P)"), Q_COLOR),
    )

    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.setObjectName("plot_decomposition")
        self.setMinimumHeight(130)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        set_plot_title(pi, self.TITLE)
        pi.getAxis("left").setTicks([[(1, "H(P,Q)"), (0, "H(Q,P)")]])
        pi.setYRange(-0.5, 1.5, padding=0)
        pi.showGrid(x=True, y=False, alpha=0.2)
        pi.getAxis("bottom").setStyle(maxTickLevel=0)  # major grid lines only
        # one single-colour item per row: pyqtgraph draws those with drawRects, while a
        # multi-brush BarGraphItem records and replays a QPicture on every change
        self._entropy_bars = [FastBars(x0=[0], width=[0], y=[y], height=0.7, brush=c, pen=pg.mkPen(c))
                              for y, c in ((1, P_COLOR), (0, Q_COLOR))]
        self._kl_bars = FastBars(x0=[0, 0], width=[0, 0], y=[1, 0], height=0.55,
                                        brush=pg.mkBrush(KL_COLOR), pen=pg.mkPen(KL_COLOR))
        for item in self._entropy_bars:
            pi.addItem(item)
        pi.addItem(self._kl_bars)
        # "H(P)" / "D(P‖Q)" inside the segments (where they fit), "∞ →" at an open end
        bold = QtGui.QFont()
        bold.setBold(True)
        # Black or white, whichever reads on the segment's colour (WCAG AA): one layer per ink.
        self._seg_texts = {ink: LabelsLayer(color=ink, font=bold, anchor=(0.5, 0.5))
                           for ink in ("#000000", "#FFFFFF")}
        self._inf_marks = LabelsLayer(color=ink_on(KL_COLOR), font=bold, anchor=(1.0, 0.5), offset_px=(-4, 0))
        self._seg_colors = (P_COLOR, Q_COLOR)
        for layer in self._seg_texts.values():
            pi.addItem(layer)
        pi.addItem(self._inf_marks)
        # The equations with numbers sit in a label under the chart: it scales with the fonts and
        # never collides with the bars.
        self.caption = Caption(lines=2)
        self.caption.setObjectName("caption_decomposition")
        self._range = None

    def restyle(self, look):
        self._look = look
        for layer in (*self._seg_texts.values(), self._inf_marks):
            layer.set_style(font=look.font(9.5, bold=True))
        self._seg_colors = (look.p_color, look.q_color)
        for item, color in zip(self._entropy_bars, (look.p_color, look.q_color)):
            item.setOpts(brush=color, pen=pg.mkPen(color))
        set_plot_title(self.getPlotItem(), self.TITLE, size=f"{12 * look.scale:.0f}pt")

    TITLE = "Cross-entropy = entropy + KL"

    def set_measures(self, m, unit, sticky=False):
        """sticky (during a drag): the scale may grow but not shrink until the drag ends."""
        finite = [v for key in ("cross_entropy_pq", "cross_entropy_qp", "entropy_p", "entropy_q")
                  if math.isfinite(v := getattr(m, key))]
        top = max(finite + [1e-9])
        xmax = top * 1.45 if any(math.isinf(getattr(m, k)) for k in ("kl_pq", "kl_qp")) else top * 1.3
        xmax = nice_ceiling(max(xmax, 1e-6))
        if sticky and self._range is not None and self._range[1] == unit:
            xmax = max(xmax, self._range[0])
        widths_h, widths_d, x0_d = [], [], []
        lines, marks = [], []
        for y, ek, dk, ck, names, color in self.ROWS:
            h, d, c = getattr(m, ek), getattr(m, dk), getattr(m, ck)
            widths_h.append(h)
            x0_d.append(h)
            if math.isinf(d):
                widths_d.append(xmax * 1.2 - h)  # runs past the right edge: open-ended
                marks.append((xmax, y, "∞ →"))
                lines.append(f"<b>{names[0]}</b> = ∞ = {names[1]} + {names[2]} = {format_value(h)} + ∞")
            else:
                widths_d.append(d)
                lines.append(f"<b>{names[0]}</b> = {names[1]} + {names[2]} = {format_value(h)} + "
                             f"{format_value(d)} = {format_value(c)} {unit}")
        self.caption.setText("<br>".join(lines))
        self._inf_marks.set_items(marks)
        segs = {ink: [] for ink in self._seg_texts}
        for (y, _, _, _, names, _), h, dw, fill in zip(self.ROWS, widths_h, widths_d, self._seg_colors):
            for name, x0, w, colour in ((names[1], 0.0, h, fill), (names[2], h, dw, KL_COLOR)):
                w_vis = min(x0 + w, xmax) - x0
                if w_vis > 0.12 * xmax:
                    segs[ink_on(colour)].append((x0 + w_vis / 2, y, name))
        for ink, layer in self._seg_texts.items():
            layer.set_items(segs[ink])
        for item, y, w in zip(self._entropy_bars, (1, 0), widths_h):
            item.setOpts(x0=[0], width=[w], y=[y], height=0.7)
        self._kl_bars.setOpts(x0=x0_d, width=widths_d, y=[1, 0], height=0.7)
        if (xmax, unit) != self._range:
            self._range = (xmax, unit)
            self.getPlotItem().setXRange(0, xmax, padding=0)
            self.getPlotItem().setLabel("bottom", unit)
