"""Secondary parts with a height need of their own, and folded parts whose caption wraps
(klviz.gui.widgets.reflow; issue 12): what lets the Continuous tab fold its integrands chart
at 960×540 only, although its controls always scroll under the charts there and at 1024×768."""

from PySide6 import QtWidgets

from klviz.gui.widgets.reflow import PageScroll, Secondary


def fixed(width, height):
    w = QtWidgets.QWidget()
    w.setMinimumSize(width, height)
    return w


def _settle(qtbot, ms=60):
    qtbot.wait(ms)
    QtWidgets.QApplication.processEvents()


def test_a_part_with_its_own_need_folds_only_when_that_need_does_not_fit(qtbot):
    """The content is always taller than the page (controls that may scroll under the charts):
    with no need of its own the part would fold at every size; with `need` (the charts' height)
    it stays unfolded while that fits, folds when it does not, and unfolds with room again."""
    charts = QtWidgets.QWidget()
    cl = QtWidgets.QVBoxLayout(charts)
    cl.setContentsMargins(0, 0, 0, 0)
    cl.addWidget(fixed(200, 150))
    part = Secondary(QtWidgets.QLabel("Integrands"), fixed(200, 150), "part_own", "the test chart")
    cl.addWidget(part)
    content = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(content)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(charts)
    lay.addWidget(fixed(200, 900))  # the controls: they scroll
    page = PageScroll(content)
    page.add_secondary(part, need=lambda: charts.minimumSizeHint().height())
    qtbot.addWidget(page)
    page.resize(400, 450)
    page.show()
    _settle(qtbot)
    assert content.minimumSizeHint().height() > page.viewport().height()  # the whole never fits
    assert part.expanded()  # the charts do: unfolded
    unfolded = charts.minimumSizeHint().height()
    page.resize(400, unfolded - 40)  # now the charts do not fit
    qtbot.waitUntil(lambda: not part.expanded())
    assert part.folded_by_page and not part.body.isVisible()
    assert charts.minimumSizeHint().height() <= page.viewport().height()
    page.resize(400, unfolded + 60)  # room again (past the hysteresis)
    qtbot.waitUntil(part.expanded)


def test_the_same_content_without_its_own_need_folds_the_part(qtbot):
    """The reference: the default need is the whole content, so the same page folds the part at
    the size where the test above keeps it (what `need` is for)."""
    charts = QtWidgets.QWidget()
    cl = QtWidgets.QVBoxLayout(charts)
    cl.addWidget(fixed(200, 150))
    part = Secondary(QtWidgets.QLabel("Integrands"), fixed(200, 150), "part_whole", "the test chart")
    cl.addWidget(part)
    content = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(content)
    lay.addWidget(charts)
    lay.addWidget(fixed(200, 900))
    page = PageScroll(content)
    page.add_secondary(part)
    qtbot.addWidget(page)
    page.resize(400, 450)
    page.show()
    qtbot.waitUntil(lambda: not part.expanded())


def test_folded_at_width_a_wrapping_caption_takes_its_height_at_the_part_width(qtbot):
    """Folded, a part with `at_width` is exactly as tall as its caption wrapped at the part's
    width, not as its size hint (the caption wrapped at a narrower width: more lines)."""
    caption = QtWidgets.QLabel("a long caption with the values of both integrals " * 4)
    caption.setWordWrap(True)
    part = Secondary(caption, fixed(200, 200), "part_wrap", "the test chart", at_width=True)
    holder = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(holder)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(part)
    lay.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(700, 600)
    holder.show()
    _settle(qtbot)
    part.set_expanded(False)
    _settle(qtbot)
    at = part.layout().totalHeightForWidth(part.width())
    assert part.sizeHint().height() > at  # the hint is taller: the one rule it must not take
    qtbot.waitUntil(lambda: part.height() == at)
    assert part.minimumHeight() == part.maximumHeight() == at
    assert caption.isVisible() and not part.body.isVisible()
    # the same part without at_width keeps the old rule (the larger of the two)
    other = Secondary(QtWidgets.QLabel(caption.text()), fixed(200, 200), "part_old", "the test chart")
    other.caption.setWordWrap(True)
    lay.insertWidget(1, other)
    _settle(qtbot)
    other.set_expanded(False)
    _settle(qtbot)
    assert other.minimumHeight() == max(other.sizeHint().height(),
                                        other.layout().totalHeightForWidth(other.width()))
