"""The Losses tab on a short screen in large type (issue 12, "Fit any screen"; 960×540 in
presentation type, tests/gui/test_screens.py holds the fit itself): the Normal panel's halves
stack, each with its readouts beside its chart, and show one at a time (an accordion); the
Categorical panel folds its logits chart behind the softmax caption's arrow; the intro gives way.
With room again everything opens and stands side by side as before."""

import pytest
from PySide6 import QtCore, QtWidgets

SHORT = (960, 540)
LARGE = (1700, 1000)


def _losses_window(qtbot, size, zoom=0.0):
    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)
    w.resize(*size)
    with qtbot.waitExposed(w):
        w.show()
    if zoom:
        w.presentation.zoom(zoom)
    w.tabs.setCurrentWidget(w.page_losses)
    qtbot.waitUntil(lambda: w.page_losses.is_built)
    return w


@pytest.fixture
def window(qtbot):
    return _losses_window(qtbot, SHORT, zoom=0.6)  # the type of presentation mode (1.6), 960×540


def _in_view(scroll, widget):
    top_left = widget.mapTo(scroll.viewport(), QtCore.QPoint(0, 0))
    return widget.isVisible() and scroll.viewport().rect().contains(QtCore.QRect(top_left, widget.size()))


def _fits(scroll):
    return (scroll.widget().height() <= scroll.viewport().height()
            and not scroll.verticalScrollBar().isVisible() and not scroll.horizontalScrollBar().isVisible())


def _grow(qtbot, window):
    window.presentation.zoom_reset()
    window.resize(*LARGE)
    qtbot.waitUntil(lambda: window.size() == QtCore.QSize(*LARGE))


def test_the_normal_halves_stack_and_open_one_at_a_time_on_a_short_page(qtbot, window):
    page = window.page_losses
    panel = page.normal
    page.panels.setCurrentWidget(panel)
    scroll = panel.page_scroll
    point, data = panel.point_part, panel.data_part
    qtbot.waitUntil(lambda: panel.charts.stacked() and point.expanded() and not data.expanded() and _fits(scroll))
    qtbot.waitUntil(lambda: _in_view(scroll, panel.plot_nll))
    assert all(h.across() for h in panel.charts.halves())  # readouts beside the charts
    assert not page.intro.isVisible()
    assert page.panels.tabBar().toolTip() == page.intro.text()
    for w in (panel.plot_nll, *panel.point_readouts.values.values(), panel.key_nll_caption, data.folded_title, data.button):
        assert _in_view(scroll, w), w.objectName()
    # the point's readout beside its chart, not under it
    chart_right = panel.plot_nll.mapTo(panel, QtCore.QPoint(panel.plot_nll.width(), 0)).x()
    assert panel.point_readouts.mapTo(panel, QtCore.QPoint(0, 0)).x() >= chart_right
    data.button.click()  # the user opens the data set: the other half folds
    qtbot.waitUntil(lambda: data.expanded() and not point.expanded() and _fits(scroll))
    shown = (panel.plot_data, *panel.data_readouts.values.values(), panel.hint_caption, point.folded_title)
    qtbot.waitUntil(lambda: all(_in_view(scroll, w) for w in shown))  # once laid out
    point.button.click()  # and back
    qtbot.waitUntil(lambda: point.expanded() and not data.expanded() and _fits(scroll))

    _grow(qtbot, window)  # room again: side by side, both open, no arrows
    qtbot.waitUntil(lambda: not panel.charts.stacked() and point.expanded() and data.expanded())
    assert not any(h.across() for h in panel.charts.halves())
    assert not point.button.isVisible() and not data.button.isVisible()
    assert page.intro.isVisible() and not panel.hint_caption.isVisible() and panel.key_nll.isVisible()
    shown = (panel.plot_nll, panel.plot_data, *panel.point_readouts.values.values(),
             *panel.data_readouts.values.values())
    qtbot.waitUntil(lambda: all(_in_view(scroll, w) for w in shown))


def test_the_categorical_logits_chart_folds_on_a_short_page_and_opens_with_room(qtbot, window):
    page = window.page_losses
    panel = page.categorical
    page.panels.setCurrentWidget(panel)
    scroll = panel.page_scroll
    part = panel.logits_part
    qtbot.waitUntil(lambda: not part.expanded() and _fits(scroll))
    qtbot.waitUntil(lambda: _in_view(scroll, panel.plot_probs))
    assert not panel.plot_logits.isVisible()
    assert part.caption.isVisible() and _in_view(scroll, part.button)  # the softmax caption stays, with its arrow
    assert panel.plot_probs.height() >= 150
    for w in (panel.plot_probs, *panel.readouts.values.values()):
        assert _in_view(scroll, w), w.objectName()
    # the caption sits under the chart it folds (no line of its own above it)
    part.button.click()
    qtbot.waitUntil(part.expanded)
    assert panel.plot_logits.mapTo(part, QtCore.QPoint(0, 0)).y() < part.caption.mapTo(part, QtCore.QPoint(0, 0)).y()
    part.button.click()
    qtbot.waitUntil(lambda: not part.expanded())

    part.chosen = False  # (the user's choice would hold: as the page decided it)
    part.folded_by_page = True
    _grow(qtbot, window)
    qtbot.waitUntil(part.expanded)
    qtbot.waitUntil(lambda: _in_view(scroll, panel.plot_logits) and _in_view(scroll, panel.plot_probs))


def _wholly_shown(w):
    return w.isVisible() and w.visibleRegion().boundingRect().size() == w.size()


def test_two_classes_on_a_short_page_show_their_bernoulli_value_in_view(qtbot, window):
    """The two-class value (a readout) comes right under the readouts, before the note: the side
    column's top is what a short page shows."""
    page = window.page_losses
    panel = page.categorical
    page.panels.setCurrentWidget(panel)
    panel.spin_classes.setValue(2)
    qtbot.waitUntil(lambda: panel.binary_box.isVisible() and _fits(panel.page_scroll))
    qtbot.waitUntil(lambda: all(_wholly_shown(w) for w in (panel.binary_value, *panel.readouts.values.values())))


def test_at_800_by_600_in_normal_type_both_categorical_charts_show(qtbot):
    """Folding is for pages too short for both charts: 800×600 in normal type is not one."""
    w = _losses_window(qtbot, (800, 600))
    panel = w.page_losses.categorical
    w.page_losses.panels.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: _in_view(panel.page_scroll, panel.plot_probs))
    qtbot.wait(100)  # the page has decided what to fold
    assert panel.logits_part.expanded()
    qtbot.waitUntil(lambda: all(_in_view(panel.page_scroll, c) for c in (panel.plot_logits, panel.plot_probs)))
    assert w.page_losses.intro.isVisible()
