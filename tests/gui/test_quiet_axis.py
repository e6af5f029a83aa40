"""QuietAxis (klviz.gui.widgets.still_plot): the Discrete tab's charts skip pyqtgraph's label
re-render on every range change while an axis's label is hidden (start-up, issue 12). What an
axis shows must be pyqtgraph's own: the same tick texts, and the same label, SI prefix included,
once the label is shown, whatever ranges came before."""

import pyqtgraph as pg
import pytest

from klviz.gui.widgets.still_plot import QuietAxis


def _shown(axis):
    """What the axis puts on screen: its tick texts for its range, and its label if shown."""
    lo, hi = axis.range
    ticks = [axis.tickStrings(values, axis.scale * axis.autoSIPrefixScale, spacing)
             for spacing, values in axis.tickValues(lo, hi, 400)]
    label = axis.label.toHtml() if axis.label.isVisible() else None
    return ticks, axis.autoSIPrefixScale, axis.labelUnitPrefix, label


@pytest.mark.parametrize("ranges", [[(0, 0.004), (0, 0.5)], [(0, 3e9), (-2, 7)], [(0, 1e-7)]])
@pytest.mark.parametrize("units", ["", "nats"])
def test_a_quiet_axis_shows_what_a_pyqtgraph_axis_shows(qtbot, ranges, units):
    stock, quiet = pg.AxisItem("bottom"), QuietAxis("bottom")
    for lo, hi in ranges:  # label hidden: no prefix, as pyqtgraph's
        for axis in (stock, quiet):
            axis.setRange(lo, hi)
        assert _shown(quiet) == _shown(stock)
    for axis in (stock, quiet):  # shown: the prefix of the current range, as pyqtgraph's
        axis.setLabel("value", units=units or None)
    assert _shown(quiet) == _shown(stock) and quiet.label.isVisible()
    for lo, hi in reversed(ranges):
        for axis in (stock, quiet):
            axis.setRange(lo, hi)
        assert _shown(quiet) == _shown(stock)
    for axis in (stock, quiet):  # hidden again after a prefix: back to none
        axis.showLabel(False)
        axis.setRange(0, 0.25)
    assert _shown(quiet) == _shown(stock)


def test_a_quiet_axis_skips_the_hidden_label(qtbot, monkeypatch):
    """The point of it: a range change with the label hidden does not set its HTML."""
    quiet = QuietAxis("left")
    calls = []
    monkeypatch.setattr(quiet.label, "setHtml", lambda html: calls.append(html))
    for k in range(10):
        quiet.setRange(0, 1 + k)
    assert calls == [] and quiet.picture is None


# -- the grid lines: filled where Qt would draw them a pixel at a time (start-up's first paint) --

def _line_image(draw, fmt, translate):
    from PySide6 import QtCore, QtGui

    image = QtGui.QImage(140, 140, fmt)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    p = QtGui.QPainter(image)
    p.translate(*translate)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
    draw(p)
    p.end()
    return image


def _coordinate(rng):
    """Chart coordinates as a layout makes them, with the cases that round: integers, halves,
    values a hair either side of those, and plain fractions."""
    import math

    x = rng.uniform(5, 120)
    kind = rng.random()
    hair = rng.choice([-1, 1]) * rng.choice([1e-6, 1e-4, 0.003, 0.008, 0.016, 0.02])
    if kind < 0.25:
        return float(round(x)) + (hair if rng.random() < 0.5 else 0.0)
    if kind < 0.5:
        return math.floor(x) + 0.5 + (hair if rng.random() < 0.5 else 0.0)
    if kind < 0.6:
        return round(x * 64) / 64
    return x


@pytest.mark.parametrize("fmt", ["Format_ARGB32_Premultiplied", "Format_RGB32"])
def test_a_filled_grid_line_covers_the_pixels_drawLine_does(qtbot, fmt):
    """fill_line's rule (floor of each end, both ends in) against Qt's own line, over random
    lines, pens and painter offsets: the same image, pixel for pixel."""
    import random

    from PySide6 import QtCore, QtGui

    from klviz.gui.widgets.still_plot import fill_line

    rng = random.Random(12)
    fmt = getattr(QtGui.QImage.Format, fmt)
    for _ in range(1500):
        translate = tuple(rng.choice([0.0, 1.0, rng.uniform(0, 3)]) for _ in range(2))
        a, b, c = _coordinate(rng), _coordinate(rng), _coordinate(rng)
        if abs(a - b) < 1:  # drawn as before: Qt's lines under a pixel long follow other rules
            continue
        p1, p2 = ((QtCore.QPointF(a, c), QtCore.QPointF(b, c)) if rng.random() < 0.5
                  else (QtCore.QPointF(c, a), QtCore.QPointF(c, b)))
        pen = QtGui.QPen(QtGui.QColor(34, 60, 200, rng.choice([20, 63, 128, 254])))
        pen.setCosmetic(True)
        pen.setWidthF(rng.choice([0.0, 1.0]))

        def qt(p):
            p.setPen(pen)
            p.drawLine(p1, p2)

        ours = _line_image(lambda p: fill_line(p, pen, p1, p2), fmt, translate)
        assert ours == _line_image(qt, fmt, translate), (translate, p1, p2, pen.widthF())


def test_fill_line_fills_only_what_it_may(qtbot, monkeypatch):
    """Opaque, slanted, dashed, wide or antialiased lines, and a scaled painter, go to drawLine."""
    from PySide6 import QtCore, QtGui

    from klviz.gui.widgets.still_plot import fill_line

    filled = []
    monkeypatch.setattr(QtGui.QPainter, "fillRect", lambda p, *args: filled.append(args))
    image = QtGui.QImage(50, 50, QtGui.QImage.Format.Format_ARGB32_Premultiplied)

    def pen(alpha=63, width=1.0, style=QtCore.Qt.PenStyle.SolidLine):
        pen = QtGui.QPen(QtGui.QColor(0, 0, 0, alpha), width, style)
        pen.setCosmetic(True)
        return pen

    across = (QtCore.QPointF(2.5, 10), QtCore.QPointF(40, 10))
    cases = [(pen(alpha=255), across, None), (pen(), (QtCore.QPointF(2, 3), QtCore.QPointF(40, 10)), None),
             (pen(style=QtCore.Qt.PenStyle.DashLine), across, None), (pen(width=2.0), across, None),
             (pen(), across, "antialiased"), (pen(), across, "scaled"), (pen(), across, "fill")]
    for line_pen, (p1, p2), painter_state in cases:
        p = QtGui.QPainter(image)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, painter_state == "antialiased")
        if painter_state == "scaled":
            p.scale(2, 2)
        filled.clear()
        fill_line(p, line_pen, p1, p2)
        p.end()
        assert bool(filled) == (painter_state == "fill"), (line_pen, p1, p2, painter_state)


def test_a_cached_quiet_axis_paints_its_grid_as_pyqtgraph_does(qtbot, monkeypatch):
    """The Discrete tab's axes, cached (theme.cache_axes) with a grid: painted straight to the
    cache, grid lines filled, the chart's image is pyqtgraph's own, and the lines were filled."""
    from PySide6 import QtGui

    from klviz.gui.theme import cache_axes
    from klviz.gui.widgets.still_plot import hide_spare_axes, quiet_axes

    images = []
    fills = []
    fill_rect = QtGui.QPainter.fillRect
    for axes in ({}, quiet_axes()):
        plot = pg.PlotWidget(background="w", axisItems=axes or None)
        qtbot.addWidget(plot)
        hide_spare_axes(plot.getPlotItem())
        plot.getPlotItem().showGrid(x=True, y=True, alpha=0.25)
        plot.setXRange(-0.37, 5.3, padding=0)
        plot.setYRange(0, 0.613, padding=0)
        cache_axes(plot)
        plot.resize(433, 287)
        monkeypatch.setattr(QtGui.QPainter, "fillRect", lambda p, *a: (fills.append(axes != {}), fill_rect(p, *a))[1])
        images.append(plot.grab().toImage())
        monkeypatch.undo()
    assert images[0] == images[1]
    assert fills.count(True) >= 10  # the quiet axes' grid lines went the fast way
