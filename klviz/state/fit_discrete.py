"""Fit Q to P on the Discrete tab, with no Qt: gradient descent on Q's logits.

Q = softmax(z). The cross-entropy H(P,Q) = logsumexp(z) − Σ p_i z_i and the divergence
D(P‖Q) = H(P,Q) − H(P) differ by H(P), which does not depend on Q: both have the gradient
q − p with respect to z, so the descent z ← z − rate·(q − p) minimises both at once and ends at
the same optimum, Q = P. The two curves of a fit's history are parallel, a constant H(P) apart.

H(P,Q) is smooth in z with a Hessian diag(q) − q qᵀ whose eigenvalues are at most ½, so any
rate below 4 makes every step decrease it (and D(P‖Q) with it) until Q = P. The default rate
is 3: near Q = P the error of outcome i shrinks by about (1 − rate·p_i) per step, so a small p_i
is slow; at rate 1 a fit of ten random categories stopped short of P (D above the tolerance after
the 400 iterations) four times in five, at rate 3 about two in five, and then only just short.

All values here are in nats; `FitHistory.in_unit` converts them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.format import format_value
from klviz.core.units import convert

DEFAULT_RATE = 3.0  # below MAX_RATE: every step still decreases D(P‖Q)
MAX_RATE = 4.0  # beyond it a step may overshoot (the descent is no longer monotone)
DEFAULT_ITERATIONS = 400
DEFAULT_TOLERANCE = 1e-10  # stop once D(P‖Q) is below this (nats): Q is P to about 1e-5
SMOOTHING = 0.01  # a Q that is 0 where P is not starts from (1 − s)·Q + s·uniform


@dataclass(frozen=True, eq=False)
class FitHistory:
    """Every iterate of a fit: qs[k] (read-only arrays) and H(P,Q), D(P‖Q) there (nats), H(P)."""

    qs: tuple
    cross_entropy: np.ndarray
    kl: np.ndarray
    entropy: float
    converged: bool  # D(P‖Q) fell below the tolerance
    smoothed: bool  # the start was Q smoothed (Q had zeros where P has mass)

    @property
    def iterations(self):
        """How many descent steps (the history has one more entry: the start)."""
        return len(self.qs) - 1

    def in_unit(self, unit):
        """(H(P,Q) per iterate, D(P‖Q) per iterate, H(P)) in `unit`."""
        return convert(self.cross_entropy, unit), convert(self.kl, unit), convert(self.entropy, unit)

    def text(self, k, unit):
        """One line on iterate k, plain text, in `unit`."""
        cross, kl, _ = self.in_unit(unit)
        f = format_value
        return (f"iteration {k}: H(P,Q) = {f(cross[k])}, D(P‖Q) = {f(kl[k])}; "
                f"H(P,Q) − D(P‖Q) = {f(cross[k] - kl[k])} {unit} = H(P)")


def _distribution(x, name):
    a = np.asarray(x, dtype=float)
    if a.ndim != 1 or a.size < 2:
        raise ValueError(f"{name} must be a list of at least 2 probabilities")
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        raise ValueError(f"{name} must be finite and non-negative")
    total = math.fsum(a)
    if abs(total - 1.0) > 1e-9:
        raise ValueError(f"{name} must sum to 1 (it sums to {total!r})")
    return a / total


def _log_softmax(z):
    m = np.max(z)
    s = z - m
    return s - math.log(math.fsum(np.exp(s)))


def _values(p, support, logp_support, log_q):
    """(H(P,Q), D(P‖Q)) in nats from log q (sums over P's support only: 0·log 0 = 0)."""
    lq = log_q[support]
    cross = -math.fsum(p[support] * lq)
    kl = math.fsum(p[support] * (logp_support - lq))
    return cross, max(kl, 0.0)


def fit_q_to_p(p, q, rate=DEFAULT_RATE, max_iterations=DEFAULT_ITERATIONS, tolerance=DEFAULT_TOLERANCE):
    """Descend on Q's logits from `q` towards `p`; returns the FitHistory (start included).

    ValueError for distributions that are not probability vectors of one length, a rate outside
    (0, 4), or a number of iterations below 1. A Q that gives zero probability to an outcome of
    P (D(P‖Q) = ∞, and no finite logit) starts from Q smoothed with 1% of the uniform."""
    p, q = _distribution(p, "P"), _distribution(q, "Q")
    if p.size != q.size:
        raise ValueError(f"P and Q must have the same number of categories ({p.size} and {q.size})")
    rate = float(rate)
    if not (0.0 < rate < MAX_RATE):
        raise ValueError(f"the rate must be above 0 and below {MAX_RATE:g} (got {rate!r})")
    if isinstance(max_iterations, bool) or int(max_iterations) != max_iterations or max_iterations < 1:
        raise ValueError("the number of iterations must be a whole number of at least 1")
    support = p > 0
    smoothed = bool(np.any(q[support] == 0))
    if smoothed:
        q = (1.0 - SMOOTHING) * q + SMOOTHING / q.size
    with np.errstate(divide="ignore"):
        z = np.log(q)  # -inf where q = 0 (outside P's support: those stay 0, as P is there)
    logp_support = np.log(p[support])
    entropy = -math.fsum(p[support] * logp_support)
    qs, cross, kl = [], [], []
    converged = False
    for k in range(int(max_iterations) + 1):
        log_q = _log_softmax(z)
        qk = np.exp(log_q)
        qk.flags.writeable = False
        h, d = _values(p, support, logp_support, log_q)
        qs.append(qk)
        cross.append(h)
        kl.append(d)
        if d <= tolerance:
            converged = True
            break
        if k == max_iterations:
            break
        z = z - rate * (qk - p)
    cross, kl = np.array(cross), np.array(kl)
    cross.flags.writeable = kl.flags.writeable = False
    return FitHistory(tuple(qs), cross, kl, entropy, converged, smoothed)


def as_probabilities(q):
    """An iterate as a list a DiscreteState accepts (its rounding mended so it sums to 1)."""
    q = np.asarray(q, dtype=float)
    return list(q / math.fsum(q))
