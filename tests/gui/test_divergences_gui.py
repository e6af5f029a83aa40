"""Issue 14 in the app: the "More divergences" group on the Discrete and Continuous tabs, the α-fit
with its inset, "Copy as LaTeX", and the Coding tab fed from the Discrete tab.

Shown numbers are checked against independent references (the MATH.md definitions written out
here with numpy / mpmath, the Normal closed forms) and against klviz.core's own values (the
readouts show exactly those, to four digits)."""

import math
import re

import mpmath
import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import latex
from klviz.core import Categorical, Normal, discrete_measures
from klviz.core.alpha import fit_alpha
from klviz.core.divergences import divergence_family
from klviz.core.format import format_value
from klviz.core.gaussian import continuous_measures

KEYS = ("tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp")


def label(page, name):
    w = page.findChild(QtWidgets.QLabel, name)
    assert w is not None, name
    return w


def shown(page, key):
    """The number a value label shows (inf for "∞")."""
    text = label(page, "value_" + key).text()
    first = text.split()[0]
    return math.inf if first == "∞" else float(first.replace("−", "-"))


def show_group(qtbot, page):
    group = page.findChild(QtWidgets.QGroupBox, "group_divergences")
    assert group is not None and group.isCheckable()
    group.setChecked(True)
    qtbot.waitUntil(lambda: label(page, "value_tv").isVisible())
    QtWidgets.QApplication.processEvents()
    return group


def discrete_reference(p, q, alpha):
    """MATH.md "Beyond KL", in mpmath at 50 digits (nats)."""
    mpmath.mp.dps = 50
    p = [mpmath.mpf(float(x)) for x in p]
    q = [mpmath.mpf(float(x)) for x in q]
    sp, sq = mpmath.fsum(p), mpmath.fsum(q)
    p = [x / sp for x in p]
    q = [x / sq for x in q]
    out = {"tv": mpmath.fsum(abs(a - b) for a, b in zip(p, q)) / 2,
           "hellinger": mpmath.sqrt(mpmath.fsum((mpmath.sqrt(a) - mpmath.sqrt(b)) ** 2 for a, b in zip(p, q)) / 2)}
    for key, (x, y) in (("chi2_pq", (p, q)), ("chi2_qp", (q, p))):
        if any(a > 0 and b == 0 for a, b in zip(x, y)):
            out[key] = math.inf
        else:
            out[key] = mpmath.fsum((a - b) ** 2 / b for a, b in zip(x, y) if b > 0)
    for key, (x, y) in (("renyi_pq", (p, q)), ("renyi_qp", (q, p))):
        if any(a > 0 and b == 0 for a, b in zip(x, y)) and alpha > 1:
            out[key] = math.inf
        elif math.isinf(alpha):
            out[key] = mpmath.log(max(a / b for a, b in zip(x, y) if a > 0))
        else:
            s = mpmath.fsum(a**alpha * b ** (1 - alpha) for a, b in zip(x, y) if a > 0 and b > 0)
            out[key] = mpmath.log(s) / (alpha - 1)
    return {k: float(v) for k, v in out.items()}


def assert_close(a, b, rel=2e-3):
    if math.isinf(b):
        assert math.isinf(a), (a, b)
    else:
        assert a == pytest.approx(b, rel=rel, abs=1e-12), (a, b)


# --------------------------------------------------------------------------- discrete


PAIRS = [
    ((0.5, 0.25, 0.125, 0.125), (0.25, 0.25, 0.25, 0.25)),
    ((0.7, 0.2, 0.1), (0.1, 0.3, 0.6)),
    ((0.6, 0.4, 0.0), (0.3, 0.3, 0.4)),  # P has a zero: χ²(Q‖P) and D_2(Q‖P) are ∞
]


@pytest.mark.parametrize("p, q", PAIRS)
def test_discrete_group_shows_core_values(qtbot, window, p, q):
    page = window.page_discrete
    m = window.model
    m.set_categories(len(p))
    m.set_distribution("p", np.array(p), "P")
    m.set_distribution("q", np.array(q), "Q")
    show_group(qtbot, page)
    d = m.discrete
    fam = divergence_family(d.p, d.q, 2.0, "nats")
    ref = discrete_reference(d.p, d.q, 2.0)
    for key in KEYS:
        text = label(page, "value_" + key).text()
        unit = "nats" if key.startswith("renyi") else "unitless"
        assert text == f"{format_value(getattr(fam, key))} {unit}", (key, text)
        assert_close(shown(page, key), ref[key])
        # a formula in every tooltip
        assert "=" in label(page, "value_" + key).toolTip()
    for key in KEYS:
        reason = label(page, f"value_{key}_reason")
        assert reason.isVisible() == math.isinf(ref[key]), key
    if 0.0 in p:  # the reason names the category, by its label
        assert "P(C) = 0" in label(page, "value_chi2_qp_reason").text()


def test_discrete_unit_applies_to_renyi_only(qtbot, window):
    page = window.page_discrete
    show_group(qtbot, page)
    nats = {k: shown(page, k) for k in KEYS}
    window.model.set_unit("bits")
    QtWidgets.QApplication.processEvents()
    for k in KEYS:
        text = label(page, "value_" + k).text()
        if k.startswith("renyi"):
            assert text.endswith(" bits")
            assert shown(page, k) == pytest.approx(nats[k] / math.log(2), rel=1e-3)
        else:
            assert text.endswith(" unitless") and shown(page, k) == nats[k]
    assert "unitless" in label(page, "label_divergences_units").text()


def test_hidden_group_computes_nothing_and_is_hidden(qtbot, window):
    page = window.page_discrete
    group = page.findChild(QtWidgets.QGroupBox, "group_divergences")
    assert not group.isChecked() and not label(page, "value_tv").isVisible()
    calls = []
    original = page.family
    page.family = lambda: calls.append(1) or original()
    window.model.apply_preset("p", "peaked")
    assert calls == []
    group.setChecked(True)
    assert calls == [1]


def test_renyi_alpha_slider_and_edit(qtbot, window):
    page = window.page_discrete
    show_group(qtbot, page)
    slider = page.findChild(QtWidgets.QSlider, "slider_renyi_alpha")
    edit = page.findChild(QtWidgets.QLineEdit, "edit_renyi_alpha")
    assert edit.text() == "2"
    d = window.model.discrete
    before = shown(page, "renyi_pq")
    # log scale: the middle tick is α = 1, the KL divergence
    from klviz.scene.divergences import RENYI_KL_POSITION, RENYI_MARKS

    assert dict(RENYI_MARKS)[RENYI_KL_POSITION] == "1 = KL"
    ruler = page.findChild(QtWidgets.QWidget, "ruler_renyi_alpha")
    assert [ruler.x_of(pos) for pos, _ in RENYI_MARKS] == sorted(ruler.x_of(pos) for pos, _ in RENYI_MARKS)
    slider.setValue(RENYI_KL_POSITION)
    assert edit.text() == "1"
    assert "KL" in label(page, "name_renyi_pq").text()
    kl = window.model.discrete_measures().kl_pq
    assert shown(page, "renyi_pq") == pytest.approx(kl, rel=1e-3)
    assert shown(page, "renyi_pq") < before  # non-decreasing in α: 1 < 2
    slider.setValue(slider.value() - 30)  # α = 10^-0.3 ≈ 0.501
    alpha = 10 ** -0.3
    assert float(edit.text()) == pytest.approx(alpha, rel=1e-3)
    assert_close(shown(page, "renyi_pq"), discrete_reference(d.p, d.q, alpha)["renyi_pq"])
    # typed: ∞ and a bad value
    edit.setText("inf")
    edit.editingFinished.emit()
    assert slider.value() == slider.maximum() and edit.text() == "∞"
    assert_close(shown(page, "renyi_pq"), discrete_reference(d.p, d.q, math.inf)["renyi_pq"])
    assert label(page, "name_renyi_pq").text() == "D<sub>∞</sub>(P‖Q)"  # a real subscript (issue 12)
    for bad in ("0", "-1", "nan", "x"):
        edit.setText(bad)
        edit.editingFinished.emit()
        assert edit.text() == "∞"
        err = label(page, "label_renyi_alpha_error")
        assert err.isVisible() and "α must be" in err.text()


# --------------------------------------------------------------------------- continuous


def normal_reference(mp, sp, mq, sq, alpha):
    """MATH.md's closed forms for Normal pairs (nats)."""
    def renyi(mp, sp, mq, sq):
        s2 = alpha * sq**2 + (1 - alpha) * sp**2
        if s2 <= 0:
            return math.inf
        return (math.log(sq / sp) + math.log(sq**2 / s2) / (2 * (alpha - 1))
                + alpha * (mp - mq) ** 2 / (2 * s2))

    def chi2(mp, sp, mq, sq):
        d = 2 * sq**2 - sp**2
        if d <= 0:
            return math.inf
        return sq**2 / (sp * math.sqrt(d)) * math.exp((mp - mq) ** 2 / d) - 1

    he2 = 1 - math.sqrt(2 * sp * sq / (sp**2 + sq**2)) * math.exp(-(mp - mq) ** 2 / (4 * (sp**2 + sq**2)))
    f = lambda x: abs(mpmath.npdf(x, mp, sp) - mpmath.npdf(x, mq, sq))  # noqa: E731
    lo, hi = min(mp - 12 * sp, mq - 12 * sq), max(mp + 12 * sp, mq + 12 * sq)
    tv = float(mpmath.quad(f, mpmath.linspace(lo, hi, 40))) / 2
    return {"tv": tv, "hellinger": math.sqrt(he2), "chi2_pq": chi2(mp, sp, mq, sq), "chi2_qp": chi2(mq, sq, mp, sp),
            "renyi_pq": renyi(mp, sp, mq, sq), "renyi_qp": renyi(mq, sq, mp, sp)}


@pytest.mark.parametrize("P, Q", [((0.0, 1.0), (1.0, 1.5)), ((0.5, 2.0), (-1.0, 1.2))])
def test_continuous_group_matches_closed_forms(qtbot, window, P, Q):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.set_continuous(p=Normal(*P), q=Normal(*Q))
    show_group(qtbot, page)
    page._refresh_family()
    ref = normal_reference(*P, *Q, 2.0)
    fam = divergence_family(Normal(*P), Normal(*Q), 2.0, "nats")
    for key in KEYS:
        assert label(page, "value_" + key).text().startswith(format_value(getattr(fam, key)))
        assert_close(shown(page, key), ref[key])
    # the second pair has 2σ_P² ≤ σ_Q²... for χ²(Q‖P) no: 2·2² > 1.2²; σ_P = 2 > √2·1.2: χ²(P‖Q) = ∞
    if P[1] == 2.0:
        assert math.isinf(ref["chi2_pq"]) and math.isinf(ref["renyi_pq"])
        assert "σ" in label(page, "value_chi2_pq_reason").text()
        assert label(page, "value_renyi_pq_reason").isVisible()


def test_continuous_mixture_values_are_core_values(qtbot, window):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.apply_continuous_preset("bimodal-p")
    show_group(qtbot, page)
    qtbot.waitUntil(lambda: not page._family_timer.isActive())
    P, Q = window.model.continuous("p"), window.model.continuous("q")
    fam = divergence_family(P, Q, 2.0, "nats")
    for key in KEYS:
        assert label(page, "value_" + key).text().startswith(format_value(getattr(fam, key))), key
    # TV against mpmath quadrature
    f = lambda x: abs(sum(w * mpmath.npdf(x, c.mu, c.sigma) for w, c in zip(P.weights, P.components))  # noqa: E731
                      - mpmath.npdf(x, Q.mu, Q.sigma))
    tv = float(mpmath.quad(f, mpmath.linspace(-15, 15, 60))) / 2
    assert shown(page, "tv") == pytest.approx(tv, rel=1e-3)


# --------------------------------------------------------------------------- the α-fit


def set_fit_alpha(qtbot, slider, alpha):
    from klviz.scene.divergences import alpha_position

    slider.setValue(alpha_position(alpha))
    QtWidgets.QApplication.processEvents()  # the re-fit runs once per turn of the event loop


def test_alpha_fit_sigma_grows_with_alpha_on_bimodal_p(qtbot, window):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    model = window.model
    model.apply_continuous_preset("bimodal-p")
    slider = page.findChild(QtWidgets.QSlider, "slider_alpha_fit")
    assert (slider.minimum(), slider.maximum()) == (0, 500)
    P = model.continuous("p")
    start = model.continuous("q")
    alphas = [-1.0, -0.5, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
    sigmas, mus = [], []
    count = model.undo_stack.count()
    for a in alphas:
        set_fit_alpha(qtbot, slider, a)
        q = model.continuous("q")
        expected = fit_alpha(P, start, a)  # the same warm-started chain, outside the app
        assert q.mu == pytest.approx(expected.normal.mu, abs=1e-9)
        assert q.sigma == pytest.approx(expected.normal.sigma, rel=1e-9)
        start = expected.normal
        sigmas.append(q.sigma)
        mus.append(q.mu)
    assert all(b >= a - 1e-9 for a, b in zip(sigmas, sigmas[1:])), sigmas
    # inside one mode (σ ≈ 0.8) for α ≤ 0, covering both (μ ≈ 0, σ ≈ 3.1) for α ≥ 1
    assert sigmas[0] < 1.0 and abs(mus[0]) > 2.0
    assert sigmas[-1] > 3.0 and abs(mus[-1]) < 0.1
    # keyboard-like moves (no press) merge into one undo step
    assert model.undo_stack.count() == count + 1
    note = label(page, "label_alpha_fit_note").text()
    assert "α = 3" in note and "finite only for Q's σ >" in note


def test_alpha_fit_stays_where_finite_and_says_so(qtbot, window):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.set_continuous(p=Normal(0.0, 1.0), q=Normal(0.0, 5.0))
    slider = page.findChild(QtWidgets.QSlider, "slider_alpha_fit")
    set_fit_alpha(qtbot, slider, -2.0)  # finite only for σ_Q < σ_P √(3/2)
    q = window.model.continuous("q")
    assert q.sigma < math.sqrt(1.5)
    assert divergence_family  # (the value there is finite)
    from klviz.core.alpha import alpha_divergence

    assert math.isfinite(alpha_divergence(Normal(0.0, 1.0), q, -2.0))
    note = label(page, "label_alpha_fit_note")
    assert note.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert "finite only for Q's σ < 1.225" in note.text() and "infinite" in note.text()


def test_alpha_slider_drag_is_one_undo_step_and_button_fits(qtbot, window):
    page = window.page_continuous
    page.fit_duration_ms = 0
    window.tabs.setCurrentWidget(page)
    model = window.model
    model.apply_continuous_preset("bimodal-p")
    slider = page.findChild(QtWidgets.QSlider, "slider_alpha_fit")
    count = model.undo_stack.count()
    slider.sliderPressed.emit()
    for a in (0.2, 0.6, 1.0, 1.4):
        set_fit_alpha(qtbot, slider, a)
    slider.sliderReleased.emit()
    assert model.undo_stack.count() == count + 1
    fitted = model.continuous("q")
    model.undo_stack.undo()
    assert model.continuous("q") == Normal(0.8, 1.5)
    # the button: the same fit from the current Q, as one step
    button = page.findChild(QtWidgets.QPushButton, "button_fit_alpha")
    button.click()
    expected = fit_alpha(model.continuous("p"), Normal(0.8, 1.5), 1.4).normal
    assert model.continuous("q").sigma == pytest.approx(expected.sigma, rel=1e-9)
    assert fitted.sigma > 3.0


def test_alpha_fit_landmarks_and_inset(qtbot, window):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.apply_continuous_preset("bimodal-p")
    panel = page.alpha_fit
    if not page.alpha_part.expanded():  # a short window folds the α-fit (issue 12): open it as a user would
        page.alpha_part.button.click()
    tips = panel.slider.toolTip() + panel.ruler.toolTip()
    for words in ("reverse KL", "mode-seeking", "Hellinger", "forward KL", "mass-covering", "χ²"):
        assert words in tips, words
    assert [m for _, m in panel.ruler.marks] == ["−2", "0", "½", "1", "2", "3"]
    assert "mode-seeking" in label(page, "label_alpha_fit_left").text()
    assert "mass-covering" in label(page, "label_alpha_fit_right").text()
    # the marks sit over their slider positions, left to right
    xs = [panel.ruler.x_of(pos) for pos, _ in panel.ruler.marks]
    assert xs == sorted(xs) and xs[0] < xs[-1]
    plot = page.findChild(QtWidgets.QWidget, "plot_alpha_curve")
    assert plot is not None
    qtbot.waitUntil(lambda: panel.curve is not None, timeout=5000)
    c = panel.curve
    x, y = panel.sigma_curve.getData()
    assert np.array_equal(x, c.alphas) and np.array_equal(y, c.sigmas)
    assert np.all(np.diff(c.sigmas) >= -1e-9) and c.sigmas[-1] > 2 * c.sigmas[0]
    set_fit_alpha(qtbot, panel.slider, 2.0)
    assert panel.marker.value() == 2.0
    xs, ys = panel.points.getData()
    q = window.model.continuous("q")
    assert list(xs) == [2.0, 2.0] and list(ys) == [q.mu, q.sigma]


def test_alpha_fit_frame_is_fast(qtbot, window):
    """A slider frame (re-fit + redraw) on a bimodal P: one fit per turn of the event loop, and
    well under the 100 ms a live control may take on this shared machine."""
    import time

    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.apply_continuous_preset("bimodal-p")
    slider = page.alpha_fit.slider
    set_fit_alpha(qtbot, slider, 1.0)
    fits = []
    page.alpha_fit.fitted.connect(fits.append)
    times = []
    for pos in range(300, 400, 10):
        t = time.perf_counter()
        for k in range(3):  # a burst of moves within one frame: one fit
            slider.setValue(pos + k)
        QtWidgets.QApplication.processEvents()
        times.append(time.perf_counter() - t)
    assert len(fits) == 10
    assert sorted(times)[len(times) // 2] < 0.1, times


# --------------------------------------------------------------------------- LaTeX


def clipboard():
    return QtWidgets.QApplication.clipboard()


def test_copy_as_latex_discrete(qtbot, window):
    page = window.page_discrete
    actions = page.findChildren(QtGui.QAction, "action_copy_latex")
    assert len(actions) == 2
    d = window.model.discrete
    m = discrete_measures(Categorical.from_weights(d.p), Categorical.from_weights(d.q), "nats")
    keys = ["entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js"]
    page.readouts.latex_action.trigger()
    assert clipboard().text() == latex.readouts_latex({k: getattr(m, k) for k in keys}, "nats", keys=keys)
    show_group(qtbot, page)
    fam = divergence_family(d.p, d.q, 2.0, "nats")
    values = {**{k: getattr(m, k) for k in keys}, **fam.values()}
    page.readouts.latex_action.trigger()
    assert clipboard().text() == latex.readouts_latex(values, "nats", keys=keys + list(KEYS), alpha=2.0)
    assert r"D_{2}(P \,\|\, Q)" in clipboard().text()
    page.decomposition.latex_action.trigger()
    assert clipboard().text() == "\n".join([
        latex.decomposition_latex(m.entropy_p, m.kl_pq, m.cross_entropy_pq, "nats", "P", "Q"),
        latex.decomposition_latex(m.entropy_q, m.kl_qp, m.cross_entropy_qp, "nats", "Q", "P")])


def test_copy_as_latex_is_in_the_context_menus(qtbot, window):
    page = window.page_discrete
    grid = page.readouts
    pos = grid.values["kl_pq"].geometry().center()
    ev = QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Mouse, pos, grid.mapToGlobal(pos))
    QtWidgets.QApplication.sendEvent(grid, ev)
    menus = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMenu) and w.isVisible()]
    assert any(grid.latex_action in menu.actions() for menu in menus)
    for menu in menus:
        menu.close()
    page._decomposition_menu(QtCore.QPoint(5, 5))
    menus = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMenu) and w.isVisible()]
    assert any(page.decomposition.latex_action in menu.actions() for menu in menus)
    for menu in menus:
        menu.close()


def test_copy_as_latex_continuous(qtbot, window):
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    P, Q = window.model.continuous("p"), window.model.continuous("q")
    m = continuous_measures(P, Q, "nats")
    page.label_decomposition.latex_action.trigger()
    assert clipboard().text() == "\n".join([
        latex.decomposition_latex(m.entropy_p, m.kl_pq, m.cross_entropy_pq, "nats", "P", "Q", differential=True),
        latex.decomposition_latex(m.entropy_q, m.kl_qp, m.cross_entropy_qp, "nats", "Q", "P", differential=True)])
    keys = ["entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp"]
    page.readouts.latex_action.trigger()
    assert clipboard().text() == latex.readouts_latex({k: getattr(m, k) for k in keys}, "nats", keys=keys,
                                                      continuous=True)
    assert clipboard().text().count("h(P)") == 1


# --------------------------------------------------------------------------- quiz


DIGITS = re.compile(r"[0-9]")


def test_quiz_hides_digits_and_copies_nothing(qtbot, window):
    page = window.page_discrete
    show_group(qtbot, page)
    window.model.apply_support_mismatch()
    clipboard().setText("before")
    window.presentation.set_quiz(True)
    for key in KEYS:
        assert label(page, "value_" + key).text() == "?"
        assert not label(page, f"value_{key}_reason").isVisible()
    for action in page.findChildren(QtGui.QAction, "action_copy_latex"):
        assert not action.isEnabled()
        action.trigger()
    page.readouts.latex_action.copy()
    assert clipboard().text() == "before"
    # α still moves; still nothing shown
    page.findChild(QtWidgets.QSlider, "slider_renyi_alpha").setValue(10)
    assert label(page, "value_renyi_pq").text() == "?"
    cont = window.page_continuous
    window.tabs.setCurrentWidget(cont)
    show_group(qtbot, cont)
    assert all(label(cont, "value_" + k).text() == "?" for k in KEYS)
    set_fit_alpha(qtbot, cont.alpha_fit.slider, 1.5)
    assert not DIGITS.search(label(cont, "label_alpha_fit_note").text())
    assert not cont.findChild(QtWidgets.QWidget, "plot_alpha_curve").isVisible()
    coding = window.page_coding
    window.tabs.setCurrentWidget(coding)
    for name in ("coding_area", "coding_bounds", "coding_message_result"):
        assert not DIGITS.search(label(coding, name).text()), name
    assert coding.codewords.isColumnHidden(1) and coding.codewords.isColumnHidden(2)
    window.presentation.set_quiz(False)
    assert DIGITS.search(label(coding, "coding_area").text())
    assert label(page, "value_renyi_pq").text() != "?"


# --------------------------------------------------------------------------- the Coding tab


def test_coding_tab_follows_the_discrete_state(qtbot, window):
    coding = window.findChild(QtWidgets.QWidget, "page_coding")
    assert coding is window.page_coding
    i = window.tabs.indexOf(coding)
    assert window.tabs.tabText(i).replace("&", "") == "Coding"
    assert window.tabs.indexOf(window.page_discrete) < i
    model = window.model
    d = model.discrete
    assert np.array_equal(coding.scene().p, d.p) and coding.scene().labels == d.labels
    # hidden: the change waits for the tab to be shown
    model.set_categories(4)
    assert coding.scene().labels == d.labels  # not drawn while hidden
    model.set_distribution("p", np.array([0.4, 0.3, 0.2, 0.1]), "P")
    model.set_distribution("q", np.array([0.1, 0.2, 0.3, 0.4]), "Q")
    window.tabs.setCurrentWidget(coding)
    QtWidgets.QApplication.processEvents()
    s = coding.scene()
    assert np.array_equal(s.p, model.discrete.p) and np.array_equal(s.q, model.discrete.q)
    assert np.allclose(s.widths, model.discrete.p)  # P is the widths
    # shown: at once; Q is the heights (Q's ideal lengths −log₂ q)
    model.set_probability("q", 0, 0.5)
    s = coding.scene()
    assert np.array_equal(s.q, model.discrete.q)
    assert np.allclose(s.heights("ideal_q"), -np.log2(model.discrete.q))
    assert "H(P)" in label(coding, "coding_area").text()


def test_coding_tab_follows_the_presentation_scale(qtbot, window, monkeypatch):
    # the preferred presentation type, as on a screen with room for it (the offscreen test screen
    # is 800×600, where presentation mode fits its type to the screen: see test_projector.py)
    monkeypatch.setattr(window.classroom, "_fit_to_screen", lambda: None)
    coding = window.page_coding
    window.tabs.setCurrentWidget(coding)
    before = label(coding, "coding_area").font().pointSizeF()
    axis = coding.plot.getPlotItem().getAxis("left")
    axis_before = axis.style.get("tickFont")
    window.presentation.set_presenting(True)
    QtWidgets.QApplication.processEvents()
    assert label(coding, "coding_area").font().pointSizeF() > 1.3 * before
    assert axis.style.get("tickFont") != axis_before  # the plot's axes follow the look too
    window.presentation.set_presenting(False)
