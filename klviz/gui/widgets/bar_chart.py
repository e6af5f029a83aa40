"""A bar chart of one or more probability vectors whose bars are dragged with the mouse.

Bar i of a series is centred at x = i + offset (offset 0 for a single series), with its height in
data coordinates. Press anywhere in a bar's column and move: the bar follows the cursor from the
first pixel (the drag layer takes the mouse press itself, so pyqtgraph's click/drag threshold and
its move rate limit do not apply). A press selects the bar and gives the chart the keyboard (the
arrow keys then act on it); only movement changes its value, so a click changes nothing. The chart only reports what the user asked for; the model
decides the new state and the chart is redrawn from it.

The value axis either fits the data (the default: 100 bars of about 0.01 each are as readable as
three) or stays at 0-1 for comparisons (`set_value_fit`, the View menu's "Fit value axes to the
data"). A fitted axis has hysteresis (klviz.scene.axes.fitted_top): it moves only when a
bar leaves it or the bars fill less than half of it, it glides to a new top instead of jumping,
and it never moves while one of this chart's bars is held (the cursor would lose the bar); when
the drag ends it glides to fit.

Columns are a whole number of pixels wide and every bar edge falls on the same pixel offset in its
column, so the bars and the gaps between them are even at any count (100 bars at 5 or 6 px each
would otherwise be 4 and 6 px wide, their gaps 0 to 2 px). They are as wide as fits with a margin
of 2% of the count each side, at most half a column, so both charts always show exactly their n
columns and at most one division's remainder of the width is left over. The category names are
spaced from pixels (the widest name and a space per step), so they never overlap.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.theme import set_plot_title
from klviz.gui.widgets.still_plot import hide_spare_axes, quiet_axes
from klviz.gui.widgets.drag_layer import DragLayer, KeyboardSelection, column_at
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.scene.axes import fitted_top
from klviz.gui.widgets.text import tooltip_text
from klviz.style import text_color

Y_TOP = 1.0
GLIDE_MS = 180  # a fitted value axis moves to a new top in this time, never in one jump
X_PADDING = 0.02  # empty room left and right of the columns, as a fraction of their count,
MAX_MARGIN = 0.5  # but at most half a column each side (2% of 100 columns would cost 4 px columns)
BOTTOM = 0.08  # room below zero for the selection mark, as a fraction of the value axis's top
HEADROOM = 0.1  # room above the top for the value labels, as a fraction of it, at least:
LABEL_GAP_PX = 4  # on a short chart, a label's height and this many pixels, so none is clipped


class Series:
    def __init__(self, name, color, offset=0.0, width=0.8):
        self.name, self.color, self.offset, self.width = name, color, offset, width


class BarChart(KeyboardSelection, pg.PlotWidget):
    """Draggable bars. Signals carry (series index, bar index, requested value)."""

    dragStarted = QtCore.Signal(int, int)
    dragMoved = QtCore.Signal(int, int, float)
    dragFinished = QtCore.Signal()
    nudged = QtCore.Signal(int, int, float)

    MAX_VALUE_LABELS = 16  # more value labels than this would collide (they reappear as tooltips)

    def __init__(self, series, title="", parent=None, tooltip=None):
        super().__init__(parent=parent, background=None, enableMenu=False, axisItems=quiet_axes())
        self.series = list(series)
        self._tooltip = tooltip
        self._labels = ()
        self._heights = [np.zeros(0) for _ in self.series]
        self._selected = (0, 0)
        self._dragging = False
        self._fit = True  # the value axis fits the data (False: 0-1)
        self._top = None  # the top of the value axis now shown
        self._target = None  # the top it is gliding to (or at)
        self._column_px = None  # whole pixels per column, as last laid out
        self._lefts = [np.zeros(0) for _ in self.series]  # bar left edges, pixel-aligned
        self._widths = [s.width for s in self.series]
        self._glide = QtCore.QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QtCore.QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self._show_top)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(220, 160)
        pi = self.getPlotItem()
        hide_spare_axes(pi)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.setMouseEnabled(x=False, y=False)
        pi.showGrid(x=False, y=True, alpha=0.25)
        if title:
            # a title is text: the light theme's text shade of the bars' colour (WCAG AA)
            color = text_color(self.series[0].color) if len(self.series) == 1 else "#222222"
            set_plot_title(pi, title, color=color, size="13pt", bold=True)
        self._bars = []
        for s in self.series:
            item = FastBars(x=[], height=[], width=s.width, brush=s.color, pen=pg.mkPen(s.color))
            pi.addItem(item)
            self._bars.append(item)
        self._sel_item = FastBars(x=[0], height=[0], width=0.8, brush=None,
                                         pen=pg.mkPen("#111111", width=2.5))
        self._sel_item.setZValue(50)
        pi.addItem(self._sel_item)
        # one item for every value label, one for the selection mark (cheap to redraw per frame)
        self._marker = LabelsLayer(color="#111111", anchor=(0.5, 0.5))
        pi.addItem(self._marker)
        self._value_labels = LabelsLayer(no_overlap=True)
        pi.addItem(self._value_labels)
        self._layer = DragLayer(self, cursor=QtCore.Qt.CursorShape.SizeVerCursor)
        pi.addItem(self._layer)
        self._show_top(Y_TOP)
        pi.vb.sigResized.connect(self._layout_columns)

    # -- data ----------------------------------------------------------------------------------
    def set_data(self, labels, heights):
        """Redraw from the model: labels and one height array per series."""
        n = len(labels)
        labels_changed = tuple(labels) != self._labels
        heights = [np.asarray(h, dtype=float) for h in heights]
        if not labels_changed and all(np.array_equal(a, b) for a, b in zip(heights, self._heights)):
            return  # nothing to redraw (the other chart's distribution changed)
        self._labels = tuple(labels)
        self._heights = heights
        si, bi = self._selected
        self._selected = (min(si, len(self.series) - 1), max(0, min(bi, n - 1)))
        if labels_changed:
            self._place_layer()
            self._column_px = None
            self._tick_step = None
            self._layout_columns()  # draws the bars too
        else:
            for item, h, left, w in zip(self._bars, self._heights, self._lefts, self._widths):
                item.setOpts(x0=left, height=h, width=w)
        if not self._dragging:  # a held bar keeps its axis (see the module's docstring)
            self._refit()
        self._update_texts()
        self._update_selection()

    # -- geometry: whole-pixel columns ---------------------------------------------------------
    def _layout_columns(self, *_):
        """Columns of a whole number of pixels, bars at the same pixel offset in each."""
        n = len(self._labels)
        vb = self.getPlotItem().vb
        width = vb.width()
        if n == 0:
            return
        margin = X_PADDING * n  # columns of empty room each side, at least
        columns = n * (1 + 2 * X_PADDING) if margin <= MAX_MARGIN else n + 2 * MAX_MARGIN
        if width <= 0:  # not laid out yet: the plain geometry until it is
            px, span, lo = None, columns, -0.5 - (columns - n) / 2
        else:
            # the widest whole-pixel columns that fit with their margins: the bars use the width
            # (only the remainder of one division is left over), whatever the count
            px = max(1, int(width // columns))
            span = width / px  # data units the view shows: a whole number of pixels each
            lo = -0.5 - math.floor((width - n * px) / 2) / px
        vb.setXRange(lo, lo + span, padding=0)
        if self._top is not None:
            self._set_y_range()  # the label's room in pixels is another share of a new height
            self._place_layer()
        self._column_px = px
        self._set_ticks(px)
        x = np.arange(n, dtype=float)
        self._lefts, self._widths = [], []
        for s in self.series:
            if px is None:
                left, w = 0.5 + s.offset - s.width / 2, s.width
            else:
                # the bar's pixels in its column; an outline is one more pixel on the right
                left_px = math.floor((0.5 + s.offset - s.width / 2) * px + 0.5)
                w_px = max(1, math.floor(s.width * px + 0.5) - 1)
                left, w = left_px / px, w_px / px
            self._lefts.append(x - 0.5 + left)
            self._widths.append(w)
        for s, item, h, left, w in zip(self.series, self._bars, self._heights, self._lefts, self._widths):
            item.setOpts(x=x + s.offset, x0=left, height=h, width=w)
        self._update_selection()

    _tick_step = None

    def _set_ticks(self, px):
        """Category names under every step-th column, the step from pixels: at most 20 names, and
        never two that overlap (the widest name and a space fit in step columns), at any count and
        width. Worked out when the columns change (a resize or a new count), never per frame."""
        n = len(self._labels)
        step = max(1, math.ceil(n / 20))
        if px is not None:
            axis = self.getPlotItem().getAxis("bottom")
            fm = QtGui.QFontMetricsF(axis.style["tickFont"] or axis.font())
            box = QtCore.QRectF(0, 0, 100, 100)  # as the axis measures its tick strings
            flags = QtCore.Qt.AlignmentFlag.AlignCenter
            widest = max(fm.boundingRect(box, flags, lab).width() for lab in self._labels)
            step = max(step, math.ceil((widest + fm.horizontalAdvance(" ")) / px))
        if step != self._tick_step:
            self._tick_step = step
            ticks = [(i, lab) for i, lab in enumerate(self._labels) if i % step == 0]
            self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    # -- the value axis ------------------------------------------------------------------------
    @property
    def value_fit(self):
        return self._fit

    @property
    def value_top(self):
        """The top of the value axis (where it is going, if it is gliding)."""
        return self._target if self._target is not None else Y_TOP

    @property
    def gliding(self):
        """True while the value axis is moving to a new top."""
        return self._glide.state() == QtCore.QAbstractAnimation.State.Running

    def set_value_fit(self, on):
        """True: the value axis fits the data; False: it shows 0-1 (for comparisons)."""
        on = bool(on)
        if on != self._fit:
            self._fit = on
            if not self._dragging:
                self._refit()

    def _refit(self):
        if self._fit:
            peak = max((float(np.max(h)) for h in self._heights if h.size), default=0.0)
            target = fitted_top(peak, self._target)
        else:
            target = Y_TOP
        if target == self._target:
            return
        start = self._top
        self._target = target
        if start is None or not self.isVisible() or self._glide.duration() <= 0:
            self._glide.stop()
            self._show_top(target)
            return
        self._glide.stop()
        with QtCore.QSignalBlocker(self._glide):  # setting the ends would show the end at once
            self._glide.setStartValue(float(start))
            self._glide.setEndValue(float(target))
        self._glide.start()

    def _show_top(self, top):
        top = float(top)
        if top == self._top:
            return
        self._top = top
        pi = self.getPlotItem()
        self._set_y_range()
        self._place_layer()
        if self._labels:
            self._update_texts()
            self._update_selection()

    def _labels_shown(self):
        """Whether the bars carry value labels (quiz mode hides them but keeps their room, so
        the axis does not move when it is toggled)."""
        return 0 < len(self._labels) * len(self.series) <= self.MAX_VALUE_LABELS

    def label_room(self):
        """Pixels a value label needs above a full bar: its line's height and LABEL_GAP_PX."""
        return QtGui.QFontMetricsF(self._value_labels._font).height() + LABEL_GAP_PX

    def _set_y_range(self):
        """Room below zero for the selection mark and above the top for a full bar's value label:
        HEADROOM of the axis, or on a chart too short for that, the label's height in pixels
        (a bar at the top, a one-hot target's 1.00, had its label cut by the plot's edge)."""
        top = self._top
        vb = self.getPlotItem().vb
        above = HEADROOM * top
        height = vb.height()
        if self._labels_shown() and height > 0:
            need = self.label_room()
            # (y1 - top) of (y1 + BOTTOM top) in pixels is at least `need`; at most the top again
            room = height - need
            above = max(above, top if room <= need else min(top, (1 + BOTTOM) * top * need / room))
        y_range = (-BOTTOM * top, top + above)
        if y_range != getattr(self, "_y_range", None):
            self._y_range = y_range
            vb.setYRange(*y_range, padding=0)
        self._set_value_ticks(height / (y_range[1] - y_range[0]) if height > 0 else None)

    _value_ticks = ()

    def _set_value_ticks(self, px_per_unit):
        """On 0-1, ticks at the quarters, or at the halves or the ends only where a short chart
        has no room for them (0.75 and 0.5 ran together at 1024×768 in presentation mode):
        neighbours a tick label's height and a half apart at least. A fitted axis: pyqtgraph's."""
        ticks = None
        if self._top == Y_TOP:
            axis = self.getPlotItem().getAxis("left")
            need = 1.5 * QtGui.QFontMetricsF(axis.style["tickFont"] or axis.font()).height()
            step = next((s for s in (0.25, 0.5) if px_per_unit is None or s * px_per_unit >= need), 1.0)
            ticks = [[(v, f"{v:g}") for v in np.arange(0.0, 1.0 + step / 2, step)]]
        if ticks != self._value_ticks:
            self._value_ticks = ticks
            self.getPlotItem().getAxis("left").setTicks(ticks)

    def _update_texts(self):
        n = len(self._labels)
        show = n * len(self.series) <= self.MAX_VALUE_LABELS and not self._quiz
        top = self._top or Y_TOP
        items = []
        if show:
            for s, h in zip(self.series, self._heights):
                items.extend((i + s.offset, min(h[i], top) + 0.005 * top, f"{h[i]:.2f}") for i in range(n))
        self._value_labels.set_items(items)

    def _place_layer(self):
        """The drag layer over every column, from below the selection mark to above the values."""
        top = self._top or Y_TOP
        high = max(1.15 * top, getattr(self, "_y_range", (0, 0))[1])  # up to the view's top
        self._layer.set_rect(QtCore.QRectF(-0.5, -0.1 * top, max(len(self._labels), 1), high + 0.1 * top))

    def _update_selection(self):
        si, bi = self._selected
        if not self._labels:
            return
        s = self.series[si]
        focused = self.hasFocus()
        if focused:  # the outline shows only on the chart the arrow keys act on
            left = self._lefts[si][bi] if bi < self._lefts[si].size else bi + s.offset - s.width / 2
            self._sel_item.setOpts(x0=[left], height=[self._heights[si][bi]], width=self._widths[si])
        self._marker.set_items([(bi + s.offset, -0.045 * (self._top or Y_TOP), "▲")])
        self._sel_item.setVisible(focused)
        self._marker.setVisible(True)
        if focused != self._framed:  # a visible frame says which chart the arrow keys act on
            self._framed = focused
            self.getPlotItem().vb.setBorder(pg.mkPen("#56B4E9", width=2) if focused else None)

    _framed = False

    # -- look and quiz --------------------------------------------------------------------------
    _quiz = False

    def set_quiz(self, on):
        """Quiz mode hides the numbers printed on the bars (the bars themselves stay)."""
        self._quiz = bool(on)
        self._update_texts()

    def restyle(self, look):
        colors = [look.p_color if s.name == "P" else look.q_color if s.name == "Q" else s.color
                  for s in self.series]
        outline = pg.mkPen(look.foreground, width=max(1.0, look.line_width)) if look.high_contrast else None
        for s, item, color in zip(self.series, self._bars, colors):
            item.setOpts(brush=color, pen=outline or pg.mkPen(color))
        self._sel_item.setOpts(pen=pg.mkPen(look.foreground, width=2.5 * look.scale))
        self._marker.set_style(color=look.foreground, font=look.font(9.0))
        self._value_labels.set_style(color=look.foreground, font=look.font(9.0))
        if self._top is not None:  # a larger type needs more room above the bars
            self._set_y_range()
            self._place_layer()
        if self.series and self.getPlotItem().titleLabel.text:
            color = text_color(colors[0], look.dark) if len(self.series) == 1 else look.foreground
            set_plot_title(self.getPlotItem(), self.getPlotItem().titleLabel.text, color=color,
                                        size=f"{13 * look.scale:.0f}pt", bold=True)

    # -- the drag layer's questions (klviz.gui.widgets.drag_layer) -------------------------------
    def hit(self, pos, scene_pos=None):
        """(series, bar) of a press at data point `pos`, or None outside the columns."""
        i = column_at(pos.x(), len(self._labels))
        return None if i is None else (self.series_at(pos.x() - i), i)

    def drag_press(self, hit, pos):
        self.press_bar(*hit)
        return hit

    # Moves and the release of a held bar are taken by BarChart itself (see its mouseMoveEvent):
    # the scene never passes them to the layer.
    def drag_move(self, active, pos):
        pass

    def drag_release(self, active, pos):
        pass

    def drag_right_press(self, hit, scene_pos):
        return False

    def drag_double_click(self, hit, pos, scene_pos):
        return False  # a press

    def drag_hover(self, hit, scene_pos):
        return None, self.tooltip(*hit) if hit is not None else ""

    def series_at(self, dx):
        """Which series a press at horizontal offset dx from a column centre belongs to."""
        if len(self.series) == 1:
            return 0
        return int(np.argmin([abs(dx - s.offset) for s in self.series]))

    def tooltip(self, si, i):
        if self._tooltip is not None:
            return self._tooltip(si, i)
        return tooltip_text(f"{self.series[si].name}({self._labels[i]}) = {self._heights[si][i]:.6g}")

    @property
    def selected(self):
        return self._selected

    def select(self, si, i):
        self._selected = (si, i)
        self._update_selection()

    def press_bar(self, si, i):
        """A press on bar i of series si: it is selected, the chart takes the keyboard, and a
        drag may follow (dragStarted); its value changes only once the mouse moves."""
        self._dragging = True
        self._moved = False
        self._glide.stop()  # the axis stays where it is while a bar is held
        self._target = self._top
        self.select(si, i)
        if not self.hasFocus():
            self.setFocus(QtCore.Qt.FocusReason.MouseFocusReason)
        self.dragStarted.emit(si, i)

    def begin_drag(self, si, i, y):
        """A press and a move to height y in one (programmatic callers)."""
        self.press_bar(si, i)
        self.drag_to(si, i, y)

    _moved = False

    def drag_to(self, si, i, y):
        if self._dragging:
            self._moved = True
            self.dragMoved.emit(si, i, float(y))

    def end_drag(self):
        if self._dragging:
            self._dragging = False
            self.dragFinished.emit()
            self._refit()  # glides to fit the bars as they are now

    # -- mouse: while a bar is held, moves go straight to it ------------------------------------
    _press_pos = None

    def mousePressEvent(self, ev):
        self._press_pos = ev.position()  # (the drag layer decides whether a bar was hit)
        super().mousePressEvent(ev)

    def _data_y(self, ev):
        scene = self.mapToScene(ev.position().toPoint())
        return self.getPlotItem().vb.mapSceneToView(scene).y()

    def mouseMoveEvent(self, ev):
        # During a drag the scene's hit-testing and hover bookkeeping are wasted work on every
        # move; the held bar is known, so the cursor height is all that is needed.
        if self._layer.active is not None:
            ev.accept()
            if self._moved or ev.position() != self._press_pos:
                self.drag_to(*self._layer.active, self._data_y(ev))
            return
        super().mouseMoveEvent(ev)

    def mouseReleaseEvent(self, ev):
        if self._layer.active is not None and ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()
            active, self._layer.active = self._layer.active, None
            if self._moved or ev.position() != self._press_pos:  # a click changes nothing
                self.drag_to(*active, self._data_y(ev))
            self.end_drag()
            grabber = self.scene().mouseGrabberItem()  # the scene did not see this release
            if grabber is not None:
                grabber.ungrabMouse()
            return
        super().mouseReleaseEvent(ev)

    # -- keyboard (klviz.gui.widgets.drag_layer.KeyboardSelection) -------------------------------
    NUDGE_STEPS = (0.01, 0.1)

    def _step_selection(self, step):
        """The previous or next bar, P's and Q's in turn in an overlay."""
        n = len(self._labels)
        if not n:
            return False
        slots = [(s, i) for i in range(n) for s in range(len(self.series))]
        k = slots.index(self._selected) + step
        self.select(*slots[max(0, min(len(slots) - 1, k))])
        return True

    def _nudge_selection(self, delta):
        if not self._labels:
            return False
        self.nudged.emit(*self._selected, delta)
        return True
