"""Axis limits that change in steps, so a drag does not re-lay out an axis on every frame."""

import math


def nice_ceiling(x):
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) that is >= x > 0."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        v = m * 10.0**exp
        if v >= x * (1 - 1e-12):
            return v
    return 10.0 ** (exp + 1)
