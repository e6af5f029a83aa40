"""Property tests of the session file format (versions 1 and 2): every file is either loaded (and
then survives a save and a reload unchanged) or refused with a one-line SessionError, never
another exception."""

import json
import math
import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klviz import state as ss
from klviz.state import losslab as lab
from klviz.state.session import LESSON_STEPS

SETTINGS = settings(max_examples=int(os.environ.get("KLVIZ_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])

# Labels as the app accepts them: printable text, no surrounding space, 1..40 characters.
label_chars = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                            blacklist_characters="\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                                 "\u2066\u2067\u2068\u2069")
# Filter before the map: Hypothesis 6.100 with numpy 2 drops a filter placed after a map (its
# rewrite check touches np.asfarray, gone in numpy 2) and lets stripped-to-empty labels through.
labels_text = st.text(label_chars, min_size=1, max_size=40).filter(lambda s: s.strip() != "").map(str.strip)

weights_value = st.one_of(
    st.floats(min_value=0.0, max_value=1e308, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=10**30),
    st.sampled_from([0, 0.0, -0.0, 5e-324, 1e-300, 1.7976931348623157e308]),
)


@st.composite
def discrete(draw):
    n = draw(st.integers(min_value=2, max_value=12) | st.just(100))
    p = draw(st.lists(weights_value, min_size=n, max_size=n).filter(lambda v: any(x > 0 for x in v)))
    q = draw(st.lists(weights_value, min_size=n, max_size=n).filter(lambda v: any(x > 0 for x in v)))
    out = {"p": p, "q": q}
    if draw(st.booleans()):
        out["labels"] = draw(st.lists(labels_text, min_size=n, max_size=n, unique=True))
    return out


mu = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False) | st.integers(-10**6, 10**6)
sigma = st.floats(min_value=1e-300, max_value=1e300) | st.integers(1, 10**6)
weight = st.floats(min_value=0.0, max_value=1.0) | st.sampled_from([0, 1])
normal = st.fixed_dictionaries({"family": st.just("normal"), "mu": mu, "sigma": sigma})
mixture = st.fixed_dictionaries({
    "family": st.just("mixture"), "weight": weight,
    "components": st.lists(st.fixed_dictionaries({"mu": mu, "sigma": sigma}), min_size=2, max_size=2)})
continuous = st.fixed_dictionaries({"p": normal | mixture, "q": normal | mixture})
second = st.fixed_dictionaries({"weight": weight, "mu": mu, "sigma": sigma})
continuous_v2 = st.fixed_dictionaries({"p": normal | mixture, "q": normal | mixture},
                                      optional={"second": st.fixed_dictionaries({}, optional={"p": second, "q": second})})


def within(lo, hi):
    return st.floats(min_value=lo, max_value=hi) | st.integers(math.ceil(lo), math.floor(hi))


logit = within(-lab.MAX_LOGIT, lab.MAX_LOGIT)
bernoulli = st.fixed_dictionaries({"y": within(0.0, 1.0), "z": logit})


@st.composite
def categorical(draw):
    n = draw(st.integers(lab.MIN_CLASSES, lab.MAX_CLASSES))
    logits = draw(st.lists(logit, min_size=n, max_size=n))
    if draw(st.booleans()):
        k = draw(st.integers(0, n - 1))
        return {"logits": logits, "target": [1 if i == k else 0 for i in range(n)], "mode": "one-hot"}
    target = draw(st.lists(weights_value, min_size=n, max_size=n).filter(lambda v: any(x > 0 for x in v)))
    return {"logits": logits, "target": target, "mode": "soft"}


@st.composite
def normal_panel(draw):
    n = draw(st.integers(lab.MIN_POINTS, lab.MAX_POINTS))
    return {"y": draw(within(*lab.NORMAL_RANGE)), "f": draw(within(*lab.NORMAL_RANGE)),
            "sigma": draw(within(*lab.SIGMA_RANGE)), "free_sigma": draw(st.booleans()),
            "xs": draw(st.lists(within(*lab.DATA_X), min_size=n, max_size=n)),
            "ys": draw(st.lists(within(*lab.DATA_Y), min_size=n, max_size=n))}


@st.composite
def batch(draw):
    """The loss lab's imported batch as a session file holds it (any finite logits)."""
    n = draw(st.integers(1, 6))
    k = draw(st.integers(2, 5))
    finite = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**6, 10**6)
    out = {"logits": draw(st.lists(st.lists(finite, min_size=k, max_size=k), min_size=n, max_size=n)),
           "targets": draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))}
    if draw(st.booleans()):
        out["class_labels"] = draw(st.lists(labels_text.map(lambda s: unicodedata.normalize("NFC", s))
                                            .filter(lambda s: s == s.strip() and s and all(
                                                unicodedata.category(c) not in ("Cf", "Co", "Cn") for c in s)),
                                            min_size=k, max_size=k, unique=True))
    return out


losses = st.fixed_dictionaries({}, optional={"bernoulli": bernoulli, "categorical": categorical(),
                                             "normal": normal_panel()})
lesson = st.fixed_dictionaries({"step": st.sampled_from(LESSON_STEPS)})


@st.composite
def valid_session(draw, versions=(1, 2)):
    version = draw(st.sampled_from(versions))
    data = {"format": "klviz-session", "version": version}
    if draw(st.booleans()):
        data["unit"] = draw(st.sampled_from(["nats", "bits", "hartleys"]))
    if draw(st.booleans()):
        data["discrete"] = draw(discrete())
    if draw(st.booleans()):
        data["continuous"] = draw(continuous if version == 1 else continuous_v2)
    if version >= 2:
        if draw(st.booleans()):
            data["losses"] = draw(losses)
        if draw(st.booleans()):
            q = data.get("continuous", {}).get("q", {"family": "normal", "sigma": 1.5})
            unit_variance = q["family"] == "normal" and q["sigma"] == 1 and draw(st.booleans())
            data["view"] = {"overlay": draw(st.booleans()), "unit_variance": unit_variance}
        if draw(st.booleans()):
            data["lesson"] = draw(lesson)
        if draw(st.booleans()):
            data["batch"] = draw(batch())
    return data


def assert_loads_and_round_trips(tmp_path, raw):
    """Load `raw`; if it loads, save it, reload it: the same session and the same file again."""
    path = tmp_path / "in.klviz"
    path.write_bytes(raw)
    try:
        s = ss.load_session(str(path))
    except ss.SessionError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg and "\r" not in msg and len(msg) < 400, msg
        return None
    out = tmp_path / "out.klviz"
    ss.save_session(s, str(out))
    first = out.read_bytes()
    again = ss.load_session(str(out))
    assert again.to_dict() == s.to_dict()
    ss.save_session(again, str(out))
    assert out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.klviz", "out.klviz"]
    return s


@SETTINGS
@given(data=valid_session())
def test_every_valid_session_loads_and_round_trips(tmp_path, data):
    s = assert_loads_and_round_trips(tmp_path, json.dumps(data).encode())
    assert s is not None
    if "discrete" in data and "labels" in data["discrete"]:
        assert list(s.discrete.labels) == data["discrete"]["labels"]
    saved = s.to_dict()
    assert saved["version"] == 2
    for part, values in data.get("losses", {}).items():  # every panel as the file had it
        for key, value in values.items():
            if key != "target":  # a soft target's weights are normalised
                assert saved["losses"][part][key] == value, (part, key)
    if "view" in data:
        assert saved["view"] == data["view"]
    if "lesson" in data:
        assert saved["lesson"] == data["lesson"]
    if "batch" in data:  # the batch exactly as the file had it
        assert saved["batch"] == data["batch"]
    else:
        assert "batch" not in saved and s.batch is None
    for which, part in data.get("continuous", {}).get("second", {}).items():
        if data["continuous"][which]["family"] == "normal":  # a mixture side's part is its own
            assert saved["continuous"]["second"][which] == part


json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=50), st.sampled_from(["normal", "mixture", "bits", "klviz-session", "p", "q"]))
json_value = st.recursive(json_leaf, lambda kids: st.lists(kids, max_size=4)
                          | st.dictionaries(st.text(max_size=8), kids, max_size=4), max_leaves=12)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(value)]


def _delete(value, path):
    if len(path) == 1:
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if k != path[0]}
        return [v for i, v in enumerate(value) if i != path[0]]
    head = path[0]
    if isinstance(value, dict):
        return {k: (_delete(v, path[1:]) if k == head else v) for k, v in value.items()}
    return [(_delete(v, path[1:]) if i == head else v) for i, v in enumerate(value)]


@SETTINGS
@given(data=valid_session(), choice=st.data())
def test_structural_mutations_load_or_are_refused(tmp_path, data, choice):
    paths = list(_paths(data))
    for _ in range(choice.draw(st.integers(1, 3))):
        path = choice.draw(st.sampled_from(paths))
        if path and choice.draw(st.booleans()):
            data = _delete(data, path)
        else:
            data = _replace(data, path, choice.draw(json_value))
        paths = list(_paths(data))
    assert_loads_and_round_trips(tmp_path, json.dumps(data).encode())


HOSTILE_TOKENS = ["1e400", "-1e400", "1" + "0" * 400, "9" * 5000, "-" + "9" * 5000, "NaN", "Infinity",
                  "-Infinity", "true", "false", "null", '"1"', "[]", "{}", "0", "-0", "1e-400", "5e-324",
                  "1.7976931348623157e308", "-1", '"\\u0000"', '"\\ud800"', '"<img src=/dev/zero>"',
                  "[[[[[[[[[[]]]]]]]]]]", "1.5", "2", "1e300"]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@SETTINGS
@given(data=valid_session(), choice=st.data())
def test_hostile_numbers_in_any_place_load_or_are_refused(tmp_path, data, choice):
    text = json.dumps(data)
    spots = list(NUMBER.finditer(text))
    for _ in range(choice.draw(st.integers(1, 3))):
        if not spots:
            break
        m = choice.draw(st.sampled_from(spots))
        token = choice.draw(st.sampled_from(HOSTILE_TOKENS))
        text = text[:m.start()] + token + text[m.end():]
        spots = list(NUMBER.finditer(text))
    assert_loads_and_round_trips(tmp_path, text.encode())


@SETTINGS
@given(data=valid_session(), edits=st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=3),
                                                       st.integers(0, 3)), min_size=1, max_size=4))
def test_byte_level_damage_loads_or_is_refused(tmp_path, data, edits):
    raw = bytearray(json.dumps(data, indent=1).encode())
    for pos, insert, cut in edits:
        pos %= len(raw) + 1
        raw[pos:pos + cut] = insert
    assert_loads_and_round_trips(tmp_path, bytes(raw))


FULL_V2 = {"format": "klviz-session", "version": 2, "unit": "bits",
           "discrete": {"labels": ["a", "b"], "p": [0.25, 0.75], "q": [1, 3]},
           "continuous": {"p": {"family": "normal", "mu": 0.5, "sigma": 2},
                          "q": {"family": "mixture", "weight": 0.25,
                                "components": [{"mu": -1, "sigma": 0.5}, {"mu": 1, "sigma": 1.5}]},
                          "second": {"p": {"weight": 0.4, "mu": 3, "sigma": 0.5}}},
           "losses": {"bernoulli": {"y": 0.3, "z": 2},
                      "categorical": {"logits": [1, -2, 0.5], "target": [0.2, 0.3, 0.5], "mode": "soft"},
                      "normal": {"y": 1.5, "f": -1, "sigma": 2, "free_sigma": True,
                                 "xs": [-1, 0, 2], "ys": [0.5, 1, -2]}},
           "view": {"overlay": True, "unit_variance": False},
           "lesson": {"step": "kl"},
           "batch": {"logits": [[1, -2, 0.5], [0, 3.5, -1e3]], "targets": [2, 0], "class_labels": ["a", "b", "c"]}}


@pytest.mark.parametrize("token", HOSTILE_TOKENS)
def test_each_hostile_token_in_each_number_slot(tmp_path, token):
    """Deterministic companion of the property above: every slot of a full session, every token."""
    assert_loads_and_round_trips(tmp_path, json.dumps(FULL_V2).encode()) is not None
    text = json.dumps(FULL_V2)
    for m in NUMBER.finditer(text):
        assert_loads_and_round_trips(tmp_path, (text[:m.start()] + token + text[m.end():]).encode())
