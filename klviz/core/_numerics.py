"""Private floating-point helpers of klviz.core: series near 0, error-free products, exact sums.

Nothing here validates its input: callers in klviz.core have already done so.
"""

from __future__ import annotations

import math

import numpy as np

_SPLIT = 134217729.0  # 2**27 + 1: Dekker's splitting constant for float64


# Series x^2 (c_2 + c_3 x + ...) near 0, exact to double precision for |x| < 0.1.
_LOG1PMX = tuple((-1.0) ** (k + 1) / k if k else 0.0 for k in range(26))  # -x^2/2 + x^3/3 - ... (24 terms)
_EXPM1MX = tuple(1.0 / math.factorial(k) for k in range(13))  # x^2/2! + x^3/3! + ... (11 terms)


def _series(xs, coeffs):
    """x^2 (c_2 + c_3 x + ...) by Horner, for arrays or floats."""
    acc = 0.0 * xs
    for c in coeffs[:1:-1]:
        acc = c + xs * acc
    return xs * xs * acc


def _near_zero(x, coeffs, far):
    """The series where |x| < 0.1, far(x) elsewhere, elementwise."""
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    small = np.abs(x) < 0.1
    out[small] = _series(x[small], coeffs)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        out[~small] = far(x[~small])
    return out


def log1pmx(x):
    """log(1 + x) - x elementwise, accurate also where |x| is tiny (series there); -inf at -1."""
    return _near_zero(x, _LOG1PMX, lambda v: np.log1p(v) - v)


def log1pmx_scalar(x):
    """log(1 + x) - x for one float (see log1pmx)."""
    return math.log1p(x) - x if abs(x) >= 0.1 else _series(x, _LOG1PMX)


def expm1mx(x):
    """e^x - 1 - x elementwise (>= 0), accurate also where |x| is tiny (series there); +inf at
    +inf."""
    return _near_zero(x, _EXPM1MX, lambda v: np.where(v == np.inf, np.inf, np.expm1(v) - v))


def expm1mx_scalar(x):
    """e^x - 1 - x for one float (see expm1mx)."""
    if abs(x) >= 0.1:
        return math.inf if x == math.inf else math.expm1(x) - x
    return _series(x, _EXPM1MX)


def two_sum(a, b):
    """(s, e) with s = fl(a + b) and a + b = s + e exactly (Knuth)."""
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def two_prod(a, b):
    """(p, e) with p = fl(a * b) and a * b = p + e exactly (Dekker), elementwise.

    Exact as long as nothing overflows in the split (|a|, |b| < 1e290) and e is not subnormal.
    """
    p = a * b
    c = _SPLIT * a
    a_hi = c - (c - a)
    a_lo = a - a_hi
    c = _SPLIT * b
    b_hi = c - (c - b)
    b_lo = b - b_hi
    e = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return p, e


def exact_sum(values):
    """(s, r): s = the correctly rounded sum of `values` and r the rounded residual, so that s + r
    is the exact sum to about 1e-32 relative (a double-double)."""
    vals = values.tolist() if isinstance(values, np.ndarray) else list(values)
    s = math.fsum(vals)
    vals.append(-s)
    return s, math.fsum(vals)


def log_softmax_parts(z):
    """log-softmax of a validated finite vector z, exact for huge logits: (z - max) - log1p(rest).

    The largest logit's log-probability is -log1p(sum of the others' exp), which keeps a
    probability that rounds to 1 its log(1 - eps). Where z_i - max overflows (the logits span more
    than the float range) the true log-probability is below -1.8e308: that entry is -inf here,
    and `beyond_range(z, out)` finds it.
    """
    k = int(np.argmax(z))
    with np.errstate(over="ignore"):
        shifted = z - z[k]
        e = np.exp(shifted)
    e[k] = 0.0
    rest = float(e.sum())
    out = shifted - math.log1p(rest)
    out[k] = -math.log1p(rest)
    return out


def beyond_range(z, log_probs):
    """Mask of the entries whose log-probability under softmax(z) is finite but below -1.8e308."""
    return np.isneginf(log_probs) & np.isfinite(z)
