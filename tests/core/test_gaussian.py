"""Normal closed forms and Mixture quadrature against mpmath / scipy.integrate.quad.

Closed forms are checked against mpmath at 50 digits on the exact float inputs (including
sigma ratios within 1e-8 of 1, where naive formulas cancel catastrophically). Mixture
quantities are checked against an independent adaptive quadrature (scipy.integrate.quad on
many sub-intervals split at every component's mu + k sigma), written here from the
definitions in MATH.md.
"""

from __future__ import annotations

import dataclasses
import math

import mpmath
import numpy as np
import pytest
from scipy import integrate
from scipy.stats import norm

from klviz.core import Mixture, Normal
from klviz.core.gaussian import (
    continuous_cross_entropy,
    continuous_kl,
    continuous_measures,
    differential_entropy,
    fit_forward_kl,
    fit_reverse_kl,
    log_density,
    moment_match,
    normal_cross_entropy,
    normal_entropy,
    normal_kl,
)

LN2, LN10 = math.log(2.0), math.log(10.0)
HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)

# ------------------------------------------------------------ closed-form references


def mp_normal_entropy(s):
    with mpmath.workdps(50):
        s = mpmath.mpf(s)
        return mpmath.log(2 * mpmath.pi * mpmath.e * s**2) / 2


def mp_normal_ce(mu_p, s_p, mu_q, s_q):
    with mpmath.workdps(50):
        mu_p, s_p, mu_q, s_q = map(mpmath.mpf, (mu_p, s_p, mu_q, s_q))
        return mpmath.log(2 * mpmath.pi * s_q**2) / 2 + (s_p**2 + (mu_p - mu_q) ** 2) / (2 * s_q**2)


def mp_normal_kl(mu_p, s_p, mu_q, s_q):
    with mpmath.workdps(50):
        mu_p, s_p, mu_q, s_q = map(mpmath.mpf, (mu_p, s_p, mu_q, s_q))
        # variance part and mean part summed separately, so a tiny (mu_p - mu_q)^2 is not lost
        # next to sigma_p^2 even at 50 digits
        variance_part = mpmath.log(s_q / s_p) + (s_p**2 / s_q**2 - 1) / 2
        return variance_part + (mu_p - mu_q) ** 2 / (2 * s_q**2)


def assert_close(actual, expected, rel, abs_=0.0, what=""):
    actual = float(actual)
    assert math.isfinite(actual), f"{what}: got {actual}"
    with mpmath.workdps(50):
        e = mpmath.mpf(expected)
        err = abs(mpmath.mpf(actual) - e)
        bound = rel * abs(e) + abs_
        assert err <= bound, (
            f"{what}: got {actual!r}, expected {mpmath.nstr(e, 20)}, "
            f"rel err {mpmath.nstr(err / abs(e), 3) if e != 0 else 'n/a'} (abs {mpmath.nstr(err, 3)})"
        )


# -------------------------------------------------------------- quadrature reference


def _components(dist):
    """[(weight, mu, sigma), ...] with zero-weight components dropped."""
    if isinstance(dist, Normal):
        return [(1.0, float(dist.mu), float(dist.sigma))]
    w = float(dist.weight)
    (a, b) = dist.components
    out = [(w, float(a.mu), float(a.sigma)), (1.0 - w, float(b.mu), float(b.sigma))]
    return [c for c in out if c[0] > 0]


def _all_components(dist):
    if isinstance(dist, Normal):
        return [(1.0, float(dist.mu), float(dist.sigma))]
    (a, b) = dist.components
    return [(None, float(a.mu), float(a.sigma)), (None, float(b.mu), float(b.sigma))]


def ref_logpdf_scalar(comps, x):
    terms = [
        math.log(w) - 0.5 * ((x - mu) / s) ** 2 - math.log(s) - HALF_LOG_2PI for (w, mu, s) in comps
    ]
    m = max(terms)
    return m + math.log(math.fsum(math.exp(t - m) for t in terms))


def ref_integral(integrand, weighting, others=()):
    """Integral over R of integrand(x), where integrand carries the density of `weighting`.

    The range is weighting's components +-40 sigma (beyond that the Gaussian factor is below
    e^-800); it is cut at mu + k sigma for every component of every distribution involved.
    """
    wc = _components(weighting)
    lo = min(mu - 40 * s for _, mu, s in wc)
    hi = max(mu + 40 * s for _, mu, s in wc)
    ks = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30, 35]
    pts = {lo, hi}
    for d in (weighting, *others):
        for _, mu, s in _all_components(d):
            for k in ks:
                for x in (mu - k * s, mu + k * s):
                    if lo < x < hi:
                        pts.add(x)
    pts = sorted(pts)
    parts = []
    for a, b in zip(pts[:-1], pts[1:]):
        val, _err = integrate.quad(integrand, a, b, epsabs=1e-15, epsrel=1e-12, limit=200)
        parts.append(val)
    return math.fsum(parts)


def ref_entropy(P):
    cp = _components(P)

    def f(x):
        lp = ref_logpdf_scalar(cp, x)
        return -math.exp(lp) * lp

    return ref_integral(f, P)


def ref_cross_entropy(P, Q):
    cp, cq = _components(P), _components(Q)
    return ref_integral(lambda x: -math.exp(ref_logpdf_scalar(cp, x)) * ref_logpdf_scalar(cq, x), P, (Q,))


def ref_kl(P, Q):
    cp, cq = _components(P), _components(Q)

    def f(x):
        lp = ref_logpdf_scalar(cp, x)
        return math.exp(lp) * (lp - ref_logpdf_scalar(cq, x))

    return ref_integral(f, P, (Q,))


def ref_moments(P):
    cp = _components(P)
    mean = ref_integral(lambda x: x * math.exp(ref_logpdf_scalar(cp, x)), P)
    var = ref_integral(lambda x: (x - mean) ** 2 * math.exp(ref_logpdf_scalar(cp, x)), P)
    return mean, var


# ---------------------------------------------------------------------- closed forms

SIGMAS = [1e-150, 1e-8, 1e-3, 0.1, 0.2419, 0.242, 0.5, 1.0, 2.5, 1e3, 1e150]


@pytest.mark.parametrize("sigma", SIGMAS)
def test_normal_entropy_vs_mpmath(sigma):
    assert_close(normal_entropy(sigma), mp_normal_entropy(sigma), rel=1e-12, abs_=1e-15, what="h")


def test_differential_entropy_negative_below_0_242():
    threshold = 1 / math.sqrt(2 * math.pi * math.e)
    assert 0.2419 < threshold < 0.2420
    for s in (1e-6, 0.01, 0.1, 0.2, 0.24, 0.2419):
        assert normal_entropy(s) < 0, s
        assert differential_entropy(Normal(0.0, s)) < 0, s
    for s in (0.2420, 0.25, 1.0, 10.0):
        assert normal_entropy(s) > 0, s
        assert differential_entropy(Normal(3.0, s)) > 0, s


GENERIC_PAIRS = [
    (0.0, 1.0, 0.0, 1.0),
    (0.3, 0.7, -1.2, 2.5),
    (1e3, 1e-3, -1e3, 1e2),
    (0.0, 1e-4, 0.0, 1e4),
    (0.0, 1e4, 0.0, 1e-4),
    (5.0, 3.0, 5.0, 0.1),
    (-2.0, 0.2419, 1.0, 0.2419),
    (0.0, 0.01, 0.0, 1.0),
    (0.0, 1e-9, 0.0, 1.0),
    (1.0, 1e-6, 0.0, 50.0),
    (0.0, 1.0, 0.0, 1e-9),
]


def _near_one_pairs():
    out = []
    for s_q in (1.0, 0.37, 3.0):
        for ratio in (1 + 1e-9, 1 - 3e-9, 1 + 1e-12, 1 - 1e-12, 1 + 1e-8, 1 - 1e-8):
            s_p = s_q * ratio
            for dmu in (0.0, 2e-9 * s_q, 1e-6):
                out.append((0.25 + dmu, s_p, 0.25, s_q))
    return out


NEAR_ONE_PAIRS = _near_one_pairs()


@pytest.mark.parametrize("mu_p,s_p,mu_q,s_q", GENERIC_PAIRS + NEAR_ONE_PAIRS)
def test_normal_kl_vs_mpmath(mu_p, s_p, mu_q, s_q):
    ref = mp_normal_kl(mu_p, s_p, mu_q, s_q)
    got = normal_kl(mu_p, s_p, mu_q, s_q)
    assert got >= 0.0
    if ref == 0:
        assert got == 0.0
    else:
        assert_close(got, ref, rel=1e-9, what=f"D(N({mu_p},{s_p})||N({mu_q},{s_q}))")


@pytest.mark.parametrize("mu_p,s_p,mu_q,s_q", GENERIC_PAIRS + NEAR_ONE_PAIRS)
def test_normal_cross_entropy_vs_mpmath(mu_p, s_p, mu_q, s_q):
    ref = mp_normal_ce(mu_p, s_p, mu_q, s_q)
    assert_close(normal_cross_entropy(mu_p, s_p, mu_q, s_q), ref, rel=1e-9, abs_=1e-15, what="H(P,Q)")


def test_normal_kl_examples_are_not_symmetric():
    a = normal_kl(0.0, 1.0, 1.0, 2.0)
    b = normal_kl(1.0, 2.0, 0.0, 1.0)
    assert_close(a, mp_normal_kl(0.0, 1.0, 1.0, 2.0), rel=1e-12, what="a")
    assert_close(b, mp_normal_kl(1.0, 2.0, 0.0, 1.0), rel=1e-12, what="b")
    assert abs(a - b) > 0.1


def test_continuous_functions_use_closed_form_for_two_normals():
    P, Q = Normal(0.25 * (1 + 2e-9), 1.0 + 1e-9), Normal(0.25, 1.0)
    assert_close(continuous_kl(P, Q), mp_normal_kl(P.mu, P.sigma, Q.mu, Q.sigma), rel=1e-9, what="KL")
    assert_close(
        continuous_cross_entropy(P, Q), mp_normal_ce(P.mu, P.sigma, Q.mu, Q.sigma), rel=1e-12, what="CE"
    )
    assert_close(differential_entropy(P), mp_normal_entropy(P.sigma), rel=1e-12, what="h")


# --------------------------------------------------------------------- log_density


def mp_mixture_logpdf(comps, x):
    with mpmath.workdps(50):
        x = mpmath.mpf(x)
        total = mpmath.mpf(0)
        for w, mu, s in comps:
            mu, s = mpmath.mpf(mu), mpmath.mpf(s)
            total += mpmath.mpf(w) * mpmath.exp(-((x - mu) / s) ** 2 / 2) / (s * mpmath.sqrt(2 * mpmath.pi))
        return mpmath.log(total)


def test_log_density_normal_matches_scipy():
    x = np.array([-1e3, -40.0, -1.0, 0.0, 0.3, 2.0, 55.0, 1e3])
    got = log_density(Normal(0.3, 1.7), x)
    assert isinstance(got, np.ndarray) and got.shape == x.shape
    np.testing.assert_allclose(got, norm.logpdf(x, loc=0.3, scale=1.7), rtol=1e-13)


@pytest.mark.parametrize(
    "params",
    [(0.5, 0.0, 0.5, 8.0, 1.0), (0.3, 3.0, 0.05, 0.0, 20.0), (0.01, -2.0, 0.3, 1.0, 1.5), (0.0, -5.0, 1.0, 2.0, 0.7), (1.0, -5.0, 1.0, 2.0, 0.7)],
)
def test_log_density_mixture_in_log_space(params):
    M = Mixture.from_params(*params)
    x = np.array([-300.0, -60.0, -5.0, 0.0, 0.01, 4.0, 8.0, 60.0, 300.0])
    got = log_density(M, x)
    assert isinstance(got, np.ndarray) and got.shape == x.shape
    assert np.all(np.isfinite(got)), "density underflow must not give -inf in log space"
    w, m1, s1, m2, s2 = params
    comps = [c for c in ((w, m1, s1), (1 - w, m2, s2)) if c[0] > 0]
    for xi, gi in zip(x, got):
        assert_close(gi, mp_mixture_logpdf(comps, xi), rel=1e-12, abs_=1e-12, what=f"log p({xi})")


# ---------------------------------------------------------------- mixture quadrature

BIMODAL = ("M", 0.5, 0.0, 0.5, 8.0, 1.0)
NARROW_WIDE = ("M", 0.5, 0.0, 0.05, 0.0, 20.0)
NARROW_WIDE_SHIFTED = ("M", 0.5, 3.0, 0.05, 0.0, 20.0)
LOPSIDED = ("M", 0.01, -2.0, 0.3, 1.0, 1.5)
LOPSIDED_R = ("M", 0.99, -2.0, 0.3, 1.0, 1.5)
W0 = ("M", 0.0, -5.0, 1.0, 2.0, 0.7)
W1 = ("M", 1.0, -5.0, 1.0, 2.0, 0.7)
OTHER_MIX = ("M", 0.3, 1.0, 2.0, 6.0, 0.5)


def build(spec):
    if spec[0] == "N":
        return Normal(*spec[1:])
    return Mixture.from_params(*spec[1:])


ENTROPY_CASES = [BIMODAL, NARROW_WIDE, NARROW_WIDE_SHIFTED, LOPSIDED, LOPSIDED_R, W0, W1, OTHER_MIX]


@pytest.mark.parametrize("spec", ENTROPY_CASES, ids=str)
def test_mixture_differential_entropy_vs_quad(spec):
    P = build(spec)
    assert_close(differential_entropy(P), ref_entropy(P), rel=1e-6, abs_=1e-9, what=f"h({spec})")


PAIR_CASES = [
    (BIMODAL, ("N", 4.0, 3.0)),
    (("N", 4.0, 3.0), BIMODAL),
    (BIMODAL, NARROW_WIDE),
    (NARROW_WIDE, BIMODAL),
    (NARROW_WIDE_SHIFTED, ("N", 0.0, 1.0)),
    (("N", 0.5, 0.2), NARROW_WIDE_SHIFTED),
    (("N", 0.0, 20.0), ("M", 0.5, 0.0, 0.05, 8.0, 1.0)),
    (LOPSIDED, ("N", 0.0, 1.0)),
    (("N", 0.0, 1.0), LOPSIDED),
    (LOPSIDED_R, LOPSIDED),
    (W0, ("N", 1.0, 2.0)),
    (("N", 1.0, 2.0), W1),
    (BIMODAL, OTHER_MIX),
    (OTHER_MIX, BIMODAL),
    (("N", 0.0, 20.0), BIMODAL),
    (("N", -3.0, 5.0), ("M", 0.01, 0.0, 0.05, 3.0, 0.3)),
    (("M", 0.5, -6.0, 2.0, 6.0, 2.0), ("M", 0.9, 0.0, 0.1, 0.0, 5.0)),
    (("M", 0.2, -1.0, 0.05, 1.0, 0.05), ("M", 0.5, -1.0, 0.06, 1.0, 0.04)),
]


@pytest.mark.parametrize("p_spec,q_spec", PAIR_CASES, ids=str)
def test_mixture_cross_entropy_vs_quad(p_spec, q_spec):
    P, Q = build(p_spec), build(q_spec)
    assert_close(continuous_cross_entropy(P, Q), ref_cross_entropy(P, Q), rel=1e-6, abs_=1e-9, what="H(P,Q)")


@pytest.mark.parametrize("p_spec,q_spec", PAIR_CASES, ids=str)
def test_mixture_kl_vs_quad(p_spec, q_spec):
    P, Q = build(p_spec), build(q_spec)
    got = continuous_kl(P, Q)
    assert got >= 0.0
    assert_close(got, ref_kl(P, Q), rel=1e-6, abs_=1e-9, what="D(P||Q)")


@pytest.mark.parametrize("spec", [BIMODAL, NARROW_WIDE, LOPSIDED], ids=str)
def test_mixture_kl_with_itself_is_zero(spec):
    P = build(spec)
    assert abs(continuous_kl(P, P)) <= 1e-9


def test_quadrature_on_single_gaussian_matches_closed_form():
    mu, s = 1.5, 0.8
    twin = Mixture(0.3, (Normal(mu, s), Normal(mu, s)))
    solo = Mixture.from_params(1.0, mu, s, -40.0, 3.0)
    solo0 = Mixture.from_params(0.0, -40.0, 3.0, mu, s)
    Q = Normal(-1.0, 2.2)
    Qmix = Mixture(0.6, (Normal(-1.0, 2.2), Normal(-1.0, 2.2)))
    for P in (twin, solo, solo0):
        assert_close(differential_entropy(P), mp_normal_entropy(s), rel=1e-6, abs_=1e-9, what="h single")
        assert_close(continuous_cross_entropy(P, Q), mp_normal_ce(mu, s, -1.0, 2.2), rel=1e-6, what="CE")
        assert_close(continuous_kl(P, Q), mp_normal_kl(mu, s, -1.0, 2.2), rel=1e-6, what="KL(mix||N)")
        assert_close(continuous_kl(Q, P), mp_normal_kl(-1.0, 2.2, mu, s), rel=1e-6, what="KL(N||mix)")
        assert_close(continuous_kl(P, Qmix), mp_normal_kl(mu, s, -1.0, 2.2), rel=1e-6, what="KL(mix||mix)")
    # a narrow single Gaussian, entropy negative
    narrow = Mixture(0.5, (Normal(2.0, 0.05), Normal(2.0, 0.05)))
    assert_close(differential_entropy(narrow), mp_normal_entropy(0.05), rel=1e-6, what="h narrow")
    assert differential_entropy(narrow) < 0


@pytest.mark.parametrize("unit,scale", [("nats", 1.0), ("bits", LN2), ("hartleys", LN10)])
def test_continuous_measures(unit, scale):
    P, Q = build(BIMODAL), build(("N", 4.0, 3.0))
    m = continuous_measures(P, Q, unit=unit)
    assert m.unit == unit
    tol = dict(rel=1e-6, abs_=1e-9)
    assert_close(m.entropy_p, ref_entropy(P) / scale, **tol, what="entropy_p")
    assert_close(m.entropy_q, mp_normal_entropy(3.0) / scale, **tol, what="entropy_q")
    assert_close(m.cross_entropy_pq, ref_cross_entropy(P, Q) / scale, **tol, what="H(P,Q)")
    assert_close(m.cross_entropy_qp, ref_cross_entropy(Q, P) / scale, **tol, what="H(Q,P)")
    assert_close(m.kl_pq, ref_kl(P, Q) / scale, **tol, what="D(P||Q)")
    assert_close(m.kl_qp, ref_kl(Q, P) / scale, **tol, what="D(Q||P)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.kl_pq = 0.0  # type: ignore[misc]


def test_continuous_measures_two_normals_closed_form():
    m = continuous_measures(Normal(0.0, 0.1), Normal(1.0, 2.0), unit="bits")
    assert_close(m.entropy_p, mp_normal_entropy(0.1) / LN2, rel=1e-12, what="h bits")
    assert m.entropy_p < 0
    assert_close(m.kl_pq, mp_normal_kl(0.0, 0.1, 1.0, 2.0) / LN2, rel=1e-12, what="kl bits")
    assert_close(m.kl_qp, mp_normal_kl(1.0, 2.0, 0.0, 0.1) / LN2, rel=1e-12, what="kl_qp bits")
    assert_close(m.cross_entropy_qp, mp_normal_ce(1.0, 2.0, 0.0, 0.1) / LN2, rel=1e-12, what="ce bits")


# ------------------------------------------------------------------- moment_match


@pytest.mark.parametrize("spec", ENTROPY_CASES, ids=str)
def test_moment_match_vs_numeric_integration(spec):
    P = build(spec)
    mean, var = ref_moments(P)
    N = moment_match(P)
    assert isinstance(N, Normal)
    assert_close(N.mu, mean, rel=1e-8, abs_=1e-10, what="mean")
    assert_close(N.sigma**2, var, rel=1e-8, what="variance")


def test_moment_match_of_normal_is_itself():
    N = moment_match(Normal(-3.0, 0.4))
    assert N.mu == pytest.approx(-3.0, abs=1e-14)
    assert N.sigma == pytest.approx(0.4, rel=1e-14)


# ------------------------------------------------------------------ fits


def _pm(Q):
    return (float(Q.mu), float(Q.sigma))


def ref_reverse_kl(mu, sigma, P):
    return ref_kl(Normal(mu, sigma), P)


BIMODAL_P = build(BIMODAL)  # modes: N(0, 0.5) and N(8, 1), weights 1/2 each


@pytest.mark.parametrize(
    "start,mode",
    [
        ((0.6, 0.8), (0.0, 0.5)),
        ((-0.5, 0.3), (0.0, 0.5)),
        ((7.2, 1.5), (8.0, 1.0)),
        ((8.7, 0.6), (8.0, 1.0)),
    ],
)
def test_fit_reverse_kl_finds_the_nearby_mode(start, mode):
    P = BIMODAL_P
    S = Normal(*start)
    res = fit_reverse_kl(P, S)
    assert res.converged
    mu, sigma = _pm(res.normal)
    assert abs(mu - mode[0]) <= 0.1, (mu, sigma)
    assert abs(sigma - mode[1]) <= 0.1 * mode[1], (mu, sigma)

    path = list(res.path)
    assert 2 <= len(path) <= 501
    assert _pm(path[0]) == start
    assert _pm(path[-1]) == (mu, sigma)
    assert all(isinstance(q, Normal) and q.sigma > 0 for q in path)

    # D(Q||P) along the path is non-increasing: the implementation's own values (1e-12) ...
    d = [continuous_kl(q, P) for q in path]
    for k in range(1, len(d)):
        assert d[k] <= d[k - 1] + 1e-12, f"D(Q||P) rose at step {k}: {d[k-1]!r} -> {d[k]!r}"
    # ... and the independent reference on a subsample of the path (1e-9)
    idx = sorted(set(np.linspace(0, len(path) - 1, min(len(path), 12)).round().astype(int)))
    dref = [ref_reverse_kl(*_pm(path[i]), P) for i in idx]
    for a, b in zip(dref[:-1], dref[1:]):
        assert b <= a + 1e-9
    # at a component of an equal-weight, well-separated mixture, D(Q||P) = log 2 up to the other
    # component's tail (which lowers it by ~1e-7 here)
    assert_close(dref[-1], math.log(2.0), rel=1e-6, what="D at optimum")
    assert_close(d[-1], dref[-1], rel=1e-6, what="implementation D at optimum")

    # stationary point: central finite differences of the independent quadrature
    h = 1e-5
    g_mu = (ref_reverse_kl(mu + h, sigma, P) - ref_reverse_kl(mu - h, sigma, P)) / (2 * h)
    g_sigma = (ref_reverse_kl(mu, sigma + h, P) - ref_reverse_kl(mu, sigma - h, P)) / (2 * h)
    assert abs(g_mu) <= 1e-4 and abs(g_sigma) <= 1e-4, (g_mu, g_sigma)


def test_fit_reverse_kl_is_deterministic():
    a = fit_reverse_kl(BIMODAL_P, Normal(6.5, 2.0))
    b = fit_reverse_kl(BIMODAL_P, Normal(6.5, 2.0))
    assert [_pm(q) for q in a.path] == [_pm(q) for q in b.path]
    assert _pm(a.normal) == _pm(b.normal)
    assert a.converged == b.converged


def test_fit_reverse_kl_on_a_normal_recovers_it():
    P = Normal(1.0, 2.0)
    res = fit_reverse_kl(P, Normal(-1.0, 0.5))
    mu, sigma = _pm(res.normal)
    assert abs(mu - 1.0) <= 1e-3 and abs(sigma - 2.0) <= 1e-3
    assert mp_normal_kl(mu, sigma, 1.0, 2.0) <= 1e-6


def test_fit_reverse_kl_respects_max_iter():
    res = fit_reverse_kl(BIMODAL_P, Normal(3.0, 4.0), max_iter=3)
    assert 1 <= len(res.path) <= 4
    assert _pm(res.path[0]) == (3.0, 4.0)


@pytest.mark.parametrize("spec", [BIMODAL, NARROW_WIDE_SHIFTED, LOPSIDED, W1], ids=str)
def test_fit_forward_kl_ends_at_moment_match(spec):
    P = build(spec)
    start = Normal(-1.0, 0.7)
    res = fit_forward_kl(P, start)
    mean, var = ref_moments(P)
    mu, sigma = _pm(res.normal)
    assert_close(mu, mean, rel=1e-6, abs_=1e-8, what="mu")
    assert_close(sigma**2, var, rel=1e-6, what="sigma^2")
    assert _pm(res.path[0]) == (-1.0, 0.7)
    assert _pm(res.path[-1]) == (mu, sigma)
    mm = moment_match(P)
    assert mu == pytest.approx(mm.mu, rel=1e-6, abs=1e-8)
    assert sigma == pytest.approx(mm.sigma, rel=1e-6)
    assert res.converged
    # it is the minimum of D(P||Q) over Normal Q: nudging it only increases the reference KL
    base = ref_kl(P, Normal(mu, sigma))
    for dm, ds in ((0.05, 0.0), (-0.05, 0.0), (0.0, 0.05), (0.0, -0.05)):
        assert ref_kl(P, Normal(mu + dm, sigma + ds)) > base
