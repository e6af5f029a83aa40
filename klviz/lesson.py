"""The guided lesson: steps in order, each a scene to set up, an explanation in our own words, a
formula with the live numbers substituted, and something to try. Qt-free: the panel in
klviz.gui.lesson_dock renders it, and the numbers come from the app's measures (nothing here
computes a measure; it only formats the values it is given).

The formulas with their live numbers and the code table are built in klviz.scene.lesson (this
module is the content only, which klviz.state reads too).

A step's `scene` is plain data, the whole of what its "Try this" needs (klviz.state.lesson turns it
into a session): "unit" always; "discrete" (labels, p, q) for the Discrete and Coding tabs;
"continuous" (p, q: Normals or mixtures); "losses" (the loss-lab part the panel shows, its fields)
with "panel" (the Losses tab's sub-panel); "joint" (a preset of the Joint tab); "open" (the
objectNames of folded parts the step unfolds: a short page folds them first). Every step also
sets the view options to their defaults (P and Q apart, σ_Q free).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from klviz.core.spec import Mixture, Normal
from klviz.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    tab: str  # "discrete", "continuous", "losses", "coding" or "joint": the page_<tab> to show
    body: str  # HTML
    try_this: str  # HTML
    scene: dict = field(default_factory=dict)  # what to set up on entering the step


_FOUR = ["A", "B", "C", "D"]
_DYADIC = [0.5, 0.25, 0.125, 0.125]
_BIMODAL = {"p": Mixture.from_params(0.5, -3.0, 0.8, 3.0, 0.8), "q": Normal(0.8, 1.5)}

STEPS = (
    Step(
        "entropy", QT_TRANSLATE_NOOP("klviz", "1. Entropy: how surprising is P?"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>Entropy measures the average surprise of outcomes drawn from P. A rare outcome "
        "(small p<sub>i</sub>) is surprising, −log p<sub>i</sub> is large; the entropy weighs each "
        "surprise by how often it happens.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Drag P towards a single bar: the entropy falls to 0 (no surprise). Make P flat: it "
        "rises to its maximum, log n.</p>"),
        {"discrete": {"labels": _FOUR, "p": _DYADIC, "q": [0.25, 0.25, 0.25, 0.25]}, "unit": "bits"},
    ),
    Step(
        "message", QT_TRANSLATE_NOOP("klviz", "2. Cross-entropy as message length"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>Build a code for symbols drawn from Q: the ideal code word for symbol i is "
        "−log<sub>2</sub> q<sub>i</sub> bits long. Now send data that really comes from P with Q's "
        "code. The average message length per symbol is the cross-entropy H(P,Q).</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Copy P to Q: the code now fits the data and H(P,Q) drops to H(P), the shortest "
        "average possible. Give Q a tiny bar where P is large and watch that word get long.</p>"),
        {"discrete": {"labels": _FOUR, "p": _DYADIC, "q": [0.25, 0.25, 0.25, 0.25]}, "unit": "bits"},
    ),
    Step(
        "kl", QT_TRANSLATE_NOOP("klviz", "3. KL divergence: the bits wasted"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>Coding P's data with Q's code costs H(P,Q) bits per symbol; the best code costs H(P). "
        "The difference is the Kullback-Leibler divergence D(P‖Q): the price of believing Q when "
        "the truth is P. It is never negative, and it is 0 only when Q = P.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Drag either distribution and check that the two bars of the decomposition always "
        "add up: cross-entropy = entropy + KL.</p>"),
        {"discrete": {"labels": ["A", "B", "C", "D", "E"], "p": [0.1, 0.4, 0.3, 0.15, 0.05],
                      "q": [0.3, 0.1, 0.2, 0.2, 0.2]}, "unit": "bits"},
    ),
    Step(
        "asymmetry", QT_TRANSLATE_NOOP("klviz", "4. KL is not symmetric"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>D(P‖Q) weighs the log-ratio log(p/q) by P; D(Q‖P) weighs log(q/p) by Q. Different "
        "weights, different answers: in general D(P‖Q) ≠ D(Q‖P). Where Q gives zero probability to "
        "something P can produce, D(P‖Q) is infinite — while D(Q‖P) may stay small.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Press <i>Swap P ⇄ Q</i> and compare. Then press <i>Support mismatch</i>: one direction "
        "becomes ∞, the other does not.</p>"),
        {"discrete": {"labels": ["A", "B", "C"], "p": [0.8, 0.15, 0.05], "q": [0.34, 0.33, 0.33]}, "unit": "nats"},
    ),
    Step(
        "sampling", QT_TRANSLATE_NOOP("klviz", "5. KL as an average over samples"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>D(P‖Q) is the expected value, under P, of log p(x)/q(x). Draw samples from P, average "
        "the log-ratios, and the running mean settles on D(P‖Q) — the law of large numbers at "
        "work. This is how KL is estimated when only samples are available.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Draw 100, then 1000 more samples and watch the running mean close in on the dashed "
        "line. Try it with Q = P (the line is at 0) and with a support mismatch.</p>"),
        {"discrete": {"labels": ["A", "B", "C"], "p": [0.5, 0.3, 0.2], "q": [0.2, 0.2, 0.6]}, "unit": "nats"},
    ),
    Step(
        "bce", QT_TRANSLATE_NOOP("klviz", "6. Binary cross-entropy"), "losses",
        QT_TRANSLATE_NOOP("klviz", "<p>A binary classifier outputs f = sigmoid(z), the probability it gives to class 1: a "
        "Bernoulli distribution. The label y is another (a hard label is Bern(0) or Bern(1)). The "
        "usual loss −[y log f + (1−y) log(1−f)] is exactly the cross-entropy H(Bern(y), Bern(f)). "
        "With a hard label H(Bern(y)) = 0, so the loss equals the KL divergence.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Move the logit z and watch the point slide along the loss curve; set y to 0.7 (a soft "
        "label) and see the loss stay above H(Bern(y)).</p>"),
        {"panel": 0, "losses": {"bernoulli": {"y": 1.0, "z": -0.5}}, "unit": "nats"},
    ),
    Step(
        "cce", QT_TRANSLATE_NOOP("klviz", "7. Categorical cross-entropy"), "losses",
        QT_TRANSLATE_NOOP("klviz", "<p>With K classes the network outputs logits z; softmax turns them into probabilities. "
        "The loss −Σ y<sub>i</sub> log softmax(z)<sub>i</sub> = logsumexp(z) − Σ y<sub>i</sub> "
        "z<sub>i</sub> is the cross-entropy between the target and the model. Computing it from "
        "the logits (logsumexp) stays exact even when the logits are huge.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Drag the logit of the target class up: the loss falls towards 0. With two classes the "
        "numbers match the Bernoulli panel with z = z<sub>1</sub> − z<sub>0</sub>.</p>"),
        {"panel": 1, "losses": {"categorical": {"logits": [2.0, 1.0, 0.1, -1.0],
                                             "target": [0.0, 0.0, 1.0, 0.0], "mode": "one-hot"}},
         "unit": "nats"},
    ),
    Step(
        "mse", QT_TRANSLATE_NOOP("klviz", "8. Mean squared error is a cross-entropy too"), "losses",
        QT_TRANSLATE_NOOP("klviz", "<p>Let the network's output f be the mean of a Normal with variance 1. The cross-entropy "
        "for a target y is −log N(y; f, 1) = ½ log 2π + ½ (y − f)<sup>2</sup> — note the ½ on "
        "the squared error. Averaged over data pairs (x, y) it is ½ log 2π + ½ MSE, so minimising "
        "the MSE and minimising this cross-entropy give the same fit.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Drag the data points and watch the fitted line: the mean cross-entropy and ½ MSE move "
        "together, a constant ½ log 2π apart.</p>"),
        {"panel": 2, "losses": {"normal": {}}, "unit": "nats", "open": ["part_loss_data"]},
    ),
    Step(
        "codes", QT_TRANSLATE_NOOP("klviz", "9. Codes you can count"), "coding",
        QT_TRANSLATE_NOOP("klviz", "<p>Cross-entropy is a length you can count. Give each symbol a real code word built for Q "
        "(a Huffman code, or Shannon's ⌈−log<sub>2</sub> q<sub>i</sub>⌉ bits). Draw each symbol as "
        "a column: its width is p<sub>i</sub>, how often it is sent; its height is the length of "
        "its word. The area is the average number of bits per symbol. With ideal lengths "
        "−log<sub>2</sub> q<sub>i</sub> the area is H(P,Q); with P's own lengths it is H(P); the "
        "area between them is D(P‖Q).</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Drag Q towards P: the columns get shorter until the extra area vanishes. Then send a "
        "message: the bit string's length is close to N·H(P,Q), never below N·H(P).</p>"),
        {"discrete": {"labels": _FOUR, "p": _DYADIC, "q": [0.125, 0.125, 0.25, 0.5]}, "unit": "bits"},
    ),
    Step(
        "normal", QT_TRANSLATE_NOOP("klviz", "10. Normals: entropy below zero"), "continuous",
        QT_TRANSLATE_NOOP("klviz", "<p>For a density the same formulas hold with integrals, but a density is not a "
        "probability: a narrow Normal is taller than 1, so −log p(x) is negative near its peak. The "
        "differential entropy of N(μ, σ²) is ½ log(2πe σ<sup>2</sup>), negative once σ &lt; "
        "1/√(2πe) ≈ 0.242. It is no longer an average number of bits. D(P‖Q) keeps its meaning: "
        "it stays ≥ 0, and 0 only when Q = P.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Move P's std dev slider past 0.242 and watch h(P) change sign. Then move Q's mean and "
        "std dev: D(P‖Q) never goes below 0.</p>"),
        {"continuous": {"p": Normal(0.0, 0.2), "q": Normal(1.0, 1.0)}, "unit": "nats"},
    ),
    Step(
        "fits", QT_TRANSLATE_NOOP("klviz", "11. Forward and reverse fits"), "continuous",
        QT_TRANSLATE_NOOP("klviz", "<p>Fit a single Normal Q to a two-peaked P. Minimising D(P‖Q) (forward KL) punishes Q "
        "wherever P has mass and Q has little, so Q spreads out to cover both peaks: "
        "<i>mean-covering</i> (it matches P's mean and variance). Minimising D(Q‖P) (reverse KL) "
        "punishes Q wherever Q has mass and P has little, so Q crowds into one peak: "
        "<i>mode-seeking</i>.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Press <i>Animate the forward fit</i> below and watch Q widen over both peaks. Then "
        "press <i>Animate the reverse fit</i>: from the same start, Q settles on the peak nearest "
        "it. Move Q's mean to the other side first and the reverse fit picks the other peak.</p>"),
        {"continuous": dict(_BIMODAL), "unit": "nats"},
    ),
    Step(
        "alpha", QT_TRANSLATE_NOOP("klviz", "12. The α family: between the two fits"), "continuous",
        QT_TRANSLATE_NOOP("klviz", "<p>The two directions of KL are the ends of one family, Amari's α-divergences. As α → 0 "
        "it becomes the reverse KL D(Q‖P), at α = ½ it is (a multiple of) the squared Hellinger "
        "distance, as α → 1 the forward KL D(P‖Q), and at α = 2 a χ² divergence. Fitting a Normal "
        "with each α moves continuously from mode-seeking to mass-covering.</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Move the α-fit slider from −2 towards 3: Q slides from one peak to covering both, and "
        "its σ grows with α. Watch the inset plot of the fitted μ and σ against α.</p>"),
        {"continuous": dict(_BIMODAL), "unit": "nats"},
    ),
    Step(
        "joint", QT_TRANSLATE_NOOP("klviz", "13. Mutual information is a KL divergence"), "joint",
        QT_TRANSLATE_NOOP("klviz", "<p>Two variables X and Y have a joint distribution P(X,Y). If they were independent it "
        "would be the product of its marginals, P(X)P(Y). Mutual information measures how far "
        "they are from that: I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the bits per pair wasted by a code "
        "that treats them as independent. It is what the information diagram shows between "
        "H(X|Y) and H(Y|X).</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>This is a binary symmetric channel: Y is X flipped with probability ε. Move the ε "
        "slider: I(X;Y) = 1 − h(ε) bits, 1 at ε = 0 and 0 at ε = ½. Then try the XOR-like preset.</p>"),
        {"joint": {"preset": "bsc", "epsilon": 0.1}, "unit": "bits"},
    ),
    Step(
        "optimum", QT_TRANSLATE_NOOP("klviz", "14. Minimise cross-entropy, minimise KL: one optimum"), "discrete",
        QT_TRANSLATE_NOOP("klviz", "<p>Training a classifier minimises the cross-entropy H(P,Q) between the data P and the "
        "model Q. Since H(P,Q) = H(P) + D(P‖Q) and H(P) does not depend on Q, every change of Q "
        "moves both by the same amount: the cross-entropy and the KL divergence have the same "
        "gradient and the same minimiser, Q = P. Minimising the loss <i>is</i> minimising the "
        "KL divergence; the floor H(P,Q) cannot go below is H(P).</p>"),
        QT_TRANSLATE_NOOP("klviz", "<p>Press <i>Fit Q to P</i>: gradient descent on Q's logits. The chart draws H(P,Q) and "
        "D(P‖Q) at each iteration: two parallel curves a constant H(P) apart, reaching their "
        "floors, H(P) and 0, together when Q = P. Undo puts Q back in one step.</p>"),
        {"discrete": {"labels": ["A", "B", "C", "D", "E"], "p": [0.1, 0.4, 0.3, 0.15, 0.05],
                      "q": [0.05, 0.05, 0.1, 0.3, 0.5]}, "unit": "bits"},
    ),
)


TABS = ("discrete", "continuous", "losses", "coding", "joint")
DISCRETE_MEASURES = ("discrete", "coding")  # steps whose formula reads the discrete measures


def step_index(key):
    return next(i for i, s in enumerate(STEPS) if s.key == key)
