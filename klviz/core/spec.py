"""Turn user input into validated distributions: the one place where input is checked.

The command line, sessions and the GUI all go through these constructors, so a bad value gets the
same clear `ValueError` wherever it comes from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from klviz.core._numerics import log_softmax_parts, two_sum
from klviz.core.checks import NUMBER_TEXT, _describe, finite_number, real_vector, weight_vector
from klviz.core.text import Text

FAMILIES = ("weights", "bernoulli", "softmax", "normal", "mixture")

# The range in which the continuous measures are promised finite and accurate (docs/CORE_API.md);
# what users type or load (parse_spec, continuous_from_dict) must lie inside it.
MAX_ABS_MU = 1e300
SIGMA_RANGE = (1e-300, 1e300)


def _fsum(values):
    """math.fsum, or inf where the sum exceeds the float range."""
    try:
        return math.fsum(values)
    except OverflowError:
        return math.inf


@dataclass(frozen=True, eq=False)
class Categorical:
    """A discrete distribution: probabilities and their exact logarithms.

    Build it with `from_weights`, `from_logits` or `bernoulli`, which validate. The plain
    constructor takes arrays as they are (for callers whose arrays are valid by construction);
    `discrete_measures` checks them. `weights` (and `weights_lo`, a low-order part, for the exact
    complement 1 - theta of a Bernoulli) are the weights the probabilities were normalised from:
    with them a KL between nearly equal distributions is computed from exact ratios.
    """

    probs: np.ndarray
    log_probs: np.ndarray
    normalised: bool = False
    logits: np.ndarray | None = field(default=None)
    weights: np.ndarray | None = field(default=None)
    weights_lo: np.ndarray | None = field(default=None)

    def __len__(self):
        return int(self.probs.size)

    @classmethod
    def from_weights(cls, weights, name="P"):
        """Weights (counts, percentages, probabilities) normalised by their exact sum."""
        w = weight_vector(weights, name)
        return cls._from_checked_weights(w, None)

    @classmethod
    def _from_checked_weights(cls, w, w_lo):
        parts = w.tolist() + ([] if w_lo is None else w_lo.tolist())
        total = _fsum(parts)
        log_total = math.log(total) if total < math.inf else None
        if log_total is None:  # weights near the float maximum: sum them scaled by 2^-k (exact)
            shift = -math.frexp(float(w.max()))[1] - w.size.bit_length()
            total = math.fsum(np.ldexp(np.array(parts), shift).tolist())
            log_total = math.log(total) - shift * math.log(2.0)
            scaled = np.ldexp(w, shift) if w_lo is None else np.ldexp(w + w_lo, shift)
            probs = scaled / total
        else:
            probs = w / total if w_lo is None else (w + w_lo) / total
        with np.errstate(divide="ignore"):
            log_probs = np.log(probs)
            tiny = (probs < 2.2250738585072014e-308) & (w > 0)  # underflowed: take logs apart
            if tiny.any():
                log_probs[tiny] = np.log(w[tiny]) - log_total
        k = int(np.argmax(w))
        if probs[k] > 0.5:  # its log from the others' sum: log(1 - eps) survives p rounding to 1
            others = np.ones(w.size, dtype=bool)
            others[k] = False
            rest = w[others].tolist() + ([] if w_lo is None else w_lo[others].tolist())
            top_w = float(w[k]) + (0.0 if w_lo is None else float(w_lo[k]))
            log_probs[k] = -math.log1p(math.fsum(rest) / top_w)
        normalised = not (abs(_fsum(parts) - 1.0) <= 1e-12)  # an overflowed sum is inf
        return cls(probs, log_probs, normalised=normalised, weights=w, weights_lo=w_lo)

    @classmethod
    def from_logits(cls, logits, name="P"):
        """softmax(z), keeping log-softmax(z) exact even for huge logit gaps.

        Where two logits differ by more than the float range (softmax:1e308,-1e308) the smaller
        one's log-probability is below -1.8e308: it is stored as -inf, and the measures take that
        entry's terms from the logits instead (its probability is not 0).
        """
        z = real_vector(logits, name)
        log_probs = log_softmax_parts(z)
        return cls(np.exp(log_probs), log_probs, normalised=False, logits=z)

    @classmethod
    def bernoulli(cls, theta, name="P"):
        """[1 - theta, theta], with the complement 1 - theta kept exactly (as two floats)."""
        t = finite_number(theta, f"{name}: bernoulli theta")
        if not 0.0 <= t <= 1.0:
            raise ValueError(f"{name}: bernoulli theta must be in [0, 1] (got {_describe(t)})")
        hi, lo = two_sum(1.0, -t)
        return cls._from_checked_weights(np.array([hi, t]), np.array([lo, 0.0]))


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
            raise ValueError(Text("normal: sigma must be > 0 (got {sigma})", sigma=repr(sigma)))
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
            raise ValueError(Text("mixture: weight must be in [0, 1] (got {weight})", weight=repr(w)))
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


def check_range(dist, name="P"):
    """`dist` if every component has |mu| <= 1e300 and sigma in [1e-300, 1e300], else ValueError.

    Inside this range every continuous measure is finite (or exceeds the float range only where
    the true value does) and accurate; what users type or load is held to it.
    """
    comps = dist.components if isinstance(dist, Mixture) else (dist,)
    lo, hi = SIGMA_RANGE
    for c in comps:
        if abs(c.mu) > MAX_ABS_MU:
            raise ValueError(Text("{name}: normal: mu must lie in [-1e300, 1e300] (got {mu})", name=name,
                                  mu=repr(c.mu)))
        if not lo <= c.sigma <= hi:
            raise ValueError(Text("{name}: normal: sigma must lie in [1e-300, 1e300] (got {sigma})", name=name,
                                  sigma=repr(c.sigma)))
    return dist


def continuous_from_dict(data, name="P"):
    """A Normal or Mixture from its session/JSON dictionary form (range-checked, see check_range)."""
    return check_range(_continuous_from_dict(data, name), name)


def _continuous_from_dict(data, name):
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
        if not NUMBER_TEXT.fullmatch(s):  # float() would also take "1_000" and "１"
            raise ValueError(f"{name}: {s!r} is not a number")
        v = float(s)
        if math.isinf(v) and "inf" not in s.lower():
            raise ValueError(f"{name}: {s[:40]!r} is too large for a float")
        out.append(v)
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
    if not isinstance(text, str):
        raise TypeError(f"{name}: a SPEC must be text, not {type(text).__name__}")
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
            return check_range(Normal(*v), name)
        if family == "mixture":
            v = _numbers(rest, name, family)
            _expect(v, 5, name, family, "W,MU1,SIGMA1,MU2,SIGMA2")
            return check_range(Mixture.from_params(*v), name)
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
