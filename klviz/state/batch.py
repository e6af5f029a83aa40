"""The loss lab's imported batch, with no Qt: n rows of k ≥ 2 logits, one 0-based target class per
row, and the classes' labels (or None). Immutable (read-only arrays), so an import is an undo step
like any other edit.

It is data read from a file (File › Import data… › the loss lab's batch), not something a user
edits. A session file holds it as its optional "batch" part (`to_dict`, read back by
klviz.state.fileformat): at most MAX_FILE_ROWS rows, MAX_FILE_CELLS logits in all, class labels
as klviz.core.datafile reads them (distinct one-line text, at most MAX_LABEL_LENGTH characters).
"""

from __future__ import annotations

from dataclasses import dataclass

import unicodedata

import numpy as np

from klviz.core.checks import BAD_LABEL_CATEGORIES, MAX_LABEL_LENGTH  # as klviz.core.datafile reads them
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase

MAX_FILE_ROWS = 10_000  # what a session file's batch may hold (the file itself is at most 1 MB)
MAX_FILE_CELLS = 100_000


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

    def to_dict(self):
        """The session file's "batch" part: logits (rows), targets (0-based), class_labels if any."""
        d = {"logits": self.logits.tolist(), "targets": self.targets.tolist()}
        if self.class_labels is not None:
            d["class_labels"] = list(self.class_labels)
        return d

    def same_as(self, other):
        return (isinstance(other, BatchState) and self.class_labels == other.class_labels
                and np.array_equal(self.logits, other.logits) and np.array_equal(self.targets, other.targets))


def same_batch(a, b):
    """Equal batches (None is no batch)."""
    return a is b or (a is not None and a.same_as(b))


def check_class_label(text):
    """A class label as a data file may hold it: non-empty one-line text of at most
    MAX_LABEL_LENGTH characters, with no control, separator or bidirectional-control character.
    Returns the reason it is not one (a Phrase: the gui translates it), or None."""
    if not isinstance(text, str):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "must be text"))
    if not text.strip() or text != unicodedata.normalize("NFC", text.strip()):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "must be non-empty NFC text without surrounding space"))
    if len(text) > MAX_LABEL_LENGTH:
        return Phrase(QT_TRANSLATE_NOOP("klviz", "is longer than {most} characters ({n})"), most=MAX_LABEL_LENGTH, n=len(text))
    for ch in text:
        if unicodedata.category(ch) in BAD_LABEL_CATEGORIES:
            return Phrase(QT_TRANSLATE_NOOP("klviz", "holds the character U+{code:04X}; a label is one line of plain text"),
                          code=ord(ch))
    return None
