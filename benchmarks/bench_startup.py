"""Start-up to a painted window: klviz against a bare Qt window holding one pyqtgraph plot.

Each run is a fresh interpreter (imports included); the clock starts in the parent just before
the child is spawned and stops when the child has shown and painted its window. klviz starts as
`klviz` does: the Losses tab's panels are built right after that first paint. The two are
interleaved so machine noise hits both alike. Target (issue 3): klviz <= about 1.5x the bare window.
Run: .venv/bin/python benchmarks/bench_startup.py
"""

import os
import statistics
import subprocess
import sys
import time

COMMON = """
import sys, time
t0 = float(sys.argv[1])
from PySide6 import QtWidgets
app = QtWidgets.QApplication([])
"""
FINISH = """
w.show()
app.processEvents()
w.repaint()
print(time.time() - t0)
"""
BARE = COMMON + """
import pyqtgraph as pg
w = QtWidgets.QMainWindow()
w.setCentralWidget(pg.PlotWidget())
w.resize(1280, 820)
""" + FINISH
KLVIZ = COMMON + """
from klviz.gui.theme import setup_application
setup_application(app)
from klviz.gui import create_main_window
w = create_main_window(deferred=True)  # as the app launches (klviz.gui.app.run)
from PySide6 import QtCore
w.setWindowState(QtCore.Qt.WindowState.WindowNoState)  # 800×800 offscreen: it would start maximized
w.resize(1280, 820)
""" + FINISH


def once(code):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # As installed by pip, klviz has its bytecode compiled, like PySide6 and pyqtgraph; an
    # environment that forbids writing .pyc files would make it compile ~40 modules per start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True,
                         env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(runs=9):
    bare, ours = [], []
    once(BARE), once(KLVIZ)  # warm the file cache (and write klviz's bytecode)
    for _ in range(runs):
        bare.append(once(BARE))
        ours.append(once(KLVIZ))
    b, k = statistics.median(bare), statistics.median(ours)
    print(f"bare Qt + one pyqtgraph plot: median {b * 1e3:6.0f} ms")
    print(f"klviz main window:            median {k * 1e3:6.0f} ms   ratio {k / b:.2f}x")


if __name__ == "__main__":
    main()
