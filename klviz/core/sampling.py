"""Monte Carlo reading of KL: the average of log p(x)/q(x) over samples x ~ P tends to D(P‖Q)."""

from __future__ import annotations

import numpy as np

from klviz.core.units import convert


def sample_log_ratios(p, q, n, rng):
    """Draw n categories from P; return (indices, log p(x)/q(x) per draw).

    A draw where q(x) = 0 has ratio +inf: the estimate is then infinite, as D(P‖Q) is.
    """
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    idx = rng.choice(p.size, size=int(n), p=p / p.sum())
    with np.errstate(divide="ignore"):
        ratios = np.log(p[idx]) - np.log(q[idx])
    return idx, ratios


def running_mean(values):
    """Mean of the first k values for k = 1..n (infinite once an infinite value appears)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        out = np.cumsum(values) / np.arange(1, values.size + 1)
    return out


def kl_estimate(p, q, n, rng, unit="nats"):
    """(indices drawn, running estimate of D(P‖Q) in `unit` after each draw)."""
    idx, ratios = sample_log_ratios(p, q, n, rng)
    return idx, convert(running_mean(ratios), unit)


def code_lengths(q, unit="bits"):
    """-log q_i in `unit`: the length of the ideal code word for category i under Q's code."""
    q = np.asarray(q, dtype=float)
    with np.errstate(divide="ignore"):
        return convert(-np.log(q), unit)
