"""The Continuous tab, driven through its widgets (spin boxes, sliders with real mouse and key
events, buttons) and checked against independent references: the MATH closed forms evaluated with
mpmath, scipy.stats.norm, and scipy.integrate.quad for mixtures."""

import json
import re
import math

import mpmath
import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from scipy import integrate, optimize
from scipy.special import logsumexp
from scipy.stats import norm

from klviz.core import Mixture, Normal
from uitools import _send

SPINS = ["spin_mu_p", "spin_sigma_p", "spin_mu_q", "spin_sigma_q", "spin_weight_p", "spin_mu2_p", "spin_sigma2_p",
         "spin_weight_q", "spin_mu2_q", "spin_sigma2_q"]
LABELS = {
    "normal_value_entropy_p": "h_p", "normal_value_entropy_q": "h_q",
    "normal_value_cross_entropy_pq": "ce_pq", "normal_value_cross_entropy_qp": "ce_qp",
    "normal_value_kl_pq": "kl_pq", "normal_value_kl_qp": "kl_qp",
}
LN = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


# -------------------------------------------------------------------------- helpers


def find(window, cls, name):
    w = window.findChild(cls, name)
    assert w is not None, name
    return w


def spin(window, name):
    return find(window, QtWidgets.QDoubleSpinBox, name)


def shown(window, name):
    return find(window, QtWidgets.QLabel, name).text()


def shown_number(window, name):
    return float(shown(window, name).split()[0])


@pytest.fixture
def page(window):
    window.tabs.setCurrentWidget(window.page_continuous)
    window.page_continuous.fit_duration_ms = 0  # fits jump to their end unless a test says otherwise
    return window.page_continuous


# A distribution for the references: ("normal", mu, sigma) or ("mixture", w, mu1, s1, mu2, s2)


def spec_from_widgets(window):
    v = {n: spin(window, n).value() for n in SPINS}

    def side(w):
        if find(window, QtWidgets.QCheckBox, f"check_mixture_{w}").isChecked():
            return ("mixture", v[f"spin_weight_{w}"], v[f"spin_mu_{w}"], v[f"spin_sigma_{w}"], v[f"spin_mu2_{w}"],
                    v[f"spin_sigma2_{w}"])
        return ("normal", v[f"spin_mu_{w}"], v[f"spin_sigma_{w}"])

    return side("p"), side("q")


def parts(spec):
    """[(weight, mu, sigma)] with zero weights dropped."""
    if spec[0] == "normal":
        return [(1.0, spec[1], spec[2])]
    w, m1, s1, m2, s2 = spec[1:]
    return [(a, m, s) for a, m, s in ((w, m1, s1), (1 - w, m2, s2)) if a > 0]


def ref_logpdf(spec, x):
    """log p(x) of a mixture at a scalar x, by hand (math only: quad calls it thousands of times)."""
    terms = [math.log(w) - math.log(s) - HALF_LOG_2PI - 0.5 * ((x - m) / s) ** 2 for w, m, s in parts(spec)]
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))


def ref_logpdf_array(spec, x):
    return logsumexp([math.log(w) + norm.logpdf(x, m, s) for w, m, s in parts(spec)], axis=0)


def ref_expect(weighting, fn):
    """∫ p_w(x) fn(x) dx by adaptive quadrature split at every component's mu + k sigma."""
    comps = parts(weighting)
    lo = min(m - 14 * s for _, m, s in comps)
    hi = max(m + 14 * s for _, m, s in comps)
    pts = sorted({m + k * s for _, m, s in comps for k in (-8, -4, -2, -1, 0, 1, 2, 4, 8)})
    pts = [t for t in pts if lo < t < hi]
    val, _ = integrate.quad(lambda x: math.exp(ref_logpdf(weighting, x)) * fn(x), lo, hi,
                            points=pts, limit=500, epsabs=1e-12, epsrel=1e-9)
    return val


def mp_closed_forms(mp_, sp_, mq_, sq_):
    """(h(P), H(P,Q), D(P‖Q)) for two Normals, from MATH.md, with mpmath at 40 digits."""
    with mpmath.workdps(40):
        mp_, sp_, mq_, sq_ = map(mpmath.mpf, (mp_, sp_, mq_, sq_))
        h = mpmath.log(2 * mpmath.pi * mpmath.e * sp_**2) / 2
        ce = mpmath.log(2 * mpmath.pi * sq_**2) / 2 + (sp_**2 + (mp_ - mq_) ** 2) / (2 * sq_**2)
        kl = mpmath.log(sq_ / sp_) + (sp_**2 / sq_**2 - 1) / 2 + (mp_ - mq_) ** 2 / (2 * sq_**2)
        return float(h), float(ce), float(kl)


def reference(p, q, unit="nats"):
    """Every readout of the pair, in `unit`, from independent references."""
    if p[0] == q[0] == "normal":
        h_p, ce_pq, kl_pq = mp_closed_forms(p[1], p[2], q[1], q[2])
        h_q, ce_qp, kl_qp = mp_closed_forms(q[1], q[2], p[1], p[2])
        assert h_p == pytest.approx(norm(p[1], p[2]).entropy(), rel=1e-12, abs=1e-12)
        assert h_q == pytest.approx(norm(q[1], q[2]).entropy(), rel=1e-12, abs=1e-12)
    else:
        def lp(x):
            return ref_logpdf(p, x)

        def lq(x):
            return ref_logpdf(q, x)

        h_p = -ref_expect(p, lp)
        ce_pq = -ref_expect(p, lq)
        kl_pq = ref_expect(p, lambda x: lp(x) - lq(x))
        h_q = norm(q[1], q[2]).entropy() if q[0] == "normal" else -ref_expect(q, lq)
        ce_qp = -ref_expect(q, lp)
        kl_qp = ref_expect(q, lambda x: lq(x) - lp(x))
    vals = dict(h_p=h_p, h_q=h_q, ce_pq=ce_pq, ce_qp=ce_qp, kl_pq=kl_pq, kl_qp=kl_qp)
    return {k: v / LN[unit] for k, v in vals.items()}


def assert_readouts_match(window, unit="nats"):
    p, q = spec_from_widgets(window)
    ref = reference(p, q, unit)
    for name, key in LABELS.items():
        text = shown(window, name)
        assert text.split()[1] == unit, name
        value = float(text.split()[0])
        mantissa = text.split()[0].lstrip("-").split("e")[0]
        digits = mantissa.replace(".", "").lstrip("0") if value != 0 else mantissa.replace(".", "")
        assert len(digits) >= 4, f"{name} shows fewer than four significant digits: {text!r}"
        # four significant digits shown: within half a unit in the last place, plus a little
        assert value == pytest.approx(ref[key], rel=6e-4, abs=1e-9), f"{name}: {text} vs {ref[key]}"


def ref_modes(spec):
    """Local maxima of a mixture's density, found with scipy near each component mean."""
    out = []
    for _, m, s in parts(spec):
        r = optimize.minimize_scalar(lambda x: -ref_logpdf(spec, x), bounds=(m - 2 * s, m + 2 * s),
                                     method="bounded", options={"xatol": 1e-10})
        out.append(r.x)
    return out


def ref_moments(spec):
    mean = ref_expect(spec, lambda x: x)
    var = ref_expect(spec, lambda x: (x - mean) ** 2)
    return mean, math.sqrt(var)


def set_mixture(window, w, mu1, s1, mu2, s2):
    find(window, QtWidgets.QCheckBox, "check_mixture_p").setChecked(True)
    for name, v in (("spin_weight_p", w), ("spin_mu_p", mu1), ("spin_sigma_p", s1), ("spin_mu2_p", mu2),
                    ("spin_sigma2_p", s2)):
        spin(window, name).setValue(v)


def set_q_mixture(window, w, mu1, s1, mu2, s2):
    find(window, QtWidgets.QCheckBox, "check_mixture_q").setChecked(True)
    for name, v in (("spin_weight_q", w), ("spin_mu_q", mu1), ("spin_sigma_q", s1), ("spin_mu2_q", mu2),
                    ("spin_sigma2_q", s2)):
        spin(window, name).setValue(v)


def set_q(window, mu, sigma):
    spin(window, "spin_mu_q").setValue(mu)
    spin(window, "spin_sigma_q").setValue(sigma)


def test_the_scalar_reference_agrees_with_scipy():
    spec = ("mixture", 0.3, -2.0, 0.6, 3.5, 1.4)
    x = np.linspace(-12, 12, 97)
    assert np.allclose([ref_logpdf(spec, t) for t in x], ref_logpdf_array(spec, x), rtol=1e-12)


# -------------------------------------------------------------------------- the contract


def test_contract_object_names_and_types(window):
    for name in SPINS:
        assert isinstance(window.findChild(QtWidgets.QDoubleSpinBox, name), QtWidgets.QDoubleSpinBox), name
    for which in "pq":
        assert isinstance(window.findChild(QtWidgets.QCheckBox, f"check_mixture_{which}"), QtWidgets.QCheckBox)
        for name in ("mu", "sigma", "weight", "mu2", "sigma2"):
            assert isinstance(window.findChild(QtWidgets.QSlider, f"slider_{name}_{which}"), QtWidgets.QSlider)
    for name in LABELS:
        assert isinstance(window.findChild(QtWidgets.QLabel, name), QtWidgets.QLabel), name
    for name in ("button_fit_forward", "button_fit_reverse"):
        assert isinstance(window.findChild(QtWidgets.QPushButton, name), QtWidgets.QPushButton), name
    assert (spin(window, "spin_mu_p").minimum(), spin(window, "spin_mu_p").maximum()) == (-10, 10)
    assert (spin(window, "spin_sigma_q").minimum(), spin(window, "spin_sigma_q").maximum()) == (0.05, 20)
    # the tab sits right after Discrete, with a mnemonic
    i = window.tabs.indexOf(window.page_continuous)
    assert window.tabs.tabText(i) == "&Continuous"
    assert window.tabs.tabText(i - 1) == "&Discrete"


def test_mnemonics_on_the_tab_are_unique(window, page):
    """Every Alt+key shown while the Continuous tab is up (its labels, buttons, the tabs, the
    menus and the unit selector) is used once."""
    keys = []
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [a.text() for a in window.menuBar().actions()]
    widgets = window.findChildren(QtWidgets.QLabel) + window.findChildren(QtWidgets.QAbstractButton)
    texts += [w.text() for w in widgets if w.isVisible() and not isinstance(w, QtWidgets.QTabBar)]
    for t in texts:
        if "<" in t:  # rich text ("&nbsp;"), not a mnemonic
            continue
        t = t.replace("&&", "")
        if "&" in t:
            keys.append(t[t.index("&") + 1].lower())
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"mnemonics used twice: {sorted(dupes)}"
    assert len(keys) >= 15


def test_initial_readouts_match_references(window):
    assert_readouts_match(window)
    assert "differential" in find(window, QtWidgets.QLabel, "normal_value_entropy_p").toolTip().lower()


@pytest.mark.parametrize("name, value", [
    ("spin_mu_p", 1.7), ("spin_mu_p", -9.5), ("spin_sigma_p", 0.2), ("spin_sigma_p", 13.0),
    ("spin_mu_q", -2.5), ("spin_sigma_q", 3.3), ("spin_sigma_q", 0.05),
])
def test_each_spin_box_updates_readouts_and_curves(window, page, name, value):
    spin(window, name).setValue(value)
    p, q = spec_from_widgets(window)
    assert spin(window, name).value() == pytest.approx(value)
    assert_readouts_match(window)
    # the model holds exactly what the spin boxes show
    P, Q = window.model.continuous("p"), window.model.continuous("q")
    assert (P.mu, P.sigma, Q.mu, Q.sigma) == (p[1], p[2], q[1], q[2])
    # the curves are the densities, and the integrands p log(p/q), q log(q/p)
    for key, spec in (("p", p), ("q", q)):
        x, y = page.plot_densities.curves[key].getData()
        assert np.allclose(y, norm.pdf(x, spec[1], spec[2]), rtol=1e-9, atol=1e-300)
    x, f = page.plot_integrands.curves["pq"].getData()
    lp, lq = norm.logpdf(x, p[1], p[2]), norm.logpdf(x, q[1], q[2])
    assert np.allclose(f, np.exp(lp) * (lp - lq), rtol=1e-9, atol=1e-12)
    x, g = page.plot_integrands.curves["qp"].getData()
    lp, lq = norm.logpdf(x, p[1], p[2]), norm.logpdf(x, q[1], q[2])
    assert np.allclose(g, np.exp(lq) * (lq - lp), rtol=1e-9, atol=1e-12)


def test_integrand_areas_are_the_divergences(window, page):
    set_q(window, 1.2, 0.7)
    x, f = page.plot_integrands.curves["pq"].getData()
    _, g = page.plot_integrands.curves["qp"].getData()
    assert integrate.trapezoid(f, x) == pytest.approx(shown_number(window, "normal_value_kl_pq"), rel=2e-3)
    assert integrate.trapezoid(g, x) == pytest.approx(shown_number(window, "normal_value_kl_qp"), rel=2e-3)
    # part of p log(p/q) is negative (where q > p): it is drawn below zero
    assert f.min() < 0


def test_negative_differential_entropy_is_marked_and_explained(window):
    spin(window, "spin_sigma_p").setValue(0.2)  # below 1/sqrt(2 pi e) = 0.242
    assert shown_number(window, "normal_value_entropy_p") < 0
    note = find(window, QtWidgets.QLabel, "normal_value_entropy_p_reason")
    assert not note.isHidden() and "negative" in note.text() and "differential" in note.text()
    assert "can be negative" in note.toolTip()
    assert_readouts_match(window)
    spin(window, "spin_sigma_p").setValue(0.25)
    assert shown_number(window, "normal_value_entropy_p") > 0
    assert note.isHidden()


def test_mixture_on_and_off(window, page):
    check = find(window, QtWidgets.QCheckBox, "check_mixture_p")
    # the second component can be set first and is used when the mixture is switched on
    spin(window, "spin_mu2_p").setValue(3.5)
    assert isinstance(window.model.continuous("p"), Normal)
    check.setChecked(True)
    P = window.model.continuous("p")
    assert isinstance(P, Mixture) and P.components[1].mu == 3.5
    set_mixture(window, 0.3, -2.0, 0.6, 3.5, 1.4)
    P = window.model.continuous("p")
    assert P == Mixture.from_params(0.3, -2.0, 0.6, 3.5, 1.4)
    assert_readouts_match(window)
    # the density drawn is the mixture's, with its two weighted components
    x, y = page.plot_densities.curves["p"].getData()
    assert np.allclose(y, 0.3 * norm.pdf(x, -2, 0.6) + 0.7 * norm.pdf(x, 3.5, 1.4), rtol=1e-9, atol=1e-300)
    p, q = spec_from_widgets(window)
    x, f = page.plot_integrands.curves["qp"].getData()
    lp, lq = ref_logpdf_array(p, x), norm.logpdf(x, q[1], q[2])
    assert np.allclose(f, np.exp(lq) * (lq - lp), rtol=1e-9, atol=1e-12)
    spin(window, "spin_weight_p").setValue(0.85)
    assert window.model.continuous("p").weight == 0.85
    assert_readouts_match(window)
    check.setChecked(False)
    assert window.model.continuous("p") == Normal(-2.0, 0.6)
    assert not spin(window, "spin_mu2_p").isEnabled()
    assert_readouts_match(window)
    check.setChecked(True)  # the second component came back
    assert window.model.continuous("p") == Mixture.from_params(0.85, -2.0, 0.6, 3.5, 1.4)
    # undo walks back through each step
    window.model.undo_stack.undo()
    assert window.model.continuous("p") == Normal(-2.0, 0.6)
    assert not check.isChecked()


def test_mixture_q_on_and_off(window, page):
    """Q may be a two-component mixture too (a session file may hold one): same controls as P's."""
    check = find(window, QtWidgets.QCheckBox, "check_mixture_q")
    assert not spin(window, "spin_weight_q").isEnabled()
    spin(window, "spin_mu2_q").setValue(-2.5)  # remembered while Q is a Normal
    assert isinstance(window.model.continuous("q"), Normal)
    check.setChecked(True)
    Q = window.model.continuous("q")
    assert isinstance(Q, Mixture) and Q.components[0] == Normal(1.0, 1.5) and Q.components[1].mu == -2.5
    assert all(spin(window, f"spin_{n}_q").isEnabled() for n in ("weight", "mu2", "sigma2"))
    set_q_mixture(window, 0.35, 1.5, 0.7, -2.5, 1.1)
    assert window.model.continuous("q") == Mixture.from_params(0.35, 1.5, 0.7, -2.5, 1.1)
    assert_readouts_match(window)
    # the density drawn is the mixture's, with its weighted components dashed
    x, y = page.plot_densities.curves["q"].getData()
    assert np.allclose(y, 0.35 * norm.pdf(x, 1.5, 0.7) + 0.65 * norm.pdf(x, -2.5, 1.1), rtol=1e-9, atol=1e-300)
    assert all(item.isVisible() for item in page.plot_densities._comp_q)
    p, q = spec_from_widgets(window)
    x, f = page.plot_integrands.curves["pq"].getData()
    lp, lq = norm.logpdf(x, p[1], p[2]), ref_logpdf_array(q, x)
    assert np.allclose(f, np.exp(lp) * (lp - lq), rtol=1e-9, atol=1e-12)
    # both mixtures at once
    set_mixture(window, 0.3, -2.0, 0.6, 3.5, 1.4)
    assert_readouts_match(window)
    check.setChecked(False)
    assert window.model.continuous("q") == Normal(1.5, 0.7)
    assert not any(item.isVisible() for item in page.plot_densities._comp_q)
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == Mixture.from_params(0.35, 1.5, 0.7, -2.5, 1.1) and check.isChecked()


def test_a_mixture_q_from_a_file_opens(window, page, tmp_path):
    path = tmp_path / "mixq.klviz"
    q = {"family": "mixture", "weight": 0.25, "components": [{"mu": -1, "sigma": 0.5}, {"mu": 2, "sigma": 1.25}]}
    path.write_text(json.dumps({"format": "klviz-session", "version": 1,
                                "continuous": {"p": {"family": "normal", "mu": 0.5, "sigma": 2}, "q": q}}))
    assert window.open_session(str(path))
    assert find(window, QtWidgets.QCheckBox, "check_mixture_q").isChecked()
    assert [spin(window, f"spin_{n}_q").value() for n in ("weight", "mu", "sigma", "mu2", "sigma2")] == \
        [0.25, -1, 0.5, 2, 1.25]
    assert_readouts_match(window)
    assert "0.25·N(−1, 0.5²) + 0.75·N(2, 1.25²)" in page.caption_densities.text()


def test_a_needle_thin_p_far_from_a_wide_q_draws_finite_axes(window, page, qtbot, tmp_path):
    """N(0, 1e-208) against N(1e300, 1e248): the integrand reaches the top of the float range, and
    its axis limits (a round number above it, padded) overflowed to an infinite range that
    pyqtgraph refuses in the event loop (found by hypothesis in test_every_file_opens)."""
    path = tmp_path / "needle.klviz"
    path.write_text(json.dumps({"format": "klviz-session", "version": 1, "continuous": {
        "p": {"family": "normal", "mu": 0, "sigma": 1e-208}, "q": {"family": "normal", "mu": 1e300, "sigma": 1e248}}}))
    assert window.open_session(str(path))
    window.tabs.setCurrentWidget(page)
    qtbot.wait(20)
    page.grab()
    for chart in (page.plot_densities, page.plot_integrands):
        (x0, x1), (y0, y1) = chart.getPlotItem().vb.viewRange()
        assert all(math.isfinite(v) for v in (x0, x1, y0, y1)) and y1 > y0


@pytest.mark.parametrize("kind", ["forward", "reverse"])
def test_a_fit_from_a_mixture_q_starts_at_its_moment_match(window, page, kind):
    set_q_mixture(window, 0.5, -3.0, 0.6, 2.0, 0.8)
    start = ref_moments(spec_from_widgets(window)[1])
    find(window, QtWidgets.QPushButton, f"button_fit_{kind}").click()
    Q = window.model.continuous("q")
    assert isinstance(Q, Normal) and not find(window, QtWidgets.QCheckBox, "check_mixture_q").isChecked()
    mus, _ = page.plot_densities.curves["path"].getData()
    assert mus[0] == pytest.approx(start[0], abs=1e-9)  # from Q's moment-matched Normal
    if kind == "forward":
        assert (Q.mu, Q.sigma) == pytest.approx((0.0, 1.0), abs=1e-9)  # P = N(0, 1) itself
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == Mixture.from_params(0.5, -3.0, 0.6, 2.0, 0.8)


def test_unit_variance_is_for_a_normal_q(window, page):
    uv = find(window, QtWidgets.QCheckBox, "check_unit_variance_q")
    uv.setChecked(True)
    assert window.model.continuous("q").sigma == 1.0 and not find(window, QtWidgets.QGroupBox, "group_mse").isHidden()
    find(window, QtWidgets.QCheckBox, "check_mixture_q").setChecked(True)  # the link is about a Normal Q
    assert isinstance(window.model.continuous("q"), Mixture)
    assert not uv.isChecked() and not uv.isEnabled()
    assert find(window, QtWidgets.QGroupBox, "group_mse").isHidden()
    assert spin(window, "spin_sigma_q").isEnabled()
    assert_readouts_match(window)
    find(window, QtWidgets.QCheckBox, "check_mixture_q").setChecked(False)
    assert uv.isEnabled()


def test_mixture_with_extreme_weights(window):
    set_mixture(window, 0.0, -2.0, 0.6, 3.5, 1.4)
    assert_readouts_match(window)
    spin(window, "spin_weight_p").setValue(1.0)
    assert_readouts_match(window)


@pytest.mark.parametrize("unit", ["bits", "hartleys", "nats"])
def test_unit_switching(window, unit):
    set_mixture(window, 0.4, -1.0, 0.5, 2.0, 1.0)
    set_q(window, 0.5, 0.3)
    find(window, QtWidgets.QComboBox, "combo_unit").setCurrentText(unit)
    assert window.model.unit == unit
    assert_readouts_match(window, unit)
    assert unit in window.page_continuous.caption_integrands.text()


def test_spin_boxes_follow_undo(window):
    spin(window, "spin_mu_q").setValue(4.25)
    window.model.undo_stack.undo()
    assert spin(window, "spin_mu_q").value() == 1.0
    assert_readouts_match(window)


# -------------------------------------------------------------------------- sliders


def _handle_center(slider):
    opt = QtWidgets.QStyleOptionSlider()
    slider.initStyleOption(opt)
    rect = slider.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_Slider, opt,
                                         QtWidgets.QStyle.SubControl.SC_SliderHandle, slider)
    return rect.center()


def test_slider_drag_is_one_undo_step(window, page, qtbot):
    slider = find(window, QtWidgets.QSlider, "slider_mu_q")
    before = window.model.continuous("q")
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    start = _handle_center(slider)
    _send(slider, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    assert window.model.gesture_active
    seen = []
    for dx in range(8, 80, 8):
        _send(slider, QtCore.QEvent.Type.MouseMove, start + QtCore.QPoint(dx, 0), none, left)
        seen.append(window.model.continuous("q").mu)
        assert shown(window, "normal_value_kl_pq")  # readouts live during the drag
    _send(slider, QtCore.QEvent.Type.MouseButtonRelease, start + QtCore.QPoint(72, 0), left, none)
    assert not window.model.gesture_active
    assert len(set(seen)) > 3 and seen == sorted(seen)  # live, moving right
    after = window.model.continuous("q")
    assert after.mu > before.mu and after.sigma == before.sigma
    assert spin(window, "spin_mu_q").value() == after.mu
    assert_readouts_match(window)
    assert window.model.undo_stack.count() == 1
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == before
    assert spin(window, "spin_mu_q").value() == before.mu


def test_sliders_are_keyboard_adjustable(window, page, qtbot):
    slider = find(window, QtWidgets.QSlider, "slider_mu_p")
    slider.setFocus()
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_Right)
    assert window.model.continuous("p").mu == pytest.approx(0.1)
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_PageUp)
    assert window.model.continuous("p").mu == pytest.approx(1.1)
    sigma = find(window, QtWidgets.QSlider, "slider_sigma_p")
    sigma.setFocus()
    qtbot.keyClick(sigma, QtCore.Qt.Key.Key_Left)
    s = window.model.continuous("p").sigma
    assert 0.9 < s < 1.0  # a log-scaled step: a few per cent
    assert spin(window, "spin_sigma_p").value() == s
    assert_readouts_match(window)
    # the spin boxes too
    box = spin(window, "spin_mu_q")
    box.setFocus()
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Up)
    assert window.model.continuous("q").mu == pytest.approx(1.1)


def test_log_slider_spans_its_range(window):
    slider = find(window, QtWidgets.QSlider, "slider_sigma_q")
    slider.setValue(slider.minimum())
    assert window.model.continuous("q").sigma == 0.05
    slider.setValue(slider.maximum())
    assert window.model.continuous("q").sigma == 20.0
    slider.setValue((slider.minimum() + slider.maximum()) // 2)
    assert window.model.continuous("q").sigma == pytest.approx(1.0, abs=1e-4)  # sqrt(0.05 * 20)


# -------------------------------------------------------------------------- fits


def test_forward_fit_is_moment_matching(window, page):
    set_mixture(window, 0.35, -3.0, 0.8, 2.5, 1.2)
    set_q(window, 4.0, 0.5)
    count = window.model.undo_stack.count()
    find(window, QtWidgets.QPushButton, "button_fit_forward").click()
    mean, sd = ref_moments(spec_from_widgets(window)[0])
    Q = window.model.continuous("q")
    assert Q.mu == pytest.approx(mean, rel=1e-9, abs=1e-9)
    assert Q.sigma == pytest.approx(sd, rel=1e-9)
    # the spin boxes hold the fitted parameters
    assert spin(window, "spin_mu_q").value() == pytest.approx(mean, abs=5e-5)
    assert spin(window, "spin_sigma_q").value() == pytest.approx(sd, abs=5e-5)
    # the readouts describe the fitted Q
    p, _ = spec_from_widgets(window)
    ref = reference(p, ("normal", Q.mu, Q.sigma))
    assert shown_number(window, "normal_value_kl_pq") == pytest.approx(ref["kl_pq"], rel=6e-4)
    # one undo step, which goes back to the starting Q
    assert window.model.undo_stack.count() == count + 1
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == Normal(4.0, 0.5)
    window.model.undo_stack.redo()
    assert window.model.continuous("q") == Q
    # the path was drawn: from the start to the fitted Q
    mus, _ = page.plot_densities.curves["path"].getData()
    assert mus[0] == pytest.approx(4.0) and mus[-1] == pytest.approx(mean)


def test_forward_fit_beyond_the_slider_range_is_shown_as_it_is(window, page):
    set_mixture(window, 0.5, -10.0, 20.0, 10.0, 20.0)
    find(window, QtWidgets.QPushButton, "button_fit_forward").click()
    sd = window.model.continuous("q").sigma
    assert sd == pytest.approx(math.sqrt(400 + 100), rel=1e-9)  # > 20, the slider's end
    assert spin(window, "spin_sigma_q").value() == pytest.approx(sd, abs=5e-5)


@pytest.mark.parametrize("start_mu, start_sigma, side", [
    (-1.0, 2.5, 0), (0.5, 2.5, 1), (-7.0, 0.3, 0), (8.0, 4.0, 1), (-0.35, 0.6, 0), (0.0, 1.0, 1),
])
def test_reverse_fit_ends_at_the_nearest_mode(window, page, start_mu, start_sigma, side):
    set_mixture(window, 0.4, -4.0, 0.6, 3.5, 0.9)  # well separated, unequal
    set_q(window, start_mu, start_sigma)
    p, _ = spec_from_widgets(window)
    modes = ref_modes(p)
    assert abs(start_mu - modes[side]) < abs(start_mu - modes[1 - side])  # the nearest mode
    count = window.model.undo_stack.count()
    find(window, QtWidgets.QPushButton, "button_fit_reverse").click()
    Q = window.model.continuous("q")
    assert Q.mu == pytest.approx(modes[side], abs=0.05)
    assert Q.sigma == pytest.approx((0.6, 0.9)[side], rel=0.05)
    # a local minimum of D(Q‖P), checked with the quadrature reference
    def d_qp(mu, s):
        q = ("normal", mu, s)
        return ref_expect(q, lambda x: ref_logpdf(q, x) - ref_logpdf(p, x))

    best = d_qp(Q.mu, Q.sigma)
    for dm, ds in ((0.03, 1), (-0.03, 1), (0, 1.04), (0, 0.96)):
        assert d_qp(Q.mu + dm, Q.sigma * ds) > best
    assert spin(window, "spin_mu_q").value() == pytest.approx(Q.mu, abs=5e-5)
    assert spin(window, "spin_sigma_q").value() == pytest.approx(Q.sigma, abs=5e-5)
    assert window.model.undo_stack.count() == count + 1
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == Normal(start_mu, start_sigma)


def test_reverse_fit_of_a_normal_p_is_p(window, page):
    spin(window, "spin_mu_p").setValue(-2.0)
    spin(window, "spin_sigma_p").setValue(0.7)
    find(window, QtWidgets.QPushButton, "button_fit_reverse").click()
    Q = window.model.continuous("q")
    assert (Q.mu, Q.sigma) == pytest.approx((-2.0, 0.7), abs=1e-5)
    assert shown_number(window, "normal_value_kl_qp") == pytest.approx(0.0, abs=1e-9)


def test_fit_from_the_optimum_changes_nothing(window, page):
    spin(window, "spin_mu_q").setValue(0.0)
    spin(window, "spin_sigma_q").setValue(1.0)
    count = window.model.undo_stack.count()
    find(window, QtWidgets.QPushButton, "button_fit_forward").click()
    assert window.model.undo_stack.count() == count
    assert window.model.continuous("q") == Normal(0.0, 1.0)


def test_the_real_animation_runs_to_the_end(window, page, qtbot):
    page.fit_duration_ms = 2000  # the real thing
    window.model.apply_continuous_preset("bimodal-p")
    P, start = window.model.continuous("p"), window.model.continuous("q")
    frames = []
    window.model.continuousChanged.connect(lambda: frames.append(window.model.continuous("q")))
    count = window.model.undo_stack.count()
    find(window, QtWidgets.QPushButton, "button_fit_reverse").click()
    assert page.fitting and window.model.fit_active
    assert not window.action_undo.isEnabled()  # no undo in the middle of a fit
    qtbot.waitUntil(lambda: not page.fitting, timeout=8000)
    from klviz.core.gaussian import fit_reverse_kl_nearest_mode

    expected = fit_reverse_kl_nearest_mode(P, start).normal
    assert window.model.continuous("q") == expected  # exactly the fitted Normal
    assert len(set(frames)) > 5  # it was animated, not jumped (frames depend on the machine's speed)
    assert frames[-1] == expected
    assert window.model.undo_stack.count() == count + 1
    assert window.action_undo.isEnabled()
    assert spin(window, "spin_mu_q").value() == pytest.approx(expected.mu, abs=5e-5)


def test_an_edit_during_a_fit_finishes_it_first(window, page, qtbot):
    page.fit_duration_ms = 5000
    window.model.apply_continuous_preset("bimodal-p")
    count = window.model.undo_stack.count()
    find(window, QtWidgets.QPushButton, "button_fit_forward").click()
    qtbot.wait(150)
    assert page.fitting
    spin(window, "spin_mu_p").setValue(-2.0)
    assert not page.fitting
    assert window.model.undo_stack.count() == count + 2  # the fit, then the edit
    window.model.undo_stack.undo()
    assert window.model.continuous("q") == window.model.continuous_fit("forward").normal  # the fitted Q


def test_opening_a_session_during_a_fit_stops_it(window, page, qtbot, tmp_path):
    path = tmp_path / "s.json"
    assert window.save_session(str(path))
    page.fit_duration_ms = 5000
    find(window, QtWidgets.QPushButton, "button_fit_forward").click()
    qtbot.wait(100)
    assert window.open_session(str(path))
    assert not page.fitting and not window.model.fit_active
    assert window.model.undo_stack.count() == 0
    qtbot.wait(100)
    assert window.model.undo_stack.count() == 0


# -------------------------------------------------------------------------- sessions, MSE, presets


def test_save_session_json_shape(window, tmp_path):
    set_q(window, -1.25, 2.5)
    spin(window, "spin_mu_p").setValue(0.75)
    path = tmp_path / "normal.json"
    assert window.save_session(str(path))
    data = json.loads(path.read_text())
    assert data["continuous"] == {"p": {"family": "normal", "mu": 0.75, "sigma": 1.0},
                                  "q": {"family": "normal", "mu": -1.25, "sigma": 2.5},
                                  # each single Normal's mixture part, remembered (format version 2)
                                  "second": {"p": {"weight": 0.5, "mu": 4.0, "sigma": 1.0},
                                             "q": {"weight": 0.5, "mu": -3.0, "sigma": 1.0}}}
    set_mixture(window, 0.3, -2.0, 0.6, 3.5, 1.4)
    path = tmp_path / "mixture.json"
    assert window.save_session(str(path))
    data = json.loads(path.read_text())
    assert data["continuous"]["p"] == {"family": "mixture", "weight": 0.3,
                                       "components": [{"mu": -2.0, "sigma": 0.6}, {"mu": 3.5, "sigma": 1.4}]}
    assert data["continuous"]["q"] == {"family": "normal", "mu": -1.25, "sigma": 2.5}
    assert list(data["continuous"]["second"]) == ["q"]  # P's second part is P's own now
    # and it reads back into the widgets
    window.new_session()
    assert window.open_session(str(path))
    assert find(window, QtWidgets.QCheckBox, "check_mixture_p").isChecked()
    assert [spin(window, n).value() for n in ("spin_weight_p", "spin_mu_p", "spin_sigma_p", "spin_mu2_p",
                                              "spin_sigma2_p")] == [0.3, -2.0, 0.6, 3.5, 1.4]
    assert_readouts_match(window)


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
@pytest.mark.parametrize("mixture", [False, True])
def test_unit_variance_q_is_the_mse_link(window, page, unit, mixture):
    window.model.set_unit(unit)
    if mixture:
        set_mixture(window, 0.3, -2.0, 0.6, 3.5, 1.4)
    else:
        spin(window, "spin_mu_p").setValue(0.5)
        spin(window, "spin_sigma_p").setValue(1.7)
    set_q(window, 2.25, 3.0)
    check = find(window, QtWidgets.QCheckBox, "check_unit_variance_q")
    check.setChecked(True)
    assert window.model.continuous("q").sigma == 1.0
    assert spin(window, "spin_sigma_q").value() == 1.0
    assert not spin(window, "spin_sigma_q").isEnabled()
    p, q = spec_from_widgets(window)
    mean, sd = ref_moments(p) if mixture else (p[1], p[2])
    expected = (HALF_LOG_2PI + 0.5 * (sd**2 + (mean - q[1]) ** 2)) / LN[unit]
    assert find(window, QtWidgets.QGroupBox, "group_mse").isVisible()
    value = shown(window, "normal_value_mse")
    assert float(value.split()[0]) == pytest.approx(expected, rel=6e-4)
    assert value.split()[1] == unit
    formula = re.sub(r"<[^>]+>", "", shown(window, "normal_mse_formula").replace("&nbsp;", " "))
    if unit == "nats":
        assert "½ log 2π" in formula
    else:  # each term is in nats over ln 2: "½ σP²" alone would not be 0.7213 bits at σP² = 1
        assert "(½ ln 2π + ½ σP² + ½ (μP − μQ)²) / ln " + ("2" if unit == "bits" else "10") in formula
    # the three terms shown are the constant, half P's variance and half the squared error
    terms = re.search(r"= ([-\d.e]+) \+ ([-\d.e]+) \+ ([-\d.e]+) " + unit, formula).groups()
    assert [float(t) for t in terms] == pytest.approx(
        [HALF_LOG_2PI / LN[unit], 0.5 * sd**2 / LN[unit], 0.5 * (mean - q[1]) ** 2 / LN[unit]], rel=6e-4)
    # it is the cross-entropy H(P,Q) the readouts show
    assert shown_number(window, "normal_value_cross_entropy_pq") == pytest.approx(expected, rel=6e-4)
    assert_readouts_match(window, unit)
    # moving Q's mean moves the squared error
    spin(window, "spin_mu_q").setValue(-1.0)
    expected = (HALF_LOG_2PI + 0.5 * (sd**2 + (mean + 1.0) ** 2)) / LN[unit]
    assert shown_number(window, "normal_value_mse") == pytest.approx(expected, rel=6e-4)
    # undo past the toggle restores sigma_Q and releases it
    window.model.undo_stack.undo()
    window.model.undo_stack.undo()
    assert window.model.continuous("q").sigma == 3.0
    assert not check.isChecked() and spin(window, "spin_sigma_q").isEnabled()
    assert not find(window, QtWidgets.QGroupBox, "group_mse").isVisible()


@pytest.mark.parametrize("key", ["identical", "shifted", "q-wider", "q-narrower", "bimodal-p"])
def test_presets(window, page, key):
    action = window.findChild(QtGui.QAction, f"action_continuous_preset_{key}")
    assert action is not None
    action.trigger()
    P, Q = window.model.continuous("p"), window.model.continuous("q")
    assert find(window, QtWidgets.QCheckBox, "check_mixture_p").isChecked() == (key == "bimodal-p")
    if key == "identical":
        assert P == Q and shown_number(window, "normal_value_kl_pq") == 0
    if key == "q-wider":
        assert Q.sigma > P.sigma
    if key == "q-narrower":
        assert Q.sigma < P.sigma
    if key == "shifted":
        assert Q.mu != P.mu and Q.sigma == P.sigma
    assert_readouts_match(window)
    assert window.model.undo_stack.count() == 1


# -------------------------------------------------------------------------- classroom: quiz and looks


def test_quiz_mode_hides_every_number_on_the_tab(window, page, qtbot):
    import re

    page.check_unit_variance.setChecked(True)
    spin(window, "spin_sigma_p").setValue(0.2)  # a negative h(P): its note gives a hint, hidden too
    quiz = window.findChild(QtGui.QAction, "action_quiz")
    quiz.trigger()
    spin(window, "spin_mu_q").setValue(-1.5)  # numbers stay hidden while the state changes
    names = list(LABELS) + ["normal_value_mse", "normal_mse_formula"]
    texts = [(n, shown(window, n)) for n in names] + [
        (c.objectName(), c.text()) for c in (page.label_decomposition, page.caption_integrands, page.caption_densities)]
    for name, text in texts:
        text = text.replace("σ_P²", "").replace("(μ_P&nbsp;−&nbsp;μ_Q)²", "")
        if name == "caption_densities":  # the parameters shown there are the inputs, not answers
            continue
        assert not re.search(r"\d", re.sub(r"<[^>]*>|log&nbsp;2π|log 2π|π|σ_Q = 1", "", text)), (name, text)
    assert not page.plot_integrands.isVisible() and page.quiz_placeholder.isVisible()
    assert not find(window, QtWidgets.QLabel, "normal_value_entropy_p_reason").isVisible()
    quiz.trigger()
    assert page.plot_integrands.isVisible() and not page.quiz_placeholder.isVisible()
    assert_readouts_match(window)


def test_dark_theme_recolours_the_curves(window, page):
    from klviz.style import P_DARK, Q_DARK

    window.findChild(QtGui.QAction, "action_theme_dark").trigger()
    assert page.plot_densities.curves["p"].pen().color().name().upper() == P_DARK.upper()
    assert page.plot_integrands.curves["qp"].pen().color().name().upper() == Q_DARK.upper()
    assert P_DARK.lower() in page.caption_densities.text().lower()
    window.findChild(QtGui.QAction, "action_theme_light").trigger()


def test_curves_are_drafted_while_moving_and_smooth_after(window, page, qtbot):
    line = page.plot_densities.curves["p"]
    qtbot.wait(200)
    spin(window, "spin_mu_p").setValue(0.5)  # a single change: drawn smooth at once
    assert line.antialias()
    spin(window, "spin_mu_p").setValue(0.6)  # a burst: drafts while it lasts
    assert not line.antialias()
    qtbot.waitUntil(line.antialias, timeout=2000)  # smooth again once it stops
    slider = find(window, QtWidgets.QSlider, "slider_mu_p")
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    start = _handle_center(slider)
    _send(slider, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    _send(slider, QtCore.QEvent.Type.MouseMove, start + QtCore.QPoint(10, 0), none, left)
    qtbot.wait(300)
    assert not line.antialias()  # still held: still a draft
    _send(slider, QtCore.QEvent.Type.MouseButtonRelease, start + QtCore.QPoint(10, 0), left, none)
    qtbot.waitUntil(line.antialias, timeout=2000)


def test_a_dashed_line_is_cut_to_the_view(qtbot):
    """Qt lays out every dash of a stroked path, on screen or not: a dashed curve whose points
    reach 1e12 view heights past the view froze the window (a valid file's mixture component,
    found by test_valid_session_files_open_in_every_tab). Its path is cut to the view: the
    points are held within LineItem.VIEW_MARGIN view sizes, what the view shows is unchanged."""
    import time

    import pyqtgraph as pg
    from PySide6 import QtCore

    from klviz.gui.widgets.curves import LineItem

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    item = LineItem(pg.mkPen("#0072B2", width=2, style=QtCore.Qt.PenStyle.DashLine))
    plot.addItem(item)
    x = np.linspace(-1, 1, 201)
    y = np.where(np.abs(x) < 0.006, 1e12, 0.5)  # one spike, 1e12 view heights tall
    item.setData(x, y)
    plot.setXRange(-1, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    qtbot.wait(20)
    path = item._dashed_path()
    box = path.boundingRect()
    view = item.viewRect()
    m = LineItem.VIEW_MARGIN
    assert box.top() >= view.top() - m * view.height() - 1e-9
    assert box.bottom() <= view.bottom() + m * view.height() + 1e-9
    shown = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    flat = [(a, b) for a, b in shown if b == 0.5]
    assert len(flat) == int((y == 0.5).sum())  # every on-screen point drawn where it is
    t = time.perf_counter()
    plot.grab()
    assert time.perf_counter() - t < 5.0
