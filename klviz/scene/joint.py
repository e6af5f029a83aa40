"""The Joint view as a scene: P(X, Y), its marginals and their product, the pointwise terms of
I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the six readouts and the information diagram. `JointState`, the
immutable state the Joint tab edits, lives in `klviz.state.joint` (re-exported here).

Qt-free. Every number comes from `klviz.core.joint`; nothing here re-derives a measure.
(Definitions: ../shared/MATH.md, "Joint distributions".)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from klviz.core import joint as cj
from klviz.core.format import format_value
from klviz.core.units import check_unit
from klviz.state.joint import (  # noqa: F401 (re-exported: the state's home was here)
    DEFAULT_EPSILON,
    MAX_SIZE,
    MIN_SIZE,
    PRESET_NOTES,
    PRESETS,
    JointState,
)

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


def joint_scene(joint, row_labels=None, col_labels=None, unit="bits", digits=4):
    """The scene of a joint: a `JointState`, a `klviz.core.joint.Joint` or a table of weights
    (validated and normalised). Labels default to the joint's own, else x1.../y1...; digits: the
    significant digits of the readouts' texts (the cells keep their own). ValueError for bad input."""
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
                     f"{READOUT_NAMES[k]} = {format_value(getattr(m, _MEASURE_FIELDS[k]), digits)} {unit}")
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
        divergence_text=f"I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)) = {format_value(mi, digits)} {unit}",
    )
