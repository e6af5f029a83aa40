"""Per-user settings (QSettings): recent files, the last session (restored at the next launch),
the preferences (theme, default unit, digits of the readouts, presentation scale) and the window's
geometry and dock state.

The settings file is outside input like any other: every value read is checked, and one of the
wrong type or out of range reads as the default.

Tests point XDG_CONFIG_HOME at a temporary folder and give each test a settings folder of its own
(tests/conftest.py), so they never touch the real user's settings nor each other's.
"""

from __future__ import annotations

import json
import os

from PySide6 import QtCore

from klviz import state as ss
from klviz.gui.models.presentation import DEFAULT_DIGITS, DIGITS_RANGE, PRESENTATION_SCALE, PRESENTATION_SCALE_RANGE

MAX_RECENT = 8


def _settings():
    return QtCore.QSettings(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                            "klviz", "klviz")


def recent_files():
    value = _settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [p for p in value if isinstance(p, str) and p and "\x00" not in p][:MAX_RECENT]


def add_recent_file(path):
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if p != path]
    _settings().setValue("recentFiles", files[:MAX_RECENT])


def clear_recent_files():
    _settings().remove("recentFiles")


def save_last_state(session, path=None):
    s = _settings()
    s.setValue("lastSession", json.dumps(session.to_dict()))
    s.setValue("lastPath", path or "")
    s.sync()


def load_last_state():
    """(Session, path or None) saved by the previous run, or None if there is none usable."""
    s = _settings()
    text = s.value("lastSession", "")
    if not isinstance(text, str) or not text:
        return None
    try:  # the same checks as a session file: the settings file is outside input too
        session = ss.session_from_json(text)
    except ss.SessionError:
        return None
    path = s.value("lastPath", "")
    return session, (path if isinstance(path, str) and path else None)


def saved_theme():
    """The theme chosen last ("system", "light" or "dark"; anything else read is "system")."""
    value = _settings().value("theme", "system")
    return value if value in ("system", "light", "dark") else "system"


def save_theme(name):
    _settings().setValue("theme", name)


EXPORT_DIR_KEY = "export/last_dir"
SESSION_DIR_KEY = "session/last_dir"  # File › Open… and Save as…


def last_folder(key=EXPORT_DIR_KEY):
    """The folder a file dialog last saved into (under `key`), if it still exists; else ""."""
    value = _settings().value(key, "")
    if isinstance(value, str) and value and "\x00" not in value and os.path.isdir(value):
        return value
    return ""


def remember_folder(path, key=EXPORT_DIR_KEY):
    """Remember the folder of `path` (a file just chosen in a file dialog) under `key`."""
    _settings().setValue(key, os.path.dirname(os.path.abspath(path)))


def value_of(key, default, allowed):
    """A remembered choice, if it is one of `allowed` (the settings file is outside input)."""
    value = _settings().value(key, default)
    return value if value in allowed else default


def set_value(key, value):
    _settings().setValue(key, value)


# -- preferences (Edit › Preferences) -----------------------------------------------------------
DEFAULT_UNIT = "nats"


def _number(value, kind):
    """An int or float from a settings value (the INI format reads every number back as text)."""
    if isinstance(value, bool):
        return None
    try:
        number = kind(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _ranged(key, kind, default, bounds):
    value = _number(_settings().value(key, default), kind)
    lo, hi = bounds
    return value if value is not None and lo <= value <= hi else default


def saved_digits():
    return _ranged("digits", int, DEFAULT_DIGITS, DIGITS_RANGE)


def save_digits(n):
    _settings().setValue("digits", int(n))


def saved_presentation_scale():
    return _ranged("presentationScale", float, PRESENTATION_SCALE, PRESENTATION_SCALE_RANGE)


def save_presentation_scale(x):
    _settings().setValue("presentationScale", float(x))


def saved_unit(units):
    """The default unit of new sessions (one of `units`; anything else read is DEFAULT_UNIT)."""
    value = _settings().value("unit", DEFAULT_UNIT)
    return value if isinstance(value, str) and value in units else DEFAULT_UNIT


def save_unit(name):
    _settings().setValue("unit", name)


# -- the window: geometry and dock state (QMainWindow.saveGeometry / saveState) ------------------
def saved_window():
    """(geometry bytes, dock state bytes, normal geometry QRect) of the last window closed, each
    None if absent or not of its type."""
    s = _settings()
    geometry, state, rect = (s.value(k) for k in ("window/geometry", "window/state", "window/normalGeometry"))
    return (geometry if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty() else None,
            state if isinstance(state, QtCore.QByteArray) and not state.isEmpty() else None,
            rect if isinstance(rect, QtCore.QRect) and rect.isValid() else None)


def save_window(geometry, state, rect):
    s = _settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
    s.setValue("window/normalGeometry", rect)
    s.sync()
