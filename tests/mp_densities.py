"""Reference densities in mpmath for the tests of the divergences and the α-fit."""

import mpmath

from klviz.core import Normal


def components(d):
    """[(weight, mu, sigma)] of a Normal or Mixture, zero-weight components dropped."""
    if isinstance(d, Normal):
        return [(1.0, d.mu, d.sigma)]
    return [(w, c.mu, c.sigma) for w, c in zip(d.weights, d.components) if w > 0]


def mp_pdf(d):
    """The density in mpmath at the current precision (the Gaussian written out: mpmath.npdf is slow)."""
    comps = [(mpmath.mpf(w) / (mpmath.mpf(s) * mpmath.sqrt(2 * mpmath.pi)), mpmath.mpf(m), 1 / (2 * mpmath.mpf(s) ** 2))
             for w, m, s in components(d)]
    return lambda x: mpmath.fsum(c * mpmath.exp(-k * (x - m) ** 2) for c, m, k in comps)


def widest(d):
    """The largest sigma among d's live components: it decides d's tails."""
    return max(s for _, _, s in components(d))
