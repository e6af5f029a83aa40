"""Discrete entropy / cross-entropy / KL / JS against independent references.

References: scipy.stats.entropy, scipy.special.{entr, rel_entr, xlogy},
scipy.spatial.distance.jensenshannon (returns the square root of JS) and mpmath at
50 digits on the exact float inputs. Nothing here re-uses klviz formulas.
"""

from __future__ import annotations

import math

import exact_refs
import mpmath
import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon
from scipy.special import entr, rel_entr, xlogy
from scipy.stats import entropy as sp_entropy

from klviz import core
from klviz.core import Categorical
from klviz.core.discrete import (
    cross_entropy,
    discrete_measures,
    entropy,
    js_divergence,
    kl_divergence,
    kl_terms,
    support_mismatch,
)

LN = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}
SCIPY_BASE = {"nats": None, "bits": 2.0, "hartleys": 10.0}
INF = math.inf

# --------------------------------------------------------------------------- references


def mp_entropy(p):
    return exact_refs.entropy(p)  # the given weights normalised exactly


def mp_cross_entropy(p, q):
    return exact_refs.cross_entropy(p, q)


def mp_kl(p, q):
    return exact_refs.kl(p, q)


def mp_term(a, b):
    """One term a log(a / b) of the given numbers (not normalised)."""
    with mpmath.workdps(50):
        return mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))


def assert_close(actual, expected, rel=1e-12, abs_=0.0, what=""):
    """|actual - expected| <= rel*|expected| + abs_, with exact agreement on infinities."""
    expected = float(expected) if not isinstance(expected, mpmath.mpf) else expected
    assert not math.isnan(float(actual)), f"{what}: got NaN"
    if mpmath.isinf(expected):
        assert float(actual) == float(expected), f"{what}: expected {expected}, got {actual}"
        return
    with mpmath.workdps(50):
        err = abs(mpmath.mpf(float(actual)) - mpmath.mpf(expected))
        bound = rel * abs(mpmath.mpf(expected)) + abs_
        assert err <= bound, (
            f"{what}: got {float(actual)!r}, expected {mpmath.nstr(expected, 20)}, "
            f"abs err {mpmath.nstr(err, 5)} > {mpmath.nstr(bound, 5)}"
        )


def arr(x):
    return np.asarray(x, dtype=float)


# ------------------------------------------------------------------------------ cases

rng = np.random.default_rng(20240611)
_dir_p = rng.dirichlet(np.full(50, 0.7))
_dir_q = rng.dirichlet(np.full(50, 0.7))

CASES = {
    "generic": ([0.2, 0.5, 0.3], [0.1, 0.1, 0.8]),
    "p_zero_q_positive": ([0.5, 0.5, 0.0], [0.25, 0.25, 0.5]),
    "both_zero_same_place": ([0.5, 0.0, 0.5], [0.25, 0.0, 0.75]),
    "p_point_mass": ([1.0, 0.0, 0.0], [0.2, 0.3, 0.5]),
    "q_zero_p_positive": ([0.25, 0.25, 0.5], [0.5, 0.5, 0.0]),
    "disjoint": ([1.0, 0.0], [0.0, 1.0]),
    "identical": ([0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4]),
    "single": ([1.0], [1.0]),
    "dirichlet50": (_dir_p, _dir_q),
}
CASE_IDS = list(CASES)


@pytest.fixture(params=CASE_IDS)
def case(request):
    p, q = CASES[request.param]
    return arr(p), arr(q)


def ref_js_nats(p, q):
    # scipy's jensenshannon returns the Jensen-Shannon *distance* = sqrt(JS)
    return float(jensenshannon(p, q)) ** 2


# ----------------------------------------------------------------- scipy comparisons


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
def test_entropy_matches_scipy(case, unit):
    p, _ = case
    ref = sp_entropy(p, base=SCIPY_BASE[unit])
    got = entropy(p, unit=unit)
    assert isinstance(got, float)
    assert_close(got, ref, rel=1e-12, abs_=1e-15, what="entropy vs scipy.stats.entropy")
    assert_close(got, entr(p).sum() / LN[unit], rel=1e-12, abs_=1e-15, what="entropy vs entr")
    assert got >= 0.0


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
def test_cross_entropy_matches_xlogy(case, unit):
    p, q = case
    with np.errstate(divide="ignore"):
        ref = -np.sum(xlogy(p, q)) / LN[unit]
    got = cross_entropy(p, q, unit=unit)
    assert isinstance(got, float)
    assert_close(got, ref, rel=1e-12, abs_=1e-15, what="cross_entropy vs -sum xlogy")


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
def test_kl_matches_rel_entr_and_scipy_entropy(case, unit):
    p, q = case
    ref = np.sum(rel_entr(p, q)) / LN[unit]
    got = kl_divergence(p, q, unit=unit)
    assert isinstance(got, float)
    assert_close(got, ref, rel=1e-12, abs_=1e-15, what="kl vs sum rel_entr")
    assert_close(
        got, sp_entropy(p, q, base=SCIPY_BASE[unit]), rel=1e-12, abs_=1e-15,
        what="kl vs scipy.stats.entropy(p, q)",
    )
    assert got >= 0.0


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
def test_kl_terms_match_rel_entr(case, unit):
    p, q = case
    ref = rel_entr(p, q) / LN[unit]
    got = kl_terms(p, q, unit=unit)
    assert isinstance(got, np.ndarray)
    assert got.shape == p.shape
    assert not np.any(np.isnan(got))
    for i in range(len(p)):
        assert_close(got[i], ref[i], rel=1e-12, abs_=1e-16, what=f"kl_terms[{i}]")


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
def test_js_matches_scipy_jensenshannon_squared(case, unit):
    p, q = case
    got = js_divergence(p, q, unit=unit)
    assert isinstance(got, float)
    assert_close(got, ref_js_nats(p, q) / LN[unit], rel=1e-10, abs_=1e-15, what="js nats ref")
    if unit != "nats":
        ref = float(jensenshannon(p, q, base=SCIPY_BASE[unit])) ** 2
        assert_close(got, ref, rel=1e-10, abs_=1e-15, what=f"js vs jensenshannon(base) in {unit}")
    assert 0.0 <= got <= math.log(2.0) / LN[unit]


def test_support_mismatch_matches_flatnonzero(case):
    p, q = case
    got = support_mismatch(p, q)
    assert isinstance(got, np.ndarray)
    assert np.issubdtype(got.dtype, np.integer)
    np.testing.assert_array_equal(np.sort(got), np.flatnonzero((p > 0) & (q == 0)))


def test_mpmath_agrees_on_all_cases(case):
    p, q = case
    assert_close(entropy(p), mp_entropy(p), rel=1e-13, abs_=1e-16, what="entropy vs mpmath")
    assert_close(cross_entropy(p, q), mp_cross_entropy(p, q), rel=1e-13, abs_=1e-16, what="H(P,Q)")
    assert_close(kl_divergence(p, q), mp_kl(p, q), rel=1e-12, abs_=1e-16, what="D(P||Q)")


# ---------------------------------------------------------------------- conventions


def test_zero_log_zero_is_zero():
    assert entropy(arr([1.0, 0.0, 0.0])) == 0.0
    assert entropy(arr([0.5, 0.0, 0.5])) == pytest.approx(math.log(2.0), rel=1e-15)
    assert entropy(arr([1.0])) == 0.0


def test_term_with_p_zero_is_zero_even_where_q_is_zero():
    p, q = arr([0.5, 0.5, 0.0]), arr([0.5, 0.5, 0.0])
    assert cross_entropy(p, q) == pytest.approx(math.log(2.0), rel=1e-15)
    assert kl_divergence(p, q) == 0.0
    terms = kl_terms(p, q)
    assert terms[2] == 0.0
    np.testing.assert_array_equal(terms, [0.0, 0.0, 0.0])
    assert support_mismatch(p, q).size == 0


def test_infinite_exactly_where_p_positive_and_q_zero():
    p, q = arr([0.2, 0.3, 0.5, 0.0]), arr([0.25, 0.0, 0.25, 0.5])
    assert cross_entropy(p, q) == INF
    assert kl_divergence(p, q) == INF
    terms = kl_terms(p, q)
    assert terms[1] == INF
    assert np.all(np.isfinite(np.delete(terms, 1)))
    assert terms[3] == 0.0
    np.testing.assert_array_equal(support_mismatch(p, q), [1])
    assert cross_entropy(q, p) == INF  # q_3 > 0 with p_3 = 0
    np.testing.assert_array_equal(support_mismatch(q, p), [3])
    # JS stays finite even with disjoint parts of the supports
    assert math.isfinite(js_divergence(p, q))


def test_single_terms_may_be_negative_but_sum_is_not():
    p, q = arr([0.2, 0.8]), arr([0.5, 0.5])
    terms = kl_terms(p, q)
    assert terms[0] < 0 < terms[1]
    assert_close(terms[0], mp_term(0.2, 0.5), rel=1e-13, what="negative term")
    assert kl_divergence(p, q) > 0


def test_asymmetry():
    p, q = arr([0.9, 0.1]), arr([0.5, 0.5])
    forward, reverse = kl_divergence(p, q), kl_divergence(q, p)
    assert_close(forward, mp_kl(p, q), what="forward")
    assert_close(reverse, mp_kl(q, p), what="reverse")
    assert abs(forward - reverse) > 0.05


def test_kl_zero_iff_equal():
    p = arr([0.1, 0.2, 0.3, 0.4])
    assert kl_divergence(p, p) == 0.0
    assert kl_divergence(p, arr([0.1, 0.2, 0.4, 0.3])) > 0
    assert js_divergence(p, p) == pytest.approx(0.0, abs=1e-16)


def test_js_disjoint_is_log2():
    assert_close(js_divergence(arr([1.0, 0.0]), arr([0.0, 1.0])), math.log(2.0), rel=1e-15)
    assert_close(js_divergence(arr([0.5, 0.5, 0, 0]), arr([0, 0, 0.3, 0.7]), unit="bits"), 1.0, rel=1e-15)


def mp_js(p, q):
    with mpmath.workdps(50):
        m = [(mpmath.mpf(a) + mpmath.mpf(b)) / 2 for a, b in zip(p, q)]
        return (mp_kl(p, m) + mp_kl(q, m)) / 2


@pytest.mark.parametrize("p, q", [
    ([1.0, 0.0], [1.0, 5e-324]),  # true JS ~ 2e-324, not log 2
    ([0.3, 0.7, 0.0], [0.6, 0.4, 5e-324]),
])
def test_js_where_the_midpoint_underflows(p, q):
    # M = (P + Q)/2 rounds to 0 where p_i + q_i is the smallest subnormal: that term is finite
    # (q_i log 2 / 2), not infinite, so JS must not jump to its cap log 2. (Found by hypothesis.)
    p, q = arr(p), arr(q)
    ref = mp_js(p, q)
    for a, b in ((p, q), (q, p)):
        assert_close(js_divergence(a, b), ref, rel=1e-12, abs_=1e-300, what="js_divergence")
        m = discrete_measures(Categorical.from_weights(a), Categorical.from_weights(b))
        assert_close(m.js, ref, rel=1e-12, abs_=1e-300, what="discrete_measures().js")


# ------------------------------------------------------------------------------ units


def test_units_constant_and_convert():
    assert tuple(core.UNITS) == ("nats", "bits", "hartleys")
    assert core.convert(1.0, "nats") == 1.0
    assert_close(core.convert(1.0, "bits"), 1 / mpmath.log(2), rel=1e-15)
    assert_close(core.convert(2.5, "hartleys"), 2.5 / mpmath.log(10), rel=1e-15)
    assert core.convert(INF, "bits") == INF
    assert core.convert(math.log(2.0), "bits") == pytest.approx(1.0, rel=1e-15)
    assert core.convert(math.log(10.0), "hartleys") == pytest.approx(1.0, rel=1e-15)


@pytest.mark.parametrize("bad", ["furlongs", "", "dits"])
def test_unknown_unit_raises(bad):
    with pytest.raises(ValueError, match="(?i)unit|" + (bad.strip() or "unit")):
        core.convert(1.0, bad)
    with pytest.raises(ValueError):
        entropy(arr([0.5, 0.5]), unit=bad)
    with pytest.raises(ValueError):
        kl_divergence(arr([0.5, 0.5]), arr([0.5, 0.5]), unit=bad)


def test_value_in_base_b_is_nats_over_ln_b():
    p, q = arr([0.1, 0.6, 0.3]), arr([0.3, 0.3, 0.4])
    for f in (cross_entropy, kl_divergence, js_divergence):
        nats = f(p, q)
        assert f(p, q, unit="bits") == pytest.approx(nats / math.log(2), rel=1e-14)
        assert f(p, q, unit="hartleys") == pytest.approx(nats / math.log(10), rel=1e-14)
    assert entropy(arr([0.25] * 4), unit="bits") == pytest.approx(2.0, rel=1e-15)
    assert entropy(arr([0.1] * 10), unit="hartleys") == pytest.approx(1.0, rel=1e-14)
    assert kl_divergence(arr([1.0, 0.0]), arr([0.5, 0.5]), unit="bits") == pytest.approx(1.0, rel=1e-15)


# ------------------------------------------------------------ tricky cases vs mpmath


def test_tiny_probability_entropy():
    p = arr([1e-300, 1.0])  # sums to 1.0 in float64, to 1 + 1e-300 exactly
    with mpmath.workdps(400):  # exactly normalised: the second term -p log p = 1e-300 counts too
        total = mpmath.mpf(1e-300) + 1
        ref = -mpmath.fsum(x / total * mpmath.log(x / total) for x in (mpmath.mpf(1e-300), mpmath.mpf(1)))
    assert abs(ref - mpmath.mpf("6.9177552789821e-298")) < 1e-310
    assert_close(entropy(p), ref, rel=1e-12, what="H([1e-300, 1])")
    assert entropy(p) > 0


def test_tiny_probability_cross_entropy_and_kl():
    p, q = arr([0.5, 0.5]), arr([1e-300, 1.0])
    assert_close(cross_entropy(p, q), mp_cross_entropy(p, q), rel=1e-13, what="H(P,Q) tiny q")
    assert_close(kl_divergence(p, q), mp_kl(p, q), rel=1e-13, what="D(P||Q) tiny q")
    terms = kl_terms(p, q)
    assert_close(terms[0], mp_term(0.5, 1e-300), rel=1e-13, what="term tiny q")
    assert support_mismatch(p, q).size == 0


def test_tiny_probabilities_in_both():
    # KL ~ 1.15e-248, carried entirely by the tiny first element
    p, q = arr([1e-250, 1.0]), arr([1e-300, 1.0])
    assert_close(kl_divergence(p, q), mp_kl(p, q), rel=1e-12, what="D tiny/tiny")
    assert_close(cross_entropy(p, q), mp_cross_entropy(p, q), rel=1e-12, what="H(P,Q) tiny/tiny")
    assert_close(kl_terms(p, q)[0], mp_term(1e-250, 1e-300), rel=1e-12, what="term tiny/tiny")


def test_subnormal_q_is_positive_so_kl_is_finite():
    # q_0 = 1e-310 > 0 (subnormal): D must be finite (+inf only where q_i == 0);
    # p/q overflows float64, so the log-ratio must not be formed as log(p/q) naively.
    p, q = arr([0.5, 0.5]), arr([1e-310, 1.0])
    got = kl_divergence(p, q)
    assert math.isfinite(got)
    assert_close(got, mp_kl(p, q), rel=1e-12, what="D with subnormal q")
    assert_close(kl_terms(p, q)[0], mp_term(0.5, 1e-310), rel=1e-12, what="term subnormal q")
    assert_close(cross_entropy(p, q), mp_cross_entropy(p, q), rel=1e-12, what="H(P,Q) subnormal q")
    assert support_mismatch(p, q).size == 0


def test_near_equal_kl_computed_from_terms_not_entropy_difference():
    # Large entries equal, KL = 2e-20 ln 3 carried by tiny entries. H(P,Q) - H(P) would be
    # ln2 - ln2 = 0 (or 1e-16 noise); the sum of the terms is exact.
    p = arr([0.5, 0.5, 3e-20, 1e-20])
    q = arr([0.5, 0.5, 1e-20, 3e-20])
    ref = mp_kl(p, q)
    assert 1e-20 < ref < 1e-19
    assert_close(kl_divergence(p, q), ref, rel=1e-9, what="KL ~ 2e-20")
    assert_close(kl_divergence(q, p), mp_kl(q, p), rel=1e-9, what="reverse KL ~ 2e-20")
    assert_close(kl_divergence(p, q, unit="bits"), ref / mpmath.log(2), rel=1e-9, what="bits")


def test_near_equal_two_point_kl_relative_accuracy():
    # P = (1/2, 1/2), Q = (1/2 + d, 1/2 - d), d = 2^-33 exactly representable, so both sum to 1.
    # D = -1/2 log(1 - 4 d^2) ~ 2.7e-20; each term is ~ +-1.2e-10 and they cancel to first order,
    # so each term needs a relative error far below 1e-10: log(p/q) with p/q rounded to 1 ulp is
    # off by ~1e-16 absolute (~5e-7 relative) and the sum comes out 0 or negative. Forming the
    # log-ratio as log1p((p - q)/q), as scipy's rel_entr does, leaves ~2e-6 relative error in D.
    d = 2.0**-33
    p, q = arr([0.5, 0.5]), arr([0.5 + d, 0.5 - d])
    ref = mp_kl(p, q)
    assert 2e-20 < ref < 3e-20
    assert_close(np.sum(rel_entr(p, q)), ref, rel=1e-4, what="sanity: scipy reference")
    assert_close(kl_divergence(p, q), ref, rel=1e-4, what="two-point KL ~ 2.7e-20")
    assert_close(kl_divergence(q, p), mp_kl(q, p), rel=1e-4, what="reverse two-point KL")


def test_moderately_near_equal_kl():
    p = arr([0.3, 0.7])
    q = arr([0.3 + 1e-4, 0.7 - 1e-4])
    assert_close(kl_divergence(p, q), mp_kl(p, q), rel=1e-6, what="KL ~ 2.4e-8")


def test_kl_is_never_negative_after_rounding():
    # true KL of the float inputs is tiny; rounding may push a term-sum below 0: must be clamped
    d = 2.0**-30
    for p, q in [([0.5, 0.5], [0.5 + d, 0.5 - d]), ([0.5 - d, 0.5 + d], [0.5, 0.5])]:
        assert kl_divergence(arr(p), arr(q)) >= 0.0


# ------------------------------------------------------------------ discrete_measures


def _check_measures(m, p, q, unit):
    s = LN[unit]
    assert m.unit == unit
    assert_close(m.entropy_p, mp_entropy(p) / s, rel=1e-12, abs_=1e-16, what="entropy_p")
    assert_close(m.entropy_q, mp_entropy(q) / s, rel=1e-12, abs_=1e-16, what="entropy_q")
    assert_close(m.cross_entropy_pq, mp_cross_entropy(p, q) / s, rel=1e-12, abs_=1e-16, what="H(P,Q)")
    assert_close(m.cross_entropy_qp, mp_cross_entropy(q, p) / s, rel=1e-12, abs_=1e-16, what="H(Q,P)")
    assert_close(m.kl_pq, mp_kl(p, q) / s, rel=1e-12, abs_=1e-16, what="D(P||Q)")
    assert_close(m.kl_qp, mp_kl(q, p) / s, rel=1e-12, abs_=1e-16, what="D(Q||P)")
    assert_close(m.js, ref_js_nats(p, q) / s, rel=1e-10, abs_=1e-16, what="JS")
    for i in range(len(p)):
        assert_close(m.terms_pq[i], rel_entr(p[i], q[i]) / s, rel=1e-12, abs_=1e-16, what=f"terms_pq[{i}]")
        assert_close(m.terms_qp[i], rel_entr(q[i], p[i]) / s, rel=1e-12, abs_=1e-16, what=f"terms_qp[{i}]")
    np.testing.assert_array_equal(np.sort(m.mismatch_pq), np.flatnonzero((p > 0) & (q == 0)))
    np.testing.assert_array_equal(np.sort(m.mismatch_qp), np.flatnonzero((q > 0) & (p == 0)))


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
@pytest.mark.parametrize(
    "wp,wq",
    [
        ([1, 2, 7], [3, 3, 4]),
        ([0.5, 0.5, 0.0], [0.5, 0.0, 0.5]),
        ([10, 0, 30, 60], [25, 25, 25, 25]),
        ([1, 0], [0, 1]),
    ],
)
def test_discrete_measures_against_references(wp, wq, unit):
    P = Categorical.from_weights(wp, name="P")
    Q = Categorical.from_weights(wq, name="Q")
    p = np.asarray(wp, dtype=float) / np.sum(wp)
    q = np.asarray(wq, dtype=float) / np.sum(wq)
    m = discrete_measures(P, Q, unit=unit)
    _check_measures(m, p, q, unit)


def test_discrete_measures_is_frozen():
    import dataclasses

    m = discrete_measures(Categorical.from_weights([1, 1]), Categorical.from_weights([1, 3]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.kl_pq = 0.0  # type: ignore[misc]


def _softmax_case_reference():
    """Q = softmax([0, 1000]), P = [1, 0], everything at 50 digits."""
    with mpmath.workdps(50):
        e = mpmath.exp(-1000)
        q0, q1 = e / (1 + e), 1 / (1 + e)
        log_q0 = -1000 - mpmath.log1p(e)
        h_pq = -log_q0  # = 1000 + log(1 + e^-1000)
        m0, m1 = (1 + q0) / 2, q1 / 2
        js = (mpmath.log(1 / m0) + q0 * mpmath.log(q0 / m0) + q1 * mpmath.log(q1 / m1)) / 2
        h_q = -(q0 * log_q0 + q1 * mpmath.log(q1))
        return dict(h_pq=h_pq, js=js, h_q=h_q, q0_term=q0 * log_q0)


@pytest.mark.parametrize("unit", ["nats", "bits"])
def test_softmax_gap_1000_is_finite_and_exact(unit):
    s = LN[unit]
    Q = Categorical.from_logits([0.0, 1000.0], name="Q")
    P = Categorical.from_weights([1.0, 0.0], name="P")
    ref = _softmax_case_reference()
    assert float(ref["h_pq"]) == 1000.0  # 1000 + log(1 + e^-1000) rounds to 1000.0

    m = discrete_measures(P, Q, unit=unit)
    assert_close(m.cross_entropy_pq, ref["h_pq"] / s, rel=1e-15, what="H(P,Q) gap 1000")
    assert_close(m.kl_pq, ref["h_pq"] / s, rel=1e-15, what="D(P||Q) gap 1000")
    assert math.isfinite(m.cross_entropy_pq) and math.isfinite(m.kl_pq)
    assert m.cross_entropy_qp == INF
    assert m.kl_qp == INF
    assert m.entropy_p == 0.0
    assert_close(m.entropy_q, ref["h_q"] / s, rel=1e-12, abs_=1e-300, what="H(Q)")
    assert_close(m.js, ref["js"] / s, rel=1e-14, what="JS gap 1000")
    assert_close(m.terms_pq[0], ref["h_pq"] / s, rel=1e-15, what="terms_pq[0]")
    assert m.terms_pq[1] == 0.0
    assert m.terms_qp[1] == INF
    assert_close(m.terms_qp[0], ref["q0_term"] / s, rel=1e-12, abs_=1e-300, what="terms_qp[0]")
    # the index reports must agree with the (in)finiteness of the divergences
    assert m.mismatch_pq.size == 0, "D(P||Q) is finite, so no p>0 / q=0 index may be reported"
    np.testing.assert_array_equal(m.mismatch_qp, [1])
