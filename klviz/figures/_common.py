"""What every klviz figure shares: the rc settings, the readout column, text helpers.

Only the object-oriented matplotlib API is used (``matplotlib.figure.Figure``): no pyplot, no
backend selection, no global state beyond ``rc_context`` blocks that restore themselves.
"""

from __future__ import annotations

import math
import warnings
from contextlib import contextmanager
from functools import lru_cache

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from klviz import style
from klviz.figures._hatch import HANDLER_MAP
from klviz.core.format import format_value

FONT = "DejaVu Sans"  # bundled with matplotlib, so present everywhere; has ‖, ∞, −
# One weight only: every extra font face is one more font to subset and embed in a PDF (about
# a third of a PDF export's time), so hierarchy comes from size and colour, not from bold.
AXIS_COLOR = "#555555"
MUTED_TEXT = "#666666"
HEADING_COLOR = "#000000"

RC = {
    # DejaVu Sans everywhere; SVG text also names fallbacks for renderers that lack it.
    "font.family": ["sans-serif"],
    "font.sans-serif": [FONT, "Bitstream Vera Sans", "Verdana", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 10.0,
    "text.color": style.TEXT_COLOR,
    "text.usetex": False,
    "mathtext.fontset": "dejavusans",
    "axes.unicode_minus": True,
    "axes.formatter.use_mathtext": False,
    "axes.edgecolor": AXIS_COLOR,
    "axes.labelcolor": style.TEXT_COLOR,
    "axes.labelsize": 10.0,
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12.0,
    "axes.titleweight": "normal",
    "axes.titlelocation": "left",
    "axes.titlepad": 8.0,
    "axes.axisbelow": True,
    "axes.facecolor": "white",
    "grid.color": style.GRID_COLOR,
    "grid.linewidth": 0.6,
    "grid.alpha": 0.55,
    "xtick.color": AXIS_COLOR,
    "ytick.color": AXIS_COLOR,
    "xtick.labelcolor": style.TEXT_COLOR,
    "ytick.labelcolor": style.TEXT_COLOR,
    "xtick.labelsize": 9.0,
    "ytick.labelsize": 9.0,
    "legend.frameon": False,
    "legend.fontsize": 9.5,
    "legend.handlelength": 1.4,
    "legend.borderaxespad": 0.2,
    "figure.facecolor": "white",
    "figure.edgecolor": "white",
    "figure.titlesize": 14.0,
    "figure.titleweight": "normal",
    # Text stays text: SVG <text> elements, TrueType (Type 42) fonts embedded in PDF.
    "svg.fonttype": "none",
    "svg.hashsalt": "klviz",  # stable element ids: the same figure gives the same file
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
}


@contextmanager
def rc_context():
    """klviz's rc settings, and no warning about a glyph DejaVu Sans lacks (a label in Chinese, an
    emoji): SVG and PDF keep the character as text, a PNG shows a box for it."""
    with matplotlib.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        yield


# Characters no font draws and SVG (XML 1.0) cannot hold get visible stand-ins: a C0 control
# its Control Pictures symbol (U+0001 -> U+2401), DEL U+2421, a tab a space, C1 controls, lone
# surrogates and the non-characters U+FFFE/U+FFFF U+FFFD. A line break stays a line break.
_STAND_INS = {c: 0x2400 + c for c in range(0x20) if c != 0x0A}
_STAND_INS.update({0x09: " ", 0x7F: "\u2421", 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
_STAND_INS.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_STAND_INS.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def escape(text):
    """Plain text for matplotlib: a `$` never switches to mathtext, and characters that no font
    draws or SVG cannot hold (control characters, lone surrogates) show as visible stand-ins."""
    return str(text).translate(_STAND_INS).replace("$", r"\$")


def check_size(size):
    """(width, height) in inches, positive and finite; ValueError otherwise."""
    try:
        w, h = (float(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be (width, height) in inches, got {size!r}") from None
    if not (math.isfinite(w) and math.isfinite(h) and w > 0 and h > 0):
        raise ValueError(f"size must be positive and finite, got {w:g} x {h:g} inches")
    return w, h


def check_parts(parts, allowed, what):
    if isinstance(parts, str):
        parts = (parts,)
    parts = tuple(parts)
    bad = [p for p in parts if p not in allowed]
    if bad:
        raise ValueError(f"unknown {what} part {bad[0]!r} (choose from {', '.join(allowed)})")
    if not parts:
        raise ValueError(f"give at least one {what} part ({', '.join(allowed)})")
    seen = []
    for p in parts:
        if p not in seen:
            seen.append(p)
    return tuple(seen)


def value_text(value, unit=None, digits=4):
    """A measure's number as klviz shows it everywhere ("∞" without a unit)."""
    text = format_value(value, digits)
    if unit is None or math.isinf(value) or math.isnan(value):
        return text
    return f"{text} {unit}"


@lru_cache(maxsize=4)
def _font(weight):
    from matplotlib.font_manager import findfont, get_font

    return get_font(findfont(FontProperties(family=FONT, weight=weight)))


@lru_cache(maxsize=4096)
def text_width_pt(text, size, weight="normal"):
    """Width of one line of plain text in points, as Agg lays it out (no renderer needed)."""
    from matplotlib import ft2font

    if not text:
        return 0.0
    flags = ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags") else ft2font.LOAD_NO_HINTING
    font = _font(weight)
    font.set_size(float(size), 72.0)
    font.set_text(str(text).translate(_STAND_INS), 0.0, flags=flags)  # as drawn (see escape)
    w, _ = font.get_width_height()
    return w / 64.0


def new_figure(width, height):
    """A bare Figure; klviz lays it out itself (in inches), which is fast and predictable."""
    return Figure(figsize=(width, height), layout="none")


# ---------------------------------------------------------------------------------------------
# Manual layout: every margin is computed from the text it must hold

TITLE_H = 0.40  # an axes title line with its pad, inches
LEGEND_ROW_H = 0.25
LEGEND_SIZE = 9.5
TITLE_SIZE = 12.0
TITLE_PAD = 8.0  # points between the axes top and the title baseline
MIN_AXES_H = 0.5
SIDE_PAD = 0.12  # inches at the figure's left and right edges
COLUMN_GAP = 0.3  # between the charts and the readout
PANEL_GAP = 0.12
PROVISIONAL_LEFT = 0.9  # room for y tick labels before they are measured
MIN_AXES_W = 3.0  # narrower charts are not worth reading: leave out the readout instead


def legend_plan(labels, title, axis_w, fixed=None):
    """Beside the title if it fits on the title line, else on its own line(s) under the title.

    fixed: a plan to keep (from a layout shared by several figures, see `compose`); beside the
    title it takes as many columns as there are labels."""
    if fixed is not None:
        if fixed["where"] == "beside":
            return {"where": "beside", "ncol": len(labels), "rows": 1, "count": len(labels)}
        return dict(fixed, count=len(labels))
    out = _legend_plan(labels, title, axis_w)
    out["count"] = len(labels)
    return out


def check_layout(layout, parts):
    """A layout for `compose` (see there) with finite limits, or ValueError; None stays None."""
    if layout is None:
        return None
    try:
        origin, readout_w = float(layout["origin"]), float(layout["readout_w"])
        fixed = {}
        for part, f in dict(layout["parts"]).items():
            lims = [tuple(float(v) for v in f[k]) for k in ("xlim", "ylim")]
            legend = f.get("legend")
            if legend is not None:
                legend = {"where": str(legend["where"]), "ncol": int(legend["ncol"]), "rows": int(legend["rows"])}
                if legend["where"] not in ("beside", "below") or legend["ncol"] < 1 or legend["rows"] < 1:
                    raise ValueError
            if any(len(lim) != 2 or not all(map(math.isfinite, lim)) or lim[0] >= lim[1] for lim in lims):
                raise ValueError
            if part in parts:
                fixed[part] = {"xlim": lims[0], "ylim": lims[1], "legend": legend}
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ValueError("layout must be a figure layout as made by klviz.figures.animate "
                         "(finite, increasing axis limits)") from None
    if not (math.isfinite(origin) and math.isfinite(readout_w) and readout_w >= 0):
        raise ValueError("layout: its origin and readout width must be finite")
    return {"origin": origin, "readout_w": readout_w, "parts": fixed}


def fixed_legend(fixed_parts, part):
    """The legend plan a layout fixes for `part` (None: the figure plans its own)."""
    return fixed_parts[part]["legend"] if part in fixed_parts else None


def _legend_plan(labels, title, axis_w):
    widths = [text_width_pt(s, LEGEND_SIZE) + 34 for s in labels]
    room = axis_w * 72.0
    if sum(widths) + text_width_pt(title, TITLE_SIZE) + 24 <= room:
        return {"where": "beside", "ncol": len(labels), "rows": 1}
    ncol = len(labels)
    while ncol > 1 and sum(sorted(widths, reverse=True)[:ncol]) > room:
        ncol -= 1
    return {"where": "below", "ncol": ncol, "rows": math.ceil(len(labels) / ncol)}


def top_margin(plan):
    return TITLE_H + (plan["rows"] * LEGEND_ROW_H if plan and plan["where"] == "below" else 0.0)


def panel_title(ax, title, axis_w, pad=TITLE_PAD):
    """A title on the axes' left, shrunk (down to 8.5 pt) if the axes are narrow."""
    width = text_width_pt(title, TITLE_SIZE)
    size = max(8.5, min(TITLE_SIZE, TITLE_SIZE * axis_w * 72.0 / width)) if width else TITLE_SIZE
    plain(ax.set_title(escape(title), pad=pad, loc="left", fontsize=size, y=1.0, color=HEADING_COLOR))


def title_and_legend(ax, title, handles, labels, plan, axis_w):
    below = plan["where"] == "below"
    pad = TITLE_PAD + (plan["rows"] * LEGEND_ROW_H * 72.0 if below else 0.0)
    panel_title(ax, title, axis_w, pad)
    ax.legend(handles, [escape(s) for s in labels], loc="lower left" if below else "lower right",
              bbox_to_anchor=(0.0, 1.0) if below else (1.0, 1.0), ncol=plan["ncol"], columnspacing=1.4,
              handletextpad=0.5, borderaxespad=0.1, borderpad=0.2, fontsize=LEGEND_SIZE, handler_map=HANDLER_MAP)


def y_label_room(ax):
    """Inches left of an axes taken by its y tick labels and y label."""
    ticks = [t for t in ax.yaxis.get_major_locator()() if ax.get_ylim()[0] - 1e-12 <= t <= ax.get_ylim()[1] + 1e-12]
    texts = ax.yaxis.get_major_formatter().format_ticks(ticks) if ticks else []
    size = float(matplotlib.rcParams["ytick.labelsize"]) if not isinstance(
        matplotlib.rcParams["ytick.labelsize"], str) else 9.0
    widest = max((text_width_pt(t, size) for t in texts), default=0.0)
    label = 0.24 if ax.get_ylabel() else 0.0
    return (widest + 3.5 + 3.5) / 72.0 + label + 0.04


def set_box(ax, fig_w, fig_h, left, bottom, width, height):
    """Place an axes by its box in inches (from the figure's bottom-left corner)."""
    ax.set_position([left / fig_w, bottom / fig_h, max(width, 0.01) / fig_w, max(height, 0.01) / fig_h])


def too_small(width, height, need_w, need_h):
    return ValueError(
        f"a {width:g} x {height:g} inch figure is too small for this view "
        f"(it needs at least {math.ceil(need_w * 10) / 10:g} x {math.ceil(need_h * 10) / 10:g} inches)"
    )


def too_narrow(width, need_w):
    return ValueError(
        f"a {width:g} inch wide figure is too narrow for this view "
        f"(it needs at least {math.ceil(need_w * 10) / 10:g} inches)"
    )


def stack_panels(fig_w, fig_h, panels, left, right, top, bottom):
    """Vertical boxes (bottom, height) of panels, each {"top", "bottom", "axes_h"[, "min_h"]} in
    inches, and the inches taken by everything but the axes.

    With room to spare the axes heights keep their proportions; short of room, each gives up what
    it has above its own minimum (a decomposition needs more than a bar chart to stay legible).
    """
    fixed = top + bottom + sum(p["top"] + p["bottom"] for p in panels)
    free = fig_h - fixed
    natural = [p["axes_h"] for p in panels]
    mins = [min(p.get("min_h", MIN_AXES_H), p["axes_h"]) for p in panels]
    if free >= sum(natural) or sum(natural) <= sum(mins):
        heights = [h * free / sum(natural) for h in natural]
    else:
        spare = sum(natural) - sum(mins)
        cut = sum(natural) - free  # how much must go
        heights = [h - (h - lo) * cut / spare for h, lo in zip(natural, mins)]
    out = []
    y = fig_h - top
    for p, h in zip(panels, heights):
        y -= p["top"] + h
        out.append((y, h))
        y -= p["bottom"]
    return out, fixed + sum(mins) - MIN_AXES_H * len(panels)


# ---------------------------------------------------------------------------------------------
# The readout: one text per measure, "D(P‖Q) = 0.2008 nats", grouped, with a colour key

READOUT_SIZE = 10.5
_LINE = 1.55  # line spacing in font sizes


def readout_lines(groups):
    """All lines of a readout (for sizing): groups = [(heading, [(text, colour, note)])]."""
    out = []
    for heading, rows in groups:
        out.append(heading)
        for text, _colour, note in rows:
            out.append(text)
            if note:
                out.extend(note.split("\n"))
    return out


def readout_width_in(title, groups):
    widths = [text_width_pt(title, TITLE_SIZE)] + [text_width_pt(t, READOUT_SIZE) + 16 for t in readout_lines(groups)]
    return max(widths) / 72 + 0.25


def readout_height_in(groups):
    lines = 1.6 + sum(1.35 + len(rows) + sum(note.count("\n") + 1 for _, _, note in rows if note) * 0.9
                      for _, rows in groups)
    return lines * READOUT_SIZE * _LINE / 72


def draw_readout(ax, title, groups):
    """Text lines top-down in an axes with no frame; every measure is one text artist."""
    from matplotlib.transforms import ScaledTranslation

    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig = ax.figure
    step = READOUT_SIZE * _LINE
    y = 0.0

    def put(text, dy, x=0.0, **kw):
        kw.setdefault("fontsize", READOUT_SIZE)
        art = ax.annotate(escape(text), xy=(0, 1), xycoords="axes fraction", xytext=(x, -dy),
                          textcoords="offset points", va="top", ha="left", annotation_clip=False, **kw)
        art.set_in_layout(False)
        return art

    def swatch(dy, colour):
        # The colour this quantity has in the charts: a small square before its line.
        s = READOUT_SIZE * 0.75
        where = ax.transAxes + ScaledTranslation(s / 2 / 72, -(dy + READOUT_SIZE * 0.62) / 72,
                                                 fig.dpi_scale_trans)
        (mark,) = ax.plot([0], [1], marker="s", markersize=s, color=colour, markeredgewidth=0,
                          linestyle="none", transform=where, clip_on=False)
        mark.set_in_layout(False)

    put(title, y, fontsize=TITLE_SIZE, color=HEADING_COLOR)
    y += step * 1.6
    for heading, rows in groups:
        put(heading, y, color=MUTED_TEXT, fontsize=READOUT_SIZE - 1)
        y += step * 1.0
        for text, colour, note in rows:
            if colour:
                swatch(y, colour)
            put(text, y, x=15)
            y += step
            if note:
                for line in note.split("\n"):
                    put(line, y - step * 0.15, x=15, color=MUTED_TEXT, fontsize=READOUT_SIZE - 1.5)
                    y += step * 0.9
        y += step * 0.35
    return ax


# ---------------------------------------------------------------------------------------------
# Putting a view together


def compose(make_panels, groups, title, size, default_axis_w, readout=True, layout=None):
    """Lay out a view: chart panels stacked on the left, the readout column on the right.

    make_panels(axis_w) -> list of dicts with "top", "bottom" (margins, inches), "axes_h" (natural
    axes height, inches), "draw" (callable(ax, axis_w)), "ylabels" (bool: has y tick labels),
    "left_min" (inches the panel needs left of its axes whatever its y labels, e.g. slanted labels),
    and, for `layout`, "part" (its name), "legend" (its legend plan) and "origin" (where its x axis
    starts counting: x is drawn as x - origin).
    The axes heights keep their proportions when `size` is given; ValueError if it is too small.

    The figure's own layout is kept as `fig._klviz_layout`: {"size", "readout_w", "origin",
    "parts": {part: {"xlim", "ylim", "legend"}}}, limits as drawn (x counted from "origin").
    `layout`, such a dict (usually several merged, see `klviz.figures.animate`), fixes the readout
    column's width and each part's axis limits, so that figures of different states line up
    exactly (an animation's frames); the views fix the legend plans and the origin themselves.
    """
    ro_w = readout_width_in("Measures", groups) if readout else 0.0
    if readout and layout is not None and layout.get("readout_w"):
        ro_w = float(layout["readout_w"])
    fixed_parts = layout["parts"] if layout is not None else {}
    right = (COLUMN_GAP + ro_w if readout else 0.25) + SIDE_PAD
    left = PROVISIONAL_LEFT
    for attempt in range(2):
        if size is None:
            axis_w = default_axis_w
            width = SIDE_PAD + left + axis_w + right
        else:
            width = size[0]
            axis_w = width - SIDE_PAD - left - right
            if axis_w < MIN_AXES_W:
                raise too_narrow(width, width - axis_w + MIN_AXES_W)
        panels = make_panels(axis_w)
        top = 0.55 if title else 0.1
        bottom = 0.08
        for p in panels[:-1]:
            p["bottom"] += PANEL_GAP
        natural_h = top + bottom + sum(p["top"] + p["bottom"] + p["axes_h"] for p in panels)
        if size is None:
            height = max(natural_h, (readout_height_in(groups) + top + 0.2) if readout else 0.0)
        else:
            height = size[1]
        boxes, fixed = stack_panels(width, height, panels, SIDE_PAD, right, top, bottom)
        if any(h < min(p.get("min_h", MIN_AXES_H), p["axes_h"]) - 1e-9 for (_, h), p in zip(boxes, panels)):
            raise too_small(width, height, width, fixed + MIN_AXES_H * len(panels))
        if readout and size is not None and readout_height_in(groups) > height - top:
            raise too_small(width, height, width, readout_height_in(groups) + top + 0.1)

        fig = new_figure(width, height)
        axes = []
        for panel, (y, h) in zip(panels, boxes):
            ax = fig.add_axes([(SIDE_PAD + left) / width, y / height, axis_w / width, h / height])
            panel["draw"](ax, axis_w)
            fixed = fixed_parts.get(panel.get("part"))
            if fixed is not None:  # (x as drawn: counted from the layout's origin, as this figure's)
                ax.set_xlim(*fixed["xlim"])
                ax.set_ylim(*fixed["ylim"])
            axes.append((ax, y, h))
        # Now that the y tick labels are known, give them exactly the room they need.
        room = max((y_label_room(ax) for (ax, _, _), panel in zip(axes, panels) if panel.get("ylabels", True)),
                   default=0.15)
        room = max([room] + [panel.get("left_min", 0.0) for panel in panels])
        if size is None:
            width = SIDE_PAD + room + axis_w + right  # the charts keep the width they were drawn for
            fig.set_size_inches(width, height)
            break
        if room <= left + 0.02 or attempt:
            break
        left = room  # the charts must be narrower than drawn: draw them again for their real width
    final_w = width - SIDE_PAD - room - right
    for ax, y, h in axes:
        set_box(ax, width, height, SIDE_PAD + room, y, final_w, h)
    if readout:
        first_top = height - top - 0.06
        ro = fig.add_axes([(width - SIDE_PAD - ro_w) / width, bottom / height, ro_w / width,
                           (first_top - bottom) / height])
        draw_readout(ro, "Measures", groups)
    if title:
        fig.text(SIDE_PAD / width, 1 - 0.12 / height, escape(title), ha="left", va="top",
                 fontsize=15, color=HEADING_COLOR)
    no_ligatures(fig)
    fig._klviz_layout = {
        "size": (float(width), float(height)), "readout_w": ro_w,
        "origin": panels[0].get("origin", 0.0) if panels else 0.0,
        "parts": {panel["part"]: {"xlim": tuple(float(v) for v in ax.get_xlim()),
                                  "ylim": tuple(float(v) for v in ax.get_ylim()),
                                  "legend": panel.get("legend")}
                  for panel, (ax, _, _) in zip(panels, axes) if "part" in panel},
    }
    return fig


def no_ligatures(fig):
    """Turn off ligatures ("ff" in "Differential"): each is a glyph with no character of its own,
    which costs a PDF an extra embedded font and can break search and copy-paste. (matplotlib
    3.11+ shapes text; older versions never make ligatures.)"""
    texts = list(fig.texts)
    for ax in fig.axes:  # (panel titles are done by panel_title; tick labels are numbers)
        texts += [*ax.texts, ax.xaxis.label, ax.yaxis.label]
        legend = ax.get_legend()
        if legend is not None:
            texts += legend.get_texts()
    for t in texts:
        plain(t)


def plain(text):
    """No ligature in this Text (only strings where DejaVu Sans has one: ff, fi, fl, ffi, ffl)."""
    if hasattr(text, "set_fontfeatures") and any(pair in text.get_text() for pair in ("ff", "fi", "fl")):
        text.set_fontfeatures(["-liga"])
    return text
