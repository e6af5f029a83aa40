"""Information units. Every core function works in nats; a value in base b is nats / ln b."""

import math

import numpy as np

UNITS = ("nats", "bits", "hartleys")
_LOG_BASE = {"nats": 1.0, "bits": math.log(2.0), "hartleys": math.log(10.0)}


def check_unit(unit):
    """Return `unit` if it is known, else raise ValueError naming the choices."""
    if not isinstance(unit, str) or unit not in _LOG_BASE:
        raise ValueError(f"unknown unit {unit!r} (choose one of {', '.join(UNITS)})")
    return unit


def convert(value_nats, unit):
    """A value (or array) in nats expressed in `unit` (beyond the float range: inf, no warning).

    A NaN number is refused (ValueError): no measure of a valid input is NaN, so one reaching a
    unit conversion is a bug to be seen, not a value to pass on. Arrays (curves to draw, whose
    callers mask what is not finite) are converted elementwise as they are."""
    base = _LOG_BASE[check_unit(unit)]
    if np.ndim(value_nats) == 0 and _has_nan(value_nats):
        raise ValueError("the value to convert is NaN (not a measure of any input)")
    if type(value_nats) is float or base == 1.0:  # Python floats overflow to inf quietly
        return value_nats / base
    with np.errstate(over="ignore"):
        return value_nats / base


def _has_nan(value):
    try:
        arr = np.asarray(value)
    except Exception:  # noqa: BLE001 - not numbers at all: the division below says so
        return False
    return arr.dtype.kind in "fc" and bool(np.isnan(arr).any())


def log_base(unit):
    """ln of the unit's base: 1 for nats, ln 2 for bits, ln 10 for hartleys."""
    return _LOG_BASE[check_unit(unit)]
