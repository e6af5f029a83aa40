"""Small widgets the pages share: the fast caption and the readout grid's copy menu."""

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.widgets.caption import Caption, parse
from klviz.gui.widgets.readouts import ReadoutGrid

MARKUP = ("<b>H(P,Q)</b> = H(P) + D(P‖Q) = 1.260 + 1.040 = 2.300 nats<br>"
          "<span style='color:#0072B2'>■ P</span>&nbsp;&nbsp;a&lt;b &amp; <i>c</i>")


def test_parse_runs_styles_and_entities():
    lines = parse(MARKUP)
    assert len(lines) == 2
    assert lines[0][0] == ("H(P,Q)", True, False, None)
    assert lines[0][1][0].startswith(" = H(P) + D(P‖Q)") and lines[0][1][1] is False
    assert lines[1][0] == ("■ P", False, False, "#0072B2")
    assert lines[1][1] == ("\u00a0\u00a0a<b & ", False, False, None)
    assert lines[1][2] == ("c", False, True, None)


@pytest.mark.parametrize("bad", ["<table>x</table>", "<span class='x'>y</span>", "<a href='u'>z</a>"])
def test_parse_refuses_markup_it_cannot_draw(bad):
    with pytest.raises(ValueError, match="caption markup"):
        parse(bad)


def _shown_caption(qtbot, width, lines=None, height=None):
    c = Caption(lines=lines)
    qtbot.addWidget(c)
    c.resize(width, height or c.sizeHint().height())
    c.show()
    qtbot.waitExposed(c)
    return c


def _pieces(caption):
    return [(st.text(), font.bold(), color, round(y)) for x, y, st, font, color, _mark in caption._layout]


def test_caption_keeps_text_and_draws_bold_runs_bold(qtbot):
    c = Caption()
    qtbot.addWidget(c)
    c.resize(900, 60)
    c.setText(MARKUP)
    assert c.text() == MARKUP
    assert c.plain_text().splitlines()[0] == "H(P,Q) = H(P) + D(P‖Q) = 1.260 + 1.040 = 2.300 nats"
    pieces = _pieces(c)
    assert ("H(P,Q)", True, None) == pieces[0][:3]
    assert all(not bold for text, bold, _, _ in pieces[1:])
    assert len({y for *_, y in pieces}) == 2  # two lines, as the <br> says


def test_caption_wraps_at_spaces_and_grows_when_narrow(qtbot):
    c = Caption()
    qtbot.addWidget(c)
    c.setText(MARKUP)
    wide, narrow = c.heightForWidth(2000), c.heightForWidth(120)
    assert narrow > wide
    c.resize(120, narrow)
    c.show()
    qtbot.waitExposed(c)
    rows = sorted({y for *_, y in _pieces(c)})
    assert len(rows) > 2
    for x, y, st, font, *_ in c._layout:  # nothing runs past the right edge (no word is longer)
        assert x + QtGui.QFontMetricsF(font).horizontalAdvance(st.text()) <= 120 + 1, st.text()


def test_fixed_line_caption_keeps_its_height_whatever_the_text(qtbot):
    c = Caption(lines=2)
    qtbot.addWidget(c)
    h = c.sizeHint().height()
    c.setText("short")
    assert c.sizeHint().height() == h
    c.setText(" ".join(["word"] * 300))
    assert c.sizeHint().height() == h
    assert not c.hasHeightForWidth()


def test_caption_quiz_hides_the_text_but_keeps_it(qtbot):
    c = Caption(lines=2)
    qtbot.addWidget(c)
    c.resize(600, 40)
    c.setText("D(P‖Q) = <b>0.2008</b> nats")
    c.set_quiz(True)
    assert [p[0] for p in _pieces(c)] == ["?"]
    assert c.text() == "D(P‖Q) = <b>0.2008</b> nats"
    c.setText("D(P‖Q) = <b>0.3000</b> nats")
    assert [p[0] for p in _pieces(c)] == ["?"]
    c.set_quiz(False)
    assert "0.3000" in "".join(p[0] for p in _pieces(c))


def test_caption_paints_its_text(qtbot):
    c = Caption(lines=1)
    qtbot.addWidget(c)
    c.resize(300, c.sizeHint().height())
    c.setText("<span style='color:#ff0000'>■■■■■■■■</span>")
    img = c.grab().toImage()
    reds = sum(1 for x in range(img.width()) for y in range(img.height())
               if QtGui.QColor(img.pixel(x, y)).red() > 200 and QtGui.QColor(img.pixel(x, y)).green() < 60)
    assert reds > 50


ROWS = (("entropy_p", "H(P)", "tip", None), ("kl_pq", "D(P‖Q)", "tip", None))


def _shown_grid(qtbot):
    grid = ReadoutGrid(ROWS)
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitExposed(grid)
    grid.set_values({"entropy_p": 1.2345678, "kl_pq": 0.2008}, "nats")
    return grid


def _menu_after_right_click(qtbot, grid, widget):
    shown = []
    pos = widget.mapTo(grid, widget.rect().center())
    ev = QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Mouse, pos, grid.mapToGlobal(pos))
    QtWidgets.QApplication.sendEvent(grid, ev)
    for menu in grid.findChildren(QtWidgets.QMenu):
        if menu.isVisible():
            shown.append(menu)
    assert len(shown) == 1
    return shown[0]


def test_readout_menu_copies_one_value_or_all(qtbot):
    grid = _shown_grid(qtbot)
    value = grid.values["kl_pq"]
    assert not value.textInteractionFlags() & QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
    menu = _menu_after_right_click(qtbot, grid, value)
    actions = [a for a in menu.actions() if a.text()]
    assert "D(P‖Q) = 0.2008 nats" in actions[0].text()
    actions[0].trigger()
    assert QtWidgets.QApplication.clipboard().text() == "D(P‖Q) = 0.2008 nats"
    menu.close()
    actions[1].trigger()
    assert QtWidgets.QApplication.clipboard().text().splitlines() == ["H(P) = 1.235 nats", "D(P‖Q) = 0.2008 nats"]


def test_caption_paints_bold_runs_in_bold(qtbot):
    def ink(markup):
        c = Caption(lines=1)
        qtbot.addWidget(c)
        c.resize(400, c.sizeHint().height())
        c.setText(markup)
        img = c.grab().toImage()
        bg = QtGui.QColor(img.pixel(0, 0))
        return sum(1 for x in range(img.width()) for y in range(img.height())
                   if abs(QtGui.QColor(img.pixel(x, y)).lightness() - bg.lightness()) > 100)

    assert ink("<b>WWWWWWWW</b>") > 1.15 * ink("WWWWWWWW")


@pytest.mark.parametrize("opts", [
    dict(x=[0.0, 1.0, 2.0], height=[0.2, -0.5, 0.0], width=0.8),
    dict(x=[0.5, 1.5], height=[1.0, 0.25], width=[0.3, 0.6]),
    dict(x0=[0.0, 0.0], width=[1.2, -0.4], y=[1, 0], height=0.7),
    dict(x0=[0.0], width=[2.5], y=[1], height=0.55),
    dict(x=[], height=[], width=0.38),
])
def test_fast_bars_match_pyqtgraph_bars(qtbot, opts):
    import numpy as np
    import pyqtgraph as pg

    from klviz.gui.widgets.labels_layer import FastBars

    start = dict(x=[0.0], height=[0.1], width=0.8) if "x" in opts else dict(x0=[0.0], width=[0.1], y=[0], height=0.5)
    fast, ref = FastBars(**start, brush="b"), pg.BarGraphItem(**start, brush="b")
    fast.setOpts(**opts)  # the fast path: bars only
    ref.setOpts(**opts)
    np.testing.assert_array_equal(fast._rectarray.ndarray(), ref._rectarray.ndarray())
    for ax in (0, 1):
        assert fast.dataBounds(ax) == pytest.approx(ref.dataBounds(ax)) if ref.dataBounds(ax)[0] is not None \
            else fast.dataBounds(ax) == (None, None)


def test_fixed_line_caption_too_long_to_wrap_is_drawn_smaller_not_clipped(qtbot):
    c = _shown_caption(qtbot, 300, lines=2)
    c.setText("<b>H(P,Q)</b> = H(P) + D(P‖Q) = 1.260 + 1.040 = 2.300 nats<br>"
              "<b>H(Q,P)</b> = H(Q) + D(Q‖P) = 1.588 + 1.104 = 2.692 nats")
    assert c._scale < 1
    assert len({round(y) for _, y, *_ in c._layout}) == 2  # each equation on its own line, whole
    right = max(x + QtGui.QFontMetricsF(font).horizontalAdvance(st.text()) for x, _, st, font, *_ in c._layout)
    assert right * c._scale <= 300
    c.resize(2000, c.height())  # room enough: full size again
    assert c._scale == 1


def test_bar_values_never_overlap_and_all_show_when_there_is_room(qtbot):
    from klviz.gui.widgets.labels_layer import LabelsLayer

    layer = LabelsLayer(no_overlap=True)
    layer.set_items([(i, 0.5 + 0.01 * (i % 2), "0.123") for i in range(10)])

    def kept(px_per_unit):
        t = QtGui.QTransform.fromScale(px_per_unit, -200)
        boxes = [QtCore.QRectF(tl, st.size()) for tl, st in layer.placements(t)]
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                assert not boxes[a].adjusted(0, 0, 0, -boxes[a].height() / 3).intersects(
                    boxes[b].adjusted(0, 0, 0, -boxes[b].height() / 3))
        return len(boxes)

    assert kept(200) == 10  # wide bars: every value
    assert 3 <= kept(25) < 10  # crowded: every other one or so, none overlapping
    assert len(LabelsLayer().placements(QtGui.QTransform.fromScale(25, -200))) == 0  # no items


def test_fast_bars_with_mismatched_lengths_behave_like_pyqtgraph(qtbot):
    import numpy as np
    import pyqtgraph as pg

    from klviz.gui.widgets.labels_layer import FastBars

    fast, ref = FastBars(x=[0.0], height=[0.1], width=0.8), pg.BarGraphItem(x=[0.0], height=[0.1], width=0.8)
    fast.setOpts(x=[0.0, 1.0], height=[])
    ref.setOpts(x=[0.0, 1.0], height=[])
    np.testing.assert_array_equal(fast._rectarray.ndarray(), ref._rectarray.ndarray())


def test_readout_menu_is_not_kept_and_copies_nothing_in_quiz_mode(qtbot):
    grid = _shown_grid(qtbot)
    menu = _menu_after_right_click(qtbot, grid, grid.values["entropy_p"])
    # closed from the event loop, as a click closes it (Qt < 6.7 keeps a deleteLater() posted
    # outside any event loop until a new loop starts, which a test's wait never does)
    QtCore.QTimer.singleShot(0, menu.close)
    qtbot.waitUntil(lambda: not grid.findChildren(QtWidgets.QMenu))  # deleted once closed
    QtWidgets.QApplication.clipboard().setText("before")
    grid.set_quiz(True)
    menu = _menu_after_right_click(qtbot, grid, grid.values["kl_pq"])
    assert all(not a.isEnabled() for a in menu.actions() if a.text())
    assert not any(ch.isdigit() for a in menu.actions() for ch in a.text())  # no hidden value in a label
    grid.copy_all()
    assert QtWidgets.QApplication.clipboard().text() == "before"
    menu.close()


def test_edit_copy_values_copies_the_current_tabs_measures(qtbot):
    from PySide6 import QtGui as G

    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)
    action = w.findChild(G.QAction, "action_copy_values")
    assert action.shortcut() == G.QKeySequence(G.QKeySequence.StandardKey.Copy)
    action.trigger()
    lines = QtWidgets.QApplication.clipboard().text().splitlines()
    assert len(lines) == 7 and lines[0].startswith("H(P) = ") and lines[0].endswith(" nats")
    value = w.findChild(QtWidgets.QLabel, "value_kl_pq").text()
    assert f"D(P‖Q) = {value}" in lines
    w.tabs.setCurrentWidget(w.page_continuous)
    action.trigger()
    assert QtWidgets.QApplication.clipboard().text().splitlines()[0].startswith("h(P) = ")


def test_parser_is_strict_about_tags_it_does_not_know_and_stray_closings():
    with pytest.raises(ValueError, match="caption markup"):
        parse("a<b and c>d")  # not a tag this caption draws: the caller must escape such text
    runs = parse("x</b><b>z</b>")[0]
    assert runs == [("x", False, False, None), ("z", True, False, None)]


def test_shrunk_caption_still_wraps_into_its_lines_at_the_largest_size(qtbot):
    c = _shown_caption(qtbot, 450, lines=2)
    c.setText("<b>Pointwise terms</b> (a term can be negative; the sums cannot): ■ Σ p·log(p/q) = D(P‖Q) = "
              "0.7252 nats&nbsp;&nbsp;&nbsp;■ Σ q·log(q/p) = D(Q‖P) = 0.7252 nats")
    rows = sorted({round(y) for _, y, *_ in c._layout})
    assert len(rows) == 2 and c._scale < 1
    assert c._scale > 0.75  # wrapped in two rows, not one tiny row (about 0.5 here)
    right = max(x + QtGui.QFontMetricsF(font).horizontalAdvance(st.text()) for x, _, st, font, *_ in c._layout)
    assert right * c._scale <= 450
    assert c.accessibleName().startswith("Pointwise terms (a term")


def test_a_bold_run_keeps_a_whole_space_before_the_next_word(qtbot):
    c = Caption()
    qtbot.addWidget(c)
    f = c.font()
    f.setPointSizeF(20)
    c.setFont(f)
    c.resize(700, 200)
    c.show()
    qtbot.waitExposed(c)
    # long enough to wrap (the word-by-word path), with a merged bold run before a plain word
    c.setText("<b>alpha beta gamma delta</b> epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi")
    pieces = sorted(((round(y), x, st, font) for x, y, st, font, *_ in c._layout), key=lambda p: (p[0], p[1]))
    assert len({p[0] for p in pieces}) > 1 and pieces[0][2].text() == "alpha beta gamma delta"
    space = QtGui.QFontMetricsF(c.font()).horizontalAdvance(" ")
    for (r1, x1, s1, f1), (r2, x2, _, _) in zip(pieces, pieces[1:]):
        if r1 == r2:  # a whole space between the end of a run as drawn and the next word
            assert x2 - (x1 + QtGui.QFontMetricsF(f1).horizontalAdvance(s1.text())) >= space - 0.5


def test_overlay_values_compete_on_height_not_on_series_order(qtbot):
    from klviz.gui.widgets.labels_layer import LabelsLayer

    layer = LabelsLayer(no_overlap=True)
    p = [0.30, 0.20, 0.50]
    q = [0.31, 0.19, 0.10]
    layer.set_items([(i - 0.2, h, f"{h:.2f}") for i, h in enumerate(p)] +
                    [(i + 0.2, h, f"{h:.2f}") for i, h in enumerate(q)])
    t = QtGui.QTransform.fromScale(60, -300)  # P's and Q's labels of a column collide at like heights
    shown = {st.text() for _, st in layer.placements(t)}
    assert shown == {"0.31", "0.20", "0.50", "0.10"}  # the taller of each colliding pair; Q's too


def test_a_line_wider_than_the_largest_float_has_finite_bounds_and_no_warning(qtbot):
    """Ends at ±1.7e308 are finite, their distance is not: found at the minimum floors (numpy
    2.0), where a session with σ = 6e125 beside σ = 1e-299 warned of an overflow mid-redraw."""
    import math
    import warnings

    from klviz.gui.widgets.curves import LineItem

    item = LineItem("#000000")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        item.setData([-1.7e308, 0.0, 1.7e308], [-1.7e308, 1.0, 1.7e308])
    r = item._bounds
    assert all(math.isfinite(v) for v in (r.left(), r.top(), r.width(), r.height()))
    assert r.left() == -1.7e308 and r.width() == 1.7976931348623157e308


def test_a_caption_lays_out_each_text_as_a_fresh_one_would_whatever_it_showed_before(qtbot):
    """A caption remembers which lines wrapped last time (to skip shaping them whole); the layout
    of every text is still exactly a new caption's, as lines go from wrapping to fitting and back."""
    short = "<b>KL</b> <span style='color:#0072B2'>■ D = {0}</span>"
    long = ("<b>KL integrands</b> (signed area; hatched parts count negative)&nbsp; "
            "<span style='color:#0072B2'>■ ∫ p·log(p/q) dx = D(P‖Q) = {0} nats</span>&nbsp;&nbsp; "
            "<span style='color:#D55E00'>■ ∫ q·log(q/p) dx = D(Q‖P) = {0} nats</span>")
    texts = [t.format(f"{k / 7:.4f}") for k in range(6) for t in (long, long, short, long + "<br>" + short)]

    def layout(c):
        return [(x, y, st.text(), font.bold(), color, mark) for x, y, st, font, color, mark in c._layout]

    for width in (180, 420, 700):
        reused = Caption()
        qtbot.addWidget(reused)
        reused.resize(width, 80)
        rows_seen = set()
        for text in texts:
            reused.setText(text)
            fresh = Caption()
            qtbot.addWidget(fresh)
            fresh.resize(width, 80)
            fresh.setText(text)
            assert layout(reused) == layout(fresh), (width, text)
            assert reused.heightForWidth(width) == fresh.heightForWidth(width)
            rows_seen.add(len({y for _, y, *_ in layout(fresh)}))
        assert len(rows_seen) > 1 or width == 700  # the texts do wrap and fit in turn
