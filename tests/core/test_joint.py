"""Joint distributions: entropies and mutual information against mpmath, edits, presets, SPECs.

The reference works in mpmath at 800 digits on the exact stored floats, normalised by their exact
sum (enough digits for tables that hold 1e-300 next to 0.5), and nothing in it uses klviz.
"""

from __future__ import annotations

import json
import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from klviz.core.joint import (
    JOINT_PRESETS,
    MAX_EDIT,
    Joint,
    check_joint_probs,
    information_diagram,
    joint_measures,
    joint_preset,
    parse_joint_spec,
    resize_joint,
    set_cell,
    set_column_marginal,
    set_row_marginal,
)

QUANTITIES = ("entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
              "conditional_entropy_y_given_x", "mutual_information")


def reference(P, dps=800):
    """Every measure of the distribution P / sum(P), from the definitions, in mpmath."""
    with mpmath.workdps(dps):
        rows = [[mpmath.mpf(float(v)) for v in row] for row in np.asarray(P)]
        total = mpmath.fsum(v for row in rows for v in row)
        pi = [[v / total for v in row] for row in rows]
        n, m = len(pi), len(pi[0])
        px = [mpmath.fsum(row) for row in pi]
        py = [mpmath.fsum(pi[i][j] for i in range(n)) for j in range(m)]

        def h(values):
            return -mpmath.fsum(v * mpmath.log(v) for v in values if v > 0)

        cells = [(i, j) for i in range(n) for j in range(m) if pi[i][j] > 0]
        return {
            "entropy_x": h(px), "entropy_y": h(py), "joint_entropy": h(v for row in pi for v in row),
            "conditional_entropy_x_given_y": -mpmath.fsum(pi[i][j] * mpmath.log(pi[i][j] / py[j]) for i, j in cells),
            "conditional_entropy_y_given_x": -mpmath.fsum(pi[i][j] * mpmath.log(pi[i][j] / px[i]) for i, j in cells),
            "mutual_information": mpmath.fsum(pi[i][j] * mpmath.log(pi[i][j] / (px[i] * py[j])) for i, j in cells),
        }


def relative_error(got, want):
    with mpmath.workdps(800):
        if want == 0:
            return abs(mpmath.mpf(got))
        return float(abs(mpmath.mpf(got) - want) / abs(want))


RNG = np.random.default_rng(20260417)
A6, B5 = RNG.dirichlet(np.ones(6)), RNG.dirichlet(np.ones(5))
SWAP = np.zeros((6, 5))
SWAP[0, 0] = SWAP[1, 1] = 1.0
SWAP[0, 1] = SWAP[1, 0] = -1.0  # keeps both marginals: outer + c * SWAP is "near independent"

CASES = {
    "random 12x12": RNG.dirichlet(np.ones(144)).reshape(12, 12),
    "random 3x7 with zeros": np.where(RNG.random((3, 7)) < 0.3, 0.0, RNG.random((3, 7))),
    "counts": np.array([[3.0, 1.0], [7.0, 1e6]]),
    "near independent 1e-3": np.outer(A6, B5) + 1e-5 * SWAP,
    "near independent 1e-6": np.outer(A6, B5) + 1e-8 * SWAP,
    "near independent 1e-9": np.outer(A6, B5) + 1e-11 * SWAP,
    "near deterministic": np.eye(4) * (1 - 1e-10) + (1e-10 / 12) * (1 - np.eye(4)),
    "one dominant cell": np.array([[1 - 1e-12, 1e-12], [0.0, 0.0]]),
    "tiny cells": np.array([[1e-300, 0.5], [0.5, 1e-300]]),
    "subnormal cells": np.array([[5e-324, 0.5], [0.5, 1e-310]]),
    "one row": np.array([[0.2, 0.3, 0.5]]),
    "one cell": np.array([[7.0]]),
    "large 40x30": RNG.gamma(0.3, size=(40, 30)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_measure_matches_mpmath_to_1e_12(name):
    P = CASES[name]
    m = joint_measures(P)
    ref = reference(Joint.from_weights(P).probs)
    for key in QUANTITIES:
        got = getattr(m, key)
        assert got >= 0.0
        if ref[key] == 0:
            assert got == 0.0, (key, got)
        else:
            assert relative_error(got, ref[key]) <= 1e-12, (key, got, ref[key])


def test_near_independent_information_is_tiny_and_still_relative_accurate():
    P = CASES["near independent 1e-9"]
    ref = reference(Joint.from_weights(P).probs)["mutual_information"]
    assert 1e-22 < ref < 1e-17  # the cancellation a difference of entropies could not survive
    assert relative_error(joint_measures(P).mutual_information, ref) <= 1e-12


def test_independent_tables_give_zero_information():
    # exactly independent in binary: I is exactly 0
    assert joint_measures([[0.25, 0.25], [0.25, 0.25]]).mutual_information == 0.0
    assert joint_measures(np.outer([0.5, 0.25, 0.25], [0.125, 0.875])).mutual_information == 0.0
    # a float outer product is independent only up to rounding: its exact I is ~1e-33
    for seed in range(5):
        rng = np.random.default_rng(seed)
        P = np.outer(rng.dirichlet(np.ones(7)), rng.dirichlet(np.ones(9)))
        got = joint_measures(P).mutual_information
        ref = reference(Joint.from_weights(P).probs, dps=100)["mutual_information"]
        assert 0.0 <= got <= 1e-30
        assert abs(mpmath.mpf(got) - ref) <= 1e-13 * ref + 1e-30


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)),
              elements=st.one_of(st.just(0.0), st.floats(1e-6, 1e3))))
def test_identities_hold_for_any_table(w):
    if not w.any():
        w[0, 0] = 1.0
    m = joint_measures(w)
    hxy = m.joint_entropy
    tol = 1e-12 * max(hxy, 1.0)
    assert m.mutual_information >= 0.0
    assert m.mutual_information == pytest.approx(m.entropy_x + m.entropy_y - hxy, abs=tol)
    assert m.conditional_entropy_x_given_y == pytest.approx(hxy - m.entropy_y, abs=tol)
    assert m.conditional_entropy_y_given_x == pytest.approx(hxy - m.entropy_x, abs=tol)
    assert m.mutual_information <= min(m.entropy_x, m.entropy_y) + tol
    assert math.fsum(m.mi_terms.ravel()) == pytest.approx(m.mutual_information, abs=tol)
    np.testing.assert_allclose(m.product, np.outer(m.p_x, m.p_y), rtol=0, atol=0)
    np.testing.assert_allclose(m.p_x, w.sum(axis=1) / w.sum(), rtol=1e-13)
    np.testing.assert_allclose(m.p_y, w.sum(axis=0) / w.sum(), rtol=1e-13)


def test_pointwise_terms_are_signed_and_zero_where_the_joint_is():
    P = np.array([[0.4, 0.1], [0.0, 0.5]])
    t = joint_measures(P).mi_terms
    px, py = P.sum(1), P.sum(0)
    with mpmath.workdps(50):
        for i in range(2):
            for j in range(2):
                want = 0 if P[i, j] == 0 else mpmath.mpf(P[i, j]) * mpmath.log(
                    mpmath.mpf(P[i, j]) / (mpmath.mpf(px[i]) * mpmath.mpf(py[j])))
                assert float(t[i, j]) == pytest.approx(float(want), rel=1e-13, abs=1e-300)
    assert t[0, 1] < 0 < t[0, 0]
    assert t[1, 0] == 0.0


@pytest.mark.parametrize("unit,base", [("bits", 2.0), ("hartleys", 10.0)])
def test_units_divide_by_the_log_of_the_base(unit, base):
    P = CASES["random 3x7 with zeros"]
    nats, other = joint_measures(P), joint_measures(P, unit)
    assert other.unit == unit
    for key in QUANTITIES:
        assert getattr(other, key) == pytest.approx(getattr(nats, key) / math.log(base), rel=1e-15)
    np.testing.assert_allclose(other.mi_terms, nats.mi_terms / math.log(base), rtol=1e-15)
    with pytest.raises(ValueError, match="unknown unit"):
        joint_measures(P, "furlongs")


# ---------------------------------------------------------------------------------------------
# Presets


def mp_binary_entropy(e):
    e = mpmath.mpf(e)
    return -sum(x * mpmath.log(x) for x in (e, 1 - e) if x > 0)


@pytest.mark.parametrize("eps", [0.0, 1e-10, 0.01, 0.11, 0.25, 0.5, 0.75, 0.9, 1.0])
def test_binary_symmetric_channel_information_is_log2_minus_h(eps):
    J = joint_preset("bsc", epsilon=eps)
    assert J.shape == (2, 2)
    m = joint_measures(J)
    with mpmath.workdps(50):
        want = mpmath.log(2) - mp_binary_entropy(eps)
        bits = 1 - mp_binary_entropy(eps) / mpmath.log(2)
    assert m.mutual_information == pytest.approx(float(want), rel=1e-12, abs=1e-300)
    assert joint_measures(J, "bits").mutual_information == pytest.approx(float(bits), rel=1e-12, abs=1e-300)
    np.testing.assert_array_equal(m.p_x, [0.5, 0.5])
    if eps == 0.5:
        assert m.mutual_information == 0.0


@pytest.mark.parametrize("k,eps", [(3, 0.2), (5, 0.01), (12, 0.6)])
def test_symmetric_channel_on_k_symbols(k, eps):
    m = joint_measures(joint_preset("bsc", k, k, epsilon=eps))
    with mpmath.workdps(50):
        e = mpmath.mpf(eps)
        want = mpmath.log(k) - mp_binary_entropy(eps) - e * mpmath.log(k - 1)
    assert m.mutual_information == pytest.approx(float(want), rel=1e-12)


def test_dependent_preset_determines_each_variable():
    for rows, cols in [(3, 3), (4, 6), (5, 2)]:
        m = joint_measures(joint_preset("dependent", rows, cols))
        k = min(rows, cols)
        assert m.mutual_information == pytest.approx(math.log(k), rel=1e-15)
        assert m.conditional_entropy_x_given_y == 0.0
        assert m.conditional_entropy_y_given_x == 0.0


def test_independent_preset_is_the_product_of_its_non_uniform_marginals():
    J = joint_preset("independent", 4, 5)
    m = joint_measures(J)
    assert m.mutual_information <= 1e-30
    assert np.ptp(m.p_x) > 0 and np.ptp(m.p_y) > 0
    np.testing.assert_allclose(J.probs, m.product, rtol=1e-15)


def test_xor_preset_looks_unrelated_on_the_marginals():
    J = joint_preset("xor")
    m = joint_measures(J)
    assert J.shape == (4, 2)
    assert J.row_labels == ("A=0 B=0", "A=0 B=1", "A=1 B=0", "A=1 B=1")
    np.testing.assert_array_equal(m.p_x, [0.25] * 4)
    np.testing.assert_array_equal(m.p_y, [0.5, 0.5])
    np.testing.assert_array_equal(m.product, np.full((4, 2), 0.125))  # as if independent
    assert m.mutual_information == pytest.approx(math.log(2), rel=1e-15)
    assert m.conditional_entropy_y_given_x == 0.0
    # Y is independent of A alone (rows 0,1 vs 2,3) and of B alone (rows 0,2 vs 1,3)
    for groups in ([[0, 1], [2, 3]], [[0, 2], [1, 3]]):
        sub = np.array([J.probs[g].sum(axis=0) for g in groups])
        assert joint_measures(sub).mutual_information == 0.0


def test_random_preset_is_seeded():
    a, b, c = (joint_preset("random", 3, 4, seed=s).probs for s in (7, 7, 8))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert a.shape == (3, 4) and math.fsum(a.ravel()) == pytest.approx(1.0, abs=1e-15)


def test_presets_are_labelled_and_validated():
    for kind in JOINT_PRESETS:
        J = joint_preset(kind)
        assert len(J.row_labels) == J.shape[0] and len(J.col_labels) == J.shape[1]
    for args, kwargs, message in [
        (("nope",), {}, "unknown joint preset"),
        (("xor", 3, 3), {}, "4 × 2"),
        (("bsc", 2, 3), {}, "as many rows as columns"),
        (("bsc",), {"epsilon": 1.5}, r"\[0, 1\]"),
        (("bsc",), {"epsilon": float("nan")}, "finite"),
        (("random",), {"seed": 1.5}, "seed"),
        (("independent", 1, 3), {}, "between 2 and 12"),
        (("independent", 3, MAX_EDIT + 1), {}, "between 2 and 12"),
        (("independent", True, 3), {}, "whole number"),
    ]:
        with pytest.raises(ValueError, match=message):
            joint_preset(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# Information diagram


def test_information_diagram_lays_the_three_parts_end_to_end():
    m = joint_measures(joint_preset("bsc", epsilon=0.2), "bits")
    d = information_diagram(m)
    assert d.unit == "bits"
    assert [s.label for s in d.segments] == ["H(X|Y)", "I(X;Y)", "H(Y|X)"]
    a, b, c = d.segments
    assert a.start == 0.0 and b.start == a.width and c.start == a.width + b.width
    assert (a.width, b.width, c.width) == (m.conditional_entropy_x_given_y, m.mutual_information,
                                           m.conditional_entropy_y_given_x)
    assert d.total == pytest.approx(m.joint_entropy, rel=1e-14)
    assert d.h_x_span[1] - d.h_x_span[0] == pytest.approx(m.entropy_x, rel=1e-14)
    assert d.h_y_span[1] - d.h_y_span[0] == pytest.approx(m.entropy_y, rel=1e-14)
    with pytest.raises(ValueError):
        information_diagram({"mutual_information": 1.0})


# ---------------------------------------------------------------------------------------------
# Validation


@pytest.mark.parametrize("weights,message", [
    ([[0.1, 0.2], [0.3]], "row 2 has 1 entries but row 1 has 2"),
    ([[0.1, float("nan")]], "NaN entry at row 1, column 2"),
    ([[0.1], [float("inf")]], r"infinite entry \(inf\) at row 2, column 1"),
    ([[0.1, -0.2]], r"negative entry \(-0.2\) at row 1, column 2"),
    ([[0.0, 0.0]], "all zero"),
    ([], "table of numbers|empty"),
    ([[]], "empty"),
    ([0.1, 0.2], "table of numbers"),
    ([[[0.1]]], "3-dimensional"),
    ([["a", "b"]], "table of numbers"),
    (np.ones((1001, 1000)), "at most 1,000,000"),
    (5, "table of numbers"),
])
def test_bad_tables_are_refused_with_a_clear_message(weights, message):
    with pytest.raises(ValueError, match=message):
        Joint.from_weights(weights)


def test_weights_are_normalised_by_their_exact_sum():
    J = Joint.from_weights([[1, 2], [3, 4]])
    assert J.normalised
    np.testing.assert_array_equal(J.probs, np.array([[1, 2], [3, 4]]) / 10.0)
    assert not Joint.from_weights([[0.5, 0.5]]).normalised
    huge = Joint.from_weights([[1e308, 1e308], [1e308, 0]])
    np.testing.assert_allclose(huge.probs, [[1 / 3, 1 / 3], [1 / 3, 0]], rtol=1e-15)
    with pytest.raises(ValueError):
        J.probs[0, 0] = 1.0  # read-only


def test_labels_are_checked():
    J = Joint.from_weights([[1, 2]], row_labels=["a"], col_labels=["u", "v"])
    assert (J.row_labels, J.col_labels) == (("a",), ("u", "v"))
    for rows, cols, message in [(["a", "b"], None, "2 row labels for 1 row"),
                                (None, ["u", "u"], "appears twice"),
                                (None, ["u", " "], "empty")]:
        with pytest.raises(ValueError, match=message):
            Joint.from_weights([[1, 2]], row_labels=rows, col_labels=cols)


def test_to_dict_has_exactly_the_contract_keys():
    d = joint_measures(parse_joint_spec("0.1,0.2;0.3,0.4"), "bits").to_dict()
    assert list(d) == ["unit", "kind", "joint", "p_x", "p_y", "entropy_x", "entropy_y", "joint_entropy",
                       "conditional_entropy_x_given_y", "conditional_entropy_y_given_x", "mutual_information"]
    assert d["kind"] == "joint" and d["unit"] == "bits"
    assert d["joint"] == [[0.1, 0.2], [0.3, 0.4]]
    json.dumps(d, allow_nan=False)
    labelled = joint_measures(joint_preset("xor")).to_dict()
    assert labelled["labels"] == {"x": ["A=0 B=0", "A=0 B=1", "A=1 B=0", "A=1 B=1"], "y": ["Y=0", "Y=1"]}


# ---------------------------------------------------------------------------------------------
# Editing


def table():
    return np.array([[0.1, 0.2, 0.0], [0.3, 0.15, 0.25]])


def test_set_cell_rescales_the_others_and_keeps_their_proportions():
    P = table()
    before = P.copy()
    Q = set_cell(P, 1, 0, 0.6)
    np.testing.assert_array_equal(P, before)  # pure
    assert Q[1, 0] == 0.6
    others = np.delete(Q.ravel(), 3)
    np.testing.assert_allclose(others, np.delete(P.ravel(), 3) * (0.4 / 0.7), rtol=1e-14)
    assert math.fsum(Q.ravel()) == pytest.approx(1.0, abs=2e-16)
    assert set_cell(P, 0, 0, 7.0)[0, 0] == 1.0 and set_cell(P, 0, 0, -1)[0, 0] == 0.0  # clamped
    spread = set_cell(set_cell(P, 0, 0, 1.0), 0, 0, 0.4)  # the others were all zero: equal shares
    np.testing.assert_allclose(np.delete(spread.ravel(), 0), 0.6 / 5, rtol=1e-14)


def test_set_row_marginal_keeps_every_conditional():
    P = table()
    Q = set_row_marginal(P, 0, 0.7)
    assert Q[0].sum() == pytest.approx(0.7, rel=1e-15)
    np.testing.assert_allclose(Q / Q.sum(1, keepdims=True), P / P.sum(1, keepdims=True), rtol=1e-14)
    assert math.fsum(Q.ravel()) == pytest.approx(1.0, abs=2e-16)
    empty_row = set_row_marginal(set_row_marginal(P, 1, 1.0), 0, 0.25)  # row 0 had no mass left
    np.testing.assert_allclose(empty_row[0], [0.25 / 3] * 3, rtol=1e-14)


def test_set_column_marginal_keeps_every_conditional():
    P = table()
    Q = set_column_marginal(P, 2, 0.5)
    assert Q[:, 2].sum() == pytest.approx(0.5, rel=1e-15)
    np.testing.assert_allclose(Q / Q.sum(0, keepdims=True), P / P.sum(0, keepdims=True), rtol=1e-14)
    assert math.fsum(Q.ravel()) == pytest.approx(1.0, abs=2e-16)


def test_resize_keeps_proportions_and_gives_new_cells_a_fair_share():
    P = table()
    big = resize_joint(P, 3, 4)
    assert big.shape == (3, 4)
    np.testing.assert_allclose(big[2], 1 / 12, rtol=1e-14)
    np.testing.assert_allclose(big[:, 3], 1 / 12, rtol=1e-14)
    np.testing.assert_allclose(big[:2, :3] / big[:2, :3].sum(), P, rtol=1e-14)
    small = resize_joint(P, 2, 2)
    np.testing.assert_allclose(small, P[:, :2] / P[:, :2].sum(), rtol=1e-14)
    zero = resize_joint(np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]), 2, 2)
    np.testing.assert_array_equal(zero, np.full((2, 2), 0.25))
    for shape in [(2, 2), (12, 12), (3, 4)]:
        assert math.fsum(resize_joint(P, *shape).ravel()) == pytest.approx(1.0, abs=1e-15)


@pytest.mark.parametrize("call,message", [
    (lambda: set_cell([[0.5, 0.6]], 0, 0, 0.1), "sum to"),
    (lambda: set_cell(table(), 2, 0, 0.1), "row 2 is out of range"),
    (lambda: set_cell(table(), 0, -1, 0.1), "column -1 is out of range"),
    (lambda: set_cell(table(), 0, 1.0, 0.1), "whole number"),
    (lambda: set_cell(table(), 0, 0, float("nan")), "finite"),
    (lambda: set_cell(table(), 0, 0, "x"), "number"),
    (lambda: set_row_marginal(table(), 5, 0.1), "out of range"),
    (lambda: set_column_marginal([[float("nan"), 1.0]], 0, 0.1), "NaN"),
    (lambda: resize_joint(table(), 13, 2), "between 2 and 12"),
    (lambda: resize_joint(table(), 2, 1), "between 2 and 12"),
    (lambda: check_joint_probs([[-0.5, 1.5]]), "negative"),
])
def test_edits_validate_their_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------------
# SPECs


def test_inline_spec_rows_are_x_and_columns_y():
    J = parse_joint_spec(" 1, 2 ; 3, 4 ;")
    np.testing.assert_array_equal(J.probs, [[0.1, 0.2], [0.3, 0.4]])
    assert J.row_labels is None
    m = joint_measures(J)
    np.testing.assert_allclose(m.p_x, [0.3, 0.7], rtol=1e-15)


@pytest.mark.parametrize("text,message", [
    ("", "empty"),
    (";", "row 1 is empty"),
    ("0.1,0.2;0.3", "row 2 has 1 entries but row 1 has 2"),
    ("0.1,x;0.3,0.4", "row 1, entry 2: 'x' is not a number"),
    ("1_0,1", "not a number"),
    ("\uff11,1;1,1", "not a number"),  # a fullwidth 1: float() takes it, a SPEC does not
    ("0,0;0,0", "all zero"),
    ("1,-1", "negative"),
    ("@", "needs a file name"),
])
def test_bad_inline_specs_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_joint_spec(text)


def test_file_spec_reads_labels(tmp_path):
    f = tmp_path / "joint.csv"
    f.write_text("x\\y,rain,sun\nwet,3,1\ndry,1,5\n", encoding="utf-8")
    J = parse_joint_spec(f"@{f}")
    assert J.row_labels == ("wet", "dry") and J.col_labels == ("rain", "sun")
    np.testing.assert_array_equal(J.probs, np.array([[3, 1], [1, 5]]) / 10)
    with pytest.raises(ValueError, match="line 3, column 2"):
        bad = tmp_path / "bad.csv"
        bad.write_text("1,2\n3,4\n5,nan\n", encoding="utf-8")
        parse_joint_spec(f"@{bad}")


def test_a_large_table_is_measured(capsys):
    import time

    P = np.random.default_rng(3).random((1000, 1000))
    t = time.perf_counter()
    m = joint_measures(P)
    elapsed = time.perf_counter() - t
    with capsys.disabled():
        print(f"\n[timing] joint_measures on 1000 × 1000: {elapsed:.2f} s")
    assert m.mutual_information > 0


def test_default_labels():
    from klviz.core.joint import default_joint_labels

    assert default_joint_labels(2, 3) == (("x1", "x2"), ("y1", "y2", "y3"))
    with pytest.raises(ValueError, match="whole number"):
        default_joint_labels(0, 3)
