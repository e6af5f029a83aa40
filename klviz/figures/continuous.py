"""The continuous view as a matplotlib figure: the densities and the KL integrands, with measures."""

from __future__ import annotations

from functools import partial

import numpy as np

from klviz import style
from klviz.core.gaussian import continuous_measures, log_density
from klviz.core.spec import Mixture, Normal, continuous_from_dict, parse_spec
from klviz.core.units import check_unit, convert
from klviz.figures._hatch import HatchedPatch, hatch
from klviz.figures._common import (
    AXIS_COLOR,
    check_parts,
    check_size,
    compose,
    legend_plan,
    rc_context,
    title_and_legend,
    top_margin,
    value_text,
)

CONTINUOUS_PARTS = ("densities", "integrands")
_AXES_H = {"densities": 1.9, "integrands": 1.8}
NAMES = {
    "entropy_p": "h(P)",
    "entropy_q": "h(Q)",
    "cross_entropy_pq": "H(P,Q)",
    "cross_entropy_qp": "H(Q,P)",
    "kl_pq": "D(P‖Q)",
    "kl_qp": "D(Q‖P)",
}


def as_continuous(dist, name="P"):
    """A Normal or Mixture from itself, its dict form, or a SPEC such as "normal:0,1"."""
    if isinstance(dist, (Normal, Mixture)):
        return dist
    if isinstance(dist, dict):
        return continuous_from_dict(dist, name)
    if isinstance(dist, str):
        out = parse_spec(dist, name)
        if isinstance(out, (Normal, Mixture)):
            return out
        raise ValueError(f"{name}: {dist!r} is discrete; a continuous figure needs normal: or mixture:")
    raise ValueError(f"{name}: expected a Normal, a Mixture or their dict form, got {type(dist).__name__}")


def _num(x):
    return f"{x:g}".replace("-", "−")


def describe(dist):
    """"N(0, 1²)" or "0.5 N(−2, 0.7²) + 0.5 N(2, 0.7²)" (mean, standard deviation squared)."""
    if isinstance(dist, Normal):
        return f"N({_num(dist.mu)}, {_num(dist.sigma)}²)"
    (w1, w2), (c1, c2) = dist.weights, dist.components
    return f"{_num(w1)} N({_num(c1.mu)}, {_num(c1.sigma)}²) + {_num(w2)} N({_num(c2.mu)}, {_num(c2.sigma)}²)"


def _components(dist):
    if isinstance(dist, Normal):
        return [(dist.mu, dist.sigma)]
    return [(c.mu, c.sigma) for w, c in zip(dist.weights, dist.components) if w > 0]


def x_grid(P, Q, reach=4.5, points=481):
    """x values covering both distributions' mass, dense enough for the narrowest component
    (a smooth curve at print resolution, without bloating a vector file)."""
    comps = _components(P) + _components(Q)
    lo = min(mu - reach * s for mu, s in comps)
    hi = max(mu + reach * s for mu, s in comps)
    parts = [np.linspace(lo, hi, points)]
    parts += [mu + s * np.linspace(-6.0, 6.0, 97) for mu, s in comps if 12 * s < 0.25 * (hi - lo)]
    x = np.unique(np.concatenate(parts))
    return x[(x >= lo) & (x <= hi)]


def readout_groups(m, unit):
    def line(key, colour=None):
        return (f"{NAMES[key]} = {value_text(getattr(m, key), unit)}", colour, None)

    return [
        ("Differential entropy (may be < 0)", [line("entropy_p", style.P_COLOR), line("entropy_q", style.Q_COLOR)]),
        ("Cross-entropy", [line("cross_entropy_pq"), line("cross_entropy_qp")]),
        ("KL divergence (not symmetric)", [line("kl_pq", style.KL_COLOR), line("kl_qp", style.KL_COLOR)]),
    ]


DENSITIES_TITLE = "Densities"
INTEGRANDS_TITLE = "KL integrands"


def density_names(P, Q):
    return [f"P = {describe(P)}", f"Q = {describe(Q)}"]


def integrands(lp, lq, unit):
    """p log(p/q) and q log(q/p) on the grid, in `unit` (log p - log q is exact in log space)."""
    ratio = lp - lq
    return ((convert(np.exp(lp) * ratio, unit), style.P_COLOR),
            (convert(np.exp(lq) * -ratio, unit), style.Q_COLOR))


def integrand_names(lp, lq, unit):
    names = ["p log(p/q), area = D(P‖Q)", "q log(q/p), area = D(Q‖P)"]
    if any((f < 0).any() for f, _ in integrands(lp, lq, unit)):
        names.append("negative part")
    return names


def _draw_densities(ax, axis_w, x, lp, lq, P, Q, legend, xlabel):
    handles = []
    for logd, colour, name, dist in ((lp, style.P_COLOR, "P", P), (lq, style.Q_COLOR, "Q", Q)):
        d = np.exp(logd)
        ax.fill_between(x, 0, d, color=colour, alpha=0.16, linewidth=0)
        (line,) = ax.plot(x, d, color=colour, linewidth=2.0)
        handles.append(line)
    top = float(max(np.exp(lp).max(), np.exp(lq).max()))
    ax.set_ylim(0, top * 1.1)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylabel("density")
    if xlabel:
        ax.set_xlabel("x")
    ax.yaxis.grid(True)
    title_and_legend(ax, DENSITIES_TITLE, handles, density_names(P, Q), legend, axis_w)


def _draw_integrands(ax, axis_w, x, lp, lq, unit, legend, xlabel):
    handles = []
    for f, colour in integrands(lp, lq, unit):
        ax.fill_between(x, 0, f, where=f >= 0, interpolate=True, color=colour, alpha=0.22, linewidth=0)
        if (f < 0).any():
            negative = ax.fill_between(x, 0, f, where=f < 0, interpolate=True, facecolor=colour, alpha=0.35,
                                       linewidth=0)
            hatch(ax, negative, style.NEGATIVE_COLOR, alpha=0.8)
        (line,) = ax.plot(x, f, color=colour, linewidth=2.0)
        handles.append(line)
    ax.axhline(0, color=AXIS_COLOR, linewidth=0.9, zorder=3)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylabel(f"integrand ({unit})")
    if xlabel:
        ax.set_xlabel("x")
    ax.yaxis.grid(True)
    names = integrand_names(lp, lq, unit)
    if len(names) > 2:
        handles.append(HatchedPatch(style.NEGATIVE_COLOR, facecolor="#DDDDDD", linewidth=0))
    title_and_legend(ax, INTEGRANDS_TITLE, handles, names, legend, axis_w)


def continuous_figure(p, q, unit="nats", parts=CONTINUOUS_PARTS, title=None, size=None, readout=True):
    """The continuous view of P and Q as a matplotlib Figure (Qt-free; for export and notebooks).

    p, q: `klviz.core.Normal` / `Mixture`, their dict forms ({"family": "normal", "mu": 0,
    "sigma": 1} or {"family": "mixture", "weight": w, "components": [{mu, sigma}, {mu, sigma}]}),
    or a SPEC string ("normal:0,1"). parts: any of "densities", "integrands", top to bottom.
    readout: add the column with every measure as text (differential entropies may be negative).
    Every number comes from `klviz.core.continuous_measures`. Raises ValueError for bad input.
    """
    P, Q = as_continuous(p, "P"), as_continuous(q, "Q")
    check_unit(unit)
    parts = check_parts(parts, CONTINUOUS_PARTS, "continuous")
    if size is not None:
        size = check_size(size)
    m = continuous_measures(P, Q, unit)
    groups = readout_groups(m, unit)
    x = x_grid(P, Q)
    lp, lq = log_density(P, x), log_density(Q, x)

    def make_panels(axis_w):
        panels = []
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part == "densities":
                leg = legend_plan(density_names(P, Q), DENSITIES_TITLE, axis_w)
                draw = partial(_draw_densities, x=x, lp=lp, lq=lq, P=P, Q=Q, legend=leg, xlabel=last)
            else:
                leg = legend_plan(integrand_names(lp, lq, unit), INTEGRANDS_TITLE, axis_w)
                draw = partial(_draw_integrands, x=x, lp=lp, lq=lq, unit=unit, legend=leg, xlabel=last)
            panels.append(dict(top=top_margin(leg), bottom=0.55 if last else 0.3, draw=draw,
                               axes_h=_AXES_H[part]))
        return panels

    with rc_context():
        fig = compose(make_panels, groups, title, size, 5.6, readout)
    fig._klviz_remake = lambda new_size: continuous_figure(P, Q, unit, parts, title, new_size, readout)
    return fig
