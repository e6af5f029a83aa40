"""The Continuous tab's scene, Qt-free: from P and Q (Normals or two-component mixtures, as
klviz.state.continuous holds them) and a unit to what the tab shows, already in that unit.

- `measures(P, Q, unit)`: the six differential measures (klviz.core.continuous_measures).
- `readouts(m, note)`: the readout grid's values, and the view's `note` by each negative one (a
  differential entropy or cross-entropy may be negative; the view words why).
- `span(P, Q)`: the x range every component wants (μ ± REACH σ); the view keeps it sticky
  during a gesture and passes the range it shows to `curves`.
- `curves(P, Q, unit, x_range)`: the x grid, both densities, each mixture's weighted parts, both
  KL integrands (their signed areas are D(P‖Q) and D(Q‖P)), the densities' top and the
  integrands' finite span. In the far tails a density that underflows is 0, never NaN.
- `fit(P, Q, kind)` and `fit_path(result, current, x_range)`: a forward or reverse KL fit of a
  Normal Q to P and its animation frames at an even pace, the peaks the path passes and the
  starting Q's "ghost" curve.
- `mse_link(P, Q, unit)`: H(P, N(μ_Q, 1)) as a constant, P's spread and half the squared error.
- `describe` (klviz.scene.readouts): the one text for a Normal or a mixture.

The scenes built on every slider frame (Readouts, Curves) are NamedTuples: frozen, and cheaper to
build than a frozen dataclass.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from klviz.core.gaussian import (
    Normal,
    continuous_measures,
    density,
    drawing_grid,
    fit_forward_kl,
    fit_reverse_kl_nearest_mode,
    integrand,
    log_density,
    moment_match,
    resample_path,
    unit_variance_terms,
)
from klviz.core.spec import Mixture
from klviz.core.units import convert
from klviz.scene.readouts import describe, is_normal

__all__ = [
    "COMPONENT_POINTS", "Curves", "FIT_FRAMES", "FitPath", "GRID_POINTS", "NEGATIVE_KEYS", "READOUT_KEYS",
    "REACH", "Readouts", "components", "curves", "describe", "finite_span", "fit", "fit_path", "is_normal",
    "measures", "mse_link", "print_curves", "print_grid", "print_integrands", "print_origin", "readouts",
    "shifted", "span",
]

READOUT_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp")
NEGATIVE_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp")  # may be < 0
REACH = 4.0  # the x axis shows every component's mu ± REACH sigma
GRID_POINTS = 361  # evenly over the x axis (about 2 px apart), plus points around every component
COMPONENT_POINTS = 61  # within ±6 sigma of each component: its peak is drawn true however narrow
FIT_FRAMES = 121


measures = continuous_measures  # (P, Q, unit) -> the six differential measures in `unit`


class Readouts(NamedTuple):
    """values: key -> float (READOUT_KEYS, in the unit); notes: key -> the caller's `note` for
    each value that is negative (a differential entropy or cross-entropy may be)."""

    values: dict
    notes: dict


def readouts(m, note):
    """The readout grid of measures `m`; `note` is the text the view puts by a negative value."""
    values = {k: getattr(m, k) for k in READOUT_KEYS}
    return Readouts(values, {k: note for k in NEGATIVE_KEYS if values[k] < 0})


def components(dist):
    """[(weight, Normal)] of a Normal (itself, weight 1) or of a mixture (its weighted parts)."""
    if isinstance(dist, Normal):
        return [(1.0, dist)]
    return [(w, c) for w, c in zip(dist.weights, dist.components) if w > 0]


def span(P, Q):
    """(lo, hi): every component of P and Q from mu - REACH sigma to mu + REACH sigma."""
    comps = components(P) + components(Q)
    return (min(c.mu - REACH * c.sigma for _, c in comps), max(c.mu + REACH * c.sigma for _, c in comps))


def finite_span(*arrays):
    """(min, max) over the finite values of the arrays ((0, 0) if there are none)."""
    lo = min(float(a.min(initial=math.inf)) for a in arrays)
    hi = max(float(a.max(initial=-math.inf)) for a in arrays)
    if not (math.isfinite(lo) and math.isfinite(hi)):  # rare: infinities or NaN among them
        finite = [a[np.isfinite(a)] for a in arrays]
        lo = min(float(a.min(initial=math.inf)) for a in finite)
        hi = max(float(a.max(initial=-math.inf)) for a in finite)
    return (lo, hi) if lo <= hi else (0.0, 0.0)


def _finite_log_density(dist, x):
    """log p(x) for drawing: -inf (zero density) where the far tail's arithmetic overflows."""
    lp = log_density(dist, x)  # a new array: mended in place
    lp[np.isnan(lp)] = -np.inf
    return lp


def _finite_density(dist, x):
    return np.exp(_finite_log_density(dist, x))


class Curves(NamedTuple):
    """The two charts over one grid `x`: densities p, q (and each mixture's weighted parts, empty
    for a Normal), integrands f_pq = p log(p/q), f_qp = q log(q/p) in the unit, the densities'
    `top` and the integrands' finite (lo, hi)."""

    x: np.ndarray
    p: np.ndarray
    q: np.ndarray
    parts_p: list
    parts_q: list
    f_pq: np.ndarray
    f_qp: np.ndarray
    top: float
    integrand_span: tuple


def curves(P, Q, unit, x_range):
    """Every curve the tab draws over `x_range` (the densities' and integrands' common x axis)."""
    x = drawing_grid(x_range[0], x_range[1], (P, Q), points=GRID_POINTS, per_component=COMPONENT_POINTS)
    with np.errstate(all="ignore"):
        lp, lq = _finite_log_density(P, x), _finite_log_density(Q, x)
        p, q = np.exp(lp), np.exp(lq)
        parts = [] if isinstance(P, Normal) else [w * _finite_density(c, x) for w, c in components(P)]
        parts_q = [] if isinstance(Q, Normal) else [w * _finite_density(c, x) for w, c in components(Q)]
        f_pq = convert(integrand(P, Q, x, lp, lq), unit)
        f_qp = convert(integrand(Q, P, x, lq, lp), unit)
    top = max(float(p.max()), float(q.max()))
    return Curves(x, p, q, parts, parts_q, f_pq, f_qp, top, finite_span(f_pq, f_qp))


# -- fits ------------------------------------------------------------------------------------------
FIT_KINDS = ("forward", "reverse")


def fit(P, Q, kind):
    """Fit a Normal to P from Q: "forward" minimises D(P‖Q) (moment matching), "reverse" minimises
    D(Q‖P) ending at the mode of P nearest Q. A mixture Q starts from its moment-matched Normal.
    Returns a FitResult whose path runs from that Normal to the optimum."""
    start = moment_match(Q)
    if kind == "forward":
        return fit_forward_kl(P, start)
    if kind == "reverse":
        return fit_reverse_kl_nearest_mode(P, start)
    raise ValueError(f"unknown fit {kind!r} (forward or reverse)")


def _peak_top(peaks):
    return float(np.max(peaks, initial=0.0, where=np.isfinite(peaks)))


@dataclass(frozen=True, eq=False)
class FitPath:
    """A fit as the tab animates it: `frames` (Normals, evenly paced), the path of their peaks
    (`mus`, `peaks`), the tallest finite peak `top`, and `ghost` = (x, density) of the Q the fit
    started from."""

    frames: tuple
    mus: np.ndarray
    peaks: np.ndarray
    top: float
    ghost: tuple

    def upto(self, k):
        """The path drawn only as far as frame k - 1 (quiz mode: no end point before Q is there)."""
        mus, peaks = self.mus[:k], self.peaks[:k]
        return FitPath(self.frames, mus, peaks, _peak_top(peaks), self.ghost)


def fit_path(result, current, x_range=None, frames=FIT_FRAMES):
    """The animation of FitResult `result` from the current Q (`current`, its ghost drawn over
    `x_range`, by default the start's mu ± REACH sigma)."""
    start = result.path[0]
    try:  # an even pace along the path; a path spanning ~1e300 overflows it: then jump
        with np.errstate(over="raise", invalid="raise"):
            steps = resample_path(result.path, frames)
    except (ValueError, ArithmeticError):
        steps = (start, result.normal)
    mus = np.array([n.mu for n in steps])
    with np.errstate(all="ignore"):
        peaks = np.array([float(density(n, n.mu)) for n in steps])
        x0, x1 = x_range or (start.mu - REACH * start.sigma, start.mu + REACH * start.sigma)
        gx = drawing_grid(x0, x1, (current,))
        ghost = _finite_density(current, gx)
    return FitPath(tuple(steps), mus, peaks, _peak_top(peaks), (gx, ghost))


# -- the MSE link ----------------------------------------------------------------------------------
def mse_link(P, Q, unit):
    """The MSE link for Q = N(mu_Q, 1): H(P,Q) = 1/2 log 2 pi + 1/2 Var_P + 1/2 (E_P - mu_Q)^2.

    Returns dict(mean_p, var_p, mu_q, error = mean_p - mu_q, terms=(constant, variance, squared
    error), total), the terms and total in `unit` (exact for a mixture P too: only P's mean and
    variance enter). Q must be a Normal (the link is about a unit-variance Normal Q)."""
    if not isinstance(Q, Normal):
        raise ValueError("the MSE link needs a Normal Q")
    m = moment_match(P)
    terms = tuple(float(convert(t, unit)) for t in unit_variance_terms(P, Q.mu))
    return dict(mean_p=m.mu, var_p=m.sigma**2, mu_q=Q.mu, error=m.mu - Q.mu, terms=terms, total=sum(terms))


# -- the printed figure (klviz.figures.continuous) ---------------------------------------------------
# A figure covers more of the tails than the screen (REACH 4.5) on its own grid: even over the x
# axis, denser around every narrow component, and against x - origin when the pair sits so far
# out (N(1e150, 1)) that floats at x could not tell the grid points apart.
PRINT_REACH = 4.5
PRINT_POINTS = 481


def _mu_sigmas(dist):
    if isinstance(dist, Normal):
        return [(dist.mu, dist.sigma)]
    return [(c.mu, c.sigma) for w, c in zip(dist.weights, dist.components) if w > 0]


def shifted(dist, origin):
    """`dist` moved by -origin (the same shape, so the same densities at x - origin)."""
    if origin == 0.0:
        return dist
    if isinstance(dist, Normal):
        return Normal(dist.mu - origin, dist.sigma)
    return Mixture(dist.weight, tuple(Normal(c.mu - origin, c.sigma) for c in dist.components))


def print_origin(P, Q, reach=PRINT_REACH, points=PRINT_POINTS):
    """Where the drawn x axis starts counting: 0, or the first component's mu when the pair is so
    narrow for its location (N(1e150, 1)) that floats at x could not tell the grid points apart.
    The curves are then drawn against x - origin, which loses nothing: densities only depend on
    distances."""
    comps = _mu_sigmas(P) + _mu_sigmas(Q)
    origin = comps[0][0]
    with np.errstate(over="ignore", invalid="ignore"):
        offsets = [(mu - origin, s) for mu, s in comps]
        lo = min(o - reach * s for o, s in offsets)
        hi = max(o + reach * s for o, s in offsets)
        step = (hi - lo) / (points - 1)
        far = max(abs(origin + lo), abs(origin + hi))
    if not (np.isfinite(step) and np.isfinite(far)) or step > 64 * np.spacing(far):
        return 0.0
    return float(origin)


def print_grid(P, Q, reach=PRINT_REACH, points=PRINT_POINTS):
    """x values covering both distributions' mass, dense enough for the narrowest component
    (a smooth curve at print resolution, without bloating a vector file)."""
    comps = _mu_sigmas(P) + _mu_sigmas(Q)
    lo = min(mu - reach * s for mu, s in comps)
    hi = max(mu + reach * s for mu, s in comps)
    if not (np.isfinite(lo) and np.isfinite(hi) and np.isfinite(hi - lo)):
        raise ValueError("cannot draw P and Q: together they reach beyond the range of floating-point "
                         "numbers (about ±1.8e308)")
    parts = [np.linspace(lo, hi, points)]
    parts += [mu + s * np.linspace(-6.0, 6.0, 97) for mu, s in comps if 12 * s < 0.25 * (hi - lo)]
    x = np.unique(np.concatenate(parts))
    return x[(x >= lo) & (x <= hi)]


@dataclass(frozen=True, eq=False)
class PrintCurves:
    """A figure's curves: `origin` (x is counted from it), P and Q shifted by it, the grid `x`
    and the log-densities there (the integrands follow from them: `print_integrands`)."""

    origin: float
    P: object
    Q: object
    x: np.ndarray
    log_p: np.ndarray
    log_q: np.ndarray


def print_curves(P, Q, origin=None, span=None):
    """The figure's grid and log-densities; `origin` (default `print_origin`) and `span` (lo, hi):
    a shared layout's fixed x range, which the curves then reach across, and no further."""
    origin = print_origin(P, Q) if origin is None else float(origin)
    P0, Q0 = shifted(P, origin), shifted(Q, origin)
    x = print_grid(P0, Q0)
    if span is not None:
        lo, hi = span
        x = np.unique(np.concatenate([x, np.linspace(lo, hi, PRINT_POINTS)]))
        x = x[(x >= lo) & (x <= hi)]
    return PrintCurves(origin, P0, Q0, x, log_density(P0, x), log_density(Q0, x))


def print_integrands(lp, lq, unit):
    """p log(p/q) and q log(q/p) from the log-densities, in `unit` (log p - log q is exact in log
    space). Where a density is 0 its term is 0 (0 log 0 = 0), even where the other is 0 too."""
    with np.errstate(invalid="ignore", over="ignore"):
        ratio = lp - lq
        f_pq = np.where(lp == -np.inf, 0.0, np.exp(lp) * ratio)
        f_qp = np.where(lq == -np.inf, 0.0, np.exp(lq) * -ratio)
    return convert(f_pq, unit), convert(f_qp, unit)
