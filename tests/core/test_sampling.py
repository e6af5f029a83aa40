"""The sampling demonstration converges to D(P‖Q) (reference: scipy) and code lengths are -log2 q."""

import math

import numpy as np
from scipy.special import rel_entr

from klviz.core.sampling import code_lengths, kl_estimate, running_mean


def test_running_mean_is_the_prefix_mean():
    v = np.array([1.0, 3.0, -2.0, 6.0])
    assert np.allclose(running_mean(v), [np.mean(v[:k]) for k in range(1, 5)])


def test_estimate_converges_to_kl():
    p = np.array([0.5, 0.3, 0.2])
    q = np.array([0.2, 0.2, 0.6])
    ref = rel_entr(p, q).sum()
    _, est = kl_estimate(p, q, 200_000, np.random.default_rng(0))
    # standard error of the mean of log p/q under P
    lr = np.log(p / q)
    se = math.sqrt((p * (lr - ref) ** 2).sum() / 200_000)
    assert abs(est[-1] - ref) < 5 * se
    _, bits = kl_estimate(p, q, 1000, np.random.default_rng(1), unit="bits")
    _, nats = kl_estimate(p, q, 1000, np.random.default_rng(1))
    assert np.allclose(bits, nats / math.log(2))


def test_support_mismatch_gives_infinite_estimate():
    _, est = kl_estimate([0.5, 0.5], [1.0, 0.0], 200, np.random.default_rng(2))
    assert math.isinf(est[-1])


def test_code_lengths():
    assert np.allclose(code_lengths([0.5, 0.25, 0.25]), [1, 2, 2])
    assert math.isinf(code_lengths([1.0, 0.0])[1])


# The audit of issue 11 (against mpmath, never klviz): code_lengths lost the log(1 - eps) of a
# probability that rounds to 1 (-0.0 bits for weights 1e-17, 1) and running_mean returned NaN for
# +inf and -inf together.


def test_code_length_of_a_probability_near_one_keeps_its_log1p():
    import mpmath
    import pytest

    for w in ([1e-17, 1.0], [3.0, 1e-300, 2e-17], [1.0, 5e-324]):
        got = code_lengths(w)
        with mpmath.workprec(2000):
            ws = [mpmath.mpf(x) for x in w]
            total = mpmath.fsum(ws)
            ref = [-mpmath.log(x / total, 2) for x in ws]
        for g, r in zip(got, ref):
            if r < mpmath.mpf("2.3e-308"):
                assert abs(g - r) <= 1e-320 and math.copysign(1.0, g) == 1.0, (w, g, r)
            else:
                assert abs(g - r) <= 1e-13 * r, (w, g, mpmath.nstr(r, 17))
    with pytest.raises(ValueError, match="negative"):
        code_lengths([-1.0, 2.0])


def test_running_mean_of_both_infinities_is_refused():
    import pytest

    with pytest.raises(ValueError, match="undefined"):
        running_mean([math.inf, -math.inf])
    assert running_mean([1.0, math.inf]).tolist() == [1.0, math.inf]
