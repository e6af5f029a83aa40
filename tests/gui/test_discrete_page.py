"""The Discrete tab, driven as a user would (real mouse and key events) and checked against
independent references (scipy)."""

import json
import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtWidgets
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as sp_entropy

from uitools import drag, pixel_size, style_changes

LABELS = ["value_entropy_p", "value_entropy_q", "value_cross_entropy_pq", "value_cross_entropy_qp",
          "value_kl_pq", "value_kl_qp", "value_js"]
BASE = {"nats": math.e, "bits": 2.0, "hartleys": 10.0}


def reference(p, q, unit="nats"):
    b = BASE[unit]
    kl_pq = rel_entr(p, q).sum() / math.log(b)
    kl_qp = rel_entr(q, p).sum() / math.log(b)
    hp, hq = sp_entropy(p, base=b), sp_entropy(q, base=b)
    return {
        "value_entropy_p": hp, "value_entropy_q": hq,
        "value_cross_entropy_pq": hp + kl_pq, "value_cross_entropy_qp": hq + kl_qp,
        "value_kl_pq": kl_pq, "value_kl_qp": kl_qp,
        "value_js": jensenshannon(p, q, base=b) ** 2,
    }


def shown(window, name):
    return window.findChild(QtWidgets.QLabel, name).text()


def shown_number(window, name):
    text = shown(window, name)
    head = text.split()[0]
    return math.inf if head == "∞" else float(head)


def assert_readouts_match(window, unit="nats"):
    d = window.model.discrete
    ref = reference(np.array(d.p), np.array(d.q), unit)
    for name in LABELS:
        value = shown_number(window, name)
        expected = ref[name]
        if math.isinf(expected):
            assert math.isinf(value), name
        else:
            # four significant digits shown: half a unit in the last place of the shown value
            assert value == pytest.approx(expected, rel=6e-4, abs=1e-12), name
        assert unit in shown(window, name)


def test_contract_object_names(window):
    plot_p = window.findChild(pg.PlotWidget, "plot_p")
    plot_q = window.findChild(pg.PlotWidget, "plot_q")
    assert plot_p is not None and plot_q is not None
    for name in LABELS:
        assert isinstance(window.findChild(QtWidgets.QLabel, name), QtWidgets.QLabel), name
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    assert (spin.minimum(), spin.maximum()) == (2, 100)
    combo = window.findChild(QtWidgets.QComboBox, "combo_unit")
    assert [combo.itemText(i) for i in range(combo.count())] == ["nats", "bits", "hartleys"]


def test_initial_readouts_match_scipy(window):
    assert_readouts_match(window)


def _bar_heights(plot):
    item = [i for i in plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)][0]
    return np.asarray(item.opts["x"]), np.asarray(item.opts["height"])


def test_bars_are_centred_at_i_with_height_p(window):
    x, h = _bar_heights(window.findChild(pg.PlotWidget, "plot_p"))
    assert np.array_equal(x, np.arange(window.model.discrete.n))
    assert np.allclose(h, window.model.discrete.p)


def test_mouse_drag_sets_the_bar_and_rescales_the_others(window):
    plot = window.findChild(pg.PlotWidget, "plot_p")
    before = np.array(window.model.discrete.p)
    drag(plot, 2, before[2] / 2, 0.7)
    p = np.array(window.model.discrete.p)
    assert p[2] == pytest.approx(0.7, abs=2 * pixel_size(plot))
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    others_before = np.delete(before, 2)
    others_after = np.delete(p, 2)
    assert np.allclose(others_after / others_after.sum(), others_before / others_before.sum())
    assert_readouts_match(window)
    # the chart shows the new state
    _, h = _bar_heights(plot)
    assert np.allclose(h, p)
    # one drag is one undo step
    assert window.model.undo_stack.count() == 1
    window.model.undo_stack.undo()
    assert np.array_equal(window.model.discrete.p, before)


def test_drag_grabs_a_zero_height_bar(window):
    window.model.apply_preset("q", "one-hot")
    q = np.array(window.model.discrete.q)
    i = int(np.flatnonzero(q == 0)[0])
    plot = window.findChild(pg.PlotWidget, "plot_q")
    drag(plot, i, 0.0, 0.4)
    q = np.array(window.model.discrete.q)
    assert q[i] == pytest.approx(0.4, abs=2 * pixel_size(plot))
    assert q.sum() == pytest.approx(1.0, abs=1e-12)


def test_drag_clamps_to_unit_interval(window):
    plot = window.findChild(pg.PlotWidget, "plot_p")
    drag(plot, 1, 0.2, 1.6)
    p = np.array(window.model.discrete.p)
    assert p[1] == 1.0 and np.all(np.delete(p, 1) == 0)
    drag(plot, 1, 0.9, -0.5)
    p = np.array(window.model.discrete.p)
    assert p[1] == 0.0 and p.sum() == pytest.approx(1.0, abs=1e-12)


def test_keyboard_selects_and_nudges(window, qtbot):
    plot = window.findChild(pg.PlotWidget, "plot_q")
    plot.setFocus()
    before = np.array(window.model.discrete.q)
    qtbot.keyClick(plot, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(plot, QtCore.Qt.Key.Key_Up)
    q = np.array(window.model.discrete.q)
    assert q[1] == pytest.approx(before[1] + 0.01, abs=1e-15)
    qtbot.keyClick(plot, QtCore.Qt.Key.Key_Down, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert window.model.discrete.q[1] == pytest.approx(max(before[1] + 0.01 - 0.1, 0.0), abs=1e-15)
    assert window.model.discrete.q.sum() == pytest.approx(1.0, abs=1e-12)


def test_category_count_and_unit(window):
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    spin.setValue(10)
    d = window.model.discrete
    assert d.n == 10 and len(d.p) == 10 and d.labels[-1] == "J"
    x, _ = _bar_heights(window.findChild(pg.PlotWidget, "plot_q"))
    assert len(x) == 10
    combo = window.findChild(QtWidgets.QComboBox, "combo_unit")
    for unit in ("bits", "hartleys", "nats"):
        combo.setCurrentText(unit)
        assert window.model.unit == unit
        assert_readouts_match(window, unit)
    spin.setValue(100)
    assert window.model.discrete.n == 100
    assert_readouts_match(window)


def test_support_mismatch_shows_infinity_with_reason(window):
    window.findChild(QtWidgets.QPushButton, "button_mismatch").click()
    assert shown(window, "value_kl_pq").startswith("∞")
    assert shown(window, "value_cross_entropy_pq").startswith("∞")
    reason = window.findChild(QtWidgets.QLabel, "value_kl_pq_reason")
    assert not reason.isHidden() and "= 0 where P(" in reason.text()
    # the other direction stays finite, and JS is finite
    assert shown(window, "value_kl_qp")[0].isdigit()
    assert shown(window, "value_js")[0].isdigit()
    assert_readouts_match(window)


def test_swap_copy_reset(window):
    d = window.model.discrete
    p, q = np.array(d.p), np.array(d.q)
    window.findChild(QtWidgets.QPushButton, "button_swap").click()
    assert np.array_equal(window.model.discrete.p, q) and np.array_equal(window.model.discrete.q, p)
    window.findChild(QtWidgets.QPushButton, "button_copy").click()
    assert np.array_equal(window.model.discrete.q, window.model.discrete.p)
    assert shown_number(window, "value_kl_pq") == 0
    window.findChild(QtWidgets.QPushButton, "button_reset").click()
    assert np.allclose(window.model.discrete.p, p) and np.allclose(window.model.discrete.q, q)


@pytest.mark.parametrize("kind", ["uniform", "peaked", "bimodal", "one-hot", "random"])
def test_presets(window, kind):
    window.model.apply_preset("p", kind)
    p = np.array(window.model.discrete.p)
    assert p.sum() == pytest.approx(1.0, abs=1e-12) and np.all(p >= 0)
    if kind == "uniform":
        assert np.allclose(p, 1 / p.size)
    if kind == "one-hot":
        assert sorted(p)[-1] == 1.0
    assert_readouts_match(window)


def test_bad_labels_change_nothing(window):
    before = window.model.discrete.labels
    for bad in (["A", "B"], ["A", "A", "C", "D", "E", "F"], ["", "B", "C", "D", "E", "F"]):
        with pytest.raises(ValueError):
            window.model.set_labels(bad)
        assert window.model.discrete.labels == before
    window.model.set_labels(["sun", "rain", "snow", "fog", "wind", "hail"])
    ticks = window.findChild(pg.PlotWidget, "plot_p").getPlotItem().getAxis("bottom")._tickLevels
    assert [t[1] for t in ticks[0]] == ["sun", "rain", "snow", "fog", "wind", "hail"]


def test_save_session_contract(window, tmp_path):
    path = tmp_path / "s.json"
    window.model.set_unit("bits")
    assert window.save_session(str(path))
    data = json.loads(path.read_text())
    d = window.model.discrete
    assert data["unit"] == "bits"
    assert data["discrete"]["labels"] == list(d.labels)
    assert data["discrete"]["p"] == pytest.approx(list(d.p))
    assert data["discrete"]["q"] == pytest.approx(list(d.q))


def test_overlay_draws_both_and_drags_each(window):
    window.findChild(QtWidgets.QCheckBox, "check_overlay").setChecked(True)
    overlay = window.findChild(pg.PlotWidget, "plot_overlay")
    assert overlay.isVisible()
    items = [i for i in overlay.getPlotItem().items if isinstance(i, pg.BarGraphItem)][:2]
    assert np.allclose(items[0].opts["height"], window.model.discrete.p)
    assert np.allclose(items[1].opts["height"], window.model.discrete.q)
    drag(overlay, 3 + 0.2, 0.05, 0.5)  # the right half of a column is Q
    assert window.model.discrete.q[3] == pytest.approx(0.5, abs=2 * pixel_size(overlay))


def test_dark_theme_recolours_names_and_caption_swatches(window):
    from PySide6 import QtGui

    from klviz.style import P_COLOR, P_DARK, Q_DARK, text_color

    page = window.page_discrete
    window.findChild(QtGui.QAction, "action_theme_dark").trigger()
    names = page.readouts.names  # (the Continuous tab's grid has labels of the same names)
    assert P_DARK.lower() in names["entropy_p"].styleSheet().lower()
    assert Q_DARK.lower() in names["entropy_q"].styleSheet().lower()
    caption = page.pointwise.caption.text().lower()
    assert P_DARK.lower() in caption and Q_DARK.lower() in caption
    window.model.set_unit("bits")  # a new caption keeps the dark swatches
    assert P_DARK.lower() in page.pointwise.caption.text().lower()
    window.findChild(QtGui.QAction, "action_theme_light").trigger()
    # names are text: the light theme's text shade of P's blue (4.5:1); the swatches keep the blue
    assert text_color(P_COLOR).lower() in names["entropy_p"].styleSheet().lower()
    assert P_COLOR.lower() in page.pointwise.caption.text().lower()


def test_a_zoom_does_not_repolish_the_readout_names(window, qtbot):
    """Only the theme changes the names' colours: a new type (zoom, F11) sets no style sheet
    again (Qt repolishes a widget on every setStyleSheet, the same sheet too)."""
    from PySide6 import QtGui

    name = window.page_discrete.readouts.names["entropy_p"]
    sheet = name.styleSheet()
    with style_changes(name) as seen:
        window.findChild(QtGui.QAction, "action_zoom_in").trigger()
        qtbot.wait(20)
    assert name.styleSheet() == sheet and not seen
