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


def _pieces(caption):
    return [(st.text(), font.bold(), color, round(y)) for x, y, st, font, color in caption._layout]


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
    for x, y, st, font, _ in c._layout:  # nothing runs past the right edge (no word is longer)
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
    grid = ReadoutGrid(ROWS)
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitExposed(grid)
    grid.set_values({"entropy_p": 1.2345678, "kl_pq": 0.2008}, "nats")
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
    c = Caption(lines=2)
    qtbot.addWidget(c)
    c.resize(300, c.sizeHint().height())
    c.show()
    qtbot.waitExposed(c)
    c.setText("<b>H(P,Q)</b> = H(P) + D(P‖Q) = 1.260 + 1.040 = 2.300 nats<br>"
              "<b>H(Q,P)</b> = H(Q) + D(Q‖P) = 1.588 + 1.104 = 2.692 nats")
    assert c._scale < 1
    assert len({round(y) for _, y, *_ in c._layout}) == 2  # each equation on its own line, whole
    right = max(x + QtGui.QFontMetricsF(font).horizontalAdvance(st.text()) for x, _, st, font, _ in c._layout)
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
