"""The Coding scene against independent references: an optimal prefix code found by exhaustive
search (n ≤ 5), Kraft's sum and prefix-freeness checked directly, entropies and ideal lengths
summed in mpmath from the exact rational probabilities. No QApplication."""

import itertools
import re
import math
import subprocess
import sys
from fractions import Fraction

import mpmath
from code_refs import best_prefix_code_length, ceil_neglog2
import numpy as np
import pytest

from klviz.scene.coding import (LENGTH_KEYS, MAX_SHOWN_MESSAGE, CodingScene, UnencodableError, coding_scene,
                                send_message)

mpmath.mp.dps = 60


def exact_probs(weights):
    fr = [Fraction(w) for w in weights]
    total = sum(fr)
    return [f / total for f in fr]


def mp_log2(fr):
    return mpmath.log(mpmath.mpf(fr.numerator) / fr.denominator, 2)


def mp_entropy(p):
    return sum(-mpmath.mpf(x.numerator) / x.denominator * mp_log2(x) for x in p if x > 0)


def mp_cross(p, q):
    if any(a > 0 and b == 0 for a, b in zip(p, q)):
        return mpmath.inf
    return sum(-mpmath.mpf(a.numerator) / a.denominator * mp_log2(b) for a, b in zip(p, q) if a > 0)


def random_pairs(seed, count):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(1, 6))
        p = rng.integers(0, 9, n).tolist()
        q = rng.integers(0, 9, n).tolist()
        if sum(p) == 0:
            p[0] = 1
        if sum(q) == 0:
            q[-1] = 1
        yield p, q


CASES = [([1, 1, 2], [2, 1, 1]), ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]), ([1], [1]), ([1, 1], [1, 0]),
         ([1, 0, 3], [1, 1, 1]), ([8, 4, 2, 1, 1], [1, 1, 1, 1, 1]), ([3, 3, 3, 1], [1, 3, 3, 3])]
CASES += list(random_pairs(7, 40))


@pytest.mark.parametrize("p,q", CASES)
def test_scene_against_brute_force_and_mpmath(p, q):
    s = coding_scene(p, q)
    P, Q = exact_probs(p), exact_probs(q)
    n = len(p)
    # widths and offsets
    assert np.allclose(s.widths, [float(x) for x in P], rtol=1e-15, atol=0)
    assert np.allclose(s.left, np.concatenate([[0], np.cumsum([float(x) for x in P])[:-1]]), rtol=1e-14, atol=1e-16)
    # ideal lengths
    for i in range(n):
        for arr, r in ((s.ideal_p, P), (s.ideal_q, Q)):
            if r[i] == 0:
                assert arr[i] == math.inf
            else:
                assert math.isclose(arr[i], float(-mp_log2(r[i])), rel_tol=1e-13, abs_tol=1e-15)
        # Shannon lengths, decided exactly
        assert s.shannon_q[i] == (ceil_neglog2(Q[i]) if Q[i] > 0 else math.inf)
    # totals
    assert math.isclose(s.entropy_p, float(mp_entropy(P)), rel_tol=1e-13, abs_tol=1e-15)
    ce = mp_cross(P, Q)
    if ce == mpmath.inf:
        assert s.cross_entropy == math.inf and s.kl == math.inf and s.shannon_length == math.inf
        assert s.huffman_length == math.inf and s.reason and s.infinite
        assert "∞" in s.bounds[0]
    else:
        assert math.isclose(s.cross_entropy, float(ce), rel_tol=1e-13, abs_tol=1e-15)
        assert math.isclose(s.kl, float(ce - mp_entropy(P)), rel_tol=1e-9, abs_tol=1e-14)
        shannon = sum(a * ceil_neglog2(b) for a, b in zip(P, Q) if a > 0)
        assert math.isclose(s.shannon_length, float(shannon), rel_tol=1e-14, abs_tol=0)
        assert s.cross_entropy <= s.shannon_length + 1e-12 < s.cross_entropy + 1 + 1e-12
        assert s.reason is None and s.infinite == ()
        # the KL area per column sums to D(P‖Q) and has each column's sign
        for i in range(n):
            if P[i] > 0:
                ref = mpmath.mpf(P[i].numerator) / P[i].denominator * (mp_log2(P[i]) - mp_log2(Q[i]))
                assert math.isclose(s.kl_area[i], float(ref), rel_tol=1e-12, abs_tol=1e-15)
            else:
                assert s.kl_area[i] == 0
    # Q's Huffman code: optimal for Q (brute force), a prefix code, Kraft equality, canonical words
    live = [i for i in range(n) if Q[i] > 0]
    lengths_q = [int(s.huffman_q[i]) for i in live]
    assert sum(Q[i] * l for i, l in zip(live, lengths_q)) == best_prefix_code_length(Q)
    words = [s.words[i] for i in live]
    assert [len(w) for w in words] == lengths_q
    assert all(s.words[i] is None and s.huffman_q[i] == math.inf for i in range(n) if Q[i] == 0)
    if len(live) >= 2:
        assert sum(Fraction(1, 2 ** l) for l in lengths_q) == 1
    for a, b in itertools.permutations(words, 2):
        assert not b.startswith(a)
    # P's own Huffman length: optimal, and within its entropy bound
    assert math.isclose(s.huffman_length_pp, float(best_prefix_code_length(P)), rel_tol=1e-14, abs_tol=0)
    assert s.entropy_p <= s.huffman_length_pp + 1e-12 < s.entropy_p + 1 + 1e-12
    if ce != mpmath.inf:
        hq = sum(P[i] * int(s.huffman_q[i]) for i in range(n) if P[i] > 0)
        assert math.isclose(s.huffman_length, float(hq), rel_tol=1e-14, abs_tol=0)
    # area of each picture = its total
    for key in LENGTH_KEYS:
        h = s.heights(key)
        mask = s.widths > 0
        area = math.fsum((s.widths[mask] * h[mask]).tolist()) if np.all(np.isfinite(h[mask])) else math.inf
        assert area == pytest.approx(s.area(key), rel=1e-12, abs=1e-15)


def test_bound_strings_hold_the_live_numbers():
    s = coding_scene([1, 1, 2], [2, 1, 1], ["a", "b", "c"])
    # H(P,Q) = ½·2 + ¼·2 + ¼·1 ... P = (¼, ¼, ½), Q = (½, ¼, ¼): H(P,Q) = ¼ + ½ + 1 = 1.75
    assert s.bounds[0] == "H(P,Q) ≤ L_Shannon < H(P,Q) + 1: 1.750 ≤ 1.750 < 2.750 bits"
    assert s.bounds[1] == "H(P) ≤ L_Huffman(P) < H(P) + 1: 1.500 ≤ 1.500 < 2.500 bits"
    assert s.unit == "bits"


def test_infinity_is_explained_and_drawn_at_the_top():
    s = coding_scene([1, 1, 0], [1, 0, 1], ["x", "y<b>", "z"])
    assert s.infinite == (1,)
    assert "Q(y<b>) = 0 where P(y<b>) > 0" in s.reason
    shown = s.shown_heights("ideal_q")
    assert shown[1] == s.y_range[1] and np.all(np.isfinite(shown))
    assert shown[2] == 0  # width 0: nothing to show
    assert s.y_range[1] > 1.0  # above every finite height (1 bit)
    assert s.codeword_rows()[1][3].startswith("—")


def test_scene_is_frozen_and_validated():
    s = coding_scene([1, 2], [2, 1])
    assert isinstance(s, CodingScene)
    with pytest.raises(Exception):
        s.kl = 0
    with pytest.raises(ValueError):
        s.p[0] = 1
    with pytest.raises(ValueError):
        coding_scene([1, 2], [1, 2, 3])
    with pytest.raises(ValueError):
        coding_scene([1, -1], [1, 1])
    with pytest.raises(ValueError):
        coding_scene([1, float("nan")], [1, 1])
    with pytest.raises(ValueError):
        coding_scene([1, 2], [1, 2], ["only one"])
    with pytest.raises(ValueError):
        s.heights("nope")


@pytest.mark.parametrize("p,q", [([1, 1, 2], [2, 1, 1]), ([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]), ([1], [1])])
def test_send_message_is_the_concatenated_code_words(p, q):
    s = coding_scene(p, q)
    m = send_message(p, q, 40, 3)
    symbols, length, nce, nh = m
    assert len(symbols) == 40
    index = {lab: i for i, lab in enumerate(s.labels)}
    words = [s.words[index[x]] for x in symbols]
    assert length == sum(len(w) for w in words)
    assert m.bits == "".join(words)
    # the bit string decodes back to the symbols (the code is prefix-free)
    decode = {w: lab for lab, w in zip(s.labels, s.words) if w is not None}
    out, cur = [], ""
    for b in m.bits:
        cur += b
        if cur in decode:
            out.append(decode[cur])
            cur = ""
    if len(decode) > 1:
        assert tuple(out) == symbols and cur == ""
    P, Q = exact_probs(p), exact_probs(q)
    assert math.isclose(nce, float(40 * mp_cross(P, Q)), rel_tol=1e-13)
    assert math.isclose(nh, float(40 * mp_entropy(P)), rel_tol=1e-13, abs_tol=1e-12)
    assert m.counts == tuple(symbols.count(lab) for lab in s.labels)
    shannon = sum(int(s.shannon_q[index[x]]) for x in symbols)
    assert m.shannon_bits == shannon
    assert send_message(p, q, 40, 3).symbols == symbols  # deterministic
    assert "40 symbols" in m.text and f"{length} bits" in m.text


def test_long_message_length_tracks_the_expected_length():
    p, q = [1, 2, 3, 4], [4, 3, 2, 1]
    s = coding_scene(p, q)
    n = 200_000
    m = send_message(p, q, n, 11)
    assert m.bits is None  # too long to spell out
    assert len(m.symbols) == n
    lengths = np.array([s.huffman_q[s.labels.index(x)] for x in m.symbols[:1000]])
    assert m.bits_length == sum(int(c) * int(l) for c, l in zip(m.counts, s.huffman_q))
    P = np.array(exact_probs(p), dtype=float)
    sd = math.sqrt(float(P @ s.huffman_q ** 2 - (P @ s.huffman_q) ** 2) * n)
    assert abs(m.bits_length - n * s.huffman_length) < 6 * sd
    assert m.bits_length >= 0 and lengths.size == 1000
    assert len(send_message(p, q, 10, 0).bits) <= MAX_SHOWN_MESSAGE


def test_send_message_refuses_an_unencodable_symbol_before_drawing():
    with pytest.raises(UnencodableError, match=r"P can draw B, but Q\(B\) = 0"):
        send_message([1, 1], [1, 0], 5, 0)
    # a symbol Q lacks but P never draws is fine
    m = send_message([1, 0], [1, 0], 5, 0)
    assert m.bits_length == 0 and m.symbols == ("A",) * 5
    for bad in (-1, 10_000_001):
        with pytest.raises(ValueError):
            send_message([1, 1], [1, 1], bad, 0)
    for bad in (1.5, True, "3"):
        with pytest.raises(TypeError):
            send_message([1, 1], [1, 1], bad, 0)
    with pytest.raises(ValueError):
        send_message([1, 1], [1, 1], 3, -2)


def test_scene_imports_no_qt():
    code = "import sys, klviz.scene.coding; print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'matplotlib')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_kl_columns_have_the_signed_kl_area():
    s = coding_scene([5, 1, 2, 2], [1, 3, 2, 4])
    lo, hi, positive = s.kl_columns()
    signed = np.where(positive, 1.0, -1.0) * s.widths * (hi - lo)
    assert np.allclose(signed, s.kl_area, rtol=1e-12, atol=1e-15)
    assert positive.tolist() == [True, False, True, False]


def test_bounds_show_enough_digits_to_keep_their_order():
    from klviz.core.spec import Categorical

    P = Categorical.from_logits([0.0, 800.0, 0.0], "P")
    Q = Categorical.from_logits([0.0, 0.0, 900.0], "Q")
    s = coding_scene(P, Q)
    text = s.bounds[0]
    numbers = [float(x) for x in re.findall(r"[0-9]+\.[0-9]+(?:e-?[0-9]+)?", text.split(": ", 1)[1])]
    low, value, high = numbers[:3]
    assert low <= value < high, text  # 1298.4 ≤ 1299.0 < 1299.4, not 1298 ≤ 1299 < 1299
    ref = 900 / math.log(2)  # H(P,Q) in bits: −log₂ q_B with q_B = e^-900 (to 1e-300)
    assert low == pytest.approx(ref, abs=0.05)
    # P's own Huffman code: L = 1 + 2e^-800·(...) and H(P) ~ 1600 e^-800 are not apart in doubles
    assert "below floating-point precision" in s.bounds[1]
    plain = coding_scene([1, 1, 2], [2, 1, 1])
    assert "precision" not in plain.bounds[0] + plain.bounds[1]
