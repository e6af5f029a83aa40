"""Issue 12, many categories: the bar charts' columns use the view's width (whole pixels, so the
gaps stay even), both charts fit exactly their n columns whenever n changes, and the category
names under them never run together, at any count and width."""

import math

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.core.labels import default_labels as names  # A, B, …, Z, AA, … (the tab's own)
from klviz.gui.widgets.bar_chart import BarChart, Series


def expected_px(n, width):
    """Brute force: the widest whole-pixel columns for which n columns and a margin each side of
    2% of the count (at most half a column) fit in `width` pixels."""
    margin = min(0.02 * n, 0.5)
    best = 1
    for px in range(1, int(width) + 1):
        if n * px + 2 * margin * px <= width + 1e-9:
            best = px
    return best


def assert_fits_columns(chart, n):
    vb = chart.getPlotItem().vb
    width = vb.width()
    lo, hi = vb.viewRange()[0]
    px = width / (hi - lo)  # pixels per data unit: per column
    assert px == pytest.approx(round(px), abs=1e-6), (chart.objectName(), n, px)
    px = round(px)
    assert px == expected_px(n, width), (chart.objectName(), n, width, lo, hi)
    # all n columns in view, the room left over shared evenly left and right (to a pixel)
    left, right = (-0.5 - lo) * px, (hi - (n - 0.5)) * px
    assert left >= min(0.02 * n, 0.5) * px - 1e-6 and right >= min(0.02 * n, 0.5) * px - 1e-6
    assert abs(left - right) < 2, (left, right)  # (the view's width need not be whole pixels)


def test_both_charts_fit_the_n_columns_every_time_n_changes(window):
    page = window.page_discrete
    window.tabs.setCurrentWidget(page)
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    charts = [window.findChild(pg.PlotWidget, "plot_p"), window.findChild(pg.PlotWidget, "plot_q")]
    for n in (4, 10, 30, 60, 100):
        spin.setValue(n)
        for _ in range(5):
            QtWidgets.QApplication.processEvents()
        assert window.model.discrete.n == n
        for chart in charts:
            assert_fits_columns(chart, n)
        if charts[0].getPlotItem().vb.width() == charts[1].getPlotItem().vb.width():
            assert charts[0].getPlotItem().vb.viewRange()[0] == charts[1].getPlotItem().vb.viewRange()[0]
    # at 100 categories (the audit: 3 px columns filling 73% of a 413 px view) the bars fill the view
    vb = charts[1].getPlotItem().vb
    lo, hi = vb.viewRange()[0]
    assert 100 / (hi - lo) >= 0.95, (lo, hi, vb.width())


@pytest.fixture
def chart(qtbot):
    """A chart in a plain window, as in the app (closing a top-level PlotWidget drops its plot
    item while events may still reach it)."""
    host = QtWidgets.QWidget()
    qtbot.addWidget(host)
    c = BarChart([Series("P", "#0072B2")], title="P", parent=host)
    host.resize(1500, 300)
    yield c


def visible_tick_boxes(chart, font):
    """(left, right) pixel extents of the category names the bottom axis shows in view, measured
    with the axis' font the way it lays a tick string out (centred on its tick)."""
    axis = chart.getPlotItem().getAxis("bottom")
    vb = chart.getPlotItem().vb
    lo, hi = vb.viewRange()[0]
    fm = QtGui.QFontMetricsF(font)
    boxes = []
    for x, text in axis._tickLevels[0]:
        if lo <= x <= hi:
            centre = vb.mapViewToScene(QtCore.QPointF(x, 0)).x()
            w = fm.boundingRect(QtCore.QRectF(0, 0, 100, 100), QtCore.Qt.AlignmentFlag.AlignCenter, text).width()
            boxes.append((centre - w / 2, centre + w / 2, text))
    return boxes


@pytest.mark.parametrize("labels", [names(100), [f"cat {i}" for i in range(100)]], ids=["AB", "long"])
@pytest.mark.parametrize("points", [9.0, 14.0])
def test_tick_names_never_overlap_at_100_categories(qtbot, chart, labels, points):
    font = QtGui.QFont(chart.font())
    font.setPointSizeF(points)
    chart.getPlotItem().getAxis("bottom").setStyle(tickFont=font)
    chart.set_data(labels, [[1 / 100] * 100])  # (before it shows: no glide left running at the end)
    chart.setGeometry(0, 0, 400, 300)
    with qtbot.waitExposed(chart.parentWidget()):
        chart.parentWidget().show()
    seen_steps = set()
    for width in [*range(400, 1401, 25), 407, 413, 421, 429, 1399]:
        chart.setGeometry(0, 0, width, 300)
        for _ in range(3):
            QtWidgets.QApplication.processEvents()
        boxes = visible_tick_boxes(chart, font)
        assert len(boxes) >= 2, width
        for (_, right, a), (left, _, b) in zip(boxes, boxes[1:]):
            assert right < left, (width, a, b, right, left)
        seen_steps.add(len(boxes))
        assert_fits_columns(chart, 100)
    assert len(seen_steps) > 1  # the step follows the width (wider: more names)


def test_tick_names_follow_a_new_font(qtbot, chart):
    """The theme sets the tick font after the data: the names are spaced for the font drawn."""
    chart.set_data(names(100), [[1 / 100] * 100])
    chart.setGeometry(0, 0, 600, 300)
    with qtbot.waitExposed(chart.parentWidget()):
        chart.parentWidget().show()
    QtWidgets.QApplication.processEvents()
    font = QtGui.QFont(chart.font())
    font.setPointSizeF(20.0)
    chart.getPlotItem().getAxis("bottom").setStyle(tickFont=font)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    boxes = visible_tick_boxes(chart, font)
    assert len(boxes) >= 2
    for (_, right, a), (left, _, b) in zip(boxes, boxes[1:]):
        assert right < left, (a, b, right, left)
