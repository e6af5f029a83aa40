"""Presentation mode (F11) fits the screen it is on (issue 12): on each screen below, a window in a
child process on an offscreen screen of that size goes full screen, and no visible readout,
chart or caption of the tabs named lies outside the screen, is clipped by its parent or cuts its
text (tests/gui/fit_check.py measures; run it by hand for other screens and tabs).

What fits today, and so is held here: the Discrete tab on the projector and laptop screens (the
pointwise chart folds where the screen is short); the Continuous tab at 1920×1080 and above (the
α-fit curve folds); Coding and Joint everywhere but 960×540; everything at 3840×2160. What does
not yet (the README's classroom section lists it): Continuous below 1920×1080 (the α slider's
row is below the fold of the controls column), the Losses panels below 3840×2160, and all but the
Joint tab at 1920×1080 with QT_SCALE_FACTOR=2.
"""

import pytest

from fit_check import fit_check

FITS = {
    (1024, 768): ["page_discrete", "page_coding", "page_joint"],
    (1366, 768): ["page_discrete", "page_coding", "page_joint"],
    (1920, 1080): ["page_discrete", "page_continuous", "page_coding", "page_joint"],
    (3840, 2160): ["page_discrete", "page_continuous", "page_coding", "page_joint", "page_losses"],
}


@pytest.mark.parametrize("size", list(FITS), ids=[f"{w}x{h}" for w, h in FITS])
def test_presentation_fits_the_screen(size):
    result = fit_check(*size)
    assert result["full_screen"] and tuple(result["screen"][2:]) == size
    assert tuple(result["window"][2:]) == size
    for tab in FITS[size]:
        found = {name: problems for name, problems in result["problems"].items()
                 if name == tab or name.startswith(tab + "/")}
        assert found == {}, (size, found)


def test_the_check_sees_what_does_not_fit():
    """The measuring tool is not blind: at 960×540 (1920×1080 at scale 2) the Discrete tab's
    decomposition is below the fold, and the check says so."""
    result = fit_check(1920, 1080, scale=2.0, tab="page_discrete")
    assert tuple(result["screen"][2:]) == (960, 540)
    assert any("plot_decomposition" in p for p in result["problems"].get("page_discrete", []))
