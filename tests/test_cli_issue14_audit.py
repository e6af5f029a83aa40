"""Regressions found by the end-to-end audit of issue 14 (`klviz compute --alpha/--fit`), each
checked against an independent reference written here (mpmath quadrature, scipy quadrature, the
moment-matching closed form), never against klviz's own functions.

1. Rényi D_α of a mixture pair for large α: the integrand q (p/q)^α concentrates at the maxima of
   p/q in a width ~ 1/sqrt(α) that the quadrature grid did not follow: α = 1e12, 1e15, 1e200 gave
   0.0 and α = 1e6 was off by 1e-4 relative.
2. The α-fit from a start far from P:
   - the gradient was masked where q underflows, so a Q 230 σ away from P had a gradient of 1e-18
     and "converged" where it started (α = 1 from N(20, 0.1));
   - the line search's floor was on the step multiplier alone: where D_α ~ 1e9 the first
     multiplier was already below it, and the fit ended unmoved, "converged" (α = 2);
   - the gradient's length squared overflowed (an "internal error" line instead of a fit);
   - a start whose D_α is beyond the float range (α > 1, just inside the finite region) was
     refused instead of widened;
   - 200 steps were not enough from a Q far from P (the CLI now allows 2000);
   - a start without overlap (0 < α < 1, D_α at its bound 1/(α(1 − α))) stayed silent.
"""

import math

import mpmath
import numpy as np
import pytest
from scipy import integrate

from cli_tools import error_message, run_json

MIX = "mixture:0.3,-3,0.5,2,1"  # 0.3 N(−3, 0.5²) + 0.7 N(2, 1²)
MIX_COMPONENTS = ((0.3, -3.0, 0.5), (0.7, 2.0, 1.0))


# --------------------------------------------------------------------------------------------
# References


def _mp_dist(spec):
    kind, _, rest = spec.partition(":")
    v = [mpmath.mpf(x) for x in rest.split(",")]
    if kind == "normal":
        return [(mpmath.mpf(1), v[0], v[1])]
    return [(v[0], v[1], v[2]), (1 - v[0], v[3], v[4])]


def _mp_logpdf(comps, x):
    terms = [mpmath.log(w) - (x - m) ** 2 / (2 * s * s) - mpmath.log(s) - mpmath.log(2 * mpmath.pi) / 2
             for w, m, s in comps]
    top = max(terms)
    return top + mpmath.log(mpmath.fsum(mpmath.exp(t - top) for t in terms))


def mp_renyi_large_alpha(p_spec, q_spec, alpha, dps):
    """D_α(P‖Q) = log ∫ q e^(α g) / (α − 1), g = log p − log q, by mpmath quadrature with break
    points at the components and around every local maximum of g (found by a scan and
    findroot on g'), in the width 1/sqrt(α |g''|) the integrand has there."""
    with mpmath.workdps(dps):
        P, Q = _mp_dist(p_spec), _mp_dist(q_spec)
        g = lambda x: _mp_logpdf(P, x) - _mp_logpdf(Q, x)  # noqa: E731
        xs = [mpmath.mpf(-15) + i * mpmath.mpf(30) / 1500 for i in range(1501)]
        vals = [g(x) for x in xs]
        a = mpmath.mpf(alpha)
        points = {m + k * s for _, m, s in P + Q for k in (-10, -5, -2, 0, 2, 5, 10)}
        for i in range(1, 1500):
            if vals[i] >= vals[i - 1] and vals[i] >= vals[i + 1]:
                x = mpmath.findroot(lambda t: mpmath.diff(g, t), xs[i])
                w = 1 / mpmath.sqrt(a * abs(mpmath.diff(g, x, 2)))
                points |= {x + k * w for k in (-40, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 40)}
        top = max(g(x) for x in points)
        integral = mpmath.quad(lambda x: mpmath.exp(_mp_logpdf(Q, x) + a * (g(x) - top)),
                               [-mpmath.inf] + sorted(points) + [mpmath.inf])
        return (mpmath.log(integral) + a * top) / (a - 1)


def _logpdf(comps, x):
    return float(np.logaddexp.reduce([math.log(w) - 0.5 * ((x - m) / s) ** 2 - math.log(s)
                                      - 0.5 * math.log(2 * math.pi) for w, m, s in comps]))


def amari(alpha, mu, sigma, comps=MIX_COMPONENTS):
    """Amari's D_α(P‖N(mu, sigma²)) in nats by scipy quadrature (MATH.md's integral; its KL
    limits at α = 0, 1)."""
    q = ((1.0, mu, sigma),)

    def f(x):
        lp, lq = _logpdf(comps, x), _logpdf(q, x)
        if alpha == 0:
            return math.exp(lq) * (lq - lp)
        if alpha == 1:
            return math.exp(lp) * (lp - lq)
        return (alpha * math.exp(lp) + (1 - alpha) * math.exp(lq)
                - math.exp(alpha * lp + (1 - alpha) * lq)) / (alpha * (1 - alpha))

    cuts = sorted({m + k * s for _, m, s in comps + q for k in (-12, -6, -3, -1, 0, 1, 3, 6, 12)})
    edges = [-math.inf] + cuts + [math.inf]
    return math.fsum(integrate.quad(f, a, b, epsabs=0, epsrel=1e-12, limit=200)[0]
                     for a, b in zip(edges[:-1], edges[1:]))


def assert_local_minimum(alpha, mu, sigma, value):
    """value is the reference objective at (mu, sigma), and no nearby (mu, sigma) is lower."""
    v0 = amari(alpha, mu, sigma)
    assert value == pytest.approx(v0, rel=1e-8)
    h = 1e-3
    for dm, ds in ((h, 0), (-h, 0), (0, h), (0, -h), (h, h), (-h, -h), (h, -h), (-h, h)):
        assert amari(alpha, mu + dm * sigma, sigma * (1 + ds)) >= v0 - 1e-11 * max(1.0, v0), (dm, ds)


def fit(*args):
    out = run_json("compute", "--p", MIX, *args)
    assert sorted(out["fit"]) == ["alpha", "mu", "objective", "sigma", "value"]
    return out["fit"], out.get("notes", [])


# --------------------------------------------------------------------------------------------
# 1. Rényi of a mixture pair at large α


@pytest.mark.parametrize("p, q", [("mixture:0.5,-2,1,2,1", "normal:0,3"),
                                  ("mixture:0.5,-2,1,2,1", "mixture:0.5,-2,1.5,2,1.5")])
@pytest.mark.parametrize("alpha, dps", [("1e6", 30), ("1e12", 50), ("1e15", 50)])
def test_mixture_renyi_at_large_alpha_is_the_quadrature_reference(p, q, alpha, dps):
    out = run_json("compute", "--p", p, "--q", q, "--alpha", alpha)
    ref = mp_renyi_large_alpha(p, q, alpha, dps)
    assert out["renyi_pq"] == pytest.approx(float(ref), rel=1e-9)
    assert out["renyi_qp"] == "inf"  # the Normal/narrower side cannot cover the wider tails


def mp_d_inf(p_spec, q_spec):
    """D_∞(P‖Q) = max g, g = log p − log q (both tails of P lighter than Q's here): the largest
    local maximum of a scan, refined by findroot on g'."""
    with mpmath.workdps(30):
        P, Q = _mp_dist(p_spec), _mp_dist(q_spec)
        g = lambda x: _mp_logpdf(P, x) - _mp_logpdf(Q, x)  # noqa: E731
        xs = [mpmath.mpf(-15) + i * mpmath.mpf(30) / 1500 for i in range(1501)]
        vals = [g(x) for x in xs]
        tops = [mpmath.findroot(lambda t: mpmath.diff(g, t), xs[i]) for i in range(1, 1500)
                if vals[i] >= vals[i - 1] and vals[i] >= vals[i + 1]]
        return max(g(x) for x in tops)


@pytest.mark.parametrize("p, q", [("mixture:0.5,-2,1,2,1", "normal:0,3"),
                                  ("mixture:0.5,-2,1,2,1", "mixture:0.5,-2,1.5,2,1.5")])
def test_mixture_renyi_at_alpha_1e200_is_d_infinity(p, q):
    # D_∞ − D_α = O(log α / α): below 1e-190 at α = 1e200
    ref = float(mp_d_inf(p, q))
    for alpha in ("1e200", "inf"):
        assert run_json("compute", "--p", p, "--q", q, "--alpha", alpha)["renyi_pq"] == pytest.approx(ref, rel=1e-12)


def test_mixture_renyi_is_non_decreasing_in_alpha_up_to_infinity():
    p, q = "mixture:0.5,-2,1,2,1", "mixture:0.5,-2,1.5,2,1.5"
    values = [run_json("compute", "--p", p, "--q", q, "--alpha", a)["renyi_pq"]
              for a in ("1e3", "1e6", "1e9", "1e12", "1e15", "1e20", "1e100", "inf")]
    assert all(b >= a * (1 - 1e-15) for a, b in zip(values, values[1:])), values


# --------------------------------------------------------------------------------------------
# 2. The α-fit from far starts


def test_alpha_one_from_far_away_reaches_moment_matching():
    mean = 0.3 * -3.0 + 0.7 * 2.0
    var = 0.3 * (0.25 + 9.0) + 0.7 * (1.0 + 4.0) - mean**2
    for q in ("normal:20,0.1", "normal:-30,0.05"):
        f, notes = fit("--q", q, "--fit", "alpha:1")
        assert f["mu"] == pytest.approx(mean, abs=1e-8) and f["sigma"] == pytest.approx(math.sqrt(var), rel=1e-8)
        assert f["value"] == pytest.approx(amari(1, mean, math.sqrt(var)), rel=1e-8)
        assert notes == []


@pytest.mark.parametrize("q, alpha", [("normal:2,0.8", 2.0), ("normal:20,0.1", 2.0), ("normal:-30,0.05", 2.0),
                                      ("normal:-30,0.05", 0.0), ("normal:-30,0.05", -1.0), ("normal:20,0.1", -1.0)])
def test_far_starts_descend_to_a_local_minimum(q, alpha):
    f, notes = fit("--q", q, "--fit", f"alpha:{alpha:g}")
    assert f["objective"] == "alpha" and f["alpha"] == alpha
    assert not any("stopped" in n for n in notes), notes
    assert_local_minimum(alpha, f["mu"], f["sigma"], f["value"])


def test_a_start_beyond_the_float_range_is_widened_and_said():
    out = run_json("compute", "--p", "mixture:0.5,-3,0.6,3,0.6", "--q", "normal:-2.5,0.5", "--fit", "alpha:3")
    f = out["fit"]
    assert any("beyond the float range" in n and "started from σ" in n for n in out["notes"]), out["notes"]
    comps = ((0.5, -3.0, 0.6), (0.5, 3.0, 0.6))
    v0 = amari(3.0, f["mu"], f["sigma"], comps)
    assert f["value"] == pytest.approx(v0, rel=1e-8)
    for dm, ds in ((1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)):
        assert amari(3.0, f["mu"] + dm * f["sigma"], f["sigma"] * (1 + ds), comps) >= v0 - 1e-11


def test_no_overlap_for_alpha_between_0_and_1_is_said():
    f, notes = fit("--q", "normal:20,0.1", "--fit", "alpha:0.5")
    assert f["value"] == pytest.approx(4.0, rel=1e-12)  # 1/(α(1 − α)): ∫ √(pq) underflows to 0
    assert amari(0.5, 20.0, 0.1) == pytest.approx(4.0, rel=1e-12)
    assert any("does not overlap" in n and "1/(α(1 − α))" in n for n in notes), notes


def test_far_start_with_alpha_is_never_an_internal_error():
    for q in ("normal:20,0.1", "normal:300,0.05"):
        f, _ = fit("--q", q, "--fit", "alpha:2")
        assert_local_minimum(2.0, f["mu"], f["sigma"], f["value"])
    # a bad A is still one error line
    assert "alpha" in error_message("compute", "--p", MIX, "--q", "normal:0,1", "--fit", "alpha:x").lower()


def test_fit_alpha_minus_zero_is_zero():
    f, _ = fit("--q", "normal:1,1", "--fit", "alpha:-0")
    assert f["alpha"] == 0.0 and math.copysign(1.0, f["alpha"]) == 1.0
