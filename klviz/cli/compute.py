"""`klviz compute`: every measure of a pair P, Q, as a table or as one JSON object. Qt-free."""

from __future__ import annotations

import json
import math
import sys

from klviz.cli.common import PROG, UsageError, _Parser, join_option_values, parse_pair


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
    args = _compute_parser().parse_args(join_option_values(argv, ("--p", "--q", "--unit")))
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
