"""Code lengths (klviz.core.codes) against exact and brute-force references.

Shannon lengths are compared with the smallest l such that 2^-l <= q_i, in exact rational
arithmetic; Huffman codes with the best prefix code found by enumerating every length vector that
satisfies Kraft's inequality; entropies and cross-entropies with mpmath.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy.stats import entropy as sp_entropy

from klviz.core import Categorical
from klviz.core.codes import (
    MAX_MESSAGE,
    canonical_code,
    code_lengths,
    coding_picture,
    expected_length,
    huffman_code,
    huffman_lengths,
    ideal_lengths,
    kraft_sum,
    send_message,
    shannon_length,
    shannon_lengths,
)

PROPS = settings(max_examples=120, deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])


def exact_dist(w):
    fr = [Fraction(float(x)) for x in w]
    total = sum(fr)
    return [f / total for f in fr]


def ref_shannon(w):
    """Smallest l >= 0 with 2^-l <= q_i (exactly), None where q_i = 0."""
    out = []
    for r in exact_dist(w):
        if r == 0:
            out.append(None)
            continue
        length = 0
        while Fraction(1, 2**length) > r:
            length += 1
        out.append(length)
    return out


def mp_bits(terms):
    return mpmath.fsum(terms) / mpmath.log(2)


def mp_entropy_bits(w):
    return mp_bits(-mpmath.mpf(r.numerator) / r.denominator * mpmath.log(mpmath.mpf(r.numerator) / r.denominator)
                   for r in exact_dist(w) if r > 0)


def mp_cross_entropy_bits(wp, wq):
    p, q = exact_dist(wp), exact_dist(wq)
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return mp_bits(-mpmath.mpf(a.numerator) / a.denominator * mpmath.log(mpmath.mpf(b.numerator) / b.denominator)
                   for a, b in zip(p, q) if a > 0)


def brute_force_optimum(w):
    """min Σ r_i l_i over all length vectors with Σ 2^-l_i <= 1 (r_i > 0 only), exactly."""
    r = [x for x in exact_dist(w) if x > 0]
    n = len(r)
    if n == 1:
        return Fraction(0)
    best = None
    for lengths in itertools.product(range(1, n), repeat=n):
        if sum(Fraction(1, 2**l) for l in lengths) <= 1:
            value = sum(a * l for a, l in zip(r, lengths))
            best = value if best is None or value < best else best
    return best


def is_prefix_free(words):
    words = [w for w in words if w is not None]
    return all(not b.startswith(a) for a, b in itertools.permutations(words, 2))


# ------------------------------------------------------------------------ Shannon lengths


def test_shannon_lengths_at_powers_of_two():
    assert list(shannon_lengths([0.25, 0.25, 0.5])) == [2, 2, 1]
    assert list(shannon_lengths([1.0])) == [0]
    assert list(shannon_lengths([0.5, 0.5, 0.0])) == [1, 1, math.inf]
    assert list(shannon_lengths([1, 1, 2])) == [2, 2, 1]  # weights, normalised exactly
    assert list(shannon_lengths([0.1, 0.1, 0.2])) == [2, 2, 1]  # 0.1 + 0.1 + 0.2 is exactly 4 × 0.1
    assert shannon_lengths([2.0**-50, 1.0 - 2.0**-50])[0] == 50
    # a hair either side of 1/4: the exact value decides
    below, above = np.nextafter(0.25, 0.0), np.nextafter(0.25, 1.0)
    assert shannon_lengths([below, 1.0 - below])[0] == 3
    assert shannon_lengths([above, 1.0 - above])[0] == 2
    # a softmax whose smallest probability underflowed: the length comes from its logarithm
    q = Categorical.from_logits([0.0, -1000.0])
    assert q.probs[1] == 0.0 and shannon_lengths(q)[1] == math.ceil(1000 / math.log(2))


weights = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1.0), st.sampled_from([0.125, 0.25, 0.5, 1.0, 3.0])),
                   min_size=1, max_size=8).filter(lambda w: any(x > 0 for x in w))


@PROPS
@given(weights)
@example([0.25, 0.25, 0.25, 0.25])
@example([3.0, 3.0, 6.0, 12.0])
def test_shannon_lengths_exact(w):
    got = shannon_lengths(w)
    for g, e in zip(got, ref_shannon(w)):
        assert (g == math.inf) if e is None else g == e, (w, list(got))
    assert kraft_sum(got) <= 1.0


@PROPS
@given(weights, weights)
def test_shannon_length_bounds(wp, wq):
    n = min(len(wp), len(wq))
    wp, wq = wp[:n], wq[:n]
    if not any(x > 0 for x in wp) or not any(x > 0 for x in wq):
        return
    length = shannon_length(wp, wq)
    with mpmath.workdps(40):
        h = mp_cross_entropy_bits(wp, wq)
        if h == mpmath.inf:  # +inf iff some p_i > 0 has q_i = 0
            assert length == math.inf
            assert any(a > 0 and b == 0 for a, b in zip(wp, wq))
            return
        assert h - 1e-12 <= length < h + 1


# ------------------------------------------------------------------------ Huffman

small = st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 1.0), st.sampled_from([0.1, 0.2, 0.25, 0.5])),
                 min_size=1, max_size=6).filter(lambda w: any(x > 0 for x in w))


@PROPS
@given(small)
@example([0.4, 0.2, 0.2, 0.1, 0.1])
@example([1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
@example([0.0, 0.7, 0.0])
def test_huffman_is_optimal(w):
    code = huffman_code(w)
    r = exact_dist(w)
    expected = sum(a * int(l) for a, l in zip(r, code.lengths) if a > 0)
    assert expected == brute_force_optimum(w), (w, list(code.lengths))
    assert all((l == math.inf) == (a == 0) for a, l in zip(r, code.lengths))
    assert is_prefix_free(code.words)
    assert all(len(word) == l for word, l in zip(code.words, code.lengths) if word is not None)
    assert code.kraft == 1.0  # a full tree (or a single word of length 0: 2^0)
    with mpmath.workdps(40):
        h = mp_entropy_bits(w)
        assert h - 1e-12 <= code.expected_length < h + 1
    assert code.expected_length == pytest.approx(float(expected), rel=1e-15)


def test_huffman_ties_are_deterministic_and_words_canonical():
    code = huffman_code([0.4, 0.2, 0.2, 0.1, 0.1])
    assert list(code.lengths) == [2, 2, 2, 3, 3]  # leaves before merged nodes: minimum variance
    assert code.words == ("00", "01", "10", "110", "111")
    assert huffman_code([0.4, 0.2, 0.2, 0.1, 0.1]).words == code.words
    # the words stay while a drag changes probabilities but not lengths
    before, after = huffman_code([0.5, 0.25, 0.125, 0.125]), huffman_code([0.52, 0.24, 0.12, 0.12])
    assert list(before.lengths) == list(after.lengths) == [1, 2, 3, 3]
    assert before.words == after.words == ("0", "10", "110", "111")
    assert huffman_code([0.0, 1.0, 0.0]).words == (None, "", None)
    assert huffman_code([2.0, 0.0]).expected_length == 0.0  # one possible symbol: 0 bits
    assert list(huffman_lengths([1.0, 1.0])) == [1, 1]


def test_canonical_code_and_kraft():
    assert canonical_code([1, 2, 3, 3]) == ("0", "10", "110", "111")
    assert canonical_code([3, 1, math.inf, 3, 2]) == ("110", "0", None, "111", "10")
    assert kraft_sum([1, 2, 3, 3]) == 1.0
    assert kraft_sum([2, 2, 2]) == 0.75
    assert kraft_sum([60, 60]) == 2.0**-59
    with pytest.raises(ValueError, match="Kraft"):
        canonical_code([1, 1, 2])
    for bad in ([1.5, 2], [-1, 2], [], [[1, 2]], [math.nan]):
        with pytest.raises(ValueError, match="code lengths"):
            kraft_sum(bad)
    shannon = shannon_lengths([0.3, 0.3, 0.2, 0.2])
    assert is_prefix_free(canonical_code(shannon))


def test_code_lengths_for_the_command_line():
    p, q = [0.5, 0.25, 0.25, 0.0], [0.125, 0.125, 0.25, 0.5]
    out = code_lengths(p, q)
    assert set(out) == {"shannon_length_pq_bits", "shannon_length_pp_bits", "huffman_length_pp_bits",
                        "huffman_length_qq_bits"}
    assert out["shannon_length_pq_bits"] == pytest.approx(0.5 * 3 + 0.25 * 3 + 0.25 * 2)
    assert out["shannon_length_pp_bits"] == pytest.approx(1.5)  # dyadic P: L = H(P)
    assert out["huffman_length_pp_bits"] == pytest.approx(1.5)
    assert out["huffman_length_qq_bits"] == pytest.approx(sp_entropy(q, base=2))
    assert code_lengths([0.5, 0.5], [1.0, 0.0])["shannon_length_pq_bits"] == math.inf


# ------------------------------------------------------------------------ the area picture


def test_coding_picture_areas():
    p, q = [0.5, 0.3, 0.2, 0.0], [0.2, 0.3, 0.4, 0.1]
    pic = coding_picture(p, q)
    mask = np.array(p) > 0
    area = lambda heights: float(np.sum(pic.widths[mask] * heights[mask]))  # noqa: E731
    assert list(pic.left) == pytest.approx([0.0, 0.5, 0.8, 1.0])
    assert area(pic.ideal_p) == pytest.approx(sp_entropy(p, base=2), rel=1e-14)
    assert area(pic.ideal_q) == pytest.approx(sp_entropy(p, base=2) + sp_entropy(p, q, base=2), rel=1e-14)
    assert area(pic.shannon_q) == pytest.approx(pic.shannon_length_bits, rel=1e-15)
    assert area(pic.huffman_q) == pytest.approx(pic.huffman_length_bits, rel=1e-15)
    assert pic.kl_bits == pytest.approx(sp_entropy(p, q, base=2), rel=1e-14)
    assert float(np.sum(pic.extra)) == pytest.approx(pic.kl_bits, rel=1e-14)
    assert pic.extra[1] == 0.0 and pic.extra[0] > 0 > pic.extra[2] and pic.extra[3] == 0.0  # signed
    assert pic.ideal_p[3] == math.inf and math.isfinite(pic.ideal_q[3])
    assert list(ideal_lengths(q)) == pytest.approx([-math.log2(x) for x in q])
    assert pic.huffman_words_q == huffman_code(q).words
    assert pic.huffman_length_pp_bits == pytest.approx(huffman_code(p).expected_length)
    # a symbol P needs that Q lacks: infinite lengths, and the column says so
    pic = coding_picture([0.5, 0.5], [1.0, 0.0])
    assert pic.extra[1] == math.inf and pic.shannon_length_bits == math.inf and pic.huffman_q[1] == math.inf


# ------------------------------------------------------------------------ sending a message


def decode(bits, words):
    table = {w: i for i, w in enumerate(words) if w is not None}
    out, cur = [], ""
    for b in bits:
        cur += b
        if cur in table:
            out.append(table[cur])
            cur = ""
    assert cur == ""
    return out


def test_send_message_small_is_decodable_and_counted():
    p, q = [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]
    m = send_message(p, q, 200, np.random.default_rng(1))
    words = huffman_code(q).words
    assert decode(m.bits, words) == list(m.symbols)
    assert len(m.bits) == m.huffman_bits
    assert list(np.bincount(m.symbols, minlength=3)) == list(m.counts)
    assert m.shannon_bits == sum(int(c) * int(l) for c, l in zip(m.counts, shannon_lengths(q)))
    assert m.cross_entropy_bits == pytest.approx(200 * (sp_entropy(p, base=2) + sp_entropy(p, q, base=2)))
    assert m.entropy_bits == pytest.approx(200 * sp_entropy(p, base=2))
    again = send_message(p, q, 200, np.random.default_rng(1))
    assert again.bits == m.bits  # the same Generator state gives the same message


def test_send_message_large_counts_lengths_only():
    p, q = [0.5, 0.3, 0.2], [0.2, 0.3, 0.5]
    n = 1_000_000
    m = send_message(p, q, n, np.random.default_rng(2), max_bits=10_000)
    assert m.bits is None and m.symbols is None and m.counts.sum() == n
    per_symbol = expected_length(p, huffman_lengths(q))
    lengths = huffman_lengths(q)
    sd = math.sqrt(sum(a * (l - per_symbol) ** 2 for a, l in zip(p, lengths)) * n)
    assert abs(m.huffman_bits - n * per_symbol) < 5 * sd  # the law of large numbers
    # no prefix code beats the entropy: not even of the message's own symbol frequencies
    assert m.huffman_bits >= n * sp_entropy(m.counts / n, base=2)
    assert m.shannon_bits >= m.cross_entropy_bits * 0.99


def test_send_message_edge_cases():
    rng = np.random.default_rng(3)
    one = send_message([0.0, 1.0], [0.0, 1.0], 50, rng)
    assert one.bits == "" and one.huffman_bits == 0 and one.shannon_bits == 0  # one symbol: 0 bits
    missing = send_message([0.5, 0.5], [1.0, 0.0], 50, rng)
    assert missing.huffman_bits is None and missing.shannon_bits is None and missing.unencodable == (1,)
    assert missing.cross_entropy_bits == math.inf
    empty = send_message([0.5, 0.5], [0.5, 0.5], 0, rng)
    assert empty.bits == "" and empty.huffman_bits == 0 and empty.cross_entropy_bits == 0.0
    with pytest.raises(ValueError, match="n must be"):
        send_message([0.5, 0.5], [0.5, 0.5], MAX_MESSAGE + 1, rng)
    with pytest.raises(ValueError, match="n must be"):
        send_message([0.5, 0.5], [0.5, 0.5], -1, rng)
    with pytest.raises(TypeError, match="n must be a whole number"):
        send_message([0.5, 0.5], [0.5, 0.5], 2.5, rng)
    with pytest.raises(TypeError, match="Generator"):
        send_message([0.5, 0.5], [0.5, 0.5], 5, 42)


@pytest.mark.parametrize("bad, error, words", [
    ([0.5, float("nan")], ValueError, "NaN"),
    ([0.5, -0.1], ValueError, "negative"),
    ([], ValueError, "empty"),
    ([[0.5, 0.5]], ValueError, "1-D"),
    ("abc", TypeError, "list of numbers"),
])
def test_bad_input(bad, error, words):
    for f in (shannon_lengths, huffman_code, ideal_lengths, lambda r: shannon_length(r, [0.5, 0.5]),
              lambda r: coding_picture([0.5, 0.5], r)):
        with pytest.raises(error, match=words):
            f(bad)
    with pytest.raises(ValueError, match="different lengths"):
        code_lengths([0.5, 0.5], [0.2, 0.3, 0.5])
