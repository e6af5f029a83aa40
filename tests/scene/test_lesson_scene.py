"""The lesson's live texts (klviz.scene.lesson), without a QApplication: the formulas carry the
measures' numbers (checked against mpmath), the asymmetry step claims D(P‖Q) ≠ D(Q‖P) only for a
difference larger than the values' error, and the code table shows labels as text."""

import re

import mpmath
import numpy as np
import pytest

from klviz import lesson
from klviz.scene import discrete as sdisc
from klviz.scene import lesson as scene_lesson
from klviz.state.discrete import DiscreteState

mpmath.mp.dps = 50


def state(p, q, labels=None):
    labels = labels or [chr(65 + i) for i in range(len(p))]
    return DiscreteState(tuple(labels), np.array(p, float), np.array(q, float))


def kl(p, q):
    p = [mpmath.mpf(x) for x in p]
    q = [mpmath.mpf(x) for x in q]
    sp, sq = sum(p), sum(q)
    return float(sum((a / sp) * mpmath.log((a / sp) / (b / sq)) for a, b in zip(p, q) if a > 0))


def asymmetry(s, unit="nats"):
    step = lesson.STEPS[lesson.step_index("asymmetry")]
    return scene_lesson.formula(step, sdisc.measures(s, unit), s, unit)


def test_a_clear_difference_is_claimed_with_both_values():
    s = state([0.2, 0.8], [0.5, 0.5])
    text = asymmetry(s)
    assert "≠" in text
    values = [float(x) for x in re.findall(r"<b>([-\d.e]+)</b>", text)]
    assert values == pytest.approx([kl(s.p, s.q), kl(s.q, s.p)], rel=5e-4)


@pytest.mark.parametrize("delta", [1e-7, 1e-9, 1e-12])
def test_values_equal_within_their_error_are_not_called_different(delta):
    # D(P‖Q) and D(Q‖P) differ here only in their third order (about delta³), far below the
    # error of either value: the step must not claim they differ
    s = state([0.5, 0.5], [0.5 + delta, 0.5 - delta])
    text = asymmetry(s)
    assert "≠" not in text and ("≈" in text or "=" in text)


def test_equal_distributions_are_equal():
    s = state([0.3, 0.7], [0.3, 0.7])
    assert re.fullmatch(r"D\(P‖Q\) = <b>0[.0]*</b> = D\(Q‖P\) = <b>0[.0]*</b> nats", asymmetry(s))


def test_the_code_table_escapes_labels():
    s = state([0.5, 0.5], [0.25, 0.75], labels=["<img src=/dev/zero>", "<b>x</b>"])
    table = scene_lesson.code_table(s, [2.0, 0.415])
    assert "<img" not in table and "&lt;img src=/dev/zero&gt;" in table and "&lt;b&gt;x&lt;/b&gt;" in table
