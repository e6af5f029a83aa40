"""Data SPECs on the command line (issue 15): `@PATH`, `softmax@PATH`, `samples@PATH`, `--bins`,
`--pseudocount`, labels aligned over their union; `klviz export --p @PATH` too.

References are computed here: counts by hand or with collections.Counter, histograms with numpy
(shared edges from numpy.histogram_bin_edges over the pooled samples), every measure with mpmath
on the exactly normalised counts. A bad file is one `klviz: error:` line naming the file, the
line and the column, exit status 2.

Contract decided here (README, "The command line"): a pair read from data adds to the JSON
`labels` (when a side has labels), `bin_edges` (histograms), `pseudocount` (the C applied, 0 if
none) and `notes` (a list of sentences, when there is something to say); the table ends with one
`Note:` line per note.
"""

import os
import time
from collections import Counter

import numpy as np
import pytest

from cli_tools import (close, discrete_refs, error_message, exact_probs, run, run_json, run_table,
                       softmax_probs, spawn, write)

MEASURES = ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js",
            "tv", "hellinger", "chi2_pq", "chi2_qp")


def assert_measures(data, p_weights, q_weights, unit="nats", rel=1e-12, probs=None):
    p, q = probs if probs is not None else (exact_probs(p_weights), exact_probs(q_weights))
    refs = discrete_refs(p, q, unit)
    for key in MEASURES:
        assert close(data[key], refs[key], rel=rel, abs_tol=1e-300), (key, data[key], refs[key])
    assert np.allclose(data["p"], np.array(p, dtype=float), rtol=1e-15, atol=0)
    assert np.allclose(data["q"], np.array(q, dtype=float), rtol=1e-15, atol=0)


# --------------------------------------------------------------------------------------------
# @PATH: weights


def test_one_column_of_weights_with_a_header(tmp_path):
    p = write(tmp_path, "p.csv", "count\n3\n1\n6\n")
    q = write(tmp_path, "q.txt", "# a comment\n2\n2\n\n1\n")
    data = run_json("compute", "--p", f"@{p}", "--q", f"@{q}", "--unit", "bits")
    assert_measures(data, [3, 1, 6], [2, 2, 1], "bits")
    assert "labels" not in data and "bin_edges" not in data and data["pseudocount"] == 0.0
    inline = run_json("compute", "--p", "3,1,6", "--q", "2,2,1", "--unit", "bits")
    for key in MEASURES + ("p", "q"):
        assert data[key] == inline[key], key  # the same numbers as the inline SPEC


def test_npy_and_a_single_row(tmp_path):
    p = tmp_path / "p.npy"
    np.save(p, np.array([0.5, 0.25, 0.25]))
    q = write(tmp_path, "q.csv", "a,b,c\n1,1,2\n")
    data = run_json("compute", "--p", f"@{p}", "--q", f"@{q}")
    assert_measures(data, [2, 1, 1], [1, 1, 2])
    assert data["labels"] == ["a", "b", "c"]  # only Q has labels: matched by position
    assert any("by position" in note for note in data["notes"])


def test_labels_are_aligned_over_the_union(tmp_path):
    p = write(tmp_path, "p.csv", "animal,count\ncat,10\ndog,5\nbird,1\n")
    q = write(tmp_path, "q.tsv", "dog\t3\ncat\t3\nfish\t2\n")
    data = run_json("compute", "--p", f"@{p}", "--q", f"@{q}")
    assert data["labels"] == ["cat", "dog", "bird", "fish"]  # P's order, then Q's new labels
    assert_measures(data, [10, 5, 1, 0], [3, 3, 0, 2])
    assert data["kl_pq"] == "inf" and data["kl_qp"] == "inf"
    assert any("union" in note for note in data["notes"])
    table = run_table("compute", "--p", f"@{p}", "--q", f"@{q}")
    for label in ("cat", "dog", "bird", "fish"):
        assert any(line.split()[:1] == [label] for line in table.splitlines()), label
    # the infinities are explained with the file's labels
    assert "Q(bird) = 0 where P(bird) > 0" in table and "P(fish) = 0 where Q(fish) > 0" in table
    assert "Note: P and Q aligned by label" in table


def test_the_same_labels_in_another_order(tmp_path):
    p = write(tmp_path, "p.csv", "a,1\nb,2\nc,3\n")
    q = write(tmp_path, "q.csv", "c,3\nb,2\na,1\n")
    data = run_json("compute", "--p", f"@{p}", "--q", f"@{q}")
    assert data["labels"] == ["a", "b", "c"] and data["kl_pq"] == 0.0 and data["tv"] == 0.0


def test_softmax_of_a_logit_file(tmp_path):
    z = write(tmp_path, "z.csv", "class,logit\nA,2.0\nB,-1.0\nC,0.5\n")
    data = run_json("compute", "--p", "0.2,0.3,0.5", "--q", f"softmax@{z}")
    assert data["labels"] == ["A", "B", "C"]
    assert_measures(data, None, None, probs=(exact_probs([0.2, 0.3, 0.5]), softmax_probs([2.0, -1.0, 0.5])))
    assert data == run_json("compute", "--p", "0.2,0.3,0.5", "--q", "softmax:2,-1,0.5") | {
        "labels": ["A", "B", "C"], "pseudocount": 0.0, "notes": data["notes"]}


def test_logits_with_a_huge_gap_stay_exact(tmp_path):
    z = write(tmp_path, "z.txt", "0\n1000\n")
    data = run_json("compute", "--p", "0.5,0.5", "--q", f"softmax@{z}")
    assert close(data["cross_entropy_pq"], 500 + np.log1p(np.exp(-1000.0)) + 0.0, rel=1e-15)


# --------------------------------------------------------------------------------------------
# samples@PATH


def _samples(tmp_path, name, values):
    return write(tmp_path, name, "\n".join(repr(float(v)) for v in values) + "\n")


@pytest.mark.parametrize("bins", [None, "fd", "1", "7", "40"])
def test_numeric_samples_share_bins_over_the_pooled_samples(tmp_path, bins):
    rng = np.random.default_rng(11)
    a, b = rng.normal(0, 1, 700), rng.normal(0.4, 1.3, 300)
    pa, pb = _samples(tmp_path, "a.txt", a), _samples(tmp_path, "b.csv", b)
    extra = [] if bins is None else ["--bins", bins]
    data = run_json("compute", "--p", f"samples@{pa}", "--q", f"samples@{pb}", *extra)
    edges = np.histogram_bin_edges(np.concatenate([a, b]), "fd" if bins in (None, "fd") else int(bins))
    assert data["bin_edges"] == edges.tolist()
    cp, cq = np.histogram(a, edges)[0], np.histogram(b, edges)[0]
    assert cp.sum() == 700 and cq.sum() == 300
    assert_measures(data, cp.tolist(), cq.tolist())
    assert "labels" not in data
    assert any(f"{edges.size - 1:,} " in n and "bin" in n and "pooled" in n for n in data["notes"])
    assert any("Miller–Madow" in n for n in data["notes"])
    table = run_table("compute", "--p", f"samples@{pa}", "--q", f"samples@{pb}", *extra)
    assert f"Note: {edges.size - 1:,} " in table and "pooled range" in table
    assert f"[{edges[-2]:.4g}, {edges[-1]:.4g}]" in table  # rows are the bins, the last one closed


def test_categorical_samples_are_counted(tmp_path):
    rng = np.random.default_rng(5)
    a = rng.choice(["red", "green", "blue"], 200, p=[0.5, 0.3, 0.2]).tolist()
    b = rng.choice(["green", "red", "violet"], 150).tolist()
    pa = write(tmp_path, "a.txt", "\n".join(a))
    pb = write(tmp_path, "b.csv", "colour\n" * 0 + "\n".join(b))
    data = run_json("compute", "--p", f"samples@{pa}", "--q", f"samples@{pb}", "--pseudocount", "0.5")
    ca, cb = Counter(a), Counter(b)
    labels = list(dict.fromkeys(a)) + [s for s in dict.fromkeys(b) if s not in ca]
    assert data["labels"] == labels
    assert_measures(data, [ca[s] + 0.5 for s in labels], [cb[s] + 0.5 for s in labels])
    assert data["pseudocount"] == 0.5
    assert data["kl_pq"] != "inf"  # the pseudocount fills the empty categories


def test_every_sample_equal_is_one_bin(tmp_path):
    pa, pb = _samples(tmp_path, "a.txt", [2.0] * 5), _samples(tmp_path, "b.txt", [2.0] * 3)
    data = run_json("compute", "--p", f"samples@{pa}", "--q", f"samples@{pb}")
    assert data["bin_edges"] == np.histogram_bin_edges([2.0] * 8, "fd").tolist() == [1.5, 2.5]
    assert data["p"] == data["q"] == [1.0] and data["kl_pq"] == 0.0


# --------------------------------------------------------------------------------------------
# --pseudocount


def test_pseudocount_is_added_to_every_count_and_said(tmp_path):
    p = write(tmp_path, "p.csv", "a,4\nb,0\nc,6\n")
    q = write(tmp_path, "q.csv", "a,5\nb,5\nc,0\n")
    plain = run_json("compute", "--p", f"@{p}", "--q", f"@{q}")
    assert plain["kl_pq"] == "inf" and plain["pseudocount"] == 0.0
    assert any("pseudocount such as 0.5" in n for n in plain["notes"])
    data = run_json("compute", "--p", f"@{p}", "--q", f"@{q}", "--pseudocount", "0.5")
    assert_measures(data, [4.5, 0.5, 6.5], [5.5, 5.5, 0.5])
    assert data["pseudocount"] == 0.5
    assert any(n.startswith("pseudocount 0.5 added to each of the 3 entries") for n in data["notes"])
    table = run_table("compute", "--p", f"@{p}", "--q", f"@{q}", "--pseudocount", "0.5")
    assert "Note: pseudocount 0.5 added to each of the 3 entries of P and Q before normalising" in table
    assert "∞" not in table


def test_pseudocount_on_inline_weights_keeps_their_scale():
    data = run_json("compute", "--p", "2,3,5", "--q", "1,0,1", "--pseudocount", "1")
    assert_measures(data, [3, 4, 6], [2, 1, 2])
    zero = run_json("compute", "--p", "2,3,5", "--q", "1,0,1", "--pseudocount", "0")
    assert zero["pseudocount"] == 0.0 and not any("added" in n for n in zero.get("notes", []))
    assert zero["kl_pq"] == "inf"


def test_inline_weights_keep_their_normalisation_note_file_counts_do_not_need_one(tmp_path):
    p = write(tmp_path, "p.csv", "3\n1\n")
    rc, out, err = run("compute", "--p", f"@{p}", "--q", "1,3", "--json")
    assert rc == 0 and err == "klviz: note: the weights of Q did not sum to 1 and were normalised\n"
    rc, out, err = run("compute", "--p", f"@{p}", "--q", "0.5,0.5", "--json")
    assert rc == 0 and err == ""


# --------------------------------------------------------------------------------------------
# Refused


def test_a_bad_file_names_file_line_and_column(tmp_path):
    bad = write(tmp_path, "counts.csv", "label,count\na,1\nb,two\n")
    good = write(tmp_path, "good.csv", "a,1\nb,1\n")
    for args in (["--p", f"@{bad}", "--q", f"@{good}"], ["--p", f"@{good}", "--q", f"@{bad}", "--json"]):
        message = error_message("compute", *args)
        assert str(bad) in message and "line 3" in message and "column 2" in message and "'two'" in message
    assert error_message("compute", "--p", f"@{good}", "--q", f"@{bad}").startswith("Q: ")


def test_a_control_character_in_a_file_name_stays_on_one_line(tmp_path):
    odd = tmp_path / "a\nb.csv"
    odd.write_text("1\nx\n", encoding="utf-8")
    message = error_message("compute", "--p", f"@{odd}", "--q", "1,2")
    assert "a\\nb.csv" in message and "line 2" in message


ERRORS = [
    (["--p", "@/nonexistent/p.csv", "--q", "1,1"], ("p.csv", "no such file")),
    (["--p", "@", "--q", "1,1"], ("file name",)),
    (["--p", "samples@", "--q", "1,1"], ("file name",)),
    (["--p", "@/tmp", "--q", "1,1"], ("extension",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "fd"], ("--bins", "numeric samples")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "0"], ("--bins",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "-3"], ("--bins",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "2.5"], ("--bins",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "100001"], ("--bins",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--bins", "auto"], ("--bins",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "-1"], ("--pseudocount", "≥ 0")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "nan"], ("--pseudocount", "nan")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "inf"], ("--pseudocount", "finite")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "1e400"], ("--pseudocount", "too large")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "x"], ("--pseudocount", "'x'")),
    (["--p", "0.5,0.5", "--q", "0.5,0.5", "--pseudocount", "1", "--pseudocount", "1"],
     ("--pseudocount: given more than once",)),
    (["--p", "0.5,0.5", "--q", "softmax:1,2", "--pseudocount", "1"], ("softmax", "logits")),
    (["--p", "normal:0,1", "--q", "normal:0,1", "--pseudocount", "1"], ("continuous", "--pseudocount")),
    (["--p", "normal:0,1", "--q", "normal:0,1", "--bins", "4"], ("continuous", "--bins")),
    (["--p", "@/nonexistent/p.csv", "--q", "normal:0,1"], ("continuous",)),
    (["--p", "0.5,0.5", "--q", "0.5,0.5,0", "--pseudocount", "1"], ("entries", "match")),
]


@pytest.mark.parametrize("args,keywords", ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_refused_data_options_are_one_error_line(args, keywords):
    message = error_message("compute", *args).lower()
    assert all(k.lower() in message for k in keywords), message


def test_samples_against_weights_and_bins_with_categories_are_refused(tmp_path):
    nums = _samples(tmp_path, "n.txt", [1, 2, 3])
    cats = write(tmp_path, "c.txt", "x\ny\n")
    weights = write(tmp_path, "w.csv", "1\n2\n3\n")
    assert "numeric samples" in error_message("compute", "--p", f"samples@{nums}", "--q", f"@{weights}")
    message = error_message("compute", "--p", f"samples@{cats}", "--q", f"samples@{cats}", "--bins", "3")
    assert "--bins" in message and "categorical samples" in message
    message = error_message("compute", "--p", f"@{weights}", "--q", "1,1")
    assert "3" in message and "2" in message
    mixed = write(tmp_path, "m.txt", "1\n2\nthree\n")
    message = error_message("compute", "--p", f"samples@{mixed}", "--q", f"samples@{nums}")
    assert "m.txt" in message and "line 3" in message


def test_as_a_separate_process(tmp_path):
    p = write(tmp_path, "p.csv", "a,1\nb,3\n")
    rc, out, err = spawn("compute", "--p", f"@{p}", "--q", "0.5,0.5", "--pseudocount", "1")
    assert rc == 0 and err == "" and "Note: pseudocount 1 added" in out
    bad = write(tmp_path, "bad.csv", "a,1\nb,-3\n")
    rc, out, err = spawn("compute", "--p", f"@{bad}", "--q", "0.5,0.5", "--json")
    assert rc == 2 and out == "" and err.count("\n") == 1 and "line 2" in err and "negative" in err


# --------------------------------------------------------------------------------------------
# klviz export with data SPECs


def test_export_draws_a_data_pair(tmp_path):
    p = write(tmp_path, "p.csv", "a,1\nb,3\nc,0\n")
    q = write(tmp_path, "q.csv", "c,1\nb,1\na,1\n")
    out = tmp_path / "fig.png"
    rc, stdout, err = run("export", "--p", f"@{p}", "--q", f"@{q}", "--view", "discrete", "--out", out)
    assert rc == 0 and stdout == "" and all(ln.startswith("klviz: note:") for ln in err.splitlines()), err
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = write(tmp_path, "bad.csv", "a,1\nb,x\n")
    message = error_message("export", "--p", f"@{bad}", "--q", f"@{q}", "--view", "discrete",
                            "--out", tmp_path / "no.png")
    assert "bad.csv" in message and "line 2" in message and not (tmp_path / "no.png").exists()
    message = error_message("export", "--p", f"@{p}", "--q", f"@{q}", "--view", "continuous",
                            "--out", tmp_path / "no.png")
    assert "discrete" in message


# --------------------------------------------------------------------------------------------
# Size: the whole process, as a user runs it


def test_large_files_within_a_few_seconds(tmp_path):
    rng = np.random.default_rng(0)
    n = 100_000
    p = tmp_path / "p.csv"
    p.write_text("label,count\n" + "".join(f"c{i},{k}\n" for i, k in enumerate(rng.integers(0, 50, n))),
                 encoding="utf-8")
    q = tmp_path / "q.csv"
    q.write_text("".join(f"c{i},{k}\n" for i, k in zip(range(n - 1, -1, -1), rng.integers(1, 50, n))),
                 encoding="utf-8")
    a, b = rng.normal(0, 1, 10**6), rng.normal(0.2, 1.1, 10**6)
    sa, sb = tmp_path / "a.txt", tmp_path / "b.txt"
    sa.write_text("\n".join(map(repr, a.tolist())), encoding="utf-8")
    sb.write_text("\n".join(map(repr, b.tolist())), encoding="utf-8")
    times = {}
    for name, args in (("1e5 labelled categories, table", ["--p", f"@{p}", "--q", f"@{q}"]),
                       ("1e5 labelled categories, json", ["--p", f"@{p}", "--q", f"@{q}", "--json"]),
                       ("2 x 1e6 numeric samples, json", ["--p", f"samples@{sa}", "--q", f"samples@{sb}",
                                                          "--json"])):
        t = time.perf_counter()
        rc, out, err = spawn("compute", *args, timeout=300)
        times[name] = time.perf_counter() - t
        assert rc == 0 and err == "", err
        if "--json" not in args:
            assert "more categories (--json lists every one)" in out and len(out.splitlines()) < 120
    data = run_json("compute", "--p", f"samples@{sa}", "--q", f"samples@{sb}")
    edges = np.histogram_bin_edges(np.concatenate([a, b]), "fd")
    assert data["bin_edges"] == edges.tolist()
    assert_measures(data, np.histogram(a, edges)[0].tolist(), np.histogram(b, edges)[0].tolist(), rel=1e-10)
    print("klviz compute, whole process (load: %s): " % (os.getloadavg()[0],)
          + "; ".join(f"{k} {v:.2f} s" for k, v in times.items()))
    assert all(v < 30 for v in times.values()), times  # seconds on an idle machine; see the README
