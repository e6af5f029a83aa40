"""klviz.scene.discrete without Qt, against references written independently (scipy, mpmath,
brute force): the measures, the readouts and their reasons, the pointwise bars, the sampling."""

import math

import mpmath
import numpy as np
import pytest
from scipy import stats

from klviz.scene import discrete as sdisc
from klviz.state.discrete import DiscreteState

LN2 = math.log(2.0)


def _state(p, q, labels=None):
    labels = labels or [chr(65 + i) for i in range(len(p))]
    return DiscreteState(tuple(labels), np.array(p, float), np.array(q, float))


def _mp_terms(p, q):
    """p_i log(p_i/q_i) in mpmath (0 where p_i = 0, +inf where q_i = 0 < p_i)."""
    out = []
    for a, b in zip(p, q):
        if a == 0:
            out.append(0.0)
        elif b == 0:
            out.append(math.inf)
        else:
            out.append(float(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))))
    return np.array(out)


@pytest.mark.parametrize("unit, base", [("nats", 1.0), ("bits", LN2), ("hartleys", math.log(10.0))])
def test_measures_match_scipy(unit, base):
    p, q = [0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.4, 0.1]
    m = sdisc.measures(_state(p, q), unit)
    assert m.entropy_p == pytest.approx(stats.entropy(p) / base, rel=1e-12)
    assert m.entropy_q == pytest.approx(stats.entropy(q) / base, rel=1e-12)
    assert m.kl_pq == pytest.approx(stats.entropy(p, q) / base, rel=1e-12)
    assert m.kl_qp == pytest.approx(stats.entropy(q, p) / base, rel=1e-12)
    assert m.cross_entropy_pq == pytest.approx(-sum(a * math.log(b) for a, b in zip(p, q)) / base, rel=1e-12)
    mix = 0.5 * (np.array(p) + np.array(q))
    assert m.js == pytest.approx(0.5 * (stats.entropy(p, mix) + stats.entropy(q, mix)) / base, rel=1e-12)


def test_readouts_values_and_reasons_for_infinity():
    p, q = [0.5, 0.5, 0.0, 0.0], [0.25, 0.0, 0.25, 0.5]
    st = _state(p, q, ["cat", "dog", "emu", "fox"])
    m = sdisc.measures(st, "nats")
    r = sdisc.readouts(st.labels, m)
    assert set(r.values) == set(sdisc.READOUT_KEYS)
    assert math.isinf(r.values["kl_pq"]) and math.isinf(r.values["cross_entropy_pq"])
    assert math.isinf(r.values["kl_qp"])
    assert r.reasons["kl_pq"] == r.reasons["cross_entropy_pq"] == "Q(dog) = 0 where P(dog) > 0"
    assert r.reasons["kl_qp"] == "P(emu, fox) = 0 where Q(emu, fox) > 0"
    assert "entropy_p" not in r.reasons and "js" not in r.reasons
    assert r.values["js"] == pytest.approx(
        0.5 * (stats.entropy(p, np.add(p, q) / 2) + stats.entropy(q, np.add(p, q) / 2)), rel=1e-12)


def test_readouts_without_infinity_give_no_reasons():
    st = _state([0.6, 0.4], [0.5, 0.5])
    assert sdisc.readouts(st.labels, sdisc.measures(st, "bits")).reasons == {}


@pytest.mark.parametrize("p, q", [
    ([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.4, 0.1]),
    ([0.5, 0.5, 0.0], [0.0, 0.5, 0.5]),        # an infinite term each way, a zero term
    ([0.7, 0.1, 0.1, 0.1], [0.7, 0.1, 0.1, 0.1]),  # every term 0
])
def test_pointwise_bars(p, q):
    st = _state(p, q)
    m = sdisc.measures(st, "bits")
    pw = sdisc.pointwise(st.n, m)
    ref_pq, ref_qp = _mp_terms(p, q) / LN2, _mp_terms(q, p) / LN2
    finite = [t for t in np.concatenate([ref_pq, ref_qp, [0.0]]) if math.isfinite(t)]
    lo, hi = min(finite), max(finite)
    span = max(hi - lo, 1e-9)
    assert pw.top == pytest.approx(hi + 0.15 * span, abs=1e-12)
    for heights, ref in ((pw.heights_pq, ref_pq), (pw.heights_qp, ref_qp)):
        expect = np.where(np.isinf(ref), pw.top, ref)
        np.testing.assert_allclose(heights, expect, rtol=1e-10, atol=1e-15)
    np.testing.assert_array_equal(pw.x_pq, np.arange(st.n) - 0.2)
    np.testing.assert_array_equal(pw.x_qp, np.arange(st.n) + 0.2)
    assert pw.infinite_pq == [i - 0.2 for i in range(st.n) if math.isinf(ref_pq[i])]
    assert pw.infinite_qp == [i + 0.2 for i in range(st.n) if math.isinf(ref_qp[i])]
    # the y range holds every bar and the zero line, in round numbers
    y0, y1 = pw.y_range
    assert y0 <= min(0.0, lo) and y1 >= pw.top
    assert y1 == pytest.approx(float(f"{y1:.2g}"))
    kl = float(mpmath.fsum(ref_pq)) if all(map(math.isfinite, ref_pq)) else math.inf
    assert pw.kl_pq_text == ("∞" if math.isinf(kl) else f"{kl:#.4g}".rstrip("."))


def test_sampling_estimate_tends_to_the_divergence():
    st = _state([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.4, 0.1])
    idx, ratios = sdisc.sample_log_ratios(st, 20000, np.random.default_rng(7))
    p, q = st.p, st.q
    np.testing.assert_allclose(ratios, np.log(p[idx] / q[idx]), rtol=1e-12)
    est = sdisc.running_estimate(ratios, "bits")
    np.testing.assert_allclose(est, np.cumsum(ratios) / np.arange(1, ratios.size + 1) / LN2, rtol=1e-9)
    assert est[-1] == pytest.approx(stats.entropy(p, q, base=2), abs=0.02)


def test_code_lengths_are_minus_log_q():
    st = _state([0.25, 0.75], [0.125, 0.875])
    np.testing.assert_allclose(sdisc.code_lengths(st, "bits"), [3.0, -math.log2(0.875)], rtol=1e-12)
