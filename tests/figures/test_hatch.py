"""Hatching as plain segments cut to a shape (no PDF tiling patterns, no SVG <pattern>s, no clip
paths): LibreOffice's PDF import spreads patterns over the page and ignores clip paths on strokes."""

import math
import re
import zlib

import numpy as np
import pytest
from matplotlib.path import Path

from klviz.figures import continuous_figure, discrete_figure, save_figure
from klviz.figures._hatch import hatch_segments

SQUARE = [np.array([[0, 0], [10, 0], [10, 10], [0, 10]], float)]
HOLE = [SQUARE[0], np.array([[3, 3], [7, 3], [7, 7], [3, 7]], float)]  # a ring (even-odd rule)
U_SHAPE = [np.array([[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9]], float)]


def _inside(rings, point):
    # even-odd over the rings, with matplotlib's point-in-polygon as the independent judge
    return sum(Path(r).contains_point(point) for r in rings) % 2 == 1


def _on_boundary(rings, point, tol=1e-9):
    for r in rings:
        for a, b in zip(r, np.roll(r, -1, axis=0)):
            ab, ap = b - a, point - a
            t = np.clip(ap @ ab / (ab @ ab), 0, 1)
            if np.linalg.norm(a + t * ab - point) < tol:
                return True
    return False


@pytest.mark.parametrize("rings", [SQUARE, HOLE, U_SHAPE], ids=["square", "ring", "U"])
@pytest.mark.parametrize("angle", [45.0, -45.0, 30.0, 90.0])
def test_segments_lie_inside_and_end_on_the_outline(rings, angle):
    segments = hatch_segments(rings, angle, 0.7)
    assert len(segments) > 5
    total = 0.0
    for a, b in segments:
        a, b = np.asarray(a), np.asarray(b)
        assert _on_boundary(rings, a) and _on_boundary(rings, b)
        for f in (0.1, 0.5, 0.9):  # inside all along (the U's and the ring's gaps are skipped)
            assert _inside(rings, a + f * (b - a))
        total += float(np.linalg.norm(b - a))
    area = sum(abs(0.5 * np.sum(r[:, 0] * np.roll(r[:, 1], -1) - np.roll(r[:, 0], -1) * r[:, 1])) * s
               for r, s in zip(rings, (1, -1)))
    assert total * 0.7 == pytest.approx(area, rel=0.12)  # parallel lines `step` apart cover the area


def test_lines_sit_on_a_common_grid_so_neighbours_line_up():
    left = [SQUARE[0]]
    right = [SQUARE[0] + [10, 0]]
    step = 1.3
    n = np.array([-math.sin(math.radians(45)), math.cos(math.radians(45))])
    for rings in (left, right):
        offsets = {round(float(np.asarray(a) @ n) / step, 9) for a, _ in hatch_segments(rings, 45, step)}
        assert all(o == round(o) for o in offsets)


def test_empty_and_degenerate_shapes_give_no_segments():
    assert hatch_segments([], 45, 1.0) == []
    assert hatch_segments([np.array([[0, 0], [1, 1]], float)], 45, 1.0) == []


@pytest.mark.parametrize("fmt", ["pdf", "svg"])
def test_exports_with_hatches_hold_no_patterns(tmp_path, fmt):
    figs = [
        discrete_figure([0.5, 0.5, 0.0], [0.5, 0.0, 0.5]),  # infinite terms: cross-hatched bars
        discrete_figure([0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05], [0.2, 0.1, 0.05, 0.05, 0.1, 0.2, 0.3]),
        continuous_figure("mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5"),  # negative integrand parts
    ]
    for k, fig in enumerate(figs):
        out = tmp_path / f"f{k}.{fmt}"
        save_figure(fig, out)
        data = out.read_bytes()
        if fmt == "svg":
            assert b"<pattern" not in data and b"url(#h" not in data
        else:
            # the resources always name a (here empty) /Pattern dictionary; a hatch would add a
            # tiling pattern object and select it as a fill colour space in the page
            streams = [zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
                       if b"FlateDecode" in data[max(0, m.start() - 300):m.start()]]
            assert b"/PatternType" not in data and not any(b"/Pattern cs" in s for s in streams)


def _hatch_artists(fig):
    from klviz.figures._hatch import HatchLines

    found = []
    for artist in fig.findobj(lambda a: isinstance(a, HatchLines)):
        found.append(artist)
    return found


@pytest.mark.parametrize("make, expected", [
    (lambda: discrete_figure([0.5, 0.5, 0.0], [0.5, 0.0, 0.5]), "infinite bars: P's and Q's"),
    (lambda: discrete_figure([0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05], [0.2, 0.1, 0.05, 0.05, 0.1, 0.2, 0.3]),
     "negative terms and the legend swatch"),
    (lambda: continuous_figure("mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5"), "negative parts and the swatch"),
])
def test_the_figures_really_draw_their_hatches(make, expected):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = make()
    FigureCanvasAgg(fig).draw()
    hatches = _hatch_artists(fig)
    assert len(hatches) >= 2, expected
    assert all(len(h.get_segments()) >= 3 for h in hatches), expected


def test_a_zoomed_in_hatch_is_cut_to_the_visible_area():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = continuous_figure("mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    before = sum(len(h.get_segments()) for h in _hatch_artists(fig))
    ax = next(a for a in fig.axes if "integrand" in a.get_ylabel())
    ax.set_xlim(-2.01, -1.99)  # a thousand times closer: without the cut, ~1000x the lines
    ax.set_ylim(-0.001, 0.001)
    canvas.draw()
    after = sum(len(h.get_segments()) for h in _hatch_artists(fig))
    assert after < 3 * before
    box = ax.bbox
    for h in _hatch_artists(fig):
        if h.axes is ax and h.in_axes:  # the legend's swatch sits above the axes
            for a, b in h.get_segments():
                for x, y in (a, b):
                    assert box.x0 - 1e-6 <= x <= box.x1 + 1e-6 and box.y0 - 1e-6 <= y <= box.y1 + 1e-6


def test_non_finite_vertices_are_skipped():
    bad = [np.array([[0, 0], [np.nan, 1], [1, 1]], float), SQUARE[0]]
    got, want = hatch_segments(bad, 45, 1.0), hatch_segments(SQUARE, 45, 1.0)
    assert len(got) == len(want) and all(np.array_equal(g, w) for g, w in zip(got, want))
