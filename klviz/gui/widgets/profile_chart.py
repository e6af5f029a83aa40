"""P or Q over more categories than the editor's 100, drawn read-only as a filled line.

`ProfileChart(name, color, title="", tooltip=None)` (a pyqtgraph PlotWidget; `tooltip(i)` gives
the tool tip of the category under the mouse): `set_data(labels, probs)` draws
probs[i] at x = i as one filled line, with a few category names as ticks. Above MAX_POINTS
categories the line is their peak envelope: each run of consecutive categories is drawn as its
smallest and its largest probability (so no spike is lost), at most MAX_POINTS points in all, and
10^5 categories repaint as cheaply as 10^3. Nothing
here can be dragged or nudged: the Discrete tab shows it instead of its bar charts while its state
is too large to edit.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from klviz.gui.theme import set_plot_title
from klviz.style import text_color

MAX_TICKS = 8
MAX_POINTS = 2000
TICK_CHARS = 12


def _fill(color, alpha=90):
    c = QtGui.QColor(color)
    c.setAlpha(alpha)
    return c


def envelope(probs, max_points=MAX_POINTS):
    """(x, y) to draw: the probabilities at x = 0 … n−1, or above max_points their peak envelope,
    each run of k = ceil(2n / max_points) categories as (its minimum, its maximum) at the run's
    middle."""
    probs = np.asarray(probs, dtype=float)
    n = probs.size
    if n <= max_points:
        return np.arange(n, dtype=float), probs
    k = -(-2 * n // max_points)
    runs = -(-n // k)
    padded = np.concatenate([probs, np.full(runs * k - n, probs[-1])]).reshape(runs, k)
    x = np.repeat(np.minimum(np.arange(runs) * k + (k - 1) / 2.0, n - 1), 2)
    y = np.column_stack([padded.min(axis=1), padded.max(axis=1)]).ravel()
    return x, y


class ProfileChart(pg.PlotWidget):
    def __init__(self, name, color, title="", tooltip=None, parent=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.name = name
        self._tooltip = tooltip
        self._labels = ()
        self.setMinimumSize(220, 160)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # nothing to edit with the keyboard
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        pi.showGrid(x=False, y=True, alpha=0.25)
        self._title = title
        if title:
            set_plot_title(pi, title, color=text_color(color), size="13pt", bold=True)
        self.curve = pg.PlotDataItem([], [], pen=pg.mkPen(color, width=1), fillLevel=0.0, brush=_fill(color))
        pi.addItem(self.curve)

    def set_data(self, labels, probs):
        probs = np.asarray(probs, dtype=float)
        n = probs.size
        self.curve.setData(*envelope(probs))
        pi = self.getPlotItem()
        top = float(probs.max()) if n else 1.0
        pi.setYRange(0.0, top * 1.08 if top > 0 else 1.0, padding=0)
        if tuple(labels) != self._labels:
            self._labels = tuple(labels)
            pi.setXRange(-0.5, n - 0.5, padding=0.01)
            step = max(1, math.ceil(n / MAX_TICKS))
            ticks = [(i, labels[i] if len(labels[i]) <= TICK_CHARS else labels[i][:TICK_CHARS] + "…")
                     for i in range(0, n, step)]
            pi.getAxis("bottom").setTicks([ticks, []])

    def category_at(self, pos):
        """The category under a point of the view (viewport pixels), or None."""
        vb = self.getPlotItem().vb
        x = vb.mapSceneToView(self.mapToScene(pos)).x()
        i = int(math.floor(x + 0.5))
        return i if 0 <= i < len(self._labels) else None

    def mouseMoveEvent(self, ev):
        super().mouseMoveEvent(ev)
        if self._tooltip is not None:
            i = self.category_at(ev.position().toPoint())
            self.setToolTip(self._tooltip(i) if i is not None else "")

    def restyle(self, look):
        color = look.p_color if self.name == "P" else look.q_color
        self.curve.setPen(pg.mkPen(color, width=max(1.0, look.line_width)))
        self.curve.setBrush(_fill(color))
        if self._title:
            set_plot_title(self.getPlotItem(), self._title, color=text_color(color, look.dark),
                           size=f"{13 * look.scale:.0f}pt", bold=True)
