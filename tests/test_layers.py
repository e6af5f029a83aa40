"""The Qt-free layers stay Qt-free: importing them loads no GUI toolkit (and the app never needs scipy)."""

import json
import subprocess
import sys

import pytest

FORBIDDEN = ["PySide6", "shiboken6", "pyqtgraph", "matplotlib", "scipy", "superqt"]


def _loaded_after_import(module):
    code = (
        "import sys, json\n"
        f"import {module}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in %r)))" % (FORBIDDEN,)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("module", ["klviz.core", "klviz.cli", "klviz.session", "klviz.style"])
def test_import_loads_no_gui_or_scipy(module):
    assert _loaded_after_import(module) == []


def test_the_check_itself_can_fail():
    # The detector sees a forbidden import when there is one (so the test above is not vacuous).
    assert "numpy" not in FORBIDDEN
    assert _loaded_after_import("pyqtgraph") != []
