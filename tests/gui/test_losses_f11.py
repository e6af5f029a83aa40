"""The Losses tab in presentation mode (F11) at 1024×768 (issue 12: nothing clipped, elided or
overlapping): its panel tabs show their whole texts in French too (they wrap onto two lines
rather than scroll the last one out of sight), and the Bernoulli chart's tick labels do not
touch (labelled every 0.2 in presentation type, every 0.1 where there is room)."""

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from fit_check import fit_check, tab_problems
from klviz.gui.theme import Look, style_plot
from klviz.gui.widgets.fitting_tabs import FittingTabs, split_lines
from klviz.gui.widgets.still_plot import SpacedAxis

LOSSES_TABS = ["Bernoulli : entropie croisée binaire", "Catégorielle : entropie croisée softmax",
               "Normale : erreur quadratique"]


@pytest.mark.parametrize("french", [True, False], ids=["fr", "en"])
def test_the_losses_tab_fits_f11_at_1024x768(french):
    result = fit_check(1024, 768, tab="page_losses", french=french, ticks=True)
    assert result["full_screen"] and tuple(result["screen"][2:]) == (1024, 768)
    assert result["problems"] == {}


def _tabs(kind, texts, width, qtbot):
    tabs = kind()
    for text in texts:
        tabs.addTab(QtWidgets.QWidget(), text)
    f = tabs.font()
    f.setPointSizeF(14.4)  # presentation type at 1024×768
    tabs.setFont(f)
    tabs.resize(width, 300)
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    QtWidgets.QApplication.processEvents()
    return tabs


def test_the_tab_check_sees_a_tab_out_of_sight(qtbot):
    """A plain QTabWidget narrower than its tabs scrolls them (or elides them): the check says so;
    FittingTabs wraps the texts instead, and the check finds nothing."""
    plain = _tabs(QtWidgets.QTabWidget, LOSSES_TABS, 700, qtbot)
    found = tab_problems(plain.tabBar(), "tabs")
    assert any("out of sight" in p or "elided" in p for p in found), found
    plain.tabBar().setUsesScrollButtons(False)
    plain.tabBar().setElideMode(QtCore.Qt.TextElideMode.ElideRight)
    plain.resize(701, 300)
    QtWidgets.QApplication.processEvents()
    found = tab_problems(plain.tabBar(), "tabs")
    assert any("elided" in p for p in found), found

    fitting = _tabs(FittingTabs, LOSSES_TABS, 760, qtbot)
    assert fitting.lines() == 2
    assert tab_problems(fitting.tabBar(), "tabs") == []
    assert fitting.tabBar().tabText(0) == "Bernoulli :\nentropie croisée binaire"
    assert [fitting.tab_text(k) for k in range(3)] == LOSSES_TABS
    # a tab two lines tall: the bar is taller than one line's tab
    assert fitting.tabBar().tabRect(0).height() >= 2 * fitting.tabBar().fontMetrics().lineSpacing()

    # with room again, one line each
    fitting.resize(1200, 300)
    QtWidgets.QApplication.processEvents()
    assert fitting.lines() == 1 and fitting.tabBar().tabText(0) == LOSSES_TABS[0]
    assert tab_problems(fitting.tabBar(), "tabs") == []
    # narrower still: three lines, still whole
    fitting.resize(520, 300)
    QtWidgets.QApplication.processEvents()
    assert fitting.lines() == 3
    assert tab_problems(fitting.tabBar(), "tabs") == []


def test_split_lines():
    width = len
    assert split_lines("Bernoulli: binary cross-entropy", 2, width) == ["Bernoulli:", "binary cross-entropy"]
    assert split_lines("Normale : erreur quadratique", 2, width) == ["Normale :", "erreur quadratique"]
    # the widest line as narrow as can be, and a French colon never starts a line
    assert split_lines("Normale : erreur quadratique", 3, width) == ["Normale :", "erreur", "quadratique"]
    assert split_lines("aaaa bb cc dddd", 2, width) == ["aaaa bb", "cc dddd"]
    assert split_lines("word", 3, width) == ["word"]


def _drawn_labels(axis):
    """(centre in px along the axis, text) of each tick label the axis draws, as pyqtgraph lays
    them out (generateDrawSpecs), centres from the tick values (independent of the text rects)."""
    image = QtGui.QImage(10, 10, QtGui.QImage.Format.Format_ARGB32)
    painter = QtGui.QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((rect.center().x(), text) for rect, _, text in texts if text)


def _chart(axis_item, qtbot):
    plot = pg.PlotWidget(axisItems={"bottom": axis_item})
    qtbot.addWidget(plot)
    style_plot(plot, Look(scale=1.6))  # the presentation look at 1024×768: 14.4 pt ticks
    plot.resize(382, 306)  # the Bernoulli chart's size there
    plot.setXRange(0.0, 1.0, padding=0.0)
    plot.show()
    qtbot.waitExposed(plot)
    QtWidgets.QApplication.processEvents()
    return plot


def _gaps(axis):
    fm = QtGui.QFontMetricsF(axis.style["tickFont"])
    labels = _drawn_labels(axis)
    return labels, [(x1 - fm.horizontalAdvance(t1) / 2) - (x0 + fm.horizontalAdvance(t0) / 2)
                    for (x0, t0), (x1, t1) in zip(labels, labels[1:])]


def test_bernoulli_ticks_do_not_touch(qtbot):
    axis = SpacedAxis("bottom", finest=0.1)
    plot = _chart(axis, qtbot)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(14.4)
    labels, gaps = _gaps(axis)
    space = QtGui.QFontMetricsF(axis.style["tickFont"]).horizontalAdvance(" ")
    assert min(gaps) >= space, (labels, gaps)  # a space at least between neighbours
    # labelled every 0.2 (0 and 1.0 would stick out of the axis' ends: pyqtgraph leaves them
    # out); the grid and the unlabelled ticks still every 0.1
    assert [t for _, t in labels] == ["0.2", "0.4", "0.6", "0.8"], labels
    levels = axis.tickValues(0.0, 1.0, axis.width())
    assert [round(s, 9) for s, _ in levels] == [0.2, 0.1]

    # the chart as it was (a label every 0.1, fixed): the labels touched
    old = pg.AxisItem("bottom")
    old_plot = _chart(old, qtbot)
    old.setTicks([[(v / 10, f"{v / 10:g}") for v in range(11)], []])
    _, old_gaps = _gaps(old)
    assert old_plot.isVisible() and plot.isVisible()
    assert min(old_gaps) < space, old_gaps


def test_ticks_every_0_1_where_there_is_room(qtbot):
    axis = SpacedAxis("bottom", finest=0.1)
    plot = _chart(axis, qtbot)
    plot.resize(900, 306)
    QtWidgets.QApplication.processEvents()
    assert [round(s, 9) for s, _ in axis.tickValues(0.0, 1.0, axis.width())] == [0.1]
    _, gaps = _gaps(axis)
    assert min(gaps) > 0
