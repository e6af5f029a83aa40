"""The Continuous tab's state, with no Qt: P and Q (each a Normal or a two-component mixture) and,
for a side that is a single Normal, the mixture part it had (or would get), so that switching the
mixture on brings it back. Pure operations: parameter edits, mixture on/off, presets, fit results.

A side's parameters by name: "mu", "sigma" (the Normal, or the mixture's first component),
"weight" (of the first component), "mu2", "sigma2" (the second component).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from klviz.core.spec import Mixture, Normal

WHICH = ("p", "q")
CONTINUOUS_PARAMS = ("mu", "sigma", "weight", "mu2", "sigma2")
PARAM_SYMBOLS = {"mu": "μ", "sigma": "σ", "weight": "w", "mu2": "μ₂", "sigma2": "σ₂"}
CONTINUOUS_PRESETS = {
    "identical": (Normal(0.0, 1.0), Normal(0.0, 1.0)),
    "shifted": (Normal(-1.0, 1.0), Normal(1.5, 1.0)),
    "q-wider": (Normal(0.0, 1.0), Normal(0.0, 2.5)),
    "q-narrower": (Normal(0.0, 1.0), Normal(0.0, 0.4)),
    "bimodal-p": (Mixture.from_params(0.5, -3.0, 0.8, 3.0, 0.8), Normal(0.8, 1.5)),
}


@dataclass(frozen=True)
class SecondComponent:
    """A mixture's first-component weight and its second component N(mu, sigma^2)."""

    weight: float
    mu: float
    sigma: float

    def __post_init__(self):
        Mixture.from_params(self.weight, 0.0, 1.0, self.mu, self.sigma)  # ValueError if invalid

    @classmethod
    def of(cls, mixture):
        """A mixture's own part (valid as the mixture is: not checked again, on every frame of a
        slider's drag)."""
        c2 = mixture.components[1]
        part = object.__new__(cls)
        part.__dict__.update(weight=mixture.weight, mu=c2.mu, sigma=c2.sigma)
        return part

    def to_dict(self):
        return {"weight": self.weight, "mu": self.mu, "sigma": self.sigma}


MIXTURE_DEFAULTS = {"p": SecondComponent(0.5, 4.0, 1.0), "q": SecondComponent(0.5, -3.0, 1.0)}


@dataclass(frozen=True)
class ContinuousState:
    """P and Q, and each side's mixture part. For a side that is a mixture its part is the
    mixture's own (kept so here), so two states are equal exactly when they behave alike."""

    p: object = Normal(0.0, 1.0)
    q: object = Normal(1.0, 1.5)
    second_p: SecondComponent = MIXTURE_DEFAULTS["p"]
    second_q: SecondComponent = MIXTURE_DEFAULTS["q"]

    def __post_init__(self):
        for which in WHICH:
            d = getattr(self, which)
            if isinstance(d, Mixture):
                object.__setattr__(self, f"second_{which}", SecondComponent.of(d))
            elif not isinstance(d, Normal):
                raise TypeError(f"continuous {which.upper()} must be a Normal or a Mixture")

    def side(self, which):
        if which == "p":
            return self.p
        if which == "q":
            return self.q
        raise ValueError(f"no continuous distribution {which!r} (p or q)")

    def second(self, which):
        if which == "p":
            return self.second_p
        if which == "q":
            return self.second_q
        raise ValueError(f"no continuous distribution {which!r} (p or q)")

    def to_dict(self):
        """P and Q as session JSON, and the remembered part of each side that is a single Normal
        (a mixture side's part is the mixture itself)."""
        out = {"p": self.p.to_dict(), "q": self.q.to_dict()}
        second = {w: self.second(w).to_dict() for w in WHICH if isinstance(getattr(self, w), Normal)}
        if second:
            out["second"] = second
        return out


def params(state, which):
    """The parameters a user sets, by name, and whether the side is a mixture."""
    if which == "p":
        d, s = state.p, state.second_p
    elif which == "q":
        d, s = state.q, state.second_q
    else:
        raise ValueError(f"no continuous distribution {which!r} (p or q)")
    mixture = type(d) is Mixture
    first = d.components[0] if mixture else d
    return {"mixture": mixture, "mu": first.mu, "sigma": first.sigma,
            "weight": s.weight, "mu2": s.mu, "sigma2": s.sigma}


def with_pair(state, p=None, q=None):
    """The state with P and/or Q replaced (a Normal side keeps its remembered part)."""
    p = state.p if p is None else p
    q = state.q if q is None else q
    if type(p) not in _SIDES or type(q) not in _SIDES:
        return ContinuousState(p, q, state.second_p, state.second_q)  # checks, and says what is wrong
    # the same state __post_init__ makes, without dataclasses' generic path: this runs on every
    # frame of a slider's drag
    new = object.__new__(ContinuousState)
    new.__dict__.update(p=p, q=q, second_p=SecondComponent.of(p) if type(p) is Mixture else state.second_p,
                        second_q=SecondComponent.of(q) if type(q) is Mixture else state.second_q)
    return new


_SIDES = (Normal, Mixture)


def set_param(state, which, name, value):
    """One parameter of P or Q set (ValueError for an invalid value: the state is unchanged).

    The second part of a side that is a single Normal is only remembered."""
    if name not in CONTINUOUS_PARAMS:
        raise ValueError(f"no continuous parameter {name!r}")
    values = params(state, which)
    values[name] = float(value)
    if values["mixture"]:
        new = Mixture.from_params(values["weight"], values["mu"], values["sigma"], values["mu2"], values["sigma2"])
        return with_pair(state, **{which: new})
    if name in ("weight", "mu2", "sigma2"):
        second = SecondComponent(values["weight"], values["mu2"], values["sigma2"])
        return replace(state, **{f"second_{which}": second})
    return with_pair(state, **{which: Normal(values["mu"], values["sigma"])})


def set_mixture(state, which, on):
    """P (or Q) a two-component mixture (its first component the current Normal, its second the
    remembered part) or a single Normal (the first component; the rest is remembered)."""
    values = params(state, which)
    if bool(on) == values["mixture"]:
        return state
    if on:
        new = Mixture.from_params(values["weight"], values["mu"], values["sigma"], values["mu2"], values["sigma2"])
    else:
        new = Normal(values["mu"], values["sigma"])
    return with_pair(state, **{which: new})


def apply_preset(state, name):
    if name not in CONTINUOUS_PRESETS:
        raise ValueError(f"unknown continuous preset {name!r} (choose one of {', '.join(CONTINUOUS_PRESETS)})")
    p, q = CONTINUOUS_PRESETS[name]
    return with_pair(state, p=p, q=q)


def edit_text(which, name, value):
    """The undo text of a parameter edit: "P: μ = 0.5"."""
    return f"{which.upper()}: {PARAM_SYMBOLS[name]} = {float(value):.4g}"


def is_unit_variance_normal(dist):
    """True for N(mu, 1): the Q of the MSE link."""
    return isinstance(dist, Normal) and dist.sigma == 1.0
