"""An animation under way (Fit Q to P, the Continuous tab's fits) and a change from elsewhere: the
change ends the animation first, stands, and is its own undo step; the animation never writes
over it (a Q of the old length against a new P was a state no measure accepts)."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from klviz import lesson


def start_fit_q_to_p(window, qtbot):
    window.action_lesson.trigger()
    panel = window.lesson
    panel.go(lesson.step_index("optimum"))
    fit = panel.fit_q
    fit.duration_ms = 3000
    q0 = window.model.discrete.q.copy()
    fit.button.click()
    qtbot.waitUntil(lambda: fit._shown >= 2, timeout=3000)
    assert fit.running
    return fit, q0


@pytest.mark.parametrize("change", ["categories", "swap", "reset", "drag"])
def test_a_change_during_fit_q_to_p_ends_the_fit_and_stands(window, qtbot, change):
    m = window.model
    fit, q0 = start_fit_q_to_p(window, qtbot)
    stack = m.undo_stack
    if change == "categories":
        m.set_categories(3)
    elif change == "swap":
        m.swap()
    elif change == "reset":
        m.reset_discrete()
    else:  # a bar dragged on the Discrete tab: its own gesture
        m.begin_gesture("Drag a bar")
        m.set_probability("p", 0, 0.6)
        m.set_probability("p", 0, 0.7)
        m.end_gesture()
    assert not fit.running
    after = m.discrete
    qtbot.wait(3300)  # where the fit's animation would have gone on
    d = m.discrete
    assert len(d.p) == len(d.q) == len(d.labels)
    assert d.same_as(after)  # nothing wrote over the change
    m.discrete_measures()  # a valid pair (this raised with P and Q of different lengths)
    # the change is one step, the fit (as far as it went) the one before it
    assert stack.undoText() not in ("Fit Q to P", "")
    stack.undo()
    assert stack.undoText() == "Fit Q to P"
    partial = m.discrete.q.copy()
    assert not np.array_equal(partial, q0)
    stack.undo()
    np.testing.assert_array_equal(m.discrete.q, q0)


def test_undo_is_unavailable_while_fit_q_to_p_runs(window, qtbot):
    m = window.model
    fit, q0 = start_fit_q_to_p(window, qtbot)
    assert not m.undo_stack.canUndo()  # as for the Continuous fits: the step is being made
    m.undo_stack.undo()
    assert fit.running
    fit.finish()
    assert m.undo_stack.canUndo() and m.undo_stack.undoText() == "Fit Q to P"
    m.undo_stack.undo()
    np.testing.assert_array_equal(m.discrete.q, q0)


def test_a_slider_moved_during_a_continuous_fit_ends_the_fit_and_stands(window, qtbot):
    m = window.model
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    q0 = m.continuous("q")
    page.fit_duration_ms = 3000
    page.start_fit("forward")
    qtbot.waitUntil(lambda: m.continuous("q") != q0, timeout=3000)
    assert page.fitting
    m.set_continuous_param("q", "mu", -2.5)  # Q's mean slider
    assert not page.fitting and not m.fit_active
    qtbot.wait(3300)
    assert m.continuous("q").mu == -2.5
    m.undo_stack.undo()  # the slider's step, then the fit's
    assert m.continuous("q").mu != -2.5
