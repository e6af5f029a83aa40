"""Divergences beyond KL (MATH.md "Beyond KL"): total variation, Hellinger, Pearson χ², Rényi.

Discrete pairs take probability vectors (or weights, normalised by their exact sum) or
`Categorical`s; continuous pairs take `Normal`s and `Mixture`s. Every infinite value comes with a
reason (`divergence_family`), and for discrete pairs with the categories responsible.

How the numbers stay exact (discrete: ≤ 1e-12 relative):
- P and Q are taken as exactly normalised: p̂ = p / Σp and q̂ = q / Σq with the sums exact (fsum),
  so a float vector that does not sum to 1 to the last bit is not a source of error. Differences
  p̂_i − q̂_i are formed from p_i − q_i and the exact difference of the two sums.
- TV, Hellinger and χ² are sums of non-negative terms built from those differences: Hellinger from
  (p̂ − q̂)² / (√p̂ + √q̂)² (never 1 − Σ√(pq), which cancels), χ² from (p̂ − q̂)² / q̂.
- Rényi comes from Amari's α-divergence A = Σ [α p + (1 − α) q − p^α q^(1−α)] / (α (1 − α)), a sum
  of non-negative terms written with expm1-type functions of L = log(q/p) that stay accurate at
  α → 1, α → 0 and P → Q; then Σ p^α q^(1−α) = 1 + (α − 1) α A exactly, and
  D_α = log1p((α − 1) α A) / (α − 1). Where that sum is far from 1 (or a term overflows) the sum
  is taken in log space instead (logsumexp of α log p + (1 − α) log q), which is accurate there.

Continuous pairs: closed forms for Normal pairs (MATH.md), written in logs so nothing cancels; a
Normal's TV uses the Normal CDF at the two crossing points of the densities. Anything with a
mixture is integrated with Gauss-Legendre panels (relative error ≤ 1e-6, in practice ≤ 1e-10)
whose break points follow every component, the crossing points of the two densities (TV) and the
Gaussian "components" of the integrand p^α q^(1−α) (χ², Rényi), which may lie far from both.
Whether an integral is finite is decided analytically from the tails: the widest components of P
and Q decide.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np

from klviz.core._numerics import expm1mx, log1pmx_scalar
from klviz.core.checks import NotNumbersError, finite_number
from klviz.core.gaussian import (
    _accurate_log_ratio,
    _check_dist,
    _check_mixture_range,
    _comps,
    _dlog_pdf,
    _frames_grid,
    _log_pdf,
    _normal_kl,
    _refined_log_ratio,
    _scalars,
    _scaled,
)
from klviz.core.spec import Categorical, Mixture, Normal
from klviz.core.units import check_unit, convert

_TINY = float(np.finfo(float).tiny)  # smallest normal float; below it ratios lose digits
_LN2 = math.log(2.0)
_LOG_BIG = 700.0  # exp() of more than this overflows soon: switch to log space

UNITLESS = "unitless"
ALPHA_RANGE = (-2.0, 3.0)  # Amari's α over the α-fit's slider and inset (klviz.core.alpha)
KEYS = ("tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp")


# =============================================================================================
# Input checks


def as_categorical(x, name="P"):
    """A `Categorical` from a Categorical, or from weights (checked by klviz.core.checks and
    normalised by their exact sum).

    TypeError for non-numbers (strings, booleans, complex, continuous distributions); ValueError
    naming the problem for a 2-D array, an empty vector, NaN, ±inf, a negative entry, all zeros,
    a number too large for a float.
    """
    if isinstance(x, Categorical):
        return x
    if isinstance(x, (Normal, Mixture)):
        raise NotNumbersError(f"{name} is a continuous distribution: give discrete probabilities")
    if isinstance(x, (str, bytes, dict)):
        raise NotNumbersError(f"{name} must be a list of numbers (got {type(x).__name__})")
    return Categorical.from_weights(x, name)


def _weights(x, name):
    """(w, log w) of a checked distribution: a Categorical's probabilities and exact logs, or the
    weights themselves (not yet divided by their sum, so that rounding the quotient does not
    perturb P − Q; `_Pair` normalises exactly)."""
    cat = as_categorical(x, name)
    if isinstance(x, Categorical):
        return cat.probs, cat.log_probs
    w = cat.weights
    with np.errstate(divide="ignore"):
        return w, np.log(w)


def as_pair(P, Q):
    """(p, log p, q, log q) of two checked distributions of equal length (see `as_categorical`)."""
    p, lp = _weights(P, "P")
    q, lq = _weights(Q, "Q")
    if p.size != q.size:
        raise ValueError(f"P and Q have different lengths ({p.size} and {q.size})")
    return p, lp, q, lq


def check_renyi_alpha(alpha):
    """alpha as a float in (0, inf] (klviz.core.checks rules; a float inf is the order ∞)."""
    if isinstance(alpha, (float, np.floating)) and alpha == math.inf:
        return math.inf
    a = finite_number(alpha, "alpha")
    if not a > 0:
        raise ValueError(f"alpha must be > 0 for a Rényi divergence (got {a!r})")
    return a


def check_continuous(x, name="P"):
    """x if it is a Normal or a Mixture; TypeError otherwise (as everywhere in klviz.core)."""
    return _check_dist(x, name)


# =============================================================================================
# Functions that stay accurate near 0


def _log1p_over(y):
    """log1p(y) / y, 1 at y = 0."""
    return 1.0 if y == 0 else math.log1p(y) / y


def _logdiffexp(a, b):
    """log|e^a - e^b| elementwise (-inf where a == b)."""
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = hi + np.log(-np.expm1(lo - hi))
    return np.where(hi == lo, -np.inf, out)


def _fsum(x):
    return math.fsum(np.asarray(x, dtype=float).ravel().tolist())


# =============================================================================================
# The α-divergence terms (shared by the discrete Rényi and the continuous α-fit)


def _amari_scaled_terms(alpha, beta, lw, lv, w, v, L):
    """alpha * w f_alpha(v / w) per entry, for alpha >= 1/2 (callers swap roles below 1/2).

    w f_alpha(v/w) = [alpha w + (1 - alpha) v - w^alpha v^(1-alpha)] / (alpha (1 - alpha)) >= 0,
    the term of Amari's alpha-divergence A(W‖V). `lw`, `lv` are log w, log v (-inf where 0),
    `w`, `v` the values (may have underflowed to 0 where the logs are finite) and L = log(v/w)
    where both are positive. With beta = 1 - alpha and E(z) = e^z - 1 - z:

        alpha f = E(L) - E(beta L) / beta        (E(L) at alpha = 1)

    which has no cancellation for alpha > 1 (both parts >= 0) and loses at most a factor of about
    3 for 1/2 <= alpha < 1, except where beta L < -1: there the direct form
    [alpha + beta e^L - e^(beta L)] / beta is the accurate one. w e^L is v and w e^(beta L) is
    exp(alpha log w + beta log v), so nothing overflows that is finite. `beta` is passed in
    (1 - alpha exactly, which the float 1 - alpha is not when alpha is near 1).
    """
    wpos, vpos = lw > -np.inf, lv > -np.inf
    both = wpos & vpos
    if both.all():  # densities: the usual case, no masks
        return _scaled_both(alpha, beta, lw, lv, w, v, L)
    out = np.zeros(np.shape(lw))
    only_w, only_v = wpos & ~vpos, vpos & ~wpos
    if only_w.any():
        out[only_w] = alpha * w[only_w] / beta if beta > 0 else np.inf
    out[only_v] = v[only_v]
    if both.any():
        out[both] = _scaled_both(alpha, beta, lw[both], lv[both], w[both], v[both], L[both])
    return out


def _scaled_both(alpha, beta, lw, lv, w, v, L):
    """`_amari_scaled_terms` where both w and v are positive."""
    with np.errstate(over="ignore", invalid="ignore"):
        # w E(L); for large |L| as v - w - w L (w e^L = v exactly), where nothing cancels
        mid = np.abs(L) <= 8.0
        first = np.where(mid, w * expm1mx(np.where(mid, L, 0.0)), v - w - w * L)
        if beta == 0:
            return np.maximum(first, 0.0)
        z = beta * L
        res = first - w * expm1mx(np.minimum(z, _LOG_BIG)) / beta
        huge = z > _LOG_BIG  # w e^z overflows alone: w e^z = exp(alpha log w + beta log v)
        direct = (L < 0) & (z < -1.0) if beta > 0 else huge[:0]
        if huge.any() or direct.any():
            cross = np.exp(alpha * lw + beta * lv)
            if huge.any():
                res = np.where(huge, first - (cross - w - w * z) / beta, res)
            if direct.any():
                res = np.where(direct, (alpha * w + beta * v - cross) / beta, res)
    return np.maximum(res, 0.0)


def _amari_terms(alpha, lp, lq, p, q, L):
    """Terms of A_alpha(P‖Q) for any real alpha (L = log(q/p)), by the symmetry
    p f_alpha(q/p) = q f_(1-alpha)(p/q) for alpha < 1/2. Returns (terms * s, s) with s the
    scale the terms carry: alpha if alpha >= 1/2, else 1 - alpha."""
    if alpha >= 0.5:
        return _amari_scaled_terms(alpha, 1.0 - alpha, lp, lq, p, q, L), alpha
    return _amari_scaled_terms(1.0 - alpha, alpha, lq, lp, q, p, -L), 1.0 - alpha


# =============================================================================================
# Discrete pairs


def _as_ints(values):
    """Integers proportional to the floats `values` (exactly), and log of the factor: each float is
    an integer over a power of two, so over a common power 2^k they are exact integers."""
    ratios = [v.as_integer_ratio() for v in values]
    k = max(den.bit_length() for _, den in ratios) - 1
    return [num << (k - den.bit_length() + 1) for num, den in ratios], k * _LN2


def _quotient(n, d):
    """n / d for integers, correctly rounded, ±inf beyond the float range."""
    try:
        return n / d
    except OverflowError:
        return math.inf if (n > 0) == (d > 0) else -math.inf


class _Pair:
    """P and Q as exactly normalised distributions, with what every divergence needs.

    The weights are turned into exact integers P_i, Q_i (over a common power of two), so that
    p̂_i − q̂_i = (P_i ΣQ − Q_i ΣP) / (ΣP ΣQ) and log(q̂_i/p̂_i) near 0 are computed from exact
    integers and rounded once: equal distributions given at different scales differ by exactly 0.
    """

    __slots__ = ("p", "q", "lp", "lq", "pp", "qp", "d", "r", "rq", "L")

    def __init__(self, p, lp, q, lq):
        P, kp = _as_ints(p.tolist())
        Q, kq = _as_ints(q.tolist())
        SP, SQ = sum(P), sum(Q)
        den = SP * SQ
        self.p = np.array([x / SP for x in P])
        self.q = np.array([x / SQ for x in Q])
        num = [x * SQ - y * SP for x, y in zip(P, Q)]
        self.d = np.array([n / den for n in num])  # p̂ − q̂
        # (p̂ − q̂)/p̂: relative, so it keeps its digits where p̂ − q̂ itself is subnormal
        self.r = np.array([_quotient(n, x * SQ) if x else math.nan for n, x in zip(num, P)])
        self.rq = np.array([_quotient(-n, y * SP) if y else math.nan for n, y in zip(num, Q)])  # (q̂ − p̂)/q̂
        log_sp, log_sq = math.log(SP) - kp, math.log(SQ) - kq  # log Σp, log Σq
        with np.errstate(divide="ignore"):
            self.lp = np.where(self.p >= _TINY, np.log(self.p), lp - log_sp)
            self.lq = np.where(self.q >= _TINY, np.log(self.q), lq - log_sq)
        self.pp, self.qp = self.lp > -np.inf, self.lq > -np.inf
        L = np.full(p.shape, np.nan)
        for i in np.flatnonzero(self.pp & self.qp).tolist():
            x, y = P[i] * SQ, Q[i] * SP  # p̂ : q̂ = x : y
            if x == 0 or y == 0:  # a probability that underflowed (softmax): only its log is known
                L[i] = self.lq[i] - self.lp[i]
            elif 2 * y >= x and 2 * x >= y:  # ratio within [1/2, 2]: log1p of the exact difference
                L[i] = math.log1p((y - x) / x)
            else:
                L[i] = math.log(y) - math.log(x)
        self.L = L


def _pair(P, Q):
    return _Pair(*as_pair(P, Q))


def _tv(pr):
    return min(0.5 * _fsum(np.abs(pr.d)), 1.0)


def _hellinger(pr):
    mask = pr.pp | pr.qp
    tiny = mask & (((pr.p < _TINY) & pr.pp) | ((pr.q < _TINY) & pr.qp))
    reg = mask & ~tiny
    pr_, qr, rr = pr.p[reg], pr.q[reg], pr.r[reg]
    with np.errstate(invalid="ignore", divide="ignore"):
        # |√p − √q| = |p − q| / (√p + √q) = |r| √p / (1 + √(q/p)), r = (p − q)/p; √q where p = 0
        u = [np.where(pr_ > 0, np.abs(rr) * np.sqrt(pr_) / (1.0 + np.sqrt(qr / pr_)), np.sqrt(qr))]
    if tiny.any():  # a probability below the normal range: its square root from its log
        lpt, lqt = pr.lp[tiny], pr.lq[tiny]
        with np.errstate(invalid="ignore", over="ignore"):
            # |√p − √q| = |r| √p / (1 + √(q/p)) from the larger side (|r| ≤ 1 there), √p = exp(½
            # log p); r = (p − q)/p and (q − p)/q are exact (from integers), so p ≈ q costs no
            # digits (a difference of the logs would lose them: 6e-11 relative at 1e-308)
            from_p = np.abs(pr.r[tiny]) * np.exp(0.5 * lpt) / (1.0 + np.exp(0.5 * (lqt - lpt)))
            from_q = np.abs(pr.rq[tiny]) * np.exp(0.5 * lqt) / (1.0 + np.exp(0.5 * (lpt - lqt)))
        u.append(np.where(lpt >= lqt, from_p, from_q))
    u = np.concatenate(u)
    top = float(u.max()) if u.size else 0.0
    if top == 0:
        return 0.0
    # sqrt(½ Σ u²) scaled by the largest term, so that He ~ 1e-170 is not lost as He² underflows
    return min(top * math.sqrt(0.5 * _fsum((u / top) ** 2)), 1.0)


def _chi2(pr):
    """(value, support indices): χ²(P‖Q) = Σ (p̂ − q̂)² / q̂."""
    bad = np.flatnonzero(pr.pp & ~pr.qp)
    if bad.size:
        return math.inf, bad
    mask = pr.qp
    tiny = mask & ((pr.q < _TINY) | ((pr.p < _TINY) & pr.pp))
    reg = mask & ~tiny
    pr_, qr, rr = pr.p[reg], pr.q[reg], pr.r[reg]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # (p − q)²/q = (r √p √(p/q))², r = (p − q)/p; q where p = 0
        terms = [np.where(pr_ > 0, (rr * np.sqrt(pr_) * np.sqrt(pr_ / qr)) ** 2, qr)]
        if tiny.any():
            terms.append(np.exp(2.0 * _logdiffexp(pr.lp[tiny], pr.lq[tiny]) - pr.lq[tiny]))
        t = np.concatenate(terms)
    total = math.inf if not np.all(np.isfinite(t)) else _fsum(t)
    return total, bad


def _swap(pr):
    out = _Pair.__new__(_Pair)
    out.p, out.q, out.lp, out.lq, out.pp, out.qp = pr.q, pr.p, pr.lq, pr.lp, pr.qp, pr.pp
    out.d, out.L, out.r, out.rq = -pr.d, -pr.L, pr.rq, pr.r
    return out


def _renyi(pr, alpha):
    """(value in nats, support indices) of D_alpha(P‖Q), alpha in (0, inf]."""
    bad = np.flatnonzero(pr.pp & ~pr.qp)
    both = pr.pp & pr.qp
    if alpha >= 1 and bad.size:
        return math.inf, bad
    if not both.any():  # disjoint supports: Σ p^α q^(1−α) = 0
        return math.inf, np.flatnonzero(pr.pp)
    ell = -pr.L[both]  # log(p̂/q̂)
    d_inf = max(float(ell.max()), 0.0)
    if alpha == math.inf:
        return d_inf, bad[:0]
    terms, scale = _amari_terms(alpha, pr.lp, pr.lq, pr.p, pr.q, pr.L)
    with np.errstate(over="ignore", invalid="ignore"):
        amari = _fsum(terms) / scale
        T = alpha * amari  # (Σ p^α q^(1−α) − 1) / (α − 1)
        y = (alpha - 1.0) * T
    if math.isfinite(y) and abs(y) <= 0.5:
        value = T * _log1p_over(y)
    else:  # the sum is far from 1: its logarithm is accurate directly
        args = pr.lq[both] + alpha * ell
        m = float(args.max())
        value = (m + math.log(_fsum(np.exp(args - m)))) / (alpha - 1.0)
    value = max(value, 0.0)
    if alpha > 1:
        value = min(value, d_inf)  # D_α is non-decreasing in α
    return value, bad[:0]


def total_variation(P, Q):
    """TV(P, Q) = ½ Σ |p_i − q_i| in [0, 1], unitless."""
    return _tv(_pair(P, Q))


def hellinger(P, Q):
    """He(P, Q) = sqrt(½ Σ (√p_i − √q_i)²) in [0, 1], unitless; exact also near 0."""
    return _hellinger(_pair(P, Q))


def chi2(P, Q):
    """Pearson χ²(P‖Q) = Σ (p_i − q_i)² / q_i, unitless; +inf iff some p_i > 0 has q_i = 0.

    Also +inf (with reason "too large" in `divergence_family`) where the true value exceeds the
    largest float, as for a softmax Q with a logit gap of 1000.
    """
    return _chi2(_pair(P, Q))[0]


def renyi(P, Q, alpha, unit="nats"):
    """Rényi divergence D_alpha(P‖Q), alpha in (0, inf]: 1/(alpha − 1) log Σ p^alpha q^(1−alpha).

    alpha = 1 is D(P‖Q); alpha = inf is log max_{p_i > 0} p_i / q_i. +inf for alpha >= 1 iff some
    p_i > 0 has q_i = 0, for alpha < 1 iff the supports are disjoint. In `unit`.
    """
    alpha = check_renyi_alpha(alpha)
    check_unit(unit)
    return float(convert(_renyi(_pair(P, Q), alpha)[0], unit))


def _cats(idx):
    shown = ", ".join(str(int(i) + 1) for i in idx[:5]) + (", …" if len(idx) > 5 else "")
    return f"categor{'y' if len(idx) == 1 else 'ies'} {shown}"


def _discrete_family(P, Q, alpha, unit):
    pr = _pair(P, Q)
    rp = _swap(pr)
    values, reasons, support = {}, {}, {}
    values["tv"] = _tv(pr)
    values["hellinger"] = _hellinger(pr)
    for key, pair, num, den in (("chi2_pq", pr, "P", "Q"), ("chi2_qp", rp, "Q", "P")):
        v, bad = _chi2(pair)
        values[key] = v
        if math.isinf(v):
            support[key] = bad
            reasons[key] = (f"{den} = 0 where {num} > 0 ({_cats(bad)})" if bad.size
                            else "too large to represent (above 1.8e308)")
    if alpha is not None:
        for key, pair, num, den in (("renyi_pq", pr, "P", "Q"), ("renyi_qp", rp, "Q", "P")):
            v, bad = _renyi(pair, alpha)
            values[key] = float(convert(v, unit))
            if math.isinf(v):
                support[key] = bad
                if (pair.pp & pair.qp).any():
                    reasons[key] = f"{den} = 0 where {num} > 0 ({_cats(bad)})"
                else:
                    reasons[key] = "P and Q have disjoint supports (no category has both > 0)"
    return values, reasons, support


# =============================================================================================
# Normal pairs: closed forms


def _check_normal_args(mu_p, sigma_p, mu_q, sigma_q):
    return _scalars((mu_p, "mu_p"), (sigma_p, "sigma_p"), (mu_q, "mu_q"), (sigma_q, "sigma_q"))


def _log_ratio(a, b):
    """log(a / b) for a, b > 0, without forming a quotient that under- or overflows; log1p of the
    exact difference where a ≈ b."""
    r = a / b
    if 0.5 < r < 2.0:
        return math.log1p((a - b) / b)
    return math.log(a) - math.log(b)


def _ratio_sq_minus_1(a, b):
    """a²/b² − 1 from the exact difference (near 1) or from logs: never squares a or b.
    +inf where the true value exceeds the float range."""
    r = a / b
    if 0.5 < r < 2.0:
        return ((a - b) / b) * ((a + b) / b)
    log_rho = 2.0 * (math.log(a) - math.log(b))
    return math.expm1(log_rho) if log_rho < 709.0 else math.inf


def _mean_part(alpha, mp, mq, scale, log_s=0.0):
    """alpha (mp − mq)² / (2 scale² e^log_s) for alpha > 0 and scale > 0, without squaring the
    difference or the scale: +inf only where the true value exceeds the float range."""
    dmu = abs(mp - mq)
    if dmu == 0:
        return 0.0
    d = dmu / scale
    if 1e-140 < d < 1e140 and abs(log_s) < 600.0:
        return (0.5 * alpha) * d * d / math.exp(log_s)
    log_dmu = math.log(dmu) if dmu < math.inf else math.log(abs(0.5 * mp - 0.5 * mq)) + _LN2
    lg = math.log(0.5 * alpha) + 2.0 * (log_dmu - math.log(scale)) - log_s
    return math.exp(lg) if lg < 709.78 else math.inf


def _normal_renyi(mp, sp, mq, sq, alpha, beta=None):
    """D_alpha(N_p‖N_q) in nats; `beta` = 1 − alpha exactly when known (the skew-symmetric call).

    In the ratios of the parameters only (x = σ_p²/σ_q² − 1, Δμ/σ_q), so that nothing is squared
    that could under- or overflow."""
    if alpha == 1.0:
        return _normal_kl(mp, sp, mq, sq)
    if alpha == math.inf:  # log sup p/q = log(σ_q/σ_p) + Δμ²/(2(σ_q² − σ_p²)), bounded iff σ_p < σ_q
        if sp < sq:
            # σ_q² − σ_p² = σ_q² (1 − r)(1 + r), r = σ_p/σ_q, 1 − r = (σ_q − σ_p)/σ_q exactly
            r = sp / sq
            log_gap = math.log((sq - sp) / sq) + math.log1p(r)
            return _log_ratio(sq, sp) + _mean_part(1.0, mp, mq, sq, log_gap)
        return 0.0 if (sp == sq and mp == mq) else math.inf
    if alpha < 0.5:  # skew symmetry: (1 − α) D_α(P‖Q) = α D_(1−α)(Q‖P)
        return alpha / (1.0 - alpha) * _normal_renyi(mq, sq, mp, sp, 1.0 - alpha, alpha)
    if beta is None:
        beta = 1.0 - alpha
    x = _ratio_sq_minus_1(sp, sq)  # σ_p²/σ_q² − 1
    t = beta * x  # σ_α²/σ_q² − 1
    if not t > -1.0:
        return math.inf
    near = 0.5 < sp / sq < 2.0
    if math.isfinite(t) and near:
        # ½ [log1p(βx)/β − log1p(x)] without cancelling the first-order terms
        var_part = 0.5 * (log1pmx_scalar(t) / beta - log1pmx_scalar(x))
        log_s = math.log1p(t)
    else:
        log_rho = 2.0 * (math.log(sp) - math.log(sq))
        if math.isfinite(t):
            log_s = math.log1p(t)
        else:  # σ_p ≫ σ_q with 0 < α < 1: log(α + β ρ) without forming ρ
            log_s = float(np.logaddexp(math.log(alpha), math.log(beta) + log_rho))
        var_part = -0.5 * log_rho + log_s / (2.0 * beta)
    # mean part α Δμ² / (2 σ_α²) = α (Δμ/σ_q)² / (2 s)
    return max(var_part + _mean_part(alpha, mp, mq, sq, log_s), 0.0)


def normal_renyi(mu_p, sigma_p, mu_q, sigma_q, alpha, unit="nats"):
    """D_alpha(N_p ‖ N_q), alpha in (0, inf], closed form (MATH.md); +inf where
    sigma_alpha² = alpha sigma_q² + (1 − alpha) sigma_p² <= 0 (only alpha > 1). alpha = inf:
    log(sigma_q/sigma_p) + Δμ²/(2(sigma_q² − sigma_p²)) if sigma_p < sigma_q, else +inf (0 if P = Q).
    """
    args = _check_normal_args(mu_p, sigma_p, mu_q, sigma_q)
    alpha = check_renyi_alpha(alpha)
    check_unit(unit)
    return float(convert(_normal_renyi(*args, alpha), unit))


def _normal_chi2(mp, sp, mq, sq):
    """χ²(N_p‖N_q) = expm1(g), g = −½ log(ρ (2 − ρ)) + Δμ²/(2σ_q² − σ_p²), ρ = σ_p²/σ_q²."""
    x = _ratio_sq_minus_1(sp, sq)  # ρ − 1
    if not x < 1.0:
        return math.inf
    log_den = math.log1p(-x)  # log((2σ_q² − σ_p²)/σ_q²)
    if abs(x) < 0.5:
        lead = -0.5 * math.log1p(-x * x)  # ρ (2 − ρ) = 1 − x²
    elif sp / sq > 0.5:
        lead = -0.5 * (math.log1p(x) + log_den)
    else:
        lead = -0.5 * (2.0 * (math.log(sp) - math.log(sq)) + log_den)
    g = lead + 2.0 * _mean_part(1.0, mp, mq, sq, log_den)  # + Δμ²/(2σ_q² − σ_p²)
    return math.expm1(g) if g < 709.78 else math.inf


def normal_chi2(mu_p, sigma_p, mu_q, sigma_q):
    """χ²(N_p ‖ N_q) (MATH.md closed form, as expm1 of its logarithm); +inf unless 2σ_q² > σ_p²."""
    return _normal_chi2(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


def _normal_hellinger(mp, sp, mq, sq):
    """He = sqrt(−expm1(−(a² + b²))) with a² = −½ log(2σ_pσ_q/(σ_p² + σ_q²)) and
    b² = Δμ²/(4(σ_p² + σ_q²)), a and b formed without squaring (He of 1e-300 keeps its digits)."""
    lo, hi = min(sp, sq), max(sp, sq)
    r = lo / hi
    if r >= 0.5:
        u = ((hi - lo) / hi) ** 2 / (1.0 + r * r)  # 1 − 2r/(1 + r²)
        a2 = -0.5 * math.log1p(-u)
    else:
        a2 = -0.5 * (math.log(2.0) + math.log(lo) - math.log(hi) - math.log1p(r * r))
    b = abs(mp - mq) / hi / (2.0 * math.sqrt(1.0 + r * r))
    s = math.hypot(math.sqrt(a2), b)  # sqrt(a² + b²)
    if not s < 1e150:
        return 1.0
    g = s * s
    he = s if g == 0 else s * math.sqrt(-math.expm1(-g) / g)
    return min(he, 1.0)


def normal_hellinger(mu_p, sigma_p, mu_q, sigma_q):
    """He(N_p, N_q) = sqrt(1 − sqrt(2σ_pσ_q/(σ_p²+σ_q²)) exp(−Δμ²/(4(σ_p²+σ_q²)))), via −expm1."""
    return _normal_hellinger(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


@functools.cache
def _gauss_legendre():
    """The 24-point Gauss-Legendre nodes and weights, made on first use (numpy.polynomial is
    imported then: not at the app's start, where nothing needs it)."""
    return np.polynomial.legendre.leggauss(24)


_SQRT2 = math.sqrt(2.0)


def _phi_mass(a, width):
    """Φ(a + width) − Φ(a) for width >= 0, accurate relative to the (possibly tiny) result."""
    b = a + width
    if width <= 0:
        return 0.0
    if width * max(abs(a), abs(b), 1.0) <= 1.0:
        # the integrand varies by at most a factor e over the interval: Gauss-Legendre
        nodes, weights = _gauss_legendre()
        t = 0.5 * (a + b) + 0.5 * width * nodes
        return 0.5 * width * float(np.dot(weights, np.exp(-0.5 * t * t))) / math.sqrt(2.0 * math.pi)
    if a >= 0:
        return 0.5 * (math.erfc(a / _SQRT2) - math.erfc(b / _SQRT2))
    if b <= 0:
        return 0.5 * (math.erfc(-b / _SQRT2) - math.erfc(-a / _SQRT2))
    return 1.0 - 0.5 * (math.erfc(-a / _SQRT2) + math.erfc(b / _SQRT2))


def _normal_tv(mp, sp, mq, sq):
    """TV = P1(A) − P2(A) over A = {p1 > p2}, from the Normal CDF at the crossing points.

    In the standard coordinate v of the narrower Normal (1) the wider one's is u = k v + m; the
    densities cross where v² − u² = −2 log k. Each crossing contributes Φ(u) − Φ(v) (or the
    reverse), computed from u − v = 2 log k / (u + v) so that nothing cancels when P ≈ Q.
    """
    if sp > sq:
        mp, sp, mq, sq = mq, sq, mp, sp
    if sp == sq:
        return math.erf(abs(mp - mq) / sp / (2.0 * _SQRT2))
    k = sp / sq  # < 1 (0 where it underflows)
    m = (mp - mq) / sq
    if not abs(m) < 80.0:  # the narrow one lies beyond 80 σ of the wide one: no overlap a float shows
        return 1.0
    logk = _log_ratio(sp, sq)  # < 0
    one_mk2 = ((sq - sp) / sq) * ((sq + sp) / sq)  # 1 − k²
    disc = m * m - 2.0 * one_mk2 * logk
    root = math.sqrt(disc)
    qq = k * m + math.copysign(root, k * m) if k * m != 0 else root
    c = -m * m + 2.0 * logk  # (1 − k²) v² − 2 k m v + c = 0
    v1, v2 = qq / one_mk2, c / qq
    total = 0.0
    for v in sorted((v1, v2)):
        u = k * v + m
        diff = u - v if u * v <= 0 else 2.0 * logk / (u + v)
        total += _phi_mass(v, diff) if diff > 0 else _phi_mass(u, -diff)
    return min(max(total, 0.0), 1.0)


def normal_tv(mu_p, sigma_p, mu_q, sigma_q):
    """TV(N_p, N_q) from the Normal CDF at the crossing points of the two densities."""
    return _normal_tv(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


# =============================================================================================
# Mixtures: quadrature on the frames grid of klviz.core.gaussian (the one KL uses), so a pair
# centred at 1e150 or with sigmas of 1e-300 is integrated as exactly as one at 0 with sigma 1.


def _live(dist):
    """[(mu, sigma)] of the components of `dist` with positive weight."""
    c = _comps(dist)
    return list(zip(c.mu.tolist(), c.sigma.tolist()))


def _widest(dist):
    return float(_comps(dist).sigma.max())


def _tails_decay(s_num, s_den, alpha):
    """alpha σ_den² + (1 − alpha) σ_num² > 0, decided in logs (no square under- or overflows): the
    tails of num^alpha den^(1−alpha) decay, for σ_num and σ_den the widest components."""
    if 0.0 <= alpha <= 1.0:
        return True
    log_rho = 2.0 * (math.log(s_num) - math.log(s_den))
    bound = -math.log1p(-1.0 / alpha)  # log(alpha / (alpha − 1)): > 0 for alpha > 1, < 0 below 0
    return log_rho < bound if alpha > 1.0 else log_rho > bound


def _power_shapes(cp, cq, alpha):
    """(base, off, sigma) of the Gaussian shapes of p_k^alpha q_j^(1−alpha): where that part of an
    α-integrand has its mass, possibly far from both components (alpha outside [0, 1]).

    With Δ = m_j − m_k, ρ = σ_j/σ_k and D = alpha ρ² + 1 − alpha (> 0), the centre is
    m_k + t Δ, t = (1 − alpha)/D, and the sigma σ_j / sqrt(D); the centre is given as an offset
    from the nearer of m_k and m_j, and nothing is squared that could under- or overflow."""
    out = []
    for mk, sk in zip(cp.mu.tolist(), cp.sigma.tolist()):
        for mj, sj in zip(cq.mu.tolist(), cq.sigma.tolist()):
            log_rho = math.log(sj) - math.log(sk)
            if log_rho <= 0.0:
                rho2 = math.exp(2.0 * log_rho)
                den = alpha * rho2 + (1.0 - alpha)
                if not den > 0:
                    continue
                t, u, sd = (1.0 - alpha) / den, alpha * rho2 / den, sj / math.sqrt(den)
            else:  # divided by ρ²: 1/ρ² cannot overflow
                irho2 = math.exp(-2.0 * log_rho)
                den = alpha + (1.0 - alpha) * irho2
                if not den > 0:
                    continue
                t, u, sd = (1.0 - alpha) * irho2 / den, alpha / den, sk / math.sqrt(den)
            delta = mj - mk  # t + u = 1: the centre is m_k + t Δ = m_j − u Δ
            out.append((mk, t * delta, sd) if abs(t) <= abs(u) else (mj, -u * delta, sd))
    return out


def _grid_logs(P, Q, shapes=(), points=None):
    """(cp, cq, grid, log p, log q): the frames grid over every component of P and Q (plus
    `shapes` and break `points`, see gaussian._frames_grid) and the log densities at its nodes
    (P and Q checked by the caller: gaussian._check_mixture_range)."""
    cp, cq = _comps(P), _comps(Q)
    grid = _frames_grid([cp, cq], [cp, cq], shapes=shapes, points=points)
    with np.errstate(all="ignore"):
        lp, lq = _log_pdf(cp, grid.base, grid.off), _log_pdf(cq, grid.base, grid.off)
    return cp, cq, grid, lp, lq


def _integrate(cp, cq, grid, lp, lq, term, sens, other=None):
    """(∫ term(lp, lq, d), d, refined) on the grid, d = log q − log p, for an integrand that is
    homogeneous of degree 1 in (p, q) (it is evaluated on the scaled logs of gaussian._scaled).

    d is first the difference of the logs; where their rounding, carried into the integral by
    sens(lp, lq, d) = |d term / d d|, could move it by more than 1e-9 of itself (P ≈ Q, or
    logs of ~700 from sigmas of 1e-300) d is rebuilt from the components' parameter differences
    and the integral taken again (`refined`). `other`: see gaussian._scaled."""
    sw, sp, sq = _scaled(grid, lp, lq, other)
    with np.errstate(all="ignore"):
        d = lq - lp
        value = float(np.dot(sw, term(sp, sq, d)))
        better = None
        if math.isfinite(value):
            better = _refined_log_ratio(cp, cq, grid, lp, lq, sw * sens(sp, sq, d), value)
        if better is not None:
            d = better
            value = float(np.dot(sw, term(sp, sq, d)))
    return value, d, better is not None


def _tv_term(lp, lq, d):
    hi = np.maximum(lp, lq)  # |p − q| = max(p, q) (1 − e^−|d|)
    return np.where(hi > -np.inf, np.exp(hi) * -np.expm1(-np.abs(d)), 0.0)


def _tv_sens(lp, lq, d):
    return np.exp(np.minimum(lp, lq))


def _log_diff_at(cp, cq, base, off, accurate):
    """log q − log p at the points base + off (from the parameter differences if `accurate`)."""
    with np.errstate(all="ignore"):
        lp, lq = _log_pdf(cp, base, off), _log_pdf(cq, base, off)
        return _accurate_log_ratio(cp, cq, base, off, lp, lq) if accurate else lq - lp


def _brackets(grid, idx):
    """(base, a, b) for the node pairs (i, i + 1), i in idx: both ends in node i's frame."""
    base = grid.base[idx]
    return base, grid.off[idx], (grid.base[idx + 1] - base) + grid.off[idx + 1]


def _bracketed_roots(f, a, b, fa, fb, iterations=60):
    """Roots of f (a function of arrays), one in each bracket [a_i, b_i] with f(a_i) f(b_i) < 0
    (vectorised Illinois regula falsi: superlinear, and never leaves its bracket). The brackets
    are offsets in a frame, so the tolerance is relative to their width."""
    a, b, fa, fb = (np.array(v, dtype=float) for v in (a, b, fa, fb))
    tol = 1e-13 * np.abs(b - a)
    for _ in range(iterations):
        with np.errstate(all="ignore"):
            c = b - fb * (b - a) / (fb - fa)
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        c = np.where(np.isfinite(c) & (c > lo) & (c < hi), c, 0.5 * (a + b))
        fc = f(c)
        flip = np.sign(fc) != np.sign(fb)
        a, fa = np.where(flip, b, a), np.where(flip, fb, 0.5 * fa)
        b, fb = c, fc
        if np.all((np.abs(b - a) <= tol) | (fc == 0)):
            break
    return b


def _mixture_tv(P, Q):
    """½ ∫ |p − q|, with break points where p = q (the kinks of |p − q|)."""
    cp, cq, grid, lp, lq = _grid_logs(P, Q)
    value, d, accurate = _integrate(cp, cq, grid, lp, lq, _tv_term, _tv_sens)
    idx = np.flatnonzero(np.sign(d[:-1]) * np.sign(d[1:]) < 0)
    if idx.size:
        base, a, b = _brackets(grid, idx)
        roots = _bracketed_roots(lambda o: _log_diff_at(cp, cq, base, o, accurate), a, b, d[idx], d[idx + 1])
        cp, cq, grid, lp, lq = _grid_logs(P, Q, points=(base, roots))
        value = _integrate(cp, cq, grid, lp, lq, _tv_term, _tv_sens)[0]
    return min(max(0.5 * value, 0.0), 1.0)


def _amari(P, Q, alpha, extra_shapes=()):
    """(A, grid, log p, log q): Amari's α-divergence A = ∫ [α p + (1 − α) q − p^α q^(1−α)] /
    (α (1 − α)) (any real alpha; A is D(P‖Q) at 1, D(Q‖P) at 0), from its non-negative terms on the
    frames grid with the shapes of p^α q^(1−α) (and `extra_shapes`, (base, off, sigma) triples);
    the caller has checked that it is finite."""
    shapes = _power_shapes(_comps(P), _comps(Q), alpha) + list(extra_shapes)
    cp, cq, grid, lp, lq = _grid_logs(P, Q, shapes=shapes)

    def term(lp, lq, d):
        terms, scale = _amari_terms(alpha, lp, lq, np.exp(lp), np.exp(lq), d)
        return terms / scale

    def sens(lp, lq, d):  # |q − p^α q^(1−α)| / |α| = q |expm1(−α d)| / |α| (q |d| at α = 0)
        if alpha == 0:
            return np.exp(lq) * np.abs(d)
        ad = alpha * d
        near = np.abs(ad) <= 1.0
        return np.where(near, np.exp(lq) * np.abs(np.expm1(-np.where(near, ad, 0.0))),
                        np.abs(np.exp(lq) - np.exp(lq - ad))) / abs(alpha)

    with np.errstate(all="ignore"):
        cross = np.where(lp > -np.inf, alpha * lp + (1.0 - alpha) * lq, -np.inf)  # log p^α q^(1−α)
    value = _integrate(cp, cq, grid, lp, lq, term, sens, cross)[0]
    return (value if value >= 0 else 0.0), grid, lp, lq


def _mixture_hellinger(P, Q):
    """He² = A_½ / 4."""
    he2 = 0.25 * _amari(P, Q, 0.5)[0]
    return min(math.sqrt(he2), 1.0)


def _mixture_chi2(P, Q):
    """χ²(P‖Q) = 2 A_2(P‖Q); +inf unless 2σ_Q² > σ_P² (widest components)."""
    if not _tails_decay(_widest(P), _widest(Q), 2.0):
        return math.inf
    value = 2.0 * _amari(P, Q, 2.0)[0]
    return value if math.isfinite(value) else math.inf


def _renyi_from_amari(alpha, T, log_integral):
    """D_alpha from T = alpha A (stable near alpha = 1 and P = Q), else from log ∫ p^α q^(1−α)."""
    with np.errstate(over="ignore", invalid="ignore"):
        y = (alpha - 1.0) * T
    if math.isfinite(y) and abs(y) <= 0.5:
        return max(T * _log1p_over(y), 0.0)
    return max(log_integral() / (alpha - 1.0), 0.0)


_PEAK_ALPHA = 100.0  # above this order the quadrature of a mixture's D_α also follows the peaks of p/q
_LAPLACE_ALPHA = 1e8  # from this order on, D_α of a mixture pair by Laplace's method (error ~1/α²)


def _ratio_peaks(P, Q):
    """The interior local maxima of g = log p − log q: (base, off, g, g'', (log q)'') arrays at
    the points base + off (a scan of the slope of g on the frames grid, then its roots in each
    bracket, as for D_∞; g from the parameter differences; the second derivatives by central
    differences of the exact slopes)."""
    cp, cq, grid, lp, lq = _grid_logs(P, Q)
    empty = np.zeros(0)
    with np.errstate(all="ignore"):
        def slope(c, base, off):
            return _dlog_pdf(c, base, off)

        def g_slope(base, off):
            return slope(cp, base, off) - slope(cq, base, off)

        s = g_slope(grid.base, grid.off)
        idx = np.flatnonzero((s[:-1] > 0) & (s[1:] <= 0))
        if not idx.size:
            return empty, empty, empty, empty, empty
        base, a, b = _brackets(grid, idx)
        top = _bracketed_roots(lambda o: g_slope(base, o), a, b, s[idx], s[idx + 1])
        g = -_log_diff_at(cp, cq, base, top, True)
        h = 1e-4 * min(float(cp.sigma.min()), float(cq.sigma.min()))
        g2 = (g_slope(base, top + h) - g_slope(base, top - h)) / (2.0 * h)
        lq2 = (slope(cq, base, top + h) - slope(cq, base, top - h)) / (2.0 * h)
    return base, top, g, g2, lq2


def _peak_shapes(peaks, alpha):
    """(base, off, sigma) of the peaks of q (p/q)^α at the maxima of g (α > 1): as α grows the
    integrand of a Rényi divergence concentrates there, in a width ~ 1/sqrt(α |g''|) that the
    shapes of the components' powers (`_power_shapes`) do not follow when P is a mixture."""
    base, off, _, g2, lq2 = peaks
    curv = -(alpha * g2 + lq2)
    return [(float(b), float(o), 1.0 / math.sqrt(c))
            for b, o, c in zip(base.tolist(), off.tolist(), curv.tolist()) if c > 0 and math.isfinite(c)]


def _laplace_renyi(P, Q, alpha, peaks):
    """D_α from Laplace's method at the maxima of g (α ≥ _LAPLACE_ALPHA): log ∫ q e^(α g) ≈
    logsumexp_k [log q(x_k) + α g_k + ½ log(2π / (−(α g_k'' + (log q)_k'')))], relative error
    O(1/α) in the integral, so O(1/α²) in D_α. None where it does not apply (no interior
    maximum, a flat one, or a supremum approached in a tail)."""
    base, off, g, g2, lq2 = peaks
    if not g.size:
        return None
    curv = -(alpha * g2 + lq2)
    if not np.all((g2 < 0) & np.isfinite(curv) & (curv > 0)):
        return None
    if max(_tail_limits(P, Q)) >= float(g.max()):
        return None
    with np.errstate(all="ignore"):
        lq = _log_pdf(_comps(Q), base, off)
        terms = lq + alpha * g + 0.5 * (math.log(2.0 * math.pi) - np.log(curv))
    m = float(terms.max())
    if not math.isfinite(m):
        return None
    return max((m + math.log(float(np.sum(np.exp(terms - m))))) / (alpha - 1.0), 0.0)


def _mixture_renyi(P, Q, alpha):
    if alpha == math.inf:
        return _mixture_renyi_inf(P, Q)
    if not _tails_decay(_widest(P), _widest(Q), alpha):
        return math.inf
    extra = ()
    if alpha > _PEAK_ALPHA:
        # q (p/q)^α concentrates at the maxima of p/q in a width ~ 1/sqrt(α); the shapes of the
        # components' powers miss it where P's components overlap (up to α ~ 1e3 they suffice:
        # the relative change is below 1e-15 there, and this scan would double the cost)
        peaks = _ratio_peaks(P, Q)
        if alpha >= _LAPLACE_ALPHA:
            value = _laplace_renyi(P, Q, alpha, peaks)
            if value is not None:
                return value
        extra = _peak_shapes(peaks, alpha)
    A, grid, lp, lq = _amari(P, Q, alpha, extra)

    def log_integral():
        with np.errstate(all="ignore"):
            args = np.where(lp > -np.inf, alpha * lp + (1.0 - alpha) * lq, -np.inf) + np.log(grid.weights)
        m = float(args.max())
        if not math.isfinite(m):
            return m
        return m + math.log(float(np.sum(np.exp(args - m))))

    return _renyi_from_amari(alpha, alpha * A, log_integral)


def _tail_limits(P, Q):
    """lim of log p − log q at −∞ and +∞ (+inf, a finite value, or -inf)."""
    out = []
    for side in (-1.0, 1.0):
        def lead(dist):
            c = _comps(dist)
            smax = float(c.sigma.max())
            wide = [(lw, m) for lw, m, s in zip(c.lw.tolist(), c.mu.tolist(), c.sigma.tolist()) if s == smax]
            # of equally wide components the one further out on this side dominates
            m = max(wide, key=lambda t: (side * t[1], t[0]))[1]
            same = [lw for lw, mu in wide if mu == m]
            return smax, m, float(np.logaddexp.reduce(same)) - math.log(smax)
        sp, mp, cp = lead(P)
        sq, mq, cq = lead(Q)
        if sp != sq:
            out.append(math.inf if sp > sq else -math.inf)
        elif mp != mq:
            # log p − log q ≈ x (mp − mq)/σ² + const: grows on the side mp lies beyond mq
            out.append(math.inf if side * (mp - mq) > 0 else -math.inf)
        else:
            out.append(cp - cq)
    return out


def _largest(values):
    """The largest value that is not NaN (-inf if there is none)."""
    values = values[~np.isnan(values)]
    return float(values.max()) if values.size else -math.inf


def _mixture_renyi_inf(P, Q):
    """log sup p/q: +inf if a tail of P outlasts Q's, else the largest local maximum (a scan, then
    the roots of the derivative in each bracket, in frames), or the limit in a tail if larger.
    log p − log q is formed from the parameter differences, so a D_inf of 1e-12 keeps its digits."""
    limits = _tail_limits(P, Q)
    if max(limits) == math.inf:
        return math.inf
    cp, cq, grid, lp, lq = _grid_logs(P, Q)
    with np.errstate(all="ignore"):
        g = -_accurate_log_ratio(cp, cq, grid.base, grid.off, lp, lq)  # log p − log q
        best = max(_largest(g), *limits)

        def slope(base, off):
            return _dlog_pdf(cp, base, off) - _dlog_pdf(cq, base, off)

        s = slope(grid.base, grid.off)
        idx = np.flatnonzero((s[:-1] > 0) & (s[1:] <= 0))
        if idx.size:
            base, a, b = _brackets(grid, idx)
            top = _bracketed_roots(lambda o: slope(base, o), a, b, s[idx], s[idx + 1])
            best = max(best, _largest(-_log_diff_at(cp, cq, base, top, True)))
    return max(best, 0.0)


def continuous_tv(P, Q):
    """TV(P, Q) = ½ ∫ |p − q| for Normals/Mixtures (closed form for a Normal pair)."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_tv(P.mu, P.sigma, Q.mu, Q.sigma)
    _check_mixture_range(P, Q)
    return _mixture_tv(P, Q)


def continuous_hellinger(P, Q):
    """He(P, Q) = sqrt(½ ∫ (√p − √q)²)."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_hellinger(P.mu, P.sigma, Q.mu, Q.sigma)
    _check_mixture_range(P, Q)
    return _mixture_hellinger(P, Q)


def continuous_chi2(P, Q):
    """χ²(P‖Q) = ∫ (p − q)²/q; +inf unless 2σ_Q² > σ_P² for the widest components."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_chi2(P.mu, P.sigma, Q.mu, Q.sigma)
    _check_mixture_range(P, Q)
    return _mixture_chi2(P, Q)


def _continuous_renyi(P, Q, alpha):
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_renyi(P.mu, P.sigma, Q.mu, Q.sigma, alpha)
    _check_mixture_range(P, Q)
    return _mixture_renyi(P, Q, alpha)


def continuous_renyi(P, Q, alpha, unit="nats"):
    """D_alpha(P‖Q) for Normals/Mixtures, alpha in (0, inf], in `unit`."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    alpha = check_renyi_alpha(alpha)
    check_unit(unit)
    return float(convert(_continuous_renyi(P, Q, alpha), unit))


def _fmt(x):
    return f"{x:.4g}"


def _sigma_of(name, dist):
    """How a reason names a side's σ in plain text (no subscripts: there is no Unicode subscript
    P or Q; the app's plain texts say "Q's σ"): a Mixture's is its widest component's."""
    return f"{name}'s widest σ" if isinstance(dist, Mixture) else f"{name}'s σ"


def _continuous_family(P, Q, alpha, unit):
    values, reasons = {}, {}
    values["tv"] = continuous_tv(P, Q)
    values["hellinger"] = continuous_hellinger(P, Q)
    for key, num, den in (("chi2_pq", P, Q), ("chi2_qp", Q, P)):
        v = continuous_chi2(num, den)
        values[key] = v
        if math.isinf(v):
            sn, sd = _widest(num), _widest(den)
            a, b = ("P", "Q") if key == "chi2_pq" else ("Q", "P")
            reasons[key] = (f"{_sigma_of(b, den)} = {_fmt(sd)} is too narrow for {_sigma_of(a, num)} = "
                            f"{_fmt(sn)} (2 · {_fmt(sd)}² ≤ {_fmt(sn)}²): the tails of {a}²/{b} do not decay"
                            if not _tails_decay(sn, sd, 2.0) else "too large to represent (above 1.8e308)")
    if alpha is not None:
        for key, num, den in (("renyi_pq", P, Q), ("renyi_qp", Q, P)):
            v = _continuous_renyi(num, den, alpha)
            values[key] = float(convert(v, unit))
            if math.isinf(v):
                a, b = ("P", "Q") if key == "renyi_pq" else ("Q", "P")
                sn, sd = _widest(num), _widest(den)
                both = f"{_sigma_of(a, num)} = {_fmt(sn)}, {_sigma_of(b, den)} = {_fmt(sd)}"
                if alpha == math.inf:
                    reasons[key] = f"{a}/{b} is unbounded: {a}'s tails are not lighter than {b}'s ({both})"
                elif not _tails_decay(sn, sd, alpha):
                    reasons[key] = (f"{_sigma_of(b, den)} = {_fmt(sd)} is too narrow for {_sigma_of(a, num)} = "
                                    f"{_fmt(sn)} at α = {_fmt(alpha)} (α · {_fmt(sd)}² + (1 − α) · {_fmt(sn)}² ≤ 0): "
                                    f"the tails of {a}^α {b}^(1−α) do not decay")
                else:
                    reasons[key] = "too large to represent (above 1.8e308)"
    return values, reasons, {}


# =============================================================================================
# Everything at once


@dataclass(frozen=True, eq=False)
class DivergenceFamily:
    """Every divergence of a pair. TV, Hellinger and χ² are unitless; Rényi is in `unit`.

    `alpha` is None when no Rényi order was asked for (then renyi_pq/renyi_qp are None).
    `reasons[key]` is plain text saying why that value is +inf (only keys whose value is +inf);
    `support[key]` (discrete pairs) holds the 0-based categories responsible.
    """

    discrete: bool
    unit: str
    alpha: float | None
    tv: float
    hellinger: float
    chi2_pq: float
    chi2_qp: float
    renyi_pq: float | None = None
    renyi_qp: float | None = None
    reasons: dict = field(default_factory=dict)
    support: dict = field(default_factory=dict)

    def units(self):
        """key -> "unitless" or the unit (Rényi keys only when alpha was given)."""
        out = {k: UNITLESS for k in ("tv", "hellinger", "chi2_pq", "chi2_qp")}
        if self.alpha is not None:
            out.update(renyi_pq=self.unit, renyi_qp=self.unit)
        return out

    def values(self):
        """key -> value for the keys present (see `units`)."""
        return {k: getattr(self, k) for k in self.units()}


def divergence_family(P, Q, alpha=None, unit="nats"):
    """TV, Hellinger, χ²(P‖Q), χ²(Q‖P) and (if alpha is given, alpha in (0, inf]) D_alpha(P‖Q),
    D_alpha(Q‖P) in `unit`, for a discrete pair (Categoricals or weights) or a continuous pair
    (Normals/Mixtures). TypeError if the kinds differ or are unknown."""
    check_unit(unit)
    if alpha is not None:
        alpha = check_renyi_alpha(alpha)
    cont = [isinstance(d, (Normal, Mixture)) for d in (P, Q)]
    if cont[0] != cont[1]:
        raise TypeError("P and Q must both be discrete or both continuous")
    if cont[0]:
        values, reasons, support = _continuous_family(P, Q, alpha, unit)
    else:
        values, reasons, support = _discrete_family(P, Q, alpha, unit)
    return DivergenceFamily(discrete=not cont[0], unit=unit, alpha=alpha, reasons=reasons,
                            support=support, **values)
