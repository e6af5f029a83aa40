"""Layouts reflow instead of forcing a minimum window size (issue 12, "Fit any screen"): every tab
works in an 800×600 window, with and without the lesson dock; columns stack when they do not fit
side by side; what still does not fit scrolls, nothing is squeezed below its minimum."""

import pytest
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.reflow import HYSTERESIS, ReflowSplitter, page_scroll

H, V = QtCore.Qt.Orientation.Horizontal, QtCore.Qt.Orientation.Vertical


def fixed(width, height):
    w = QtWidgets.QWidget()
    w.setMinimumSize(width, height)
    return w


def page_with_secondary(qtbot, name, height):
    """A page of a 300 px main part and a 250 px secondary one, shown at 400 × `height`."""
    from klviz.gui.widgets.reflow import PageScroll, Secondary

    content = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(content)
    layout.addWidget(fixed(200, 300))  # the main part
    part = Secondary(QtWidgets.QLabel("Pointwise terms"), fixed(200, 250), name, "the test chart")
    layout.addWidget(part)
    page = PageScroll(content)
    page.add_secondary(part)
    qtbot.addWidget(page)
    page.resize(400, height)
    page.show()
    return page, content, part


def test_reflow_splitter_stacks_below_its_columns_width_and_comes_back(qtbot):
    split = ReflowSplitter()
    parts = [fixed(300, 100), fixed(250, 120), fixed(200, 80)]
    for p in parts:
        split.addWidget(p)
    holder = page_scroll(split)
    qtbot.addWidget(holder)
    need = 750 + 2 * split.handleWidth()
    assert split.side_by_side_width() == need
    assert split.minimumSizeHint().width() == 300  # the widest part, not the sum
    holder.resize(need + 40, 400)
    holder.show()
    qtbot.waitUntil(lambda: split.width() >= need)
    assert split.orientation() == H and not split.stacked()
    holder.resize(need - 10, 400)
    qtbot.waitUntil(split.stacked)
    assert split.orientation() == V
    assert split.minimumSizeHint().height() >= 100 + 120 + 80  # stacked: the heights add up
    holder.resize(need + 5, 400)  # inside the hysteresis band: stays stacked
    QtWidgets.QApplication.processEvents()
    assert split.stacked()
    holder.resize(need + HYSTERESIS + 30, 400)
    qtbot.waitUntil(lambda: not split.stacked())
    for p in parts:  # nothing squeezed in either arrangement
        assert p.width() >= p.minimumWidth() and p.height() >= p.minimumHeight()


def test_stacked_first_goes_on_top_and_back(qtbot):
    split = ReflowSplitter()
    a, b, c = fixed(300, 50), fixed(300, 50), fixed(300, 50)
    for p in (a, b, c):
        split.addWidget(p)
    split.set_stacked_first(b)
    holder = page_scroll(split)  # not a window of its own: a top-level QSplitter fixes its minimum
    qtbot.addWidget(holder)
    holder.resize(1200, 200)
    holder.show()
    holder.resize(400, 400)
    qtbot.waitUntil(split.stacked)
    assert [split.widget(k) for k in range(3)] == [b, a, c]
    holder.resize(1200, 200)
    qtbot.waitUntil(lambda: not split.stacked())
    assert [split.widget(k) for k in range(3)] == [a, b, c]


def _squeezed(page):
    """Visible widgets of `page` smaller than their minimum size hint (their text or drawing cut)."""
    out = []
    for w in page.findChildren(QtWidgets.QWidget):
        if not w.isVisible() or isinstance(w, (QtWidgets.QScrollBar, QtWidgets.QSplitterHandle)):
            continue
        if w.parent() is not None and isinstance(w.parent(), QtWidgets.QAbstractScrollArea) \
                and w is not w.parent().viewport():
            continue  # a scroll area's own parts
        if isinstance(w.parent(), (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QTabBar)):
            continue  # a compound widget's inner parts (line edit, tab scroll arrows): its owner is checked
        hint = w.minimumSizeHint()
        minimum = w.minimumSize()
        need_w, need_h = max(hint.width(), minimum.width()), max(hint.height(), minimum.height())
        if w.sizePolicy().horizontalPolicy() == QtWidgets.QSizePolicy.Policy.Ignored:
            need_w = 0
        if w.sizePolicy().verticalPolicy() == QtWidgets.QSizePolicy.Policy.Ignored:
            need_h = 0
        if w.width() + 1 < need_w or w.height() + 1 < need_h:
            out.append(f"{type(w).__name__} {w.objectName()!r} {w.size().toTuple()} < {(need_w, need_h)}")
    return out


def _pages(window):
    for k in range(window.tabs.count()):
        window.tabs.setCurrentIndex(k)
        page = window.tabs.widget(k)
        panels = getattr(page, "panels", None)
        if isinstance(panels, QtWidgets.QTabWidget):
            for j in range(panels.count()):
                panels.setCurrentIndex(j)
                yield f"{page.objectName()}/{panels.widget(j).objectName()}", page
        else:
            yield page.objectName(), page


@pytest.mark.parametrize("lesson", [False, True])
def test_every_tab_works_at_800_by_600(qtbot, lesson):
    from klviz.gui import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(800, 600)
    with qtbot.waitExposed(window):
        window.show()
    if lesson:
        window.action_lesson.setChecked(True)
        qtbot.waitUntil(lambda: window.lesson.isVisible())
    hint = window.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 600, hint
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.size() == QtCore.QSize(800, 600))
    seen = []
    for name, page in _pages(window):
        assert page.isVisible() and page.width() <= 800, name
        try:  # a page lays itself out when shown: let it settle
            qtbot.waitUntil(lambda: not _squeezed(page), timeout=3000)
        except Exception:
            pass
        assert not _squeezed(page), (name, _squeezed(page))
        seen.append(name)
    assert {"page_discrete", "page_continuous", "page_coding", "page_joint"} <= set(seen)
    assert sum(n.startswith("page_losses/") for n in seen) == 3


def test_the_continuous_columns_stack_at_800_and_stand_side_by_side_at_1920(qtbot):
    from klviz.gui import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.page_continuous)
    split = window.page_continuous.findChild(ReflowSplitter, "split_continuous")
    window.resize(800, 600)
    with qtbot.waitExposed(window):
        window.show()
    view = window.page_continuous.findChild(ReflowSplitter, "split_continuous_view")
    page = window.page_continuous
    qtbot.waitUntil(split.stacked)
    assert split.widget(0) is view and not view.stacked()  # the charts and measures on top, side by side
    assert page.plot_densities.height() >= 180 and page.readouts.isVisible()
    assert view.widget(0).isAncestorOf(page.plot_densities)
    assert split.widget(1).isAncestorOf(page.controls[("p", "mu")].spin)  # the controls under them
    window.resize(560, 600)  # narrower still: everything stacks, the charts first
    qtbot.waitUntil(view.stacked)
    assert view.widget(0).isAncestorOf(page.plot_densities) and view.widget(0).height() >= 400
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: not split.stacked() and not view.stacked())
    assert split.widget(0).isAncestorOf(page.controls[("p", "mu")].spin)  # three columns: controls, charts, measures
    assert view.widget(0).isAncestorOf(page.plot_densities)


def test_a_secondary_part_folds_when_the_page_is_too_short_and_the_user_choice_wins(qtbot):
    page, content, part = page_with_secondary(qtbot, "part_test", 900)
    qtbot.waitUntil(lambda: part.body.isVisible())
    page.resize(400, 420)  # too short for both: the secondary part folds, nothing has to scroll
    qtbot.waitUntil(lambda: not part.expanded())
    assert not part.body.isVisible() and part.isVisible()  # its caption and toggle stay
    qtbot.waitUntil(lambda: content.height() <= page.viewport().height())
    page.resize(400, 900)  # room again: it comes back
    qtbot.waitUntil(part.expanded)
    page.resize(400, 420)
    qtbot.waitUntil(lambda: not part.expanded())
    part.button.click()  # the user unfolds it: the page scrolls instead and never folds it again
    assert part.expanded() and part.chosen
    page.resize(400, 410)
    QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.processEvents()
    assert part.expanded() and page.verticalScrollBar().maximum() > 0


def test_a_secondary_part_unfolded_as_the_user_would_is_the_part_the_click_unfolds(qtbot):
    """unfold_as_user (the lesson's "Try this" opening a part it needs) gives what a click on
    the arrow gives: the same signals, the same state; an unfolded part it only makes the
    user's choice, so a page growing shorter does not fold it."""
    def short_page(name):  # too short for both parts: the page folds the secondary one
        page, _, part = page_with_secondary(qtbot, name, 420)
        qtbot.waitUntil(lambda: not part.expanded() and part.folded_by_page)
        return page, part

    def state(part):
        return (part.expanded(), part.chosen, part.folded_by_page, part.body.isVisible(),
                part.button.arrowType(), part.minimumHeight(), part.maximumHeight())

    results = []
    for unfold in (lambda part: part.button.click(), lambda part: part.unfold_as_user()):
        page, part = short_page("part_test")
        signals = []
        part.button.toggled.connect(lambda on: signals.append(("toggled", on)))
        part.expandedChanged.connect(lambda on: signals.append(("expanded", on)))
        unfold(part)
        results.append((signals, state(part)))
    assert results[0] == results[1]
    assert results[0][0] == [("expanded", True), ("toggled", True)] and results[0][1][:4] == (True, True, False, True)

    page, part = short_page("part_open")
    page.resize(400, 900)  # room: the page unfolds it, not the user
    qtbot.waitUntil(part.expanded)
    assert not part.chosen
    signals = []
    part.expandedChanged.connect(signals.append)
    part.unfold_as_user()
    assert part.chosen and signals == []
    page.resize(400, 410)
    QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.processEvents()
    assert part.expanded() and page.verticalScrollBar().maximum() > 0


def test_presentation_on_a_small_screen_folds_the_pointwise_chart_and_keeps_the_rest_in_view(qtbot):
    from klviz.gui import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(1024, 768)
    with qtbot.waitExposed(window):
        window.show()
    window.presentation.set_presentation_scale(1.8)  # on the 1128×861 test screen, as 1.4 at 1024×768
    window.action_presentation.trigger()
    qtbot.waitUntil(window.isFullScreen)
    page = window.page_discrete
    qtbot.waitUntil(lambda: not page.pointwise_part.expanded())
    scroll = page.page_scroll
    qtbot.waitUntil(lambda: scroll.widget().height() <= scroll.viewport().height()
                    and not scroll.verticalScrollBar().isVisible() and not scroll.horizontalScrollBar().isVisible())
    for w in (page.plot_p, page.plot_q, page.readouts, page.decomposition):
        top_left = w.mapTo(scroll.viewport(), QtCore.QPoint(0, 0))
        assert scroll.viewport().rect().contains(QtCore.QRect(top_left, w.size())), w.objectName()
    window.action_presentation.trigger()  # back to normal type in a 1024×768 window: room again
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.waitUntil(page.pointwise_part.expanded)


def test_a_page_at_the_edge_does_not_fold_and_unfold_over_and_over(qtbot):
    """Folding uses the height the scroll area lays the page out at (word-wrapped text: height
    for width, from preferred heights) and unfolding an estimate from minimum heights: where the
    two disagree a page at the edge folded and unfolded on every relayout (every drag frame,
    4 M instructions each in benchmarks/callgrind_drag.py). Now it settles."""
    from klviz.gui.widgets.reflow import PageScroll, Secondary

    class Tall(QtWidgets.QWidget):  # small minimum, large preferred height: like a chart
        def sizeHint(self):
            return QtCore.QSize(200, 300)

        def minimumSizeHint(self):
            return QtCore.QSize(100, 40)

    content = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(content)
    wrapped = QtWidgets.QLabel("words " * 40)
    wrapped.setWordWrap(True)  # the layout now has a height for width
    layout.addWidget(wrapped)
    layout.addWidget(Tall())
    part = Secondary(QtWidgets.QLabel("Secondary"), Tall(), "part_edge", "the test chart")
    layout.addWidget(part)
    page = PageScroll(content)
    page.add_secondary(part)
    qtbot.addWidget(page)
    page.resize(400, 560)
    page.show()
    changes = []
    part.expandedChanged.connect(changes.append)
    for height in (560, 500, 470, 440, 600, 520):
        page.resize(400, height)
        changes.clear()
        for _ in range(4):  # relayouts, as drag frames cause them
            qtbot.wait(15)
            content.updateGeometry()
            page.refit()
        qtbot.wait(30)
        assert len(changes) <= 1, (height, changes)


def test_wrap_row_wraps_its_groups_onto_more_lines_when_narrow_and_keeps_them_in_view(qtbot):
    """A row of controls wraps instead of scrolling sideways (the loss panels' inputs at 1024 px):
    every group stays whole and inside the row, the row grows a line, the stretching group
    takes the room left on its line."""
    from klviz.gui.widgets.reflow import WrapRow

    row = WrapRow(spacing=8)
    boxes = [fixed(150, 30) for _ in range(4)]
    slider = QtWidgets.QSlider(H)
    slider.setMinimumWidth(100)
    groups = [row.add_group(boxes[0], boxes[1]), row.add_group(boxes[2]),
              row.add_group(boxes[3], slider, stretch=slider)]
    holder = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(holder)
    lay.addWidget(row)
    lay.addStretch(1)
    qtbot.addWidget(holder)
    wide = sum(g.sizeHint().width() for g in groups) + 2 * 18 + 100
    holder.resize(wide + 40, 300)
    holder.show()
    one_line = 30  # the groups' height: the boxes are 30 px tall, the slider less
    qtbot.waitUntil(lambda: row.height() == one_line)
    assert len({g.y() for g in groups}) == 1  # one line
    assert groups[2].geometry().right() <= row.width()
    assert slider.width() > slider.sizeHint().width()  # the stretching group took the rest
    holder.resize(420, 300)  # room for two groups a line at most
    qtbot.waitUntil(lambda: row.height() >= 2 * one_line)  # a line more, at least
    for g in groups:
        assert QtCore.QRect(0, 0, row.width(), row.height()).contains(g.geometry()), g.geometry()
        assert g.width() >= g.minimumSizeHint().width()
    assert len({g.y() for g in groups}) >= 2
    # and back: one line again
    holder.resize(wide + 40, 300)
    qtbot.waitUntil(lambda: row.height() == one_line)
    assert len({g.y() for g in groups}) == 1


def test_after_a_type_change_a_stacked_splitter_stands_again_where_it_fits_without_the_page_bar(qtbot):
    """The Normal loss panel at 1280×720: stacked at a smaller size, it must stand side by side
    again once the page is wide enough without its vertical scroll bar, although that is less
    than the HYSTERESIS margin above its need; then the page no longer scrolls. A plain resize
    inside the band leaves it stacked (no flip-flop)."""
    from klviz.gui.widgets.reflow import relayout_later

    split = ReflowSplitter()
    for p in (fixed(300, 150), fixed(300, 150)):
        split.addWidget(p)
    page = page_scroll(split)
    qtbot.addWidget(page)
    need = split.side_by_side_width()
    page.resize(need - 50, 250)  # too narrow: stacked, 300 px tall, the page scrolls
    page.show()
    qtbot.waitUntil(lambda: split.stacked() and page.verticalScrollBar().isVisible())
    bar = page.verticalScrollBar().width()
    assert bar > 4 and bar < HYSTERESIS
    page.resize(need + 4, 250)  # side by side, 150 px tall, would fit without the bar
    QtWidgets.QApplication.processEvents()
    assert split.stacked() and split.width() < need + HYSTERESIS  # a resize alone: the band holds
    relayout_later(page)
    qtbot.waitUntil(lambda: not split.stacked())
    qtbot.waitUntil(lambda: not page.verticalScrollBar().isVisible())
    assert split.width() >= need


def test_a_folded_part_shows_its_short_title_instead_of_its_caption(qtbot):
    from klviz.gui.widgets.reflow import Secondary

    caption = QtWidgets.QLabel("A long live caption with numbers " * 4)
    caption.setWordWrap(True)
    part = Secondary(caption, fixed(200, 200), "part_x", "the part", folded_title="Part")
    qtbot.addWidget(part)
    part.resize(300, 400)
    part.show()
    assert caption.isVisible() and not part.folded_title.isVisible()
    part.set_expanded(False)
    assert not caption.isVisible() and part.folded_title.isVisible() and not part.body.isVisible()
    one_line = max(part.button.sizeHint().height(), part.folded_title.sizeHint().height())
    assert caption.heightForWidth(270) > 2 * one_line  # the caption alone would take three lines or more
    qtbot.waitUntil(lambda: part.height() == one_line)
    part.button.click()  # the user unfolds it
    assert caption.isVisible() and not part.folded_title.isVisible() and part.body.isVisible()


def test_more_divergences_unticked_is_its_tick_box_alone(qtbot):
    """Unticked, the "More divergences" group is its tick box and title only, on every page and
    screen: no empty frame under it (shown at 1920×1080 and 1024×768, with F11 or not; 20 px a
    short page needs, the Discrete tab at 1280×720), and nothing painted below the title row;
    ticked, its body and its frame are back whole."""
    from klviz.gui.widgets.divergences_group import DivergencesGroup

    group = DivergencesGroup("discrete")
    box = QtWidgets.QCheckBox(group.title())
    holder = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(holder)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    tall = fixed(100, 200)
    tall.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
    lay.addWidget(tall)
    lay.addWidget(group)
    lay.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(500, 600)  # room enough: it still takes only its tick box's height
    holder.show()
    title = box.sizeHint().height() + 6
    assert group.sizeHint().height() <= title and group.minimumSizeHint().height() <= title
    qtbot.waitUntil(lambda: group.height() == group.sizeHint().height())
    assert tall.height() == 200

    def drawn_rows(widget):
        """The rows of the widget's picture that hold anything but the background."""
        image = widget.grab().toImage()
        ground = widget.palette().color(widget.backgroundRole()).rgb()
        ratio = image.devicePixelRatio()
        return {int(y / ratio) for y in range(image.height()) for x in range(0, image.width(), 2)
                if image.pixel(x, y) != ground}

    ticked_box = QtWidgets.QStyleOptionGroupBox()
    group.initStyleOption(ticked_box)
    label = group.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_GroupBox, ticked_box,
                                         QtWidgets.QStyle.SubControl.SC_GroupBoxLabel, group)
    group.resize(group.width(), 80)  # taller than its hint, as a layout might make it
    assert max(drawn_rows(group)) <= label.bottom() + 2  # no frame, no rule under the title
    group.setChecked(True)
    assert group.minimumSizeHint().height() > 3 * title  # the body counts again
    holder.resize(500, 200 + group.sizeHint().height() + 50)
    qtbot.waitUntil(lambda: group.body.isVisible() and group.height() >= group.minimumSizeHint().height())
    assert max(drawn_rows(group)) > group.height() - 6  # ticked: its frame round the body


class Tall(QtWidgets.QWidget):
    def sizeHint(self):  # noqa: N802
        return QtCore.QSize(300, 700)


def chart_column():
    """(column, its layout, chart): a column holding a chart of least height 120 that would like 700."""
    column = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(column)
    lay.setContentsMargins(0, 0, 0, 0)
    chart = Tall()
    chart.setMinimumHeight(120)
    lay.addWidget(chart, 1)
    return column, lay, chart


def test_a_stacked_part_never_asks_for_more_than_the_page_shows(qtbot):
    """Stacked, a part with a large preferred height (a chart column) is held at most as tall as
    the page's visible height, so a chart is never taller than the screen (the Coding tab at
    960×540 had its chart 48 px below the fold); never below its own minimum; a taller page
    gives it its preferred height again."""
    column, lay, chart = chart_column()
    label = QtWidgets.QLabel("a caption that wraps " * 6)
    label.setWordWrap(True)  # the column's layout has a height for width: its preferred one is 700+
    lay.insertWidget(0, label)
    split = ReflowSplitter()
    split.addWidget(column)
    split.addWidget(fixed(450, 100))
    page = page_scroll(split)
    qtbot.addWidget(page)
    page.resize(470, 400)  # narrower than the two side by side: stacked
    page.show()
    qtbot.waitUntil(split.stacked)
    assert lay.totalHeightForWidth(column.width()) > page.viewport().height()
    qtbot.waitUntil(lambda: column.minimumHeight() == page.viewport().height())
    assert chart.height() >= 120
    page.resize(470, 1400)  # room for its preferred height: it has it
    qtbot.waitUntil(lambda: column.minimumHeight() > 700)  # the chart's 700 and the caption
    page.resize(470, 200)  # less than its least height: that holds
    qtbot.waitUntil(lambda: column.minimumHeight() < 400)
    least = max(column.minimumSizeHint().height(), lay.totalMinimumHeightForWidth(column.width()))
    assert column.minimumHeight() == max(least, page.viewport().height())


def test_shared_room_keeps_only_the_readouts_in_view_and_gives_the_chart_the_rest(qtbot):
    """Stacked with share_room, the chart above gives way for the readouts at the top of the
    column under it, not for all that column holds (a long note, a batch table): those may be
    below the fold. The Bernoulli loss chart at 1024×768 beside the lesson panel was held at
    its least height, 60 px of plot, for the notes under its readouts."""
    column, lay, chart = chart_column()
    side = QtWidgets.QWidget()
    sl = QtWidgets.QVBoxLayout(side)
    readout = QtWidgets.QLabel("1.261 bits")
    readout.setObjectName("value_bce")
    sl.addWidget(readout)
    sl.addWidget(fixed(200, 450))  # the note and the batch under the readouts
    scroll = QtWidgets.QScrollArea()
    scroll.setWidget(side)
    scroll.setWidgetResizable(True)
    split = ReflowSplitter()
    split.addWidget(column)
    split.addWidget(scroll)
    split.set_stacked_height(column, 700)  # a chart's wish: all the room there is
    split.share_room(always=True)
    column.setMinimumWidth(300)
    scroll.setMinimumWidth(300)
    page = page_scroll(split)
    qtbot.addWidget(page)
    page.resize(470, 600)  # narrower than the two side by side: stacked
    page.show()
    qtbot.waitUntil(split.stacked)
    room = page.viewport().height()
    qtbot.wait(50)
    split.hold_heights_again()  # (the side laid out: its readout's place is known)
    qtbot.wait(50)
    bottom = readout.mapTo(page.widget(), QtCore.QPoint(0, readout.height())).y()
    assert bottom <= room, (bottom, room)  # the readout is in view as the page opens
    # and the chart has the rest: all the room less the readout's part (it had its least, 120)
    essentials = bottom - scroll.mapTo(page.widget(), QtCore.QPoint(0, 0)).y()
    # (less the handle, and the column's layout margin and frame under the readout: 20 px at most)
    assert chart.height() >= room - essentials - 20, \
        (chart.height(), room, essentials)
    assert chart.height() > 2 * 120
    assert side.mapTo(page.widget(), QtCore.QPoint(0, side.height())).y() > room  # the note: below the fold
