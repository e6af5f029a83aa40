"""Turn user input into validated distributions: the one place where input is checked.

The command line, sessions and the GUI all go through these constructors, so a bad value gets the
same clear `ValueError` wherever it comes from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from klviz.core.checks import finite_number
from klviz.core.losses import log_softmax, softmax

FAMILIES = ("weights", "bernoulli", "softmax", "normal", "mixture")


def _describe(x):
    return repr(float(x)) if np.isfinite(x) else str(float(x))


def _as_vector(values, name, what):
    try:
        arr = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: {what} must be numbers") from None
    if arr.ndim != 1:
        raise ValueError(f"{name}: {what} must be a flat list of numbers")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: give at least one {what[:-1] if what.endswith('s') else what}")
    bad = np.flatnonzero(np.isnan(arr))
    if bad.size:
        raise ValueError(f"{name} has a NaN entry (position {bad[0] + 1})")
    bad = np.flatnonzero(np.isinf(arr))
    if bad.size:
        raise ValueError(
            f"{name} has an infinite entry ({_describe(arr[bad[0]])} at position {bad[0] + 1})"
        )
    return arr


@dataclass(frozen=True, eq=False)
class Categorical:
    """A discrete distribution: probabilities and their exact logarithms."""

    probs: np.ndarray
    log_probs: np.ndarray
    normalised: bool = False
    logits: np.ndarray | None = field(default=None)

    def __len__(self):
        return int(self.probs.size)

    @classmethod
    def from_weights(cls, weights, name="P"):
        """Weights (counts, percentages, probabilities) normalised by their sum."""
        w = _as_vector(weights, name, "weights") + 0.0  # -0.0 becomes 0.0
        neg = np.flatnonzero(w < 0)
        if neg.size:
            raise ValueError(
                f"{name} has a negative entry ({_describe(w[neg[0]])} at position {neg[0] + 1})"
            )
        top = float(w.max())
        if top == 0:
            raise ValueError(f"{name} is all zero: at least one weight must be positive")
        with np.errstate(over="ignore"):
            total = float(np.sum(w))
        if math.isfinite(total):
            total = math.fsum(w.tolist())
            probs = w / total
            with np.errstate(divide="ignore"):
                log_probs = np.log(w) - math.log(total)
        else:  # weights near the float maximum: scale first so the sum stays finite
            scaled_total = math.fsum((w / top).tolist())
            probs = (w / top) / scaled_total
            with np.errstate(divide="ignore"):
                log_probs = np.log(w / top) - math.log(scaled_total)
        return cls(probs, log_probs, normalised=not math.isfinite(total) or abs(total - 1.0) > 1e-12)

    @classmethod
    def from_logits(cls, logits, name="P"):
        """softmax(z), keeping log-softmax(z) exact even for huge logit gaps."""
        z = _as_vector(logits, name, "logits")
        return cls(softmax(z), log_softmax(z), normalised=False, logits=z)

    @classmethod
    def bernoulli(cls, theta, name="P"):
        """[1 - theta, theta]."""
        t = _as_vector([theta], name, "theta")[0]
        if not 0.0 <= t <= 1.0:
            raise ValueError(f"{name}: bernoulli theta must be in [0, 1] (got {_describe(t)})")
        return cls.from_weights([1.0 - t, t], name)


def _scalar(value, name, what):
    return finite_number(value, f"{name}: {what}")


@dataclass(frozen=True)
class Normal:
    """N(mu, sigma^2) with finite mu and finite sigma > 0."""

    mu: float
    sigma: float

    def __post_init__(self):
        object.__setattr__(self, "mu", _scalar(self.mu, "normal", "mu"))
        sigma = _scalar(self.sigma, "normal", "sigma")
        if sigma <= 0:
            raise ValueError(f"normal: sigma must be > 0 (got {sigma!r})")
        object.__setattr__(self, "sigma", sigma)

    def to_dict(self):
        return {"family": "normal", "mu": self.mu, "sigma": self.sigma}


@dataclass(frozen=True)
class Mixture:
    """weight * N(mu1, s1^2) + (1 - weight) * N(mu2, s2^2)."""

    weight: float
    components: tuple

    def __post_init__(self):
        w = _scalar(self.weight, "mixture", "weight")
        if not 0.0 <= w <= 1.0:
            raise ValueError(f"mixture: weight must be in [0, 1] (got {w!r})")
        comps = tuple(self.components)
        if len(comps) != 2 or not all(isinstance(c, Normal) for c in comps):
            raise ValueError("mixture: needs exactly two normal components")
        object.__setattr__(self, "weight", w)
        object.__setattr__(self, "components", comps)

    @classmethod
    def from_params(cls, weight, mu1, sigma1, mu2, sigma2):
        return cls(weight, (Normal(mu1, sigma1), Normal(mu2, sigma2)))

    @property
    def weights(self):
        return (self.weight, 1.0 - self.weight)

    def to_dict(self):
        return {
            "family": "mixture",
            "weight": self.weight,
            "components": [{"mu": c.mu, "sigma": c.sigma} for c in self.components],
        }


def continuous_from_dict(data, name="P"):
    """A Normal or Mixture from its session/JSON dictionary form."""
    if not isinstance(data, dict):
        raise ValueError(f"{name}: a continuous distribution must be an object")
    family = data.get("family")
    try:
        if family == "normal":
            return Normal(data["mu"], data["sigma"])
        if family == "mixture":
            comps = data["components"]
            if not isinstance(comps, list) or len(comps) != 2:
                raise ValueError(f"{name}: a mixture needs exactly two components")
            for c in comps:
                if not isinstance(c, dict):
                    raise ValueError(f"{name}: each mixture component must be an object")
            return Mixture(data["weight"], tuple(Normal(c["mu"], c["sigma"]) for c in comps))
    except KeyError as exc:
        raise ValueError(f"{name}: missing field {exc.args[0]!r}") from None
    raise ValueError(f"{name}: unknown family {family!r} (expected 'normal' or 'mixture')")


def _numbers(text, name, family):
    parts = [s.strip() for s in text.split(",")]
    if parts == [""]:
        raise ValueError(f"{name} is empty: give {family} parameters")
    out = []
    for s in parts:
        try:
            out.append(float(s))
        except ValueError:
            raise ValueError(f"{name}: {s!r} is not a number") from None
    return out


def _expect(values, count, name, family, form):
    if len(values) != count:
        raise ValueError(
            f"{name}: {family} takes {count} number{'s' if count > 1 else ''} ({form}), "
            f"got {len(values)}"
        )


def parse_spec(text, name="P"):
    """Parse a command-line SPEC into a Categorical, Normal or Mixture.

    Forms: ``0.1,0.2,0.7`` (weights), ``bernoulli:THETA``, ``softmax:Z1,Z2,...``,
    ``normal:MU,SIGMA``, ``mixture:W,MU1,SIGMA1,MU2,SIGMA2``.
    """
    text = text.strip()
    if not text:
        raise ValueError(f"{name} is empty: give weights like 0.2,0.3,0.5 or a family like normal:0,1")
    family, sep, rest = text.partition(":")
    if not sep:
        return Categorical.from_weights(_numbers(text, name, "weights"), name)
    family = family.strip().lower()
    try:
        if family == "bernoulli":
            v = _numbers(rest, name, family)
            _expect(v, 1, name, family, "THETA")
            return Categorical.bernoulli(v[0], name)
        if family == "softmax":
            return Categorical.from_logits(_numbers(rest, name, family), name)
        if family == "normal":
            v = _numbers(rest, name, family)
            _expect(v, 2, name, family, "MU,SIGMA")
            return Normal(*v)
        if family == "mixture":
            v = _numbers(rest, name, family)
            _expect(v, 5, name, family, "W,MU1,SIGMA1,MU2,SIGMA2")
            return Mixture.from_params(*v)
    except ValueError as exc:
        msg = str(exc)
        if msg.startswith(("normal:", "mixture:")) and not msg.startswith(name):
            msg = f"{name}: {msg}"
        raise ValueError(msg) from None
    raise ValueError(
        f"{name}: unknown family {family!r} (use weights, bernoulli:, softmax:, normal: or mixture:)"
    )


def is_discrete(dist):
    return isinstance(dist, Categorical)


def check_same_kind(p, q):
    """Raise ValueError unless P and Q can be compared (same kind; equal length if discrete)."""
    if is_discrete(p) != is_discrete(q):
        raise ValueError(
            "P and Q must both be discrete or both continuous "
            f"(P is {'discrete' if is_discrete(p) else 'continuous'}, "
            f"Q is {'discrete' if is_discrete(q) else 'continuous'})"
        )
    if is_discrete(p) and len(p) != len(q):
        raise ValueError(f"P and Q have different lengths ({len(p)} and {len(q)})")
