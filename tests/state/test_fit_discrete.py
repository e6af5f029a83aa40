"""The discrete "Fit Q to P": gradient descent on Q's logits, checked against scipy's entropy and
relative entropy (independent of the code under test) and against the theory (monotone below
rate 4, Q -> P, H(P,Q) - D(P‖Q) = H(P) at every iterate)."""

import math

import numpy as np
import pytest
from scipy.special import rel_entr, softmax
from scipy.stats import entropy as sp_entropy

from klviz.state.fit_discrete import fit_q_to_p

PAIRS = [
    ([0.1, 0.4, 0.3, 0.15, 0.05], [0.3, 0.1, 0.2, 0.2, 0.2]),
    ([0.5, 0.25, 0.125, 0.125], [0.01, 0.01, 0.01, 0.97]),
    ([0.98, 0.01, 0.01], [0.01, 0.01, 0.98]),
    tuple(list(np.random.default_rng(seed).dirichlet(np.full(30, 5.0))) for seed in (3, 4)),
]


@pytest.mark.parametrize("p,q", PAIRS)
@pytest.mark.parametrize("rate", [0.5, 1.0, 2.0, 3.5])
def test_kl_decreases_monotonically_and_the_gap_is_the_entropy(p, q, rate):
    h = fit_q_to_p(p, q, rate=rate, max_iterations=3000)
    assert h.converged and h.iterations > 3
    assert np.all(np.diff(h.kl) < 0)  # strictly, every step
    assert np.all(np.diff(h.cross_entropy) < 0)
    hp = sp_entropy(p)
    for qk, ce, kl in zip(h.qs, h.cross_entropy, h.kl):
        assert kl == pytest.approx(rel_entr(p, qk).sum(), abs=1e-12)
        assert ce == pytest.approx(hp + rel_entr(p, qk).sum(), abs=1e-12)
        assert abs((ce - kl) - hp) <= 1e-12
    assert h.entropy == pytest.approx(hp, abs=1e-14)
    assert h.kl[-1] <= 1e-10


def test_each_iterate_is_one_gradient_step_on_the_logits():
    p, q = np.array(PAIRS[0][0]), np.array(PAIRS[0][1])
    h = fit_q_to_p(p, q, rate=1.0, max_iterations=5)
    z = np.log(q)
    for qk in h.qs:
        np.testing.assert_allclose(qk, softmax(z), rtol=1e-13, atol=0)
        z = z - 1.0 * (softmax(z) - p)  # d/dz of -sum p log softmax(z) is softmax(z) - p


def test_converges_to_p():
    p, q = PAIRS[1]
    h = fit_q_to_p(p, q, rate=2.0, max_iterations=5000, tolerance=0.0)
    np.testing.assert_allclose(h.qs[-1], p, atol=1e-9)
    assert h.converged and h.kl[-1] == 0.0  # run to the floor of float arithmetic
    short = fit_q_to_p(p, q, rate=2.0, max_iterations=3)
    assert short.iterations == 3 and not short.converged


def test_units():
    h = fit_q_to_p(*PAIRS[0])
    ce, kl, hp = h.in_unit("bits")
    assert hp == pytest.approx(sp_entropy(PAIRS[0][0], base=2), rel=1e-13)
    np.testing.assert_allclose(ce - kl, hp, atol=1e-12)


def test_zeros():
    # Q = 0 where P is not: D = inf, no finite logit; the start is Q smoothed, and the fit still ends at P
    h = fit_q_to_p([0.5, 0.5, 0.0], [1.0, 0.0, 0.0], max_iterations=5000)
    assert h.smoothed and np.all(np.isfinite(h.kl)) and h.kl[-1] < 1e-3  # Q's mass outside P drains like 1/t
    np.testing.assert_allclose(h.qs[-1], [0.5, 0.5, 0.0], atol=1e-3)
    assert np.all(np.diff(h.kl) < 0)
    # P = 0 where Q is not: Q's mass there drains away
    h = fit_q_to_p([0.5, 0.5, 0.0], [0.2, 0.3, 0.5])
    assert not h.smoothed and h.qs[-1][2] < 0.01 and np.all(np.diff(h.kl) < 0)


@pytest.mark.parametrize("kwargs,message", [
    (dict(p=[0.5, 0.5], q=[0.5, 0.5], rate=4.0), "rate"),
    (dict(p=[0.5, 0.5], q=[0.5, 0.5], rate=0.0), "rate"),
    (dict(p=[0.5, 0.5], q=[0.5, 0.5], rate=float("nan")), "rate"),
    (dict(p=[0.5, 0.5], q=[0.3, 0.3, 0.4]), "same number"),
    (dict(p=[0.5, 0.6], q=[0.5, 0.5]), "sum to 1"),
    (dict(p=[1.5, -0.5], q=[0.5, 0.5]), "non-negative"),
    (dict(p=[float("nan"), 1.0], q=[0.5, 0.5]), "finite"),
    (dict(p=[1.0], q=[1.0]), "at least 2"),
    (dict(p=[0.5, 0.5], q=[0.5, 0.5], max_iterations=0), "iterations"),
    (dict(p=[0.5, 0.5], q=[0.5, 0.5], max_iterations=2.5), "iterations"),
])
def test_bad_input_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        fit_q_to_p(**kwargs)


def test_q_equal_to_p_needs_no_step():
    h = fit_q_to_p([0.2, 0.8], [0.2, 0.8])
    assert h.iterations == 0 and h.converged


def test_the_default_rate_reaches_p_with_small_probabilities():
    # ten categories, three of them near 0.01: at the old default rate (1) the 400 iterations
    # ended at D = 1e-7 nats, short of the tolerance; the default now reaches Q = P
    p = [0.334, 0.154, 0.198, 0.013, 0.027, 0.021, 0.101, 0.108, 0.011, 0.034]
    q = [0.103, 0.007, 0.009, 0.084, 0.18, 0.26, 0.068, 0.126, 0.073, 0.09]
    p = np.array(p) / sum(p)
    q = np.array(q) / sum(q)
    h = fit_q_to_p(p, q)
    assert h.converged and h.iterations < 400
    assert sum(pi * math.log(pi / qi) for pi, qi in zip(p, h.qs[-1])) < 1e-10  # D(P‖Q) by hand
    np.testing.assert_allclose(h.qs[-1], p, atol=1e-5)
    assert np.all(np.diff(h.kl) < 0)
