"""The guided lesson: steps in order, each a scene to set up, an explanation in our own words, a
formula with the live numbers substituted, and something to try. Qt-free: the panel in
klviz.gui.lesson_dock renders it, and the numbers come from the app's measures (nothing here
computes a measure; it only formats the values it is given).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from klviz.core.format import format_value


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    tab: str  # "discrete", "continuous" or "losses"
    body: str  # HTML
    try_this: str  # HTML
    scene: dict = field(default_factory=dict)  # what to set up on entering the step


def _v(x):
    return format_value(x)


STEPS = (
    Step(
        "entropy", "1. Entropy: how surprising is P?", "discrete",
        "<p>Entropy measures the average surprise of outcomes drawn from P. A rare outcome "
        "(small p<sub>i</sub>) is surprising, −log p<sub>i</sub> is large; the entropy weighs each "
        "surprise by how often it happens.</p>",
        "<p>Drag P towards a single bar: the entropy falls to 0 (no surprise). Make P flat: it "
        "rises to its maximum, log n.</p>",
        {"labels": ["A", "B", "C", "D"], "p": [0.5, 0.25, 0.125, 0.125], "q": [0.25, 0.25, 0.25, 0.25],
         "unit": "bits"},
    ),
    Step(
        "message", "2. Cross-entropy as message length", "discrete",
        "<p>Build a code for symbols drawn from Q: the ideal code word for symbol i is "
        "−log<sub>2</sub> q<sub>i</sub> bits long. Now send data that really comes from P with Q's "
        "code. The average message length per symbol is the cross-entropy H(P,Q).</p>",
        "<p>Copy P to Q: the code now fits the data and H(P,Q) drops to H(P), the shortest "
        "average possible. Give Q a tiny bar where P is large and watch that word get long.</p>",
        {"labels": ["A", "B", "C", "D"], "p": [0.5, 0.25, 0.125, 0.125], "q": [0.25, 0.25, 0.25, 0.25],
         "unit": "bits"},
    ),
    Step(
        "kl", "3. KL divergence: the bits wasted", "discrete",
        "<p>Coding P's data with Q's code costs H(P,Q) bits per symbol; the best code costs H(P). "
        "The difference is the Kullback-Leibler divergence D(P‖Q): the price of believing Q when "
        "the truth is P. It is never negative, and it is 0 only when Q = P.</p>",
        "<p>Drag either distribution and check that the two bars of the decomposition always "
        "add up: cross-entropy = entropy + KL.</p>",
        {"labels": ["A", "B", "C", "D", "E"], "p": [0.1, 0.4, 0.3, 0.15, 0.05],
         "q": [0.3, 0.1, 0.2, 0.2, 0.2], "unit": "nats"},
    ),
    Step(
        "asymmetry", "4. KL is not symmetric", "discrete",
        "<p>D(P‖Q) weighs the log-ratio log(p/q) by P; D(Q‖P) weighs log(q/p) by Q. Different "
        "weights, different answers: in general D(P‖Q) ≠ D(Q‖P). Where Q gives zero probability to "
        "something P can produce, D(P‖Q) is infinite — while D(Q‖P) may stay small.</p>",
        "<p>Press <i>Swap P ⇄ Q</i> and compare. Then press <i>Support mismatch</i>: one direction "
        "becomes ∞, the other does not.</p>",
        {"labels": ["A", "B", "C"], "p": [0.8, 0.15, 0.05], "q": [0.34, 0.33, 0.33], "unit": "nats"},
    ),
    Step(
        "sampling", "5. KL as an average over samples", "discrete",
        "<p>D(P‖Q) is the expected value, under P, of log p(x)/q(x). Draw samples from P, average "
        "the log-ratios, and the running mean settles on D(P‖Q) — the law of large numbers at "
        "work. This is how KL is estimated when only samples are available.</p>",
        "<p>Draw 100, then 1000 more samples and watch the running mean close in on the dashed "
        "line. Try it with Q = P (the line is at 0) and with a support mismatch.</p>",
        {"labels": ["A", "B", "C"], "p": [0.5, 0.3, 0.2], "q": [0.2, 0.2, 0.6], "unit": "nats"},
    ),
    Step(
        "bce", "6. Binary cross-entropy", "losses",
        "<p>A binary classifier outputs f = sigmoid(z), the probability it gives to class 1: a "
        "Bernoulli distribution. The label y is another (a hard label is Bern(0) or Bern(1)). The "
        "usual loss −[y log f + (1−y) log(1−f)] is exactly the cross-entropy H(Bern(y), Bern(f)). "
        "With a hard label H(Bern(y)) = 0, so the loss equals the KL divergence.</p>",
        "<p>Move the logit z and watch the point slide along the loss curve; set y to 0.7 (a soft "
        "label) and see the loss stay above H(Bern(y)).</p>",
        {"panel": 0},
    ),
    Step(
        "cce", "7. Categorical cross-entropy", "losses",
        "<p>With K classes the network outputs logits z; softmax turns them into probabilities. "
        "The loss −Σ y<sub>i</sub> log softmax(z)<sub>i</sub> = logsumexp(z) − Σ y<sub>i</sub> "
        "z<sub>i</sub> is the cross-entropy between the target and the model. Computing it from "
        "the logits (logsumexp) stays exact even when the logits are huge.</p>",
        "<p>Drag the logit of the target class up: the loss falls towards 0. With two classes the "
        "numbers match the Bernoulli panel with z = z<sub>1</sub> − z<sub>0</sub>.</p>",
        {"panel": 1},
    ),
    Step(
        "mse", "8. Mean squared error is a cross-entropy too", "losses",
        "<p>Let the network's output f be the mean of a Normal with variance 1. The cross-entropy "
        "for a target y is −log N(y; f, 1) = ½ log 2π + ½ (y − f)<sup>2</sup> — note the ½ on "
        "the squared error. Averaged over data pairs (x, y) it is ½ log 2π + ½ MSE, so minimising "
        "the MSE and minimising this cross-entropy give the same fit.</p>",
        "<p>Drag the data points and watch the fitted line: the mean cross-entropy and ½ MSE move "
        "together, a constant ½ log 2π apart.</p>",
        {"panel": 2},
    ),
)


def formula(step, m, state, unit):
    """The step's formula as HTML with the live numbers (`m`: the app's DiscreteMeasures)."""
    if step.tab != "discrete" or m is None:
        return ""
    p = state.p
    if step.key == "entropy":
        terms = " + ".join(f"{p[i]:.3g}·log(1/{p[i]:.3g})" for i in range(len(p)) if p[i] > 0)
        return f"H(P) = Σ p<sub>i</sub> log(1/p<sub>i</sub>) = {terms} = <b>{_v(m.entropy_p)} {unit}</b>"
    if step.key == "message":
        return (f"H(P,Q) = Σ p<sub>i</sub> · (−log q<sub>i</sub>) = <b>{_v(m.cross_entropy_pq)} {unit}</b>"
                f" per symbol; the best possible, H(P) = {_v(m.entropy_p)} {unit}")
    if step.key == "kl":
        return (f"H(P,Q) = H(P) + D(P‖Q):  <b>{_v(m.cross_entropy_pq)}</b> = {_v(m.entropy_p)} + "
                f"{_v(m.kl_pq)} {unit}")
    if step.key == "asymmetry":
        sign = "=" if m.kl_pq == m.kl_qp else "≠"
        return f"D(P‖Q) = <b>{_v(m.kl_pq)}</b> {sign} D(Q‖P) = <b>{_v(m.kl_qp)}</b> {unit}"
    if step.key == "sampling":
        return f"E<sub>x~P</sub>[log p(x)/q(x)] = D(P‖Q) = <b>{_v(m.kl_pq)} {unit}</b>"
    return ""


def _cell(text):
    """Data for a table cell: escaped, its line breaks kept as breaks."""
    return html.escape(text).replace("\n", "<br>").replace("\u2028", "<br>").replace("\u2029", "<br>")


def code_table(state, lengths):
    """HTML table of the code words' lengths (-log2 q_i, given) beside p_i and q_i.

    The labels are data (a session file's): escaped, so they show as the text they are."""
    rows = "".join(
        f"<tr><td>{_cell(lab)}</td><td align=right>{p:.3g}</td><td align=right>{q:.3g}</td>"
        f"<td align=right>{format_value(n, 3)}</td></tr>"
        for lab, p, q, n in zip(state.labels, state.p, state.q, lengths)
    )
    return ("<table cellspacing=0 cellpadding=3><tr><th></th><th>p</th><th>q</th>"
            f"<th>code length −log₂ q (bits)</th></tr>{rows}</table>")
