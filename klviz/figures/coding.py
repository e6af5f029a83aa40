"""The Coding view as a matplotlib figure: cross-entropy as the area of real code lengths.

Each category is a column of width p_i; its height is a code length in bits, so an area is an
expected length (MATH.md "Codes"). Drawn from `klviz.scene.coding.CodingScene`: P's ideal lengths
−log₂ pᵢ (filled, area H(P)), Q's ideal lengths −log₂ qᵢ (area H(P,Q)), Q's Shannon and Huffman
code lengths (outlines), and the signed area between the two ideal heights, whose total is
D(P‖Q) in bits (shaded; a negative column hatched). Always in bits.
"""

from __future__ import annotations

import textwrap
from functools import partial

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from klviz import style
from klviz.figures._common import (
    AXIS_COLOR,
    MUTED_TEXT,
    check_parts,
    check_size,
    compose,
    escape,
    legend_plan,
    rc_context,
    text_width_pt,
    title_and_legend,
    top_margin,
)
from klviz.figures._hatch import HatchedPatch, hatch
from klviz.scene.coding import AREA_NAMES, coding_scene, shown_bound

CODING_PARTS = ("ideal_p", "ideal_q", "shannon", "huffman", "kl")
TITLE = "Code lengths as areas: column width pᵢ, height in bits"
MAX_WORDS_SHOWN = 16
_LABEL_SIZE = 9.0
# (part, scene key, legend name, colour, line style)
_OUTLINES = (
    ("ideal_q", "ideal_q", "Q's ideal −log₂ qᵢ (area H(P,Q))", style.Q_COLOR, "-"),
    ("shannon", "shannon_q", "Q's Shannon code ⌈−log₂ qᵢ⌉", "#555555", "--"),
    ("huffman", "huffman_q", "Q's Huffman code", "#000000", ":"),
)
_IDEAL_P_NAME = "P's ideal −log₂ pᵢ (area H(P))"
_KL_NAME = "extra length pᵢ log₂(pᵢ/qᵢ), sums to D(P‖Q)"
_NEGATIVE_NAME = "negative extra (qᵢ > pᵢ)"


def _columns(ax, left, widths, bottom, top, **kw):
    """Rectangles [left, left + width] × [bottom, top] as one collection."""
    from matplotlib.collections import PolyCollection

    keep = widths > 0
    if not keep.any():
        return None
    x0, x1 = left[keep], left[keep] + widths[keep]
    b, t = np.broadcast_to(bottom, left.shape)[keep], np.broadcast_to(top, left.shape)[keep]
    verts = np.stack([np.column_stack([x0, b]), np.column_stack([x0, t]),
                      np.column_stack([x1, t]), np.column_stack([x1, b])], axis=1)
    coll = PolyCollection(verts, closed=True, **kw)
    ax.add_collection(coll, autolim=False)
    return coll


def _steps(ax, scene, heights, **kw):
    """The top edges of the columns of `heights` as one line (a step outline)."""
    xs, ys = [], []
    for x0, w, h in zip(scene.left, scene.widths, heights):
        if w > 0:
            xs += [x0, x0 + w, np.nan]
            ys += [h, h, np.nan]
    (line,) = ax.plot(xs, ys, **kw)
    return line


def _draw(ax, axis_w, scene, parts, legend, names):
    y_top = scene.y_range[1]
    handles = []
    if "ideal_p" in parts:
        _columns(ax, scene.left, scene.widths, 0.0, scene.shown_heights("ideal_p"), facecolors=style.P_COLOR,
                 alpha=0.35, edgecolors="white", linewidths=0.8)
        handles.append(Patch(facecolor=style.P_COLOR, alpha=0.35))
    if "kl" in parts:
        lo, hi, positive = scene.kl_columns()
        pos = np.where(positive, 1.0, 0.0)
        widths = scene.widths
        _columns(ax, scene.left, widths * pos, lo, hi, facecolors=style.KL_COLOR, alpha=0.55, edgecolors="none")
        handles.append(Patch(facecolor=style.KL_COLOR, alpha=0.55))
        neg = _columns(ax, scene.left, widths * (1 - pos), lo, hi, facecolors="#DDDDDD",
                       edgecolors=style.NEGATIVE_COLOR, linewidths=0.9)
        if neg is not None:
            hatch(ax, neg, style.NEGATIVE_COLOR)
            handles.append(HatchedPatch(style.NEGATIVE_COLOR, facecolor="#DDDDDD", edgecolor=style.NEGATIVE_COLOR,
                                        linewidth=0.9))
    for part, key, _name, colour, ls in _OUTLINES:
        if part in parts:
            _steps(ax, scene, scene.shown_heights(key), color=colour, linestyle=ls, linewidth=2.0, zorder=4)
            handles.append(Line2D([], [], color=colour, linestyle=ls, linewidth=2.0))
    for i in scene.infinite:  # an infinite height stands to the top, marked
        if scene.widths[i] > 0:
            ax.annotate("∞", (scene.left[i] + scene.widths[i] / 2, y_top), xytext=(0, 1),
                        textcoords="offset points", ha="center", va="bottom", fontsize=12, color=style.Q_COLOR)
    ax.set_xlim(*scene.x_range)
    ax.set_ylim(0.0, y_top * 1.1)
    ax.set_ylabel("code length (bits)")
    ax.set_xlabel("cumulative probability of P (column widths pᵢ)")
    ax.yaxis.grid(True)
    ax.axhline(0, color=AXIS_COLOR, linewidth=0.9, zorder=3)
    # Category names at the foot of their columns, where a column is wide enough to hold its name.
    slot_pt = axis_w * 72.0
    for lab, x0, w in zip(scene.labels, scene.left, scene.widths):
        if w > 0 and text_width_pt(lab, _LABEL_SIZE) + 4 <= w * slot_pt:
            ax.annotate(escape(lab), (x0 + w / 2, 0.0), xytext=(0, 3), textcoords="offset points", ha="center",
                        va="bottom", fontsize=_LABEL_SIZE, color=style.TEXT_COLOR, zorder=5)
    title_and_legend(ax, TITLE, handles, names, legend, axis_w)


def _legend_names(scene, parts):
    names = []
    if "ideal_p" in parts:
        names.append(_IDEAL_P_NAME)
    if "kl" in parts:
        names.append(_KL_NAME)
        if np.any(scene.kl_area < 0):
            names.append(_NEGATIVE_NAME)
    names += [name for part, _, name, _, _ in _OUTLINES if part in parts]
    return names


def readout_groups(scene):
    """The readout column: the totals, the two bounds with their numbers, Q's code words."""
    totals = dict(scene.total_texts())

    def line(name, colour=None, note=None):
        value = totals[name]
        return (f"{AREA_NAMES.get(name, name)} = {value}" + ("" if value == "∞" else " bits"), colour, note)

    bound_rows = []
    for text in scene.bounds:
        head, _, numbers = shown_bound(text).partition(": ")
        numbers, sep, remark = numbers.partition(" (")
        note = numbers if not sep else "\n".join([numbers, *textwrap.wrap("(" + remark, 46)])
        bound_rows.append((head, None, note))
    words = [(f"{lab}: {word}", None, None) for lab, _q, _l, word in scene.codeword_rows()[:MAX_WORDS_SHOWN]]
    if len(scene.labels) > MAX_WORDS_SHOWN:
        words.append((f"… and {len(scene.labels) - MAX_WORDS_SHOWN} more", None, None))
    reason = None
    if scene.reason:
        head, _, tail = scene.reason.partition(": ")
        reason = f"∞ because {head}:\n{tail}" if len(scene.reason) <= 60 else f"∞ because {head}"
    return [
        ("Expected lengths of P's symbols (areas)", [
            line("H(P)", style.P_COLOR), line("H(P,Q)", style.Q_COLOR), line("L_Shannon(P; Q)"),
            line("L_Huffman(P; Q)"), line("L_Huffman(P)")]),
        ("KL divergence = extra length", [line("D(P‖Q)", style.KL_COLOR, reason)]),
        ("Bounds", bound_rows),
        ("Q's Huffman code words", words),
    ]


def coding_figure(p, q, labels=None, parts=CODING_PARTS, title=None, size=None, readout=True):
    """The Coding view of P and Q as a matplotlib Figure (Qt-free; for export and notebooks).

    p, q: probabilities or weights (normalised by their sum) or `klviz.core.Categorical`s;
    labels: one string per category (default A, B, C, ...), drawn as plain text. parts: which
    layers to draw, any of "ideal_p", "ideal_q", "shannon", "huffman", "kl". readout: add the
    column of expected lengths, the bounds H(P,Q) ≤ L_Shannon < H(P,Q) + 1 and
    H(P) ≤ L_Huffman(P) < H(P) + 1 with their numbers, and Q's Huffman code words. Always in
    bits. Every number comes from `klviz.scene.coding.coding_scene`. ValueError for bad input.
    """
    scene = coding_scene(p, q, labels)
    parts = check_parts(parts, CODING_PARTS, "coding")
    if size is not None:
        size = check_size(size)
    groups = readout_groups(scene)
    names = _legend_names(scene, parts)

    def make_panels(axis_w):
        leg = legend_plan(names, TITLE, axis_w)
        draw = partial(_draw, scene=scene, parts=parts, legend=leg, names=names)
        return [dict(top=top_margin(leg), bottom=0.55, axes_h=3.6, draw=draw, part="coding", legend=leg)]

    with rc_context():
        fig = compose(make_panels, groups, title, size, 6.0, readout)
    fig._klviz_remake = lambda new_size: coding_figure(p, q, labels, parts, title, new_size, readout)
    return fig
