"""Test-wide set-up: no display needed, no test ever touches the real user's settings (nor another
test's), and a key that Qt finds ambiguous fails the test that pressed it."""

import itertools
import os
import sys
import tempfile

# Per-user state (QSettings, recent files) goes to a throwaway folder for the whole run.
_home = tempfile.mkdtemp(prefix="klviz-test-home-")
# Before anything imports Qt: render offscreen, so a bare `pytest` works on a machine with no screen,
# on one 1128×861 screen (offscreen's own is 800×800, a projector-sized screen where the window starts
# maximized): the first launch there is 959×732, the window size the suite's GUI tests were written
# at. Tests of other screens (test_geometry, test_reflow) set their own sizes or screens.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screens = os.path.join(_home, "screens.json")
    with open(_screens, "w", encoding="utf-8") as f:
        f.write('{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1128, "height": 861}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_home, "cache")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402 (after the environment above)

_settings_dirs = itertools.count()


@pytest.fixture(autouse=True)
def _own_settings():
    """Each test its own (empty) QSettings folder: a window closed in one test saves its geometry
    and preferences, which must not be the next test's first launch."""
    from PySide6 import QtCore

    folder = os.path.join(_home, "settings", str(next(_settings_dirs)))
    F, S = QtCore.QSettings.Format, QtCore.QSettings.Scope
    QtCore.QSettings.setPath(F.IniFormat, S.UserScope, folder)
    yield folder


@pytest.fixture(autouse=True)
def ambiguous_shortcuts():
    """Qt's "Ambiguous shortcut overload" messages during the test (a key held by two actions, or
    twice by one, does nothing at all): any left at teardown fail the test. A test that provokes
    one on purpose clears the list once it has checked it."""
    from PySide6 import QtCore

    seen = []

    def handler(kind, context, message):
        if "Ambiguous shortcut" in message:
            seen.append(message)
        if previous is not None:  # pytest-qt's capture, or whatever was there before
            previous(kind, context, message)
        elif kind != QtCore.QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    previous = QtCore.qInstallMessageHandler(handler)
    yield seen
    QtCore.qInstallMessageHandler(previous)
    if seen:
        pytest.fail("Qt found keys ambiguous (each key sequence needs exactly one owner):\n" + "\n".join(seen))
