"""The loss lab's arithmetic (klviz.core.losses, the reports behind the Losses tab) against
independent references: numpy.polyfit, scipy.stats.norm.logpdf, scipy.special (xlogy, expit,
log_expit, logit, log_softmax, logsumexp, rel_entr) and mpmath. Its state: tests/state."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import expit, log_expit, log_softmax, logsumexp, rel_entr, xlogy
from scipy.special import logit as sp_logit
from scipy.special import softmax as sp_softmax
from scipy.stats import entropy as sp_entropy
from scipy.stats import norm

from klviz.core.losses import (
    bce_curve,
    bernoulli_report,
    categorical_report,
    data_fit_report,
    fit_line,
    gaussian_nll_curve,
    line_profile,
    log_sigmoid,
    logit,
    mean_gaussian_nll,
    mean_squared_error,
    normal_report,
    probability_grid,
)

HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def close(actual, expected, rel=1e-12, abs_=0.0):
    """|actual - expected| <= rel |expected| + abs_, judged in 50-digit arithmetic."""
    with mpmath.workdps(50):
        e = mpmath.mpf(expected)
        return abs(mpmath.mpf(float(actual)) - e) <= rel * abs(e) + abs_


# ------------------------------------------------------------------------------ mpmath references


def mp_bernoulli(y, z):
    """(bce, entropy, kl) of target y against sigmoid(z), 60 digits."""
    with mpmath.workdps(60):
        y, z = mpmath.mpf(y), mpmath.mpf(z)
        log_f = -mpmath.log1p(mpmath.exp(-z))
        log_g = -mpmath.log1p(mpmath.exp(z))
        bce = -(y * log_f + (1 - y) * log_g)
        ent = mpmath.mpf(0)
        for a in (y, 1 - y):
            if a > 0:
                ent -= a * mpmath.log(a)
        return bce, ent, bce - ent


def mp_categorical(y, z):
    """(ce, entropy, kl) of target y against softmax(z), 60 digits."""
    with mpmath.workdps(60):
        z = [mpmath.mpf(v) for v in z]
        y = [mpmath.mpf(v) for v in y]
        lse = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in z))
        ce = -mpmath.fsum(a * (v - lse) for a, v in zip(y, z) if a > 0)
        ent = -mpmath.fsum(a * mpmath.log(a) for a in y if a > 0)
        return ce, ent, ce - ent


# ------------------------------------------------------------------------------------ primitives


@pytest.mark.parametrize("z", [-800.0, -40.0, -3.0, -1e-9, 0.0, 0.5, 3.0, 40.0, 800.0])
def test_log_sigmoid_vs_scipy_and_mpmath(z):
    assert close(log_sigmoid(z), log_expit(z), rel=1e-14, abs_=1e-300)
    with mpmath.workdps(50):
        ref = -mpmath.log1p(mpmath.exp(-mpmath.mpf(z)))
    assert close(log_sigmoid(z), ref, rel=1e-14, abs_=1e-300)


@pytest.mark.parametrize("f", [1e-12, 0.01, 0.3, 0.5, 0.8, 0.999, 1 - 1e-12])
def test_logit_vs_scipy(f):
    assert close(logit(f), sp_logit(f), rel=1e-12, abs_=1e-15)
    assert close(expit(logit(f)), f, rel=1e-12)


def test_logit_edges_and_errors():
    assert logit(0.0) == -math.inf and logit(1.0) == math.inf
    for bad in (-0.1, 1.5, math.nan, "x"):
        with pytest.raises(ValueError):
            logit(bad)


# ------------------------------------------------------------------------------------- Bernoulli

BERNOULLI_CASES = [(0.8, 1.0), (0.8, -0.5), (0.3, 2.0), (0.5, 0.0), (0.999, 3.0), (0.01, -4.0),
                   (0.2, -30.0), (0.7, 25.0), (0.0, 1.3), (1.0, 1.3), (1.0, -800.0), (0.0, 800.0),
                   (0.6, 1000.0), (0.6, -1000.0)]


@pytest.mark.parametrize("y,z", BERNOULLI_CASES)
def test_bernoulli_report_vs_mpmath(y, z):
    r = bernoulli_report(y, z)
    bce, ent, kl = mp_bernoulli(y, z)
    tol = 1e-15 * (1 + abs(z))
    assert math.isfinite(r.bce) and math.isfinite(r.kl)
    assert close(r.bce, bce, rel=1e-13, abs_=tol)
    assert close(r.entropy, ent, rel=1e-13, abs_=1e-300)
    assert close(r.kl, kl, rel=1e-9, abs_=tol)
    assert r.kl >= 0 and r.entropy >= 0
    assert close(r.log_f, log_expit(z), rel=1e-14, abs_=1e-300)
    assert close(r.log_one_minus_f, log_expit(-z), rel=1e-14, abs_=1e-300)
    assert close(r.f, expit(z), rel=1e-14, abs_=1e-300)
    assert close(r.one_minus_f, expit(-z), rel=1e-14, abs_=1e-300)


@pytest.mark.parametrize("y,z", [(0.8, 1.0), (0.3, -2.0), (0.55, 0.4), (0.9, 4.0)])
def test_bernoulli_report_vs_scipy_xlogy_and_rel_entr(y, z):
    r = bernoulli_report(y, z)
    f = expit(z)
    assert close(r.bce, -(xlogy(y, f) + xlogy(1 - y, 1 - f)), rel=1e-12)
    assert close(r.entropy, sp_entropy([y, 1 - y]), rel=1e-13)
    assert close(r.kl, rel_entr([y, 1 - y], [f, 1 - f]).sum(), rel=1e-10)
    assert close(r.bce, r.entropy + r.kl, rel=1e-13)


@pytest.mark.parametrize("z", [-1000.0, -30.0, -2.0, 0.0, 0.7, 30.0, 1000.0])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_hard_label_bce_is_exactly_the_kl(y, z):
    r = bernoulli_report(y, z)
    assert r.hard and r.entropy == 0.0
    assert r.kl == r.bce  # the same number, not merely close
    assert close(r.bce, mp_bernoulli(y, z)[0], rel=1e-14, abs_=1e-300)


@pytest.mark.parametrize("y", [0.1, 0.3, 0.5, 0.77, 0.999])
@pytest.mark.parametrize("d", [0.0, 1e-12, -1e-9, 1e-6, -0.01, 0.5])
def test_bernoulli_kl_near_its_minimum_stays_accurate(y, d):
    z = float(logit(y)) + d
    kl = bernoulli_report(y, z).kl
    with mpmath.workdps(60):
        zz = mpmath.mpf(z)
        yy = mpmath.mpf(y)
        f = 1 / (1 + mpmath.exp(-zz))
        ref = yy * mpmath.log(yy / f) + (1 - yy) * mpmath.log((1 - yy) / (1 - f))
    # The reference is taken at the rounded z; what is left is logit(y) rounded to a double, an
    # error of about one ulp of z in the distance d to the minimum (KL grows as d^2). The naive
    # sum of terms would be off by ~1e-17 absolute, i.e. useless here for |d| < 1e-8.
    rel = max(1e-6, 4e-16 * (1 + abs(z)) / abs(d)) if d else 0.0
    assert close(kl, ref, rel=rel, abs_=1e-30 if d else 1e-31)


def test_bce_curve_vs_xlogy_and_edges():
    f = probability_grid()
    assert f.ndim == 1 and np.all(np.diff(f) > 0) and f[0] > 0 and f[-1] < 1
    for y in (0.0, 0.25, 0.8, 1.0):
        got = bce_curve(y, f)
        ref = -(xlogy(y, f) + xlogy(1 - y, -f + 1))
        assert np.all(np.isfinite(got))
        np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-15)
        assert got.min() == pytest.approx(sp_entropy([y, 1 - y]), abs=1e-4)  # the floor H(y), at f = y
    with np.errstate(divide="ignore"):
        assert bce_curve(1.0, np.array([0.0]))[0] == math.inf
        assert bce_curve(0.0, np.array([0.0]))[0] == 0.0


def test_bernoulli_report_rejects_bad_input():
    for y, z in ((1.2, 0.0), (-0.1, 0.0), (math.nan, 0.0), (0.5, math.inf), (0.5, math.nan)):
        with pytest.raises(ValueError):
            bernoulli_report(y, z)


# ----------------------------------------------------------------------------------- categorical

CATEGORICAL_CASES = [
    ([1, 0, 0, 0], [2.0, 1.0, 0.1, -1.0]),
    ([0.2, 0.5, 0.3], [-1.0, 0.25, 2.0]),
    ([0.25] * 4, [1.0, 2.0, 3.0, 4.0]),
    ([1, 0], [0.0, 1000.0]),
    ([0, 1], [0.0, 1000.0]),
    ([0.3, 0.7], [0.0, 1000.0]),
    ([1, 0, 0, 0], [0.0, 1000.0, 0.0, 0.0]),
    ([0.1, 0.6, 0.3], [-500.0, 0.0, 500.0]),
    ([0.9, 0.05, 0.05], [3.0, -2.0, 0.5]),
]


@pytest.mark.parametrize("y,z", CATEGORICAL_CASES)
def test_categorical_report_vs_mpmath_and_scipy(y, z):
    r = categorical_report(y, z)
    ce, ent, kl = mp_categorical(y, z)
    tol = 1e-15 * (1 + max(abs(v) for v in z))
    assert math.isfinite(r.ce) and math.isfinite(r.kl)
    assert close(r.ce, ce, rel=1e-13, abs_=tol)
    assert close(r.entropy, ent, rel=1e-13, abs_=1e-300)
    assert close(r.kl, kl, rel=1e-9, abs_=tol)
    np.testing.assert_allclose(r.probs, sp_softmax(z), rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(r.log_probs, log_softmax(z), rtol=1e-13, atol=tol)
    assert close(r.logsumexp, logsumexp(z), rel=1e-15, abs_=tol)
    assert close(r.target_dot, float(np.dot(y, z)), rel=1e-15, abs_=tol)
    assert close(r.ce_terms.sum(), ce, rel=1e-13, abs_=tol)
    if np.all(sp_softmax(z) > 0):
        assert close(r.kl, rel_entr(y, sp_softmax(z)).sum(), rel=1e-8, abs_=1e-15)


def test_one_hot_cross_entropy_is_exactly_the_kl():
    r = categorical_report([0, 0, 1, 0], [0.3, -1.2, 2.0, 0.0])
    assert r.hard and r.hard_index == 2 and r.entropy == 0.0
    assert r.kl == r.ce
    assert close(r.ce, -log_softmax([0.3, -1.2, 2.0, 0.0])[2], rel=1e-14)


def test_gap_1000_is_finite_and_exact():
    r = categorical_report([1, 0], [0.0, 1000.0])
    assert r.probs[0] == 0.0  # underflows ...
    assert r.log_probs[0] == -1000.0  # ... while its log does not
    assert r.ce == 1000.0 and r.kl == 1000.0
    assert r.binary_bce == 1000.0 and r.binary_gap == 1000.0
    r = categorical_report([0, 1], [0.0, 1000.0])
    assert r.ce == 0.0 and math.isfinite(r.kl)


@pytest.mark.parametrize("y1", [0.0, 0.3, 0.5, 1.0])
@pytest.mark.parametrize("z0,z1", [(0.0, 0.0), (2.0, -1.0), (0.3, 1.7), (0.0, 1000.0), (1000.0, 0.0), (-400.0, 400.0)])
def test_two_classes_are_the_bernoulli_case(y1, z0, z1):
    r = categorical_report([1 - y1, y1], [z0, z1])
    b = bernoulli_report(y1, z1 - z0)
    ref = mp_bernoulli(y1, z1 - z0)[0]
    tol = 1e-15 * (1 + abs(z0) + abs(z1))
    assert r.binary_gap == z1 - z0
    assert close(r.binary_f, expit(z1 - z0), rel=1e-14, abs_=1e-300)
    assert close(r.ce, ref, rel=1e-12, abs_=tol)
    assert close(r.binary_bce, ref, rel=1e-12, abs_=tol)
    assert close(b.bce, ref, rel=1e-12, abs_=tol)
    assert close(r.entropy, b.entropy, rel=1e-13, abs_=1e-300)
    assert close(r.kl, b.kl, rel=1e-8, abs_=tol)


def test_categorical_report_normalises_and_validates():
    r = categorical_report([2, 6, 2], [0.0, 1.0, 2.0])
    np.testing.assert_allclose(r.target, [0.2, 0.6, 0.2], rtol=1e-15)
    assert categorical_report([1, 0, 0], [1, 2, 3]).binary_bce is None
    for y, z in (([1, 0], [0, 1, 2]), ([1], [0]), ([-1, 2], [0, 0]), ([0, 0], [0, 0]),
                 ([1, 0], [0, math.inf]), ([1, math.nan], [0, 0])):
        with pytest.raises(ValueError):
            categorical_report(y, z)


# ---------------------------------------------------------------------------------------- Normal


@pytest.mark.parametrize("y,f,sigma", [(1.0, -0.5, 1.0), (0.0, 0.0, 1.0), (-3.0, 4.5, 1.0), (2.0, 1.0, 0.1),
                                       (2.0, 1.0, 7.5), (1e3, -1e3, 1.0)])
def test_normal_report_vs_scipy_logpdf(y, f, sigma):
    r = normal_report(y, f, sigma)
    assert close(r.nll, -norm.logpdf(y, loc=f, scale=sigma), rel=1e-13, abs_=1e-15)
    assert close(r.constant, 0.5 * math.log(2 * math.pi * sigma**2), rel=1e-14)
    assert close(r.squared_term, (y - f) ** 2 / (2 * sigma**2), rel=1e-14)
    assert close(r.nll, r.constant + r.squared_term, rel=1e-14, abs_=1e-15)
    assert r.residual == y - f
    if sigma == 1.0:  # the 1/2 on the squared error (erratum of the source article)
        with mpmath.workdps(50):
            ref = mpmath.log(2 * mpmath.pi) / 2 + (mpmath.mpf(y) - mpmath.mpf(f)) ** 2 / 2
        assert close(r.nll, ref, rel=1e-14)


def test_nll_curve_is_the_parabola():
    f = np.linspace(-5, 5, 101)
    for sigma in (1.0, 0.4, 3.0):
        np.testing.assert_allclose(gaussian_nll_curve(1.3, f, sigma), -norm.logpdf(1.3, loc=f, scale=sigma),
                                   rtol=1e-13, atol=1e-15)
    with pytest.raises(ValueError):
        normal_report(0.0, 0.0, 0.0)
    with pytest.raises(ValueError):
        gaussian_nll_curve(0.0, f, -1.0)


def _datasets():
    rng = np.random.default_rng(20240607)
    out = [(np.array([-3.0, -2, -1, 0, 1, 2, 3]), np.array([-0.9, 0.4, 0.1, 1.3, 1.2, 2.4, 2.1]))]
    for n in (2, 3, 7, 25):
        x = rng.uniform(-4, 4, n)
        out.append((x, 0.7 * x - 0.3 + rng.normal(0, 0.8, n)))
    out.append((np.array([1e6 + 1, 1e6 + 2, 1e6 + 3]), np.array([1.0, 3.0, 2.0])))  # needs centring
    return out


@pytest.mark.parametrize("x,y", _datasets())
def test_fit_line_vs_polyfit(x, y):
    slope, intercept = fit_line(x, y)
    ref_slope, ref_intercept = np.polyfit(x, y, 1)
    assert slope == pytest.approx(ref_slope, rel=1e-9, abs=1e-12)
    assert intercept == pytest.approx(ref_intercept, rel=1e-9, abs=1e-9 * (1 + abs(ref_slope) * np.abs(x).max()))


@pytest.mark.parametrize("sigma", [1.0, 0.5, 2.0])
@pytest.mark.parametrize("x,y", _datasets()[:5])
def test_mean_nll_is_half_log_2pi_plus_half_mse(x, y, sigma):
    r = data_fit_report(x, y, sigma)
    a, b = np.polyfit(x, y, 1)
    pred = a * x + b
    mse = float(np.mean((y - pred) ** 2))
    assert r.mse == pytest.approx(mse, rel=1e-9, abs=1e-15)
    assert mean_squared_error(y, pred) == pytest.approx(mse, rel=1e-12, abs=1e-15)
    ref_mean_nll = float(np.mean(-norm.logpdf(y, loc=pred, scale=sigma)))
    assert r.mean_nll == pytest.approx(ref_mean_nll, rel=1e-9)
    assert mean_gaussian_nll(y, pred, sigma) == pytest.approx(ref_mean_nll, rel=1e-12)
    assert r.mean_nll == pytest.approx(0.5 * math.log(2 * math.pi * sigma**2) + mse / (2 * sigma**2), rel=1e-9)
    if sigma == 1.0:
        assert r.mean_nll == pytest.approx(HALF_LOG_2PI + 0.5 * mse, rel=1e-9)
    assert r.constant + r.half_mse_term == pytest.approx(r.mean_nll, rel=1e-12)
    np.testing.assert_allclose(r.residuals, y - pred, rtol=1e-9, atol=1e-9)
    assert r.best_sigma == pytest.approx(math.sqrt(mse), rel=1e-9)
    # the best sigma really is the best: the mean NLL at other sigmas is larger
    best = mean_gaussian_nll(y, r.predictions, r.best_sigma)
    for s in (0.8 * r.best_sigma, 1.25 * r.best_sigma):
        assert mean_gaussian_nll(y, r.predictions, s) > best


def test_both_losses_have_one_minimiser_over_the_slope():
    x, y = _datasets()[0]
    slopes = np.linspace(-3, 3, 6001)
    mse, nll = line_profile(x, y, slopes)
    a_ref = np.polyfit(x, y, 1)[0]
    assert slopes[np.argmin(mse)] == pytest.approx(a_ref, abs=1e-3)
    assert np.argmin(mse) == np.argmin(nll)
    np.testing.assert_allclose(nll, HALF_LOG_2PI + 0.5 * mse, rtol=1e-13)
    for k in (0, 1234, 6000):  # a direct computation with the best intercept for that slope
        b = y.mean() - slopes[k] * x.mean()
        assert mse[k] == pytest.approx(np.mean((y - slopes[k] * x - b) ** 2), rel=1e-12)
    mse2, nll2 = line_profile(x, y, slopes, sigma=2.0)
    np.testing.assert_allclose(nll2, 0.5 * math.log(2 * math.pi * 4) + mse2 / 8, rtol=1e-13)


def test_degenerate_data_set():
    r = data_fit_report([1.0, 1.0, 1.0], [0.0, 1.0, 5.0])
    assert not r.unique and r.slope == 0.0 and r.intercept == pytest.approx(2.0)
    with pytest.raises(ValueError):
        fit_line([1.0, 2.0], [1.0])
    with pytest.raises(ValueError):
        data_fit_report([1.0, math.nan], [0.0, 1.0])
