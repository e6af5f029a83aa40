"""The state a user edits, with no Qt: discrete P and Q with their labels, the continuous pair,
and the unit. Also the pure operations on that state (the drag rule, presets, resizing) and the
session file format (validated load, atomic save).

Every function here returns a new state; nothing is mutated in place, so any state can be kept
for undo.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field, replace

import numpy as np

from klviz.core.labels import default_labels
from klviz.fileio import write_atomically
from klviz.core.spec import Categorical, Mixture, Normal, continuous_from_dict
from klviz.core.units import UNITS

FORMAT = "klviz-session"
VERSION = 1
MIN_CATEGORIES = 2
MAX_CATEGORIES = 100  # what the app edits
MAX_FILE_CATEGORIES = 10_000  # what a session file may hold
MAX_FILE_BYTES = 1_000_000
MAX_LABEL_LENGTH = 40
DISCRETE_PRESETS = ("uniform", "peaked", "bimodal", "one-hot", "random")


class SessionError(ValueError):
    """A session file that cannot be used; the message says why."""


# ---------------------------------------------------------------------------------------------
# Discrete state and its operations


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
    out = np.insert(others, i, value)
    return out


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

    defaults = default_labels(n)
    labels = list(state.labels[:n]) + defaults[old:n]
    return DiscreteState(tuple(labels), fit(state.p), fit(state.q))


def default_discrete(n=6):
    p = preset("peaked", n)
    q = preset("bimodal", n)
    return DiscreteState(tuple(default_labels(n)), p, q)


def check_labels(labels, n):
    """Validated category labels: n non-empty, distinct, short strings."""
    labels = [str(s).strip() for s in labels]
    if len(labels) != n:
        raise ValueError(f"expected {n} labels, got {len(labels)}")
    if any(not s for s in labels):
        raise ValueError("a label is empty")
    if any(len(s) > MAX_LABEL_LENGTH for s in labels):
        raise ValueError(f"a label is longer than {MAX_LABEL_LENGTH} characters")
    if len(set(labels)) != len(labels):
        raise ValueError("labels must be distinct")
    return tuple(labels)


# ---------------------------------------------------------------------------------------------
# The whole session


def default_continuous():
    return Normal(0.0, 1.0), Normal(1.0, 1.5)


@dataclass(frozen=True, eq=False)
class Session:
    discrete: DiscreteState = field(default_factory=default_discrete)
    continuous_p: object = field(default_factory=lambda: default_continuous()[0])
    continuous_q: object = field(default_factory=lambda: default_continuous()[1])
    unit: str = "nats"

    def with_(self, **changes):
        return replace(self, **changes)

    def to_dict(self):
        return {
            "format": FORMAT,
            "version": VERSION,
            "unit": self.unit,
            "discrete": self.discrete.to_dict(),
            "continuous": {"p": self.continuous_p.to_dict(), "q": self.continuous_q.to_dict()},
        }


def _probability_list(value, where):
    if not isinstance(value, list):
        raise SessionError(f"{where} must be a list of numbers")
    if len(value) > MAX_FILE_CATEGORIES:
        raise SessionError(f"{where} has {len(value)} categories (at most {MAX_FILE_CATEGORIES:,})")
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise SessionError(f"{where} holds {json.dumps(v)[:40]}, which is not a number")
    try:
        return Categorical.from_weights(value, where).probs
    except ValueError as exc:
        raise SessionError(str(exc)) from None


def session_from_dict(data):
    """A Session from parsed JSON, or SessionError naming the problem."""
    if not isinstance(data, dict):
        raise SessionError("not a klviz session: the file must hold a JSON object")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise SessionError(f"not a klviz session (format {json.dumps(fmt)[:40]})")
    version = data.get("version", VERSION)
    if isinstance(version, bool) or not isinstance(version, (int, float)):
        raise SessionError("the session version must be a number")
    if int(version) > VERSION:
        raise SessionError(
            f"this session was written by a newer klviz (format version {version}); "
            f"this klviz reads version {VERSION}"
        )
    session = Session()
    unit = data.get("unit", "nats")
    if unit not in UNITS:
        raise SessionError(f"unknown unit {json.dumps(unit)[:40]} (expected one of {', '.join(UNITS)})")
    session = session.with_(unit=unit)
    if "discrete" in data:
        d = data["discrete"]
        if not isinstance(d, dict):
            raise SessionError("'discrete' must be an object")
        if "p" not in d or "q" not in d:
            raise SessionError("'discrete' needs both 'p' and 'q'")
        p = _probability_list(d["p"], "discrete P")
        q = _probability_list(d["q"], "discrete Q")
        if p.size != q.size:
            raise SessionError(f"discrete P and Q have different lengths ({p.size} and {q.size})")
        if p.size < MIN_CATEGORIES:
            raise SessionError(f"discrete P and Q need at least {MIN_CATEGORIES} categories")
        if p.size > MAX_CATEGORIES:
            raise SessionError(f"discrete P and Q have {p.size} categories; klviz edits at most {MAX_CATEGORIES}")
        labels = d.get("labels", default_labels(p.size))
        if not isinstance(labels, list) or not all(isinstance(s, str) for s in labels):
            raise SessionError("'labels' must be a list of strings")
        try:
            labels = check_labels(labels, p.size)
        except ValueError as exc:
            raise SessionError(f"labels: {exc}") from None
        session = session.with_(discrete=DiscreteState(labels, p, q))
    if "continuous" in data:
        c = data["continuous"]
        if not isinstance(c, dict) or "p" not in c or "q" not in c:
            raise SessionError("'continuous' must be an object with 'p' and 'q'")
        try:
            cp = continuous_from_dict(c["p"], "continuous P")
            cq = continuous_from_dict(c["q"], "continuous Q")
        except (ValueError, TypeError) as exc:
            raise SessionError(str(exc)) from None
        session = session.with_(continuous_p=cp, continuous_q=cq)
    return session


def _reject_constant(name):
    raise SessionError(f"the file holds {name}, which is not a number JSON allows")


def load_session(path):
    """Read and validate a session file; SessionError (a ValueError) names any problem."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise SessionError(f"the file is {size:,} bytes; a session is at most {MAX_FILE_BYTES:,}")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SessionError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not raw.strip():
        raise SessionError("the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError("the file is not text (not a klviz session)") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise SessionError("the file is nested too deeply to be a klviz session") from None
    except json.JSONDecodeError as exc:
        raise SessionError(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return session_from_dict(data)


def save_session(session, path):
    """Write the session as JSON atomically: a temporary file in the same folder, then a rename."""
    text = json.dumps(session.to_dict(), indent=2, allow_nan=False) + "\n"
    write_atomically(path, lambda fh: fh.write(text.encode("utf-8")))


def check_unit_name(unit):
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (choose one of {', '.join(UNITS)})")
    return unit


def load_session_matches(path, session):
    """True if the file at `path` holds exactly `session` (so nothing is unsaved)."""
    try:
        return load_session(path).to_dict() == session.to_dict()
    except SessionError:
        return False
