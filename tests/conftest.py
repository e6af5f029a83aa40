"""Test-wide set-up: no display needed, and no test ever touches the real user's settings."""

import os
import tempfile

# Before anything imports Qt: render offscreen, so a bare `pytest` works on a machine with no screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Per-user state (QSettings, recent files) goes to a throwaway folder for the whole run.
_home = tempfile.mkdtemp(prefix="klviz-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_home, "cache")
os.environ.setdefault("MPLBACKEND", "Agg")
