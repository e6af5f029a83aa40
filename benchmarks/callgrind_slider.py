"""Instructions per slider frame on the Continuous tab, counted by callgrind (noise-free, unlike time).

The companion of callgrind_drag.py for the slider path: a mixture P (every measure a quadrature),
slider_mu_p's handle held by a mouse press and moved by real QMouseEvents, each move followed by
processEvents() (model, measures, curves, readouts, layout, paint). Only the frames are counted.

Run (needs Debian's valgrind; about a minute):
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg-slider.out \\
        .venv/bin/python benchmarks/callgrind_slider.py
The "Collected" total it prints, divided by FRAMES (40), is the instructions per frame.
"""

import os
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window's settings (theme, recent files) from a fresh folder: the count must not depend on
# what the user's own settings say (a dark theme or a long recent-files menu costs instructions)
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="klviz-callgrind-")
sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))

from bench_continuous import handle_center, make_window  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402
from uitools import _send  # noqa: E402

FRAMES = 40


def callgrind(switch):
    """Turn instruction counting on or off for this process (no-op outside valgrind)."""
    subprocess.run(["callgrind_control", "-i", switch, str(os.getpid())], capture_output=True)


def main():
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from klviz.gui.theme import setup_application

    setup_application(app)
    w = make_window(app)
    slider = w.findChild(QtWidgets.QSlider, "slider_mu_p")
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    start = handle_center(slider)
    _send(slider, QtCore.QEvent.Type.MouseButtonPress, start, left, left)

    def move(k):
        d = k % 78  # back and forth over 40 pixels, never the same pixel twice in a row
        pos = start + QtCore.QPoint(1 + (d if d < 40 else 78 - d), 0)
        _send(slider, QtCore.QEvent.Type.MouseMove, pos, none, left)
        app.processEvents()

    for k in range(78):  # one full sweep first: the sticky axis ranges settle
        move(k)
    callgrind("on")
    for k in range(FRAMES):
        move(k)
    callgrind("off")
    print(f"{FRAMES} frames counted; divide callgrind's 'Collected' total by {FRAMES}")


if __name__ == "__main__":
    main()
