"""klviz.scene.readouts (the one why_infinite, the one describe) and klviz.scene.axes, without Qt."""

import math

import numpy as np
import pytest

from klviz.core import Mixture, Normal
from klviz.scene.axes import nice_bound, nice_ceiling
from klviz.scene.readouts import describe, why_infinite

LABELS = [f"L{i}" for i in range(10)]


def test_why_infinite_names_the_categories():
    assert why_infinite([2], LABELS, "P", "Q") == "Q(L2) = 0 where P(L2) > 0"
    assert why_infinite([0, 1, 2, 3], LABELS, "Q", "P") == "P(L0, L1, L2, L3) = 0 where Q(L0, L1, L2, L3) > 0"
    five = why_infinite([0, 1, 2, 3, 4], LABELS, "P", "Q")
    assert five == "Q(L0, L1, L2, L3, …) = 0 where P(L0, L1, L2, L3, …) > 0"


def test_why_infinite_quotes_each_label_and_keeps_it_plain():
    text = why_infinite([0], ["<b>x</b>"], "P", "Q", quote=lambda s: f"[{s}]")
    assert text == "Q([<b>x</b>]) = 0 where P([<b>x</b>]) > 0"  # plain text: the view escapes


def test_why_infinite_room_for_fewer_names():
    # the command line's table names five and marks the rest with three dots
    assert why_infinite(list(range(6)), LABELS, "P", "Q", shown=5, more=", ...") == (
        "Q(L0, L1, L2, L3, L4, ...) = 0 where P(L0, L1, L2, L3, L4, ...) > 0")
    # the figures name three, or count them when the names would be too long
    assert why_infinite([0, 1], LABELS, "P", "Q", shown=3, fit=24) == "Q(L0, L1) = 0 where P(L0, L1) > 0"
    long = ["a much longer label", "another long one"]
    assert why_infinite([0, 1], long, "P", "Q", shown=3, fit=24) == "Q = 0 where P > 0 (2 categories)"
    assert why_infinite([0], ["x" * 30], "P", "Q", shown=3, fit=24) == "Q = 0 where P > 0 (1 category)"


def test_describe_normal_and_mixture():
    assert describe(Normal(0.0, 1.0)) == "N(0, 1²)"
    assert describe(Normal(-1.23456, 0.5)) == "N(−1.23, 0.5²)"
    m = Mixture(0.3, (Normal(-2.0, 0.7), Normal(2.5, 1.25)))
    assert describe(m) == "0.3·N(−2, 0.7²) + 0.7·N(2.5, 1.25²)"
    assert describe(m, style="g", times=" ") == "0.3 N(−2, 0.7²) + 0.7 N(2.5, 1.25²)"
    assert describe(Normal(-1.23456, 0.5), style="g") == "N(−1.23456, 0.5²)"


def _brute(x, mantissas, floor=None):
    """The least m·10^k >= x over a wide enumeration (the definition, not the code's loop)."""
    if floor is not None:
        x = max(x, floor)
    cands = [m * 10.0**k for k in range(-12, 13) for m in mantissas]
    return min(c for c in cands if c >= x * (1 - 1e-12))


@pytest.mark.parametrize("x", [1e-9, 0.0123, 0.1, 0.99, 1.0, 1.01, 1.19, 1.21, 2.6, 7.9, 8.01, 42.0, 999.0, 3.3e7])
def test_nice_ceiling_is_the_least_round_number_above(x):
    assert nice_ceiling(x) == pytest.approx(_brute(x, (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)), rel=1e-12)


@pytest.mark.parametrize("x", [0.0, -3.0, math.inf, math.nan])
def test_nice_ceiling_of_nothing_positive_is_one(x):
    assert nice_ceiling(x) == 1.0


@pytest.mark.parametrize("x, floor", [(0.3, 1.0), (1.7, 1.0), (2.2, 1.0), (2.6, 5.0), (7.0, 5.0), (11.0, 5.0),
                                      (26.0, 1.0), (1234.0, 1.0)])
def test_nice_bound_is_the_least_round_number_above_the_floor(x, floor):
    assert nice_bound(x, floor) == pytest.approx(_brute(x, (1, 2, 2.5, 5), floor), rel=1e-12)
    assert nice_bound(math.inf, floor) == floor


def test_round_numbers_over_a_sweep():
    for x in np.geomspace(1e-6, 1e6, 301):
        c = nice_ceiling(x)
        assert x * (1 - 1e-12) <= c <= (4 / 3) * x * (1 + 1e-12)  # at most one step (2/1.5) above
