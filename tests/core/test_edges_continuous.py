"""Continuous measures at the edges of valid input, against mpmath.

Contract (issue 11): Normal pairs with |mu| <= 1e300 and sigma in [1e-300, 1e300] give h, H and D
with relative error <= 1e-9 (+inf exactly when the true value exceeds the float range); mixtures
are as exact centred at 1e15 or 1e150 as at 0, with KL relative error <= 1e-6 for every value
down to 1e-20. References: closed forms at 80 digits; mixture integrals by mpmath quadrature of
p log(p/q) - p + q on the problem shifted to 0 (exact in mpmath).
"""

from __future__ import annotations

import math
import os
import warnings

import exact_refs
import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klviz.core import Mixture, Normal, continuous_measures, normal_cross_entropy, normal_entropy
from klviz.core import normal_kl

EXAMPLES = int(os.environ.get("KLVIZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
FLOAT_MAX = mpmath.mpf(1.7976931348623157e308)
S0 = 1.0 / math.sqrt(2.0 * math.pi * math.e)  # where h(N(., s)) crosses 0


def assert_rel(got, ref, rel, what, floor=1e-320):
    with mpmath.workdps(80):
        ref = mpmath.mpf(ref)
        if abs(ref) > FLOAT_MAX:  # the true value is beyond the float range: +inf is its float
            assert got == (math.inf if ref > 0 else -math.inf), f"{what}: {got!r} for {mpmath.nstr(ref, 5)}"
            return
        assert math.isfinite(got), f"{what}: got {got!r}, expected {mpmath.nstr(ref, 17)}"
        err = abs(mpmath.mpf(got) - ref)
        assert err <= rel * abs(ref) + mpmath.mpf(floor), (
            f"{what}: got {got!r}, expected {mpmath.nstr(ref, 17)} (rel. error {mpmath.nstr(err / abs(ref), 3)})")


def check_normal_pair(mu_p, s_p, mu_q, s_q):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = continuous_measures(Normal(mu_p, s_p), Normal(mu_q, s_q))
    h, cross, kl = exact_refs.normal_measures(mu_p, s_p, mu_q, s_q)
    args = (mu_p, s_p, mu_q, s_q)
    assert_rel(m.entropy_p, h, 1e-9, f"h {args}")
    assert_rel(m.cross_entropy_pq, cross, 1e-9, f"H {args}")
    assert_rel(m.kl_pq, kl, 1e-9, f"D {args}")
    assert_rel(normal_kl(*args), kl, 1e-9, f"normal_kl {args}")
    assert_rel(normal_cross_entropy(*args), cross, 1e-9, f"normal_cross_entropy {args}")
    assert_rel(normal_entropy(s_p), h, 1e-9, f"normal_entropy {s_p}")


# ------------------------------------------------------------------------ Normal pairs


@pytest.mark.parametrize("args", [
    (0.0, 1e-300, 0.0, 1e-300),               # equal tiny sigmas: D = 0 exactly
    (1.0, 1e-300, 1.0, 1e-300),
    (0.0, 1e155, 0.0, 1.0000001e155),          # D ~ 1e-14: sigma^2 would overflow
    (0.0, 1.0000001e155, 0.0, 1e155),
    (0.0, 1e-155, 0.0, 1.0000001e-155),        # sigma^2 would underflow
    (1e300, 1e300, -1e300, 1e300),
    (1e300, 1e-300, 1e300, 1e-300),
    (-1e300, 1e-300, -1e300, 2e-300),
    (0.0, 1e-300, 0.0, 1e300),                 # D ~ 1381, its reverse beyond the float range
    (0.0, 1e300, 0.0, 1e-300),
    (1e300, 1e-300, -1e300, 1e-300),           # (2e600)^2: beyond the float range
    (0.0, 1.0, 1e-300, 1.0),                   # D ~ 5e-601: below every float but 0
    (0.0, 1.0, 1.5e-154, 1.0),                 # D ~ 1e-308
    (0.0, S0, 0.0, S0),                        # h and H cross 0 here
    (0.0, S0 * (1 + 2**-52), 0.0, S0),
    (3.0, 0.5 * math.exp(-0.125) / math.sqrt(2 * math.pi), 3.0, math.exp(-0.125) / math.sqrt(2 * math.pi)),
])
def test_normal_pairs_at_the_edges(args):
    check_normal_pair(*args)


log_sigma = st.floats(-300.0, 300.0)
mus = st.one_of(st.floats(-1e300, 1e300), st.floats(-10.0, 10.0), st.just(0.0))


@st.composite
def normal_pairs(draw):
    s_p = 10.0 ** draw(log_sigma)
    kind = draw(st.sampled_from(["any", "near", "ratio"]))
    if kind == "any":
        s_q = 10.0 ** draw(log_sigma)
    elif kind == "near":
        s_q = s_p * (1.0 + draw(st.floats(-1e-6, 1e-6)))
    else:
        s_q = s_p * 10.0 ** draw(st.floats(-3.0, 3.0))
    s_q = min(max(s_q, 1e-300), 1e300)
    mu_p = draw(mus)
    offset = draw(st.sampled_from(["same", "sigma", "tiny", "any"]))
    mu_q = {"same": mu_p, "sigma": mu_p + s_q * draw(st.floats(-5, 5)),
            "tiny": mu_p + s_q * draw(st.floats(-1e-7, 1e-7)), "any": draw(mus)}[offset]
    return mu_p, s_p, min(max(mu_q, -1e300), 1e300), s_q


@SETTINGS
@given(normal_pairs())
def test_normal_pairs_over_the_whole_range(args):
    check_normal_pair(*args)


@SETTINGS
@given(st.floats(-1e-6, 1e-6))
def test_entropy_near_its_zero_crossing(rel):
    s = S0 * (1.0 + rel)
    assert_rel(normal_entropy(s), exact_refs.normal_measures(0, s, 0, s)[0], 1e-9, f"h({s!r})")


# ------------------------------------------------------------------------ mixtures


def check_mixture_kl(P, Q, rel=1e-6, entropies=False):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = continuous_measures(P, Q)
    ref = exact_refs.mixture_kl(P, Q, with_entropies=entropies)
    if entropies:
        ref, h, cross = ref
        assert_rel(m.entropy_p, h, 1e-9, f"h {P}")
        assert_rel(m.cross_entropy_pq, cross, 1e-9, f"H {P} {Q}")
    assert_rel(m.kl_pq, ref, rel, f"D({P} ‖ {Q})", floor=1e-30)  # the reference's own noise
    return m


@pytest.mark.parametrize("c", [0.0, 1e15, -1e15, 1e150, -1e300])
def test_mixture_far_from_zero_is_as_exact_as_at_zero(c):
    near = 3.0 if abs(c) < 1e15 else 0.0  # at 1e150, c + 3 is c
    P = Mixture.from_params(0.3, c, 1.0, c + near, 2.0)
    Q = Normal(c, 1.5)
    m = check_mixture_kl(P, Q, rel=1e-9, entropies=True)
    at_zero = continuous_measures(Mixture.from_params(0.3, 0.0, 1.0, near, 2.0), Normal(0.0, 1.5))
    assert m == at_zero  # the same numbers, digit for digit


NEAR_CASES = [(c, change, eps) for c in (0.0, 1e15) for change in ("sigma", "weight", "mu")
              for eps in (1e-3, 1e-6, 1e-8, 1e-10)
              if not (c and change == "mu")]  # at 1e15 no mean lies closer than 0.125 ...
NEAR_CASES.append((1e15, "mu", 0.125))  # ... so there the smallest step is the case


@pytest.mark.parametrize("c,change,eps", NEAR_CASES)
def test_mixture_kl_near_zero(c, change, eps):
    """KL from ~1e-3 down to ~1e-21, also centred at 1e15."""
    base = dict(w=0.5, m1=c - 3.0, s1=0.8, m2=c + 3.0, s2=0.8)
    moved = dict(base)
    if change == "sigma":
        moved["s2"] *= 1.0 + eps
    elif change == "weight":
        moved["w"] += eps
    else:
        moved["m1"] += eps
    P = Mixture.from_params(*base.values())
    Q = Mixture.from_params(*moved.values())
    m = check_mixture_kl(P, Q)
    assert m.kl_pq > 0


def test_mixture_against_a_normal_equal_to_it():
    """0.5 N(0,1) + 0.5 N(0,1) is N(0,1): D = 0 exactly, and ~1e-22 for a tiny change."""
    P = Mixture.from_params(0.5, 0.0, 1.0, 0.0, 1.0)
    assert continuous_measures(P, Normal(0.0, 1.0)).kl_pq == 0.0
    check_mixture_kl(Mixture.from_params(0.5, 0.0, 1.0, 0.0, 1.0 + 1e-10), Normal(0.0, 1.0))
    check_mixture_kl(Mixture.from_params(0.7, 1e15, 1.0, 1e15, 1.0 + 1e-9), Normal(1e15, 1.0))


@pytest.mark.parametrize("P,Q", [
    (Mixture.from_params(0.5, 0.0, 1e-300, 0.0, 2e-300), Normal(0.0, 1.5e-300)),
    (Mixture.from_params(0.5, 0.0, 1e300, 0.0, 2e300), Normal(0.0, 1.5e300)),
    (Mixture.from_params(0.5, -1e300, 1e299, 1e300, 1e299), Normal(0.0, 1e300)),
    (Normal(0.0, 1.0), Mixture.from_params(0.999, 0.0, 1.0, 40.0, 0.01)),   # Q's far spike
    (Mixture.from_params(0.5, -1e6, 1.0, 1e6, 1.0), Normal(0.0, 1e6)),       # far apart modes
])
def test_mixtures_at_extreme_scales(P, Q):
    check_mixture_kl(P, Q)


@st.composite
def mixture_pairs(draw):
    c = draw(st.sampled_from([0.0, 1e15, -1e150]))
    scale = 10.0 ** draw(st.floats(-2, 2))
    def comp():
        return c + scale * draw(st.floats(-4, 4)) if abs(c) < 1e15 else c, scale * draw(st.floats(0.2, 3))
    (m1, s1), (m2, s2) = comp(), comp()
    P = Mixture.from_params(draw(st.floats(0.05, 0.95)), m1, s1, m2, s2)
    if draw(st.booleans()):
        eps = 10.0 ** draw(st.floats(-10, -2))
        Q = Mixture.from_params(P.weight, m1, s1 * (1 + eps), m2, s2)
    else:
        mq, sq = comp()
        Q = Normal(mq, sq)
    return P, Q


@settings(max_examples=max(8, EXAMPLES // 15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mixture_pairs())
def test_random_mixtures_against_mpmath(PQ):
    P, Q = PQ
    check_mixture_kl(P, Q)
    check_mixture_kl(Q, P)


finite_mu = st.floats(-1e300, 1e300)
finite_sigma = st.floats(1e-300, 1e300)


@SETTINGS
@given(st.floats(0, 1), finite_mu, finite_sigma, finite_mu, finite_sigma, finite_mu, finite_sigma)
def test_any_mixture_in_range_gives_numbers_and_no_warnings(w, m1, s1, m2, s2, mq, sq):
    P = Mixture.from_params(w, m1, s1, m2, s2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for a, b in ((P, Normal(mq, sq)), (P, Mixture.from_params(1 - w, m2, s2, mq, sq))):
            m = continuous_measures(a, b)
            for key in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp"):
                v = getattr(m, key)
                assert not math.isnan(v), key
                if key.startswith("entropy"):
                    assert math.isfinite(v), key  # |h| <= ~700 here
            assert m.kl_pq >= 0 and m.kl_qp >= 0
