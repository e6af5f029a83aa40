"""Instructions spent by presentation mode on and off (F11), counted by callgrind (noise-free).

The stall benchmark (stall.py) times F11 by the clock; on these shared machines the same code
reads 60 ms one hour and 140 ms the next. Callgrind counts the instructions executed, which
repeat for the same code, so two checkouts can be compared exactly. The window is built as
stall.py builds it (a deferred start, every tab and the lesson panel built, the Continuous,
Coding, Joint and Losses tabs visited, back on Discrete); then, counted: F11, and the event
loop's turns until it is idle (the repaints and timers it starts), then F11 again and its turns.

Run (needs Debian's valgrind; about two minutes):
    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg-f11.out \\
        .venv/bin/python benchmarks/callgrind_f11.py on
PYTHONHASHSEED=0: with the interpreter's random string hashes the same code counted 188 M in one
run and 290 M in another (why, not looked into); with the seed fixed two runs agreed to 0.03%.
"on" counts F11 into presentation mode, "off" the F11 out of it (the other one runs uncounted).
Compare "Collected" between checkouts (PYTHONPATH=<checkout>); `callgrind_annotate
--inclusive=yes /tmp/cg-f11.out` shows where they go.
"""

import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="klviz-callgrind-")  # no user settings
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

import stall  # noqa: E402


def callgrind(switch):
    """Turn instruction counting on or off for this process (no-op outside valgrind)."""
    subprocess.run(["callgrind_control", "-i", switch, str(os.getpid())], capture_output=True)


def settle(app, seconds):
    """Run the event loop until `seconds` have passed (the held paint's timer included)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:  # (50 ms waits: few idle turns, whose count varies)
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main(argv):
    if os.environ.get("PYTHONHASHSEED") != "0":
        raise SystemExit("callgrind_f11.py: run it with PYTHONHASHSEED=0 (see its docstring)")
    which = argv[1] if len(argv) > 1 else "on"
    if which not in ("on", "off"):
        raise SystemExit("usage: callgrind_f11.py on|off")
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    from klviz.gui import create_main_window, theme

    theme.setup_application(app)
    from klviz.gui.classroom import Classroom

    # F11 holds the window's paint until the window system resizes it, or 250 ms at most; under
    # valgrind (some 50x slower) the 250 ms ran out first in some runs and not in others, so the
    # paints counted differed: here the paint waits for the resize
    Classroom.HOLD_MS = 60_000
    window = create_main_window(deferred=True)
    window.setWindowState(QtCore.Qt.WindowState.WindowNoState)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.repaint()
    with tempfile.TemporaryDirectory() as tmp:
        for name, act in stall.actions(window, tmp):
            if name.startswith("presentation"):
                break
            job = act()
            while getattr(job, "is_running", lambda: False)():
                app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
            settle(app, 3)  # slow under valgrind: the deferred build and its timers are done
    f11 = window.findChild(QtGui.QAction, "action_presentation")
    for turn in ("on", "off"):
        if turn == which:
            callgrind("on")
        f11.trigger()
        settle(app, 6)  # the held paint (250 ms at most), the lesson panel's layout (150 ms)...
        if turn == which:
            callgrind("off")
    print(f"F11 {which} counted (with {6} s of event-loop turns after it)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
