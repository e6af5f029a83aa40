"""After a deferred start the lesson panel is built ahead of time, hidden, a part per event-loop
turn, once the Losses panels are built (benchmarks/stall.py: opening it then only shows it).
Nothing of the session changes meanwhile, and opening it in the middle builds it once. It is laid
out and drawn once hidden too (again after a new look)."""

from PySide6 import QtCore, QtWidgets

from klviz.gui.lesson_dock import LessonPanel
from uitools import EventSpy


def deferred_window(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    return w


def test_the_lesson_panel_is_built_hidden_after_the_losses_panels(qtbot):
    w = deferred_window(qtbot)
    session, undo_count = w.model.session, w.model.undo_stack.count()
    assert w.findChild(LessonPanel) is None  # not at start-up
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: w.findChild(LessonPanel) is not None, timeout=5000)
    panel = w.findChild(LessonPanel)
    assert w.lesson is panel
    assert not panel.isVisible() and not w.action_lesson.isChecked()
    # its charts are the ones built ahead, inside the panel
    assert panel.isAncestorOf(panel.sampling) and panel.isAncestorOf(panel.fit_q)
    assert panel.sampling.plot.objectName() == "plot_sampling"
    assert w.model.session == session and w.model.undo_stack.count() == undo_count
    qtbot.wait(30)  # nothing left scheduled builds a second one
    assert len(w.findChildren(LessonPanel)) == 1

    w.action_lesson.trigger()  # opening it shows it and sets up the step's scene
    assert panel.isVisible() and w.action_lesson.isChecked()
    assert w.findChild(QtWidgets.QWidget, "plot_sampling") is panel.sampling.plot
    assert len(w.findChildren(LessonPanel)) == 1


def test_opening_the_lesson_during_the_prebuild_builds_it_once(qtbot):
    w = deferred_window(qtbot)
    w.finish_building()  # the Losses panels at once: the lesson's steps are scheduled now
    holder = w.findChild(QtCore.QObject, "lesson_prebuilt")
    qtbot.waitUntil(lambda: "sampling" in holder.parts, timeout=5000)
    assert w.findChild(LessonPanel) is None  # a part built, not the panel yet
    sampling = holder.parts["sampling"]
    w.action_lesson.trigger()
    panel = w.findChild(LessonPanel)
    assert panel is not None and panel.isVisible()
    assert panel.sampling is sampling  # the part built ahead, not another
    assert panel.isAncestorOf(panel.sampling) and panel.isAncestorOf(panel.fit_q)
    qtbot.wait(50)  # the steps still scheduled find the panel built
    assert len(w.findChildren(LessonPanel)) == 1
    assert len(w.findChildren(QtWidgets.QWidget, "plot_sampling")) == 1
    assert len(w.findChildren(QtWidgets.QWidget, "plot_fit_history")) == 1


def test_the_prebuilt_panel_waits_for_the_window_to_build_its_tabs(qtbot, monkeypatch):
    """The panel's steps find every tab's page by name, so building it before the window's own
    steps have built them would build them all in that one turn (76 ms): it waits for them."""
    from klviz.gui import main_window

    w = deferred_window(qtbot)
    built_by, inside = [], []
    real_page, real_lesson = main_window.MainWindow.ensure_page, main_window.MainWindow.lesson.fget

    def ensure_page(self, key):
        if key not in self._pages and inside:
            built_by.append(key)  # a page the lesson panel's build had to build
        return real_page(self, key)

    def lesson(self):
        inside.append(True)
        try:
            return real_lesson(self)
        finally:
            inside.pop()

    monkeypatch.setattr(main_window.MainWindow, "lesson", property(lesson))
    monkeypatch.setattr(main_window.MainWindow, "ensure_page", ensure_page)
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: w.findChild(LessonPanel) is not None, timeout=10000)
    assert w.pages_built()
    assert built_by == []


def test_the_prebuilt_panel_is_laid_out_hidden_at_its_docked_size(qtbot):
    """It is also laid out and drawn once while hidden, at the size it gets docked
    (LessonPanel.lay_out_hidden): nothing is shown, nothing of the session changes, and opening
    it gives it that very size."""
    w = deferred_window(qtbot)
    w.resize(1280, 800)
    session, undo_count = w.model.session, w.model.undo_stack.count()
    calls = []
    real = LessonPanel.lay_out_hidden

    def spy(self):
        calls.append(self.isVisible())
        real(self)

    LessonPanel.lay_out_hidden = spy
    try:
        w.finish_building_in_steps()
        qtbot.waitUntil(lambda: bool(calls), timeout=10000)
    finally:
        LessonPanel.lay_out_hidden = real
    panel = w.findChild(LessonPanel)
    assert calls == [False] and panel._laid_out
    assert not panel.isVisible() and not w.action_lesson.isChecked()
    assert w.model.session == session and w.model.undo_stack.count() == undo_count
    hidden_size = panel.size()
    title_width = panel.title.width()
    w.action_lesson.trigger()
    assert panel.isVisible()
    assert panel.size() == hidden_size  # the size it was laid out at
    assert panel.title.width() == title_width


def test_laying_the_hidden_panel_out_leaves_the_visible_page_alone(qtbot):
    """To draw a hidden widget Qt un-hides it for a moment and lays the window out meanwhile:
    the window made room for the dock, and the visible page's charts were resized and painted
    at that width, then again at their own (~15 ms of the deferred build's longest turn)."""
    w = deferred_window(qtbot)
    w.resize(1280, 800)
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: w.findChild(LessonPanel) is not None and w.lesson._laid_out, timeout=10000)
    _settle(qtbot, 100)
    page = w.page_discrete
    spy = EventSpy(QtCore.QEvent.Type.Resize)
    seen = spy.seen
    for widget in [page] + page.findChildren(QtWidgets.QWidget):
        widget.installEventFilter(spy)
    width = page.width()
    w.lesson.lay_out_hidden()
    _settle(qtbot, 50)
    assert seen == [] and page.width() == width
    assert not w.lesson.isVisible()


def test_a_new_look_lays_the_hidden_panel_out_again(qtbot):
    """F11, a zoom or a theme undo that layout: it is done again, hidden, later."""
    w = deferred_window(qtbot)
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: w.findChild(LessonPanel) is not None and w.lesson._laid_out, timeout=10000)
    panel = w.lesson
    calls = []
    real = panel.lay_out_hidden
    panel.lay_out_hidden = lambda: (calls.append(panel.isVisible()), real())
    w.presentation.zoom(1)  # a new look
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    assert calls == [False] and not panel.isVisible()
    w.action_lesson.trigger()
    calls.clear()
    w.presentation.zoom(1)
    qtbot.wait(LessonPanel.RELAYOUT_AFTER_LOOK_MS + 100)
    assert calls == []  # shown: left alone (its own layout follows the look)


def _body_fits(panel):
    scroll = panel.widget()
    body = scroll.widget()
    sizes = (body.width(), scroll.viewport().width(), body.minimumSizeHint().width())
    return body.width() <= scroll.viewport().width(), sizes


def _settle(qtbot, ms=400):
    qtbot.wait(ms)
    for _ in range(10):
        QtWidgets.QApplication.processEvents()


def test_the_prebuilt_panel_opened_after_a_larger_type_shows_its_whole_width(qtbot):
    """Issue 12 (nothing clipped): the panel's body scrolls up and down only, so a body wider
    than the panel was cut at its right edge (the Next button, the ends of the lines). That
    happened when the panel, laid out ahead at the normal type, was opened after a larger one
    (F11 in French at 1024×768: a 438 px body in a 378 px view). The panel is never narrower
    than its body now, and follows it when the type grows while it is shown."""
    w = deferred_window(qtbot)
    w.resize(1024, 700)
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: w.findChild(LessonPanel) is not None and w.lesson._laid_out, timeout=10000)
    panel = w.lesson
    w.action_presentation.trigger()  # F11 and a zoom: a larger type while the panel is hidden
    w.presentation.zoom(+0.6)
    _settle(qtbot, LessonPanel.RELAYOUT_AFTER_LOOK_MS + 300)
    # laid out again, hidden, at the new type (it takes the type ahead of being shown there)
    assert panel.widget().widget().minimumSizeHint().width() > 380  # more than it was laid out at
    w.action_lesson.trigger()
    _settle(qtbot)
    fits, sizes = _body_fits(panel)
    assert fits, sizes
    assert panel.button_next.geometry().right() <= panel.widget().viewport().width()
    w.presentation.zoom(+0.4)  # larger still, shown
    _settle(qtbot)
    fits, sizes = _body_fits(panel)
    assert fits, sizes
