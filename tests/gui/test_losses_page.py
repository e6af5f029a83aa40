"""The Losses tab, driven as a user would (real mouse events on the charts, the spin boxes and
buttons) and checked against independent references (scipy, numpy.polyfit, mpmath)."""

import math

import mpmath
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from scipy.special import expit, log_softmax, rel_entr, xlogy
from scipy.stats import entropy as sp_entropy
from scipy.stats import norm

from klviz.state import losslab as lab
from uitools import data_to_viewport, drag, pixel_size, style_changes

LN = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


@pytest.fixture
def page(window):
    window.tabs.setCurrentWidget(window.page_losses)
    QtWidgets.QApplication.processEvents()
    return window.page_losses


def show(page, panel):
    page.panels.setCurrentWidget(panel)
    QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.processEvents()


def label(window, name):
    w = window.findChild(QtWidgets.QLabel, name)
    assert w is not None, name
    return w


def shown_number(window, name):
    head = label(window, name).text().split()[0]
    return math.inf if head == "∞" else float(head)


def assert_shown(window, name, expected, unit=None):
    """The label begins with `expected` to the four significant digits shown (half an ulp of them)."""
    value = shown_number(window, name)
    assert math.isfinite(value), name
    assert value == pytest.approx(float(expected), rel=6e-4, abs=1e-12), name
    if unit is not None:
        assert label(window, name).text().split()[1] == unit, name


def spin(window, name):
    w = window.findChild(QtWidgets.QAbstractSpinBox, name)
    assert w is not None, name
    return w


def button(window, name):
    w = window.findChild(QtWidgets.QAbstractButton, name)
    assert w is not None, name
    return w


def plot(window, name):
    w = window.findChild(pg.PlotWidget, name)
    assert w is not None, name
    return w


def _send(widget, kind, pos, button_, buttons):
    ev = QtGui.QMouseEvent(kind, QtCore.QPointF(pos), QtCore.QPointF(widget.mapToGlobal(pos)),
                           button_, buttons, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, ev)


def drag_between(chart, start, end, steps=8):
    """A real drag from data point `start` to `end` (press, moves, release on the viewport)."""
    vp = chart.viewport()
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, data_to_viewport(chart, *start), left, left)
    for k in range(1, steps + 1):
        t = k / steps
        p = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(chart, *p), none, left)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, data_to_viewport(chart, *end), left, none)


def click(chart, x, y, button_=QtCore.Qt.MouseButton.LeftButton, double=False):
    vp = chart.viewport()
    pos = data_to_viewport(chart, x, y)
    none = QtCore.Qt.MouseButton.NoButton
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, pos, button_, button_)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, pos, button_, none)
    if double:
        _send(vp, QtCore.QEvent.Type.MouseButtonDblClick, pos, button_, button_)
        _send(vp, QtCore.QEvent.Type.MouseButtonRelease, pos, button_, none)


def set_unit(window, unit):
    window.findChild(QtWidgets.QComboBox, "combo_unit").setCurrentText(unit)
    assert window.model.unit == unit


# -------------------------------------------------------------------------------- references


def bernoulli_ref(y, z, unit="nats"):
    f = expit(z)
    bce = -(xlogy(y, f) + xlogy(1 - y, 1 - f))
    kl = rel_entr([y, 1 - y], [f, 1 - f]).sum()
    return {"loss_value_bce": bce / LN[unit], "loss_value_bce_entropy": sp_entropy([y, 1 - y]) / LN[unit],
            "loss_value_bce_kl": kl / LN[unit]}


def categorical_ref(y, z, unit="nats"):
    y, z = np.asarray(y, float), np.asarray(z, float)
    ls = log_softmax(z)
    ce = -float(np.sum(y[y > 0] * ls[y > 0]))
    h = sp_entropy(y) if np.any(y > 0) else 0.0
    m = y > 0  # in log space: softmax(z)_i may underflow to 0 while log_softmax(z)_i is exact
    kl = float(np.sum(xlogy(y[m], y[m]) - y[m] * ls[m]))
    return {"loss_value_ce": ce / LN[unit], "loss_value_ce_entropy": h / LN[unit], "loss_value_ce_kl": kl / LN[unit]}


def assert_bernoulli(window, unit="nats"):
    s = window.model.losses.bernoulli
    for name, value in bernoulli_ref(s.y, s.z, unit).items():
        assert_shown(window, name, value, unit)


def assert_categorical(window, unit="nats"):
    s = window.model.losses.categorical
    for name, value in categorical_ref(s.target, s.logits, unit).items():
        assert_shown(window, name, value, unit)


def assert_normal(window, unit="nats"):
    s = window.model.losses.normal
    sigma = s.sigma if s.free_sigma else 1.0
    assert_shown(window, "loss_value_nll", -norm.logpdf(s.y, loc=s.f, scale=sigma) / LN[unit], unit)
    if sigma == 1.0:
        assert_shown(window, "loss_value_nll", (HALF_LOG_2PI + 0.5 * (s.y - s.f) ** 2) / LN[unit], unit)
    x, y = np.array(s.xs), np.array(s.ys)
    a, b = np.polyfit(x, y, 1)
    pred = a * x + b
    mse = float(np.mean((y - pred) ** 2))
    assert_shown(window, "loss_value_mse", mse)
    assert_shown(window, "loss_value_slope", a)
    assert_shown(window, "loss_value_intercept", b)
    mean_nll = float(np.mean(-norm.logpdf(y, loc=pred, scale=sigma)))
    assert_shown(window, "loss_value_mean_nll", mean_nll / LN[unit], unit)
    if sigma == 1.0:
        assert_shown(window, "loss_value_mean_nll", (HALF_LOG_2PI + 0.5 * mse) / LN[unit], unit)


# ------------------------------------------------------------------------------------- layout


def test_tab_and_contract_object_names(window, page):
    tabs = window.tabs
    assert tabs.tabText(tabs.count() - 1) == "&Losses"
    assert tabs.currentWidget() is page
    for name in ("loss_value_bce", "loss_value_bce_entropy", "loss_value_bce_kl", "loss_value_ce",
                 "loss_value_ce_entropy", "loss_value_ce_kl", "loss_value_ce_binary", "loss_value_nll",
                 "loss_value_mean_nll", "loss_value_mse", "loss_value_slope", "loss_value_intercept",
                 "loss_value_f", "loss_formula_bce", "loss_formula_ce", "loss_formula_nll", "loss_formula_data"):
        label(window, name)
    for name in ("spin_loss_y", "spin_loss_z", "spin_loss_classes", "spin_loss_normal_y", "spin_loss_normal_f",
                 "spin_loss_sigma"):
        spin(window, name)
    assert window.findChild(QtWidgets.QSlider, "slider_loss_z") is not None
    for name in ("plot_loss_bce", "plot_logits", "plot_loss_probs", "plot_loss_nll", "plot_loss_data",
                 "plot_loss_profile"):
        plot(window, name)


def test_initial_numbers_match_references(window, page):
    assert_bernoulli(window)
    assert_categorical(window)
    assert_normal(window)


# ------------------------------------------------------------------------------------ Bernoulli


def test_bernoulli_inputs_and_formula(window, page):
    spin(window, "spin_loss_y").setValue(0.8)
    spin(window, "spin_loss_z").setValue(1.0)
    s = page.model.losses.bernoulli
    assert (s.y, s.z) == (0.8, 1.0)
    assert_bernoulli(window)
    assert_shown(window, "loss_value_bce", 0.5132616875182228, "nats")
    text = label(window, "loss_formula_bce").text()
    # the worked formula substitutes the live numbers: y, f = sigmoid(1) = 0.7311, log f, the result
    for piece in ("0.8000", "0.7311", "0.2689", "0.3133", "0.5133 nats"):
        assert piece in text, piece
    assert label(window, "loss_value_f").text().endswith("0.7311</span>")
    # the slider drives the same state
    window.findChild(QtWidgets.QSlider, "slider_loss_z").setValue(1000 + 250)  # z = 2.5
    assert page.model.losses.bernoulli.z == pytest.approx(2.5)
    assert spin(window, "spin_loss_z").value() == pytest.approx(2.5)
    assert_bernoulli(window)


@pytest.mark.parametrize("which, y", [("button_loss_y1", 1.0), ("button_loss_y0", 0.0)])
def test_hard_label_makes_bce_the_kl(window, page, which, y):
    spin(window, "spin_loss_z").setValue(0.7)
    button(window, which).click()
    assert page.model.losses.bernoulli.y == y
    bce, kl = label(window, "loss_value_bce").text(), label(window, "loss_value_bce_kl").text()
    assert bce == kl
    assert shown_number(window, "loss_value_bce_entropy") == 0.0
    expected = -math.log(expit(0.7)) if y == 1.0 else -math.log(expit(-0.7))
    assert_shown(window, "loss_value_bce", expected)
    assert "is</i> the KL divergence" in label(window, "loss_note_bce").text()


def test_extreme_logit_stays_exact(window, page):
    button(window, "button_loss_y1").click()
    spin(window, "spin_loss_z").setValue(-1000.0)
    assert_shown(window, "loss_value_bce", 1000.0)  # -log sigmoid(-1000) = 1000 + log1p(e^-1000)
    assert_shown(window, "loss_value_bce_kl", 1000.0)
    assert "e<sup>−1000</sup>" in label(window, "loss_formula_bce").text()  # f underflowed: shown by its log
    assert window.findChild(QtWidgets.QSlider, "slider_loss_z").value() == 0  # pinned at its end


def _type_into(qtbot, box, text):
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)


@pytest.mark.parametrize("typed, limit, side", [("20000", 10_000.0, "above the maximum"),
                                                ("-1e6", -10_000.0, "below the minimum")])
def test_a_logit_typed_beyond_the_controls_says_so(window, page, qtbot, typed, limit, side):
    box = spin(window, "spin_loss_z")
    messages = []
    box.clamped.connect(messages.append)
    _type_into(qtbot, box, typed)
    assert box.value() == limit and page.model.losses.bernoulli.z == limit == math.copysign(lab.MAX_LOGIT, limit)
    expected = f"Logit z: {typed} is {side}, {limit:.6g}; set to {limit:.6g}."
    assert messages == [expected] and window.statusBar().currentMessage() == expected
    slider = window.findChild(QtWidgets.QSlider, "slider_loss_z")
    assert slider.value() == (slider.maximum() if limit > 0 else 0)  # the slider rests at its end
    window.statusBar().clearMessage()
    _type_into(qtbot, box, "9999.5")  # within the spin box's range, beyond the slider's: no message
    assert page.model.losses.bernoulli.z == 9999.5 and window.statusBar().currentMessage() == ""


def test_logit_slider_keys_and_drag(window, page, qtbot):
    from uitools import _send

    slider = window.findChild(QtWidgets.QSlider, "slider_loss_z")
    spin(window, "spin_loss_z").setValue(0.0)
    slider.setFocus()
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_Right)  # an arrow: 0.01
    assert page.model.losses.bernoulli.z == pytest.approx(0.01)
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_PageUp)  # a page: 0.1
    assert page.model.losses.bernoulli.z == pytest.approx(0.11)
    assert spin(window, "spin_loss_z").value() == pytest.approx(0.11)
    # a mouse drag of the handle is live and one undo step
    button(window, "button_loss_y1").click()  # another operation in between: the drag's own step
    before, count = page.model.losses.bernoulli, window.model.undo_stack.count()
    opt = QtWidgets.QStyleOptionSlider()
    slider.initStyleOption(opt)
    start = slider.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_Slider, opt,
                                          QtWidgets.QStyle.SubControl.SC_SliderHandle, slider).center()
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    _send(slider, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    seen = []
    for dx in range(8, 64, 8):
        _send(slider, QtCore.QEvent.Type.MouseMove, start + QtCore.QPoint(dx, 0), none, left)
        seen.append(page.model.losses.bernoulli.z)
    _send(slider, QtCore.QEvent.Type.MouseButtonRelease, start + QtCore.QPoint(56, 0), left, none)
    assert len(set(seen)) > 3 and seen == sorted(seen) and seen[-1] > before.z
    assert spin(window, "spin_loss_z").value() == seen[-1]
    assert_bernoulli(window)
    assert window.model.undo_stack.count() == count + 1
    window.model.undo_stack.undo()
    assert page.model.losses.bernoulli == before


def test_drag_the_prediction_along_the_curve(window, page):
    show(page, page.bernoulli)
    chart = plot(window, "plot_loss_bce")
    s = page.model.losses.bernoulli
    f0 = expit(s.z)
    xs, ys = chart.handles
    drag_between(chart, (xs[0], ys[0]), (0.15, ys[0]))
    px = 1.0 / abs(data_to_viewport(chart, 1, 0).x() - data_to_viewport(chart, 0, 0).x())
    assert expit(page.model.losses.bernoulli.z) == pytest.approx(0.15, abs=2 * px)
    assert abs(expit(page.model.losses.bernoulli.z) - f0) > 0.05
    assert_bernoulli(window)
    # the drawn point is the model's: (f, BCE)
    item = page.bernoulli._point
    x, y = item.getData()
    r = bernoulli_ref(page.model.losses.bernoulli.y, page.model.losses.bernoulli.z)
    assert x[0] == pytest.approx(expit(page.model.losses.bernoulli.z)) and y[0] == pytest.approx(r["loss_value_bce"])


# ---------------------------------------------------------------------------------- categorical


def test_click_a_class_sets_a_one_hot_target(window, page):
    show(page, page.categorical)
    chart = plot(window, "plot_loss_probs")
    click(chart, 2, 0.5)
    s = page.model.losses.categorical
    assert s.target == (0.0, 0.0, 1.0, 0.0)
    assert_categorical(window)
    # one-hot: cross-entropy = KL = -log f_2, and H(y) = 0
    assert label(window, "loss_value_ce").text() == label(window, "loss_value_ce_kl").text()
    assert shown_number(window, "loss_value_ce_entropy") == 0.0
    assert_shown(window, "loss_value_ce", -log_softmax(s.logits)[2])
    assert "One-hot on class 2" in label(window, "loss_formula_ce").text()


def test_drag_a_logit_bar(window, page):
    show(page, page.categorical)
    chart = plot(window, "plot_logits")
    z0 = page.model.losses.categorical.logits
    drag(chart, 1, z0[1] / 2, -3.0)
    z = page.model.losses.categorical.logits
    assert z[1] == pytest.approx(-3.0, abs=2 * pixel_size(chart))
    assert z[0] == z0[0] and z[2:] == z0[2:]
    assert_categorical(window)
    probs = [i for i in plot(window, "plot_loss_probs").getPlotItem().items if isinstance(i, pg.BarGraphItem)][1]
    np.testing.assert_allclose(probs.opts["height"], np.exp(log_softmax(z)), rtol=1e-12)


def test_soft_target_drag_and_decomposition(window, page):
    show(page, page.categorical)
    button(window, "radio_loss_soft").click()
    assert page.model.losses.categorical.mode == "soft"
    # one choice of two, in groups of their own on the wrapping row
    assert not button(window, "radio_loss_one_hot").isChecked()
    chart = plot(window, "plot_loss_probs")
    drag(chart, 3 - 0.2, 0.0, 0.3)
    y = np.array(page.model.losses.categorical.target)
    assert y[3] == pytest.approx(0.3, abs=2 * pixel_size(chart))
    assert y.sum() == pytest.approx(1.0, abs=1e-12)
    assert_categorical(window)
    h, kl, ce = (shown_number(window, n) for n in ("loss_value_ce_entropy", "loss_value_ce_kl", "loss_value_ce"))
    assert h > 0 and ce == pytest.approx(h + kl, rel=2e-3)
    button(window, "button_loss_smooth").click()
    assert max(page.model.losses.categorical.target) == pytest.approx(0.925)
    assert_categorical(window)


def _type_logits(window, text):
    edit = window.findChild(QtWidgets.QLineEdit, "edit_loss_logits")
    edit.setText(text)
    edit.editingFinished.emit()


@pytest.mark.parametrize("z0, z1, y1", [(0.3, 1.7, 1.0), (2.0, -1.0, 0.3), (0.0, 1000.0, 0.0), (-400.0, 400.0, 0.6)])
def test_two_classes_equal_the_bernoulli_panel(window, page, z0, z1, y1):
    show(page, page.categorical)
    spin(window, "spin_loss_classes").setValue(2)
    _type_logits(window, f"{z0}, {z1}")
    if y1 in (0.0, 1.0):
        click(plot(window, "plot_loss_probs"), int(y1), 0.5)
    else:
        page.model.update_losses("categorical", lab.set_target_weights, (1 - y1, y1))
    s = page.model.losses.categorical
    assert s.logits == (z0, z1) and s.target[1] == pytest.approx(y1)
    assert_categorical(window)
    box = window.findChild(QtWidgets.QGroupBox, "box_loss_binary")
    assert not box.isHidden()
    # the same loss as a Bernoulli with f = sigmoid(z1 - z0), against mpmath
    with mpmath.workdps(60):
        d = mpmath.mpf(z1) - mpmath.mpf(z0)
        yy = mpmath.mpf(y1)
        ref = float(yy * mpmath.log1p(mpmath.exp(-d)) + (1 - yy) * mpmath.log1p(mpmath.exp(d)))
    assert_shown(window, "loss_value_ce", ref)
    assert_shown(window, "loss_value_ce_binary", ref)
    assert shown_number(window, "loss_value_ce_binary") == shown_number(window, "loss_value_ce")
    button(window, "button_loss_to_bernoulli").click()
    assert page.panels.currentWidget() is page.bernoulli
    b = page.model.losses.bernoulli
    assert b.y == pytest.approx(y1) and b.z == z1 - z0
    assert shown_number(window, "loss_value_bce") == shown_number(window, "loss_value_ce")
    assert label(window, "loss_value_bce_kl").text() == label(window, "loss_value_ce_kl").text()


def test_gap_1000_is_finite_and_exact(window, page):
    show(page, page.categorical)
    button(window, "button_loss_extreme").click()
    s = page.model.losses.categorical
    assert s.logits == (0.0, 1000.0, 0.0, 0.0) and s.target[0] == 1.0
    assert label(window, "loss_value_ce").text() == "1000 nats"  # 1000 + log(1 + 3 e^-1000), exactly 1000
    assert label(window, "loss_value_ce_kl").text() == "1000 nats"
    assert "e<sup>−1000</sup>" in label(window, "loss_formula_ce").text()
    assert "underflow" in label(window, "loss_formula_ce").text()
    set_unit(window, "bits")
    assert_shown(window, "loss_value_ce", 1000 / math.log(2), "bits")
    # the bar beyond the axis is drawn at the edge and the axis widened in steps
    (_, (lo, hi)) = plot(window, "plot_logits").ranges
    assert hi >= 1000 and lo == -hi


def test_bad_logits_change_nothing(window, page):
    before = page.model.losses.categorical
    _type_logits(window, "1, banana")
    assert page.model.losses.categorical == before
    err = label(window, "loss_logits_error")
    assert not err.isHidden() and "not a number" in err.text()
    _type_logits(window, "1, 2, 3")
    assert page.model.losses.categorical.logits == (1.0, 2.0, 3.0) and err.isHidden()
    assert spin(window, "spin_loss_classes").value() == 3


def test_the_error_line_takes_a_style_sheet_only_when_the_theme_changes_it(window, page, qtbot):
    """A zoom (or F11) restyles the Losses tab's text, but the error line's colour is the theme's
    alone: it is not given its sheet again (Qt repolishes a widget on every setStyleSheet, the
    same sheet too); the dark theme gives it its dark shade."""
    from klviz.style import ERROR_COLOR, text_color

    err = label(window, "loss_logits_error")
    sheet = err.styleSheet()
    assert text_color(ERROR_COLOR).lower() in sheet.lower()
    with style_changes(err) as seen:
        window.findChild(QtGui.QAction, "action_zoom_in").trigger()
        qtbot.wait(20)
    assert err.styleSheet() == sheet and not seen
    with style_changes(err) as seen:
        window.findChild(QtGui.QAction, "action_theme_dark").trigger()
        qtbot.wait(20)
    assert text_color(ERROR_COLOR, True).lower() in err.styleSheet().lower() and seen


# --------------------------------------------------------------------------------------- Normal


def test_normal_nll_is_half_log_2pi_plus_half_squared_error(window, page):
    spin(window, "spin_loss_normal_y").setValue(1.5)
    spin(window, "spin_loss_normal_f").setValue(-0.75)
    s = page.model.losses.normal
    assert (s.y, s.f) == (1.5, -0.75)
    assert_normal(window)
    assert_shown(window, "loss_value_nll_constant", HALF_LOG_2PI)
    assert_shown(window, "loss_value_nll_squared", 0.5 * 2.25 ** 2)
    text = label(window, "loss_formula_nll").text()
    assert "½ log 2π + ½ (y − f)²" in text  # with the ½ on the squared error
    assert "3.450 nats" in text  # 0.9189 + 2.531


def test_free_sigma(window, page):
    button(window, "check_loss_sigma_free").click()
    spin(window, "spin_loss_sigma").setValue(2.0)
    assert page.model.losses.normal.sigma_used == 2.0
    assert_normal(window)
    assert "½ log(2πσ²)" in label(window, "loss_formula_nll").text()
    button(window, "check_loss_sigma_free").click()
    assert page.model.losses.normal.sigma_used == 1.0
    assert_normal(window)


def _line(page):
    return page.normal._line.getData()


def test_drag_a_data_point_refits_the_line(window, page):
    show(page, page.normal)
    chart = plot(window, "plot_loss_data")
    s = page.model.losses.normal
    i = 2
    x_i, y_i = s.xs[i], s.ys[i]
    drag(chart, x_i, y_i, y_i + 2.0)
    t = page.model.losses.normal
    assert t.ys[i] == pytest.approx(y_i + 2.0, abs=2 * pixel_size(chart))
    assert t.xs[i] == pytest.approx(x_i, abs=0.05)
    assert t.xs[:i] == s.xs[:i] and t.ys[i + 1:] == s.ys[i + 1:]
    a, b = np.polyfit(t.xs, t.ys, 1)
    lx, ly = _line(page)
    np.testing.assert_allclose(ly, a * np.asarray(lx) + b, rtol=1e-9, atol=1e-9)
    assert_normal(window)
    px, py = page.normal._points.getData()
    np.testing.assert_allclose(px, t.xs)
    np.testing.assert_allclose(py, t.ys)


def test_add_and_remove_points_with_the_mouse(window, page):
    show(page, page.normal)
    chart = plot(window, "plot_loss_data")
    n = len(page.model.losses.normal.xs)
    click(chart, 0.5, -2.0, double=True)  # away from every point
    xs, ys = page.model.losses.normal.xs, page.model.losses.normal.ys
    assert len(xs) == n + 1
    assert xs[-1] == pytest.approx(0.5, abs=0.05) and ys[-1] == pytest.approx(-2.0, abs=0.05)
    assert_normal(window)
    click(chart, xs[0], ys[0], QtCore.Qt.MouseButton.RightButton)
    assert len(page.model.losses.normal.xs) == n and page.model.losses.normal.xs[0] == xs[1]
    assert_normal(window)
    button(window, "button_loss_reset_data").click()
    assert len(page.model.losses.normal.xs) == n


# ------------------------------------------------------------------------------------------ units


@pytest.mark.parametrize("unit", ["bits", "hartleys"])
def test_unit_switching(window, page, unit):
    spin(window, "spin_loss_y").setValue(0.3)
    spin(window, "spin_loss_z").setValue(1.25)
    set_unit(window, unit)
    assert_bernoulli(window, unit)
    assert_categorical(window, unit)
    assert_normal(window, unit)
    assert label(window, "loss_value_mse").text().split() == [label(window, "loss_value_mse").text()]  # no unit
    assert f"{unit})" in page.bernoulli.plot.getPlotItem().getAxis("left").labelText
    # the curve is drawn in the unit too
    f, loss = page.bernoulli._curve.getData()
    k = int(np.argmin(np.abs(f - 0.5)))
    assert loss[k] == pytest.approx(-(0.3 * math.log(f[k]) + 0.7 * math.log(1 - f[k])) / LN[unit], rel=1e-9)
    set_unit(window, "nats")
    assert_bernoulli(window)


# ------------------------------------------------------------------------------------------- quiz


def test_quiz_hides_the_numbers_and_reveals_them(window, page):
    import re

    names = ["loss_value_bce", "loss_value_bce_entropy", "loss_value_bce_kl", "loss_value_ce",
             "loss_value_ce_entropy", "loss_value_ce_kl", "loss_value_nll", "loss_value_mean_nll",
             "loss_value_mse", "loss_value_slope", "loss_value_intercept"]
    page.set_quiz(True)
    for n in names:
        assert not re.search(r"\d", label(window, n).text()), n
    assert page.bernoulli.formulas.isHidden() and page.normal.formulas.isHidden()
    spin(window, "spin_loss_z").setValue(2.0)  # numbers stay hidden while the state changes
    assert label(window, "loss_value_bce").text() == "?"
    page.set_quiz(False)
    assert not page.bernoulli.formulas.isHidden()
    for n in names:
        assert re.match(r"-?\d", label(window, n).text()), n
    assert_bernoulli(window)
    assert_categorical(window)
    assert_normal(window)


def test_loss_readouts_are_the_one_readout_grid(window, page, qtbot):
    """The same grid as every tab's: its copy text, the theme's text shades for the coloured names,
    and no unit on an MSE or a slope."""
    from klviz.gui.widgets.readouts import ReadoutGrid
    from klviz.style import ENTROPY_COLOR, text_color

    grids = {g.objectName(): g for g in window.findChildren(ReadoutGrid) if g.objectName().startswith("loss_")}
    assert set(grids) == {"loss_readouts_bce", "loss_readouts_ce", "loss_readouts_nll", "loss_readouts_data"}
    bce = grids["loss_readouts_bce"]
    assert bce.values["bce"] is label(window, "loss_value_bce")
    assert bce.row_text("bce") == f"BCE = {label(window, 'loss_value_bce').text()}"
    for key in ("mse", "slope", "intercept"):
        assert len(label(window, f"loss_value_{key}").text().split()) == 1, key
    name = label(window, "loss_name_bce")
    assert f"color: {text_color(ENTROPY_COLOR, False)};" in name.styleSheet()
    window.findChild(QtGui.QAction, "action_theme_dark").trigger()
    try:
        assert f"color: {text_color(ENTROPY_COLOR, True)};" in name.styleSheet()
        assert text_color(ENTROPY_COLOR, True) != text_color(ENTROPY_COLOR, False)
    finally:
        window.findChild(QtGui.QAction, "action_theme_light").trigger()
    assert f"color: {text_color(ENTROPY_COLOR, False)};" in name.styleSheet()


def test_keyboard_nudges_a_logit(window, page, qtbot):
    show(page, page.categorical)
    chart = plot(window, "plot_logits")
    chart.setFocus()
    z0 = page.model.losses.categorical.logits
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Up)
    assert page.model.losses.categorical.logits[1] == pytest.approx(z0[1] + 0.1)
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Down, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert page.model.losses.categorical.logits[1] == pytest.approx(z0[1] + 0.1 - 1.0)
    assert_categorical(window)
