"""The Qt adaptor over the Qt-free session: one place that changes state, records undo steps and
announces changes.

Widgets call the intent methods here ("set p[2] to 0.41", "swap P and Q"); the model computes the
new immutable `Session` with the pure functions of `klviz.session`, pushes one undo command, and
emits each affected signal once. Views redraw from the model and read measures from it; they never
compute a measure themselves.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui

from klviz import session as ss
from klviz.core import Categorical, continuous_measures, discrete_measures
from klviz.core import Mixture, Normal, convert, gaussian

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
        self._mixture_memory = dict(self.MIXTURE_DEFAULTS)  # which -> (weight, mu2, sigma2)

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

        def compute():
            # the state's probabilities are valid by construction: no second validation
            with np.errstate(divide="ignore"):
                P = Categorical(d.p, np.log(d.p))
                Q = Categorical(d.q, np.log(d.q))
            return discrete_measures(P, Q, unit)

        return self._cached("discrete", (_Same(d), unit), compute)

    def continuous_measures(self):
        s = self._session
        return self._cached("continuous", (s.continuous_p, s.continuous_q, s.unit),
                            lambda: continuous_measures(s.continuous_p, s.continuous_q, s.unit))

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

    # -- intents: continuous --------------------------------------------------------------------
    # P and Q are each a Normal or a two-component Mixture whose FIRST component is (mu, sigma).
    # Parameter names: "mu", "sigma" (the Normal, or the first component), "weight" (of the first
    # component), "mu2", "sigma2". While a side is a single Normal, its second component and weight
    # are remembered here (not in the session) so switching the mixture on brings them back.
    CONTINUOUS_PARAMS = ("mu", "sigma", "weight", "mu2", "sigma2")
    CONTINUOUS_PRESETS = {
        "identical": (Normal(0.0, 1.0), Normal(0.0, 1.0)),
        "shifted": (Normal(-1.0, 1.0), Normal(1.5, 1.0)),
        "q-wider": (Normal(0.0, 1.0), Normal(0.0, 2.5)),
        "q-narrower": (Normal(0.0, 1.0), Normal(0.0, 0.4)),
        "bimodal-p": (Mixture.from_params(0.5, -3.0, 0.8, 3.0, 0.8), Normal(0.8, 1.5)),
    }
    MIXTURE_DEFAULTS = {"p": (0.5, 4.0, 1.0), "q": (0.5, -3.0, 1.0)}  # (weight, mu2, sigma2)
    fitActiveChanged = QtCore.Signal(bool)
    _fit_text = None  # while a fit is shown: its undo text (its macro is open on the undo stack)

    def continuous(self, which):
        return self._session.continuous_p if which == "p" else self._session.continuous_q

    def continuous_params(self, which):
        """The parameters a user sets, by name (a Normal side: also its remembered mixture part)."""
        d = self.continuous(which)
        if isinstance(d, Mixture):
            (c1, c2) = d.components
            return dict(mixture=True, mu=c1.mu, sigma=c1.sigma, weight=d.weight, mu2=c2.mu, sigma2=c2.sigma)
        out = dict(mixture=False, mu=d.mu, sigma=d.sigma)
        out.update(zip(("weight", "mu2", "sigma2"), self._mixture_memory[which]))
        return out

    def set_continuous_param(self, which, name, value):
        """Set one parameter of P or Q ("mu", "sigma", "weight", "mu2", "sigma2")."""
        if which not in WHICH or name not in self.CONTINUOUS_PARAMS:
            raise ValueError(f"no continuous parameter {name!r} for {which!r}")
        value = float(value)
        params = self.continuous_params(which)
        params[name] = value
        if params["mixture"]:
            new = Mixture.from_params(params["weight"], params["mu"], params["sigma"], params["mu2"], params["sigma2"])
        elif name in ("weight", "mu2", "sigma2"):
            Mixture.from_params(params["weight"], 0.0, 1.0, params["mu2"], params["sigma2"])  # validate
            self._mixture_memory[which] = (params["weight"], params["mu2"], params["sigma2"])
            return
        else:
            new = Normal(params["mu"], params["sigma"])
        symbol = {"mu": "μ", "sigma": "σ", "weight": "w", "mu2": "μ₂", "sigma2": "σ₂"}[name]
        text = f"{which.upper()}: {symbol} = {value:.4g}"
        self.set_continuous(**{which: new}, text=text)

    def set_mixture(self, on, which="p"):
        """Make P (or Q) a two-component mixture (first component = the current Normal) or a
        single Normal (the first component)."""
        if which not in WHICH:
            raise ValueError(f"no continuous distribution {which!r}")
        params = self.continuous_params(which)
        if bool(on) == params["mixture"]:
            return
        if on:
            w, mu2, s2 = self._mixture_memory[which]
            new = Mixture.from_params(w, params["mu"], params["sigma"], mu2, s2)
        else:
            self._mixture_memory[which] = (params["weight"], params["mu2"], params["sigma2"])
            new = Normal(params["mu"], params["sigma"])
        name = which.upper()
        self.set_continuous(**{which: new}, text=f"{name}: mixture" if on else f"{name}: single normal")

    def apply_continuous_preset(self, name):
        p, q = self.CONTINUOUS_PRESETS[name]
        for which, d in (("p", p), ("q", q)):
            if isinstance(d, Mixture):
                self._mixture_memory[which] = (d.weight, d.components[1].mu, d.components[1].sigma)
        self.set_continuous(p=p, q=q, text=f"Preset: {name.replace('-', ' ')}")

    def mse_link(self):
        """The MSE link for Q = N(mu_Q, 1): H(P,Q) = 1/2 log 2 pi + 1/2 Var_P + 1/2 (E_P - mu_Q)^2.

        Returns dict(mean_p, var_p, mu_q, error = mean_p - mu_q, terms=(constant, variance, squared
        error), total), the
        terms and total in the current unit (exact for a mixture P too: only P's mean and variance
        enter). Q must be a Normal (the link is about a unit-variance Normal Q)."""
        P, Q = self._session.continuous_p, self._session.continuous_q
        if not isinstance(Q, Normal):
            raise ValueError("the MSE link needs a Normal Q")
        m = gaussian.moment_match(P)
        terms = tuple(float(convert(t, self.unit)) for t in gaussian.unit_variance_terms(P, Q.mu))
        return dict(mean_p=m.mu, var_p=m.sigma**2, mu_q=Q.mu, error=m.mu - Q.mu, terms=terms, total=sum(terms))

    # fits: compute, then show as one undo step (begin_fit, fit_step per frame, end_fit)
    def continuous_fit(self, kind):
        """Fit a Normal Q to P from the current Q: kind "forward" minimises D(P‖Q) (moment
        matching), "reverse" minimises D(Q‖P) ending at the mode of P nearest Q. A mixture Q starts
        from its moment-matched Normal. Returns a FitResult whose path runs from that Normal to the
        optimum; nothing is changed."""
        P, Q = self._session.continuous_p, gaussian.moment_match(self._session.continuous_q)
        if kind == "forward":
            return gaussian.fit_forward_kl(P, Q)
        if kind == "reverse":
            return gaussian.fit_reverse_kl_nearest_mode(P, Q)
        raise ValueError(f"unknown fit {kind!r} (forward or reverse)")

    @property
    def fit_active(self):
        return self._fit_text is not None

    def begin_fit(self, text):
        """Start showing a fit: every fit_step shows live; end_fit makes it all one undo step.

        Undo and redo are unavailable meanwhile (the step is a macro under construction); anything
        that ends the gesture from outside (opening a file, another drag) closes the fit too."""
        if self._fit_text is not None:
            self.end_fit()
        self.end_gesture()
        self.undo_stack.beginMacro(text)
        self._fit_text = text
        self.begin_gesture(text)
        self.gestureActiveChanged.connect(self._fit_gesture_changed)
        self.fitActiveChanged.emit(True)

    def fit_step(self, q):
        if self._fit_text is not None:
            self.set_continuous(q=q, text=self._fit_text)

    def end_fit(self, q=None):
        """Finish the fit, at `q` if given (the exact optimum), as one undo step."""
        if self._fit_text is None:
            return
        if q is not None and self._gesture is not None:
            self.set_continuous(q=q, text=self._fit_text)
        self.end_gesture()  # closes the macro through _fit_gesture_changed

    def _fit_gesture_changed(self, active):
        if active or self._fit_text is None:
            return
        self._fit_text = None
        self.gestureActiveChanged.disconnect(self._fit_gesture_changed)
        self.undo_stack.endMacro()
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if top is not None and top.childCount() == 0:  # nothing changed: drop the empty step
            top.setObsolete(True)
            self.undo_stack.undo()
        self.fitActiveChanged.emit(False)


class _Same:
    """Compares equal only to a wrapper of the very same object (identity, kept alive)."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __eq__(self, other):
        return isinstance(other, _Same) and other.obj is self.obj

    __hash__ = None


def _same(a, b):
    return (
        a.unit == b.unit
        and a.discrete.same_as(b.discrete)
        and a.continuous_p == b.continuous_p
        and a.continuous_q == b.continuous_q
    )
