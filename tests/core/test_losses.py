"""Losses as cross-entropies, against scipy.special / scipy.stats and mpmath (50 digits)."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import expit, rel_entr, xlogy
from scipy.special import logsumexp as sp_logsumexp
from scipy.special import softmax as sp_softmax
from scipy.stats import entropy as sp_entropy
from scipy.stats import norm

from klviz.core.discrete import kl_divergence
from klviz.core.losses import (
    bernoulli_entropy,
    binary_cross_entropy,
    binary_cross_entropy_logit,
    categorical_cross_entropy_logits,
    gaussian_nll,
    log_softmax,
    logsumexp,
    sigmoid,
    softmax,
)

INF = math.inf


def assert_close(actual, expected, rel=1e-12, abs_=0.0, what=""):
    actual = float(actual)
    assert not math.isnan(actual), f"{what}: NaN"
    if isinstance(expected, mpmath.mpf) and mpmath.isinf(expected) or (
        isinstance(expected, float) and math.isinf(expected)
    ):
        assert actual == float(expected), f"{what}: expected {expected}, got {actual}"
        return
    with mpmath.workdps(50):
        e = mpmath.mpf(expected)
        err = abs(mpmath.mpf(actual) - e)
        bound = rel * abs(e) + abs_
        assert err <= bound, f"{what}: got {actual!r}, expected {mpmath.nstr(e, 20)}, err {mpmath.nstr(err, 4)}"


# ---------------------------------------------------------------- mpmath references


def mp_sigmoid(z):
    with mpmath.workdps(50):
        return 1 / (1 + mpmath.exp(-mpmath.mpf(z)))


def mp_bce(y, f):
    """-[y log f + (1-y) log(1-f)] with 0 log 0 = 0, on the exact float inputs."""
    with mpmath.workdps(50):
        y, f = mpmath.mpf(y), mpmath.mpf(f)
        total = mpmath.mpf(0)
        for a, b in ((y, f), (1 - y, 1 - f)):
            if a == 0:
                continue
            if b == 0:
                return mpmath.inf
            total -= a * mpmath.log(b)
        return total


def mp_bce_logit(y, z):
    # log sigmoid(z) = -log(1 + e^-z), log(1 - sigmoid(z)) = -log(1 + e^z)
    with mpmath.workdps(60):
        y, z = mpmath.mpf(y), mpmath.mpf(z)
        return y * mpmath.log1p(mpmath.exp(-z)) + (1 - y) * mpmath.log1p(mpmath.exp(z))


def mp_logsumexp(z):
    with mpmath.workdps(50):
        return mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v)) for v in z))


def mp_cce(y, z):
    with mpmath.workdps(50):
        return mp_logsumexp(z) - mpmath.fsum(mpmath.mpf(a) * mpmath.mpf(b) for a, b in zip(y, z))


def logit_tol(z):
    """Absolute slack proportional to the size of the logits (one ulp of max|z| and then some)."""
    return 1e-15 * (1.0 + float(np.max(np.abs(np.atleast_1d(z)))))


# --------------------------------------------------------------------- primitives

Z_GRID = [-800.0, -745.0, -700.0, -100.0, -37.0, -20.0, -1.0, -1e-10, 0.0, 1e-10, 0.5, 1.0, 20.0, 37.0, 100.0, 800.0]


@pytest.mark.parametrize("z", Z_GRID)
def test_sigmoid_vs_mpmath_and_expit(z):
    got = sigmoid(z)
    assert 0.0 <= float(got) <= 1.0
    assert_close(got, mp_sigmoid(z), rel=1e-14, abs_=1e-320, what=f"sigmoid({z})")
    assert_close(got, expit(z), rel=1e-14, abs_=1e-320, what="vs expit")


@pytest.mark.parametrize(
    "z",
    [[0.0], [1000.0, 1000.0], [-1000.0, -1000.0], [0.0, 1000.0], [-745.0, -745.0, 3.0], [1.0, 2.0, 3.0, 4.0], [-500.0, 0.0, 500.0]],
)
def test_logsumexp_softmax_log_softmax(z):
    z_arr = np.array(z)
    assert_close(logsumexp(z_arr), mp_logsumexp(z), rel=1e-15, abs_=1e-15, what="logsumexp")
    assert_close(logsumexp(z_arr), sp_logsumexp(z_arr), rel=1e-15, abs_=1e-15, what="vs scipy")
    ls = np.asarray(log_softmax(z_arr))
    sm = np.asarray(softmax(z_arr))
    assert ls.shape == sm.shape == z_arr.shape
    ref_lse = mp_logsumexp(z)
    for i, zi in enumerate(z):
        with mpmath.workdps(50):
            ref_ls = mpmath.mpf(zi) - ref_lse
        assert_close(ls[i], ref_ls, rel=1e-14, abs_=logit_tol(z), what=f"log_softmax[{i}]")
        assert math.isfinite(ls[i])
    np.testing.assert_allclose(sm, sp_softmax(z_arr), rtol=1e-14, atol=1e-300)
    assert abs(math.fsum(sm) - 1.0) <= 4e-16 * len(z)


def test_log_softmax_gap_1000_is_exact():
    ls = np.asarray(log_softmax(np.array([0.0, 1000.0])))
    assert ls[0] == -1000.0  # -1000 - log1p(e^-1000)
    assert ls[1] == 0.0
    sm = np.asarray(softmax(np.array([0.0, 1000.0])))
    assert sm[0] == 0.0 and sm[1] == 1.0


# ----------------------------------------------------------------------------- BCE

Y_VALUES = [0.0, 0.25, 0.5, 1.0]
F_VALUES = [0.0, 1e-300, 1e-10, 0.3, 0.5, 0.9, 1.0 - 1e-10, 1.0]


@pytest.mark.parametrize("y", Y_VALUES)
@pytest.mark.parametrize("f", F_VALUES)
def test_binary_cross_entropy_vs_xlogy_and_mpmath(y, f):
    got = binary_cross_entropy(y, f)
    ref_xlogy = -(xlogy(y, f) + xlogy(1.0 - y, 1.0 - f))
    assert_close(got, ref_xlogy, rel=1e-13, abs_=1e-16, what=f"BCE({y}, {f}) vs xlogy")
    assert_close(got, mp_bce(y, f), rel=1e-13, abs_=1e-16, what=f"BCE({y}, {f}) vs mpmath")
    assert float(got) >= 0.0


def test_binary_cross_entropy_conventions():
    assert binary_cross_entropy(0.0, 0.0) == 0.0
    assert binary_cross_entropy(1.0, 1.0) == 0.0
    assert binary_cross_entropy(1.0, 0.0) == INF
    assert binary_cross_entropy(0.0, 1.0) == INF
    assert binary_cross_entropy(0.5, 0.0) == INF
    assert binary_cross_entropy(0.5, 0.5) == pytest.approx(math.log(2.0), rel=1e-15)


LOGIT_Z = [-800.0, -400.0, -100.0, -37.0, -30.0, -5.0, -1.0, 0.0, 0.5, 1.0, 5.0, 30.0, 37.0, 100.0, 400.0, 800.0]


@pytest.mark.parametrize("y", [0.0, 0.3, 0.5, 1.0])
@pytest.mark.parametrize("z", LOGIT_Z)
def test_binary_cross_entropy_logit_vs_mpmath(y, z):
    got = binary_cross_entropy_logit(y, z)
    assert math.isfinite(float(got)), "BCE from a finite logit is finite"
    assert float(got) >= 0.0
    assert_close(got, mp_bce_logit(y, z), rel=1e-12, abs_=logit_tol(z), what=f"BCE_logit({y}, {z})")


def test_binary_cross_entropy_logit_huge_logits_exact():
    # y = 1 with a very wrong logit: -log sigmoid(-800) = 800 + log1p(e^-800) = 800.0 (not inf)
    assert binary_cross_entropy_logit(1.0, -800.0) == 800.0
    assert binary_cross_entropy_logit(0.0, 800.0) == 800.0
    assert binary_cross_entropy_logit(1.0, 800.0) == pytest.approx(0.0, abs=1e-300)


@pytest.mark.parametrize("y", [0.0, 0.2, 1.0])
@pytest.mark.parametrize("z", [-3.0, -0.4, 0.0, 0.7, 4.0])
def test_logit_form_equals_probability_form_where_sigmoid_is_exact_enough(y, z):
    f = float(expit(z))
    assert_close(binary_cross_entropy_logit(y, z), -(xlogy(y, f) + xlogy(1 - y, 1 - f)), rel=1e-12, abs_=1e-15)


# ------------------------------------------------------------------ categorical CE

CCE_CASES = [
    ([1.0, 0.0], [0.0, 1000.0]),
    ([0.0, 1.0], [0.0, 1000.0]),
    ([0.3, 0.7], [0.0, 1000.0]),
    ([0.7, 0.3], [1000.0, 0.0]),
    ([0.2, 0.5, 0.3], [-500.0, 0.0, 500.0]),
    ([0.0, 0.0, 1.0], [-1000.0, 0.0, 1000.0]),
    ([1.0, 0.0, 0.0], [-1000.0, 0.0, 1000.0]),
    ([0.25, 0.25, 0.25, 0.25], [1.0, 2.0, 3.0, 4.0]),
    ([1 / 3, 1 / 3, 1 / 3], [1000.0, 1000.0, 1000.0]),
    ([0.1, 0.6, 0.3], [-2.0, 0.5, 1.5]),
]


@pytest.mark.parametrize("y,z", CCE_CASES)
def test_categorical_cross_entropy_logits_vs_mpmath(y, z):
    got = categorical_cross_entropy_logits(np.array(y), np.array(z))
    assert math.isfinite(float(got))
    assert_close(got, mp_cce(y, z), rel=1e-13, abs_=logit_tol(z), what=f"CCE({y}, {z})")
    assert float(got) >= -logit_tol(z)


def test_categorical_ce_gap_1000_exact_values():
    assert categorical_cross_entropy_logits(np.array([1.0, 0.0]), np.array([0.0, 1000.0])) == 1000.0
    assert categorical_cross_entropy_logits(np.array([0.3, 0.7]), np.array([0.0, 1000.0])) == pytest.approx(
        300.0, rel=1e-15
    )


@pytest.mark.parametrize("y", [0.0, 0.3, 1.0])
@pytest.mark.parametrize("z0,z1", [(0.0, 0.0), (2.0, -1.0), (0.0, 1000.0), (1000.0, 0.0), (-400.0, 400.0), (3.5, 4.25)])
def test_two_class_softmax_is_bernoulli_with_sigmoid_of_gap(y, z0, z1):
    cce = categorical_cross_entropy_logits(np.array([1.0 - y, y]), np.array([z0, z1]))
    bce = binary_cross_entropy_logit(y, z1 - z0)
    ref = mp_bce_logit(y, z1 - z0)
    tol = logit_tol([z0, z1])
    assert_close(cce, ref, rel=1e-12, abs_=tol, what="two-class CCE vs mpmath Bernoulli")
    assert_close(bce, ref, rel=1e-12, abs_=tol, what="BCE_logit of the gap")
    assert_close(cce, mp_cce([1.0 - y, y], [z0, z1]), rel=1e-12, abs_=tol, what="CCE vs mpmath CCE")


# -------------------------------------------------------------- Normal likelihood


@pytest.mark.parametrize("y,f,sigma", [(0.0, 0.0, 1.0), (1.5, -0.5, 1.0), (3.0, 2.9, 0.1), (-7.0, 4.0, 2.5), (1e3, -1e3, 1.0), (0.2, 0.2, 1e-3), (5.0, 1.0, 40.0)])
def test_gaussian_nll_vs_scipy_logpdf(y, f, sigma):
    got = gaussian_nll(y, f, sigma) if sigma != 1.0 else gaussian_nll(y, f)
    assert_close(got, -norm.logpdf(y, loc=f, scale=sigma), rel=1e-13, abs_=1e-15, what="NLL vs -logpdf")
    with mpmath.workdps(50):
        ref = mpmath.log(2 * mpmath.pi * mpmath.mpf(sigma) ** 2) / 2 + (mpmath.mpf(y) - mpmath.mpf(f)) ** 2 / (
            2 * mpmath.mpf(sigma) ** 2
        )
    assert_close(got, ref, rel=1e-13, abs_=1e-15, what="NLL vs mpmath")


@pytest.mark.parametrize("y,f", [(0.0, 0.0), (1.0, 0.0), (-2.5, 0.75), (10.0, -10.0)])
def test_gaussian_nll_unit_sigma_is_half_squared_error_plus_constant(y, f):
    with mpmath.workdps(50):
        ref = mpmath.log(2 * mpmath.pi) / 2 + (mpmath.mpf(y) - mpmath.mpf(f)) ** 2 / 2
    assert_close(gaussian_nll(y, f), ref, rel=1e-14, what="1/2 log 2pi + 1/2 (y-f)^2")
    assert_close(gaussian_nll(y, f, 1.0), ref, rel=1e-14, what="explicit sigma=1")
    # the 1/2 on the squared error is there (erratum of the source article)
    assert gaussian_nll(y + 1.0, f) - gaussian_nll(y, f) == pytest.approx((y + 1.0 - f) ** 2 / 2 - (y - f) ** 2 / 2, abs=1e-12)


# ----------------------------------------------------- cross-entropy = H(Y) + KL


@pytest.mark.parametrize("y", [0.0, 1e-300, 0.1, 0.5, 0.9, 1.0])
def test_bernoulli_entropy_vs_scipy(y):
    got = bernoulli_entropy(y)
    assert_close(got, sp_entropy([y, 1.0 - y]), rel=1e-13, abs_=1e-300, what=f"H(Bernoulli({y}))")
    assert 0.0 <= float(got) <= math.log(2.0)


def test_one_hot_target_has_zero_entropy_so_ce_is_kl():
    assert bernoulli_entropy(0.0) == 0.0
    assert bernoulli_entropy(1.0) == 0.0
    z = np.array([0.3, -1.2, 2.0, 0.0])
    for k in range(len(z)):
        y = np.zeros(len(z))
        y[k] = 1.0
        ce = categorical_cross_entropy_logits(y, z)
        q = sp_softmax(z)
        kl_ref = float(np.sum(rel_entr(y, q)))
        assert_close(ce, kl_ref, rel=1e-13, what="CE(one-hot) = KL (scipy)")
        assert_close(ce, kl_divergence(y, q), rel=1e-13, what="CE(one-hot) = klviz KL")
        with mpmath.workdps(50):
            ref = mp_logsumexp(z) - mpmath.mpf(z[k])
        assert_close(ce, ref, rel=1e-14, what="-log softmax_k")
    for yb, zb in ((1.0, 0.7), (0.0, 0.7), (1.0, -3.0)):
        kl = float(np.sum(rel_entr([1 - yb, yb], [1 - expit(zb), expit(zb)])))
        assert_close(binary_cross_entropy_logit(yb, zb), kl, rel=1e-12, what="BCE(hard) = KL")


def test_soft_target_ce_is_entropy_plus_kl():
    y = np.array([0.2, 0.5, 0.3])
    z = np.array([-1.0, 0.25, 2.0])
    q = sp_softmax(z)
    ref = sp_entropy(y) + sp_entropy(y, q)
    assert_close(categorical_cross_entropy_logits(y, z), ref, rel=1e-13, what="H(y) + D(y||softmax z)")
    yb, zb = 0.3, -0.8
    ref_b = sp_entropy([1 - yb, yb]) + sp_entropy([1 - yb, yb], [1 - expit(zb), expit(zb)])
    assert_close(binary_cross_entropy_logit(yb, zb), ref_b, rel=1e-13, what="Bernoulli")
    assert_close(binary_cross_entropy_logit(yb, zb) - bernoulli_entropy(yb), sp_entropy([1 - yb, yb], [1 - expit(zb), expit(zb)]), rel=1e-9)
