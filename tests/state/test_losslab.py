"""The loss lab's state (klviz.state.losslab): clamping, class counts, targets, data points."""

import math

import pytest
from scipy.special import expit

from klviz.state import losslab as lab

def test_bernoulli_state_clamps():
    s = lab.BernoulliState()
    assert lab.set_target(s, 1.7).y == 1.0 and lab.set_target(s, -2).y == 0.0
    assert lab.set_target(s, math.nan) == s
    assert lab.set_logit(s, 1e9).z == lab.MAX_LOGIT
    t = lab.set_prediction(s, 0.25)
    assert expit(t.z) == pytest.approx(0.25, rel=1e-14)
    for f in (-3.0, 0.0, 1.0, 4.0):
        assert math.isfinite(lab.set_prediction(s, f).z)


def test_categorical_state_operations():
    s = lab.CategoricalState()
    assert s.n == 4 and s.mode == lab.ONE_HOT
    s = lab.set_one_hot(s, 2)
    assert s.target == (0.0, 0.0, 1.0, 0.0)
    s = lab.set_classes(s, 2)
    assert s.n == 2 and s.logits == (2.0, 1.0) and s.target == (0.0, 1.0)
    s = lab.set_classes(s, 5)
    assert s.logits[2:] == (0.0, 0.0, 0.0) and sum(s.target) == 1.0
    s = lab.set_mode(s, lab.SOFT)
    s = lab.set_target_probability(s, 0, 0.4)
    assert s.target[0] == 0.4 and math.fsum(s.target) == pytest.approx(1.0, abs=1e-12)
    s = lab.set_mode(s, lab.ONE_HOT)
    assert sorted(s.target)[-1] == 1.0 and sum(s.target) == 1.0
    s = lab.smooth_target(s, 0.1)
    assert s.mode == lab.SOFT and max(s.target) == pytest.approx(0.92)
    s = lab.set_logits(s, (0.0, 1000.0))
    assert s.n == 2 and len(s.target) == 2
    for bad in ((1.0,), tuple(range(11)), (0.0, math.inf)):
        with pytest.raises(ValueError):
            lab.set_logits(s, bad)
    with pytest.raises(ValueError):
        lab.set_target_weights(s, (1.0, -1.0))
    assert lab.set_target_weights(s, (1.0, 3.0)).target == (0.25, 0.75)


def test_parse_numbers():
    assert lab.parse_numbers("2, 1.5;-0.3  4") == (2.0, 1.5, -0.3, 4.0)
    for bad in ("", "1, x", "1, inf", "nan"):
        with pytest.raises(ValueError):
            lab.parse_numbers(bad)


def test_normal_state_operations():
    s = lab.NormalState()
    assert s.sigma_used == 1.0 and lab.set_sigma(s, 3.0).sigma_used == 1.0
    assert lab.set_free_sigma(lab.set_sigma(s, 3.0), True).sigma_used == 3.0
    assert lab.set_sigma(s, 0.0).sigma == lab.SIGMA_RANGE[0]
    t = lab.move_point(s, 0, 100.0, -100.0)
    assert (t.xs[0], t.ys[0]) == (lab.DATA_X[1], lab.DATA_Y[0])
    t = lab.add_point(s, 0.5, 0.5)
    assert len(t.xs) == len(s.xs) + 1 and t.xs[-1] == 0.5
    t = lab.remove_point(t, 0)
    assert t.xs == s.xs[1:] + (0.5,)
    tiny = lab.NormalState(xs=(0.0, 1.0), ys=(0.0, 1.0))
    assert lab.remove_point(tiny, 0) == tiny  # at least two points stay
    assert lab.reset_data(t).xs == lab.DEFAULT_X
