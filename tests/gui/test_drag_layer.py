"""Every chart whose marks are dragged uses the one drag layer (issue 13), with the same column rule."""

import pytest


def test_bar_charts_and_drag_plots_share_one_drag_layer(qtbot):
    from klviz.gui.widgets.bar_chart import BarChart, Series
    from klviz.gui.widgets.drag_layer import DragLayer, KeyboardSelection
    from klviz.gui.widgets.drag_plot import DragPlot, LogitChart

    charts = [BarChart([Series("P", "#0072B2")]), DragPlot((0.0, 1.0), (0.0, 1.0)), LogitChart("#0072B2")]
    for chart in charts:
        qtbot.addWidget(chart)
        assert type(chart._layer) is DragLayer
    assert isinstance(charts[0], KeyboardSelection) and isinstance(charts[2], KeyboardSelection)


@pytest.mark.parametrize("x,n,column", [
    (-0.5, 3, 0), (-0.5000001, 3, None), (0.4999999, 3, 0), (0.5, 3, 1), (2.4999, 3, 2), (2.5, 3, None),
    (0.0, 0, None),
])
def test_a_column_owns_the_half_open_slot_around_its_centre(x, n, column):
    from klviz.gui.widgets.drag_layer import column_at

    assert column_at(x, n) == column


def test_the_bar_charts_drag_layer_covers_every_column_and_the_value_axis(qtbot):
    from klviz.gui.widgets.bar_chart import BarChart, Series

    chart = BarChart([Series("P", "#0072B2")])
    qtbot.addWidget(chart)
    chart.set_value_fit(False)
    chart.set_data(["a", "b", "c", "d"], [[0.1, 0.2, 0.3, 0.4]])
    rect = chart._layer.boundingRect()
    assert (rect.left(), rect.right()) == (-0.5, 3.5)
    assert rect.top() < -0.045 and rect.bottom() > 1.1  # the selection mark and the value labels
