"""Animations for slides: the SPEC (`parse_animation`) and the states it moves through
(`animation_states`), with no Qt and no matplotlib, so the command line checks everything before
it pays for matplotlib. `klviz.figures.animate` draws and writes the frames.

Animation SPECs:
    fit-forward          Q moves to argmin D(P‖Q) (moment matching), `gaussian.fit_forward_kl`
    fit-reverse          Q moves to the mode of P nearest it, `gaussian.fit_reverse_kl_nearest_mode`
                         (the app's reverse fit)
    fit-alpha:A          Q moves to argmin D_A(P‖Q), `alpha.fit_alpha`
    sweep:PARAM:FROM:TO  a parameter goes from FROM to TO in equal steps: mu_q, sigma_q, mu_p,
                         sigma_p (continuous view; a mixture's first component moves) or p:I, q:I
                         (discrete view: the mass of category I, a label or a number counted from
                         1, a matching label first; the other masses rescale as when a bar is
                         dragged in the app, `klviz.session.set_probability`)
A fit needs the continuous view; a mixture Q starts from its moment-matched Normal. Fit paths are
resampled to an even visible pace (`gaussian.resample_path`), their ends kept exactly.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

import numpy as np

from klviz.core.labels import default_labels
from klviz.core.spec import MAX_ABS_MU, SIGMA_RANGE, Categorical, Mixture, Normal, check_range, check_same_kind
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase

ANIMATION_FORMATS = {".gif": "gif", ".webp": "webp", ".apng": "apng", ".mp4": "mp4"}
DEFAULT_FRAMES = 60
MIN_FRAMES, MAX_FRAMES = 2, 600
DEFAULT_FPS = 20.0
MIN_FPS, MAX_FPS = 0.1, 60.0
# A GIF stores delays in hundredths of a second and browsers slow delays under 0.02 s down to
# 0.1 s: faster GIFs would play slower, not faster.
MAX_GIF_FPS = 50.0
DEFAULT_DPI = 100  # a slide needs no more, and 60 frames stay a few megabytes
CONTINUOUS_PARAMS = ("mu_q", "sigma_q", "mu_p", "sigma_p")
FITS = ("fit-forward", "fit-reverse", "fit-alpha")
VIDEO_EXTRA = "pip install 'klviz[video]'"
SPEC_FORMS = "fit-forward, fit-reverse, fit-alpha:A or sweep:PARAM:FROM:TO"


class VideoUnavailable(ValueError):
    """MP4 needs the optional `video` extra (imageio-ffmpeg), which is missing or broken."""


# ---------------------------------------------------------------------------------------------
# The SPEC


@dataclass(frozen=True)
class AnimationSpec:
    """A parsed animation SPEC: kind "fit-forward", "fit-reverse", "fit-alpha" or "sweep"."""

    kind: str
    alpha: float | None = None
    param: str | None = None  # mu_q, sigma_q, mu_p, sigma_p, p or q
    category: str | None = None  # for p/q: the label or number as given
    start: float | None = None
    stop: float | None = None

    @property
    def view(self):
        """The view this SPEC animates: "continuous" or "discrete"."""
        return "discrete" if self.param in ("p", "q") else "continuous"

    @property
    def text(self):
        """The SPEC as `klviz export --animate` takes it (parse_animation(spec.text) == spec)."""
        if self.kind == "fit-alpha":
            return f"fit-alpha:{self.alpha!r}"
        if self.kind != "sweep":
            return self.kind
        param = self.param if self.category is None else f"{self.param}:{self.category}"
        return f"sweep:{param}:{self.start!r}:{self.stop!r}"


def _number(text, what):
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"{what} must be a number, got {text.strip()!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {text.strip()!r}")
    return value


def parse_animation(text):
    """An `AnimationSpec` from its text (see the module's doc); ValueError says what is wrong."""
    if not isinstance(text, str):
        raise ValueError(f"an animation SPEC must be text ({SPEC_FORMS})")
    spec = text.strip()
    if spec in ("fit-forward", "fit-reverse"):
        return AnimationSpec(spec)
    if spec.startswith("fit-alpha"):
        head, colon, value = spec.partition(":")
        if head != "fit-alpha" or not colon:
            raise ValueError(f"fit-alpha needs its α, as fit-alpha:A (e.g. fit-alpha:0.5), got {spec!r}")
        from klviz.core.alpha import check_alpha

        alpha = _number(value, "fit-alpha: α")
        try:
            alpha = check_alpha(alpha)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"fit-alpha: {exc}") from None
        return AnimationSpec("fit-alpha", alpha=alpha)
    if spec.startswith("sweep:"):
        fields = spec[len("sweep:"):].rsplit(":", 2)
        if len(fields) != 3 or not fields[0].strip():
            raise ValueError(f"a sweep is sweep:PARAM:FROM:TO (e.g. sweep:mu_q:-2:2 or sweep:p:1:0.1:0.9), "
                             f"got {spec!r}")
        param, start, stop = fields
        start, stop = _number(start, "sweep: FROM"), _number(stop, "sweep: TO")
        category = None
        name = param.strip()
        if name[:2] in ("p:", "q:"):
            name, category = name[0], name[2:].strip()
            if not category:
                raise ValueError(f"sweep:{name}: needs a category, as {name}:I (a label, or a number from 1)")
        elif name in ("p", "q"):
            raise ValueError(f"sweep:{name} needs a category, as sweep:{name}:I:FROM:TO (a label, or a number "
                             "from 1)")
        elif name not in CONTINUOUS_PARAMS:
            raise ValueError(f"unknown sweep parameter {name!r} (choose {', '.join(CONTINUOUS_PARAMS)}, "
                             "or p:I / q:I for a discrete category)")
        if start == stop:
            raise ValueError(f"sweep: FROM and TO are both {start:g}: nothing would move")
        _check_sweep_range(name, start, stop)
        return AnimationSpec("sweep", param=name, category=category, start=start, stop=stop)
    raise ValueError(f"unknown animation {spec!r} (choose {SPEC_FORMS})")


def _check_sweep_range(name, start, stop):
    for what, v in (("FROM", start), ("TO", stop)):
        if name in ("p", "q") and not 0.0 <= v <= 1.0:
            raise ValueError(f"sweep:{name}: {what} is a probability, from 0 to 1, got {v:g}")
        if name.startswith("sigma") and not SIGMA_RANGE[0] <= v <= SIGMA_RANGE[1]:
            raise ValueError(f"sweep:{name}: {what} must be a standard deviation > 0 (from 1e-300 to 1e300), "
                             f"got {v:g}")
        if name.startswith("mu") and abs(v) > MAX_ABS_MU:
            raise ValueError(f"sweep:{name}: {what} must lie in [-1e300, 1e300], got {v:g}")


# ---------------------------------------------------------------------------------------------
# The states: one (P, Q) per frame


def check_frames(frames):
    if isinstance(frames, bool) or not isinstance(frames, (int, np.integer)):
        raise ValueError(f"frames must be a whole number from {MIN_FRAMES} to {MAX_FRAMES}, got {frames!r}")
    if not MIN_FRAMES <= int(frames) <= MAX_FRAMES:
        raise ValueError(f"frames must be from {MIN_FRAMES} to {MAX_FRAMES}, got {int(frames)}")
    return int(frames)


def check_fps(fps, fmt=None, name="fps"):
    """Frames per second as a float from MIN_FPS to MAX_FPS (a GIF: MAX_GIF_FPS); ValueError."""
    try:
        value = float(fps) if not isinstance(fps, bool) else math.nan
    except (TypeError, ValueError):
        value = math.nan
    if not MIN_FPS <= value <= MAX_FPS:  # (NaN fails too)
        raise ValueError(f"{name} must be from {MIN_FPS:g} to {MAX_FPS:g} frames per second, got {fps!r}")
    if fmt == "gif" and value > MAX_GIF_FPS:
        raise ValueError(f"{name}: a GIF plays at most {MAX_GIF_FPS:g} frames per second (its delays are "
                         f"hundredths of a second, and browsers slow shorter ones down), got {value:g}: use "
                         ".webp, .apng or .mp4 for more")
    return value


def animation_format(path):
    """"gif", "webp", "apng" or "mp4" from the file name's extension; ValueError otherwise."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext == ".png":
        raise ValueError("an animated PNG must end in .apng (a .png is a still image)")
    if ext not in ANIMATION_FORMATS:
        raise ValueError(f"cannot animate to {ext or 'a name with no extension'}: the file name must end in "
                         ".gif, .webp, .apng or .mp4")
    return ANIMATION_FORMATS[ext]


def _infer_view(p):
    return "continuous" if isinstance(p, (Normal, Mixture)) else "discrete"


def _discrete_pair(p, q, labels):
    P = p if isinstance(p, Categorical) else Categorical.from_weights(p, "P")
    Q = q if isinstance(q, Categorical) else Categorical.from_weights(q, "Q")
    check_same_kind(P, Q)
    labels = default_labels(len(P)) if labels is None else [str(s) for s in labels]
    if len(labels) != len(P):
        raise ValueError(f"expected {len(P)} labels (one per category), got {len(labels)}")
    return P, Q, labels


def _continuous_pair(p, q):
    for name, d in (("P", p), ("Q", q)):
        if not isinstance(d, (Normal, Mixture)):
            raise ValueError(f"{name}: the continuous view needs a Normal or a Mixture, got {type(d).__name__}")
        check_range(d, name)
    return p, q


def _category(spec, labels):
    """The 0-based position of the swept category: its label if one matches, else a number from 1."""
    text = spec.category
    if text in labels:
        return labels.index(text)
    n = len(labels)
    if re.fullmatch(r"[+-]?\d+", text):
        k = int(text)
        if 1 <= k <= n:
            return k - 1
        raise ValueError(f"sweep:{spec.param}:{text}: categories are numbered from 1 to {n} (the first bar is "
                         f"{spec.param}:1), or give a label")
    shown = ", ".join(labels[:6]) + (", …" if n > 6 else "")
    raise ValueError(f"sweep:{spec.param}:{text}: no category is labelled {text!r} (labels: {shown}; or give a "
                     f"number from 1 to {n})")


def category_key(labels, i):
    """Text that names category i (0-based) in a sweep:p:I / sweep:q:I SPEC: its label when that
    label is its own (not another's, not a number), else its number from 1."""
    labels = [str(s) for s in labels]
    if not 0 <= i < len(labels):
        raise ValueError(f"category {i + 1} does not exist (there are {len(labels)})")
    label = labels[i]
    if labels.index(label) == i and ":" not in label and label == label.strip() and label \
            and not re.fullmatch(r"[+-]?\d+", label):
        return label
    for number in (str(i + 1), f"+{i + 1}", f"+0{i + 1}"):
        if number not in labels:
            return number
    raise ValueError(f"category {i + 1} cannot be named: its label and number are other categories' labels")


def _parameter(dist, field):
    """mu or sigma of a Normal, or of a mixture's first component (the one a sweep moves)."""
    if isinstance(dist, Mixture):
        dist = dist.components[0]
    return float(dist.mu if field == "mu" else dist.sigma)


def sweep_defaults(param, p, q, index=None):
    """(FROM, TO) a sweep of `param` starts from: the swept value now, and the other
    distribution's (so the sweep shows P and Q meeting); when they are equal, a step away.
    param: mu_q, sigma_q, mu_p, sigma_p (p, q: Normals or Mixtures), or p / q with `index` (p, q:
    probabilities)."""
    if param in ("p", "q"):
        mine, other = (p, q) if param == "p" else (q, p)
        start, stop = float(mine[index]), float(other[index])
        if abs(start - stop) < 1e-3:
            stop = 0.9 if start < 0.5 else 0.1
        return start, stop
    field, which = param.split("_")
    mine, other = (p, q) if which == "p" else (q, p)
    start, stop = _parameter(mine, field), _parameter(other, field)
    if field == "mu" and abs(start - stop) < 1e-9 * max(1.0, abs(start)):
        stop = start + 2.0 * _parameter(mine, "sigma")
    if field == "sigma" and abs(start - stop) < 1e-9 * start:
        stop = 2.0 * start
    return start, stop


def video_unavailable():
    """None when .mp4 can be written (the `video` extra works), else the sentence saying why (a
    klviz.i18n.Phrase: English as a str, translatable by the gui)."""
    try:
        ffmpeg_exe()
    except VideoUnavailable as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return None


def _moved(dist, field, value):
    """`dist` with its mu or sigma (a mixture: its first component's) set to `value`."""
    if isinstance(dist, Normal):
        return Normal(value, dist.sigma) if field == "mu" else Normal(dist.mu, value)
    first, second = dist.components
    first = Normal(value, first.sigma) if field == "mu" else Normal(first.mu, value)
    return Mixture(dist.weight, (first, second))


def _fit(spec, P, Q):
    from klviz.core import gaussian

    if spec.kind == "fit-forward":
        return gaussian.fit_forward_kl(P, Q)
    if spec.kind == "fit-reverse":
        return gaussian.fit_reverse_kl_nearest_mode(P, Q)  # as the app's reverse fit
    from klviz.core.alpha import fit_alpha

    return fit_alpha(P, Q, spec.alpha)


@dataclass(frozen=True)
class AnimationStates:
    """What an animation shows: its view, the (P, Q) of every frame, the category labels (discrete
    view; else None) and notes worth telling the user (plain sentences)."""

    view: str
    states: tuple
    labels: tuple | None
    notes: tuple


def animation_states(spec, p, q, frames=DEFAULT_FRAMES, labels=None, view=None):
    """The `AnimationStates` of `spec` (a SPEC string or an `AnimationSpec`): `frames` (P, Q) pairs
    from the start to the end. ValueError for a SPEC that does not fit the view or the pair.

    p, q: `Categorical`s or weights (discrete view; labels default to A, B, C, ...) or `Normal`s /
    `Mixture`s (continuous view); view: "discrete" or "continuous" (default: from p's type)."""
    if isinstance(spec, str):
        spec = parse_animation(spec)
    frames = check_frames(frames)
    view = _infer_view(p) if view is None else view
    if view not in ("discrete", "continuous"):
        raise ValueError(f"unknown view {view!r} (discrete or continuous)")
    name = spec.kind if spec.kind != "sweep" else f"sweep:{spec.param}"
    if spec.view != view:
        need = "normal: or mixture:" if spec.view == "continuous" else "weights, bernoulli: or softmax:"
        raise ValueError(f"{name} animates the {spec.view} view ({need} P and Q), not the {view} one")
    notes = []
    if view == "discrete":
        P, Q, labels = _discrete_pair(p, q, labels)
        if len(labels) < 2:
            raise ValueError(f"sweep:{spec.param} needs at least two categories: a single category's "
                             "probability is always 1")
        i = _category(spec, labels)
        from klviz.session import set_probability

        base = (P if spec.param == "p" else Q).probs
        other = Q if spec.param == "p" else P
        states = []
        for v in np.linspace(spec.start, spec.stop, frames):
            moved = Categorical.from_weights(set_probability(base, i, float(v)), spec.param.upper())
            states.append((moved, other) if spec.param == "p" else (other, moved))
        return AnimationStates(view, tuple(states), tuple(labels), ())
    P, Q = _continuous_pair(p, q)
    if spec.kind == "sweep":
        field, which = spec.param.split("_")
        states = []
        for v in np.linspace(spec.start, spec.stop, frames):
            if which == "p":
                states.append((check_range(_moved(P, field, float(v)), "P"), Q))
            else:
                states.append((P, check_range(_moved(Q, field, float(v)), "Q")))
        return AnimationStates(view, tuple(states), None, ())
    from klviz.core.gaussian import moment_match, resample_path

    start = moment_match(Q)
    if isinstance(Q, Mixture):
        notes.append("Q is a mixture: the fit starts from its moment-matched Normal "
                     f"N({start.mu:.4g}, {start.sigma:.4g}²)")
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            result = _fit(spec, P, start)
            path = resample_path(result.path, frames)
    except ArithmeticError:
        raise ValueError(f"cannot animate {name} for this pair: its arithmetic leaves the range of "
                         "floating-point numbers") from None
    if not result.converged:
        notes.append(f"the {spec.kind[4:]} fit stopped at its step limit before converging: the last "
                     "frame is where it stopped")
    extra = getattr(result, "notes", "")
    if extra:
        notes.append(extra)
    if all(n == path[0] for n in path):
        notes.append("Q is already at the optimum: every frame is the same")
    return AnimationStates(view, tuple((P, n) for n in path), None, tuple(notes))


def ffmpeg_exe():
    """The ffmpeg program of the `video` extra (imageio-ffmpeg), or VideoUnavailable naming it."""
    try:
        import imageio_ffmpeg
    except ImportError:
        raise VideoUnavailable(Phrase(QT_TRANSLATE_NOOP(
            "klviz", "writing .mp4 needs the optional video extra (imageio-ffmpeg): {extra}"), extra=VIDEO_EXTRA)) from None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception as exc:  # RuntimeError when its bundled ffmpeg is missing
        raise VideoUnavailable(Phrase(QT_TRANSLATE_NOOP(
            "klviz", "writing .mp4 needs ffmpeg, which imageio-ffmpeg cannot find ({reason}); reinstall the video extra: {extra}"),
            reason=str(exc), extra=VIDEO_EXTRA)) from None
