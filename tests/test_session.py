"""The session file format: validated load, atomic save, and every kind of bad file refused with
a clear message (klviz.session, Qt-free)."""

import json
import os

import numpy as np
import pytest

from klviz import session as ss

GOOD = {
    "format": "klviz-session", "version": 1, "unit": "bits",
    "discrete": {"labels": ["a", "b", "c"], "p": [0.2, 0.3, 0.5], "q": [1, 1, 2]},
    "continuous": {"p": {"family": "mixture", "weight": 0.3,
                         "components": [{"mu": -2, "sigma": 0.5}, {"mu": 2, "sigma": 1}]},
                   "q": {"family": "normal", "mu": 0.5, "sigma": 2}},
}


def write(tmp_path, content, name="s.klviz"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def test_round_trip(tmp_path):
    s = ss.load_session(write(tmp_path, GOOD))
    assert s.unit == "bits"
    assert s.discrete.labels == ("a", "b", "c")
    assert np.allclose(s.discrete.q, [0.25, 0.25, 0.5])
    out = tmp_path / "out.klviz"
    ss.save_session(s, str(out))
    data = json.loads(out.read_text())
    assert data["format"] == "klviz-session" and data["version"] == 1
    assert data["continuous"] == GOOD["continuous"] | {"p": {**GOOD["continuous"]["p"], "weight": 0.3}}
    assert ss.load_session(str(out)).to_dict() == s.to_dict()


def test_extra_keys_are_ignored(tmp_path):
    data = dict(GOOD, future_feature={"x": 1})
    data["discrete"] = dict(GOOD["discrete"], colours=["red"])
    assert ss.load_session(write(tmp_path, data)).unit == "bits"


def nested(depth):
    return "[" * depth + "]" * depth


BAD = {
    "empty": ("", "empty"),
    "whitespace": ("   \n", "empty"),
    "truncated": (json.dumps(GOOD)[:60], "not valid json"),
    "not an object": ("[1, 2, 3]", "object"),
    "other format": ({"format": "something-else"}, "not a klviz session"),
    "newer version": (dict(GOOD, version=2), "newer"),
    "negative": (dict(GOOD, discrete={"p": [0.5, -0.1, 0.6], "q": [1, 1, 1]}), "negative"),
    "nan": ('{"discrete": {"p": [NaN, 1], "q": [1, 1]}}', "not a number"),
    "infinity": ('{"discrete": {"p": [Infinity, 1], "q": [1, 1]}}', "not a number"),
    "string prob": (dict(GOOD, discrete={"p": ["0.5", 0.5], "q": [1, 1]}), "not a number"),
    "bool prob": (dict(GOOD, discrete={"p": [True, 0.5], "q": [1, 1]}), "not a number"),
    "mismatched": (dict(GOOD, discrete={"p": [0.5, 0.5], "q": [1, 1, 1]}), "different lengths"),
    "all zero": (dict(GOOD, discrete={"p": [0, 0], "q": [1, 1]}), "all zero"),
    "sigma zero": (dict(GOOD, continuous={"p": {"family": "normal", "mu": 0, "sigma": 0},
                                          "q": {"family": "normal", "mu": 0, "sigma": 1}}), "sigma"),
    "sigma negative": (dict(GOOD, continuous={"p": {"family": "normal", "mu": 0, "sigma": 1},
                                              "q": {"family": "normal", "mu": 0, "sigma": -2}}), "sigma"),
    "weight": (dict(GOOD, continuous={"p": {"family": "mixture", "weight": 1.5, "components": [
        {"mu": 0, "sigma": 1}, {"mu": 1, "sigma": 1}]}, "q": {"family": "normal", "mu": 0, "sigma": 1}}), "weight"),
    "unknown family": (dict(GOOD, continuous={"p": {"family": "cauchy"}, "q": {"family": "normal", "mu": 0, "sigma": 1}}), "family"),
    "unknown unit": (dict(GOOD, unit="furlongs"), "unit"),
    "too many categories": ({"discrete": {"p": [1] * 10_001, "q": [1] * 10_001}}, "categories"),
    "over 100 categories": ({"discrete": {"p": [1] * 101, "q": [1] * 101}}, "at most 100"),
    "over 1 MB": ('{"pad": "' + "x" * 1_100_000 + '"}', "bytes"),
    "deeply nested": (nested(100_000), "nested too deeply"),
    "binary garbage": (bytes(range(256)) * 10, "not text"),
    "labels wrong": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "a", "b"])), "distinct"),
    "labels not strings": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=[1, 2, 3])), "strings"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_files_are_refused_clearly(tmp_path, name):
    content, words = BAD[name]
    path = write(tmp_path, content)
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(path)
    assert words.lower() in str(info.value).lower(), str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ss.SessionError, match="cannot read"):
        ss.load_session(str(tmp_path / "nope.klviz"))


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "s.klviz"
    ss.save_session(ss.Session(), str(path))
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        ss.save_session(ss.Session().with_(unit="bits"), str(path))
    assert path.read_bytes() == before  # the old file is whole
    assert [p.name for p in tmp_path.iterdir()] == ["s.klviz"]  # no temporary left behind


@pytest.mark.parametrize("n", [2, 3, 7, 100])
def test_set_probability_rule(n):
    rng = np.random.default_rng(n)
    p = rng.dirichlet(np.ones(n))
    for value in (0.0, 0.3, 1.0, 1.7, -0.4):
        out = ss.set_probability(p, 1, value)
        assert out[1] == min(max(value, 0.0), 1.0)
        assert abs(out.sum() - 1) <= 1e-12 and np.all(out >= 0)
        rest = np.delete(out, 1)
        if rest.sum() > 0:
            assert np.allclose(rest / rest.sum(), np.delete(p, 1) / np.delete(p, 1).sum())
    one_hot = np.eye(n)[1]
    out = ss.set_probability(one_hot, 1, 0.4)  # the others were all zero: they share equally
    assert np.allclose(np.delete(out, 1), 0.6 / (n - 1))


def test_resize_keeps_probabilities_valid():
    d = ss.default_discrete(6)
    for n in (2, 3, 50, 100, 4):
        d = ss.resize(d, n)
        assert d.n == n and len(d.p) == n and abs(d.p.sum() - 1) < 1e-12 and abs(d.q.sum() - 1) < 1e-12
