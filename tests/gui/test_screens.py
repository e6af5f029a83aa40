"""Presentation mode (F11) fits the screen it is on (issue 12): on each screen below, a window in a
child process on an offscreen screen of that size goes full screen, and no visible readout,
chart or caption of the tabs named lies outside the screen, is clipped by its parent or cuts its
text (tests/gui/fit_check.py measures; run it by hand for other screens and tabs).

What fits today, and so is held here: every tab and every Losses panel at 1280×720, 1366×768,
1920×1080, 3840×2160 and 1024×768, and at 1920×1080 with QT_SCALE_FACTOR=2 (960×540) too.
Short screens fold secondary parts behind their arrows (the pointwise chart, the α-fit, the
worked formulas); the loss panels' input rows wrap; the Normal panel's halves each carry their
readouts and its profile chart folds (1024×768). At 960×540 the Discrete tab folds its
decomposition too (to its title, after the pointwise chart; the heading over the readouts goes
while it is folded) and its P and Q charts share the height (140 px each at least); the
Continuous tab folds its integrands chart, whose caption with both integrals stays (the controls
scroll under the charts, as at 1024×768); the Losses intro gives its lines to the panels, the
Normal panel's halves stack with their readouts beside their charts and open one at a time, and
the Categorical panel's logits chart folds behind the softmax caption's arrow
(tests/gui/test_losses_fit.py). Nothing scrolls twice: no panel has a bar of its own inside a
page that scrolls (the Continuous tab's measures at 960×540 show their whole content then).

With the lesson panel open (test_the_pages_fit_beside_the_lesson_panel), at 1024×768 in F11 and in
an 800×600 window, in English and in French, and in F11 at 800×600 and 960×540 (where the type
beside the panel is lowered to fit the page), every tab and every Losses panel fits beside
it: stacked, their charts give way to the readouts under them; nothing overlaps.
"""

import pytest
from PySide6 import QtWidgets

from fit_check import fit_check

EVERY = ["page_discrete", "page_continuous", "page_coding", "page_joint", "page_losses"]
FITS = {
    (1024, 768): EVERY,
    (1280, 720): EVERY,
    (1366, 768): EVERY,
    (1920, 1080): EVERY,
    (3840, 2160): EVERY,
    (1920, 1080, 2.0): EVERY,  # 960×540 logical
}


@pytest.mark.parametrize("size", list(FITS), ids=["x".join(f"{v:g}" for v in k) for k in FITS])
def test_presentation_fits_the_screen(size):
    result = fit_check(*size)
    scale = size[2] if len(size) > 2 else 1.0
    logical = (round(size[0] / scale), round(size[1] / scale))
    assert result["full_screen"] and tuple(result["screen"][2:]) == logical
    assert tuple(result["window"][2:]) == logical
    for tab in FITS[size]:
        found = {name: problems for name, problems in result["problems"].items()
                 if name == tab or name.startswith(tab + "/")}  # a tab: all its panels
        assert found == {}, (size, found)


# With the lesson panel open beside the pages (View › Lesson panel): in presentation mode on a
# projector and in the window as it opens (maximized) on an 800×600 screen, where the page
# beside the panel is some 410 px wide. The pages stack their charts over their readouts there,
# and the charts give the readouts the room they need (ReflowSplitter.share_room). The Losses
# tab: each of its panels (Bernoulli, Categorical, Normal; the check visits every panel of a
# tab); stacked, the loss panels' readouts column keeps no room for a bar of its own, and the
# Categorical logits chart folds behind its softmax caption where the readouts would be below
# the fold. In French too (the longer texts): the panel is as narrow as in English (its step row
# and its fit buttons wrap, its texts wrap rather than widen it), so the pages beside it have the
# same room, and their labels and control rows wrap or are short enough not to need more.
WITH_LESSON = {  # (width, height, in the window?, French?, QT_SCALE_FACTOR)
    (1024, 768, False, False, 1.0): EVERY,
    (800, 600, True, False, 1.0): EVERY,
    (1024, 768, False, True, 1.0): EVERY,
    (800, 600, True, True, 1.0): EVERY,
    # F11 where the page beside the panel is too small for 1.6× type: the type is lowered to
    # fit it (classroom.LessonFit), to 1.0 on 800×600, where the page has some 420 px; at
    # 960×540 the Continuous tab stacks its charts (at their 140 px floor) over its measures
    (800, 600, False, False, 1.0): EVERY,
    (1920, 1080, False, False, 2.0): EVERY,
}
LESSON_WIDTH = 380  # the panel's own least width (LessonPanel): its body asks for no more


@pytest.mark.parametrize("case", list(WITH_LESSON),
                         ids=[f"{w}x{h}{f'x{sc:g}' if sc != 1 else ''}-{'window' if win else 'F11'}{'-french' if fr else ''}"
                              for w, h, win, fr, sc in WITH_LESSON])
def test_the_pages_fit_beside_the_lesson_panel(case):
    """Issue 12 with the lesson panel open: the panel lies inside the screen, and beside it no
    visible readout, chart or caption of the tabs named lies outside the screen, is clipped by
    its parent (below the fold of its page), cuts its text or overlaps another."""
    width, height, window, french, scale = case
    result = fit_check(width, height, scale, lesson=True, window=window, french=french)
    screen = tuple(result["screen"])
    assert screen[2:] == (round(width / scale), round(height / scale)) and result["full_screen"] is (not window)
    lesson = result["lesson"]
    assert lesson is not None, "the lesson panel did not open"
    sx, sy, sw, sh = screen
    x, y, w, h = lesson
    assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, (screen, lesson)
    assert w == LESSON_WIDTH, (case, lesson)  # in French too: no longer text widens it
    for tab in WITH_LESSON[case]:
        found = {name: problems for name, problems in result["problems"].items()
                 if name == tab or name.startswith(tab + "/")}
        assert found == {}, (case, found)


def test_the_check_sees_what_does_not_fit():
    """The measuring tool is not blind: at 512×384 (1024×768 at scale 2, smaller than any screen
    the issue names) the Discrete tab's readouts are below the fold, and the check says so."""
    result = fit_check(1024, 768, scale=2.0, tab="page_discrete")
    assert tuple(result["screen"][2:]) == (512, 384)
    found = result["problems"].get("page_discrete", [])
    assert any("value_kl_pq" in p and "clipped" in p for p in found), found


def test_the_check_sees_essentials_overlapping(qtbot):
    """A readout drawn under a chart (a splitter squeezing its parts below their minimum, as the
    Discrete tab's H(P) under the Q chart beside the lesson panel was) is a problem; side by
    side, touching, they are not."""
    import pyqtgraph as pg
    from fit_check import overlaps

    from PySide6 import QtCore

    holder = QtWidgets.QWidget()
    chart = pg.PlotWidget(holder)
    chart.setGeometry(0, 0, 200, 100)
    readout = QtWidgets.QLabel("0.5 bits", holder)
    readout.setGeometry(0, 90, 100, 20)
    qtbot.addWidget(holder)

    def drawn():
        return [(wd, QtCore.QRect(wd.mapToGlobal(QtCore.QPoint(0, 0)), wd.size()), tag)
                for wd, tag in ((chart, "chart"), (readout, "readout"))]

    assert overlaps(drawn()) == ["chart: overlaps readout at (0, 90, 100, 10)"]
    readout.move(0, 100)
    assert overlaps(drawn()) == []


def test_the_check_sees_a_panel_scrolling_inside_a_scrolling_page(qtbot):
    """Nothing may scroll twice: a panel whose own bar scrolls inside a page that scrolls too
    (the Continuous tab's measures at 960×540 did) is a problem; the same panel with room for
    its content, inside the same scrolling page, is not."""
    from fit_check import nested_scrolling

    page = QtWidgets.QWidget()
    outer = QtWidgets.QScrollArea(page)
    outer.setObjectName("outer")
    inner = QtWidgets.QScrollArea()
    inner.setObjectName("inner")
    content = QtWidgets.QWidget()
    content.setMinimumSize(100, 400)
    inner.setWidget(content)
    holder = QtWidgets.QWidget()
    holder.setMinimumSize(150, 900)
    inner.setParent(holder)
    inner.setGeometry(0, 0, 140, 200)
    outer.setWidget(holder)
    outer.resize(200, 300)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    QtWidgets.QApplication.processEvents()
    assert nested_scrolling(page) == ["scroll inner: scrolls inside outer, which scrolls too"]
    inner.setGeometry(0, 0, 140, 420)
    QtWidgets.QApplication.processEvents()
    assert nested_scrolling(page) == []


LONG = "BCE over the prediction f, for this target y"


def _chart(qtbot, width, titled):
    import pyqtgraph as pg

    chart = pg.PlotWidget()
    qtbot.addWidget(chart)
    chart.resize(width, 300)
    titled(chart.getPlotItem(), LONG, size="26pt", bold=True)
    chart.show()
    qtbot.waitExposed(chart)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    return chart


def test_a_long_chart_title_wraps_whole_inside_a_narrow_chart(qtbot):
    """Issue 12 (nothing clipped or elided): a title wider than its chart shrinks to a legible
    floor and then wraps onto more lines, each word inside the chart, instead of running off
    both sides. The check sees the
    difference: pyqtgraph's own setTitle runs off the chart."""
    from fit_check import title_problems

    from klviz.gui.theme import TITLE_FLOOR, set_plot_title

    plain = _chart(qtbot, 330, lambda pi, text, **kw: pi.setTitle(text, **kw))
    assert title_problems(plain, "plain") != []
    chart = _chart(qtbot, 330, set_plot_title)
    assert title_problems(chart, "wrapped") == []
    label = chart.getPlotItem().titleLabel
    assert label.text == LONG  # the whole text, not an elided one
    wrapped = label.itemRect().height()
    # wide again: one line, and still whole
    chart.resize(1400, 300)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    assert title_problems(chart, "wide") == []
    one_line = label.itemRect().height()
    assert label.itemRect().width() >= 0.9 * label.item.document().idealWidth()
    assert label.item.scale() == 1.0  # room enough: full size
    assert wrapped >= 1.8 * one_line * TITLE_FLOOR  # narrow, it took two lines or more
    # a little too wide: one line, a little smaller, never below the floor
    natural = label.itemRect().width()
    chart.resize(int(natural * 0.9) + 20, 300)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    assert title_problems(chart, "shrunk") == []
    assert TITLE_FLOOR <= label.item.scale() < 1.0
    assert label.itemRect().height() < 1.5 * one_line
