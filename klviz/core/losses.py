"""The common losses as cross-entropies (nats), computed stably from logits where they apply."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core._numerics import expm1mx_scalar, log1pmx_scalar, log_softmax_parts
from klviz.core.checks import finite_number, positive_number, probability, real_vector, same_length
from klviz.core.checks import weight_vector
from klviz.core.discrete import _kl_from_logs

_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


def _logits(z, name="logits"):
    return real_vector(z, name)


def _log_softmax(z, name="logits"):
    """log-softmax of validated logits, or ValueError if they span more than the float range."""
    ls = log_softmax_parts(z)
    if np.isneginf(ls).any():
        raise ValueError(f"{name} differ by more than the float range (about 1.8e308): "
                         "their log-probabilities cannot be represented")
    return ls


def logsumexp(z):
    """log sum exp(z_i) = max + log1p(sum of the others' exp(z_i - max)): nothing overflows."""
    z = _logits(z)
    k = int(np.argmax(z))
    with np.errstate(over="ignore"):
        e = np.exp(z - z[k])
    e[k] = 0.0
    return float(z[k] + math.log1p(float(e.sum())))


def log_softmax(z):
    """z - logsumexp(z), formed as (z - max) - log1p(...): exact for huge logits too."""
    return _log_softmax(_logits(z))


def softmax(z):
    """exp(log_softmax(z)); tiny probabilities may underflow to 0 (their logs do not)."""
    return np.exp(_log_softmax(_logits(z)))


def sigmoid(z):
    """1 / (1 + e^-z) without overflow."""
    z = finite_number(z, "logit z")
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softplus(z):
    """log(1 + e^z), exact for large |z|."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def _xlogy(x, y):
    return 0.0 if x == 0 else x * math.log(y) if y > 0 else -math.inf


def _xlog1my(x, y):
    """x log(1 - y), 0 where x = 0, with log1p so a small y keeps its digits."""
    return 0.0 if x == 0 else x * math.log1p(-y) if y < 1 else -math.inf


def bernoulli_entropy(y):
    """H(Bern(y)) = -[y log y + (1-y) log(1-y)] for y in [0, 1]."""
    y = probability(y, "y")
    return max(-(_xlogy(y, y) + _xlog1my(1.0 - y, y)), 0.0)


def binary_cross_entropy(y, f):
    """BCE(y, f) = H(Bern(y), Bern(f)) = -[y log f + (1-y) log(1-f)], 0 log 0 = 0; y, f in [0, 1]."""
    y, f = probability(y, "target y"), probability(f, "prediction f")
    return max(-(_xlogy(y, f) + _xlog1my(1.0 - y, f)), 0.0)


def binary_cross_entropy_logit(y, z):
    """BCE(y, sigmoid(z)) = y softplus(-z) + (1-y) softplus(z), stable for any finite logit."""
    y, z = probability(y, "target y"), finite_number(z, "logit z")
    return y * _softplus(-z) + (1.0 - y) * _softplus(z)


def bernoulli_kl(y, f):
    """D(Bern(y) ‖ Bern(f)) for y, f in [0, 1]; +inf where y puts mass that f does not."""
    y, f = probability(y, "y"), probability(f, "f")
    p, q = np.array([1.0 - y, y]), np.array([1.0 - f, f])
    with np.errstate(divide="ignore"):
        lp = np.array([math.log1p(-y) if y < 1 else -math.inf, math.log(y) if y > 0 else -math.inf])
        lq = np.array([math.log1p(-f) if f < 1 else -math.inf, math.log(f) if f > 0 else -math.inf])
    return _kl_from_logs(p, q, lp, lq)


def _target_and_logits(y, z):
    y = weight_vector(y, "target")
    z = _logits(z)
    same_length(y, z, "target", "logits")
    return y / math.fsum(y.tolist()), z


def categorical_cross_entropy_logits(y, z):
    """-sum y_i log softmax(z)_i = logsumexp(z) - sum y_i z_i, exact for huge logit gaps.

    y: non-negative weights (normalised by their sum), z: finite logits of the same length.
    """
    y, z = _target_and_logits(y, z)
    ls = _log_softmax(z)
    return max(-float(np.dot(y[y > 0], ls[y > 0])), 0.0)


def categorical_kl_logits(y, z):
    """D(y ‖ softmax(z)) = sum y_i (log y_i - log softmax(z)_i); y weights as above."""
    y, z = _target_and_logits(y, z)
    ls = _log_softmax(z)
    with np.errstate(divide="ignore"):
        ly = np.log(y)
    return _kl_from_logs(y, np.exp(ls), ly, ls)


def gaussian_nll(y, f, sigma=1.0):
    """-log N(y; f, sigma^2) = 1/2 log(2 pi sigma^2) + (y - f)^2 / (2 sigma^2)."""
    y, f = finite_number(y, "target y"), finite_number(f, "prediction f")
    sigma = positive_number(sigma, "sigma")
    r = (y - f) / sigma
    return _HALF_LOG_2PI + math.log(sigma) + 0.5 * r * r


# ---------------------------------------------------------------------------------------------
# The loss lab: everything the Losses tab shows, bundled per panel. Values are in nats; convert
# with klviz.core.units.convert for display.

_finite = finite_number
_probability = probability
_vector = real_vector


def _probability_array(values, name):
    f = real_vector(values, name)
    if not ((f >= 0.0) & (f <= 1.0)).all():
        raise ValueError(f"{name} must lie in [0, 1]")
    return f


def log_sigmoid(z):
    """log sigmoid(z) = -softplus(-z): exact for any finite logit (log f of the Bernoulli)."""
    return -_softplus(-finite_number(z, "logit z"))


def logit(f):
    """The logit z with sigmoid(z) = f: log f - log(1 - f); -inf at 0, +inf at 1."""
    f = _probability(f, "f")
    if f == 0.0:
        return -math.inf
    if f == 1.0:
        return math.inf
    return math.log(f) - math.log1p(-f)


def _nonneg(x):
    x = float(x)
    return x if x > 0 else 0.0  # also turns -0.0 into 0.0


def _is_hard(y):
    return bool(np.all((y == 0.0) | (y == 1.0)))


def _bernoulli_kl_soft(y, z, log_f, log_g):
    """D(Bern(y) ‖ Bern(sigmoid(z))) for 0 < y < 1.

    Near the optimum (z close to z* = logit(y)) the sum of terms cancels to nothing, so there it is
    taken as the Bregman divergence of softplus: D = log1p(u) - y d with d = z - z*, u = y expm1(d),
    rearranged as (log1p(u) - u) + y (expm1(d) - d), two pieces without cancellation.
    """
    d = z - logit(y)
    if abs(d) <= 1.0:
        u = y * math.expm1(d)
        return _nonneg(log1pmx_scalar(u) + y * expm1mx_scalar(d))
    p, q = np.array([1.0 - y, y]), np.array([sigmoid(-z), sigmoid(z)])
    logp, logq = np.array([math.log1p(-y), math.log(y)]), np.array([log_g, log_f])
    return _kl_from_logs(p, q, logp, logq)


@dataclass(frozen=True)
class BernoulliReport:
    """Binary cross-entropy of a target y (hard or soft) against f = sigmoid(z), in nats.

    bce = H(Bern(y), Bern(f)) = entropy + kl; with a hard label (y = 0 or 1) the entropy is 0 and
    kl equals bce exactly.
    """

    y: float
    z: float
    f: float              # sigmoid(z)
    one_minus_f: float    # sigmoid(-z), exact also where f rounds to 1
    log_f: float          # log sigmoid(z), finite for any finite z
    log_one_minus_f: float
    bce: float
    entropy: float        # H(Bern(y))
    kl: float             # D(Bern(y) ‖ Bern(f))
    hard: bool


def bernoulli_report(y, z):
    """Everything the Bernoulli panel shows for target y in [0, 1] and logit z (ValueError else)."""
    y = _probability(y, "target y")
    z = _finite(z, "logit z")
    log_f, log_g = log_sigmoid(z), log_sigmoid(-z)
    bce = binary_cross_entropy_logit(y, z)
    hard = y in (0.0, 1.0)
    if hard:  # one term survives, and it is the cross-entropy's own term
        kl = -log_f if y == 1.0 else -log_g
    else:
        kl = _bernoulli_kl_soft(y, z, log_f, log_g)
    return BernoulliReport(y=y, z=z, f=sigmoid(z), one_minus_f=sigmoid(-z), log_f=log_f,
                           log_one_minus_f=log_g, bce=bce, entropy=bernoulli_entropy(y), kl=float(kl),
                           hard=hard)


def bce_curve(y, f):
    """BCE(y, f) for an array of f in [0, 1] (0 log 0 = 0; +inf where the target has mass and f has none)."""
    y = _probability(y, "target y")
    f = _probability_array(f, "f")
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(y > 0, -y * np.log(f), 0.0)
        b = np.where(y < 1, -(1.0 - y) * np.log1p(-f), 0.0)
    return np.maximum(a + b, 0.0)


def probability_grid(n=801):
    """Values of f in (0, 1) for drawing a loss over f: even in f, and dense towards both ends."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 3 <= n <= 1_000_000:
        raise ValueError(f"n must be an integer in [3, 1000000] (got {n!r})")
    even = np.linspace(0.0, 1.0, n)[1:-1]
    ends = 1.0 / (1.0 + np.exp(-np.linspace(-36.0, 36.0, n // 2)))  # still < 1: log(1 - f) finite
    return np.unique(np.concatenate([even, ends]))


@dataclass(frozen=True, eq=False)
class CategoricalReport:
    """Categorical cross-entropy of a target y (one-hot or soft) against softmax(z), in nats.

    ce = logsumexp - target_dot = entropy + kl. For two classes, `binary_*` give the same loss as
    the Bernoulli case with f = sigmoid(z_1 - z_0) and target y_1 (None for other sizes).
    """

    target: np.ndarray
    logits: np.ndarray
    probs: np.ndarray       # softmax(z); tiny entries may underflow to 0 ...
    log_probs: np.ndarray   # ... while these stay exact (log-softmax)
    logsumexp: float
    target_dot: float       # sum_i y_i z_i
    ce: float
    entropy: float          # H(y)
    kl: float               # D(y ‖ softmax z)
    ce_terms: np.ndarray    # -y_i log f_i (0 where y_i = 0); they sum to ce
    hard: bool
    hard_index: int | None
    binary_gap: float | None = None
    binary_f: float | None = None
    binary_bce: float | None = None


def categorical_report(y, z):
    """Everything the categorical panel shows. y: non-negative weights (normalised here), z: logits."""
    y = _vector(y, "target")
    z = _vector(z, "logits")
    if y.size != z.size:
        raise ValueError(f"target has {y.size} entries but there are {z.size} logits")
    if y.size < 2:
        raise ValueError("a categorical needs at least two classes")
    if np.any(y < 0) or not y.sum() > 0:
        raise ValueError("target weights must be non-negative and not all zero")
    y = y / y.sum()
    ls = _log_softmax(z)
    q = np.exp(ls)
    mask = y > 0
    ce_terms = np.zeros_like(y)
    ce_terms[mask] = -y[mask] * ls[mask]
    ce = categorical_cross_entropy_logits(y, z)
    hard = _is_hard(y)
    hard_index = int(np.argmax(y)) if hard else None
    if hard:
        kl = ce  # H(y) = 0: the one surviving term -log f_k is the cross-entropy itself
    else:
        with np.errstate(divide="ignore"):
            logy = np.log(y)
        kl = _kl_from_logs(y, q, logy, ls)
    ent = _nonneg(-float(np.dot(y[mask], np.log(y[mask]))))
    extra = {}
    if y.size == 2:
        gap = float(z[1] - z[0])
        extra = dict(binary_gap=gap, binary_f=sigmoid(gap), binary_bce=binary_cross_entropy_logit(float(y[1]), gap))
    return CategoricalReport(
        target=y, logits=z, probs=q, log_probs=ls, logsumexp=logsumexp(z),
        target_dot=float(np.dot(y, z)), ce=ce, entropy=ent, kl=float(kl), ce_terms=ce_terms,
        hard=hard, hard_index=hard_index, **extra,
    )


@dataclass(frozen=True)
class NormalReport:
    """-log N(y; f, sigma^2) = constant + squared_term, in nats (sigma = 1: 1/2 log 2pi + 1/2 (y-f)^2)."""

    y: float
    f: float
    sigma: float
    residual: float      # y - f
    constant: float      # 1/2 log(2 pi sigma^2)
    squared_term: float  # (y - f)^2 / (2 sigma^2)
    nll: float


def _sigma(sigma):
    return positive_number(sigma, "sigma")


def normal_report(y, f, sigma=1.0):
    """The Normal panel's per-sample numbers for target y, prediction f and a fixed sigma."""
    y, f, sigma = _finite(y, "target y"), _finite(f, "prediction f"), _sigma(sigma)
    r = y - f
    const = _HALF_LOG_2PI + math.log(sigma)
    sq = 0.5 * (r / sigma) ** 2
    return NormalReport(y=y, f=f, sigma=sigma, residual=r, constant=const, squared_term=sq,
                        nll=gaussian_nll(y, f, sigma))


def gaussian_nll_curve(y, f, sigma=1.0):
    """-log N(y; f_k, sigma^2) for an array of predictions f_k (a parabola in f)."""
    y, sigma = _finite(y, "target y"), _sigma(sigma)
    r = (y - real_vector(f, "f")) / sigma
    return _HALF_LOG_2PI + math.log(sigma) + 0.5 * r * r


def fit_line(x, y):
    """Least-squares line y ≈ slope x + intercept: (slope, intercept).

    Computed from centred data. If every x is the same the best line is not unique; then the slope
    is 0 and the line is the mean of y (one of the minimisers).
    """
    x, y = _vector(x, "x"), _vector(y, "y")
    if x.size != y.size:
        raise ValueError(f"{x.size} x values but {y.size} y values")
    xm, ym = float(np.mean(x)), float(np.mean(y))
    dx = x - xm
    sxx = float(np.dot(dx, dx))
    slope = float(np.dot(dx, y - ym)) / sxx if sxx > 0 else 0.0
    return slope, ym - slope * xm


def mean_squared_error(y, f):
    """(1/n) sum (y_i - f_i)^2."""
    y, f = _vector(y, "y"), _vector(f, "f")
    r = y - f
    return float(np.dot(r, r)) / r.size


def mean_gaussian_nll(y, f, sigma=1.0):
    """(1/n) sum -log N(y_i; f_i, sigma^2): the mean cross-entropy of a data set under the model.

    Summed point by point (not through the MSE), so that equality with 1/2 log(2 pi sigma^2) +
    MSE / (2 sigma^2) is a fact to check, not an assumption.
    """
    y, f, sigma = _vector(y, "y"), _vector(f, "f"), _sigma(sigma)
    r = (y - f) / sigma
    per_point = _HALF_LOG_2PI + math.log(sigma) + 0.5 * r * r
    return math.fsum(per_point.tolist()) / per_point.size


@dataclass(frozen=True, eq=False)
class DataFitReport:
    """A data set (x_i, y_i) and its least-squares line, in nats where a loss is one."""

    x: np.ndarray
    y: np.ndarray
    slope: float
    intercept: float
    predictions: np.ndarray  # slope x_i + intercept
    residuals: np.ndarray    # y_i - prediction
    mse: float
    mean_nll: float          # mean -log N(y_i; f_i, sigma^2)
    constant: float          # 1/2 log(2 pi sigma^2)
    half_mse_term: float     # MSE / (2 sigma^2): mean_nll = constant + half_mse_term
    sigma: float
    best_sigma: float        # sqrt(MSE): the sigma that would minimise the mean NLL for this line
    unique: bool             # False when all x coincide (the best line is then not unique)


def data_fit_report(x, y, sigma=1.0):
    """Fit the line, then every loss of the fitted line on the data."""
    x, y, sigma = _vector(x, "x"), _vector(y, "y"), _sigma(sigma)
    slope, intercept = fit_line(x, y)
    pred = slope * x + intercept
    mse = mean_squared_error(y, pred)
    return DataFitReport(
        x=x, y=y, slope=slope, intercept=intercept, predictions=pred, residuals=y - pred, mse=mse,
        mean_nll=mean_gaussian_nll(y, pred, sigma), constant=_HALF_LOG_2PI + math.log(sigma),
        half_mse_term=mse / (2.0 * sigma * sigma), sigma=sigma, best_sigma=math.sqrt(mse),
        unique=bool(np.ptp(x) > 0),
    )


def line_profile(x, y, slopes, sigma=1.0):
    """For each slope a, the line with its best intercept (mean y - a mean x): (MSE(a), mean NLL(a)).

    Both curves have their minimum at the least-squares slope: mean NLL = 1/2 log(2 pi sigma^2) +
    MSE / (2 sigma^2) is an increasing function of the MSE.
    """
    x, y, sigma = _vector(x, "x"), _vector(y, "y"), _sigma(sigma)
    if x.size != y.size:
        raise ValueError(f"{x.size} x values but {y.size} y values")
    a = real_vector(slopes, "slopes")
    r = (y - y.mean())[None, :] - a[:, None] * (x - x.mean())[None, :]
    mse = np.mean(r * r, axis=1)
    nll = _HALF_LOG_2PI + math.log(sigma) + np.mean(0.5 * (r / sigma) ** 2, axis=1)
    return mse, nll
