"""The continuous view as a matplotlib figure: the densities and the KL integrands, with measures."""

from __future__ import annotations

from functools import partial

import numpy as np

from klviz import style
from klviz.core.spec import Mixture, Normal, continuous_from_dict, parse_spec
from klviz.core.units import check_unit
from klviz.figures._hatch import HatchedPatch, hatch
from klviz.scene import continuous as sc
from klviz.scene import readouts
from klviz.figures._common import (
    AXIS_COLOR,
    check_layout,
    check_parts,
    check_size,
    compose,
    fixed_legend,
    legend_plan,
    rc_context,
    title_and_legend,
    top_margin,
    value_text,
)

CONTINUOUS_PARTS = ("densities", "integrands")
# "alpha_fit" (not drawn by default): Minka's picture, the Normal Q fitted to P by minimising
# D_α(P‖Q), its μ and σ against α (klviz.core.alpha.alpha_curve), drawn under the x-axis panels
ALL_CONTINUOUS_PARTS = CONTINUOUS_PARTS + ("alpha_fit",)
ALPHA_FIT_TITLE = "The α-fit: Q = N(μ, σ²) minimising Dα(P‖Q)"
ALPHA_LANDMARKS = ((0.0, "0", "reverse KL"), (0.5, "½", "Hellinger"), (1.0, "1", "forward KL"), (2.0, "2", "χ²"))
_AXES_H = {"densities": 1.9, "integrands": 1.8, "alpha_fit": 1.5}
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


def describe(dist):
    """"N(0, 1²)" or "0.5 N(−2, 0.7²) + 0.5 N(2, 0.7²)" (mean, standard deviation squared)."""
    return readouts.describe(dist, style="g", times=" ")


def x_label(origin):
    if origin == 0.0:
        return "x"
    text = repr(abs(float(origin))).removesuffix(".0")
    return f"x − {text}" if origin > 0 else f"x + {text}"


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
    """p log(p/q) and q log(q/p) on the grid, in `unit`, each with its colour (the scene's
    print_integrands: 0 where a density is 0)."""
    f_pq, f_qp = sc.print_integrands(lp, lq, unit)
    return ((f_pq, style.P_COLOR), (f_qp, style.Q_COLOR))


def check_drawable(x, lp, lq, parts, unit):
    """ValueError, in one sentence, if a requested chart has values no axis can show."""
    if x.size < 2 or not np.isfinite(x).all():
        raise ValueError("cannot draw P and Q: the x axis cannot resolve them")
    if "densities" in parts:
        with np.errstate(over="ignore"):
            tops = np.exp([lp.max(), lq.max()]) * 1.1  # the axis top
        if np.isnan(lp).any() or np.isnan(lq).any():
            raise ValueError("cannot draw the densities: they could not be evaluated for parameters "
                             "this extreme")
        if not np.isfinite(tops).all():
            raise ValueError("cannot draw the densities: their peaks exceed the range of floating-point "
                             "numbers (a sigma below about 1e-308)")
    if "integrands" in parts:
        for f, _ in integrands(lp, lq, unit):
            if np.isnan(f).any():
                raise ValueError("cannot draw the KL integrands: they could not be evaluated for "
                                 "parameters this extreme (the densities alone can be drawn)")
            if not np.isfinite(f).any():
                raise ValueError("cannot draw the KL integrands: p log(p/q) or q log(q/p) exceeds the "
                                 "range of floating-point numbers everywhere on the x axis for this "
                                 "pair (the densities alone can be drawn)")


def beyond_float_range(lp, lq, unit):
    """True where an integrand has points beyond the float range (one log density below -1.8e308
    where the other is not, or p log(p/q) above 1.8e308): drawn as gaps, as the app's chart does,
    with a note saying so."""
    return any(not np.isfinite(f).all() for f, _ in integrands(lp, lq, unit))


def _drawn(f):
    """An integrand as drawn: its points beyond the float range become gaps."""
    return np.where(np.isfinite(f), f, np.nan)


BEYOND_NOTE = "gaps: values beyond the range of floating-point numbers"


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
        ax.set_xlabel(xlabel)
    ax.yaxis.grid(True)
    title_and_legend(ax, DENSITIES_TITLE, handles, density_names(P, Q), legend, axis_w)


def _draw_integrands(ax, axis_w, x, lp, lq, unit, legend, xlabel):
    handles = []
    for f, colour in integrands(lp, lq, unit):
        f = _drawn(f)
        with np.errstate(invalid="ignore"):  # (the gaps compare False)
            ax.fill_between(x, 0, f, where=f >= 0, interpolate=True, color=colour, alpha=0.22, linewidth=0)
            if (f < 0).any():
                negative = ax.fill_between(x, 0, f, where=f < 0, interpolate=True, facecolor=colour,
                                           alpha=0.35, linewidth=0)
                hatch(ax, negative, style.NEGATIVE_COLOR, alpha=0.8)
        (line,) = ax.plot(x, f, color=colour, linewidth=2.0)
        handles.append(line)
    if beyond_float_range(lp, lq, unit):
        ax.text(0.99, 0.96, BEYOND_NOTE, transform=ax.transAxes, ha="right", va="top", fontsize=8,
                color=style.TEXT_COLOR)
    ax.axhline(0, color=AXIS_COLOR, linewidth=0.9, zorder=3)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylabel(f"integrand ({unit})")
    if xlabel:
        ax.set_xlabel(xlabel)
    ax.yaxis.grid(True)
    names = integrand_names(lp, lq, unit)
    if len(names) > 2:
        handles.append(HatchedPatch(style.NEGATIVE_COLOR, facecolor="#DDDDDD", linewidth=0))
    title_and_legend(ax, INTEGRANDS_TITLE, handles, names, legend, axis_w)


def _draw_alpha_fit(ax, axis_w, curve, alpha, legend):
    """Fitted μ and σ against α, the landmarks named, the current α (if any) marked."""
    mu_line, = ax.plot(curve.alphas, curve.mus, color=style.KL_COLOR, linewidth=2.0)
    sigma_line, = ax.plot(curve.alphas, curve.sigmas, color=style.Q_COLOR, linewidth=2.0, linestyle="--")
    lo, hi = float(curve.alphas[0]), float(curve.alphas[-1])
    ax.set_xlim(lo, hi)
    marks = [(a, tick, name) for a, tick, name in ALPHA_LANDMARKS if lo < a < hi]
    ax.set_xticks([lo] + [a for a, _, _ in marks] + [hi])
    ax.set_xticklabels([f"{lo:g}"] + [tick for _, tick, _ in marks] + [f"{hi:g}"])
    if alpha is not None and lo <= alpha <= hi:
        ax.axvline(alpha, color=AXIS_COLOR, linewidth=1.0, linestyle=":")
        k = int(np.argmin(np.abs(curve.alphas - alpha)))
        ax.plot([curve.alphas[k]] * 2, [curve.mus[k], curve.sigmas[k]], "o", color=style.TEXT_COLOR, markersize=4)
    ax.set_xlabel("α   (" + ", ".join(f"{tick}: {name}" for _, tick, name in marks) + ")")
    ax.yaxis.grid(True)
    title_and_legend(ax, ALPHA_FIT_TITLE, [mu_line, sigma_line], ["fitted μ", "fitted σ"], legend, axis_w)


def continuous_figure(p, q, unit="nats", parts=CONTINUOUS_PARTS, title=None, size=None, readout=True,
                      layout=None, alpha=None):
    """The continuous view of P and Q as a matplotlib Figure (Qt-free; for export and notebooks).

    p, q: `klviz.core.Normal` / `Mixture`, their dict forms ({"family": "normal", "mu": 0,
    "sigma": 1} or {"family": "mixture", "weight": w, "components": [{mu, sigma}, {mu, sigma}]}),
    or a SPEC string ("normal:0,1"). parts: any of "densities", "integrands", top to bottom, and
    "alpha_fit" (always last; not by default): the α-fit of a Normal to P, its μ and σ against α
    from −2 to 3 (Minka 2005), with `alpha` (a number) marked.
    readout: add the column with every measure as text (differential entropies may be negative).
    layout: fixed axis limits (and x origin), legends and readout width shared by several figures,
    so that they line up (an animation's frames; see `klviz.figures.animate.AnimationPlan`).
    Every number and curve comes from the scene (`klviz.scene.continuous`). Raises ValueError for bad input.
    """
    P, Q = as_continuous(p, "P"), as_continuous(q, "Q")
    check_unit(unit)
    parts = check_parts(parts, ALL_CONTINUOUS_PARTS, "continuous")
    if "alpha_fit" in parts:
        if layout is not None:
            raise ValueError("the α-fit part is drawn in still figures only (not in a shared layout)")
        parts = tuple(x for x in parts if x != "alpha_fit") + ("alpha_fit",)
        if alpha is not None:
            if isinstance(alpha, bool) or not isinstance(alpha, (int, float, np.floating, np.integer)) \
                    or not np.isfinite(alpha):
                raise ValueError(f"alpha must be a finite number, not {alpha!r}")
            alpha = float(alpha)
    if size is not None:
        size = check_size(size)
    layout = check_layout(layout, parts)
    m = sc.measures(P, Q, unit)
    groups = readout_groups(m, unit)
    fixed = layout["parts"] if layout is not None else {}
    span = None
    if fixed:  # the curves reach across the fixed x range, and no further
        span = (min(f["xlim"][0] for f in fixed.values()), max(f["xlim"][1] for f in fixed.values()))
    curves = sc.print_curves(P, Q, float(layout["origin"]) if layout is not None else None, span)
    origin, x, lp, lq = curves.origin, curves.x, curves.log_p, curves.log_q
    check_drawable(x, lp, lq, parts, unit)
    xlabel = x_label(origin)

    x_parts = [part for part in parts if part != "alpha_fit"]
    curve = None
    if "alpha_fit" in parts:
        from klviz.core.alpha import ALPHA_RANGE, alpha_curve

        curve = alpha_curve(P, np.linspace(*ALPHA_RANGE, 26))

    def make_panels(axis_w):
        panels = []
        for i, part in enumerate(parts):
            last = part in x_parts and part == x_parts[-1]
            if part == "alpha_fit":
                leg = legend_plan(["fitted μ", "fitted σ"], ALPHA_FIT_TITLE, axis_w)
                panels.append(dict(top=top_margin(leg), bottom=0.55, axes_h=_AXES_H[part], part=part, legend=leg,
                                   origin=origin, draw=partial(_draw_alpha_fit, curve=curve, alpha=alpha, legend=leg)))
                continue
            if part == "densities":
                leg = legend_plan(density_names(P, Q), DENSITIES_TITLE, axis_w, fixed_legend(fixed, part))
                draw = partial(_draw_densities, x=x, lp=lp, lq=lq, P=P, Q=Q, legend=leg,
                               xlabel=xlabel if last else None)
            else:
                leg = legend_plan(integrand_names(lp, lq, unit), INTEGRANDS_TITLE, axis_w,
                                  fixed_legend(fixed, part))
                draw = partial(_draw_integrands, x=x, lp=lp, lq=lq, unit=unit, legend=leg,
                               xlabel=xlabel if last else None)
            panels.append(dict(top=top_margin(leg), bottom=0.55 if last else 0.3, draw=draw,
                               axes_h=_AXES_H[part], part=part, legend=leg, origin=origin))
        return panels

    with rc_context():
        fig = compose(make_panels, groups, title, size, 5.6, readout, layout)
    fig._klviz_remake = lambda new_size: continuous_figure(P, Q, unit, parts, title, new_size, readout, layout, alpha)
    return fig
