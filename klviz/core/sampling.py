"""Monte Carlo reading of KL: the average of log p(x)/q(x) over samples x ~ P tends to D(P‖Q)."""

from __future__ import annotations


import numpy as np

from klviz.core.checks import integer, real_vector, same_length
from klviz.core.discrete import _fixed_logs
from klviz.core.spec import Categorical
from klviz.core.units import check_unit, convert


def _pair(p, q):
    """Validated, exactly normalised P and Q (Categoricals, whose logs keep a probability near 1
    its log(1 - eps))."""
    P, Q = Categorical.from_weights(p, "p"), Categorical.from_weights(q, "q")
    same_length(P.probs, Q.probs)
    return P, Q


def sample_log_ratios(p, q, n, rng):
    """Draw n categories from P; return (indices, log p(x)/q(x) per draw).

    p, q: weights (normalised by their sum); rng: a numpy Generator. A draw where q(x) = 0 has
    ratio +inf: the estimate is then infinite, as D(P‖Q) is.
    """
    P, Q = _pair(p, q)
    n = integer(n, "n", 0, 10_000_000)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, not {type(rng).__name__}")
    idx = rng.choice(P.probs.size, size=n, p=P.probs)
    lp, lq = _fixed_logs(P), _fixed_logs(Q)
    with np.errstate(invalid="ignore"):  # -inf - -inf is never drawn: P has mass at every draw
        ratios = lp[idx] - lq[idx]
    return idx, ratios


def running_mean(values):
    """Mean of the first k values for k = 1..n (infinite once an infinite value appears); an empty
    input gives an empty result."""
    if isinstance(values, np.ndarray) and values.size == 0 and values.dtype.kind == "f":
        return np.zeros(0)
    values = real_vector(values, "values", allow_inf=True, max_entries=10_000_000)
    if np.isposinf(values).any() and np.isneginf(values).any():  # their mean is not a number
        raise ValueError("values holds both +inf and -inf: their mean is undefined")
    with np.errstate(invalid="ignore"):
        out = np.cumsum(values) / np.arange(1, values.size + 1)
    return out


def kl_estimate(p, q, n, rng, unit="nats"):
    """(indices drawn, running estimate of D(P‖Q) in `unit` after each draw)."""
    check_unit(unit)
    idx, ratios = sample_log_ratios(p, q, n, rng)
    return idx, convert(running_mean(ratios), unit)


def code_lengths(q, unit="bits"):
    """-log q_i in `unit`: the length of the ideal code word for category i under Q's code."""
    check_unit(unit)
    # the exactly normalised logs: the largest entry's from the others' sum (log1p), so weights
    # like 1e-17, 1 give that entry 1.4e-17 bits, not -0
    return convert(-_fixed_logs(Categorical.from_weights(q, "q")) + 0.0, unit)
