"""A pyqtgraph plot that only shows: no context menu, no auto-range button, no mouse panning."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets


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
    """A pyqtgraph axis that does not render its hidden label again on every change of range.

    With the SI prefix on (pyqtgraph's default), each new range works the prefix out and sets
    the label's HTML anew, shown or not: some 150 times over the Discrete tab's 16 axes before
    its first paint (about 10 ms). A hidden label's prefix is always none, so while it is hidden
    and has none the range only needs the new ticks, as with the prefix off; a shown label (and
    the first update once it is shown) works it out as pyqtgraph does.

    Cached (theme.cache_axes, as the charts are), it also paints straight to the cache and fills
    its translucent grid lines (fill_line): the same pixels, some 10 ms less of the first paint."""

    def updateAutoSIPrefix(self):
        if (not self.label.isVisible() and self.autoSIPrefixScale == 1.0
                and getattr(self, "labelUnitPrefix", "") == ""):
            self.picture = None  # what a new range does with the prefix off
            self.update()
            return
        super().updateAutoSIPrefix()

    def paint(self, p, opt, widget):
        """pyqtgraph's paint, straight to Qt's painter when the axis is cached (theme.cache_axes).

        pyqtgraph records the axis into a QPicture and replays it; a cached axis is painted only
        to redraw its pixmap, so the picture was recorded to be replayed once, and its replay
        hides the painter's transform that fill_line needs."""
        if self.cacheMode() == QtWidgets.QGraphicsItem.CacheMode.NoCache:
            super().paint(p, opt, widget)
            return
        p.save()
        if self.style["tickFont"]:
            p.setFont(self.style["tickFont"])
        specs = self.generateDrawSpecs(p)
        if specs is not None:
            self.drawPicture(p, *specs)
        p.restore()

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        """pyqtgraph's AxisItem.drawPicture (0.14), its tick and grid lines through fill_line."""
        p.setRenderHint(p.RenderHint.Antialiasing, False)
        p.setRenderHint(p.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for pen, p1, p2 in tickSpecs:
            fill_line(p, pen, p1, p2)
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)


def fill_line(p, pen, p1, p2):
    """p.setPen(pen); p.drawLine(p1, p2), the same pixels, faster for a translucent grid line.

    Qt's raster engine draws an unantialiased line of a translucent cosmetic pen a pixel at a
    time (about 0.1-0.2 ms for one grid line across a chart; the Discrete tab's first paint drew
    some 70); a horizontal or vertical one of a solid 1 px (or 0 px) square-capped pen covers
    the pixels from floor(start) to floor(end) of its row or column, which one fillRect blends
    alike (tests/gui/test_quiet_axis.py holds the two equal over random positions). Anything
    else (a QPicture being recorded, a rotated or scaled painter, a line under a pixel long)
    is drawn as before."""
    tr = p.transform()
    color = pen.color()
    x1, y1, x2, y2 = p1.x() + tr.dx(), p1.y() + tr.dy(), p2.x() + tr.dx(), p2.y() + tr.dy()
    if (color.alpha() < 255 and (x1 == x2 or y1 == y2) and max(abs(x2 - x1), abs(y2 - y1)) >= 1
            and tr.type().value <= QtGui.QTransform.TransformationType.TxTranslate.value
            and pen.isCosmetic() and pen.widthF() in (0.0, 1.0) and pen.style() == QtCore.Qt.PenStyle.SolidLine
            and pen.capStyle() == QtCore.Qt.PenCapStyle.SquareCap
            and pen.brush().style() == QtCore.Qt.BrushStyle.SolidPattern
            and not p.testRenderHint(p.RenderHint.Antialiasing) and p.opacity() == 1.0
            and p.compositionMode() == QtGui.QPainter.CompositionMode.CompositionMode_SourceOver
            and p.paintEngine().type() == QtGui.QPaintEngine.Type.Raster):
        left, right = sorted((math.floor(x1), math.floor(x2)))
        top, bottom = sorted((math.floor(y1), math.floor(y2)))
        p.resetTransform()
        p.fillRect(QtCore.QRect(left, top, right - left + 1, bottom - top + 1), color)
        p.setTransform(tr)
        return
    p.setPen(pen)
    p.drawLine(p1, p2)


def quiet_axes():
    """axisItems for a PlotWidget or PlotItem: a QuietAxis on each side. pyqtgraph shows every
    axis it is given: hide_spare_axes(plot_item) then hides the top and right ones again, as
    they are by default."""
    return {side: QuietAxis(side) for side in ("left", "bottom", "right", "top")}


def hide_spare_axes(plot_item):
    plot_item.hideAxis("top")
    plot_item.hideAxis("right")
