"""The common losses as cross-entropies (nats), computed stably from logits where they apply."""

from __future__ import annotations

import math

import numpy as np

_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def logsumexp(z):
    """log sum exp(z_i), shifted by the maximum so nothing overflows."""
    z = np.asarray(z, dtype=float)
    m = np.max(z)
    with np.errstate(over="ignore"):
        return float(m + np.log(np.sum(np.exp(z - m))))


def log_softmax(z):
    """z - logsumexp(z), formed as (z - max) - log sum exp(z - max): exact for huge logits too."""
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        shifted = z - np.max(z)
    return shifted - np.log(np.sum(np.exp(shifted)))


def softmax(z):
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        e = np.exp(z - np.max(z))
    return e / e.sum()


def sigmoid(z):
    """1 / (1 + e^-z) without overflow."""
    z = float(z)
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softplus(z):
    """log(1 + e^z), exact for large |z|."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def _xlogy(x, y):
    return 0.0 if x == 0 else x * math.log(y) if y > 0 else -math.inf


def bernoulli_entropy(y):
    """H(Bern(y)) = -[y log y + (1-y) log(1-y)]."""
    return max(-(_xlogy(y, y) + _xlogy(1.0 - y, 1.0 - y)), 0.0)


def binary_cross_entropy(y, f):
    """BCE(y, f) = H(Bern(y), Bern(f)) = -[y log f + (1-y) log(1-f)], 0 log 0 = 0."""
    return max(-(_xlogy(y, f) + _xlogy(1.0 - y, 1.0 - f)), 0.0)


def binary_cross_entropy_logit(y, z):
    """BCE(y, sigmoid(z)) = y softplus(-z) + (1-y) softplus(z), stable for any logit."""
    z = float(z)
    return y * _softplus(-z) + (1.0 - y) * _softplus(z)


def bernoulli_kl(y, f):
    """D(Bern(y) ‖ Bern(f))."""
    def term(a, b):
        return 0.0 if a == 0 else (math.inf if b == 0 else a * math.log(a / b))
    return max(term(y, f) + term(1.0 - y, 1.0 - f), 0.0)


def categorical_cross_entropy_logits(y, z):
    """-sum y_i log softmax(z)_i = logsumexp(z) - sum y_i z_i, exact for huge logit gaps."""
    y = np.asarray(y, dtype=float)
    ls = log_softmax(z)
    return max(-float(np.dot(y[y > 0], ls[y > 0])), 0.0)


def categorical_kl_logits(y, z):
    """D(y ‖ softmax(z)) = sum y_i (log y_i - log softmax(z)_i)."""
    y = np.asarray(y, dtype=float)
    ls = log_softmax(z)
    m = y > 0
    return max(float(np.dot(y[m], np.log(y[m]) - ls[m])), 0.0)


def gaussian_nll(y, f, sigma=1.0):
    """-log N(y; f, sigma^2) = 1/2 log(2 pi sigma^2) + (y - f)^2 / (2 sigma^2)."""
    r = (y - f) / sigma
    return _HALF_LOG_2PI + math.log(sigma) + 0.5 * r * r
