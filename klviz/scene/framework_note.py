"""The "same numbers in your framework" note as plain text, without Qt.

`note_pair(p, q, q_logits=None)` validates a discrete pair (probability or weight vectors of one
length; Q from its logits when given, so log Q stays exact where softmax underflows) and returns
an opaque `NotePair`; `note_text(pair)` is the note for it: the PyTorch, TensorFlow (Keras), JAX
and Optax expressions for D(P‖Q) and H(P,Q) with the value each prints, all from
`klviz.core.frameworks` (text only: no framework is imported).
"""

from __future__ import annotations

from dataclasses import dataclass

from klviz.core.frameworks import framework_note
from klviz.core.spec import Categorical


@dataclass(frozen=True, eq=False)
class NotePair:
    p: Categorical
    q: Categorical


def note_pair(p, q, q_logits=None):
    """A validated NotePair (ValueError for vectors that are not a discrete pair)."""
    P = Categorical.from_weights(p, "P")
    Q = Categorical.from_weights(q, "Q") if q_logits is None else Categorical.from_logits(q_logits, "Q")
    if len(P) != len(Q):
        raise ValueError(f"P and Q have different lengths ({len(P)} and {len(Q)})")
    return NotePair(P, Q)


def note_text(pair, digits=6):
    """The note of a NotePair as plain text (a block per framework)."""
    return framework_note(pair.p, pair.q).text(digits)
