"""Differential entropy, cross-entropy and KL of Normal distributions and two-component mixtures.

Normal pairs use closed forms written in logs and ratios, so nothing under- or overflows for
|mu| <= 1e300 and sigma in [1e-300, 1e300] unless the true value itself exceeds the float range
(then +inf), and no digits are lost when sigma_p ≈ sigma_q or where an entropy crosses 0 (there
the value is recomputed in 60-digit decimal arithmetic).

Anything involving a mixture is integrated numerically on Gauss-Legendre panels whose break
points follow every component's centre and scale, in coordinates shifted to the weighting
distribution's heaviest component, so a pair centred at 1e150 is integrated exactly as one at 0.
KL is integrated in its pointwise non-negative form p log(p/q) - p + q = p (e^d - 1 - d),
d = log q - log p, with the mass of Q outside the panels added from the Normal CDF; where P ≈ Q,
d is formed from the components' parameter differences (never as a difference of two log
densities), so a KL of 1e-20 keeps its digits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from klviz.core._numerics import expm1mx, log1pmx_scalar, two_sum
from klviz.core.checks import finite_number, integer, positive_number, real_vector
from klviz.core.spec import Mixture, Normal
from klviz.core.units import check_unit, convert

__all__ = [
    "ContinuousMeasures", "FitResult", "continuous_cross_entropy", "continuous_kl",
    "continuous_measures", "density", "density_modes", "differential_entropy", "drawing_grid",
    "fit_forward_kl", "fit_reverse_kl", "fit_reverse_kl_nearest_mode", "integrand", "log_density",
    "moment_match", "normal_cross_entropy", "normal_entropy", "normal_kl", "resample_path",
    "unit_variance_terms",
]

_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)
_H0 = _HALF_LOG_2PI + 0.5  # h(N(0, 1))
_PI_DIGITS = "3.14159265358979323846264338327950288419716939937510582097494459"
_PI = Decimal = None  # decimal's, once a closed form cancels (_decimal): the start skips its import
_SQRT_HALF = math.sqrt(0.5)
_ULP = 2.3e-16  # a little over the unit roundoff


def _log1pmx(x):
    """log(1 + x) - x for a scalar, accurate also for tiny |x|."""
    return log1pmx_scalar(x)


# ------------------------------------------------------------------------- Normal closed forms


def _decimal(fn):
    global Decimal, _PI
    from decimal import Decimal, localcontext

    if _PI is None:
        _PI = Decimal(_PI_DIGITS)
    with localcontext() as ctx:
        ctx.prec = 60
        return float(fn())


def _normal_entropy(sigma):
    ls = math.log(sigma)
    h = ls + _H0
    if abs(h) < 1e-5 * (abs(ls) + _H0):  # near sigma = 1/sqrt(2 pi e): the sum cancels
        return _decimal(lambda: Decimal(sigma).ln() + (2 * _PI).ln() / 2 + Decimal("0.5"))
    return h


def _normal_kl(mu_p, sigma_p, mu_q, sigma_q):
    """D(N_p ‖ N_q) = log(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2, >= 0.

    As 1/2 (x - log(1 + x)) + (mp - mq)^2 / (2 sq^2) with x = sp^2/sq^2 - 1 = e (2 + e),
    e = (sp - sq)/sq formed from the exact difference: two non-negative terms, no cancellation,
    and no square of a sigma (which would under- or overflow).
    """
    d = (mu_p - mu_q) / sigma_q
    half_d2 = (0.5 * d) * d
    r = sigma_p / sigma_q
    if 0.5 < r < 2.0:
        e = (sigma_p - sigma_q) / sigma_q
        var = -0.5 * log1pmx_scalar(e * (2.0 + e))
    else:
        log_r = math.log(r) if 2.2250738585072014e-308 <= r < math.inf else (
            math.log(sigma_p) - math.log(sigma_q))
        var = -log_r + ((0.5 * r) * r - 0.5)
    value = var + half_d2
    return value if value > 0 else 0.0


def _normal_cross_entropy(mu_p, sigma_p, mu_q, sigma_q):
    r = sigma_p / sigma_q
    d = (mu_p - mu_q) / sigma_q
    a = math.log(sigma_q) + _HALF_LOG_2PI
    b = (0.5 * r) * r + (0.5 * d) * d
    value = a + b
    if abs(value) < 1e-5 * (abs(a) + b + 1.0):  # the log and the quadratic part cancel
        def exact():
            sp, sq, dm = Decimal(sigma_p), Decimal(sigma_q), Decimal(mu_p) - Decimal(mu_q)
            return sq.ln() + (2 * _PI).ln() / 2 + ((sp / sq) ** 2 + (dm / sq) ** 2) / 2
        return _decimal(exact)
    return value


def _scalars(*pairs):
    return [positive_number(v, w) if w.startswith("sigma") else finite_number(v, w) for v, w in pairs]


def normal_entropy(sigma):
    """h(N(mu, sigma^2)) = 1/2 log(2 pi e sigma^2); negative for sigma < 1/sqrt(2 pi e)."""
    return _normal_entropy(positive_number(sigma, "sigma"))


def normal_kl(mu_p, sigma_p, mu_q, sigma_q):
    """D(N_p ‖ N_q) = log(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2, >= 0."""
    return _normal_kl(*_scalars((mu_p, "mu_p"), (sigma_p, "sigma_p"), (mu_q, "mu_q"),
                                (sigma_q, "sigma_q")))


def normal_cross_entropy(mu_p, sigma_p, mu_q, sigma_q):
    """H(N_p, N_q) = 1/2 log(2 pi sq^2) + (sp^2 + (mp - mq)^2) / (2 sq^2)."""
    return _normal_cross_entropy(*_scalars((mu_p, "mu_p"), (sigma_p, "sigma_p"), (mu_q, "mu_q"),
                                           (sigma_q, "sigma_q")))


# ------------------------------------------------------------------------- densities


def _check_dist(dist, name="P"):
    if not isinstance(dist, (Normal, Mixture)):
        raise TypeError(f"{name} must be a Normal or a Mixture, not {type(dist).__name__}")
    return dist


def _check_normal(n, name):
    if not isinstance(n, Normal):
        raise TypeError(f"{name} must be a Normal, not {type(n).__name__}")
    return n


def _given_logs(values, x, name):
    arr = np.asarray(values)
    if arr.dtype.kind != "f" or arr.shape != x.shape or np.isnan(arr).any():
        raise ValueError(f"{name} must be log densities at x (same shape, no NaN)")
    return arr


def _points(x, name="x"):
    """Finite real evaluation points: a number or a 1-D array (returned as an array)."""
    if np.ndim(x) == 0 and not isinstance(x, (list, tuple)):
        return np.asarray(finite_number(x, name))
    return real_vector(x, name)


def _components(dist):
    """(log weights, mus, sigmas) of a Normal or Mixture, as arrays (-inf for a weight of 0)."""
    if isinstance(dist, Normal):
        return np.zeros(1), np.array([dist.mu]), np.array([dist.sigma])
    w = dist.weight
    logw = np.array([math.log(w) if w > 0 else -math.inf, math.log1p(-w) if w < 1 else -math.inf])
    return logw, np.array([c.mu for c in dist.components]), np.array([c.sigma for c in dist.components])


def _log_density(dist, x):
    logw, mus, sigmas = _components(dist)
    with np.errstate(over="ignore", invalid="ignore"):
        z = (x[..., None] - mus) / sigmas
        logs = logw - np.log(sigmas) - _HALF_LOG_2PI - 0.5 * z * z
        if logs.shape[-1] == 1:
            return logs[..., 0]
        return np.logaddexp(logs[..., 0], logs[..., 1])


def log_density(dist, x):
    """log p(x) for a Normal or Mixture, computed in log space (-inf only where p underflows
    beyond exp(-1.8e308))."""
    return _log_density(_check_dist(dist, "dist"), _points(x))


def density(dist, x):
    return np.exp(log_density(dist, x))


# ------------------------------------------------------------------------- mixture quadrature


@dataclass(frozen=True, eq=False)
class _Comps:
    """The components of positive weight: log weights, weights as base + a (exact: base is 0 or 1),
    means and sigmas."""

    lw: np.ndarray
    w: np.ndarray
    base: tuple
    a: tuple
    mu: np.ndarray
    sigma: np.ndarray


@lru_cache(maxsize=64)
def _comps(dist):
    if isinstance(dist, Mixture):
        (c1, c2), w = dist.components, dist.weight
        if 0.0 < w < 1.0 and c1 != c2:
            return _Comps(np.array([math.log(w), math.log1p(-w)]), np.array([w, 1.0 - w]), (0, 1),
                          (w, -w), np.array([c1.mu, c2.mu]), np.array([c1.sigma, c2.sigma]))
        dist = c2 if w == 0.0 else c1  # one component carries all the mass
    return _Comps(np.zeros(1), np.ones(1), (1,), (0.0,), np.array([dist.mu]), np.array([dist.sigma]))


def _component_logs(c, base, off):
    """(z, log of each weighted component density) at the points base + off (see _Grid).

    Where a node's own rounding is not small against a component's sigma (a node of a coarse
    panel that lands near a narrow component's centre) that component counts 0 there: its mass
    is integrated on its own panels, and its value at such a node would be noise.
    """
    rel = base[:, None] - c.mu
    z = (rel + off[:, None]) / c.sigma
    logs = c.lw - np.log(c.sigma) - _HALF_LOG_2PI - 0.5 * z * z
    reach = float(np.max(np.abs(base))) + float(np.max(np.abs(c.mu))) + float(np.max(np.abs(off)))
    if _ULP * reach <= 1e-3 * float(np.min(c.sigma)):  # every node resolves every component
        return z, logs
    zerr = _ULP * (np.abs(rel) + np.abs(off)[:, None]) / c.sigma
    return z, np.where(zerr > 1e-3 * np.maximum(np.abs(z), 1.0), -np.inf, logs)


def _log_pdf(c, base, off):
    """log density of components c at the points base + off."""
    logs = _component_logs(c, base, off)[1]
    if logs.shape[1] == 1:
        return logs[:, 0]
    return np.logaddexp(logs[:, 0], logs[:, 1])


def _dlog_pdf(c, base, off):
    """d/dx log p at the points base + off: the components' slopes -z/sigma weighted by their
    responsibilities (where every component underflows, the widest one's slope: it rules the
    tails)."""
    z = ((base[:, None] - c.mu) + off[:, None]) / c.sigma
    logs = c.lw - np.log(c.sigma) - 0.5 * z * z
    top = logs.max(axis=1)
    lost = ~np.isfinite(top)
    if lost.any():
        logs[lost] = np.where(c.sigma == c.sigma.max(), 0.0, -np.inf)
        top[lost] = 0.0
    r = np.exp(logs - top[:, None])
    return np.sum(np.where(r > 0, r * (-z / c.sigma), 0.0), axis=1) / r.sum(axis=1)


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


def _crossovers(c):
    """Points around which a mixture's log density switches from one component to the other,
    as offsets from its first component's mean.

    There log p bends over a width of 1/|slope difference|, which may lie far from both
    components' centres; break points there keep each panel smooth.
    """
    if len(c.mu) < 2:
        return np.zeros(0)
    (l1, l2), (s1, s2) = c.lw.tolist(), c.sigma.tolist()
    m2 = float(c.mu[1] - c.mu[0])  # in the first component's frame: m1 = 0
    with np.errstate(all="ignore"):
        try:
            a = 0.5 / s2**2 - 0.5 / s1**2
            b = -m2 / s2**2
            cc = (l1 - math.log(s1)) - (l2 - math.log(s2) - 0.5 * (m2 / s2) ** 2)
        except (OverflowError, ZeroDivisionError):
            return np.zeros(0)
        if not all(map(math.isfinite, (a, b, cc))):
            return np.zeros(0)
        if abs(a) < 1e-14 * (abs(b) + 1e-300):
            roots = [-cc / b] if b != 0 else []
        else:
            disc = b * b - 4 * a * cc
            if not disc >= 0 or not math.isfinite(disc):
                return np.zeros(0)
            sq = math.sqrt(disc)
            roots = [(-b + sq) / (2 * a), (-b - sq) / (2 * a)]
        pts = []
        for x in roots:
            slope = abs(2 * a * x + b)
            if slope > 0 and math.isfinite(x) and math.isfinite(slope):
                pts.append(x + _CROSS_OFFSETS / slope)
    return np.concatenate(pts) if pts else np.zeros(0)


@dataclass(frozen=True, eq=False)
class _Grid:
    """Quadrature nodes as base + off: base is the mean of the component whose frame a panel is
    laid out in, off the offset from it, so a component of sigma 1 at 1e150 has its nodes as fine
    as one at 0. lo and hi (the covered range) are (base, off) pairs as well."""

    base: np.ndarray
    off: np.ndarray
    weights: np.ndarray
    lo: tuple
    hi: tuple


def _two_sum(a, b):
    """Elementwise (s, e) with s + e = a + b exactly: the exact position of base + off."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _not_before(h, l, eh, el):
    return (h > eh) | ((h == eh) & (l >= el))


def _imprecise(base, off, c):
    """Mask of points base + off that lie in the core (±13 sigma) of some component of c whose
    scale is below the points' own rounding there: such a point cannot be placed in that core."""
    bad = np.zeros(base.shape, dtype=bool)
    for m, sd in zip(c.mu.tolist(), c.sigma.tolist()):
        rel = base - m
        eps = _ULP * (np.abs(rel) + np.abs(off))
        bad |= (eps > 1e-3 * sd) & (np.abs(rel + off) < 13.0 * sd + eps)
    return bad


def _frames_grid(comps, reach, nodes=12, shapes=(), points=None, offsets=_OFFSETS):
    """Gauss-Legendre panels over ±12 sigma of every component in `reach` and of every shape,
    with break points at fixed multiples (`offsets`) of sigma around every component in `comps`
    (a list of _Comps) and every shape, around the mixtures' crossovers and at `points`, each laid
    out in its own frame.

    `shapes` are (base, off, sigma) triples: Gaussian-shaped parts of an integrand centred at
    base + off that need not lie near any component (the p_k^alpha q_j^(1-alpha) of a Rényi or
    chi-squared integrand); `points` is a pair of arrays (base, off) of further break points (where
    p = q, for total variation).

    Points are ordered by their exact positions (base + off as a double-double); a point that
    falls, with its rounding, inside a much narrower component's core is dropped, so the
    narrow component's panels stay its own.
    """
    bases, offs = [], []
    for c in comps:
        for m, sd in zip(c.mu.tolist(), c.sigma.tolist()):
            bases.append(np.full(offsets.size, m))
            offs.append(sd * offsets)
        cross = _crossovers(c)
        bases.append(np.full(cross.size, float(c.mu[0])))
        offs.append(cross)
    for b, o, sd in shapes:
        bases.append(np.full(offsets.size, b))
        offs.append(o + sd * offsets)
    if points is not None:
        bases.append(np.asarray(points[0], dtype=float))
        offs.append(np.asarray(points[1], dtype=float))
    ends = [(m, side * _REACH * sd) for c in reach
            for m, sd in zip(c.mu.tolist(), c.sigma.tolist()) for side in (-1.0, 1.0)]
    ends += [(b, o + side * _REACH * sd) for b, o, sd in shapes for side in (-1.0, 1.0)]
    ends = np.array(ends)
    with np.errstate(all="ignore"):
        eh, el = _two_sum(ends[:, 0], ends[:, 1])
        ok = np.isfinite(eh)
        i_lo, i_hi = np.flatnonzero(ok)[np.lexsort((el[ok], eh[ok]))[[0, -1]]]
        base, off = np.concatenate(bases), np.concatenate(offs)
        h, l = _two_sum(base, off)
        keep = (_not_before(h, l, eh[i_lo], el[i_lo]) & _not_before(eh[i_hi], el[i_hi], h, l)
                & np.isfinite(h))
        for c in comps:
            keep &= ~_imprecise(base, off, c)
        base = np.concatenate([[ends[i_lo, 0]], base[keep], [ends[i_hi, 0]]])
        off = np.concatenate([[ends[i_lo, 1]], off[keep], [ends[i_hi, 1]]])
        h = np.concatenate([[eh[i_lo]], h[keep], [eh[i_hi]]])
        l = np.concatenate([[el[i_lo]], l[keep], [el[i_hi]]])
        order = np.lexsort((l, h))
        base, off, h, l = base[order], off[order], h[order], l[order]
        distinct = np.concatenate(([True], (h[1:] != h[:-1]) | (l[1:] != l[:-1])))
        base, off = base[distinct], off[distinct]
        a = off[:-1]
        b = (base[1:] - base[:-1]) + off[1:]  # the right end in the left end's frame
        # two points in exact order may round to b <= a in the left frame: such a panel is
        # ~1e-16 wide, and its negative weights would make log(weight) NaN; it is left out
        wide = b > a
        a, b, left = a[wide], b[wide], base[:-1][wide]
    t, w = _legendre(nodes)
    half = 0.5 * (b - a)
    node_off = (a + half)[:, None] + half[:, None] * t
    lo, hi = (float(ends[i_lo, 0]), float(ends[i_lo, 1])), (float(ends[i_hi, 0]), float(ends[i_hi, 1]))
    return _Grid(np.repeat(left, nodes), node_off.ravel(), (half[:, None] * w).ravel(), lo, hi)


def _outside_mass(c, grid):
    """Mass of the components outside the grid's range, from the Normal CDF (in frames)."""
    (lb, lo), (hb, ho) = grid.lo, grid.hi
    total = 0.0
    for w, m, sd in zip(c.w.tolist(), c.mu.tolist(), c.sigma.tolist()):
        with np.errstate(all="ignore"):
            left, right = ((m - lb) - lo) / sd, ((hb - m) + ho) / sd
        total += 0.5 * w * (math.erfc(left * _SQRT_HALF) + math.erfc(right * _SQRT_HALF))
    return total


def _bregman(lp, lq, delta):
    """p log(p/q) - p + q = p (e^d - 1 - d) pointwise (>= 0), d = delta = log q - log p."""
    with np.errstate(all="ignore"):
        p = np.exp(lp)
        up = delta <= 1.0
        out = np.where(up, 0.0, np.exp(lq) - p * (1.0 + delta))  # q > e p: no cancellation
        out[up] = p[up] * expm1mx(delta[up])
        out[np.isneginf(lp)] = np.exp(lq[np.isneginf(lp)])  # p = 0: the term is q
        out[np.isneginf(lq) & np.isfinite(lp)] = math.inf   # q below exp(-1.8e308) where p is not
    return out


def _pairing(cw, ct):
    """Pairs (j of target, k of weighting) of components to difference, the closest first."""
    def cost(j, k):
        s = max(ct.sigma[j], cw.sigma[k])
        return (abs(ct.mu[j] - cw.mu[k]) / s + abs(math.log(ct.sigma[j]) - math.log(cw.sigma[k]))
                + abs(math.log(ct.w[j]) - math.log(cw.w[k])))
    J, K = len(ct.w), len(cw.w)
    if J == 1 or K == 1:
        options = [[(j, k)] for j in range(J) for k in range(K)]
    else:
        options = [[(0, 0), (1, 1)], [(0, 1), (1, 0)]]
    with np.errstate(all="ignore"):
        return min(options, key=lambda pairs: sum(cost(j, k) for j, k in pairs))


def _log_ratio(a, b, diff):
    """log(a / b) for positive a, b, given diff = a - b formed exactly: log1p(diff / b) near 1."""
    r = a / b
    return math.log1p(diff / b) if 0.5 < r < 2.0 else math.log(a) - math.log(b)


def _accurate_log_ratio(cw, ct, base, off, lw, lt):
    """log t(u) - log w(u) formed without cancellation where t ≈ w.

    t - w = sum over paired components of e^{a_k} expm1(b_j - a_k) (plus unpaired ones), where
    b_j - a_k is built from the parameter differences: log(w_j / w_k) and log(s_j / s_k) by
    log1p of exact differences, and z_j^2 - z_k^2 as (z_j - z_k)(z_j + z_k). The points are
    base + off (as in _Grid); lw, lt are log w and log t there.
    """
    with np.errstate(all="ignore"):
        zw, aw = _component_logs(cw, base, off)
        zt, at = _component_logs(ct, base, off)
        big = aw.max(axis=1)
        big = np.where(np.isfinite(big), big, 0.0)
        norm = np.log(np.exp(aw - big[:, None]).sum(axis=1)) + big  # log of sum_k e^{a_k}
        acc = np.zeros_like(off)
        paired_t, paired_w = set(), set()
        for j, k in _pairing(cw, ct):
            paired_t.add(j)
            paired_w.add(k)
            s, e = two_sum(ct.a[j], -cw.a[k])
            dlw = _log_ratio(ct.w[j], cw.w[k], (ct.base[j] - cw.base[k]) + s + e)
            dls = _log_ratio(ct.sigma[j], cw.sigma[k], ct.sigma[j] - cw.sigma[k])
            v = (base - cw.mu[k]) + off
            zdiff = -(ct.mu[j] - cw.mu[k]) / ct.sigma[j] + v * (
                ((cw.sigma[k] - ct.sigma[j]) / ct.sigma[j]) / cw.sigma[k])
            d = dlw - dls - 0.5 * zdiff * (zt[:, j] + zw[:, k])
            ek = np.exp(aw[:, k] - norm)
            apart = (np.abs(d) >= 1.0) | np.isneginf(aw[:, k]) | np.isneginf(at[:, j])
            acc += np.where(apart, np.exp(at[:, j] - norm) - ek, ek * np.expm1(np.minimum(d, 1.0)))
        for j in set(range(len(ct.w))) - paired_t:
            acc += np.exp(at[:, j] - norm)
        for k in set(range(len(cw.w))) - paired_w:
            acc -= np.exp(aw[:, k] - norm)
        return np.where(np.abs(acc) < 0.5, np.log1p(acc), lt - lw)


def _scaled(grid, lw, lt, other=None):
    """(sw, lw - m, lt - m): the node weights times e^m and the two logs less m, with m the
    largest of lw, lt and `other` (the log of a further term of the integrand, e.g. of
    p^alpha q^(1 - alpha)) at each node; 0 where all are -inf.

    Every integrand here (KL's p (e^d - 1 - d), |p - q|, the alpha-divergence terms) is
    homogeneous of degree 1 in the two densities, so it is evaluated with its largest term near 1
    and weighted by e^m: densities of components with sigma ~1e300 (~1e-300 e^(-z^2/2)) then never
    sink into the subnormal range, where they would lose their digits, and no term overflows.
    """
    with np.errstate(all="ignore"):
        m = np.maximum(lw, lt)
        if other is not None:
            m = np.maximum(m, np.where(np.isnan(other), -np.inf, other))
        m = np.where(np.isfinite(m), m, 0.0)
        return np.exp(np.log(grid.weights) + m), lw - m, lt - m


def _refined_log_ratio(cw, ct, grid, lw, lt, sens, value):
    """log t - log w on the grid rebuilt from the components' parameter differences
    (`_accurate_log_ratio`) if the rounding of the two logs lw, lt, carried into an integral
    through sens = weight * |d integrand / d(log t - log w)| at each node, could move `value` by
    more than 1e-9 of it; None if the plain difference of the logs is good enough."""
    with np.errstate(all="ignore"):
        noise = 4.5e-16 * float(np.sum(np.where(sens > 0, sens * (np.abs(lw) + np.abs(lt) + 1.0), 0.0)))
    if not noise > 1e-9 * abs(value):
        return None
    return _accurate_log_ratio(cw, ct, grid.base, grid.off, lw, lt)


def _kl_on_grid(cw, ct, grid, lw, lt, scaled, tails):
    """D(W‖T) from log densities on a grid: the non-negative integrand, plus T's mass outside.
    `scaled` is _scaled(grid, lw, lt)."""
    sw, sl_w, sl_t = scaled
    with np.errstate(all="ignore"):
        delta = lt - lw
        kl = float(np.dot(sw, _bregman(sl_w, sl_t, delta))) + tails
        if math.isfinite(kl):
            # the logs' rounding, carried into each term by d/dd w (e^d - 1 - d) = t - w (where
            # d > 1 the term is t - w (1 + d) from t itself, and d's rounding barely counts)
            sens = np.where(delta <= 1.0, sw * np.abs(np.exp(sl_t) - np.exp(sl_w)), 0.0)
            delta = _refined_log_ratio(cw, ct, grid, lw, lt, sens, kl)
            if delta is not None:
                kl = float(np.dot(sw, _bregman(sl_w, sl_t, delta))) + tails
    return kl if kl > 0 else 0.0


def _expect(weights, values):
    """sum of weights * values, a term with weight 0 being 0 (even where the value is -inf)."""
    return float(np.dot(weights, np.where(weights > 0, values, 0.0)))


def _pair_expectations(P, Q, both=True):
    """E_P[log p], E_P[log q], D(P‖Q) and (if `both`) the same with P and Q swapped, in nats.

    One grid serves both directions: it reaches ±12 sigma around every component of P (and of Q
    if `both`), each panel laid out in the frame of a component.
    """
    _check_mixture_range(P, Q)
    cp, cq = _comps(P), _comps(Q)
    grid = _frames_grid([cp, cq], [cp, cq] if both else [cp])
    wx = grid.weights
    with np.errstate(all="ignore"):
        lp = _log_pdf(cp, grid.base, grid.off)
        lq = _log_pdf(cq, grid.base, grid.off)
        log_wx = np.log(wx)
        wp, wq = np.exp(log_wx + lp), np.exp(log_wx + lq)  # never a subnormal density in between
        sw, sp, sq = _scaled(grid, lp, lq)
        out_p, out_q = _outside_mass(cp, grid), _outside_mass(cq, grid)
        first = (_expect(wp, lp), _expect(wp, lq),
                 _kl_on_grid(cp, cq, grid, lp, lq, (sw, sp, sq), out_q - out_p))
        if not both:
            return first
        second = (_expect(wq, lq), _expect(wq, lp),
                  _kl_on_grid(cq, cp, grid, lq, lp, (sw, sq, sp), out_p - out_q))
    return first + second


_COMPUTE_MU, _COMPUTE_SIGMA = 1e306, (1e-306, 1e306)


def _check_mixture_range(*dists):
    """Quadrature needs every mean and +-12 sigma to stay finite: |mu| <= 1e306, sigma in
    [1e-306, 1e306] (inputs are held to the narrower range of spec.check_range)."""
    for dist in dists:
        comps = dist.components if isinstance(dist, Mixture) else (dist,)
        for c in comps:
            if abs(c.mu) > _COMPUTE_MU or not _COMPUTE_SIGMA[0] <= c.sigma <= _COMPUTE_SIGMA[1]:
                raise ValueError(f"a normal component N({c.mu!r}, {c.sigma!r}^2) is outside the range "
                                 "a mixture can be integrated in (|mu| <= 1e306, 1e-306 <= sigma <= 1e306)")


def _both_normal(P, Q):
    return isinstance(P, Normal) and isinstance(Q, Normal)


def differential_entropy(P):
    """h(P) = -∫ p log p."""
    _check_dist(P)
    if isinstance(P, Normal):
        return _normal_entropy(P.sigma)
    return -_pair_expectations(P, P, both=False)[0]


def continuous_cross_entropy(P, Q):
    """H(P,Q) = -∫ p log q."""
    _check_dist(P)
    _check_dist(Q, "Q")
    if _both_normal(P, Q):
        return _normal_cross_entropy(P.mu, P.sigma, Q.mu, Q.sigma)
    return -_pair_expectations(P, Q, both=False)[1]


def continuous_kl(P, Q):
    """D(P‖Q) = ∫ p (log p - log q) >= 0."""
    _check_dist(P)
    _check_dist(Q, "Q")
    if _both_normal(P, Q):
        return _normal_kl(P.mu, P.sigma, Q.mu, Q.sigma)
    return _pair_expectations(P, Q, both=False)[2]


_FIELDS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")


@dataclass(frozen=True)
class ContinuousMeasures:
    """Every measure of a continuous pair, in `unit`. A Normal pair never has an infinite measure:
    +inf means the true value exceeds the float range (about 1.8e308); `overflowed()` names them."""

    unit: str
    entropy_p: float
    entropy_q: float
    cross_entropy_pq: float
    cross_entropy_qp: float
    kl_pq: float
    kl_qp: float

    def overflowed(self):
        """Names of the measures whose true value exceeds the float range (shown as inf)."""
        return tuple(k for k in _FIELDS if math.isinf(getattr(self, k)))


def continuous_measures(P, Q, unit="nats"):
    """Every measure of a continuous pair, in `unit` (differential entropies may be negative)."""
    check_unit(unit)
    _check_dist(P)
    _check_dist(Q, "Q")
    return _continuous_measures(P, Q, unit)


def _continuous_measures(P, Q, unit):
    if _both_normal(P, Q):
        vals = dict(
            entropy_p=_normal_entropy(P.sigma),
            entropy_q=_normal_entropy(Q.sigma),
            cross_entropy_pq=_normal_cross_entropy(P.mu, P.sigma, Q.mu, Q.sigma),
            cross_entropy_qp=_normal_cross_entropy(Q.mu, Q.sigma, P.mu, P.sigma),
            kl_pq=_normal_kl(P.mu, P.sigma, Q.mu, Q.sigma),
            kl_qp=_normal_kl(Q.mu, Q.sigma, P.mu, P.sigma),
        )
    else:
        hp, cpq, dpq, hq, cqp, dqp = _pair_expectations(P, Q)
        vals = dict(entropy_p=-hp, entropy_q=-hq, cross_entropy_pq=-cpq, cross_entropy_qp=-cqp,
                    kl_pq=dpq, kl_qp=dqp)
    return ContinuousMeasures(unit=unit, **{k: float(convert(v, unit)) for k, v in vals.items()})


def moment_match(P):
    """The Normal with P's mean and variance: argmin over Gaussian Q of D(P‖Q).

    Formed as mu_1 + w_2 (mu_2 - mu_1) and a scaled variance, so components at 1e150 or with
    sigma 1e300 neither lose their mean nor overflow; a component of weight 0 takes no part, and
    where the scaled variance underflows (sigmas 1e-300 beside a spread of 1e300) it is summed
    in logs.
    """
    _check_dist(P)
    if isinstance(P, Normal):
        return P
    c = _comps(P)
    if c.mu.size == 1:
        return Normal(float(c.mu[0]), float(c.sigma[0]))
    (w1, w2), (m1, m2), (s1, s2) = c.w.tolist(), c.mu.tolist(), c.sigma.tolist()
    dm = m2 - m1
    mean = m1 + w2 * dm
    scale = max(s1, s2, abs(dm))
    r1, r2, rd = s1 / scale, s2 / scale, dm / scale
    var = w1 * r1 * r1 + w2 * r2 * r2 + w1 * w2 * rd * rd
    if var >= 1e-300:
        return Normal(mean, scale * math.sqrt(var))
    logs = [math.log(w1) + 2.0 * math.log(s1), math.log(w2) + 2.0 * math.log(s2)]
    if dm != 0:
        logs.append(math.log(w1) + math.log(w2) + 2.0 * math.log(abs(dm)))
    top = max(logs)
    return Normal(mean, math.exp(0.5 * (top + math.log(math.fsum(math.exp(v - top) for v in logs)))))


@dataclass(frozen=True)
class FitResult:
    normal: Normal
    path: tuple
    converged: bool


def _log_sigma_bounds(c):
    """How far a fitted Normal's log sigma may go for a P with components c: 30 (in log) below
    its narrowest component, 30 above its widest or its spread, inside the quadrature's range."""
    spread = float(np.ptp(c.mu)) if c.mu.size > 1 else 0.0
    return (max(math.log(float(c.sigma.min())) - 30.0, math.log(_COMPUTE_SIGMA[0])),
            min(math.log(max(float(c.sigma.max()), spread)) + 30.0, math.log(_COMPUTE_SIGMA[1])))


def _reverse_objective(P, mu, sigma):
    """D(Q‖P) for Q = N(mu, sigma^2) and its gradient in (mu / sigma, log sigma) (scale-free), by
    quadrature on the frames grid (so a fit at 1e150 is as fine as one at 0)."""
    cq, cp = _comps(Normal(mu, sigma)), _comps(P)
    grid = _frames_grid([cq, cp], [cq])
    base, off = grid.base, grid.off
    with np.errstate(all="ignore"):
        lq, lp = _log_pdf(cq, base, off), _log_pdf(cp, base, off)
        wq = np.exp(np.log(grid.weights) + lq)
        value = _expect(wq, lq - lp)
        g = _dlog_pdf(cp, base, off) * sigma  # d/dx log p in units of 1/sigma
        # D = -h(Q) - E_Q[log p]: sigma d/dmu = -E_Q[sigma g], d/dlog sigma = -1 - E_Q[g (x - mu)].
        grad = np.array([-_expect(wq, g), -1.0 - _expect(wq, g * (((base - mu) + off) / sigma))])
    return max(value, 0.0), grad


def fit_reverse_kl(P, start, max_iter=500, tol=1e-8, max_step=0.25):
    """Minimise D(Q‖P) over Gaussian Q, starting from `start`; returns every iterate.

    Natural-gradient descent in (mu, log sigma) -- the Fisher metric of the Normal family,
    diag(1/sigma^2, 2), makes steps independent of scale -- with each step's length in that metric
    capped at `max_step` and an Armijo backtracking line search. Small, downhill steps follow the
    basin the start lies in, so for well separated modes the fit ends at the mode it starts near.
    Deterministic: no randomness anywhere.
    """
    _check_dist(P)
    _check_normal(start, "start")
    max_iter = integer(max_iter, "max_iter", 0, 100_000)
    tol, max_step = positive_number(tol, "tol"), positive_number(max_step, "max_step")
    _check_mixture_range(P)
    ls_lo, ls_hi = _log_sigma_bounds(_comps(P))
    mu, log_sigma = float(start.mu), math.log(start.sigma)
    value, grad = _reverse_objective(P, mu, start.sigma)
    if not (math.isfinite(value) and np.isfinite(grad).all()):
        raise ValueError("D(Q‖P) at the start of the fit is beyond the float range (about 1.8e308): "
                         "start it nearer P")
    path = [Normal(mu, start.sigma)]
    converged = False
    for _ in range(max_iter):
        sigma = math.exp(log_sigma)
        # the natural gradient, with its mu part in units of sigma (grad[0] is sigma dD/dmu)
        direction = np.array([-grad[0], -0.5 * grad[1]])
        fisher_norm = math.hypot(direction[0], math.sqrt(2.0) * direction[1])
        if fisher_norm < tol:
            converged = True
            break
        step = min(1.0, max_step / fisher_norm)
        while step > 1e-9:
            new_mu = mu + sigma * (step * direction[0])
            new_ls = min(max(log_sigma + step * direction[1], ls_lo), ls_hi)
            new_value, new_grad = _reverse_objective(P, new_mu, math.exp(new_ls))
            if new_value <= value + 1e-4 * float(grad @ (step * direction)):  # Armijo
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
    _check_normal(start, "start")
    steps = integer(steps, "steps", 1, 100_000)
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
    _check_dist(P)
    _check_dist(Q, "Q")
    x = _points(x)
    lp = _log_density(P, x) if log_p is None else _given_logs(log_p, x, "log_p")
    lq = _log_density(Q, x) if log_q is None else _given_logs(log_q, x, "log_q")
    with np.errstate(invalid="ignore"):
        out = np.exp(lp) * (lp - lq)
    return np.where(np.isfinite(lp), out, 0.0)


def drawing_grid(lo, hi, dists=(), points=801, reach=6.0, per_component=121):
    """Sorted x values on [lo, hi] for drawing densities of `dists` (Normals or Mixtures).

    A uniform grid plus `per_component` points within ±`reach` sigma of every component, so a
    component much narrower than the grid step is still drawn with its true peak.
    """
    lo, hi = finite_number(lo, "lo"), finite_number(hi, "hi")  # lo > hi: an empty grid
    points = integer(points, "points", 2, 1_000_000)
    per_component = integer(per_component, "per_component", 1, 100_000)
    reach = positive_number(reach, "reach")
    dists = tuple(_check_dist(d, "dists[i]") for d in dists)
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
    _check_dist(P)
    rel_step = positive_number(rel_step, "rel_step")
    logw, mus, sigmas = _components(P)
    keep = np.isfinite(logw)
    mus, sigmas = mus[keep], sigmas[keep]
    lo, hi = float(mus.min()), float(mus.max())
    if hi - lo <= 1e-12 * max(1.0, abs(lo)):
        return np.array([lo])
    ratio = (hi - lo) / (rel_step * float(sigmas.min()))  # may be inf (1e300 / 1e-300)
    n = int(max(math.ceil(ratio), 64)) if ratio < 200_000 else 200_000
    x = np.linspace(lo, hi, n + 1)
    c = _comps(P)

    def slope(t):  # d/dx log p (overflow-safe: a sigma of 1e-300 makes z^2 overflow far out)
        with np.errstate(all="ignore"):
            return _dlog_pdf(c, np.zeros_like(t), t)

    g = slope(x)
    starts = list(np.flatnonzero((g[:-1] > 0) & (g[1:] <= 0)))
    modes = [lo] if g[0] <= 0 else []
    if starts:
        a, b = x[starts], x[np.array(starts) + 1]
        for _ in range(60):  # bisection on the sign of d/dx log p
            mid = 0.5 * (a + b)
            up = slope(mid) > 0
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
    _check_dist(P)
    _check_normal(start, "start")
    approach_steps = integer(approach_steps, "approach_steps", 1, 100_000)
    start = Normal(start.mu, start.sigma)
    if isinstance(P, Normal):
        return fit_reverse_kl(P, start, max_iter=max_iter)
    logw, _, sigmas = _components(P)
    modes = density_modes(P)
    heights = _log_density(P, modes)
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
    count = integer(count, "count", 2, 1_000_000)
    path = tuple(path)
    if not path:
        raise ValueError("resample_path needs a non-empty path")
    for n in path:
        _check_normal(n, "each point of the path")
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
    mu_q = finite_number(mu_q, "mu_q")
    m = moment_match(P)
    return _HALF_LOG_2PI, (0.5 * m.sigma) * m.sigma, (0.5 * (m.mu - mu_q)) * (m.mu - mu_q)
