"""The Qt-free pieces the Export animation dialog shares with `klviz export --animate`: a SPEC's
text, naming a category, a sweep's default range, and whether MP4 can be written."""

import importlib.util

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klviz import animation as an
from klviz.core.spec import Mixture, Normal


@pytest.mark.parametrize("text", ["fit-forward", "fit-reverse", "fit-alpha:0.5", "fit-alpha:-1.25",
                                  "sweep:mu_q:-2:2", "sweep:sigma_p:0.5:3", "sweep:p:B:0.1:0.9",
                                  "sweep:q:3:0:1"])
def test_a_spec_text_parses_back_to_itself(text):
    spec = an.parse_animation(text)
    assert an.parse_animation(spec.text) == spec


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
       st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_sweep_text_keeps_every_float(a, b):
    if a == b:
        return
    spec = an.AnimationSpec("sweep", param="mu_q", start=a, stop=b)
    assert an.parse_animation(spec.text) == spec


@given(st.lists(st.sampled_from(["A", "B", "1", "2", "3", " A", "a:b", "+2", ""]), min_size=2, max_size=6))
def test_category_key_selects_that_category(labels):
    for i in range(len(labels)):
        try:
            key = an.category_key(labels, i)
        except ValueError:
            continue  # every name it could use belongs to another category: said, not guessed
        spec = an.parse_animation(f"sweep:p:{key}:0.1:0.9")
        states = an.animation_states(spec, [1.0] * len(labels), [1.0] * len(labels), 2, labels, "discrete")
        first_p = states.states[0][0].probs
        assert first_p[i] == pytest.approx(0.1), (labels, i, key)


def test_sweep_defaults_run_from_now_to_the_other_distribution():
    p, q = Normal(1.0, 2.0), Normal(-0.5, 0.75)
    assert an.sweep_defaults("mu_q", p, q) == (-0.5, 1.0)
    assert an.sweep_defaults("sigma_p", p, q) == (2.0, 0.75)
    mix = Mixture(0.3, (Normal(4.0, 0.5), Normal(-4.0, 1.0)))
    assert an.sweep_defaults("mu_p", mix, q) == (4.0, -0.5)  # the first component moves
    assert an.sweep_defaults("mu_q", p, p) == (1.0, 5.0)  # equal: two σ away
    assert an.sweep_defaults("sigma_q", p, p) == (2.0, 4.0)
    assert an.sweep_defaults("q", [0.2, 0.8], [0.5, 0.5], 1) == (0.5, 0.8)
    assert an.sweep_defaults("p", [0.2, 0.8], [0.2, 0.8], 0) == (0.2, 0.9)


def test_video_unavailable_names_the_extra_exactly_when_it_is_missing():
    missing = an.video_unavailable()
    if importlib.util.find_spec("imageio_ffmpeg") is None:
        assert missing and "klviz[video]" in missing and "imageio-ffmpeg" in missing
    else:
        assert missing is None or "ffmpeg" in missing


def test_a_single_category_cannot_be_swept():
    with pytest.raises(ValueError, match="at least two categories"):
        an.animation_states("sweep:p:1:0.1:0.9", [1.0], [1.0], 5)
