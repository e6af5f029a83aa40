"""Property-based checks (hypothesis) of the information-theoretic identities in MATH.md."""

from __future__ import annotations

import math

import mpmath
import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as sp_entropy

from klviz.core import Categorical, Mixture, Normal
from klviz.core.discrete import (
    cross_entropy,
    discrete_measures,
    entropy,
    js_divergence,
    kl_divergence,
    kl_terms,
    support_mismatch,
)
from klviz.core.gaussian import (
    continuous_cross_entropy,
    continuous_kl,
    differential_entropy,
    normal_cross_entropy,
    normal_entropy,
    normal_kl,
)

LN2, LN10 = math.log(2.0), math.log(10.0)
LOG2 = math.log(2.0)

PROPS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# ------------------------------------------------------------------------ strategies

weight = st.one_of(
    st.just(0.0),
    st.floats(min_value=0.0, max_value=1.0),  # includes subnormals
    st.floats(min_value=1e-300, max_value=1e6),
    st.sampled_from([1e-300, 1e-20, 1e-10, 0.5, 1.0, 3.0]),
)


def _normalise(w):
    w = np.asarray(w, dtype=float)
    if not np.any(w > 0):
        w[0] = 1.0
    return w / np.sum(w)


@st.composite
def prob_pairs(draw, max_size=12):
    n = draw(st.integers(min_value=1, max_value=max_size))
    p = _normalise(draw(st.lists(weight, min_size=n, max_size=n)))
    q = _normalise(draw(st.lists(weight, min_size=n, max_size=n)))
    return p, q


@st.composite
def prob_pair_and_perm(draw):
    p, q = draw(prob_pairs())
    perm = draw(st.permutations(list(range(len(p)))))
    return p, q, np.array(perm, dtype=int)


def term_scale(p, q):
    """Sum of |terms| a summation of the KL terms can lose digits against."""
    with np.errstate(divide="ignore"):
        s = float(np.sum(np.abs(rel_entr(p, q))))
    return s if math.isfinite(s) else 0.0


# ------------------------------------------------------------------ discrete properties


@PROPS
@given(prob_pairs())
@example((np.array([0.5, 0.5, 0.0]), np.array([0.5, 0.0, 0.5])))
@example((np.array([1.0, 0.0]), np.array([0.0, 1.0])))
@example((np.array([0.5, 0.5]), np.array([1e-310, 1.0])))
def test_gibbs_and_no_nan(pq):
    p, q = pq
    d = kl_divergence(p, q)
    assert not math.isnan(d)
    assert d >= 0.0
    for v in (entropy(p), entropy(q), cross_entropy(p, q), cross_entropy(q, p), kl_divergence(q, p), js_divergence(p, q)):
        assert not math.isnan(v)
        assert v >= 0.0
    t = kl_terms(p, q)
    assert not np.any(np.isnan(t))
    assert t.shape == p.shape
    # +inf exactly where p_i > 0 = q_i; 0 where p_i = 0
    np.testing.assert_array_equal(np.isposinf(t), (p > 0) & (q == 0))
    assert np.all(t[p == 0] == 0.0)
    assert not np.any(np.isneginf(t))


@PROPS
@given(prob_pairs())
def test_decomposition_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    h_pq, h_p, d = cross_entropy(p, q), entropy(p), kl_divergence(p, q)
    mismatch = support_mismatch(p, q)
    assert math.isfinite(h_pq) == math.isfinite(d) == (mismatch.size == 0)
    if math.isfinite(h_pq):
        assert abs(h_pq - (h_p + d)) <= 1e-9 * (abs(h_pq) + abs(h_p)) + 1e-12
    else:
        assert h_pq == d == math.inf


def mp_js(p, q):
    """JS in nats at 50 digits, M = (P + Q)/2 formed exactly."""
    with mpmath.workdps(50):
        total = mpmath.mpf(0)
        for a, b in zip(p, q):
            a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
            m = (a + b) / 2
            total += sum(x * mpmath.log(x / m) for x in (a, b) if x > 0) / 2
        return float(total)


@PROPS
@given(prob_pairs())
# found by hypothesis 6.100 (the declared floor): p_i / q_i overflows, and M underflows to 0
@example((np.array([0.0, 0.0, 0.0, 0.0, 1.0, 0.0]), np.array([0.0, 0.0, 0.0, 0.0, 5e-324, 1.0])))
@example((np.array([1.0, 0.0]), np.array([1.0, 5e-324])))
def test_against_scipy(pq):
    p, q = pq
    scale = term_scale(p, q)
    ref = float(np.sum(rel_entr(p, q)))
    d = kl_divergence(p, q)
    if math.isinf(ref):
        assert d == math.inf
    else:
        assert abs(d - max(ref, 0.0)) <= 1e-12 * (1.0 + scale)
    assert abs(entropy(p) - sp_entropy(p)) <= 1e-12 * (1.0 + sp_entropy(p))
    with np.errstate(invalid="ignore"):  # scipy takes sqrt of its JS, which can round to -1e-17
        js_ref = float(jensenshannon(p, q)) ** 2
    if not math.isfinite(js_ref):  # scipy's own M = (P + Q)/2 underflowed, or its JS rounded below 0
        js_ref = mp_js(p, q)
    assert abs(js_divergence(p, q) - js_ref) <= 1e-10


@PROPS
@given(prob_pairs())
def test_kl_terms_sum_to_kl(pq):
    p, q = pq
    t = kl_terms(p, q)
    d = kl_divergence(p, q)
    if np.any(np.isinf(t)):
        assert d == math.inf
    else:
        assert abs(d - max(math.fsum(t), 0.0)) <= 1e-12 * (1.0 + float(np.sum(np.abs(t))))


@PROPS
@given(prob_pairs())
def test_self_divergence_is_zero(pq):
    p, _ = pq
    assert abs(kl_divergence(p, p)) <= 1e-12
    assert abs(js_divergence(p, p)) <= 1e-12
    assert abs(cross_entropy(p, p) - entropy(p)) <= 1e-12 * (1 + entropy(p))


@PROPS
@given(prob_pair_and_perm())
def test_invariance_under_joint_permutation(pqp):
    p, q, perm = pqp
    pp, qp = p[perm], q[perm]
    scale = term_scale(p, q) + term_scale(q, p)

    def same(a, b, rel=1e-12):
        if math.isinf(a) or math.isinf(b):
            return a == b
        return abs(a - b) <= rel * (1.0 + scale + abs(a))

    assert same(entropy(p), entropy(pp))
    assert same(cross_entropy(p, q), cross_entropy(pp, qp))
    assert same(kl_divergence(p, q), kl_divergence(pp, qp))
    assert same(kl_divergence(q, p), kl_divergence(qp, pp))
    assert same(js_divergence(p, q), js_divergence(pp, qp), rel=1e-10)
    np.testing.assert_array_equal(np.sort(perm[support_mismatch(pp, qp)]), np.sort(support_mismatch(p, q)))
    t, tp = kl_terms(p, q), kl_terms(pp, qp)
    np.testing.assert_array_equal(t[perm], tp)


@PROPS
@given(prob_pairs())
def test_unit_conversion_consistency(pq):
    p, q = pq
    for f, args in (
        (entropy, (p,)),
        (cross_entropy, (p, q)),
        (kl_divergence, (p, q)),
        (js_divergence, (p, q)),
    ):
        nats = f(*args)
        bits = f(*args, unit="bits")
        hart = f(*args, unit="hartleys")
        if math.isinf(nats):
            assert bits == hart == math.inf
            continue
        assert abs(bits - nats / LN2) <= 1e-14 * abs(bits) + 1e-300
        assert abs(hart - nats / LN10) <= 1e-14 * abs(hart) + 1e-300
    tn, tb = kl_terms(p, q), kl_terms(p, q, unit="bits")
    finite = np.isfinite(tn)
    np.testing.assert_array_equal(np.isposinf(tb), np.isposinf(tn))
    np.testing.assert_allclose(tb[finite], tn[finite] / LN2, rtol=1e-14, atol=1e-300)


@PROPS
@given(prob_pairs(max_size=40))
@example((np.full(7, 1 / 7), np.full(7, 1 / 7)))
@example((np.full(1, 1.0), np.full(1, 1.0)))
def test_entropy_bounds(pq):
    p, _ = pq
    n = len(p)
    h = entropy(p)
    assert 0.0 <= h <= math.log(n) * (1 + 1e-14)
    assert 0.0 <= entropy(p, unit="bits") <= math.log2(n) * (1 + 1e-14)


@PROPS
@given(prob_pairs())
@example((np.array([1.0, 0.0]), np.array([0.0, 1.0])))
@example((np.array([1.0, 0.0, 0.0]), np.array([0.0, 0.5, 0.5])))
def test_js_bounds_and_symmetry(pq):
    p, q = pq
    js = js_divergence(p, q)
    assert 0.0 <= js <= LOG2
    assert 0.0 <= js_divergence(p, q, unit="bits") <= 1.0
    assert abs(js - js_divergence(q, p)) <= 1e-12


# ------------------------------------------------ discrete_measures on Categoricals


@st.composite
def categorical_pairs(draw):
    n = draw(st.integers(min_value=1, max_value=8))

    def one():
        if draw(st.booleans()):
            z = draw(st.lists(st.floats(min_value=-1000, max_value=1000), min_size=n, max_size=n))
            return Categorical.from_logits(z)
        w = draw(st.lists(weight, min_size=n, max_size=n))
        if not any(v > 0 for v in w):
            w[0] = 1.0
        return Categorical.from_weights(w)

    return one(), one()


@PROPS
@given(categorical_pairs())
def test_discrete_measures_identities(PQ):
    P, Q = PQ
    m = discrete_measures(P, Q)
    for name in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js"):
        v = getattr(m, name)
        assert not math.isnan(v), name
        assert v >= 0.0, name
    assert m.js <= LOG2
    assert not np.any(np.isnan(m.terms_pq)) and not np.any(np.isnan(m.terms_qp))
    for h_x, h_xy, d_xy, mism in (
        (m.entropy_p, m.cross_entropy_pq, m.kl_pq, m.mismatch_pq),
        (m.entropy_q, m.cross_entropy_qp, m.kl_qp, m.mismatch_qp),
    ):
        assert math.isfinite(h_xy) == math.isfinite(d_xy) == (len(mism) == 0)
        if math.isfinite(h_xy):
            assert abs(h_xy - (h_x + d_xy)) <= 1e-9 * (h_xy + h_x) + 1e-12
    mb = discrete_measures(P, Q, unit="bits")
    for name in ("entropy_p", "cross_entropy_pq", "kl_pq", "kl_qp", "js"):
        a, b = getattr(m, name), getattr(mb, name)
        assert (a == b == math.inf) or abs(b - a / LN2) <= 1e-14 * abs(b) + 1e-300, name


# ----------------------------------------------------------------- Normal properties

mus = st.floats(min_value=-1e3, max_value=1e3)
sigmas = st.floats(min_value=1e-3, max_value=1e3)


def mp_normal_kl(mu_p, s_p, mu_q, s_q):
    with mpmath.workdps(50):
        mu_p, s_p, mu_q, s_q = map(mpmath.mpf, (mu_p, s_p, mu_q, s_q))
        # variance part and mean part summed separately, so a tiny (mu_p - mu_q)^2 is not lost
        # next to sigma_p^2 even at 50 digits
        variance_part = mpmath.log(s_q / s_p) + (s_p**2 / s_q**2 - 1) / 2
        return variance_part + (mu_p - mu_q) ** 2 / (2 * s_q**2)


@PROPS
@given(mus, sigmas, mus, sigmas)
def test_normal_gibbs_and_decomposition(mu_p, s_p, mu_q, s_q):
    d = normal_kl(mu_p, s_p, mu_q, s_q)
    h = normal_entropy(s_p)
    ce = normal_cross_entropy(mu_p, s_p, mu_q, s_q)
    assert math.isfinite(d) and math.isfinite(h) and math.isfinite(ce)
    assert d >= 0.0
    assert abs(ce - (h + d)) <= 1e-9 * (abs(ce) + abs(h) + d) + 1e-12
    assert normal_kl(mu_p, s_p, mu_p, s_p) == 0.0 or abs(normal_kl(mu_p, s_p, mu_p, s_p)) <= 1e-12
    assert continuous_kl(Normal(mu_p, s_p), Normal(mu_q, s_q)) >= 0.0


@PROPS
@given(mus, sigmas, mus, sigmas)
def test_normal_kl_vs_mpmath(mu_p, s_p, mu_q, s_q):
    ref = mp_normal_kl(mu_p, s_p, mu_q, s_q)
    got = normal_kl(mu_p, s_p, mu_q, s_q)
    if ref == 0:
        assert got == 0.0
    else:
        # 1e-300: D below the float range (e.g. dmu^2 ~ 1e-616) legitimately rounds to 0
        assert abs(mpmath.mpf(got) - ref) <= 1e-9 * ref + 1e-300, (got, ref)


@PROPS
@given(mus, sigmas, st.floats(min_value=-1e-8, max_value=1e-8), st.floats(min_value=-1e-8, max_value=1e-8))
def test_normal_kl_near_equal_sigmas_vs_mpmath(mu_p, s_p, eps, dmu):
    s_q = s_p * (1.0 + eps)
    mu_q = mu_p + dmu * s_p
    ref = mp_normal_kl(mu_p, s_p, mu_q, s_q)
    got = normal_kl(mu_p, s_p, mu_q, s_q)
    assert got >= 0.0
    if ref == 0:
        assert got == 0.0
    else:
        # 1e-300: D below the float range (e.g. dmu^2 ~ 1e-616) legitimately rounds to 0
        assert abs(mpmath.mpf(got) - ref) <= 1e-9 * ref + 1e-300, (got, ref)


# ---------------------------------------------------------- mixture properties (few)

mix_sigmas = st.floats(min_value=0.05, max_value=20.0)
mix_mus = st.floats(min_value=-10.0, max_value=10.0)
mixtures = st.builds(Mixture.from_params, st.floats(min_value=0.0, max_value=1.0), mix_mus, mix_sigmas, mix_mus, mix_sigmas)
continuous = st.one_of(mixtures, st.builds(Normal, mix_mus, mix_sigmas))


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(continuous, mixtures)
def test_mixture_gibbs_and_decomposition(P, Q):
    for A, B in ((P, Q), (Q, P)):
        d = continuous_kl(A, B)
        h = differential_entropy(A)
        ce = continuous_cross_entropy(A, B)
        assert all(math.isfinite(v) for v in (d, h, ce))
        assert d >= 0.0
        assert abs(ce - (h + d)) <= 1e-6 * (abs(ce) + abs(h)) + 1e-9
    assert abs(continuous_kl(Q, Q)) <= 1e-9
