"""The public functions of klviz.core (docs/CORE_API.md) refuse bad input by name, never with a
silent 0, NaN or a numpy warning: ValueError or TypeError whose message names the problem."""

from __future__ import annotations

import math
import re
import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from klviz import core
from klviz.core import Categorical, Mixture, Normal, gaussian, losses, sampling
from klviz.core.checks import MAX_ENTRIES, NotNumbersError

N01, N12 = Normal(0.0, 1.0), Normal(1.0, 2.0)
MIX = Mixture.from_params(0.3, -1.0, 0.5, 2.0, 1.0)

# Bad values per kind of argument: (value, regex the message must match)
NUMBERS = r"number|numeric|real"
VECTOR_BAD = [
    ([0.5, math.nan], r"nan"),
    ([], r"empty"),
    ([[0.5, 0.5]], r"1-d|flat|dimension"),
    (np.ones((2, 2)), r"1-d|flat|dimension"),
    ("0.5,0.5", NUMBERS + r"|str"),
    (["0.5", "0.5"], NUMBERS),
    ([True, False], r"bool"),
    (np.array([True, False]), r"bool"),
    ([True, 0.5], r"bool"),
    (np.array([0.5, 0.5], dtype=object), r"object"),
    ([10**400, 1], r"too large"),
    ([Decimal("1e400"), 1], r"too large"),
    ([None, 1.0], NUMBERS),
    ([1 + 1j, 1.0], NUMBERS + r"|complex"),
    (np.zeros(MAX_ENTRIES + 1) + 1.0, r"entries|at most"),
    ({"a": 1}, NUMBERS + r"|dict"),
    (0.5, r"1-d|flat|dimension"),
]
WEIGHTS_BAD = VECTOR_BAD + [
    ([0.5, -0.1], r"negative"),
    ([-0.5, 1.5], r"negative"),
    ([0.0, 0.0], r"zero"),
    ([0.5, math.inf], r"infinite|finite"),
]
LOGITS_BAD = VECTOR_BAD + [([0.0, math.inf], r"infinite|finite")]
SCALAR_BAD = [
    (math.nan, r"nan"),
    (math.inf, r"finite"),
    (-math.inf, r"finite"),
    ("1", NUMBERS),
    (True, r"bool"),
    (None, NUMBERS),
    (10**400, r"too large"),
    (Decimal("1e400"), r"too large"),
    (1j, NUMBERS),
    ([1.0], NUMBERS),
    (np.array([1.0]), NUMBERS),
    (np.array(True), NUMBERS + r"|bool"),
]
POSITIVE_BAD = SCALAR_BAD + [(0.0, r"> 0|positive"), (-1.0, r"> 0|positive")]
PROB_BAD = SCALAR_BAD + [(-0.1, r"\[0, 1\]"), (1.5, r"\[0, 1\]")]
INT_BAD = [(2.5, r"integer"), ("3", r"integer"), (True, r"integer"), (None, r"integer"), (-1, r"\[")]
DIST_BAD = [(None, r"normal|mixture"), ([0.0, 1.0], r"normal|mixture"), ("normal:0,1", r"normal|mixture")]
UNIT_BAD = [("bytes", r"unit"), (None, r"unit"), (["nats"], r"unit")]

# (function, good positional arguments, {position: bad values})
P2, Q2 = [0.2, 0.8], [0.5, 0.5]
CASES = [
    (core.entropy, (P2,), {0: WEIGHTS_BAD}),
    (core.cross_entropy, (P2, Q2), {0: WEIGHTS_BAD, 1: WEIGHTS_BAD}),
    (core.kl_divergence, (P2, Q2), {0: WEIGHTS_BAD, 1: WEIGHTS_BAD}),
    (core.kl_terms, (P2, Q2), {0: WEIGHTS_BAD, 1: WEIGHTS_BAD}),
    (core.js_divergence, (P2, Q2), {0: WEIGHTS_BAD, 1: WEIGHTS_BAD}),
    (core.support_mismatch, (P2, Q2), {0: WEIGHTS_BAD, 1: WEIGHTS_BAD}),
    (core.entropy, (P2, "nats"), {1: UNIT_BAD}),
    (Categorical.from_weights, (P2,), {0: WEIGHTS_BAD}),
    (Categorical.from_logits, ([0.0, 1.0],), {0: LOGITS_BAD}),
    (Categorical.bernoulli, (0.3,), {0: PROB_BAD}),
    (Normal, (0.0, 1.0), {0: SCALAR_BAD, 1: POSITIVE_BAD}),
    (Mixture.from_params, (0.3, 0.0, 1.0, 1.0, 1.0), {0: PROB_BAD, 1: SCALAR_BAD, 2: POSITIVE_BAD}),
    (core.normal_entropy, (1.0,), {0: POSITIVE_BAD}),
    (core.normal_kl, (0.0, 1.0, 1.0, 2.0), {0: SCALAR_BAD, 1: POSITIVE_BAD, 2: SCALAR_BAD,
                                            3: POSITIVE_BAD}),
    (core.normal_cross_entropy, (0.0, 1.0, 1.0, 2.0), {1: POSITIVE_BAD, 2: SCALAR_BAD}),
    (core.log_density, (MIX, [0.0, 1.0]), {0: DIST_BAD, 1: VECTOR_BAD[:-3]}),
    (core.differential_entropy, (MIX,), {0: DIST_BAD}),
    (core.continuous_cross_entropy, (MIX, N01), {0: DIST_BAD, 1: DIST_BAD}),
    (core.continuous_kl, (MIX, N01), {0: DIST_BAD, 1: DIST_BAD}),
    (core.continuous_measures, (MIX, N01), {0: DIST_BAD, 1: DIST_BAD}),
    (core.continuous_measures, (MIX, N01, "nats"), {2: UNIT_BAD}),
    (core.moment_match, (MIX,), {0: DIST_BAD}),
    (core.fit_reverse_kl, (MIX, N01, 50), {0: DIST_BAD, 1: DIST_BAD + [(MIX, r"normal")],
                                      2: INT_BAD}),
    (core.fit_forward_kl, (MIX, N01, 60), {1: DIST_BAD + [(MIX, r"normal")], 2: INT_BAD}),
    (gaussian.integrand, (MIX, N01, [0.0, 1.0]), {0: DIST_BAD, 2: VECTOR_BAD[:-3]}),
    (gaussian.drawing_grid, (-1.0, 1.0, (MIX,), 801), {0: SCALAR_BAD, 1: SCALAR_BAD, 3: INT_BAD}),
    (gaussian.density_modes, (MIX,), {0: DIST_BAD}),
    (gaussian.fit_reverse_kl_nearest_mode, (MIX, N01), {0: DIST_BAD, 1: DIST_BAD}),
    (gaussian.resample_path, ((N01, N12), 5), {1: INT_BAD}),
    (gaussian.unit_variance_terms, (MIX, 0.0), {0: DIST_BAD, 1: SCALAR_BAD}),
    (losses.logsumexp, ([0.0, 1.0],), {0: LOGITS_BAD}),
    (losses.log_softmax, ([0.0, 1.0],), {0: LOGITS_BAD}),
    (losses.softmax, ([0.0, 1.0],), {0: LOGITS_BAD}),
    (losses.sigmoid, (0.5,), {0: SCALAR_BAD}),
    (losses.log_sigmoid, (0.5,), {0: SCALAR_BAD}),
    (losses.logit, (0.5,), {0: PROB_BAD}),
    (losses.bernoulli_entropy, (0.5,), {0: PROB_BAD}),
    (losses.binary_cross_entropy, (0.5, 0.3), {0: PROB_BAD, 1: PROB_BAD}),
    (losses.binary_cross_entropy_logit, (0.5, 0.3), {0: PROB_BAD, 1: SCALAR_BAD}),
    (losses.bernoulli_kl, (0.5, 0.3), {0: PROB_BAD, 1: PROB_BAD}),
    (losses.categorical_cross_entropy_logits, (Q2, [0.0, 1.0]), {0: WEIGHTS_BAD, 1: LOGITS_BAD}),
    (losses.categorical_kl_logits, (Q2, [0.0, 1.0]), {0: WEIGHTS_BAD, 1: LOGITS_BAD}),
    (losses.gaussian_nll, (0.5, 0.3, 1.0), {0: SCALAR_BAD, 1: SCALAR_BAD, 2: POSITIVE_BAD}),
    (losses.bernoulli_report, (0.5, 0.3), {0: PROB_BAD, 1: SCALAR_BAD}),
    (losses.bce_curve, (0.5, [0.1, 0.9]), {0: PROB_BAD, 1: VECTOR_BAD[:-3]}),
    (losses.probability_grid, (11,), {0: INT_BAD}),
    (losses.categorical_report, (Q2, [0.0, 1.0]), {1: LOGITS_BAD}),
    (losses.normal_report, (0.5, 0.3), {0: SCALAR_BAD, 1: SCALAR_BAD}),
    (losses.gaussian_nll_curve, (0.5, [0.1, 0.9]), {0: SCALAR_BAD, 1: VECTOR_BAD[:-3]}),
    (losses.fit_line, ([0.0, 1.0], [1.0, 2.0]), {0: LOGITS_BAD, 1: LOGITS_BAD}),
    (losses.mean_squared_error, ([0.0, 1.0], [1.0, 2.0]), {0: LOGITS_BAD}),
    (losses.mean_gaussian_nll, ([0.0, 1.0], [1.0, 2.0], 1.0), {0: LOGITS_BAD, 2: POSITIVE_BAD}),
    (losses.data_fit_report, ([0.0, 1.0], [1.0, 2.0], 1.0), {0: LOGITS_BAD, 2: POSITIVE_BAD}),
    (losses.line_profile, ([0.0, 1.0], [1.0, 2.0], [0.5, 1.0]), {0: LOGITS_BAD, 2: LOGITS_BAD}),
    (sampling.code_lengths, (Q2,), {0: WEIGHTS_BAD}),
    (sampling.running_mean, ([0.5, 1.0],), {0: VECTOR_BAD[:-4]}),
    (sampling.sample_log_ratios, (P2, Q2, 5, np.random.default_rng(0)),
     {0: WEIGHTS_BAD, 2: INT_BAD, 3: [(None, r"generator"), (42, r"generator")]}),
    (core.parse_spec, ("0.2,0.8",), {0: [(None, r"text"), (0.5, r"text")]}),
]


def _cases():
    for fn, good, bad_by_position in CASES:
        for pos, bads in bad_by_position.items():
            for value, pattern in bads:
                args = list(good)
                args[pos] = value
                name = getattr(fn, "__qualname__", str(fn))
                yield pytest.param(fn, tuple(args), pattern, id=f"{name}-arg{pos}-{_short(value)}")


def _short(value):
    text = repr(value) if not isinstance(value, np.ndarray) else f"array{value.shape}{value.dtype}"
    return text[:30]


@pytest.mark.parametrize("fn,good", [pytest.param(fn, good, id=getattr(fn, "__qualname__", "?"))
                                     for fn, good, _ in CASES])
def test_the_good_arguments_work(fn, good):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fn(*good)


@pytest.mark.parametrize("fn,args,pattern", list(_cases()))
def test_bad_input_is_refused_by_name(fn, args, pattern):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy warning is not a refusal
        with pytest.raises((ValueError, TypeError)) as info:
            fn(*args)
    msg = str(info.value)
    assert re.search(pattern, msg, re.IGNORECASE), f"{msg!r} does not name the problem /{pattern}/"


def test_the_issue_examples_no_longer_return_zero():
    for bad in ([math.nan, 1.0], [-0.5, 1.5]):
        with pytest.raises(ValueError):
            core.entropy(bad)


def test_not_numbers_is_both_type_and_value_error():
    """Callers that catch ValueError (sessions, the CLI) keep working; TypeError says what it is."""
    with pytest.raises(TypeError):
        core.entropy(["a", "b"])
    with pytest.raises(ValueError):
        core.entropy(["a", "b"])
    assert issubclass(NotNumbersError, TypeError) and issubclass(NotNumbersError, ValueError)


def test_numbers_of_other_types_are_accepted():
    """Exact types that floats can hold are numbers: ints, Fractions, Decimals, numpy scalars."""
    assert core.entropy([Fraction(1, 2), Decimal("0.5")]) == pytest.approx(math.log(2.0))
    assert core.entropy(np.array([1, 3], dtype=np.int64)) == pytest.approx(core.entropy([0.25, 0.75]))
    assert core.normal_entropy(np.float32(2.0)) == pytest.approx(core.normal_entropy(2.0))


def test_weights_are_normalised_by_their_exact_sum():
    """The plain-array functions take weights (MATH.md): [1, 3] is [1/4, 3/4]."""
    assert core.kl_divergence([1, 3], [2, 2]) == core.kl_divergence([0.25, 0.75], [0.5, 0.5])
    assert core.kl_terms([2, 6], [1, 1]).tolist() == core.kl_terms([0.25, 0.75], [0.5, 0.5]).tolist()


@pytest.mark.parametrize("make", [
    lambda: Categorical(np.array([0.5, math.nan]), np.array([-0.7, math.nan])),
    lambda: Categorical(np.array([0.5, 0.7]), np.log(np.array([0.5, 0.7]))),    # not normalised
    lambda: Categorical(np.array([1.5, -0.5]), np.array([0.4, -math.inf])),
    lambda: Categorical(np.array([[0.5, 0.5]]), np.array([[-0.7, -0.7]])),
    lambda: Categorical([0.5, 0.5], [-0.7, -0.7]),                                # not arrays
    lambda: Categorical(np.array([0.5, 0.5]), np.array([-0.7])),
])
def test_discrete_measures_checks_its_categoricals(make):
    good = Categorical.from_weights([1, 1])
    with pytest.raises((ValueError, TypeError)):
        core.discrete_measures(make(), good)
    with pytest.raises((ValueError, TypeError)):
        core.discrete_measures(good, make())


def test_discrete_measures_refuses_other_types_and_lengths():
    good = Categorical.from_weights([1, 1])
    with pytest.raises(TypeError, match="Categorical"):
        core.discrete_measures([0.5, 0.5], good)
    with pytest.raises(ValueError, match="length"):
        core.discrete_measures(good, Categorical.from_weights([1, 1, 1]))


def test_the_state_path_still_works():
    """The GUI passes Categorical(p, log p) of its (valid) state straight to discrete_measures."""
    p = np.array([0.2, 0.0, 0.8])
    with np.errstate(divide="ignore"):
        P = Categorical(p, np.log(p))
    Q = Categorical.from_weights([1, 1, 1])
    m = core.discrete_measures(P, Q)
    assert m.kl_pq == pytest.approx(core.kl_divergence(p, [1, 1, 1]), rel=1e-15)


def test_format_value_refuses_nan():
    with pytest.raises(ValueError, match="NaN"):
        core.format_value(math.nan)
    assert core.format_value(math.inf) == "∞"


def test_convert_refuses_nan():
    """convert is public (CORE_API "Units"): a NaN is refused, scalar or in an array, never passed
    on as a value in another unit (the audit of issue 11 found convert(nan, "bits") == nan)."""
    for value in (math.nan, np.float64("nan"), np.array(math.nan)):
        with pytest.raises(ValueError, match="NaN"):
            core.convert(value, "bits")
    assert core.convert(math.inf, "bits") == math.inf
    assert np.array_equal(core.convert(np.array([math.log(2.0), math.inf]), "bits"), [1.0, math.inf])


def test_spec_ranges_are_held_at_the_boundary():
    for text, pattern in (("normal:0,1e-301", r"sigma"), ("normal:1e301,1", r"mu"),
                          ("mixture:0.5,0,1,0,1e301", r"sigma"), ("1e400,1", r"too large"),
                          ("normal:0,1e400", r"too large")):
        with pytest.raises(ValueError, match=pattern):
            core.parse_spec(text)
    with pytest.raises(ValueError, match="sigma"):
        core.continuous_from_dict({"family": "normal", "mu": 0.0, "sigma": 1e-310})
