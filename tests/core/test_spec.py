"""Validation, normalisation and SPEC parsing of distributions (klviz.core.spec)."""

from __future__ import annotations

import dataclasses
import math
import re

import mpmath
import numpy as np
import pytest
from scipy.special import softmax as sp_softmax

from klviz.core import Categorical, Mixture, Normal, check_same_kind, parse_spec

NAN, INF = math.nan, math.inf


def raises_naming(fn, *patterns):
    """fn() raises ValueError whose message matches every regex in `patterns` (case-insensitive)."""
    with pytest.raises(ValueError) as info:
        fn()
    msg = str(info.value)
    for pat in patterns:
        assert re.search(pat, msg, re.IGNORECASE), f"message {msg!r} does not mention /{pat}/"
    return msg


NONFINITE = r"inf|finite"
NON_NUMBER = r"number|numeric|float|invalid|not a|parse|could not|'?abc'?"
WRONG_COUNT = r"expect|number|value|argument|parameter|count"
THETA = r"theta|between|range|\[0|probab|<="

# --------------------------------------------------------------- from_weights errors


@pytest.mark.parametrize(
    "weights,pattern",
    [
        ([], r"empty"),
        ([0.5, NAN], r"nan"),
        ([0.5, INF], NONFINITE),
        ([0.5, -INF], NONFINITE + r"|negative"),
        ([0.5, -0.1, 0.6], r"negative"),
        ([-1.0], r"negative"),
        ([0.0, 0.0, 0.0], r"zero"),
        ([0.0], r"zero"),
    ],
)
def test_from_weights_rejects(weights, pattern):
    raises_naming(lambda: Categorical.from_weights(weights, name="Wanda"), pattern, r"Wanda")


@pytest.mark.parametrize(
    "logits,pattern",
    [([], r"empty"), ([0.0, NAN], r"nan"), ([0.0, INF], NONFINITE), ([-INF, 0.0], NONFINITE)],
)
def test_from_logits_rejects(logits, pattern):
    raises_naming(lambda: Categorical.from_logits(logits, name="Lou"), pattern, r"Lou")


@pytest.mark.parametrize("theta", [-0.1, 1.1, -1e-300, 1 + 1e-12, NAN, INF, -INF])
def test_bernoulli_rejects(theta):
    raises_naming(lambda: Categorical.bernoulli(theta, name="Bea"), THETA + r"|nan|" + NONFINITE)


@pytest.mark.parametrize("sigma", [0.0, -0.0, -1.0, NAN, INF, -INF])
def test_normal_rejects_bad_sigma(sigma):
    raises_naming(lambda: Normal(0.0, sigma), r"sigma")


@pytest.mark.parametrize("mu", [NAN, INF, -INF])
def test_normal_rejects_bad_mu(mu):
    raises_naming(lambda: Normal(mu, 1.0), r"mu|mean")


@pytest.mark.parametrize("w", [-0.1, 1.5, -1e-12, NAN, INF])
def test_mixture_rejects_weight_outside_unit_interval(w):
    raises_naming(lambda: Mixture(w, (Normal(0.0, 1.0), Normal(3.0, 1.0))), r"weight")
    raises_naming(lambda: Mixture.from_params(w, 0.0, 1.0, 3.0, 1.0), r"weight")


@pytest.mark.parametrize("s1,s2", [(0.0, 1.0), (1.0, -2.0), (NAN, 1.0)])
def test_mixture_from_params_rejects_bad_sigma(s1, s2):
    raises_naming(lambda: Mixture.from_params(0.5, 0.0, s1, 3.0, s2), r"sigma")


def test_mixture_accepts_boundary_weights():
    for w in (0.0, 1.0):
        m = Mixture.from_params(w, 0.0, 1.0, 3.0, 2.0)
        assert m.weight == w
        assert tuple((c.mu, c.sigma) for c in m.components) == ((0.0, 1.0), (3.0, 2.0))


# ------------------------------------------------------------------ check_same_kind


def test_check_same_kind_length_mismatch():
    P = Categorical.from_weights([1, 1], name="P")
    Q = Categorical.from_weights([1, 1, 1], name="Q")
    raises_naming(lambda: check_same_kind(P, Q), r"length|size|number of|categories")
    raises_naming(lambda: check_same_kind(Q, P), r"length|size|number of|categories")


@pytest.mark.parametrize(
    "a,b",
    [
        (Categorical.from_weights([1, 1]), Normal(0.0, 1.0)),
        (Normal(0.0, 1.0), Categorical.from_weights([1, 1])),
        (Categorical.bernoulli(0.5), Mixture.from_params(0.5, 0.0, 1.0, 1.0, 1.0)),
    ],
)
def test_check_same_kind_discrete_vs_continuous(a, b):
    raises_naming(lambda: check_same_kind(a, b), r"discrete|continuous|kind|categorical")


def test_check_same_kind_accepts_compatible_pairs():
    check_same_kind(Categorical.from_weights([1, 2, 3]), Categorical.from_logits([0.0, 1.0, 2.0]))
    check_same_kind(Normal(0.0, 1.0), Normal(1.0, 2.0))
    check_same_kind(Normal(0.0, 1.0), Mixture.from_params(0.3, 0.0, 1.0, 4.0, 0.5))
    check_same_kind(Mixture.from_params(0.3, 0.0, 1.0, 4.0, 0.5), Normal(0.0, 1.0))


# -------------------------------------------------------------------- normalisation


def _sums_to_one(x):
    return abs(math.fsum(x) - 1.0) <= 4e-16 * max(1, len(x))


@pytest.mark.parametrize(
    "weights,expected",
    [
        ([1, 2, 7], [0.1, 0.2, 0.7]),
        ([10, 20, 70], [0.1, 0.2, 0.7]),
        ([3, 0, 1], [0.75, 0.0, 0.25]),
        ([5], [1.0]),
        ([1e-300, 3e-300], [0.25, 0.75]),
        ([1e300, 1e300], [0.5, 0.5]),
    ],
)
def test_weights_are_normalised(weights, expected):
    c = Categorical.from_weights(weights)
    assert c.normalised is True
    assert isinstance(c.probs, np.ndarray)
    np.testing.assert_allclose(c.probs, expected, rtol=1e-15, atol=0)
    assert _sums_to_one(c.probs)
    assert len(c) == len(weights)
    assert c.logits is None


@pytest.mark.parametrize("weights", [[0.25, 0.25, 0.5], [0.1, 0.2, 0.7], [1.0], [0.5, 0.0, 0.5]])
def test_probabilities_already_summing_to_one_are_not_flagged(weights):
    c = Categorical.from_weights(weights)
    assert c.normalised is False
    np.testing.assert_allclose(c.probs, weights, rtol=1e-15, atol=0)


def test_log_probs_are_minus_inf_exactly_at_zero_probability():
    c = Categorical.from_weights([0.5, 0.0, 0.5])
    assert c.log_probs[1] == -INF
    np.testing.assert_allclose(c.log_probs[[0, 2]], [math.log(0.5)] * 2, rtol=1e-15)


def test_from_logits_is_softmax_with_exact_log_probs():
    z = [0.0, 1000.0]
    c = Categorical.from_logits(z)
    with mpmath.workdps(50):
        lse = mpmath.log(1 + mpmath.exp(1000))
        ref = [float(mpmath.mpf(v) - lse) for v in z]
    assert c.log_probs[0] == ref[0] == -1000.0
    assert c.log_probs[1] == ref[1]
    np.testing.assert_array_equal(c.probs, [0.0, 1.0])
    np.testing.assert_array_equal(c.logits, z)
    assert len(c) == 2

    z2 = np.array([-1.0, 0.5, 2.0, 2.0])
    c2 = Categorical.from_logits(z2)
    np.testing.assert_allclose(c2.probs, sp_softmax(z2), rtol=1e-14)
    assert _sums_to_one(c2.probs)
    np.testing.assert_allclose(c2.log_probs, np.log(sp_softmax(z2)), rtol=1e-14)


@pytest.mark.parametrize("z", [[1000.0, 1000.0], [1e6, 1e6, 1e6], [500.0, -500.0, 499.0], [-700.0, -700.5]])
def test_from_logits_probs_sum_to_one_for_large_logits(z):
    c = Categorical.from_logits(z)
    assert _sums_to_one(c.probs)
    np.testing.assert_allclose(c.probs, sp_softmax(np.array(z)), rtol=1e-14, atol=1e-300)
    assert np.all(np.isfinite(c.log_probs))


def test_bernoulli_probs():
    np.testing.assert_allclose(Categorical.bernoulli(0.3).probs, [0.7, 0.3], rtol=1e-15)
    b0 = Categorical.bernoulli(0.0)
    np.testing.assert_array_equal(b0.probs, [1.0, 0.0])
    assert b0.log_probs[1] == -INF and b0.log_probs[0] == 0.0
    np.testing.assert_array_equal(Categorical.bernoulli(1.0).probs, [0.0, 1.0])


def test_distributions_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Normal(0.0, 1.0).sigma = 2.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Categorical.from_weights([1, 1]).normalised = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Mixture.from_params(0.5, 0.0, 1.0, 1.0, 1.0).weight = 0.2  # type: ignore[misc]


# ----------------------------------------------------------------------- parse_spec


def test_parse_plain_probabilities():
    c = parse_spec("0.1,0.2,0.7")
    assert isinstance(c, Categorical)
    np.testing.assert_allclose(c.probs, [0.1, 0.2, 0.7], rtol=1e-15)
    assert c.normalised is False


def test_parse_weights_are_normalised():
    c = parse_spec("1,2,7")
    assert isinstance(c, Categorical)
    assert c.normalised is True
    np.testing.assert_allclose(c.probs, [0.1, 0.2, 0.7], rtol=1e-15)
    c = parse_spec("1e-3,3e-3")
    np.testing.assert_allclose(c.probs, [0.25, 0.75], rtol=1e-15)


def test_parse_bernoulli():
    c = parse_spec("bernoulli:0.3")
    assert isinstance(c, Categorical)
    np.testing.assert_allclose(c.probs, [0.7, 0.3], rtol=1e-15)
    np.testing.assert_array_equal(parse_spec("bernoulli:1").probs, [0.0, 1.0])


def test_parse_softmax():
    c = parse_spec("softmax:0,1000")
    assert isinstance(c, Categorical)
    assert c.log_probs[0] == -1000.0 and c.log_probs[1] == 0.0
    np.testing.assert_array_equal(c.logits, [0.0, 1000.0])
    c3 = parse_spec("softmax:1,2,-3.5")
    np.testing.assert_allclose(c3.probs, sp_softmax([1.0, 2.0, -3.5]), rtol=1e-14)


def test_parse_normal():
    n = parse_spec("normal:1.5,0.2")
    assert isinstance(n, Normal)
    assert (n.mu, n.sigma) == (1.5, 0.2)
    n = parse_spec("normal:-1e-3,2e1")
    assert (n.mu, n.sigma) == (-1e-3, 20.0)


def test_parse_mixture():
    m = parse_spec("mixture:0.3,0,1,5,2")
    assert isinstance(m, Mixture)
    assert m.weight == 0.3
    assert [(c.mu, c.sigma) for c in m.components] == [(0.0, 1.0), (5.0, 2.0)]
    m = parse_spec("mixture:1,-2,0.5,8,1")
    assert m.weight == 1.0
    assert [(c.mu, c.sigma) for c in m.components] == [(-2.0, 0.5), (8.0, 1.0)]


@pytest.mark.parametrize(
    "text,patterns",
    [
        ("gamma:1,2", [r"unknown|family|gamma"]),
        ("poisson:3", [r"unknown|family|poisson"]),
        ("normal:1", [WRONG_COUNT]),
        ("normal:1,2,3", [WRONG_COUNT]),
        ("mixture:0.5,0,1,5", [WRONG_COUNT]),
        ("bernoulli:0.1,0.2", [WRONG_COUNT]),
        ("normal:abc,1", [NON_NUMBER]),
        ("0.1,abc", [NON_NUMBER]),
        ("bernoulli:abc", [NON_NUMBER]),
        ("", [r"empty|spec|no "]),
        ("normal:0,-1", [r"sigma"]),
        ("normal:0,0", [r"sigma"]),
        ("normal:0,nan", [r"sigma"]),
        ("mixture:1.5,0,1,5,2", [r"weight"]),
        ("mixture:0.5,0,1,5,0", [r"sigma"]),
        ("0.5,-0.5", [r"negative"]),
        ("0,0", [r"zero"]),
        ("0.1,nan", [r"nan"]),
        ("1,inf", [NONFINITE]),
        ("bernoulli:1.5", [THETA]),
        ("softmax:0,inf", [NONFINITE]),
        ("softmax:", [r"empty|" + WRONG_COUNT + "|" + NON_NUMBER]),
    ],
)
def test_parse_spec_errors(text, patterns):
    raises_naming(lambda: parse_spec(text, name="Qux"), *patterns)


@pytest.mark.parametrize("text", ["0,0", "0.5,-0.5", "1,nan", "softmax:", "bernoulli:2"])
def test_parse_spec_error_names_the_distribution(text):
    raises_naming(lambda: parse_spec(text, name="Quincy"), r"Quincy")


@pytest.mark.parametrize("components", [(Normal(0.0, 1.0),), (Normal(0.0, 1.0),) * 3])
def test_mixture_needs_exactly_two_components(components):
    raises_naming(lambda: Mixture(0.5, components), r"two|2|component")


@pytest.mark.parametrize("weights", [["abc", 1.0], [None, 1.0]])
def test_from_weights_rejects_non_numbers(weights):
    raises_naming(lambda: Categorical.from_weights(weights, name="Nina"), NON_NUMBER + r"|nan")


@pytest.mark.parametrize("text", ["1_000,1", "\uff11,\uff12", "1,\u0661", "normal:1_0,1", "normal:0,\uff11",
                                  "bernoulli:0.\uff15", "softmax:1_0,0", "mixture:0.5,0,1,1,1_0", "0x1,2"])
def test_numbers_are_ascii_decimals(text):
    """float() also reads "1_000" and non-ASCII digits; a SPEC's numbers follow the data files'
    rule (ASCII decimals only), so `--p 1_000,1` is refused rather than read as 1000 (issue 11
    audit)."""
    raises_naming(lambda: parse_spec(text, name="P"), r"not a number")


@pytest.mark.parametrize("text", ["1,2", " 1 , 2 ", ".5,7.", "1e-3,+2", "1E3,2"])
def test_plain_decimals_still_parse(text):
    assert len(parse_spec(text)) == 2
