"""Entropy, cross-entropy, KL and Jensen-Shannon divergence of discrete distributions.

Conventions (../shared/MATH.md): 0 log 0 = 0; a cross-entropy or KL term with p_i = 0 is 0 even
where q_i = 0; p_i > 0 with q_i = 0 gives +inf. KL is summed from its own terms, never taken as a
difference of entropies, and quantities that cannot be negative are clamped at 0.

The public functions validate their arguments (klviz.core.checks) and normalise weights by their
exact sum; the private `_discrete_measures` and helpers below assume valid input, for hot paths.

Accuracy near P = Q: there the terms p_i log(p_i/q_i) are first order with both signs while their
sum is second order, so a plain sum keeps only rounding noise. When the plain sum is not clearly
above its error bound, KL is recomputed as sum_i p_i (x_i - log1p(x_i)), x_i = q_i/p_i - 1 (the
pointwise non-negative form p log(p/q) - p + q, whose correction sum (q - p) is exactly 0), with
every x_i formed from the exact weights (double-double arithmetic), so nothing cancels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core._numerics import beyond_range, exact_sum, log1pmx, two_prod, two_sum
from klviz.core.checks import same_length
from klviz.core.spec import Categorical
from klviz.core.units import check_unit, convert, log_base

__all__ = [
    "DiscreteMeasures", "cross_entropy", "discrete_measures", "entropy", "js_divergence",
    "kl_divergence", "kl_terms", "log1pmx", "support_mismatch",
]

_LOG2 = math.log(2.0)
_TINY = 2.2250738585072014e-308  # the smallest normal float
_FAST_ERR = 3.5e-15   # |error| of a plain sum of terms <= this * (sum |t_i| + sum p_i (1 + L_i))
_FAST_RATIO = 1e9     # the plain sum is kept when it exceeds its error bound this many times
_EXACT_ERR = 2e-14    # relative error of the non-negative form with exact ratios


def _clamp0(x):
    x = float(x)
    return x if x > 0 else 0.0  # also turns -0.0 into 0.0


# ------------------------------------------------------------------------------ private core


def _kl_terms(p, q, logp=None, logq=None):
    """p_i log(p_i / q_i): 0 where p_i = 0, +inf where p_i > 0 = q_i.

    The ratio form is the most accurate where both are positive; entries it cannot represent (the
    ratio overflows or underflows, or q_i underflowed to 0 while its logarithm is finite) are
    redone from the logarithms, which are exact for softmax inputs.
    """
    with np.errstate(all="ignore"):
        t = p * np.log(p / q)  # NaN where p = 0, inf where q = 0: both redone below
        bad = ~np.isfinite(t)
        if bad.any():
            pb = p[bad]
            if logp is None:
                lpb, lqb = np.log(pb), np.log(q[bad])
            else:
                lpb, lqb = logp[bad], logq[bad]
            has = lpb > -np.inf  # P's support: p_i may have underflowed to 0 with a finite log
            t[bad] = np.where(has, np.where(lqb == -np.inf, np.inf, pb * (lpb - lqb)), 0.0)
    return t


def _fixed_logs(C):
    """C's log-probabilities, with the log of an entry above 1/2 taken from the others' sum.

    A Categorical built by its classmethods already has exact logs. One built directly from
    probabilities (the GUI's state) gets log p_k = -log1p(rest / p_k) for its largest entry, the
    exactly normalised value: a probability that rounded to 1 keeps its log(1 - eps).
    """
    lp = C.log_probs
    if C.weights is not None or C.logits is not None:
        return lp
    p = C.probs
    k = int(np.argmax(p))
    pk = float(p[k])
    if not pk > 0.5:
        return lp
    rest = float(p[:k].sum() + p[k + 1:].sum())
    lp = np.array(lp, dtype=float)
    lp[k] = -math.log1p(rest / pk)
    return lp


def _exact_weights(C):
    """(hi, lo or None) weights C was normalised from, or None when only its logs are exact."""
    if C.weights is not None:
        return C.weights, C.weights_lo
    if C.logits is None:
        return C.probs, None  # probabilities taken as the given weights
    return None


def _scaled(w, lo):
    """Weights and their double-double sum, scaled by a power of two (exactly) to sum below 1."""
    shift = -math.frexp(float(w.max()))[1] - w.size.bit_length()  # now every sum is below 1
    w = np.ldexp(w, shift)
    lo = None if lo is None else np.ldexp(lo, shift)
    s, r = exact_sum(w if lo is None else np.concatenate([w, lo]))
    return w, lo, s, r


def _ratio_minus_one(P, Q, lp, lq):
    """x_i = q_i / p_i - 1 for the exactly normalised P, Q (meaningful where p_i > 0).

    From the weights: x_i = (wq_i Wp - wp_i Wq) / (wp_i Wq) with error-free products and
    double-double sums, so x_i is right to a few ulps even where q_i and p_i agree to 15 digits.
    Without weights (softmax) it is expm1(log q_i - log p_i), exact to the logs' rounding.
    """
    a, b = _exact_weights(P), _exact_weights(Q)
    with np.errstate(all="ignore"):
        if a is None or b is None:
            if P.logits is not None and Q.logits is not None:
                x = _softmax_ratio_minus_one(P.probs, P.logits, Q.logits)
                if x is not None:
                    return x
            elif P.probs.size <= _DECIMAL_MAX:
                return _decimal_ratio_minus_one(P, Q)
            return np.expm1(lq - lp)
        ap, bp, sp, rp = _scaled(*a)
        aq, bq, sq, rq = _scaled(*b)
        pi1, e1 = two_prod(aq, sp)
        pi2, e2 = two_prod(ap, sq)
        small = (e1 - e2) + (aq * rp - ap * rq)
        if bq is not None:
            small = small + bq * sp
        if bp is not None:
            small = small - bp * sq
        x = ((pi1 - pi2) + small) / pi2
    # The double-double keeps ~1e-32 of x absolutely; below 1e-16 that is not a few ulps of x
    # any more (and weights proportional to each other must give exactly 0): redo those exactly.
    tiny = np.flatnonzero((np.abs(x) < 1e-16) & (ap > 0))
    if tiny.size:
        x[tiny] = _exact_ratios_minus_one(a, b, tiny)
    return x


def _softmax_ratio_minus_one(p, zp, zq):
    """q_i / p_i - 1 for P = softmax(zp), Q = softmax(zq) from the logits' differences, or None
    where a ratio would overflow (then the logs serve as well).

    log q_i - log p_i = d'_i - log1p(sum_j p_j expm1(d'_j)) with d = zq - zp (exactly, as a
    double-double) and d' = d - d_k
    (k: P's largest entry): the difference of the two log-softmaxes, each rounded to ~1e-16 of its
    size (3 for a logit of -3), would leave nothing of a ratio 1 + 1e-14 (the audit of issue 11
    found D(P‖Q) 1e-3 off for such a pair); the differences of the logits keep it.
    """
    d, e = two_sum(zq, -zp)  # d + e = zq - zp exactly: logits -249 and 0.99 keep their 1e-15
    k = int(np.argmax(p))
    dd = (d - d[k]) + (e - e[k])
    if not dd.max() <= 700.0:  # (NaN too) exp(dd) would overflow: the logs will do
        return None
    s = float(np.dot(p, np.expm1(dd)))
    return np.expm1(dd - math.log1p(s))


_DECIMAL_MAX = 2000  # a softmax against weights: up to this many entries, ratios in decimal
_DECIMAL_DEEPER = {250: 50, 1000: 8}  # ... and with more digits up to this many


def _decimal_log1p(r):
    """ln(1 + r) for a Decimal r >= 0 in the current context, exact also for r ~ 1e-173 (where
    1 + r would round to 1)."""
    from decimal import Decimal, getcontext

    if r >= Decimal("1e-3"):
        return (1 + r).ln()
    out, term, n = Decimal(0), r, 1
    tiny = Decimal(10) ** (-getcontext().prec - 2) * r
    while abs(term) > tiny:
        out += term / n
        n += 1
        term = -term * r
    return out


def _decimal_log_probs(C, prec):
    """C's exact log-probabilities in decimal (the current context): from its logits
    (log-softmax), else from the weights it was normalised from (hi + lo); the largest entry's
    from the others' sum (log1p). None where the probability is 0."""
    from decimal import Decimal

    if C.logits is not None:
        z = [Decimal(v) for v in C.logits.tolist()]
        k = max(range(len(z)), key=z.__getitem__)
        rest = sum((v - z[k]).exp() for j, v in enumerate(z) if j != k)
        lse = z[k] + _decimal_log1p(rest)
        out = [v - lse for v in z]
        out[k] = -_decimal_log1p(rest)
        return out
    hi, lo = _exact_weights(C)
    w = [Decimal(v) for v in hi.tolist()]
    if lo is not None:
        w = [v + Decimal(e) for v, e in zip(w, lo.tolist())]
    k = max(range(len(w)), key=w.__getitem__)
    rest = sum(v for j, v in enumerate(w) if j != k)
    total = w[k] + rest
    out = [(v / total).ln() if v > 0 else None for v in w]
    out[k] = -_decimal_log1p(rest / w[k])
    return out


def _decimal_expm1(d):
    """e^d - 1 for a Decimal d, exact also where |d| is far below the context's precision."""
    from decimal import Decimal, getcontext

    if abs(d) >= Decimal("1e-3"):
        return d.exp() - 1
    out, term, n = Decimal(0), d, 1
    tiny = Decimal(10) ** (-getcontext().prec - 2) * abs(d)
    while abs(term) > tiny:
        out += term
        n += 1
        term = term * d / n
    return out


def _decimal_ratio_minus_one(P, Q):
    """q_i / p_i - 1 where one side is a softmax and the other weights: the two sides' logs are
    rounded differently (the softmax's to ~1e-16 of |log p|), so no float difference of them
    resolves a ratio 1 + 1e-14 (the audit of issue 11 found D(P‖Q) 7% off); decimal arithmetic
    does, with 50 digits beyond the logits' magnitude, and more while a ratio is closer to 1 than
    that resolves (up to 1,000 digits, down to the smallest floats, for a few entries; beyond
    that the error bound, which allows x the logs' resolution, says how far to trust it)."""
    from decimal import Decimal, localcontext

    big = max([abs(float(v)) for C in (P, Q) if C.logits is not None for v in C.logits.tolist()] + [1.0])
    base = int(math.log10(big))
    n = len(P.probs)
    for digits in (50, 250, 1000):
        if digits > 50 and n > _DECIMAL_DEEPER.get(digits, 0):
            break  # more digits for many entries would take seconds: 50 it is
        with localcontext() as ctx:
            ctx.prec = digits + base
            ctx.Emin, ctx.Emax = -10 ** 9, 10 ** 9
            lp, lq = _decimal_log_probs(P, ctx.prec), _decimal_log_probs(Q, ctx.prec)
            out, unresolved = [], False
            for a, b in zip(lp, lq):
                if a is None or a == Decimal("-Infinity"):
                    out.append(math.nan)  # p = 0: never used
                elif b is None or b == Decimal("-Infinity"):
                    out.append(-1.0)
                elif b - a > 710:  # q / p beyond the float range (a logit gap near 1e308)
                    out.append(math.inf)
                else:
                    d = b - a
                    unresolved |= d == 0 or abs(d) < Decimal(10) ** (25 - digits)
                    out.append(float(_decimal_expm1(d)))
        if not unresolved:
            break
    return np.array(out, dtype=float)


def _exact_ratios_minus_one(a, b, index):
    """q_i / p_i - 1 in rational arithmetic on the weights (hi + lo) at the given indices."""
    from fractions import Fraction  # here, as decimal is: the rare path only (the start skips its import)

    def exact(w):
        hi, lo = w
        vals = [Fraction(v) for v in hi.tolist()]
        if lo is not None:
            vals = [v + Fraction(e) for v, e in zip(vals, lo.tolist())]
        return vals, sum(vals, Fraction(0))
    (wp, sp), (wq, sq) = exact(a), exact(b)
    return [float((wq[i] * sp) / (wp[i] * sq) - 1) for i in index.tolist()]


class _Ratios:
    """x = q/p - 1 for a pair, computed once and only if asked for."""

    def __init__(self, P, Q, lp, lq):
        self._args = (P, Q, lp, lq)
        self._x = None

    def x(self):
        if self._x is None:
            self._x = _ratio_minus_one(*self._args)
        return self._x

    def y(self):  # p/q - 1 = -x / (1 + x)
        x = self.x()
        with np.errstate(all="ignore"):
            return -x / (1.0 + x)


class _Beyond:
    """Entries of a softmax whose log-probability lies below -1.8e308 (stored as -inf).

    -p_i log r_i = p_i (lse - z_i) is still representable when p_i is small enough, and is
    formed as p_i lse - p_i z_i so that nothing overflows on the way.
    """

    def __init__(self, C, lr):
        self.mask = beyond_range(C.logits, lr)
        k = int(np.argmax(C.logits))
        self.z = C.logits
        self.lse = float(C.logits[k] - lr[k])

    def minus_log_times(self, p):
        """-p_i log r_i on the masked entries (p given on all entries)."""
        pm = p[self.mask]
        return np.where(pm > 0, pm * self.lse - pm * self.z[self.mask], 0.0)


def _beyond(C, lr):
    if C.logits is None or not np.isneginf(lr).any():
        return None
    b = _Beyond(C, lr)
    return b if b.mask.any() else None


class _LazyLog:
    """log((p + q) / 2) from the logs, formed on first use (indexing)."""

    def __init__(self, lp, lq):
        self._args, self._value = (lp, lq), None

    def __getitem__(self, index):
        if self._value is None:
            self._value = np.logaddexp(*self._args) - _LOG2
        return self._value[index]


def _kl_value(p, r, lp, lr, ratio, logs_only, beyond_r=None, abs_sum=None):
    """(D(P‖R), absolute error bound, terms) for probabilities p, r with logs lp, lr.

    `ratio()` gives r/p - 1 accurately; it is called only when the plain sum of terms is too
    close to its rounding noise. `logs_only`: the ratios come from logarithms (softmax), whose
    rounding grows with |log p|; the error bound says so. `beyond_r`: a `_Beyond` of r.
    """
    terms = _kl_terms(p, r, lp, lr)
    if beyond_r is not None:
        m = beyond_r.mask
        terms[m] = np.where(p[m] > 0, p[m] * lp[m] + beyond_r.minus_log_times(p), 0.0)
    total = float(terms.sum())
    if not math.isfinite(total):
        return total, 0.0, terms
    # sum |t_i| (or a bound on it) + sum p_i (= 1)
    scale = (float(np.abs(terms).sum()) if abs_sum is None else abs_sum) + 1.0
    if logs_only:
        ok = (p > 0) & np.isfinite(lr[...])
        scale += float(np.dot(p[ok], np.abs(lp[ok]) + np.abs(lr[ok])))
    err = _FAST_ERR * scale
    if total >= _FAST_RATIO * err:
        return total, err, terms
    pos = p > 0
    x = ratio()
    near = pos & (np.abs(x) < 0.5)
    far = pos & ~near
    g = np.where(pos, 0.0, r)  # where p = 0 the term p log(p/r) - p + r is r
    pf = p[far]
    # log(p/r) = -log1p(x) from the accurate ratio, not lp - lr: the difference of two logs of
    # tiny probabilities (|log p| ~ 690 at 1e-300) loses |log p| ulps, more than the error bound
    # below allows for. From the logs only where the ratio is not a float (overflow, r = 0) or
    # itself comes from the logs (softmax).
    # (x >= -0.5 only: nearer -1, 1 + x itself has lost digits and the logs are better).
    log_ratio = lp[far] - lr[far]
    from_logs = np.ones(pf.size, dtype=bool)
    if not logs_only:
        xf = x[far]
        from_logs = ~(np.isfinite(xf) & (xf >= -0.5))
        log_ratio[~from_logs] = -np.log1p(xf[~from_logs])
    rf = r[far]
    g[far] = pf * log_ratio - pf + rf
    xn, pn = x[near], p[near]
    g[near] = -pn * log1pmx(xn)
    terms[near] = -pn * np.log1p(xn)
    value = float(g.sum())
    # x_i is exact to ~1e-32 absolute (double-double), so its relative error grows where x_i is
    # tiny; the term's error is about p_i |x_i| times x_i's absolute error
    err = _EXACT_ERR * value + 1e-31 * float(np.dot(pn, np.abs(xn)))
    if logs_only:
        delta = 4.5e-16 * (np.abs(lp[near]) + np.abs(lr[near]) + 2.0)  # x's resolution from logs
        err += float(np.dot(pn * np.abs(xn), delta)) + 0.5 * float(np.dot(pn, delta * delta))
    # far terms whose log(p/r) is lp - lr: each log's rounding (|log| ulps), and, for softmax
    # probabilities, p's and r's own (exp of a rounded log: |log| ulps of each)
    lpf, lrf = np.abs(lp[far]), np.abs(lr[far])
    fin = from_logs & np.isfinite(lpf) & np.isfinite(lrf)
    if fin.any():
        pl, rl, lpl, lrl = pf[fin], rf[fin], lpf[fin], lrf[fin]
        spread = lpl + lrl + 2.0
        if logs_only:
            spread = spread * (1.0 + np.abs(log_ratio[fin])) + (rl / np.where(pl > 0, pl, 1.0)) * (lrl + 1.0)
        err += 4.5e-16 * float(np.dot(pl, spread))
    return value, err, terms


def _entropy_from_logs(p, logp):
    mask = p > 0
    return _clamp0(-np.dot(p[mask], logp[mask]))


def _cross_from_logs(p, logq, beyond_q=None, logp=None):
    """-sum p_i log q_i over P's support: +inf where Q has no mass there (even where p_i
    underflowed to 0 with a finite log); entries beyond the float range from the logits."""
    mask = p > 0
    if beyond_q is not None:
        mask &= ~beyond_q.mask
    value = -float(np.dot(p[mask], logq[mask]))
    if value == math.inf:
        return value
    if logp is not None and (logq[logp > -np.inf] == -np.inf).any() and (
            beyond_q is None or (logq[(logp > -np.inf) & ~beyond_q.mask] == -np.inf).any()):
        return math.inf
    if beyond_q is not None:
        value += float(beyond_q.minus_log_times(p).sum())
    return _clamp0(value)


def _pair_values(P, Q):
    """Every measure of a valid pair in nats: dict of floats, terms and error bounds."""
    with np.errstate(all="ignore"):  # the private helpers below rely on this
        return _pair_values_unguarded(P, Q)


def _pair_values_unguarded(P, Q):
    p, q = P.probs, Q.probs
    lp, lq = _fixed_logs(P), _fixed_logs(Q)
    logs_only = _exact_weights(P) is None or _exact_weights(Q) is None
    ratios = _Ratios(P, Q, lp, lq)
    bp, bq = _beyond(P, lp), _beyond(Q, lq)
    kl_pq, err_pq, terms_pq = _kl_value(p, q, lp, lq, ratios.x, logs_only, bq)
    kl_qp, err_qp, terms_qp = _kl_value(q, p, lq, lp, ratios.y, logs_only, bp)
    m = 0.5 * (p + q)
    lm = _LazyLog(lp, lq)  # where p > 0, p/m <= 2: the terms never need log m, only the rescue does
    # |p log(p/m)| <= 0.7 p + 0.37 m, so the terms of each JS half sum (in absolute value) to < 1.1
    js_p = _kl_value(p, m, lp, lm, lambda: 0.5 * ratios.x(), logs_only, abs_sum=1.1)[0]
    js_q = _kl_value(q, m, lq, lm, lambda: 0.5 * ratios.y(), logs_only, abs_sum=1.1)[0]
    raw_p = P.weights is None and P.logits is None  # then p_i = 0 exactly where log p_i = -inf
    raw_q = Q.weights is None and Q.logits is None
    return dict(
        entropy_p=_entropy_from_logs(p, lp),
        entropy_q=_entropy_from_logs(q, lq),
        cross_entropy_pq=_cross_from_logs(p, lq, bq, None if raw_p else lp),
        cross_entropy_qp=_cross_from_logs(q, lp, bp, None if raw_q else lq),
        kl_pq=_clamp0(kl_pq),
        kl_qp=_clamp0(kl_qp),
        js=min(0.5 * (_clamp0(js_p) + _clamp0(js_q)), _LOG2),
        terms_pq=terms_pq, terms_qp=terms_qp, kl_pq_error=err_pq, kl_qp_error=err_qp,
        mismatch_pq=_mismatch(kl_pq, lp, lq, bq),
        mismatch_qp=_mismatch(kl_qp, lq, lp, bp),
    )


_NONE = np.zeros(0, dtype=np.intp)


def _mismatch(kl, lp, lq, beyond_q):
    """Indices where P has mass and Q none (only possible where the KL is infinite)."""
    if kl != math.inf:
        return _NONE
    return np.flatnonzero((lp > -np.inf) & (lq == -np.inf) & _outside(beyond_q))


def _outside(beyond):
    return True if beyond is None else ~beyond.mask


def _kl_from_logs(p, q, lp, lq):
    """D(P‖Q) of valid probability arrays whose logs lp, lq are exact (softmax, log-sigmoid)."""
    with np.errstate(all="ignore"):
        return _clamp0(_kl_value(p, q, lp, lq, lambda: _expm1_diff(lq, lp), True)[0])


def _expm1_diff(a, b):
    with np.errstate(all="ignore"):
        return np.expm1(a - b)


def _kl_sum(p, q, terms):
    """D(P‖Q) from probability arrays and their terms (the former helper's signature).

    Where q_i underflowed to 0 but its term is finite, log q_i is recovered from the term.
    """
    with np.errstate(all="ignore"):
        lp, lq = np.log(p), np.log(q)
        fix = (q == 0) & (p > 0) & np.isfinite(terms)
        lq[fix] = lp[fix] - terms[fix] / p[fix]
        return _kl_value(p, q, lp, lq, lambda: _expm1_diff(lq, lp), True)[0]


# ------------------------------------------------------------------------------ public API


def _check_categorical(C, name):
    """Raise unless C is a usable Categorical (checked cheaply: the drag path calls through here)."""
    if not isinstance(C, Categorical):
        raise TypeError(f"{name} must be a Categorical (see Categorical.from_weights), "
                        f"not {type(C).__name__}")
    p, lp = C.probs, C.log_probs
    for what, arr in (("probs", p), ("log_probs", lp)):
        if not isinstance(arr, np.ndarray) or arr.dtype != np.float64:
            raise TypeError(f"{name}.{what} must be a float64 numpy array")
        if arr.ndim != 1 or arr.size == 0:
            raise ValueError(f"{name}.{what} must be a non-empty 1-D array")
    if lp.size != p.size:
        raise ValueError(f"{name}.probs and {name}.log_probs have different lengths")
    total = float(p.sum())
    if not (p.min() >= 0 and abs(total - 1.0) <= 1e-9):  # NaN and inf fail here too
        raise ValueError(f"{name}.probs must be non-negative and sum to 1 (they sum to {total!r}); "
                         "use Categorical.from_weights")
    if not lp.max() <= 1e-12:  # NaN fails here too
        raise ValueError(f"{name}.log_probs must be logarithms of probabilities (<= 0, no NaN)")


def _pair(p, q):
    P = Categorical.from_weights(p, "p")
    Q = Categorical.from_weights(q, "q")
    same_length(P.probs, Q.probs)
    return P, Q


def entropy(p, unit="nats"):
    """H(P) = -sum p_i log p_i of weights p (normalised by their exact sum)."""
    check_unit(unit)
    P = Categorical.from_weights(p, "p")
    return convert(_entropy_from_logs(P.probs, P.log_probs), unit)


def kl_terms(p, q, unit="nats"):
    """Pointwise contributions p_i log(p_i / q_i) to D(P‖Q); single terms may be negative."""
    check_unit(unit)
    return convert(_pair_values(*_pair(p, q))["terms_pq"], unit)


def kl_divergence(p, q, unit="nats"):
    """D(P‖Q) = sum p_i log(p_i / q_i) >= 0; +inf iff some p_i > 0 has q_i = 0."""
    check_unit(unit)
    return convert(_pair_values(*_pair(p, q))["kl_pq"], unit)


def cross_entropy(p, q, unit="nats"):
    """H(P,Q) = -sum p_i log q_i; +inf iff some p_i > 0 has q_i = 0."""
    check_unit(unit)
    P, Q = _pair(p, q)
    with np.errstate(all="ignore"):
        return convert(_cross_from_logs(P.probs, Q.log_probs, logp=P.log_probs), unit)


def js_divergence(p, q, unit="nats"):
    """JS(P,Q) = 1/2 D(P‖M) + 1/2 D(Q‖M), M = (P + Q)/2; finite, in [0, log 2]."""
    check_unit(unit)
    return convert(_pair_values(*_pair(p, q))["js"], unit)


def support_mismatch(p, q):
    """Indices i where p_i > 0 but q_i = 0: the categories that make D(P‖Q) infinite."""
    P, Q = _pair(p, q)
    return np.flatnonzero((P.log_probs > -np.inf) & (Q.log_probs == -np.inf))


@dataclass(frozen=True, eq=False)
class DiscreteMeasures:
    """Every measure of a pair (P, Q), in `unit`.

    `kl_pq_error` and `kl_qp_error` bound the absolute error of `kl_pq` and `kl_qp` (same unit;
    0 for an infinite value); `kl_differ()` says whether the two are told apart by more than that.
    """

    unit: str
    entropy_p: float
    entropy_q: float
    cross_entropy_pq: float
    cross_entropy_qp: float
    kl_pq: float
    kl_qp: float
    js: float
    terms_pq: np.ndarray
    terms_qp: np.ndarray
    mismatch_pq: np.ndarray
    mismatch_qp: np.ndarray
    kl_pq_error: float = 0.0
    kl_qp_error: float = 0.0

    def overflowed(self):
        """Names of the measures shown as inf whose true value is finite but beyond the float range
        (possible only for softmax logits near the float limit); true infinities are not listed."""
        out = []
        for key, mismatch in (("cross_entropy_pq", self.mismatch_pq), ("cross_entropy_qp", self.mismatch_qp),
                              ("kl_pq", self.mismatch_pq), ("kl_qp", self.mismatch_qp)):
            if math.isinf(getattr(self, key)) and mismatch.size == 0:
                out.append(key)
        return tuple(out)

    def kl_differ(self):
        """True when D(P‖Q) and D(Q‖P) differ by more than their combined error bound."""
        return kl_values_differ(self.kl_pq, self.kl_qp, self.kl_pq_error + self.kl_qp_error)


def kl_values_differ(a, b, error):
    """True when a and b (values or +inf) differ by more than `error`."""
    if math.isinf(a) or math.isinf(b):
        return a != b
    return abs(a - b) > error


_SCALARS = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js",
            "kl_pq_error", "kl_qp_error")


def _discrete_measures(P, Q, unit="nats"):
    """discrete_measures without the checks, for callers whose Categoricals are valid."""
    base = log_base(unit)
    with np.errstate(all="ignore"):  # the private helpers rely on this (and a value near the
        v = _pair_values_unguarded(P, Q)  # float maximum in nats may be inf in bits)
        terms_pq, terms_qp = v["terms_pq"] / base, v["terms_qp"] / base
    scalars = {k: float(v[k]) / base for k in _SCALARS}
    return DiscreteMeasures(unit=unit, **scalars, terms_pq=terms_pq, terms_qp=terms_qp,
                            mismatch_pq=v["mismatch_pq"], mismatch_qp=v["mismatch_qp"])


def discrete_measures(P, Q, unit="nats"):
    """All measures of two `Categorical`s of equal length, using their exact log-probabilities.

    Working from log-probabilities keeps a softmax with a logit gap of 1000 exact: its smallest
    probability underflows to 0, but its logarithm (-1000) does not.
    """
    check_unit(unit)
    _check_categorical(P, "P")
    _check_categorical(Q, "Q")
    same_length(P.probs, Q.probs, "P", "Q")
    return _discrete_measures(P, Q, unit)
