"""Hatching drawn as plain line segments cut to a shape's outline, so every renderer shows it alike.

matplotlib's own hatch becomes a PDF tiling pattern or an SVG <pattern>. LibreOffice's PDF
import spreads tiling patterns far beyond their shape (over axes, legends and the page edge),
its SVG import fills a pattern's open hatch strokes as white polygons, and SVG renderers apply
the shape's alpha to the pattern a second time (a faint hatch in librsvg and Inkscape). A clip
path does not help: LibreOffice's PDF import ignores it on strokes. So the lines are cut to the
shape here, in geometry, and written as ordinary segments.

- `hatch(ax, shape, colour, ...)` hatches a collection or patch already on the axes.
- `HatchedPatch` is a legend handle drawn as a swatch with the same hatch.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import IdentityTransform

SPACING_PT = 4.0  # distance between hatch lines, in points (matplotlib's "////" is about 4.5)


class HatchLines(LineCollection):
    """Parallel lines at `angles` (degrees) across `shape` (a Patch or a Collection), cut to it.

    The lines are laid out at draw time in device space, `spacing_pt` apart, so the hatch has the
    same density whatever the data scale or the output (screen, PNG, PDF, SVG).
    """

    def __init__(self, shape, spacing_pt=SPACING_PT, angles=(45.0,), in_axes=True, **kw):
        """in_axes: the shape is drawn inside its axes (not in a legend above them), so only the
        part within the axes' box is hatched."""
        super().__init__([], transform=IdentityTransform(), **kw)
        self._shape = shape
        self.in_axes = in_axes
        self._spacing_pt = float(spacing_pt)
        self._angles = tuple(angles)

    def _shape_path(self):
        shape = self._shape
        if isinstance(shape, Patch):
            return shape.get_path(), shape.get_transform()
        paths = [p for p in shape.get_paths() if len(p.vertices)]
        return (Path.make_compound_path(*paths) if paths else Path(np.zeros((0, 2)))), shape.get_transform()

    def draw(self, renderer):
        path, transform = self._shape_path()
        polygons = []
        if len(path.vertices):
            path = path.transformed(transform)
            if self.in_axes and self.axes is not None:  # only what can be seen: a zoomed-in shape stays cheap
                path = path.clip_to_bbox(self.axes.bbox)
            polygons = path.to_polygons()
        step = max(renderer.points_to_pixels(self._spacing_pt), 1.0)
        segments = []
        for angle in self._angles:
            segments.extend(hatch_segments(polygons, angle, step))
        # New segments on every draw must not mark the figure stale (an interactive backend would
        # then draw again, and again).
        callback, self.stale_callback = self.stale_callback, None
        try:
            self.set_segments(segments)
        finally:
            self.stale_callback = callback
        super().draw(renderer)


def hatch_segments(polygons, angle, step):
    """Segments of the lines at `angle` degrees, `step` apart, that lie inside `polygons`.

    polygons: closed rings of (x, y) vertices (even-odd rule). The lines sit at whole multiples of
    `step` from the origin, so neighbouring shapes' hatches line up. Clipped here, in geometry,
    rather than by a clip path: LibreOffice's PDF import ignores clip paths on strokes.
    """
    rings = [np.asarray(r, float) for r in polygons if len(r) >= 3]
    rings = [r for r in rings if np.isfinite(r).all()]
    if not rings:
        return []
    d = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    n = np.array([-d[1], d[0]])
    a = np.concatenate([r for r in rings])
    b = np.concatenate([np.roll(r, -1, axis=0) for r in rings])  # each ring's edges, closed
    sa, sb = a @ n, b @ n
    ta, tb = a @ d, b @ d
    segments = []
    for k in range(math.floor(min(sa.min(), sb.min()) / step), math.ceil(max(sa.max(), sb.max()) / step) + 1):
        c = k * step
        above_a, above_b = sa > c, sb > c
        crossing = above_a != above_b  # half-open: a vertex on the line is counted once
        if not crossing.any():
            continue
        f = (c - sa[crossing]) / (sb[crossing] - sa[crossing])
        t = np.sort(ta[crossing] + f * (tb[crossing] - ta[crossing]))
        for t0, t1 in zip(t[0::2], t[1::2]):  # inside between each pair of crossings
            if t1 > t0:
                segments.append([c * n + t0 * d, c * n + t1 * d])
    return segments


def hatch(ax, shape, colour, angles=(45.0,), linewidth=0.8, alpha=1.0, spacing_pt=SPACING_PT):
    """Hatch `shape` (a Collection or Patch on `ax`) with lines of `colour`; returns the lines."""
    lines = HatchLines(shape, spacing_pt=spacing_pt, angles=angles, colors=colour, linewidths=linewidth,
                       alpha=alpha, zorder=shape.get_zorder() + 0.01)
    ax.add_artist(lines)
    return lines


class HatchedPatch(Patch):
    """A legend handle: a swatch of `facecolor` hatched with lines of `hatch_colour`."""

    def __init__(self, hatch_colour, angles=(45.0,), **kw):
        super().__init__(**kw)
        self.hatch_colour = hatch_colour
        self.hatch_angles = tuple(angles)


class HandlerHatched(HandlerPatch):
    """Draws a HatchedPatch in a legend: its swatch, then the hatch lines cut to it."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        swatch = Rectangle((-xdescent, -ydescent), width, height)
        self.update_prop(swatch, orig_handle, legend)
        swatch.set_transform(trans)  # after update_prop, which copies the handle's transform
        lines = HatchLines(swatch, spacing_pt=SPACING_PT * 0.8, angles=orig_handle.hatch_angles, in_axes=False,
                           colors=orig_handle.hatch_colour, linewidths=0.8)
        return [swatch, lines]


HANDLER_MAP = {HatchedPatch: HandlerHatched()}
