"""klviz.figures: the figures show the right numbers, stay readable, and export as real text.

Numbers are checked against independent references (scipy), never against klviz.core; exported
files are read back without matplotlib (PNG header, SVG XML, PDF content streams, rsvg-convert).
"""

import io
import math
import os
import shutil
import subprocess
import sys
import warnings

import numpy as np
import pytest
from figtools import (
    assert_shown_matches,
    png_size,
    pdf_texts,
    ref_continuous,
    ref_discrete,
    shown_value,
    svg_texts,
)
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from klviz import style
from klviz.figures import (
    continuous_figure,
    discrete_csv,
    discrete_figure,
    measures_json,
    save_figure,
)

DISCRETE_NAMES = ("H(P)", "H(Q)", "H(P,Q)", "H(Q,P)", "D(P‖Q)", "D(Q‖P)", "JS(P,Q)")
CONTINUOUS_NAMES = ("h(P)", "h(Q)", "H(P,Q)", "H(Q,P)", "D(P‖Q)", "D(Q‖P)")


def texts_of(fig):
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _rng_pair(n, seed):
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n))


# --------------------------------------------------------------------------------------------
# The numbers


DISCRETE_CASES = {
    "article": ([0.1, 0.4, 0.5], [0.8, 0.15, 0.05]),
    "random5": _rng_pair(5, 1),
    "random10": _rng_pair(10, 2),
    "equal": ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]),
    "weights": ([1, 2, 3, 4], [4, 3, 2, 1]),  # counts, normalised
    "q_zero": ([0.5, 0.3, 0.2], [0.6, 0.4, 0.0]),  # D(P‖Q) = ∞
    "both_zero": ([0.5, 0.5, 0.0], [0.0, 0.5, 0.5]),  # both infinite
    "tiny": ([1e-9, 1 - 1e-9], [0.5, 0.5]),
}


@pytest.mark.parametrize("unit", ["nats", "bits", "hartleys"])
@pytest.mark.parametrize("case", sorted(DISCRETE_CASES))
def test_discrete_figure_shows_every_measure_matching_scipy(case, unit):
    p, q = DISCRETE_CASES[case]
    fig = discrete_figure(p, q, unit=unit)
    assert isinstance(fig, Figure)
    texts = texts_of(fig)
    ref = ref_discrete(p, q, unit)
    for name in DISCRETE_NAMES:
        assert_shown_matches(shown_value(texts, name, unit), ref[name])


def test_the_article_example_reads_as_the_issue_says():
    texts = texts_of(discrete_figure([0.1, 0.4, 0.5], [0.8, 0.15, 0.05]))
    ref = ref_discrete([0.1, 0.4, 0.5], [0.8, 0.15, 0.05])
    assert f"D(P‖Q) = {ref['D(P‖Q)']:#.4g} nats" in texts  # 4 significant digits
    assert f"D(Q‖P) = {ref['D(Q‖P)']:#.4g} nats" in texts
    assert ref["D(P‖Q)"] != pytest.approx(ref["D(Q‖P)"])  # asymmetry is what the figure shows


def test_decomposition_line_adds_up_with_the_reference_numbers():
    p, q = _rng_pair(6, 7)
    ref = ref_discrete(p, q)
    texts = texts_of(discrete_figure(p, q, parts=("decomposition",)))
    for a, b in (("P", "Q"), ("Q", "P")):
        prefix = f"H({a},{b}) = H({a}) + D({a}‖{b}) = "
        (line,) = [t for t in texts if t.startswith(prefix)]
        h, rest = line[len(prefix):].split(" + ")
        d, total = rest.split(" = ")
        assert total.endswith(" nats")
        assert_shown_matches(h, ref[f"H({a})"])
        assert_shown_matches(d, ref[f"D({a}‖{b})"])
        assert_shown_matches(total[: -len(" nats")], ref[f"H({a},{b})"])


def test_infinite_divergence_says_infinity_and_why():
    texts = texts_of(discrete_figure([0.5, 0.3, 0.2], [0.6, 0.4, 0.0], labels=["cat", "dog", "bird"]))
    assert "D(P‖Q) = ∞" in texts
    assert "H(P,Q) = ∞" in texts
    assert "Q(bird) = 0 where P(bird) > 0" in texts  # next to the open-ended bar
    assert "H(P,Q) = H(P) + D(P‖Q) = 1.030 + ∞ = ∞" in texts
    assert "∞" in texts  # the pointwise bar of that category
    # The other direction is finite and says so.
    assert_shown_matches(shown_value(texts, "D(Q‖P)", "nats"), ref_discrete([0.5, 0.3, 0.2], [0.6, 0.4, 0.0])["D(Q‖P)"])


def test_many_missing_categories_keep_the_reason_short():
    p = np.ones(12)
    q = np.r_[np.ones(3), np.zeros(9)]
    assert "Q(D, E, F, …) = 0 where P(D, E, F, …) > 0" in texts_of(discrete_figure(p, q))
    labels = [f"category {i}" for i in range(12)]
    assert "Q = 0 where P > 0 (9 categories)" in texts_of(discrete_figure(p, q, labels=labels))


PAIRS = [
    ({"family": "normal", "mu": 0.0, "sigma": 1.0}, {"family": "normal", "mu": 1.0, "sigma": 1.5}),
    ({"family": "normal", "mu": 0.0, "sigma": 0.1}, {"family": "normal", "mu": 0.2, "sigma": 0.15}),  # h < 0
    ({"family": "mixture", "weight": 0.5, "components": [{"mu": -2, "sigma": 0.7}, {"mu": 2, "sigma": 0.7}]},
     {"family": "normal", "mu": 0.0, "sigma": 1.5}),
    ({"family": "mixture", "weight": 0.3, "components": [{"mu": -1, "sigma": 0.5}, {"mu": 3, "sigma": 1.2}]},
     {"family": "mixture", "weight": 0.6, "components": [{"mu": 0, "sigma": 1.0}, {"mu": 2, "sigma": 0.4}]}),
]


@pytest.mark.parametrize("unit", ["nats", "bits"])
@pytest.mark.parametrize("k", range(len(PAIRS)))
def test_continuous_figure_shows_every_measure_matching_scipy_quadrature(k, unit):
    p, q = PAIRS[k]
    fig = continuous_figure(p, q, unit=unit)
    texts = texts_of(fig)
    ref = ref_continuous(p, q, unit)
    for name in CONTINUOUS_NAMES:
        assert_shown_matches(shown_value(texts, name, unit), ref[name])


def test_continuous_accepts_core_objects_and_specs():
    from klviz.core import Mixture, Normal

    a = texts_of(continuous_figure(Normal(0, 1), Mixture.from_params(0.5, -1, 0.5, 1, 0.5)))
    b = texts_of(continuous_figure("normal:0,1", "mixture:0.5,-1,0.5,1,0.5"))
    assert [t for t in a if "=" in t] == [t for t in b if "=" in t]
    assert "P = N(0, 1²)" in a
    assert "Q = 0.5 N(−1, 0.5²) + 0.5 N(1, 0.5²)" in a


def test_figures_use_the_app_colours():
    fig = discrete_figure([0.2, 0.3, 0.5], [0.5, 0.3, 0.2])
    colours = set()
    for ax in fig.axes:
        for coll in ax.collections:
            colours.update(tuple(np.round(c[:3], 3)) for c in coll.get_facecolors())
    from matplotlib.colors import to_rgb

    for colour in (style.P_COLOR, style.Q_COLOR):
        assert tuple(np.round(to_rgb(colour), 3)) in colours


# --------------------------------------------------------------------------------------------
# Readable at 5, 10, 30 and 100 categories: nothing clipped, nothing overlapping


def _drawn_texts(fig):
    """Draw with Agg; return (renderer, figure box, [(text, box)]) for the texts really drawn
    (an axis keeps Tick texts outside its view limits around, undrawn)."""
    drawn = []
    original = Text.draw

    def record(self, renderer):
        if self.get_visible() and self.get_text().strip():
            drawn.append(self)
        return original(self, renderer)

    Text.draw = record
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
    finally:
        Text.draw = original
    renderer = canvas.get_renderer()
    return renderer, fig.bbox, [(t, t.get_window_extent(renderer)) for t in drawn]


def assert_readable(fig):
    renderer, frame, boxes = _drawn_texts(fig)
    for t, bb in boxes:  # nothing outside the figure
        assert bb.x0 >= frame.x0 - 1 and bb.x1 <= frame.x1 + 1, f"{t.get_text()!r} clipped left/right: {bb}"
        assert bb.y0 >= frame.y0 - 1 and bb.y1 <= frame.y1 + 1, f"{t.get_text()!r} clipped top/bottom: {bb}"
    upright = [(t, bb) for t, bb in boxes if t.get_rotation() % 90 == 0]
    for i, (a, ba) in enumerate(upright):  # no two upright texts overlap
        for b, bb in upright[i + 1:]:
            w = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
            h = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
            assert w <= 1 or h <= 1, f"{a.get_text()!r} overlaps {b.get_text()!r}"
    slanted = sorted((t for t, _ in boxes if t.get_rotation() % 90 != 0), key=lambda t: t.get_position()[0])
    for a, b in zip(slanted, slanted[1:]):  # parallel slanted labels: far enough apart across their slant
        if a.axes is not b.axes:
            continue
        xa = a.get_transform().transform(a.get_position())[0]
        xb = b.get_transform().transform(b.get_position())[0]
        _, h, _ = renderer.get_text_width_height_descent("Ag", a.get_fontproperties(), ismath=False)
        gap = abs(xb - xa) * math.sin(math.radians(a.get_rotation()))
        assert gap >= h, f"slanted labels {a.get_text()!r} and {b.get_text()!r} overlap"


@pytest.mark.parametrize("n", [5, 10, 30, 100])
def test_discrete_figure_is_readable(n):
    p, q = _rng_pair(n, n)
    labels = [f"c{i:02d}" for i in range(n)]
    fig = discrete_figure(p, q, labels=labels, title=f"{n} categories")
    assert_readable(fig)
    shown = {t.get_text() for t in fig.findobj(Text) if t.get_visible()}
    assert set(labels) <= shown, "every category is labelled"


@pytest.mark.parametrize("n", [5, 10, 30])
def test_long_labels_are_readable(n):
    p, q = _rng_pair(n, 3)
    labels = [f"a rather long category name {i:02d}" for i in range(n)]  # 30 characters
    assert_readable(discrete_figure(p, q, labels=labels))


def test_infinite_and_negative_terms_are_readable():
    assert_readable(discrete_figure([0.5, 0.3, 0.2, 0.0], [0.6, 0.4, 0.0, 0.0], unit="hartleys", title="∞"))
    assert_readable(discrete_figure(np.r_[np.ones(40), np.zeros(60)], np.r_[np.zeros(30), np.ones(70)]))


@pytest.mark.parametrize("k", range(len(PAIRS)))
def test_continuous_figure_is_readable(k):
    assert_readable(continuous_figure(*PAIRS[k], title="Continuous"))


@pytest.mark.parametrize("parts", [("bars",), ("decomposition",), ("pointwise",), ("pointwise", "bars")])
def test_each_chart_alone(parts):
    fig = discrete_figure([0.1, 0.6, 0.3], [0.3, 0.3, 0.4], parts=parts)
    assert len(fig.axes) == len(parts) + 1  # the charts and the readout
    assert_readable(fig)
    fig = discrete_figure([0.1, 0.6, 0.3], [0.3, 0.3, 0.4], parts=parts, readout=False)
    assert len(fig.axes) == len(parts)
    assert not any(t.startswith("JS(P,Q) =") for t in texts_of(fig))


@pytest.mark.parametrize("size", [(7.6, 6), (8, 10), (16, 9)])
def test_a_requested_size_is_laid_out_to_fit(size):
    fig = discrete_figure(*_rng_pair(8, 1), size=size)
    assert tuple(fig.get_size_inches()) == pytest.approx(size)
    assert_readable(fig)


def test_labels_are_plain_text_never_mathtext(tmp_path):
    fig = discrete_figure([0.5, 0.5], [0.4, 0.6], labels=["$x$", "cost $5"], title="$\\alpha$")
    save_figure(fig, tmp_path / "dollar.svg")
    texts = svg_texts((tmp_path / "dollar.svg").read_bytes())
    assert "$x$" in texts and "cost $5" in texts and "$\\alpha$" in texts


HOSTILE = ["<b>x</b>", "<img src=/dev/zero>", "&amp;", "&", "$x^2$", "W" * 40, "שלום", "\u202eevil",
           "e\u0301", "a\u2028b", "中文 😀"]
# what cannot be drawn or stored in SVG (XML 1.0) shows as a visible stand-in
STAND_INS = {"x\x01y": "x\u2401y", "tab\there": "tab here", "a\ud800b": "a\ufffdb", "d\x7fe\x85": "d\u2421e\ufffd"}


def test_hostile_labels_are_text_in_every_format(tmp_path):
    """Labels and titles from a file are plain text in SVG, PDF and PNG: no markup, no mathtext,
    no warning (a glyph DejaVu Sans lacks stays a character in SVG and PDF), well-formed SVG."""
    labels = HOSTILE + list(STAND_INS)
    n = len(labels)
    q = [0.0] * 4 + [1.0] * (n - 4)  # Q = 0 on the first four: the reason quotes hostile labels
    title = "<b>$\\alpha$</b> & x\x02"
    fig = discrete_figure([1.0] * n, q, labels=labels, title=title)
    svg = tmp_path / "hostile.svg"
    save_figure(fig, svg)
    texts = svg_texts(svg.read_bytes())  # parses: well-formed XML
    for label in HOSTILE:
        assert label in texts, label
    for label, drawn in STAND_INS.items():
        assert drawn in texts, (label, drawn)
    assert "<b>$\\alpha$</b> & x\u2402" in texts
    assert any(t.startswith("Q(<b>x</b>") for t in texts) or any("categories" in t for t in texts)
    pdf = tmp_path / "hostile.pdf"
    save_figure(fig, pdf)
    shown = pdf_texts(pdf.read_bytes())
    assert "<img src=/dev/zero>" in shown and "$x^2$" in shown and "&amp;" in shown
    png = tmp_path / "hostile.png"
    save_figure(fig, png, dpi=60)
    assert png_size(png.read_bytes())[0] > 0


# --------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(p=[0.5, -0.5, 1], q=[1, 1, 1]), "negative"),
        (dict(p=[0.5, 0.5], q=[1, 1, 1]), "different lengths"),
        (dict(p=[0, 0], q=[1, 1]), "all zero"),
        (dict(p=[np.nan, 1], q=[1, 1]), "NaN"),
        (dict(p=[1, 1], q=[1, 1], unit="bans"), "unit"),
        (dict(p=[1, 1], q=[1, 1], parts=("bars", "pie")), "pie"),
        (dict(p=[1, 1], q=[1, 1], parts=()), "at least one"),
        (dict(p=[1, 1], q=[1, 1], labels=["a"]), "labels"),
        (dict(p=[1, 1], q=[1, 1], size=(1, 1)), "too narrow"),
        (dict(p=[1, 1], q=[1, 1], size=(9, 1.5)), "too small"),
        (dict(p=[1, 1], q=[1, 1], size=(9, -1)), "positive"),
    ],
)
def test_discrete_bad_input_is_a_value_error(kwargs, match):
    with pytest.raises(ValueError, match=match):
        discrete_figure(**kwargs)


@pytest.mark.parametrize(
    "p, q, match",
    [
        ({"family": "normal", "mu": 0, "sigma": 0}, "normal:0,1", "sigma"),
        ({"family": "cauchy"}, "normal:0,1", "family"),
        ("0.5,0.5", "normal:0,1", "discrete"),
        (3.0, "normal:0,1", "expected"),
    ],
)
def test_continuous_bad_input_is_a_value_error(p, q, match):
    with pytest.raises(ValueError, match=match):
        continuous_figure(p, q)


# --------------------------------------------------------------------------------------------
# Files


def test_save_chooses_the_format_by_extension(tmp_path):
    fig = discrete_figure([0.2, 0.8], [0.5, 0.5])
    for ext, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF"), (".PDF", b"%PDF")):
        path = tmp_path / f"f{ext}"
        save_figure(fig, path)
        assert path.read_bytes().startswith(magic), ext
    for bad in ("f.jpg", "f", "f.svgz", "f.png.txt"):
        with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
            save_figure(fig, tmp_path / bad)
        assert not (tmp_path / bad).exists()


@pytest.mark.parametrize(
    "dpi, size, expected",
    [(300, None, None), (100, (8, 6), (800, 600)), (100, (8.2, 6.1), (820, 610)), (72, (7.7, 6.3), (554, 454)),
     (300, (10, 7), (3000, 2100))],
)
def test_png_has_the_requested_pixel_size(tmp_path, dpi, size, expected):
    fig = discrete_figure([0.2, 0.3, 0.5], [0.3, 0.3, 0.4])
    w_in, h_in = fig.get_size_inches()
    path = tmp_path / "f.png"
    save_figure(fig, path, dpi=dpi, size=size)
    got = png_size(path.read_bytes())
    if expected is None:
        expected = (round(w_in * dpi), round(h_in * dpi))
    assert got == expected
    assert tuple(fig.get_size_inches()) == pytest.approx((w_in, h_in)), "the caller's figure is left as it was"


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (37, 53), (300, 200)])
def test_png_encoder_round_trips_through_pillow(shape):
    from PIL import Image

    from klviz.figures.save import encode_png

    rgb = np.random.default_rng(sum(shape)).integers(0, 256, (*shape, 3), dtype=np.uint8)
    rgb[shape[0] // 2:] = rgb[0]  # repeated rows, as in a figure
    img = Image.open(io.BytesIO(encode_png(rgb, 300, {"Software": "klviz"})))
    assert img.mode == "RGB" and img.size == (shape[1], shape[0])
    assert np.array_equal(np.asarray(img), rgb)
    assert img.info["Software"] == "klviz" and img.info["dpi"] == pytest.approx((300, 300), abs=0.01)


@pytest.mark.parametrize("dpi", [0, -5, float("nan"), float("inf"), 5000, "many", True])
def test_bad_dpi(tmp_path, dpi):
    with pytest.raises(ValueError, match="dpi"):
        save_figure(discrete_figure([1, 1], [1, 2]), tmp_path / "f.png", dpi=dpi)


def test_a_huge_png_is_refused(tmp_path):
    with pytest.raises(ValueError, match="too large"):
        save_figure(discrete_figure([1, 1], [1, 2]), tmp_path / "f.png", dpi=2400, size=(60, 40))


def test_figure_bytes_are_the_file(tmp_path):
    from klviz.figures import figure_bytes

    fig = discrete_figure([0.2, 0.8], [0.5, 0.5])
    for fmt in ("png", "svg"):
        save_figure(fig, tmp_path / f"f.{fmt}", dpi=100)
        assert figure_bytes(fig, fmt, dpi=100) == (tmp_path / f"f.{fmt}").read_bytes()
    assert figure_bytes(fig, "pdf").startswith(b"%PDF")
    with pytest.raises(ValueError):
        figure_bytes(fig, "gif")


def test_svg_keeps_text_as_text(tmp_path):
    p, q = [0.1, 0.4, 0.5], [0.8, 0.15, 0.05]
    path = tmp_path / "f.svg"
    save_figure(discrete_figure(p, q, unit="bits"), path)
    data = path.read_bytes()
    texts = svg_texts(data)
    ref = ref_discrete(p, q, "bits")
    for name in DISCRETE_NAMES:
        assert_shown_matches(shown_value(texts, name, "bits"), ref[name])
    assert any(t.startswith("D(P‖Q) = ") for t in texts)
    assert b"DejaVuSans-" not in data, "glyphs drawn as paths: text would not be searchable"
    assert b"font-family: 'DejaVu Sans'" in data and b"sans-serif" in data  # with a fallback


def test_svg_is_reproducible(tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    save_figure(discrete_figure([0.2, 0.8], [0.5, 0.5]), a)
    save_figure(discrete_figure([0.2, 0.8], [0.5, 0.5]), b)
    assert a.read_bytes() == b.read_bytes()


def test_pdf_has_searchable_text_in_embedded_truetype(tmp_path):
    p, q = [0.1, 0.4, 0.5, 0.0], [0.8, 0.15, 0.03, 0.02]
    path = tmp_path / "f.pdf"
    save_figure(discrete_figure(p, q, labels=["alpha", "beta", "gamma", "delta"]), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data, "TrueType (Type 42) fonts embedded"
    assert b"/Subtype /Type3" not in data
    texts = pdf_texts(data)  # through /ToUnicode: what search and copy-paste see
    ref = ref_discrete(p, q)
    for name in DISCRETE_NAMES:
        assert_shown_matches(shown_value(texts, name, "nats"), ref[name])
    assert "P(delta) = 0 where Q(delta) > 0" in texts
    if shutil.which("pdftotext"):  # a second, external reader when the machine has one
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
        assert "D(P‖Q) = " in out and "alpha" in out


def test_continuous_pdf_and_svg(tmp_path):
    p, q = PAIRS[2]
    ref = ref_continuous(p, q)
    fig = continuous_figure(p, q)
    save_figure(fig, tmp_path / "c.pdf")
    save_figure(fig, tmp_path / "c.svg")
    for texts in (pdf_texts((tmp_path / "c.pdf").read_bytes()), svg_texts((tmp_path / "c.svg").read_bytes())):
        for name in CONTINUOUS_NAMES:
            assert_shown_matches(shown_value(texts, name, "nats"), ref[name])
        assert "Differential entropy (may be < 0)" in texts  # no "ff" ligature glyph breaking search


def test_pdf_embeds_a_single_font(tmp_path):
    import re

    path = tmp_path / "f.pdf"
    save_figure(discrete_figure([0.3, 0.7], [0.5, 0.5], labels=["coffee", "waffle fig"]), path)
    data = path.read_bytes()
    names = sorted(n.split(b"+")[1] for n in set(re.findall(rb"/FontName /(\w+\+[\w-]+)", data)))
    assert names == [b"DejaVuSans"]  # one face (no bold, no ligature glyphs): fast to subset
    texts = pdf_texts(data)
    assert "coffee" in texts and "waffle fig" in texts


RSVG = shutil.which("rsvg-convert")


@pytest.mark.skipif(RSVG is None, reason="rsvg-convert (librsvg2-bin) is not installed: "
                    "cannot check that librsvg renders the SVG")
@pytest.mark.parametrize("view", ["discrete", "continuous"])
def test_librsvg_renders_the_svg(tmp_path, view):
    fig = (discrete_figure([0.5, 0.3, 0.2], [0.6, 0.4, 0.0]) if view == "discrete"
           else continuous_figure(*PAIRS[2]))
    svg, png = tmp_path / "f.svg", tmp_path / "f.png"
    save_figure(fig, svg)
    proc = subprocess.run([RSVG, "-d", "96", "-p", "96", str(svg), "-o", str(png)], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    w, h = png_size(png.read_bytes())
    fw, fh = fig.get_size_inches()
    assert (w, h) == pytest.approx((fw * 96, fh * 96), abs=2)
    from PIL import Image

    img = np.asarray(Image.open(png).convert("RGB"), dtype=float)
    # Both distributions' colours are on the page (the charts were drawn, not just the text).
    for colour in (style.P_COLOR, style.Q_COLOR):
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
        assert (np.abs(img - rgb).sum(axis=2) < 30).mean() > 0.002, colour
    assert proc.stderr.decode().strip() == "", proc.stderr.decode()


def test_save_never_leaves_a_half_file(tmp_path, monkeypatch):
    fig = discrete_figure([0.2, 0.8], [0.5, 0.5])
    target = tmp_path / "f.png"
    target.write_bytes(b"old")

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    import klviz.figures.save as save_mod

    monkeypatch.setattr(save_mod, "_write_png", boom)
    with pytest.raises(RuntimeError):
        save_figure(fig, target)
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["f.png"], "no temporary file left behind"


def test_save_to_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        save_figure(discrete_figure([0.2, 0.8], [0.5, 0.5]), tmp_path / "missing" / "f.svg")


def test_no_warnings_anywhere(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for fig in (discrete_figure(*_rng_pair(100, 5), unit="bits"),
                    discrete_figure([0.5, 0.5, 0], [0, 0.5, 0.5]),
                    continuous_figure(*PAIRS[3])):
            for ext in ("png", "svg", "pdf"):
                save_figure(fig, tmp_path / f"f.{ext}", dpi=50)


def test_rc_settings_do_not_leak():
    import matplotlib

    before = dict(matplotlib.rcParams)
    discrete_figure([0.2, 0.8], [0.5, 0.5])
    continuous_figure("normal:0,1", "normal:1,1")
    assert dict(matplotlib.rcParams) == before


def test_figures_need_no_pyplot_and_no_qt(tmp_path):
    code = (
        "import sys, json\n"
        "from klviz.figures import discrete_figure, continuous_figure, save_figure\n"
        f"save_figure(discrete_figure([0.2, 0.8], [0.5, 0.5]), {str(tmp_path / 'a.png')!r})\n"
        f"save_figure(continuous_figure('normal:0,1', 'normal:1,2'), {str(tmp_path / 'a.pdf')!r})\n"
        "bad = ('PySide6', 'shiboken6', 'pyqtgraph', 'superqt', 'PyQt5', 'PyQt6', 'tkinter')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in bad or m == 'matplotlib.pyplot')))\n"
    )
    env = dict(os.environ, MPLBACKEND="QtAgg")  # pyplot would try Qt; klviz never asks for a backend
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------------------------
# Data exports


def test_discrete_csv_has_the_table_with_reference_terms():
    import csv

    p, q = [0.1, 0.4, 0.5, 0.0], [0.8, 0.15, 0.0, 0.05]
    text = discrete_csv(p, q, labels=["a", "b,c", 'say "d"', "e"], unit="bits")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["label", "p", "q", "p_log_p_over_q_bits", "q_log_q_over_p_bits"]
    assert [r[0] for r in rows[1:]] == ["a", "b,c", 'say "d"', "e"]
    from scipy.special import rel_entr

    pq = rel_entr(p, q) / math.log(2)
    qp = rel_entr(q, p) / math.log(2)
    for row, a, b, pi, qi in zip(rows[1:], pq, qp, p, q):
        assert float(row[1]) == pytest.approx(pi) and float(row[2]) == pytest.approx(qi)
        assert float(row[3]) == pytest.approx(a, rel=1e-12, abs=1e-15)
        assert float(row[4]) == pytest.approx(b, rel=1e-12, abs=1e-15)
    assert rows[3][3] == "inf"  # p > 0 = q


def test_measures_json_is_strict_json_with_reference_values():
    import json

    p, q = [0.1, 0.4, 0.5], [0.8, 0.2, 0.0]
    data = measures_json(p, q, labels=["x", "y", "z"], unit="nats")
    text = json.dumps(data, allow_nan=False)  # strict: no NaN/Infinity tokens
    back = json.loads(text)
    ref = ref_discrete(p, q)
    m = back["measures"]
    assert m["entropy_p"] == pytest.approx(ref["H(P)"], rel=1e-12)
    assert m["kl_qp"] == pytest.approx(ref["D(Q‖P)"], rel=1e-12)
    assert m["js"] == pytest.approx(ref["JS(P,Q)"], rel=1e-9)
    assert m["kl_pq"] == "inf" and m["cross_entropy_pq"] == "inf"
    assert back["infinite_because"] == {"kl_pq": "Q(z) = 0 where P(z) > 0"}
    assert back["kind"] == "discrete" and back["labels"] == ["x", "y", "z"]

    c = measures_json({"family": "normal", "mu": 0, "sigma": 1}, {"family": "normal", "mu": 1, "sigma": 2},
                      unit="bits")
    ref = ref_continuous({"family": "normal", "mu": 0, "sigma": 1}, {"family": "normal", "mu": 1, "sigma": 2}, "bits")
    assert c["kind"] == "continuous"
    assert c["measures"]["kl_pq"] == pytest.approx(ref["D(P‖Q)"], rel=1e-8)
    assert c["measures"]["entropy_q"] == pytest.approx(ref["h(Q)"], rel=1e-12)
    json.dumps(c, allow_nan=False)
