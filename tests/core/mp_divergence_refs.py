"""mpmath references for the divergences beyond KL at the edges of valid input.

Every divergence here (TV, Hellinger, χ², Rényi, Amari's α) is invariant under x -> (x - c) / s,
so each pair is first moved, exactly in mpmath, into the frame of one of its components; the
references are then closed forms (two Normals) or mpmath quadrature (mixtures) at moderate
numbers, whatever the floats' magnitudes. Nothing here uses klviz's arithmetic.
"""

from __future__ import annotations

import math

import mpmath

FLOAT_MAX = mpmath.mpf(1.7976931348623157e308)
FLOAT_TINY = mpmath.mpf(2.2250738585072014e-308)


def _exact(*values):
    with mpmath.workprec(4400):  # every float and difference of floats is exact here
        return [mpmath.mpf(v) for v in values]


def _reduce(mu_p, s_p, mu_q, s_q):
    """(d, r) = ((mu_p - mu_q) / s_q, s_p / s_q) at the working precision."""
    mp_, sp, mq, sq = _exact(mu_p, s_p, mu_q, s_q)
    with mpmath.workprec(4400):
        d, r = (mp_ - mq) / sq, sp / sq
    return +d, +r


def _phi(x):
    if x == mpmath.inf or x > 10**8:
        return mpmath.mpf(1)
    if x == -mpmath.inf or x < -10**8:
        return mpmath.mpf(0)
    return mpmath.ncdf(x)


def normal_ref(what, mu_p, s_p, mu_q, s_q, alpha=None, dps=200):
    """TV ("tv"), Hellinger ("he"), χ²(P‖Q) ("chi2") or D_alpha(P‖Q) ("renyi", alpha in (0, inf])
    of two Normals: the MATH.md closed forms on the reduced pair N(d, r²) vs N(0, 1); TV from
    the Normal CDF at the crossing points (at 700 digits: a TV of 1e-300 needs them)."""
    with mpmath.workdps(700 if what == "tv" else dps):
        d, r = _reduce(mu_p, s_p, mu_q, s_q)
        if what == "renyi":
            if alpha == math.inf:
                if r >= 1:
                    return mpmath.mpf(0) if (r == 1 and d == 0) else mpmath.inf
                return -mpmath.log(r) + d**2 / (2 * (1 - r**2))
            a = mpmath.mpf(alpha)
            if a == 1:
                return -mpmath.log(r) + (r**2 - 1) / 2 + d**2 / 2
            sa2 = a + (1 - a) * r**2
            if sa2 <= 0:
                return mpmath.inf
            return -mpmath.log(r) - mpmath.log(sa2) / (2 * (a - 1)) + a * d**2 / (2 * sa2)
        if what == "chi2":
            den = 2 - r**2
            if den <= 0:
                return mpmath.inf
            return mpmath.expm1(-mpmath.log(r) - mpmath.log(den) / 2 + d**2 / den)
        if what == "he":
            return mpmath.sqrt(-mpmath.expm1(mpmath.log(2 * r / (1 + r**2)) / 2 - d**2 / (4 * (1 + r**2))))
        if what == "tv":
            if r > 1:  # symmetric: make P the narrower one
                d, r = _reduce(mu_q, s_q, mu_p, s_p)
            # in P's standard coordinate v (x = d + r v): log p - log q = a v² + b v + c
            a, b, c = (r**2 - 1) / 2, d * r, d**2 / 2 - mpmath.log(r)
            if a == 0:
                roots = [-c / b] if b != 0 else []
            else:
                disc = b * b - 4 * a * c
                roots = [] if disc < 0 else sorted([(-b - mpmath.sqrt(disc)) / (2 * a),
                                                    (-b + mpmath.sqrt(disc)) / (2 * a)])
            pts = [-mpmath.inf] + roots + [mpmath.inf]

            def q_cdf(v):
                return _phi(d + r * v) if abs(v) != mpmath.inf else _phi(v)

            return sum(abs((_phi(hi) - _phi(lo)) - (q_cdf(hi) - q_cdf(lo))) for lo, hi in zip(pts, pts[1:])) / 2
    raise ValueError(what)


def _components(d, c, s):
    """[(w, mu, sigma)] of a Normal or Mixture as mpf in the frame x -> (x - c) / s."""
    raw = [(1.0, d)] if not hasattr(d, "components") else [(d.weight, d.components[0]), (None, d.components[1])]
    out = []
    with mpmath.workprec(4400):
        c, s = mpmath.mpf(c), mpmath.mpf(s)
        w1 = mpmath.mpf(raw[0][0])
        for w, n in raw:
            w = w1 if w is not None else 1 - w1  # 1 - w exactly
            if w > 0:
                out.append((w, (mpmath.mpf(n.mu) - c) / s, mpmath.mpf(n.sigma) / s))
    return [(+w, +m, +sd) for w, m, sd in out]


def _pdf(cs):
    k = [(w / (sd * mpmath.sqrt(2 * mpmath.pi)), m, 1 / (2 * sd**2)) for w, m, sd in cs]
    return lambda x: mpmath.fsum(a * mpmath.exp(-b * (x - m) ** 2) for a, m, b in k)


def _frame(P):
    """(c, s): P's heaviest component's mean and sigma."""
    if not hasattr(P, "components"):
        return P.mu, P.sigma
    c = P.components[0] if P.weight >= 0.5 else P.components[1]
    return c.mu, c.sigma


def _cuts(cp, cq, extra=()):
    pts = set(extra)
    for _, m, s in cp + cq:
        pts.update(m + k * s for k in (-40, -20, -12, -8, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 8, 12, 20, 40))
    return [-mpmath.inf] + sorted(pts) + [mpmath.inf]


def _shapes(cp, cq, a):
    """Cut points around the Gaussian shapes of p_k^a q_j^(1-a)."""
    out = []
    for _, mk, sk in cp:
        for _, mj, sj in cq:
            lam = a / sk**2 + (1 - a) / sj**2
            if lam > 0:
                c = (a * mk / sk**2 + (1 - a) * mj / sj**2) / lam
                out += [c + k / mpmath.sqrt(lam) for k in (-30, -12, -5, -2, 0, 2, 5, 12, 30)]
    return out


def _crossings(p, q, cp, cq, n=1500):
    g = lambda x: mpmath.log(p(x)) - mpmath.log(q(x))  # noqa: E731
    lo = min(m - 15 * s for _, m, s in cp + cq)
    hi = max(m + 15 * s for _, m, s in cp + cq)
    xs = [lo + (hi - lo) * mpmath.mpf(i) / n for i in range(n + 1)]
    gs = [g(x) for x in xs]
    return ([mpmath.findroot(g, (xs[i], xs[i + 1]), solver="anderson") for i in range(n) if gs[i] * gs[i + 1] < 0]
            + [xs[i] for i in range(n + 1) if gs[i] == 0])


def mixture_ref(P, Q, what, alpha=None, dps=40):
    """TV, Hellinger, χ²(P‖Q), D_alpha (Rényi, finite alpha) or Amari's A_alpha ("amari", any
    real alpha) of Normals/Mixtures by mpmath quadrature in P's heaviest component's frame."""
    with mpmath.workdps(dps):
        c, s = _frame(P)
        cp, cq = _components(P, c, s), _components(Q, c, s)
        p, q = _pdf(cp), _pdf(cq)
        if what == "tv":
            return mpmath.quad(lambda x: abs(p(x) - q(x)), _cuts(cp, cq, _crossings(p, q, cp, cq))) / 2
        if what == "he":
            return mpmath.sqrt(mpmath.quad(lambda x: (mpmath.sqrt(p(x)) - mpmath.sqrt(q(x))) ** 2, _cuts(cp, cq)) / 2)
        if what in ("chi2", "renyi", "amari"):
            # MATH.md: the integral of p^a q^(1-a) converges iff its tails decay, which the widest
            # components decide: a σ_Q² + (1 - a) σ_P² > 0
            a = mpmath.mpf(2 if what == "chi2" else alpha)
            if not a * max(sd for _, _, sd in cq) ** 2 + (1 - a) * max(sd for _, _, sd in cp) ** 2 > 0:
                return mpmath.inf
        if what == "chi2":
            return mpmath.quad(lambda x: (p(x) - q(x)) ** 2 / q(x), _cuts(cp, cq, _shapes(cp, cq, 2)))
        a = mpmath.mpf(alpha)
        if a == 0:
            f = lambda x: q(x) * mpmath.log(q(x) / p(x)) - q(x) + p(x)  # noqa: E731
        elif a == 1:
            f = lambda x: p(x) * mpmath.log(p(x) / q(x)) - p(x) + q(x)  # noqa: E731
        else:
            f = lambda x: (a * p(x) + (1 - a) * q(x) - p(x) ** a * q(x) ** (1 - a)) / (a * (1 - a))  # noqa: E731
        amari = mpmath.quad(f, _cuts(cp, cq, _shapes(cp, cq, a)))  # non-negative terms: no cancellation
        if what == "amari":
            return amari
        if what == "renyi":  # ∫ p^a q^(1-a) = 1 + (a - 1) a A
            return amari if a == 1 else mpmath.log1p((a - 1) * a * amari) / (a - 1)
    raise ValueError(what)


def mixture_sup_log_ratio(P, Q, dps=40):
    """D_inf = log sup p/q (finite case) in P's heaviest component's frame: a scan, then the root
    of the derivative."""
    with mpmath.workdps(dps):
        c, s = _frame(P)
        cp, cq = _components(P, c, s), _components(Q, c, s)
        p, q = _pdf(cp), _pdf(cq)
        g = lambda x: mpmath.log(p(x)) - mpmath.log(q(x))  # noqa: E731
        lo = min(m - 12 * sd for _, m, sd in cp + cq)
        hi = max(m + 12 * sd for _, m, sd in cp + cq)
        xs = [lo + (hi - lo) * mpmath.mpf(i) / 2000 for i in range(2001)]
        best = max(xs, key=g)
        return g(mpmath.findroot(lambda x: mpmath.diff(g, x), best))


def rel_err(got, ref):
    """|got - ref| / |ref| (0 when both are 0; for ref beyond the float range, 0 iff got is inf;
    for ref below the normal range the absolute error over 1e-320 decides)."""
    ref = mpmath.mpf(ref)
    if ref > FLOAT_MAX:
        return 0.0 if got == math.inf else math.inf
    if not math.isfinite(got):
        return math.inf
    err = abs(mpmath.mpf(got) - ref)
    if ref == 0:
        return 0.0 if got == 0 else math.inf
    if abs(ref) < FLOAT_TINY:
        return 0.0 if err <= 1e-320 else float(err / abs(ref))
    return float(err / abs(ref))
