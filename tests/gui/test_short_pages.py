"""The Discrete tab on a short window (issue 12, "Fit any screen"): the decomposition folds to its
title after the pointwise chart, the heading over the readouts goes while the page folded it,
and quiz mode hides it whole and brings it back as it was; room again, it unfolds."""

from PySide6 import QtWidgets


def _resize(qtbot, window, width, height):
    window.resize(width, height)
    for _ in range(3):
        qtbot.wait(30)
        QtWidgets.QApplication.processEvents()


def _folded_as_title(page):
    part = page.decomposition_part
    return (not part.expanded() and part.folded_by_page and part.folded_title.isVisible()
            and not page.decomposition.caption.isVisible() and not page.decomposition.isVisible())


def test_the_decomposition_folds_to_its_title_on_a_short_window_and_back(qtbot, window):
    page = window.page_discrete
    part = page.decomposition_part
    assert part.expanded() and page.title_measures.isVisible() and page.decomposition.isVisible()
    _resize(qtbot, window, 900, 520)
    qtbot.waitUntil(lambda: _folded_as_title(page))
    assert not page.pointwise_part.expanded()  # the pointwise chart folded first
    assert not page.title_measures.isVisible()
    assert not page.page_scroll.verticalScrollBar().isVisible()  # folded, the page fits
    assert all(label.isVisible() for label in page.readouts.values.values())

    window.presentation.set_quiz(True)  # hidden whole, arrow and title too
    assert not part.isVisible() and not page.decomposition.isVisible()
    window.presentation.set_quiz(False)  # back as it was: folded, its title, no caption
    assert part.isVisible() and _folded_as_title(page)

    _resize(qtbot, window, 900, 900)  # room: it unfolds, the heading comes back
    qtbot.waitUntil(lambda: part.expanded())
    assert page.decomposition.isVisible() and page.decomposition.caption.isVisible()
    assert not part.folded_title.isVisible() and page.title_measures.isVisible()


def test_a_decomposition_the_user_unfolds_keeps_the_heading(qtbot, window):
    page = window.page_discrete
    part = page.decomposition_part
    _resize(qtbot, window, 900, 520)
    qtbot.waitUntil(lambda: _folded_as_title(page))
    part.button.click()  # the user's choice wins: unfolded, and the page scrolls if it must
    assert part.expanded() and part.chosen
    assert page.title_measures.isVisible() and page.decomposition.caption.isVisible()
    part.button.click()  # folded by the user: the heading stays (only the page's fold hides it)
    assert not part.expanded() and page.title_measures.isVisible()
