"""One formatter for every number klviz shows: a value in some unit becomes text ("∞" included)."""

import math

INFINITY = "∞"


def format_value(value, digits=4):
    """`value` with `digits` significant digits (trailing zeros kept), or "∞".

    NaN is refused (ValueError): no measure of a valid input is NaN, so one reaching the display
    is a bug to be seen, never a value to be shown.
    """
    if math.isinf(value):
        return INFINITY if value > 0 else "-" + INFINITY
    if math.isnan(value):
        raise ValueError("format_value: NaN is not a value klviz shows")
    if value == 0:
        return "0." + "0" * (digits - 1) if digits > 1 else "0"
    text = f"{value:#.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant.rstrip('.')}e{int(exp)}"
    return text.rstrip(".")
