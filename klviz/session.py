"""The state a user edits, with no Qt: discrete P and Q with their labels, the continuous pair,
and the unit. Also the pure operations on that state (the drag rule, presets, resizing) and the
session file format (validated load, atomic save).

Every function here returns a new state; nothing is mutated in place, so any state can be kept
for undo.
"""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from dataclasses import dataclass, field, replace

import numpy as np

from klviz.core.labels import default_labels
from klviz.fileio import read_regular_file, write_atomically
from klviz.core.spec import Categorical, Normal, continuous_from_dict
from klviz.core.units import UNITS

FORMAT = "klviz-session"
VERSION = 1
MIN_CATEGORIES = 2
MAX_CATEGORIES = 100  # what the app edits
MAX_FILE_CATEGORIES = 10_000  # what a session file may hold
MAX_FILE_BYTES = 1_000_000
MAX_LABEL_LENGTH = 40
_SUMS_TO_ONE = 1e-12  # weights this close to a total of 1 are read as the probabilities they are
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
    characters (surrounding white space is dropped). ValueError names the first bad label."""
    labels = [str(s).strip() for s in labels]
    if len(labels) != n:
        raise ValueError(f"expected {n} labels, got {len(labels)}")
    for k, s in enumerate(labels, 1):
        if not s:
            raise ValueError(f"label {k} is empty")
        if len(s) > MAX_LABEL_LENGTH:
            raise ValueError(f"label {k} is longer than {MAX_LABEL_LENGTH} characters ({len(s)})")
        bad = _bad_character(s)
        if bad is not None:
            raise ValueError(f"label {k} contains the control character U+{ord(bad):04X}; "
                             "a label is one line of plain text")
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


# ---------------------------------------------------------------------------------------------
# The file format
#
# A session file is UTF-8 JSON (a byte-order mark is allowed), at most MAX_FILE_BYTES, holding one
# object with "format": "klviz-session" and an integer "version"; "unit", "discrete" and
# "continuous" are optional (defaults fill what is missing), other keys are ignored. Every value is
# checked by the same rules as the command line (klviz.core.spec); anything else is refused with a
# SessionError that names the field. To add a format version: write _session_vN(data) and list it
# in _READERS.


class _BadNumber:
    """A JSON number no float can hold (1e400, a 400-digit integer) or a NaN/Infinity constant,
    kept as its text so the field holding it can be named when it is refused."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    @property
    def constant(self):
        return self.text in ("NaN", "Infinity", "-Infinity")

    def shown(self):
        if self.constant:
            return self.text
        digits = len(self.text.lstrip("-"))
        return self.text if digits <= 24 else f"a {digits:,}-character number"


def _parse_float(text):
    x = float(text)
    return x if math.isfinite(x) else _BadNumber(text)


_MAX_FLOAT_DIGITS = len(str(int(sys.float_info.max)))  # 309: any longer integer overflows a float


def _parse_int(text):
    if len(text.lstrip("-")) > _MAX_FLOAT_DIGITS:  # never hand int() a 5,000-digit string
        return _BadNumber(text)
    value = int(text)
    try:
        float(value)
    except OverflowError:
        return _BadNumber(text)
    return value


def _object(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise SessionError(f"the key {_show(key)} appears twice in one object")
        out[key] = value
    return out


def _show(value):
    """A value from the file, quoted for a one-line message (never its raw text)."""
    if isinstance(value, _BadNumber):
        return value.shown()
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:36] + "…" + text[-1]


def _number(value, where):
    """A finite float from a JSON number; SessionError naming `where` for anything else."""
    if isinstance(value, _BadNumber):
        if value.constant:
            raise SessionError(f"{where} is {value.text}, which is not a number a session may hold")
        raise SessionError(f"{where} is {value.shown()}, too large for a number klviz can use")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SessionError(f"{where} must be a number (got {_show(value)})")
    try:
        x = float(value)
    except OverflowError:
        raise SessionError(f"{where} is too large for a number klviz can use") from None
    if not math.isfinite(x):
        raise SessionError(f"{where} is {x}, which is not a number a session may hold")
    return x


def _field(obj, key, where):
    if key not in obj:
        raise SessionError(f"{where} needs {json.dumps(key)}")
    return obj[key]


def _probability_list(value, where):
    if not isinstance(value, list):
        raise SessionError(f"{where} must be a list of numbers (got {_show(value)})")
    if len(value) > MAX_FILE_CATEGORIES:
        raise SessionError(f"{where} has {len(value):,} categories (at most {MAX_FILE_CATEGORIES:,})")
    weights = [_number(v, f"{where}, entry {k}") for k, v in enumerate(value, 1)]
    try:
        probs = Categorical.from_weights(weights, where).probs
    except ValueError as exc:
        raise SessionError(str(exc)) from None
    if max(weights) <= 1.0 and abs(math.fsum(weights) - 1.0) <= _SUMS_TO_ONE:
        # Already probabilities (as klviz saves them): kept exactly, so that saving and reading
        # again gives the very same numbers instead of drifting by an ulp per round trip.
        return np.array(weights, dtype=float) + 0.0
    return probs


def _discrete(d):
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
    return DiscreteState(labels, p, q)


def _component(c, where):
    if not isinstance(c, dict):
        raise SessionError(f"{where} must be an object with 'mu' and 'sigma'")
    return {"mu": _number(_field(c, "mu", where), f"{where} mu"),
            "sigma": _number(_field(c, "sigma", where), f"{where} sigma")}


def _continuous_one(value, where):
    """A Normal or Mixture, its numbers checked here for type and by klviz.core.spec for range
    (the same rules as `klviz compute` and `klviz export`)."""
    if not isinstance(value, dict):
        raise SessionError(f"{where} must be an object")
    family = value.get("family")
    if family == "normal":
        clean = {"family": "normal", **_component(value, where)}
    elif family == "mixture":
        comps = _field(value, "components", where)
        if not isinstance(comps, list) or len(comps) != 2:
            raise SessionError(f"{where}: a mixture needs exactly two components (got {_show(comps)})")
        clean = {"family": "mixture", "weight": _number(_field(value, "weight", where), f"{where} weight"),
                 "components": [_component(c, f"{where} component {k}") for k, c in enumerate(comps, 1)]}
    else:
        raise SessionError(f"{where}: unknown family {_show(family)} (expected \"normal\" or \"mixture\")")
    try:
        return continuous_from_dict(clean, where)
    except (ValueError, TypeError) as exc:
        msg = str(exc)
        raise SessionError(msg if msg.startswith(where) else f"{where}: {msg}") from None


def _session_v1(data):
    session = Session()
    unit = data.get("unit", "nats")
    if not isinstance(unit, str) or unit not in UNITS:
        raise SessionError(f"unknown unit {_show(unit)} (expected one of {', '.join(UNITS)})")
    session = session.with_(unit=unit)
    if "discrete" in data:
        session = session.with_(discrete=_discrete(data["discrete"]))
    if "continuous" in data:
        c = data["continuous"]
        if not isinstance(c, dict) or "p" not in c or "q" not in c:
            raise SessionError("'continuous' must be an object with 'p' and 'q'")
        session = session.with_(continuous_p=_continuous_one(c["p"], "continuous P"),
                                continuous_q=_continuous_one(c["q"], "continuous Q"))
    return session


_READERS = {1: _session_v1}


def session_from_dict(data):
    """A Session from parsed JSON, or SessionError naming the problem."""
    if not isinstance(data, dict):
        raise SessionError("not a klviz session: the file must hold a JSON object")
    if "format" not in data:
        raise SessionError(f'not a klviz session: it has no "format": "{FORMAT}" entry')
    fmt = data["format"]
    if fmt != FORMAT or not isinstance(fmt, str):
        raise SessionError(f"not a klviz session (its format is {_show(fmt)}, not \"{FORMAT}\")")
    if "version" not in data:
        raise SessionError("the session has no format version (\"version\": 1)")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise SessionError(f"the session's format version must be a whole number (got {_show(version)})")
    if version > VERSION:
        raise SessionError(
            f"this session was written by a newer klviz (format version {_show(version)}); "
            f"this klviz reads version {VERSION}"
        )
    if version not in _READERS:
        raise SessionError(f"unknown session format version {_show(version)} (this klviz reads version {VERSION})")
    return _READERS[version](data)


def session_from_json(text):
    """A Session from the text of a session file; SessionError names any problem."""
    if not text.strip():
        raise SessionError("the file is empty")
    try:
        data = json.loads(text, parse_float=_parse_float, parse_int=_parse_int,
                          parse_constant=_BadNumber, object_pairs_hook=_object)
    except RecursionError:
        raise SessionError("the file is nested too deeply to be a klviz session") from None
    except json.JSONDecodeError as exc:
        raise SessionError(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except SessionError:
        raise
    except ValueError as exc:  # no number gets here (see _parse_int); kept so nothing else can
        raise SessionError(f"the file is not valid JSON ({exc})") from None
    return session_from_dict(data)


def load_session(path):
    """Read and validate a session file; SessionError (a ValueError) names any problem.

    Only a regular file of at most MAX_FILE_BYTES is read (a FIFO or a device is refused at once).
    """
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES, "session file")
    except ValueError as exc:  # fileio.ReadError: the caller names the file, the reason is ours
        raise SessionError(f"cannot read the file: {getattr(exc, 'reason', exc)}") from None
    if not raw.strip():
        raise SessionError("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError("the file is not UTF-8 text (not a klviz session)") from None
    return session_from_json(text)


def save_session(session, path):
    """Write the session as JSON atomically (klviz.fileio.write_atomically): a temporary file in
    the target's folder, then a rename. Raises OSError or ValueError if it cannot be written."""
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
