"""klviz.scene.continuous without Qt, against references written independently (scipy's
densities and quadrature, closed forms): the curves and their signed areas, the axis span, the
readouts, a fit's path and the MSE link."""

import math

import numpy as np
import pytest
from scipy import integrate, special, stats

from klviz.core import Mixture, Normal
from klviz.scene import continuous as sc

LN2 = math.log(2.0)
BIMODAL = Mixture(0.4, (Normal(-2.0, 0.6), Normal(1.5, 1.1)))


def _pdf(d, x):
    if isinstance(d, Normal):
        return stats.norm.pdf(x, d.mu, d.sigma)
    (w1, w2), (c1, c2) = d.weights, d.components
    return w1 * stats.norm.pdf(x, c1.mu, c1.sigma) + w2 * stats.norm.pdf(x, c2.mu, c2.sigma)


def _logpdf(d, x):
    if isinstance(d, Normal):
        return stats.norm.logpdf(x, d.mu, d.sigma)
    (w1, w2), (c1, c2) = d.weights, d.components
    return special.logsumexp([math.log(w1) + stats.norm.logpdf(x, c1.mu, c1.sigma),
                              math.log(w2) + stats.norm.logpdf(x, c2.mu, c2.sigma)], axis=0)


def _kl_closed(p, q):
    return math.log(q.sigma / p.sigma) + (p.sigma**2 + (p.mu - q.mu) ** 2) / (2 * q.sigma**2) - 0.5


def _kl_quad(P, Q, lo=-40, hi=40):
    def f(x):
        a = _pdf(P, x)
        return a * (_logpdf(P, x) - _logpdf(Q, x)) if a > 0 else 0.0
    return integrate.quad(f, lo, hi, limit=400, points=[-2, 0, 1.5])[0]


def test_span_covers_every_component():
    lo, hi = sc.span(Normal(1.0, 2.0), BIMODAL)
    assert lo == pytest.approx(min(1 - 8.0, -2 - 4 * 0.6, 1.5 - 4 * 1.1))
    assert hi == pytest.approx(max(1 + 8.0, -2 + 4 * 0.6, 1.5 + 4 * 1.1))


@pytest.mark.parametrize("P, Q", [(Normal(0.0, 1.0), Normal(1.0, 1.5)), (BIMODAL, Normal(0.5, 2.0)),
                                  (Normal(0.3, 0.8), BIMODAL)])
@pytest.mark.parametrize("unit, base", [("nats", 1.0), ("bits", LN2)])
def test_curves_densities_and_signed_areas(P, Q, unit, base):
    xr = (-12.0, 12.0)
    c = sc.curves(P, Q, unit, xr)
    assert c.x[0] == pytest.approx(xr[0]) and c.x[-1] == pytest.approx(xr[1])
    assert np.all(np.diff(c.x) > 0)
    np.testing.assert_allclose(c.p, _pdf(P, c.x), rtol=1e-9, atol=1e-300)
    np.testing.assert_allclose(c.q, _pdf(Q, c.x), rtol=1e-9, atol=1e-300)
    assert c.top == pytest.approx(max(_pdf(P, c.x).max(), _pdf(Q, c.x).max()), rel=1e-12)
    # each mixture's weighted parts add up to its density; a Normal has none
    for d, parts, dens in ((P, c.parts_p, c.p), (Q, c.parts_q, c.q)):
        if isinstance(d, Normal):
            assert parts == []
        else:
            assert len(parts) == 2
            np.testing.assert_allclose(sum(parts), dens, rtol=1e-9, atol=1e-300)
    # the integrands' signed areas are the divergences, in the unit
    ref_pq = (_kl_closed(P, Q) if isinstance(P, Normal) and isinstance(Q, Normal) else _kl_quad(P, Q)) / base
    ref_qp = (_kl_closed(Q, P) if isinstance(P, Normal) and isinstance(Q, Normal) else _kl_quad(Q, P)) / base
    assert np.trapezoid(c.f_pq, c.x) == pytest.approx(ref_pq, rel=2e-3, abs=1e-6)
    assert np.trapezoid(c.f_qp, c.x) == pytest.approx(ref_qp, rel=2e-3, abs=1e-6)
    pointwise = _pdf(P, c.x) * (_logpdf(P, c.x) - _logpdf(Q, c.x)) / base
    ok = np.isfinite(pointwise)
    np.testing.assert_allclose(c.f_pq[ok], pointwise[ok], rtol=1e-6, atol=1e-12)
    lo, hi = c.integrand_span
    assert lo == pytest.approx(min(c.f_pq.min(), c.f_qp.min())) and hi == pytest.approx(max(c.f_pq.max(), c.f_qp.max()))


def test_curves_in_the_far_tail_are_zero_never_nan():
    c = sc.curves(Normal(0.0, 1.0), Normal(0.0, 1e-3), "nats", (-1e6, 1e6))
    for arr in (c.p, c.q, c.f_pq, c.f_qp):
        assert not np.isnan(arr).any()
    assert (c.q >= 0).all()


@pytest.mark.parametrize("P, Q", [(Normal(0.0, 0.1), Normal(1.0, 1.0)), (Normal(0.0, 0.1), Normal(0.05, 0.12)),
                                  (Normal(0.0, 1.0), Normal(1.0, 1.5))])
def test_readouts_values_and_negative_keys(P, Q):
    def h(d):
        return 0.5 * math.log(2 * math.pi * math.e * d.sigma**2)

    def cross(a, b):
        return 0.5 * math.log(2 * math.pi * b.sigma**2) + (a.sigma**2 + (a.mu - b.mu) ** 2) / (2 * b.sigma**2)

    ref = {"entropy_p": h(P), "entropy_q": h(Q), "cross_entropy_pq": cross(P, Q), "cross_entropy_qp": cross(Q, P),
           "kl_pq": _kl_closed(P, Q), "kl_qp": _kl_closed(Q, P)}
    r = sc.readouts(sc.measures(P, Q, "nats"), "neg")
    assert set(r.values) == set(ref)
    for k, v in ref.items():
        assert r.values[k] == pytest.approx(v, rel=1e-10, abs=1e-14), k
    assert r.notes == {k: "neg" for k in sc.NEGATIVE_KEYS if ref[k] < 0}


def test_forward_fit_matches_moments_and_its_path_is_evenly_drawn():
    P, Q = BIMODAL, Normal(3.0, 0.5)
    result = sc.fit(P, Q, "forward")
    mean = 0.4 * -2.0 + 0.6 * 1.5
    var = 0.4 * (0.6**2 + 4.0) + 0.6 * (1.1**2 + 2.25) - mean**2
    assert result.normal.mu == pytest.approx(mean, rel=1e-12)
    assert result.normal.sigma == pytest.approx(math.sqrt(var), rel=1e-12)
    path = sc.fit_path(result, Q, (-6.0, 6.0))
    assert len(path.frames) == sc.FIT_FRAMES
    assert path.frames[0] == result.path[0] and path.frames[-1] == result.normal
    np.testing.assert_allclose(path.mus, [n.mu for n in path.frames])
    np.testing.assert_allclose(path.peaks, [stats.norm.pdf(0, 0, n.sigma) for n in path.frames], rtol=1e-12)
    assert path.top == pytest.approx(max(stats.norm.pdf(0, 0, n.sigma) for n in path.frames))
    gx, ghost = path.ghost
    assert gx[0] == pytest.approx(-6.0) and gx[-1] == pytest.approx(6.0)
    np.testing.assert_allclose(ghost, stats.norm.pdf(gx, 3.0, 0.5), rtol=1e-9, atol=1e-300)
    part = path.upto(5)
    assert len(part.mus) == 5 and part.top == pytest.approx(max(path.peaks[:5]))


def test_reverse_fit_settles_on_a_mode_and_unknown_kinds_are_refused():
    P = Mixture(0.5, (Normal(-3.0, 0.5), Normal(3.0, 0.5)))
    result = sc.fit(P, Normal(2.0, 1.0), "reverse")
    assert result.normal.mu == pytest.approx(3.0, abs=0.05)
    with pytest.raises(ValueError, match="unknown fit"):
        sc.fit(P, Normal(2.0, 1.0), "sideways")


@pytest.mark.parametrize("P", [Normal(0.7, 1.3), BIMODAL])
def test_mse_link_is_the_cross_entropy_to_a_unit_variance_q(P):
    mu_q = -0.4
    link = sc.mse_link(P, Normal(mu_q, 1.0), "bits")
    ref = integrate.quad(lambda x: -_pdf(P, x) * stats.norm.logpdf(x, mu_q, 1.0), -40, 40, limit=400)[0]
    assert link["total"] == pytest.approx(ref / LN2, rel=1e-9)
    mean = integrate.quad(lambda x: x * _pdf(P, x), -40, 40, limit=400)[0]
    assert link["mean_p"] == pytest.approx(mean, rel=1e-9, abs=1e-12)
    assert link["error"] == pytest.approx(mean - mu_q, rel=1e-9)
    assert link["terms"][2] == pytest.approx(0.5 * (mean - mu_q) ** 2 / LN2, rel=1e-9)
    assert link["terms"][0] == pytest.approx(0.5 * math.log(2 * math.pi) / LN2, rel=1e-12)
    with pytest.raises(ValueError):
        sc.mse_link(P, BIMODAL, "nats")


def test_the_printed_figures_curves():
    P, Q = BIMODAL, Normal(0.5, 0.05)
    c = sc.print_curves(P, Q)
    assert c.origin == 0.0 and c.P is P and c.Q is Q
    lo = min(-2 - 4.5 * 0.6, 1.5 - 4.5 * 1.1, 0.5 - 4.5 * 0.05)
    hi = max(-2 + 4.5 * 0.6, 1.5 + 4.5 * 1.1, 0.5 + 4.5 * 0.05)
    assert c.x[0] == pytest.approx(lo) and c.x[-1] == pytest.approx(hi)
    near = c.x[np.abs(c.x - 0.5) < 6 * 0.05]  # the narrow Q gets its own points
    assert near.size >= 90
    np.testing.assert_allclose(c.log_p, _logpdf(P, c.x), rtol=1e-10)
    np.testing.assert_allclose(c.log_q, _logpdf(Q, c.x), rtol=1e-10)
    f_pq, f_qp = sc.print_integrands(c.log_p, c.log_q, "bits")
    np.testing.assert_allclose(f_pq, _pdf(P, c.x) * (_logpdf(P, c.x) - _logpdf(Q, c.x)) / LN2, rtol=1e-8, atol=1e-300)
    assert np.trapezoid(f_qp, c.x) == pytest.approx(_kl_quad(Q, P, -3, 4) / LN2, rel=1e-3)


def test_the_printed_figure_counts_x_from_far_out_pairs():
    P, Q = Normal(1e150, 1.0), Normal(1e150, 2.0)
    c = sc.print_curves(P, Q)
    assert c.origin == 1e150 and c.P == Normal(0.0, 1.0) and c.Q == Normal(0.0, 2.0)
    assert c.x[0] == pytest.approx(-9.0) and c.x[-1] == pytest.approx(9.0)
    c = sc.print_curves(Normal(0.0, 1.0), Normal(1.0, 1.0), span=(-2.0, 2.0))
    assert c.x[0] == -2.0 and c.x[-1] == 2.0
