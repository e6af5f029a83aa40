"""Reading user data files: formats that are accepted, hostile files that are refused (with the
file, line and column), the loss lab's logit batch, and the big-file timings (printed)."""

from __future__ import annotations

import math
import os
import time

import mpmath
import numpy as np
import pytest
from scipy.special import logsumexp

from klviz.core import datafile
from klviz.core.datafile import (
    DataFileError,
    batch_cross_entropy,
    is_data_spec,
    read_data_spec,
    read_joint_table,
    read_logit_batch,
    read_logits,
    read_samples,
    read_weights,
)


def write(tmp_path, name, content):
    f = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    f.write_bytes(content)
    return str(f)


# ---------------------------------------------------------------------------------------------
# Weights


@pytest.mark.parametrize("name,content,values,labels", [
    ("one.csv", "3\n1\n0\n", [3, 1, 0], None),
    ("header.csv", "count\n3\n1\n", [3, 1], None),
    ("pairs.csv", "A,0.2\nB,0.8\n", [0.2, 0.8], ("A", "B")),
    ("pairs_header.csv", "label,weight\nA,2\nB,3\n", [2, 3], ("A", "B")),
    ("numeric_labels.csv", "1,5\n2,6\n", [5, 6], ("1", "2")),
    ("row.csv", "0.2,0.3,0.5\n", [0.2, 0.3, 0.5], None),
    ("row_pair.csv", "0.3,0.7\n", [0.3, 0.7], None),
    ("row_header.csv", "cat,dog,emu\n1,2,3\n", [1, 2, 3], ("cat", "dog", "emu")),
    ("tabs.tsv", "A\t1\nB c\t2\n", [1, 2], ("A", "B c")),
    ("spaces.txt", "A   1\nB\t2\n", [1, 2], ("A", "B")),
    ("commas.txt", "A, 1\nB c, 2\n", [1, 2], ("A", "B c")),
    ("quoted.csv", '"New York, NY",3\n"a ""b""",4\n', [3, 4], ("New York, NY", 'a "b"')),
    ("bom_crlf.csv", "\ufeffA,1\r\nB,2\r\n", [1, 2], ("A", "B")),
    ("comments.csv", "# survey\n\nA,1\n   # more\n\nB,2\n\n", [1, 2], ("A", "B")),
    ("unicode.csv", "caf\u00e9,1\n\u732b,2\n", [1, 2], ("caf\u00e9", "\u732b")),
    ("nfc.csv", "cafe\u0301,1\n", [1], ("caf\u00e9",)),
    ("numbers.csv", "1e-3\n.5\n+2\n7.\n", [1e-3, 0.5, 2, 7], None),
    ("upper.CSV", "1\n2\n", [1, 2], None),
    ("hash.csv", '"#1",3\n# a comment\nb,2\n', [3, 2], ("#1", "b")),
])
def test_weight_files_in_every_accepted_layout(tmp_path, name, content, values, labels):
    src = read_weights(write(tmp_path, name, content))
    assert src.kind == "weights"
    np.testing.assert_array_equal(src.values, values)
    assert src.labels == labels


def test_npy_weights(tmp_path):
    for arr in (np.array([1, 2, 3]), np.array([0.5, 0.25, 0.25], dtype=np.float32), np.arange(4, dtype=np.uint8)):
        f = tmp_path / "w.npy"
        np.save(f, arr)
        np.testing.assert_array_equal(read_weights(str(f)).values, arr.astype(float))


def test_logits_may_be_negative_but_not_infinite(tmp_path):
    src = read_logits(write(tmp_path, "z.csv", "a,-3.5\nb,1000\n"))
    assert src.kind == "logits" and src.labels == ("a", "b")
    np.testing.assert_array_equal(src.values, [-3.5, 1000])
    with pytest.raises(DataFileError, match="line 1, column 2: '-inf' is not a finite number"):
        read_logits(write(tmp_path, "z2.csv", "a,-inf\n"))


def one_line(exc):
    text = str(exc)
    assert "\n" not in text and "\r" not in text
    return text


HOSTILE = [
    ("nan.csv", b"A,1\nB,nan\n", r"nan\.csv, line 2, column 2: 'nan' is not a finite number"),
    ("inf.csv", b"1\n2\nINF\n", r"line 3, column 1: 'INF' is not a finite number"),
    ("neg.csv", b"A,1\nB,-0.5\n", r"line 2, column 2: '-0.5' is negative"),
    ("word.csv", b"A,1\nB,two\n", r"line 2, column 2: 'two' is not a number"),
    ("underscore.csv", b"1\n1_000\n", r"line 2, column 1: '1_000' is not a number"),
    ("arabic.csv", "1\n\u0663\n".encode(), r"line 2, column 1: '\u0663' is not a number"),
    ("empty_cell.csv", b"A,\nB,2\n", r"line 1, column 2: an empty cell"),
    ("trailing.csv", b"1,2,\n", r"line 1, column 3: an empty cell"),
    ("ragged.csv", b"A,1\nB,2,3\n", r"line 2: 3 cells, but line 1 has 2"),
    ("wide.csv", b"A,1,2\nB,3,4\n", r"line 1: 3 cells in a row"),
    ("empty.csv", b"", r"no data: the file is empty"),
    ("blank.csv", b"\n\n  \n# nothing\n", r"no data"),
    ("header_only.csv", b"label,weight\n", r"only a header line"),
    ("dup.csv", b"A,1\nB,2\nA,3\n", r"line 3, column 1: the label 'A' appears twice \(also on line 1\)"),
    ("dup_nfc.csv", "caf\u00e9,1\ncafe\u0301,2\n".encode(), r"line 2, column 1: the label 'caf\u00e9' appears twice"),
    ("zero.csv", b"A,0\nB,0\n", r"every weight is zero"),
    ("binary.csv", b"A,1\n\x00\x01\x02", r"line 2: byte 1 is a NUL byte"),
    ("latin1.csv", b"A,1\ncaf\xe9,2\n", r"line 2: byte 4 \(0xe9\) is not UTF-8"),
    ("utf16.csv", "A,1\n".encode("utf-16"), r"UTF-16"),
    ("control.csv", b"A\x0c,1\n", r"line 1: character 2 is the control character U\+000C"),
    ("lone_cr.csv", b"A,1\rB,2\r", r"line 1: character 4 is a carriage return without a line feed"),
    ("bidi.csv", "\u202eA,1\n".encode(), r"line 1, column 1: the label '\\u202eA' holds the invisible character U\+202E"),
    ("c1.csv", "A\u0085B,1\n".encode(), r"invisible character U\+0085"),
    ("long.csv", ("x" * 101 + ",1\n").encode(), r"a label of 101 characters"),
    ("quote.csv", b'"A,1\nB,2\n', r"line 1: a quoted cell runs past the end of the line|not valid CSV"),
    ("badquote.csv", b'A"x"y,1\n"a"b,2\n', r"line 2: not valid CSV"),
    ("data.json", b"[1, 2]", r"must be a \.csv, \.tsv, \.txt or \.npy file \(this one ends in '\.json'\)"),
    ("noext", b"1\n", r"has no extension"),
]


@pytest.mark.parametrize("name,content,message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_weight_files_are_refused_with_file_line_and_column(tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    with pytest.raises(DataFileError, match=message) as info:
        read_weights(path)
    text = one_line(info.value)
    assert text.startswith(path)
    assert isinstance(info.value, ValueError)


def test_fifo_directory_missing_and_huge_files_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataFileError, match="FIFO"):
        read_weights(str(fifo))  # would block forever if it were opened for reading
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(DataFileError, match="directory"):
        read_samples(str(folder))
    with pytest.raises(DataFileError, match="No such file"):
        read_weights(str(tmp_path / "missing.csv"))
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:
        fh.truncate(datafile.MAX_DATA_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(DataFileError, match="at most 67,108,864"):
        read_weights(str(huge))
    with pytest.raises(DataFileError):
        read_weights(str(tmp_path / "bad\nname.csv"))


def test_messages_escape_control_characters_in_file_names(tmp_path):
    path = write(tmp_path, "a\tb.csv", b"x\n")
    with pytest.raises(DataFileError) as info:
        read_weights(path)
    assert "\t" not in one_line(info.value) and "a\\tb.csv" in str(info.value)


def npy_bytes(arr):
    import io

    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=True)
    return buf.getvalue()


def huge_header():
    import io

    from numpy.lib import format as npy_format

    buf = io.BytesIO()
    npy_format.write_array_header_1_0(buf, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)})
    return buf.getvalue() + b"\0" * 16


@pytest.mark.parametrize("content,message", [
    (npy_bytes(np.array([1, 2], dtype=object)), "Python objects"),
    (npy_bytes(np.ones((2, 2))), r"2-D with shape \(2, 2\); expected 1-D"),
    (npy_bytes(np.float64(3.0)), "0-D"),
    (npy_bytes(np.array([], dtype=float)), "empty"),
    (npy_bytes(np.array([True, False])), "bool"),
    (npy_bytes(np.array([1 + 2j])), "complex"),
    (npy_bytes(np.array([1.0, np.nan])), r"entry \[1\] = nan is not finite"),
    (npy_bytes(np.array([1.0, -2.0])), r"entry \[1\] = -2.0 is negative"),
    (npy_bytes(np.array([1.0, 2.0]))[:-4], "promises 16 bytes of data but the file holds 12"),
    (huge_header(), "promises 8,000,000,000,000 bytes"),
    (b"not numpy at all", "not a readable .npy file"),
    (b"", "not a readable .npy file"),
])
def test_hostile_npy_files(tmp_path, content, message):
    with pytest.raises(DataFileError, match=message):
        read_weights(write(tmp_path, "w.npy", content))


# ---------------------------------------------------------------------------------------------
# Samples


def test_numeric_samples_one_per_line(tmp_path):
    src = read_samples(write(tmp_path, "s.txt", "1.5\n-2\n\n# skipped\n3e2\n"))
    assert src.kind == "numeric samples" and src.samples == 3
    np.testing.assert_array_equal(src.values, [1.5, -2, 300])
    with_header = read_samples(write(tmp_path, "s.csv", "height\n1.7\n1.8\n"))
    np.testing.assert_array_equal(with_header.values, [1.7, 1.8])
    quoted = read_samples(write(tmp_path, "q.csv", '"1.5"\n2\n'))
    np.testing.assert_array_equal(quoted.values, [1.5, 2])


def test_categorical_samples_are_counted_in_order_of_first_appearance(tmp_path):
    src = read_samples(write(tmp_path, "c.txt", "dog\ncat\ndog\nNew York, NY\ncat\ndog\n"))
    assert src.kind == "categorical samples"
    assert src.labels == ("dog", "cat", "New York, NY")  # a .txt line is one sample, commas and all
    np.testing.assert_array_equal(src.values, [3, 2, 1])
    assert src.samples == 6
    csv_src = read_samples(write(tmp_path, "c.csv", '"a, b"\nc\n"a, b"\n'))
    assert csv_src.labels == ("a, b", "c")
    merged = read_samples(write(tmp_path, "n.txt", "caf\u00e9\ncafe\u0301\n"))
    assert merged.labels == ("caf\u00e9",) and merged.values.tolist() == [2]


def test_sample_kinds_can_be_forced(tmp_path):
    path = write(tmp_path, "mixed.txt", "1\n2\nx\n4\n")
    with pytest.raises(DataFileError, match=r"line 3, column 1: 'x' is not a number, unlike line 1 \('1'\)"):
        read_samples(path)
    with pytest.raises(DataFileError, match=r"line 3, column 1: 'x' is not a number \(numeric samples\)"):
        read_samples(path, kind="numeric")
    forced = read_samples(path, kind="categorical")
    assert forced.labels == ("1", "2", "x", "4")
    mostly_words = write(tmp_path, "words.txt", "a\nb\n7\nc\n")
    with pytest.raises(DataFileError, match=r"line 3, column 1: '7' is a number, unlike line 1"):
        read_samples(mostly_words)
    with pytest.raises(ValueError, match="kind must be"):
        read_samples(path, kind="histogram")


@pytest.mark.parametrize("name,content,message", [
    ("two.csv", "1,2\n3,4\n", r"line 1: 2 cells: a samples file has one sample per line"),
    ("nan.txt", "1\nnan\n", r"line 2, column 1: 'nan' is not a finite number"),
    ("empty.csv", "", "no data"),
    ("ctrl.txt", "a\x1bb\n", "control character U\\+001B"),
    ("blank_label.csv", '""\na\n', r"line 1, column 1: an empty label"),
])
def test_hostile_sample_files(tmp_path, name, content, message):
    with pytest.raises(DataFileError, match=message):
        read_samples(write(tmp_path, name, content))


def test_npy_samples(tmp_path):
    f = tmp_path / "s.npy"
    np.save(f, np.array([3, 1, 2], dtype=np.int64))
    assert read_samples(str(f)).values.tolist() == [3.0, 1.0, 2.0]
    np.save(f, np.array(["b", "a", "b"]))
    src = read_samples(str(f))
    assert src.labels == ("b", "a") and src.values.tolist() == [2, 1]
    np.save(f, np.array([1.0, 2.0]))
    with pytest.raises(DataFileError, match="categorical samples need strings"):
        read_samples(str(f), kind="categorical")


# ---------------------------------------------------------------------------------------------
# Joint tables


@pytest.mark.parametrize("name,content,weights,rows,cols", [
    ("plain.csv", "1,2\n3,4\n", [[1, 2], [3, 4]], None, None),
    ("header.csv", "a,b\n1,2\n3,4\n", [[1, 2], [3, 4]], None, ("a", "b")),
    ("labels.csv", "x1,1,2\nx2,3,4\n", [[1, 2], [3, 4]], ("x1", "x2"), None),
    ("both.csv", ",a,b\nx1,1,2\nx2,3,4\n", [[1, 2], [3, 4]], ("x1", "x2"), ("a", "b")),
    ("corner.csv", "x\\y,0,1\n0,1,2\n1,3,4\n", [[1, 2], [3, 4]], ("0", "1"), ("0", "1")),
    ("numeric_rows.csv", ",a,b\n1,1,2\n2,3,4\n", [[1, 2], [3, 4]], ("1", "2"), ("a", "b")),
    ("tabs.tsv", "\ta\tb\nx1\t1\t2\nx2\t3\t4\n", [[1, 2], [3, 4]], ("x1", "x2"), ("a", "b")),
    ("spaces.txt", "1 2 3\n4 5 6\n", [[1, 2, 3], [4, 5, 6]], None, None),
    ("one_row.csv", "1,2,3\n", [[1, 2, 3]], None, None),
])
def test_joint_table_layouts(tmp_path, name, content, weights, rows, cols):
    t = read_joint_table(write(tmp_path, name, content))
    np.testing.assert_array_equal(t.weights, weights)
    assert (t.row_labels, t.col_labels) == (rows, cols)


def test_joint_npy(tmp_path):
    f = tmp_path / "j.npy"
    np.save(f, np.arange(6.0).reshape(2, 3))
    np.testing.assert_array_equal(read_joint_table(str(f)).weights, np.arange(6.0).reshape(2, 3))
    np.save(f, np.arange(3.0))
    with pytest.raises(DataFileError, match="expected 2-D"):
        read_joint_table(str(f))


@pytest.mark.parametrize("content,message", [
    ("1,2\n3\n", r"line 2: 1 cell, but line 1 has 2"),
    ("a,b\n1,-2\n", r"line 2, column 2: '-2' is negative"),
    ("x1,1,2\nx1,3,4\n", r"line 2, column 1: the row label 'x1' appears twice"),
    (",a,a\nx,1,2\n", r"line 1, column 3: the column label 'a' appears twice"),
    ("0,0\n0,0\n", "every weight is zero"),
    ("a,b\n", "no data|only a header"),
    ("x,1\ny,z\n", r"line 2, column 2: 'z' is not a number"),
])
def test_hostile_joint_tables(tmp_path, content, message):
    with pytest.raises(DataFileError, match=message):
        read_joint_table(write(tmp_path, "j.csv", content))


# ---------------------------------------------------------------------------------------------
# SPECs


def test_data_specs(tmp_path):
    path = write(tmp_path, "w.csv", "A,1\nB,3\n")
    assert is_data_spec(f"@{path}") and is_data_spec(f"  Samples@{path}") and is_data_spec(f"softmax@{path}")
    assert not is_data_spec("0.1,0.9") and not is_data_spec("softmax:1,2") and not is_data_spec(None)
    assert read_data_spec(f"@{path}").kind == "weights"
    assert read_data_spec(f"softmax@{path}").kind == "logits"
    words = write(tmp_path, "s.txt", "a\nb\n")
    assert read_data_spec(f"samples@{words}").kind == "categorical samples"
    for bad, message in [("samples@", "needs a file name"), ("0.2,0.8", "not a data SPEC")]:
        with pytest.raises(ValueError, match=message):
            read_data_spec(bad)


# ---------------------------------------------------------------------------------------------
# The loss lab's batch


def test_logit_batch_cross_entropies_against_scipy(tmp_path):
    path = write(tmp_path, "b.csv", "cat,dog,fox,target\n1,2,3,2\n0,0,800,cat\n-1,4,0.5,dog\n")
    batch = read_logit_batch(path)
    assert batch.class_labels == ("cat", "dog", "fox")
    assert batch.targets.tolist() == [2, 0, 1] and batch.lines == (2, 3, 4)
    report = batch_cross_entropy(batch)
    z = np.array([[1, 2, 3], [0, 0, 800], [-1, 4, 0.5]])
    with mpmath.workdps(50):
        want = [float(mpmath.log(mpmath.fsum(mpmath.exp(v) for v in row)) - row[t])
                for row, t in zip(z.tolist(), [2, 0, 1])]
    np.testing.assert_allclose(report.ce, want, rtol=1e-15)
    np.testing.assert_allclose(report.ce, logsumexp(z, axis=1) - z[np.arange(3), [2, 0, 1]], rtol=1e-13)
    assert report.ce[1] == pytest.approx(800.0, rel=1e-15)  # softmax underflows; the loss does not
    assert report.target_probs[1] == 0.0
    assert report.mean == pytest.approx(math.fsum(want) / 3, rel=1e-15)
    assert (report.rows, report.classes) == (3, 3)


def test_logit_batch_layouts(tmp_path):
    no_header = read_logit_batch(write(tmp_path, "a.csv", "0.5,1.5,1\n2,0,0\n"))
    assert no_header.class_labels is None and no_header.targets.tolist() == [1, 0]
    named = read_logit_batch(write(tmp_path, "b.csv", "Y,a,b\nb,1,2\na,3,4\n"))
    assert named.class_labels == ("a", "b") and named.targets.tolist() == [1, 0]
    np.testing.assert_array_equal(named.logits, [[1, 2], [3, 4]])
    tsv = read_logit_batch(write(tmp_path, "c.tsv", "a\tb\tlabel\n1\t2\t0\n"))
    assert tsv.targets.tolist() == [0]


@pytest.mark.parametrize("content,message", [
    ("1,2,5\n", r"line 1, column 3: the target 5 is not a class index \(0 to 1\)"),
    ("1,2,0.5\n", r"column 3: the target '0.5' is not a class index .*soft targets are not read"),
    ("1,2,cat\n", r"the target 'cat' is not a class index; .* header row"),
    ("a,b,target\n1,2,c\n", r"line 2, column 3: the target 'c' is not a class \(the classes are a, b\)"),
    ("1,0,target\n1,2,0\n", r"line 2, column 3: the target 0 is ambiguous"),
    ("a,b,target\n1,nan,0\n", r"line 2, column 2: 'nan' is not a finite number"),
    ("a,b,target\n1,x,0\n", r"line 2, column 2: 'x' is not a number"),
    ("1,0\n", r"2 cells in a row: a batch has at least two logit columns"),
    ("a,b,target\n", "only a header line"),
    ("target,y,a\n1,0,2\n", "more than one column is named as the target"),
    ("a,b,t\n1,2\n", r"line 2: 2 cells, but line 1 has 3"),
])
def test_hostile_batches(tmp_path, content, message):
    with pytest.raises(DataFileError, match=message):
        read_logit_batch(write(tmp_path, "b.csv", content))
    with pytest.raises(ValueError, match="LogitBatch"):
        batch_cross_entropy([[1, 2]])


# ---------------------------------------------------------------------------------------------
# Big files (timings printed, not asserted)


def report_timing(capsys, what, seconds):
    with capsys.disabled():
        print(f"\n[timing] {what}: {seconds:.2f} s")


def test_big_files_are_read(tmp_path, capsys):
    rng = np.random.default_rng(5)
    n = 100_000
    labelled = tmp_path / "labelled.csv"
    with open(labelled, "w", encoding="utf-8") as fh:
        fh.write("label,count\n")
        fh.writelines(f"category {i},{c}\n" for i, c in enumerate(rng.integers(0, 1000, n)))
    samples = rng.normal(size=1_000_000)
    numeric = tmp_path / "numeric.txt"
    numeric.write_text("\n".join(repr(float(v)) for v in samples) + "\n", encoding="utf-8")
    words = np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])
    categorical = tmp_path / "categorical.txt"
    categorical.write_text("\n".join(words[rng.integers(0, 6, 1_000_000)]), encoding="utf-8")

    t = time.perf_counter()
    src = read_weights(str(labelled))
    report_timing(capsys, "10^5 labelled weights read", time.perf_counter() - t)
    assert src.values.size == n and len(src.labels) == n
    t = time.perf_counter()
    src = read_samples(str(numeric))
    report_timing(capsys, "10^6 numeric samples read", time.perf_counter() - t)
    np.testing.assert_array_equal(src.values, samples)  # repr round-trips exactly
    t = time.perf_counter()
    src = read_samples(str(categorical))
    report_timing(capsys, "10^6 categorical samples read", time.perf_counter() - t)
    assert src.samples == 1_000_000 and set(src.labels) == set(words)


def test_too_many_categories_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(datafile, "MAX_CATEGORIES", 5)
    with pytest.raises(DataFileError, match="6 weights; at most 5 categories"):
        read_weights(write(tmp_path, "w.csv", "\n".join("1" * 6)))
    with pytest.raises(DataFileError, match="6 different categories; at most 5"):
        read_samples(write(tmp_path, "c.txt", "a\nb\nc\nd\ne\nf\n"))
    monkeypatch.setattr(datafile, "MAX_SAMPLES", 3)
    with pytest.raises(DataFileError, match="4 samples; at most 3"):
        read_samples(write(tmp_path, "s.txt", "1\n2\n3\n4\n"))


def test_the_new_core_modules_load_no_gui_and_no_scipy():
    import json
    import subprocess
    import sys

    code = ("import sys, json\n"
            "import klviz.core.joint, klviz.core.datafile, klviz.core.datapair, klviz.core.frameworks\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph', 'matplotlib', 'scipy'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
