"""`klviz export`: one view as a PNG, SVG or PDF figure, headless (no display, no Qt).

    klviz export (--session FILE | --p SPEC --q SPEC) --view discrete|continuous
                 --out FILE.{png,svg,pdf} [--dpi N] [--size WxH] [--unit U]
                 [--parts LIST] [--title TEXT] [--no-readout]

Every argument is checked before matplotlib is even imported, so a mistake costs no start-up
time; any bad input ends in one `klviz: error: ...` line and exit status 2 (see `klviz.cli.common`).
"""

from __future__ import annotations

import math
import os
import re
import sys
import warnings

from klviz.cli.common import PROG, UsageError, _Parser, join_option_values, parse_pair, read_session

VIEWS = ("discrete", "continuous")
EXTENSIONS = (".png", ".svg", ".pdf")
DEFAULT_DPI = 300
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
        "normal:MU,SIGMA | mixture:W,MU1,SIGMA1,MU2,SIGMA2. Discrete SPECs go with --view discrete, "
        "normal:/mixture: with --view continuous. Parts: discrete bars,decomposition,pointwise; "
        "continuous densities,integrands.",
    )
    p.add_argument("--session", metavar="FILE", help="a klviz session file to draw")
    p.add_argument("--p", metavar="SPEC", help="the distribution P (instead of --session)")
    p.add_argument("--q", metavar="SPEC", help="the distribution Q (instead of --session)")
    p.add_argument("--view", required=True, choices=VIEWS, help="which view to draw")
    p.add_argument("--out", required=True, metavar="FILE", help="output file: .png, .svg or .pdf")
    p.add_argument("--dpi", default=str(DEFAULT_DPI), metavar="N",
                   help=f"pixels per inch of a PNG (default {DEFAULT_DPI}, at most {MAX_DPI})")
    p.add_argument("--size", metavar="WxH", help="figure size in inches, e.g. 10x7 (default: fits the view)")
    p.add_argument("--unit", choices=UNITS, help="unit of the measures (default: the session's, else nats)")
    p.add_argument("--parts", metavar="LIST", help="comma-separated charts to include (default: all)")
    p.add_argument("--title", metavar="TEXT", help="a title above the figure")
    p.add_argument("--no-readout", action="store_true", help="leave out the column of measures")
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


def check_output(path):
    """The --out path: a known extension, in an existing writable folder, not a folder itself."""
    from klviz.fileio import shown_path

    if not path.strip():
        raise UsageError("--out is empty: give a file name ending in .png, .svg or .pdf")
    if "\x00" in path:
        raise UsageError("--out contains a NUL character, which no file name may hold")
    ext = os.path.splitext(path)[1].lower()
    if ext not in EXTENSIONS:
        got = f"'{shown_path(ext)}'" if ext else "no extension"
        raise UsageError(f"--out must end in .png, .svg or .pdf (got {got})")
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
        if args.view == "discrete":
            d = session.discrete
            return d.p, d.q, list(d.labels), unit
        return session.continuous_p, session.continuous_q, None, unit
    if args.p is None or args.q is None:
        raise UsageError(f"{'--q' if args.q is None else '--p'} is missing: give both --p and --q")
    try:
        P, Q = parse_pair(args.p, args.q)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    from klviz.core.spec import is_discrete

    kind = "discrete" if is_discrete(P) else "continuous"
    if kind != args.view:
        hint = "weights, bernoulli: or softmax:" if args.view == "discrete" else "normal: or mixture:"
        raise UsageError(f"--view {args.view} needs {args.view} P and Q ({hint}); these are {kind}")
    return P, Q, None, args.unit or "nats"


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
            if args.view == "discrete":
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


def _export(argv):
    args = _parser().parse_args(
        join_option_values(argv, ("--p", "--q", "--session", "--out", "--title", "--size", "--dpi"))
    )
    check_output(args.out)
    dpi = parse_dpi(args.dpi)
    size = parse_size(args.size) if args.size is not None else None
    parts = None
    if args.parts is not None:
        parts = tuple(s.strip() for s in args.parts.split(",") if s.strip())
        if not parts:
            raise UsageError("--parts is empty: give a comma-separated list of charts")
    P, Q, labels, unit = _source(args)

    # Only now pay for matplotlib.
    restore = _skip_artist_docstrings()
    try:
        from klviz import figures
    finally:
        restore()

    kw = dict(unit=unit, title=args.title, size=size, readout=not args.no_readout)
    if parts is not None:
        kw["parts"] = parts
    _draw_and_save(figures, args, P, Q, labels, kw, dpi)
    # Notes only once the export worked: a failed export prints its one error line and nothing else.
    for name, dist in (("P", P), ("Q", Q)):
        if getattr(dist, "normalised", False):
            print(f"{PROG}: note: the weights of {name} did not sum to 1 and were normalised", file=sys.stderr)
    return 0
