"""klviz.scene.divergences without Qt: the Rényi order's slider mapping and parsing, the readouts
with their units and reasons, the α-fit's notes and the inset, the LaTeX strings."""

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from klviz import latex
from klviz.core import Categorical, Mixture, Normal, discrete_measures
from klviz.core.alpha import fit_alpha
from klviz.core.gaussian import moment_match
from klviz.scene import divergences as sd


def test_imports_no_qt():
    code = "import sys, json, klviz.scene.divergences; print(json.dumps(sorted(m for m in sys.modules " \
           "if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'matplotlib', 'scipy'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_renyi_slider_mapping():
    assert sd.renyi_alpha_at(0) == pytest.approx(0.01)
    assert sd.renyi_alpha_at(sd.RENYI_KL_POSITION) == 1.0
    assert sd.renyi_alpha_at(sd.RENYI_FINITE_STEPS) == pytest.approx(100.0)
    assert sd.renyi_alpha_at(sd.RENYI_FINITE_STEPS + 1) == math.inf
    assert sd.renyi_alpha_at(sd.RENYI_INF_POSITION) == math.inf
    for pos in (0, 37, 200, 250, 399, 400):
        assert sd.renyi_position(sd.renyi_alpha_at(pos)) == pos
    assert sd.renyi_position(math.inf) == sd.RENYI_INF_POSITION
    assert sd.renyi_position(1e-9) == 0 and sd.renyi_position(1e9) == sd.RENYI_FINITE_STEPS


@pytest.mark.parametrize("text, alpha", [("2", 2.0), (" 0.5 ", 0.5), ("inf", math.inf), ("∞", math.inf),
                                         ("1e-3", 1e-3), ("Infinity", math.inf)])
def test_parse_renyi_alpha(text, alpha):
    assert sd.parse_renyi_alpha(text) == alpha


@pytest.mark.parametrize("text", ["0", "-1", "nan", "-inf", "", "x", "1e400"])
def test_parse_renyi_alpha_refuses(text):
    with pytest.raises(ValueError, match="α must be a number > 0"):
        sd.parse_renyi_alpha(text)


def test_family_readouts_units_texts_and_reasons():
    p = np.array([0.5, 0.5, 0.0])
    q = np.array([0.5, 0.0, 0.5])
    P, Q = sd.discrete_pair(p, q)
    fam = sd.family_readouts(P, Q, 2.0, "bits", labels=["a", "b<i>", "c"], quote=lambda s: f"[{s}]")
    assert fam.units == {"tv": "unitless", "hellinger": "unitless", "chi2_pq": "unitless", "chi2_qp": "unitless",
                         "renyi_pq": "bits", "renyi_qp": "bits"}
    assert fam.values["tv"] == pytest.approx(0.5, rel=1e-12)
    assert fam.texts["tv"] == "0.5000 unitless"
    assert fam.texts["chi2_pq"] == "∞" and math.isinf(fam.values["renyi_qp"])
    assert fam.reasons["chi2_pq"] == "Q([b<i>]) = 0 where P([b<i>]) > 0"
    assert fam.reasons["renyi_qp"] == "P([c]) = 0 where Q([c]) > 0"
    # 0 < α < 1: finite (the supports overlap in "a"): log Σ p^α q^(1−α) / (α − 1)
    fam = sd.family_readouts(P, Q, 0.5, "nats")
    assert fam.values["renyi_pq"] == pytest.approx(-2 * math.log(0.5), rel=1e-12)
    assert "renyi_pq" not in fam.reasons


def test_renyi_names():
    assert sd.renyi_name(1.0)["renyi_pq"] == "D_1(P‖Q) = KL"
    assert sd.renyi_name(math.inf)["renyi_qp"] == "D_∞(Q‖P)"
    assert sd.renyi_name(0.5)["renyi_pq"] == "D_0.5(P‖Q)"


def test_alpha_fit_positions():
    assert sd.alpha_at(0) == -2.0 and sd.alpha_at(sd.ALPHA_FIT_STEPS) == 3.0
    for a in (-2.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0):
        assert sd.alpha_at(sd.alpha_position(a)) == a
    assert [a for a, _, _ in sd.ALPHA_LANDMARKS] == [-2.0, 0.0, 0.5, 1.0, 2.0, 3.0]


def test_fit_normal_alpha_notes_and_warm_start():
    P = Mixture.from_params(0.5, -3.0, 0.8, 3.0, 0.8)
    fit = sd.fit_normal_alpha(P, Normal(0.8, 1.5), 2.0)
    expected = fit_alpha(P, Normal(0.8, 1.5), 2.0)
    assert fit.normal == expected.normal
    assert "finite only for Q's σ > " in fit.note and "stays where it is finite" in fit.note
    lo = 0.8 * math.sqrt(1 / 2)  # σ_P sqrt((α − 1)/α)
    assert f"{lo:.4g}" in fit.note
    assert fit.normal.sigma > lo
    # a mixture Q starts from its moment-matched Normal
    Qm = Mixture.from_params(0.3, 1.0, 0.5, 2.0, 1.0)
    fit = sd.fit_normal_alpha(P, Qm, 0.5)
    assert fit.normal == fit_alpha(P, moment_match(Qm), 0.5).normal
    # a start outside the finite region is moved inside, and the note says so
    fit = sd.fit_normal_alpha(Normal(0.0, 1.0), Normal(0.0, 5.0), -2.0)
    assert fit.normal.sigma < math.sqrt(1.5) and "infinite" in fit.note
    assert "reverse KL" in sd.alpha_meaning(0.0) and "forward KL" in sd.alpha_meaning(1.0)


def test_alpha_curve_view_is_minkas_picture():
    P = Mixture.from_params(0.5, -3.0, 0.8, 3.0, 0.8)
    view = sd.alpha_curve_view(P)
    assert view.alphas[0] == -2.0 and view.alphas[-1] == 3.0 and len(view.alphas) == sd.CURVE_POINTS
    assert np.all(np.diff(view.sigmas) >= -1e-9)
    assert view.sigmas[0] == pytest.approx(0.8, rel=0.05) and abs(view.mus[0]) == pytest.approx(3.0, rel=0.01)
    assert view.sigmas[-1] > 3.0 and abs(view.mus[-1]) < 1e-6
    lo, hi = view.y_range
    assert lo < min(view.mus.min(), view.sigmas.min()) and hi > max(view.mus.max(), view.sigmas.max())


def test_latex_strings():
    p, q = np.array([0.5, 0.25, 0.25]), np.array([0.25, 0.25, 0.5])
    P, Q = Categorical.from_weights(p), Categorical.from_weights(q)
    m = discrete_measures(P, Q, "bits")
    fam = sd.family_readouts(P, Q, math.inf, "bits")
    text = sd.readouts_latex(m, "bits", family=fam)
    keys = list(sd.DISCRETE_KEYS) + list(sd.KEYS)
    values = {**{k: getattr(m, k) for k in sd.DISCRETE_KEYS}, **fam.values}
    assert text == latex.readouts_latex(values, "bits", keys=keys, alpha=math.inf)
    assert r"D_{\infty}(P \,\|\, Q)" in text and r"\mathrm{TV}(P, Q) &= 0.2500 \\" in text
    lines = sd.decomposition_latex(m, "bits").split("\n")
    assert lines[0] == latex.decomposition_latex(m.entropy_p, m.kl_pq, m.cross_entropy_pq, "bits", "P", "Q")
    assert lines[1].startswith("H(Q,P) = H(Q) + ")
