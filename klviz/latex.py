"""LaTeX for slides and papers: the measures as a `tabular`, the decomposition and the readouts as
formulas with their live numbers. Qt-free, numpy-free string builders (used by `klviz compute
--latex`, and by the app's "Copy as LaTeX").

Numbers are formatted by the one formatter (`klviz.core.format.format_value`) and written in
math mode: `0.2008`, `-0.05`, `1.2\\times 10^{-7}`, `\\infty`. Text that comes from data
(category labels, notes) goes through `escape`: every character LaTeX gives a meaning to becomes a
command that prints it, so a label like `}\\input{/etc/passwd}` is printed, never run. The output
needs `amsmath` (for `\\text`) and nothing else; tables use plain `\\hline` (no booktabs).
"""

from __future__ import annotations

import math
import re
import unicodedata

from klviz.core.format import format_value

UNITLESS = "unitless"
_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "%": r"\%", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}
_EXPONENT = re.compile(r"^(-?[0-9.]+)e([+-]?[0-9]+)$")

# key -> (name in words, LaTeX symbol, True if in the chosen unit / False if unitless / "bits")
MEASURES = {
    "entropy_p": ("Entropy of $P$", "H(P)", True),
    "entropy_q": ("Entropy of $Q$", "H(Q)", True),
    "cross_entropy_pq": ("Cross-entropy", r"H(P,Q)", True),
    "cross_entropy_qp": ("Cross-entropy", r"H(Q,P)", True),
    "kl_pq": ("KL divergence", r"D_{\mathrm{KL}}(P \,\|\, Q)", True),
    "kl_qp": ("KL divergence", r"D_{\mathrm{KL}}(Q \,\|\, P)", True),
    "js": ("Jensen-Shannon divergence", r"\mathrm{JS}(P, Q)", True),
    "tv": ("Total variation", r"\mathrm{TV}(P, Q)", False),
    "hellinger": ("Hellinger distance", r"\mathrm{He}(P, Q)", False),
    "chi2_pq": ("Pearson chi-squared", r"\chi^2(P \,\|\, Q)", False),
    "chi2_qp": ("Pearson chi-squared", r"\chi^2(Q \,\|\, P)", False),
    "renyi_pq": (r"R\'enyi divergence", r"D_{\alpha}(P \,\|\, Q)", True),
    "renyi_qp": (r"R\'enyi divergence", r"D_{\alpha}(Q \,\|\, P)", True),
    "shannon_length_pq_bits": ("$P$ in the Shannon code of $Q$", r"L_{\mathrm{Shannon}}(P; Q)", "bits"),
    "shannon_length_pp_bits": ("$P$ in the Shannon code of $P$", r"L_{\mathrm{Shannon}}(P; P)", "bits"),
    "huffman_length_pp_bits": ("$P$ in the Huffman code of $P$", r"L_{\mathrm{Huffman}}(P)", "bits"),
    "huffman_length_qq_bits": ("$Q$ in the Huffman code of $Q$", r"L_{\mathrm{Huffman}}(Q)", "bits"),
    "entropy_x": ("Entropy of $X$", "H(X)", True),
    "entropy_y": ("Entropy of $Y$", "H(Y)", True),
    "joint_entropy": ("Joint entropy", "H(X,Y)", True),
    "conditional_entropy_x_given_y": ("Conditional entropy", r"H(X \mid Y)", True),
    "conditional_entropy_y_given_x": ("Conditional entropy", r"H(Y \mid X)", True),
    "mutual_information": ("Mutual information", r"I(X;Y)", True),
}
PAIR_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js", "tv",
             "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp", "shannon_length_pq_bits",
             "shannon_length_pp_bits", "huffman_length_pp_bits", "huffman_length_qq_bits")
JOINT_KEYS = ("entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
              "conditional_entropy_y_given_x", "mutual_information")
_DIFFERENTIAL = {"entropy_p": "h(P)", "entropy_q": "h(Q)"}


def escape(text):
    """Plain text as LaTeX text that prints it: the special characters become commands, control
    and format characters (line breaks, U+202E, ...) a space, so nothing in `text` is markup."""
    out = []
    for ch in str(text):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def number(value, digits=4):
    """A value as LaTeX math (without the `$`): `0.2008`, `1.2\\times 10^{-7}`, `\\infty`."""
    value = float(value)
    if math.isinf(value):
        return r"\infty" if value > 0 else r"-\infty"
    text = format_value(value, digits)  # refuses NaN
    match = _EXPONENT.match(text)
    if match:
        return rf"{match.group(1)}\times 10^{{{int(match.group(2))}}}"
    return text


def alpha_number(alpha):
    """A Rényi order as written on the command line: `2`, `0.5`, `\\infty` (as `%g`)."""
    alpha = float(alpha)
    if math.isinf(alpha):
        return r"\infty"
    text = f"{alpha:g}"
    match = _EXPONENT.match(text)
    return rf"{match.group(1)}\times 10^{{{int(match.group(2))}}}" if match else text


def unit_text(unit):
    """`\\text{nats}`: a unit after a number in math mode (with a thin space before it)."""
    return rf"\text{{{escape(unit)}}}"


def _with_unit(value, unit, digits):
    shown = number(value, digits)
    if math.isinf(float(value)) or unit is None:
        return shown
    return rf"{shown}\ {unit_text(unit)}"


def _symbol(key, continuous=False):
    if continuous and key in _DIFFERENTIAL:
        return _DIFFERENTIAL[key]
    return MEASURES[key][1]


def _unit_of(key, unit):
    kind = MEASURES[key][2]
    return unit if kind is True else (UNITLESS if kind is False else kind)


def decomposition_latex(entropy, kl, cross_entropy, unit, a="P", b="Q", digits=4, differential=False):
    """`H(P,Q) = H(P) + D_{\\mathrm{KL}}(P \\,\\|\\, Q) = 0.8018 + 0.2008 = 1.003\\ \\text{nats}`.

    entropy, kl, cross_entropy: the three numbers (in `unit`); a, b: the names ("P", "Q" or "Q",
    "P"); differential: h(P) for a density. An infinite KL or cross-entropy shows as \\infty.
    """
    for name in (a, b):
        if name not in ("P", "Q"):
            raise ValueError("a and b name the distributions: 'P' and 'Q'")
    h = f"{'h' if differential else 'H'}({a})"
    lhs = rf"H({a},{b}) = {h} + D_{{\mathrm{{KL}}}}({a} \,\|\, {b})"
    parts = f"{number(entropy, digits)} + {number(kl, digits)}"
    return f"{lhs} = {parts} = {_with_unit(cross_entropy, unit, digits)}"


def readouts_latex(values, unit, keys=None, alpha=None, continuous=False, digits=4):
    """The readouts as an `aligned` block, one line per measure: `H(P) &= 0.8018\\ \\text{nats}`.

    values: a mapping key -> number (the `klviz compute --json` keys, see `MEASURES`); keys: which
    and in what order (default: every known key present in `values`); alpha: the Rényi order,
    written into the Rényi lines; continuous: h(P), h(Q) for densities. Unitless measures (TV,
    Hellinger, χ²) get no unit; code lengths are in bits.
    """
    keys = [k for k in (keys if keys is not None else MEASURES) if k in values]
    if not keys:
        raise ValueError("no known measure to write")
    lines = []
    for key in keys:
        if key not in MEASURES:
            raise ValueError(f"unknown measure {key!r}")
        symbol = _symbol(key, continuous)
        if key.startswith("renyi_") and alpha is not None:
            symbol = symbol.replace(r"D_{\alpha}", rf"D_{{{alpha_number(alpha)}}}")
        u = _unit_of(key, unit)
        lines.append(rf"{symbol} &= {_with_unit(values[key], None if u == UNITLESS else u, digits)}")
    return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"


def _row(cells):
    return " & ".join(cells) + r" \\"


def measures_table(result, labels=None, notes=(), digits=10, max_rows=100, shown_rows=50):
    """The measures of a `klviz compute` result (its JSON object, floats) as LaTeX tabulars.

    One row per measure present (symbol, name, value in math mode, unit: the chosen one, "bits"
    for code lengths, "unitless" for TV, Hellinger and χ²), digits as the text table (10
    significant). A discrete pair is followed by a second tabular of its categories (labels
    escaped, P and Q), at most `max_rows` rows (else the first `shown_rows`). `notes` become
    escaped rows under the measures.
    """
    unit = result["unit"]
    continuous = result.get("kind") == "continuous"
    joint = result.get("kind") == "joint"
    keys = [k for k in (JOINT_KEYS if joint else PAIR_KEYS) if k in result]
    alpha = result.get("alpha")
    lines = [r"\begin{tabular}{llrl}", r"\hline", _row(["Symbol", "Measure", "Value", "Unit"]), r"\hline"]
    for key in keys:
        symbol = _symbol(key, continuous)
        name = MEASURES[key][0]
        if key.startswith("renyi_") and alpha is not None:
            name = f"{name}, order $\\alpha = {alpha_number(alpha)}$"
        if continuous and key in _DIFFERENTIAL:
            name = f"Differential entropy of ${key[-1].upper()}$"
        lines.append(_row([f"${symbol}$", name,
                           f"${number(result[key], digits)}$", escape(_unit_of(key, unit))]))
    fit = result.get("fit")
    if fit:
        lines.append(_row([r"$\mu^{*}$", "Fitted Normal: mean", f"${number(fit['mu'], digits)}$", ""]))
        lines.append(_row([r"$\sigma^{*}$", "Fitted Normal: standard deviation",
                           f"${number(fit['sigma'], digits)}$", ""]))
        objective = fit.get("objective")
        if objective == "forward":
            symbol, value_unit = r"D_{\mathrm{KL}}(P \,\|\, Q^{*})", unit
        elif objective == "reverse":
            symbol, value_unit = r"D_{\mathrm{KL}}(Q^{*} \,\|\, P)", unit
        else:
            symbol, value_unit = rf"D_{{{alpha_number(fit['alpha'])}}}(P \,\|\, Q^{{*}})", "nats"
        lines.append(_row([f"${symbol}$", "Objective at the fit", f"${number(fit['value'], digits)}$",
                           escape(value_unit)]))
    lines.append(r"\hline")
    for note in notes:
        lines.append(_row([r"\multicolumn{4}{l}{" + escape("Note: " + " ".join(str(note).split())) + "}"]))
    lines.append(r"\end{tabular}")
    if result.get("kind") == "discrete":
        lines += ["", *categories_table(result["p"], result["q"], labels, max_rows, shown_rows)]
    return "\n".join(lines)


def categories_table(p, q, labels=None, max_rows=100, shown_rows=50):
    """The lines of a tabular of the categories: label (escaped), P, Q (6 significant digits)."""
    n = len(p)
    if labels is None:
        from klviz.core.labels import default_labels

        labels = default_labels(n)
    shown = n if n <= max_rows else shown_rows
    lines = [r"\begin{tabular}{lrr}", r"\hline", _row(["Category", "$P$", "$Q$"]), r"\hline"]
    for lab, a, b in zip(list(labels)[:shown], p[:shown], q[:shown]):
        lines.append(_row([escape(lab), f"${number(a, 6)}$", f"${number(b, 6)}$"]))
    if shown < n:
        lines.append(_row([r"\multicolumn{3}{l}{\ldots{} and " + f"{n - shown:,}" + " more categories}"]))
    lines += [r"\hline", r"\end{tabular}"]
    return lines
