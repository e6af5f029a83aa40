"""The divergences beyond KL as the Discrete and Continuous tabs show them (issue 14), Qt-free.

- `family_readouts`: TV, Hellinger, χ²(P‖Q), χ²(Q‖P) and Rényi D_α(P‖Q), D_α(Q‖P) of the current pair
  (from `klviz.core.divergences.divergence_family`) with their units ("unitless" or the chosen
  one), display texts, plain-text reasons for every ∞ and formula tooltips.
- The Rényi order control: a log-scale slider over 0.01 … 100 whose last position is ∞ (α = 1,
  the KL, in the middle), and the parsing of a typed order ("0.5", "2", "inf", "∞").
- The α-fit (Amari's family, `klviz.core.alpha`, imported when first used): one warm-started
  fit with a plain-text note on where D_α(P‖Q) is finite, the fitted (μ, σ) over α for the
  inset, the slider's landmarks.
- What "Copy as LaTeX" copies (the strings of `klviz.latex`).

Every number comes from klviz.core; text is plain text (never markup).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz import latex
from klviz.core import Categorical, Normal
from klviz.core.divergences import ALPHA_RANGE, UNITLESS, divergence_family
from klviz.core.format import format_value
from klviz.core.gaussian import moment_match
from klviz.i18n import QT_TRANSLATE_NOOP, Phrase, joined

KEYS = ("tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp")
NAMES = {"tv": "TV(P,Q)", "hellinger": "He(P,Q)", "chi2_pq": "χ²(P‖Q)", "chi2_qp": "χ²(Q‖P)",
         "renyi_pq": "D_α(P‖Q)", "renyi_qp": "D_α(Q‖P)"}


def _tooltips(s, d):
    """Formula tooltips with `s` the sum (Σᵢ) or integral (∫) and `d` its measure suffix."""
    n_pq = "" if d == "" else Phrase(QT_TRANSLATE_NOOP("klviz", " (for Normals: unless {cond})"), cond="2σ<sub>Q</sub>² > σ<sub>P</sub>²")
    n_qp = "" if d == "" else Phrase(QT_TRANSLATE_NOOP("klviz", " (for Normals: unless {cond})"), cond="2σ<sub>P</sub>² > σ<sub>Q</sub>²")
    return {
        "tv": Phrase(QT_TRANSLATE_NOOP("klviz", "Total variation:  TV(P,Q) = ½ {s} |p − q|{d}  in [0, 1], unitless (no log)\n"
                                       "The largest difference in probability P and Q give to any one event."), s=s, d=d),
        "hellinger": Phrase(QT_TRANSLATE_NOOP("klviz", "Hellinger distance:  He(P,Q) = √(½ {s} (√p − √q)²{d}) = √(1 − {s} √(p q){d})\n"
                                              "in [0, 1], unitless; computed from the differences of square roots."), s=s, d=d),
        "chi2_pq": Phrase(QT_TRANSLATE_NOOP("klviz", "Pearson χ²:  χ²(P‖Q) = {s} (p − q)² / q{d}, unitless<br>∞ where Q = 0 but P > 0{normals}"),
                          s=s, d=d, normals=n_pq),
        "chi2_qp": Phrase(QT_TRANSLATE_NOOP("klviz", "Pearson χ²:  χ²(Q‖P) = {s} (q − p)² / p{d}, unitless<br>∞ where P = 0 but Q > 0{normals}"),
                          s=s, d=d, normals=n_qp),
        "renyi_pq": Phrase(QT_TRANSLATE_NOOP("klviz", "Rényi divergence of order α:  D<sub>α</sub>(P‖Q) = 1/(α − 1) · log {s} p^α q^(1−α){d}<br>"
                                             "α → 1 is D(P‖Q) (KL); α = ∞ is log max p/q; non-decreasing in α; in the chosen unit."), s=s, d=d),
        "renyi_qp": Phrase(QT_TRANSLATE_NOOP("klviz", "Rényi divergence of order α:  D<sub>α</sub>(Q‖P) = 1/(α − 1) · log {s} q^α p^(1−α){d}<br>"
                                             "α → 1 is D(Q‖P) (KL); α = ∞ is log max q/p; non-decreasing in α; in the chosen unit."), s=s, d=d),
    }


TOOLTIPS = {"discrete": _tooltips("Σᵢ", ""), "continuous": _tooltips("∫", " dx")}
ROWS = {kind: tuple((k, NAMES[k], TOOLTIPS[kind][k]) for k in KEYS) for kind in TOOLTIPS}


@dataclass(frozen=True, eq=False)
class FamilyReadouts:
    """The six values of one pair: `values` key -> float, `units` key -> "unitless" or the unit,
    `texts` key -> "0.1234 unitless" / "∞", `reasons` key -> why a value is ∞ (plain text)."""

    alpha: float
    unit: str
    values: dict
    units: dict
    texts: dict
    reasons: dict


def _quote_none(text):
    return text


def family_readouts(P, Q, alpha, unit, labels=None, quote=_quote_none):
    """TV, Hellinger, both χ² and both Rényi divergences of order `alpha` (0 < alpha <= inf) of
    a discrete pair (probability arrays, weights or Categoricals; `labels` name the categories in
    the reasons, each passed through `quote` first) or a continuous one (Normals/Mixtures)."""
    fam = divergence_family(P, Q, alpha, unit)
    values, units = fam.values(), fam.units()
    reasons = dict(fam.reasons)
    if labels is not None:
        for key, idx in fam.support.items():
            if len(idx) == 0:
                continue
            names = ", ".join(quote(str(labels[int(i)])) for i in idx[:4]) + (", …" if len(idx) > 4 else "")
            num, den = ("P", "Q") if key.endswith("_pq") else ("Q", "P")
            reasons[key] = f"{den}({names}) = 0 where {num}({names}) > 0"
    texts = {k: format_value(v) if math.isinf(v) else f"{format_value(v)} {units[k]}" for k, v in values.items()}
    return FamilyReadouts(alpha=fam.alpha, unit=unit, values=values, units=units, texts=texts, reasons=reasons)


def discrete_pair(p, q):
    """Categoricals of a discrete state's probability arrays (valid by construction)."""
    with np.errstate(divide="ignore"):
        return Categorical(p, np.log(p)), Categorical(q, np.log(q))


# =============================================================================================
# The Rényi order: a log-scale slider 0.01 … 100 (α = 1 in the middle), its last position ∞

RENYI_DECADES = (-2, 2)
RENYI_PER_DECADE = 100
RENYI_FINITE_STEPS = (RENYI_DECADES[1] - RENYI_DECADES[0]) * RENYI_PER_DECADE
RENYI_INF_POSITION = RENYI_FINITE_STEPS + 25  # the slider's end (beyond 100: ∞), a mark's width on
RENYI_KL_POSITION = -RENYI_DECADES[0] * RENYI_PER_DECADE  # α = 1
DEFAULT_RENYI_ALPHA = 2.0
RENYI_MARKS = tuple((k * RENYI_PER_DECADE, text) for k, text in enumerate(("0.01", "0.1", "1 = KL", "10", "100"))
                    ) + ((RENYI_INF_POSITION, "∞"),)


def renyi_alpha_at(position):
    """The order at a slider position (0 … RENYI_INF_POSITION): 10^(−2 + position/100), or ∞
    past 100."""
    position = int(position)
    if position > RENYI_FINITE_STEPS:
        return math.inf
    position = max(position, 0)
    return float(10.0 ** (RENYI_DECADES[0] + position / RENYI_PER_DECADE))


def renyi_position(alpha):
    """The slider position nearest `alpha` (the ends hold anything beyond them)."""
    if math.isinf(alpha):
        return RENYI_INF_POSITION
    pos = round((math.log10(alpha) - RENYI_DECADES[0]) * RENYI_PER_DECADE)
    return int(min(max(pos, 0), RENYI_FINITE_STEPS))


def renyi_alpha_text(alpha):
    """`2`, `0.5`, `∞`: how the edit box shows an order."""
    return "∞" if math.isinf(alpha) else f"{alpha:.4g}"


def parse_renyi_alpha(text):
    """A typed order: a number > 0, or "inf" / "∞"; ValueError (a sentence) otherwise."""
    s = str(text).strip()
    if s.lower() in ("inf", "infinity", "∞", "+inf", "+∞"):
        return math.inf
    try:
        alpha = float(s)
    except ValueError:
        raise ValueError(f"α must be a number > 0 or ∞ (got {s[:20]!r})") from None
    if not math.isfinite(alpha) or alpha <= 0:
        raise ValueError(f"α must be a number > 0 or ∞ (got {s[:20]!r})")
    return alpha


def renyi_name(alpha):
    """The readout names with the order in them: D_2(P‖Q) … (α = 1 says KL)."""
    a = renyi_alpha_text(alpha)
    kl = " = KL" if alpha == 1 else ""
    return {"renyi_pq": f"D_{a}(P‖Q){kl}", "renyi_qp": f"D_{a}(Q‖P){kl}"}


# =============================================================================================
# The α-fit

ALPHA_FIT_RANGE = ALPHA_RANGE  # (−2, 3)
ALPHA_FIT_STEPS = 500  # 0.01 per step
DEFAULT_FIT_ALPHA = 0.5
# (α, short mark under the slider, what it means)
ALPHA_LANDMARKS = (
    (ALPHA_RANGE[0], "−2", QT_TRANSLATE_NOOP("klviz", "α ≤ 0: zero-forcing, Q inside one mode")),
    (0.0, "0", QT_TRANSLATE_NOOP("klviz", "α → 0: reverse KL D(Q‖P), mode-seeking")),
    (0.5, "½", QT_TRANSLATE_NOOP("klviz", "α = ½: 4·He²(P,Q), Hellinger")),
    (1.0, "1", QT_TRANSLATE_NOOP("klviz", "α → 1: forward KL D(P‖Q), mass-covering")),
    (2.0, "2", "α = 2: ½ χ²(P‖Q)"),
    (ALPHA_RANGE[1], "3", QT_TRANSLATE_NOOP("klviz", "α ≥ 1: inclusive, Q covers all of P")),
)


def alpha_at(position):
    lo, hi = ALPHA_FIT_RANGE
    return round(lo + (hi - lo) * min(max(int(position), 0), ALPHA_FIT_STEPS) / ALPHA_FIT_STEPS, 10)


def alpha_position(alpha):
    lo, hi = ALPHA_FIT_RANGE
    return int(round(min(max((alpha - lo) / (hi - lo), 0.0), 1.0) * ALPHA_FIT_STEPS))


def alpha_meaning(alpha):
    """A plain-text line on what this α does."""
    if alpha == 0:
        return QT_TRANSLATE_NOOP("klviz", "α = 0: the reverse KL D(Q‖P), mode-seeking")
    if alpha == 1:
        return QT_TRANSLATE_NOOP("klviz", "α = 1: the forward KL D(P‖Q), mass-covering (moment matching)")
    if alpha == 0.5:
        return QT_TRANSLATE_NOOP("klviz", "α = ½: 4·He²(P,Q), the Hellinger distance squared")
    if alpha == 2:
        return "α = 2: ½ χ²(P‖Q)"
    if alpha < 0:
        return Phrase(QT_TRANSLATE_NOOP("klviz", "α = {alpha} < 0: zero-forcing, more mode-seeking than the reverse KL"), alpha=f"{alpha:g}")
    if alpha < 1:
        return Phrase(QT_TRANSLATE_NOOP("klviz", "α = {alpha}, between the reverse (0) and the forward KL (1)"), alpha=f"{alpha:g}")
    return Phrase(QT_TRANSLATE_NOOP("klviz", "α = {alpha} > 1: inclusive, more mass-covering than the forward KL"), alpha=f"{alpha:g}")


@dataclass(frozen=True, eq=False)
class AlphaFit:
    """One α-fit: `result` (klviz.core.alpha.AlphaFitResult, None if there is no fit), `note`
    (plain text: what this α means, where D_α(P‖Q) is finite, what the fit had to do)."""

    alpha: float
    result: object
    note: str

    @property
    def normal(self):
        return None if self.result is None else self.result.normal


def fit_start(Q):
    """The Normal a fit starts from: Q itself, or a mixture Q's moment-matched Normal."""
    return Q if isinstance(Q, Normal) else moment_match(Q)


def finite_note(P, alpha):
    """Where D_α(P‖N(μ, σ²)) is finite, as a sentence ("" where it is finite for every σ)."""
    from klviz.core.alpha import finite_sigma_range  # the α-fit's (the Continuous tab's): not at the start

    lo, hi = finite_sigma_range(P, alpha)
    if lo > 0:
        return Phrase(QT_TRANSLATE_NOOP("klviz", "D⁽ᵅ⁾(P‖Q) is finite only for Q's σ > {lo} (α > 1: Q's tails must not be lighter)"), lo=f"{lo:.4g}")
    if math.isfinite(hi):
        return Phrase(QT_TRANSLATE_NOOP("klviz", "D⁽ᵅ⁾(P‖Q) is finite only for Q's σ < {hi} (α < 0: Q's tails must be lighter)"), hi=f"{hi:.4g}")
    return ""


def fit_normal_alpha(P, Q, alpha):
    """Fit a Normal to P by minimising D_α(P‖Q) from Q (warm start); never raises for a bad fit:
    a fit whose arithmetic fails keeps `result` None and says why in `note`."""
    from klviz.core.alpha import EDGE_STATUS, fit_alpha

    parts = [alpha_meaning(alpha)]
    finite = finite_note(P, alpha)
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            result = fit_alpha(P, fit_start(Q), alpha)
    except (ValueError, ArithmeticError) as exc:
        return AlphaFit(alpha, None, joined("\n", parts + [Phrase(QT_TRANSLATE_NOOP("klviz", "No fit: {reason}"), reason=str(exc))]))
    if finite:
        parts.append(Phrase(QT_TRANSLATE_NOOP("klviz", "{finite}; the fit stays where it is finite."), finite=finite))
    if result.notes:
        parts.append(result.notes[0].upper() + result.notes[1:] + ".")
    elif result.status not in ("converged", EDGE_STATUS):
        parts.append(Phrase(QT_TRANSLATE_NOOP("klviz", "The fit stopped: {status}."), status=result.status))
    return AlphaFit(alpha, result, joined("\n", parts))


@dataclass(frozen=True, eq=False)
class AlphaCurveView:
    """The inset: alphas, mus, sigmas (arrays) and the y range that holds both curves."""

    alphas: np.ndarray
    mus: np.ndarray
    sigmas: np.ndarray
    y_range: tuple


CURVE_POINTS = 26


def alpha_curve_view(P, points=CURVE_POINTS):
    """The fitted μ and σ over α in ALPHA_FIT_RANGE for P (Minka's picture), by continuation
    from P's highest peak; None if the fits fail."""
    from klviz.core.alpha import alpha_curve

    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            c = alpha_curve(P, np.linspace(*ALPHA_FIT_RANGE, points))
    except (ValueError, ArithmeticError):
        return None
    both = np.concatenate([c.mus, c.sigmas])
    both = both[np.isfinite(both)]
    lo, hi = (float(both.min()), float(both.max())) if both.size else (0.0, 1.0)
    pad = 0.08 * (hi - lo) if hi > lo else 0.5
    return AlphaCurveView(c.alphas, c.mus, c.sigmas, (lo - pad, hi + pad))


def describe_fit(fit):
    """"Q = N(μ, σ²), D_α(P‖Q) = 0.1234 nats" for the status line (plain text)."""
    if fit.result is None:
        return ""
    n = fit.result.normal
    return Phrase(QT_TRANSLATE_NOOP("klviz", "{q}, D⁽ᵅ⁾(P‖Q) = {value} nats (Amari's α-divergence, in nats whatever the unit)"),
                  q=f"Q = N({n.mu:.4g}, {n.sigma:.4g}²)".replace("-", "−"), value=format_value(fit.result.value))


# =============================================================================================
# Copy as LaTeX

DISCRETE_KEYS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js")
CONTINUOUS_KEYS = DISCRETE_KEYS[:-1]


def readouts_latex(measures, unit, continuous=False, family=None):
    """The readouts (and, if given, the `FamilyReadouts` shown) as klviz.latex.readouts_latex."""
    keys = list(CONTINUOUS_KEYS if continuous else DISCRETE_KEYS)
    values = {k: float(getattr(measures, k)) for k in keys}
    alpha = None
    if family is not None:
        values.update(family.values)
        keys += list(KEYS)
        alpha = family.alpha
    return latex.readouts_latex(values, unit, keys=keys, alpha=alpha, continuous=continuous)


def decomposition_latex(measures, unit, continuous=False):
    """Both decompositions, H(P,Q) = H(P) + D(P‖Q) and H(Q,P) = H(Q) + D(Q‖P), one per line."""
    m = measures
    return "\n".join((
        latex.decomposition_latex(m.entropy_p, m.kl_pq, m.cross_entropy_pq, unit, "P", "Q", differential=continuous),
        latex.decomposition_latex(m.entropy_q, m.kl_qp, m.cross_entropy_qp, unit, "Q", "P", differential=continuous),
    ))


__all__ = ["ALPHA_FIT_RANGE", "ALPHA_LANDMARKS", "AlphaCurveView", "AlphaFit", "FamilyReadouts", "KEYS", "ROWS",
           "UNITLESS", "alpha_curve_view", "decomposition_latex", "family_readouts", "fit_normal_alpha",
           "parse_renyi_alpha", "readouts_latex", "renyi_alpha_at", "renyi_position"]
