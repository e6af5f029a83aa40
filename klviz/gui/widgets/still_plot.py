"""A pyqtgraph plot that only shows: no context menu, no auto-range button, no mouse panning."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui


def still_plot(name):
    """(PlotWidget named `name`, its PlotItem), transparent, with menu, buttons and mouse off."""
    plot = pg.PlotWidget(background=None, enableMenu=False, axisItems=quiet_axes())
    plot.setObjectName(name)
    pi = plot.getPlotItem()
    hide_spare_axes(pi)
    pi.setMenuEnabled(False)
    pi.hideButtons()
    pi.setMouseEnabled(x=False, y=False)
    return plot, pi


class QuietAxis(pg.AxisItem):
    """A pyqtgraph axis that draws what pyqtgraph's draws, pixel for pixel, in less time.

    The label: with the SI prefix on (pyqtgraph's default), each new range works the prefix out
    and sets the label's HTML anew, shown or not: some 150 times over the Discrete tab's 16 axes
    before its first paint (about 10 ms). A hidden label's prefix is always none, so while it is
    hidden and has none the range only needs the new ticks, as with the prefix off; a shown label
    (and the first update once it is shown) works it out as pyqtgraph does.

    The grid and ticks: pyqtgraph strokes each with QPainter.drawLine, antialiasing off, in a
    translucent 1-px pen, which Qt's raster engine sets pixel by pixel, a span each: about half
    of the Discrete tab's first paint. Such a line, axis-aligned in device space, sets one row
    (or column) of pixels, which `aliased_line_pixels` works out as Qt's stroker does, so it is
    filled as that rectangle in the same colour instead. Whenever that is not known to be exact
    (another paint engine, a rotating or shearing transform, painter opacity or composition,
    a pen wider than 1 px, dashed, patterned or round-capped, a line not axis-aligned in device
    space) the line, or the whole axis, is drawn by pyqtgraph as before."""

    def updateAutoSIPrefix(self):  # noqa: N802 (pyqtgraph name)
        if (not self.label.isVisible() and self.autoSIPrefixScale == 1.0
                and getattr(self, "labelUnitPrefix", "") == ""):
            self.picture = None  # what a new range does with the prefix off
            self.update()
            return
        super().updateAutoSIPrefix()

    # The label's HTML is rendered (QGraphicsTextItem.setHtml: a text document laid out, its
    # first time a text control built) only when it can be seen and has changed. pyqtgraph
    # renders it anew on every pen, text pen, tick pen, label and range change, shown or not:
    # some 85 renders over the Discrete tab's 16 axes before its first paint, 12 of them shown.
    _label_html = None  # the HTML the label holds (None: never rendered)
    _building = True  # in AxisItem.__init__, which renders the empty label twice and hides it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._building = False

    def _render_label(self):
        html = self.labelString()
        if html != self._label_html:
            self.label.setHtml(html)
            self._label_html = html
            return True
        return False

    def _updateLabel(self):  # noqa: N802 (pyqtgraph name)
        if self.label.isVisible() and not self._building:
            self._render_label()
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show=True):  # noqa: N802 (pyqtgraph name)
        rendered = show and self._render_label()  # before its size is counted
        super().showLabel(show)
        if rendered:
            self.resizeEvent()  # placed for its new text, as pyqtgraph's last resize placed it

    def paint(self, p, opt, widget):
        if not _fills_exact(p):
            if isinstance(self.picture, _FilledAxis):
                self.picture = None  # drawn by pyqtgraph from here on
            return super().paint(p, opt, widget)
        if not isinstance(self.picture, _FilledAxis):
            self.picture = _FilledAxis(self)
        self.picture.play(p)


class _FilledAxis:
    """An axis's drawing as pyqtgraph's paint and drawPicture make it, in three parts: the axis
    line (a QPicture), the ticks and grid lines (filled where exact, else drawn as lines) and
    the tick texts (a QPicture), in that order, as pyqtgraph draws them."""

    def __init__(self, axis):
        self.line = QtGui.QPicture()
        self.text = QtGui.QPicture()
        self.ticks = ()
        self._fills = (None, ())  # (device transform, what play fills or draws under it)
        painter = QtGui.QPainter(self.line)
        try:
            font = axis.style["tickFont"]
            if font:
                painter.setFont(font)
            specs = axis.generateDrawSpecs(painter)
            if specs is None:
                return
            (pen, p1, p2), self.ticks, texts = specs
            painter.setRenderHint(painter.RenderHint.Antialiasing, False)
            painter.setRenderHint(painter.RenderHint.TextAntialiasing, True)
            painter.setPen(pen)
            painter.drawLine(p1, p2)
        finally:
            painter.end()
        painter = QtGui.QPainter(self.text)
        try:
            painter.setRenderHint(painter.RenderHint.Antialiasing, False)
            painter.setRenderHint(painter.RenderHint.TextAntialiasing, True)
            if font is not None:
                painter.setFont(font)
            painter.setPen(axis.textPen())
            painter.setClipRect(axis.boundingRect().toAlignedRect())
            for rect, flags, text in texts:
                painter.drawText(rect, int(flags), text)
        finally:
            painter.end()

    def play(self, p):
        self.line.play(p)
        if self.ticks:
            device = p.deviceTransform()
            key = _transform_key(device)
            if self._fills[0] != key:
                self._fills = (key, _tick_strokes(self.ticks, device))
            p.save()
            try:
                p.setRenderHint(p.RenderHint.Antialiasing, False)
                for rect, color, lines in self._fills[1]:
                    if lines is None:
                        p.fillRect(rect, color)
                    else:
                        lines.play(p)
            finally:
                p.restore()
        self.text.play(p)


def _transform_key(t):
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())


def _fills_exact(p):
    """Whether a fill on painter `p` sets the pixels, in the colours, of an aliased 1-px line:
    Qt's raster engine, no rotation, shear or mirroring, full opacity, plain source-over."""
    engine = p.paintEngine()
    if engine is None or engine.type() != QtGui.QPaintEngine.Type.Raster:
        return False
    t = p.deviceTransform()
    # (not t.type() <= TxScale: ordering these enums crashes PySide6 6.11)
    return (t.isAffine() and t.m12() == 0 and t.m21() == 0 and t.m11() > 0 and t.m22() > 0
            and p.opacity() == 1.0
            and p.compositionMode() == QtGui.QPainter.CompositionMode.CompositionMode_SourceOver)


_SQUARE = QtCore.Qt.PenCapStyle.SquareCap
_FLAT = QtCore.Qt.PenCapStyle.FlatCap


def _pen_fill(pen):
    """The colour to fill a line of `pen` with, if Qt's cosmetic stroker draws it 1 device pixel
    wide at full coverage (solid, one colour, cosmetic (width 0 is), of width 0 or 1, square or
    flat capped), and whether its ends are capped; else None."""
    width = pen.widthF()
    cap = pen.capStyle()
    if (pen.style() == QtCore.Qt.PenStyle.SolidLine
            and pen.brush().style() == QtCore.Qt.BrushStyle.SolidPattern
            and (pen.isCosmetic() or width == 0) and width in (0.0, 1.0)
            and cap in (_SQUARE, _FLAT)):
        return pen.color(), cap == _SQUARE
    return None


def _tick_strokes(ticks, device):
    """For pyqtgraph's tick specs [(pen, p1, p2)], what to paint, in their order: (rect, colour,
    None) to fill, rect in the painter's coordinates, or (None, None, QPicture) of the lines not
    known to be a row or column of pixels, drawn as pyqtgraph draws them (in a QPicture too:
    drawn straight, a wide pen's line came out otherwise). Some 3 µs a line: it runs at each
    first paint."""
    inverse, invertible = device.inverted()
    shift = device.m11() == 1.0 and device.m22() == 1.0
    dx, dy = device.dx(), device.dy()
    out = []
    fills = {}  # id(pen) -> _pen_fill(pen)
    lines = []  # the lines since the last fill

    def flush():
        picture = QtGui.QPicture()
        painter = QtGui.QPainter(picture)
        try:
            painter.setRenderHint(painter.RenderHint.Antialiasing, False)
            for pen, p1, p2 in lines:
                painter.setPen(pen)
                painter.drawLine(p1, p2)
        finally:
            painter.end()
        out.append((None, None, picture))
        lines.clear()

    for pen, p1, p2 in ticks:
        key = id(pen)
        fill = fills[key] if key in fills else fills.setdefault(key, _pen_fill(pen))
        pixels = None
        if fill is not None and invertible:
            # to device space as Qt does (QTransform::map: x + dx for a translation); not
            # device.map(p1): for pyqtgraph's Point, PySide tries it as a sequence first (slow)
            if shift:
                pixels = aliased_line_pixels(p1.x() + dx, p1.y() + dy, p2.x() + dx, p2.y() + dy, fill[1])
            else:
                a, b = device.map(QtCore.QPointF(p1.x(), p1.y())), device.map(QtCore.QPointF(p2.x(), p2.y()))
                pixels = aliased_line_pixels(a.x(), a.y(), b.x(), b.y(), fill[1])
        if pixels is None:
            lines.append((pen, p1, p2))
            continue
        if lines:
            flush()
        if pixels:
            x, y, w, h = pixels
            rect = QtCore.QRectF(x - dx, y - dy, w, h) if shift else inverse.mapRect(QtCore.QRectF(x, y, w, h))
            out.append((rect, fill[0], None))
    if lines:
        flush()
    return out


_FAR = float(1 << 20)  # device coordinates beyond this are left to Qt (it clips before it rounds)


def aliased_line_pixels(x1, y1, x2, y2, square=True):
    """The pixels Qt's raster engine sets for an aliased cosmetic 1-px line between device points
    (x1, y1) and (x2, y2), if it is a row or a column: (x, y, width, height), or () for none.
    None: not axis-aligned in Qt's 26.6 fixed point, or too far out (or NaN), so not known here.

    As QCosmeticStroker::drawLine does: each coordinate to 26.6 fixed point, (int)(v * 64.),
    truncated; a line with no extent across (a column) sets the pixels from (y1 + 32) >> 6 to
    ((y2 + 32) >> 6) - 1 (y1 < y2) in column x1 >> 6, with y1 and y2 moved half a pixel (32)
    outwards when capped (any cap but flat): from y1 >> 6 to y2 >> 6; a row likewise."""
    if not (-_FAR < x1 < _FAR and -_FAR < y1 < _FAR and -_FAR < x2 < _FAR and -_FAR < y2 < _FAR):
        return None
    a1, b1, a2, b2 = int(x1 * 64.0), int(y1 * 64.0), int(x2 * 64.0), int(y2 * 64.0)
    if a1 == a2:  # a column, unless a point
        across, lo, hi = a1, b1, b2
    elif b1 == b2:  # a row
        across, lo, hi = b1, a1, a2
    else:
        return None
    if lo == hi:
        return None
    if lo > hi:
        lo, hi = hi, lo
    if square:
        first, last = lo >> 6, hi >> 6
    else:
        first, last = (lo + 32) >> 6, ((hi + 32) >> 6) - 1
    if last < first:
        return ()
    if a1 == a2:
        return (across >> 6, first, 1, last - first + 1)
    return (first, across >> 6, last - first + 1, 1)


def quiet_axes():
    """axisItems for a PlotWidget or PlotItem: a QuietAxis on each side. pyqtgraph shows every
    axis it is given: hide_spare_axes(plot_item) then hides the top and right ones again, as
    they are by default."""
    return {side: QuietAxis(side) for side in ("left", "bottom", "right", "top")}


def hide_spare_axes(plot_item):
    plot_item.hideAxis("top")
    plot_item.hideAxis("right")


def set_axis_label(plot, side, text):
    """Set an axis label of PlotWidget `plot` only when it changes (setting it re-renders the
    label's HTML and re-lays out the plot, even to the same text)."""
    axis = plot.getPlotItem().getAxis(side)
    if axis.labelText != text or not axis.label.isVisible():
        plot.getPlotItem().setLabel(side, text)


#: the mantissas of a tick step (times a power of ten)
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)


class SpacedAxis(QuietAxis):
    """An axis whose labelled ticks are as far apart as their labels need in the tick font
    (pyqtgraph spaces ticks by the axis's length alone: at 1024×768 in presentation mode the
    Bernoulli chart's 0.1, 0.2, … touched one another). The step is the finest of 1, 2, 2.5, 5
    times a power of ten, no finer than `finest`, at which each label and a gap of two spaces
    fit between neighbouring ticks; unlabelled ticks (and grid lines) stay at `finest`."""

    def __init__(self, orientation, finest=None, **kw):
        super().__init__(orientation, **kw)
        self.finest = finest
        self._major = None  # the labelled step chosen by the last tickSpacing

    def _metrics(self):
        from PySide6 import QtGui

        return QtGui.QFontMetricsF(self.style.get("tickFont") or self.font())

    def label_room(self, strings):
        """Pixels a tick needs along the axis for the widest of `strings`, with the gap."""
        fm = self._metrics()
        if self.orientation in ("left", "right"):
            return fm.height() + fm.horizontalAdvance("  ") / 2 if strings else 0.0
        widest = max((fm.horizontalAdvance(s) for s in strings), default=0.0)
        return widest + fm.horizontalAdvance("  ")

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph name)
        self._major = None
        span = abs(maxVal - minVal)
        if self._tickSpacing is not None or span == 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)
        finest = self.finest or super().tickSpacing(minVal, maxVal, size)[-1][0]
        per_px = size / span
        power = 10.0 ** np.floor(np.log10(finest))
        low, high = min(minVal, maxVal), max(minVal, maxVal)
        steps = [m * power * 10.0 ** decade for decade in range(int(np.log10(span / finest)) + 2)
                 for m in NICE_STEPS]
        steps = [s for s in steps if s >= finest * (1 - 1e-9)] or [finest]
        for step in steps:
            values = list(np.arange(np.ceil(low / step - 1e-9) * step, high + step * 1e-9, step))
            if step * per_px >= self.label_room(self.tickStrings(values, self.autoSIPrefixScale * self.scale, step)):
                break
        self._major = step
        levels = [(step, 0.0)]
        if step > finest * (1 + 1e-9):
            levels.append((finest, 0.0))
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph name)
        if self._major is not None and spacing < self._major * (1 - 1e-9):
            return [""] * len(values)  # the finer ticks are not labelled
        return super().tickStrings(values, scale, spacing)
