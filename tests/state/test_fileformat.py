"""The session file format: validated load, atomic save, and every kind of bad file refused with
a clear message (klviz.state.fileformat, Qt-free). Version 1 files as earlier klviz wrote them."""

import json
import os

import numpy as np
import pytest

from klviz import state as ss

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
    assert data["format"] == "klviz-session" and data["version"] == 2  # saving writes version 2
    # Q is a single Normal: its remembered mixture part (the default here) is written beside it
    assert data["continuous"] == GOOD["continuous"] | {"p": {**GOOD["continuous"]["p"], "weight": 0.3},
                                                       "second": {"q": {"weight": 0.5, "mu": -3.0, "sigma": 1.0}}}
    assert ss.load_session(str(out)).to_dict() == s.to_dict()


def test_extra_keys_are_ignored(tmp_path):
    data = dict(GOOD, future_feature={"x": 1})
    data["discrete"] = dict(GOOD["discrete"], colours=["red"])
    assert ss.load_session(write(tmp_path, data)).unit == "bits"


def nested(depth):
    return "[" * depth + "]" * depth


HEAD = '"format": "klviz-session", "version": 1'
BIG_INT = "1" + "0" * 400
HUGE_INT = "7" * 5000  # beyond Python's 4,300-digit int conversion limit


def normal_pair(p=None, q=None):
    return dict(GOOD, continuous={"p": p or {"family": "normal", "mu": 0, "sigma": 1},
                                  "q": q or {"family": "normal", "mu": 0, "sigma": 1}})


def text_with(fragment):
    """A session whose discrete P holds `fragment` verbatim as its first entry."""
    return '{' + HEAD + ', "discrete": {"p": [' + fragment + ', 1], "q": [1, 1]}}'


BAD = {
    "empty": ("", "empty"),
    "whitespace": ("   \n", "empty"),
    "truncated": (json.dumps(GOOD)[:60], "not valid json"),
    "not an object": ("[1, 2, 3]", "object"),
    "empty object": ("{}", "not a klviz session"),
    "someone else's json": ('{"name": "left-pad", "version": "1.3.0"}', "not a klviz session"),
    "no format": ({k: v for k, v in GOOD.items() if k != "format"}, "not a klviz session"),
    "other format": ({"format": "something-else", "version": 1}, "not a klviz session"),
    "format not a string": (dict(GOOD, format=["klviz-session"]), "not a klviz session"),
    "no version": ({k: v for k, v in GOOD.items() if k != "version"}, "version"),
    "newer version": (dict(GOOD, version=3), "newer"),
    "version zero": (dict(GOOD, version=0), "version 0"),
    "version fraction": (dict(GOOD, version=1.5), "whole number"),
    "version string": (dict(GOOD, version="1"), "whole number"),
    "version bool": (dict(GOOD, version=True), "whole number"),
    "version 400 digits": ('{"format": "klviz-session", "version": ' + BIG_INT + '}', "version"),
    "negative": (dict(GOOD, discrete={"p": [0.5, -0.1, 0.6], "q": [1, 1, 1]}), "negative"),
    "nan": (text_with("NaN"), "discrete P, entry 1 is NaN"),
    "infinity": (text_with("Infinity"), "discrete P, entry 1 is Infinity"),
    "minus infinity": (text_with("-Infinity"), "discrete P, entry 1 is -Infinity"),
    "1e400": (text_with("1e400"), "discrete P, entry 1 is 1e400, too large"),
    "-1e400": (text_with("-1e400"), "discrete P, entry 1 is -1e400, too large"),
    "400-digit integer": (text_with(BIG_INT), "discrete P, entry 1 is a 401-character number, too large"),
    "5000-digit integer": (text_with(HUGE_INT), "discrete P, entry 1 is a 5,000-character number"),
    "5000-digit negative": (text_with("-" + HUGE_INT), "discrete P, entry 1 is a 5,000-character number"),
    "string prob": (dict(GOOD, discrete={"p": ["0.5", 0.5], "q": [1, 1]}), "must be a number"),
    "bool prob": (dict(GOOD, discrete={"p": [True, 0.5], "q": [1, 1]}), "must be a number (got true)"),
    "null prob": (dict(GOOD, discrete={"p": [None, 0.5], "q": [1, 1]}), "must be a number (got null)"),
    "nested prob": (dict(GOOD, discrete={"p": [[0.5], 0.5], "q": [1, 1]}), "must be a number (got a list"),
    "p not a list": (dict(GOOD, discrete={"p": "0.5,0.5", "q": [1, 1]}), "discrete P must be a list"),
    "q entry huge": ('{' + HEAD + ', "discrete": {"p": [1, 1], "q": [1, ' + BIG_INT + ']}}',
                     "discrete Q, entry 2"),
    "mismatched": (dict(GOOD, discrete={"p": [0.5, 0.5], "q": [1, 1, 1]}), "different lengths"),
    "one category": (dict(GOOD, discrete={"p": [1], "q": [1]}), "at least 2"),
    "all zero": (dict(GOOD, discrete={"p": [0, 0], "q": [1, 1]}), "all zero"),
    "sigma zero": (normal_pair(p={"family": "normal", "mu": 0, "sigma": 0}), "sigma"),
    "sigma negative": (normal_pair(q={"family": "normal", "mu": 0, "sigma": -2}), "sigma"),
    "sigma 1e400": ('{' + HEAD + ', "continuous": {"p": {"family": "normal", "mu": 0, "sigma": 1e400},'
                    ' "q": {"family": "normal", "mu": 0, "sigma": 1}}}', "continuous P sigma is 1e400"),
    "mu 400 digits": ('{' + HEAD + ', "continuous": {"p": {"family": "normal", "mu": 0, "sigma": 1},'
                      ' "q": {"family": "normal", "mu": -' + BIG_INT + ', "sigma": 1}}}', "continuous Q mu"),
    "mu NaN": ('{' + HEAD + ', "continuous": {"p": {"family": "normal", "mu": NaN, "sigma": 1},'
               ' "q": {"family": "normal", "mu": 0, "sigma": 1}}}', "continuous P mu is NaN"),
    "mu string": (normal_pair(p={"family": "normal", "mu": "0", "sigma": 1}), "continuous P mu must be a number"),
    "sigma bool": (normal_pair(p={"family": "normal", "mu": 0, "sigma": True}), "continuous P sigma must be a number"),
    "mu missing": (normal_pair(p={"family": "normal", "sigma": 1}), "continuous P needs \"mu\""),
    "weight": (normal_pair(p={"family": "mixture", "weight": 1.5, "components": [
        {"mu": 0, "sigma": 1}, {"mu": 1, "sigma": 1}]}), "weight"),
    "weight huge": ('{' + HEAD + ', "continuous": {"q": {"family": "normal", "mu": 0, "sigma": 1}, "p": '
                    '{"family": "mixture", "weight": ' + HUGE_INT + ', "components": [{"mu": 0, "sigma": 1},'
                    ' {"mu": 1, "sigma": 1}]}}}', "continuous P weight is a 5,000-character number"),
    "component sigma huge": ('{' + HEAD + ', "continuous": {"p": {"family": "normal", "mu": 0, "sigma": 1}, "q": '
                             '{"family": "mixture", "weight": 0.5, "components": [{"mu": 0, "sigma": 1},'
                             ' {"mu": 1, "sigma": 1e999}]}}}', "continuous Q component 2 sigma is 1e999"),
    "three components": (normal_pair(p={"family": "mixture", "weight": 0.5, "components": [
        {"mu": 0, "sigma": 1}] * 3}), "exactly two components"),
    "component not an object": (normal_pair(p={"family": "mixture", "weight": 0.5, "components": [1, 2]}),
                                "component 1 must be an object"),
    "unknown family": (normal_pair(p={"family": "cauchy"}), "family"),
    "family not a string": (normal_pair(p={"family": {"x": 1}}), "family"),
    "continuous half": (dict(GOOD, continuous={"p": {"family": "normal", "mu": 0, "sigma": 1}}), "'p' and 'q'"),
    "unknown unit": (dict(GOOD, unit="furlongs"), "unit"),
    "unit list": (dict(GOOD, unit=["bits"]), "unit"),
    "duplicate key": ('{' + HEAD + ', "unit": "bits", "unit": "nats"}', 'the key "unit" appears twice'),
    "too many categories": (dict(GOOD, discrete={"p": [1] * 10_001, "q": [1] * 10_001}), "categories"),
    "over 1 MB": ('{"pad": "' + "x" * 1_100_000 + '"}', "bytes"),
    "deeply nested": (nested(100_000), "nested too deeply"),
    "binary garbage": (bytes(range(256)) * 10, "not utf-8"),
    "utf-16": (json.dumps(GOOD).encode("utf-16"), "not utf-8"),
    "labels wrong": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "a", "b"])), "distinct"),
    "labels not strings": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=[1, 2, 3])), "strings"),
    "label empty": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "  ", "b"])), "label 2 is empty"),
    "label too long": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "b", "x" * 41])), "label 3 is longer"),
    "label with NUL": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a\x00b", "b", "c"])), "U+0000"),
    "label with newline": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "two\nlines", "c"])), "U+000A"),
    "label with tab": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a", "b", "c\td"])), "U+0009"),
    "label with escape": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["\x1b[31mred", "b", "c"])), "U+001B"),
    "label with bidi override": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a\u202eb", "b", "c"])), "U+202E"),
    "label with line separator": (dict(GOOD, discrete=dict(GOOD["discrete"], labels=["a\u2028b", "b", "c"])), "U+2028"),
    "label lone surrogate": ('{' + HEAD + ', "discrete": {"labels": ["\\ud800", "b"], "p": [1, 1], "q": [1, 1]}}',
                             "U+D800"),
}


def as_version(content, version):
    """A version-1 case as the same file in `version` (version 2 reads version 1's parts alike)."""
    if isinstance(content, dict) and type(content.get("version")) is int and content["version"] == 1:
        return dict(content, version=version)
    if isinstance(content, str) and HEAD in content:
        return content.replace(HEAD, HEAD.replace("1", str(version)))
    return content


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("name", list(BAD))
def test_bad_files_are_refused_clearly(tmp_path, name, version):
    content, words = BAD[name]
    path = write(tmp_path, as_version(content, version))
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(path)
    assert words.lower() in str(info.value).lower(), str(info.value)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300, str(info.value)


@pytest.mark.parametrize("fragment, value", [("1e-400", 0.0), ("1.7976931348623157e308", 1.7976931348623157e308),
                                             ("1" + "0" * 308, 1e308), ("5e-324", 5e-324)])
def test_extreme_but_float_numbers_are_read(tmp_path, fragment, value):
    text = '{' + HEAD + ', "discrete": {"p": [' + fragment + ', 1], "q": [1, 1]}}'
    s = ss.load_session(write(tmp_path, text))
    assert s.discrete.p[0] == pytest.approx(value / (value + 1) if value < 1e300 else 1.0)


def test_version_1_files_as_klviz_wrote_them_still_read(tmp_path):
    """The exact text an earlier klviz saved (format and version first, integers where typed)."""
    text = """{
  "format": "klviz-session",
  "version": 1,
  "unit": "bits",
  "discrete": {"labels": ["A", "B", "C"], "p": [0.2, 0.3, 0.5], "q": [0.25, 0.25, 0.5]},
  "continuous": {"p": {"family": "normal", "mu": 0.0, "sigma": 1.0},
                 "q": {"family": "normal", "mu": 1.0, "sigma": 1.5}}
}
"""
    s = ss.load_session(write(tmp_path, text))
    assert s.unit == "bits" and s.discrete.labels == ("A", "B", "C")
    assert s.continuous_q.to_dict() == {"family": "normal", "mu": 1.0, "sigma": 1.5}


@pytest.mark.parametrize("version", [1, 2])
def test_only_the_header_is_the_default_session(tmp_path, version):
    s = ss.load_session(write(tmp_path, '{"format": "klviz-session", "version": %d}' % version))
    assert s.to_dict() == ss.Session().to_dict()


def test_byte_order_mark_is_allowed(tmp_path):
    assert ss.load_session(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(GOOD).encode())).unit == "bits"


def test_labels_are_plain_text_and_kept(tmp_path):
    labels = ["<b>x</b>", "<img src=/dev/zero>", "日本 😀", "&amp;"]
    data = dict(GOOD, discrete={"labels": labels, "p": [1, 1, 1, 1], "q": [1, 2, 3, 4]})
    s = ss.load_session(write(tmp_path, data))
    assert list(s.discrete.labels) == labels
    out = tmp_path / "again.klviz"
    ss.save_session(s, str(out))
    assert list(ss.load_session(str(out)).discrete.labels) == labels


def test_not_regular_files_are_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.klviz"
    os.mkfifo(fifo)  # opening it for reading would block forever
    for path, words in ((fifo, "fifo"), (tmp_path, "directory"), ("/dev/zero", "device"),
                        ("/dev/null", "device")):
        with pytest.raises(ss.SessionError, match=f"(?i){words}"):
            ss.load_session(str(path))
    link = tmp_path / "zero.klviz"
    link.symlink_to("/dev/zero")
    with pytest.raises(ss.SessionError, match="device"):
        ss.load_session(str(link))
    with pytest.raises(ss.SessionError, match="NUL"):
        ss.load_session(str(tmp_path / "a\x00b.klviz"))


def test_socket_is_refused(tmp_path):
    import socket

    path = str(tmp_path / "s.sock")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(path)
        with pytest.raises(ss.SessionError, match="socket"):
            ss.load_session(path)
    finally:
        sock.close()


def accepts(fn, *args):
    try:
        fn(*args)
    except ValueError:  # SessionError included
        return False
    return True


def test_session_rules_are_the_command_lines(tmp_path):
    """A continuous pair is valid in a file exactly when `klviz compute` accepts it as a SPEC."""
    from klviz.core.spec import parse_spec

    values = [0.0, 1.0, -1.0, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, -1e-300, 0.5, 1.5]
    cases = [(f"normal:{mu!r},{sigma!r}", {"family": "normal", "mu": mu, "sigma": sigma})
             for mu in (0.0, 1e300, -1.7976931348623157e308) for sigma in values]
    cases += [(f"mixture:{w!r},0,1,1,2", {"family": "mixture", "weight": w, "components": [
        {"mu": 0, "sigma": 1}, {"mu": 1, "sigma": 2}]}) for w in values]
    for spec, q in cases:
        path = write(tmp_path, normal_pair(q=q))
        assert accepts(ss.load_session, path) == accepts(parse_spec, spec), spec


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


def test_the_readme_example_is_a_valid_session(tmp_path):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("## What klviz promises about files", 1)[1]
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    s = ss.load_session(write(tmp_path, example))
    assert s.unit == "bits" and s.discrete.labels == ("a", "b", "c")
    assert s.continuous_q.to_dict()["family"] == "mixture"
