"""The state a user edits, with no Qt: immutable values and pure operations on them, and the
session file format.

    discrete.py    DiscreteState, the drag rule (set_probability), presets, resize, labels
    continuous.py  ContinuousState: P and Q, the remembered mixture parts, parameter edits, presets
    losslab.py     the loss lab (the Losses tab's three panels)
    joint.py       JointState: the Joint tab's table P(X, Y) and its labels
    batch.py       BatchState: the loss lab's imported batch of logit rows (not saved)
    imports.py     File › Import data…'s result applied to a session (one pure step)
    session.py     Session: every tab in one value, its serialisation, rules across parts
    fileformat.py  validated load of format versions 1 and 2, atomic save, SessionError
"""

from klviz.state.continuous import CONTINUOUS_PRESETS, ContinuousState, SecondComponent
from klviz.state.discrete import (
    DISCRETE_PRESETS,
    MAX_CATEGORIES,
    MAX_LABEL_LENGTH,
    MIN_CATEGORIES,
    DiscreteState,
    check_labels,
    default_discrete,
    preset,
    resize,
    set_probability,
    support_mismatch_pair,
)
from klviz.state.fileformat import (
    MAX_FILE_BYTES,
    MAX_FILE_CATEGORIES,
    SessionError,
    load_session,
    load_session_matches,
    save_session,
    session_from_dict,
    session_from_json,
)
from klviz.state.batch import BatchState
from klviz.state.joint import JointState
from klviz.state.losslab import LossLab
from klviz.state.session import FORMAT, VERSION, Session, ViewOptions, check_unit_name, default_continuous

__all__ = [
    "BatchState", "CONTINUOUS_PRESETS", "DISCRETE_PRESETS", "JointState", "FORMAT", "MAX_CATEGORIES", "MAX_FILE_BYTES",
    "MAX_FILE_CATEGORIES", "MAX_LABEL_LENGTH", "MIN_CATEGORIES", "VERSION", "ContinuousState",
    "DiscreteState", "LossLab", "SecondComponent", "Session", "SessionError", "ViewOptions",
    "check_labels", "check_unit_name", "default_continuous", "default_discrete", "load_session",
    "load_session_matches", "preset", "resize", "save_session", "session_from_dict",
    "session_from_json", "set_probability", "support_mismatch_pair",
]
