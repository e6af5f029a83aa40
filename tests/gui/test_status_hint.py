"""The status bar's start-up hint belongs to the Discrete tab (its bars are what one drags): on
another tab it is gone, not left saying "Drag a bar…" where there is no bar (issue 12)."""

HINT = "Drag a bar, or click a chart and use the arrow keys."


def test_the_discrete_hint_shows_at_start_and_only_on_its_tab(window, qtbot):
    bar = window.statusBar()
    assert window.tabs.currentWidget() is window.page_discrete and bar.currentMessage() == HINT
    for i in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert bar.currentMessage() == "", window.tabs.tabText(i)
    window.tabs.setCurrentWidget(window.page_discrete)
    assert bar.currentMessage() == ""  # once gone, it stays gone: no nagging on every visit


def test_a_tab_change_back_and_forth_while_the_hint_shows(window, qtbot):
    bar = window.statusBar()
    window.tabs.setCurrentWidget(window.page_continuous)
    assert bar.currentMessage() == ""
    bar.showMessage(HINT, 8000)  # (as if it still showed) back on Discrete it is its hint again
    window.tabs.setCurrentWidget(window.page_discrete)
    assert bar.currentMessage() == HINT


def test_a_tab_change_leaves_other_messages_alone(window, qtbot):
    bar = window.statusBar()
    bar.showMessage("Saved /tmp/x.klviz", 5000)
    window.tabs.setCurrentWidget(window.page_continuous)
    assert bar.currentMessage() == "Saved /tmp/x.klviz"


def test_a_lesson_step_on_another_tab_clears_the_hint(window, qtbot):
    from klviz import lesson

    window.action_lesson.trigger()
    qtbot.wait(20)
    step = next(k for k, s in enumerate(lesson.STEPS) if s.tab == "continuous")
    window.lesson.go(step)
    qtbot.wait(20)
    assert window.tabs.currentWidget() is window.page_continuous
    assert window.statusBar().currentMessage() == ""
