"""Cheap graphics items for charts redrawn on every frame of a drag.

LabelsLayer: many short texts drawn by one graphics item, at data positions, in screen-sized type.

pyqtgraph's TextItem is a full QGraphicsItem per text (its own transform updates, bounding
rects and index entries), which costs milliseconds per frame for a few dozen bar labels. This
item keeps a list of (x, y, text) and paints them all at once, unscaled by the view.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui


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

    def set_items(self, items):
        items = list(items)
        if items == self._items:
            return
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

    - A change of the bars alone (x or x0, y, width, height) takes a short numpy path instead of
      pyqtgraph's general one (a dozen array conversions and reductions per call); anything else
      (pens, brushes, x1/y0/y1) goes through pyqtgraph unchanged.
    - The bounding rectangle is computed once per change, not per query: pyqtgraph recomputes
      it (pixel padding included) on every call, and the scene asks dozens of times per frame.
      The cache is dropped whenever the bars or the view's scale change.
    """

    _cached_rect = None
    _GEOMETRY = frozenset(("x", "x0", "y", "width", "height"))

    def setOpts(self, **opts):
        self._cached_rect = None
        o = self.opts
        if (not opts.keys() <= self._GEOMETRY or not hasattr(self, "_penWidth")
                or o["x1"] is not None or o["y0"] is not None or o["y1"] is not None):
            super().setOpts(**opts)
            return
        o.update(opts)
        height = np.asarray(o["height"], dtype=float)
        width = np.asarray(o["width"], dtype=float)
        if o["x0"] is not None:
            left = np.asarray(o["x0"], dtype=float)
        else:
            left = np.asarray(o["x"], dtype=float) - width / 2
        bottom = np.asarray(o["y"], dtype=float) - height / 2 if o["y"] is not None else np.zeros(1)
        try:
            left, width, bottom, height = np.broadcast_arrays(left, width, bottom, height)
        except ValueError:  # lengths that do not match: pyqtgraph's own rules decide
            super().setOpts(**opts)
            return
        lo = np.minimum(bottom, bottom + height)
        hi = np.maximum(bottom, bottom + height)
        x_lo = np.minimum(left, left + width)
        x_hi = np.maximum(left, left + width)
        n = lo.size
        self.picture = None
        self._shape = None
        self._rectarray.resize(n)
        if n:
            rects = self._rectarray.ndarray()
            rects[:, 0] = x_lo.ravel()
            rects[:, 1] = lo.ravel()
            rects[:, 2] = (x_hi - x_lo).ravel()
            rects[:, 3] = (hi - lo).ravel()
            self._dataBounds = (float(x_lo.min()), float(x_hi.max())), (float(lo.min()), float(hi.max()))
        else:
            self._dataBounds = (None, None), (None, None)
        self.prepareGeometryChange()
        self.update()
        self.informViewBoundsChanged()

    def viewTransformChanged(self):
        self._cached_rect = None
        super().viewTransformChanged()

    def boundingRect(self):
        if self._cached_rect is None:
            self._cached_rect = super().boundingRect()
        return QtCore.QRectF(self._cached_rect)
