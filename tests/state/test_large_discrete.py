"""More categories than the editor's 100 (issue 15): imported, measured in full, saved and opened
again up to the file format's 10,000 categories; larger sessions refused when saved, with nothing
written. Qt-free."""

import json
import math

import numpy as np
import pytest

from klviz import state as ss
from klviz.scene.data_import import grouped_terms, read_only_message
from klviz.state import discrete as ds
from klviz.state.fileformat import MAX_FILE_CATEGORIES
from klviz.state.imports import MAX_IMPORT_CATEGORIES, is_editable, with_import
from klviz.scene.data_import import read_import


def big_state(n, seed=0):
    rng = np.random.default_rng(seed)
    return ds.DiscreteState(tuple(f"k{i}" for i in range(n)), rng.dirichlet(np.ones(n)), rng.dirichlet(np.ones(n)))


def test_importing_1000_categories_is_one_state_measured_in_full(tmp_path):
    path = tmp_path / "big.csv"
    weights = [(k % 13) + 1 for k in range(1000)]
    path.write_text("".join(f"{w}\n" for w in weights))
    s = ss.Session()
    new, text = with_import(s, read_import("p", str(path)))
    assert text == "Import P" and new.discrete.n == 1000 and not is_editable(new.discrete)
    total = math.fsum(weights)
    assert new.discrete.p.tolist() == [w / total for w in weights]
    assert new.discrete.q.tolist() == [1 / 1000] * 1000  # nothing to align by: Q uniform


def test_the_read_only_message_says_what_is_measured():
    assert read_only_message(1000).startswith("1,000 categories: measured in full; bars are editable up to 100")
    assert "each 500 consecutive categories" in read_only_message(100_000, 500)


@pytest.mark.parametrize("n", [101, 1000, 100_000])
def test_grouped_pointwise_terms_add_up_to_the_divergences(n):
    d = big_state(n)
    p, q = d.p, d.q
    q = q.copy()
    q[7] = 0.0  # an ∞ term: its group is ∞, the others finite
    q /= math.fsum(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        pq = np.where(p > 0, p * (np.log(p) - np.log(q)), 0.0)
        qp = np.where(q > 0, q * (np.log(q) - np.log(p)), 0.0)
    g = grouped_terms(d.labels, pq, qp)
    assert len(g.labels) <= 200 and g.size == math.ceil(n / 200) and len(g.labels) == math.ceil(n / g.size)
    k = 7 // g.size  # the group holding the ∞ term
    assert g.pq[k] == math.inf and np.isfinite(np.delete(g.pq, k)).all() and not np.isnan(g.qp).any()
    assert math.isclose(math.fsum(g.qp), math.fsum(qp), rel_tol=1e-12)
    rest = np.delete(pq, range(k * g.size, (k + 1) * g.size))
    assert math.isclose(math.fsum(np.delete(g.pq, k)), math.fsum(rest), rel_tol=1e-12, abs_tol=1e-15)
    for j in (0, len(g.labels) - 1):  # brute force: each group's own sum
        assert math.isclose(g.qp[j], math.fsum(qp[j * g.size:(j + 1) * g.size]), rel_tol=1e-12, abs_tol=1e-300)
    if g.size > 1:
        assert g.labels[:2] == ("k0", f"k{g.size}") and g.labels[-1] == f"k{(len(g.labels) - 1) * g.size}"


def test_few_categories_are_not_grouped():
    g = grouped_terms(("a", "b"), [0.1, -0.05], [0.2, 0.0])
    assert g.size == 1 and g.labels == ("a", "b") and g.pq.tolist() == [0.1, -0.05]


def test_a_large_session_round_trips_up_to_the_files_limit(tmp_path):
    d = big_state(MAX_FILE_CATEGORIES)  # the most a file holds, under its 1 MB
    s = ss.Session(discrete=d)
    path = str(tmp_path / "big.klviz")
    ss.save_session(s, path)
    again = ss.load_session(path)
    assert again.same_as(s) and again.discrete.n == 10_000 and not is_editable(again.discrete)


def test_a_session_too_large_to_open_again_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "big.klviz"
    with pytest.raises(ss.SessionError, match=r"could not hold it \(discrete P has 10,001 categories \(at most "
                                              r"10,000\)\); nothing was saved"):
        ss.save_session(ss.Session(discrete=big_state(MAX_FILE_CATEGORIES + 1)), str(path))
    with pytest.raises(ss.SessionError, match="bytes, more than the 1,000,000 .* Discrete tab's categories"):
        ss.save_session(ss.Session(discrete=big_state(MAX_IMPORT_CATEGORIES)), str(path))
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_a_hostile_file_is_still_capped(tmp_path):
    path = tmp_path / "h.klviz"
    n = MAX_FILE_CATEGORIES + 1
    path.write_text(json.dumps({"format": "klviz-session", "version": 2,
                                "discrete": {"p": [1] * n, "q": [1] * n}}))
    with pytest.raises(ss.SessionError, match="at most 10,000"):
        ss.load_session(str(path))


def test_the_category_count_and_presets_leave_the_read_only_state():
    d = big_state(500)
    small = ds.resize(d, 90)
    assert small.n == 90 and is_editable(small)
    assert ds.resize(d, 500).n == ds.MAX_CATEGORIES  # the tab's rule caps any count at 100


def test_a_pair_of_files_beyond_100_categories_is_imported_read_only(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("".join(f"{k % 5}\n" for k in range(300)))
    b.write_text("".join(f"{k % 3 + 1}\n" for k in range(300)))
    new, text = with_import(ss.Session(), read_import("pair", str(a), path_q=str(b)))
    assert text == "Import P and Q" and new.discrete.n == 300 and not is_editable(new.discrete)
    assert new.discrete.labels[:3] == ("A", "B", "C")
    wa, wb = [k % 5 for k in range(300)], [k % 3 + 1 for k in range(300)]
    assert new.discrete.p.tolist() == [w / math.fsum(wa) for w in wa]
    assert new.discrete.q.tolist() == [w / math.fsum(wb) for w in wb]
