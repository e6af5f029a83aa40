"""The loss lab's imported batch, with no Qt: n rows of k ≥ 2 logits, one 0-based target class per
row, and the classes' labels (or None). Immutable (read-only arrays), so an import is an undo step
like any other edit.

It is data read from a file (File › Import data… › the loss lab's batch), not something a user
edits, and it can be far larger than a session file may be: it is not written to session files
(import the file again).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _read_only(a):
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class BatchState:
    logits: np.ndarray          # n × k floats, finite
    targets: np.ndarray         # n class indices, 0 ≤ t < k
    class_labels: tuple | None = None  # k names, or None

    def __post_init__(self):
        z = np.array(self.logits, dtype=float)
        if z.ndim != 2 or z.shape[0] < 1 or z.shape[1] < 2:
            raise ValueError("a batch is n ≥ 1 rows of k ≥ 2 logits")
        if not np.all(np.isfinite(z)):
            raise ValueError("a batch's logits must be finite numbers")
        t = np.asarray(self.targets)
        if t.shape != (z.shape[0],) or t.dtype.kind not in "iu":
            raise ValueError(f"a batch needs one whole-number target per row ({z.shape[0]})")
        if t.min() < 0 or t.max() >= z.shape[1]:
            raise ValueError(f"a batch's targets must be class indices from 0 to {z.shape[1] - 1}")
        labels = self.class_labels
        if labels is not None:
            labels = tuple(str(s) for s in labels)
            if len(labels) != z.shape[1]:
                raise ValueError(f"{len(labels)} class labels for {z.shape[1]} classes")
        object.__setattr__(self, "logits", _read_only(z))
        object.__setattr__(self, "targets", _read_only(t.astype(np.int64)))
        object.__setattr__(self, "class_labels", labels)

    @property
    def shape(self):
        return self.logits.shape

    def same_as(self, other):
        return (isinstance(other, BatchState) and self.class_labels == other.class_labels
                and np.array_equal(self.logits, other.logits) and np.array_equal(self.targets, other.targets))


def same_batch(a, b):
    """Equal batches (None is no batch)."""
    return a is b or (a is not None and a.same_as(b))
