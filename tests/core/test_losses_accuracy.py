"""The accuracy docs/CORE_API.md promises for the loss functions, moment_match and code_lengths,
against mpmath at 1000 digits (never klviz): a seeded sweep of random logits up to ±1000, targets
and predictions in (0, 1), sigma 1e-3..1e3. (Added by the audit of issue 11, which found these
promises unstated.)"""

import math
import random
import warnings

import mpmath
import pytest

from klviz.core import Mixture, moment_match
from klviz.core import losses as L

CASES = 120


def rel(got, ref):
    ref = mpmath.mpf(ref)
    return abs(mpmath.mpf(got) - ref) / abs(ref) if ref != 0 else abs(mpmath.mpf(got))


def draws():
    rnd = random.Random(20261201)
    for _ in range(CASES):
        def z():
            return rnd.choice([1, -1]) * 10 ** rnd.uniform(-3, 3)
        yield rnd, z


@pytest.fixture(autouse=True)
def _strict():
    with warnings.catch_warnings(), mpmath.workdps(1000):
        warnings.simplefilter("error")
        yield


def test_logit_losses_are_accurate():
    for rnd, z in draws():
        zs = [z() for _ in range(rnd.randint(2, 8))]
        mz = [mpmath.mpf(v) for v in zs]
        lse = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in mz))
        assert rel(L.logsumexp(zs), lse) <= 1e-13
        for got, v in zip(L.log_softmax(zs), mz):
            if v - lse < -1e-300:
                assert rel(got, v - lse) <= 1e-13, (zs, got)
        y = [rnd.random() for _ in zs]
        total = mpmath.fsum(mpmath.mpf(v) for v in y)
        my = [mpmath.mpf(v) / total for v in y]
        ce = lse - mpmath.fsum(a * b for a, b in zip(my, mz))
        assert rel(L.categorical_cross_entropy_logits(y, zs), ce) <= 1e-13
        h = -mpmath.fsum(a * mpmath.log(a) for a in my if a > 0)
        assert rel(L.categorical_kl_logits(y, zs), ce - h) <= 1e-9
        t = mpmath.mpf(z())
        s = L.sigmoid(float(t))
        ref = 1 / (1 + mpmath.exp(-t))
        assert rel(s, ref) <= 1e-13 or (ref < 2.3e-308 and abs(s - ref) <= 1e-320)  # subnormal: absolute
        yy = rnd.random()
        bce = mpmath.mpf(yy) * mpmath.log1p(mpmath.exp(-t)) + (1 - mpmath.mpf(yy)) * mpmath.log1p(mpmath.exp(t))
        assert rel(L.binary_cross_entropy_logit(yy, float(t)), bce) <= 1e-13


def test_probability_losses_and_gaussian_nll_are_accurate():
    for rnd, z in draws():
        y, f = rnd.random(), rnd.random()
        my, mf = mpmath.mpf(y), mpmath.mpf(f)
        assert rel(L.binary_cross_entropy(y, f), -(my * mpmath.log(mf) + (1 - my) * mpmath.log(1 - mf))) <= 1e-13
        assert rel(L.bernoulli_entropy(y), -(my * mpmath.log(my) + (1 - my) * mpmath.log(1 - my))) <= 1e-13
        f = y + (f - 0.5) * 10 ** rnd.uniform(-6, 0) * min(y, 1 - y)  # near the minimum too
        mf = mpmath.mpf(f)
        kl = my * mpmath.log(my / mf) + (1 - my) * mpmath.log((1 - my) / (1 - mf))
        assert rel(L.bernoulli_kl(y, f), kl) <= 1e-9, (y, f)
        s, a, b = 10 ** rnd.uniform(-3, 3), z(), z()
        ms = mpmath.mpf(s)
        ref = mpmath.log(2 * mpmath.pi * ms ** 2) / 2 + (mpmath.mpf(a) - b) ** 2 / (2 * ms ** 2)
        assert rel(L.gaussian_nll(a, b, sigma=s), ref) <= 1e-13


def test_moment_match_is_accurate():
    for rnd, z in draws():
        w, m1, m2 = rnd.random(), z(), z()
        s1, s2 = 10 ** rnd.uniform(-3, 3), 10 ** rnd.uniform(-3, 3)
        N = moment_match(Mixture.from_params(w, m1, s1, m2, s2))
        mw = mpmath.mpf(w)
        mean = mw * m1 + (1 - mw) * m2
        var = (mw * (mpmath.mpf(s1) ** 2 + mpmath.mpf(m1) ** 2)
               + (1 - mw) * (mpmath.mpf(s2) ** 2 + mpmath.mpf(m2) ** 2) - mean ** 2)
        assert abs(N.mu - mean) <= 1e-15 * (abs(m1) + abs(m2))
        assert rel(N.sigma, mpmath.sqrt(var)) <= 1e-13
