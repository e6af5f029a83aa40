"""Plots with fixed axis ranges whose handles are dragged with the mouse.

`DragPlot` turns presses, moves and releases over its view into requests ("move handle 3 to
(x, y)"); it changes nothing itself: the owner decides the new state and calls `set_handles`.
The press is taken by an invisible item covering the view (klviz.gui.widgets.drag_layer, the
same as BarChart's), so a drag follows the cursor from the first pixel, without pyqtgraph's
click/drag threshold.

Two ways to pick the handle a press belongs to:
- "nearest": the handle nearest the cursor in pixels, within `grab_radius` (None: any distance).
  With a radius the handle keeps its offset from the cursor; without one it jumps to the cursor
  (a click anywhere moves the single handle of a loss curve there).
- "column": handle i owns the column x in [i - 1/2, i + 1/2) and jumps to the cursor height
  (draggable bars).

`LogitChart` is a DragPlot of signed bars (logits: any real number) with value labels and
keyboard nudges.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from klviz.scene.readouts import format_value
from klviz.gui.theme import set_plot_title
from klviz.gui.widgets.drag_layer import DragLayer, KeyboardSelection, column_at

NEAREST, COLUMN = "nearest", "column"


class DragPlot(pg.PlotWidget):
    """A plot with fixed ranges and draggable handles. Signals carry (handle, requested x, y)."""

    dragStarted = QtCore.Signal(int)
    dragMoved = QtCore.Signal(int, float, float)
    dragFinished = QtCore.Signal()
    addRequested = QtCore.Signal(float, float)  # double-click away from every handle
    removeRequested = QtCore.Signal(int)  # right-click on a handle

    def __init__(self, x_range, y_range, hit=NEAREST, grab_radius=None, title="", parent=None,
                 tooltip=None):
        super().__init__(parent=parent, background=None, enableMenu=False)
        self.hit_mode = hit
        self.grab_radius = grab_radius
        self.grab_cursor = (QtCore.Qt.CursorShape.SizeVerCursor if hit == COLUMN
                            else QtCore.Qt.CursorShape.OpenHandCursor if grab_radius
                            else QtCore.Qt.CursorShape.SizeHorCursor)
        self._tooltip = tooltip
        self._xs = np.zeros(0)
        self._ys = np.zeros(0)
        self._dragging = False
        self.setMinimumSize(220, 150)
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        pi.vb.setDefaultPadding(0.0)
        if title:
            self.set_title(title)
        self._layer = DragLayer(self)
        pi.addItem(self._layer, ignoreBounds=True)
        self._ranges = None
        self.set_ranges(x_range, y_range)

    def set_title(self, title, color="#222222"):
        """A title in the same style as the app's bar charts."""
        set_plot_title(self.getPlotItem(), title, color=color, size="13pt", bold=True)

    def restyle(self, look):
        """Follow the app's look (dark theme, presentation scale): the title."""
        title = self.getPlotItem().titleLabel.text
        if title:
            set_plot_title(self.getPlotItem(), title, color=look.foreground, size=f"{13 * look.scale:.0f}pt", bold=True)

    # -- ranges and handles -------------------------------------------------------------------
    def set_ranges(self, x_range, y_range):
        """Fix the axes (only when they really change: no auto-range while dragging)."""
        ranges = (tuple(map(float, x_range)), tuple(map(float, y_range)))
        if ranges == self._ranges:
            return
        self._ranges = ranges
        (x0, x1), (y0, y1) = ranges
        pi = self.getPlotItem()
        pi.setXRange(x0, x1, padding=0)
        pi.setYRange(y0, y1, padding=0)
        w, h = x1 - x0, y1 - y0
        self._layer.set_rect(QtCore.QRectF(x0 - 0.02 * w, y0 - 0.03 * h, 1.04 * w, 1.06 * h))

    @property
    def ranges(self):
        return self._ranges

    def set_handles(self, xs, ys):
        """Where the handles are now (data coordinates), as the owner's state says."""
        self._xs = np.asarray(xs, dtype=float)
        self._ys = np.asarray(ys, dtype=float)

    @property
    def handles(self):
        return self._xs, self._ys

    @property
    def dragging(self):
        return self._dragging

    # -- hit testing --------------------------------------------------------------------------
    def _scene_xy(self, i):
        y0, y1 = self._ranges[1]
        y = min(max(self._ys[i], y0), y1)  # a handle drawn at the edge is grabbed at the edge
        p = self.getPlotItem().vb.mapViewToScene(QtCore.QPointF(self._xs[i], y))
        return p.x(), p.y()

    def hit(self, pos, scene_pos):
        """The handle a press at data point `pos` belongs to (or None)."""
        n = self._xs.size
        if n == 0:
            return None
        if self.hit_mode == COLUMN:
            return column_at(pos.x(), n)
        d = [math.hypot(sx - scene_pos.x(), sy - scene_pos.y()) for sx, sy in map(self._scene_xy, range(n))]
        i = int(np.argmin(d))
        if self.grab_radius is not None and d[i] > self.grab_radius:
            return None
        return i

    def within(self, i, scene_pos):
        """Whether a press is on the handle itself (for right-click removal, double-click adding)."""
        if self.hit_mode == COLUMN:
            return True
        sx, sy = self._scene_xy(i)
        return math.hypot(sx - scene_pos.x(), sy - scene_pos.y()) <= (self.grab_radius or 16)

    def grab_offset(self, i, pos):
        if self.hit_mode == NEAREST and self.grab_radius is not None:
            return self._xs[i] - pos.x(), self._ys[i] - pos.y()
        return 0.0, 0.0

    def tooltip(self, i):
        return self._tooltip(i) if self._tooltip is not None else ""

    # -- the drag layer's questions (klviz.gui.widgets.drag_layer) -----------------------------
    def drag_press(self, hit, pos):
        dx, dy = self.grab_offset(hit, pos)
        self.begin_drag(hit, pos.x() + dx, pos.y() + dy)
        return hit, dx, dy

    def drag_move(self, active, pos):
        i, dx, dy = active
        self.drag_to(i, pos.x() + dx, pos.y() + dy)

    def drag_release(self, active, pos):
        self.drag_move(active, pos)
        self.end_drag()

    def drag_right_press(self, hit, scene_pos):
        """A right click on a handle asks for its removal."""
        if not self.within(hit, scene_pos):
            return False
        self.removeRequested.emit(hit)
        return True

    def drag_double_click(self, hit, pos, scene_pos):
        """A double click away from every handle asks for a new one there."""
        if hit is not None and self.within(hit, scene_pos):
            return False  # a press on the handle
        self.addRequested.emit(float(pos.x()), float(pos.y()))
        return True

    def drag_hover(self, hit, scene_pos):
        grab = hit is not None and self.within(hit, scene_pos)
        return (self.grab_cursor if grab else QtCore.Qt.CursorShape.ArrowCursor,
                self.tooltip(hit) if hit is not None else "")

    # -- drag protocol (called by the layer) --------------------------------------------------
    def begin_drag(self, i, x, y):
        self._dragging = True
        self.dragStarted.emit(i)
        self.dragMoved.emit(i, float(x), float(y))

    def drag_to(self, i, x, y):
        if self._dragging:
            self.dragMoved.emit(i, float(x), float(y))

    def end_drag(self):
        if self._dragging:
            self._dragging = False
            self.dragFinished.emit()


class LogitChart(KeyboardSelection, DragPlot):
    """Signed bars z_i (any real number) dragged by their column; labels show each value.

    A bar taller than the axis is drawn to the edge with a triangle; the owner widens the axis
    (`set_ranges`) when a drag has finished. Arrow keys: left/right select a bar, up/down nudge it
    by 0.1 (Shift: 1); `nudged(i, delta)` reports it.
    """

    nudged = QtCore.Signal(int, float)

    def __init__(self, color, title="", parent=None, tooltip=None):
        super().__init__((-0.5, 1.5), (-5, 5), hit=COLUMN, title=title, parent=parent, tooltip=tooltip)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self._color = color
        self._selected = 0
        pi = self.getPlotItem()
        pi.showGrid(x=False, y=True, alpha=0.25)
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=color, pen=pg.mkPen(color))
        pi.addItem(self._bars)
        pi.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#444444", width=1)), ignoreBounds=True)
        self._sel = pg.BarGraphItem(x=[0], height=[0], width=0.7, brush=None, pen=pg.mkPen("#111111", width=2.5))
        self._sel.setZValue(50)
        self._sel.setVisible(False)
        pi.addItem(self._sel)
        self._clip = pg.ScatterPlotItem(size=13, brush="#111111", pen=None)
        pi.addItem(self._clip)
        self._texts = []
        self._labels = ()

    def set_logits(self, labels, values):
        values = np.asarray(values, dtype=float)
        n = values.size
        self.set_handles(np.arange(n, dtype=float), values)
        if tuple(labels) != self._labels:
            self._labels = tuple(labels)
            (_, yr) = self.ranges
            self.set_ranges((-0.5, n - 0.5), yr)
            self.getPlotItem().getAxis("bottom").setTicks([list(enumerate(labels)), []])
        y0, y1 = self.ranges[1]
        shown = np.clip(values, y0, y1)
        self._bars.setOpts(x=np.arange(n), height=shown, width=0.7)
        over = (values > y1) | (values < y0)
        xs = np.flatnonzero(over)
        self._clip.setData(xs.astype(float), shown[over],
                           symbol=["t1" if values[i] > y1 else "t" for i in xs])
        span = y1 - y0
        pi = self.getPlotItem()
        while len(self._texts) < n:
            t = pg.TextItem(color="#222222")
            pi.addItem(t, ignoreBounds=True)
            self._texts.append(t)
        for i, t in enumerate(self._texts):
            if i >= n:
                t.setVisible(False)
                continue
            v = values[i]
            text = format_value(v, 3 if v == 0 or abs(v) < 1000 else min(9, int(math.log10(abs(v))) + 1))
            text = text.replace("-", "−")
            if t.textItem.toPlainText() != text:
                t.setText(text)
            pad = 0.01 * span
            if v >= 0:
                inside = v > y1 - 0.1 * span  # no room above: write it just inside the bar's end
                t.setAnchor((0.5, 0.0) if inside else (0.5, 1.0))
                t.setPos(i, min(v, y1) - pad if inside else v + pad)
            else:
                inside = v < y0 + 0.1 * span
                t.setAnchor((0.5, 1.0) if inside else (0.5, 0.0))
                t.setPos(i, max(v, y0) + pad if inside else v - pad)
            t.setVisible(not self._quiz)
        self._selected = min(self._selected, n - 1)
        self._update_selection()

    def _update_selection(self):
        xs, ys = self.handles
        if not xs.size:
            return
        y0, y1 = self.ranges[1]
        i = self._selected
        self._sel.setOpts(x=[i], height=[min(max(ys[i], y0), y1)], width=0.7)
        self._sel.setVisible(self.hasFocus())

    @property
    def selected(self):
        return self._selected

    _quiz = False

    def set_quiz(self, on):
        """Quiz mode hides the numbers written on the bars (the bars stay)."""
        self._quiz = bool(on)
        n = self.handles[0].size
        for i, t in enumerate(self._texts):
            t.setVisible(i < n and not self._quiz)

    def restyle(self, look):
        """Follow the app's look (dark theme, presentation scale): labels, selection, title."""
        for t in self._texts:
            t.setColor(look.foreground)
            t.setFont(look.font(9.0))
        self._sel.setOpts(pen=pg.mkPen(look.foreground, width=2.5 * look.scale))
        title = self.getPlotItem().titleLabel.text
        if title:
            set_plot_title(self.getPlotItem(), title, color=look.foreground, size=f"{13 * look.scale:.0f}pt", bold=True)

    def begin_drag(self, i, x, y):
        self._selected = i
        super().begin_drag(i, x, y)

    # -- keyboard (klviz.gui.widgets.drag_layer.KeyboardSelection) -------------------------------
    NUDGE_STEPS = (0.1, 1.0)

    def _step_selection(self, step):
        n = self.handles[0].size
        if not n:
            return False
        self._selected = max(0, min(n - 1, self._selected + step))
        self._update_selection()
        return True

    def _nudge_selection(self, delta):
        if not self.handles[0].size:
            return False
        self.nudged.emit(self._selected, delta)
        return True
