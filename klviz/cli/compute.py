"""`klviz compute`: every measure of a pair P, Q, or of a joint P(X, Y), as a table or as one JSON
object. Qt-free.

    klviz compute --p SPEC --q SPEC [--unit U] [--json | --latex]
                  [--bins N|fd] [--pseudocount C] [--alpha A] [--code] [--fit forward|reverse|alpha:A]
    klviz compute --joint SPEC [--unit U] [--json | --latex]

Every option value is checked before anything is computed (and before any file is read), and
every failure is one `klviz: error:` line with exit status 2 (`klviz.cli.common`). Notes about the
data (bins, alignment, pseudocount, sampling bias) are part of the output: lines of the table, or
the `notes` list of the JSON object; stderr carries only the error line, or the existing note that
inline weights were normalised.
"""

from __future__ import annotations

import json
import math
import re
import sys
import warnings

from klviz.cli.common import PROG, UsageError, _Parser, join_option_values, parse_pair, read_data_pair
from klviz.scene.report import (  # noqa: F401 (the report is worded in the scene layer; its entry points)
    CODE_KEYS, add_codes, add_data, add_divergences,
    compute_result, fit_normal, render_joint_table, render_table,
)

SPEC_HELP = ("SPEC: 0.1,0.2,0.7 (weights, normalised) | bernoulli:THETA | softmax:Z1,Z2,... | "
             "normal:MU,SIGMA | mixture:W,MU1,SIGMA1,MU2,SIGMA2 (W weighs the first component) | "
             "@FILE (weights: one column, or label,weight) | softmax@FILE (logits) | samples@FILE "
             "(one sample per line: numbers become a histogram on shared bins, other text categories). "
             "Joint SPEC: rows 0.1,0.2;0.3,0.4 (rows X, columns Y) | @FILE (a CSV matrix, optional "
             "header row and label column).")
VALUE_OPTIONS = ("--p", "--q", "--joint", "--unit", "--bins", "--pseudocount", "--alpha", "--fit")
PAIR_ONLY = ("--bins", "--pseudocount", "--alpha", "--code", "--fit")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INFINITY = ("inf", "+inf", "infinity", "+infinity", "∞", "+∞")


def _compute_parser():
    from klviz.core.datapair import MAX_BINS
    from klviz.core.units import UNITS

    p = _Parser(
        prog=f"{PROG} compute",
        description="Entropy, cross-entropy, KL (both ways), Jensen-Shannon, total variation, "
        "Hellinger and chi-squared of a pair P, Q (Renyi with --alpha, code lengths with --code, "
        "a Normal fit with --fit); or the entropies and mutual information of a joint P(X,Y).",
        epilog=SPEC_HELP,
    )
    p.add_argument("--p", metavar="SPEC", help="the distribution P")
    p.add_argument("--q", metavar="SPEC", help="the distribution Q")
    p.add_argument("--joint", metavar="SPEC", help="a joint distribution P(X,Y), instead of --p/--q")
    p.add_argument("--unit", default="nats", choices=UNITS, help="unit of the results (default nats)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--latex", action="store_true",
                   help="print the measures as a LaTeX tabular (needs amsmath) instead of a table; not with --json")
    p.add_argument("--bins", metavar="N|fd",
                   help=f"histogram bins for numeric samples@FILE pairs, shared by P and Q: N equal-width "
                   f"bins (1 to {MAX_BINS:,}) over the pooled range, or fd (Freedman-Diaconis, the default)")
    p.add_argument("--pseudocount", metavar="C",
                   help="add C >= 0 to every count or weight of P and Q before normalising")
    p.add_argument("--alpha", metavar="A",
                   help="also the Renyi divergences of order A (A > 0, or inf), in the chosen unit")
    p.add_argument("--code", action="store_true",
                   help="also the expected lengths of Shannon and Huffman codes, in bits (discrete pairs)")
    p.add_argument("--fit", metavar="forward|reverse|alpha:A",
                   help="fit a Normal to a continuous P by descent from Q (a Normal): minimise D(P‖Q) "
                   "(moment matching), D(Q‖P) (plain descent: a local optimum), or Amari's α-divergence D⁽ᵅ⁾(P‖Q) at α = A")
    return p


# --------------------------------------------------------------------------------------------
# Option values


def _number(text, option):
    """A float from an option's text: plain ASCII decimals, `inf`; never NaN, never an overflow."""
    s = text.strip()
    low = s.lower()
    if low in ("nan", "+nan", "-nan"):
        raise UsageError(f"{option} must be a number, not NaN")
    if low in _INFINITY:
        return math.inf
    if low in ("-inf", "-infinity", "-∞"):
        return -math.inf
    if not _DECIMAL.fullmatch(s):
        raise UsageError(f"{option}: {text!r} is not a number")
    value = float(s)
    if math.isinf(value):
        raise UsageError(f"{option}: {s} is too large for a float")
    return value


def parse_alpha(text):
    """--alpha: a Rényi order 0 < A <= inf."""
    value = _number(text, "--alpha")
    if not value > 0:
        shown = f"{text.strip()!r}, which is 0 as a float" if value == 0 and _nonzero(text) else repr(text.strip())
        raise UsageError(f"--alpha must be > 0 (a Rényi order 0 < α ≤ inf), got {shown}")
    return value


def _nonzero(text):
    return any(c in "123456789" for c in text.lower().split("e")[0])


def parse_pseudocount(text):
    """--pseudocount: a finite C >= 0."""
    value = _number(text, "--pseudocount")
    if math.isinf(value):
        raise UsageError(f"--pseudocount must be a finite number ≥ 0, got {text.strip()!r}")
    if value < 0:
        raise UsageError(f"--pseudocount must be ≥ 0 (it is added to counts), got {text.strip()!r}")
    return value + 0.0  # -0.0 -> 0.0


def parse_bins(text):
    """--bins: "fd" or a whole number of bins from 1 to MAX_BINS."""
    from klviz.core.datapair import MAX_BINS

    s = text.strip().lower()
    if s == "fd":
        return "fd"
    if not (s.isascii() and s.isdigit()) or not 1 <= int(s) <= MAX_BINS:
        raise UsageError(f"--bins must be fd or a whole number of bins from 1 to {MAX_BINS:,}, "
                         f"got {text.strip()!r}")
    return int(s)


FIT_OBJECTIVES = ("forward", "reverse", "alpha")


def parse_fit(text):
    """--fit: ("forward", None), ("reverse", None) or ("alpha", A) with A a finite real number."""
    s = text.strip()
    kind, sep, rest = s.partition(":")
    kind = kind.strip().lower()
    if kind in ("forward", "reverse") and not sep:
        return kind, None
    if kind == "alpha" and sep:
        if not rest.strip():
            raise UsageError("--fit alpha:A needs a number A after 'alpha:' (e.g. alpha:0.5)")
        value = _number(rest, "--fit alpha:A")
        if not math.isfinite(value):
            raise UsageError(f"--fit alpha:A needs a finite A (the α-divergence family is for real α), "
                             f"got {rest.strip()!r}")
        return "alpha", value + 0.0  # -0 -> 0.0: the JSON says "alpha": 0.0, not -0.0
    raise UsageError(f"--fit must be forward, reverse or alpha:A (A a number), got {text!r}")


def _options(args):
    """The parsed option values (checked before anything is read or computed)."""
    if args.json and args.latex:
        raise UsageError("--json and --latex are two different outputs: give one of them")
    opts = {
        "alpha": None if args.alpha is None else parse_alpha(args.alpha),
        "fit": None if args.fit is None else parse_fit(args.fit),
        "bins": None if args.bins is None else parse_bins(args.bins),
        "pseudocount": None if args.pseudocount is None else parse_pseudocount(args.pseudocount),
    }
    if args.joint is not None:
        if args.p is not None or args.q is not None:
            raise UsageError("give either --joint SPEC or --p SPEC and --q SPEC, not both")
        given = [o for o in PAIR_ONLY if getattr(args, o[2:]) not in (None, False)]
        if given:
            raise UsageError(f"{given[0]} applies to a pair --p/--q, not to --joint")
    elif args.p is None or args.q is None:
        if args.p is None and args.q is None:
            raise UsageError("nothing to compute: give --p SPEC and --q SPEC, or --joint SPEC")
        missing = "--p" if args.p is None else "--q"
        raise UsageError(f"{missing} is missing: give both --p SPEC and --q SPEC")
    return opts


# --------------------------------------------------------------------------------------------
# Results (the --json object)


def _jsonable(value):
    if isinstance(value, float) and math.isnan(value):  # never produced; refused rather than printed
        raise UsageError("a result is not a number (NaN): please report this input")
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def read_joint(text):
    """The `Joint` of a joint SPEC (inline rows or @PATH), or UsageError with one line."""
    from klviz.core.datafile import DataFileError
    from klviz.core.joint import parse_joint_spec

    try:
        return parse_joint_spec(text, "joint")
    except DataFileError as exc:
        raise UsageError(f"joint: {exc}") from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def joint_note(joint):
    """The note printed (on stderr) once a joint's weights had to be normalised, else None."""
    return "the weights of the joint did not sum to 1 and were normalised" if joint.normalised else None


def _compute_joint(args):
    from klviz.core.joint import joint_measures

    joint = read_joint(args.joint)
    try:
        jm = joint_measures(joint, args.unit)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        text = json.dumps(_jsonable(jm.to_dict()))
    elif args.latex:
        from klviz.latex import measures_table

        text = measures_table(jm.to_dict())
    else:
        text = render_joint_table(jm)
    if joint_note(joint):
        print(f"{PROG}: note: {joint_note(joint)}", file=sys.stderr)
    print(text)
    return 0


# --------------------------------------------------------------------------------------------
# The command


def _one_line(text):
    return " ".join(str(text).split())


def cmd_compute(argv):
    try:
        return _compute(argv)
    except UsageError as exc:
        raise UsageError(_one_line(exc)) from None  # always one line, whatever a file or path holds


def _read_pair(args, opts):
    """(P, Q, DataPair or None): a data pair when a side is a data SPEC or --bins/--pseudocount
    is given, else the plain SPEC pair."""
    from klviz.core.datafile import is_data_spec

    data = None
    try:
        if is_data_spec(args.p) or is_data_spec(args.q) or opts["bins"] is not None \
                or opts["pseudocount"] is not None:
            data = read_data_pair(args.p, args.q, bins=opts["bins"], pseudocount=opts["pseudocount"],
                                  unit=args.unit)
            P, Q = data.p, data.q
        else:
            P, Q = parse_pair(args.p, args.q)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return P, Q, data


def _check_kinds(P, Q, opts, code):
    from klviz.core.spec import Normal, is_discrete

    if code and not is_discrete(P):
        raise UsageError("--code needs a discrete pair (code words are for categories); P and Q are continuous")
    if opts["fit"] is not None:
        if is_discrete(P):
            raise UsageError("--fit fits a Normal to a continuous P (normal: or mixture:); P and Q are discrete")
        if not isinstance(Q, Normal):
            raise UsageError("--fit starts its descent from Q, which must be a Normal (normal:MU,SIGMA); "
                             "Q is a mixture")


def _normalised_notes(P, Q, data):
    """The existing stderr note for inline weights that did not sum to 1."""
    from klviz.core.spec import Categorical

    names = []
    for name, dist, k in (("P", P, 0), ("Q", Q, 1)):
        if data is None:
            if getattr(dist, "normalised", False):
                names.append(name)
        elif data.origins[k] == "inline" and data.kinds[k] == "weights":
            counts = data.counts_p if k == 0 else data.counts_q
            if Categorical.from_weights(counts, name).normalised:
                names.append(name)
    return [f"{PROG}: note: the weights of {name} did not sum to 1 and were normalised" for name in names]


def _measure(P, Q, data, opts, args):
    """(the result object, the measures, the divergence family or None, notes)."""
    notes = []
    result, m = compute_result(P, Q, args.unit)
    if data is not None:
        add_data(result, data)
    family, family_note = add_divergences(result, P, Q, args.unit, opts["alpha"])
    if family_note:
        notes.append(family_note)
    if args.code:
        add_codes(result, P, Q)
    if opts["fit"] is not None:
        result["fit"], fit_notes = fit_normal(P, Q, *opts["fit"], args.unit)
        notes += fit_notes
    return result, m, family, notes


def _compute(argv):
    args = _compute_parser().parse_args(join_option_values(argv, VALUE_OPTIONS))
    opts = _options(args)
    if args.joint is not None:
        return _compute_joint(args)
    P, Q, data = _read_pair(args, opts)
    _check_kinds(P, Q, opts, args.code)
    notes = list(data.notes) if data is not None else []
    try:
        # numpy's floating-point warnings become errors here: a value they would have flagged is
        # refused (or, for the divergence family, left out with a note), never printed
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            result, m, family, fit_notes = _measure(P, Q, data, opts, args)
        notes += fit_notes
    except (ValueError, ArithmeticError) as exc:  # e.g. a value beyond float range: one line, no traceback
        raise UsageError(f"cannot compute this pair: {_one_line(exc) or type(exc).__name__}") from None
    except Exception as exc:  # a bug, still told in one line rather than a traceback
        raise UsageError(f"cannot compute this pair (internal error {type(exc).__name__}: "
                         f"{_one_line(exc)}): please report this input") from None
    if notes:
        result["notes"] = notes
    labels = None
    if data is not None:
        from klviz.core.datapair import bin_labels

        labels = data.labels if data.labels is not None else (
            bin_labels(data.bin_edges) if data.bin_edges is not None else None)
    if args.json:
        text = json.dumps(_jsonable(result))
    elif args.latex:
        from klviz.latex import measures_table

        text = measures_table(result, labels, notes)
    else:
        text = render_table(result, m, labels, {"family": family, "notes": notes, "dists": {"P": P, "Q": Q},
                                                "fit_start": Q.to_dict() if opts["fit"] else None})
    # Notes only once the numbers exist: a failed run prints its one error line and nothing else.
    for line in _normalised_notes(P, Q, data):
        print(line, file=sys.stderr)
    print(text)
    return 0
