"""The Continuous tab's two charts: the densities of P and Q, and the KL integrands as signed areas.

Both only draw arrays they are handed (computed by klviz.core); neither knows any formula. Axis
limits move in nice steps and only when the curves leave them or shrink well inside them (and,
during a drag or a fit animation, only outwards), so the axes hold still while the curves move and
no auto-ranging is ever done.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments

from klviz.scene.axes import nice_ceiling
from klviz.style import KL_COLOR, P_COLOR, Q_COLOR, TEXT_COLOR
from klviz.gui.i18n import translate

PATH_COLOR = "#8A5A00"  # a fit's path: a dark orange, between Q's colour and the text
ERROR_COLOR = "#7A3B69"  # the MSE link's error bar: a dark KL purple


def _qcolor(hex_color, alpha=255):
    c = QtGui.QColor(hex_color)
    c.setAlpha(alpha)
    return c


def _nice_step(span, ticks=8):
    return nice_ceiling(span / ticks) if span > 0 else 1.0


def view_scale(lo, hi):
    """The power of ten a chart divides an axis's data by before Qt sees it (1 for everyday ranges).

    Qt drops path points beyond 1e128, and a view whose two axes differ by very many orders of
    magnitude has a transform Qt takes for singular; a file may hold sigma = 1e-300 or mu = 1e300.
    So an axis spanning less than 1e-4 or more than 1e6, or reaching past 1e12, is drawn in units
    of a power of ten that make its span a few units, and its tick labels scaled back.
    """
    span, reach = hi - lo, max(abs(lo), abs(hi))
    if not span > 0 or not math.isfinite(span) or (1e-4 <= span <= 1e6 and reach <= 1e12):
        return 1.0
    return 10.0 ** math.floor(math.log10(span))


def drawable(y, lo, hi):
    """y ready for a path: NaN becomes 0, and everything is clipped to [lo, hi] (an infinite value
    runs off the chart instead of reaching Qt as a coordinate it cannot draw)."""
    y = np.asarray(y, dtype=float)
    y_lo, y_hi = y.min(initial=0.0), y.max(initial=0.0)  # NaN propagates into both
    if lo <= y_lo and y_hi <= hi:
        return y  # the common case: nothing to mend
    return np.clip(np.where(np.isnan(y), 0.0, y), lo, hi)


class StickyLimits:
    """Axis limits that change only when they must, and then to round numbers."""

    def __init__(self, shrink_x=2.0, shrink_y=1.7):
        self.shrink_x, self.shrink_y = shrink_x, shrink_y
        self.x = None  # (lo, hi)
        self.top = None
        self.bottom = None

    def update_x(self, lo, hi, sticky=False):
        """Return the x limits for content spanning [lo, hi] (finite, lo <= hi).

        However narrow or far out the content (sigma = 1e-300; mu = 1e15), the range holds a few
        hundred distinct doubles, so the axis and the curves stay drawable."""
        width = max(hi - lo, 512 * math.ulp(max(abs(lo), abs(hi))))
        if self.x is not None:
            a, b = self.x
            inside = a <= lo and hi <= b
            if inside and (sticky or (b - a) <= self.shrink_x * width):
                return self.x
            if sticky:  # grow only
                lo, hi = min(lo, a), max(hi, b)
                width = hi - lo
        pad = 0.08 * width
        step = _nice_step(width + 2 * pad)
        self.x = (math.floor((lo - pad) / step) * step, math.ceil((hi + pad) / step) * step)
        return self.x

    def update_top(self, need, sticky=False):
        """A round top at or above `need` (> 0; however small: a density 1e-301 high is drawn)."""
        need = float(need)
        if not need > 0 or not math.isfinite(need):
            need = 1e-12
        need = min(need, MAX_LIMIT)  # a round number above it, padded, stays a float
        t = self.top
        if t is not None and need * 1.04 <= t and (sticky or need >= t / self.shrink_y):
            return t
        if t is not None and sticky:
            need = max(need, t)
        self.top = nice_ceiling(need * 1.12)
        return self.top

    def update_bottom(self, need_depth, top, sticky=False):
        """A limit below zero deep enough for `need_depth` (>= 0), at least 5 % of `top`."""
        floor = 0.05 * top
        d = self.bottom
        if d is not None and need_depth <= d and d >= floor and (
                sticky or d <= max(self.shrink_y * need_depth, 2.5 * floor)):
            return d
        depth = min(max(need_depth, d if (sticky and d is not None) else 0.0), MAX_LIMIT)
        self.bottom = max(nice_ceiling(depth * 1.12) if depth > 0 else 0.0, floor)
        return self.bottom


#: the largest axis limit: an integrand near the top of the float range (a needle-thin P far from
#: a wide Q) gets a round top and padding that still are floats, never an infinite range
MAX_LIMIT = 1e306


def set_draft(items, draft):
    """Draft drawing while something moves (a drag, a fit animation): curves without
    antialiasing, several times cheaper to stroke; full quality again as soon as it stops."""
    for item in items:
        item.set_antialias(not draft)


def _plot_defaults(plot):
    pi = plot.getPlotItem()
    pi.setMenuEnabled(False)
    pi.hideButtons()
    pi.setMouseEnabled(x=False, y=False)
    pi.disableAutoRange()
    for name in ("left", "bottom"):
        ax = pi.getAxis(name)
        ax.setTextPen(TEXT_COLOR)
        f = QtGui.QFont(ax.font() if hasattr(ax, "font") else QtGui.QFont())
        f.setPointSizeF(max(f.pointSizeF(), 10.0))
        ax.setStyle(tickFont=f)
        ax.enableAutoSIPrefix(False)
    pi.getAxis("left").setWidth(62)  # the same in both charts, so their x axes line up
    return pi


class GridLines:
    """Grid lines at the axes' tick positions, drawn as two plain curves under everything.

    pyqtgraph's own grid is painted by the axes, whose bounding boxes then span the whole plot:
    every moving curve would make both axes replay all their lines and tick labels each frame.
    Here a frame costs two unantialiased polylines.
    """

    def __init__(self, plot_item):
        self.pi = plot_item
        self.items = [LineItem(pg.mkPen(TEXT_COLOR), antialias=False, connect="pairs") for _ in range(2)]
        for z, item in enumerate(self.items):
            item.setZValue(-1000 + z)
            plot_item.addItem(item, ignoreBounds=True)
        self.set_color(TEXT_COLOR)
        self._key = None
        plot_item.vb.sigResized.connect(self.update)
        plot_item.vb.sigRangeChanged.connect(self.update)

    def set_color(self, color):
        self.items[0].setPen(pg.mkPen(_qcolor(color, 28), width=1))  # minor
        self.items[1].setPen(pg.mkPen(_qcolor(color, 60), width=1))  # major

    def update(self, *_):
        vb = self.pi.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        bottom, left = self.pi.getAxis("bottom"), self.pi.getAxis("left")
        size = (max(bottom.geometry().width(), 1.0), max(left.geometry().height(), 1.0))
        key = (x0, x1, y0, y1, size)
        if key == self._key:
            return
        self._key = key
        with np.errstate(over="ignore", invalid="ignore"):  # ranges near 1e300 (pyqtgraph 0.13 overflows)
            xl = bottom.tickValues(x0, x1, size[0])
            yl = left.tickValues(y0, y1, size[1])
        for level, item in ((1, self.items[0]), (0, self.items[1])):
            xs = [v for v in (xl[level][1] if len(xl) > level else []) if x0 <= v <= x1]
            ys = [v for v in (yl[level][1] if len(yl) > level else []) if y0 <= v <= y1]
            px = np.repeat(np.array(xs, dtype=float), 2)
            py = np.tile([y0, y1], len(xs)).astype(float)
            qx = np.tile([x0, x1], len(ys)).astype(float)
            qy = np.repeat(np.array(ys, dtype=float), 2)
            item.setData(np.concatenate([px, qx]), np.concatenate([py, qy]))


class FillItem(QtWidgets.QGraphicsPathItem):
    """The area between a curve and zero, as one closed path.

    A pyqtgraph PlotCurveItem fill is built in Python from chunks of 50 points and recomputes its
    bounds in Python on every repaint; this is one vectorised path, and Qt keeps its bounds.
    """

    def __init__(self, brush):
        super().__init__()
        self.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self.setBrush(brush)
        self._data = (np.zeros(0), np.zeros(0))
        self._scale = (1.0, 1.0)

    def set_scale(self, sx, sy):
        """Draw in units of (sx, sy) (see view_scale); the data stay as given."""
        if (sx, sy) != self._scale:
            self._scale = (sx, sy)
            self.setData(*self._data)

    def setData(self, x, y):  # noqa: N802 (like pyqtgraph's items)
        self._data = (x, y)
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if self._scale != (1.0, 1.0):
            sx, sy = self._scale
            with np.errstate(over="ignore"):  # data set just before its new scale: redrawn then
                x, y = x / sx, y / sy
        if x.size < 2:
            self.setPath(QtGui.QPainterPath())
            return
        xs = np.concatenate([x[:1], x, x[-1:]])
        ys = np.concatenate([[0.0], y, [0.0]])
        self.setPath(pg.arrayToQPath(xs, ys, connect="all", finiteCheck=False))


def _fill(color, alpha, pattern=None):
    brush = QtGui.QBrush(_qcolor(color, alpha))
    if pattern is not None:
        brush.setStyle(pattern)
    return FillItem(brush)


class LineItem(pg.GraphicsObject):
    """A polyline in data coordinates with a pen whose width is in pixels.

    What a pyqtgraph PlotCurveItem does for a line, minus its per-repaint Python work: the data
    bounds are found once per setData, the pixel padding once per view change. A solid pen is
    drawn as separate segments (Qt strokes a long, wide, antialiased path several times slower;
    the overlap of neighbouring segments' ends is invisible on an opaque pen), a dashed one as
    one path so the dashes run on. `connect` is "all", "finite" (NaN breaks the line) or "pairs".
    """

    def __init__(self, pen, antialias=True, connect="all"):
        super().__init__()
        self._pen = pg.mkPen(pen)
        self._aa = bool(antialias)
        self._connect = connect
        self._x = self._y = np.zeros(0)  # the data
        self._vx = self._vy = self._x  # what is drawn: the data in units of the scale
        self._scale = (1.0, 1.0)
        self._bounds = QtCore.QRectF()
        self._rect = None
        self._segments = None
        self._path = None

    def pen(self):
        return self._pen

    def setPen(self, pen):  # noqa: N802 (Qt-style names, like pyqtgraph's items)
        self.prepareGeometryChange()
        self._pen = pg.mkPen(pen)
        self._rect = None
        self.update()

    def antialias(self):
        return self._aa

    def set_antialias(self, on):
        if bool(on) != self._aa:
            self._aa = bool(on)
            self.update()

    def getData(self):  # noqa: N802
        return self._x, self._y

    def set_scale(self, sx, sy):
        """Draw in units of (sx, sy) (see view_scale); getData still gives the data."""
        if (sx, sy) != self._scale:
            self._scale = (sx, sy)
            self.setData(self._x, self._y)

    def setData(self, x, y, connect=None):  # noqa: N802
        self.prepareGeometryChange()
        if connect is not None:
            self._connect = connect
        self._x = np.asarray(x, dtype=float)
        self._y = np.asarray(y, dtype=float)
        sx, sy = self._scale
        if sx == sy == 1.0:
            self._vx, self._vy = self._x, self._y
        else:
            with np.errstate(over="ignore"):  # data set just before its new scale: redrawn then
                self._vx, self._vy = self._x / sx, self._y / sy
        finite = np.isfinite(self._vx) & np.isfinite(self._vy)
        if finite.any():
            xs, ys = self._vx[finite], self._vy[finite]
            # finite ends can still be further apart than the largest float (data set just before
            # its new scale): the extent is then the largest float, not an overflow warning
            big = np.finfo(float).max
            with np.errstate(over="ignore"):
                w, h = min(float(xs.max() - xs.min()), big), min(float(ys.max() - ys.min()), big)
            self._bounds = QtCore.QRectF(xs.min(), ys.min(), w, h)
        else:
            self._bounds = QtCore.QRectF()
        self._rect = None
        self._segments = None
        self._path = None
        self.update()

    def viewTransformChanged(self):  # noqa: N802 (pyqtgraph hook: the pixel size changed)
        self.prepareGeometryChange()
        self._rect = None
        self._path = None  # a dashed line's path is cut to the view (see _dashed_path)

    def boundingRect(self):  # noqa: N802
        if self._rect is None:
            pad = 0.5 * max(self._pen.widthF(), 1.0) + 2.0  # pixels
            px, py = self.pixelWidth(), self.pixelHeight()
            px = abs(px) if px else 0.0
            py = abs(py) if py else 0.0
            self._rect = self._bounds.adjusted(-pad * px, -pad * py, pad * px, pad * py)
        return self._rect

    def _solid(self):
        return self._pen.style() == QtCore.Qt.PenStyle.SolidLine or self._connect == "pairs"

    def paint(self, p, *args):
        if self._vx.size < 2:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, self._aa)
        p.setPen(self._pen)
        if self._solid():
            if self._segments is None:
                self._segments = arrayToLineSegments(self._vx, self._vy, connect=self._connect,
                                                     finiteCheck=self._connect == "finite")
            p.drawLines(*self._segments.drawargs())
        else:
            if self._path is None:
                self._path = self._dashed_path()
            p.drawPath(self._path)

    VIEW_MARGIN = 10.0  # view sizes: how far past the view a dashed line's points are kept

    def _dashed_path(self):
        """The path of a dashed line, cut to what the view can show. Qt lays out every dash of
        a stroked path, on screen or not: a curve whose points reach far past the view (a valid
        file's σ of 1e-6 next to one of 1e6) had billions of dashes to lay out, and the window
        froze. Only the segments that come near the view (within one view size) are drawn, with
        their points held within VIEW_MARGIN view sizes of it, so what the view shows is the
        same and the dashes are bounded."""
        x, y, connect = self._vx, self._vy, self._connect
        view = self.viewRect()
        if view is None or not view.isValid():
            return pg.arrayToQPath(x, y, connect=connect, finiteCheck=connect == "finite")
        x0, x1 = sorted((view.left(), view.right()))
        y0, y1 = sorted((view.top(), view.bottom()))
        wx, wy = x1 - x0, y1 - y0
        xa, xb, ya, yb = x[:-1], x[1:], y[:-1], y[1:]
        with np.errstate(invalid="ignore", over="ignore"):
            near = ((np.fmax(xa, xb) >= x0 - wx) & (np.fmin(xa, xb) <= x1 + wx)
                    & (np.fmax(ya, yb) >= y0 - wy) & (np.fmin(ya, yb) <= y1 + wy))
            near &= np.isfinite(xa) & np.isfinite(xb) & np.isfinite(ya) & np.isfinite(yb)
            if isinstance(connect, np.ndarray):
                near &= connect[:-1].astype(bool)
            m = self.VIEW_MARGIN
            cx = np.clip(np.nan_to_num(x), x0 - m * wx, x1 + m * wx)
            cy = np.clip(np.nan_to_num(y), y0 - m * wy, y1 + m * wy)
        joined = np.append(near, False).astype(np.int32)
        return pg.arrayToQPath(cx, cy, connect=joined)


def _line(color, width=3.0, style=QtCore.Qt.PenStyle.SolidLine):
    return LineItem(pg.mkPen(color, width=width, style=style))


class _ScaledView:
    """A chart's data-to-view scale on each axis (see view_scale): its items draw in those units,
    its axes label ticks with the data's own values."""

    _scale = (1.0, 1.0)

    def _set_scale(self, sx, sy, items):
        """Use scale (sx, sy); True if it changed (the caller redraws what it draws itself)."""
        if (sx, sy) == self._scale:
            return False
        self._scale = (sx, sy)
        pi = self.getPlotItem()
        pi.getAxis("bottom").setScale(sx)
        pi.getAxis("left").setScale(sy)
        for item in items:
            item.set_scale(sx, sy)
        return True


class DensityChart(_ScaledView, pg.PlotWidget):
    """p(x) and q(x) filled, P's mixture components dashed, a fit's path, and the MSE error bar."""

    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.setObjectName("plot_densities")
        # at least 140 px tall, the Discrete tab's P and Q charts' floor too: stacked over the
        # measures beside the lesson panel at 960×540 in F11, 150 left the decomposition's last
        # line below the fold (issue 12)
        self.setMinimumSize(260, 140)
        pi = _plot_defaults(self)
        self.grid = GridLines(pi)
        pi.setLabel("left", translate("widgets.curves", "density"))
        self.limits = StickyLimits()
        self._fill_p, self._fill_q = _fill(P_COLOR, 45), _fill(Q_COLOR, 45)
        self._comp = [LineItem(pg.mkPen(P_COLOR), connect="finite") for _ in range(2)]
        self._comp_q = [LineItem(pg.mkPen(Q_COLOR), connect="finite") for _ in range(2)]
        self._line_p, self._line_q = _line(P_COLOR), _line(Q_COLOR)
        self._ghost = _line(Q_COLOR, 1.8, QtCore.Qt.PenStyle.DotLine)
        self._path = pg.PlotDataItem(antialias=True)
        self._ends = pg.ScatterPlotItem(size=11)
        self._error = pg.PlotDataItem(symbol="|")
        self._error_text = pg.TextItem(anchor=(0.5, 1.15))
        for item in (self._fill_p, self._fill_q, *self._comp, *self._comp_q, self._ghost, self._line_p,
                     self._line_q, self._path, self._ends, self._error, self._error_text):
            pi.addItem(item)
        for item in (*self._comp, *self._comp_q, self._ghost, self._path, self._ends, self._error,
                     self._error_text):
            item.setVisible(False)
        self._range = None
        self._path_args = (None, None, None)
        self._error_args = (None, None, "")
        self.curves = {"p": self._line_p, "q": self._line_q, "path": self._path, "start": self._ghost}
        self._path_color = PATH_COLOR
        self.restyle(None)

    def restyle(self, look):
        """Colours and line widths for the window's look (None: the default light look)."""
        scale = look.scale if look is not None else 1.0
        pc = look.p_color if look is not None else P_COLOR
        qc = look.q_color if look is not None else Q_COLOR
        dark = look is not None and look.dark
        self._path_color = "#F5D28A" if dark else PATH_COLOR
        error = KL_COLOR if dark else ERROR_COLOR
        self.getPlotItem().getAxis("left").setWidth(int(62 * scale))
        self.grid.set_color(look.foreground if look is not None else TEXT_COLOR)
        self._fill_p.setBrush(_qcolor(pc, 45))
        self._fill_q.setBrush(_qcolor(qc, 45))
        self._line_p.setPen(pg.mkPen(pc, width=3 * scale))
        self._line_q.setPen(pg.mkPen(qc, width=3 * scale))
        for items, color in ((self._comp, pc), (self._comp_q, qc)):
            for item in items:
                item.setPen(pg.mkPen(color, width=1.6 * scale, style=QtCore.Qt.PenStyle.DashLine))
        self._ghost.setPen(pg.mkPen(qc, width=1.8 * scale, style=QtCore.Qt.PenStyle.DotLine))
        self._path.setPen(pg.mkPen(self._path_color, width=2 * scale, style=QtCore.Qt.PenStyle.DashLine))
        self._ends.setPen(pg.mkPen(self._path_color, width=2 * scale))
        self._ends.setSize(11 * scale)
        self._error.setPen(pg.mkPen(error, width=3 * scale))
        self._error.setSymbolPen(pg.mkPen(error, width=3 * scale))
        self._error.setSymbolSize(18 * scale)
        self._error_text.setColor(error)
        f = QtGui.QFont()
        f.setPointSizeF(11 * scale)
        f.setBold(True)
        self._error_text.setFont(f)
        if self._ends.isVisible():
            self._ends.setBrush([pg.mkBrush(255, 255, 255, 255), pg.mkBrush(self._path_color)])

    def set_draft(self, draft):
        set_draft((self._line_p, self._line_q, *self._comp, *self._comp_q, self._ghost), draft)

    def set_curves(self, x, p, q, components=(), components_q=()):
        """Densities on the grid x; `components` (`components_q`) are P's (Q's) weighted component
        densities when it is a mixture, drawn dashed."""
        self._fill_p.setData(x, p)
        self._fill_q.setData(x, q)
        self._line_p.setData(x, p)
        self._line_q.setData(x, q)
        for items, comps in ((self._comp, components), (self._comp_q, components_q)):
            for item, y in zip(items, comps):
                # only where the component is visible at all: no dashes along the axis
                item.setData(x, np.where(y > 2e-3 * float(np.nanmax(y, initial=0.0)), y, np.nan))
                item.setVisible(True)
            for item in items[len(comps):]:
                item.setVisible(False)

    def set_limits(self, xr, top, sticky=False):
        """Show x range `xr` (from self.limits.update_x) and a y range holding `top`."""
        t = self.limits.update_top(top, sticky=sticky)
        items = (self._fill_p, self._fill_q, *self._comp, *self._comp_q, self._line_p, self._line_q, self._ghost)
        if self._set_scale(view_scale(*xr), view_scale(0.0, t), items):
            self.set_path(*self._path_args)
            self.set_error_bar(*self._error_args)
        rng = (xr, t, self._scale)
        if rng != self._range:
            self._range = rng
            sx, sy = self._scale
            pi = self.getPlotItem()
            pi.setXRange(xr[0] / sx, xr[1] / sx, padding=0)
            pi.setYRange(0, t / sy, padding=0.03)
        return xr

    def set_path(self, mus=None, peaks=None, ghost=None):
        """A fit's path: the trail of Q's peak (mus, peaks) and Q's starting curve (x, y) dotted."""
        self._path_args = (mus, peaks, ghost)
        show = mus is not None and len(mus) > 1
        self._path.setVisible(show)
        self._ends.setVisible(show)
        if show:
            sx, sy = self._scale
            with np.errstate(over="ignore"):  # (a stale path, redrawn or dropped by the page)
                mus, peaks = np.asarray(mus, dtype=float) / sx, np.asarray(peaks, dtype=float) / sy
            self._path.setData(mus, peaks)
            self._ends.setData([mus[0], mus[-1]], [peaks[0], peaks[-1]],
                               brush=[pg.mkBrush(255, 255, 255, 255), pg.mkBrush(self._path_color)])
        self._ghost.setVisible(ghost is not None)
        if ghost is not None:
            self._ghost.setData(*ghost)

    def set_error_bar(self, x_from=None, x_to=None, text=""):
        """The MSE link: a bar from mu_Q to P's mean, near the top of the chart, with its label."""
        self._error_args = (x_from, x_to, text)
        show = x_from is not None
        self._error.setVisible(show)
        self._error_text.setVisible(show)
        if show:
            sx, sy = self._scale
            with np.errstate(over="ignore"):
                y = float(np.float64(0.9 * (self.limits.top or 1.0)) / sy)
                x_from, x_to = float(np.float64(x_from) / sx), float(np.float64(x_to) / sx)
            self._error.setData([x_from, x_to], [y, y])
            self._error_text.setText(text)
            self._error_text.setPos(0.5 * x_from + 0.5 * x_to, y)


class IntegrandChart(_ScaledView, pg.PlotWidget):
    """p log(p/q) and q log(q/p) with the area between each curve and zero shaded.

    The shaded area above zero counts positively, the hatched area below zero negatively; their
    total is the divergence.
    """

    def __init__(self, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.setObjectName("plot_integrands")
        self.setMinimumSize(260, 130)
        pi = _plot_defaults(self)
        self.grid = GridLines(pi)
        pi.setLabel("bottom", "x")
        self.limits = StickyLimits()
        self._pos = [_fill(P_COLOR, 70), _fill(Q_COLOR, 70)]
        self._neg = [_fill(P_COLOR, 200), _fill(Q_COLOR, 220)]
        self._lines = [_line(P_COLOR, 2.6), _line(Q_COLOR, 2.6)]
        for item in (*self._pos, *self._neg):
            pi.addItem(item)
        pi.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#444444", width=1.2)))
        for item in self._lines:
            pi.addItem(item)
        self._range = None
        self._unit = None
        self.curves = {"pq": self._lines[0], "qp": self._lines[1]}
        self.restyle(None)

    def restyle(self, look):
        scale = look.scale if look is not None else 1.0
        colors = (look.p_color, look.q_color) if look is not None else (P_COLOR, Q_COLOR)
        hatch = QtCore.Qt.BrushStyle.BDiagPattern
        self.getPlotItem().getAxis("left").setWidth(int(62 * scale))
        self.grid.set_color(look.foreground if look is not None else TEXT_COLOR)
        for k, c in enumerate(colors):
            self._pos[k].setBrush(_qcolor(c, 70))
            neg = QtGui.QBrush(_qcolor(c, 220), hatch)  # hatched: this area counts negatively
            self._neg[k].setBrush(neg)
            self._lines[k].setPen(pg.mkPen(c, width=2.6 * scale))

    def set_draft(self, draft):
        set_draft(self._lines, draft)

    def set_curves(self, x, f_pq, f_qp, unit):
        """The integrands on the grid x. Call after set_limits: a value beyond the shown range
        (an infinite one where q underflows) is drawn clipped just past it, and NaN as zero."""
        top, depth = self.limits.top or 1.0, self.limits.bottom or 0.0
        for k, f in enumerate((f_pq, f_qp)):
            f = drawable(f, -2.0 * max(depth, top), 2.0 * top)
            self._pos[k].setData(x, np.maximum(f, 0.0))
            self._neg[k].setData(x, np.minimum(f, 0.0))
            self._lines[k].setData(x, f)
        if unit != self._unit:
            self._unit = unit
            self.getPlotItem().setLabel("left", translate("widgets.curves", 'integrand ({unit})').format(unit=unit))

    def set_limits(self, x_range, lo, hi, sticky=False):
        top = self.limits.update_top(hi, sticky=sticky)
        depth = self.limits.update_bottom(max(-lo, 0.0), top, sticky=sticky)
        self._set_scale(view_scale(*x_range), view_scale(-depth, top), (*self._pos, *self._neg, *self._lines))
        rng = (tuple(x_range), top, depth, self._scale)
        if rng != self._range:
            self._range = rng
            sx, sy = self._scale
            pi = self.getPlotItem()
            pi.setXRange(x_range[0] / sx, x_range[1] / sx, padding=0)
            pi.setYRange(-depth / sy, top / sy, padding=0.03)
