"""Monte Carlo reading of KL: the average of log p(x)/q(x) over samples x ~ P tends to D(P‖Q)."""

from __future__ import annotations

import math

import numpy as np

from klviz.core.checks import integer, real_vector, same_length, weight_vector
from klviz.core.units import check_unit, convert


def _pair(p, q):
    p, q = weight_vector(p, "p"), weight_vector(q, "q")
    same_length(p, q)
    return p / math.fsum(p.tolist()), q / math.fsum(q.tolist())


def sample_log_ratios(p, q, n, rng):
    """Draw n categories from P; return (indices, log p(x)/q(x) per draw).

    p, q: weights (normalised by their sum); rng: a numpy Generator. A draw where q(x) = 0 has
    ratio +inf: the estimate is then infinite, as D(P‖Q) is.
    """
    p, q = _pair(p, q)
    n = integer(n, "n", 0, 10_000_000)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, not {type(rng).__name__}")
    idx = rng.choice(p.size, size=n, p=p)
    with np.errstate(divide="ignore"):
        ratios = np.log(p[idx]) - np.log(q[idx])
    return idx, ratios


def running_mean(values):
    """Mean of the first k values for k = 1..n (infinite once an infinite value appears); an empty
    input gives an empty result."""
    if isinstance(values, np.ndarray) and values.size == 0 and values.dtype.kind == "f":
        return np.zeros(0)
    values = real_vector(values, "values", allow_inf=True, max_entries=10_000_000)
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
    q = weight_vector(q, "q")
    with np.errstate(divide="ignore"):
        return convert(-(np.log(q) - math.log(math.fsum(q.tolist()))), unit)
