"""Command line: `klviz` opens the app; `klviz compute` prints the measures of a pair.

Everything here but the GUI launch is Qt-free; Qt is imported only when a window is wanted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

PROG = "klviz"


class UsageError(Exception):
    """A bad command line or bad input: reported as one `klviz: error:` line, exit status 2."""


def _given_once(base):
    """An argparse action that refuses a second use of its option (`--p A --p B`, `--json --json`):
    a repeated option is a mistake to report, not a last-one-wins choice to make silently."""

    class Once(base):
        def __call__(self, parser, namespace, values, option_string=None):
            seen = namespace.__dict__.setdefault("_klviz_given", {})
            if self.dest in seen:
                first = seen[self.dest]
                also = f" (also as {first})" if first != option_string else ""
                raise argparse.ArgumentError(self, f"given more than once{also}: give it once")
            seen[self.dest] = option_string
            super().__call__(parser, namespace, values, option_string)

    return Once


_ONCE = {None: _given_once(argparse._StoreAction), "store": _given_once(argparse._StoreAction),
         "store_true": _given_once(argparse._StoreTrueAction)}


class _Parser(argparse.ArgumentParser):
    def add_argument(self, *args, **kwargs):
        if args and args[0].startswith("-") and kwargs.get("action") in _ONCE:
            kwargs["action"] = _ONCE[kwargs.get("action")]
        return super().add_argument(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        ns = super().parse_args(args, namespace)
        ns.__dict__.pop("_klviz_given", None)
        return ns

    def error(self, message):  # one line, no usage block, no traceback
        raise UsageError(message)


def _join_option_values(argv, options):
    """`--p -0.1,1.1` -> `--p=-0.1,1.1`: a SPEC may start with '-', which argparse takes for a flag."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] in options and i + 1 < len(argv):
            if argv[i + 1] == "--":  # argparse would swallow it and hand back an empty list
                raise UsageError(f"argument {argv[i]}: expected a value, got '--'")
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def _compute_parser():
    from klviz.core.units import UNITS

    p = _Parser(
        prog=f"{PROG} compute",
        description="Entropy, cross-entropy, KL (both ways) and Jensen-Shannon of a pair P, Q.",
        epilog="SPEC: 0.1,0.2,0.7 (weights, normalised) | bernoulli:THETA | softmax:Z1,Z2,... | "
        "normal:MU,SIGMA | mixture:W,MU1,SIGMA1,MU2,SIGMA2 (W weighs the first component)",
    )
    p.add_argument("--p", required=True, metavar="SPEC", help="the distribution P")
    p.add_argument("--q", required=True, metavar="SPEC", help="the distribution Q")
    p.add_argument("--unit", default="nats", choices=UNITS, help="unit of the results (default nats)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return p


def parse_pair(p_text, q_text):
    """Parse and check both SPECs; ValueError names the problem."""
    from klviz.core.spec import check_same_kind, parse_spec

    P = parse_spec(p_text, "P")
    Q = parse_spec(q_text, "Q")
    check_same_kind(P, Q)
    return P, Q


def compute_result(P, Q, unit):
    """The `--json` object of a pair (floats; infinities as float('inf'))."""
    from klviz.core import continuous_measures, discrete_measures, is_discrete

    if is_discrete(P):
        m = discrete_measures(P, Q, unit)
        out = {"unit": unit, "kind": "discrete", "p": P.probs.tolist(), "q": Q.probs.tolist()}
    else:
        m = continuous_measures(P, Q, unit)
        out = {"unit": unit, "kind": "continuous", "p": P.to_dict(), "q": Q.to_dict()}
    for key in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp"):
        out[key] = getattr(m, key)
    if is_discrete(P):
        out["js"] = m.js
    return out, m


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


def _labels(n):
    from klviz.core.labels import default_labels

    return default_labels(n)


def _why_infinite(mismatch, labels, num, den):
    names = ", ".join(labels[i] for i in mismatch[:5]) + (", ..." if len(mismatch) > 5 else "")
    return f"{den}({names}) = 0 where {num}({names}) > 0"


def render_table(result, m):
    """The human-readable report of `klviz compute`."""
    from klviz.core.format import format_value

    unit = result["unit"]
    def fmt(x):
        return format_value(x, 10)

    lines = []
    if result["kind"] == "discrete":
        labels = _labels(len(result["p"]))
        lines.append(f"Discrete P and Q over {len(labels)} categories, in {unit}")
        lines.append("")
        width = max(len(s) for s in labels)
        lines.append(f"  {'':{width}}  {'P':>12}  {'Q':>12}")
        for lab, p, q in zip(labels, result["p"], result["q"]):
            lines.append(f"  {lab:>{width}}  {p:>12.6g}  {q:>12.6g}")
        names = [("H(P)", "entropy_p"), ("H(Q)", "entropy_q"), ("H(P,Q)", "cross_entropy_pq"),
                 ("H(Q,P)", "cross_entropy_qp"), ("D(P‖Q)", "kl_pq"), ("D(Q‖P)", "kl_qp"),
                 ("JS(P,Q)", "js")]
        ent = "H"
    else:
        lines.append(f"Continuous P and Q (differential entropies), in {unit}")
        lines.append("")
        lines.append(f"  P = {_describe_continuous(result['p'])}")
        lines.append(f"  Q = {_describe_continuous(result['q'])}")
        names = [("h(P)", "entropy_p"), ("h(Q)", "entropy_q"), ("H(P,Q)", "cross_entropy_pq"),
                 ("H(Q,P)", "cross_entropy_qp"), ("D(P‖Q)", "kl_pq"), ("D(Q‖P)", "kl_qp")]
        ent = "h"
    lines.append("")
    texts = _align_points([fmt(result[key]) for _, key in names])
    nw = max(len(n) for n, _ in names)
    for (name, _), text in zip(names, texts):
        lines.append(f"  {name:<{nw}}  {text}  {unit}")
    lines.append("")
    lines.append("Cross-entropy = entropy + KL divergence:")
    for a, b in (("P", "Q"), ("Q", "P")):
        ce = result[f"cross_entropy_{a.lower()}{b.lower()}"]
        h = result[f"entropy_{a.lower()}"]
        d = result[f"kl_{a.lower()}{b.lower()}"]
        lines.append(f"  H({a},{b}) = {ent}({a}) + D({a}‖{b}):  {fmt(ce)} = {fmt(h)} + {fmt(d)}")
        if math.isinf(d) or math.isinf(ce):
            if f"kl_{a.lower()}{b.lower()}" in m.overflowed() or math.isinf(ce) and not math.isinf(d):
                lines.append("    ∞: the true value exceeds the float range (about 1.8e308)")
            else:
                mismatch = m.mismatch_pq if a == "P" else m.mismatch_qp
                lines.append(f"    ∞ because {_why_infinite(mismatch, labels, a, b)}")
    if result["kind"] == "discrete":
        lines.append("")
        if m.kl_differ():  # a difference larger than the two values' error bounds
            lines.append("KL is not symmetric: D(P‖Q) ≠ D(Q‖P) here.")
        else:
            lines.append("KL is not symmetric in general, but here D(P‖Q) and D(Q‖P) agree "
                         "within their accuracy.")
    return "\n".join(lines)


def _align_points(texts):
    """Pad numbers so their decimal points (or their ends) line up in a column."""
    heads = [t.split(".")[0] if "." in t else t for t in texts]
    tails = [t[len(h):] for t, h in zip(texts, heads)]
    hw, tw = max(map(len, heads)), max(map(len, tails))
    return [f"{h:>{hw}}{t:<{tw}}" for h, t in zip(heads, tails)]


def _describe_continuous(d):
    if d["family"] == "normal":
        return f"N(mu={d['mu']:g}, sigma={d['sigma']:g})"
    (c1, c2), w = d["components"], d["weight"]
    return (f"{w:g} N({c1['mu']:g}, {c1['sigma']:g}²) + "
            f"{1 - w:g} N({c2['mu']:g}, {c2['sigma']:g}²)")


def cmd_compute(argv):
    args = _compute_parser().parse_args(_join_option_values(argv, ("--p", "--q", "--unit")))
    try:
        P, Q = parse_pair(args.p, args.q)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        result, m = compute_result(P, Q, args.unit)
    except (ValueError, ArithmeticError) as exc:  # e.g. a value beyond float range: one line, no traceback
        raise UsageError(f"cannot compute this pair: {' '.join(str(exc).split()) or type(exc).__name__}") from None
    # Notes only once the numbers exist: a failed run prints its one error line and nothing else.
    for name, dist in (("P", P), ("Q", Q)):
        if getattr(dist, "normalised", False):
            print(f"{PROG}: note: the weights of {name} did not sum to 1 and were normalised",
                  file=sys.stderr)
    if args.json:
        print(json.dumps(_jsonable(result)))
    else:
        print(render_table(result, m))
    return 0


def cmd_gui(argv):
    p = _Parser(prog=PROG, description="klviz: see and touch entropy, cross-entropy and KL divergence.",
                epilog="Commands: 'klviz compute --help'.")
    p.add_argument("session", nargs="?", help="a klviz session file to open")
    args = p.parse_args(argv)
    if args.session is not None:
        # Checked in full before any window exists: a bad file is one error line, not a dialog.
        read_session(args.session, hint=" (commands: compute, export)")
    from klviz.gui.app import run

    return run(args.session)


def read_session(path, hint=""):
    """The Session in file `path`, or UsageError naming the file and the problem (one line)."""
    from klviz.fileio import shown_path
    from klviz.session import SessionError, load_session

    if "\x00" not in path and not os.path.lexists(path):
        raise UsageError(f"no such session file: {shown_path(path)}{hint}")
    try:
        return load_session(path)
    except SessionError as exc:
        raise UsageError(f"cannot open session {shown_path(path)}: {exc}") from None


def cmd_export(argv):
    from klviz.export_cli import cmd_export as export  # matplotlib only when exporting

    return export(argv)


COMMANDS = {"compute": cmd_compute, "export": cmd_export}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return cmd_gui(argv)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
