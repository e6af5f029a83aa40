"""Axis limits that change in steps, so a drag does not re-lay out an axis on every frame (the
rule itself is the scene's: klviz.scene.axes)."""

import math

from klviz.scene.axes import nice_ceiling


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


__all__ = ["fitted_top", "nice_ceiling"]
