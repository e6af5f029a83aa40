"""The loss lab's imported batch in session files (version 2's optional "batch" part): saved,
read back exactly, refused with the field named when hostile; files without it open unchanged."""

import json
import math

import numpy as np
import pytest

from klviz import state as ss
from klviz.core import datafile as df
from klviz.state import batch as sb
from klviz.state.batch import BatchState

BATCH = {"logits": [[2.0, -1.0, 0.5], [0.0, 0.0, 0.0], [-3.25, 7.0, 1e-9]], "targets": [0, 2, 1],
         "class_labels": ["cat", "dog", "émeu"]}


def _file(tmp_path, batch=None, **extra):
    data = {"format": "klviz-session", "version": 2, **extra}
    if batch is not None:
        data["batch"] = batch
    path = tmp_path / "s.klviz"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_batch_round_trips_through_a_file(tmp_path):
    b = BatchState(np.array(BATCH["logits"]), np.array(BATCH["targets"]), tuple(BATCH["class_labels"]))
    s = ss.Session(unit="bits").with_(batch=b)
    path = str(tmp_path / "out.klviz")
    ss.save_session(s, path)
    saved = json.loads((tmp_path / "out.klviz").read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["batch"] == BATCH
    again = ss.load_session(path)
    assert again.same_as(s)
    assert again.batch.logits.tolist() == BATCH["logits"]  # exactly, not to a tolerance
    assert again.batch.targets.tolist() == [0, 2, 1] and again.batch.class_labels == ("cat", "dog", "émeu")
    assert ss.load_session_matches(path, s)
    assert not ss.load_session_matches(path, s.with_(batch=None))


def test_the_saved_batch_gives_the_same_cross_entropies(tmp_path):
    """Independent arithmetic: -log softmax(z)[y] per row, by math.fsum over exp, against the
    batch read back from the file."""
    path = _file(tmp_path, BATCH)
    b = ss.load_session(path).batch
    report = df.batch_cross_entropy(df.LogitBatch(b.logits, b.targets, b.class_labels, (1, 2, 3), "s"))
    for z, y, ce in zip(BATCH["logits"], BATCH["targets"], report.ce):
        m = max(z)
        expected = m + math.log(math.fsum(math.exp(v - m) for v in z)) - z[y]
        assert ce == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_a_batch_without_labels_and_a_file_without_a_batch(tmp_path):
    s = ss.load_session(_file(tmp_path, {"logits": [[1, 2]], "targets": [1]}))
    assert s.batch.class_labels is None and s.batch.logits.tolist() == [[1.0, 2.0]]
    assert "class_labels" not in s.to_dict()["batch"]
    plain = ss.load_session(_file(tmp_path, None, unit="bits"))
    assert plain.batch is None and "batch" not in plain.to_dict()
    assert plain.same_as(ss.Session(unit="bits"))


@pytest.mark.parametrize("batch, field", [
    ("rows", "batch"),
    ({"targets": [0]}, "'batch' needs \"logits\""),
    ({"logits": [[1, 2]]}, "'batch' needs \"targets\""),
    ({"logits": [], "targets": []}, "batch logits has 0 rows"),
    ({"logits": [[1]], "targets": [0]}, "batch logits row 1"),
    ({"logits": [[1, 2], [1, 2, 3]], "targets": [0, 0]}, "batch logits row 2"),
    ({"logits": [[1, 2], "x"], "targets": [0, 0]}, "batch logits row 2"),
    ({"logits": [[1, "2"]], "targets": [0]}, "batch logits row 1, entry 2"),
    ({"logits": [[1, True]], "targets": [0]}, "batch logits row 1, entry 2"),
    ({"logits": [[1, None]], "targets": [0]}, "batch logits row 1, entry 2"),
    ({"logits": [[1, 2]], "targets": [2]}, "batch target 1"),
    ({"logits": [[1, 2]], "targets": [-1]}, "batch target 1"),
    ({"logits": [[1, 2]], "targets": [1.0]}, "batch target 1"),
    ({"logits": [[1, 2]], "targets": [True]}, "batch target 1"),
    ({"logits": [[1, 2]], "targets": [0, 1]}, "batch targets"),
    ({"logits": [[1, 2]], "targets": 0}, "batch targets"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a"]}, "batch class_labels"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", "a"]}, "batch class_labels must be distinct"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", 3]}, "batch class label 2"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", ""]}, "batch class label 2"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", " b"]}, "batch class label 2"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", "b\nc"]}, "batch class label 2"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", "b\u202ec"]}, "batch class label 2"),
    ({"logits": [[1, 2]], "targets": [0], "class_labels": ["a", "x" * 101]}, "batch class label 2"),
    ({"logits": [[0, 0]] * (sb.MAX_FILE_ROWS + 1), "targets": [0] * (sb.MAX_FILE_ROWS + 1)}, "batch logits has"),
    ({"logits": [[0] * 60] * 2000, "targets": [0] * 2000}, "batch logits row 1"),  # 120,000 cells
])
def test_hostile_batches_are_refused_naming_the_field(tmp_path, batch, field):
    path = _file(tmp_path, batch)
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(path)
    msg = str(info.value)
    assert field in msg and "\n" not in msg and len(msg) < 400, msg


@pytest.mark.parametrize("token", ["1e400", "NaN", "Infinity", "-Infinity", "9" * 400])
def test_numbers_no_float_holds_are_named(tmp_path, token):
    path = tmp_path / "s.klviz"
    path.write_text('{"format": "klviz-session", "version": 2, "batch": {"logits": [[1, %s]], "targets": [0]}}'
                    % token)
    with pytest.raises(ss.SessionError, match="batch logits row 1, entry 2"):
        ss.load_session(str(path))


def test_a_batch_too_large_for_a_session_file_is_not_saved(tmp_path):
    """Saving refuses (nothing written) rather than write a file no klviz would open again."""
    rng = np.random.default_rng(1)
    b = BatchState(rng.normal(size=(9000, 10)), rng.integers(0, 10, 9000))
    path = tmp_path / "big.klviz"
    with pytest.raises(ss.SessionError, match="loss lab's imported batch"):
        ss.save_session(ss.Session().with_(batch=b), str(path))
    assert not path.exists() and list(tmp_path.iterdir()) == []
