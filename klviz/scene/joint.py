"""The Joint view as a scene: P(X, Y), its marginals and their product, the pointwise terms of
I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the six readouts and the information diagram; and `JointState`,
the immutable state the Joint tab edits (pure operations, the session-file form).

Qt-free. Every number comes from `klviz.core.joint`; nothing here re-derives a measure.
(Definitions: ../shared/MATH.md, "Joint distributions".)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from klviz.core import joint as cj
from klviz.core.format import format_value
from klviz.core.units import check_unit
from klviz.session import check_labels as _check_label_text

PRESETS = cj.JOINT_PRESETS
PRESET_NOTES = dict(cj.PRESET_NOTES)
MIN_SIZE = cj.MIN_EDIT
MAX_SIZE = cj.MAX_EDIT
DEFAULT_EPSILON = 0.1
READOUT_KEYS = ("entropy_x", "entropy_y", "joint_entropy", "cond_x_given_y", "cond_y_given_x",
                "mutual_information")
READOUT_NAMES = {"entropy_x": "H(X)", "entropy_y": "H(Y)", "joint_entropy": "H(X,Y)",
                 "cond_x_given_y": "H(X|Y)", "cond_y_given_x": "H(Y|X)", "mutual_information": "I(X;Y)"}
_MEASURE_FIELDS = {"entropy_x": "entropy_x", "entropy_y": "entropy_y", "joint_entropy": "joint_entropy",
                   "cond_x_given_y": "conditional_entropy_x_given_y",
                   "cond_y_given_x": "conditional_entropy_y_given_x",
                   "mutual_information": "mutual_information"}
CELL_DIGITS = 3


# ---------------------------------------------------------------------------------------------
# The state


def _labels(labels, n, axis):
    try:
        return _check_label_text(labels, n)
    except ValueError as exc:
        raise ValueError(f"{axis} labels: {exc}") from None


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
        for n, what in ((rows, "rows"), (cols, "columns")):
            if not MIN_SIZE <= n <= MAX_SIZE:
                raise ValueError(f"the joint must have {MIN_SIZE} to {MAX_SIZE} {what} (got {n})")
        object.__setattr__(self, "grid", _frozen_grid(P))
        object.__setattr__(self, "row_labels", _labels(self.row_labels, rows, "row"))
        object.__setattr__(self, "col_labels", _labels(self.col_labels, cols, "column"))

    # -- construction
    @classmethod
    def from_weights(cls, weights, row_labels=None, col_labels=None):
        """Non-negative weights normalised by their exact sum; default labels x1.../y1..."""
        J = cj.Joint.from_weights(weights, "the joint")
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
            raise ValueError("the joint must be an object with rows, row_labels and col_labels")
        unknown = sorted(set(data) - {"rows", "row_labels", "col_labels"}, key=str)
        if unknown:
            raise ValueError(f"the joint has an unknown key {str(unknown[0])!r}")
        rows = data.get("rows")
        if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
            raise ValueError("the joint's rows must be a list of rows, each a list of numbers")
        if len(rows) > MAX_SIZE or any(len(r) > MAX_SIZE for r in rows):
            raise ValueError(f"the joint may have at most {MAX_SIZE} × {MAX_SIZE} cells")
        for i, r in enumerate(rows, 1):
            for j, v in enumerate(r, 1):
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    raise ValueError(f"the joint's row {i}, column {j} is not a number")
        labels = {}
        for key in ("row_labels", "col_labels"):
            value = data.get(key)
            if value is not None and (not isinstance(value, list) or not all(isinstance(s, str) for s in value)):
                raise ValueError(f"the joint's {key} must be a list of strings")
            labels[key] = value
        return cls.from_weights(rows, labels["row_labels"], labels["col_labels"])


# ---------------------------------------------------------------------------------------------
# The scene


class JointReadout(NamedTuple):
    key: str     # one of READOUT_KEYS
    name: str    # "H(X)", ..., "I(X;Y)"
    value: float  # in the scene's unit, finite, >= 0
    text: str    # plain text: "I(X;Y) = 0.5310 bits"


@dataclass(frozen=True, eq=False)
class JointScene:
    """Everything a Joint view draws. Arrays are read-only; texts are plain text (never markup)."""

    unit: str
    row_labels: tuple
    col_labels: tuple
    joint: np.ndarray       # P(X,Y), normalised
    p_x: np.ndarray
    p_y: np.ndarray
    product: np.ndarray     # P(X)P(Y)
    terms: np.ndarray       # P log(P / P(X)P(Y)) in `unit`: signed, 0 where P = 0; they sum to I
    readouts: tuple         # JointReadout in READOUT_KEYS order
    diagram: cj.InformationDiagram  # H(X|Y), I(X;Y), H(Y|X) on one scale
    prob_limits: tuple      # (0, top): one colour scale for the joint and the product
    term_limits: tuple      # (-L, L): symmetric around 0
    joint_texts: tuple      # cell texts, rows of strings
    product_texts: tuple
    term_texts: tuple
    p_x_texts: tuple        # the marginals' texts
    p_y_texts: tuple
    divergence_text: str    # "I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)) = 0.5310 bits"

    @property
    def shape(self):
        return self.joint.shape

    def readout(self, key):
        for r in self.readouts:
            if r.key == key:
                return r
        raise KeyError(key)


def _texts(values, digits=CELL_DIGITS):
    return tuple(tuple(format_value(float(v), digits) for v in row) for row in values)


def _read_only(a):
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


def joint_scene(joint, row_labels=None, col_labels=None, unit="bits"):
    """The scene of a joint: a `JointState`, a `klviz.core.joint.Joint` or a table of weights
    (validated and normalised). Labels default to the joint's own, else x1.../y1...;
    ValueError for bad input."""
    check_unit(unit)
    if isinstance(joint, JointState):
        J = joint.joint()
    elif isinstance(joint, cj.Joint):
        J = joint
    else:
        J = cj.Joint.from_weights(joint, "the joint")
    rows, cols = J.shape
    r_default, c_default = cj.default_joint_labels(rows, cols)
    rl = tuple(row_labels) if row_labels is not None else (J.row_labels or r_default)
    cl = tuple(col_labels) if col_labels is not None else (J.col_labels or c_default)
    J = J.with_labels(rl, cl)
    m = cj.joint_measures(J, unit)
    readouts = tuple(
        JointReadout(k, READOUT_NAMES[k], getattr(m, _MEASURE_FIELDS[k]),
                     f"{READOUT_NAMES[k]} = {format_value(getattr(m, _MEASURE_FIELDS[k]))} {unit}")
        for k in READOUT_KEYS)
    top = float(max(m.joint.max(), m.product.max()))
    span = float(np.max(np.abs(m.mi_terms)))
    if not span > 0:
        span = 1.0  # every term is 0 (independent): a neutral map on any scale
    mi = m.mutual_information
    return JointScene(
        unit=unit, row_labels=rl, col_labels=cl, joint=_read_only(m.joint), p_x=_read_only(m.p_x),
        p_y=_read_only(m.p_y), product=_read_only(m.product), terms=_read_only(m.mi_terms),
        readouts=readouts, diagram=cj.information_diagram(m), prob_limits=(0.0, top if top > 0 else 1.0),
        term_limits=(-span, span), joint_texts=_texts(m.joint), product_texts=_texts(m.product),
        term_texts=_texts(m.mi_terms), p_x_texts=_texts([m.p_x])[0], p_y_texts=_texts([m.p_y])[0],
        divergence_text=f"I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)) = {format_value(mi)} {unit}",
    )
