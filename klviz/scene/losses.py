"""The Losses tab's scenes, Qt-free: from the loss lab's state (klviz.state.losslab) and a unit
to what each panel shows, already in that unit. Every number comes from klviz.core.losses; the
panels only draw and word it.

- Bernoulli: `bernoulli(state, unit)` (the report, the loss axis, the current point and the
  KL gap above the target's entropy) and `bernoulli_curve(y, unit)` (BCE over f, for one target:
  recomputed only when the target or the unit changes).
- Categorical: `categorical(state, unit)` (the report, the logits' round-number axis, the binary
  case's BCE).
- Normal: `normal_point(state, unit)` (one sample's NLL, its axis, its point) with
  `normal_curve(y, sigma, unit)` (the parabola over f), and `normal_data(state, unit)` (the
  least-squares line, its residuals, the slope profile of mean NLL and ½ MSE, its axis top).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from klviz.core.losses import (
    bce_curve,
    bernoulli_report,
    categorical_report,
    data_fit_report,
    gaussian_nll_curve,
    line_profile,
    normal_report,
    probability_grid,
)
from klviz.core.units import convert
from klviz.scene.axes import nice_bound
from klviz.state.losslab import DATA_X, NORMAL_RANGE

BCE_TOP_NATS = 4.0  # the BCE axis shows 0 .. 4 nats (in the chosen unit)
LOGIT_FLOOR = 5.0  # the logits' axis reaches at least ±5
SLOPES = np.linspace(-3.0, 3.0, 301)  # the slope profile's x axis
NORMAL_CURVE_POINTS = 401


# -- Bernoulli -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Bernoulli:
    """report: klviz.core's BernoulliReport (nats); top: the loss axis's top in the unit; bce,
    entropy: in the unit; point: (f, loss) of the prediction, its loss clipped to the axis
    (`above`: the true loss is higher); gap: (f, from, to), the KL part drawn above the floor."""

    report: object
    top: float
    bce: float
    entropy: float
    point: tuple
    above: bool
    gap: tuple


def bernoulli(s, unit):
    r = bernoulli_report(s.y, s.z)
    top = convert(BCE_TOP_NATS, unit)
    bce, h = convert(r.bce, unit), convert(r.entropy, unit)
    return Bernoulli(r, top, bce, h, (r.f, min(bce, top)), bce > top, (r.f, min(h, top), min(bce, top)))


def bernoulli_curve(y, unit):
    """(f, BCE(y, f) in the unit) over klviz.core's probability grid."""
    f = probability_grid()
    return f, convert(bce_curve(y, f), unit)


# -- Categorical -----------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Categorical:
    """report: klviz.core's CategoricalReport (nats); labels: the classes' names ("0", "1", …);
    logit_bound: the logits' axis is ±this; binary_bce: for two classes, BCE(y₁, σ(z₁ − z₀)) in the
    unit (None otherwise)."""

    report: object
    labels: list
    logit_bound: float
    binary_bce: object


def categorical(s, unit):
    r = categorical_report(s.target, s.logits)
    bound = nice_bound(1.15 * max(abs(v) for v in s.logits), LOGIT_FLOOR)
    binary = convert(r.binary_bce, unit) if s.n == 2 else None
    return Categorical(r, [str(i) for i in range(s.n)], bound, binary)


# -- Normal ----------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class NormalPoint:
    """report: klviz.core's NormalReport (nats); y_range: the loss axis (unit); constant, nll:
    in the unit; point: (f, loss) clipped to the axis (`above`: beyond it); gap: (f, from, to)."""

    report: object
    y_range: tuple
    constant: float
    nll: float
    point: tuple
    above: bool
    gap: tuple


def normal_point(s, unit):
    sigma = s.sigma_used
    r = normal_report(s.y, s.f, sigma)
    lo = convert(min(0.0, r.constant - 0.5), unit)
    hi = convert(r.constant + 5.0, unit)
    nll, c = convert(r.nll, unit), convert(r.constant, unit)
    return NormalPoint(r, (lo, hi), c, nll, (s.f, min(nll, hi)), nll > hi, (s.f, c, min(nll, hi)))


def normal_curve(y, sigma, unit):
    """(f, −log N(y; f, σ²) in the unit) over the panel's range of f."""
    f = np.linspace(*NORMAL_RANGE, NORMAL_CURVE_POINTS)
    return f, convert(gaussian_nll_curve(y, f, sigma), unit)


def widen(span, margin=0.04):
    """An axis a little wider than where points may go, so a point at the edge is drawn whole."""
    lo, hi = span
    return lo - margin * (hi - lo), hi + margin * (hi - lo)


@dataclass(frozen=True, eq=False)
class NormalData:
    """report: klviz.core's DataFitReport; line: ((x0, x1), (y0, y1)) across the widened x axis;
    residuals: (x, y) pairs of segments from each point to the line; profile_nll (unit) and
    profile_half_mse over SLOPES; fit: (mean NLL in the unit, ½ MSE) at the fitted slope;
    top: the profile's round-number axis top."""

    report: object
    line: tuple
    residuals: tuple
    profile_nll: np.ndarray
    profile_half_mse: np.ndarray
    fit: tuple
    top: float


def normal_data(s, unit):
    r = data_fit_report(s.xs, s.ys, s.sigma_used)
    x0, x1 = widen(DATA_X)
    line = ([x0, x1], [r.slope * x0 + r.intercept, r.slope * x1 + r.intercept])
    residuals = (np.repeat(r.x, 2), np.column_stack([r.y, r.predictions]).ravel())
    mse, nll = line_profile(r.x, r.y, SLOPES, s.sigma_used)
    fit_nll, fit_half = convert(r.mean_nll, unit), 0.5 * r.mse
    top = nice_bound(1.6 * max(fit_nll, fit_half) + 1.0, 1.0)
    return NormalData(r, line, residuals, convert(nll, unit), 0.5 * mse, (fit_nll, fit_half), top)
