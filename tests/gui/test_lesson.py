"""The lesson panel: steps set up their scenes, formulas carry the live numbers (checked against
scipy), the sampling demonstration converges to D(P‖Q)."""

import math
import re

import numpy as np
import pytest
from PySide6 import QtWidgets
from scipy.special import rel_entr
from scipy.stats import entropy as sp_entropy

from klviz import lesson


def open_lesson(window):
    window.findChild(type(window.action_lesson), "action_lesson").trigger()
    return window.lesson


def numbers(text):
    return [float(x) for x in re.findall(r"(?<![\w.])\d+\.\d+", re.sub("<[^>]+>", " ", text))]


def test_every_step_sets_up_its_tab(window):
    panel = open_lesson(window)
    assert panel.isVisible()
    for i, step in enumerate(lesson.STEPS):
        panel.go(i)
        assert window.tabs.currentWidget().objectName() == f"page_{step.tab}"
        assert panel.title.text() == step.title
    assert not panel.button_next.isEnabled()


def test_entropy_step_formula_matches_scipy(window):
    panel = open_lesson(window)
    panel.go(0)
    d = window.model.discrete
    assert window.model.unit == "bits"
    assert numbers(panel.formula.text())[-1] == pytest.approx(sp_entropy(d.p, base=2), rel=6e-4)


def test_kl_step_decomposition_numbers(window):
    panel = open_lesson(window)
    panel.go(2)
    d = window.model.discrete
    ce, h, kl = numbers(panel.formula.text())[:3]
    assert h == pytest.approx(sp_entropy(d.p), rel=6e-4)
    assert kl == pytest.approx(rel_entr(d.p, d.q).sum(), rel=6e-4)
    assert ce == pytest.approx(sp_entropy(d.p) + rel_entr(d.p, d.q).sum(), rel=6e-4)
    window.model.set_probability("q", 0, 0.6)  # live: the formula follows the model
    assert numbers(panel.formula.text())[2] == pytest.approx(rel_entr(window.model.discrete.p,
                                                                       window.model.discrete.q).sum(), rel=6e-4)


def test_message_length_table(window):
    panel = open_lesson(window)
    panel.go(1)
    text = panel.table.text()
    q = window.model.discrete.q
    for qi in q:
        assert f"{-math.log2(qi):.3g}"[:3] in text


def test_sampling_converges(window):
    panel = open_lesson(window)
    panel.go(4)
    demo = panel.sampling
    assert demo.isVisible()
    demo._rng = np.random.default_rng(0)
    for _ in range(20):
        demo.draw(1000)
    d = window.model.discrete
    ref = rel_entr(d.p, d.q).sum()
    assert demo._estimate.size == 20_000
    assert demo._estimate[-1] == pytest.approx(ref, abs=0.03)
    shown = numbers(demo.readout.text())
    assert shown[0] == pytest.approx(demo._estimate[-1], rel=6e-4) and shown[1] == pytest.approx(ref, rel=6e-4)
    window.model.set_probability("p", 0, 0.6)  # a new P: the old samples no longer apply
    assert demo._estimate.size == 0
