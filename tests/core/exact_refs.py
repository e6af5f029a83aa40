"""Exact references for discrete measures: the given float weights normalised exactly.

Every weight is an exact binary fraction; their sum is formed in mpmath with enough bits to be
exact, and every logarithm is taken at that precision, so log(1 - eps) of a probability within
1e-300 of 1 is kept. Nothing here uses klviz.
"""

from __future__ import annotations

import math

import mpmath


def _prec_for(values):
    pos = [abs(float(v)) for v in values if v != 0]
    if not pos:
        return 120
    spread = math.log2(max(pos)) - math.log2(min(pos))
    return int(spread) + 53 + 120


class Exact:
    """A distribution from weights (floats, or mpf for an exact 1 - theta), normalised exactly."""

    def __init__(self, weights, prec=None):
        self.weights = list(weights)
        self.prec = prec or _prec_for([float(w) for w in self.weights])

    @classmethod
    def bernoulli(cls, theta):
        with mpmath.workprec(2200):
            one_minus = mpmath.mpf(1) - mpmath.mpf(theta)
        return cls([one_minus, mpmath.mpf(theta)], prec=_prec_for([1.0, theta or 1.0]))

    def probs(self, prec):
        with mpmath.workprec(prec):
            w = [mpmath.mpf(x) for x in self.weights]
            total = mpmath.fsum(w)
            return [x / total for x in w]


def _prec(*dists):
    return max(d.prec for d in dists)


def _as_exact(d):
    return d if isinstance(d, Exact) else Exact(d)


def entropy(p):
    p = _as_exact(p)
    with mpmath.workprec(_prec(p)):
        return -mpmath.fsum(x * mpmath.log(x) for x in p.probs(_prec(p)) if x > 0)


def _pair_sum(p, q, term):
    """sum over p_i > 0 of term(p_i, q_i) at exact precision; +inf if some such q_i is 0."""
    p, q = _as_exact(p), _as_exact(q)
    prec = _prec(p, q)
    with mpmath.workprec(prec):
        pairs = [(a, b) for a, b in zip(p.probs(prec), q.probs(prec)) if a != 0]
        if any(b == 0 for _, b in pairs):
            return mpmath.inf
        return mpmath.fsum(term(a, b) for a, b in pairs)


def cross_entropy(p, q):
    return _pair_sum(p, q, lambda a, b: -a * mpmath.log(b))


def kl(p, q):
    return _pair_sum(p, q, lambda a, b: a * mpmath.log(a / b))


def js(p, q):
    p, q = _as_exact(p), _as_exact(q)
    prec = _prec(p, q)
    with mpmath.workprec(prec):
        pp, qq = p.probs(prec), q.probs(prec)
        total = mpmath.mpf(0)
        for a, b in zip(pp, qq):
            m = (a + b) / 2
            if a > 0:
                total += a * mpmath.log(a / m) / 2
            if b > 0:
                total += b * mpmath.log(b / m) / 2
        return total


def min_ratio_gap(p, q):
    """min_i |p_i / q_i - 1| over entries where both are positive (exactly normalised)."""
    p, q = _as_exact(p), _as_exact(q)
    prec = _prec(p, q)
    with mpmath.workprec(prec):
        gaps = [abs(a / b - 1) for a, b in zip(p.probs(prec), q.probs(prec)) if a > 0 and b > 0]
        return min(gaps) if gaps else mpmath.inf


def rel_err(actual, expected):
    """|actual - expected| / |expected| (0 when both are 0; inf when only expected is 0)."""
    with mpmath.workprec(200):
        expected = mpmath.mpf(expected)
        if mpmath.isinf(expected):
            return 0.0 if actual == float(expected) else math.inf
        err = abs(mpmath.mpf(float(actual)) - expected)
        if expected == 0:
            return 0.0 if err == 0 else math.inf
        return float(err / abs(expected))
