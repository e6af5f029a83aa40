"""Differential entropy, cross-entropy and KL of Normal distributions and two-component mixtures.

Normal pairs use closed forms written so that no digits are lost when sigma_p ≈ sigma_q. Anything
involving a mixture is integrated numerically with log densities (logsumexp) on Gauss-Legendre
panels whose break points follow every component's centre and scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from klviz.core.discrete import log1pmx
from klviz.core.spec import Mixture, Normal
from klviz.core.units import convert

_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def _log1pmx(x):
    """log(1 + x) - x for a scalar, accurate also for tiny |x| (see discrete.log1pmx)."""
    return float(log1pmx(np.array([x], dtype=float))[0])


def normal_entropy(sigma):
    """h(N(mu, sigma^2)) = 1/2 log(2 pi e sigma^2); negative for sigma < 1/sqrt(2 pi e)."""
    return _HALF_LOG_2PI + 0.5 + math.log(sigma)


def normal_kl(mu_p, sigma_p, mu_q, sigma_q):
    """D(N_p ‖ N_q) = log(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2, >= 0.

    With x = sp^2/sq^2 - 1 this is 1/2 (x - log(1 + x)) + (mp - mq)^2 / (2 sq^2); x is formed from
    the exact difference sp - sq, and x - log1p(x) by its series when x is small.
    """
    d = (mu_p - mu_q) / sigma_q
    r = sigma_p / sigma_q
    if 0.5 < r < 1.5:
        x = (sigma_p - sigma_q) * (sigma_p + sigma_q) / (sigma_q * sigma_q)
        value = -0.5 * _log1pmx(x) + 0.5 * d * d
    else:  # far from 1 nothing cancels; logs taken apart so extreme ratios do not overflow
        value = (math.log(sigma_q) - math.log(sigma_p)) + 0.5 * (r * r - 1.0) + 0.5 * d * d
    return max(value, 0.0)


def normal_cross_entropy(mu_p, sigma_p, mu_q, sigma_q):
    """H(N_p, N_q) = 1/2 log(2 pi sq^2) + (sp^2 + (mp - mq)^2) / (2 sq^2)."""
    r = sigma_p / sigma_q
    d = (mu_p - mu_q) / sigma_q
    return _HALF_LOG_2PI + math.log(sigma_q) + 0.5 * (r * r + d * d)


def _components(dist):
    """(log weights, mus, sigmas) of a Normal or Mixture, as arrays."""
    if isinstance(dist, Normal):
        return np.zeros(1), np.array([dist.mu]), np.array([dist.sigma])
    with np.errstate(divide="ignore"):
        logw = np.log(np.array(dist.weights))
    return logw, np.array([c.mu for c in dist.components]), np.array([c.sigma for c in dist.components])


def log_density(dist, x):
    """log p(x) for a Normal or Mixture, computed in log space."""
    x = np.asarray(x, dtype=float)
    logw, mus, sigmas = _components(dist)
    z = (x[..., None] - mus) / sigmas
    logs = logw - np.log(sigmas) - _HALF_LOG_2PI - 0.5 * z * z
    m = np.max(logs, axis=-1)
    return m + np.log(np.sum(np.exp(logs - m[..., None]), axis=-1))


def density(dist, x):
    return np.exp(log_density(dist, x))


# Break points in units of each component's sigma: dense near the centre, sparser in the tails.
_OFFSETS = np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0,
                     7.0, 8.0, 9.0, 10.0, 11.0, 12.0])
_OFFSETS = np.concatenate([-_OFFSETS[:0:-1], _OFFSETS])
_REACH = 12.0  # how many sigmas of the weighting distribution the integral covers


@lru_cache(maxsize=4)
def _legendre(n):
    return np.polynomial.legendre.leggauss(n)


_CROSS_OFFSETS = np.array([0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
_CROSS_OFFSETS = np.concatenate([-_CROSS_OFFSETS[:0:-1], _CROSS_OFFSETS])


def _crossovers(dist):
    """Points around which a mixture's log density switches from one component to the other.

    There log p bends over a width of 1/|slope difference|, which may lie far from both
    components' centres; break points there keep each panel smooth.
    """
    logw, mus, sigmas = _components(dist)
    if len(mus) < 2 or not np.all(np.isfinite(logw)):
        return np.zeros(0)
    (l1, l2), (m1, m2), (s1, s2) = logw, mus, sigmas
    a = 0.5 / s2**2 - 0.5 / s1**2
    b = m1 / s1**2 - m2 / s2**2
    c = (l1 - math.log(s1) - 0.5 * m1**2 / s1**2) - (l2 - math.log(s2) - 0.5 * m2**2 / s2**2)
    if abs(a) < 1e-14 * (abs(b) + 1e-300):
        roots = [-c / b] if b != 0 else []
    else:
        disc = b * b - 4 * a * c
        if disc < 0:
            return np.zeros(0)
        sq = math.sqrt(disc)
        roots = [(-b + sq) / (2 * a), (-b - sq) / (2 * a)]
    pts = []
    for x in roots:
        slope = abs(2 * a * x + b)
        if slope > 0 and math.isfinite(x):
            pts.append(x + _CROSS_OFFSETS / slope)
    return np.concatenate(pts) if pts else np.zeros(0)


def _grid(weighting, others, nodes=12):
    """Quadrature nodes and weights covering `weighting`'s mass (±12 sigma of each component).

    Break points are placed at fixed multiples of sigma around every component of both
    distributions, so each panel is short compared with the local scale of the integrand.
    """
    comps = []
    for dist in (weighting, *others):
        logw, mus, sigmas = _components(dist)
        comps.extend((m, s) for lw, m, s in zip(logw, mus, sigmas) if dist is not weighting or lw > -np.inf)
    _, wm, ws = _components(weighting)
    lo = float(np.min(wm - _REACH * ws))
    hi = float(np.max(wm + _REACH * ws))
    crossings = [_crossovers(d) for d in (weighting, *others)]
    pts = np.concatenate([m + s * _OFFSETS for m, s in comps] + crossings + [np.array([lo, hi])])
    pts = np.unique(pts[(pts >= lo) & (pts <= hi)])
    t, w = _legendre(nodes)
    a, b = pts[:-1], pts[1:]
    half = 0.5 * (b - a)
    x = (0.5 * (a + b))[:, None] + half[:, None] * t
    wx = half[:, None] * w
    return x.ravel(), wx.ravel()


def _expect_log(weighting, target):
    """(E_w[log w], E_w[log target]) by quadrature over w's mass."""
    x, wx = _grid(weighting, (target,))
    lw = log_density(weighting, x)
    lt = log_density(target, x)
    pw = np.exp(lw)
    return float(np.dot(wx, pw * lw)), float(np.dot(wx, pw * lt)), float(np.dot(wx, pw * (lw - lt)))


def differential_entropy(P):
    """h(P) = -∫ p log p."""
    if isinstance(P, Normal):
        return normal_entropy(P.sigma)
    x, wx = _grid(P, ())
    lp = log_density(P, x)
    return float(-np.dot(wx, np.exp(lp) * lp))


def continuous_cross_entropy(P, Q):
    """H(P,Q) = -∫ p log q."""
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return normal_cross_entropy(P.mu, P.sigma, Q.mu, Q.sigma)
    return -_expect_log(P, Q)[1]


def continuous_kl(P, Q):
    """D(P‖Q) = ∫ p (log p - log q) >= 0."""
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return normal_kl(P.mu, P.sigma, Q.mu, Q.sigma)
    return max(_expect_log(P, Q)[2], 0.0)


@dataclass(frozen=True)
class ContinuousMeasures:
    unit: str
    entropy_p: float
    entropy_q: float
    cross_entropy_pq: float
    cross_entropy_qp: float
    kl_pq: float
    kl_qp: float


def continuous_measures(P, Q, unit="nats"):
    """Every measure of a continuous pair, in `unit` (differential entropies may be negative)."""
    if isinstance(P, Normal) and isinstance(Q, Normal):
        vals = dict(
            entropy_p=normal_entropy(P.sigma),
            entropy_q=normal_entropy(Q.sigma),
            cross_entropy_pq=normal_cross_entropy(P.mu, P.sigma, Q.mu, Q.sigma),
            cross_entropy_qp=normal_cross_entropy(Q.mu, Q.sigma, P.mu, P.sigma),
            kl_pq=normal_kl(P.mu, P.sigma, Q.mu, Q.sigma),
            kl_qp=normal_kl(Q.mu, Q.sigma, P.mu, P.sigma),
        )
    else:
        hp, cpq, dpq = _expect_log(P, Q)
        hq, cqp, dqp = _expect_log(Q, P)
        vals = dict(
            entropy_p=-hp, entropy_q=-hq, cross_entropy_pq=-cpq, cross_entropy_qp=-cqp,
            kl_pq=max(dpq, 0.0), kl_qp=max(dqp, 0.0),
        )
    return ContinuousMeasures(unit=unit, **{k: float(convert(v, unit)) for k, v in vals.items()})


def moment_match(P):
    """The Normal with P's mean and variance: argmin over Gaussian Q of D(P‖Q)."""
    if isinstance(P, Normal):
        return P
    (w1, w2), (c1, c2) = P.weights, P.components
    mean = w1 * c1.mu + w2 * c2.mu
    var = w1 * c1.sigma**2 + w2 * c2.sigma**2 + w1 * w2 * (c1.mu - c2.mu) ** 2
    return Normal(mean, math.sqrt(var))


@dataclass(frozen=True)
class FitResult:
    normal: Normal
    path: tuple
    converged: bool


def _dlog_density(dist, x):
    """d/dx log p(x) for a Normal or Mixture (responsibility-weighted component slopes)."""
    logw, mus, sigmas = _components(dist)
    z = (x[..., None] - mus) / sigmas
    logs = logw - np.log(sigmas) - 0.5 * z * z
    logs -= np.max(logs, axis=-1, keepdims=True)
    r = np.exp(logs)
    r /= r.sum(axis=-1, keepdims=True)
    return np.sum(r * (-z / sigmas), axis=-1)


def _reverse_objective(P, mu, sigma):
    """D(Q‖P) for Q = N(mu, sigma^2) and its gradient in (mu, log sigma), by quadrature."""
    Q = Normal(mu, sigma)
    x, wx = _grid(Q, (P,))
    lq = log_density(Q, x)
    wq = wx * np.exp(lq)
    value = float(np.dot(wq, lq - log_density(P, x)))
    g = _dlog_density(P, x)
    # D = -h(Q) - E_Q[log p]: d/dmu = -E_Q[g], d/dlog sigma = -1 - E_Q[g (x - mu)].
    grad = np.array([-float(np.dot(wq, g)), -1.0 - float(np.dot(wq, g * (x - mu)))])
    return max(value, 0.0), grad


def fit_reverse_kl(P, start, max_iter=500, tol=1e-8, max_step=0.25):
    """Minimise D(Q‖P) over Gaussian Q, starting from `start`; returns every iterate.

    Natural-gradient descent in (mu, log sigma) -- the Fisher metric of the Normal family,
    diag(1/sigma^2, 2), makes steps independent of scale -- with each step's length in that metric
    capped at `max_step` and an Armijo backtracking line search. Small, downhill steps follow the
    basin the start lies in, so for well separated modes the fit ends at the mode it starts near.
    Deterministic: no randomness anywhere.
    """
    mu, log_sigma = float(start.mu), math.log(start.sigma)
    value, grad = _reverse_objective(P, mu, start.sigma)
    path = [Normal(mu, start.sigma)]
    converged = False
    for _ in range(max_iter):
        sigma = math.exp(log_sigma)
        direction = np.array([-sigma * sigma * grad[0], -0.5 * grad[1]])
        fisher_norm = math.sqrt(direction[0] ** 2 / sigma**2 + 2.0 * direction[1] ** 2)
        if fisher_norm < tol:
            converged = True
            break
        slope = float(grad @ direction)
        step = min(1.0, max_step / fisher_norm)
        while step > 1e-9:
            new_mu = mu + step * direction[0]
            new_ls = min(max(log_sigma + step * direction[1], -30.0), 30.0)
            new_value, new_grad = _reverse_objective(P, new_mu, math.exp(new_ls))
            if new_value <= value + 1e-4 * step * slope:
                break
            step *= 0.5
        else:
            converged = True  # no representable decrease is left
            break
        stalled = value - new_value <= 1e-14 * (1.0 + abs(value))
        mu, log_sigma, value, grad = new_mu, new_ls, new_value, new_grad
        path.append(Normal(mu, math.exp(log_sigma)))
        if stalled:
            # The quadrature's rounding (about 1e-15 relative) now hides any further decrease:
            # this is a stationary point as far as double precision can tell.
            converged = True
            break
    return FitResult(path[-1], tuple(path), converged)


def fit_forward_kl(P, start, steps=60):
    """The forward-KL optimum (moment matching) with a smooth path from `start` to it.

    The optimum is closed-form; the path interpolates mu and log sigma so the GUI can animate it.
    """
    target = moment_match(P)
    s = np.linspace(0.0, 1.0, steps + 1)
    ease = s * s * (3.0 - 2.0 * s)
    mus = start.mu + (target.mu - start.mu) * ease
    lss = math.log(start.sigma) + (math.log(target.sigma) - math.log(start.sigma)) * ease
    path = tuple(Normal(float(m), float(math.exp(l))) for m, l in zip(mus, lss))
    return FitResult(target, path[:-1] + (target,), True)


# ---------------------------------------------------------------------------------------------
# For the continuous explorer (drawing and fit animation). Plain numpy like the rest; added for the
# GUI's Continuous tab so that the view itself does no arithmetic.


def integrand(P, Q, x, log_p=None, log_q=None):
    """p(x) log(p(x) / q(x)) on `x`, in nats: the function whose integral is D(P‖Q).

    Computed in log space (exp(log p) * (log p - log q)), so tails where both densities underflow
    give 0 rather than 0 * inf; single values may be negative, the integral is not. `log_p` and
    `log_q`, if given, are log_density(P, x) and log_density(Q, x) already computed.
    """
    lp = log_density(P, x) if log_p is None else log_p
    lq = log_density(Q, x) if log_q is None else log_q
    with np.errstate(invalid="ignore"):
        out = np.exp(lp) * (lp - lq)
    return np.where(np.isfinite(lp), out, 0.0)


def drawing_grid(lo, hi, dists=(), points=801, reach=6.0, per_component=121):
    """Sorted x values on [lo, hi] for drawing densities of `dists` (Normals or Mixtures).

    A uniform grid plus `per_component` points within ±`reach` sigma of every component, so a
    component much narrower than the grid step is still drawn with its true peak.
    """
    parts = [np.linspace(lo, hi, points)]
    local = np.linspace(-reach, reach, per_component)
    for dist in dists:
        _, mus, sigmas = _components(dist)
        parts.extend(m + s * local for m, s in zip(mus, sigmas))
    x = np.concatenate(parts)
    x = np.sort(x[(x >= lo) & (x <= hi)])
    # np.unique would do, but its first call imports numpy.ma (25 ms of the app's start-up)
    return x[np.concatenate(([True], x[1:] > x[:-1]))] if x.size else x


def density_modes(P, rel_step=0.02):
    """The locations of the local maxima of P's density, ascending.

    Every critical point of a Gaussian mixture lies between its smallest and largest component
    mean (outside, all components pull the same way), so the slope of log p is scanned there on a
    grid finer than the narrowest component and each change of sign from + to - is refined by
    bisection.
    """
    logw, mus, sigmas = _components(P)
    keep = np.isfinite(logw)
    mus, sigmas = mus[keep], sigmas[keep]
    lo, hi = float(mus.min()), float(mus.max())
    if hi - lo <= 1e-12 * max(1.0, abs(lo)):
        return np.array([lo])
    n = int(min(max(math.ceil((hi - lo) / (rel_step * float(sigmas.min()))), 64), 200_000))
    x = np.linspace(lo, hi, n + 1)
    g = _dlog_density(P, x)
    starts = list(np.flatnonzero((g[:-1] > 0) & (g[1:] <= 0)))
    modes = [lo] if g[0] <= 0 else []
    if starts:
        a, b = x[starts], x[np.array(starts) + 1]
        for _ in range(60):  # bisection on the sign of d/dx log p
            mid = 0.5 * (a + b)
            up = _dlog_density(P, mid) > 0
            a, b = np.where(up, mid, a), np.where(up, b, mid)
        modes.extend(0.5 * (a + b))
    return np.array(sorted(modes))


def fit_reverse_kl_nearest_mode(P, start, max_iter=500, approach_steps=40):
    """Minimise D(Q‖P) over Gaussian Q so that Q ends at the mode of P nearest `start`.

    A descent from a broad start between two separated modes can settle on a wide Gaussian over
    both (another local minimum of D(Q‖P)). Here Q first moves to the peak of P nearest start.mu
    (ties: the higher peak, then the left one), narrowing to the narrowest component's sigma if it
    is wider, and `fit_reverse_kl` descends from there; a Normal P has one optimum (P itself) and
    is fitted from `start` directly. The returned path runs from `start` to the optimum.
    """
    start = Normal(start.mu, start.sigma)
    if isinstance(P, Normal):
        return fit_reverse_kl(P, start, max_iter=max_iter)
    logw, _, sigmas = _components(P)
    modes = density_modes(P)
    heights = log_density(P, modes)
    order = sorted(range(len(modes)), key=lambda i: (abs(modes[i] - start.mu), -heights[i], modes[i]))
    target = Normal(float(modes[order[0]]), min(start.sigma, float(sigmas[np.isfinite(logw)].min())))
    s = np.linspace(0.0, 1.0, approach_steps + 1)
    mus = start.mu + (target.mu - start.mu) * s
    lss = math.log(start.sigma) + (math.log(target.sigma) - math.log(start.sigma)) * s
    approach = tuple(Normal(float(m), float(math.exp(v))) for m, v in zip(mus[:-1], lss[:-1]))
    result = fit_reverse_kl(P, target, max_iter=max_iter)
    return FitResult(result.normal, (start,) + approach[1:] + result.path, result.converged)


def resample_path(path, count):
    """`count` Normals evenly spaced along `path` (a sequence of Normals), ends kept exactly.

    Spacing is by what the eye sees of the curve moving: the length element is
    sqrt(dmu^2 + dsigma^2 + (dlog sigma / 4)^2), so a slide, a widening and a narrowing all take
    time in proportion to how far the curve visibly moves. Used to animate a fit at an even pace.
    """
    if count < 2:
        raise ValueError("resample_path needs count >= 2")
    path = tuple(path)
    if len(path) == 1:
        return (path[0],) * count
    mus = np.array([n.mu for n in path], dtype=float)
    sig = np.array([n.sigma for n in path], dtype=float)
    step = np.sqrt(np.diff(mus) ** 2 + np.diff(sig) ** 2 + (0.25 * np.diff(np.log(sig))) ** 2)
    keep = np.concatenate([[True], step > 0])
    mus, sig = mus[keep], sig[keep]
    s = np.concatenate([[0.0], np.cumsum(step[step > 0])])
    if s[-1] == 0:
        return (path[0],) * (count - 1) + (path[-1],)
    t = np.linspace(0.0, s[-1], count)
    m = np.interp(t, s, mus)
    v = np.interp(t, s, sig)  # between two positive sigmas: positive
    inner = tuple(Normal(float(a), float(b)) for a, b in zip(m[1:-1], v[1:-1]))
    return (path[0],) + inner + (path[-1],)


def unit_variance_terms(P, mu_q):
    """H(P, N(mu_q, 1)) in nats as its three terms: (1/2 log 2 pi, 1/2 Var_P, 1/2 (E_P - mu_q)^2).

    Their sum is the cross-entropy from P to a unit-variance Normal: a constant, P's own spread,
    and half the squared error between P's mean and mu_q -- the MSE loss as a cross-entropy.
    """
    m = moment_match(P)
    return _HALF_LOG_2PI, 0.5 * m.sigma**2, 0.5 * (m.mu - float(mu_q)) ** 2
