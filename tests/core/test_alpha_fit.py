"""Amari's α-divergence and the α-fit (klviz.core.alpha) against independent references.

The divergence is compared with mpmath quadrature of its definition (MATH.md) on cuts around every
component and around the Gaussian shapes of p_k^α q^(1−α); the fit with moment matching (α = 1),
with `fit_reverse_kl` (α = 0), with P itself (a Normal P is its own best fit for every α) and
with the mpmath objective at and around the optimum.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from mp_densities import components, mp_pdf, widest

from klviz.core import FitResult, Mixture, Normal
from klviz.core.alpha import (
    EDGE_STATUS,
    AlphaFitResult,
    alpha_curve,
    alpha_divergence,
    finite_sigma_range,
    fit_alpha,
    peak_start,
)
from klviz.core.gaussian import fit_reverse_kl, moment_match


def _tails_finite(P, Q, alpha):
    """The integral converges iff the tails of p^α q^(1−α) decay (widest components decide)."""
    return 0 <= alpha <= 1 or alpha / widest(P) ** 2 + (1 - alpha) / widest(Q) ** 2 > 0


def mp_alpha_divergence(P, Q, alpha):
    p, q = mp_pdf(P), mp_pdf(Q)
    a = mpmath.mpf(alpha)
    pts = set()
    shapes = [(m, s) for d in (P, Q) for _, m, s in components(d)]
    for _, mk, sk in components(P):  # where p_k^α q_j^(1−α) has its mass
        for _, mj, sj in components(Q):
            lam = a / sk**2 + (1 - a) / sj**2
            if lam > 0:
                shapes.append(((a * mk / sk**2 + (1 - a) * mj / sj**2) / lam, 1 / mpmath.sqrt(lam)))
    for m, s in shapes:
        pts.update(mpmath.mpf(m) + k * mpmath.mpf(s) for k in (-30, -8, -3, 0, 3, 8, 30))
    cuts = [-mpmath.inf, *sorted(pts), mpmath.inf]
    if alpha == 0:
        f = lambda x: q(x) * mpmath.log(q(x) / p(x))  # noqa: E731
    elif alpha == 1:
        f = lambda x: p(x) * mpmath.log(p(x) / q(x))  # noqa: E731
    else:
        f = lambda x: (a * p(x) + (1 - a) * q(x) - p(x) ** a * q(x) ** (1 - a)) / (a * (1 - a))  # noqa: E731
    return mpmath.quad(f, cuts)


def close(got, expected, rel, what=""):
    assert math.isfinite(got), f"{what}: got {got}"
    err = abs(mpmath.mpf(got) - expected)
    assert err <= rel * abs(expected) + 1e-300, f"{what}: got {got!r}, expected {mpmath.nstr(expected, 15)}"


PAIRS = [
    (Mixture.from_params(0.4, -2.0, 0.6, 2.5, 1.0), Normal(0.3, 1.8)),
    (Normal(0.0, 1.0), Normal(0.7, 1.3)),
    (Normal(0.5, 2.0), Mixture.from_params(0.3, -1.0, 1.0, 1.0, 1.5)),
    (Mixture.from_params(0.5, -1.0, 1.0, 1.0, 1.0), Mixture.from_params(0.5, -1.0, 1.0, 1.0 + 1e-3, 1.0)),
]


@pytest.mark.parametrize("alpha", [-1.5, -0.5, 0.0, 1e-9, 0.3, 0.5, 1 - 1e-9, 1.0, 1 + 1e-9, 2.0, 3.0])
def test_alpha_divergence_against_mpmath(alpha):
    with mpmath.workdps(30 if alpha in (1e-9, 1 - 1e-9, 1 + 1e-9) else 16):
        for i, (P, Q) in enumerate(PAIRS):
            got = alpha_divergence(P, Q, alpha)
            if not _tails_finite(P, Q, alpha):
                assert got == math.inf, (i, alpha)
                continue
            close(got, mp_alpha_divergence(P, Q, alpha), 1e-6, what=f"D_{alpha} pair {i}")


def test_landmarks_of_the_family():
    P, Q = PAIRS[0]
    p, q = mp_pdf(P), mp_pdf(Q)
    with mpmath.workdps(20):
        cuts = [-mpmath.inf] + [mpmath.mpf(k) for k in range(-24, 25, 3)] + [mpmath.inf]
        he2 = mpmath.quad(lambda x: (mpmath.sqrt(p(x)) - mpmath.sqrt(q(x))) ** 2, cuts) / 2
        close(alpha_divergence(P, Q, 0.5), 4 * he2, 1e-8, "α = ½ is 4 He²")
        chi2 = mpmath.quad(lambda x: (p(x) - q(x)) ** 2 / q(x), cuts)
        close(alpha_divergence(P, Q, 2.0), chi2 / 2, 1e-8, "α = 2 is ½ χ²")
        reverse = mpmath.quad(lambda x: q(x) * mpmath.log(q(x) / p(x)), cuts)
        close(alpha_divergence(P, Q, 0.0), reverse, 1e-8, "α = 0 is D(Q‖P)")
        close(alpha_divergence(P, Q, 1e-12), reverse, 1e-8, "α → 0")
        forward = mpmath.quad(lambda x: p(x) * mpmath.log(p(x) / q(x)), cuts)
        close(alpha_divergence(P, Q, 1.0), forward, 1e-8, "α = 1 is D(P‖Q)")
        close(alpha_divergence(P, Q, 1.0 - 1e-12), forward, 1e-8, "α → 1")


def test_infinite_exactly_where_the_tails_say():
    P = Normal(0.0, 1.0)
    lo, hi = finite_sigma_range(P, 3.0)
    assert lo == pytest.approx(math.sqrt(2 / 3), rel=1e-15) and hi == math.inf
    assert alpha_divergence(P, Normal(0.0, lo * 0.999), 3.0) == math.inf
    with mpmath.workdps(20):
        Q = Normal(0.2, lo * 1.02)
        close(alpha_divergence(P, Q, 3.0), mp_alpha_divergence(P, Q, 3.0), 1e-6, "just inside (α = 3)")
    lo, hi = finite_sigma_range(P, -1.0)
    assert lo == 0.0 and hi == pytest.approx(math.sqrt(2.0), rel=1e-15)
    assert alpha_divergence(P, Normal(0.0, hi * 1.001), -1.0) == math.inf
    with mpmath.workdps(20):
        Q = Normal(0.2, hi * 0.98)
        close(alpha_divergence(P, Q, -1.0), mp_alpha_divergence(P, Q, -1.0), 1e-6, "just inside (α = −1)")
    # a mixture: its widest component decides
    M = Mixture.from_params(0.9, 0.0, 0.5, 3.0, 2.0)
    assert finite_sigma_range(M, 2.0) == pytest.approx((2.0 * math.sqrt(0.5), math.inf))
    assert finite_sigma_range(M, 0.5) == (0.0, math.inf)
    assert alpha_divergence(M, Normal(0.0, 1.40), 2.0) == math.inf
    assert math.isfinite(alpha_divergence(M, Normal(0.0, 1.42), 2.0))


# ------------------------------------------------------------------------------ the fit

P_BIMODAL = Mixture.from_params(0.4, -2.0, 0.6, 2.5, 1.0)
P_SYMMETRIC = Mixture.from_params(0.5, -3.0, 1.0, 3.0, 1.0)
P_SKEWED = Mixture.from_params(0.2, 0.0, 0.3, 1.0, 3.0)


@pytest.mark.parametrize("P", [P_BIMODAL, P_SYMMETRIC, P_SKEWED, Normal(1.0, 2.0)])
@pytest.mark.parametrize("start", [Normal(0.5, 1.0), Normal(-4.0, 0.2), Normal(3.0, 6.0)])
def test_forward_fit_is_moment_matching(P, start):
    r = fit_alpha(P, start, 1.0)
    m = moment_match(P)
    assert r.converged and r.status == "converged"
    assert abs(r.normal.mu - m.mu) <= 1e-7 * m.sigma
    assert r.normal.sigma == pytest.approx(m.sigma, rel=1e-7)
    assert r.path[0] == start and r.path[-1] == r.normal


@pytest.mark.parametrize("P, start", [
    (P_BIMODAL, Normal(2.0, 1.0)),
    (P_BIMODAL, Normal(-1.5, 0.5)),
    (P_BIMODAL, Normal(0.5, 3.0)),
    (P_SKEWED, Normal(0.5, 1.0)),
    (Normal(1.0, 2.0), Normal(-3.0, 0.5)),
])
def test_reverse_fit_agrees_with_fit_reverse_kl(P, start):
    r = fit_alpha(P, start, 0.0)
    ref = fit_reverse_kl(P, start)
    assert r.converged and ref.converged
    assert abs(r.normal.mu - ref.normal.mu) <= 1e-6 * ref.normal.sigma
    assert r.normal.sigma == pytest.approx(ref.normal.sigma, rel=1e-6)


@pytest.mark.parametrize("alpha", [-2.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0])
def test_a_normal_is_its_own_best_fit(alpha):
    P = Normal(1.0, 2.0)
    r = fit_alpha(P, Normal(-1.0, 1.2), alpha)
    assert r.converged
    assert abs(r.normal.mu - 1.0) <= 1e-6 and r.normal.sigma == pytest.approx(2.0, rel=1e-6)
    assert 0.0 <= r.value <= 1e-12


@pytest.mark.parametrize("alpha", [-1.0, 0.3, 2.0])
def test_fit_is_a_minimum_of_the_mpmath_objective(alpha):
    r = fit_alpha(P_BIMODAL, Normal(0.5, 2.0), alpha)
    assert r.converged
    mu, s = r.normal.mu, r.normal.sigma
    with mpmath.workdps(16):
        at = mp_alpha_divergence(P_BIMODAL, r.normal, alpha)
        close(r.value, at, 1e-8, f"value at the α = {alpha} optimum")
        for dm, ds in ((1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)):
            near = mp_alpha_divergence(P_BIMODAL, Normal(mu + dm * s, s * (1 + ds)), alpha)
            assert near > at, (alpha, dm, ds)


def test_minka_picture_for_a_bimodal_p():
    for P in (P_BIMODAL, P_SYMMETRIC):
        curve = alpha_curve(P)
        assert curve.alphas[0] == -2.0 and curve.alphas[-1] == 3.0 and curve.alphas.size == 51
        assert curve.converged.all()
        assert np.all(np.diff(curve.sigmas) >= -1e-9), "the fitted σ grows with α"
        comps = components(P)
        for a, m, s in zip(curve.alphas, curve.mus, curve.sigmas):
            if a <= 0:  # zero-forcing: inside one mode
                assert min(abs(m - c[1]) for c in comps) < 0.1, (a, m)
                assert s < 1.2 * max(c[2] for c in comps), (a, s)
            if a >= 1:  # inclusive: covers both modes
                assert s > 0.5 * abs(comps[0][1] - comps[1][1]), (a, s)
        assert np.all(np.isfinite(curve.values)) and np.all(curve.values >= 0)


def test_curve_passes_through_its_anchor_and_is_deterministic():
    anchor = fit_alpha(P_BIMODAL, Normal(2.0, 1.0), 0.5)
    curve = alpha_curve(P_BIMODAL, alphas=np.linspace(-2, 3, 21), anchor=(0.5, anchor.normal))
    i = int(np.argmin(np.abs(curve.alphas - 0.5)))
    assert curve.mus[i] == pytest.approx(anchor.normal.mu, abs=1e-7)
    assert curve.sigmas[i] == pytest.approx(anchor.normal.sigma, rel=1e-7)
    again = alpha_curve(P_BIMODAL, alphas=np.linspace(-2, 3, 21), anchor=(0.5, anchor.normal))
    assert np.array_equal(curve.mus, again.mus) and np.array_equal(curve.sigmas, again.sigmas)
    assert peak_start(P_BIMODAL).mu == pytest.approx(-2.0, abs=0.05)  # the higher peak (0.266 > 0.239)
    assert peak_start(P_BIMODAL).sigma == 0.6


def test_warm_start_takes_few_steps():
    r0 = fit_alpha(P_BIMODAL, Normal(0.5, 2.0), 1.5)
    r1 = fit_alpha(P_BIMODAL, r0.normal, 1.6)
    assert r1.converged and len(r1.path) <= 8


def test_a_saddle_is_left_deterministically():
    # Q centred exactly between two equal modes: symmetry gives no gradient in mu
    r = fit_alpha(P_SYMMETRIC, Normal(0.0, 1.5), -0.5)
    assert r.converged and abs(abs(r.normal.mu) - 3.0) < 0.1 and r.normal.sigma < 1.1
    assert fit_alpha(P_SYMMETRIC, Normal(0.0, 1.5), -0.5).normal == r.normal


def test_start_outside_the_finite_region_is_moved_inside_and_said():
    lo, _ = finite_sigma_range(P_BIMODAL, 3.0)
    r = fit_alpha(P_BIMODAL, Normal(0.0, 0.5 * lo), 3.0)
    assert r.converged and r.normal.sigma > lo and math.isfinite(r.value)
    assert "infinite" in r.notes and "started from" in r.notes
    assert r.path[0] == Normal(0.0, 0.5 * lo)
    assert all(n.sigma > lo for n in r.path[1:])


def test_a_boundary_that_stops_the_fit_is_said():
    # For equal modes at ±3 and α = −0.2, D_α(P‖N(0, σ²)) keeps falling as σ grows to the edge of
    # the finite region (σ < 2.449), is finite there and infinite beyond: the fit stops at the edge.
    alpha = -0.2
    _, hi = finite_sigma_range(P_SYMMETRIC, alpha)
    r = fit_alpha(P_SYMMETRIC, Normal(0.5, 2.0), alpha)
    assert r.status == EDGE_STATUS and r.converged
    assert hi * (1 - 1e-6) < r.normal.sigma < hi and abs(r.normal.mu) < 1e-6
    assert "turns infinite" in r.notes
    assert alpha_divergence(P_SYMMETRIC, Normal(0.0, hi * 1.0001), alpha) == math.inf
    with mpmath.workdps(20):
        inside = mp_alpha_divergence(P_SYMMETRIC, Normal(0.0, hi * 0.99), alpha)
        close(r.value, mp_alpha_divergence(P_SYMMETRIC, r.normal, alpha), 1e-6, "value at the edge")
        assert r.value < inside


def test_result_is_a_fit_result():
    r = fit_alpha(P_BIMODAL, Normal(0.0, 1.0), 2.0)
    assert isinstance(r, AlphaFitResult) and isinstance(r, FitResult)
    assert r.alpha == 2.0 and r.status == "converged" and r.notes == ""
    assert r.value == pytest.approx(alpha_divergence(P_BIMODAL, r.normal, 2.0), rel=1e-9)


def test_bad_input():
    for bad, error in ((float("nan"), ValueError), (math.inf, ValueError), ("1", TypeError), (None, TypeError)):
        with pytest.raises(error, match="alpha"):
            fit_alpha(P_BIMODAL, Normal(0, 1), bad)
        with pytest.raises(error, match="alpha"):
            alpha_divergence(P_BIMODAL, Normal(0, 1), bad)
    with pytest.raises(TypeError, match="start must be a Normal"):
        fit_alpha(P_BIMODAL, P_BIMODAL, 0.5)
    with pytest.raises(TypeError, match="Normal or a Mixture"):
        fit_alpha([0.5, 0.5], Normal(0, 1), 0.5)
    with pytest.raises(ValueError, match="alphas"):
        alpha_curve(P_BIMODAL, alphas=[0.0, math.nan])
    with pytest.raises(ValueError, match="alphas"):
        alpha_curve(P_BIMODAL, alphas=[])
