"""The core helpers behind the Continuous tab (klviz.core.gaussian, last section): the KL integrand,
the drawing grid, the modes of a mixture, the nearest-mode reverse-KL fit, path resampling and the
MSE link terms -- against scipy / mpmath references written here."""

import math

import mpmath
import numpy as np
import pytest
from scipy import integrate, optimize
from scipy.stats import norm

from klviz.core import Mixture, Normal
from klviz.core.gaussian import (
    density_modes,
    drawing_grid,
    fit_reverse_kl_nearest_mode,
    integrand,
    resample_path,
    unit_variance_terms,
)


def ref_pdf(dist, x):
    if isinstance(dist, Normal):
        return norm.pdf(x, dist.mu, dist.sigma)
    (w1, w2), (c1, c2) = dist.weights, dist.components
    return w1 * norm.pdf(x, c1.mu, c1.sigma) + w2 * norm.pdf(x, c2.mu, c2.sigma)


def ref_logpdf(dist, x):
    if isinstance(dist, Normal):
        return norm.logpdf(x, dist.mu, dist.sigma)
    (w1, w2), (c1, c2) = dist.weights, dist.components
    with np.errstate(divide="ignore"):
        lw1, lw2 = np.log(w1), np.log(w2)  # -inf for a zero weight
    return np.logaddexp(lw1 + norm.logpdf(x, c1.mu, c1.sigma), lw2 + norm.logpdf(x, c2.mu, c2.sigma))


MIX = Mixture.from_params(0.35, -3.0, 0.8, 2.5, 1.2)


@pytest.mark.parametrize("P, Q", [
    (Normal(0, 1), Normal(1, 1.5)),
    (MIX, Normal(0.5, 2.0)),
    (Normal(0.5, 2.0), MIX),
    (Normal(-2, 0.05), Normal(3, 0.1)),  # far apart: both densities underflow in the tails
])
def test_integrand_is_p_log_p_over_q_and_integrates_to_kl(P, Q):
    x = np.linspace(-40, 40, 4001)
    f = integrand(P, Q, x)
    assert np.all(np.isfinite(f))
    lp, lq = ref_logpdf(P, x), ref_logpdf(Q, x)
    assert np.allclose(f, np.exp(lp) * (lp - lq), rtol=1e-9, atol=1e-300)
    if not (isinstance(P, Normal) and P.sigma < 0.1):
        pts = [d.mu for d in ([P] if isinstance(P, Normal) else P.components)]
        ref, _ = integrate.quad(lambda t: math.exp(ref_logpdf(P, t)) * (ref_logpdf(P, t) - ref_logpdf(Q, t)),
                                -40, 40, points=pts, limit=400)
        assert integrate.trapezoid(f, x) == pytest.approx(ref, rel=1e-4)


def test_integrand_with_precomputed_logs_is_the_same():
    x = np.linspace(-10, 10, 301)
    lp, lq = ref_logpdf(MIX, x), ref_logpdf(Normal(0, 2), x)
    assert np.allclose(integrand(MIX, Normal(0, 2), x, lp, lq), integrand(MIX, Normal(0, 2), x))


def test_drawing_grid_resolves_narrow_peaks():
    P, Q = Normal(3.0, 0.05), Normal(-5.0, 10.0)
    x = drawing_grid(-40, 40, (P, Q), points=101)
    assert np.all(np.diff(x) > 0) and x[0] == -40 and x[-1] == 40
    near = x[np.abs(x - 3.0) < 0.05]
    assert near.size >= 15  # the uniform step alone (0.8) would miss the peak
    assert ref_pdf(P, x).max() == pytest.approx(ref_pdf(P, 3.0), rel=1e-3)


def test_drawing_grid_is_the_sorted_set_of_its_points():
    # a component centred on a grid point gives duplicates; each value must appear once
    P, Q = Normal(0.0, 1.0), Normal(0.0, 1.0)
    x = drawing_grid(-6, 6, (P, Q), points=13, per_component=13)
    parts = [np.linspace(-6, 6, 13)] + [np.linspace(-6, 6, 13)] * 2
    assert np.array_equal(x, np.unique(np.concatenate(parts)))
    assert drawing_grid(1, 0, (), points=5).size == 0  # an empty range gives an empty grid


@pytest.mark.parametrize("P", [
    MIX,
    Mixture.from_params(0.5, -3, 0.7, 3, 0.7),
    Mixture.from_params(0.5, 0, 1, 1, 1),  # unimodal
    Mixture.from_params(0.9, -1, 1, 1, 0.1),
    Mixture.from_params(0.5, -10, 0.05, 10, 20),
    Mixture.from_params(0.0, -1, 1, 1, 0.3),
    Mixture.from_params(1.0, -1, 1, 1, 0.3),
    Mixture.from_params(0.5, 2, 0.5, 2, 3),  # same mean
    Normal(1.5, 0.3),
])
def test_density_modes_vs_scipy(P):
    modes = density_modes(P)
    # reference: every local maximum of the density on a fine grid, polished by scipy
    x = np.linspace(-15, 15, 300_001)
    y = ref_logpdf(P, x)
    idx = np.flatnonzero((y[1:-1] >= y[:-2]) & (y[1:-1] > y[2:])) + 1
    ref = [optimize.minimize_scalar(lambda t: -ref_logpdf(P, t), bounds=(x[i - 1], x[i + 1]), method="bounded",
                                    options={"xatol": 1e-12}).x for i in idx]
    assert len(modes) == len(ref)
    assert np.allclose(modes, ref, atol=1e-6)


BIMODAL = Mixture.from_params(0.4, -4.0, 0.6, 3.5, 0.9)


@pytest.mark.parametrize("start, expected_side", [
    (Normal(-1.0, 2.5), 0), (Normal(0.5, 2.5), 1), (Normal(-0.3, 1.0), 0), (Normal(-0.2, 1.0), 1),
    (Normal(-9.0, 0.05), 0), (Normal(9.0, 20.0), 1),
])
def test_reverse_fit_ends_at_the_mode_nearest_the_start(start, expected_side):
    modes = density_modes(BIMODAL)
    result = fit_reverse_kl_nearest_mode(BIMODAL, start)
    assert result.converged
    assert result.path[0] == start and result.path[-1] == result.normal
    assert result.normal.mu == pytest.approx(modes[expected_side], abs=0.05)
    assert result.normal.sigma == pytest.approx((0.6, 0.9)[expected_side], rel=0.05)


def test_reverse_fit_breaks_a_tie_towards_the_higher_peak():
    P = Mixture.from_params(0.45, -3.0, 0.7, 3.0, 0.7)  # the right peak is higher
    assert fit_reverse_kl_nearest_mode(P, Normal(0.0, 1.0)).normal.mu == pytest.approx(3.0, abs=0.05)
    P = Mixture.from_params(0.5, -3.0, 0.7, 3.0, 0.7)  # a perfect tie: the left one, deterministically
    assert fit_reverse_kl_nearest_mode(P, Normal(0.0, 1.0)).normal.mu == pytest.approx(-3.0, abs=0.05)


def test_reverse_fit_of_a_normal_is_the_normal():
    r = fit_reverse_kl_nearest_mode(Normal(2.0, 0.4), Normal(-5.0, 6.0))
    assert (r.normal.mu, r.normal.sigma) == pytest.approx((2.0, 0.4), abs=1e-6)


def test_resample_path_is_even_and_keeps_the_ends():
    path = (Normal(0, 1), Normal(0.1, 1), Normal(0.2, 1), Normal(3, 1), Normal(3, 1), Normal(3, 2))
    out = resample_path(path, 41)
    assert len(out) == 41 and out[0] == path[0] and out[-1] == path[-1]
    mus = np.array([n.mu for n in out])
    sig = np.array([n.sigma for n in out])
    step = np.sqrt(np.diff(mus) ** 2 + np.diff(sig) ** 2 + (0.25 * np.diff(np.log(sig))) ** 2)
    # even along the path: equal steps, except a step cutting a corner of the path (shorter)
    assert np.all(step <= 1.05 * np.median(step)) and np.all(step >= 0.6 * np.median(step))
    assert np.mean(np.abs(step - np.median(step)) < 0.02 * np.median(step)) > 0.8
    assert resample_path((Normal(1, 1),), 5) == (Normal(1, 1),) * 5
    with pytest.raises(ValueError):
        resample_path(path, 1)


@pytest.mark.parametrize("P", [Normal(0.5, 1.7), MIX])
def test_unit_variance_terms_are_the_cross_entropy_to_a_unit_normal(P):
    mu_q = 1.25
    c, v, e = unit_variance_terms(P, mu_q)
    with mpmath.workdps(30):
        assert c == pytest.approx(float(mpmath.log(2 * mpmath.pi) / 2), rel=1e-15)
    mean = integrate.quad(lambda t: t * ref_pdf(P, t), -30, 30, points=[-3, 0, 2.5], limit=400)[0]
    var = integrate.quad(lambda t: (t - mean) ** 2 * ref_pdf(P, t), -30, 30, points=[-3, 0, 2.5], limit=400)[0]
    assert v == pytest.approx(var / 2, rel=1e-9)
    assert e == pytest.approx((mean - mu_q) ** 2 / 2, rel=1e-9)
    ce = -integrate.quad(lambda t: ref_pdf(P, t) * norm.logpdf(t, mu_q, 1.0), -30, 30, points=[-3, 0, 2.5],
                         limit=400)[0]
    assert c + v + e == pytest.approx(ce, rel=1e-9)
