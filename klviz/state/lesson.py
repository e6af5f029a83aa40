"""The lesson's part of the state, with no Qt: a step's declared scene (klviz.lesson, plain data)
as the session it sets up.

`scene_session(session, step)` is the session with every part the step declares replaced (the
unit, the discrete pair, the continuous pair, the loss-lab part its panel shows) and the view
options at their defaults; the parts a step does not use stay as they are. It is the same whatever
the session was before: entering a step always gives the step's own scene. The joint part (the
Joint tab's state, kept by the window) is set by the lesson panel from `step.scene["joint"]`.
"""

from __future__ import annotations

from dataclasses import fields, replace

from klviz.lesson import STEPS
from klviz.state import losslab as lab
from klviz.state.continuous import ContinuousState
from klviz.state.discrete import DiscreteState
from klviz.state.session import ViewOptions, check_unit_name

_LOSS_STATES = {"bernoulli": lab.BernoulliState, "categorical": lab.CategoricalState, "normal": lab.NormalState}
_TUPLES = {"logits", "target", "xs", "ys"}


def step_of(step):
    """A Step, from itself, its key or its index."""
    if isinstance(step, str):
        for s in STEPS:
            if s.key == step:
                return s
        raise ValueError(f"unknown lesson step {step!r}")
    if isinstance(step, int) and not isinstance(step, bool):
        return STEPS[step]
    return step


def _loss_part(part, values):
    cls = _LOSS_STATES[part]
    known = {f.name for f in fields(cls)}
    if not set(values) <= known:
        raise ValueError(f"lesson scene: no field {sorted(set(values) - known)[0]!r} in the {part} panel")
    return cls(**{k: tuple(v) if k in _TUPLES else v for k, v in values.items()})


def scene_parts(step):
    """The session parts the step's scene declares, as {part name: value}."""
    scene = step_of(step).scene
    parts = {"unit": check_unit_name(scene["unit"]), "view": ViewOptions()}
    if "discrete" in scene:
        d = scene["discrete"]
        parts["discrete"] = DiscreteState(tuple(d["labels"]), d["p"], d["q"])
    if "continuous" in scene:
        c = scene["continuous"]
        parts["continuous"] = ContinuousState(c["p"], c["q"])
    if "losses" in scene:
        parts["losses"] = {part: _loss_part(part, values) for part, values in scene["losses"].items()}
    return parts


def scene_session(session, step):
    """`session` with the step's scene set up (see the module's docstring)."""
    parts = scene_parts(step)
    losses = parts.pop("losses", None)
    if losses is not None:
        parts["losses"] = replace(session.losses, **losses)
    return session.with_(**parts)
