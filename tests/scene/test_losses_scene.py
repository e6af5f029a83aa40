"""klviz.scene.losses without Qt, against references written independently (mpmath, scipy,
numpy.polyfit, brute force): every panel's numbers, curves, points and axes."""

import math

import mpmath
import numpy as np
import pytest
from scipy import special, stats

from klviz.scene import losses as sl
from klviz.state.losslab import DATA_X, NORMAL_RANGE, BernoulliState, CategoricalState, NormalState

LN2 = math.log(2.0)


def _mp_bce(y, z):
    f = 1 / (1 + mpmath.exp(-mpmath.mpf(z)))
    y = mpmath.mpf(y)
    return float(-(y * mpmath.log(f) if y else 0) - ((1 - y) * mpmath.log(1 - f) if y != 1 else 0))


def _mp_h(y):
    y = mpmath.mpf(y)
    return float(-sum(t * mpmath.log(t) for t in (y, 1 - y) if t > 0))


@pytest.mark.parametrize("y, z", [(0.8, -0.5), (1.0, 2.0), (0.0, 3.0), (0.3, 12.0), (1.0, -30.0)])
@pytest.mark.parametrize("unit, base", [("nats", 1.0), ("bits", LN2)])
def test_bernoulli(y, z, unit, base):
    with mpmath.workdps(40):
        bce, h = _mp_bce(y, z), _mp_h(y)
    s = sl.bernoulli(BernoulliState(y, z), unit)
    assert s.bce == pytest.approx(bce / base, rel=1e-12)
    assert s.entropy == pytest.approx(h / base, rel=1e-12, abs=1e-15)
    assert s.report.kl == pytest.approx(bce - h, rel=1e-9, abs=1e-12)
    assert s.top == pytest.approx(4.0 / base)
    f = 1 / (1 + math.exp(-z))
    assert s.point[0] == pytest.approx(f, rel=1e-12)
    assert s.point[1] == pytest.approx(min(bce / base, 4.0 / base), rel=1e-12)
    assert s.above == (bce / base > 4.0 / base)
    assert s.gap == pytest.approx((f, min(h / base, s.top), min(bce / base, s.top)), rel=1e-12)


def test_bernoulli_curve():
    f, loss = sl.bernoulli_curve(0.3, "bits")
    assert 0 < f.min() and f.max() < 1 and np.all(np.diff(f) > 0)
    ref = -(0.3 * np.log(f) + 0.7 * np.log1p(-f)) / LN2
    np.testing.assert_allclose(loss, ref, rtol=1e-12)


@pytest.mark.parametrize("logits, target", [((2.0, 1.0, 0.1, -1.0), (1.0, 0.0, 0.0, 0.0)),
                                            ((0.5, -0.5), (0.3, 0.7)), ((40.0, -3.0, 7.5), (0.2, 0.5, 0.3))])
def test_categorical(logits, target):
    s = sl.categorical(CategoricalState(logits, target), "bits")
    log_f = special.log_softmax(np.array(logits))
    ce = -float(np.dot(target, log_f))
    h = float(stats.entropy(target))
    assert s.report.ce == pytest.approx(ce, rel=1e-12)
    assert s.report.entropy == pytest.approx(h, rel=1e-12, abs=1e-15)
    assert s.report.kl == pytest.approx(ce - h, rel=1e-9, abs=1e-12)
    assert s.labels == [str(i) for i in range(len(logits))]
    need = max(1.15 * max(abs(v) for v in logits), 5.0)
    rounds = sorted(m * 10.0**k for k in range(-3, 5) for m in (1, 2, 2.5, 5))
    assert s.logit_bound == min(r for r in rounds if r >= need * (1 - 1e-12))
    if len(logits) == 2:
        z = logits[1] - logits[0]
        assert s.binary_bce == pytest.approx(_mp_bce(target[1], z) / LN2, rel=1e-12)
    else:
        assert s.binary_bce is None


@pytest.mark.parametrize("y, f, sigma, free", [(1.0, -0.5, 1.0, False), (2.0, 1.5, 0.3, True), (-4.0, 4.5, 1.0, False)])
def test_normal_point(y, f, sigma, free):
    st = NormalState(y=y, f=f, sigma=sigma, free_sigma=free)
    s_used = sigma if free else 1.0
    s = sl.normal_point(st, "bits")
    nll = -stats.norm.logpdf(y, f, s_used)
    c = 0.5 * math.log(2 * math.pi * s_used**2)
    assert s.nll == pytest.approx(nll / LN2, rel=1e-12)
    assert s.constant == pytest.approx(c / LN2, rel=1e-12)
    assert s.y_range == pytest.approx((min(0.0, c - 0.5) / LN2, (c + 5.0) / LN2), rel=1e-12)
    hi = s.y_range[1]
    assert s.point == pytest.approx((f, min(nll / LN2, hi)))
    assert s.above == (nll / LN2 > hi)
    fx, curve = sl.normal_curve(y, s_used, "bits")
    assert fx[0] == NORMAL_RANGE[0] and fx[-1] == NORMAL_RANGE[1]
    np.testing.assert_allclose(curve, -stats.norm.logpdf(y, fx, s_used) / LN2, rtol=1e-12)


def test_normal_data():
    xs, ys = (-3.0, -1.0, 0.5, 2.0, 3.5), (-2.0, 0.3, 0.2, 1.9, 2.4)
    st = NormalState(xs=xs, ys=ys, sigma=0.8, free_sigma=True)
    s = sl.normal_data(st, "nats")
    a, b = np.polyfit(xs, ys, 1)
    assert s.report.slope == pytest.approx(a, rel=1e-10) and s.report.intercept == pytest.approx(b, rel=1e-10)
    x0, x1 = DATA_X[0] - 0.04 * (DATA_X[1] - DATA_X[0]), DATA_X[1] + 0.04 * (DATA_X[1] - DATA_X[0])
    assert s.line[0] == pytest.approx([x0, x1])
    assert s.line[1] == pytest.approx([a * x0 + b, a * x1 + b], rel=1e-10)
    rx, ry = s.residuals
    np.testing.assert_allclose(rx, np.repeat(xs, 2))
    np.testing.assert_allclose(ry, np.column_stack([ys, a * np.array(xs) + b]).ravel(), rtol=1e-10)
    # the profile: for each slope the best intercept, brute force
    for i in (0, 77, 150, 300):
        k = sl.SLOPES[i]
        bk = np.mean(ys) - k * np.mean(xs)
        r = np.array(ys) - (k * np.array(xs) + bk)
        assert s.profile_half_mse[i] == pytest.approx(0.5 * np.mean(r**2), rel=1e-10)
        assert s.profile_nll[i] == pytest.approx(-np.mean(stats.norm.logpdf(r, 0, 0.8)), rel=1e-10)
    mse = np.mean((np.array(ys) - (a * np.array(xs) + b)) ** 2)
    fit_nll = -np.mean(stats.norm.logpdf(np.array(ys), a * np.array(xs) + b, 0.8))
    assert s.fit == pytest.approx((fit_nll, 0.5 * mse), rel=1e-10)
    assert s.top >= 1.6 * max(s.fit) + 1.0 and s.top <= 2 * (1.6 * max(s.fit) + 1.0)
