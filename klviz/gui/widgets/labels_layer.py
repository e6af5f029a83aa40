"""Cheap graphics items for charts redrawn on every frame of a drag.

LabelsLayer: many short texts drawn by one graphics item, at data positions, in screen-sized type.

pyqtgraph's TextItem is a full QGraphicsItem per text (its own transform updates, bounding
rects and index entries), which costs milliseconds per frame for a few dozen bar labels. This
item keeps a list of (x, y, text) and paints them all at once, unscaled by the view.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui


class LabelsLayer(pg.GraphicsObject):
    def __init__(self, color="#222222", font=None, anchor=(0.5, 1.0), offset_px=(0, -2)):
        super().__init__()
        self._items = []  # (x, y, text)
        self._color = QtGui.QColor(color)
        self._font = font or QtGui.QFont()
        self._anchor = anchor
        self._offset = offset_px
        self._rect = QtCore.QRectF()
        self._static = {}  # text -> QStaticText: its glyph layout is made once, not per paint

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
        self.update()

    def _static_text(self, text):
        st = self._static.get(text)
        if st is None:
            if len(self._static) > 1024:  # bar values repeat ("0.25"); anything else is rare
                self._static.clear()
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.setPerformanceHint(QtGui.QStaticText.PerformanceHint.AggressiveCaching)
            st.prepare(QtGui.QTransform(), self._font)
            self._static[text] = st
        return st

    def boundingRect(self):
        # Generous in data units (texts are screen-sized); the view clips anything outside.
        return self._rect

    def paint(self, painter, *args):
        if not self._items:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(self._color)
        ascent = QtGui.QFontMetricsF(self._font).ascent()
        ax, ay = self._anchor
        dx, dy = self._offset
        for x, y, text in self._items:
            p = transform.map(QtCore.QPointF(x, y))
            st = self._static_text(text)
            # the text's baseline sits (1 - ay) * ascent below the anchor point
            painter.drawStaticText(QtCore.QPointF(p.x() - ax * st.size().width() + dx,
                                                  p.y() - ay * ascent + dy), st)
        painter.restore()


class FastBars(pg.BarGraphItem):
    """A BarGraphItem whose bounding rectangle is computed once per change, not per query.

    pyqtgraph recomputes it (pixel padding included) on every call, and the scene asks dozens
    of times per frame. The cache is dropped whenever the bars or the view's scale change.
    """

    _cached_rect = None

    def setOpts(self, **opts):
        self._cached_rect = None
        super().setOpts(**opts)

    def viewTransformChanged(self):
        self._cached_rect = None
        super().viewTransformChanged()

    def boundingRect(self):
        if self._cached_rect is None:
            self._cached_rect = super().boundingRect()
        return QtCore.QRectF(self._cached_rect)
