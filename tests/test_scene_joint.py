"""The Joint scene and state against direct mpmath sums (no QApplication here)."""

import json
import math

import mpmath
import numpy as np
import pytest

from klviz.scene.joint import JointState, joint_scene, READOUT_KEYS

mpmath.mp.dps = 50


def _ref(grid, unit="bits"):
    """H(X), H(Y), H(X,Y), H(X|Y), H(Y|X), I(X;Y) and the terms, by direct sums in mpmath."""
    P = [[mpmath.mpf(float(v)) for v in row] for row in grid]
    S = mpmath.fsum(v for row in P for v in row)
    P = [[v / S for v in row] for row in P]
    px = [mpmath.fsum(row) for row in P]
    py = [mpmath.fsum(P[i][j] for i in range(len(P))) for j in range(len(P[0]))]
    base = {"bits": mpmath.log(2), "nats": mpmath.mpf(1), "hartleys": mpmath.log(10)}[unit]
    ent = lambda vs: -mpmath.fsum(v * mpmath.log(v) for v in vs if v > 0) / base
    hxy = ent([v for row in P for v in row])
    terms = [[(v * mpmath.log(v / (px[i] * py[j])) / base) if v > 0 else mpmath.mpf(0)
              for j, v in enumerate(row)] for i, row in enumerate(P)]
    mi = mpmath.fsum(t for row in terms for t in row)
    hx, hy = ent(px), ent(py)
    hxgy = -mpmath.fsum(P[i][j] * mpmath.log(P[i][j] / py[j]) for i in range(len(P)) for j in range(len(P[0]))
                        if P[i][j] > 0) / base
    hygx = -mpmath.fsum(P[i][j] * mpmath.log(P[i][j] / px[i]) for i in range(len(P)) for j in range(len(P[0]))
                        if P[i][j] > 0) / base
    return dict(entropy_x=hx, entropy_y=hy, joint_entropy=hxy, cond_x_given_y=hxgy, cond_y_given_x=hygx,
                mutual_information=mi), terms


def _close(a, b, rel=1e-12, abs_=1e-14):
    return abs(float(a) - float(b)) <= rel * abs(float(b)) + abs_


GRIDS = [
    [[0.1, 0.2], [0.3, 0.4]],
    [[0.5, 0.0, 0.1], [0.0, 0.2, 0.2]],
    np.random.default_rng(3).dirichlet(np.ones(144)).reshape(12, 12).tolist(),
    [[3, 1, 0], [0, 7, 2], [1, 1, 9]],  # counts
]


@pytest.mark.parametrize("grid", GRIDS)
@pytest.mark.parametrize("unit", ["bits", "nats", "hartleys"])
def test_readouts_and_terms_match_mpmath(grid, unit):
    scene = joint_scene(grid, unit=unit)
    ref, terms = _ref(grid, unit)
    assert [r.key for r in scene.readouts] == list(READOUT_KEYS)
    for r in scene.readouts:
        assert _close(r.value, ref[r.key]), (r.key, r.value, ref[r.key])
        assert r.text.startswith(f"{r.name} = ") and r.text.endswith(f" {unit}")
    for i, row in enumerate(terms):
        for j, t in enumerate(row):
            assert _close(scene.terms[i, j], t, 1e-11, 1e-15)
    # the product grid is the outer product of the marginals, from direct sums
    P = np.array(grid, dtype=float) / math.fsum(np.ravel(grid))
    np.testing.assert_allclose(scene.product, np.outer(P.sum(1), P.sum(0)), rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(scene.joint, P, rtol=1e-15)


def test_bsc_gives_one_minus_binary_entropy():
    for eps in (0.0, 0.01, 0.1, 0.25, 0.5, 0.9, 1.0):
        scene = joint_scene(JointState.preset("bsc", epsilon=eps))
        e = mpmath.mpf(eps)
        h = 0 if eps in (0.0, 1.0) else -(e * mpmath.log(e, 2) + (1 - e) * mpmath.log(1 - e, 2))
        assert _close(scene.readout("mutual_information").value, 1 - h, 1e-12, 1e-15), eps
        assert scene.diagram.segments[1].width == scene.readout("mutual_information").value


def test_independent_has_zero_information_and_neutral_terms():
    scene = joint_scene(JointState.preset("independent", 4, 5))
    assert scene.readout("mutual_information").value < 1e-15
    assert np.max(np.abs(scene.terms)) < 1e-15
    lo, hi = scene.term_limits
    assert lo == -hi and hi > 0


def test_dependent_and_xor():
    dep = joint_scene(JointState.preset("dependent", 3, 3))
    assert _close(dep.readout("mutual_information").value, math.log2(3))
    assert dep.readout("cond_x_given_y").value == 0 and dep.readout("cond_y_given_x").value == 0
    xor = joint_scene(JointState.preset("xor"))
    assert xor.shape == (4, 2)
    np.testing.assert_allclose(xor.p_x, [0.25] * 4)
    np.testing.assert_allclose(xor.p_y, [0.5, 0.5])
    assert _close(xor.readout("mutual_information").value, 1.0)
    assert xor.row_labels[0] == "A=0 B=0"


def test_diagram_and_limits():
    scene = joint_scene([[0.1, 0.2], [0.3, 0.4]])
    a, b, c = (s.width for s in scene.diagram.segments)
    assert [s.label for s in scene.diagram.segments] == ["H(X|Y)", "I(X;Y)", "H(Y|X)"]
    assert _close(a + b + c, scene.readout("joint_entropy").value, 1e-12)
    assert scene.diagram.segments[2].start == a + b
    lo, hi = scene.term_limits
    assert lo == -hi == -np.max(np.abs(scene.terms))
    assert scene.prob_limits == (0.0, max(scene.joint.max(), scene.product.max()))
    assert scene.terms.min() < 0 < scene.terms.max()  # signed: some cells below the product
    assert scene.joint_texts[1][1] == "0.400"
    assert "D(P(X,Y) ‖ P(X)P(Y))" in scene.divergence_text
    with pytest.raises(ValueError):
        scene.joint[0, 0] = 1.0  # read-only


def test_zero_cells_have_zero_terms():
    scene = joint_scene([[0.5, 0.0], [0.25, 0.25]])
    assert scene.terms[0, 1] == 0.0
    assert scene.terms[0, 0] > 0


def test_random_preset_is_seeded():
    a, b = JointState.preset("random", seed=7), JointState.preset("random", seed=7)
    assert a == b and a != JointState.preset("random", seed=8)


# ---------------------------------------------------------------------------------------------
# State operations


def test_set_cell_rescales_the_others_by_one_factor():
    s = JointState.from_weights([[0.1, 0.2, 0.3], [0.1, 0.2, 0.1]])
    t = s.set_cell(0, 1, 0.5)
    P, Q = s.probs, t.probs
    assert Q[0, 1] == 0.5
    others = np.delete(np.arange(6), 1)
    np.testing.assert_allclose(Q.ravel()[others] / P.ravel()[others], 0.5 / 0.8, rtol=1e-14)
    assert math.isclose(math.fsum(Q.ravel()), 1.0, abs_tol=1e-15)
    assert s.probs[0, 1] == 0.2  # unchanged
    assert s.set_cell(0, 0, 7.0).probs[0, 0] == 1.0  # clamped
    with pytest.raises(ValueError):
        s.set_cell(0, 0, float("nan"))
    with pytest.raises(ValueError):
        s.set_cell(2, 0, 0.1)


def test_marginal_edits_keep_conditionals():
    s = JointState.from_weights([[0.1, 0.3], [0.2, 0.4]])
    t = s.set_row_marginal(0, 0.7)
    np.testing.assert_allclose(t.probs.sum(1), [0.7, 0.3], rtol=1e-14)
    np.testing.assert_allclose(t.probs[0] / 0.7, [0.25, 0.75], rtol=1e-14)
    np.testing.assert_allclose(t.probs[1] / 0.3, [1 / 3, 2 / 3], rtol=1e-14)
    u = s.set_col_marginal(1, 0.2)
    np.testing.assert_allclose(u.probs.sum(0), [0.8, 0.2], rtol=1e-14)
    np.testing.assert_allclose(u.probs[:, 1] / 0.2, [3 / 7, 4 / 7], rtol=1e-14)


def test_resize_and_relabel():
    s = JointState.from_weights([[1, 1], [1, 1]]).relabel(["x2", "b"], None)
    t = s.resize(4, 3)
    assert t.shape == (4, 3)
    assert t.row_labels == ("x2", "b", "x1", "x3")  # kept, then unused defaults
    assert t.col_labels == ("y1", "y2", "y3")
    assert math.isclose(math.fsum(t.probs.ravel()), 1.0, abs_tol=1e-15)
    for bad in [(1, 3), (13, 2), (2, 2.5)]:
        with pytest.raises(ValueError):
            s.resize(*bad)
    with pytest.raises(ValueError, match="distinct"):
        s.relabel(["a", "a"])
    with pytest.raises(ValueError, match="control character"):
        s.relabel(["a\nb", "c"])
    with pytest.raises(ValueError, match="expected 2 labels"):
        s.relabel(None, ["a"])
    hostile = s.relabel(["<b>bold</b>", "<img src=x>"])
    assert hostile.row_labels == ("<b>bold</b>", "<img src=x>")  # kept literally


# ---------------------------------------------------------------------------------------------
# The session-file form


def test_round_trip_through_json():
    s = JointState.preset("random", 5, 7, seed=3).relabel(["a", "b", "c", "d", "é"])
    data = json.loads(json.dumps(s.to_dict()))
    assert JointState.from_dict(data) == s


@pytest.mark.parametrize("data, match", [
    ([1, 2], "must be an object"),
    ({"rows": [[0.5, 0.5]], "bad": 1}, "unknown key 'bad'"),
    ({"rows": "0.1,0.2"}, "list of rows"),
    ({"rows": []}, "list of rows"),
    ({"rows": [[0.5, 0.5], [0.5]]}, "row 2 has 1 entries"),
    ({"rows": [[0.5, "0.5"], [0.5, 0.5]]}, "row 1, column 2 is not a number"),
    ({"rows": [[0.5, True], [0.5, 0.5]]}, "row 1, column 2 is not a number"),
    ({"rows": [[0.5, float("nan")], [0.5, 0.5]]}, "NaN entry at row 1, column 2"),
    ({"rows": [[0.5, float("inf")], [0.5, 0.5]]}, r"infinite entry \(inf\) at row 1, column 2"),
    ({"rows": [[0.5, -0.1], [0.5, 0.5]]}, "negative entry"),
    ({"rows": [[0, 0], [0, 0]]}, "all zero"),
    ({"rows": [[1.0] * 13] * 2}, "at most 12 × 12"),
    ({"rows": [[0.5, 0.5]]}, "2 to 12 rows"),
    ({"rows": [[1, 1], [1, 1]], "row_labels": ["a"]}, "row labels: expected 2 labels"),
    ({"rows": [[1, 1], [1, 1]], "col_labels": ["a", 3]}, "list of strings"),
    ({"rows": [[1, 1], [1, 1]], "col_labels": ["a", "\x00"]}, "control character U\\+0000"),
])
def test_from_dict_refuses_bad_input(data, match):
    with pytest.raises(ValueError, match=match):
        JointState.from_dict(data)


def test_from_dict_normalises_weights():
    s = JointState.from_dict({"rows": [[1, 3], [0, 4]]})
    assert s.grid == ((0.125, 0.375), (0.0, 0.5))
    assert s.row_labels == ("x1", "x2")


def test_scene_imports_no_gui_toolkit():
    import subprocess
    import sys

    code = ("import sys, klviz.scene.joint; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'matplotlib', 'scipy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
