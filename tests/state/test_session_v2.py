"""Session format version 2: every tab's state in one file (loss lab, view options, remembered
mixture parts, lesson step), each new field validated and named when refused; and the pure
operations on the whole session (klviz.state, Qt-free)."""

import copy
import json

import pytest

from klviz import state as ss
from klviz.core.spec import Mixture, Normal
from klviz.state import continuous as cs
from klviz.state import losslab as lab
from klviz.state import session as sn

FULL = {
    "format": "klviz-session", "version": 2, "unit": "hartleys",
    "discrete": {"labels": ["x", "y", "z"], "p": [0.5, 0.25, 0.25], "q": [0.2, 0.2, 0.6]},
    "continuous": {"p": {"family": "normal", "mu": -1.0, "sigma": 0.5},
                   "q": {"family": "normal", "mu": 2.0, "sigma": 1.0},
                   "second": {"p": {"weight": 0.3, "mu": 4.5, "sigma": 0.25},
                              "q": {"weight": 0.7, "mu": -2.0, "sigma": 3.0}}},
    "losses": {"bernoulli": {"y": 1.0, "z": 3.25},
               "categorical": {"logits": [0.5, -1.0, 2.0], "target": [0.0, 0.0, 1.0], "mode": "one-hot"},
               "normal": {"y": -2.0, "f": 1.5, "sigma": 2.5, "free_sigma": True,
                          "xs": [-2.0, 0.0, 1.0], "ys": [1.0, -1.0, 4.0]}},
    "view": {"overlay": True, "unit_variance": True},
    "lesson": {"step": "asymmetry"},
}


def write(tmp_path, data):
    path = tmp_path / "s.klviz"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_a_full_version_2_session_round_trips_exactly(tmp_path):
    s = ss.load_session(write(tmp_path, FULL))
    assert s.losses.bernoulli == lab.BernoulliState(y=1.0, z=3.25)
    assert s.losses.categorical == lab.CategoricalState(logits=(0.5, -1.0, 2.0), target=(0.0, 0.0, 1.0),
                                                        mode="one-hot")
    assert s.losses.normal == lab.NormalState(y=-2.0, f=1.5, sigma=2.5, free_sigma=True,
                                              xs=(-2.0, 0.0, 1.0), ys=(1.0, -1.0, 4.0))
    assert s.view == ss.ViewOptions(overlay=True, unit_variance=True)
    assert s.lesson_step == "asymmetry" and s.unit == "hartleys"
    assert s.continuous.second("p") == cs.SecondComponent(0.3, 4.5, 0.25)
    assert s.to_dict() == FULL  # every field written back as it was read
    out = tmp_path / "out.klviz"
    ss.save_session(s, str(out))
    assert json.loads(out.read_text()) == FULL


def test_a_version_1_file_opens_with_the_new_parts_at_their_defaults(tmp_path):
    v1 = {k: FULL[k] for k in ("format", "unit", "discrete")} | {"version": 1}
    v1["continuous"] = {k: FULL["continuous"][k] for k in ("p", "q")} | {"second": FULL["continuous"]["second"]}
    v1["losses"] = FULL["losses"]  # keys version 1 did not have are ignored there, as before
    s = ss.load_session(write(tmp_path, v1))
    default = ss.Session()
    assert s.losses == default.losses and s.view == default.view and s.lesson_step == default.lesson_step
    assert s.continuous.second("p") == cs.MIXTURE_DEFAULTS["p"]
    assert s.unit == "hartleys" and s.discrete.labels == ("x", "y", "z")
    assert s.to_dict()["version"] == 2


def test_a_mixture_sides_remembered_part_is_its_own(tmp_path):
    data = copy.deepcopy(FULL)
    data["view"]["unit_variance"] = False
    data["continuous"]["p"] = {"family": "mixture", "weight": 0.6,
                               "components": [{"mu": 0, "sigma": 1}, {"mu": 3, "sigma": 2}]}
    s = ss.load_session(write(tmp_path, data))
    assert s.continuous.second("p") == cs.SecondComponent(0.6, 3.0, 2.0)
    assert "p" not in s.to_dict()["continuous"]["second"]  # nothing to remember: P holds it


def changed(path, value):
    """FULL with the field at `path` set to `value` (or removed if value is DELETE)."""
    data = copy.deepcopy(FULL)
    obj = data
    for key in path[:-1]:
        obj = obj[key]
    if value is DELETE:
        del obj[path[-1]]
    else:
        obj[path[-1]] = value
    return data


DELETE = object()
B, C, N = ("losses", "bernoulli"), ("losses", "categorical"), ("losses", "normal")
BAD = {
    "losses not an object": (("losses",), [1], "'losses' must be an object"),
    "bernoulli not an object": (B, "x", "losses bernoulli must be an object"),
    "bernoulli y too big": (B + ("y",), 1.5, "losses bernoulli y must lie in [0, 1]"),
    "bernoulli y negative": (B + ("y",), -0.1, "losses bernoulli y must lie in [0, 1]"),
    "bernoulli y string": (B + ("y",), "0.5", "losses bernoulli y must be a number"),
    "bernoulli y bool": (B + ("y",), True, "losses bernoulli y must be a number"),
    "bernoulli z missing": (B + ("z",), DELETE, 'losses bernoulli needs "z"'),
    "bernoulli z too large": (B + ("z",), 1e5, "losses bernoulli z must lie in [-10000, 10000]"),
    "categorical one logit": (C + ("logits",), [1.0], "losses categorical logits has 1 classes (2 to 10)"),
    "categorical 11 logits": (C + ("logits",), [0.0] * 11, "losses categorical logits has 11"),
    "categorical logits not a list": (C + ("logits",), {"a": 1}, "losses categorical logits must be a list"),
    "categorical logit null": (C + ("logits",), [0.0, None, 1.0], "losses categorical logit 2 must be a number"),
    "categorical logit huge": (C + ("logits",), [0.0, -2e4, 1.0], "losses categorical logit 2 must lie"),
    "categorical target short": (C + ("target",), [1.0, 0.0], "losses categorical target has 2 entries for 3"),
    "categorical target negative": (C + ("target",), [1.0, -1.0, 1.0], "negative"),
    "categorical target zero": (C + ("target",), [0, 0, 0], "all zero"),
    "categorical mode unknown": (C + ("mode",), "hard", 'losses categorical mode must be "one-hot" or "soft"'),
    "categorical one-hot soft": (C + ("target",), [0.5, 0.0, 0.5], "losses categorical target must be one-hot"),
    "normal y out of range": (N + ("y",), 6.0, "losses normal y must lie in [-5, 5]"),
    "normal f out of range": (N + ("f",), -5.5, "losses normal f must lie in [-5, 5]"),
    "normal sigma zero": (N + ("sigma",), 0, "losses normal sigma must lie in [0.1, 10]"),
    "normal free_sigma number": (N + ("free_sigma",), 1, "losses normal free_sigma must be true or false"),
    "normal xs and ys differ": (N + ("ys",), [1.0, 2.0], "losses normal xs and ys have different lengths"),
    "normal one point": (N + ("xs",), [0.0], "losses normal xs has 1 points (2 to 40)"),
    "normal 41 points": (N + ("xs",), [0.0] * 41, "losses normal xs has 41 points"),
    "normal x out of range": (N + ("xs",), [0.0, 9.0, 1.0], "losses normal x 2 must lie in [-4, 4]"),
    "normal y point out of range": (N + ("ys",), [0.0, 1.0, -3.5], "losses normal y 3 must lie in [-3, 5]"),
    "view not an object": (("view",), True, "'view' must be an object"),
    "overlay string": (("view", "overlay"), "yes", "view overlay must be true or false"),
    "overlay number": (("view", "overlay"), 0, "view overlay must be true or false"),
    "unit variance with a wide Q": (("continuous", "q", "sigma"), 2.0, "view unit_variance is true, but"),
    "unit variance with a mixture Q": (("continuous", "q"), {"family": "mixture", "weight": 0.5, "components": [
        {"mu": 0, "sigma": 1}, {"mu": 1, "sigma": 1}]}, "view unit_variance is true, but"),
    "lesson not an object": (("lesson",), "kl", "'lesson' must be an object"),
    "lesson step unknown": (("lesson", "step"), "quantum", 'lesson step "quantum" is unknown'),
    "lesson step a number": (("lesson", "step"), 3, "lesson step 3 is unknown"),
    "lesson step missing": (("lesson", "step"), DELETE, "'lesson' needs \"step\""),
    "second not an object": (("continuous", "second"), [], "continuous second must be an object"),
    "second weight": (("continuous", "second", "p", "weight"), 1.5,
                      "continuous P second component weight must lie in [0, 1]"),
    "second sigma": (("continuous", "second", "q", "sigma"), 0, "continuous Q second component"),
    "second sigma string": (("continuous", "second", "q", "sigma"), "1",
                            "continuous Q second component sigma must be a number"),
    "second mu missing": (("continuous", "second", "p", "mu"), DELETE, 'continuous P second component needs "mu"'),
}


@pytest.mark.parametrize("name", list(BAD))
def test_every_new_field_is_checked_and_named(tmp_path, name):
    path, value, words = BAD[name]
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(write(tmp_path, changed(path, value)))
    assert words.lower() in str(info.value).lower(), str(info.value)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300


NUMBER_SLOTS = {  # where a number goes -> how the message names it
    B + ("y",): "losses bernoulli y", B + ("z",): "losses bernoulli z", N + ("y",): "losses normal y",
    N + ("f",): "losses normal f", N + ("sigma",): "losses normal sigma",
    ("continuous", "second", "p", "weight"): "continuous P second component weight",
    ("continuous", "second", "q", "mu"): "continuous Q second component mu",
}


@pytest.mark.parametrize("token, words", [("1e400", "is 1e400, too large"), ("-1e400", "is -1e400, too large"),
                                          ("NaN", "is NaN"), ("Infinity", "is Infinity"),
                                          ("1" + "0" * 400, "is a 401-character number, too large"),
                                          ("7" * 5000, "is a 5,000-character number")])
@pytest.mark.parametrize("slot", list(NUMBER_SLOTS), ids=" ".join)
def test_numbers_no_float_can_hold_are_named(tmp_path, slot, token, words):
    text = json.dumps(changed(slot, "@@")).replace('"@@"', token)
    with pytest.raises(ss.SessionError) as info:
        ss.load_session(write(tmp_path, text))
    assert str(info.value).startswith(f"{NUMBER_SLOTS[slot]} {words}"), str(info.value)


def test_version_3_is_newer_and_says_which_versions_are_read(tmp_path):
    with pytest.raises(ss.SessionError, match="newer klviz .* reads versions 1 to 2"):
        ss.load_session(write(tmp_path, dict(FULL, version=3)))


def test_the_compatibility_module_is_the_state():
    from klviz.session import Session, SessionError, load_session, save_session

    assert (Session, SessionError, load_session, save_session) == (
        ss.Session, ss.SessionError, ss.load_session, ss.save_session)
    from klviz.losslab import LossLab, set_logit

    assert LossLab is lab.LossLab and set_logit is lab.set_logit


def test_matching_a_file_ignores_the_lesson_step_only(tmp_path):
    s = ss.load_session(write(tmp_path, FULL))
    path = write(tmp_path, FULL)
    assert ss.load_session_matches(path, sn.with_lesson_step(s, "entropy"))  # navigation
    assert not ss.load_session_matches(path, sn.with_overlay(s, False))  # an edit


# ------------------------------------------------------------------------- pure operations


def test_mixture_memory_comes_back():
    c = cs.ContinuousState()
    c = cs.set_param(c, "p", "mu2", 2.5)  # remembered while P is a Normal
    assert c.p == Normal(0.0, 1.0) and c.second("p").mu == 2.5
    c = cs.set_mixture(c, "p", True)
    assert c.p == Mixture.from_params(0.5, 0.0, 1.0, 2.5, 1.0)
    c = cs.set_param(c, "p", "weight", 0.8)
    c = cs.set_mixture(c, "p", False)
    assert c.p == Normal(0.0, 1.0) and c.second("p") == cs.SecondComponent(0.8, 2.5, 1.0)
    assert cs.set_mixture(c, "p", True).p == Mixture.from_params(0.8, 0.0, 1.0, 2.5, 1.0)
    with pytest.raises(ValueError):
        cs.set_param(c, "p", "sigma2", -1.0)
    with pytest.raises(ValueError):
        cs.set_param(c, "r", "mu", 0.0)


def test_a_mixture_preset_is_remembered_when_it_is_switched_off():
    c = cs.apply_preset(cs.ContinuousState(), "bimodal-p")
    single = cs.set_mixture(c, "p", False)
    assert single.second("p") == cs.SecondComponent(0.5, 3.0, 0.8)
    assert cs.set_mixture(single, "p", True).p == cs.CONTINUOUS_PRESETS["bimodal-p"][0]


def test_unit_variance_ties_the_view_to_q():
    s = ss.Session().with_(continuous_q=Normal(2.0, 3.0))
    on = sn.with_unit_variance(s, True)
    assert on.view.unit_variance and on.continuous_q == Normal(2.0, 1.0)
    assert sn.with_unit_variance(on, False).continuous_q == Normal(2.0, 1.0)  # σ stays; the view ends
    wide = sn.with_continuous(on, cs.set_param(on.continuous, "q", "sigma", 2.0))
    assert not wide.view.unit_variance  # Q is no longer N(μ, 1): the link view ends in that step
    moved = sn.with_continuous(on, cs.set_param(on.continuous, "q", "mu", -1.0))
    assert moved.view.unit_variance
    mixed = sn.with_continuous(on, cs.set_mixture(on.continuous, "q", True))
    assert not mixed.view.unit_variance
    with pytest.raises(ValueError, match="Normal Q"):
        sn.with_unit_variance(ss.Session().with_(continuous=mixed.continuous), True)


def test_lesson_steps_by_key_or_index():
    s = ss.Session()
    assert sn.lesson_index(s) == 0
    assert sn.with_lesson_step(s, 2).lesson_step == sn.LESSON_STEPS[2]
    assert sn.with_lesson_step(s, 99).lesson_step == sn.LESSON_STEPS[-1]
    assert sn.with_lesson_step(s, "mse").lesson_step == "mse"
    with pytest.raises(ValueError):
        sn.with_lesson_step(s, "nope")


def test_sessions_compare_by_every_part():
    a = ss.Session()
    assert a.same_as(ss.Session())
    for b in (sn.with_overlay(a, True), sn.with_lesson_step(a, 1), a.with_(unit="bits"),
              a.with_(losses=lab.update(a.losses, "bernoulli", lab.set_logit, 1.0)),
              a.with_(continuous=cs.set_param(a.continuous, "q", "mu2", 1.0))):
        assert not a.same_as(b) and not b.same_as(a)


def test_loss_lab_update_names_its_part():
    l0 = lab.LossLab()
    assert lab.update(l0, "normal", lab.set_sigma, 0.0).normal.sigma == lab.SIGMA_RANGE[0]
    assert lab.update(l0, "bernoulli", lab.set_logit, l0.bernoulli.z) is l0  # no change, same state
    with pytest.raises(ValueError):
        lab.update(l0, "gaussian", lab.set_sigma, 1.0)
