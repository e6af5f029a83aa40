"""What the drag frame leaves out must not change what is drawn: bars that stay put, empty text
layers, and charts hidden (quiz mode, a folded pointwise chart) while the data changes."""

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtWidgets

from klviz.scene import discrete as sdisc


def _measures(p, q):
    return sdisc.measures(SimpleNamespace(p=np.asarray(p, float), q=np.asarray(q, float)), "nats")


STATES = [([0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4]),
          ([0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]),
          ([0.5, 0.5, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25])]  # D(Q‖P) infinite


def _rects(item):
    return item._rectarray.ndarray().copy()


def test_fast_bars_left_where_they_are_ask_for_no_repaint(qtbot):
    from klviz.gui.widgets.labels_layer import FastBars

    bars = FastBars(x=[0.0, 1.0], height=[0.2, 0.3], width=0.8)
    one = FastBars(x0=[0.0], width=[1.5], y=[0], height=0.6)
    calls = []
    for item in (bars, one):
        item.update = lambda *a, calls=calls: calls.append(a)
    bars.setOpts(x=np.array([0.0, 1.0]), height=np.array([0.2, 0.3]), width=0.8)
    one.setOpts(x0=[0.0], width=[1.5], y=[0], height=0.6)
    assert calls == []
    bars.setOpts(height=[0.2, 0.31])
    one.setOpts(width=[1.25])
    assert len(calls) == 2
    ref = pg.BarGraphItem(x0=[0.0], width=[1.25], y=[0], height=0.6)
    np.testing.assert_array_equal(_rects(one), _rects(ref))


def test_an_empty_labels_layer_is_not_painted_and_a_filled_one_is(qtbot):
    from klviz.gui.widgets.labels_layer import LabelsLayer

    flag = QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    layer = LabelsLayer()
    assert layer.flags() & flag
    layer.set_items([(0.0, 0.5, "0.25")])
    assert not layer.flags() & flag
    layer.set_items([])
    assert layer.flags() & flag


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(500, 250)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_hidden_decomposition_draws_on_showing_what_a_shown_one_drew(qtbot):
    from klviz.gui.widgets.decomposition import DecompositionChart

    shown, hidden = _shown(qtbot, DecompositionChart()), _shown(qtbot, DecompositionChart())
    hidden.setVisible(False)
    before = [_rects(item) for item in hidden._kl_bars]
    for p, q in STATES:
        m = _measures(p, q)
        shown.set_measures(m, "nats")
        hidden.set_measures(m, "nats")
        assert hidden.caption.text() == shown.caption.text()  # the caption follows at once
    for item, rects in zip(hidden._kl_bars, before):
        np.testing.assert_array_equal(_rects(item), rects)  # nothing drawn while hidden
    hidden.setVisible(True)
    for a, b in zip((*shown._entropy_bars, *shown._kl_bars), (*hidden._entropy_bars, *hidden._kl_bars)):
        np.testing.assert_array_equal(_rects(a), _rects(b))
    assert hidden._range == shown._range
    for a, b in zip((*shown._inf_marks.values(), shown._beside), (*hidden._inf_marks.values(), hidden._beside)):
        assert a._items == b._items
    assert any(layer._items for layer in hidden._inf_marks.values())  # the last state's "∞ →"


@pytest.mark.parametrize("sticky", [False, True])
def test_a_hidden_pointwise_chart_draws_on_showing_what_a_shown_one_drew(qtbot, sticky):
    from klviz.gui.widgets.pointwise import PointwiseChart

    shown, hidden = _shown(qtbot, PointwiseChart()), _shown(qtbot, PointwiseChart())
    labels = ["a", "b", "c", "d"]
    first = sdisc.pointwise(4, _measures(*STATES[0]))
    for chart in (shown, hidden):
        chart.set_terms(labels, first, "nats")
    hidden.hide()
    for p, q in STATES[1:]:
        scene = sdisc.pointwise(4, _measures(p, q))
        shown.set_terms(labels, scene, "nats", sticky)
        hidden.set_terms(labels, scene, "nats", sticky)
        assert hidden.caption.text() == shown.caption.text()
    np.testing.assert_array_equal(_rects(hidden._bars_pq)[:, 3], np.abs(first.heights_pq))  # not yet
    hidden.show()
    for a, b in ((shown._bars_pq, hidden._bars_pq), (shown._bars_qp, hidden._bars_qp)):
        np.testing.assert_array_equal(_rects(a), _rects(b))
    assert hidden._yrange == shown._yrange
    assert [layer._items for layer in hidden._inf] == [layer._items for layer in shown._inf]
