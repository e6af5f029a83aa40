"""Amari's α-divergence for continuous pairs and the α-fit of a Normal (MATH.md "Beyond KL").

D_α(P‖Q) = 1/(α(1 − α)) ∫ [α p + (1 − α) q − p^α q^(1−α)] dx for any real α, in nats (the unit
of its limits): α → 1 is D(P‖Q), α → 0 is D(Q‖P), α = ½ is 4 He², α = 2 is ½ χ²(P‖Q). The
integrand is evaluated from log densities with the expm1-type terms of `divergences`, so the
limits and P ≈ Q lose nothing.

Finite or not is decided from the tails, which the widest components of P and Q decide: for α
outside [0, 1] the integral converges iff α σ_Q² + (1 − α) σ_P² > 0 (for a Normal Q and α > 1
that is a lower bound on σ_Q, for α < 0 an upper bound).

`fit_alpha` minimises D_α(P‖N(μ, σ²)) over (μ, log σ) by a deterministic descent (Newton steps
with the exact Hessian where it is positive definite and the step is short, else natural-gradient
steps of bounded length, with an Armijo line search), so it follows the basin it starts in, as
`fit_reverse_kl` does; at a saddle it also steps down the negative curvature. Steps are kept
inside the region where D_α is finite; for a mixture D_α may keep falling right up to the edge of
that region (no barrier there), and then the fit stops at the edge and says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from klviz.core.checks import finite_number
from klviz.core.divergences import (
    ALPHA_RANGE,
    _amari,
    _amari_terms,
    _live,
    _power_shapes,
    _tails_decay,
    _widest,
    check_continuous,
)
from klviz.core.gaussian import (
    FitResult,
    _check_mixture_range,
    _comps,
    _component_logs,
    _frames_grid,
    _log_pdf,
    _log_sigma_bounds,
    _scaled,
    density_modes,
    log_density,
)
from klviz.core.spec import Mixture, Normal

_FIT_OFFSETS = np.array([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0])
_FIT_OFFSETS = np.concatenate([-_FIT_OFFSETS[:0:-1], _FIT_OFFSETS])


def check_alpha(alpha):
    """alpha as a finite float (any real number); TypeError for non-numbers, ValueError otherwise
    (klviz.core.checks rules: ints, Fractions, Decimals and numpy scalars are numbers)."""
    return finite_number(alpha, "alpha")


# =============================================================================================
# The divergence


def _finite(P, Q, alpha):
    return _tails_decay(_widest(P), _widest(Q), alpha)


def _alpha_divergence(P, Q, alpha):
    _check_mixture_range(P, Q)
    if not _finite(P, Q, alpha):
        return math.inf
    value = _amari(P, Q, alpha)[0]
    return value if math.isfinite(value) else math.inf


def alpha_divergence(P, Q, alpha):
    """Amari's D_alpha(P‖Q) in nats for Normals/Mixtures, any real alpha; +inf where the integral
    diverges (alpha outside [0, 1] with alpha σ_Q² + (1 − alpha) σ_P² <= 0, widest components)."""
    P, Q = check_continuous(P, "P"), check_continuous(Q, "Q")
    return _alpha_divergence(P, Q, check_alpha(alpha))


def finite_sigma_range(P, alpha):
    """(lo, hi): D_alpha(P‖N(mu, sigma²)) is finite iff lo < sigma < hi (any mu).

    alpha > 1: lo = σ_P sqrt((alpha − 1)/alpha); alpha < 0: hi = σ_P sqrt((1 − alpha)/(−alpha)),
    σ_P the widest component of P; otherwise (0, inf).
    """
    check_continuous(P, "P")
    alpha = check_alpha(alpha)
    return _sigma_range(_widest(P), alpha)


def _sigma_range(s_max, alpha):
    if alpha > 1:
        return s_max * math.sqrt((alpha - 1.0) / alpha), math.inf
    if alpha < 0:
        return 0.0, s_max * math.sqrt((1.0 - alpha) / -alpha)
    return 0.0, math.inf


# =============================================================================================
# The fit


@dataclass(frozen=True)
class AlphaFitResult(FitResult):
    """A FitResult (normal, path, converged) with the objective and what happened.

    `value` is D_alpha(P‖normal) in nats; `status` is "converged", "iteration limit" or
    EDGE_STATUS ("stopped at the edge of the finite region": D_alpha keeps falling towards a
    sigma where it turns infinite, so the fit stays just inside; `converged` is True then too);
    `notes` is plain text (may be empty) saying what the fit had to do, e.g. that the start was
    moved inside the finite region.
    """

    alpha: float = 1.0
    value: float = 0.0
    status: str = "converged"
    notes: str = ""


class _Objective:
    """D_alpha(P‖N(mu, e^(2 tau))) by quadrature on the frames grid of klviz.core.gaussian, with
    gradient and Hessian in (mu / sigma, tau) at the current sigma: scale-free, so the descent is
    the same for a P of scale 1e-300 or 1e300 as for one of scale 1 (the Fisher metric is
    diag(1, 2) there)."""

    def __init__(self, P, alpha):
        _check_mixture_range(P)
        self.P, self.alpha = P, alpha
        self.cp = _comps(P)
        self.s_max = float(self.cp.sigma.max())
        self.lo, self.hi = _sigma_range(self.s_max, alpha)
        self.tau_min, self.tau_max = _log_sigma_bounds(self.cp)  # where the finite region does not bound it

    def feasible(self, sigma):
        return self.lo < sigma < self.hi

    def mass_right(self, x):
        """P(X > x)."""
        c = self.cp
        return sum(w * 0.5 * math.erfc((x - m) / (s * math.sqrt(2.0)))
                   for w, m, s in zip(c.w.tolist(), c.mu.tolist(), c.sigma.tolist()))

    def __call__(self, mu, tau, derivs=True):
        """(value, gradient, Hessian) or value alone; value +inf outside the finite region.

        The grid is the frames grid over P, Q and the Gaussian shapes of p_k^α q^(1−α), with
        coarser break points and 8 nodes per panel (leaner than `alpha_divergence`'s: the optimum
        moves by ~1e-9 relative), rebuilt as Q moves."""
        sigma = math.exp(tau)
        if not self.feasible(sigma):
            return (math.inf, None, None) if derivs else math.inf
        alpha = self.alpha
        cq = _comps(Normal(mu, sigma))
        grid = _frames_grid([self.cp, cq], [self.cp, cq], nodes=8, shapes=_power_shapes(self.cp, cq, alpha),
                            offsets=_FIT_OFFSETS)
        with np.errstate(all="ignore"):
            zq, logs = _component_logs(cq, grid.base, grid.off)
            z, lq = zq[:, 0], logs[:, 0]
            lp = _log_pdf(self.cp, grid.base, grid.off)
            ell = lp - lq
            # every integrand below is homogeneous of degree 1 in (p, q): scaled densities near 1
            cross = np.where(lp > -np.inf, alpha * lp + (1.0 - alpha) * lq, -np.inf)  # log p^α q^(1−α)
            wx, lp, lq = _scaled(grid, lp, lq, cross)
            terms, scale = _amari_terms(alpha, lp, lq, np.exp(lp), np.exp(lq), -ell)
            value = float(np.dot(wx, terms)) / scale
        if not math.isfinite(value):
            return (math.inf, None, None) if derivs else math.inf
        if not derivs:
            return value
        # q φ with φ = expm1(α ℓ)/α, ℓ = log p − log q (ℓ at α = 0): dD/dθ = −∫ q φ ∂θ log q
        with np.errstate(all="ignore"):
            q = np.exp(lq)
            arg = alpha * ell
            if alpha == 0:
                qphi = q * ell
            else:
                small = np.abs(arg) <= 1.0
                qphi = np.where(small, q * np.expm1(np.where(small, arg, 0.0)), np.exp(lq + arg) - q) / alpha
            # q φ stays where q underflows: there it is (p^α q^(1−α) − q)/α, about p/α near α = 1,
            # which carries the whole gradient when Q sits far from P (masking it on q > 0 left
            # a Q 230 σ away with a gradient of 1e-18, "converged" where it started)
            qphi = np.where(lq > -np.inf, wx * qphi, 0.0)
            z2 = z * z
            s_mu, s_tau = z, z2 - 1.0  # scores in (mu / sigma, tau)
            grad = np.array([-float(np.dot(qphi, s_mu)), -float(np.dot(qphi, s_tau))])
            b = 1.0 - alpha
            h_mm = 1.0 - float(np.dot(qphi, (b * z2 - 1.0)))
            h_mt = -float(np.dot(qphi, (b * z * s_tau - 2.0 * z)))
            h_tt = 2.0 - float(np.dot(qphi, b * s_tau * s_tau - 2.0 * z2))
        hess = np.array([[h_mm, h_mt], [h_mt, h_tt]])
        if not (np.all(np.isfinite(grad)) and np.all(np.isfinite(hess))):
            return math.inf, None, None
        return value, grad, hess


def _inside(obj, sigma):
    """sigma, or a sigma well inside the finite region if `sigma` is outside it."""
    if obj.feasible(sigma):
        return sigma, ""
    if sigma <= obj.lo:
        new = obj.lo * 1.25
        why = f"σ > {obj.lo:.4g}"
    else:
        new = obj.hi / 1.25
        why = f"σ < {obj.hi:.4g}"
    return new, (f"the start σ = {sigma:.4g} makes D_α(P‖Q) infinite for α = {obj.alpha:g} (it needs "
                 f"{why}, the tails decide); the fit started from σ = {new:.4g}")


_EDGE = 1e-7  # how close (relative, in sigma) the fit may go to the edge of the finite region
EDGE_STATUS = "stopped at the edge of the finite region"


def _fisher_norm(d):
    """The length of a step (in mu / sigma, tau) in the Fisher metric diag(1, 2)."""
    return math.hypot(d[0], math.sqrt(2.0) * d[1])


def _direction(obj, mu, grad, hess, max_step, edge):
    """The step direction: Newton where the Hessian is positive definite and the step short,
    else the natural gradient, plus a push down the negative curvature at a saddle. At the edge
    of the finite region (`edge`), sigma is held and only mu moves."""
    nat = np.array([-grad[0], -0.5 * grad[1]])  # natural gradient: Fisher diag(1, 2)
    if edge:
        d = np.array([-grad[0] / hess[0, 0] if hess[0, 0] > 0 else nat[0], 0.0])
        return d if _fisher_norm(d) <= max_step or hess[0, 0] <= 0 else np.array([nat[0], 0.0])
    scale = np.array([1.0, math.sqrt(0.5)])  # Fisher^(-1/2): steps measured in its metric
    curv, vecs = np.linalg.eigh(hess * np.outer(scale, scale))
    if curv[0] > 0:
        newton = -np.linalg.solve(hess, grad)
        return newton if _fisher_norm(newton) <= max_step else nat
    if curv[0] >= -1e-9 * max(1.0, abs(curv[1])):
        return nat
    # A saddle (e.g. Q centred between two equal modes, where symmetry keeps the gradient from
    # choosing): go down the negative curvature as well, to the side that lowers D, or on a tie to
    # the side of P's larger mass, so the fit leaves the saddle deterministically.
    v = vecs[:, 0] * scale
    side = float(v @ grad)
    # |g| in the metric by hypot: far from P the gradient can be ~1e200, whose square overflows
    g_len = math.hypot(float(grad[0] * scale[0]), float(grad[1] * scale[1]))
    if abs(side) <= 1e-9 * g_len * math.hypot(float(v[0] / scale[0]), float(v[1] / scale[1])):
        side = (-1.0 if obj.mass_right(mu) > 0.5 else 1.0) * (1.0 if v[0] >= 0 else -1.0)
    v = -math.copysign(1.0, side) * v
    return nat + v * (max_step / _fisher_norm(v))


def _descend(obj, mu, sigma, max_iter, tol, max_step):
    """The descent itself: (mu, tau, value, path, status)."""
    tau_lo = math.log(obj.lo) + _EDGE if obj.lo > 0 else obj.tau_min
    tau_hi = math.log(obj.hi) - _EDGE if math.isfinite(obj.hi) else obj.tau_max
    tau = min(max(math.log(sigma), tau_lo), tau_hi)
    value, grad, hess = obj(mu, tau)
    if grad is None:
        raise ValueError("D_α(P‖Q) at the start of the fit is beyond the float range (about 1.8e308): "
                         "start it nearer P")
    path = [(mu, tau)]
    status = "iteration limit"
    for _ in range(max_iter):
        sigma = math.exp(tau)  # mu is measured in units of the current sigma
        # held at an edge that the gradient pushes against: the projected gradient decides
        edge = (tau >= tau_hi and grad[1] < 0) or (tau <= tau_lo and grad[1] > 0)
        g_free = np.array([grad[0], 0.0 if edge else grad[1]])
        if _fisher_norm(np.array([g_free[0], 0.5 * g_free[1]])) < tol:
            status = EDGE_STATUS if edge else "converged"
            break
        direction = _direction(obj, mu, grad, hess, max_step, edge)
        length = _fisher_norm(direction)
        step = min(1.0, max_step / length)
        # halve while the multiplier or the step itself is still sizeable: far from P (a start
        # where D_α is ~1e9) the gradient is so large that the first multiplier is below 1e-10
        # already, and a floor on the multiplier alone ended the fit there, "converged", unmoved
        while step > 1e-10 or step * length > 1e-10:
            new_mu = mu + sigma * (step * direction[0])
            new_tau = min(max(tau + step * direction[1], tau_lo), tau_hi)  # projected onto the region
            new_value, new_grad, new_hess = obj(new_mu, new_tau)
            slope = grad[0] * (step * direction[0]) + grad[1] * (new_tau - tau)
            if math.isfinite(new_value) and new_value <= value + 1e-4 * min(slope, 0.0):
                break
            step *= 0.5
        else:
            status = EDGE_STATUS if edge else "converged"  # no representable decrease is left
            break
        stalled = value - new_value <= 1e-15 * (1.0 + abs(value))
        mu, tau, value, grad, hess = new_mu, new_tau, new_value, new_grad, new_hess
        path.append((mu, tau))
        if stalled and (new_tau in (tau_lo, tau_hi)):
            status = EDGE_STATUS
            break
        if stalled:
            status = "converged"  # the quadrature's rounding now hides any further decrease
            break
    return mu, tau, value, path, status


def fit_alpha(P, start, alpha, max_iter=200, tol=1e-9, max_step=0.25):
    """Minimise D_alpha(P‖Q) over Normal Q from `start` (a Normal); deterministic.

    Returns an `AlphaFitResult` (normal, path from start to the optimum, converged, alpha, value
    in nats, status, notes). The fit only visits Q where D_alpha is finite; a start outside that
    region is moved inside first and `notes` says so. alpha = 1 ends at moment matching,
    alpha = 0 where `fit_reverse_kl` ends from the same start.
    """
    P = check_continuous(P, "P")
    if not isinstance(start, Normal):
        raise TypeError(f"start must be a Normal (got {type(start).__name__})")
    alpha = check_alpha(alpha)
    return _fit(_Objective(P, alpha), start, max_iter, tol, max_step)


def _fit(obj, start, max_iter=200, tol=1e-9, max_step=0.25):
    sigma, notes = _inside(obj, start.sigma)
    if obj.alpha > 1.0:
        # just inside the finite region D_α can still be beyond the float range (∫ p^α q^(1−α)
        # of ~e^3000 when Q is narrow and far from a mode): a wider Q lowers it, so the start is
        # widened until D_α is a number, and the note says so (refusing the fit left the caller
        # with no result for a valid start)
        first = sigma
        for _ in range(60):
            if obj(start.mu, math.log(sigma))[1] is not None:  # value and derivatives are numbers
                break
            sigma *= 1.25
        if sigma != first:
            notes = (notes + "; " if notes else "") + (
                f"D_α(P‖Q) at σ = {first:.4g} is beyond the float range (about 1.8e308): the fit "
                f"started from σ = {sigma:.4g}")
    mu, tau, value, path, status = _descend(obj, start.mu, sigma, max_iter, tol, max_step)
    normals = [start] + [Normal(m, math.exp(t)) for m, t in path]
    if normals[1] == start:
        normals = normals[1:]
    alpha = obj.alpha
    if 0.0 < alpha < 1.0 and len(path) == 1 and value >= (1.0 - 1e-9) / (alpha * (1.0 - alpha)):
        notes = (notes + "; " if notes else "") + (
            f"Q does not overlap P in floating point, so D_α(P‖Q) is at its largest value "
            f"1/(α(1 − α)) = {1.0 / (alpha * (1.0 - alpha)):.4g} and flat there: the descent cannot move "
            "(start Q nearer P)")
    if status == EDGE_STATUS:
        bound = obj.hi if math.isfinite(obj.hi) else obj.lo
        notes = (notes + "; " if notes else "") + (
            f"D_α(P‖Q) keeps falling towards σ = {bound:.4g}, where it turns infinite: the fit stays "
            "just inside")
    return AlphaFitResult(normals[-1], tuple(normals), status in ("converged", EDGE_STATUS), alpha=obj.alpha,
                          value=value, status=status, notes=notes)


# =============================================================================================
# The fitted (mu, sigma) over α: the inset


def peak_start(P):
    """A Normal at P's highest peak (ties: the left one) with its narrowest live component's sigma."""
    modes = density_modes(P) if isinstance(P, Mixture) else np.array([P.mu])
    heights = log_density(P, modes)
    best = int(np.flatnonzero(heights == heights.max())[0])
    return Normal(float(modes[best]), min(s for _, s in _live(P)))


@dataclass(frozen=True, eq=False)
class AlphaCurve:
    """The α-fit over a grid of α (ascending): arrays alphas, mus, sigmas, values (nats), converged,
    and notes (one string per α, empty where nothing needs saying)."""

    alphas: np.ndarray
    mus: np.ndarray
    sigmas: np.ndarray
    values: np.ndarray
    converged: np.ndarray
    notes: tuple


def alpha_curve(P, alphas=None, anchor=None, max_iter=100):
    """Fitted mu and sigma over `alphas` (default 51 values from -2 to 3), by continuation.

    The fit starts at the alpha nearest `anchor` = (alpha0, Normal) and walks outwards in both
    directions, each fit warm-started from its neighbour's result. By default it starts at the
    smallest alpha from the highest peak of P (its narrowest live component's sigma), so for a
    bimodal P the curve shows Minka's picture: inside one mode for alpha <= 0, then sliding out to
    cover both, sigma growing with alpha. Pass the live fit as `anchor` to make the curve pass
    through it.
    """
    P = check_continuous(P, "P")
    if alphas is None:
        alphas = np.linspace(*ALPHA_RANGE, 51)
    try:
        alphas = np.asarray(alphas, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("alphas must be numbers") from None
    if alphas.ndim != 1 or alphas.size == 0:
        raise ValueError("alphas must be a non-empty 1-D list of numbers")
    if not np.all(np.isfinite(alphas)):
        raise ValueError("alphas must be finite")
    alphas = np.sort(alphas)
    if anchor is None:
        a0, start = float(alphas[0]), peak_start(P)
    else:
        a0, start = check_alpha(anchor[0]), anchor[1]
        if not isinstance(start, Normal):
            raise TypeError("anchor must be (alpha, Normal)")
    n = alphas.size
    i0 = int(np.argmin(np.abs(alphas - a0)))
    results = [None] * n
    results[i0] = _fit(_Objective(P, float(alphas[i0])), start, max_iter)
    for order in (range(i0 + 1, n), range(i0 - 1, -1, -1)):
        prev = results[i0]
        for i in order:
            prev = results[i] = _fit(_Objective(P, float(alphas[i])), prev.normal, max_iter)
    return AlphaCurve(
        alphas=alphas,
        mus=np.array([r.normal.mu for r in results]),
        sigmas=np.array([r.normal.sigma for r in results]),
        values=np.array([r.value for r in results]),
        converged=np.array([r.converged for r in results]),
        notes=tuple(r.notes for r in results),
    )


__all__ = ["ALPHA_RANGE", "EDGE_STATUS", "AlphaCurve", "AlphaFitResult", "alpha_curve", "alpha_divergence",
           "check_alpha", "finite_sigma_range", "fit_alpha", "peak_start"]
