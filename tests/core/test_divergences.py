"""TV, Hellinger, χ² and Rényi (klviz.core.divergences) against independent references.

Discrete values are compared with mpmath at 60+ digits on the exact float inputs, normalised
exactly (so a vector that does not sum to 1 in floating point is no excuse): ≤ 1e-12 relative.
Normal closed forms are compared with the MATH.md formulas evaluated in mpmath, and those formulas
themselves with mpmath quadrature; mixtures with mpmath quadrature split at every component (and,
for TV, at the crossing points of the two densities, found in mpmath).
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mp_densities import components, mp_pdf, widest

from klviz.core import Categorical, Mixture, Normal
from klviz.core.discrete import kl_divergence
from klviz.core.divergences import (
    UNITLESS,
    chi2,
    continuous_chi2,
    continuous_hellinger,
    continuous_renyi,
    continuous_tv,
    divergence_family,
    hellinger,
    normal_chi2,
    normal_hellinger,
    normal_renyi,
    normal_tv,
    renyi,
    total_variation,
)

LN2 = math.log(2.0)
FLOAT_MAX = mpmath.mpf(np.finfo(float).max)
PROPS = settings(max_examples=150, deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------- mpmath references


def _mp_dist(w):
    w = [mpmath.mpf(float(x)) for x in w]
    total = mpmath.fsum(w)
    return [x / total for x in w]


def mp_tv(p, q):
    p, q = _mp_dist(p), _mp_dist(q)
    return mpmath.fsum(abs(a - b) for a, b in zip(p, q)) / 2


def mp_hellinger(p, q):
    p, q = _mp_dist(p), _mp_dist(q)
    return mpmath.sqrt(mpmath.fsum((mpmath.sqrt(a) - mpmath.sqrt(b)) ** 2 for a, b in zip(p, q)) / 2)


def mp_chi2(p, q):
    p, q = _mp_dist(p), _mp_dist(q)
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return mpmath.fsum((a - b) ** 2 / b for a, b in zip(p, q) if b > 0)


def mp_renyi(p, q, alpha):
    p, q = _mp_dist(p), _mp_dist(q)
    mismatch = any(a > 0 and b == 0 for a, b in zip(p, q))
    if alpha == math.inf:
        return mpmath.inf if mismatch else max(mpmath.log(a / b) for a, b in zip(p, q) if a > 0)
    a_ = mpmath.mpf(alpha)
    if alpha == 1:
        return mpmath.inf if mismatch else mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(p, q) if a > 0)
    if alpha > 1 and mismatch:
        return mpmath.inf
    s = mpmath.fsum(a**a_ * b ** (1 - a_) for a, b in zip(p, q) if a > 0 and b > 0)
    return mpmath.inf if s == 0 else mpmath.log(s) / (a_ - 1)


def _digits(alpha):
    """Working precision that resolves D_alpha for this alpha (tiny alpha needs many digits)."""
    extra = 0
    if alpha != math.inf and alpha > 0:
        extra = int(max(-math.log10(alpha), -math.log10(abs(alpha - 1.0)) if alpha != 1 else 0, 0.0))
    return 60 + extra


def check(got, expected, rel=1e-12, tiny=1e-307, what=""):
    """got == expected to `rel` (an expected value beyond the float range must come out as +inf;
    results below `tiny` are subnormal floats, which cannot hold 12 digits; and the reference is
    itself only good to about its working precision)."""
    tiny = max(tiny, mpmath.mpf(10) ** (10 - mpmath.mp.dps))
    if expected == mpmath.inf or expected > FLOAT_MAX:
        assert got == math.inf, f"{what}: expected +inf (true value {mpmath.nstr(expected, 5)}), got {got!r}"
        return
    assert math.isfinite(got), f"{what}: got {got!r}, expected {mpmath.nstr(expected, 17)}"
    err = abs(mpmath.mpf(got) - expected)
    assert err <= rel * abs(expected) + tiny, (
        f"{what}: got {got!r}, expected {mpmath.nstr(expected, 17)}, rel err {mpmath.nstr(err / abs(expected), 3)}"
        if expected else f"{what}: got {got!r}, expected 0")


def _range_digits(*vectors):
    """Decimal digits spanned by the positive entries: the reference must resolve 1 + 1e-300."""
    pos = [abs(float(x)) for v in vectors for x in v if x > 0]
    return int(math.log10(max(pos)) - math.log10(min(pos))) + 1 if pos else 0


def check_discrete(p, q, alphas=(0.5, 1.0, 2.0)):
    extra = _range_digits(p, q)
    with mpmath.workdps(60 + extra):
        check(total_variation(p, q), mp_tv(p, q), what=f"TV({p}, {q})")
        check(hellinger(p, q), mp_hellinger(p, q), what=f"He({p}, {q})")
        check(chi2(p, q), mp_chi2(p, q), what=f"chi2({p}, {q})")
        check(chi2(q, p), mp_chi2(q, p), what=f"chi2({q}, {p})")
    for alpha in alphas:
        with mpmath.workdps(_digits(alpha) + extra):
            check(renyi(p, q, alpha), mp_renyi(p, q, alpha), what=f"D_{alpha}({p}‖{q})")


# ------------------------------------------------------------------------- discrete pairs

weight = st.one_of(
    st.just(0.0),
    st.floats(min_value=0.0, max_value=1.0),  # includes subnormals
    st.floats(min_value=1e-300, max_value=1e6),
    st.sampled_from([1e-300, 1e-20, 1e-10, 0.5, 1.0, 3.0]),
)


@st.composite
def pairs(draw):
    n = draw(st.integers(1, 7))
    p = draw(st.lists(weight, min_size=n, max_size=n))
    if draw(st.booleans()):  # Q close to P: the regime where naive formulas cancel
        eps = draw(st.sampled_from([1e-3, 1e-8, 1e-12]))
        q = [x * (1.0 + eps * draw(st.floats(-1.0, 1.0))) for x in p]
    else:
        q = draw(st.lists(weight, min_size=n, max_size=n))
    if not any(x > 0 for x in p):
        p[0] = 1.0
    if not any(x > 0 for x in q):
        q[-1] = 1.0
    return p, q


alphas = st.one_of(
    st.sampled_from([1e-9, 0.1, 0.5, 1.0 - 1e-9, 1.0, 1.0 + 1e-7, 2.0, 10.0, 1e4, math.inf]),
    st.floats(min_value=1e-3, max_value=50.0),
)


@PROPS
@given(pairs(), alphas)
@example(([0.5, 0.25, 0.25], [0.5 + 2.0**-40, 0.25 - 2.0**-40, 0.25]), 1.0 + 1e-12)
@example(([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), 0.7)
@example(([1.0, 0.0], [0.0, 1.0]), 0.5)
@example(([5e-324, 1e6, 0.0], [1.0, 1.0, 1e-300]), 2.0)
def test_discrete_against_mpmath(pair, alpha):
    p, q = pair
    check_discrete(p, q, alphas=(alpha,))


def test_hellinger_and_tv_exact_near_zero():
    # exact float vectors summing to 1, differing by 2^-k: 1 − BC would give 0 or noise here
    for k in (20, 40, 53, 54):
        d = 2.0**-k
        p = [0.5, 0.25, 0.25]
        q = [0.5 - d, 0.25 + d, 0.25]
        assert q[0] != 0.5 and math.fsum(q) == 1.0
        with mpmath.workdps(80):
            check(hellinger(p, q), mp_hellinger(p, q), what=f"He at 2^-{k}")
            check(total_variation(p, q), mp_tv(p, q), what=f"TV at 2^-{k}")
            check(chi2(p, q), mp_chi2(p, q), what=f"chi2 at 2^-{k}")
        assert hellinger(p, q) > 0
    assert hellinger([0.3, 0.7], [0.3, 0.7]) == 0.0


@pytest.mark.parametrize("alpha", [1e-300, 1e-100, 1e-12, 1e-6, 0.3, 0.5, 1 - 1e-12, 1 - 1e-6, 1.0,
                                   1 + 1e-12, 1 + 1e-6, 2.0, 7.5, 1e6, 1e12, 1e100, 1e300, math.inf])
def test_renyi_orders_against_mpmath(alpha):
    rng = np.random.default_rng(7)
    cases = [
        ([0.5, 0.25, 0.25], [0.5 + 2.0**-30, 0.25 - 2.0**-30, 0.25]),  # P ≈ Q
        ([0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]),
        ([0.6, 0.0, 0.4], [0.2, 0.5, 0.3]),  # Q has mass outside P's support
        ([0.6, 0.1, 0.3], [0.7, 0.3, 0.0]),  # P has mass where Q has none
        ([1.0, 0.0, 0.0], [0.0, 0.5, 0.5]),  # disjoint supports
        (list(rng.random(6)), list(rng.random(6))),  # weights not summing to 1
        ([0.999, 1e-3, 0.0], [1e-300, 0.5, 0.5]),  # a huge ratio
    ]
    for p, q in cases:
        with mpmath.workdps(_digits(alpha) + _range_digits(p, q)):
            check(renyi(p, q, alpha), mp_renyi(p, q, alpha), what=f"D_{alpha}({p}‖{q})")


def test_renyi_limits_and_order():
    p, q = [0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.3, 0.2]
    assert renyi(p, q, 1.0) == pytest.approx(kl_divergence(p, q), rel=1e-14)
    assert renyi(p, q, 1.0 + 1e-9) == pytest.approx(kl_divergence(p, q), rel=1e-8)
    d_inf = max(math.log(a / b) for a, b in zip(p, q))
    assert renyi(p, q, math.inf) == pytest.approx(d_inf, rel=1e-14)
    assert renyi(p, q, 1e8) == pytest.approx(d_inf, rel=1e-6)
    values = [renyi(p, q, a) for a in np.geomspace(1e-6, 1e6, 200)] + [renyi(p, q, math.inf)]
    assert all(b >= a * (1 - 1e-13) for a, b in zip(values, values[1:])), "D_α must not decrease in α"
    # the unit is the log base
    assert renyi(p, q, 2.0, "bits") == pytest.approx(renyi(p, q, 2.0) / LN2, rel=1e-15)
    assert renyi(p, q, 2.0, "hartleys") == pytest.approx(renyi(p, q, 2.0) / math.log(10.0), rel=1e-15)


def test_chi2_with_tiny_q():
    for tiny in (1e-300, 1e-310, 5e-324):  # normal, subnormal, smallest subnormal
        p, q = [0.5, 0.5], [1.0 - tiny, tiny]
        with mpmath.workdps(60):
            check(chi2(p, q), mp_chi2(p, q), what=f"chi2 with q = {tiny}")
            check(chi2(q, p), mp_chi2(q, p), what=f"chi2 of tiny vs 0.5 ({tiny})")
    # tiny q where p is tiny as well: finite and exact
    p, q = [1.0, 1e-160], [1.0, 1e-200]
    with mpmath.workdps(60):
        check(chi2(p, q), mp_chi2(p, q), what="tiny over tinier")


def test_zero_conventions():
    assert chi2([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]) == 0.0  # p = q = 0 contributes 0
    assert chi2([0.5, 0.5, 0.0], [0.4, 0.4, 0.2]) == pytest.approx(0.01 / 0.4 * 2 + 0.2, rel=1e-14)
    assert chi2([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert total_variation([1.0, 0.0], [0.0, 1.0]) == 1.0
    assert hellinger([1.0, 0.0], [0.0, 1.0]) == 1.0
    assert renyi([1.0, 0.0], [0.0, 1.0], 0.5) == math.inf  # disjoint supports
    assert math.isfinite(renyi([0.5, 0.5], [1.0, 0.0], 0.5))  # α < 1: overlap suffices
    assert renyi([0.5, 0.5], [1.0, 0.0], 1.0) == math.inf
    assert renyi([0.5, 0.5], [1.0, 0.0], math.inf) == math.inf
    # α < 1 with q outside P's support: − log Q(supp P) as α → 0
    assert renyi([1.0, 0.0], [0.5, 0.5], 1e-12) == pytest.approx(math.log(2.0), rel=1e-9)


def test_softmax_inputs_use_exact_logs():
    # a logit gap of 1000: exp(−1000) underflows, its logarithm does not
    P = Categorical.from_logits([0.0, 0.0])
    Q = Categorical.from_logits([0.0, -1000.0])
    assert Q.probs[1] == 0.0
    with mpmath.workdps(80):
        ep, eq = [mpmath.mpf(1) / 2] * 2, [1 / (1 + mpmath.exp(-1000)), mpmath.exp(-1000) / (1 + mpmath.exp(-1000))]
        for alpha in (0.5, 2.0, math.inf):
            if alpha == math.inf:
                ref = max(mpmath.log(a / b) for a, b in zip(ep, eq))
            else:
                ref = mpmath.log(mpmath.fsum(a**alpha * b ** (1 - alpha) for a, b in zip(ep, eq))) / (alpha - 1)
            check(renyi(P, Q, alpha), ref, rel=1e-12, what=f"softmax D_{alpha}")
    fam = divergence_family(P, Q, alpha=2.0)
    assert fam.chi2_pq == math.inf and "too large" in fam.reasons["chi2_pq"]
    assert math.isfinite(fam.chi2_qp) and math.isfinite(fam.renyi_pq)


def test_categorical_and_weights_agree():
    w = [3.0, 1.0, 0.0, 6.0]
    P = Categorical.from_weights(w)
    q = [0.25, 0.25, 0.25, 0.25]
    assert total_variation(P, q) == pytest.approx(total_variation(w, q), rel=1e-14)
    assert renyi(P, q, 3.0) == pytest.approx(renyi(w, q, 3.0), rel=1e-13)


# ------------------------------------------------------------------------ input checks


@pytest.mark.parametrize("bad, error, words", [
    ([0.5, float("nan")], ValueError, "NaN"),
    ([0.5, -0.1], ValueError, "negative"),
    ([], ValueError, "empty"),
    ([[0.5, 0.5], [0.5, 0.5]], ValueError, "1-D"),
    ([0.0, 0.0], ValueError, "all zero"),
    ([0.5, float("inf")], ValueError, "infinite"),
    ("0.5,0.5", TypeError, "list of numbers"),
    ([True, False], TypeError, "booleans"),
    ([1 + 1j, 1], TypeError, "complex"),
    (Normal(0, 1), TypeError, "continuous"),
])
def test_bad_discrete_input(bad, error, words):
    for f in (total_variation, hellinger, chi2, lambda p, q: renyi(p, q, 2.0)):
        with pytest.raises(error, match=words):
            f(bad, [0.5, 0.5])


def test_mismatched_lengths_and_bad_alpha():
    with pytest.raises(ValueError, match="different lengths"):
        total_variation([0.5, 0.5], [0.2, 0.3, 0.5])
    for a, error in ((0.0, ValueError), (-1.0, ValueError), (float("nan"), ValueError),
                     ("2", TypeError), (None, TypeError), (True, TypeError)):
        with pytest.raises(error, match="alpha"):
            renyi([0.5, 0.5], [0.2, 0.8], a)
        if a is not None:  # None means "no Rényi order" there
            with pytest.raises(error, match="alpha"):
                divergence_family([0.5, 0.5], [0.2, 0.8], alpha=a)
    with pytest.raises(ValueError, match="unit"):
        renyi([0.5, 0.5], [0.2, 0.8], 2.0, unit="furlongs")
    with pytest.raises(TypeError, match="both be discrete or both continuous"):
        divergence_family([0.5, 0.5], Normal(0, 1))
    with pytest.raises(TypeError, match="Normal or a Mixture"):
        continuous_tv([0.5, 0.5], Normal(0, 1))
    with pytest.raises(ValueError, match="sigma"):
        normal_chi2(0.0, -1.0, 0.0, 1.0)


# ------------------------------------------------------------------------ the family


def test_family_discrete_keys_units_and_reasons():
    p, q = [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]
    fam = divergence_family(p, q, alpha=2.0, unit="bits")
    assert fam.discrete and fam.alpha == 2.0
    assert set(fam.values()) == {"tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp"}
    assert fam.units() == {"tv": UNITLESS, "hellinger": UNITLESS, "chi2_pq": UNITLESS, "chi2_qp": UNITLESS,
                           "renyi_pq": "bits", "renyi_qp": "bits"}
    assert fam.tv == pytest.approx(0.5) and fam.hellinger == pytest.approx(math.sqrt(1 - 0.5))
    assert fam.chi2_pq == math.inf and fam.chi2_qp == math.inf and fam.renyi_pq == math.inf
    assert list(fam.support["chi2_pq"]) == [0] and list(fam.support["chi2_qp"]) == [2]
    assert "Q = 0 where P > 0" in fam.reasons["chi2_pq"] and "category 1" in fam.reasons["chi2_pq"]
    assert "P = 0 where Q > 0" in fam.reasons["renyi_qp"] and "category 3" in fam.reasons["renyi_qp"]
    assert set(fam.reasons) == {"chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp"}
    # at α = ½ the same pair is finite; disjoint supports are infinite with their own reason
    half = divergence_family(p, q, alpha=0.5)
    assert math.isfinite(half.renyi_pq) and "renyi_pq" not in half.reasons
    assert half.renyi_pq == pytest.approx(-2 * math.log(0.5), rel=1e-14)
    disjoint = divergence_family([1.0, 0.0], [0.0, 1.0], alpha=0.5)
    assert disjoint.renyi_pq == math.inf and "disjoint" in disjoint.reasons["renyi_pq"]
    # without alpha: no Rényi keys
    none = divergence_family(p, q)
    assert none.renyi_pq is None and set(none.values()) == {"tv", "hellinger", "chi2_pq", "chi2_qp"}


def test_family_continuous_and_reasons():
    P, Q = Normal(0.0, 2.0), Normal(1.0, 1.0)
    fam = divergence_family(P, Q, alpha=3.0, unit="nats")
    assert not fam.discrete
    # the condition with the numbers in, and no underscore subscripts (σ_Q; issue 12)
    assert fam.chi2_pq == math.inf and fam.reasons["chi2_pq"] == (
        "Q's σ = 1 is too narrow for P's σ = 2 (2 · 1² ≤ 2²): the tails of P²/Q do not decay")
    assert math.isfinite(fam.chi2_qp)
    assert fam.renyi_pq == math.inf and fam.reasons["renyi_pq"] == (
        "Q's σ = 1 is too narrow for P's σ = 2 at α = 3 (α · 1² + (1 − α) · 2² ≤ 0): "
        "the tails of P^α Q^(1−α) do not decay")
    assert fam.renyi_qp == pytest.approx(normal_renyi(1.0, 1.0, 0.0, 2.0, 3.0), rel=1e-15)
    assert fam.tv == pytest.approx(normal_tv(0.0, 2.0, 1.0, 1.0), rel=1e-15)
    inf = divergence_family(P, Q, alpha=math.inf)
    assert inf.renyi_pq == math.inf and inf.reasons["renyi_pq"] == (
        "P/Q is unbounded: P's tails are not lighter than Q's (P's σ = 2, Q's σ = 1)")
    assert math.isfinite(inf.renyi_qp)
    mix = divergence_family(Mixture(0.5, (Normal(0.0, 0.5), Normal(1.0, 3.0))), Q, alpha=2.0)
    assert mix.reasons["chi2_pq"].startswith("Q's σ = 1 is too narrow for P's widest σ = 3 (2 · 1² ≤ 3²)")
    assert mix.reasons["renyi_pq"].startswith("Q's σ = 1 is too narrow for P's widest σ = 3 at α = 2 ")
    for reasons in (fam.reasons, inf.reasons, mix.reasons):
        assert all("_" not in text for text in reasons.values()), reasons


# ------------------------------------------------------------------------ Normal pairs


def mp_normal(mu_p, s_p, mu_q, s_q):
    return [mpmath.mpf(x) for x in (mu_p, s_p, mu_q, s_q)]


def mp_normal_renyi(mu_p, s_p, mu_q, s_q, alpha):
    mu_p, s_p, mu_q, s_q = mp_normal(mu_p, s_p, mu_q, s_q)
    if alpha == math.inf:
        if s_p < s_q:
            return mpmath.log(s_q / s_p) + (mu_p - mu_q) ** 2 / (2 * (s_q**2 - s_p**2))
        return mpmath.mpf(0) if (s_p == s_q and mu_p == mu_q) else mpmath.inf
    a = mpmath.mpf(alpha)
    if alpha == 1:
        return mpmath.log(s_q / s_p) + (s_p**2 - s_q**2) / (2 * s_q**2) + (mu_p - mu_q) ** 2 / (2 * s_q**2)
    s2 = a * s_q**2 + (1 - a) * s_p**2
    if s2 <= 0:
        return mpmath.inf
    return mpmath.log(s_q / s_p) + mpmath.log(s_q**2 / s2) / (2 * (a - 1)) + a * (mu_p - mu_q) ** 2 / (2 * s2)


def mp_normal_chi2(mu_p, s_p, mu_q, s_q):
    mu_p, s_p, mu_q, s_q = mp_normal(mu_p, s_p, mu_q, s_q)
    if 2 * s_q**2 <= s_p**2:
        return mpmath.inf
    return s_q**2 / (s_p * mpmath.sqrt(2 * s_q**2 - s_p**2)) * mpmath.exp((mu_p - mu_q) ** 2 / (2 * s_q**2 - s_p**2)) - 1


def mp_normal_hellinger(mu_p, s_p, mu_q, s_q):
    mu_p, s_p, mu_q, s_q = mp_normal(mu_p, s_p, mu_q, s_q)
    bc = mpmath.sqrt(2 * s_p * s_q / (s_p**2 + s_q**2)) * mpmath.exp(-(mu_p - mu_q) ** 2 / (4 * (s_p**2 + s_q**2)))
    return mpmath.sqrt(1 - bc)


def mp_normal_tv(mu_p, s_p, mu_q, s_q):
    """½ ∫|p − q| from the exact Normal CDF between the crossing points (solved in mpmath)."""
    m1, s1, m2, s2 = mp_normal(mu_p, s_p, mu_q, s_q)
    if s1 == s2:
        pts = [(m1 + m2) / 2] if m1 != m2 else []
    else:
        a = 1 / (2 * s2**2) - 1 / (2 * s1**2)
        b = m1 / s1**2 - m2 / s2**2
        c = -(m1**2) / (2 * s1**2) + m2**2 / (2 * s2**2) + mpmath.log(s2 / s1)
        root = mpmath.sqrt(b * b - 4 * a * c)
        pts = sorted([(-b + root) / (2 * a), (-b - root) / (2 * a)])
    edges = [-mpmath.inf, *pts, mpmath.inf]
    total = 0
    for lo, hi in zip(edges[:-1], edges[1:]):
        d1 = mpmath.ncdf(hi, m1, s1) - mpmath.ncdf(lo, m1, s1)
        d2 = mpmath.ncdf(hi, m2, s2) - mpmath.ncdf(lo, m2, s2)
        total += abs(d1 - d2)
    return total / 2


NORMAL_PAIRS = [
    (mu_p, s_p, mu_q, s_q)
    for mu_p in (0.0, 0.3)
    for mu_q in (0.0, 1e-9, -2.0, 40.0)
    for s_p in (1e-3, 0.5, 1.0, 1.0 + 1e-9, 1.0 - 1e-12, 1.3, 1.414, 3.0, 1e3)
    for s_q in (1.0, 2.0)
]


@pytest.mark.parametrize("alpha", [1e-9, 0.2, 0.5, 1 - 1e-10, 1.0, 1 + 1e-8, 1.7, 2.0, 10.0, 1e6, math.inf])
def test_normal_renyi_closed_form(alpha):
    with mpmath.workdps(60):
        for pair in NORMAL_PAIRS:
            check(normal_renyi(*pair, alpha), mp_normal_renyi(*pair, alpha), what=f"D_{alpha}{pair}")


def test_normal_chi2_hellinger_tv_closed_forms():
    with mpmath.workdps(60):
        for pair in NORMAL_PAIRS:
            # next to the boundary 2σ_Q² = σ_P² the value is ill-conditioned in σ_P: 1e-10 there
            near_edge = abs(pair[1] ** 2 / pair[3] ** 2 - 2.0) < 0.01
            check(normal_chi2(*pair), mp_normal_chi2(*pair), rel=1e-10 if near_edge else 1e-12, what=f"chi2{pair}")
            check(normal_hellinger(*pair), mp_normal_hellinger(*pair), what=f"He{pair}")
            check(normal_tv(*pair), mp_normal_tv(*pair), what=f"TV{pair}")


def test_normal_tv_tiny_differences():
    with mpmath.workdps(60):
        for pair in [(0.0, 1.0, 1e-9, 1.0), (0.0, 1.0, 0.0, 1.0 + 1e-9), (0.0, 1.0, 1e-12, 1.0 - 1e-12),
                     (5.0, 1e-6, 5.0 + 1e-15, 1e-6)]:
            check(normal_tv(*pair), mp_normal_tv(*pair), rel=1e-9, what=f"TV{pair}")
            check(normal_hellinger(*pair), mp_normal_hellinger(*pair), rel=1e-9, what=f"He{pair}")
    assert normal_tv(0.0, 1.0, 0.0, 1.0) == 0.0


def test_normal_formulas_against_quadrature():
    """The MATH.md closed forms themselves, against mpmath integration of their definitions."""
    pairs_ = [(0.0, 1.0, 0.7, 1.3), (1.0, 0.6, -0.5, 1.0), (0.0, 1.2, 0.0, 1.0)]
    with mpmath.workdps(25):
        for mu_p, s_p, mu_q, s_q in pairs_:
            p, q = mp_pdf(Normal(mu_p, s_p)), mp_pdf(Normal(mu_q, s_q))
            cuts = [-mpmath.inf] + [mpmath.mpf(k) for k in range(-20, 21, 4)] + [mpmath.inf]
            for alpha in (0.3, 2.0):
                val = mpmath.log(mpmath.quad(lambda x: p(x) ** alpha * q(x) ** (1 - alpha), cuts)) / (alpha - 1)
                check(normal_renyi(mu_p, s_p, mu_q, s_q, alpha), val, rel=1e-12, what="Rényi quad")
            check(normal_chi2(mu_p, s_p, mu_q, s_q), mpmath.quad(lambda x: (p(x) - q(x)) ** 2 / q(x), cuts),
                  rel=1e-12, what="chi2 quad")
            he2 = mpmath.quad(lambda x: (mpmath.sqrt(p(x)) - mpmath.sqrt(q(x))) ** 2, cuts) / 2
            check(normal_hellinger(mu_p, s_p, mu_q, s_q), mpmath.sqrt(he2), rel=1e-12, what="He quad")


# ------------------------------------------------------------------------ mixtures


def _cuts(*dists, extra=()):
    pts = set(extra)
    for d in dists:
        for _, m, s in components(d):
            pts.update(mpmath.mpf(m) + k * mpmath.mpf(s) for k in (-30, -12, -6, -3, -1, 0, 1, 3, 6, 12, 30))
    return [-mpmath.inf, *sorted(pts), mpmath.inf]


def _mp_crossings(P, Q):
    p, q = mp_pdf(P), mp_pdf(Q)
    g = lambda x: mpmath.log(p(x)) - mpmath.log(q(x))  # noqa: E731
    lo = min(m - 15 * s for d in (P, Q) for _, m, s in components(d))
    hi = max(m + 15 * s for d in (P, Q) for _, m, s in components(d))
    xs = [mpmath.mpf(lo) + (hi - lo) * mpmath.mpf(i) / 1500 for i in range(1501)]
    gs = [g(x) for x in xs]
    return [mpmath.findroot(g, (xs[i], xs[i + 1]), solver="anderson")
            for i in range(1500) if gs[i] * gs[i + 1] < 0]


def mp_mixture(P, Q, what, alpha=None):
    p, q = mp_pdf(P), mp_pdf(Q)
    if what == "tv":
        return mpmath.quad(lambda x: abs(p(x) - q(x)), _cuts(P, Q, extra=_mp_crossings(P, Q))) / 2
    if what == "he":
        return mpmath.sqrt(mpmath.quad(lambda x: (mpmath.sqrt(p(x)) - mpmath.sqrt(q(x))) ** 2, _cuts(P, Q)) / 2)
    if what == "chi2":
        return mpmath.quad(lambda x: (p(x) - q(x)) ** 2 / q(x), _cuts(P, Q))
    a = mpmath.mpf(alpha)
    if alpha == 1:
        return mpmath.quad(lambda x: p(x) * mpmath.log(p(x) / q(x)), _cuts(P, Q))
    return mpmath.log(mpmath.quad(lambda x: p(x) ** a * q(x) ** (1 - a), _cuts(P, Q))) / (a - 1)


MIXTURE_PAIRS = [
    (Mixture.from_params(0.3, -2, 0.5, 2, 1.0), Normal(0.2, 1.5)),
    (Normal(0.2, 1.5), Mixture.from_params(0.3, -2, 0.5, 2, 1.0)),
    (Mixture.from_params(0.5, -1, 1, 1, 1), Mixture.from_params(0.5, -1, 1, 1.001, 1)),  # P ≈ Q
    (Mixture.from_params(0.7, 0, 0.1, 3, 2), Mixture.from_params(0.2, 1, 1, -1, 3)),
    (Mixture.from_params(1.0, 0, 1, 5, 2), Normal(0.5, 1.2)),  # a zero-weight component
]


@pytest.mark.parametrize("pair", range(len(MIXTURE_PAIRS)))
def test_mixtures_against_mpmath_quadrature(pair):
    P, Q = MIXTURE_PAIRS[pair]
    with mpmath.workdps(16):
        check(continuous_tv(P, Q), mp_mixture(P, Q, "tv"), rel=1e-6, what=f"TV {pair}")
        check(continuous_hellinger(P, Q), mp_mixture(P, Q, "he"), rel=1e-6, what=f"He {pair}")
        for a, b, key in ((P, Q, "chi2_pq"), (Q, P, "chi2_qp")):
            got = continuous_chi2(a, b)
            if not 2 * widest(b) ** 2 > widest(a) ** 2:  # the tails of p²/q do not decay
                assert got == math.inf, key
            else:
                check(got, mp_mixture(a, b, "chi2"), rel=1e-6, what=f"{key} {pair}")
        for alpha in (0.3, 1.0, 2.0):
            got = continuous_renyi(P, Q, alpha)
            if not alpha / widest(P) ** 2 + (1 - alpha) / widest(Q) ** 2 > 0:
                assert got == math.inf
            else:
                check(got, mp_mixture(P, Q, "renyi", alpha), rel=1e-6, what=f"D_{alpha} {pair}")


def test_mixture_tails_decide_finiteness():
    # χ²(P‖Q) for P's widest component σ_P against a Normal Q: finite iff 2σ_Q² > σ_P²
    for s_q, finite in ((1.42, True), (1.41, False)):
        P = Mixture.from_params(0.5, -1.0, 0.5, 1.0, 2.0)
        value = continuous_chi2(P, Normal(0.0, s_q))
        assert math.isfinite(value) == finite, s_q
    # just inside the boundary the integrand is very wide and far from both: still exact
    P = Mixture.from_params(0.5, -1.0, 0.5, 1.0, 1.0)
    with mpmath.workdps(20):
        Q = Normal(0.3, 0.72)  # 2σ_Q² = 1.0368 > σ_P² = 1
        check(continuous_chi2(P, Q), mp_mixture(P, Q, "chi2"), rel=1e-6, what="chi2 near the edge")
        Q = Normal(0.3, 0.83)  # 3σ_Q² − 2σ_P² = 0.067 > 0
        check(continuous_renyi(P, Q, 3.0), mp_mixture(P, Q, "renyi", 3.0), rel=1e-6, what="D_3 near the edge")
    assert continuous_renyi(P, Normal(0.3, 0.81), 3.0) == math.inf  # 3σ_Q² − 2σ_P² < 0


def _mp_sup_log_ratio(P, Q):
    p, q = mp_pdf(P), mp_pdf(Q)
    g = lambda x: mpmath.log(p(x) / q(x))  # noqa: E731
    xs = [mpmath.mpf(-20) + mpmath.mpf(i) / 100 for i in range(4001)]
    best = max(xs, key=g)
    return g(mpmath.findroot(lambda x: mpmath.diff(g, x), best))


def test_mixture_renyi_infinity():
    cases = [
        (Mixture.from_params(0.3, -2, 0.5, 2, 1.0), Normal(0.2, 3.0)),
        (Mixture.from_params(0.5, -1, 1, 1, 1), Mixture.from_params(0.4, -1, 1, 1, 1)),  # limit in the tails
        (Normal(0.0, 1.0), Mixture.from_params(0.5, -1, 1.5, 1, 1.5)),
    ]
    with mpmath.workdps(30):
        for P, Q in cases[:1] + cases[2:]:
            check(continuous_renyi(P, Q, math.inf), _mp_sup_log_ratio(P, Q), rel=1e-9, what=f"D_inf {P} {Q}")
        # equal components, different weights: p/q is largest far out on the side where P is heavier
        P, Q = cases[1]
        expected = max(mpmath.log(mpmath.mpf(0.5) / mpmath.mpf(0.4)), mpmath.log(mpmath.mpf(0.5) / mpmath.mpf(0.6)))
        check(continuous_renyi(P, Q, math.inf), expected, rel=1e-12, what="D_inf tail limit")
    assert continuous_renyi(Normal(0, 2), Mixture.from_params(0.5, -1, 1, 1, 1.5), math.inf) == math.inf
    assert continuous_renyi(Normal(0, 1), Normal(1, 1), math.inf) == math.inf  # equal σ, shifted
    assert continuous_renyi(Normal(1, 1), Normal(1, 1), math.inf) == 0.0


def test_a_mixture_slid_across_a_normal_stays_finite_and_exact():
    """A slider sweep the app makes (bimodal P's first mean from -3 to -1 by 0.01, Q = N(0.8, 1.5²)):
    break points that round to a panel of negative width once made every entropy NaN and
    D(P‖Q) 0. Against scipy's adaptive quadrature of -p log p and p log(p/q)."""
    import math

    from scipy import integrate
    from scipy.stats import norm

    from klviz.core import continuous_measures
    from klviz.core.gaussian import Mixture, Normal

    Q = Normal(0.8, 1.5)
    for mu in np.round(np.arange(-3.0, -1.0, 0.01), 2):
        mu = float(mu)
        P = Mixture.from_params(0.5, mu, 0.8, 3.0, 0.8)
        m = continuous_measures(P, Q)
        values = [getattr(m, k) for k in ("entropy_p", "entropy_q", "cross_entropy_pq",
                                           "cross_entropy_qp", "kl_pq", "kl_qp")]
        assert all(math.isfinite(v) for v in values), (mu, values)
        if mu in (-2.75, -2.4, -2.0, -1.4, -1.25, -1.2):  # the sweep's panels that went negative
            def p(x):
                return 0.5 * norm.pdf(x, mu, 0.8) + 0.5 * norm.pdf(x, 3.0, 0.8)

            h = integrate.quad(lambda x: -p(x) * math.log(p(x)) if p(x) > 0 else 0.0, -15, 16, limit=200)[0]
            kl = integrate.quad(lambda x: p(x) * (math.log(p(x)) - norm.logpdf(x, 0.8, 1.5)) if p(x) > 0 else 0.0,
                                -15, 16, limit=200)[0]
            assert m.entropy_p == pytest.approx(h, rel=1e-9) and m.kl_pq == pytest.approx(kl, rel=1e-9)
