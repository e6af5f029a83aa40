"""The Discrete tab's scene, Qt-free: from a DiscreteState (klviz.state.discrete) and a unit to
what the tab shows. The tab, the lesson dock and the session model read these; none computes a
measure itself. The scenes built on every drag frame are NamedTuples (frozen, and several times
cheaper to build than a frozen dataclass: the drag path must not get slower).

- `measures(state, unit)`: every measure of the pair (klviz.core.discrete_measures).
- `readouts(state, m, quote)`: the readout grid's values and, for each ∞, its reason (plain text).
- `pointwise(labels, m)`: the per-category terms p_i log(p_i/q_i) and q_i log(q_i/p_i) as bars,
  where an infinite term is drawn to the top and marked, and the round-number y range.
- `sample_log_ratios`, `running_estimate`, `code_lengths`: the lesson's sampling experiment and
  its code table (klviz.core.sampling).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from klviz.core import Categorical, discrete_measures
from klviz.core import sampling as _sampling
from klviz.core.units import convert
from klviz.scene.axes import fitted_top, nice_ceiling
from klviz.scene.readouts import format_value, why_infinite

READOUT_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js")


def measures(state, unit):
    """Every discrete measure of `state`'s P and Q in `unit` (a DiscreteMeasures)."""
    # the state's probabilities are valid by construction; log(0) = -inf is the exact log
    with np.errstate(divide="ignore"):
        P = Categorical(state.p, np.log(state.p))
        Q = Categorical(state.q, np.log(state.q))
    return discrete_measures(P, Q, unit)


class Readouts(NamedTuple):
    """values: key -> float (READOUT_KEYS, in the unit); reasons: key -> why it is ∞ (plain)."""

    values: dict
    reasons: dict


def readouts(labels, m, quote=str):
    """The readout grid of measures `m`: its values and, for an infinite KL or cross-entropy,
    "Q(C) = 0 where P(C) > 0" with the first four labels (each through `quote`)."""
    reasons = {}
    if m.mismatch_pq.size:
        why = why_infinite(m.mismatch_pq, labels, "P", "Q", quote=quote)
        reasons.update(kl_pq=why, cross_entropy_pq=why)
    if m.mismatch_qp.size:
        why = why_infinite(m.mismatch_qp, labels, "Q", "P", quote=quote)
        reasons.update(kl_qp=why, cross_entropy_qp=why)
    return Readouts({k: getattr(m, k) for k in READOUT_KEYS}, reasons)


class Pointwise(NamedTuple):
    """The pointwise chart: bar centres and heights of both series (an infinite term's bar
    reaches `top`), the x of every "∞" mark, the y range (round numbers) and the sums' texts."""

    x_pq: np.ndarray
    heights_pq: np.ndarray
    x_qp: np.ndarray
    heights_qp: np.ndarray
    infinite_pq: list
    infinite_qp: list
    top: float
    y_range: tuple
    kl_pq_text: str
    kl_qp_text: str


BAR_OFFSET = 0.2  # each category's two bars sit this far left and right of its centre


def pointwise(n, m):
    """The pointwise terms of measures `m` over `n` categories."""
    terms_pq, terms_qp = m.terms_pq, m.terms_qp
    x = np.arange(n, dtype=float)
    finite = np.concatenate([terms_pq[np.isfinite(terms_pq)], terms_qp[np.isfinite(terms_qp)], [0.0]])
    lo, hi = float(finite.min()), float(finite.max())
    span = max(hi - lo, 1e-9)
    top = hi + 0.15 * span
    bottom = min(lo - 0.08 * span, 0.0)
    inf_pq, inf_qp = np.isinf(terms_pq), np.isinf(terms_qp)
    return Pointwise(
        x_pq=x - BAR_OFFSET, heights_pq=np.where(inf_pq, top, terms_pq),
        x_qp=x + BAR_OFFSET, heights_qp=np.where(inf_qp, top, terms_qp),
        infinite_pq=(x[inf_pq] - BAR_OFFSET).tolist(),
        infinite_qp=(x[inf_qp] + BAR_OFFSET).tolist(),
        top=top, y_range=(-nice_ceiling(-bottom) if bottom < 0 else 0.0, nice_ceiling(top)),
        kl_pq_text=format_value(m.kl_pq), kl_qp_text=format_value(m.kl_qp))


# -- the lesson's sampling experiment --------------------------------------------------------------
def sample_log_ratios(state, n, rng):
    """n draws from `state`'s P: (category indices, log p(x)/q(x) per draw in nats)."""
    return _sampling.sample_log_ratios(state.p, state.q, n, rng)


def running_estimate(ratios, unit):
    """The running mean of log-ratios (nats) after 1, 2, … samples, in `unit`: it tends to D(P‖Q)."""
    return convert(_sampling.running_mean(ratios), unit)


def code_lengths(state, unit="bits"):
    """The ideal code length −log q_i of each category of `state`'s Q, in `unit`."""
    return _sampling.code_lengths(state.q, unit)


DECOMPOSITION_ROWS = (  # (entropy key, KL key, cross-entropy key, the three names)
    ("entropy_p", "kl_pq", "cross_entropy_pq", ("H(P,Q)", "H(P)", "D(P‖Q)")),
    ("entropy_q", "kl_qp", "cross_entropy_qp", ("H(Q,P)", "H(Q)", "D(Q‖P)")),
)


class Decomposition(NamedTuple):
    """The two stacked bars H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P), top row first:
    each row's entropy width, divergence width (an infinite one runs 20% past the scale's end,
    open-ended), the scale's top, the "∞ →" marks (x, row index, text) and the caption lines."""

    entropy_widths: list
    divergence_widths: list
    top: float
    marks: list
    lines: list


def decomposition(m, unit, current_top=None):
    """The decomposition chart of measures `m` in `unit`. The scale has hysteresis (`current_top`:
    the top shown now, or None): it moves only when a bar leaves it or fills less than half of
    it, the same during a gesture as after it, so the axis never jumps when one ends."""
    finite = [v for key in ("cross_entropy_pq", "cross_entropy_qp", "entropy_p", "entropy_q")
              if math.isfinite(v := getattr(m, key))]
    top = max(finite + [1e-9])
    need = top * 1.45 if any(math.isinf(getattr(m, k)) for k in ("kl_pq", "kl_qp")) else top * 1.3
    xmax = fitted_top(need, current_top, floor=1e-6, ceiling=math.inf, headroom=1.0)
    widths_h, widths_d, marks, lines = [], [], [], []
    for row, (ek, dk, ck, names) in enumerate(DECOMPOSITION_ROWS):
        h, d, c = getattr(m, ek), getattr(m, dk), getattr(m, ck)
        widths_h.append(h)
        if math.isinf(d):
            widths_d.append(xmax * 1.2 - h)
            marks.append((xmax, row, "∞ →"))
            lines.append(f"<b>{names[0]}</b> = ∞ = {names[1]} + {names[2]} = {format_value(h)} + ∞")
        else:
            widths_d.append(d)
            lines.append(f"<b>{names[0]}</b> = {names[1]} + {names[2]} = {format_value(h)} + "
                         f"{format_value(d)} = {format_value(c)} {unit}")
    return Decomposition(widths_h, widths_d, xmax, marks, lines)
