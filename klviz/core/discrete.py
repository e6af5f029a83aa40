"""Entropy, cross-entropy, KL and Jensen-Shannon divergence of discrete distributions.

Conventions (../shared/MATH.md): 0 log 0 = 0; a cross-entropy or KL term with p_i = 0 is 0 even
where q_i = 0; p_i > 0 with q_i = 0 gives +inf. KL is summed from its own terms, never taken as a
difference of entropies, and quantities that cannot be negative are clamped at 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.units import convert


def _arr(x):
    return np.asarray(x, dtype=float)


def _clamp0(x):
    x = float(x)
    return x if x > 0 else 0.0  # also turns -0.0 into 0.0


def entropy(p, unit="nats"):
    """H(P) = -sum p_i log p_i."""
    p = _arr(p)
    logp = np.zeros_like(p)
    np.log(p, out=logp, where=p > 0)
    return convert(_clamp0(-np.dot(p, logp)), unit)


def _kl_terms(p, q, logp=None, logq=None):
    """p_i log(p_i / q_i): 0 where p_i = 0, +inf where p_i > 0 = q_i.

    The ratio form is the most accurate where both are positive; entries it cannot represent (the
    ratio overflows, or q_i underflowed to 0 while its logarithm is finite) are redone from the
    logarithms, which are exact for softmax inputs.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = np.divide(p, q)
        np.log(t, out=t)
        t *= p
    bad = ~np.isfinite(t)
    if bad.any():
        bad &= p > 0
        if logp is None:
            with np.errstate(divide="ignore"):
                logp, logq = np.log(p[bad]), np.log(q[bad])
        else:
            logp, logq = logp[bad], logq[bad]
        with np.errstate(invalid="ignore"):
            t[bad] = p[bad] * (logp - logq)
    t[p == 0] = 0.0
    return t


def log1pmx(x):
    """log(1 + x) - x elementwise, accurate also where |x| is tiny (series there)."""
    out = np.empty_like(x)
    small = np.abs(x) < 0.1
    xs = x[small]
    # -x^2/2 + x^3/3 - ... summed by Horner; 24 terms are exact to double precision for |x| < 0.1.
    acc = np.zeros_like(xs)
    for k in range(25, 1, -1):
        acc = (-1.0) ** (k + 1) / k + xs * acc
    out[small] = xs * xs * acc
    big = ~small
    out[big] = np.log1p(x[big]) - x[big]  # callers keep x > -1 here
    return out


def _kl_sum(p, q, terms):
    """sum(terms) for terms = p log(p/q), kept accurate when P ≈ Q.

    Near P = Q the terms are first-order small with alternating signs while their sum is second
    order, so a plain sum keeps only the rounding noise. Then each term is rewritten as
    p log(p/q) - p + q = -p (log1p(x) - x) with x = (q - p)/p, which is never negative and has no
    cancellation, and the exact sum of (q - p) is subtracted again.
    """
    total = float(terms.sum())
    if not math.isfinite(total):
        return total
    noise = 1e-15 * (float(np.abs(terms).sum()) + float(p.sum()))
    if total > 1e7 * noise:
        return total
    both = (p > 0) & (q > 0)
    pb, qb, tb = p[both], q[both], terms[both]
    x = (qb - pb) / pb
    small = np.abs(x) < 0.5
    accurate = np.where(small, 0.0, tb - (pb - qb))  # no cancellation left where q is far from p
    accurate[small] = -pb[small] * log1pmx(x[small])
    rest = terms[(p > 0) & ~both]  # q underflowed to 0 but log q was finite (softmax)
    return math.fsum(accurate.tolist()) - math.fsum((qb - pb).tolist()) + math.fsum(rest.tolist())


def kl_terms(p, q, unit="nats"):
    """Pointwise contributions p_i log(p_i / q_i) to D(P‖Q); single terms may be negative."""
    return convert(_kl_terms(_arr(p), _arr(q)), unit)


def kl_divergence(p, q, unit="nats"):
    """D(P‖Q) = sum p_i log(p_i / q_i) >= 0; +inf iff some p_i > 0 has q_i = 0."""
    p, q = _arr(p), _arr(q)
    return convert(_clamp0(_kl_sum(p, q, _kl_terms(p, q))), unit)


def cross_entropy(p, q, unit="nats"):
    """H(P,Q) = -sum p_i log q_i; +inf iff some p_i > 0 has q_i = 0."""
    p, q = _arr(p), _arr(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = p * np.log(q)
    t[p == 0] = 0.0
    return convert(_clamp0(-t.sum()), unit)


def js_divergence(p, q, unit="nats"):
    """JS(P,Q) = 1/2 D(P‖M) + 1/2 D(Q‖M), M = (P + Q)/2; finite, in [0, log 2]."""
    p, q = _arr(p), _arr(q)
    with np.errstate(divide="ignore"):
        return convert(_js(p, q, np.log(p), np.log(q)), unit)


def _js(p, q, logp, logq):
    """JS in nats from P, Q and their logarithms.

    M = (P + Q)/2 underflows to 0 where p_i + q_i is the smallest subnormal, which would make a
    finite term infinite; log M is taken from p + q, which cannot underflow, and redoes those terms.
    """
    s = p + q
    m = 0.5 * s
    with np.errstate(divide="ignore"):
        logm = np.log(s) - math.log(2.0)
    kl_pm = _clamp0(_kl_sum(p, m, _kl_terms(p, m, logp, logm)))
    kl_qm = _clamp0(_kl_sum(q, m, _kl_terms(q, m, logq, logm)))
    return min(0.5 * (kl_pm + kl_qm), math.log(2.0))


def support_mismatch(p, q):
    """Indices i where p_i > 0 but q_i = 0: the categories that make D(P‖Q) infinite."""
    p, q = _arr(p), _arr(q)
    return np.flatnonzero((p > 0) & (q == 0))


@dataclass(frozen=True, eq=False)
class DiscreteMeasures:
    """Every measure of a pair (P, Q), in `unit`."""

    unit: str
    entropy_p: float
    entropy_q: float
    cross_entropy_pq: float
    cross_entropy_qp: float
    kl_pq: float
    kl_qp: float
    js: float
    terms_pq: np.ndarray
    terms_qp: np.ndarray
    mismatch_pq: np.ndarray
    mismatch_qp: np.ndarray


def _entropy_from_logs(p, logp):
    mask = p > 0
    return _clamp0(-np.dot(p[mask], logp[mask]))


def _cross_from_logs(p, logq):
    mask = p > 0
    with np.errstate(invalid="ignore", over="ignore"):
        return _clamp0(-np.dot(p[mask], logq[mask]))


def discrete_measures(P, Q, unit="nats"):
    """All measures of two `Categorical`s, using their exact log-probabilities.

    Working from log-probabilities keeps a softmax with a logit gap of 1000 exact: its smallest
    probability underflows to 0, but its logarithm (-1000) does not.
    """
    p, q = P.probs, Q.probs
    lp, lq = P.log_probs, Q.log_probs
    terms_pq = _kl_terms(p, q, lp, lq)
    terms_qp = _kl_terms(q, p, lq, lp)
    values = dict(
        entropy_p=_entropy_from_logs(p, lp),
        entropy_q=_entropy_from_logs(q, lq),
        cross_entropy_pq=_cross_from_logs(p, lq),
        cross_entropy_qp=_cross_from_logs(q, lp),
        kl_pq=_clamp0(_kl_sum(p, q, terms_pq)),
        kl_qp=_clamp0(_kl_sum(q, p, terms_qp)),
        js=_js(p, q, lp, lq),
    )
    return DiscreteMeasures(
        unit=unit,
        **{k: float(convert(v, unit)) for k, v in values.items()},
        terms_pq=convert(terms_pq, unit),
        terms_qp=convert(terms_qp, unit),
        mismatch_pq=np.flatnonzero((p > 0) & np.isneginf(lq)),
        mismatch_qp=np.flatnonzero((q > 0) & np.isneginf(lp)),
    )
