"""The Joint tab's state, with no Qt: `JointState`, an immutable probability table P(X, Y) with
its row and column labels, the pure operations the tab's gestures make, and its session-file form
(the optional "joint" object of a version-2 session file).

Every number comes from `klviz.core.joint`. (Definitions: ../shared/MATH.md, "Joint distributions".)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core import joint as cj
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase
from klviz.state.discrete import check_labels as _check_label_text

# the name core's refusals give a session file's joint (translated with them in the gui)
_THE_JOINT = Phrase(QT_TRANSLATE_NOOP("klviz", "the joint"))

PRESETS = cj.JOINT_PRESETS
PRESET_NOTES = dict(cj.PRESET_NOTES)
MIN_SIZE = cj.MIN_EDIT
MAX_SIZE = cj.MAX_EDIT
DEFAULT_EPSILON = 0.1
_SUMS_TO_ONE = 1e-12  # a table this close to a total of 1 is read as the probabilities it is


def _labels(labels, n, axis):
    try:
        return _check_label_text(labels, n)
    except ValueError as exc:
        why = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        template = (QT_TRANSLATE_NOOP("klviz", "row labels: {why}") if axis == "row"
                    else QT_TRANSLATE_NOOP("klviz", "column labels: {why}"))
        raise ValueError(Phrase(template, why=why)) from None


def _fresh_labels(kept, n, prefix):
    """`kept` (possibly shorter than n) completed with prefix1, prefix2, ... not already used."""
    out = list(kept[:n])
    k = 1
    while len(out) < n:
        name = f"{prefix}{k}"
        if name not in out:
            out.append(name)
        k += 1
    return tuple(out)


def _frozen_grid(P):
    return tuple(tuple(float(v) for v in row) for row in np.asarray(P, dtype=float))


@dataclass(frozen=True)
class JointState:
    """What the Joint tab edits: `grid` (rows X of columns Y, a probability table as nested
    tuples of floats), `row_labels`, `col_labels` (tuples of plain text). Immutable; every
    operation returns a new state and raises ValueError for bad input, leaving this one as it is."""

    grid: tuple
    row_labels: tuple
    col_labels: tuple

    def __post_init__(self):
        P = cj.check_joint_probs(self.grid, "the joint")
        rows, cols = P.shape
        for n, template in ((rows, QT_TRANSLATE_NOOP("klviz", "the joint must have {lo} to {hi} rows (got {n})")),
                            (cols, QT_TRANSLATE_NOOP("klviz", "the joint must have {lo} to {hi} columns (got {n})"))):
            if not MIN_SIZE <= n <= MAX_SIZE:
                raise ValueError(Phrase(template, lo=MIN_SIZE, hi=MAX_SIZE, n=n))
        object.__setattr__(self, "grid", _frozen_grid(P))
        object.__setattr__(self, "row_labels", _labels(self.row_labels, rows, "row"))
        object.__setattr__(self, "col_labels", _labels(self.col_labels, cols, "column"))

    # -- construction
    @classmethod
    def from_weights(cls, weights, row_labels=None, col_labels=None):
        """Non-negative weights normalised by their exact sum; default labels x1.../y1..."""
        J = cj.Joint.from_weights(weights, _THE_JOINT)
        rows, cols = J.shape
        r, c = cj.default_joint_labels(rows, cols)
        return cls(_frozen_grid(J.probs), tuple(r if row_labels is None else row_labels),
                   tuple(c if col_labels is None else col_labels))

    @classmethod
    def preset(cls, kind, rows=None, cols=None, *, epsilon=DEFAULT_EPSILON, seed=0):
        """A named joint (`PRESETS`): see `klviz.core.joint.joint_preset`."""
        J = cj.joint_preset(kind, rows, cols, epsilon=epsilon, seed=seed)
        return cls(_frozen_grid(J.probs), J.row_labels, J.col_labels)

    @classmethod
    def default(cls):
        return cls.preset("bsc", epsilon=DEFAULT_EPSILON)

    # -- reading
    @property
    def shape(self):
        return len(self.grid), len(self.grid[0])

    @property
    def probs(self):
        """The grid as a fresh float array."""
        return np.array(self.grid, dtype=float)

    def joint(self):
        """The `klviz.core.joint.Joint` of this state (with its labels)."""
        return cj.Joint.from_weights(self.probs, "the joint", self.row_labels, self.col_labels)

    # -- pure operations
    def set_cell(self, i, j, value):
        """P(i, j) = value (clamped to [0, 1]); every other cell scaled by one factor (the Discrete
        tab's drag rule, `klviz.core.joint.set_cell`)."""
        return JointState(_frozen_grid(cj.set_cell(self.probs, i, j, value)), self.row_labels, self.col_labels)

    def set_row_marginal(self, i, value):
        """p_x(i) = value; every row keeps its conditional P(Y | X = row)."""
        return JointState(_frozen_grid(cj.set_row_marginal(self.probs, i, value)), self.row_labels,
                          self.col_labels)

    def set_col_marginal(self, j, value):
        """p_y(j) = value; every column keeps its conditional P(X | Y = column)."""
        return JointState(_frozen_grid(cj.set_column_marginal(self.probs, j, value)), self.row_labels,
                          self.col_labels)

    def resize(self, rows, cols):
        """rows × cols cells (2 to 12 each): kept cells keep their proportions, new ones get a fair
        share; labels kept, new rows/columns get unused default labels."""
        P = cj.resize_joint(self.probs, rows, cols)
        return JointState(_frozen_grid(P), _fresh_labels(self.row_labels, P.shape[0], "x"),
                          _fresh_labels(self.col_labels, P.shape[1], "y"))

    def relabel(self, row_labels=None, col_labels=None):
        """New labels for the rows and/or the columns (validated as the Discrete tab's: 1 to 40
        characters of one line of plain text, distinct)."""
        return JointState(self.grid, self.row_labels if row_labels is None else tuple(row_labels),
                          self.col_labels if col_labels is None else tuple(col_labels))

    # -- the session file
    def to_dict(self):
        return {"rows": [list(r) for r in self.grid], "row_labels": list(self.row_labels),
                "col_labels": list(self.col_labels)}

    @classmethod
    def from_dict(cls, data):
        """The state a session file's "joint" object describes; ValueError naming what is wrong.
        Cells may be weights (they are normalised by their exact sum)."""
        if not isinstance(data, dict):
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint must be an object with rows, row_labels and col_labels")))
        unknown = sorted(set(data) - {"rows", "row_labels", "col_labels"}, key=str)
        if unknown:
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint has an unknown key {key}"), key=repr(str(unknown[0]))))
        rows = data.get("rows")
        if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint's rows must be a list of rows, each a list of numbers")))
        if len(rows) > MAX_SIZE or any(len(r) > MAX_SIZE for r in rows):
            raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint may have at most {n} × {n} cells"), n=MAX_SIZE))
        for i, r in enumerate(rows, 1):
            for j, v in enumerate(r, 1):
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint's row {i}, column {j} is not a number"), i=i, j=j))
        labels = {}
        for key in ("row_labels", "col_labels"):
            value = data.get(key)
            if value is not None and (not isinstance(value, list) or not all(isinstance(s, str) for s in value)):
                raise ValueError(Phrase(QT_TRANSLATE_NOOP("klviz", "the joint's {key} must be a list of strings"), key=key))
            labels[key] = value
        state = cls.from_weights(rows, labels["row_labels"], labels["col_labels"])
        cells = [float(v) for r in rows for v in r]
        if max(cells) <= 1.0 and abs(math.fsum(cells) - 1.0) <= _SUMS_TO_ONE:
            # already probabilities (as klviz saves them): kept exactly, so that saving and reading
            # again gives the very same table instead of drifting by an ulp per round trip
            state = cls(tuple(tuple(float(v) for v in r) for r in rows), state.row_labels, state.col_labels)
        return state


_DEFAULT = []


def default_joint():
    """The Joint tab's starting state (the BSC with ε = 0.1), made once: states are immutable."""
    if not _DEFAULT:
        _DEFAULT.append(JointState.default())
    return _DEFAULT[0]
