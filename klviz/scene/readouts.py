"""Text every view shares, Qt-free: the one number formatter, the units, the one `why_infinite`
(why a divergence is ∞) and the one `describe` (a Normal's or a mixture's name).

Views, figures and `klviz compute` take their text from here, so they cannot disagree; they
differ only in how many labels they have room for (the arguments say so). Everything returned is
plain text: a label from a file stays a label, never markup (a rich-text view escapes it).
"""

from __future__ import annotations

from klviz.core.format import INFINITY, format_value
from klviz.core.gaussian import Normal
from klviz.core.units import UNITS, convert
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase

__all__ = ["INFINITY", "UNITS", "MINUS", "convert", "describe", "format_value", "is_normal", "why_infinite"]

MINUS = "−"  # the typographic minus sign of formulas and descriptions


def _plain(label):
    return str(label)


def why_infinite(mismatch, labels, num, den, shown=4, more=", …", quote=_plain, fit=None):
    """Why D(num‖den) is ∞: "Q(C, D) = 0 where P(C, D) > 0".

    `mismatch`: the indices where den is 0 but num is not; the first `shown` of their `labels`
    (each passed through `quote`) are named, `more` marks the rest. With `fit` (a length), a
    list of names longer than that gives the count instead: "Q = 0 where P > 0 (7 categories)".
    A Phrase: English everywhere (the command line, the figures); the gui translates it.
    """
    names = ", ".join(quote(labels[i]) for i in mismatch[:shown]) + (more if len(mismatch) > shown else "")
    if fit is not None and len(names) > fit:
        count = len(mismatch)
        template = (QT_TRANSLATE_NOOP("klviz", "{den} = 0 where {num} > 0 ({count} category)") if count == 1
                    else QT_TRANSLATE_NOOP("klviz", "{den} = 0 where {num} > 0 ({count} categories)"))
        return Phrase(template, den=den, num=num, count=count)
    return Phrase(QT_TRANSLATE_NOOP("klviz", "{den}({names}) = 0 where {num}({names}) > 0"),
                  den=den, names=names, num=num)


NUMBER_STYLES = {"3g": ".3g", "g": "g"}  # format specs


def describe(dist, style="3g", times="·"):
    """"N(0, 1²)" or "0.5·N(−2, 0.7²) + 0.5·N(2, 0.7²)": mean and standard deviation squared,
    with a typographic minus. `style` "3g" (three significant digits, the tabs) or "g" (the
    figures); `times` joins a weight to its component ("·" on the tabs, " " in the figures)."""
    f = NUMBER_STYLES[style]
    if isinstance(dist, Normal):
        return f"N({dist.mu:{f}}, {dist.sigma:{f}}²)".replace("-", MINUS)
    (w1, w2), (c1, c2) = dist.weights, dist.components
    return (f"{w1:{f}}{times}N({c1.mu:{f}}, {c1.sigma:{f}}²) + "
            f"{w2:{f}}{times}N({c2.mu:{f}}, {c2.sigma:{f}}²)").replace("-", MINUS)


def is_normal(dist):
    """True for a single Normal (not a mixture)."""
    return isinstance(dist, Normal)
