"""Two stacked bars on one scale: H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P).

The lengths are the model's measures; this widget only draws them. An infinite divergence is an
open-ended bar running off the right edge, marked "∞".

D(P‖Q) and D(Q‖P) have shades and patterns of their own (klviz.style.DIVERGENCE_FILLS: the deep
one solid, the light one hatched), in both themes. Each segment's name sits inside it where it
fits; a segment too narrow for its name has it beside it (a divergence: right of its end; an
entropy: above its bar), so no name disappears. The scale has hysteresis (it moves only when a
bar leaves it or fills less than half of it), the same during a drag or a fit animation as after
it, so the axis never jumps when either ends.
"""

from __future__ import annotations


import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from klviz.scene.discrete import decomposition
from klviz.gui.theme import set_plot_title
from klviz.gui.widgets.still_plot import hide_spare_axes, quiet_axes
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.gui.widgets.caption import Caption
from klviz.style import DIVERGENCE_FILLS, P_COLOR, Q_COLOR, ink_on
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translated

ROW_HEIGHT = 0.6  # of the 1 unit between the rows' centres: room above each for a name
INSIDE_PADDING_PX = 8  # a name sits inside its segment when the segment is this much wider


def _hatch_brush(color):
    return QtGui.QBrush(QtGui.QColor(color), QtCore.Qt.BrushStyle.FDiagPattern)


class DecompositionChart(pg.PlotWidget):
    ROWS = (  # (y, entropy key, kl key, cross key, label, colour)
        (1, "entropy_p", "kl_pq", "cross_entropy_pq", ("H(P,Q)", "H(P)", "D(P‖Q)"), P_COLOR),
        (0, "entropy_q", "kl_qp", "cross_entropy_qp", ("H(Q,P)", "H(Q)", "D(Q‖P)"), Q_COLOR),
    )

    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False, axisItems=quiet_axes())
        self.setObjectName("plot_decomposition")
        self.setMinimumHeight(130)
        pi = self.getPlotItem()
        hide_spare_axes(pi)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        set_plot_title(pi, translated(self.TITLE))
        pi.getAxis("left").setTicks([[(1, "H(P,Q)"), (0, "H(Q,P)")]])
        pi.setYRange(-0.45, 1.62, padding=0)
        pi.showGrid(x=True, y=False, alpha=0.2)
        pi.getAxis("bottom").setStyle(maxTickLevel=0)  # major grid lines only
        # one single-colour item per row: pyqtgraph draws those with drawRects, while a
        # multi-brush BarGraphItem records and replays a QPicture on every change
        self._entropy_bars = [FastBars(x0=[0], width=[0], y=[y], height=ROW_HEIGHT, brush=c, pen=pg.mkPen(c))
                              for y, c in ((1, P_COLOR), (0, Q_COLOR))]
        # one item per divergence (its own shade); D(Q‖P)'s paints its hatch over its fill
        self._kl_bars = [FastBars(x0=[0], width=[0], y=[y], height=ROW_HEIGHT) for y in (1, 0)]
        for item in (*self._entropy_bars, *self._kl_bars):
            pi.addItem(item)
        self._kl_fills = ()
        self._seg_colors = (P_COLOR, Q_COLOR)
        self._set_divergence_fills(dark=False)
        # "H(P)" / "D(P‖Q)" inside the segments (where they fit), "∞ →" at an open end
        bold = QtGui.QFont()
        bold.setBold(True)
        # Black or white, whichever reads on the segment's colour (WCAG AA): one layer per ink.
        self._seg_texts = {ink: LabelsLayer(color=ink, font=bold, anchor=(0.5, 0.5))
                           for ink in ("#000000", "#FFFFFF")}
        self._inf_marks = {ink: LabelsLayer(color=ink, font=bold, anchor=(1.0, 0.5), offset_px=(-4, 0))
                           for ink in ("#000000", "#FFFFFF")}
        # names of segments too narrow to hold them: right of a divergence, above an entropy
        self._beside = LabelsLayer(color="#222222", font=bold, anchor=(0.0, 0.5), offset_px=(4, 0))
        self._above = LabelsLayer(color="#222222", font=bold, anchor=(0.0, 1.0), offset_px=(1, -1))
        self._font = bold
        self._name_px = {}  # name -> its width in pixels in self._font (measured once per font)
        for layer in (*self._seg_texts.values(), *self._inf_marks.values(), self._beside, self._above):
            pi.addItem(layer)
        self._placed = None  # what the names were last placed for (redone on a resize)
        pi.vb.sigResized.connect(self._place_names)
        # The equations with numbers sit in a label under the chart: it scales with the fonts and
        # never collides with the bars.
        self.caption = Caption(lines=2)
        self.caption.setObjectName("caption_decomposition")
        self._range = None  # (x range top, unit) shown
        self._fitted = None  # (x range top, unit) the hysteresis last chose

    def _set_divergence_fills(self, dark):
        fills = DIVERGENCE_FILLS[bool(dark)]
        self._kl_fills = (fills["kl_pq"][0], fills["kl_qp"][0])
        for item, key in zip(self._kl_bars, ("kl_pq", "kl_qp")):
            fill, _ = fills[key]
            item.setOpts(brush=pg.mkBrush(fill), pen=pg.mkPen(fill))
        self._kl_bars[1].set_hatch(_hatch_brush(fills["kl_qp"][1]))
        self._update_inks()

    def _update_inks(self):
        """The ink (black or white) that reads on each segment's colour, worked out once per look
        and not per frame."""
        self._seg_inks = tuple(ink_on(c) for c in self._seg_colors)
        self._kl_inks = tuple(ink_on(c) for c in self._kl_fills)

    def divergence_fill(self, key):
        """(fill colour, hatch colour or None) D(P‖Q) ("kl_pq") or D(Q‖P) ("kl_qp") is drawn with."""
        item = self._kl_bars[0 if key == "kl_pq" else 1]
        fill = pg.mkBrush(item.opts["brush"]).color().name().upper()
        hatch = self._kl_bars[1].hatch.color().name().upper() if key == "kl_qp" else None
        return fill, hatch

    def restyle(self, look):
        self._look = look
        self._font = look.font(9.5, bold=True)
        self._name_px = {}
        for layer in (*self._seg_texts.values(), *self._inf_marks.values()):
            layer.set_style(font=self._font)
        for layer in (self._beside, self._above):
            layer.set_style(font=self._font, color=look.foreground)
        self._seg_colors = (look.p_color, look.q_color)  # (their inks: _set_divergence_fills)
        for item, color in zip(self._entropy_bars, (look.p_color, look.q_color)):
            item.setOpts(brush=color, pen=pg.mkPen(color))
        self._set_divergence_fills(look.dark)
        set_plot_title(self.getPlotItem(), translated(self.TITLE), size=f"{12 * look.scale:.0f}pt")
        self._place_names()

    TITLE = QT_TRANSLATE_NOOP("klviz", "Cross-entropy = entropy + KL")

    def set_measures(self, m, unit, sticky=False):
        """sticky is accepted for callers of old; the scale's hysteresis is the same either way
        (a rule that changed when a drag ended would make the axis jump then)."""
        fitted = self._fitted
        current = fitted[0] if fitted is not None and fitted[1] == unit else None
        sc = decomposition(m, unit, current)  # the widths, the scale and the texts are the scene's
        xmax = sc.top
        self._fitted = (xmax, unit)  # the scale's hysteresis runs on, shown or hidden
        widths_h, widths_d, x0_d = sc.entropy_widths, sc.divergence_widths, sc.entropy_widths
        marks = [(x, self.ROWS[row][0], text) for x, row, text in sc.marks]
        lines = sc.lines
        self.caption.setText("<br>".join(lines))
        if self.isHidden():  # quiz mode: drawn when shown again (setVisible)
            self._pending = (widths_h, widths_d, x0_d, marks, xmax, unit)
            return
        self._pending = None
        self._draw(widths_h, widths_d, x0_d, marks, xmax, unit)

    _pending = None  # what set_measures was last asked to draw while the chart was hidden

    def setVisible(self, visible):  # noqa: N802 (Qt name; show() and hide() come here too)
        super().setVisible(visible)
        if visible and self._pending is not None:
            pending, self._pending = self._pending, None
            self._draw(*pending)

    def _draw(self, widths_h, widths_d, x0_d, marks, xmax, unit):
        for item, y, w in zip(self._entropy_bars, (1, 0), widths_h):
            item.setOpts(x0=[0], width=[w], y=[y], height=ROW_HEIGHT)
        for item, y, x0, w in zip(self._kl_bars, (1, 0), x0_d, widths_d):
            item.setOpts(x0=[x0], width=[w], y=[y], height=ROW_HEIGHT)
        if (xmax, unit) != self._range:
            self._range = (xmax, unit)
            self.getPlotItem().setXRange(0, xmax, padding=0)
            self.getPlotItem().setLabel("bottom", unit)
        self._placed = (widths_h, widths_d, x0_d, marks, xmax)
        self._place_names()

    def _place_names(self, *_):
        """Each segment's name inside it if it fits, else beside it; "∞ →" at an open end."""
        if self._placed is None:
            return
        widths_h, widths_d, x0_d, marks, xmax = self._placed
        px_per_unit = self.getPlotItem().vb.width() / xmax if xmax > 0 else 0.0
        name_px = self._name_px
        inside = {ink: [] for ink in self._seg_texts}
        beside, above = [], []
        for (y, _, _, _, names, _), h, dw, x0d, ink, kl_ink in zip(
                self.ROWS, widths_h, widths_d, x0_d, self._seg_inks, self._kl_inks):
            for name, x0, w, ink, is_kl in ((names[1], 0.0, h, ink, False),
                                             (names[2], x0d, dw, kl_ink, True)):
                w_vis = min(x0 + w, xmax) - x0
                if px_per_unit > 0:
                    if name not in name_px:
                        name_px[name] = QtGui.QFontMetricsF(self._font).horizontalAdvance(name)
                    fits = w_vis * px_per_unit >= name_px[name] + INSIDE_PADDING_PX
                else:
                    fits = w_vis > 0.12 * xmax
                if fits:
                    inside[ink].append((x0 + w_vis / 2, y, name))
                elif is_kl:
                    beside.append((x0 + max(w_vis, 0.0), y, name))
                else:
                    above.append((0.0, y + ROW_HEIGHT / 2, name))
        for ink, layer in self._seg_texts.items():
            layer.set_items(inside[ink])
        self._beside.set_items(beside)
        self._above.set_items(above)
        mark_ink = {ink: [] for ink in self._inf_marks}
        for x, y, text in marks:  # on the divergence of its row (y 1: D(P‖Q))
            mark_ink[self._kl_inks[0 if y == 1 else 1]].append((x, y, text))
        for ink, layer in self._inf_marks.items():
            layer.set_items(mark_ink[ink])
