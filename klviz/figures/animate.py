"""Animations for slides: a fit or a parameter sweep of a view as GIF, WebP, APNG or MP4 (Qt-free).

    from klviz.figures import save_animation
    save_animation("fit.gif", "mixture:0.5,-2,0.7,2,0.7", "normal:0,1.5", "fit-reverse")

The SPECs and the states they move through are `klviz.animation`'s. Every frame is a whole figure
from the still exports' own code (`discrete_figure`, `continuous_figure`), rendered as a PNG
export is (`save.render_rgb`), so a frame looks exactly like a still. What must not move does not:
the figures are laid out once for all states (every state's own layout, then their union: the
widest axis limits, the widest readout, legends with room for the most rows, the largest size)
and every frame is drawn with that one layout and size.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile

import numpy as np

from klviz.core.spec import Mixture, Normal
from klviz.animation import (
    ANIMATION_FORMATS,
    DEFAULT_DPI,
    DEFAULT_FPS,
    DEFAULT_FRAMES,
    AnimationSpec,
    VideoUnavailable,
    animation_format,
    animation_states,
    check_fps,
    ffmpeg_exe,
    parse_animation,
)
from klviz.figures._common import rc_context
from klviz.figures.save import check_dpi, pixel_size, render_rgb

__all__ = [
    "ANIMATION_FORMATS", "DEFAULT_DPI", "DEFAULT_FPS", "DEFAULT_FRAMES", "MAX_TOTAL_PIXELS", "Animation",
    "AnimationCancelled", "AnimationSpec", "VideoUnavailable", "animation_format", "animation_frames",
    "animation_states", "check_fps", "ffmpeg_exe", "frame_durations", "make_animation", "merge_layouts",
    "parse_animation", "save_animation", "write_animation",
]

# Every frame together: Pillow's APNG and WebP writers hold all frames (3 bytes a pixel), so this
# bounds an export's memory at about 600 MB. 60 frames at 100 dpi are about 45 megapixels.
MAX_TOTAL_PIXELS = 200_000_000
MIN_FRAME_PIXELS = 16


class AnimationCancelled(Exception):
    """The cancel check said stop; nothing was written."""


# ---------------------------------------------------------------------------------------------
# The plan: states, one shared layout, frames


def merge_layouts(layouts):
    """One layout that holds every figure's: the union of the axis limits (x counted from the
    first figure's origin), the widest readout, legends with room for the most rows, the largest
    size."""
    first = layouts[0]
    origin = first["origin"]
    parts = {}
    for part in first["parts"]:
        xs, ys, plans = [], [], []
        for lay in layouts:
            f = lay["parts"][part]
            shift = lay["origin"] - origin  # 0 unless a pair is drawn against a shifted axis
            xs += [f["xlim"][0] + shift, f["xlim"][1] + shift]
            ys += list(f["ylim"])
            plans.append(f["legend"])
        legend = None
        if plans[0] is not None:
            below = [pl for pl in plans if pl["where"] == "below"]
            if not below:
                legend = {"where": "beside", "ncol": max(pl["ncol"] for pl in plans), "rows": 1}
            else:
                ncol = min(pl["ncol"] for pl in below)
                rows = max(math.ceil(pl["count"] / ncol) for pl in plans)
                legend = {"where": "below", "ncol": ncol, "rows": rows}
        parts[part] = {"xlim": (min(xs), max(xs)), "ylim": (min(ys), max(ys)), "legend": legend}
    return {
        "origin": origin,
        "readout_w": max(lay["readout_w"] for lay in layouts),
        "size": (max(lay["size"][0] for lay in layouts), max(lay["size"][1] for lay in layouts)),
        "parts": parts,
    }


def _step(progress, cancel, done, total):
    if progress is not None:
        progress(done, total)
    if cancel is not None and cancel():
        raise AnimationCancelled("the animation was cancelled")


class Animation:
    """An animation, checked and ready to draw: `make_animation` builds one.

    `states`: the (P, Q) of every frame; `notes`: sentences worth telling the user. `lay_out()`
    computes the one layout and size every frame shares (it draws no pixels); `figure(i)` is frame
    i as a matplotlib Figure; `frames()` yields the frames as PIL RGB images. Progress is told as
    progress(done, total) with total = 2 x frames + 1 (laying out each state, drawing each frame,
    writing the file); cancel() is asked before each step and, when true, AnimationCancelled is
    raised.
    """

    def __init__(self, planned, dpi, size, figure_kw):
        self.view, self.states, self.notes = planned.view, planned.states, planned.notes
        self.labels = None if planned.labels is None else list(planned.labels)
        self.dpi, self._size, self._kw = dpi, size, figure_kw
        self.layout = None
        self.size = size

    @property
    def total_steps(self):
        return 2 * len(self.states) + 1

    def _figure(self, i, size, layout):
        from klviz.figures.continuous import continuous_figure
        from klviz.figures.discrete import discrete_figure

        P, Q = self.states[i]
        if self.view == "discrete":
            return discrete_figure(P, Q, labels=self.labels, size=size, layout=layout, **self._kw)
        return continuous_figure(P, Q, size=size, layout=layout, **self._kw)

    def _check_pixels(self, fig):
        w, h = pixel_size(fig, self.dpi)
        n = len(self.states)
        if w < MIN_FRAME_PIXELS or h < MIN_FRAME_PIXELS:
            raise ValueError(f"a {w} x {h} pixel frame is too small")
        if n * w * h > MAX_TOTAL_PIXELS:
            raise ValueError(f"{n} frames of {w} x {h} pixels are {n * w * h / 1e6:.0f} megapixels in all, more "
                             f"than the {MAX_TOTAL_PIXELS // 1_000_000} an animation may hold: use fewer frames, "
                             "a lower dpi or a smaller size")
        return w, h

    def check_first(self):
        """Check the first state's figure (its size, its pixels) before laying out every state."""
        self._check_pixels(self._figure(0, self._size, None))

    def lay_out(self, progress=None, cancel=None):
        """The layout and size shared by every frame (each state laid out once; no pixels)."""
        if self.layout is not None:
            return self.layout
        total = self.total_steps
        layouts = []
        for i in range(len(self.states)):
            _step(None, cancel, i, total)
            layouts.append(self._figure(i, self._size, None)._klviz_layout)
            _step(progress, None, i + 1, total)
        layout = merge_layouts(layouts)
        size = self._size if self._size is not None else layout["size"]
        self._pixels = self._check_pixels(self._figure(0, size, layout))
        self.layout, self.size = layout, size
        return layout

    def figure(self, i):
        """Frame i (0-based) as a matplotlib Figure, laid out like every other frame."""
        layout = self.lay_out()  # (first: it sets self.size)
        return self._figure(i, self.size, layout)

    @property
    def pixel_size(self):
        """(width, height) of every frame in pixels."""
        self.lay_out()
        return self._pixels

    def frames(self, progress=None, cancel=None):
        """Every frame as a PIL RGB image, drawn as a PNG export of the same figure would be."""
        self.lay_out(progress, cancel)
        n, total = len(self.states), self.total_steps
        for i in range(n):
            _step(None, cancel, n + i, total)
            fig = self.figure(i)
            with rc_context():
                image = render_rgb(fig, self.dpi)
            yield image
            _step(progress, None, n + i + 1, total)


def _as_pair(p, q, view):
    """P and Q as klviz.core objects, and their view (by default continuous for a Normal, a
    Mixture, their dict forms or SPEC text, else discrete)."""
    if view is None:
        view = "continuous" if isinstance(p, (Normal, Mixture, dict, str)) else "discrete"
    if view == "continuous":
        from klviz.figures.continuous import as_continuous

        return as_continuous(p, "P"), as_continuous(q, "Q"), view
    if view == "discrete":
        from klviz.figures.discrete import categoricals

        return (*categoricals(p, q), view)
    raise ValueError(f"unknown view {view!r} (discrete or continuous)")


def make_animation(p, q, spec, *, view=None, frames=DEFAULT_FRAMES, labels=None, unit="nats", parts=None,
                   title=None, size=None, readout=True, dpi=DEFAULT_DPI):
    """An `Animation` of P and Q (the arguments of `discrete_figure` / `continuous_figure`) under
    `spec` (a SPEC string or an `AnimationSpec`), checked in full: ValueError otherwise."""
    from klviz.core.units import check_unit
    from klviz.figures._common import check_size

    if isinstance(spec, str):
        spec = parse_animation(spec)
    dpi = check_dpi(dpi)
    check_unit(unit)
    if size is not None:
        size = check_size(size)
    kw = dict(unit=unit, title=title, readout=readout)
    if parts is not None:
        kw["parts"] = parts
    p, q, view = _as_pair(p, q, view)
    planned = animation_states(spec, p, q, frames, labels, view)
    anim = Animation(planned, dpi, size, kw)
    anim.check_first()
    return anim


def animation_frames(p, q, spec, progress=None, cancel=None, **kw):
    """Every frame of an animation as an (h, w, 3) uint8 RGB array (keywords: `make_animation`)."""
    anim = make_animation(p, q, spec, **kw)
    return [np.asarray(image) for image in anim.frames(progress, cancel)]


# ---------------------------------------------------------------------------------------------
# Writing


def frame_durations(count, fps, step_ms):
    """Each frame's display time in ms, in whole steps of `step_ms`, so that frame k starts as
    close to k / fps seconds as the steps allow (the total is count / fps, rounded to a step)."""
    starts = [round(k * 1000.0 / fps / step_ms) * step_ms for k in range(count + 1)]
    return [b - a for a, b in zip(starts, starts[1:])]


def _write_pillow(fh, fmt, images, fps):
    first, rest = images[0], images[1:]
    if fmt == "gif":
        first.save(fh, format="GIF", save_all=True, append_images=rest, loop=0,
                   duration=frame_durations(len(images), fps, 10))
    elif fmt == "webp":
        first.save(fh, format="WEBP", save_all=True, append_images=rest, loop=0, lossless=True, method=4,
                   duration=frame_durations(len(images), fps, 1))
    else:
        first.save(fh, format="PNG", save_all=True, append_images=rest, loop=0,
                   default_image=False, duration=frame_durations(len(images), fps, 1))


def _write_mp4(fh, frames, size, fps, exe):
    """Stream RGB frames to ffmpeg (H.264, yuv420p: an odd width or height gets one white pixel
    row or column) writing a temporary file, then copy it into `fh`. Memory: one frame."""
    w, h = size
    with tempfile.TemporaryDirectory(prefix="klviz-mp4-") as folder:
        out, log = os.path.join(folder, "out.mp4"), os.path.join(folder, "ffmpeg.log")
        cmd = [exe, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-framerate", repr(float(fps)), "-i", "-",
               "-an", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:0:0:white", "-c:v", "libx264", "-preset", "fast",
               "-crf", "18", "-pix_fmt", "yuv420p", "-movflags", "+faststart", out]
        with open(log, "wb") as err:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)
            try:
                try:
                    for image in frames:
                        proc.stdin.write(image.tobytes())
                    proc.stdin.close()
                except BrokenPipeError:  # ffmpeg stopped early: its log says why
                    pass
                code = proc.wait()
            except BaseException:
                proc.kill()
                proc.wait()
                raise
        if code != 0:
            with open(log, "rb") as err:
                text = " ".join(err.read().decode("utf-8", "replace").split())[-300:]
            raise OSError(f"ffmpeg could not write the video (exit status {code}: {text or 'no message'})")
        with open(out, "rb") as src:
            shutil.copyfileobj(src, fh)


def save_animation(path, p, q, spec, *, fps=DEFAULT_FPS, progress=None, cancel=None, **kw):
    """Write the animation of P and Q under `spec` to `path`: .gif, .webp, .apng or .mp4 (the
    `video` extra). Keywords as `make_animation` (view, frames, labels, unit, parts, title,
    size, readout, dpi). Everything is checked before a frame is drawn (ValueError; for .mp4
    without imageio-ffmpeg a VideoUnavailable naming the extra); the file is written atomically,
    so a failure or a cancel (AnimationCancelled) leaves no file. Returns the `Animation`.
    """
    fmt = animation_format(path)
    fps = check_fps(fps, fmt)
    if fmt == "mp4":
        ffmpeg_exe()
    anim = make_animation(p, q, spec, **kw)
    write_animation(path, anim, fmt, fps, progress, cancel)
    return anim


def write_animation(path, anim, fmt, fps, progress=None, cancel=None):
    """Draw every frame of `anim` (an `Animation`) and write them to `path` in `fmt` ("gif",
    "webp", "apng" or "mp4") at `fps` frames per second, atomically."""
    from klviz.fileio import write_atomically

    if fmt not in ANIMATION_FORMATS.values():
        raise ValueError(f"unknown animation format {fmt!r} (gif, webp, apng or mp4)")
    fps = check_fps(fps, fmt)
    total = anim.total_steps
    if fmt == "mp4":
        exe = ffmpeg_exe()
        anim.lay_out(progress, cancel)
        size = anim.pixel_size

        def write(fh):
            _write_mp4(fh, anim.frames(progress, cancel), size, fps, exe)
    else:
        # GIF frames get their palette as they come, 1 byte a pixel (Pillow would do the same later)
        images = [_paletted(im) if fmt == "gif" else im for im in anim.frames(progress, cancel)]

        def write(fh):
            _write_pillow(fh, fmt, images, fps)

    _step(None, cancel, total - 1, total)
    write_atomically(path, write)
    _step(progress, None, total, total)


def _paletted(image):
    from PIL import Image

    return image.convert("P", palette=Image.Palette.ADAPTIVE)
