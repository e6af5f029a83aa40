"""The lesson's live texts (klviz.lesson holds its steps): each step's formula with the app's
numbers substituted, and the coding step's table. Qt-free and pure: the panel in
klviz.gui.lesson_dock shows what these return; nothing here computes a measure, it formats the
values it is given. Labels are data and are escaped.
"""

from __future__ import annotations

import html

from klviz.core.spec import Normal
from klviz.i18n import QT_TRANSLATE_NOOP
from klviz.lesson import DISCRETE_MEASURES
from klviz.scene.readouts import format_value


def _v(x):
    return format_value(x)


def formula(step, m, state, unit, tr=str):
    """The step's formula as HTML with the live numbers: `m` the app's DiscreteMeasures (with
    `state` the DiscreteState) for a discrete or coding step, its ContinuousMeasures (with the
    ContinuousState) for a continuous one; "" for the others. `tr` translates its words (the gui
    passes klviz.gui.i18n.translated; the templates are filled after translation)."""
    if m is None:
        return ""
    if step.tab == "continuous":
        return _continuous_formula(step, m, state, unit)
    if step.tab not in DISCRETE_MEASURES:
        return ""
    p = state.p
    if step.key == "entropy":
        terms = " + ".join(f"{p[i]:.3g}·log(1/{p[i]:.3g})" for i in range(len(p)) if p[i] > 0)
        return f"H(P) = Σ p<sub>i</sub> log(1/p<sub>i</sub>) = {terms} = <b>{_v(m.entropy_p)} {unit}</b>"
    if step.key == "message":
        return tr(QT_TRANSLATE_NOOP("klviz", "H(P,Q) = Σ p<sub>i</sub> · (−log q<sub>i</sub>) = <b>{h_pq} {unit}</b>"
                                    " per symbol; the best possible, H(P) = {h_p} {unit}")).format(
            h_pq=_v(m.cross_entropy_pq), h_p=_v(m.entropy_p), unit=unit)
    if step.key == "kl":
        return (f"H(P,Q) = H(P) + D(P‖Q):  <b>{_v(m.cross_entropy_pq)}</b> = {_v(m.entropy_p)} + "
                f"{_v(m.kl_pq)} {unit}")
    if step.key == "asymmetry":
        # "≠" only for a difference larger than the two values' error (as `klviz compute` says)
        # "≠" only for a difference larger than the two values' error (as `klviz compute` says)
        sign = "≠" if m.kl_differ() else ("=" if m.kl_pq == m.kl_qp else "≈")
        return f"D(P‖Q) = <b>{_v(m.kl_pq)}</b> {sign} D(Q‖P) = <b>{_v(m.kl_qp)}</b> {unit}"
    if step.key == "sampling":
        return f"E<sub>x~P</sub>[log p(x)/q(x)] = D(P‖Q) = <b>{_v(m.kl_pq)} {unit}</b>"
    if step.key == "codes":
        return tr(QT_TRANSLATE_NOOP("klviz", "ideal area H(P,Q) = <b>{h_pq} {unit}</b> = H(P) {h_p} "
                                    "+ D(P‖Q) {kl} {unit} per symbol")).format(
            h_pq=_v(m.cross_entropy_pq), h_p=_v(m.entropy_p), kl=_v(m.kl_pq), unit=unit)
    if step.key == "optimum":
        return tr(QT_TRANSLATE_NOOP("klviz", "H(P,Q) − D(P‖Q) = {h_pq} − {kl} = <b>H(P) = "
                                    "{h_p} {unit}</b>, whatever Q is")).format(
            h_pq=_v(m.cross_entropy_pq), kl=_v(m.kl_pq), h_p=_v(m.entropy_p), unit=unit)
    return ""


def _continuous_formula(step, m, state, unit):
    if step.key == "normal":
        p = state.p
        head = "h(P) = "
        if isinstance(p, Normal):
            head += f"½ log(2πe·σ<sup>2</sup>) = ½ log(2πe·{p.sigma:.3g}<sup>2</sup>) = "
        sign = " &lt; 0" if m.entropy_p < 0 else ""
        return (f"{head}<b>{_v(m.entropy_p)} {unit}</b>{sign};  D(P‖Q) = <b>{_v(m.kl_pq)} {unit}</b> ≥ 0")
    if step.key in ("fits", "alpha"):
        return f"D(P‖Q) = <b>{_v(m.kl_pq)}</b>,  D(Q‖P) = <b>{_v(m.kl_qp)}</b> {unit}"
    return ""


def _cell(text):
    """Data for a table cell: escaped, its line breaks kept as breaks."""
    return html.escape(text).replace("\n", "<br>").replace("\u2028", "<br>").replace("\u2029", "<br>")


def code_table(state, lengths, tr=str):
    """HTML table of the code words' lengths (-log2 q_i, given) beside p_i and q_i.

    The labels are data (a session file's): escaped, so they show as the text they are."""
    rows = "".join(
        f"<tr><td>{_cell(lab)}</td><td align=right>{p:.3g}</td><td align=right>{q:.3g}</td>"
        f"<td align=right>{format_value(n, 3)}</td></tr>"
        for lab, p, q, n in zip(state.labels, state.p, state.q, lengths)
    )
    head = tr(QT_TRANSLATE_NOOP("klviz", "code length −log₂ q (bits)"))
    return ("<table cellspacing=0 cellpadding=3><tr><th></th><th>p</th><th>q</th>"
            f"<th>{head}</th></tr>{rows}</table>")
