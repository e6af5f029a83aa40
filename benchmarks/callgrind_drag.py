"""Instructions per drag frame on the Discrete tab, counted by callgrind (noise-free, unlike time).

The machines here are shared, so wall and CPU times of a drag frame swing by a quarter from run
to run; valgrind's callgrind counts executed instructions, which repeat exactly for the same code.
Only the frames are counted: collection is switched on with callgrind_control around them.

Run (needs Debian's valgrind; about 40 s):
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \\
        .venv/bin/python benchmarks/callgrind_drag.py
The "Collected" total it prints, divided by FRAMES (60), is the instructions per frame
(9.6 million at 10 categories on 2026-11-28; at the default 6 categories, 13.1 million before
that day's work and 9.25 million after it; at 10 categories 11.74 million on 2026-12-01 after the
fitted axes and the hatched decomposition, 9.22 million after that day's speed round).
Then `callgrind_annotate --inclusive=yes /tmp/cg.out` shows where they go.
"""

import os
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window's settings (theme, recent files) from a fresh folder: the count must not depend on
# what the user's own settings say (a dark theme or a long recent-files menu costs instructions)
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="klviz-callgrind-")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))

from bench_discrete import press_a_bar  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402
from uitools import _send, data_to_viewport  # noqa: E402

FRAMES = 60
CATEGORIES = 10


def callgrind(switch):
    """Turn instruction counting on or off for this process (no-op outside valgrind)."""
    subprocess.run(["callgrind_control", "-i", switch, str(os.getpid())], capture_output=True)


def main():
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from klviz.gui.theme import setup_application

    setup_application(app)
    w, plot, vp, i = press_a_bar(app, CATEGORIES)
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton

    def move(k):
        _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(plot, i, 0.12 + 0.8 * (k % 50) / 50), none, left)
        app.processEvents()

    app.processEvents()
    for k in range(50):  # one full sweep first: the drag's sticky axis ranges settle
        move(k)
    callgrind("on")
    for k in range(FRAMES):
        move(k)
    callgrind("off")
    print(f"{FRAMES} frames counted; divide callgrind's 'Collected' total by {FRAMES}")


if __name__ == "__main__":
    main()
