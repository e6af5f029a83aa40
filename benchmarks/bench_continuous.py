"""Continuous tab: from a slider move (or a spin box edit) to readouts and curves showing the new state.

Offscreen platform, 1280x820 window, Continuous tab shown, P a two-component mixture (so every
measure is a quadrature, not a closed form). Each timed step is one user change followed by
QApplication.processEvents(), which lays out and paints everything the change touched: both
charts' views (a QGraphicsView paints its scene only from the event loop -- QWidget.repaint()
on the window alone does not repaint them, so it would leave the curves out) and every label.
The run checks that each step painted both charts. The time covers the model, the measures, the
curves (densities, components, integrands), the readouts, the layout and the paint:
- "slider drag": real QMouseEvents moving slider_mu_p's handle during a press (one gesture);
- "spin box": spin_mu_p.setValue(...), each one an undoable step;
- "fit frame": one frame of a fit animation (Q moved along the fit's path).
Target (issue 4): median <= 16 ms with a mixture P. Run: .venv/bin/python benchmarks/bench_continuous.py
"""

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from uitools import _send  # noqa: E402

MOVES = 200
PAINTS = {"n": 0}
_paint = pg.GraphicsView.paintEvent


def _counting_paint(self, ev):
    PAINTS["n"] += 1
    return _paint(self, ev)


pg.GraphicsView.paintEvent = _counting_paint


def frame(app, change):
    """Time one change until it is on screen: (wall seconds, CPU seconds)."""
    PAINTS["n"] = 0
    t0, c0 = time.perf_counter(), time.process_time()
    change()
    app.processEvents()
    out = (time.perf_counter() - t0, time.process_time() - c0)
    assert PAINTS["n"] >= 2, "the charts were not repainted"
    return out


def make_window(app):
    from klviz.gui import create_main_window

    w = create_main_window()
    w.showNormal()  # offscreen's 800×800 screen is projector-sized: the window starts maximized
    w.resize(1280, 820)
    w.show()
    w.tabs.setCurrentWidget(w.page_continuous)
    w.model.apply_continuous_preset("bimodal-p")  # P = 0.5 N(-3, 0.8²) + 0.5 N(3, 0.8²)
    for _ in range(5):
        app.processEvents()
    return w


def handle_center(slider):
    opt = QtWidgets.QStyleOptionSlider()
    slider.initStyleOption(opt)
    rect = slider.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_Slider, opt,
                                         QtWidgets.QStyle.SubControl.SC_SliderHandle, slider)
    return rect.center()


def bench_slider(app, w):
    w.model.apply_continuous_preset("bimodal-p")  # the handle starts at mu = -3 every run
    app.processEvents()
    slider = w.findChild(QtWidgets.QSlider, "slider_mu_p")
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    start = handle_center(slider)
    _send(slider, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    times, before = [], w.model.continuous("p")
    for k in range(MOVES):
        d = k % 78  # back and forth over 40 pixels, never the same pixel twice in a row
        pos = start + QtCore.QPoint(1 + (d if d < 40 else 78 - d), 0)
        times.append(frame(app, lambda: _send(slider, QtCore.QEvent.Type.MouseMove, pos, none, left)))
    _send(slider, QtCore.QEvent.Type.MouseButtonRelease, pos, left, none)
    assert w.model.continuous("p") != before, "the drag did not reach the model"
    return times


def bench_spin(app, w):
    spin = w.findChild(QtWidgets.QDoubleSpinBox, "spin_mu_p")
    label = w.findChild(QtWidgets.QLabel, "normal_value_kl_pq")
    times = []
    for k in range(MOVES):
        value = -3.0 + 0.01 * (k % 50 + 1)
        times.append(frame(app, lambda: spin.setValue(value)))
    assert w.model.continuous("p").components[0].mu == value and label.text()
    return times


def bench_fit_frames(app, w):
    from klviz.core.gaussian import resample_path

    frames = resample_path(w.model.continuous_fit("reverse").path, MOVES)
    w.model.begin_fit("benchmark")
    times = []
    for q in frames:
        times.append(frame(app, lambda: w.model.fit_step(q)))
    w.model.end_fit(frames[-1])
    return times


def main():
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from klviz.gui.theme import setup_application

    setup_application(app)
    w = make_window(app)
    print(f"Continuous tab, mixture P, {MOVES} changes each, window 1280x820 (offscreen)")
    print("wall: elapsed time; cpu: this process's CPU time (steadier on a busy machine)")
    print(f"{'change':>14}  {'median':>9}  {'p90':>8}  {'cpu median':>10}  {'cpu p90':>8}")
    for name, fn in (("slider drag", bench_slider), ("spin box", bench_spin), ("fit frame", bench_fit_frames)):
        fn(app, w)  # warm-up
        times = fn(app, w)
        wall = sorted(t for t, _ in times)
        cpu = sorted(c for _, c in times)
        k = int(0.9 * len(times))
        print(f"{name:>14}  {statistics.median(wall) * 1e3:>6.2f} ms  {wall[k] * 1e3:>5.2f} ms"
              f"  {statistics.median(cpu) * 1e3:>7.2f} ms  {cpu[k] * 1e3:>5.2f} ms")
    w.close()


if __name__ == "__main__":
    main()
