"""`klviz export`: one view as a PNG, SVG or PDF figure, or an animation of it, headless (no
display, no Qt).

    klviz export (--session FILE | --p SPEC --q SPEC) --view discrete|continuous|coding
                 --out FILE.{png,svg,pdf} [--dpi N] [--size WxH] [--unit U]
                 [--parts LIST] [--title TEXT] [--no-readout]
    klviz export --joint SPEC --view joint --out FILE.{png,svg,pdf} [same options]
    klviz export ... --animate SPEC --out FILE.{gif,webp,apng,mp4} [--frames N] [--fps F]

Every argument is checked before matplotlib is even imported, so a mistake costs no start-up
time; any bad input ends in one `klviz: error: ...` line and exit status 2 (see `klviz.cli.common`).
"""

from __future__ import annotations

import math
import os
import re
import sys
import warnings

from klviz.cli.common import PROG, UsageError, _Parser, join_option_values, parse_pair, read_data_pair, read_session

VIEWS = ("discrete", "continuous", "coding", "joint")
EXTENSIONS = (".png", ".svg", ".pdf")
ANIMATION_EXTENSIONS = (".gif", ".webp", ".apng", ".mp4")
DEFAULT_DPI = 300
DEFAULT_ANIMATION_DPI = 100  # klviz.animation.DEFAULT_DPI (not imported: this module stays light)
MAX_DPI = 2400
MAX_INCHES = 100.0
_SIZE = re.compile(r"^\s*([^xX×]+?)\s*[xX×]\s*([^xX×]+?)\s*$")


def _parser():
    from klviz.core.units import UNITS

    p = _Parser(
        prog=f"{PROG} export",
        allow_abbrev=False,
        description="Export a view of P and Q as a publication-quality figure (PNG, SVG or PDF), "
        "drawn with matplotlib; works with no display.",
        epilog="SPEC: 0.1,0.2,0.7 (weights, normalised) | bernoulli:THETA | softmax:Z1,Z2,... | "
        "normal:MU,SIGMA | mixture:W,MU1,SIGMA1,MU2,SIGMA2. Discrete SPECs go with --view discrete "
        "or coding, normal:/mixture: with --view continuous. Joint SPEC (--joint, with --view joint): rows "
        "0.1,0.2;0.3,0.4 (rows X, columns Y) | @FILE (a CSV matrix, optional header row and label column). "
        "Parts: discrete bars,decomposition,pointwise; continuous densities,integrands,alpha_fit (the α-fit inset: fitted μ and σ against α); coding "
        "ideal_p,ideal_q,shannon,huffman,kl (the coding view: columns of width pᵢ whose heights are code "
        "lengths, always in bits); joint joint,product,terms,diagram. "
        "Animations (--animate, for slides): fit-forward (Q moves to argmin D(P‖Q), moment matching) | "
        "fit-reverse (Q moves to the mode of P nearest it, as the app's reverse fit) | fit-alpha:A "
        "(Q moves to argmin of the α-divergence D⁽ᵅ⁾(P‖Q) at α = A) -- fits need --view continuous, and a "
        "mixture Q starts from its moment-matched Normal -- | sweep:PARAM:FROM:TO, PARAM mu_q, "
        "sigma_q, mu_p, sigma_p (--view continuous; a mixture's first component moves) or p:I, q:I "
        "(--view discrete: the probability of category I, its label or its number counted from 1, "
        "e.g. sweep:q:1:0.05:0.9; the other probabilities rescale as when a bar is dragged). Every "
        "frame is the still export of its state, with axes fixed over the whole animation. "
        ".mp4 needs the video extra: pip install 'klviz[video]'.",
    )
    p.add_argument("--session", metavar="FILE", help="a klviz session file to draw")
    p.add_argument("--p", metavar="SPEC", help="the distribution P (instead of --session)")
    p.add_argument("--q", metavar="SPEC", help="the distribution Q (instead of --session)")
    p.add_argument("--joint", metavar="SPEC", help="a joint distribution P(X,Y) to draw with --view joint")
    p.add_argument("--view", required=True, choices=VIEWS, help="which view to draw")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="output file: .png, .svg or .pdf; with --animate .gif, .webp, .apng or .mp4")
    p.add_argument("--dpi", metavar="N",
                   help=f"pixels per inch of a PNG (default {DEFAULT_DPI}, at most {MAX_DPI}) or of an "
                        f"animation's frames (default {DEFAULT_ANIMATION_DPI})")
    p.add_argument("--size", metavar="WxH", help="figure size in inches, e.g. 10x7 (default: fits the view)")
    p.add_argument("--unit", choices=UNITS, help="unit of the measures (default: the session's, else nats)")
    p.add_argument("--parts", metavar="LIST", help="comma-separated charts to include (default: all)")
    p.add_argument("--title", metavar="TEXT", help="a title above the figure")
    p.add_argument("--no-readout", action="store_true", help="leave out the column of measures")
    p.add_argument("--animate", metavar="SPEC",
                   help="write an animation instead of a still: fit-forward, fit-reverse, fit-alpha:A or "
                        "sweep:PARAM:FROM:TO (see below)")
    p.add_argument("--frames", metavar="N", help="frames of the animation (default 60, from 2 to 600)")
    p.add_argument("--fps", metavar="F",
                   help="frames per second of the animation (default 20, from 0.1 to 60; a GIF at most 50)")
    return p


def _one_line(text):
    return " ".join(str(text).split())


def parse_dpi(text):
    try:
        dpi = int(text.strip())
    except ValueError:
        raise UsageError(f"--dpi must be a whole number of pixels per inch, got {text!r}") from None
    if not 1 <= dpi <= MAX_DPI:
        raise UsageError(f"--dpi must be between 1 and {MAX_DPI}, got {dpi}")
    return dpi


def parse_size(text):
    """'WxH' in inches -> (w, h): positive, finite, at most MAX_INCHES."""
    match = _SIZE.match(text)
    if not match:
        raise UsageError(f"--size must be WIDTHxHEIGHT in inches, like 10x7, got {text!r}")
    try:
        w, h = float(match.group(1)), float(match.group(2))
    except ValueError:
        raise UsageError(f"--size must be WIDTHxHEIGHT in inches, like 10x7, got {text!r}") from None
    for name, v in (("width", w), ("height", h)):
        if not math.isfinite(v) or v <= 0:
            raise UsageError(f"--size: the {name} must be a positive number of inches, got {text!r}")
        if v > MAX_INCHES:
            raise UsageError(f"--size: the {name} must be at most {MAX_INCHES:g} inches, got {text!r}")
    return w, h


def check_output(path, animate=False):
    """The --out path: a known extension (a still's, or an animation's with --animate), in an
    existing writable folder, not a folder itself."""
    from klviz.fileio import shown_path

    wanted = ".gif, .webp, .apng or .mp4" if animate else ".png, .svg or .pdf"
    if not path.strip():
        raise UsageError(f"--out is empty: give a file name ending in {wanted}")
    if "\x00" in path:
        raise UsageError("--out contains a NUL character, which no file name may hold")
    ext = os.path.splitext(path)[1].lower()
    got = f"'{shown_path(ext)}'" if ext else "no extension"
    if animate and ext == ".png":
        raise UsageError("--animate writes an animation, and a .png is a still image: end --out in .apng "
                         "for an animated PNG (or .gif, .webp, .mp4)")
    if animate and ext in EXTENSIONS:
        raise UsageError(f"--animate writes an animation: --out must end in {wanted}, not {got}")
    if not animate and ext in ANIMATION_EXTENSIONS:
        raise UsageError(f"--out {got} is an animation format: give --animate SPEC for an animation, or end "
                         "--out in .png, .svg or .pdf for a still")
    if ext not in (ANIMATION_EXTENSIONS if animate else EXTENSIONS):
        also = "" if animate else " (with --animate: .gif, .webp, .apng or .mp4)"
        raise UsageError(f"--out must end in {wanted} (got {got}){also}")
    folder = os.path.dirname(os.path.abspath(path))
    shown, shown_folder = shown_path(path), shown_path(folder)
    if os.path.isdir(path):
        raise UsageError(f"cannot write {shown}: it is a directory")
    if not os.path.exists(folder):
        raise UsageError(f"cannot write {shown}: the folder {shown_folder} does not exist")
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {shown}: {shown_folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write {shown}: permission denied (folder {shown_folder})")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise UsageError(f"cannot write {shown}: the file is read-only")
    return ext[1:]


def _joint_source(args):
    """The Joint to draw with --view joint (from --joint SPEC), checked against the other options."""
    from klviz.cli.compute import read_joint

    if args.view != "joint":
        raise UsageError(f"--joint SPEC is drawn with --view joint, not --view {args.view}")
    if args.session is not None or args.p is not None or args.q is not None:
        given = "--session" if args.session is not None else "--p/--q"
        raise UsageError(f"--view joint draws --joint SPEC; {given} is for the discrete and continuous views")
    if args.animate is not None:
        raise UsageError("--animate animates the discrete and continuous views; --view joint is a still")
    return read_joint(args.joint)


def _source(args):
    """(P, Q, labels, unit) of the requested view, from the session or from --p/--q."""
    has_pq = args.p is not None or args.q is not None
    if args.session is not None and has_pq:
        raise UsageError("give either --session or --p and --q, not both")
    if args.session is None and not has_pq:
        raise UsageError("nothing to draw: give --session FILE, or both --p SPEC and --q SPEC")
    if args.session is not None:
        session = read_session(args.session)
        unit = args.unit or session.unit
        if args.view in ("discrete", "coding"):
            d = session.discrete
            return d.p, d.q, list(d.labels), unit
        return session.continuous_p, session.continuous_q, None, unit
    if args.p is None or args.q is None:
        raise UsageError(f"{'--q' if args.q is None else '--p'} is missing: give both --p and --q")
    labels = None
    try:
        if args.view == "coding":
            P, Q, labels = _coding_pair(args.p, args.q)
        else:
            P, Q = parse_pair(args.p, args.q)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    from klviz.core.spec import is_discrete

    kind = "discrete" if is_discrete(P) else "continuous"
    wanted = "continuous" if args.view == "continuous" else "discrete"
    if kind != wanted:
        hint = "normal: or mixture:" if wanted == "continuous" else "weights, bernoulli: or softmax:"
        raise UsageError(f"--view {args.view} needs {wanted} P and Q ({hint}); these are {kind}")
    return P, Q, labels, args.unit or "nats"


def _coding_pair(p_text, q_text):
    """(P, Q, labels) for the coding view: a data pair keeps its labels (aligned over both files,
    or the histogram's bins), as `klviz compute` shows them."""
    from klviz.core.datafile import is_data_spec

    if not (is_data_spec(p_text) or is_data_spec(q_text)):
        P, Q = parse_pair(p_text, q_text)
        return P, Q, None
    from klviz.core.datapair import bin_labels

    data = read_data_pair(p_text, q_text)
    labels = data.labels if data.labels is not None else (
        bin_labels(data.bin_edges) if data.bin_edges is not None else None)
    return data.p, data.q, None if labels is None else list(labels)


def _export_joint(args, joint, dpi, size, parts):
    from klviz.cli.compute import joint_note
    from klviz.fileio import error_reason, shown_path

    restore = _skip_artist_docstrings()
    try:
        from klviz import figures
    finally:
        restore()
    kw = dict(unit=args.unit or "nats", title=args.title, size=size, readout=not args.no_readout)
    if parts is not None:
        kw["parts"] = parts
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            fig = figures.joint_figure(joint, **kw)
            figures.save_figure(fig, args.out, dpi=dpi)
    except OSError as exc:
        raise UsageError(f"cannot write {shown_path(args.out)}: {error_reason(exc)}") from None
    except ValueError as exc:
        raise UsageError(_one_line(exc)) from None
    except Exception as exc:  # a bug, still told in one line rather than a traceback
        raise UsageError(f"cannot draw the figure (internal error {type(exc).__name__}: {_one_line(exc)})") from None
    if joint_note(joint):
        print(f"{PROG}: note: {joint_note(joint)}", file=sys.stderr)
    return 0


def cmd_export(argv):
    try:
        return _export(argv)
    except UsageError as exc:
        raise UsageError(_one_line(exc)) from None  # always one line, whatever a path holds


def _skip_artist_docstrings():
    """Let matplotlib's figure modules import without composing every Artist's set() docstring.

    matplotlib writes each Artist subclass's set() docstring (a table of all its properties) as
    the class is created, about 0.15 s of its 0.75 s import here. A one-shot export never shows
    a docstring, and the figures are unaffected. Returns the function that puts matplotlib back:
    classes created after it (and every class when the library API imports matplotlib) keep
    their full docstrings.
    """
    import matplotlib.artist

    original = getattr(matplotlib.artist, "kwdoc", None)
    if not callable(original):
        return lambda: None
    matplotlib.artist.kwdoc = lambda artist: ""

    def restore():
        matplotlib.artist.kwdoc = original

    return restore


def _draw_and_save(figures, args, P, Q, labels, kw, dpi):
    """Draw and write the figure; whatever goes wrong becomes one UsageError line.

    Warnings (numpy's overflow notes on extreme parameters, matplotlib's layout notes) are kept
    off stderr: the figure code checks what it draws itself and says in a sentence when a chart
    cannot be drawn, so a successful export prints nothing and a failed one prints one line.
    """
    from klviz.fileio import error_reason, shown_path

    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            if args.view == "coding":
                fig = figures.coding_figure(P, Q, labels=labels, **kw)
            elif args.view == "discrete":
                fig = figures.discrete_figure(P, Q, labels=labels, **kw)
            else:
                fig = figures.continuous_figure(P, Q, **kw)
            figures.save_figure(fig, args.out, dpi=dpi)
    except OSError as exc:
        raise UsageError(f"cannot write {shown_path(args.out)}: {error_reason(exc)}") from None
    except ValueError as exc:
        raise UsageError(_one_line(exc)) from None
    except ArithmeticError as exc:  # OverflowError, ZeroDivisionError: a value beyond float range
        raise UsageError(f"cannot draw this pair: a value is beyond the range of floating-point numbers "
                         f"({type(exc).__name__}: {_one_line(exc)})") from None
    except Exception as exc:  # a bug, still told in one line rather than a traceback
        raise UsageError(f"cannot draw the figure (internal error {type(exc).__name__}: {_one_line(exc)})") from None


def parse_frames(text):
    from klviz.animation import MAX_FRAMES, MIN_FRAMES

    try:
        frames = int(text.strip())
    except ValueError:
        raise UsageError(f"--frames must be a whole number of frames, got {text!r}") from None
    if not MIN_FRAMES <= frames <= MAX_FRAMES:
        raise UsageError(f"--frames must be from {MIN_FRAMES} to {MAX_FRAMES}, got {frames}")
    return frames


def parse_fps(text, fmt):
    from klviz.animation import check_fps

    try:
        value = float(text.strip())
    except ValueError:
        raise UsageError(f"--fps must be a number of frames per second, got {text!r}") from None
    try:
        return check_fps(value, fmt, "--fps")
    except ValueError as exc:
        raise UsageError(str(exc).replace(repr(value), text.strip())) from None


def _check_animation(args, P, Q, labels):
    """Everything about --animate that can be checked without matplotlib: (fmt, frames, fps, states)."""
    from klviz import animation

    fmt = animation.animation_format(args.out)
    frames = parse_frames(args.frames) if args.frames is not None else animation.DEFAULT_FRAMES
    fps = parse_fps(args.fps, fmt) if args.fps is not None else animation.DEFAULT_FPS
    try:
        spec = animation.parse_animation(args.animate)
    except ValueError as exc:
        raise UsageError(f"--animate: {_one_line(exc)}") from None
    if spec.view != args.view:
        raise UsageError(f"--animate {spec.kind if spec.kind != 'sweep' else 'sweep:' + spec.param} animates the "
                         f"{spec.view} view: use --view {spec.view}")
    if fmt == "mp4":
        try:
            animation.ffmpeg_exe()
        except animation.VideoUnavailable as exc:
            raise UsageError(_one_line(exc)) from None
    try:
        with warnings.catch_warnings(record=True), _np_quiet():
            warnings.simplefilter("always")
            states = animation.animation_states(spec, P, Q, frames, labels, args.view)
    except ValueError as exc:
        raise UsageError(f"--animate: {_one_line(exc)}") from None
    except ArithmeticError as exc:
        raise UsageError(f"--animate: a value is beyond the range of floating-point numbers "
                         f"({type(exc).__name__}: {_one_line(exc)})") from None
    except Exception as exc:  # a bug in a fit, still told in one line rather than a traceback
        raise UsageError(f"--animate: cannot compute the animation (internal error {type(exc).__name__}: "
                         f"{_one_line(exc)})") from None
    return fmt, fps, states


def _np_quiet():
    import numpy as np

    return np.errstate(all="ignore")


def _animate(args, P, Q, labels, unit, dpi, size, parts):
    fmt, fps, planned = _check_animation(args, P, Q, labels)
    restore = _skip_artist_docstrings()
    try:
        from klviz.figures import animate as anim_module
    finally:
        restore()
    from klviz.fileio import error_reason, shown_path

    kw = dict(unit=unit, title=args.title, readout=not args.no_readout)
    if parts is not None:
        kw["parts"] = parts
    try:
        with warnings.catch_warnings(record=True), _np_quiet():
            warnings.simplefilter("always")
            anim = anim_module.Animation(planned, anim_module.check_dpi(dpi), size, kw)
            anim.check_first()
            anim_module.write_animation(args.out, anim, fmt, fps)
    except OSError as exc:
        raise UsageError(f"cannot write {shown_path(args.out)}: {error_reason(exc)}") from None
    except ValueError as exc:
        raise UsageError(_one_line(exc)) from None
    except ArithmeticError as exc:
        raise UsageError(f"cannot draw this pair: a value is beyond the range of floating-point numbers "
                         f"({type(exc).__name__}: {_one_line(exc)})") from None
    except Exception as exc:  # a bug, still told in one line rather than a traceback
        raise UsageError(f"cannot draw the animation (internal error {type(exc).__name__}: {_one_line(exc)})") \
            from None
    _print_notes(P, Q, planned.notes)
    return 0


def _print_notes(P, Q, notes=()):
    """Notes only once the export worked: a failed export prints its one error line and nothing else."""
    for name, dist in (("P", P), ("Q", Q)):
        if getattr(dist, "normalised", False):
            print(f"{PROG}: note: the weights of {name} did not sum to 1 and were normalised", file=sys.stderr)
    for note in notes:
        print(f"{PROG}: note: {_one_line(note)}", file=sys.stderr)


def _export(argv):
    args = _parser().parse_args(
        join_option_values(argv, ("--p", "--q", "--joint", "--session", "--out", "--title", "--size", "--dpi", "--animate",
                                  "--frames", "--fps"))
    )
    animate = args.animate is not None
    if not animate:
        for name, value in (("--frames", args.frames), ("--fps", args.fps)):
            if value is not None:
                raise UsageError(f"{name} goes with --animate SPEC (an animation); a still has no frames")
    check_output(args.out, animate)
    dpi = parse_dpi(args.dpi if args.dpi is not None else str(DEFAULT_ANIMATION_DPI if animate else DEFAULT_DPI))
    size = parse_size(args.size) if args.size is not None else None
    parts = None
    if args.parts is not None:
        parts = tuple(s.strip() for s in args.parts.split(",") if s.strip())
        if not parts:
            raise UsageError("--parts is empty: give a comma-separated list of charts")
    if args.joint is not None or args.view == "joint":
        if args.joint is None:
            raise UsageError("--view joint needs --joint SPEC (rows like 0.1,0.2;0.3,0.4, or @FILE.csv)")
        return _export_joint(args, _joint_source(args), dpi, size, parts)
    if args.view == "coding":
        if animate:
            raise UsageError("--animate animates the discrete or continuous view; --view coding exports a still")
        if args.unit is not None and args.unit != "bits":
            raise UsageError(f"--view coding is always in bits (code lengths), so --unit {args.unit} does not apply")
    P, Q, labels, unit = _source(args)
    if animate:
        return _animate(args, P, Q, labels, unit, dpi, size, parts)

    # Only now pay for matplotlib.
    restore = _skip_artist_docstrings()
    try:
        from klviz import figures
    finally:
        restore()

    kw = dict(title=args.title, size=size, readout=not args.no_readout)
    if args.view != "coding":
        kw["unit"] = unit
    if parts is not None:
        kw["parts"] = parts
    _draw_and_save(figures, args, P, Q, labels, kw, dpi)
    _print_notes(P, Q)
    return 0
