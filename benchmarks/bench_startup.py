"""Start-up to the first paint: `klviz` against a bare Qt window holding one pyqtgraph plot.

Each run is a fresh interpreter (imports included); the clock starts in the parent just before
the child is spawned and stops once the child's main window has been painted for the first time:
a probe on the application sees the first paint event (the window is the only one), and the next
turn of the event loop (the whole window's paint done) prints the time and closes the window. klviz is launched exactly as the
`klviz` command launches it: `klviz.cli.main([])`, which is `klviz.gui.app.run()` (the saved
language, the theme, the last session, the window's saved or first-launch geometry, the event loop
and whatever it runs before the first paint); the probe imports nothing itself (the code under test
imports in its own order) and only wraps QApplication.exec once PySide6.QtWidgets is loaded. The bare
window is shown and painted by the same event loop and probe, at the size klviz's window has.

The screen is an offscreen one of 1506×965: klviz's first launch takes 85% of it, 1280×820, and
each later launch restores that (the runs share a settings folder, as one user's launches do).
The runs are interleaved so machine noise hits all variants alike.

Target (issue 12): klviz at most 1.15x the bare window.
Run: .venv/bin/python benchmarks/bench_startup.py [--runs 9] [--also /path/to/other/checkout]
     (--also adds the klviz of another checkout, e.g. the main branch, to the same interleaved run)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

SIZE = (1280, 820)
SCREEN = (1506, 965)  # round(0.85 * 1506) = 1280, round(0.85 * 965) = 820: the first-launch size

PROBE = """
import sys, time
t0 = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
before_qt = None  # the modules loaded when PySide6 was first asked for
on_first_paint = None  # window -> None, once painted; None: print the time and size, close it

def _spec_then(name, then):
    # the spec of module `name`, whose loading is followed by then(module)
    import importlib.util
    spec = importlib.util.find_spec(name)
    load = spec.loader.exec_module
    def exec_module(module):
        load(module)
        then(module)
    spec.loader.exec_module = exec_module
    return spec

class _ProbeQt:
    # A meta-path finder that waits for PySide6.QtWidgets to be imported (by the code under test,
    # in its own order) and then wraps QApplication.exec with the first-paint probe.
    def find_spec(self, name, path=None, target=None):
        global before_qt
        if before_qt is None and name.partition(".")[0] in ("PySide6", "shiboken6"):
            before_qt = list(sys.modules)
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        return _spec_then(name, lambda module: _wrap_exec(module))

sys.meta_path.insert(0, _ProbeQt())

def _wrap_exec(QtWidgets):
    from PySide6 import QtCore

    class FirstPaint(QtCore.QObject):
        def __init__(self, window):
            super().__init__()
            self.window = window
        def eventFilter(self, obj, ev):
            if ev.type() == QtCore.QEvent.Type.Paint:  # the first paint of anything: the window's
                QtWidgets.QApplication.instance().removeEventFilter(self)
                QtCore.QTimer.singleShot(0, self.painted)  # the next turn: the whole window's paint done
            return False
        def painted(self):
            w = self.window
            if on_first_paint is not None:
                return on_first_paint(w)
            print(time.time() - t0, w.width(), w.height(), flush=True)
            w.close()

    run = QtWidgets.QApplication.exec
    def probed_exec(*args):
        app = QtWidgets.QApplication.instance()
        windows = [w for w in app.topLevelWidgets() if isinstance(w, QtWidgets.QMainWindow) and w.isVisible()]
        global _probe
        _probe = FirstPaint(windows[0])
        app.installEventFilter(_probe)
        return run()
    QtWidgets.QApplication.exec = probed_exec
"""
BARE = PROBE + f"""
from PySide6 import QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
import pyqtgraph as pg
w = QtWidgets.QMainWindow()
w.setCentralWidget(pg.PlotWidget())
w.resize({SIZE[0]}, {SIZE[1]})
w.show()
app.exec()
"""
LAUNCH = """
sys.argv[1:] = []
from klviz.cli import main  # the `klviz` script's entry point
main([])
"""
KLVIZ = PROBE + LAUNCH


def once(code, env, cwd):
    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], capture_output=True, text=True,
                         env=env, cwd=cwd, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"a start-up run failed:\n{out.stderr}")
    seconds, width, height = out.stdout.split()[-3:]
    return float(seconds), (int(width), int(height))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--also", action="append", default=[], metavar="CHECKOUT",
                    help="also time the klviz of this checkout (its folder goes first on PYTHONPATH)")
    args = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="klviz-bench-startup-")
    screens = os.path.join(tmp, "screens.json")
    with open(screens, "w", encoding="utf-8") as f:
        json.dump({"screens": [{"name": "bench", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1]}]}, f)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    base = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    # As installed by pip, klviz has its bytecode compiled, like PySide6 and pyqtgraph; an
    # environment that forbids writing .pyc files would make it compile ~40 modules per start.
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    variants = [("bare Qt + one pyqtgraph plot", BARE, here)]
    variants += [(f"klviz ({path})", KLVIZ, path) for path in [here] + args.also]
    envs = []
    for k, (_, _, path) in enumerate(variants):
        env = dict(base, XDG_CONFIG_HOME=os.path.join(tmp, f"config{k}"))  # each its own settings
        env["PYTHONPATH"] = os.pathsep.join([path] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else []))
        envs.append(env)
    cwd = tmp  # not a checkout: `python -c` puts the working folder first on sys.path
    times = [[] for _ in variants]
    for (_, code, _), env in zip(variants, envs):  # warm the file cache, write the bytecode, save settings
        once(code, env, cwd)
    for _ in range(args.runs):
        for k, ((_, code, _), env) in enumerate(zip(variants, envs)):
            seconds, size = once(code, env, cwd)
            if size != SIZE:
                raise SystemExit(f"{variants[k][0]}: a {size[0]}×{size[1]} window, not {SIZE[0]}×{SIZE[1]}")
            times[k].append(seconds)
    bare = statistics.median(times[0])
    print(f"{args.runs} interleaved runs, {SIZE[0]}×{SIZE[1]} windows, medians (min-max):")
    for (name, _, _), ts in zip(variants, times):
        m = statistics.median(ts)
        ratio = "" if ts is times[0] else f"   ratio {m / bare:.2f}x"
        print(f"  {name:40s} {m * 1e3:5.0f} ms ({min(ts) * 1e3:.0f}-{max(ts) * 1e3:.0f}){ratio}")


if __name__ == "__main__":
    main()
