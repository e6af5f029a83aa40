"""The report of `klviz compute` for a pair or a joint: its `--json` object (numbers; the
command line turns infinities into "inf") and its text table, worded once here so the command
line only parses its arguments and prints what this returns. Qt-free and pure; the numbers come
from klviz.core, the reasons for ∞ and the formatter from klviz.scene.readouts, as the app's."""

from __future__ import annotations

import math

MAX_TABLE_ROWS = 100   # a discrete table longer than this shows its first SHOWN_ROWS rows
SHOWN_ROWS = 50
MAX_JOINT_SHOWN = (20, 12)  # the largest joint printed cell by cell (rows, columns)
BAR_WIDTH = 60


def _one_line(text):
    return " ".join(str(text).split())


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


def add_data(result, data):
    """The keys of a pair read from data: `labels` (aligned labels, when both or one side has
    them), `bin_edges` (the shared edges of a histogram pair), `pseudocount` (the C applied)."""
    if data.labels is not None:
        result["labels"] = list(data.labels)
    if data.bin_edges is not None:
        result["bin_edges"] = data.bin_edges.tolist()
    result["pseudocount"] = data.pseudocount


def add_divergences(result, P, Q, unit, alpha):
    """tv, hellinger, chi2_pq, chi2_qp (unitless) and, with alpha, alpha, renyi_pq, renyi_qp.

    Returns (the DivergenceFamily, None), or (None, a note) when the core cannot give these values
    for this valid pair (a ValueError, an arithmetic error or a NaN from its closed forms): the
    keys are then left out and the note says so, rather than losing the KL report or printing NaN.
    """
    from klviz.core.divergences import divergence_family

    try:
        family = divergence_family(P, Q, alpha=alpha, unit=unit)
        values = {key: float(v) for key, v in family.values().items()}
        bad = [key for key, v in values.items() if math.isnan(v)]
        if bad:
            raise ArithmeticError(f"the closed form of {', '.join(bad)} gave no number")
    except (ValueError, ArithmeticError, RuntimeWarning) as exc:
        names = "TV, Hellinger, χ²" + (" and Rényi" if alpha is not None else "")
        return None, (f"{names} could not be computed for this pair ({type(exc).__name__}: "
                      f"{_one_line(exc)}), so their keys are left out: please report this input")
    for key in ("tv", "hellinger", "chi2_pq", "chi2_qp"):
        result[key] = values[key]
    if alpha is not None:
        result["alpha"] = alpha
        result["renyi_pq"] = values["renyi_pq"]
        result["renyi_qp"] = values["renyi_qp"]
    return family, None


CODE_KEYS = ("shannon_length_pq_bits", "shannon_length_pp_bits", "huffman_length_pp_bits",
             "huffman_length_qq_bits")


def _exact_side(dist):
    """The weights a Categorical was normalised from, where they are the whole story (weights and
    counts as given), else the Categorical: `code_lengths` decides a length at a power of two
    (⌈−log₂ q⌉ for q = 1/2) from its input exactly, and the rounded probabilities 0.1, ..., 0.5 of
    the weights 1, ..., 5 are not exactly what the user gave."""
    if dist.logits is None and dist.weights is not None and dist.weights_lo is None:
        return dist.weights
    return dist


def add_codes(result, P, Q):
    from klviz.core.codes import code_lengths

    lengths = code_lengths(_exact_side(P), _exact_side(Q))
    for key in CODE_KEYS:
        result[key] = float(lengths[key])


FIT_MAX_ITER = 2000  # --fit alpha:A from a Q far from P takes ~1500 steps of the bounded descent (~1.5 s)


def fit_normal(P, Q, objective, alpha, unit):
    """(the `fit` object, notes): the local optimum reached by descent from Q.

    forward: moment matching, the exact minimiser of D(P‖Q); value D(P‖Q*) in `unit`.
    reverse: `fit_reverse_kl`, plain natural-gradient descent on D(Q‖P) from Q (it stays in the
    basin Q starts in, not the GUI's jump to the nearest mode); value D(Q*‖P) in `unit`.
    alpha: `fit_alpha`, descent on Amari's D_alpha(P‖Q); value D_alpha(P‖Q*) in nats (MATH.md).
    """
    from klviz.core.gaussian import continuous_kl, fit_reverse_kl, moment_match
    from klviz.core.units import convert

    notes = []
    if objective == "forward":
        best = moment_match(P)
        value = float(convert(continuous_kl(P, best), unit))
    elif objective == "reverse":
        res = fit_reverse_kl(P, Q)
        best = res.normal
        value = float(convert(continuous_kl(best, P), unit))
        if not res.converged:
            notes.append(f"the reverse-KL descent stopped after {len(res.path) - 1} steps before "
                         "converging: the fit is where it stopped")
    else:
        from klviz.core.alpha import fit_alpha

        res = fit_alpha(P, Q, alpha, max_iter=FIT_MAX_ITER)
        best, value = res.normal, float(res.value)
        if res.notes:
            notes.append(res.notes)
        if not res.converged:
            notes.append(f"the α-fit stopped ({res.status}) before converging: the fit is where it stopped")
    fit = {"objective": objective, "alpha": alpha, "mu": float(best.mu), "sigma": float(best.sigma),
           "value": value}
    return fit, notes


# --------------------------------------------------------------------------------------------
# The table of a pair


def _labels(n):
    from klviz.core.labels import default_labels

    return default_labels(n)


def _why_infinite(mismatch, labels, num, den):
    from klviz.scene.readouts import why_infinite

    return why_infinite(mismatch, labels, num, den, shown=5, more=", ...")


def _fmt(x):
    from klviz.core.format import format_value

    return format_value(x, 10)


def render_table(result, m, labels=None, extra=None):
    """The human-readable report of `klviz compute`. `labels` names the categories of a discrete
    pair (default A, B, C, ...); `extra` holds the sections after the KL report (see `_extra`)."""
    unit = result["unit"]
    fmt = _fmt

    lines = []
    if result["kind"] == "discrete":
        n = len(result["p"])
        labels = list(labels) if labels is not None else _labels(n)
        lines.append(f"Discrete P and Q over {n:,} categories, in {unit}" if n >= 1000 else
                     f"Discrete P and Q over {n} categories, in {unit}")
        lines.append("")
        shown = n if n <= MAX_TABLE_ROWS else SHOWN_ROWS
        width = max(len(s) for s in labels[:shown])
        lines.append(f"  {'':{width}}  {'P':>12}  {'Q':>12}")
        for lab, p, q in zip(labels[:shown], result["p"][:shown], result["q"][:shown]):
            lines.append(f"  {lab:>{width}}  {p:>12.6g}  {q:>12.6g}")
        if shown < n:
            lines.append(f"  … and {n - shown:,} more categories (--json lists every one)")
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
        if math.isinf(m.kl_pq) and math.isinf(m.kl_qp):  # equal, but not by any symmetry
            lines.append("KL is not symmetric in general; here both D(P‖Q) and D(Q‖P) are infinite: "
                         "each of P and Q has mass where the other has none.")
        elif m.kl_differ():  # a difference larger than the two values' error bounds
            lines.append("KL is not symmetric: D(P‖Q) ≠ D(Q‖P) here.")
        else:
            lines.append("KL is not symmetric in general, but here D(P‖Q) and D(Q‖P) agree "
                         "within their accuracy.")
    if extra is not None:
        lines += _extra(result, labels, extra)
    return "\n".join(lines)


def _extra(result, labels, extra):
    """The sections after the KL report: the divergence family, code lengths, the fit, notes."""
    lines = []
    family = extra.get("family")
    if family is not None:
        lines += _divergence_lines(result, labels, family, extra["dists"])
    if "shannon_length_pq_bits" in result:
        lines += _code_lines(result)
    if "fit" in result:
        lines += _fit_lines(result, extra["fit_start"])
    notes = extra.get("notes") or ()
    if notes:
        lines.append("")
    lines += [f"Note: {note}" for note in notes]
    return lines


def _shown(value):
    """A value of the divergence family: its digits, or the word "infinite" (the ∞ sign is kept
    for the KL report above, whose infinities it explains)."""
    return "infinite" if math.isinf(value) else _fmt(value)


def _divergence_lines(result, labels, family, dists):
    unit = result["unit"]
    rows = [("TV(P,Q)", "tv", "unitless"), ("He(P,Q)", "hellinger", "unitless"),
            ("χ²(P‖Q)", "chi2_pq", "unitless"), ("χ²(Q‖P)", "chi2_qp", "unitless")]
    if "alpha" in result:
        rows += [("Rényi(P‖Q)", "renyi_pq", unit), ("Rényi(Q‖P)", "renyi_qp", unit)]
    lines = ["", "Beyond KL: total variation, Hellinger distance and Pearson χ² (unitless: no logarithm)"
             + (f"; Rényi divergences of order α = {_alpha_text(result['alpha'])} in {unit}"
                if "alpha" in result else "") + ":"]
    texts = _align_points([_shown(result[key]) for _, key, _ in rows])
    nw = max(len(n) for n, _, _ in rows)
    for (name, key, u), text in zip(rows, texts):
        lines.append(f"  {name:<{nw}}  {text}  {u}")
        if math.isinf(result[key]):
            reason = _family_reason(family, key, labels, dists)
            lines.append(f"    infinite {reason}" if reason else
                         "    infinite: the true value exceeds the float range (about 1.8e308)")
    return lines


def _alpha_text(alpha):
    return "inf" if math.isinf(alpha) else f"{alpha:g}"


def _family_reason(family, key, labels, dists):
    """Why the value `key` of the family is infinite, naming the categories with their labels."""
    bad = family.support.get(key)
    if family.discrete and bad is not None and len(bad):
        num, den = ("P", "Q") if key.endswith("_pq") else ("Q", "P")
        involved = (num, den) if "disjoint" in family.reasons.get(key, "") else (den,)
        if any(dists[name].logits is not None for name in involved):
            # a softmax probability is never 0: its log is only below the float range
            return None
        return f"because {_why_infinite([int(i) for i in bad], labels, num, den)}"
    reason = family.reasons.get(key)
    return f"because {reason}" if reason and "too large" not in reason else None


def _code_lines(result):
    h_p, h_pq, h_q = (result[k] for k in ("entropy_p", "cross_entropy_pq", "entropy_q"))
    bits = {"nats": math.log(2.0), "bits": 1.0, "hartleys": math.log10(2.0)}[result["unit"]]
    h_p, h_pq, h_q = h_p / bits, h_pq / bits, h_q / bits  # in bits
    # named as the Coding tab shows them ("Shannon length L(P; Q)", qᵢ): no underscore subscripts
    rows = [("Shannon length L(P; Q)", "shannon_length_pq_bits",
             "P's symbols in Q's Shannon code ⌈−log₂ qᵢ⌉", h_pq, "H(P,Q)"),
            ("Shannon length L(P; P)", "shannon_length_pp_bits",
             "P's symbols in P's Shannon code ⌈−log₂ pᵢ⌉", h_p, "H(P)"),
            ("Huffman length L(P)", "huffman_length_pp_bits", "P's symbols in P's Huffman code", h_p, "H(P)"),
            ("Huffman length L(Q)", "huffman_length_qq_bits", "Q's symbols in Q's Huffman code", h_q, "H(Q)")]
    lines = ["", "Expected code lengths, in bits (binary prefix codes):"]
    texts = _align_points([_shown(result[key]) for _, key, _, _, _ in rows])
    nw = max(len(r[0]) for r in rows)
    for (name, key, what, _, _), text in zip(rows, texts):
        lines.append(f"  {name:<{nw}}  {text}  bits  ({what})")
    lines.append("  bounds (ideal lengths −log₂ in bits; a Shannon code is within 1 bit of them, and "
                 "Huffman is optimal):")
    for name, key, _, h, hname in rows:
        value = result[key]
        if math.isinf(value):
            lines.append(f"    {name} is infinite: some symbol of P has qᵢ = 0, so Q's code has no "
                         f"word for it")
            continue
        lines.append(f"    {_fmt(h)} ≤ {_fmt(value)} < {_fmt(h + 1.0)}   ({hname} ≤ {name} < {hname} + 1)")
    return lines


def _fit_lines(result, start):
    fit, unit = result["fit"], result["unit"]
    if fit["objective"] == "forward":
        value_name, objective = f"D(P‖Q*) in {unit}", "forward KL D(P‖Q): exact moment matching"
    elif fit["objective"] == "reverse":
        value_name = f"D(Q*‖P) in {unit}"
        objective = "reverse KL D(Q‖P): plain descent from Q, which stays in the basin Q starts in"
    else:
        value_name = "D⁽ᵅ⁾(P‖Q*) in nats, the unit of its KL limits"
        objective = f"Amari's α-divergence D⁽ᵅ⁾(P‖Q), α = {fit['alpha']:g}: descent from Q"
    return ["", f"Fit of a Normal Q* to P, starting from Q = {_describe_continuous(start)}:",
            f"  objective  {objective}",
            f"  Q*         N(mu={_fmt(fit['mu'])}, sigma={_fmt(fit['sigma'])})",
            f"  value      {_fmt(fit['value'])}  ({value_name}; Q* is the local optimum reached)"]


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


# --------------------------------------------------------------------------------------------
# The joint


def render_joint_table(jm):
    """The report of `klviz compute --joint`: the table with its marginals, the six measures,
    I(X;Y) as the divergence D(P(X,Y) ‖ P(X)P(Y)) and the information diagram with its numbers."""
    from klviz.core.joint import default_joint_labels, information_diagram

    unit = jm.unit
    rows, cols = jm.joint.shape
    r_default, c_default = default_joint_labels(rows, cols)
    rl, cl = list(jm.row_labels or r_default), list(jm.col_labels or c_default)
    lines = [f"Joint distribution P(X,Y) over {rows:,} × {cols:,} outcomes (rows X, columns Y), in {unit}", ""]
    if rows <= MAX_JOINT_SHOWN[0] and cols <= MAX_JOINT_SHOWN[1]:
        lw = max(len(s) for s in rl + ["P(Y)"])
        cw = [max(10, len(s)) for s in cl]
        lines.append("  " + " " * lw + "".join(f"  {s:>{w}}" for s, w in zip(cl, cw)) + f"  │  {'P(X)':>10}")
        for i, lab in enumerate(rl):
            cells = "".join(f"  {v:>{w}.6g}" for v, w in zip(jm.joint[i], cw))
            lines.append(f"  {lab:>{lw}}{cells}  │  {jm.p_x[i]:>10.6g}")
        lines.append("  " + "─" * (lw + sum(w + 2 for w in cw) + 2) + "┼" + "─" * 12)
        lines.append(f"  {'P(Y)':>{lw}}" + "".join(f"  {v:>{w}.6g}" for v, w in zip(jm.p_y, cw)) + "  │")
    else:
        lines.append(f"  (a {rows:,} × {cols:,} table is not printed cell by cell: --json has the "
                     "normalised rows and both marginals)")
    names = [("H(X)", jm.entropy_x), ("H(Y)", jm.entropy_y), ("H(X,Y)", jm.joint_entropy),
             ("H(X|Y)", jm.conditional_entropy_x_given_y), ("H(Y|X)", jm.conditional_entropy_y_given_x),
             ("I(X;Y)", jm.mutual_information)]
    lines.append("")
    texts = _align_points([_fmt(v) for _, v in names])
    for (name, _), text in zip(names, texts):
        lines.append(f"  {name:<6}  {text}  {unit}")
    mi = jm.mutual_information
    lines += ["", "Mutual information is a KL divergence, from the joint to the product of its marginals:",
              f"  I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)) = {_fmt(mi)} {unit}"
              + ("  (X and Y are independent)" if mi == 0 else "")]
    d = information_diagram(jm)
    a, b, c = (s.width for s in d.segments)
    lines += ["", "Information diagram: H(X,Y) split into H(X|Y), I(X;Y) and H(Y|X) on one scale:",
              f"  H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X):  {_fmt(jm.joint_entropy)} = {_fmt(a)} + {_fmt(b)} + {_fmt(c)}",
              f"  H(X)   = H(X|Y) + I(X;Y):           {_fmt(jm.entropy_x)} = {_fmt(a)} + {_fmt(b)}",
              f"  H(Y)   = H(Y|X) + I(X;Y):           {_fmt(jm.entropy_y)} = {_fmt(c)} + {_fmt(b)}"]
    lines += _diagram_bar(a, b, c)
    return "\n".join(lines)


def _diagram_bar(a, b, c):
    total = a + b + c
    if not total > 0:
        return ["  (H(X,Y) = 0: one outcome is certain, so there is nothing to draw)"]
    ends = [round(BAR_WIDTH * x / total) for x in (a, a + b)]
    widths = [ends[0], ends[1] - ends[0], BAR_WIDTH - ends[1]]
    bar = "░" * widths[0] + "█" * widths[1] + "▒" * widths[2]
    return ["", f"  |{bar}|",
            "   ░ H(X|Y)   █ I(X;Y)   ▒ H(Y|X);  H(X) is ░█ from the left, H(Y) is █▒ to the right"]
