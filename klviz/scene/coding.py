"""The Coding view as a frozen scene: cross-entropy as the length of real code words (MATH.md
"Codes"; issue 14). Qt-free; every number comes from `klviz.core.codes` / `klviz.core.discrete`.

The area picture: category i is a column of width p_i starting at `left[i]`; its height is a code
length in bits, so the area of the columns is an expected length. Four sets of heights
(`LENGTHS`): P's ideal lengths −log₂ p_i (area H(P)), Q's ideal lengths −log₂ q_i (area H(P,Q)),
Q's Shannon code ⌈−log₂ q_i⌉ (area L_Shannon(P; Q)) and Q's Huffman code (area: its expected
length under P). The signed area between the two ideal heights, p_i (log₂ p_i − log₂ q_i) per
column, sums to D(P‖Q) in bits.

Everything is in bits, always. Text is plain text (never markup): the views escape nothing
because nothing here is meant to be interpreted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.codes import MAX_MESSAGE, coding_picture
from klviz.core.codes import send_message as _core_send_message
from klviz.core.format import format_value
from klviz.core.labels import default_labels
from klviz.core.spec import Categorical, check_same_kind
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase
from klviz.state.discrete import set_probability as drag_rule  # the Coding chart's drags: the Discrete tab's rule

UNIT = "bits"
# (key, the name a view shows, what its area is)
LENGTHS = (
    ("ideal_p", QT_TRANSLATE_NOOP("klviz", "ideal lengths −log₂ pᵢ"), "H(P)"),
    ("ideal_q", QT_TRANSLATE_NOOP("klviz", "Q's ideal lengths −log₂ qᵢ"), "H(P,Q)"),
    ("shannon_q", QT_TRANSLATE_NOOP("klviz", "Q's Shannon code ⌈−log₂ qᵢ⌉"), QT_TRANSLATE_NOOP("klviz", "L_Shannon(P; Q)")),
    ("huffman_q", QT_TRANSLATE_NOOP("klviz", "Q's Huffman code"), QT_TRANSLATE_NOOP("klviz", "L_Huffman(P; Q)")),
)
LENGTH_KEYS = tuple(k for k, _, _ in LENGTHS)
MAX_SHOWN_MESSAGE = 200  # the bit string of a longer message is counted, not spelled out
MAX_KEPT_BITS = 2_000_000  # a message longer than this keeps its counts, not its symbols
DIGITS = 4


def _frozen(values):
    arr = np.array(values, dtype=float)
    arr.setflags(write=False)
    return arr


def _text(value):
    return format_value(value, DIGITS)


def _labels(labels, n):
    if labels is None:
        return tuple(default_labels(n))
    if isinstance(labels, str):
        raise ValueError("labels must be a list of strings, one per category")
    labels = tuple(str(s) for s in labels)
    if len(labels) != n:
        raise ValueError(f"expected {n} labels (one per category), got {len(labels)}")
    return labels


def _pair(p, q):
    P = p if isinstance(p, Categorical) else Categorical.from_weights(p, "P")
    Q = q if isinstance(q, Categorical) else Categorical.from_weights(q, "Q")
    check_same_kind(P, Q)
    if len(P) != len(Q):
        raise ValueError(f"P and Q have different lengths ({len(P)} and {len(Q)})")
    return P, Q


def _exact(dist):
    """The weights a Categorical came from, where they are the whole story, so that a length at
    a power of two (⌈−log₂ ½⌉) is decided from what the user gave (as `klviz compute --code`)."""
    if dist.logits is None and dist.weights is not None and dist.weights_lo is None:
        return dist.weights
    return dist


def _names(labels, idx, limit=3):
    names = ", ".join(labels[i] for i in idx[:limit])
    return names + (", …" if len(idx) > limit else "")


def _nice_top(value):
    """A round upper bound ≥ value for the length axis (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, ...)."""
    if not value > 0:
        return 1.0
    for step in (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64):
        if value <= step:
            return float(step)
    return float(8 * math.ceil(value / 8))


# The names of the code lengths ("L_Shannon(P; Q)", ...) are keys (of total_texts, the CLI's
# report): kept as they are, and shown, in the app and the exported figures, without an
# underscore (issue 12): AREA_NAMES for a total's name, BOUND_NAMES for the names in a bound.
AREA_NAMES = {"L_Shannon(P; Q)": QT_TRANSLATE_NOOP("klviz", "Shannon length L(P; Q)"),
              "L_Huffman(P; Q)": QT_TRANSLATE_NOOP("klviz", "Huffman length L(P; Q)"),
              "L_Huffman(P)": QT_TRANSLATE_NOOP("klviz", "Huffman length L(P)")}
BOUND_NAMES = (("L_Huffman(P)", QT_TRANSLATE_NOOP("klviz", "Huffman length L(P)")),
               ("L_Shannon", QT_TRANSLATE_NOOP("klviz", "Shannon length")))


def shown_bound(bound, translate=str):
    """A bound of the scene (H(P,Q) ≤ L_Shannon < ...) with its names as shown; `translate`
    (the gui's) translates the bound and the names."""
    text = translate(bound)
    for key, shown in BOUND_NAMES:
        text = text.replace(key, translate(shown))
    return text


@dataclass(frozen=True, eq=False)
class CodingScene:
    """What the Coding view draws, for P's symbols coded with Q's codes (bits).

    Per category (arrays, read-only, one entry per label): `p`, `q`, `left` (the column's
    x-offset), `widths` (= p), the heights `ideal_p`, `ideal_q`, `shannon_q`, `huffman_q` (+inf:
    no code word — q_i = 0, or p_i = 0 for `ideal_p`), `kl_area` (p_i (log₂ p_i − log₂ q_i),
    signed; +inf where q_i = 0 < p_i) and `words` (Q's Huffman code words, None where Q has none).
    Totals (floats, bits): `entropy_p` H(P), `cross_entropy` H(P,Q), `kl` D(P‖Q), `shannon_length`
    L_Shannon(P; Q), `huffman_length` (Q's Huffman code under P), `huffman_length_pp` (P's own).
    `bounds`: the two inequalities with the live numbers, plain text. `x_range`, `y_range`: the
    axes. `infinite`: indices of the columns whose Q-heights are infinite; `reason` says why (None
    when there are none). `total_texts`: (name, formatted value) of every total.
    """

    labels: tuple
    p: np.ndarray
    q: np.ndarray
    left: np.ndarray
    widths: np.ndarray
    ideal_p: np.ndarray
    ideal_q: np.ndarray
    shannon_q: np.ndarray
    huffman_q: np.ndarray
    kl_area: np.ndarray
    words: tuple
    entropy_p: float
    cross_entropy: float
    kl: float
    shannon_length: float
    huffman_length: float
    huffman_length_pp: float
    bounds: tuple
    x_range: tuple
    y_range: tuple
    infinite: tuple
    reason: str | None
    unit: str = UNIT

    def heights(self, key):
        """The heights of one set of lengths (`LENGTH_KEYS`), inf where there is no word."""
        if key not in LENGTH_KEYS:
            raise ValueError(f"unknown code lengths {key!r} (choose from {', '.join(LENGTH_KEYS)})")
        return getattr(self, key)

    def shown_heights(self, key):
        """The heights as drawn: an infinite one reaches the top of the axis (the view marks it
        with `reason`), a column of width 0 has height 0 (it has no area to show)."""
        h = np.array(self.heights(key), dtype=float)
        h[np.isinf(h)] = self.y_range[1]
        h[self.widths == 0] = 0.0
        return h

    def kl_columns(self):
        """(bottom, top, positive) per column: the shaded extra length between the two ideal
        heights as drawn (`shown_heights`), and whether it is positive (q_i < p_i: Q's code is
        longer there, p_i log₂(p_i/q_i) > 0). Its signed area per column is `kl_area`."""
        hp, hq = self.shown_heights("ideal_p"), self.shown_heights("ideal_q")
        return np.minimum(hp, hq), np.maximum(hp, hq), hq >= hp

    def area(self, key):
        """The area of one set of columns (bits): H(P), H(P,Q), L_Shannon(P; Q), L_Huffman(P; Q)."""
        self.heights(key)  # checks the key
        return {"ideal_p": self.entropy_p, "ideal_q": self.cross_entropy, "shannon_q": self.shannon_length,
                "huffman_q": self.huffman_length}[key]

    def total_texts(self):
        return (("H(P)", _text(self.entropy_p)), ("H(P,Q)", _text(self.cross_entropy)),
                ("D(P‖Q)", _text(self.kl)), ("L_Shannon(P; Q)", _text(self.shannon_length)),
                ("L_Huffman(P; Q)", _text(self.huffman_length)), ("L_Huffman(P)", _text(self.huffman_length_pp)))

    def codeword_rows(self):
        """(label, q as text, length as text, code word) per category; "—" where Q has no word."""
        rows = []
        for lab, q, length, word in zip(self.labels, self.q, self.huffman_q, self.words):
            if word is None:
                rows.append((lab, _text(q), "—", "— (q = 0: no word)"))
            else:
                rows.append((lab, _text(q), str(int(length)), word if word else "(empty: 0 bits)"))
        return tuple(rows)


def _ordered_texts(low, value, high):
    """The three numbers of a bound low ≤ value < high as text, with as many digits (4 to 17)
    as it takes for the shown numbers to keep the order (1298.4 ≤ 1299.0 < 1299.4, not
    1298 ≤ 1299 < 1299); (texts, True), or (texts at 17 digits, False) if the floats themselves
    cannot show it."""
    for digits in range(DIGITS, 18):
        texts = tuple(format_value(x, digits) for x in (low, value, high))
        a, b, c = (float(t) for t in texts)
        if a <= b < c:
            return texts, True
    return tuple(format_value(x, DIGITS) for x in (low, value, high)), False


def _bound(low_name, value_name, low, value, why):
    head = f"{low_name} ≤ {value_name} < {low_name} + 1"
    if math.isinf(value) or math.isinf(low):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "{head}: {value} = ∞ bits ({why})"), head=head, value=value_name, why=why)
    (a, b, c), ordered = _ordered_texts(low, value, low + 1.0)
    if ordered:
        return Phrase(QT_TRANSLATE_NOOP("klviz", "{head}: {a} ≤ {b} < {c} bits"), head=head, a=a, b=b, c=c)
    return Phrase(QT_TRANSLATE_NOOP("klviz", "{head}: {a} ≤ {b} < {c} bits (the gap is below floating-point precision here: "
                                    "the probabilities are too close to 0 or 1 for doubles to hold it; the bound is strict "
                                    "in exact arithmetic)"), head=head, a=a, b=b, c=c)


def coding_scene(p, q, labels=None):
    """The Coding view of P's symbols coded with Q's codes (always in bits).

    p, q: weights (normalised by their exact sum) or `klviz.core.Categorical`s of one length;
    labels: one string per category (default A, B, C, ...). ValueError for bad input.
    """
    P, Q = _pair(p, q)
    labels = _labels(labels, len(P))
    pic = coding_picture(_exact(P), _exact(Q))
    infinite = tuple(int(i) for i in np.flatnonzero((P.probs > 0) & np.isinf(pic.ideal_q)))
    reason = None
    if infinite:
        names = _names(labels, infinite)
        reason = Phrase(QT_TRANSLATE_NOOP("klviz", "Q({names}) = 0 where P({names}) > 0: the ideal length −log₂ q is infinite and "
                                          "Q's codes have no word for {names}, so H(P,Q), D(P‖Q) and both code lengths are ∞"),
                        names=names)
    why = Phrase(QT_TRANSLATE_NOOP("klviz", "Q's code has no word for {names}"), names=_names(labels, infinite)) if infinite else ""
    bounds = (
        _bound("H(P,Q)", "L_Shannon", pic.cross_entropy_bits, pic.shannon_length_bits, why),
        _bound("H(P)", "L_Huffman(P)", pic.entropy_p_bits, pic.huffman_length_pp_bits, why),
    )
    finite = [h[(pic.widths > 0) & np.isfinite(h)] for h in
              (pic.ideal_p, pic.ideal_q, pic.shannon_q, pic.huffman_q)]
    top = max((float(h.max()) for h in finite if h.size), default=0.0)
    return CodingScene(
        labels=labels,
        p=_frozen(P.probs), q=_frozen(Q.probs),
        left=_frozen(pic.left), widths=_frozen(pic.widths),
        ideal_p=_frozen(pic.ideal_p), ideal_q=_frozen(pic.ideal_q),
        shannon_q=_frozen(pic.shannon_q), huffman_q=_frozen(pic.huffman_q),
        kl_area=_frozen(pic.extra), words=tuple(pic.huffman_words_q),
        entropy_p=float(pic.entropy_p_bits), cross_entropy=float(pic.cross_entropy_bits),
        kl=float(pic.kl_bits), shannon_length=float(pic.shannon_length_bits),
        huffman_length=float(pic.huffman_length_bits), huffman_length_pp=float(pic.huffman_length_pp_bits),
        bounds=bounds, x_range=(0.0, 1.0), y_range=(0.0, _nice_top(top * 1.05) if infinite else _nice_top(top)),
        infinite=infinite, reason=reason,
    )


# =============================================================================================
# Sending a message


@dataclass(frozen=True, eq=False)
class SentMessage:
    """N symbols drawn from P and coded with Q's Huffman code.

    `symbols`: the drawn labels (a tuple of N strings; None for a message of more than
    MAX_KEPT_BITS bits, whose symbols are counted in `counts` only); `bits_length`: the length of the coded
    bit string; `cross_entropy_bits` = N·H(P,Q) and `entropy_bits` = N·H(P), the ideal lengths
    to compare with; `shannon_bits`: the length in Q's Shannon code; `bits`: the bit string when it
    has at most MAX_SHOWN_MESSAGE bits, else None; `text`: one plain-text summary line.
    Iterates as the 4-tuple (symbols, bits_length, cross_entropy_bits, entropy_bits).
    """

    n: int
    seed: int
    symbols: tuple | None
    counts: tuple
    bits_length: int
    cross_entropy_bits: float
    entropy_bits: float
    shannon_bits: int
    bits: str | None
    text: str

    def __iter__(self):
        return iter((self.symbols, self.bits_length, self.cross_entropy_bits, self.entropy_bits))


class UnencodableError(ValueError):
    """P can draw a symbol for which Q's code has no word (q_i = 0 < p_i)."""


def send_message(p, q, n, seed, labels=None):
    """Draw `n` symbols from P (numpy's default_rng(seed)) and code them with Q's Huffman code.

    n: a whole number from 0 to 10,000,000; seed: a whole number ≥ 0. Refused (UnencodableError,
    with the reason) before drawing when P can draw a symbol Q's code has no word for.
    Deterministic for a given seed. Returns a `SentMessage`.
    """
    P, Q = _pair(p, q)
    labels = _labels(labels, len(P))
    for name, value in (("n", n), ("seed", seed)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be a whole number (got {type(value).__name__})")
    if not 0 <= n <= MAX_MESSAGE:
        raise ValueError(f"n must be between 0 and {MAX_MESSAGE:,} (got {n})")
    if seed < 0:
        raise ValueError(f"seed must be ≥ 0 (got {seed})")
    missing = np.flatnonzero((P.probs > 0) & np.isinf(Q.log_probs))
    if missing.size:
        names = _names(labels, missing.tolist())
        raise UnencodableError(f"cannot send a message: P can draw {names}, but Q({names}) = 0, so Q's "
                               f"code has no word for {names} (its length −log₂ q is infinite)")
    msg = _core_send_message(_exact(P), _exact(Q), int(n), np.random.default_rng(int(seed)),
                             max_bits=MAX_KEPT_BITS)
    if msg.huffman_bits is None:  # cannot happen after the check above; never a silent None
        raise UnencodableError("cannot send a message: Q's code has no word for a drawn symbol")
    symbols = None if msg.symbols is None else tuple(labels[i] for i in msg.symbols.tolist())
    bits = msg.bits if msg.bits is not None and len(msg.bits) <= MAX_SHOWN_MESSAGE else None
    n = int(n)
    text = (f"{n:,} symbols from P in Q's Huffman code: {msg.huffman_bits:,} bits "
            f"(N·H(P,Q) = {_text(msg.cross_entropy_bits)}, N·H(P) = {_text(msg.entropy_bits)} bits; "
            f"Q's Shannon code: {msg.shannon_bits:,} bits)")
    return SentMessage(n=n, seed=int(seed), symbols=symbols, counts=tuple(int(c) for c in msg.counts),
                       bits_length=int(msg.huffman_bits),
                       cross_entropy_bits=float(msg.cross_entropy_bits), entropy_bits=float(msg.entropy_bits),
                       shannon_bits=int(msg.shannon_bits), bits=bits, text=text)

