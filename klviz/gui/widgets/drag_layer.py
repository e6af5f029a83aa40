"""The one drag layer of every chart whose marks are dragged with the mouse, and the keyboard and
focus handling those charts share (klviz.gui.widgets.bar_chart.BarChart,
klviz.gui.widgets.drag_plot.DragPlot and its LogitChart).

`DragLayer` is an invisible item over the rectangle its owner gives it (`set_rect`). It takes a
press itself, so a drag follows the cursor from the first pixel, without pyqtgraph's click/drag
threshold or its move rate limit, and it draws nothing (the scene never calls into Python to paint
it). What a press means is the owner's:

- ``hit(pos, scene_pos)``: what a press at data point `pos` belongs to, or None (not taken);
- ``drag_press(hit, pos)``: a left press on `hit`; returns the drag's state, kept in `active`
  until the release;
- ``drag_move(active, pos)`` and ``drag_release(active, pos)``: while dragging (an owner may also
  take the moves itself, before the scene sees them: BarChart does, on every frame of a drag);
- ``drag_right_press(hit, scene_pos)`` and ``drag_double_click(hit, pos, scene_pos)``: True when
  taken (a double click not taken is a press);
- ``drag_hover(hit, scene_pos)``: (cursor or None to keep it, tooltip text).

`KeyboardSelection` is the charts' keyboard: a visible frame and outline on the chart that has
the focus, left/right select the previous/next mark and up/down nudge it (Shift: the large step).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets


def column_at(x, n):
    """The column i (a bar) whose slot [i - 1/2, i + 1/2) holds x, or None outside the n columns."""
    i = int(math.floor(x + 0.5))
    return i if 0 <= i < n else None


class DragLayer(pg.GraphicsObject):
    def __init__(self, owner, cursor=None):
        super().__init__()
        self._owner = owner
        self._rect = QtCore.QRectF(0, 0, 1, 1)
        self.active = None  # the owner's drag state while a mark is held
        self.setAcceptHoverEvents(True)
        if cursor is not None:
            self.setCursor(cursor)
        self.setZValue(100)
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def set_rect(self, rect):
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QtCore.QRectF(rect)

    def boundingRect(self):  # noqa: N802
        return self._rect

    def paint(self, painter, *args):
        pass

    def _hit(self, ev):
        return self._owner.hit(ev.pos(), ev.scenePos())

    def mousePressEvent(self, ev):  # noqa: N802
        button = ev.button()
        hit = self._hit(ev)
        if (button == QtCore.Qt.MouseButton.RightButton and hit is not None
                and self._owner.drag_right_press(hit, ev.scenePos())):
            ev.accept()
            return
        if button != QtCore.Qt.MouseButton.LeftButton or hit is None:
            ev.ignore()
            return
        ev.accept()
        self.active = self._owner.drag_press(hit, ev.pos())

    def mouseMoveEvent(self, ev):  # noqa: N802
        if self.active is not None:
            ev.accept()
            self._owner.drag_move(self.active, ev.pos())

    def mouseReleaseEvent(self, ev):  # noqa: N802
        if self.active is not None and ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()
            active, self.active = self.active, None
            self._owner.drag_release(active, ev.pos())

    def mouseDoubleClickEvent(self, ev):  # noqa: N802
        if (ev.button() == QtCore.Qt.MouseButton.LeftButton
                and self._owner.drag_double_click(self._hit(ev), ev.pos(), ev.scenePos())):
            ev.accept()
            return
        self.mousePressEvent(ev)

    def hoverMoveEvent(self, ev):  # noqa: N802
        cursor, tip = self._owner.drag_hover(self._hit(ev), ev.scenePos())
        if cursor is not None:
            self.setCursor(cursor)
        self.setToolTip(tip)


class KeyboardSelection:
    """Mixin for a chart (a QWidget) with a selected mark: focus shows it, keys move and nudge it.

    The chart provides `_update_selection()` (draws the selection as focused or not),
    `_step_selection(step)` (select the previous, -1, or next, +1, mark; False when there are
    none) and `_nudge_selection(delta)`; NUDGE_STEPS is (step, Shift step)."""

    NUDGE_STEPS = (0.1, 1.0)

    def focusInEvent(self, ev):  # noqa: N802
        super().focusInEvent(ev)
        self._update_selection()

    def focusOutEvent(self, ev):  # noqa: N802
        super().focusOutEvent(ev)
        self._update_selection()

    def keyPressEvent(self, ev):  # noqa: N802
        key = ev.key()
        if key in (QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_Right):
            if self._step_selection(1 if key == QtCore.Qt.Key.Key_Right else -1):
                ev.accept()
                return
        elif key in (QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Down):
            small, large = self.NUDGE_STEPS
            step = large if ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier else small
            if self._nudge_selection(step if key == QtCore.Qt.Key.Key_Up else -step):
                ev.accept()
                return
        super().keyPressEvent(ev)
