"""Cross-entropy as real code lengths (MATH.md "Codes"): binary prefix codes, lengths in bits.

- Ideal lengths −log₂ r_i; Shannon code lengths ⌈−log₂ q_i⌉, decided exactly: the float estimate
  is checked with exact rational arithmetic wherever −log₂ q_i is within rounding of an integer
  (so ⌈−log₂ 0.25⌉ is 2, and a probability a hair above or below a power of two gets the length
  its exact value has).
- Huffman codes built on exact integer weights (every float is an integer times a power of two),
  so ties are real ties, broken deterministically: of equal weights the leaf with the smaller
  index, leaves before merged nodes, older merged nodes before newer (the minimum-variance code).
- Code words are canonical (assigned in order of (length, index)), so they stay the same while
  a drag changes the probabilities but not the lengths.

Lengths are float arrays holding whole numbers, +inf for a symbol without a code word (r_i = 0).
Distributions are `Categorical`s or weights (checked as in `divergences.as_categorical`).
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from klviz.core.discrete import discrete_measures
from klviz.core.divergences import _weights, as_categorical

_LN2 = math.log(2.0)
MAX_MESSAGE = 10_000_000  # the longest message send_message draws


# =============================================================================================
# Lengths


def _exact_probs(weights):
    """Each weight as an exact Fraction of the exact sum (None where it is 0)."""
    fr = [Fraction(float(x)) for x in weights]
    total = sum(fr)
    return [f / total if f else None for f in fr]


def _ceil_neglog2(r):
    """⌈−log₂ r⌉ for an exact Fraction 0 < r <= 1, in integer arithmetic."""
    n, d = r.numerator, r.denominator
    k = max(d.bit_length() - n.bit_length() - 1, 0)  # 2^-k >= r roughly; adjust exactly
    while (n << k) < d:  # 2^-k > r: one more bit
        k += 1
    while k > 0 and (n << (k - 1)) >= d:
        k -= 1
    return k


def ideal_lengths(R):
    """−log₂ r_i per symbol (+inf where r_i = 0), from the exact log-probabilities."""
    cat = as_categorical(R, "R")
    return -cat.log_probs / _LN2


def _dist(x, name):
    """(Categorical, weights): the weights as given (before rounding them to probabilities), so
    that exact decisions see the exact distribution."""
    cat = as_categorical(x, name)
    return cat, _weights(x, name)[0]


def _shannon(cat, weights=None):
    weights = cat.probs if weights is None else weights
    lengths = -cat.log_probs / _LN2
    out = np.full(lengths.shape, np.inf)
    exact = None
    for i, (prob, est) in enumerate(zip(cat.probs, lengths)):
        if not math.isfinite(est):
            continue
        if prob == 0:  # underflowed (softmax with a huge gap): only the logarithm is known
            out[i] = math.ceil(est)
            continue
        nearest = round(est)
        if abs(est - nearest) > 1e-9 * max(1.0, est):
            out[i] = math.ceil(est)
        else:  # within rounding of a whole number: decide exactly
            exact = _exact_probs(weights) if exact is None else exact
            out[i] = _ceil_neglog2(exact[i])
    return out


def shannon_lengths(Q):
    """Shannon code lengths ⌈−log₂ q_i⌉ for q_i > 0, +inf where q_i = 0 (no code word).

    Kraft holds (Σ 2^-l_i <= 1), so `canonical_code` turns them into a prefix code.
    """
    return _shannon(*_dist(Q, "Q"))


def _expected(p, lengths):
    mask = p > 0
    if np.any(np.isinf(lengths[mask])):
        return math.inf
    return math.fsum((p[mask] * lengths[mask]).tolist())


def expected_length(P, lengths):
    """Σ_{p_i > 0} p_i l_i in bits: +inf iff some p_i > 0 has no code word (l_i = inf)."""
    cat = as_categorical(P, "P")
    lengths = _check_lengths(lengths, len(cat))
    return _expected(cat.probs, lengths)


def shannon_length(P, Q):
    """L_Shannon(P; Q) = Σ_{p_i > 0} p_i ⌈−log₂ q_i⌉ bits; +inf iff some p_i > 0 has q_i = 0.
    H(P,Q) <= L_Shannon(P; Q) < H(P,Q) + 1."""
    (p, _), (q, wq) = _dist(P, "P"), _dist(Q, "Q")
    _same_length(p, q)
    return _expected(p.probs, _shannon(q, wq))


def _same_length(p, q):
    if len(p) != len(q):
        raise ValueError(f"P and Q have different lengths ({len(p)} and {len(q)})")


def _check_lengths(lengths, n=None):
    try:
        arr = np.asarray(lengths, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("code lengths must be numbers") from None
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"code lengths must be a non-empty 1-D list (got shape {arr.shape})")
    if n is not None and arr.size != n:
        raise ValueError(f"{arr.size} code lengths for {n} symbols")
    finite = arr[np.isfinite(arr)]
    if np.isnan(arr).any() or np.any(arr < 0) or np.any(finite != np.floor(finite)):
        raise ValueError("code lengths must be whole numbers >= 0 (or inf for no code word)")
    return arr


def kraft_sum(lengths):
    """Σ 2^-l_i over the symbols with a code word, correctly rounded (<= 1 for a prefix code)."""
    arr = _check_lengths(lengths)
    finite = arr[np.isfinite(arr)]
    return math.fsum(math.ldexp(1.0, -int(l)) for l in finite)


# =============================================================================================
# Huffman


def _int_weights(cat):
    """Exact integer weights proportional to the probabilities (0 where the log is -inf)."""
    parts = []
    for prob, lg in zip(cat.probs, cat.log_probs):
        if prob > 0:
            m, e = math.frexp(float(prob))
            parts.append((int(m * (1 << 53)), e - 53))
        elif math.isfinite(lg):  # underflowed: the weight from its logarithm (53 bits of it)
            t = lg / _LN2
            k = math.floor(t)
            parts.append((int(round(2.0 ** (t - k) * (1 << 52))), k - 52))
        else:
            parts.append((0, 0))
    base = min((x for m, x in parts if m), default=0)
    return [m << (x - base) if m else 0 for m, x in parts]


def _huffman_lengths(cat):
    weights = _int_weights(cat)
    n = len(weights)
    lengths = np.full(n, np.inf)
    live = [i for i, w in enumerate(weights) if w > 0]
    if len(live) == 1:
        lengths[live[0]] = 0.0
        return lengths
    heap = [(weights[i], i, (i,)) for i in live]  # (weight, order, leaves below)
    heapq.heapify(heap)
    depth = dict.fromkeys(live, 0)
    order = n
    while len(heap) > 1:
        w1, _, a = heapq.heappop(heap)
        w2, _, b = heapq.heappop(heap)
        for leaf in a + b:
            depth[leaf] += 1
        heapq.heappush(heap, (w1 + w2, order, a + b))
        order += 1
    for i, d in depth.items():
        lengths[i] = float(d)
    return lengths


def huffman_lengths(R):
    """Lengths of R's Huffman code (an optimal prefix code over the r_i > 0; +inf elsewhere).

    Ties are broken deterministically (see the module docstring); one possible symbol: 0 bits.
    """
    return _huffman_lengths(as_categorical(R, "R"))


def _canonical(lengths):
    order = sorted((int(l), i) for i, l in enumerate(lengths) if math.isfinite(l))
    words = [None] * len(lengths)
    code, prev = 0, 0
    for length, i in order:
        code <<= length - prev
        words[i] = format(code, f"0{length}b") if length else ""
        code += 1
        prev = length
    return tuple(words)


def canonical_code(lengths):
    """Code words (bit strings; None where the length is inf) of the canonical prefix code with
    these lengths: words assigned in order of (length, index), each the previous word plus one,
    shifted to its length. ValueError if the lengths break Kraft (no prefix code has them)."""
    arr = _check_lengths(lengths)
    if kraft_sum(arr) > 1.0:
        raise ValueError(f"these lengths break Kraft's inequality (Σ 2^-l = {kraft_sum(arr):.6g} > 1)")
    return _canonical(arr)


@dataclass(frozen=True, eq=False)
class HuffmanCode:
    """R's Huffman code: `lengths` (floats, inf = no word), canonical `words`, `expected_length`
    (under R, bits) and `kraft` (Σ 2^-l, 1 for every Huffman code with two or more words)."""

    lengths: np.ndarray
    words: tuple
    expected_length: float
    kraft: float

    def length_under(self, P):
        """Expected length of P's symbols in this code (bits); +inf if P needs a missing word."""
        return expected_length(P, self.lengths)


def _huffman_code(cat):
    lengths = _huffman_lengths(cat)
    finite = lengths[np.isfinite(lengths)]
    return HuffmanCode(lengths=lengths, words=_canonical(lengths), expected_length=_expected(cat.probs, lengths),
                       kraft=math.fsum(math.ldexp(1.0, -int(l)) for l in finite))


def huffman_code(R):
    """The Huffman code of R with canonical words. H(R) <= expected_length < H(R) + 1."""
    return _huffman_code(as_categorical(R, "R"))


def code_lengths(P, Q):
    """The four expected code lengths of the `--code` readout, in bits:
    shannon_length_pq_bits = L_Shannon(P; Q), shannon_length_pp_bits = L_Shannon(P; P),
    huffman_length_pp_bits = L_Huffman(P) under P, huffman_length_qq_bits = L_Huffman(Q) under Q."""
    (p, wp), (q, wq) = _dist(P, "P"), _dist(Q, "Q")
    _same_length(p, q)
    return {
        "shannon_length_pq_bits": _expected(p.probs, _shannon(q, wq)),
        "shannon_length_pp_bits": _expected(p.probs, _shannon(p, wp)),
        "huffman_length_pp_bits": _expected(p.probs, _huffman_lengths(p)),
        "huffman_length_qq_bits": _expected(q.probs, _huffman_lengths(q)),
    }


# =============================================================================================
# The area picture


@dataclass(frozen=True, eq=False)
class CodingPicture:
    """One column per category: width p_i (left edge `left`), heights in bits.

    Heights: ideal_p = −log₂ p_i (area H(P)), ideal_q = −log₂ q_i (area H(P,Q)), shannon_q =
    ⌈−log₂ q_i⌉ (area L_Shannon(P; Q)), huffman_q = Q's Huffman lengths (area: their expected
    length under P). inf marks a symbol without a code word (under Q) or with p_i = 0 (ideal_p).
    extra = p_i (log₂ p_i − log₂ q_i), the signed area between the ideal heights; its total is
    D(P‖Q) in bits (`kl_bits`, summed accurately). A column of width 0 contributes 0 everywhere.
    """

    widths: np.ndarray
    left: np.ndarray
    ideal_p: np.ndarray
    ideal_q: np.ndarray
    shannon_q: np.ndarray
    huffman_q: np.ndarray
    huffman_words_q: tuple
    extra: np.ndarray
    entropy_p_bits: float
    cross_entropy_bits: float
    kl_bits: float
    shannon_length_bits: float
    huffman_length_bits: float
    huffman_length_pp_bits: float


def coding_picture(P, Q):
    """The data of the coding view's area picture for P's symbols coded with Q's codes."""
    (p, _), (q, wq) = _dist(P, "P"), _dist(Q, "Q")
    _same_length(p, q)
    m = discrete_measures(p, q, "bits")
    hq = _huffman_code(q)
    shannon_q = _shannon(q, wq)
    widths = p.probs.copy()
    return CodingPicture(
        widths=widths,
        left=np.concatenate([[0.0], np.cumsum(widths)[:-1]]),
        ideal_p=-p.log_probs / _LN2,
        ideal_q=-q.log_probs / _LN2,
        shannon_q=shannon_q,
        huffman_q=hq.lengths,
        huffman_words_q=hq.words,
        extra=np.asarray(m.terms_pq, dtype=float),
        entropy_p_bits=m.entropy_p,
        cross_entropy_bits=m.cross_entropy_pq,
        kl_bits=m.kl_pq,
        shannon_length_bits=_expected(p.probs, shannon_q),
        huffman_length_bits=_expected(p.probs, hq.lengths),
        huffman_length_pp_bits=_expected(p.probs, _huffman_lengths(p)),
    )


# =============================================================================================
# Sending a message


@dataclass(frozen=True, eq=False)
class Message:
    """`n` symbols drawn from P, coded with Q's Huffman and Shannon codes.

    counts: how often each symbol was drawn; huffman_bits / shannon_bits: the message's length
    (an int) in each code, or None if a drawn symbol has no code word in Q's code (`unencodable`
    lists those symbols); bits: the Huffman-coded message as a string of 0s and 1s when it has at
    most `max_bits` bits (else None), and symbols with it; cross_entropy_bits = n H(P,Q) and
    entropy_bits = n H(P), the ideal lengths to compare with.
    """

    n: int
    counts: np.ndarray
    symbols: np.ndarray | None
    bits: str | None
    huffman_bits: int | None
    shannon_bits: int | None
    unencodable: tuple
    cross_entropy_bits: float
    entropy_bits: float


def send_message(P, Q, n, rng, max_bits=100_000):
    """Draw `n` symbols from P with the numpy Generator `rng` and code them with Q's codes.

    Deterministic for a given rng state. n is an int in [0, 10_000_000]; max_bits caps the length
    of the bit string returned (the lengths are always counted).
    """
    (p, _), (q, wq) = _dist(P, "P"), _dist(Q, "Q")
    _same_length(p, q)
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n must be a whole number (got {type(n).__name__})")
    if not 0 <= n <= MAX_MESSAGE:
        raise ValueError(f"n must be between 0 and {MAX_MESSAGE} (got {n})")
    if not isinstance(rng, np.random.Generator):
        raise TypeError("rng must be a numpy.random.Generator (numpy.random.default_rng(seed))")
    if isinstance(max_bits, (bool, np.bool_)) or not isinstance(max_bits, (int, np.integer)) or max_bits < 0:
        raise ValueError("max_bits must be a whole number >= 0")
    n = int(n)
    symbols = rng.choice(len(p), size=n, p=p.probs / math.fsum(p.probs.tolist()))
    counts = np.bincount(symbols, minlength=len(p))
    code = _huffman_code(q)
    shannon_q = _shannon(q, wq)
    drawn = counts > 0
    missing = tuple(int(i) for i in np.flatnonzero(drawn & np.isinf(code.lengths)))

    def total(lengths):
        if missing:
            return None
        return int(sum(int(c) * int(l) for c, l in zip(counts[drawn], lengths[drawn])))

    huff = total(code.lengths)
    bits = None
    if huff is not None and huff <= max_bits:
        bits = "".join(code.words[s] for s in symbols.tolist())
    m = discrete_measures(p, q, "bits")
    return Message(
        n=n,
        counts=counts,
        symbols=symbols if bits is not None else None,
        bits=bits,
        huffman_bits=huff,
        shannon_bits=total(shannon_q),
        unencodable=missing,
        cross_entropy_bits=n * m.cross_entropy_pq if n else 0.0,
        entropy_bits=n * m.entropy_p if n else 0.0,
    )
