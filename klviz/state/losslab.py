"""The state of the loss lab (the Losses tab), with no Qt: what the user has set in each panel.

Every operation returns a new, immutable state; out-of-range requests are clamped here (the
widgets only report what the user asked for). Nothing here computes a loss: that is
`klviz.core.losses`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

from klviz.state.discrete import set_probability

MAX_LOGIT = 10_000.0  # what the controls accept; the arithmetic is exact far beyond this
F_EDGE = 1e-6  # dragging f on the loss curve stops this close to 0 and 1 (finite logit)
MIN_CLASSES, MAX_CLASSES = 2, 10
ONE_HOT, SOFT = "one-hot", "soft"
SIGMA_RANGE = (0.1, 10.0)
NORMAL_RANGE = (-5.0, 5.0)  # target y and prediction f of the single-sample Normal panel
DATA_X = (-4.0, 4.0)  # where data points may be dragged
DATA_Y = (-3.0, 5.0)
MIN_POINTS, MAX_POINTS = 2, 40


def _clamp(v, lo, hi):
    return min(max(float(v), lo), hi)


def _ok(v):
    try:
        return math.isfinite(float(v))
    except (TypeError, ValueError):
        return False


def parse_numbers(text, what="numbers"):
    """'2, 1.5, -0.3' -> (2.0, 1.5, -0.3); ValueError with a readable message otherwise."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    if not parts:
        raise ValueError(f"give the {what} separated by commas")
    values = []
    for p in parts:
        try:
            v = float(p)
        except ValueError:
            raise ValueError(f"{p!r} is not a number") from None
        if not math.isfinite(v):
            raise ValueError(f"{p!r} is not a finite number")
        values.append(v)
    return tuple(values)


# ---------------------------------------------------------------------------------- Bernoulli


@dataclass(frozen=True)
class BernoulliState:
    y: float = 0.8  # target: probability of class 1 (0 or 1 is a hard label)
    z: float = -0.5  # the model's logit; f = sigmoid(z)

    def to_dict(self):
        return {"y": self.y, "z": self.z}


def set_target(s, y):
    return replace(s, y=_clamp(y, 0.0, 1.0)) if _ok(y) else s


def set_logit(s, z):
    return replace(s, z=_clamp(z, -MAX_LOGIT, MAX_LOGIT)) if _ok(z) else s


def set_prediction(s, f):
    """Put f = sigmoid(z) at `f` (kept inside [F_EDGE, 1 - F_EDGE] so the logit stays finite)."""
    if not _ok(f):
        return s
    from klviz.core.losses import logit  # here: the loss lab's maths is the Losses tab's (after the first paint)

    return replace(s, z=logit(_clamp(f, F_EDGE, 1.0 - F_EDGE)))


def two_classes_as_bernoulli(s, categorical):
    """The Bernoulli case of a two-class categorical state: y = y_1, z = z_1 - z_0."""
    if categorical.n != 2:
        return s
    return set_logit(set_target(s, categorical.target[1]), categorical.logits[1] - categorical.logits[0])


# -------------------------------------------------------------------------------- categorical


def _one_hot(n, k):
    y = [0.0] * n
    y[k] = 1.0
    return tuple(y)


@dataclass(frozen=True)
class CategoricalState:
    logits: tuple = (2.0, 1.0, 0.1, -1.0)
    target: tuple = (1.0, 0.0, 0.0, 0.0)
    mode: str = ONE_HOT  # how the target is edited: click a class, or drag a soft distribution

    @property
    def n(self):
        return len(self.logits)

    @property
    def hard_index(self):
        return int(np.argmax(self.target))

    def to_dict(self):
        return {"logits": list(self.logits), "target": list(self.target), "mode": self.mode}


def set_class_logit(s, i, value):
    if not _ok(value) or not 0 <= i < s.n:
        return s
    z = list(s.logits)
    z[i] = _clamp(value, -MAX_LOGIT, MAX_LOGIT)
    return replace(s, logits=tuple(z))


def set_logits(s, values):
    """All logits at once (the class count follows); ValueError for a bad list."""
    values = tuple(float(v) for v in values)
    if not MIN_CLASSES <= len(values) <= MAX_CLASSES:
        raise ValueError(f"give {MIN_CLASSES} to {MAX_CLASSES} logits, not {len(values)}")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("logits must be finite numbers")
    z = tuple(_clamp(v, -MAX_LOGIT, MAX_LOGIT) for v in values)
    return _resize_target(replace(s, logits=z), len(z))


def _resize_target(s, n):
    if len(s.target) == n:
        return s
    if s.mode == ONE_HOT:
        return replace(s, target=_one_hot(n, min(s.hard_index, n - 1)))
    t = np.zeros(n)
    m = min(n, len(s.target))
    t[:m] = s.target[:m]
    if not t.sum() > 0:
        t[:] = 1.0
    return replace(s, target=tuple((t / t.sum()).tolist()))


def set_classes(s, n):
    n = int(_clamp(n, MIN_CLASSES, MAX_CLASSES))
    if n == s.n:
        return s
    z = tuple(s.logits[:n]) + (0.0,) * max(0, n - s.n)
    return _resize_target(replace(s, logits=z), n)


def set_one_hot(s, k):
    if not 0 <= k < s.n:
        return s
    return replace(s, target=_one_hot(s.n, k))


def set_target_probability(s, i, value):
    """Soft target: y_i := value (clamped to [0, 1]), the others rescaled to keep the total 1."""
    if not _ok(value) or not 0 <= i < s.n:
        return s
    return replace(s, target=tuple(set_probability(np.array(s.target), i, value).tolist()))


def set_target_weights(s, weights):
    """A whole soft target from weights (normalised); ValueError for a bad list."""
    w = np.array(weights, dtype=float)
    if w.size != s.n:
        raise ValueError(f"give {s.n} target weights, one per class, not {w.size}")
    if not np.all(np.isfinite(w)) or np.any(w < 0) or not w.sum() > 0:
        raise ValueError("target weights must be non-negative numbers, not all zero")
    return replace(s, target=tuple((w / w.sum()).tolist()), mode=SOFT)


def set_mode(s, mode):
    if mode == s.mode:
        return s
    if mode == ONE_HOT:
        return replace(s, mode=ONE_HOT, target=_one_hot(s.n, s.hard_index))
    if mode == SOFT:
        return replace(s, mode=SOFT)
    raise ValueError(f"unknown target mode {mode!r}")


def smooth_target(s, eps=0.1):
    """Label smoothing: (1 - eps) one-hot + eps uniform, a soft target."""
    n = s.n
    t = np.full(n, eps / n)
    t[s.hard_index] += 1.0 - eps
    return replace(s, target=tuple(t.tolist()), mode=SOFT)


# ------------------------------------------------------------------------------------- Normal

DEFAULT_X = (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0)
DEFAULT_Y = (-0.9, 0.4, 0.1, 1.3, 1.2, 2.4, 2.1)


@dataclass(frozen=True)
class NormalState:
    y: float = 1.0  # one observation
    f: float = -0.5  # the model's prediction (the mean of N(f, sigma^2))
    sigma: float = 1.0
    free_sigma: bool = False  # when False sigma is 1
    xs: tuple = field(default=DEFAULT_X)  # a small data set for the line fit
    ys: tuple = field(default=DEFAULT_Y)

    @property
    def sigma_used(self):
        return self.sigma if self.free_sigma else 1.0

    def to_dict(self):
        return {"y": self.y, "f": self.f, "sigma": self.sigma, "free_sigma": self.free_sigma,
                "xs": list(self.xs), "ys": list(self.ys)}


def set_normal_target(s, y):
    return replace(s, y=_clamp(y, *NORMAL_RANGE)) if _ok(y) else s


def set_normal_prediction(s, f):
    return replace(s, f=_clamp(f, *NORMAL_RANGE)) if _ok(f) else s


def set_sigma(s, sigma):
    return replace(s, sigma=_clamp(sigma, *SIGMA_RANGE)) if _ok(sigma) else s


def set_free_sigma(s, free):
    return replace(s, free_sigma=bool(free))


def move_point(s, i, x, y):
    if not (_ok(x) and _ok(y)) or not 0 <= i < len(s.xs):
        return s
    xs, ys = list(s.xs), list(s.ys)
    xs[i], ys[i] = _clamp(x, *DATA_X), _clamp(y, *DATA_Y)
    return replace(s, xs=tuple(xs), ys=tuple(ys))


def add_point(s, x, y):
    if not (_ok(x) and _ok(y)) or len(s.xs) >= MAX_POINTS:
        return s
    return replace(s, xs=s.xs + (_clamp(x, *DATA_X),), ys=s.ys + (_clamp(y, *DATA_Y),))


def remove_point(s, i):
    if len(s.xs) <= MIN_POINTS or not 0 <= i < len(s.xs):
        return s
    return replace(s, xs=s.xs[:i] + s.xs[i + 1:], ys=s.ys[:i] + s.ys[i + 1:])


def reset_data(s):
    return replace(s, xs=DEFAULT_X, ys=DEFAULT_Y)


# ---------------------------------------------------------------------------------------- all


PARTS = ("bernoulli", "categorical", "normal")


@dataclass(frozen=True)
class LossLab:
    bernoulli: BernoulliState = field(default_factory=BernoulliState)
    categorical: CategoricalState = field(default_factory=CategoricalState)
    normal: NormalState = field(default_factory=NormalState)

    def to_dict(self):
        return {part: getattr(self, part).to_dict() for part in PARTS}


def update(lab, part, op, *args):
    """The loss lab with `op(its part, *args)` as that part (ValueError from `op` passes)."""
    if part not in PARTS:
        raise ValueError(f"no loss-lab part {part!r} (choose one of {', '.join(PARTS)})")
    new = op(getattr(lab, part), *args)
    return lab if new == getattr(lab, part) else replace(lab, **{part: new})
