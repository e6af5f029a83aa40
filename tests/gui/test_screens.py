"""Presentation mode (F11) fits the screen it is on (issue 12): on each screen below, a window in a
child process on an offscreen screen of that size goes full screen, and no visible readout,
chart or caption of the tab lies outside the screen, is clipped by its parent or cuts its text
(tests/gui/fit_check.py measures; run it by hand for other screens and tabs)."""

import pytest

from fit_check import fit_check

# The Discrete tab, on the projector and laptop screens and a 4K one; the pointwise chart folds
# where the screen is short. (Where the other tabs stand: the README's classroom section.)
SCREENS = [(1024, 768), (1366, 768), (1920, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_presentation_fits_the_screen_on_the_discrete_tab(size):
    result = fit_check(*size, tab="page_discrete")
    assert result["full_screen"] and tuple(result["screen"][2:]) == size
    assert tuple(result["window"][2:]) == size
    assert result["problems"] == {}
