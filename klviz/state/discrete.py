"""The Discrete tab's state, with no Qt: P and Q over labelled categories, and the pure operations
on it (the drag rule, presets, resizing, labels).

Every function returns a new state; nothing is mutated in place, so any state can be kept for undo.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import numpy as np

from klviz.core.labels import default_labels
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase

MIN_CATEGORIES = 2
MAX_CATEGORIES = 100  # what the app edits
MAX_LABEL_LENGTH = 40
DISCRETE_PRESETS = ("uniform", "peaked", "bimodal", "one-hot", "random")


@dataclass(frozen=True, eq=False)
class DiscreteState:
    labels: tuple
    p: np.ndarray
    q: np.ndarray

    def __post_init__(self):
        for name in ("p", "q"):
            arr = np.array(getattr(self, name), dtype=float)
            arr.setflags(write=False)
            object.__setattr__(self, name, arr)
        object.__setattr__(self, "labels", tuple(str(s) for s in self.labels))

    @property
    def n(self):
        return len(self.labels)

    def same_as(self, other):
        return (
            isinstance(other, DiscreteState)
            and self.labels == other.labels
            and np.array_equal(self.p, other.p)
            and np.array_equal(self.q, other.q)
        )

    def to_dict(self):
        return {"labels": list(self.labels), "p": self.p.tolist(), "q": self.q.tolist()}


def set_probability(probs, i, value):
    """Set probs[i] to `value` (clamped to [0, 1]) and rescale the others so the total stays 1.

    The others keep their proportions; if they are all zero they share the remainder equally. The
    set entry is exactly `value`: it is never rescaled away from the cursor.
    """
    probs = np.asarray(probs, dtype=float)
    n = probs.size
    if not math.isfinite(value):
        return probs.copy()
    value = min(max(float(value), 0.0), 1.0)
    others = np.delete(probs, i)
    rest = 1.0 - value
    total = math.fsum(others.tolist())
    if total > 0:
        others = others * (rest / total)
    else:
        others = np.full(n - 1, rest / (n - 1))
    # Put the rounding residue on the largest other entry so the sum is 1 to the last bit or so.
    if n > 1 and rest > 0:
        k = int(np.argmax(others))
        others[k] = max(0.0, others[k] + (rest - math.fsum(others.tolist())))
    return np.insert(others, i, value)


def with_probability(state, which, i, value):
    """The state with P's (which="p") or Q's entry i set by the drag rule (set_probability)."""
    if which == "p":
        return DiscreteState(state.labels, set_probability(state.p, i, value), state.q)
    if which == "q":
        return DiscreteState(state.labels, state.p, set_probability(state.q, i, value))
    raise ValueError(f"no discrete distribution {which!r} (p or q)")


def with_distribution(state, which, probs):
    p, q = (probs, state.q) if which == "p" else (state.p, probs)
    return DiscreteState(state.labels, p, q)


def preset(kind, n, rng=None):
    """A named distribution over n categories."""
    x = np.arange(n, dtype=float)
    if kind == "uniform":
        w = np.ones(n)
    elif kind == "peaked":
        g = np.exp(-0.5 * ((x - (n - 1) * 0.35) / max(n / 8.0, 0.7)) ** 2)
        w = 0.92 * g / g.sum() + 0.08 / n  # a floor keeps every category possible
    elif kind == "bimodal":
        s = max(n / 12.0, 0.6)
        g = np.exp(-0.5 * ((x - (n - 1) * 0.15) / s) ** 2) + 0.8 * np.exp(-0.5 * ((x - (n - 1) * 0.85) / s) ** 2)
        w = 0.92 * g / g.sum() + 0.08 / n
    elif kind == "one-hot":
        w = np.zeros(n)
        w[n // 2] = 1.0
    elif kind == "random":
        rng = rng if rng is not None else np.random.default_rng()
        w = rng.dirichlet(np.ones(n))
    else:
        raise ValueError(f"unknown preset {kind!r} (choose one of {', '.join(DISCRETE_PRESETS)})")
    return w / w.sum()


def support_mismatch_pair(n):
    """A scene where Q is zero where P is not: P covers every category, Q only the first half-ish."""
    p = preset("peaked", n)
    q = np.zeros(n)
    k = max(1, (2 * n) // 3)
    q[:k] = preset("bimodal", k)
    return p / p.sum(), q / q.sum()


def with_support_mismatch(state):
    p, q = support_mismatch_pair(state.n)
    return DiscreteState(state.labels, p, q)


def swapped(state):
    return DiscreteState(state.labels, state.q, state.p)


def p_copied_to_q(state):
    return DiscreteState(state.labels, state.p, state.p)


def resize(state, n):
    """The state with n categories: existing entries kept (renormalised), new ones get a fair share."""
    n = int(min(max(n, MIN_CATEGORIES), MAX_CATEGORIES))
    old = state.n
    if n == old:
        return state

    def fit(v):
        if n < old:
            v = v[:n].copy()
        else:
            v = np.concatenate([v * (old / n), np.full(n - old, 1.0 / n)])
        s = v.sum()
        return v / s if s > 0 else np.full(n, 1.0 / n)

    labels = list(state.labels[:n]) + default_labels(n)[old:n]
    return DiscreteState(tuple(labels), fit(state.p), fit(state.q))


def default_discrete(n=6):
    return DiscreteState(tuple(default_labels(n)), preset("peaked", n), preset("bimodal", n))


# Characters a label may not hold: controls (NUL, newline, tab, escape...), lone surrogates (not
# text; they cannot even be saved as UTF-8), line/paragraph separators, and the bidirectional
# controls that reorder how the rest of a line reads.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _bad_character(text):
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI_CONTROLS:
            return ch
    return None


def check_labels(labels, n):
    """Validated category labels: n distinct strings of 1 to 40 characters, with no control
    characters (surrounding white space is dropped). ValueError names the first bad label (with a
    Phrase, which the gui translates)."""
    labels = [str(s).strip() for s in labels]
    if len(labels) != n:
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "expected {n} labels, got {got}"), n=n, got=len(labels)))
    for k, s in enumerate(labels, 1):
        if not s:
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "label {k} is empty"), k=k))
        if len(s) > MAX_LABEL_LENGTH:
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "label {k} is longer than {most} characters ({n})"),
                                    k=k, most=MAX_LABEL_LENGTH, n=len(s)))
        bad = _bad_character(s)
        if bad is not None:
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "label {k} contains the control character U+{code:04X}; "
                                                      "a label is one line of plain text"), k=k, code=ord(bad)))
    if len(set(labels)) != len(labels):
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "labels must be distinct")))
    return tuple(labels)


def with_labels(state, labels):
    """The state with validated labels (ValueError explains a bad list)."""
    return DiscreteState(check_labels(labels, state.n), state.p, state.q)
