"""Issue 12: opening or closing the lesson panel does not by itself make the document modified
(no asterisk in the title, no "Save?" on close). Whether it is modified is decided by what the
session holds: a step whose scene changes P, Q, the unit or the view is an undo step and marks it
(Undo takes it back to clean); showing the panel on a step whose scene is already there does not."""

import pytest
from PySide6 import QtWidgets

from klviz import lesson
from klviz.state import session as sn
from klviz.state.lesson import scene_session


def toggle_lesson(window, qtbot):
    window.action_lesson.trigger()  # View › Lesson panel (Ctrl+L): `triggered`, as a person's
    qtbot.wait(20)


def assert_clean(window):
    stack = window.model.undo_stack
    assert stack.isClean() and not window.isWindowModified(), [stack.text(i) for i in range(stack.count())]
    assert "*" not in window.windowTitle().replace("[*]", "")


def _window_on(qtbot, session, deferred=False):
    from klviz.gui import create_main_window

    w = create_main_window(session=session, deferred=deferred)
    qtbot.addWidget(w)
    w.resize(1024, 768)
    with qtbot.waitExposed(w):
        w.show()
    if deferred:
        w.finish_building()
    return w


@pytest.mark.parametrize("key", [s.key for s in lesson.STEPS])
def test_opening_and_closing_the_panel_on_a_step_already_set_up_changes_nothing(qtbot, key):
    step = lesson.STEPS[lesson.step_index(key)]
    session = sn.with_lesson_step(scene_session(sn.Session(), step), key)
    window = _window_on(qtbot, session)
    assert_clean(window)
    for _ in range(2):  # open, close, open, close
        toggle_lesson(window, qtbot)
        assert window.lesson.isVisible() and window.model.lesson_step == key
        assert_clean(window)
        toggle_lesson(window, qtbot)
        assert not window.lesson.isVisible()
        assert_clean(window)
    assert window.model.session.same_as(session)
    window.close()  # nothing to save: it closes without asking
    assert not window.isVisible() and not window.findChildren(QtWidgets.QMessageBox)


def test_a_deferred_start_with_the_prebuilt_panel_stays_clean(qtbot):
    """The app's own start: later tabs and the lesson panel built after the first paint."""
    step = lesson.STEPS[lesson.step_index("kl")]
    window = _window_on(qtbot, sn.with_lesson_step(scene_session(sn.Session(), step), "kl"), deferred=True)
    from klviz.gui.lesson_dock import LessonPanel

    qtbot.waitUntil(lambda: window.findChild(LessonPanel) is not None and window.findChild(LessonPanel)._laid_out)
    assert not window.lesson.isVisible()  # built and laid out hidden: the session untouched
    assert_clean(window)
    toggle_lesson(window, qtbot)
    toggle_lesson(window, qtbot)
    assert_clean(window)


def test_a_step_that_changes_p_and_q_marks_the_document_and_undo_takes_it_back(window, qtbot):
    """The default P and Q are not the first step's: opening the panel sets that scene (one
    undo step, the document modified); Undo restores P and Q and the clean state, and closing
    the panel then leaves it clean."""
    before = window.model.session
    assert_clean(window)
    toggle_lesson(window, qtbot)
    stack = window.model.undo_stack
    assert not before.discrete.same_as(window.model.discrete) and window.model.unit == "bits"
    assert not stack.isClean() and window.isWindowModified() and stack.count() == 1
    stack.undo()
    assert window.model.session.same_as(before)
    assert_clean(window)
    toggle_lesson(window, qtbot)  # close
    assert_clean(window)
