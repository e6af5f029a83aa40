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

import math
from dataclasses import dataclass, field

import numpy as np

from klviz.core.gaussian import _components, _crossovers, _dlog_density, _legendre, log_density, normal_kl
from klviz.core.spec import Categorical, Mixture, Normal
from klviz.core.units import check_unit, convert

_TINY = float(np.finfo(float).tiny)
_LN2 = math.log(2.0)  # smallest normal float; below it ratios lose digits
_LOG_BIG = 700.0  # exp() of more than this overflows soon: switch to log space
_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)

UNITLESS = "unitless"
KEYS = ("tv", "hellinger", "chi2_pq", "chi2_qp", "renyi_pq", "renyi_qp")


# =============================================================================================
# Input checks


def as_categorical(x, name="P"):
    """A `Categorical` from a Categorical, or from weights (checked, normalised by their sum).

    TypeError for non-numbers (strings, booleans, complex, continuous distributions); ValueError
    naming the problem for a 2-D array, an empty vector, NaN, ±inf, a negative entry, all zeros.
    """
    if isinstance(x, Categorical):
        return x
    if isinstance(x, (Normal, Mixture)):
        raise TypeError(f"{name} is a continuous distribution: give discrete probabilities")
    if isinstance(x, (str, bytes, dict)) or x is None:
        raise TypeError(f"{name} must be a list of numbers (got {type(x).__name__})")
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a flat list of numbers (rows of unequal length?)") from None
    if arr.dtype.kind not in "iuf":
        what = "booleans" if arr.dtype.kind == "b" else "complex numbers" if arr.dtype.kind == "c" else "non-numbers"
        raise TypeError(f"{name} must be real numbers (got {what})")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (got shape {arr.shape})")
    return Categorical.from_weights(arr.astype(float), name)


def _weights(x, name):
    """(w, log w) of a checked distribution: a Categorical's probabilities and exact logs, or the
    weights themselves (not yet divided by their sum, so that rounding the quotient does not
    perturb P − Q; `_Pair` normalises exactly)."""
    cat = as_categorical(x, name)
    if isinstance(x, Categorical):
        return cat.probs, cat.log_probs
    w = np.asarray(x, dtype=float) + 0.0
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
    """alpha as a float in (0, inf]; TypeError for non-numbers, ValueError otherwise."""
    if isinstance(alpha, (bool, np.bool_)) or not isinstance(alpha, (int, float, np.integer, np.floating)):
        raise TypeError(f"alpha must be a number (got {type(alpha).__name__})")
    a = float(alpha)
    if math.isnan(a):
        raise ValueError("alpha must be a number > 0 or inf (got nan)")
    if not a > 0:
        raise ValueError(f"alpha must be > 0 for a Rényi divergence (got {a!r})")
    return a


def check_continuous(x, name="P"):
    if not isinstance(x, (Normal, Mixture)):
        raise TypeError(f"{name} must be a Normal or a Mixture (got {type(x).__name__})")
    return x


# =============================================================================================
# Functions that stay accurate near 0


_INV_FACT = [1.0 / math.factorial(k) for k in range(26)]


def _expm1mx(z):
    """exp(z) - 1 - z elementwise, accurate for tiny |z| and never negative.

    A series for |z| <= 0.05 (8 terms are exact there); beyond, expm1(z) - z loses at most a
    factor of 40 to cancellation (about 1e-14 relative).
    """
    z = np.asarray(z, dtype=float)
    zs = np.clip(z, -0.05, 0.05)
    acc = np.full_like(zs, _INV_FACT[9])
    for k in range(8, 1, -1):
        acc *= zs
        acc += _INV_FACT[k]
    acc *= zs * zs
    with np.errstate(over="ignore"):
        out = np.expm1(z)
    out -= z
    return np.where(np.abs(z) <= 0.05, acc, out)


def _log1p_over(y):
    """log1p(y) / y, 1 at y = 0."""
    return 1.0 if y == 0 else math.log1p(y) / y


def _log1pmx(x):
    """log(1 + x) - x for a scalar x > -1, accurate for tiny |x|."""
    if abs(x) < 0.1:
        acc = 0.0
        for k in range(25, 1, -1):
            acc = (-1.0) ** (k + 1) / k + x * acc
        return x * x * acc
    return math.log1p(x) - x


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
        first = np.where(mid, w * _expm1mx(np.where(mid, L, 0.0)), v - w - w * L)
        if beta == 0:
            return np.maximum(first, 0.0)
        z = beta * L
        res = first - w * _expm1mx(np.minimum(z, _LOG_BIG)) / beta
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
    if tiny.any():  # from the logs where a probability is below the normal range
        u.append(np.exp(_logdiffexp(0.5 * pr.lp[tiny], 0.5 * pr.lq[tiny])))
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
    Normal(mu_p, sigma_p), Normal(mu_q, sigma_q)  # validates: finite mu, finite sigma > 0
    return float(mu_p), float(sigma_p), float(mu_q), float(sigma_q)


def _normal_renyi(mp, sp, mq, sq, alpha, beta=None):
    """D_alpha(N_p‖N_q) in nats; `beta` = 1 − alpha exactly when known (the skew-symmetric call)."""
    if alpha == 1.0:
        return normal_kl(mp, sp, mq, sq)
    if alpha == math.inf:  # log sup p/q = log(σ_q/σ_p) + Δμ²/(2(σ_q² − σ_p²)), bounded iff σ_p < σ_q
        if sp < sq:
            log_ratio = -math.log1p((sp - sq) / sq) if sp / sq > 0.5 else math.log(sq) - math.log(sp)
            return log_ratio + _mean_part(1.0, mp - mq, (sq - sp) * (sq + sp))
        return 0.0 if (sp == sq and mp == mq) else math.inf
    if alpha < 0.5:  # skew symmetry: (1 − α) D_α(P‖Q) = α D_(1−α)(Q‖P)
        return alpha / (1.0 - alpha) * _normal_renyi(mq, sq, mp, sp, 1.0 - alpha, alpha)
    if beta is None:
        beta = 1.0 - alpha
    r = sp / sq
    if 0.5 < r < 2.0:
        x = (sp - sq) * (sp + sq) / (sq * sq)  # σ_p²/σ_q² − 1, from the exact difference
    else:
        log_rho = 2.0 * (math.log(sp) - math.log(sq))
        x = math.expm1(log_rho) if log_rho < 700.0 else math.inf
    t = beta * x  # σ_α²/σ_q² − 1
    if not t > -1.0:
        return math.inf
    if math.isfinite(t) and 0.5 < r < 2.0:
        # ½ [log1p(βx)/β − log1p(x)] without cancelling the first-order terms
        var_part = 0.5 * (_log1pmx(t) / beta - _log1pmx(x))
        log_s = math.log1p(t)
    elif math.isfinite(t):
        log_s = math.log1p(t)
        var_part = -0.5 * log_rho + log_s / (2.0 * beta)
    else:  # σ_p ≫ σ_q with 0 < α < 1: log(α + β ρ) without forming ρ
        log_s = float(np.logaddexp(math.log(alpha), math.log(beta) + log_rho))
        var_part = -0.5 * log_rho + log_s / (2.0 * beta)
    # mean part α Δμ² / (2 σ_α²) = α (Δμ/σ_q)² / (2 s), in logs so a huge Δμ/σ_q is not lost
    return max(var_part + _mean_part(alpha, mp - mq, sq * sq, log_s), 0.0)


def _mean_part(alpha, dmu, scale2, log_s=0.0):
    """alpha dmu² / (2 scale2 e^log_s), overflow-safe (inf only if truly above the float range)."""
    if dmu == 0:
        return 0.0
    lg = math.log(alpha / 2.0) + 2.0 * math.log(abs(dmu)) - math.log(scale2) - log_s
    return math.exp(lg) if lg < 709.0 else math.inf


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
    r = sp / sq
    if not r * r < 2.0:
        return math.inf
    if 0.5 < r:
        x = (sp - sq) * (sp + sq) / (sq * sq)
        if not 1.0 - x > 0:
            return math.inf
        lead = -0.5 * math.log1p(-x * x) if abs(x) < 0.5 else -0.5 * (math.log1p(x) + math.log1p(-x))
        log_den = math.log1p(-x)  # log((2σ_q² − σ_p²)/σ_q²)
    else:
        log_rho = 2.0 * (math.log(sp) - math.log(sq))
        log_den = math.log(2.0 - math.exp(log_rho))
        lead = -0.5 * (log_rho + log_den)
    g = lead + 2.0 * _mean_part(1.0, mp - mq, sq * sq, log_den)  # + Δμ²/(2σ_q² − σ_p²)
    return math.expm1(g) if g < 709.0 else math.inf


def normal_chi2(mu_p, sigma_p, mu_q, sigma_q):
    """χ²(N_p ‖ N_q) (MATH.md closed form, as expm1 of its logarithm); +inf unless 2σ_q² > σ_p²."""
    return _normal_chi2(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


def _normal_hellinger(mp, sp, mq, sq):
    lo, hi = min(sp, sq), max(sp, sq)
    r = lo / hi
    if r >= 0.5:
        u = ((hi - lo) / hi) ** 2 / (1.0 + r * r)
        h1 = 0.5 * math.log1p(-u)  # ½ log(2σ_pσ_q/(σ_p² + σ_q²))
    else:
        h1 = 0.5 * (math.log(2.0) + math.log(lo) - math.log(hi) - math.log1p(r * r))
    dm = abs(mp - mq) / hi
    h2 = -(dm * dm) / (4.0 * (1.0 + r * r)) if dm < 1e150 else -math.inf
    he2 = -math.expm1(h1 + h2)
    return min(math.sqrt(max(he2, 0.0)), 1.0)


def normal_hellinger(mu_p, sigma_p, mu_q, sigma_q):
    """He(N_p, N_q) = sqrt(1 − sqrt(2σ_pσ_q/(σ_p²+σ_q²)) exp(−Δμ²/(4(σ_p²+σ_q²)))), via −expm1."""
    return _normal_hellinger(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(24)
_SQRT2 = math.sqrt(2.0)


def _phi_mass(a, width):
    """Φ(a + width) − Φ(a) for width >= 0, accurate relative to the (possibly tiny) result."""
    b = a + width
    if width <= 0:
        return 0.0
    if width * max(abs(a), abs(b), 1.0) <= 1.0:
        # the integrand varies by at most a factor e over the interval: Gauss-Legendre
        t = 0.5 * (a + b) + 0.5 * width * _GL_NODES
        return 0.5 * width * float(np.dot(_GL_WEIGHTS, np.exp(-0.5 * t * t))) / math.sqrt(2.0 * math.pi)
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
    k = sp / sq
    m = (mp - mq) / sq
    logk = -math.log1p((sq - sp) / sp) if k > 0.5 else math.log(sp) - math.log(sq)  # log k < 0
    one_mk2 = (sq - sp) * (sq + sp) / (sq * sq)  # 1 − k²
    disc = m * m - 2.0 * one_mk2 * logk
    root = math.sqrt(disc)
    qq = k * m + math.copysign(root, k * m) if k * m != 0 else root
    c = -m * m + 2.0 * logk  # (1 − k²) v² − 2 k m v + c = 0
    v1, v2 = qq / one_mk2, c / qq
    total = 0.0
    for v in sorted((v1, v2)):
        u = k * v + m
        if math.isinf(v):
            continue
        diff = u - v if u * v <= 0 else 2.0 * logk / (u + v)
        total += _phi_mass(v, diff) if diff > 0 else _phi_mass(u, -diff)
    return min(max(total, 0.0), 1.0)


def normal_tv(mu_p, sigma_p, mu_q, sigma_q):
    """TV(N_p, N_q) from the Normal CDF at the crossing points of the two densities."""
    return _normal_tv(*_check_normal_args(mu_p, sigma_p, mu_q, sigma_q))


# =============================================================================================
# Mixtures: quadrature


_OFFSETS = np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0,
                     7.0, 8.0, 9.0, 10.0, 11.0, 12.0])
_OFFSETS = np.concatenate([-_OFFSETS[:0:-1], _OFFSETS])
_REACH = 12.0


def _live(dist):
    """[(mu, sigma)] of the components of `dist` with positive weight."""
    logw, mus, sigmas = _components(dist)
    return [(float(m), float(s)) for lw, m, s in zip(logw, mus, sigmas) if lw > -np.inf]


def _widest(dist):
    return max(s for _, s in _live(dist))


def _power_components(P, Q, alpha):
    """Gaussian shapes of p_k^alpha q_j^(1−alpha): where that part of the integrand has its mass."""
    out = []
    for mk, sk in _live(P):
        for mj, sj in _live(Q):
            lam = alpha / sk**2 + (1.0 - alpha) / sj**2
            if lam > 0 and math.isfinite(lam):
                mu = (alpha * mk / sk**2 + (1.0 - alpha) * mj / sj**2) / lam
                out.append((mu, 1.0 / math.sqrt(lam)))
    return out


def _panel_grid(mass, shape=(), extra=(), nodes=12):
    """Gauss-Legendre nodes and weights over ±12 sigma of every (mu, sigma) in `mass`, with break
    points at fixed multiples of sigma around each of `mass` and `shape`, and at `extra`."""
    lo = min(m - _REACH * s for m, s in mass)
    hi = max(m + _REACH * s for m, s in mass)
    pts = [m + s * _OFFSETS for m, s in (*mass, *shape)]
    pts.append(np.asarray(extra, dtype=float))
    pts.append(np.array([lo, hi]))
    pts = np.concatenate(pts)
    pts = np.unique(pts[(pts >= lo) & (pts <= hi)])
    t, w = _legendre(nodes)
    a, b = pts[:-1], pts[1:]
    half = 0.5 * (b - a)
    x = (0.5 * (a + b))[:, None] + half[:, None] * t
    return x.ravel(), (half[:, None] * w).ravel()


def _shape_points(P, Q):
    return np.concatenate([_crossovers(P), _crossovers(Q)])


def _pair_grid(P, Q, extra_mass=(), extra=()):
    comps = _live(P) + _live(Q)
    x, wx = _panel_grid(comps + list(extra_mass), extra=np.concatenate([_shape_points(P, Q), extra]))
    lp, lq = log_density(P, x), log_density(Q, x)
    return x, wx, lp, lq


def _sign_changes(P, Q):
    """The points where p = q (log p − log q changes sign), found on a fine scan and refined."""
    x, _, lp, lq = _pair_grid(P, Q)
    g = lp - lq
    idx = np.flatnonzero(np.sign(g[:-1]) * np.sign(g[1:]) < 0)
    if not idx.size:
        return np.zeros(0)
    return _bracketed_roots(lambda t: log_density(P, t) - log_density(Q, t), x[idx], x[idx + 1], g[idx], g[idx + 1])


def _bracketed_roots(f, a, b, fa, fb, iterations=60):
    """Roots of f, one in each bracket [a_i, b_i] with f(a_i) f(b_i) < 0 (vectorised Illinois
    regula falsi: superlinear, and never leaves its bracket)."""
    a, b, fa, fb = (np.array(v, dtype=float) for v in (a, b, fa, fb))
    for _ in range(iterations):
        with np.errstate(invalid="ignore", divide="ignore"):
            c = b - fb * (b - a) / (fb - fa)
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        c = np.where(np.isfinite(c) & (c > lo) & (c < hi), c, 0.5 * (a + b))
        fc = f(c)
        flip = np.sign(fc) != np.sign(fb)
        a, fa = np.where(flip, b, a), np.where(flip, fb, 0.5 * fa)
        b, fb = c, fc
        if np.all((np.abs(b - a) <= 4e-16 * np.maximum(np.abs(b), 1e-300)) | (fc == 0)):
            break
    return b


def _mixture_tv(P, Q):
    x, wx, lp, lq = _pair_grid(P, Q, extra=_sign_changes(P, Q))
    integrand = np.exp(np.maximum(lp, lq)) * -np.expm1(-np.abs(lp - lq))  # |p − q|
    return min(0.5 * float(np.dot(wx, integrand)), 1.0)


def _mixture_hellinger(P, Q):
    x, wx, lp, lq = _pair_grid(P, Q)
    # (√p − √q)² = p (expm1(½ (log q − log p)))², weighted by the larger density
    hi = np.maximum(lp, lq)
    integrand = np.exp(hi) * np.expm1(-0.5 * np.abs(lp - lq)) ** 2
    return min(math.sqrt(max(0.5 * float(np.dot(wx, integrand)), 0.0)), 1.0)


def _tail_lambda(P, Q, alpha):
    """alpha/σ_P² + (1 − alpha)/σ_Q² with the widest live components: > 0 iff the tails of
    p^alpha q^(1−alpha) decay (the integral is finite)."""
    return alpha / _widest(P) ** 2 + (1.0 - alpha) / _widest(Q) ** 2


def _mixture_chi2(P, Q):
    if not _tail_lambda(P, Q, 2.0) > 0:
        return math.inf
    x, wx, lp, lq = _pair_grid(P, Q, extra_mass=_power_components(P, Q, 2.0))
    # (p − q)² / q = exp(2 log|p − q| − log q)
    with np.errstate(over="ignore"):
        integrand = np.exp(2.0 * _logdiffexp(lp, lq) - lq)
        value = float(np.dot(wx, integrand))
    return value if math.isfinite(value) else math.inf


def _renyi_from_amari(alpha, T, log_integral):
    """D_alpha from T = alpha A (stable near alpha = 1 and P = Q), else from log ∫ p^α q^(1−α)."""
    with np.errstate(over="ignore", invalid="ignore"):
        y = (alpha - 1.0) * T
    if math.isfinite(y) and abs(y) <= 0.5:
        return max(T * _log1p_over(y), 0.0)
    return max(log_integral() / (alpha - 1.0), 0.0)


def _mixture_renyi(P, Q, alpha):
    if alpha == math.inf:
        return _mixture_renyi_inf(P, Q)
    if alpha > 1 and not _tail_lambda(P, Q, alpha) > 0:
        return math.inf
    x, wx, lp, lq = _pair_grid(P, Q, extra_mass=_power_components(P, Q, alpha))
    L = lq - lp
    with np.errstate(over="ignore", invalid="ignore"):
        terms, scale = _amari_terms(alpha, lp, lq, np.exp(lp), np.exp(lq), L)
        T = alpha * float(np.dot(wx, terms)) / scale

    def log_integral():
        args = alpha * lp + (1.0 - alpha) * lq + np.log(wx)
        m = float(args.max())
        return m + math.log(float(np.sum(np.exp(args - m))))

    return _renyi_from_amari(alpha, T, log_integral)


def _tail_limits(P, Q):
    """lim of log p − log q at −∞ and +∞ (+inf, a finite value, or -inf)."""
    out = []
    for side in (-1.0, 1.0):
        def lead(dist):
            comps = [(lw, m, s) for lw, m, s in zip(*_components(dist)) if lw > -np.inf]
            smax = max(s for _, _, s in comps)
            wide = [(lw, m, s) for lw, m, s in comps if s == smax]
            # of equally wide components the one further out on this side dominates
            lw, m, s = max(wide, key=lambda c: (side * c[1], c[0]))
            same = [c for c in wide if c[1] == m]
            return smax, m, float(np.logaddexp.reduce([c[0] for c in same])) - math.log(s)
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


def _mixture_renyi_inf(P, Q):
    """log sup p/q: +inf if a tail of P outlasts Q's, else the largest local maximum (a scan, then
    the roots of the derivative in each bracket), or the limit in a tail if that is larger."""
    limits = _tail_limits(P, Q)
    if max(limits) == math.inf:
        return math.inf
    x, _, lp, lq = _pair_grid(P, Q)
    g = lp - lq
    best = max(float(g.max()), *limits)
    def slope(t):
        return _dlog_density(P, t) - _dlog_density(Q, t)

    s = slope(x)
    idx = np.flatnonzero((s[:-1] > 0) & (s[1:] <= 0))
    if idx.size:
        top = _bracketed_roots(slope, x[idx], x[idx + 1], s[idx], s[idx + 1])
        best = max(best, float(np.max(log_density(P, top) - log_density(Q, top))))
    return max(best, 0.0)


def continuous_tv(P, Q):
    """TV(P, Q) = ½ ∫ |p − q| for Normals/Mixtures (closed form for a Normal pair)."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_tv(P.mu, P.sigma, Q.mu, Q.sigma)
    return _mixture_tv(P, Q)


def continuous_hellinger(P, Q):
    """He(P, Q) = sqrt(½ ∫ (√p − √q)²)."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_hellinger(P.mu, P.sigma, Q.mu, Q.sigma)
    return _mixture_hellinger(P, Q)


def continuous_chi2(P, Q):
    """χ²(P‖Q) = ∫ (p − q)²/q; +inf unless 2σ_Q² > σ_P² for the widest components."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_chi2(P.mu, P.sigma, Q.mu, Q.sigma)
    return _mixture_chi2(P, Q)


def _continuous_renyi(P, Q, alpha):
    if isinstance(P, Normal) and isinstance(Q, Normal):
        return _normal_renyi(P.mu, P.sigma, Q.mu, Q.sigma, alpha)
    return _mixture_renyi(P, Q, alpha)


def continuous_renyi(P, Q, alpha, unit="nats"):
    """D_alpha(P‖Q) for Normals/Mixtures, alpha in (0, inf], in `unit`."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    alpha = check_renyi_alpha(alpha)
    check_unit(unit)
    return float(convert(_continuous_renyi(P, Q, alpha), unit))


def _fmt(x):
    return f"{x:.4g}"


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
            reasons[key] = (f"2σ_{b}² ≤ σ_{a}² (σ_{a} = {_fmt(sn)}, σ_{b} = {_fmt(sd)}): the tails of "
                            f"{a}²/{b} do not decay" if not 2 * sd * sd > sn * sn
                            else "too large to represent (above 1.8e308)")
    if alpha is not None:
        for key, num, den in (("renyi_pq", P, Q), ("renyi_qp", Q, P)):
            v = _continuous_renyi(num, den, alpha)
            values[key] = float(convert(v, unit))
            if math.isinf(v):
                a, b = ("P", "Q") if key == "renyi_pq" else ("Q", "P")
                sn, sd = _widest(num), _widest(den)
                if alpha == math.inf:
                    reasons[key] = (f"{a}/{b} is unbounded: {a}'s tails are not lighter than {b}'s "
                                    f"(σ_{a} = {_fmt(sn)}, σ_{b} = {_fmt(sd)})")
                elif not _tail_lambda(num, den, alpha) > 0:
                    reasons[key] = (f"α σ_{b}² + (1 − α) σ_{a}² ≤ 0 (σ_{a} = {_fmt(sn)}, σ_{b} = {_fmt(sd)}): "
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
