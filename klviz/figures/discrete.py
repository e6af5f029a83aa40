"""The discrete view as a matplotlib figure: P and Q, the decomposition, the pointwise terms."""

from __future__ import annotations

import math
from functools import partial

import numpy as np
from matplotlib.patches import Patch, Rectangle

from klviz import style
from klviz.core.discrete import discrete_measures
from klviz.core.format import format_value
from klviz.core.labels import default_labels
from klviz.core.spec import Categorical, check_same_kind
from klviz.core.units import check_unit
from klviz.figures._hatch import HatchedPatch, hatch
from klviz.figures._common import (
    AXIS_COLOR,
    MUTED_TEXT,
    TITLE_H,
    check_layout,
    check_parts,
    check_size,
    compose,
    escape,
    fixed_legend,
    legend_plan,
    rc_context,
    text_width_pt,
    panel_title,
    title_and_legend,
    top_margin,
    value_text,
)
from klviz.scene.readouts import why_infinite

WHY_ROOM = {"shown": 3, "fit": 24}  # a figure's note names three categories, or counts them

DISCRETE_PARTS = ("bars", "decomposition", "pointwise")
_TICK_SIZE = 9.0
_MIN_TICK_SIZE = 5.0
_SEGMENT_LABEL_SIZE = 9.5
_SIDE_TEXT_SIZE = 9.5
_VALUE_SIZE = 7.5


# ---------------------------------------------------------------------------------------------
# Inputs


def categoricals(p, q):
    """Validated P and Q (a `Categorical` is taken as is, keeping its exact log-probabilities)."""
    P = p if isinstance(p, Categorical) else Categorical.from_weights(p, "P")
    Q = q if isinstance(q, Categorical) else Categorical.from_weights(q, "Q")
    check_same_kind(P, Q)
    return P, Q


def check_labels(labels, n):
    if labels is None:
        return default_labels(n)
    if isinstance(labels, str):
        raise ValueError("labels must be a list of strings, one per category")
    labels = [str(s) for s in labels]
    if len(labels) != n:
        raise ValueError(f"expected {n} labels (one per category), got {len(labels)}")
    return labels


def infinity_reasons(m, labels):
    return {
        "pq": why_infinite(m.mismatch_pq, labels, "P", "Q", **WHY_ROOM) if math.isinf(m.kl_pq) else None,
        "qp": why_infinite(m.mismatch_qp, labels, "Q", "P", **WHY_ROOM) if math.isinf(m.kl_qp) else None,
    }


def _as_note(reason):
    if reason is None:
        return None
    head, _, tail = reason.partition(" where ")
    return f"because {head}\nwhere {tail}"


def readout_groups(m, unit, reasons):
    def line(key, colour=None, note=None):
        return (f"{style.MEASURE_NAMES[key]} = {value_text(getattr(m, key), unit)}", colour, note)

    return [
        ("Entropy", [line("entropy_p", style.P_COLOR), line("entropy_q", style.Q_COLOR)]),
        ("Cross-entropy", [line("cross_entropy_pq"), line("cross_entropy_qp")]),
        ("KL divergence (not symmetric)", [line("kl_pq", style.KL_COLOR, _as_note(reasons["pq"])),
                                           line("kl_qp", style.KL_COLOR, _as_note(reasons["qp"]))]),
        ("Jensen-Shannon (symmetric)", [line("js")]),
    ]


# ---------------------------------------------------------------------------------------------
# Category axis: labels that never overlap, at 5 or at 500 categories


def tick_plan(labels, axis_width_in):
    """Font size, rotation and stride of the category labels for an axis this wide."""
    n = len(labels)
    slot = axis_width_in * 72.0 / max(n, 1)  # points per category
    widest = max(text_width_pt(s, _TICK_SIZE) for s in labels) if labels else 0.0
    if widest <= 0.85 * slot:
        return {"size": _TICK_SIZE, "rotation": 0, "step": 1, "extra_in": 0.0, "slot": slot, "left_in": 0.0}
    rotation = 45 if n <= 24 else 90
    # Rotated labels stack along the axis at (line height / sin(rotation)) points each.
    per_label = 1.25 * (math.sqrt(2.0) if rotation == 45 else 1.0)
    size = min(_TICK_SIZE, slot / per_label)
    step = 1
    if size < _MIN_TICK_SIZE:
        step = math.ceil(_MIN_TICK_SIZE / size)
        size = _MIN_TICK_SIZE
    rise = widest * size / _TICK_SIZE * (math.sin(math.radians(rotation)))
    left = 0.0
    if rotation == 45:
        # Slanted labels reach left of their category: the first ones may need a wider margin.
        c = math.cos(math.radians(45))
        left = max((text_width_pt(s, size) + size) * c - (0.6 + i) * slot
                   for i, s in enumerate(labels[: 12 * step: step])) / 72.0
    return {"size": size, "rotation": rotation, "step": step, "extra_in": max(0.0, rise / 72.0 - 0.15),
            "slot": slot, "left_in": max(left, 0.0)}


def _category_axis(ax, labels, plan):
    """Category names under the axis as plain texts (no Tick objects: 100 of those are slow)."""
    from matplotlib.transforms import ScaledTranslation, blended_transform_factory

    n = len(labels)
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_xticks([])
    rot = plan["rotation"]
    below = ScaledTranslation(0, -4 / 72, ax.figure.dpi_scale_trans)
    where = blended_transform_factory(ax.transData, ax.transAxes) + below
    kw = dict(fontsize=plan["size"], rotation=rot, va="top", transform=where, clip_on=False,
              color=style.TEXT_COLOR)
    if rot == 45:
        kw.update(ha="right", rotation_mode="anchor")
    else:
        kw.update(ha="center")
    for i in range(0, n, plan["step"]):
        ax.text(i, 0, escape(labels[i]), **kw)


def _bars(ax, x, heights, width, color, bottom=0.0, **kw):
    """Vertical bars as one collection (one artist, not one Rectangle per bar)."""
    from matplotlib.collections import PolyCollection

    x = np.asarray(x, float)
    heights = np.asarray(heights, float)
    if x.size == 0:
        return None
    x0, x1 = x - width / 2, x + width / 2
    b = np.broadcast_to(np.asarray(bottom, float), x.shape)
    t = b + heights
    verts = np.stack([np.column_stack([x0, b]), np.column_stack([x0, t]),
                      np.column_stack([x1, t]), np.column_stack([x1, b])], axis=1)
    kw.setdefault("edgecolors", "white")
    kw.setdefault("linewidths", 0.8)
    coll = PolyCollection(verts, facecolors=color, closed=True, **kw)
    ax.add_collection(coll, autolim=False)
    return coll


# ---------------------------------------------------------------------------------------------
# Panels

BARS_TITLE = "P and Q"
POINTWISE_TITLE = "Pointwise terms"
DECOMPOSITION_TITLE = "Cross-entropy = entropy + KL divergence"
POINTWISE_NAMES = ("p log(p/q), sums to D(P‖Q)", "q log(q/p), sums to D(Q‖P)")
NEGATIVE_NAME = "negative term"


def _pointwise_names(m):
    names = list(POINTWISE_NAMES)
    if (np.asarray(m.terms_pq) < 0).any() or (np.asarray(m.terms_qp) < 0).any():
        names.append(NEGATIVE_NAME)
    return names


def _negative_patch():
    return HatchedPatch(style.NEGATIVE_COLOR, facecolor="#DDDDDD", edgecolor=style.NEGATIVE_COLOR, linewidth=0.9)


def _draw_bars(ax, axis_w, P, Q, labels, plan, legend):
    n = len(labels)
    x = np.arange(n)
    w = 0.4
    lw = 0.5 if n > 40 else 0.8
    _bars(ax, x - w / 2, P.probs, w, style.P_COLOR, linewidths=lw)
    _bars(ax, x + w / 2, Q.probs, w, style.Q_COLOR, linewidths=lw)
    top = float(max(P.probs.max(), Q.probs.max()))
    ax.set_ylim(0, top * 1.16 if top > 0 else 1)
    # The probabilities over the bars, when every one of them has room (a few categories).
    values = [[format_value(float(v), 2) for v in vals] for vals in (P.probs, Q.probs)]
    widest = max(text_width_pt(s, _VALUE_SIZE) for vals in values for s in vals)
    if n <= 12 and widest + 2 <= plan["slot"] * w:
        for xs, texts, vals in ((x - w / 2, values[0], P.probs), (x + w / 2, values[1], Q.probs)):
            for xi, text, v in zip(xs, texts, vals):
                ax.annotate(text, (xi, v), xytext=(0, 2), textcoords="offset points",
                            ha="center", va="bottom", fontsize=_VALUE_SIZE, color=MUTED_TEXT)
    ax.set_ylabel("probability")
    ax.yaxis.grid(True)
    _category_axis(ax, labels, plan)
    handles = [Patch(facecolor=style.P_COLOR), Patch(facecolor=style.Q_COLOR)]
    title_and_legend(ax, BARS_TITLE, handles, ["P", "Q"], legend, axis_w)


def _draw_pointwise(ax, axis_w, m, labels, unit, plan, legend, ylim=None):
    n = len(labels)
    x = np.arange(n)
    w = 0.4
    tpq, tqp = np.asarray(m.terms_pq, float), np.asarray(m.terms_qp, float)
    both = np.concatenate([tpq, tqp])
    finite = both[np.isfinite(both)]
    lo = min(0.0, float(finite.min())) if finite.size else 0.0
    hi = max(0.0, float(finite.max())) if finite.size else 0.0
    span = (hi - lo) or 1.0
    any_inf = bool(np.isinf(both).any())
    inf_height = hi + span * 0.15
    y_top = hi + span * (0.3 if any_inf else 0.1)
    y_bottom = lo - span * 0.06 if lo < 0 else 0.0
    if ylim is not None:  # a fixed scale (an animation's frames): an infinite bar still stands tall
        y_bottom, y_top = ylim
        inf_height = max(inf_height, y_top - (y_top - y_bottom) * 0.12)
    lw = 0.5 if n > 40 else 0.8
    handles = []
    for offset, terms, colour in ((-w / 2, tpq, style.P_COLOR), (w / 2, tqp, style.Q_COLOR)):
        inf = np.isinf(terms)
        neg = terms < 0
        finite = ~inf & ~neg
        _bars(ax, x[finite] + offset, terms[finite], w, colour, linewidths=lw)
        # Negative terms: hatched with a vermillion outline, so they stand out below the zero line.
        negative = _bars(ax, x[neg] + offset, terms[neg], w, colour, linewidths=0.9,
                         edgecolors=style.NEGATIVE_COLOR)
        if negative is not None:
            hatch(ax, negative, style.NEGATIVE_COLOR)
        # Infinite terms: a cross-hatched bar to the top, marked "∞".
        infinite = _bars(ax, x[inf] + offset, np.full(int(inf.sum()), inf_height), w, colour, linewidths=lw)
        if infinite is not None:
            hatch(ax, infinite, "white", angles=(45.0, -45.0))
        for i in np.flatnonzero(inf):
            ax.annotate("∞", (x[i] + offset, inf_height), xytext=(0, 1), textcoords="offset points",
                        ha="center", va="bottom", fontsize=12 if n <= 30 else 8, color=colour)
        handles.append(Patch(facecolor=colour, edgecolor="none"))
    names = _pointwise_names(m)
    if len(names) > 2:
        handles.append(_negative_patch())
    ax.axhline(0, color=AXIS_COLOR, linewidth=0.9, zorder=3)
    ax.set_ylim(y_bottom, y_top)
    ax.set_ylabel(f"term ({unit})")
    ax.yaxis.grid(True)
    _category_axis(ax, labels, plan)
    title_and_legend(ax, POINTWISE_TITLE, handles, names, legend, axis_w)


def _decomposition_rows(m, reasons):
    return [
        ("P", "Q", m.entropy_p, m.kl_pq, m.cross_entropy_pq, style.P_COLOR, reasons["pq"]),
        ("Q", "P", m.entropy_q, m.kl_qp, m.cross_entropy_qp, style.Q_COLOR, reasons["qp"]),
    ]


def _draw_decomposition(ax, axis_w, m, unit, reasons, x_max=None):
    rows = _decomposition_rows(m, reasons)
    ys = (1.0, 0.0)
    height = 0.46
    ends = [h + d for _, _, h, d, _, _, _ in rows if math.isfinite(d)] + [h for _, _, h, _, _, _, _ in rows]
    top = max(ends) if max(ends) > 0 else 1.0
    any_inf = any(math.isinf(d) for _, _, _, d, _, _, _ in rows)
    open_end = top * 1.25 if any_inf else top  # where an infinite bar has faded out
    # An infinite bar gets its reason at its open end; the bars take what that leaves.
    notes = [reason for *_, reason in rows if reason]
    note_w = max((text_width_pt(s, _SIDE_TEXT_SIZE) for s in notes), default=0.0) / 72 + 0.15
    frac = min(max((axis_w - note_w) / axis_w, 0.45), 0.97)
    fixed_scale = x_max is not None  # (an animation's frames)
    if not fixed_scale:
        x_max = open_end / frac
    elif any_inf:  # an infinite bar still runs on to the far end
        open_end = max(open_end, x_max * frac)
    scale = axis_w / x_max  # inches per unit

    def inside(x0, width, text, y):
        if width * scale >= text_width_pt(text, _SEGMENT_LABEL_SIZE) / 72 + 0.12:
            ax.text(x0 + width / 2, y, escape(text), ha="center", va="center", color="white",
                    fontsize=_SEGMENT_LABEL_SIZE)

    for y, (a, b, h, d, ce, colour, reason) in zip(ys, rows):
        ax.barh(y, h, height, left=0, color=colour, edgecolor="white", linewidth=0.8)
        inside(0, h, f"H({a})", y)
        if math.isfinite(d):
            ax.barh(y, d, height, left=h, color=style.KL_COLOR, edgecolor="white", linewidth=0.8)
            inside(h, d, f"D({a}‖{b})", y)
        else:
            # Open-ended: solid, then fading out -- an infinite bar never ends.
            solid = (open_end - h) * 0.6
            ax.barh(y, solid, height, left=h, color=style.KL_COLOR, edgecolor="none")
            steps = 8
            fade = (open_end - h - solid) / steps
            for k in range(steps):
                ax.add_patch(Rectangle((h + solid + k * fade, y - height / 2), fade * 1.02, height,
                                       facecolor=style.KL_COLOR, edgecolor="none",
                                       alpha=0.85 * (1 - (k + 1) / (steps + 1))))
            inside(h, solid, f"D({a}‖{b}) = ∞", y)
            ax.annotate(escape(reason), (open_end, y), xytext=(6, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=_SIDE_TEXT_SIZE, color=MUTED_TEXT,
                        annotation_clip=False)
        # The identity with its numbers, one line above the bar.
        total = format_value(ce) + ("" if math.isinf(ce) else f" {unit}")
        line = f"H({a},{b}) = H({a}) + D({a}‖{b}) = {format_value(h)} + {format_value(d)} = {total}"
        size = _SIDE_TEXT_SIZE
        fit = axis_w * 72 / max(text_width_pt(line, size), 1.0)
        ax.annotate(escape(line), (0, y + height / 2), xytext=(0, 3), textcoords="offset points",
                    ha="left", va="bottom", fontsize=max(6.5, min(size, size * fit)),
                    color=style.TEXT_COLOR, annotation_clip=False)
    ax.set_yticks([])
    ax.set_ylim(-0.36, 1.62)
    ax.set_xlim(0, x_max)
    ax.spines["left"].set_visible(False)
    if any_inf:
        # The scale stops where the finite values do; the open-ended bar runs on past it.
        # (On a fixed scale, the ticks of the whole scale: their spacing stays that of the other frames.)
        ticks = [t for t in ax.xaxis.get_major_locator().tick_values(0, x_max if fixed_scale else top)
                 if -1e-12 <= t <= top * 1.0001]
        ax.set_xticks(ticks)
        ax.spines["bottom"].set_bounds(0, top)
    ax.set_xlabel(unit, loc="left")
    panel_title(ax, DECOMPOSITION_TITLE, axis_w)


# ---------------------------------------------------------------------------------------------

_AXES_H = {"bars": 1.95, "decomposition": 1.15, "pointwise": 1.85}


def discrete_figure(p, q, labels=None, unit="nats", parts=DISCRETE_PARTS, title=None, size=None,
                    readout=True, layout=None):
    """The discrete view of P and Q as a matplotlib Figure (Qt-free; for export and notebooks).

    p, q: probabilities or weights (normalised by their sum; validated like everywhere in klviz),
    or `klviz.core.Categorical`. labels: one string per category (default A, B, C, ...).
    parts: any of "bars", "decomposition", "pointwise", drawn top to bottom in the given order.
    readout: add the column with every measure as text ("D(P‖Q) = 0.2008 nats").
    size: (width, height) in inches; the default grows with the number of categories.
    layout: fixed axis limits, legends and readout width shared by several figures, so that
    they line up (an animation's frames; see `klviz.figures.animate.AnimationPlan`).
    Every number comes from `klviz.core.discrete_measures`. Raises ValueError for bad input
    (also for a size too small to hold the view).
    """
    P, Q = categoricals(p, q)
    n = len(P)
    labels = check_labels(labels, n)
    check_unit(unit)
    parts = check_parts(parts, DISCRETE_PARTS, "discrete")
    if size is not None:
        size = check_size(size)
    layout = check_layout(layout, parts)
    m = discrete_measures(P, Q, unit)
    reasons = infinity_reasons(m, labels)
    groups = readout_groups(m, unit, reasons)
    fixed = layout["parts"] if layout is not None else {}

    def make_panels(axis_w):
        plan = tick_plan(labels, axis_w)
        tick_room = 0.3 + plan["extra_in"]
        panels = []
        for part in parts:
            if part == "bars":
                leg = legend_plan(["P", "Q"], BARS_TITLE, axis_w, fixed_legend(fixed, part))
                draw = partial(_draw_bars, P=P, Q=Q, labels=labels, plan=plan, legend=leg)
                panels.append(dict(top=top_margin(leg), bottom=tick_room, draw=draw, left_min=plan["left_in"]))
            elif part == "pointwise":
                leg = legend_plan(_pointwise_names(m), POINTWISE_TITLE, axis_w, fixed_legend(fixed, part))
                draw = partial(_draw_pointwise, m=m, labels=labels, unit=unit, plan=plan, legend=leg,
                               ylim=fixed[part]["ylim"] if part in fixed else None)
                panels.append(dict(top=top_margin(leg), bottom=tick_room, draw=draw, left_min=plan["left_in"]))
            else:
                x_max = fixed[part]["xlim"][1] if part in fixed else None
                draw = partial(_draw_decomposition, m=m, unit=unit, reasons=reasons, x_max=x_max)
                leg = None
                panels.append(dict(top=TITLE_H, bottom=0.5, draw=draw, ylabels=False, min_h=1.0))
            panels[-1].update(axes_h=_AXES_H[part], part=part, legend=leg)
        return panels

    with rc_context():
        fig = compose(make_panels, groups, title, size, min(max(4.7 + 0.075 * n, 5.1), 12.0), readout, layout)
    fig._klviz_remake = lambda new_size: discrete_figure(P, Q, labels, unit, parts, title, new_size, readout,
                                                         layout)
    return fig
