"""The whole session, with no Qt: every tab's state in one immutable value, its serialisation
(the dictionary a session file holds, format version 2) and the pure operations that tie parts
together (the unit-variance view needs a Normal Q with σ = 1).

Parts: `discrete` (klviz.state.discrete), `continuous` (klviz.state.continuous), `losses` (the loss
lab, klviz.state.losslab), `joint` (the Joint tab, klviz.state.joint), `batch` (the loss lab's
imported batch or None, klviz.state.batch: data from a file, saved as the optional "batch" part),
`view` (overlay, unit variance), `lesson_step` (the key of the lesson step shown) and `unit`. A new
part: a field here, its `to_dict` in Session.to_dict, and its reader in klviz.state.fileformat.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from klviz.core.spec import Normal
from klviz.core.units import UNITS
from klviz.lesson import STEPS
from klviz.state.batch import BatchState, same_batch
from klviz.state.continuous import ContinuousState, is_unit_variance_normal, with_pair
from klviz.state.discrete import DiscreteState, default_discrete
from klviz.state.joint import JointState, default_joint
from klviz.state.losslab import LossLab

FORMAT = "klviz-session"
VERSION = 2  # what this klviz writes; klviz.state.fileformat reads 1 and 2
LESSON_STEPS = tuple(s.key for s in STEPS)


@dataclass(frozen=True)
class ViewOptions:
    overlay: bool = False  # Discrete tab: P and Q side by side on one chart
    unit_variance: bool = False  # Continuous tab: σ_Q fixed at 1, the MSE link shown

    def to_dict(self):
        return {"overlay": self.overlay, "unit_variance": self.unit_variance}


def default_continuous():
    s = ContinuousState()
    return s.p, s.q


@dataclass(frozen=True, eq=False)
class Session:
    discrete: DiscreteState = field(default_factory=default_discrete)
    continuous: ContinuousState = field(default_factory=ContinuousState)
    losses: LossLab = field(default_factory=LossLab)
    joint: JointState = field(default_factory=default_joint)
    batch: BatchState | None = None
    view: ViewOptions = field(default_factory=ViewOptions)
    lesson_step: str = LESSON_STEPS[0]
    unit: str = "nats"

    @property
    def continuous_p(self):
        return self.continuous.p

    @property
    def continuous_q(self):
        return self.continuous.q

    def with_(self, **changes):
        """A copy with some parts replaced; continuous_p= and continuous_q= replace one side.

        (Copied field by field rather than by dataclasses.replace: this runs on every frame of
        a drag, and the parts are immutable and checked where they are made.)"""
        if "continuous_p" in changes or "continuous_q" in changes:
            base = changes.pop("continuous", self.continuous)
            changes["continuous"] = with_pair(base, changes.pop("continuous_p", None),
                                              changes.pop("continuous_q", None))
        if not changes.keys() <= _FIELDS:
            raise TypeError(f"Session has no part {sorted(changes.keys() - _FIELDS)[0]!r}")
        new = object.__new__(Session)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def same_as(self, other):
        """Equal in every part (the discrete arrays compared by value)."""
        return (
            self.unit == other.unit
            and self.discrete.same_as(other.discrete)
            and self.continuous == other.continuous
            and self.losses == other.losses
            and self.joint == other.joint
            and same_batch(self.batch, other.batch)
            and self.view == other.view
            and self.lesson_step == other.lesson_step
        )

    def to_dict(self):
        """The session as the JSON object of a version-2 session file (the joint only when it is not
        the default one, so files without a joint read back as they were written; the batch when
        there is one)."""
        d = {
            "format": FORMAT,
            "version": VERSION,
            "unit": self.unit,
            "discrete": self.discrete.to_dict(),
            "continuous": self.continuous.to_dict(),
            "losses": self.losses.to_dict(),
            "view": self.view.to_dict(),
            "lesson": {"step": self.lesson_step},
        }
        if self.joint != default_joint():
            d["joint"] = self.joint.to_dict()
        if self.batch is not None:
            d["batch"] = self.batch.to_dict()
        return d


_FIELDS = frozenset(f.name for f in fields(Session))


def check_unit_name(unit):
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (choose one of {', '.join(UNITS)})")
    return unit


def with_continuous(session, continuous):
    """The session with a new continuous state; the unit-variance view ends if Q is no longer
    N(μ, 1) (the MSE link is about that Q), in the same step."""
    view = session.view
    if view.unit_variance and not is_unit_variance_normal(continuous.q):
        view = replace(view, unit_variance=False)
    return session.with_(continuous=continuous, view=view)


def with_unit_variance(session, on):
    """Unit-variance view on (σ_Q set to 1; Q must be a single Normal) or off."""
    on = bool(on)
    if on == session.view.unit_variance:
        return session
    view = replace(session.view, unit_variance=on)
    if not on:
        return session.with_(view=view)
    q = session.continuous.q
    if not isinstance(q, Normal):
        raise ValueError("the unit-variance view needs a Normal Q (switch Q's mixture off first)")
    return session.with_(continuous=with_pair(session.continuous, q=Normal(q.mu, 1.0)), view=view)


def with_overlay(session, on):
    on = bool(on)
    return session if on == session.view.overlay else session.with_(view=replace(session.view, overlay=on))


def lesson_index(session):
    return LESSON_STEPS.index(session.lesson_step)


def with_lesson_step(session, step):
    """The lesson at `step` (its key, or its index, clamped to the steps there are)."""
    if isinstance(step, int) and not isinstance(step, bool):
        step = LESSON_STEPS[min(max(step, 0), len(LESSON_STEPS) - 1)]
    if step not in LESSON_STEPS:
        raise ValueError(f"unknown lesson step {step!r} (one of {', '.join(LESSON_STEPS)})")
    return session if step == session.lesson_step else session.with_(lesson_step=step)
