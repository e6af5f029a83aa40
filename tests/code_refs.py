"""Exact references for binary prefix codes (MATH.md "Codes"), in rational arithmetic: shared by
the `--code` CLI tests and the Coding scene's tests."""

import itertools
import math
from fractions import Fraction


def ceil_neglog2(fr):
    """⌈−log₂ fr⌉ for a Fraction 0 < fr ≤ 1: the least k with 2^-k ≤ fr, exactly."""
    k = 0
    while Fraction(1, 2 ** k) > fr:
        k += 1
    return k


def shannon_length(p, q):
    """Σ_{p_i > 0} p_i ⌈−log₂ q_i⌉ with exact fractions; inf if some p_i > 0 has q_i = 0."""
    total = Fraction(0)
    for a, b in zip(p, q):
        if a == 0:
            continue
        if b == 0:
            return math.inf
        total += a * ceil_neglog2(b)
    return total


def best_prefix_code_length(r):
    """The least Σ r_i l_i over every binary prefix code of the symbols with r_i > 0 (Kraft
    Σ 2^-l ≤ 1), by exhaustive search: lengths 1..n-1 suffice for n ≥ 2 symbols."""
    live = [x for x in r if x > 0]
    if len(live) == 1:
        return Fraction(0)
    best = None
    for lengths in itertools.product(range(1, len(live)), repeat=len(live)):
        if sum(Fraction(1, 2 ** k) for k in lengths) <= 1:
            cost = sum(x * k for x, k in zip(live, lengths))
            best = cost if best is None else min(best, cost)
    return best
