"""The smallest input checks, shared by the validation in spec.py and the loss lab in losses.py."""

import math


def finite_number(value, what):
    """float(value), or ValueError saying that `what` must be a (finite) number."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number (got {value!r})") from None
    if not math.isfinite(x):
        raise ValueError(f"{what} must be finite (got {x})")
    return x
