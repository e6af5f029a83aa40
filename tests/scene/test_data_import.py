"""File › Import data… without Qt: the numbers match independent references (numpy histograms,
scipy's logsumexp, exact fractions), bad files are refused with the file, line and column, and
the preview is plain text quoting what was read."""

import math
from fractions import Fraction

import numpy as np
import pytest
import mpmath
from scipy.special import logsumexp, softmax

from klviz.scene import data_import as di


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_labelled_weights_are_normalised_exactly(tmp_path):
    path = write(tmp_path, "w.csv", "label,weight\na,3\nb,1\nc,0\nd,6\n")
    r = di.read_import("p", path, "weights")
    assert r.target == "p" and r.kind == "weights" and r.labels == ("a", "b", "c", "d")
    assert [Fraction(x) for x in r.probabilities] == [Fraction(x) for x in (0.3, 0.1, 0.0, 0.6)]
    assert r.editable and not r.probabilities.flags.writeable
    assert "a" in r.preview and "0.3000" in r.preview


def test_logits_become_softmax(tmp_path):
    path = write(tmp_path, "z.txt", "1.5\n-2\n0.25\n")
    r = di.read_import("q", path, "logits")
    np.testing.assert_allclose(r.probabilities, softmax([1.5, -2, 0.25]), rtol=1e-15)
    assert list(r.logits) == [1.5, -2.0, 0.25]
    with pytest.raises(ValueError, match="pseudocount"):
        di.read_import("q", path, "logits", pseudocount=1)


@pytest.mark.parametrize("bins", ["fd", 7])
def test_numeric_samples_histogram_as_numpy(tmp_path, bins):
    x = np.random.default_rng(3).normal(size=500)
    path = write(tmp_path, "s.txt", "\n".join(repr(float(v)) for v in x) + "\n")
    r = di.read_import("p", path, "samples", bins=0 if bins == "fd" else bins, pseudocount=0.5)
    edges = np.histogram_bin_edges(x, bins)
    counts = np.histogram(x, edges)[0]
    np.testing.assert_array_equal(r.bin_edges, edges)
    np.testing.assert_array_equal(r.counts, counts)
    np.testing.assert_allclose(r.probabilities, (counts + 0.5) / (counts.sum() + 0.5 * counts.size), rtol=1e-14)
    assert len(r.labels) == counts.size and r.labels[-1].endswith("]")
    assert any("Miller–Madow" in n for n in r.notes) and any("pseudocount 0.5" in n for n in r.notes)


def test_pair_of_sample_files_shares_bins(tmp_path):
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=300), rng.normal(1.0, 2.0, size=200)
    pa = write(tmp_path, "a.txt", "\n".join(map(repr, a.tolist())))
    pb = write(tmp_path, "b.txt", "\n".join(map(repr, b.tolist())))
    r = di.read_import("pair", pa, "samples", bins=12, path_q=pb)
    edges = np.histogram_bin_edges(np.concatenate([a, b]), 12)
    np.testing.assert_array_equal(r.bin_edges, edges)
    np.testing.assert_allclose(r.probabilities, np.histogram(a, edges)[0] / 300, rtol=1e-15)
    np.testing.assert_allclose(r.q_probabilities, np.histogram(b, edges)[0] / 200, rtol=1e-15)


def test_categorical_pair_aligned_by_label(tmp_path):
    pa = write(tmp_path, "a.txt", "cat\ndog\ncat\n")
    pb = write(tmp_path, "b.txt", "dog\nbird\n")
    r = di.read_import("pair", pa, "samples", path_q=pb)
    assert r.labels == ("cat", "dog", "bird")
    assert list(r.probabilities) == [2 / 3, 1 / 3, 0.0] and list(r.q_probabilities) == [0.0, 0.5, 0.5]


def test_more_than_the_editor_holds_is_measured_with_a_message(tmp_path):
    path = write(tmp_path, "big.txt", "\n".join(str(k % 7 + 1) for k in range(150)) + "\n")
    r = di.read_import("p", path, "weights")
    assert not r.editable and r.probabilities.size == 150
    assert "the bars are not editable at that size; the measures are still computed" in r.preview
    assert r.preview.count("\n") < 130  # the first 100 rows only
    assert "the first 100 of 150 rows" in r.preview


def test_joint_and_batch(tmp_path):
    r = di.read_import("joint", write(tmp_path, "j.csv", ",u,v\nx,1,2\ny,3,4\n"))
    assert r.row_labels == ("x", "y") and r.col_labels == ("u", "v")
    assert [Fraction(x) for x in r.table.ravel()] == [Fraction(x) for x in (0.1, 0.2, 0.3, 0.4)]
    rows = [[2.0, -1.0, 0.5], [0.0, 0.0, 30.0], [-3.0, 4.0, 1.0]]
    text = "a,b,c,target\n" + "".join(",".join(map(str, z)) + f",{t}\n" for z, t in zip(rows, ["a", "2", "c"]))
    r = di.read_import("batch", write(tmp_path, "b.csv", text))
    targets = [0, 2, 2]
    # mpmath: logsumexp(z) - z_t cancels in float64 for the confident row (≈ 2e-13)
    with mpmath.workdps(50):
        ref = [float(mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v) - z[t]) for v in z)))
               for z, t in zip(rows, targets)]
    assert list(r.targets) == targets and r.class_labels == ("a", "b", "c")
    np.testing.assert_allclose(r.cross_entropies, ref, rtol=1e-14)
    assert math.isclose(r.mean_cross_entropy, math.fsum(ref) / 3, rel_tol=1e-14)


@pytest.mark.parametrize("target,kind,text,where", [
    ("p", "weights", "1\n2\n-3\n", "line 3, column 1"),
    ("p", "weights", "a,1\nb,x<b>\n", "line 2, column 2"),
    ("q", "samples", "1\n2\ncat\n", "line 3, column 1"),
    ("joint", "weights", "1,2\n3\n", "line 2"),
    ("batch", "weights", "1,2,0\n1,2,5\n", "line 2, column 3"),
])
def test_bad_files_name_file_line_and_column(tmp_path, target, kind, text, where):
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(ValueError) as info:
        di.read_import(target, path, kind)
    assert str(info.value).startswith(path) and where in str(info.value)


def test_batch_view_against_logsumexp():
    z = np.random.default_rng(1).normal(scale=5, size=(40, 6))
    t = np.arange(40) % 6
    v = di.batch_view(z, t, unit="bits")
    ref = (logsumexp(z, axis=1) - z[np.arange(40), t]) / math.log(2)
    np.testing.assert_allclose(v.cross_entropies, ref, rtol=1e-13)
    assert math.isclose(v.mean, float(np.mean(ref)), rel_tol=1e-13)
    assert "E over p̂_data" in v.caption
    for bad in ([[1.0]], [[1.0, math.nan]]):
        with pytest.raises(ValueError):
            di.batch_view(bad, [0])
    with pytest.raises(ValueError):
        di.batch_view([[1.0, 2.0]], [2])


def test_source_cache_reads_a_file_once_and_again_when_it_changes(tmp_path, monkeypatch):
    path = write(tmp_path, "s.txt", "1\n2\n3\n4\n")
    reads = []
    real = di._read_file
    monkeypatch.setattr(di, "_read_file", lambda p, k: reads.append(p) or real(p, k))
    cache = di.SourceCache()
    a = di.read_import("p", path, "samples", bins=2, cache=cache)
    b = di.read_import("p", path, "samples", bins=3, pseudocount=1, cache=cache)
    assert len(reads) == 1 and a.counts.tolist() == [2, 2] and b.counts.tolist() == [1, 1, 2]
    write(tmp_path, "s.txt", "1\n1\n1\n1\n10\n")
    c = di.read_import("p", path, "samples", bins=3, cache=cache)
    assert len(reads) == 2 and c.counts.tolist() == [4, 0, 1]
    with pytest.raises(ValueError):
        di.read_import("p", str(tmp_path / "gone.txt"), "samples", cache=cache)
