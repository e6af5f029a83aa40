"""Pairing P and Q from data: shared bins (against numpy.histogram), alignment by label, the
pseudocount, the notes; measures of the pair against scipy."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from scipy.stats import entropy as sp_entropy

from klviz.core.datafile import DataFileError, DataSource
from klviz.core.datapair import MAX_FD_BINS, bin_labels, histogram_edges, pair_data, source_from_spec
from klviz.core.discrete import discrete_measures


def write(tmp_path, name, text):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return str(f)


def samples_file(tmp_path, name, values):
    return "samples@" + write(tmp_path, name, "\n".join(repr(float(v)) for v in values) + "\n")


def test_numeric_samples_share_fd_edges_of_the_pooled_samples(tmp_path):
    rng = np.random.default_rng(1)
    xp, xq = rng.normal(size=500), rng.normal(1.0, 2.0, size=300)
    pair = pair_data(samples_file(tmp_path, "p.txt", xp), samples_file(tmp_path, "q.txt", xq))
    pooled = np.concatenate([xp, xq])
    edges = np.histogram_bin_edges(pooled, "fd")
    np.testing.assert_array_equal(pair.bin_edges, edges)
    np.testing.assert_array_equal(pair.counts_p, np.histogram(xp, edges)[0])
    np.testing.assert_array_equal(pair.counts_q, np.histogram(xq, edges)[0])
    np.testing.assert_array_equal(pair.p.probs, np.histogram(xp, edges)[0] / 500)
    assert (pair.samples_p, pair.samples_q) == (500, 300)
    assert pair.labels is None and pair.kinds == ("numeric samples", "numeric samples")
    assert any("Freedman–Diaconis" in n for n in pair.notes)


def test_equal_width_bins_close_the_last_bin(tmp_path):
    xp, xq = np.array([0.0, 1.0, 2.0, 10.0]), np.array([10.0, 10.0, 5.0])
    pair = pair_data(samples_file(tmp_path, "p.txt", xp), samples_file(tmp_path, "q.txt", xq), bins=4)
    np.testing.assert_array_equal(pair.bin_edges, [0.0, 2.5, 5.0, 7.5, 10.0])
    np.testing.assert_array_equal(pair.counts_p, [3, 0, 0, 1])  # 10.0 falls in the closed last bin
    np.testing.assert_array_equal(pair.counts_q, [0, 0, 1, 2])   # 5.0 opens the third bin
    np.testing.assert_array_equal(pair.counts_q, np.histogram(xq, bins=4, range=(0, 10))[0])
    assert pair_data(samples_file(tmp_path, "a.txt", xp), samples_file(tmp_path, "b.txt", xq),
                     bins="4").bin_edges.size == 5


def test_degenerate_samples(tmp_path):
    same = pair_data(samples_file(tmp_path, "p.txt", [3.0] * 5), samples_file(tmp_path, "q.txt", [3.0] * 2))
    np.testing.assert_array_equal(same.bin_edges, [2.5, 3.5])
    assert any("every sample equals 3" in n for n in same.notes)
    assert discrete_measures(same.p, same.q).kl_pq == 0.0
    # most samples equal: the interquartile range is 0, and fd gives one bin (numpy's rule)
    flat = pair_data(samples_file(tmp_path, "f.txt", [1.0] * 20 + [5.0]), samples_file(tmp_path, "g.txt", [1.0] * 20))
    assert flat.bin_edges.size == 2 and any("interquartile range is 0" in n for n in flat.notes)


def test_absurd_fd_bin_counts_are_capped(tmp_path):
    x = np.concatenate([np.random.default_rng(2).normal(size=1000), [1e9]])
    edges, notes = histogram_edges(x, "fd")
    assert edges.size == MAX_FD_BINS + 1
    np.testing.assert_array_equal(edges, np.histogram_bin_edges(x, MAX_FD_BINS))
    assert any("capped at 10,000" in n for n in notes)
    with pytest.raises(ValueError, match="wider than the float range"):
        histogram_edges([-1e308, 1e308])


@pytest.mark.parametrize("bins", [0, -3, 100_001, 2.5, True, "sturges", "", None])
def test_bad_bins_are_refused(bins):
    with pytest.raises(ValueError, match="bins"):
        histogram_edges([1.0, 2.0], bins)


def test_bin_labels():
    assert bin_labels([0, 0.5, 1]) == ("[0, 0.5)", "[0.5, 1]")
    with pytest.raises(ValueError):
        bin_labels([1.0])


def test_labelled_sources_are_aligned_over_the_union(tmp_path):
    p = "@" + write(tmp_path, "p.csv", "label,count\ncat,3\ndog,1\n")
    q = "@" + write(tmp_path, "q.csv", "dog,2\nemu,2\ncat,4\n")
    pair = pair_data(p, q)
    assert pair.labels == ("cat", "dog", "emu")  # P's order, then what only Q has
    np.testing.assert_array_equal(pair.counts_p, [3, 1, 0])
    np.testing.assert_array_equal(pair.counts_q, [4, 2, 2])
    assert any("1 only in Q (weight 0 in P)" in n for n in pair.notes)
    assert any("D(Q‖P) = ∞" in n and "pseudocount" in n for n in pair.notes)
    m = discrete_measures(pair.p, pair.q)
    assert m.kl_pq == pytest.approx(sp_entropy([3, 1, 0], [4, 2, 2]), rel=1e-14)
    assert m.kl_qp == math.inf


def test_categorical_samples_align_and_carry_miller_madow(tmp_path):
    p = "samples@" + write(tmp_path, "p.txt", "a\nb\na\nc\n")
    q = "samples@" + write(tmp_path, "q.txt", "b\nb\nd\n")
    pair = pair_data(p, q, pseudocount=0.5, unit="bits")
    assert pair.labels == ("a", "b", "c", "d")
    np.testing.assert_array_equal(pair.counts_p, [2, 1, 1, 0])
    np.testing.assert_array_equal(pair.counts_q, [0, 2, 0, 1])
    np.testing.assert_array_equal(pair.p.probs, (np.array([2, 1, 1, 0]) + 0.5) / 6)
    np.testing.assert_array_equal(pair.q.probs, (np.array([0, 2, 0, 1]) + 0.5) / 5)
    assert pair.miller_madow_p == pytest.approx((3 - 1) / (2 * 4) / math.log(2), rel=1e-15)
    assert pair.miller_madow_q == pytest.approx((2 - 1) / (2 * 3) / math.log(2), rel=1e-15)
    assert any("pseudocount 0.5 added to each of the 4 entries" in n for n in pair.notes)
    assert any("Miller–Madow" in n and "bits" in n for n in pair.notes)
    assert any("plug-in KL is typically too high" in n for n in pair.notes)
    assert not any("= ∞" in n for n in pair.notes)


def test_one_labelled_side_pairs_by_position(tmp_path):
    pair = pair_data("@" + write(tmp_path, "p.csv", "x,1\ny,3\n"), "2,2")
    assert pair.labels == ("x", "y")
    np.testing.assert_array_equal(pair.q.probs, [0.5, 0.5])
    assert any("Q has no labels: paired with P's labels by position" in n for n in pair.notes)
    with pytest.raises(ValueError, match="P has 2 entries and Q has 3"):
        pair_data("@" + write(tmp_path, "p2.csv", "x,1\ny,3\n"), "1,1,1")


def test_inline_weights_keep_their_scale_for_the_pseudocount():
    pair = pair_data("2,3,5", "1,0,1", pseudocount=1)
    np.testing.assert_array_equal(pair.p.probs, np.array([3, 4, 6]) / 13)
    np.testing.assert_array_equal(pair.q.probs, np.array([2, 1, 2]) / 5)
    b = source_from_spec("bernoulli:0.25")
    np.testing.assert_array_equal(b.values, [0.75, 0.25])
    assert source_from_spec("softmax:1,2").kind == "logits"


def test_softmax_sides_keep_exact_logs(tmp_path):
    z = "@" + write(tmp_path, "z.csv", "a,0\nb,1000\n")
    pair = pair_data("softmax" + z, "@" + write(tmp_path, "w.csv", "a,1\nb,1\nc,1\n"))
    assert pair.labels == ("a", "b", "c")
    assert pair.p.log_probs[0] == -1000.0 and pair.p.probs[0] == 0.0  # underflowed, log exact
    assert pair.p.log_probs[2] == -math.inf
    m = discrete_measures(pair.q, pair.p)
    assert m.kl_pq == math.inf  # Q has c, P (softmax) has no c
    positional = pair_data("softmax:0,1000", "1,1")
    np.testing.assert_array_equal(positional.p.logits, [0, 1000])
    with pytest.raises(ValueError, match="pseudocount applies to counts or weights"):
        pair_data("softmax:1,2", "1,1", pseudocount=0.5)


def test_softmax_pair_measures_are_exact():
    pair = pair_data("1,1", "softmax:0,1000")
    # D(P‖Q) = sum p (log p - log q) with log q = z - logsumexp(z): (0 - 1000) and (1000 - 1000)
    want = 0.5 * (math.log(0.5) + 1000) + 0.5 * math.log(0.5)
    assert discrete_measures(pair.p, pair.q).kl_pq == pytest.approx(want, rel=1e-14)


@pytest.mark.parametrize("p,q,message", [
    ("normal:0,1", "1,1", "continuous"),
    ("1,1", "mixture:0.5,0,1,1,1", "continuous"),
    ("0.5,x", "1,1", "not a number"),
])
def test_bad_specs_are_refused(p, q, message):
    with pytest.raises(ValueError, match=message):
        pair_data(p, q)


def test_numeric_samples_need_numeric_samples_on_both_sides(tmp_path):
    with pytest.raises(ValueError, match="P is numeric samples .* but Q is weights"):
        pair_data(samples_file(tmp_path, "p.txt", [1.0, 2.0]), "1,1")
    pair = pair_data("1,2", "2,1", bins=10)
    assert any("bins apply only to numeric samples" in n for n in pair.notes)


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), "x", True])
def test_bad_pseudocounts(value):
    with pytest.raises(ValueError, match="pseudocount"):
        pair_data("1,1", "1,1", pseudocount=value)


def test_bad_files_surface_as_data_file_errors(tmp_path):
    with pytest.raises(DataFileError, match=r"line 2, column 2"):
        pair_data("@" + write(tmp_path, "p.csv", "a,1\nb,-1\n"), "1,1")
    with pytest.raises(ValueError, match="unknown unit"):
        pair_data("1,1", "1,1", unit="nope")
    with pytest.raises(ValueError, match="must be text"):
        pair_data(3, "1,1")


def test_sources_can_be_passed_directly():
    p = DataSource("weights", np.array([1.0, 3.0]), ("u", "v"), "memory")
    q = DataSource("categorical samples", np.array([2.0, 2.0]), ("v", "w"), "memory")
    pair = pair_data(p, q)
    assert pair.labels == ("u", "v", "w") and pair.origins == ("memory", "memory")
    assert pair.samples_p is None and pair.samples_q == 4


def test_big_sample_pair_end_to_end(tmp_path, capsys):
    rng = np.random.default_rng(9)
    p = samples_file(tmp_path, "p.txt", rng.normal(size=1_000_000))
    q = samples_file(tmp_path, "q.txt", rng.normal(0.2, 1.1, size=1_000_000))
    t = time.perf_counter()
    pair = pair_data(p, q, pseudocount=0.5)
    m = discrete_measures(pair.p, pair.q)
    elapsed = time.perf_counter() - t
    with capsys.disabled():
        print(f"\n[timing] 2 × 10^6 samples: read, fd bins, measures: {elapsed:.2f} s ({len(pair.p)} bins)")
    assert 0 < m.kl_pq < 1
