"""The Qt adaptor over the Qt-free session: the one place that changes state, records undo steps
and announces changes, for every tab.

Widgets call the intent methods here ("set p[2] to 0.41", "swap P and Q", "Bernoulli: z = 2");
the model computes the new immutable `Session` with the pure functions of `klviz.state`, pushes
one command on its one QUndoStack, and emits each affected part's signal once. Ctrl+Z therefore
undoes the user's last action whichever tab it was on:
- a gesture (a drag, a slider held, a fit's animation) is one step (begin_gesture/end_gesture);
- an animation (a fit) is a gesture with an owner: its frames pass `owner=`, and any other
  change (a drag, a button, a slider) ends it first, so the change stands as its own step and
  the animation, told by gestureActiveChanged(False), stops there (begin_animation);
- consecutive edits by the same control (a slider's or spin box's steps, a bar nudged by the
  arrow keys, a loss-lab control) merge into one step;
- the overlay and unit-variance toggles are steps (they change what is shown, and are saved);
- the lesson step is navigation, like the current tab: saved with the session, never an undo
  step, and left where it is by undo and redo.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from klviz.scene import discrete as scene_discrete
from klviz.state import continuous as cs
from klviz.state import discrete as ds
from klviz.state import losslab as lab
from klviz.state import session as sn
from klviz.state.continuous import WHICH
from klviz.state.session import Session
from klviz.gui.i18n import translate


class _SetSession(QtGui.QUndoCommand):
    """One undoable change: the whole session before and after (sessions are immutable).

    With a merge key, the next change with the same key that starts where this one ends becomes
    part of this step (a control's consecutive edits)."""

    def __init__(self, model, before, after, text, applied, merge=None):
        super().__init__(text)
        self._model, self._before, self._after, self._skip = model, before, after, applied
        self._merge = merge

    def id(self):  # noqa: A003 (Qt name)
        return 0x6B6C if self._merge is not None else -1

    def mergeWith(self, other):  # noqa: N802 (Qt name)
        if other._merge != self._merge or other._before is not self._after:
            return False
        self._after = other._after
        return True

    def redo(self):
        if self._skip:  # a change already on screen when its command is pushed
            self._skip = False
            return
        self._model._restore(self._after)

    def undo(self):
        self._model._restore(self._before)


_FIT = object()  # the owner of a Continuous fit's animation (begin_fit)


class SessionModel(QtCore.QObject):
    discreteChanged = QtCore.Signal()
    continuousChanged = QtCore.Signal()
    lossesChanged = QtCore.Signal(str)  # the loss-lab part: "bernoulli", "categorical" or "normal"
    jointChanged = QtCore.Signal()
    batchChanged = QtCore.Signal()  # the loss lab's imported batch
    viewChanged = QtCore.Signal()  # overlay, unit variance
    lessonChanged = QtCore.Signal()
    unitChanged = QtCore.Signal()
    gestureActiveChanged = QtCore.Signal(bool)
    fitActiveChanged = QtCore.Signal(bool)

    def __init__(self, session=None, parent=None, undo_stack=None):
        """undo_stack: the stack to record on (a standalone page's); by default the model's own."""
        super().__init__(parent)
        self._session = session if session is not None else Session()
        self.undo_stack = undo_stack if undo_stack is not None else QtGui.QUndoStack(self)
        self._gesture = None  # (session before, text) while a gesture is under way
        self._owner = None  # the animation whose gesture it is (None: a drag, anyone's)
        self._macro = False  # the gesture's undo macro is open (an animation: no undo meanwhile)
        self._fit_text = None  # while a fit is shown: its undo text (its macro is open on the stack)
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
    def losses(self):
        return self._session.losses

    @property
    def view(self):
        return self._session.view

    @property
    def joint(self):
        return self._session.joint

    @property
    def batch(self):
        return self._session.batch

    @property
    def lesson_step(self):
        return self._session.lesson_step

    @property
    def lesson_index(self):
        return sn.lesson_index(self._session)

    @property
    def gesture_active(self):
        return self._gesture is not None

    def continuous(self, which):
        c = self._session.continuous
        return c.p if which == "p" else c.side(which)

    def continuous_params(self, which):
        """The parameters a user sets, by name (a Normal side: also its remembered mixture part)."""
        return cs.params(self._session.continuous, which)

    def _cached(self, kind, inputs, compute):
        """One cached result per kind, reused while its inputs are the very same objects.

        The inputs themselves are kept (not their id()s), so a new state can never be mistaken
        for a freed one whose memory it reuses.
        """
        entry = self._cache.get(kind)
        if entry is None or len(entry[0]) != len(inputs) or any(
            a is not b and a != b for a, b in zip(entry[0], inputs)
        ):
            entry = (inputs, compute())
            self._cache[kind] = entry
        return entry[1]

    def discrete_measures(self):
        """Every discrete measure of the current state in the current unit (cached per state)."""
        d, unit = self._session.discrete, self._session.unit
        return self._cached("discrete", (_Same(d), unit), lambda: scene_discrete.measures(d, unit))

    def continuous_measures(self):
        from klviz.scene import continuous as scene_continuous  # the Continuous tab's: imported after the first paint

        c, unit = self._session.continuous, self._session.unit
        return self._cached("continuous", (c.p, c.q, unit), lambda: scene_continuous.measures(c.p, c.q, unit))

    # -- changing ------------------------------------------------------------------------------
    def _assign(self, new):
        old, self._session = self._session, new
        if old.discrete is not new.discrete:
            self.discreteChanged.emit()
        if old.continuous is not new.continuous:
            self.continuousChanged.emit()
        if old.losses is not new.losses:
            for part in lab.PARTS:
                if getattr(old.losses, part) != getattr(new.losses, part):
                    self.lossesChanged.emit(part)
        if old.joint is not new.joint:
            self.jointChanged.emit()
        if old.batch is not new.batch:
            self.batchChanged.emit()
        if old.view is not new.view and old.view != new.view:
            self.viewChanged.emit()
        if old.lesson_step != new.lesson_step:
            self.lessonChanged.emit()
        if old.unit != new.unit:
            self.unitChanged.emit()

    def _restore(self, state):
        """Undo or redo to `state`, the lesson step (navigation) staying where it is."""
        if state.lesson_step != self._session.lesson_step:
            state = state.with_(lesson_step=self._session.lesson_step)
        self._assign(state)

    def apply(self, new, text, merge=None, owner=None):
        """Make `new` the session as one undo step (no step if nothing changed); a `merge` key
        joins it to the previous step when that had the same key and ended where this starts.
        `owner`: the animation making this change (see begin_animation)."""
        if self._gesture is not None:
            if self._owner is None or owner is self._owner:
                self._assign(new)
                return
            self.end_gesture()  # a change from elsewhere ends the animation first
        if new.same_as(self._session):
            return
        self.undo_stack.push(_SetSession(self, self._session, new, text, applied=False, merge=merge))

    def replace_session(self, new):
        """A whole new session (opened from a file): undo history starts afresh."""
        self.end_gesture()
        self.undo_stack.clear()
        self._assign(new)
        self.undo_stack.setClean()

    def begin_gesture(self, text, owner=None):
        """Start a drag: the changes until end_gesture() show live and become one undo step.
        A drag started while an animation runs ends the animation first."""
        if self._gesture is not None and self._owner is not None and owner is not self._owner:
            self.end_gesture()
        if self._gesture is None:
            self._gesture = (self._session, text)
            self._owner = owner
            self.gestureActiveChanged.emit(True)

    def begin_animation(self, text, owner):
        """Start an animation's gesture: its changes (made with `owner=owner`) show live and
        become one undo step. Undo and redo are unavailable meanwhile (the step is a macro under
        construction); any other change ends it first (what it did so far is its step, the change
        its own) and `owner` hears gestureActiveChanged(False) then."""
        self.end_gesture()
        self.undo_stack.beginMacro(text)
        self._macro = True
        self.begin_gesture(text, owner)

    def end_gesture(self):
        if self._gesture is None:
            return
        before, text = self._gesture
        self._gesture = None
        self._owner = None
        if not before.same_as(self._session):
            self.undo_stack.push(_SetSession(self, before, self._session, text, applied=True))
        if self._macro:
            self._macro = False
            self.undo_stack.endMacro()
            top = self.undo_stack.command(self.undo_stack.index() - 1)
            if top is not None and top.childCount() == 0:  # nothing changed: drop the empty step
                top.setObsolete(True)
                self.undo_stack.undo()
        self.gestureActiveChanged.emit(False)

    # -- intents: discrete ----------------------------------------------------------------------
    def _set_discrete(self, state, text, merge=None, owner=None):
        self.apply(self._session.with_(discrete=state), text, merge, owner)

    def set_probability(self, which, i, value):
        d = self._session.discrete
        self._set_discrete(ds.with_probability(d, which, i, value), translate("models.session_model", 'Set {0}({1})').format(which.upper(), d.labels[i]))

    def nudge(self, which, i, delta):
        """An arrow key on a bar: consecutive nudges of the same bar are one undo step."""
        d = self.discrete
        current = (d.p if which == "p" else d.q)[i]
        self._set_discrete(ds.with_probability(d, which, i, current + delta), translate("models.session_model", 'Set {0}({1})').format(which.upper(), d.labels[i]),
                           merge=("nudge", which, i))

    def set_distribution(self, which, probs, text, owner=None):
        """P or Q replaced by `probs`; `owner`: the animation doing it (begin_animation)."""
        self._set_discrete(ds.with_distribution(self.discrete, which, probs), text, owner=owner)

    def apply_preset(self, which, kind):
        """A named shape for P or Q; a state larger than the editor's (imported) is first cut to
        its 100 categories by the tab's rule (ds.resize), so a preset leaves the read-only view."""
        d = self.discrete
        if d.n > ds.MAX_CATEGORIES:
            d = ds.resize(d, ds.MAX_CATEGORIES)
        self._set_discrete(ds.with_distribution(d, which, ds.preset(kind, d.n)), f"{which.upper()}: {kind}")

    def apply_support_mismatch(self):
        self._set_discrete(ds.with_support_mismatch(self.discrete), translate("models.session_model", "Support mismatch"))

    def swap(self):
        self._set_discrete(ds.swapped(self.discrete), translate("models.session_model", "Swap P and Q"))

    def copy_p_to_q(self):
        self._set_discrete(ds.p_copied_to_q(self.discrete), translate("models.session_model", "Copy P to Q"))

    def reset_discrete(self):
        self._set_discrete(ds.default_discrete(min(self.discrete.n, ds.MAX_CATEGORIES)), translate("models.session_model", "Reset"))

    def set_categories(self, n):
        self._set_discrete(ds.resize(self.discrete, n), translate("models.session_model", '{n} categories').format(n=n))

    def set_labels(self, labels):
        """Validated labels (ValueError explains a bad list; the state is then unchanged)."""
        self._set_discrete(ds.with_labels(self.discrete, labels), translate("models.session_model", "Rename categories"))

    def set_overlay(self, on):
        """P and Q on one chart (the Discrete tab), or each on its own: an undo step."""
        self.apply(sn.with_overlay(self._session, on), translate("models.session_model", "Overlay P and Q") if on else translate("models.session_model", "P and Q apart"))

    # -- intents: the joint --------------------------------------------------------------------
    def set_joint(self, joint, text=None, merge=None):
        """Make `joint` (a JointState) the Joint tab's state: one undo step (live within a gesture)."""
        text = translate("models.session_model", "Change the joint") if text is None else text
        self.apply(self._session.with_(joint=joint), text, merge)

    def show_joint(self, joint):
        """Make `joint` the Joint tab's state without an undo step (a standalone Joint page's
        set_state; files go through replace_session)."""
        self._assign(self._session.with_(joint=joint))

    # -- intents: shared ------------------------------------------------------------------------
    def set_unit(self, unit):
        if unit != self.unit:
            self.apply(self._session.with_(unit=sn.check_unit_name(unit)), translate("models.session_model", "Unit: {unit}").format(unit=unit))

    def set_lesson_step(self, step):
        """Show lesson step `step` (key or index): navigation, not an undo step (it is saved)."""
        new = sn.with_lesson_step(self._session, step)
        if new is not self._session:
            self._assign(new)

    # -- intents: the loss lab ------------------------------------------------------------------
    def update_losses(self, part, op, *args):
        """Apply `op(the loss lab's part, *args)` (a klviz.state.losslab operation); consecutive
        changes by the same operation merge into one undo step. ValueError from `op` passes."""
        new = lab.update(self._session.losses, part, op, *args)
        if new is not self._session.losses:
            name = getattr(op, "__name__", part)
            self.apply(self._session.with_(losses=new), f"Losses: {name.replace('_', ' ')}",
                       merge=("losses", part, name))

    # -- intents: continuous --------------------------------------------------------------------
    def _set_continuous_state(self, state, text, merge=None, owner=None):
        self.apply(sn.with_continuous(self._session, state), text, merge, owner)

    def set_continuous(self, p=None, q=None, text=None):
        text = translate("models.session_model", "Change continuous") if text is None else text
        self._set_continuous_state(cs.with_pair(self._session.continuous, p, q), text)

    def set_continuous_param(self, which, name, value):
        """Set one parameter of P or Q ("mu", "sigma", "weight", "mu2", "sigma2"); consecutive
        edits of the same parameter are one undo step. ValueError for an invalid value."""
        if which not in WHICH or name not in cs.CONTINUOUS_PARAMS:
            raise ValueError(f"no continuous parameter {name!r} for {which!r}")
        new = cs.set_param(self._session.continuous, which, name, value)
        self._set_continuous_state(new, cs.edit_text(which, name, value), merge=("continuous", which, name))

    def set_mixture(self, on, which="p"):
        """Make P (or Q) a two-component mixture (first component = the current Normal) or a
        single Normal (the first component); a mixture Q ends the unit-variance view."""
        new = cs.set_mixture(self._session.continuous, which, on)
        name = which.upper()
        self._set_continuous_state(new, translate("models.session_model", "{name}: mixture").format(name=name) if on else translate("models.session_model", "{name}: single normal").format(name=name))

    def apply_continuous_preset(self, name):
        new = cs.apply_preset(self._session.continuous, name)
        self._set_continuous_state(new, f"Preset: {name.replace('-', ' ')}")

    def set_unit_variance(self, on):
        """The MSE link's view: σ_Q = 1 and the link shown (Q must be a Normal), one undo step."""
        self.apply(sn.with_unit_variance(self._session, on), translate("models.session_model", "Unit variance Q") if on else translate("models.session_model", "Free σ of Q"))

    def mse_link(self):
        """The MSE link for Q = N(mu_Q, 1): H(P,Q) = 1/2 log 2 pi + 1/2 Var_P + 1/2 (E_P - mu_Q)^2.

        Returns dict(mean_p, var_p, mu_q, error = mean_p - mu_q, terms=(constant, variance, squared
        error), total), the terms and total in the current unit (exact for a mixture P too: only
        P's mean and variance enter). Q must be a Normal (the link is about a unit-variance
        Normal Q)."""
        from klviz.scene import continuous as scene_continuous

        return scene_continuous.mse_link(self._session.continuous_p, self._session.continuous_q, self.unit)

    # fits: compute, then show as one undo step (begin_fit, fit_step per frame, end_fit)
    def continuous_fit(self, kind):
        """Fit a Normal Q to P from the current Q: kind "forward" minimises D(P‖Q) (moment
        matching), "reverse" minimises D(Q‖P) ending at the mode of P nearest Q. A mixture Q starts
        from its moment-matched Normal. Returns a FitResult whose path runs from that Normal to the
        optimum; nothing is changed."""
        from klviz.scene import continuous as scene_continuous

        return scene_continuous.fit(self._session.continuous_p, self._session.continuous_q, kind)

    @property
    def fit_active(self):
        return self._fit_text is not None

    def begin_fit(self, text):
        """Start showing a fit: every fit_step shows live; end_fit makes it all one undo step
        (the unit-variance view, which fixes σ_Q, ends in that step too).

        Undo and redo are unavailable meanwhile (the step is a macro under construction); anything
        that ends the gesture from outside (opening a file, another drag) closes the fit too."""
        if self._fit_text is not None:
            self.end_fit()
        self.begin_animation(text, owner=_FIT)
        self._fit_text = text
        self.gestureActiveChanged.connect(self._fit_gesture_changed)
        self.fitActiveChanged.emit(True)
        self._assign(sn.with_unit_variance(self._session, False))

    def _fit_to(self, q):
        self._set_continuous_state(cs.with_pair(self._session.continuous, None, q), self._fit_text, owner=_FIT)

    def fit_step(self, q):
        if self._fit_text is not None:
            self._fit_to(q)

    def end_fit(self, q=None):
        """Finish the fit, at `q` if given (the exact optimum), as one undo step."""
        if self._fit_text is None:
            return
        if q is not None and self._gesture is not None:
            self._fit_to(q)
        self.end_gesture()  # closes the macro, then _fit_gesture_changed

    def _fit_gesture_changed(self, active):
        if active or self._fit_text is None:
            return
        self._fit_text = None
        self.gestureActiveChanged.disconnect(self._fit_gesture_changed)
        self.fitActiveChanged.emit(False)


class _Same:
    """Compares equal only to a wrapper of the very same object (identity, kept alive)."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __eq__(self, other):
        return isinstance(other, _Same) and other.obj is self.obj

    __hash__ = None
