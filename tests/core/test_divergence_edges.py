"""The divergences beyond KL and the α-fit at the edges of valid input, against mpmath.

Contract (issue 11 §3 carried over to issue 14's divergences): Normal pairs with |mu| <= 1e300 and
sigma in [1e-300, 1e300] give TV, Hellinger, χ² and Rényi with relative error <= 1e-12 (+inf
exactly where the true value is infinite or beyond the float range); mixtures are integrated on
the KL's frames grid, so a pair centred at 1e15 or 1e150 gives the same digits as at 0, and one
at scale 1e-300 or 1e300 (or with divergences down to ~1e-20) is as exact as at scale 1
(relative error <= 1e-6 promised, <= 1e-9 asserted here). References: mp_divergence_refs, every
pair moved exactly into a component's frame in mpmath first.
"""

from __future__ import annotations

import math
import os
import warnings
from decimal import Decimal
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mp_divergence_refs import mixture_ref, mixture_sup_log_ratio, normal_ref, rel_err

from klviz.core import Mixture, Normal
from klviz.core.alpha import alpha_divergence, alpha_curve, check_alpha, fit_alpha
from klviz.core.divergences import (
    continuous_chi2,
    continuous_hellinger,
    continuous_renyi,
    continuous_tv,
    divergence_family,
    normal_chi2,
    normal_hellinger,
    normal_renyi,
    normal_tv,
    renyi,
)

EXAMPLES = int(os.environ.get("KLVIZ_EXAMPLES", "150"))


def assert_close(got, ref, rel, what):
    err = rel_err(got, ref)
    assert err <= rel, f"{what}: got {got!r}, expected {mpmath.nstr(mpmath.mpf(ref), 17)} (rel. error {err:.3g})"


# ------------------------------------------------------------------------ Normal pairs

NORMAL_FUNCTIONS = {
    "tv": lambda args, _: normal_tv(*args),
    "he": lambda args, _: normal_hellinger(*args),
    "chi2": lambda args, _: normal_chi2(*args),
    "renyi": lambda args, alpha: normal_renyi(*args, alpha),
}
ORDERS = [("renyi", a) for a in (1e-9, 0.3, 0.999999, 1.0, 2.0, 50.0, math.inf)] + [
    ("chi2", None), ("he", None), ("tv", None)]


def check_normal_pair(args, orders=ORDERS, rel=1e-12):
    for what, alpha in orders:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = NORMAL_FUNCTIONS[what](args, alpha)
        assert_close(got, normal_ref(what, *args, alpha), rel, f"{what} alpha={alpha} {args}")


@pytest.mark.parametrize("args", [
    (1e150, 1.0, 1e150, 1.5),
    (1e300, 1e300, -1e300, 1e300),              # (Δμ/σ)² = 4 although σ² overflows
    (0.0, 1e-300, 0.0, 1e300),                  # σ ratio 1e-600
    (0.0, 1e300, 0.0, 1e-300),
    (0.0, 1e-300, 1e-300, 1e-300),              # σ² underflows (was ZeroDivisionError)
    (0.0, 1e300, 1e300, 1e300),
    (0.0, 1e155, 0.0, 1.0000001e155),           # divergences ~1e-14 where σ² overflows
    (0.0, 1e-155, 0.0, 1.0000001e-155),         # ... and where it is subnormal
    (0.0, 1e-300, 0.0, 1.0000001e-300),
    (5.0, 1e-300, 5.0, 1.3e-300),
    (0.0, 1.0, 1e-10, 1.0),
    (1e15, 1.0, 1e15 + 0.125, 1.0),             # the smallest step at 1e15
    (0.0, 1.0, 1e-300, 1.0),                    # D ~ 1e-601: 0; He = 3.5e-301 is a float
    (0.0, 1e300, 1e-300, 1e300),
    (1e300, 1e-300, -1e300, 1e-300),            # beyond the float range: +inf
    (0.0, 1.0, 0.0, 1.0 + 2**-52),
    (0.0, 1.0, 3.0, 0.7072),                    # χ² next to its edge 2σ_Q² = σ_P²
    (0.0, 1.0, 40.0, 5.0),
    (0.0, 1e-300, 1e300, 1e300),                # TV 1: the narrow one sits a σ off the wide one's mean
])
def test_normal_closed_forms_at_the_edges(args):
    check_normal_pair(args)


log_sigma = st.floats(-300.0, 300.0)
mus = st.one_of(st.floats(-1e300, 1e300), st.floats(-10.0, 10.0), st.just(0.0))


@st.composite
def normal_pairs(draw):
    s_p = 10.0 ** draw(log_sigma)
    kind = draw(st.sampled_from(["any", "near", "ratio"]))
    s_q = {"any": lambda: 10.0 ** draw(log_sigma), "near": lambda: s_p * (1.0 + draw(st.floats(-1e-6, 1e-6))),
           "ratio": lambda: s_p * 10.0 ** draw(st.floats(-3.0, 3.0))}[kind]()
    s_q = min(max(s_q, 1e-300), 1e300)
    mu_p = draw(mus)
    offset = draw(st.sampled_from(["same", "sigma", "tiny", "any"]))
    mu_q = {"same": lambda: mu_p, "sigma": lambda: mu_p + s_q * draw(st.floats(-5, 5)),
            "tiny": lambda: mu_p + s_q * draw(st.floats(-1e-7, 1e-7)), "any": lambda: draw(mus)}[offset]()
    order = draw(st.sampled_from(ORDERS))
    return (mu_p, s_p, min(max(mu_q, -1e300), 1e300), s_q), order


@settings(max_examples=max(20, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(normal_pairs())
def test_normal_closed_forms_over_the_whole_range(case):
    args, order = case
    check_normal_pair(args, [order])


# ------------------------------------------------------------------------ mixtures

MIXTURE_FUNCTIONS = [
    ("tv", None, continuous_tv),
    ("he", None, continuous_hellinger),
    ("chi2", None, continuous_chi2),
    ("renyi", 0.3, lambda P, Q: continuous_renyi(P, Q, 0.3)),
    ("renyi", 2.0, lambda P, Q: continuous_renyi(P, Q, 2.0)),
    ("renyi", 3.0, lambda P, Q: continuous_renyi(P, Q, 3.0)),
    ("amari", -0.5, lambda P, Q: alpha_divergence(P, Q, -0.5)),
    ("amari", 0.0, lambda P, Q: alpha_divergence(P, Q, 0.0)),
    ("amari", 1.5, lambda P, Q: alpha_divergence(P, Q, 1.5)),
]


def mixture_values(P, Q):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return {(what, alpha): f(P, Q) for what, alpha, f in MIXTURE_FUNCTIONS}


def check_mixture_pair(P, Q, rel=1e-9, keys=None):
    values = mixture_values(P, Q)
    for (what, alpha), got in values.items():
        if keys is None or (what, alpha) in keys:
            assert_close(got, mixture_ref(P, Q, what, alpha), rel, f"{what} alpha={alpha} {P} {Q}")
    return values


def test_mixture_at_zero_against_mpmath():
    check_mixture_pair(Mixture.from_params(0.3, 0.0, 1.0, 3.0, 2.0), Normal(0.0, 1.5))


@pytest.mark.parametrize("c", [1e15, -1e15, 1e150, -1e300])
def test_mixture_far_from_zero_gives_the_digits_it_gives_at_zero(c):
    near = 3.0 if abs(c) < 1e16 else 0.0  # at 1e150, c + 3 is c
    P, Q = Mixture.from_params(0.3, c, 1.0, c + near, 2.0), Normal(c, 1.5)
    at_zero = mixture_values(Mixture.from_params(0.3, 0.0, 1.0, near, 2.0), Normal(0.0, 1.5))
    assert mixture_values(P, Q) == at_zero  # the same numbers, digit for digit
    assert divergence_family(P, Q, alpha=math.inf).values() == divergence_family(
        Mixture.from_params(0.3, 0.0, 1.0, near, 2.0), Normal(0.0, 1.5), alpha=math.inf).values()


@pytest.mark.parametrize("s", [1e-300, 1e300])
def test_mixture_at_extreme_scales_against_mpmath(s):
    """Densities ~1e-300 (sigma 1e300) are evaluated with the largest term of each integrand near
    1: χ²'s mass 20 σ out was lost to subnormals (14% off at scale 1e290)."""
    check_mixture_pair(Mixture.from_params(0.3, 0.0, s, 3 * s, 2 * s), Normal(0.5 * s, 1.5 * s))


@pytest.mark.parametrize("s, c, change, eps", [
    (1e300, 0.0, "weight", 1e-10),
    (1e-300, 0.0, "sigma", 1e-10),
    (1e-300, 1e15, "sigma", 1e-7),
    (1.0, 1e15, "mu", 0.125),
])
def test_nearly_equal_mixtures_keep_their_digits(s, c, change, eps):
    """Divergences down to ~1e-20, where log q - log p (logs of ~700 at sigma 1e-300) must come
    from the parameter differences."""
    base = dict(w=0.5, m1=(c - 3.0) * s, s1=0.8 * s, m2=(c + 3.0) * s, s2=0.8 * s)
    moved = dict(base)
    if change == "sigma":
        moved["s2"] *= 1.0 + eps
    elif change == "weight":
        moved["w"] += eps
    else:
        moved["m1"] += eps * s
    P, Q = Mixture.from_params(*base.values()), Mixture.from_params(*moved.values())
    values = check_mixture_pair(P, Q, keys={("tv", None), ("he", None), ("chi2", None), ("renyi", 3.0),
                                            ("amari", 0.0)})
    assert all(v > 0 for v in values.values())


D_INF_PAIRS = [
    lambda c, s: (Mixture.from_params(0.3, c - 2 * s, 0.5 * s, c + 2 * s, s), Normal(c + 0.25 * s, 3.0 * s)),
    lambda c, s: (Normal(c, s), Mixture.from_params(0.5, c - s, 1.5 * s, c + s, 1.5 * s)),
    lambda c, s: (Mixture.from_params(0.5, c - s, s, c + s, s), Mixture.from_params(0.5, c - s, s, c + s, s * (1 + 1e-9))),
]


@pytest.mark.parametrize("make", D_INF_PAIRS)
@pytest.mark.parametrize("c, s", [(1e15, 1.0), (0.0, 1e-300), (0.0, 1e300), (1e150, 2.0**460)])
def test_renyi_infinity_of_mixtures_at_the_edges(make, c, s):
    P, Q = make(c, s)
    assert_close(continuous_renyi(P, Q, math.inf), mixture_sup_log_ratio(P, Q), 1e-11, f"D_inf {P} {Q}")


finite_mu = st.floats(-1e300, 1e300)
finite_sigma = st.floats(-300, 300).map(lambda e: 10.0**e)


@settings(max_examples=max(20, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.floats(0, 1), finite_mu, finite_sigma, finite_mu, finite_sigma, finite_mu, finite_sigma,
       st.sampled_from([0.1, 0.5, 2.0, 5.0, math.inf]))
def test_any_pair_in_range_gives_numbers_and_no_warnings(w, m1, s1, m2, s2, mq, sq, alpha):
    P = Mixture.from_params(w, m1, s1, m2, s2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for Q in (Normal(mq, sq), Mixture.from_params(1 - w, m2, s2, mq, sq)):
            family = divergence_family(P, Q, alpha=alpha)
            for key, v in family.values().items():
                assert not math.isnan(v) and v >= 0, key
            assert family.tv <= 1 and family.hellinger <= 1
            for a in (-1.0, 0.0, 0.5, 3.0):
                v = alpha_divergence(P, Q, a)
                assert not math.isnan(v) and v >= 0, a


# ------------------------------------------------------------------------ the α-fit at the edges


@pytest.mark.parametrize("c, s", [(0.0, 2.0**-900), (0.0, 2.0**900), (2.0**498, 2.0**472)])
@pytest.mark.parametrize("alpha", [-0.5, 0.5, 2.0])
def test_alpha_fit_at_the_edges(c, s, alpha):
    """The fit of a P at scale 2^-900 or 2^900, or centred at 2^498 (~1e150; floats there are
    2^-26 of P's scale apart), ends where the same fit at scale 1 ends (scaled exactly by powers
    of two), and its value is D_alpha there."""
    P1, start1 = Mixture.from_params(0.4, -2.0, 0.6, 2.5, 1.0), Normal(0.5, 2.0)
    P = Mixture.from_params(0.4, c - 2.0 * s, 0.6 * s, c + 2.5 * s, s)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r1 = fit_alpha(P1, start1, alpha)
        r = fit_alpha(P, Normal(c + 0.5 * s, 2.0 * s), alpha)
    assert r.converged and r.status == r1.status
    assert abs((r.normal.mu - c) / s - r1.normal.mu) <= 1e-6 * r1.normal.sigma
    assert r.normal.sigma / s == pytest.approx(r1.normal.sigma, rel=1e-6)
    assert_close(r.value, mixture_ref(P, r.normal, "amari", alpha), 1e-8, f"value at the α = {alpha} fit")


def test_alpha_curve_of_a_narrow_far_p():
    P = Mixture.from_params(0.5, -3.0 * 2.0**-900, 2.0**-900, 3.0 * 2.0**-900, 2.0**-900)
    curve = alpha_curve(P, alphas=np.linspace(-1, 2, 7))
    ref = alpha_curve(Mixture.from_params(0.5, -3.0, 1.0, 3.0, 1.0), alphas=np.linspace(-1, 2, 7))
    assert curve.converged.all()
    np.testing.assert_allclose(curve.sigmas / 2.0**-900, ref.sigmas, rtol=1e-6)
    np.testing.assert_allclose(curve.mus / 2.0**-900, ref.mus, atol=1e-6)


# ------------------------------------------------------------------------ input rules


def test_orders_follow_the_core_number_rules():
    P, Q = Mixture.from_params(0.3, -1.0, 0.5, 2.0, 1.0), Normal(0.0, 1.0)
    assert continuous_renyi(P, Q, Fraction(1, 2)) == continuous_renyi(P, Q, 0.5)
    assert continuous_renyi(P, Q, Decimal("2")) == continuous_renyi(P, Q, 2.0)
    assert renyi([1, 3], [2, 2], np.float32(2.0)) == renyi([1, 3], [2, 2], 2.0)
    assert check_alpha(Fraction(-1, 2)) == -0.5
    for bad, words in ((10**400, "too large"), (Decimal("1e400"), "too large"), (math.nan, "NaN"),
                       (-math.inf, "finite"), (0, "> 0"), ("2", "number"), (True, "bool")):
        with pytest.raises((ValueError, TypeError), match=words):
            continuous_renyi(P, Q, bad)
        with pytest.raises((ValueError, TypeError), match=words):
            renyi([1, 3], [2, 2], bad)
    for bad, words in ((math.inf, "finite"), (10**400, "too large"), (None, "number")):
        with pytest.raises((ValueError, TypeError), match=words):
            alpha_divergence(P, Q, bad)
    with pytest.raises(ValueError, match="too large"):
        renyi([10**400, 1], [1, 1], 2.0)


def test_mixtures_outside_the_quadrature_range_are_refused_by_name():
    Q = Normal(0.0, 1.0)
    for P in (Mixture.from_params(0.5, 0.0, 1.0, 1e307, 1.0), Mixture.from_params(0.5, 0.0, 1e-307, 1.0, 1.0)):
        for f in (continuous_tv, continuous_hellinger, continuous_chi2, lambda a, b: alpha_divergence(a, b, 0.5),
                  lambda a, b: continuous_renyi(a, b, math.inf)):
            with pytest.raises(ValueError, match="range a mixture can be integrated in"):
                f(P, Q)
        with pytest.raises(ValueError, match="range a mixture can be integrated in"):
            fit_alpha(P, Q, 0.5)
    # Normal pairs use closed forms: any finite parameters
    assert normal_tv(0.0, 1e-320, 0.0, 1.0) == pytest.approx(1.0, rel=1e-12)
    assert math.isfinite(normal_hellinger(1e308, 1.0, -1e308, 1e308))
