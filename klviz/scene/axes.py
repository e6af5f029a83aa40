"""Round-number axis limits, Qt-free: limits that change in steps, so a drag does not re-lay out
an axis on every frame (the views keep the sticky part: grow during a gesture, settle after)."""

from __future__ import annotations

import math


def nice_ceiling(x):
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) that is >= x > 0
    (1 for anything else)."""
    if not x > 0 or not math.isfinite(x):
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):  # inline, not shared: it runs on every drag frame
        v = m * 10.0**exp
        if v >= x * (1 - 1e-12):
            return v
    return 10.0 ** (exp + 1)


def nice_bound(x, floor):
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is >= max(x, floor) (`floor` if x
    is not finite)."""
    x = max(float(x), floor)
    if not math.isfinite(x):
        return floor
    exp = math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * 10.0**exp >= x * (1 - 1e-12):
            return m * 10.0**exp
    return 10.0 ** (exp + 1)


def fitted_top(peak, current=None, *, floor=1e-3, ceiling=1.0, headroom=1.1, shrink_below=0.5):
    """The top of a value axis fitted to data whose largest value is `peak`, with hysteresis.

    A round number (nice_ceiling) at least `headroom` × peak, within [floor, ceiling]. Given the
    top now shown (`current`), it is kept while the data still fits under it and fills more
    than `shrink_below` of it, so small changes of the data do not move the axis at all.
    """
    peak = float(peak) if math.isfinite(peak) and peak > 0 else 0.0
    want = min(ceiling, max(floor, nice_ceiling(max(peak * headroom, floor))))
    if current is None or peak > current or peak < shrink_below * current:
        return want
    return current
