"""Input checks for the public boundary of klviz.core: every public function validates with these.

Bad values raise ValueError; things that are not numbers at all (strings, booleans, object arrays,
complex numbers) raise `NotNumbersError`, which is both a TypeError and a ValueError so that callers
catching either keep working. Messages name the argument and the problem.
"""

import math
import re

import numpy as np

from klviz.core.text import Text

MAX_ENTRIES = 1_000_000  # the longest vector the public functions accept

# A number as text (SPECs, data files): ASCII decimal, optional exponent, or nan/inf (recognised,
# then refused where a finite number is needed). Python's float() also takes "1_000" and
# non-ASCII digits ("１"): those are not numbers here.
NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"
                         r"|nan|inf|infinity)", re.IGNORECASE)


class NotNumbersError(TypeError, ValueError):
    """The input is not real numbers (a string, a bool, an object array, a complex number...)."""


def finite_number(value, what):
    """float(value), or an error saying that `what` must be a (finite) number."""
    if isinstance(value, (bool, np.bool_)):
        raise NotNumbersError(f"{what} must be a number, not a bool ({value!r})")
    if isinstance(value, (str, bytes, complex, np.complexfloating)):
        raise NotNumbersError(f"{what} must be a real number (got {_short(value)})")
    if isinstance(value, np.ndarray) and (value.ndim > 0 or value.dtype.kind not in "iuf"):
        raise NotNumbersError(f"{what} must be a single real number (got an array)")
    try:
        x = float(value)
    except OverflowError:
        raise ValueError(f"{what} is too large for a float (got {_short(value)})") from None
    except (TypeError, ValueError):
        raise NotNumbersError(f"{what} must be a number (got {_short(value)})") from None
    if math.isnan(x):
        raise ValueError(f"{what} must be a finite number, not NaN")
    if math.isinf(x):
        infinite_input = isinstance(value, (float, np.floating)) or bool(
            getattr(value, "is_infinite", lambda: False)()
        )
        if not infinite_input:  # e.g. Decimal("1e400"): a finite number floats cannot hold
            raise ValueError(f"{what} is too large for a float (got {_short(value)})")
        raise ValueError(f"{what} must be finite (got {x})")
    return x


def positive_number(value, what):
    """A finite number > 0 (a scale such as sigma)."""
    x = finite_number(value, what)
    if not x > 0:
        raise ValueError(f"{what} must be > 0 (got {x!r})")
    return x


def probability(value, what):
    """A number in [0, 1]."""
    x = finite_number(value, what)
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"{what} must lie in [0, 1] (got {x!r})")
    return x


def _short(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(x):
    return repr(float(x)) if np.isfinite(x) else str(float(x))


def real_vector(values, what, allow_inf=False, max_entries=MAX_ENTRIES):
    """A flat float64 array of finite real numbers, or an error naming `what` and the problem.

    Refused: strings and bytes, booleans, object/complex/structured arrays, anything not 1-D, an
    empty vector, more than `max_entries` entries, numbers beyond the float range, NaN and (unless
    `allow_inf`) infinities.
    """
    if isinstance(values, (str, bytes, dict, set)):
        raise NotNumbersError(f"{what} must be a list or array of numbers, not {type(values).__name__}")
    if isinstance(values, np.ndarray):
        arr = values
    else:
        if isinstance(values, (list, tuple)) and any(isinstance(v, (bool, np.bool_)) for v in values):
            raise NotNumbersError(f"{what} must be numbers, not booleans")
        try:
            arr = np.asarray(values)
        except (ValueError, TypeError):  # ragged nesting
            raise ValueError(f"{what} must be a flat list of numbers") from None
    kind = arr.dtype.kind
    if kind == "b":
        raise NotNumbersError(f"{what} must be numbers, not booleans")
    if kind == "O":
        if arr.ndim != 1:
            raise ValueError(f"{what} must be a flat (1-D) list of numbers (got {arr.ndim} dimensions)")
        if isinstance(values, np.ndarray):
            raise NotNumbersError(f"{what} must be a numeric array, not an object array")
        arr = np.array([v if allow_inf and _is_inf(v) else finite_number(v, f"{what} entry {i + 1}")
                        for i, v in enumerate(arr.tolist())], dtype=float)
        kind = "f"
    if kind not in "iuf":
        raise NotNumbersError(f"{what} must be real numbers (got {arr.dtype} data)")
    if arr.ndim != 1:
        raise ValueError(f"{what} must be a flat (1-D) list of numbers (got {arr.ndim} dimensions)")
    if arr.size == 0:
        raise ValueError(f"{what} is empty: give at least one number")
    if arr.size > max_entries:
        raise ValueError(f"{what} has {arr.size:,} entries (at most {max_entries:,})")
    if kind != "f" or arr.dtype != np.float64:
        arr = arr.astype(np.float64)
    if not np.isfinite(arr).all():
        bad = np.flatnonzero(np.isnan(arr))
        if bad.size:
            raise ValueError(f"{what} has a NaN entry (position {bad[0] + 1})")
        if not allow_inf:
            bad = np.flatnonzero(np.isinf(arr))
            raise ValueError(
                f"{what} has an infinite entry ({_describe(arr[bad[0]])} at position {bad[0] + 1})"
            )
    return arr


def _is_inf(v):
    return isinstance(v, (float, np.floating)) and math.isinf(v)


def weight_vector(values, what, max_entries=MAX_ENTRIES):
    """Non-negative finite weights, not all zero (to be normalised by their sum)."""
    w = real_vector(values, what, max_entries=max_entries)
    neg = np.flatnonzero(w < 0)
    if neg.size:
        raise ValueError(Text("{what} has a negative entry ({value} at position {k})", what=what,
                              value=_describe(w[neg[0]]), k=int(neg[0]) + 1))
    if not w.max() > 0:
        raise ValueError(Text("{what} is all zero: at least one weight must be positive", what=what))
    return w + 0.0  # a copy; -0.0 becomes 0.0


def same_length(p, q, what_p="p", what_q="q"):
    if p.size != q.size:
        raise ValueError(f"{what_p} and {what_q} have different lengths ({p.size} and {q.size})")


def integer(value, what, lo, hi):
    """An int (not a bool) in [lo, hi]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise NotNumbersError(f"{what} must be an integer (got {_short(value)})")
    if not lo <= value <= hi:
        raise ValueError(f"{what} must lie in [{lo}, {hi}] (got {value})")
    return int(value)


MAX_JOINT_CELLS = 1_000_000  # what a joint may hold to be measured (a file may be larger than the editor)
# A label as a data file may hold it (klviz.core.datafile reads them; the loss lab's batch keeps
# them): at most MAX_LABEL_LENGTH characters, none of them in BAD_LABEL_CATEGORIES (controls,
# format and bidirectional controls, surrogates, private use, unassigned, line and paragraph separators).
MAX_LABEL_LENGTH = 100
BAD_LABEL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
