"""Every session file that passes validation opens in every tab: no exception, no Qt warning,
the controls show the file's numbers, the readouts show the measures of what was opened (never
the previous file's), and every chart's axes and curves stay finite.

Extremes the file format accepts are listed explicitly (sigma 1e-300 and 1e300, |mu| = 1e300,
mixtures far from 0, on either side); hypothesis then draws whole valid session dicts.

klviz.core, called directly, must compute every such pair too (issue 11 §3, the core's side of
this contract): its measures and those of P with each fitted Q, without an error, a warning or a
NaN. Both the explicit cases and the drawn ones assert it.
"""

import json
import math
import warnings

import mpmath
import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from PySide6 import QtWidgets

from klviz import state as ss
from klviz.core import Categorical, Normal, continuous_measures, discrete_measures, fit_forward_kl, moment_match
from klviz.core.gaussian import ContinuousMeasures, fit_reverse_kl_nearest_mode
from klviz.core.format import format_value
from klviz.core.spec import continuous_from_dict

PLATFORM_NOISE = r"propagateSizeHints"  # the offscreen platform plugin says this on every show
CONTINUOUS_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")
DISCRETE_KEYS = CONTINUOUS_KEYS + ("js",)


def N(mu, sigma):
    return {"family": "normal", "mu": mu, "sigma": sigma}


def M(w, mu1, s1, mu2, s2):
    return {"family": "mixture", "weight": w, "components": [{"mu": mu1, "sigma": s1}, {"mu": mu2, "sigma": s2}]}


EXTREMES = [
    (N(0, 1), M(0.5, -2, 1, 2, 1)),  # a mixture Q (raised in the tab before)
    (M(0.3, -2, 0.6, 3.5, 1.4), M(0.6, 1, 2, -4, 0.5)),  # both mixtures
    (N(0, 1e-300), N(0, 1)),
    (N(0, 1), N(0, 1e-300)),
    (N(0, 1e-300), N(0, 1e-300)),
    (N(0, 1e300), N(0, 1e300)),
    (N(1e300, 1e300), N(-1e300, 1e300)),
    (N(1e300, 1), N(-1e300, 1)),
    (N(-1e300, 1e-300), N(1e300, 1e300)),
    (N(1e155, 1e155), N(1e155, 1.0000001e155)),
    (N(1e15, 1), N(1e15 + 3, 2)),
    (M(0.5, 1e15, 1, 1e15 + 5, 1), N(1e15, 2)),
    (M(0.5, 1e150, 1e140, 1e150 + 1e141, 1e140), N(1e150, 2e140)),
    (M(0.0, 0, 1, 3, 1), N(0, 1)),  # weight 0: the first component is absent
    (N(0, 1), M(1.0, 0, 1, 1e300, 1e300)),  # weight 1: the second is absent
    (M(0.5, 0, 1e-300, 1, 1e-300), N(0.5, 1)),
    (N(0, 1), M(0.5, -1e300, 1e300, 1e300, 1e300)),
    (M(0.5, 0, 1, 0, 1), M(0.5, 0, 1e-300, 0, 1e300)),
]


def assert_core_computes(p, q):
    """klviz.core computes this pair: its measures, and those of P with each fitted Q (a fit the
    core refuses with a ValueError is refused by the tab, which is fine), called directly with
    numpy warnings as errors, as the app needs them; no NaN."""
    P, Q = (continuous_from_dict(d, name) for d, name in ((p, "P"), (q, "Q")))
    pairs = [(P, Q)]
    for fit in (fit_forward_kl, fit_reverse_kl_nearest_mode):
        try:
            with np.errstate(over="raise", invalid="raise", divide="raise"):
                pairs.append((P, fit(P, moment_match(Q)).normal))
        except ValueError:
            pass
    for A, B in pairs:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # numpy's overflow / invalid-value warnings included
            m = continuous_measures(A, B)
        bad = [k for k in CONTINUOUS_KEYS if math.isnan(getattr(m, k))]
        assert not bad, f"NaN for {', '.join(bad)} of {A} and {B}"


def session_dict(p, q, unit="nats", discrete=None):
    data = {"format": "klviz-session", "version": 1, "unit": unit, "continuous": {"p": p, "q": q}}
    if discrete is not None:
        data["discrete"] = discrete
    return data


def spin(window, name):
    box = window.findChild(QtWidgets.QDoubleSpinBox, name)
    assert box is not None, name
    return box


def params(d):
    if d["family"] == "normal":
        return {"mu": d["mu"], "sigma": d["sigma"]}
    (c1, c2) = d["components"]
    return {"mu": c1["mu"], "sigma": c1["sigma"], "weight": d["weight"], "mu2": c2["mu"], "sigma2": c2["sigma"]}


def assert_every_tab_shows(window, qtbot, data, path):
    """Open `path` (holding `data`), visit every tab and the lesson, and check what is shown."""
    window.page_continuous.fit_duration_ms = 0
    with qtbot.captureExceptions() as exceptions:
        opened = window.open_session(str(path))
        window.lesson.show_step(1, set_scene=False)  # the code table shows the file's labels
        window.lesson.show()
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            window.tabs.currentWidget().grab()  # paint it: drawing code runs too
        for kind in ("forward", "reverse"):
            window.page_continuous.start_fit(kind)  # a fit from there (undone again)
            window.page_continuous.grab()
            window.model.undo_stack.undo()
        if exceptions:  # leave nothing behind that fails again in the next test
            window.model.replace_session(ss.Session())
    assert not exceptions, "".join(str(e[1]) for e in exceptions)
    assert opened, "a valid file was refused"
    window.lesson.hide()

    session = window.model.session
    unit = session.unit
    expected = ss.session_from_dict(data)
    assert session.lesson_step == "message"  # the lesson step shown is part of the session now
    assert session.to_dict() == expected.with_(lesson_step="message").to_dict()
    # the controls show the file's numbers, exactly in the spin boxes' values, readably in their text
    c = data.get("continuous")
    if c is not None:
        for which in ("p", "q"):
            d = c[which]
            check = window.findChild(QtWidgets.QCheckBox, f"check_mixture_{which}")
            assert check.isChecked() == (d["family"] == "mixture")
            for name, value in params(d).items():
                box = spin(window, f"spin_{name}_{which}")
                # exact; below 1e-300 a QDoubleSpinBox keeps 323 decimals, no more
                assert box.value() == (value if abs(value) >= 1e-300 else pytest.approx(value, abs=1e-323)), \
                    (which, name)
                assert float(box.text()) == pytest.approx(value, rel=1e-4, abs=1e-4), (which, name, box.text())
    # the readouts show the measures of what was opened
    m = window.model.continuous_measures()
    for key in CONTINUOUS_KEYS:
        text = window.findChild(QtWidgets.QLabel, f"normal_value_{key}").text()
        assert text == f"{format_value(getattr(m, key))} {unit}", key
        assert "undefined" not in text and "nan" not in text.lower(), key
    d = session.discrete
    dm = discrete_measures(Categorical.from_weights(d.p), Categorical.from_weights(d.q), unit)
    for key in DISCRETE_KEYS:
        text = window.findChild(QtWidgets.QLabel, f"value_{key}").text()
        assert text == f"{format_value(getattr(dm, key))} {unit}", key
    # every chart's axes are finite, ordered ranges, and every curve it draws is finite
    for plot in window.findChildren(pg.PlotWidget):
        (x0, x1), (y0, y1) = plot.getPlotItem().vb.viewRange()
        assert all(map(math.isfinite, (x0, x1, y0, y1))) and x0 < x1 and y0 < y1, (plot.objectName(), x0, x1, y0, y1)
    for chart in (window.page_continuous.plot_densities, window.page_continuous.plot_integrands):
        for name, item in chart.curves.items():
            if item.isVisible():
                x, y = item.getData()
                assert np.isfinite(x).all() and np.isfinite(y).all(), (chart.objectName(), name)


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore(PLATFORM_NOISE)
@pytest.mark.parametrize("p, q", [pytest.param(p, q, id=f"{json.dumps(p)} | {json.dumps(q)}")
                                  for p, q in EXTREMES])
def test_extreme_valid_files_open_in_every_tab(window, qtbot, tmp_path, p, q):
    assert_core_computes(p, q)
    data = session_dict(p, q, unit="bits")
    path = tmp_path / "extreme.klviz"
    path.write_text(json.dumps(data))
    ss.load_session(path)  # it is valid
    assert_every_tab_shows(window, qtbot, data, path)


def mp_normal_measures(P, Q, unit="nats"):
    """The MATH.md closed forms for two Normals with mpmath at 60 digits (an independent stand-in
    for klviz.core's measures, so that the drawing is tested apart from the core)."""
    with mpmath.workdps(60):
        def h(a):
            return mpmath.log(2 * mpmath.pi * mpmath.e * mpmath.mpf(a.sigma) ** 2) / 2

        def ce(a, b):
            sa, sb, d = mpmath.mpf(a.sigma), mpmath.mpf(b.sigma), mpmath.mpf(a.mu) - mpmath.mpf(b.mu)
            return mpmath.log(2 * mpmath.pi * sb**2) / 2 + (sa**2 + d**2) / (2 * sb**2)

        ln = {"nats": 1, "bits": mpmath.log(2), "hartleys": mpmath.log(10)}[unit]
        vals = dict(entropy_p=h(P), entropy_q=h(Q), cross_entropy_pq=ce(P, Q), cross_entropy_qp=ce(Q, P),
                    kl_pq=ce(P, Q) - h(P), kl_qp=ce(Q, P) - h(Q))
        return ContinuousMeasures(unit=unit, **{k: float(v / ln) for k, v in vals.items()})


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore(PLATFORM_NOISE)
@pytest.mark.parametrize("p, q", [pytest.param(p, q, id=f"{json.dumps(p)} | {json.dumps(q)}")
                                  for p, q in EXTREMES if p["family"] == q["family"] == "normal"])
def test_the_tab_draws_any_valid_normal_pair(window, qtbot, tmp_path, monkeypatch, p, q):
    """The drawing side alone, whatever the core's measures: with exact measures standing in,
    every extreme Normal pair opens, draws with finite axes and curves, and fits (or says why not)."""
    monkeypatch.setattr("klviz.scene.continuous.measures", mp_normal_measures)  # what the model reads
    data = session_dict(p, q, unit="bits")
    path = tmp_path / "extreme.klviz"
    path.write_text(json.dumps(data))
    assert_every_tab_shows(window, qtbot, data, path)


def test_the_spin_boxes_say_what_they_hold(window):
    """Far outside the slider, the spin box keeps the value exactly and shows it readably."""
    for sigma, text in ((1e-300, "1.0000e-300"), (1e300, "1.0000e+300"), (0.05, "0.0500"),
                        (1.23456789, "1.2346"), (0.00123, "1.2300e-03"), (12345678.0, "1.2346e+07")):
        window.model.set_continuous(q=Normal(0.0, sigma))
        box = spin(window, "spin_sigma_q")
        assert (box.value(), box.text()) == (sigma, text)
    for mu, text in ((1e300, "1.0000e+300"), (-2.5e15, "-2.5000e+15"), (-3.25, "-3.2500")):
        window.model.set_continuous(p=Normal(mu, 1.0))
        box = spin(window, "spin_mu_p")
        assert (box.value(), box.text()) == (mu, text)
    window.model.set_continuous(p=Normal(1e300, 1.0))
    slider = window.findChild(QtWidgets.QSlider, "slider_mu_p")
    assert slider.value() == slider.maximum()  # the slider rests at its end
    # typed in either form
    box = spin(window, "spin_sigma_p")
    box.lineEdit().selectAll()
    for text, value in (("2.5e-3", None), ("3.5", 3.5), ("1.5e1", 15.0)):
        box.lineEdit().setText(text)
        box.interpretText()
        if value is not None:
            assert window.model.continuous("p").sigma == value


# ------------------------------------------------------------------------------------- hypothesis

mus = st.one_of(st.sampled_from([0.0, 1e300, -1e300, 1e15, -1e150, 1e-300]),
                st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False))
sigmas = st.one_of(st.sampled_from([1e-300, 1e300, 1.0, 1e-150, 1e155]),
                   st.floats(-300, 300).map(lambda e: 10.0**e))
normals = st.builds(N, mus, sigmas)
mixtures = st.builds(M, st.floats(0.0, 1.0), mus, sigmas, mus, sigmas)
distributions = st.one_of(normals, mixtures)
weights = st.floats(0.0, 1e6, allow_nan=False, allow_infinity=False)
# labels: any text (markup, RTL, combining marks, line separators...), distinct and non-empty
# once stripped, at most 40 characters, as the file format demands
labels_text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "").map(str.strip)


@st.composite
def discrete_parts(draw):
    n = draw(st.integers(ss.MIN_CATEGORIES, 12))
    p = draw(st.lists(weights, min_size=n, max_size=n).filter(lambda v: sum(v) > 0))
    q = draw(st.lists(weights, min_size=n, max_size=n).filter(lambda v: sum(v) > 0))
    labels = draw(st.lists(labels_text, min_size=n, max_size=n, unique=True))
    return {"labels": labels, "p": p, "q": q}


sessions = st.builds(session_dict, distributions, distributions, st.sampled_from(["nats", "bits", "hartleys"]),
                     st.one_of(st.none(), discrete_parts()))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(data=sessions)
def _open_drawn_file(window, qtbot, tmp_path, opened, data):
    path = tmp_path / "drawn.klviz"
    path.write_text(json.dumps(data))
    try:
        ss.load_session(path)
    except ss.SessionError:
        assume(False)  # the file format refuses it: only files that pass validation are at issue
    c = data["continuous"]
    note(f"P = {c['p']}, Q = {c['q']}")
    assert_core_computes(c["p"], c["q"])
    assert_every_tab_shows(window, qtbot, data, path)
    opened.append(data)


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore(PLATFORM_NOISE)
def test_valid_session_files_open_in_every_tab(window, qtbot, tmp_path):
    opened = []
    _open_drawn_file(window, qtbot, tmp_path, opened)
    # draws the file format refuses are left out; enough others must have been opened
    assert len(opened) >= 20, f"only {len(opened)} drawn files could be opened"
