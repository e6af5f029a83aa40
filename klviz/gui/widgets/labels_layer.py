"""Cheap graphics items for charts redrawn on every frame of a drag, and the one module that
touches pyqtgraph's private parts (pyproject pins pyqtgraph to the minor versions the suite runs
on; tests/test_layers.py holds every other module to pyqtgraph's public API):

- FastBars writes BarGraphItem's `_rectarray` and `_dataBounds` itself (a short numpy path);
- keep_title_narrow overrides one title label's `updateMin`;
- tick_labels reads an axis's `_tickLevels` (what a screen reader is told a chart's ticks say).

LabelsLayer: many short texts drawn by one graphics item, at data positions, in screen-sized type.

pyqtgraph's TextItem is a full QGraphicsItem per text (its own transform updates, bounding
rects and index entries), which costs milliseconds per frame for a few dozen bar labels. This
item keeps a list of (x, y, text) and paints them all at once, unscaled by the view.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets


class LabelsLayer(pg.GraphicsObject):
    def __init__(self, color="#222222", font=None, anchor=(0.5, 1.0), offset_px=(0, -2), no_overlap=False):
        """no_overlap: a text that would overlap a higher one is left out, as on a narrow chart
        where neighbouring bar values would run together."""
        super().__init__()
        self._no_overlap = no_overlap
        self._items = []  # (x, y, text)
        self._color = QtGui.QColor(color)
        self._font = font or QtGui.QFont()
        self._anchor = anchor
        self._offset = offset_px
        self._rect = QtCore.QRectF()
        self._static = {}  # text -> (QStaticText, width): its glyph layout is made once, not per paint
        self._ascent = None
        # empty: the scene need not call into Python to paint it on every frame
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def set_items(self, items):
        items = list(items)
        if items == self._items:
            return
        if bool(items) != bool(self._items):
            self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not items)
        self._items = items
        if items:
            xs = [x for x, _, _ in items]
            ys = [y for _, y, _ in items]
            rect = QtCore.QRectF(min(xs) - 1, min(ys) - 1, max(xs) - min(xs) + 2, max(ys) - min(ys) + 2)
        else:
            rect = QtCore.QRectF()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def set_style(self, color=None, font=None):
        if color is not None:
            self._color = QtGui.QColor(color)
        if font is not None:
            self._font = QtGui.QFont(font)
            self._static.clear()
            self._ascent = None
        self.update()

    def _static_text(self, text):
        """(QStaticText, width in pixels) of `text`, made once."""
        cached = self._static.get(text)
        if cached is None:
            if len(self._static) > 1024:  # bar values repeat ("0.25"); anything else is rare
                self._static.clear()
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.setPerformanceHint(QtGui.QStaticText.PerformanceHint.AggressiveCaching)
            st.prepare(QtGui.QTransform(), self._font)
            cached = self._static[text] = (st, st.size().width())
        return cached

    def boundingRect(self):
        # Generous in data units (texts are screen-sized); the view clips anything outside.
        return self._rect

    def placements(self, transform):
        """[(top-left point in device pixels, QStaticText)] of the texts to draw under `transform`."""
        if self._ascent is None:
            self._ascent = QtGui.QFontMetricsF(self._font).ascent()
        ascent = self._ascent
        ax, ay = self._anchor
        dx, dy = self._offset
        m11, m12, m21, m22 = transform.m11(), transform.m12(), transform.m21(), transform.m22()
        tx, ty = transform.dx(), transform.dy()
        placed = []  # (left, top, width, QStaticText), plain floats: this runs on every frame
        for x, y, text in self._items:
            st, w = self._static_text(text)
            # the text's baseline sits (1 - ay) * ascent below the anchor point
            placed.append((m11 * x + m21 * y + tx - ax * w + dx, m12 * x + m22 * y + ty - ay * ascent + dy, w, st))
        if self._no_overlap:
            # The highest text first: it labels the taller bar, and P's and Q's values in an
            # overlay chart compete on height, not on which series comes first.
            placed.sort(key=lambda item: (item[1], item[0]))
            kept = []
            for item in placed:
                left, top, w, _ = item
                # digits and letters sit above the baseline: the ascent is their height
                if not any(left - 2 < k[0] + k[2] + 2 and k[0] - 2 < left + w + 2 and
                           top < k[1] + ascent and k[1] < top + ascent for k in kept):
                    kept.append(item)
            placed = kept
        return [(QtCore.QPointF(left, top), st) for left, top, _, st in placed]

    def paint(self, painter, *args):
        if not self._items:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(self._color)
        for top_left, st in self.placements(transform):
            painter.drawStaticText(top_left, st)
        painter.restore()


class FastBars(pg.BarGraphItem):
    """A BarGraphItem that is cheap to change on every frame.

    - A change of the bars alone (x or x0, y, width, height) takes a short path instead of
      pyqtgraph's general one (a dozen array conversions and reductions per call): plain floats
      for a single bar, a few numpy operations for many; anything else (pens, brushes,
      x1/y0/y1) goes through pyqtgraph unchanged.
    - Bars that come out where they already are change nothing: no geometry change, no repaint
      (a drag moves one bar of a chart, and most of a frame's items stay put).
    - The bounding rectangle is computed once per change, not per query: pyqtgraph recomputes
      it (pixel padding included) on every call, and the scene asks dozens of times per frame.
      The pixel padding is kept until the view's scale or the pen changes.
    - hatch: an optional second brush (a pattern) painted over the fill by the same item, so a
      hatched segment is one item to update and paint, not two.
    """

    _cached_rect = None
    _pad = None  # (x, y) pixel padding in data units, for the current view scale and pen
    _drawargs = None  # drawRects arguments for the current rectangles
    _hatch = None
    _GEOMETRY = frozenset(("x", "x0", "y", "width", "height"))

    def __init__(self, *args, hatch=None, **opts):
        self._hatch = hatch
        super().__init__(*args, **opts)

    def set_hatch(self, brush):
        """The pattern brush painted over the fill (None: plain fill)."""
        self._hatch = brush
        self.update()

    @property
    def hatch(self):
        return self._hatch

    def setOpts(self, **opts):
        o = self.opts
        if (not opts.keys() <= self._GEOMETRY or not hasattr(self, "_penWidth")
                or o["x1"] is not None or o["y0"] is not None or o["y1"] is not None):
            self._cached_rect = self._pad = self._drawargs = None
            super().setOpts(**opts)
            return
        o.update(opts)
        single = self._single_rect(o)
        if single is not None:
            x_lo, lo, w, h, x_hi, hi = single
            rects = self._rectarray
            if len(rects) == 1:
                old = rects.ndarray()[0]
                if old[0] == x_lo and old[1] == lo and old[2] == w and old[3] == h:
                    return  # where it already is
            else:
                rects.resize(1)
                self._drawargs = None
            rects.ndarray()[0] = single[:4]
            self._dataBounds = (x_lo, x_hi), (lo, hi)
            self._changed()
            return
        try:
            height = np.asarray(o["height"], dtype=float)
            width = np.asarray(o["width"], dtype=float)
            if o["x0"] is not None:
                left = np.asarray(o["x0"], dtype=float)
            else:
                left = np.asarray(o["x"], dtype=float) - width / 2
            bottom = np.asarray(o["y"], dtype=float) - height / 2 if o["y"] is not None else 0.0
            right, top = left + width, bottom + height
            x_lo, x_hi = np.minimum(left, right), np.maximum(left, right)
            lo, hi = np.minimum(bottom, top), np.maximum(bottom, top)
            if not x_lo.shape == lo.shape:
                x_lo, x_hi, lo, hi = np.broadcast_arrays(x_lo, x_hi, lo, hi)
        except ValueError:  # lengths that do not match: pyqtgraph's own rules decide
            self._cached_rect = self._pad = self._drawargs = None
            super().setOpts(**opts)
            return
        x_lo, x_hi, lo, hi = x_lo.ravel(), x_hi.ravel(), lo.ravel(), hi.ravel()
        n = lo.size
        new = np.empty((n, 4))
        new[:, 0] = x_lo
        new[:, 1] = lo
        new[:, 2] = x_hi - x_lo
        new[:, 3] = hi - lo
        if n == len(self._rectarray):
            rects = self._rectarray.ndarray()
            if np.array_equal(rects, new):
                return  # where they already are
        else:
            self._rectarray.resize(n)
            self._drawargs = None
            rects = self._rectarray.ndarray()
        rects[...] = new
        if n:
            self._dataBounds = (float(x_lo.min()), float(x_hi.max())), (float(lo.min()), float(hi.max()))
        else:
            self._dataBounds = (None, None), (None, None)
        self._changed()

    @staticmethod
    def _single_rect(o):
        """(left, bottom, width, height, right, top) as floats when o describes one bar by plain
        numbers, else None (the numpy path then takes it)."""
        vals = []
        for key in ("x0" if o["x0"] is not None else "x", "width", "y", "height"):
            v = o[key]
            if v is None and key == "y":
                vals.append(None)
                continue
            if type(v) in (list, tuple) and len(v) == 1:
                v = v[0]
            if not isinstance(v, (float, int)):
                return None
            vals.append(float(v))
        left, width, y, height = vals
        if o["x0"] is None:
            left -= width / 2
        bottom = 0.0 if y is None else y - height / 2
        if not math.isfinite(left + width + bottom + height):
            return None  # an inf or a nan: numpy's rules
        x_lo, x_hi = min(left, left + width), max(left, left + width)
        y_lo, y_hi = min(bottom, bottom + height), max(bottom, bottom + height)
        return x_lo, y_lo, x_hi - x_lo, y_hi - y_lo, x_hi, y_hi

    def _changed(self):
        """The rectangles changed (in place: the drawRects arguments still point at them)."""
        self.picture = None
        self._shape = None
        self._cached_rect = None
        self.prepareGeometryChange()
        self.update()
        self.informViewBoundsChanged()

    def viewTransformChanged(self):
        self._cached_rect = self._pad = None
        super().viewTransformChanged()

    def _pixel_pad(self):
        pad = self._pad
        if pad is None:
            px = py = 0.0
            pad_px = self.pixelPadding()
            if pad_px > 0:
                vx, vy = self.pixelVectors()
                if vx is None and vy is None:
                    return 0.0, 0.0  # not shown yet: nothing to keep
                px = 0.0 if vx is None else vx.length() * pad_px
                py = 0.0 if vy is None else vy.length() * pad_px
            self._pad = pad = (px, py)
        return pad

    def boundingRect(self):
        rect = self._cached_rect
        if rect is None:
            xmn, xmx = self.dataBounds(ax=0)
            ymn, ymx = self.dataBounds(ax=1)
            if xmn is None or xmx is None or ymn is None or ymx is None:
                rect = QtCore.QRectF()
            else:
                px, py = self._pixel_pad()
                rect = QtCore.QRectF(xmn - px, ymn - py, 2 * px + xmx - xmn, 2 * py + ymx - ymn)
            self._cached_rect = rect
        return QtCore.QRectF(rect)

    def paint(self, p, *args):
        if not self._singleColor:
            super().paint(p, *args)
        else:
            p.setPen(self._sharedPen)
            p.setBrush(self._sharedBrush)
            if self._drawargs is None:
                self._drawargs = self._rectarray.drawargs()
            p.drawRects(*self._drawargs)
        if self._hatch is not None and len(self._rectarray):
            if self._drawargs is None:
                self._drawargs = self._rectarray.drawargs()
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.setBrush(self._hatch)
            p.drawRects(*self._drawargs)


def keep_title_narrow(label, before=None, after=None):
    """A PlotItem's title label (`plot_item.titleLabel`) that never widens its chart: pyqtgraph
    re-applies a LabelItem's text width as its minimum width on every resize (updateMin), so
    the override goes on that method of this one label. before(label) runs first (the title
    fits its text to the width it has), after(label) last (its row takes the title's height)."""
    if getattr(label, "_klviz_narrow", False):
        return
    update_min = type(label).updateMin

    def narrow_update_min():
        if before is not None:
            before(label)
        update_min(label)
        label.setMinimumWidth(0)
        if after is not None:
            after(label)

    label.updateMin = narrow_update_min
    label._klviz_narrow = True


def tick_labels(axis):
    """{value: text} of an AxisItem's major ticks as last drawn (empty before the first paint or
    where the axis generates its own)."""
    levels = getattr(axis, "_tickLevels", None)
    if not levels:
        return {}
    return {float(v): str(t) for v, t in levels[0]}
