"""QuietAxis (klviz.gui.widgets.still_plot) fills its grid and tick lines as pixel rows and
columns instead of stroking them (start-up, issue 12): what it draws must be what pyqtgraph's
AxisItem draws, pixel for pixel. The references here are Qt's own line drawing and a plain
pg.AxisItem set up the same way, rendered side by side into images: in both themes, high
contrast and presentation mode (a pen over 1 px: drawn as lines), with grids of few and of many
lines (log axes), at fractional device offsets, scaled (HiDPI), rotated (drawn as lines), into a
device-coordinate cache, and with pens the fills do not reproduce (dashed, wide)."""

import random

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import theme
from klviz.gui.widgets import still_plot
from klviz.gui.widgets.still_plot import QuietAxis, SpacedAxis, aliased_line_pixels

SIDES = ("left", "bottom", "right", "top")
FORMATS = (QtGui.QImage.Format.Format_ARGB32_Premultiplied, QtGui.QImage.Format.Format_RGB32,
           QtGui.QImage.Format.Format_ARGB32, QtGui.QImage.Format.Format_RGB888, QtGui.QImage.Format.Format_RGB16)

BACKGROUNDS = (QtGui.QColor(250, 244, 236), QtGui.QColor(0, 0, 0, 0), QtGui.QColor(20, 30, 60, 128))


# -- the rule, against Qt's own drawing ------------------------------------------------------

def _coordinate(rng):
    """A device coordinate, often on or next to a pixel edge, centre or 1/64 step."""
    whole = rng.randint(-3, 40)
    return whole + rng.choice([rng.random(), 0.0, 0.5, 0.25, 1 / 64, 63 / 64, 31 / 64, 33 / 64,
                               1e-9, -1e-9, 0.5 + 1e-9, 0.5 - 1e-9, -0.01])


@pytest.mark.parametrize("cap", [QtCore.Qt.PenCapStyle.SquareCap, QtCore.Qt.PenCapStyle.FlatCap])
@pytest.mark.parametrize("image_format", FORMATS)
def test_the_pixels_of_an_aliased_line_are_those_qt_sets(qtbot, cap, image_format):
    """aliased_line_pixels, filled in the pen's colour, gives the image Qt's drawLine gives (a
    translucent cosmetic 1-px pen, antialiasing off), for rows and columns anywhere on a pixel,
    over opaque, transparent and translucent pixels (an export's background may be none)."""
    rng = random.Random(12)
    color = QtGui.QColor(40, 90, 200, 61)
    pen = QtGui.QPen(color, 1.0)
    pen.setCosmetic(True)
    pen.setCapStyle(cap)
    known = 0
    for _ in range(1500):
        across, a, b = _coordinate(rng), _coordinate(rng), _coordinate(rng)
        x1, y1, x2, y2 = (across, a, across, b) if rng.random() < 0.5 else (a, across, b, across)
        drawn = QtGui.QImage(48, 48, image_format)
        drawn.fill(rng.choice(BACKGROUNDS))
        filled = QtGui.QImage(drawn)
        painter = QtGui.QPainter(drawn)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        painter.drawLine(QtCore.QPointF(x1, y1), QtCore.QPointF(x2, y2))
        painter.end()
        pixels = aliased_line_pixels(x1, y1, x2, y2, cap == QtCore.Qt.PenCapStyle.SquareCap)
        if pixels is None:  # not a row or column in 26.6 fixed point (a == b): not claimed
            assert int(a * 64) == int(b * 64)
            continue
        known += 1
        if pixels:
            painter = QtGui.QPainter(filled)
            painter.fillRect(QtCore.QRect(*pixels), color)
            painter.end()
        assert filled == drawn, (x1, y1, x2, y2, pixels)
    assert known > 1400


def test_what_is_not_a_row_or_column_is_not_claimed():
    assert aliased_line_pixels(3.0, 4.0, 10.0, 5.0) is None  # slanted
    assert aliased_line_pixels(3.0, 4.0, 3.0, 4.0) is None  # a point
    assert aliased_line_pixels(3.0, float("nan"), 3.0, 9.0) is None
    assert aliased_line_pixels(3.0, 0.0, 3.0, 1e9) is None  # Qt clips it first
    assert aliased_line_pixels(3.2, 4.7, 3.2, 9.1) == (3, 4, 1, 6)
    assert aliased_line_pixels(3.2, 4.7, 3.2, 9.1, square=False) == (3, 5, 1, 4)
    assert aliased_line_pixels(3.0, 4.6, 3.0, 4.9, square=False) == ()  # Qt sets no pixel


# -- whole charts, against pyqtgraph's AxisItem ------------------------------------------------

class StockSpaced(SpacedAxis):
    """SpacedAxis's ticks, drawn by pyqtgraph's own paint."""
    paint = pg.AxisItem.paint


def _chart(qtbot, axis_class, look, size, x_range, y_range, log_x=False, all_sides=False, grid=0.25):
    plot = pg.PlotWidget(background=None, enableMenu=False,
                         axisItems={side: axis_class(side) for side in SIDES})
    qtbot.addWidget(plot)
    pi = plot.getPlotItem()
    if not all_sides:
        still_plot.hide_spare_axes(pi)
    pi.hideButtons()
    pi.showGrid(x=bool(grid), y=bool(grid), alpha=grid or None)
    theme.style_plot(plot, look)
    if log_x:
        pi.setLogMode(x=True)
    pi.setXRange(*x_range, padding=0)
    pi.setYRange(*y_range, padding=0.02)
    plot.resize(*size)
    with qtbot.waitExposed(plot):
        plot.show()
    _settle(plot)
    return plot


def _settle(plot):
    """Paint until the layout holds: an axis sizes itself to its tick texts as it paints."""
    for _ in range(3):
        plot.grab()
        QtWidgets.QApplication.processEvents()


def _axes(plot):
    return [item for item in plot.items() if isinstance(item, pg.AxisItem) and item.isVisible()]


def _filled(plot):
    """How many grid or tick lines the chart's QuietAxes filled at their last paint."""
    return sum(rect is not None for axis in _axes(plot) if isinstance(axis.picture, still_plot._FilledAxis)
               for rect, *_ in axis.picture._fills[1])


def _pair(qtbot, *args, quiet=QuietAxis, stock=pg.AxisItem, **kw):
    return _chart(qtbot, stock, *args, **kw), _chart(qtbot, quiet, *args, **kw)


LOOKS = {"light": theme.Look(), "dark": theme.Look(dark=True),
         "contrast": theme.Look(dark=True, high_contrast=True), "presentation": theme.Look(scale=1.5)}
CHARTS = {  # size, x range, y range, options
    "unit": ((317, 203), (0, 1), (0, 1), {}),
    "tiny values": ((640, 481), (0, 0.004), (-3e-7, 1e-6), {"all_sides": True}),
    "large values": ((901, 617), (-2.5e6, 3.3e6), (0, 123.4), {}),
    "log, many lines": ((877, 455), (-3, 4), (0, 100), {"log_x": True, "all_sides": True}),
    "fine grid": ((1013, 700), (0, 100), (0, 0.37), {"grid": 0.6}),
}


@pytest.mark.parametrize("look", LOOKS, ids=list(LOOKS))
@pytest.mark.parametrize("chart", CHARTS, ids=list(CHARTS))
def test_a_chart_with_quiet_axes_is_the_chart_pyqtgraph_draws(qtbot, look, chart):
    size, x_range, y_range, options = CHARTS[chart]
    stock, quiet = _pair(qtbot, LOOKS[look], size, x_range, y_range, **options)
    assert quiet.grab().toImage() == stock.grab().toImage()
    if look == "presentation":  # a 1.5 px pen: every line drawn by Qt, as pyqtgraph draws it
        assert _filled(quiet) == 0
    else:  # the fills were used, for every line here (else the comparison shows nothing)
        assert _filled(quiet) == sum(len(axis.picture.ticks) for axis in _axes(quiet)) > 8


def test_spaced_axes_draw_as_pyqtgraph_would(qtbot):
    stock, quiet = _pair(qtbot, theme.Look(), (700, 300), (0, 1), (0, 1), quiet=SpacedAxis, stock=StockSpaced)
    for plot in (stock, quiet):
        plot.getPlotItem().setXRange(-0.03, 1.03, padding=0)
        _settle(plot)
    assert quiet.grab().toImage() == stock.grab().toImage() and _filled(quiet) > 8


def _render(plot, transform, image_format, size):
    image = QtGui.QImage(*size, image_format)
    image.fill(QtGui.QColor(236, 240, 247))
    painter = QtGui.QPainter(image)
    painter.setTransform(transform)
    rect = QtCore.QRectF(plot.viewport().rect())
    plot.scene().render(painter, rect, plot.mapToScene(plot.viewport().rect()).boundingRect())
    painter.end()
    return image


TRANSFORMS = {  # name: transform, drawn with fills
    "offset 0.37, 0.61": (QtGui.QTransform.fromTranslate(0.37, 0.61), True),
    "offset 0.5, 0.5": (QtGui.QTransform.fromTranslate(0.5, 0.5), True),
    "offset 0.9999, 0.015625": (QtGui.QTransform.fromTranslate(0.9999, 0.015625), True),
    "offset 3, 7": (QtGui.QTransform.fromTranslate(3, 7), True),
    "HiDPI 1.25": (QtGui.QTransform.fromScale(1.25, 1.25), True),
    "HiDPI 1.5, offset": (QtGui.QTransform.fromScale(1.5, 1.5) * QtGui.QTransform.fromTranslate(0.3, 0.2), True),
    "HiDPI 2": (QtGui.QTransform.fromScale(2, 2), True),
    "rotated": (QtGui.QTransform().translate(640, 0).rotate(90), False),
    "mirrored": (QtGui.QTransform(-1, 0, 0, 1, 700, 0), False),
}


@pytest.mark.parametrize("image_format", FORMATS)
def test_at_any_offset_scale_or_turn_the_same_pixels(qtbot, image_format):
    """The same axes painted again and again under other transforms: fills worked out afresh
    for each (not those of the last), lines where fills would not be exact."""
    stock, quiet = _pair(qtbot, theme.Look(), (600, 400), (-3, 4), (0, 1), log_x=True, all_sides=True)
    for name, (transform, fills) in TRANSFORMS.items():
        size = (1300, 1000)
        assert _render(quiet, transform, image_format, size) == _render(stock, transform, image_format, size), name
        assert (_filled(quiet) > 8) == fills, name


def test_in_a_device_coordinate_cache_the_same_pixels(qtbot):
    """Presentation mode keeps each axis as a pixmap (theme.cache_axes)."""
    stock, quiet = _pair(qtbot, theme.Look(dark=True), (640, 420), (0, 0.5), (0, 3))
    for plot in (stock, quiet):
        theme.cache_axes(plot)
        plot.getPlotItem().setYRange(0, 7.5, padding=0)
        _settle(plot)
    assert quiet.grab().toImage() == stock.grab().toImage() and _filled(quiet) > 8


@pytest.mark.parametrize("pen", ["dashed", "wide", "flat", "zero width", "not cosmetic"])
def test_tick_pens_of_every_kind(qtbot, pen):
    """Pens the fills reproduce (flat caps, width 0) are filled; others (dashed, 2 px, not
    cosmetic) drawn as lines; the picture is pyqtgraph's either way."""
    pens = {"dashed": pg.mkPen("#3060c0", style=QtCore.Qt.PenStyle.DashLine),
            "wide": pg.mkPen("#3060c0", width=2), "flat": pg.mkPen("#3060c0"),
            "zero width": pg.mkPen("#3060c0", width=0), "not cosmetic": pg.mkPen("#3060c0", cosmetic=False)}
    tick_pen = pens[pen]
    if pen == "flat":
        tick_pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    stock, quiet = _pair(qtbot, theme.Look(), (500, 350), (0, 10), (-1, 1))
    for plot in (stock, quiet):
        for side in ("left", "bottom"):
            plot.getPlotItem().getAxis(side).setTickPen(tick_pen)
        _settle(plot)
    assert quiet.grab().toImage() == stock.grab().toImage()
    assert (_filled(quiet) > 8) == (pen in ("flat", "zero width"))
