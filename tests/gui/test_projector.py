"""Readable at a glance (issue 12): fitted value axes, even bars, the decomposition's two
divergences, a press that selects, out-of-range input, mixture labels and presentation type.
Real QMouseEvents to the viewports (tests/uitools.py); pixels measured in grabs."""

from collections import Counter

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from uitools import _send, data_to_viewport, drag

FIT_KEY = "action_value_axis_fit"


@pytest.fixture
def small_window(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)
    w.resize(1024, 768)
    with qtbot.waitExposed(w):
        w.show()
    return w


def _settle(qtbot, chart):
    qtbot.waitUntil(lambda: not chart.gliding, timeout=3000)


def _y_top(chart):
    return chart.getPlotItem().vb.viewRange()[1][1]


def _runs_at(chart, y):
    """(colour, length) runs of the pixel row of a grab of `chart` at data height y."""
    img = chart.grab().toImage()
    scale = img.devicePixelRatio()
    vb = chart.getPlotItem().vb
    row = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(0, y))).y() * scale)
    left = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(-0.5, 0))).x() * scale)
    right = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(len(chart._labels) - 0.5, 0))).x() * scale)
    colours = [img.pixelColor(x, row).name() for x in range(max(0, left - 3), min(img.width(), right + 3))]
    runs, cur, k = [], colours[0], 0
    for c in colours:
        if c == cur:
            k += 1
        else:
            runs.append((cur, k))
            cur, k = c, 1
    runs.append((cur, k))
    return runs


def _bar_and_gap_widths(chart, y, bar_colours):
    runs = _runs_at(chart, y)
    first = next(i for i, (c, _) in enumerate(runs) if c in bar_colours)
    last = max(i for i, (c, _) in enumerate(runs) if c in bar_colours)
    inner = runs[first:last + 1]
    bars = [k for c, k in inner if c in bar_colours]
    gaps = [k for c, k in inner if c not in bar_colours]
    return bars, gaps


def _uniform_p(w, qtbot, n):
    """plot_p showing a uniform P over n categories, its axis settled."""
    w.model.set_categories(n)
    w.model.apply_preset("p", "uniform")
    chart = w.findChild(pg.PlotWidget, "plot_p")
    _settle(qtbot, chart)
    return chart


def _bar_colour(chart):
    return pg.mkBrush(chart._bars[0].opts["brush"]).color().name()


# -- 1. many categories: a fitted value axis, even gaps -----------------------------------------
@pytest.mark.parametrize("n", [3, 17, 64, 100])
def test_bars_and_gaps_are_even_at_every_count(small_window, qtbot, n):
    chart = _uniform_p(small_window, qtbot, n)
    bars, gaps = _bar_and_gap_widths(chart, 0.5 / n, {_bar_colour(chart)})
    assert len(bars) == n and len(gaps) == n - 1
    assert len(set(bars)) == 1, Counter(bars)
    assert len(set(gaps)) == 1, Counter(gaps)
    assert gaps[0] >= 1


def test_hundred_bars_at_1024_fill_the_value_axis(small_window, qtbot):
    w = small_window
    chart = _uniform_p(w, qtbot, 100)
    assert w.width() == 1024
    peak = float(np.max(w.model.discrete.p))
    top = _y_top(chart)
    # the tallest bar reaches at least half the axis (on 0-1 it would be 1/110 of it)
    assert peak <= top and peak / top > 0.5
    bars, gaps = _bar_and_gap_widths(chart, peak / 2, {_bar_colour(chart)})
    assert (len(bars), len(set(bars)), len(set(gaps))) == (100, 1, 1)
    print(f"100 bars at 1024 px: chart {chart.width()} px, bars {bars[0]} px, gaps {gaps[0]} px, "
          f"axis top {top:.4g} for peak {peak:.4g}")


def test_the_toggle_keeps_zero_to_one_and_is_remembered(small_window, qtbot):
    from klviz.gui import create_main_window

    w = small_window
    w.model.set_categories(100)
    chart = w.findChild(pg.PlotWidget, "plot_p")
    _settle(qtbot, chart)
    assert _y_top(chart) < 0.5
    act = w.findChild(QtGui.QAction, FIT_KEY)
    assert act.isCheckable() and act.isChecked()
    assert act in [a for m in w.menuBar().findChildren(QtWidgets.QMenu) for a in m.actions()]
    act.trigger()
    _settle(qtbot, chart)
    assert _y_top(chart) == pytest.approx(1.1)
    assert chart.getPlotItem().vb.viewRange()[1][0] == pytest.approx(-0.08)
    # the next window starts with the same choice
    w2 = create_main_window()
    qtbot.addWidget(w2)
    w2.model.set_categories(100)
    assert not w2.findChild(QtGui.QAction, FIT_KEY).isChecked()
    assert w2.findChild(pg.PlotWidget, "plot_p").value_top == 1.0
    act.trigger()
    _settle(qtbot, chart)
    assert _y_top(chart) < 0.5


def test_axis_holds_during_a_drag_and_glides_after_it(small_window, qtbot):
    w = small_window
    chart = _uniform_p(w, qtbot, 20)
    top0 = _y_top(chart)
    tops, held = [], []
    chart.getPlotItem().vb.sigYRangeChanged.connect(
        lambda _vb, r: (held if chart._dragging else tops).append(r[1]))
    drag(chart, 3, 0.02, 0.9 * top0 / 1.1 * 3)  # well above the axis: it must not move meanwhile
    assert held == []  # nothing moved while the bar was held (the cursor keeps its bar)
    p3 = w.model.discrete.p[3]
    assert p3 > top0
    _settle(qtbot, chart)
    assert _y_top(chart) >= p3
    # a glide, not a jump: several steps between, each going the same way
    assert len(tops) >= 3 and all(b > a for a, b in zip(tops, tops[1:]))
    # a small change within the axis moves nothing, during or after
    tops.clear()
    drag(chart, 3, p3, p3 * 0.9)
    _settle(qtbot, chart)
    assert tops == [] and held == []
