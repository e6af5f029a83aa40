"""Importing only P or only Q (issue 15): aligned by label over the union when the file and the tab
both carry labels, replaced by position when the sizes match, else the other side made uniform;
the numbers those of `klviz compute --p @A --q @B` and of independent arithmetic. Qt-free."""

import json
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest

from klviz import state as ss
from klviz.state import discrete as ds
from klviz.scene.data_import import read_import
from klviz.state.imports import has_own_labels, is_editable, plan_text, side_plan, with_import


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def cli(*args):
    out = subprocess.run([sys.executable, "-m", "klviz", "compute", *args, "--json"], capture_output=True,
                         text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def imported(session, target, path, kind="weights"):
    new, text = with_import(session, read_import(target, path, kind))
    return new


def exact(weights):
    total = sum(Fraction(w) for w in weights)
    return [float(Fraction(w) / total) for w in weights]


def test_p_then_q_from_labelled_files_align_as_the_command_line_does(tmp_path):
    a = write(tmp_path, "a.csv", "label,weight\nx,1\ny,3\nz,4\n")
    b = write(tmp_path, "b.csv", "label,weight\nz,2\nw,1\nx,1\n")
    s = ss.Session()  # the tab's labels are the default A … F: P's file replaces both sides
    s = imported(s, "p", a)
    assert s.discrete.labels == ("x", "y", "z") and s.discrete.q.tolist() == [1 / 3] * 3
    plan = side_plan(s.discrete, read_import("q", b))
    assert plan.rule == "align" and plan.n == 4
    s = imported(s, "q", b)
    ref = cli("--p", "@" + a, "--q", "@" + b)
    assert list(s.discrete.labels) == ref["labels"] == ["x", "y", "z", "w"]
    assert s.discrete.p.tolist() == ref["p"] and s.discrete.q.tolist() == ref["q"]
    # independent arithmetic: the tab's labels first, then the file's new one; weight 0 where absent
    assert s.discrete.p.tolist() == exact([1, 3, 4, 0]) and s.discrete.q.tolist() == exact([1, 0, 2, 1])


def test_q_then_p_keeps_the_tabs_order_first(tmp_path):
    """Importing P into a tab labelled by Q's file: the union in the tab's order (Q's), then P's new
    labels, exactly as the command line orders --p @B --q @A... with the sides' roles swapped."""
    a = write(tmp_path, "a.csv", "label,weight\nx,1\ny,3\nz,4\n")
    b = write(tmp_path, "b.csv", "label,weight\nz,2\nw,1\nx,1\n")
    s = imported(imported(ss.Session(), "q", b), "p", a)
    assert s.discrete.labels == ("z", "w", "x", "y")
    ref = cli("--p", "@" + b, "--q", "@" + a)  # the command line's union starts with its P
    assert list(s.discrete.labels) == ref["labels"]
    assert s.discrete.q.tolist() == ref["p"] and s.discrete.p.tolist() == ref["q"]


def test_categorical_samples_align_with_labels_the_user_typed(tmp_path):
    samples = write(tmp_path, "s.txt", "dog\ncat\ndog\nemu\ndog\ncat\n")
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(ds.resize(s.discrete, 3), ["cat", "dog", "fox"]))
    before_p = s.discrete.p.tolist()
    assert has_own_labels(s.discrete)
    new = imported(s, "q", samples, "samples")
    assert new.discrete.labels == ("cat", "dog", "fox", "emu")
    counts = {"cat": 2, "dog": 3, "fox": 0, "emu": 1}
    assert new.discrete.q.tolist() == exact([counts[k] for k in new.discrete.labels])
    assert new.discrete.p.tolist() == before_p + [0.0]  # P keeps its numbers, weight 0 on the new label


def test_a_labelled_p_then_categorical_samples_for_q_match_the_command_line(tmp_path):
    samples = write(tmp_path, "s.txt", "dog\ncat\ndog\nemu\ndog\ncat\n")
    p_file = write(tmp_path, "p.csv", "cat,1\ndog,2\nfox,3\n")
    s = imported(imported(ss.Session(), "p", p_file), "q", samples, "samples")
    ref = cli("--p", "@" + p_file, "--q", "samples@" + samples)
    assert list(s.discrete.labels) == ref["labels"] == ["cat", "dog", "fox", "emu"]
    assert s.discrete.p.tolist() == ref["p"] and s.discrete.q.tolist() == ref["q"]


def test_an_unlabelled_file_of_the_tabs_size_replaces_by_position(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(s.discrete, list("uvwxyz")))
    path = write(tmp_path, "w.txt", "1\n2\n3\n4\n5\n5\n")
    plan = side_plan(s.discrete, read_import("p", path))
    assert plan.rule == "position" and "under the tab's labels" in plan.text
    new = imported(s, "p", path)
    assert new.discrete.labels == tuple("uvwxyz") and new.discrete.p.tolist() == exact([1, 2, 3, 4, 5, 5])
    assert np.array_equal(new.discrete.q, s.discrete.q)


def test_a_labelled_file_of_the_tabs_size_takes_its_labels_when_the_tab_has_none(tmp_path):
    path = write(tmp_path, "w.csv", "".join(f"c{k},{k}\n" for k in range(1, 7)))
    s = ss.Session()
    new = imported(s, "q", path)
    assert new.discrete.labels == tuple(f"c{k}" for k in range(1, 7))
    assert np.array_equal(new.discrete.p, s.discrete.p) and new.discrete.q.tolist() == exact(range(1, 7))


def test_another_size_and_nothing_to_align_by_makes_the_other_side_uniform(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(s.discrete, list("uvwxyz")))
    path = write(tmp_path, "w.txt", "".join(f"{k}\n" for k in range(1, 9)))
    res = read_import("p", path)
    assert plan_text(s, res) == ("Q has 6 categories and P's file 8 (the file has no labels to align by): the "
                                 "file replaces P, and Q becomes uniform over its 8 categories.")
    new = imported(s, "p", path)
    assert new.discrete.n == 8 and new.discrete.q.tolist() == [0.125] * 8
    assert new.discrete.labels == tuple("ABCDEFGH") and new.discrete.p.tolist() == exact(range(1, 9))


def test_numeric_samples_are_bins_by_position_never_aligned(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(ds.resize(s.discrete, 4), ["a", "b", "c", "d"]))
    path = write(tmp_path, "x.txt", "0\n1\n1\n2\n3\n3\n3\n4\n")
    res = read_import("q", path, "samples", bins=4)
    assert side_plan(s.discrete, res).rule == "position"
    new = with_import(s, res)[0]
    assert new.discrete.labels == ("a", "b", "c", "d")
    assert new.discrete.q.tolist() == (np.histogram([0, 1, 1, 2, 3, 3, 3, 4], 4)[0] / 8).tolist()
    fd = with_import(s, read_import("q", path, "samples"))[0]  # fd: 2 bins, another size: P uniform
    edges = np.histogram_bin_edges([0, 1, 1, 2, 3, 3, 3, 4], "fd")
    assert fd.discrete.n == len(edges) - 1 == 2 and fd.discrete.labels == ("[0, 2)", "[2, 4]")
    assert fd.discrete.p.tolist() == [0.5, 0.5] and fd.discrete.q.tolist() == [3 / 8, 5 / 8]


def test_the_plan_text_of_an_alignment_counts_both_sides(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(ds.resize(s.discrete, 3), ["a", "b", "c"]))
    res = read_import("q", write(tmp_path, "q.csv", "b,1\nd,1\ne,2\n"))
    assert plan_text(s, res) == ("Q and P aligned by label over their union: 5 categories (the tab's 3, then 2 "
                                 "new from the file); P has weight 0 on the 2 new ones; Q has weight 0 on "
                                 "the 2 labels the file lacks.")
    assert plan_text(s, read_import("joint", write(tmp_path, "j.csv", "1,2\n3,4\n"))) == ""


def test_an_alignment_beyond_100_categories_is_measured_read_only(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(s.discrete, list("uvwxyz")))
    path = write(tmp_path, "q.csv", "".join(f"k{k},{k % 7}\n" for k in range(200)))
    new = imported(s, "q", path)
    assert new.discrete.n == 206 and not is_editable(new.discrete) and is_editable(s.discrete)
    assert new.discrete.p[:6].tolist() == s.discrete.p.tolist() and not new.discrete.p[6:].any()
    assert new.discrete.q[:6].tolist() == [0.0] * 6
    assert new.discrete.q[6:].tolist() == exact([k % 7 for k in range(200)])


@pytest.mark.parametrize("labels", [("a", "a"), ("a", "x" * 41)])
def test_labels_the_tab_cannot_hold_are_refused_before_aligning(labels):
    from types import SimpleNamespace

    from klviz.state.imports import ImportRefused

    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(s.discrete, list("uvwxyz")))
    res = SimpleNamespace(target="q", kind="weights", probabilities=np.array([0.5, 0.5]), labels=labels)
    with pytest.raises(ImportRefused, match="Nothing was imported"):
        with_import(s, res)


def test_a_pseudocount_with_an_alignment_is_said_to_be_the_files_alone(tmp_path):
    s = ss.Session()
    s = s.with_(discrete=ds.with_labels(ds.resize(s.discrete, 3), ["a", "b", "c"]))
    path = write(tmp_path, "q.csv", "b,1\nd,0\n")
    res = read_import("q", path, pseudocount=0.5)
    assert plan_text(s, res).endswith("The pseudocount was added to the file's entries only; to add it to "
                                      "both sides over the union, import P and Q together.")
    new = with_import(s, res)[0]
    assert new.discrete.labels == ("a", "b", "c", "d") and new.discrete.q.tolist() == [0, 0.75, 0, 0.25]
