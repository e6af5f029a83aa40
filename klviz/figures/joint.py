"""The Joint view as a matplotlib figure: P(X,Y) and P(X)P(Y) as heat maps with their values,
the signed pointwise terms of I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the information diagram and the
readout column. Every number comes from the scene (`klviz.scene.joint.joint_scene`)."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, Normalize, to_rgb

from klviz import style
from klviz.core.format import format_value
from klviz.figures._common import (
    COLUMN_GAP,
    HEADING_COLOR,
    MUTED_TEXT,
    SIDE_PAD,
    TITLE_H,
    check_parts,
    check_size,
    draw_readout,
    escape,
    new_figure,
    no_ligatures,
    panel_title,
    rc_context,
    readout_height_in,
    readout_width_in,
    text_width_pt,
    too_small,
)
from klviz.scene.joint import joint_scene

JOINT_PARTS = ("joint", "product", "terms", "diagram")
MAP_TITLES = {"joint": "P(X,Y)", "product": "P(X)P(Y)", "terms": "Terms of I(X;Y)"}
DIAGRAM_TITLE = "Information diagram: H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)"
_TICK_SIZE = 9.0
_MAX_CELL = 0.6    # inches
_MIN_CELL = 0.12
_DEFAULT_MAP_W = 2.6   # inches a map takes by default (cells shrink as the grid grows)
_MAP_GAP = 0.45
_BAR_H = 0.09          # colour bar under each map
_BAR_TICKS = 0.3
_DIAGRAM_H = 1.05
_DIAGRAM_BELOW = 0.45  # its tick labels and unit
_PROB_CMAP = LinearSegmentedColormap.from_list("klviz_prob", ["#FFFFFF", style.P_COLOR])
_TERM_CMAP = LinearSegmentedColormap.from_list("klviz_terms", [style.NEGATIVE_COLOR, "#FFFFFF", style.KL_COLOR])
_SEGMENT_COLOURS = {"h_x_given_y": style.P_COLOR, "mutual_information": style.KL_COLOR,
                    "h_y_given_x": style.Q_COLOR}


def _ink(rgb):
    """Text colour for a cell: dark on light cells, white on dark ones."""
    r, g, b = rgb[:3]
    return style.TEXT_COLOR if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


def _value_size(texts, cell_in):
    """The font size for the cell values, or None when they cannot be read at this cell size."""
    size = min(8.5, cell_in * 72 * 0.3)
    widest = max(text_width_pt(t, size) for row in texts for t in row)
    while size >= 5.0 and widest > cell_in * 72 - 3:
        size -= 0.5
        widest = max(text_width_pt(t, size) for row in texts for t in row)
    return size if size >= 5.0 else None


def readout_groups(scene):
    r = {x.key: x.text for x in scene.readouts}
    return [
        ("Entropies", [(r["entropy_x"], style.P_COLOR, None), (r["entropy_y"], style.Q_COLOR, None),
                       (r["joint_entropy"], None, None)]),
        ("Conditional entropies", [(r["cond_x_given_y"], None, None), (r["cond_y_given_x"], None, None)]),
        ("Mutual information (a KL divergence)",
         [(r["mutual_information"], style.KL_COLOR, "= D(P(X,Y) ‖ P(X)P(Y))")]),
    ]


class _Plan:
    """Every box of the figure in inches, for one cell size."""

    def __init__(self, scene, parts, title, readout, groups):
        self.rows, self.cols = scene.shape
        self.maps = [p for p in parts if p != "diagram"]
        self.diagram = "diagram" in parts
        self.row_w = max(text_width_pt(s, _TICK_SIZE) for s in scene.row_labels) / 72 + 0.12
        self.col_label_w = max(text_width_pt(s, _TICK_SIZE) for s in scene.col_labels) / 72
        self.top = (0.55 if title else 0.1)
        self.ro_w = readout_width_in("Measures", groups) if readout else 0.0
        self.right = (COLUMN_GAP + self.ro_w if readout else 0.15) + SIDE_PAD
        self.ro_h = readout_height_in(groups) + self.top + 0.2 if readout else 0.0

    def col_room(self, cell):
        """Inches under a map for its column labels: one line, or the labels turned upright."""
        self.upright = self.col_label_w > cell - 0.04
        return (self.col_label_w if self.upright else _TICK_SIZE / 72) + 0.12

    def fixed_w(self):
        n = len(self.maps)
        return SIDE_PAD + (self.row_w + _MAP_GAP * (n - 1) if n else 0.0) + self.right

    def fixed_h(self, cell):
        h = self.top + 0.1
        if self.maps:
            h += TITLE_H + self.col_room(cell) + 0.12 + _BAR_H + _BAR_TICKS
        if self.diagram:
            h += TITLE_H + _DIAGRAM_H + 0.15 + _DIAGRAM_BELOW
        return h

    def natural_cell(self):
        return min(_MAX_CELL, max(_MIN_CELL, _DEFAULT_MAP_W / max(self.rows, self.cols)))

    def size_for(self, cell):
        n = len(self.maps)
        charts_w = n * self.cols * cell if n else 5.5
        w = self.fixed_w() + charts_w
        h = max(self.fixed_h(cell) + (self.rows * cell if n else 0.0), self.ro_h)
        return w, h

    def cell_for(self, size):
        """The largest cell that fits `size` (ValueError if even the smallest does not)."""
        w, h = size
        n = len(self.maps)
        if not n:
            return self.natural_cell()
        cell = (w - self.fixed_w()) / (n * self.cols)
        for _ in range(3):  # the column-label room depends on the cell size
            cell = min(cell, (h - self.fixed_h(cell)) / self.rows)
        need_w, need_h = self.size_for(_MIN_CELL)
        if cell < _MIN_CELL or h < self.ro_h:
            raise too_small(w, h, max(need_w, w), max(need_h, h))
        return cell


def _heat_map(ax, values, texts, norm, cmap, scene, cell, row_labels, upright, title, axis_w):
    rows, cols = values.shape
    ax.imshow(values, cmap=cmap, norm=norm, interpolation="nearest", aspect="auto",
              extent=(-0.5, cols - 0.5, rows - 0.5, -0.5))
    size = _value_size(texts, cell)
    if size is not None:
        colours = cmap(norm(values))
        for i in range(rows):
            for j in range(cols):
                ax.text(j, i, escape(texts[i][j]), ha="center", va="center", fontsize=size,
                        color=_ink(colours[i, j]))
    ax.set_xticks(range(cols))
    ax.set_xticklabels([escape(s) for s in scene.col_labels], fontsize=_TICK_SIZE,
                       rotation=90 if upright else 0)
    ax.set_yticks(range(rows))
    ax.set_yticklabels([escape(s) for s in scene.row_labels] if row_labels else [], fontsize=_TICK_SIZE)
    ax.tick_params(length=0, pad=3)
    for side in ax.spines.values():
        side.set_visible(True)
        side.set_linewidth(0.6)
    panel_title(ax, title, axis_w)


def _colour_bar(fig, box, norm, cmap, unit=None):
    ax = fig.add_axes(box)
    lo, hi = norm.vmin, norm.vmax
    ax.imshow(np.linspace(lo, hi, 256)[None, :], cmap=cmap, norm=norm, aspect="auto",
              extent=(lo, hi, 0, 1))
    ax.set_yticks([])
    ticks = [lo, 0.0, hi] if lo < 0 else [lo, hi]
    ax.set_xticks(ticks)
    labels = ax.set_xticklabels([format_value(t, 3) for t in ticks], fontsize=8)
    labels[0].set_horizontalalignment("left")  # the end labels stay over their own bar
    labels[-1].set_horizontalalignment("right")
    ax.tick_params(length=2, pad=1.5)
    if unit:
        ax.set_xlabel(unit, fontsize=8, labelpad=1, loc="right")
    return ax


def _draw_diagram(ax, scene, axis_w):
    d = scene.diagram
    unit = scene.unit
    total = d.total
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_ylim(-1.05, 1.05)
    panel_title(ax, DIAGRAM_TITLE, axis_w)
    if not total > 0:
        ax.set_xlim(0, 1)
        ax.set_xticks([])
        ax.text(0.5, 0, "H(X,Y) = 0: one outcome is certain, there is nothing to split", ha="center",
                va="center", fontsize=9.5, color=MUTED_TEXT)
        return
    ax.set_xlim(0, total)
    scale = axis_w / total
    for seg in d.segments:
        ax.barh(0, seg.width, 0.7, left=seg.start, color=_SEGMENT_COLOURS[seg.key], edgecolor="white",
                linewidth=0.8)
        text = f"{seg.label} = {format_value(seg.width)}"
        for t in (text, seg.label):
            if seg.width * scale >= text_width_pt(t, 9.0) / 72 + 0.1:
                ax.text(seg.start + seg.width / 2, 0, escape(t), ha="center", va="center", fontsize=9.0,
                        color="white")
                break
    for (x0, x1), y, name, key in ((d.h_x_span, 0.62, "H(X)", "entropy_x"), (d.h_y_span, -0.62, "H(Y)", "entropy_y")):
        ax.plot([x0, x0, x1, x1], [y * 0.75, y, y, y * 0.75], color=HEADING_COLOR, linewidth=0.9)
        ax.text((x0 + x1) / 2, y, escape(scene.readout(key).text), ha="center", va="bottom" if y > 0 else "top",
                fontsize=8.5, color=HEADING_COLOR)
    ax.set_xlabel(unit, loc="right", fontsize=9, labelpad=1)


def joint_figure(joint, row_labels=None, col_labels=None, unit="nats", parts=JOINT_PARTS, title=None, size=None,
                 readout=True):
    """The Joint view of P(X,Y) as a matplotlib Figure (Qt-free; for export and notebooks).

    joint: a table of non-negative weights (rows X, columns Y; normalised by their exact sum), a
    `klviz.core.joint.Joint` or a `klviz.scene.joint.JointState`. Labels default to the joint's,
    else x1.../y1.... parts: any of "joint", "product", "terms" (heat maps, left to right) and
    "diagram" (the information diagram, below them). readout: the column of the six measures.
    size: (width, height) in inches; by default the cells shrink as the grid grows. Raises
    ValueError for bad input (also for a size too small for the view).
    """
    parts = check_parts(parts, JOINT_PARTS, "joint")
    if size is not None:
        size = check_size(size)
    scene = joint_scene(joint, row_labels, col_labels, unit)
    with rc_context():  # (also for measuring text: no warning about a glyph DejaVu Sans lacks)
        groups = readout_groups(scene)
        plan = _Plan(scene, parts, title, readout, groups)
        cell = plan.cell_for(size) if size is not None else plan.natural_cell()
        width, height = size if size is not None else plan.size_for(cell)
        rows, cols = scene.shape
        map_w, map_h = cols * cell, rows * cell
        fig = new_figure(width, height)
        y_top = height - plan.top
        if plan.maps:
            col_room = plan.col_room(cell)
            map_y = y_top - TITLE_H - map_h
            x = SIDE_PAD + plan.row_w
            prob = Normalize(*scene.prob_limits)
            term = Normalize(*scene.term_limits)
            for k, part in enumerate(plan.maps):
                ax = fig.add_axes([x / width, map_y / height, map_w / width, map_h / height])
                values, texts = {"joint": (scene.joint, scene.joint_texts),
                                 "product": (scene.product, scene.product_texts),
                                 "terms": (scene.terms, scene.term_texts)}[part]
                norm, cmap = (term, _TERM_CMAP) if part == "terms" else (prob, _PROB_CMAP)
                _heat_map(ax, values, texts, norm, cmap, scene, cell, k == 0, plan.upright, MAP_TITLES[part],
                          map_w + _MAP_GAP * 0.8)
                bar_y = map_y - col_room - 0.12 - _BAR_H
                _colour_bar(fig, [x / width, bar_y / height, map_w / width, _BAR_H / height], norm, cmap,
                            unit if part == "terms" else None)
                x += map_w + _MAP_GAP
            y_top = bar_y - _BAR_TICKS
        if plan.diagram:
            charts_w = (len(plan.maps) * (map_w + _MAP_GAP) - _MAP_GAP + plan.row_w) if plan.maps else \
                width - SIDE_PAD - plan.right - 0.2
            left = SIDE_PAD + (0.0 if plan.maps else 0.2)
            dy = y_top - 0.15 - TITLE_H - _DIAGRAM_H
            ax = fig.add_axes([left / width, max(dy, 0.3) / height, charts_w / width, _DIAGRAM_H / height])
            _draw_diagram(ax, scene, charts_w)
        if readout:
            ro = fig.add_axes([(width - SIDE_PAD - plan.ro_w) / width, 0.1 / height, plan.ro_w / width,
                               (height - plan.top - 0.16) / height])
            draw_readout(ro, "Measures", groups)
        if title:
            fig.text(SIDE_PAD / width, 1 - 0.12 / height, escape(title), ha="left", va="top", fontsize=15,
                     color=HEADING_COLOR)
        no_ligatures(fig)
    fig._klviz_remake = lambda new_size: joint_figure(joint, row_labels, col_labels, unit, parts, title, new_size,
                                                      readout)
    return fig
