"""The joint in the session and its file (format version 2's optional "joint" object), the loss
lab's batch as a session part, and File › Import data…'s pure step (klviz.state.imports). Qt-free."""

import copy
import json
import math
from types import SimpleNamespace

import numpy as np
import pytest

from klviz import state as ss
from klviz.state.batch import BatchState
from klviz.state.imports import ImportRefused, with_import
from klviz.state.joint import JointState, default_joint


def write(tmp_path, data, name="s.klviz"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def edited_joint():
    s = JointState.preset("random", 3, 4, seed=5).set_cell(1, 2, 0.3137).relabel(["rain", "fog", "sun"])
    return s.relabel(None, ["Mo", "Tu", "We", "Th ✓"])


def test_the_state_moved_and_the_scene_still_exports_it():
    from klviz.scene import joint as scene_joint

    assert scene_joint.JointState is JointState is ss.JointState


def test_a_session_with_a_joint_saves_and_reads_back_the_same_table_and_labels(tmp_path):
    joint = edited_joint()
    s = ss.Session().with_(joint=joint, unit="bits")
    path = str(tmp_path / "j.klviz")
    ss.save_session(s, path)
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["version"] == 2 and data["joint"]["row_labels"] == ["rain", "fog", "sun"]
    back = ss.load_session(path)
    assert back.joint == joint  # every cell to the last bit, and both label lists
    assert back.joint.grid == joint.grid and back.joint.col_labels == ("Mo", "Tu", "We", "Th ✓")
    assert back.same_as(s) and ss.load_session_matches(path, s)
    # and again: no drift per round trip
    ss.save_session(back, path)
    assert ss.load_session(path).joint.grid == joint.grid


def test_weights_in_a_file_are_normalised_by_their_exact_sum(tmp_path):
    data = ss.Session().to_dict() | {"joint": {"rows": [[1, 3], [0, 4]]}}
    s = ss.load_session(write(tmp_path, data))
    assert s.joint.grid == ((0.125, 0.375), (0.0, 0.5))
    assert s.joint.row_labels == ("x1", "x2") and s.joint.col_labels == ("y1", "y2")


def test_a_file_without_a_joint_opens_with_the_default_joint_and_is_written_back_as_it_was(tmp_path):
    data = ss.Session().to_dict()
    assert "joint" not in data  # the default joint is not written
    s = ss.load_session(write(tmp_path, data))
    assert s.joint == default_joint() == JointState.preset("bsc", epsilon=0.1)
    assert s.to_dict() == data
    v1 = {"format": "klviz-session", "version": 1, "joint": {"rows": "not even read"}}
    assert ss.load_session(write(tmp_path, v1, "v1.klviz")).joint == default_joint()


BAD_JOINTS = [
    ([1, 2], "'joint' must be an object"),
    ({"rows": [[1, 2], [3, "x"]]}, "the joint's row 2, column 2 is not a number"),
    ({"rows": [[1, 2], [3, True]]}, "the joint's row 2, column 2 is not a number"),
    ('{"rows": [[1, 2], [3, 1e400]]}', "the joint's row 2, column 2 is 1e400, too large"),
    ('{"rows": [[1, 2], [NaN, 1]]}', "the joint's row 2, column 1 is NaN"),
    ({"rows": [[1, 2], [-3, 1]]}, "the joint has a negative entry (-3.0) at row 2, column 1"),
    ({"rows": [[0, 0], [0, 0]]}, "the joint is all zero"),
    ({"rows": [[1, 2, 3]]}, "the joint must have 2 to 12 rows (got 1)"),
    ({"rows": [[1, 2], [3]]}, "row 2 has 1 entries but row 1 has 2"),
    ({"rows": [[1] * 13] * 2}, "at most 12 × 12"),
    ({"rows": [[1, 2], [3, 4]], "row_labels": ["a", "a"]}, "the joint's row labels: labels must be distinct"),
    ({"rows": [[1, 2], [3, 4]], "col_labels": ["a"]}, "the joint's column labels: expected 2 labels, got 1"),
    ({"rows": [[1, 2], [3, 4]], "col_labels": ["a", "b\nc"]}, "the joint's column labels: label 2 contains"),
    ({"rows": [[1, 2], [3, 4]], "row_labels": "ab"}, "the joint's row_labels must be a list of strings"),
    ({"rows": [[1, 2], [3, 4]], "extra": 1}, "the joint has an unknown key 'extra'"),
    ({"row_labels": ["a", "b"]}, "the joint's rows must be a list of rows"),
]


@pytest.mark.parametrize("joint, message", BAD_JOINTS)
def test_a_bad_joint_refuses_the_whole_file_naming_the_field(tmp_path, joint, message):
    good = ss.Session().with_(unit="hartleys").to_dict()
    if isinstance(joint, str):  # raw JSON text (numbers no float holds)
        text = json.dumps(good)[:-1] + ', "joint": ' + joint + "}"
    else:
        text = json.dumps(good | {"joint": joint})
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(write(tmp_path, text))
    assert message in str(info.value), str(info.value)
    assert "joint" in str(info.value)


def test_the_joint_is_compared_in_same_as():
    a = ss.Session()
    assert a.same_as(ss.Session())
    assert not a.same_as(a.with_(joint=JointState.preset("xor")))


# ---------------------------------------------------------------------------------------------
# File › Import data…'s step


def result(target, **kw):
    fields = dict(target=target, probabilities=None, q_probabilities=None, labels=None, table=None,
                  row_labels=None, col_labels=None, rows=None, targets=None, class_labels=None)
    return SimpleNamespace(**(fields | kw))


def test_importing_p_keeps_q_and_takes_the_files_labels():
    s = ss.Session()
    p = np.array([0.1, 0.2, 0.3, 0.1, 0.2, 0.1])
    new, text = with_import(s, result("p", probabilities=p, labels=tuple("abcdef")))
    assert text == "Import P"
    assert np.array_equal(new.discrete.p, p) and np.array_equal(new.discrete.q, s.discrete.q)
    assert new.discrete.labels == tuple("abcdef")
    assert new.joint is s.joint and new.continuous is s.continuous  # nothing else changes
    same, _ = with_import(s, result("q", probabilities=p))
    assert same.discrete.labels == s.discrete.labels and np.array_equal(same.discrete.q, p)


def test_importing_a_side_of_another_size_without_labels_makes_the_other_uniform():
    """Nothing to align by (issue 15): no entry of the other side corresponds to one of the file's."""
    s = ss.Session()
    p = np.array([0.25, 0.25, 0.5])
    new, _ = with_import(s, result("p", probabilities=p))
    assert new.discrete.n == 3 and np.array_equal(new.discrete.p, p)
    assert new.discrete.q.tolist() == [1 / 3] * 3 and new.discrete.labels == ("A", "B", "C")


def test_importing_a_pair_and_a_joint_and_a_batch():
    s = ss.Session()
    new, text = with_import(s, result("pair", probabilities=np.array([0.5, 0.5]),
                                      q_probabilities=np.array([0.9, 0.1]), labels=("H", "T")))
    assert text == "Import P and Q" and new.discrete.labels == ("H", "T")
    assert new.discrete.q.tolist() == [0.9, 0.1]
    table = np.array([[0.2, 0.3], [0.1, 0.4]])
    new, _ = with_import(s, result("joint", table=table, row_labels=("a", "b"), col_labels=None))
    assert new.joint.grid == ((0.2, 0.3), (0.1, 0.4)) and new.joint.row_labels == ("a", "b")
    assert new.joint.col_labels == ("y1", "y2")
    z = np.array([[0.0, 1.0, 2.0], [3.0, -1.0, 0.5]])
    new, _ = with_import(s, result("batch", rows=z, targets=np.array([2, 0]), class_labels=None))
    assert isinstance(new.batch, BatchState) and np.array_equal(new.batch.logits, z)
    assert s.batch is None and not new.same_as(s)


@pytest.mark.parametrize("res, message", [
    (result("p", probabilities=np.full(100_001, 1 / 100_001)), "100,001 categories, more than the 100,000"),
    (result("p", probabilities=np.array([1.0])), "at least 2"),
    (result("p", probabilities=np.array([0.5, 0.5]), labels=("a", "a")), "labels must be distinct"),
    (result("q", probabilities=np.array([0.5, 0.5]), labels=("a", "x" * 41)), "longer than 40"),
    (result("joint", table=np.full((13, 2), 1 / 26)), "13 × 2 outcomes"),
    (result("joint", table=np.full((2, 2), 0.25), row_labels=("a", "a")), "distinct"),
])
def test_what_the_state_cannot_hold_is_refused(res, message):
    s = ss.Session()
    before = json.dumps(s.to_dict())
    with pytest.raises(ImportRefused) as info:
        with_import(s, res)
    assert message in str(info.value) and "nothing was imported" in str(info.value).lower()
    assert json.dumps(s.to_dict()) == before


def test_a_batch_state_is_immutable_and_validated():
    b = BatchState([[0, 1], [2, 3]], np.array([1, 0]), ["cat", "dog"])
    with pytest.raises(ValueError):
        b.logits[0, 0] = 5.0
    for bad in ([[0, 1]], np.array([2])), ([[0, np.nan]], np.array([0])), ([[0, 1]], np.array([0.5])):
        with pytest.raises(ValueError):
            BatchState(*bad)
    assert b.same_as(copy.deepcopy(b))
