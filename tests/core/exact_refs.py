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
    return int(spread) + 53 + 400  # room for sums that cancel to 1e-100 of their terms


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


# ------------------------------------------------------------------------- continuous


def normal_measures(mu_p, s_p, mu_q, s_q, dps=80):
    """h(P), H(P,Q), D(P‖Q) of two Normals, closed forms in mpmath at `dps` digits."""
    with mpmath.workdps(dps):
        mu_p, s_p, mu_q, s_q = map(mpmath.mpf, (mu_p, s_p, mu_q, s_q))
        spread = s_p**2 / (2 * s_q**2)
        shift = (mu_p - mu_q) ** 2 / (2 * s_q**2)  # kept apart: 1 + 1e-300 would lose it
        h = mpmath.log(2 * mpmath.pi * mpmath.e * s_p**2) / 2
        cross = (mpmath.log(2 * mpmath.pi * s_q**2) / 2 + spread) + shift
        kl = (mpmath.log(s_q / s_p) + (s_p**2 - s_q**2) / (2 * s_q**2)) + shift
        return h, cross, kl


def _mixture_components(d):
    """[(weight, mu, sigma)] as mpf, the weights 1 - w exact."""
    if hasattr(d, "components"):
        w = mpmath.mpf(d.weight)
        (c1, c2) = d.components
        return [(w, mpmath.mpf(c1.mu), mpmath.mpf(c1.sigma)),
                (1 - w, mpmath.mpf(c2.mu), mpmath.mpf(c2.sigma))]
    return [(mpmath.mpf(1), mpmath.mpf(d.mu), mpmath.mpf(d.sigma))]


def mixture_kl(P, Q, dps=30, with_entropies=False):
    """D(P‖Q) (and optionally h(P), H(P,Q)) by mpmath quadrature of p log(p/q) - p + q.

    The problem is shifted first so that P's heaviest component sits at 0 (the shift is exact in
    mpmath), and the integral is split at every component's centre and at multiples of its sigma.
    """
    with mpmath.workdps(dps):
        cp, cq = _mixture_components(P), _mixture_components(Q)
        c = max(cp, key=lambda t: t[0])[1]
        cp = [(w, m - c, s) for w, m, s in cp if w > 0]
        cq = [(w, m - c, s) for w, m, s in cq if w > 0]
        pts = sorted({m + k * s for _, m, s in cp + cq
                      for k in (-40, -20, -12, -8, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 8, 12, 20, 40)})
        ends = [-mpmath.inf] + pts + [mpmath.inf]

        def pdf(cs, x):
            return mpmath.fsum(w * mpmath.npdf(x, m, s) for w, m, s in cs)

        def f_kl(x):
            p, q = pdf(cp, x), pdf(cq, x)
            return q if p == 0 else p * mpmath.log(p / q) - p + q

        kl = mpmath.quad(f_kl, ends)
        if not with_entropies:
            return kl
        h = mpmath.quad(lambda x: -pdf(cp, x) * mpmath.log(pdf(cp, x)) if pdf(cp, x) > 0 else 0, ends)
        cross = mpmath.quad(lambda x: -pdf(cp, x) * mpmath.log(pdf(cq, x)) if pdf(cp, x) > 0 else 0, ends)
        return kl, h, cross
