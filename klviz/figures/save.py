"""Writing a figure to PNG, SVG or PDF: text kept as text, written atomically."""

from __future__ import annotations

import io
import math
import os

import numpy as np

from klviz.figures._common import check_size, rc_context
from klviz.fileio import write_atomically  # noqa: F401 (re-exported)

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MAX_DPI = 2400
MAX_PIXELS = 100_000_000  # a PNG larger than 100 megapixels is a mistake, not a figure
_METADATA = {
    "png": {"Software": "klviz"},
    "svg": {"Creator": "klviz", "Date": None},
    "pdf": {"Creator": "klviz", "Producer": "klviz (matplotlib)", "CreationDate": None},
}


def format_for(path):
    """"png", "svg" or "pdf" from the file name's extension (any case); ValueError otherwise."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in FORMATS:
        shown = ext or "no extension"
        raise ValueError(f"cannot export to {shown!s}: the file name must end in .png, .svg or .pdf")
    return FORMATS[ext]


def check_dpi(dpi):
    if isinstance(dpi, bool):
        raise ValueError(f"dpi must be a number, got {dpi!r}")
    try:
        value = float(dpi)
    except (TypeError, ValueError):
        raise ValueError(f"dpi must be a number, got {dpi!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"dpi must be positive, got {dpi!r}")
    if value > MAX_DPI:
        raise ValueError(f"dpi must be at most {MAX_DPI}, got {dpi!r}")
    return value


def pixel_size(fig, dpi):
    """(width, height) in pixels of a PNG of `fig` at `dpi`: inches x dpi, rounded."""
    w, h = fig.get_size_inches()
    return int(round(w * dpi)), int(round(h * dpi))


def render_rgb(fig, dpi):
    """`fig` drawn by Agg as a PIL RGB image of exactly pixel_size(fig, dpi) pixels: the pixels of
    a PNG export (and of every frame of an animation). Call inside rc_context().

    Agg truncates inches x dpi (8.2 x 100 gives 819 px); a half-pixel margin on the figure size
    makes it land on the rounded value. The alpha channel (always opaque here) is dropped.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    wp, hp = pixel_size(fig, dpi)
    old_canvas, old_dpi = fig.canvas, fig.dpi
    old_size = tuple(fig.get_size_inches())
    try:
        fig.set_size_inches((wp + 0.5) / dpi, (hp + 0.5) / dpi, forward=False)
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        # Pillow drops the (always opaque) alpha channel in C: a numpy slice would copy it slower
        rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        return rgba.convert("RGB")
    finally:
        fig.set_dpi(old_dpi)
        fig.set_size_inches(*old_size, forward=False)
        fig.set_canvas(old_canvas)


def _write_png(fig, fh, dpi):
    """Render with Agg and write an RGB PNG of exactly pixel_size(fig, dpi) pixels."""
    _save_png(render_rgb(fig, dpi), fh, dpi, _METADATA["png"])


def _save_png(image, fh, dpi, text=None):
    """Write a PIL image as PNG with Pillow (matplotlib's own PNG writer) at zlib level 1: about
    as small as the default level for a figure, in half the time."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    image.save(fh, format="PNG", compress_level=1, dpi=(dpi, dpi), pnginfo=info)


def encode_png(rgb, dpi, text=None):
    """The PNG bytes of an (h, w, 3) uint8 RGB array."""
    from PIL import Image

    out = io.BytesIO()
    _save_png(Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8)), out, dpi, text)
    return out.getvalue()


def save_figure(fig, path, dpi=300, size=None):
    """Write `fig` to `path`; the format comes from the extension: .png, .svg or .pdf.

    dpi: pixels per inch of a PNG (default 300); SVG and PDF are vector, text stays text
    (SVG <text> elements, PDF with embedded TrueType fonts). size: (width, height) in inches;
    a figure made by klviz is laid out again for it (`fig` itself is left as it was), any other
    figure is resized. The file is written to a temporary file in the
    same folder and renamed, so a failed export never leaves a half-written file. Raises
    ValueError for a bad extension, dpi or size, OSError if the file cannot be written.
    """
    fmt = format_for(path)
    dpi = check_dpi(dpi)
    if size is not None:
        size = check_size(size)
        remake = getattr(fig, "_klviz_remake", None)
        if remake is not None:
            fig = remake(size)  # a klviz figure: laid out again for the new size
        else:
            fig.set_size_inches(*size)
    if fmt == "png":
        w, h = pixel_size(fig, dpi)
        if w * h > MAX_PIXELS:
            raise ValueError(f"a {w} x {h} pixel image is too large (at most {MAX_PIXELS // 1_000_000} megapixels)")
        if w < 16 or h < 16:
            raise ValueError(f"a {w} x {h} pixel image is too small")

    def write(fh):
        with rc_context():
            if fmt == "png":
                _write_png(fig, fh, dpi)
            else:
                fig.savefig(fh, format=fmt, dpi=dpi, metadata=dict(_METADATA[fmt]))

    write_atomically(path, write)
    return path


def figure_bytes(fig, fmt="png", dpi=300):
    """The file `save_figure` would write, as bytes (for a clipboard or a web response)."""
    import io

    if fmt not in FORMATS.values():
        raise ValueError(f"unknown format {fmt!r} (png, svg or pdf)")
    dpi = check_dpi(dpi)
    buf = io.BytesIO()
    with rc_context():
        if fmt == "png":
            _write_png(fig, buf, dpi)
        else:
            fig.savefig(buf, format=fmt, dpi=dpi, metadata=dict(_METADATA[fmt]))
    return buf.getvalue()
