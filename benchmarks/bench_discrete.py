"""Discrete tab: from a mouse move to readouts and charts showing the new state.

Side by side in one run (offscreen platform, 1280x820 window):
- klviz: a real QMouseEvent move sent to plot_p's viewport during a drag, then the event loop
  run until every pending update is painted (processEvents), so the time covers model, measures,
  every view and the paint of every chart that changed. A paint counter on the charts'
  viewports checks that the charts were really repainted (QWidget.repaint() of the window does
  not repaint QGraphicsView viewports).
- a Qt + matplotlib build of the same view (how most such tools are built): the same charts
  (P, Q, decomposition, pointwise) on a FigureCanvasQTAgg and the same QLabel readouts, updated
  per move with the same numbers, canvas redrawn (draw_idle + repaint).
Targets (issue 3): klviz median <= 8 ms at 10 categories, <= 16 ms at 100; >= 10x faster than the
matplotlib build. Run: .venv/bin/python benchmarks/bench_discrete.py
"""

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from uitools import _send, data_to_viewport  # noqa: E402

MOVES = 150


class PaintCounter(QtCore.QObject):
    count = 0

    def eventFilter(self, obj, ev):
        if ev.type() == QtCore.QEvent.Type.Paint:
            self.count += 1
        return False


def press_a_bar(app, n):
    """A 1280x820 main window with n categories, the middle bar of P held by a mouse press.
    Returns (window, plot_p, its viewport, bar index)."""
    from klviz.gui import create_main_window

    w = create_main_window()
    w.showNormal()  # offscreen's 800×800 screen is projector-sized: the window starts maximized
    w.resize(1280, 820)
    w.show()
    app.processEvents()
    w.model.set_categories(n)
    app.processEvents()
    plot = w.page_discrete.plot_p
    vp = plot.viewport()
    i = n // 2
    left = QtCore.Qt.MouseButton.LeftButton
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, data_to_viewport(plot, i, 0.1), left, left)
    return w, plot, vp, i


def bench_klviz(app, n):
    w, plot, vp, i = press_a_bar(app, n)
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    counter = PaintCounter()
    page = w.page_discrete
    for chart in (page.plot_p, page.decomposition, page.pointwise):
        chart.viewport().installEventFilter(counter)
    app.processEvents()
    times = []
    for k in range(MOVES):
        y = 0.12 + 0.8 * (k % 50) / 50
        pos = data_to_viewport(plot, i, y)
        t0 = time.perf_counter()
        _send(vp, QtCore.QEvent.Type.MouseMove, pos, none, left)
        app.processEvents()
        times.append(time.perf_counter() - t0)
    assert counter.count >= 3 * MOVES, f"the charts were not repainted ({counter.count} paints)"
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, pos, left, none)
    assert abs(w.model.discrete.p[i] - y) < 0.01, "the drag did not reach the model"
    w.close()
    w.deleteLater()
    app.processEvents()
    return times


class MatplotlibView(QtWidgets.QWidget):
    """The same view built the common way: matplotlib in Qt, redrawn per change."""

    def __init__(self, n):
        super().__init__()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from klviz.state.discrete import preset

        self.p, self.q = preset("peaked", n), preset("bimodal", n)
        fig = Figure(figsize=(12, 7))
        self.canvas = FigureCanvasQTAgg(fig)
        ax_p, ax_q = fig.add_subplot(2, 2, 1), fig.add_subplot(2, 2, 3)
        self.ax_dec, self.ax_pw = fig.add_subplot(2, 2, 2), fig.add_subplot(2, 2, 4)
        x = np.arange(n)
        self.bars_p = ax_p.bar(x, self.p, color="#0072B2")
        self.bars_q = ax_q.bar(x, self.q, color="#E69F00")
        for ax in (ax_p, ax_q):
            ax.set_ylim(0, 1)
        self.labels = [QtWidgets.QLabel() for _ in range(7)]
        lay = QtWidgets.QHBoxLayout(self)
        lay.addWidget(self.canvas, 1)
        col = QtWidgets.QVBoxLayout()
        for lab in self.labels:
            col.addWidget(lab)
        lay.addLayout(col)

    def set_p(self, i, value):
        from klviz.core import Categorical, discrete_measures
        from klviz.core.format import format_value
        from klviz.state.discrete import set_probability

        self.p = set_probability(self.p, i, value)
        m = discrete_measures(Categorical.from_weights(self.p), Categorical.from_weights(self.q))
        for rect, h in zip(self.bars_p, self.p):
            rect.set_height(h)
        for lab, key in zip(self.labels, ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp",
                                          "kl_pq", "kl_qp", "js")):
            lab.setText(f"{format_value(getattr(m, key))} nats")
        self.ax_dec.clear()
        self.ax_dec.barh([1, 0], [m.entropy_p, m.entropy_q], color=["#0072B2", "#E69F00"])
        self.ax_dec.barh([1, 0], [m.kl_pq, m.kl_qp], left=[m.entropy_p, m.entropy_q], color="#CC79A7")
        self.ax_pw.clear()
        x = np.arange(self.p.size)
        self.ax_pw.bar(x - 0.2, m.terms_pq, 0.4, color="#0072B2")
        self.ax_pw.bar(x + 0.2, m.terms_qp, 0.4, color="#E69F00")
        self.canvas.draw()


def bench_matplotlib(app, n):
    w = MatplotlibView(n)
    w.showNormal()  # offscreen's 800×800 screen is projector-sized: the window starts maximized
    w.resize(1280, 820)
    w.show()
    app.processEvents()
    times = []
    for k in range(MOVES // 5):
        y = 0.1 + 0.8 * (k % 50) / 50
        t0 = time.perf_counter()
        w.set_p(n // 2, y)
        app.processEvents()
        times.append(time.perf_counter() - t0)
    w.close()
    return times


def main():
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from klviz.gui.theme import setup_application

    setup_application(app)
    print(f"{'categories':>10}  {'klviz median':>12}  {'p90':>7}  {'matplotlib median':>17}  {'ratio':>6}")
    for n in (10, 100):
        ours = bench_klviz(app, n)
        theirs = bench_matplotlib(app, n)
        mo, mt = statistics.median(ours), statistics.median(theirs)
        p90 = sorted(ours)[int(0.9 * len(ours))]
        print(f"{n:>10}  {mo * 1e3:>9.2f} ms  {p90 * 1e3:>4.1f} ms  {mt * 1e3:>14.1f} ms  {mt / mo:>5.1f}x")


if __name__ == "__main__":
    main()
