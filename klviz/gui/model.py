"""The Qt adaptor over the Qt-free session: one place that changes state, records undo steps and
announces changes.

Widgets call the intent methods here ("set p[2] to 0.41", "swap P and Q"); the model computes the
new immutable `Session` with the pure functions of `klviz.session`, pushes one undo command, and
emits each affected signal once. Views redraw from the model and read measures from it; they never
compute a measure themselves.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from klviz import session as ss
from klviz.core import Categorical, continuous_measures, discrete_measures

WHICH = ("p", "q")


class _SetSession(QtGui.QUndoCommand):
    """One undoable change: the whole session before and after (sessions are immutable)."""

    def __init__(self, model, before, after, text, applied):
        super().__init__(text)
        self._model, self._before, self._after, self._skip = model, before, after, applied

    def redo(self):
        if self._skip:  # a gesture's state is already on screen when its command is pushed
            self._skip = False
            return
        self._model._assign(self._after)

    def undo(self):
        self._model._assign(self._before)


class SessionModel(QtCore.QObject):
    discreteChanged = QtCore.Signal()
    continuousChanged = QtCore.Signal()
    unitChanged = QtCore.Signal()
    gestureActiveChanged = QtCore.Signal(bool)

    def __init__(self, session=None, parent=None):
        super().__init__(parent)
        self._session = session if session is not None else ss.Session()
        self.undo_stack = QtGui.QUndoStack(self)
        self._gesture = None  # (session before, text) while a drag is under way
        self._cache = {}

    # -- reading -------------------------------------------------------------------------------
    @property
    def session(self):
        return self._session

    @property
    def discrete(self):
        return self._session.discrete

    @property
    def unit(self):
        return self._session.unit

    @property
    def gesture_active(self):
        return self._gesture is not None

    def discrete_measures(self):
        """Every discrete measure of the current state in the current unit (cached per state)."""
        key = ("d", id(self._session.discrete), self._session.unit)
        if key not in self._cache:
            d = self._session.discrete
            self._cache = {k: v for k, v in self._cache.items() if k[0] != "d"}
            self._cache[key] = discrete_measures(
                Categorical.from_weights(d.p, "P"), Categorical.from_weights(d.q, "Q"), self.unit
            )
        return self._cache[key]

    def continuous_measures(self):
        key = ("c", id(self._session.continuous_p), id(self._session.continuous_q), self._session.unit)
        if key not in self._cache:
            self._cache = {k: v for k, v in self._cache.items() if k[0] != "c"}
            s = self._session
            self._cache[key] = continuous_measures(s.continuous_p, s.continuous_q, s.unit)
        return self._cache[key]

    # -- changing ------------------------------------------------------------------------------
    def _assign(self, new):
        old, self._session = self._session, new
        if old.discrete is not new.discrete:
            self.discreteChanged.emit()
        if old.continuous_p is not new.continuous_p or old.continuous_q is not new.continuous_q:
            self.continuousChanged.emit()
        if old.unit != new.unit:
            self.unitChanged.emit()

    def apply(self, new, text):
        """Make `new` the session as one undo step (no step if nothing changed)."""
        if self._gesture is not None:
            self._assign(new)
            return
        if _same(new, self._session):
            return
        self.undo_stack.push(_SetSession(self, self._session, new, text, applied=False))

    def replace_session(self, new):
        """A whole new session (opened from a file): undo history starts afresh."""
        self.end_gesture()
        self.undo_stack.clear()
        self._assign(new)
        self.undo_stack.setClean()

    def begin_gesture(self, text):
        """Start a drag: the changes until end_gesture() show live and become one undo step."""
        if self._gesture is None:
            self._gesture = (self._session, text)
            self.gestureActiveChanged.emit(True)

    def end_gesture(self):
        if self._gesture is None:
            return
        before, text = self._gesture
        self._gesture = None
        if not _same(before, self._session):
            self.undo_stack.push(_SetSession(self, before, self._session, text, applied=True))
        self.gestureActiveChanged.emit(False)

    # -- intents: discrete ----------------------------------------------------------------------
    def _set_discrete(self, state, text):
        self.apply(self._session.with_(discrete=state), text)

    def set_probability(self, which, i, value):
        d = self.discrete
        arrays = {"p": d.p, "q": d.q}
        arrays[which] = ss.set_probability(arrays[which], i, value)
        self._set_discrete(ss.DiscreteState(d.labels, arrays["p"], arrays["q"]),
                           f"Set {which.upper()}({d.labels[i]})")

    def nudge(self, which, i, delta):
        current = (self.discrete.p if which == "p" else self.discrete.q)[i]
        self.set_probability(which, i, current + delta)

    def set_distribution(self, which, probs, text):
        d = self.discrete
        p, q = (probs, d.q) if which == "p" else (d.p, probs)
        self._set_discrete(ss.DiscreteState(d.labels, p, q), text)

    def apply_preset(self, which, kind):
        self.set_distribution(which, ss.preset(kind, self.discrete.n), f"{which.upper()}: {kind}")

    def apply_support_mismatch(self):
        p, q = ss.support_mismatch_pair(self.discrete.n)
        self._set_discrete(ss.DiscreteState(self.discrete.labels, p, q), "Support mismatch")

    def swap(self):
        d = self.discrete
        self._set_discrete(ss.DiscreteState(d.labels, d.q, d.p), "Swap P and Q")

    def copy_p_to_q(self):
        d = self.discrete
        self._set_discrete(ss.DiscreteState(d.labels, d.p, d.p), "Copy P to Q")

    def reset_discrete(self):
        self._set_discrete(ss.default_discrete(self.discrete.n), "Reset")

    def set_categories(self, n):
        self._set_discrete(ss.resize(self.discrete, n), f"{n} categories")

    def set_labels(self, labels):
        """Validated labels (ValueError explains a bad list; the state is then unchanged)."""
        d = self.discrete
        labels = ss.check_labels(labels, d.n)
        self._set_discrete(ss.DiscreteState(labels, d.p, d.q), "Rename categories")

    # -- intents: shared ------------------------------------------------------------------------
    def set_unit(self, unit):
        if unit != self.unit:
            self.apply(self._session.with_(unit=ss.check_unit_name(unit)), f"Unit: {unit}")

    def set_continuous(self, p=None, q=None, text="Change continuous"):
        s = self._session
        self.apply(s.with_(continuous_p=p if p is not None else s.continuous_p,
                           continuous_q=q if q is not None else s.continuous_q), text)


def _same(a, b):
    return (
        a.unit == b.unit
        and a.discrete.same_as(b.discrete)
        and a.continuous_p == b.continuous_p
        and a.continuous_q == b.continuous_q
    )
