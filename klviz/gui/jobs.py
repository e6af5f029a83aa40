"""Background jobs: run Qt-free work (matplotlib figures, animations) off the GUI thread.

    job = run_job(lambda progress, cancelled: work(...), parent=exporter)
    job.succeeded.connect(...); job.failed.connect(...)

The work runs in a Python thread and gets two callables: `progress(done, total)` and
`cancelled()` (true once `job.cancel()` was called). It must not touch Qt widgets or any state
the GUI thread changes: the caller hands it a snapshot (klviz's sessions are immutable). Its end
comes back to the GUI thread as exactly one of `succeeded(result)`, `failed(message)` or
`cancelled()`, then `finished()`. ValueError and OSError are the work's way to say why it
failed; any other exception is a bug, still reported as one sentence rather than a traceback.

The cyclic garbage collector is paused while jobs run, and the worker collects the young
generations itself after each step: a full collection (every object of the app, matplotlib's
included) holds the GIL, and so the GUI thread, for 100-230 ms, and figure after figure triggers
them. The step's own garbage (a frame's Figure) is young, so nothing accumulates.

A plain (non-daemon) Python thread rather than a QThreadPool: at interpreter exit Python joins it
with the GIL released, whereas a QThreadPool destroyed while Python holds the GIL would wait for a
worker that needs the GIL to finish.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading

from PySide6 import QtCore


class Cancelled(Exception):
    """Raised by work that noticed `cancelled()`; the job then reports `cancelled`."""


class Job(QtCore.QObject):
    progress = QtCore.Signal(int, int)
    succeeded = QtCore.Signal(object)
    failed = QtCore.Signal(str)
    cancelled = QtCore.Signal()
    finished = QtCore.Signal()

    # the worker thread's report, delivered (queued) to this object's thread
    _report = QtCore.Signal(str, object)

    def __init__(self, work, cancel_types=(), parent=None):
        super().__init__(parent)
        self._work = work
        self._cancel_types = (Cancelled, *cancel_types)
        self._stop = threading.Event()
        self._done = threading.Event()
        self._outcome = None  # "succeeded" / "failed" / "cancelled" once reported on the GUI thread
        self._report.connect(self._on_report, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="klviz-job", daemon=False)

    # -- GUI thread ------------------------------------------------------------------------------
    def start(self):
        self._thread.start()
        return self

    def cancel(self):
        """Ask the work to stop at its next check; it reports `cancelled` (or, if it was already
        writing its last step, its result)."""
        self._stop.set()

    def is_running(self):
        return self._outcome is None

    @property
    def outcome(self):
        return self._outcome

    def wait(self, timeout=None):
        """Block until the worker thread has ended (its report may still be queued): for scripts
        and shutdown, never for the UI path."""
        return self._done.wait(timeout)

    def _on_report(self, kind, value):
        self._outcome = kind
        if kind == "progress":
            self._outcome = None
            self.progress.emit(*value)
            return
        if kind == "succeeded":
            self.succeeded.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()

    # -- worker thread ---------------------------------------------------------------------------
    def _step(self, done, total):
        gc.collect(1)  # the young generations only: a few ms, and the step's garbage goes
        self._report.emit("progress", (int(done), int(total)))

    def _run(self):
        try:
            with _no_full_collections():
                result = self._work(self._step, self._stop.is_set)
        except self._cancel_types:
            kind, value = "cancelled", None
        except (ValueError, OSError) as exc:
            kind, value = "failed", _one_line(exc)
        except Exception as exc:  # a bug: one sentence in the dialog, not a traceback on stderr
            kind, value = "failed", f"internal error {type(exc).__name__}: {_one_line(exc)}"
        else:
            kind, value = "succeeded", result
        self._done.set()
        try:
            self._report.emit(kind, value)
        except RuntimeError:  # the Job was deleted with its parent (the window closed): nobody to tell
            pass


_gc_lock = threading.Lock()
_gc_users = 0
_gc_paused = False
_switch = 0.005
# While a job runs the GUI thread gets the GIL back after at most this long (Python's default
# 5 ms): a repaint makes hundreds of Python calls, each of which may wait for the worker.
SWITCH_INTERVAL = 0.0005


@contextlib.contextmanager
def _no_full_collections():
    """Pause automatic garbage collection while any job runs (as it was before, after)."""
    global _gc_users, _gc_paused, _switch
    with _gc_lock:
        if _gc_users == 0:
            _gc_paused = gc.isenabled()
            gc.disable()
            _switch = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch, SWITCH_INTERVAL))
        _gc_users += 1
    try:
        yield
    finally:
        gc.collect(1)
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                sys.setswitchinterval(_switch)
                if _gc_paused:
                    gc.enable()


def import_long_lived(name):
    """Import module `name` in a worker; the first time, move every object alive then out of the
    collector's sight (gc.freeze): a big library's import leaves a few hundred thousand objects
    that live as long as the program, and scanning them later (even as the young generation, the
    first time) would hold the GIL for 60-100 ms. The cost: a cycle that was garbage at that
    moment is not freed (the few the GUI made since the last collection)."""
    import importlib
    import sys

    fresh = name not in sys.modules
    module = importlib.import_module(name)
    if fresh:
        gc.freeze()
    return module


def _one_line(exc):
    from klviz.fileio import error_reason

    text = error_reason(exc) if isinstance(exc, OSError) else str(exc)
    return " ".join(text.split()) or type(exc).__name__


def run_job(work, parent=None, cancel_types=()):
    """Start `work(progress, cancelled)` in a worker thread; returns its `Job`."""
    return Job(work, cancel_types, parent).start()
