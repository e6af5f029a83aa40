"""One formatter for every number klviz shows: a value in some unit becomes text ("∞" included)."""

import math

INFINITY = "∞"


def format_value(value, digits=4):
    """`value` with `digits` significant digits (trailing zeros kept), or "∞"."""
    if math.isinf(value):
        return INFINITY if value > 0 else "-" + INFINITY
    if math.isnan(value):
        return "undefined"
    if value == 0:
        return "0." + "0" * (digits - 1) if digits > 1 else "0"
    text = f"{value:#.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant.rstrip('.')}e{int(exp)}"
    return text.rstrip(".")
