"""The Coding page: cross-entropy as the length of real code words (issue 14).

Each category is a column of width p_i whose height is a code length in bits, so the area of
the columns is an expected length: P's ideal lengths −log₂ p_i (area H(P)), Q's −log₂ q_i (area
H(P,Q)), Q's Shannon code ⌈−log₂ q_i⌉ or Q's Huffman code, chosen in the `coding_lengths` combo;
all four are also overlaid as outlines of the columns' tops (`coding_outline_<key>`), so they can
be compared at once. The signed area between the two ideal heights (total D(P‖Q)) is shaded over
them. Beside it: Q's
Huffman code words, the bounds with their live numbers, and a "send a message" demonstration.

In the main window (the Coding tab) `follow(model, presentation)` feeds it from the Discrete tab's
state: dragging P there changes the widths, dragging Q the heights (drawn at once while the tab is
shown, when it is next shown otherwise). On the chart itself, a press on a column drags its height
(Q: q_i = 2^−height) and a press on the boundary between two columns drags it (P: the width of the
column on its left), live, one undo step per drag, by the Discrete tab's drag rule; quiz mode hides its numbers; the look scales its plot.

Standalone: `CodingPage.set_pair(p, q, labels)` redraws (cheap enough for every frame of a drag),
`scene()` is the `klviz.scene.coding.CodingScene` shown. Every number and text comes from the
scene; this module draws only (it imports nothing from klviz.core). Labels are data: they are
shown as plain text everywhere.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import style
from klviz.gui.widgets.buttons import WholeItemsCombo
from klviz.gui.widgets.drag_layer import DragLayer
from klviz.gui.widgets.labels_layer import FastBars, LabelsLayer
from klviz.gui.widgets.parts import BuiltInParts
from klviz.gui.widgets.reflow import ReflowSplitter, page_scroll
from klviz.gui.widgets.still_plot import still_plot
from klviz.gui.widgets.text import plain_label
from klviz.gui.widgets.value_label import ValueLabel
from klviz.gui.widgets.slider_spin import BoundedSpinBox
from klviz.scene.coding import (AREA_NAMES, LENGTHS, UnencodableError, coding_scene, drag_rule, send_message,
                                shown_bound)
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

DEFAULT_P = (0.5, 0.25, 0.125, 0.125)
DEFAULT_Q = (0.25, 0.25, 0.25, 0.25)
MAX_MESSAGE_N = 100_000  # the spin box's top: a message of this length is sent in well under a second
DEFAULT_MESSAGE_N = 100
COMBO_LEAST_CHARACTERS = 24  # the lengths combo's least width, in characters (its list: every item whole)
MAX_LABEL_COLUMN = 160  # pixels: a 100-character label is cut (its cell's tooltip-free text stays whole)
_COLUMN_COLORS = {"ideal_p": style.P_COLOR, "ideal_q": style.Q_COLOR, "shannon_q": style.Q_COLOR,
                  "huffman_q": style.Q_COLOR}
_STALE = QT_TRANSLATE_NOOP("klviz", "P or Q changed since the last message: send again.")
# every set of lengths is also drawn as the outline of its columns' tops, so the four can be
# compared at once (the combo picks the one that is filled): (key, colour, width, line style)
_OUTLINES = (("ideal_p", style.P_COLOR, 2, QtCore.Qt.PenStyle.SolidLine),
             ("ideal_q", style.Q_COLOR, 2, QtCore.Qt.PenStyle.SolidLine),
             ("shannon_q", "#555555", 2, QtCore.Qt.PenStyle.DashLine),
             ("huffman_q", "#000000", 2, QtCore.Qt.PenStyle.DotLine))
def _area_text(area):
    """The shown name of an area key of klviz.scene.coding.LENGTHS, translated."""
    return translated(AREA_NAMES.get(area, area))


def _bound_text(bound):
    """A bound of the scene (H(P,Q) ≤ L_Shannon < ...), translated, its names as shown."""
    return shown_bound(bound, translated)


_OUTLINES_LEGEND = QT_TRANSLATE_NOOP("klviz", "Outlines, all at once: ━ P's ideal −log₂ pᵢ (blue), ━ Q's ideal −log₂ qᵢ "
                                     "(orange), ╌ Q's Shannon code ⌈−log₂ qᵢ⌉, ┈ Q's Huffman code.")


class _CodingDrag:
    """The Coding page's part of the one drag layer (klviz.gui.widgets.drag_layer.DragLayer): a
    press on a column drags its height (Q: the height is −log₂ q_i, so q_i = 2^−y), a press
    within a few pixels of the boundary between two columns drags that boundary (P: the width
    p_i of the column on its left). No right-click, double-click or hover meaning."""

    def __init__(self, page):
        self._page = page

    def hit(self, pos, scene_pos):
        return (pos.x(), pos.y())  # the page decides on the press (it may refuse it)

    def drag_press(self, hit, pos):
        return True if self._page.press(pos.x(), pos.y()) else None

    def drag_move(self, active, pos):
        if self._page.dragging() is not None:
            self._page.drag_to(pos.x(), pos.y())

    def drag_release(self, active, pos):
        if self._page.dragging() is not None:
            self._page.drag_to(pos.x(), pos.y())
            self._page.release()

    def drag_right_press(self, hit, scene_pos):
        return False

    def drag_double_click(self, hit, pos, scene_pos):
        return False  # a second press

    def drag_hover(self, hit, scene_pos):
        return None, ""


EDGE_GRAB_PX = 5  # how near (pixels) a press must be to a boundary between columns to drag P's width
MIN_HEIGHT_BITS = 1e-3  # a height dragged below this is held here (q_i = 2^−0.001, nearly 1)
_DRAG_TEXT = {"p": QT_TRANSLATE_NOOP("klviz", "Drag P's width on the Coding tab"),
              "q": QT_TRANSLATE_NOOP("klviz", "Drag Q's height on the Coding tab")}


def _brush(colour, alpha):
    c = QtGui.QColor(colour)
    c.setAlphaF(alpha)
    return pg.mkBrush(c)


class CodingPage(BuiltInParts, QtWidgets.QWidget):
    """The Coding view: standalone, or the Coding tab once it follows a SessionModel."""

    def __init__(self, p=DEFAULT_P, q=DEFAULT_Q, labels=None, parent=None, build=True):
        """build=False: the page's frame only; build_steps() builds the rest a part per step
        (the window's deferred start runs one per event-loop turn: no long stall)."""
        super().__init__(parent)
        self.setObjectName("coding_page")
        self._scene = None
        self._key = LENGTHS[0][0]
        self._sends = 0  # the seed of the next message: each press draws a new one, reproducibly
        self._message = None
        self._shown_rows = None
        self._model = None
        self._stale = False  # the model changed while the page was hidden
        self._quiz = False
        self._pair = (p, q, labels)
        self._start_building(build)

    def _build_parts(self):
        yield from self._build()
        self.set_pair(*self._pair)
        del self._pair

    # ------------------------------------------------------------------------------------------
    # Building

    def _build(self):
        # the code table goes under the chart when the window is narrow
        split = ReflowSplitter()
        split.setObjectName("split_coding")
        outer = QtWidgets.QVBoxLayout(self)
        outer.addWidget(page_scroll(split))
        left_part, right_part = QtWidgets.QWidget(), QtWidgets.QWidget()
        split.addWidget(left_part)
        split.addWidget(right_part)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        left = QtWidgets.QVBoxLayout(left_part)
        left.setContentsMargins(0, 0, 0, 0)

        row = QtWidgets.QHBoxLayout()
        heights_label = plain_label(translate("pages.coding", "Column heights:"))
        heights_label.setWordWrap(True)  # the French "Hauteur des colonnes :" on two lines beside
        row.addWidget(heights_label)  # the combo rather than the page scrolling sideways (800×600)
        # a combo that may be narrower than its longest item (its list shows them whole), so that
        # the page never scrolls sideways (the lesson panel open at 800×600, issue 12)
        self.lengths_combo = WholeItemsCombo()
        self.lengths_combo.setObjectName("coding_lengths")
        for key, name, area in LENGTHS:
            self.lengths_combo.addItem(translate("pages.coding", "{name} — area {area}").format(name=translated(name), area=_area_text(area)), key)
        self.lengths_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lengths_combo.setMinimumContentsLength(COMBO_LEAST_CHARACTERS)
        self.lengths_combo.currentIndexChanged.connect(self._lengths_changed)
        row.addWidget(self.lengths_combo, 1)
        left.addLayout(row)

        yield
        self.plot, pi = still_plot("coding_plot")
        self.plot.setMinimumHeight(220)
        pi.showGrid(x=False, y=True, alpha=0.25)
        pi.setLabel("left", translate("pages.coding", "code length (bits)"))
        pi.setLabel("bottom", translate("pages.coding", "cumulative probability of P (column widths pᵢ)"))
        self.columns = FastBars(x0=[], width=[], y=[], height=[], brush=_brush(style.P_COLOR, 0.45),
                                pen=pg.mkPen("#FFFFFF", width=1))
        self.kl_positive = FastBars(x0=[], width=[], y=[], height=[], brush=_brush(style.KL_COLOR, 0.6),
                                    pen=pg.mkPen(None))
        self.kl_negative = FastBars(x0=[], width=[], y=[], height=[], brush=_brush(style.NEGATIVE_COLOR, 0.35),
                                    pen=pg.mkPen(style.NEGATIVE_COLOR, width=1))
        for item in (self.columns, self.kl_positive, self.kl_negative):
            pi.addItem(item)
        self.outlines = {}
        for key, colour, width, line in _OUTLINES:
            item = pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=width, style=line), connect="finite")
            item.setObjectName(f"coding_outline_{key}")
            pi.addItem(item)
            self.outlines[key] = item
        bold = QtGui.QFont()
        bold.setBold(True)
        self.infinity_marks = LabelsLayer(color=style.Q_COLOR, font=bold, anchor=(0.5, 1.0), offset_px=(0, -2))
        self.column_labels = LabelsLayer(color=style.TEXT_COLOR, anchor=(0.5, 1.0), offset_px=(0, -3),
                                         no_overlap=True)
        self._label_metrics = QtGui.QFontMetrics(QtGui.QFont())  # the labels layer's default font
        pi.addItem(self.infinity_marks)
        pi.addItem(self.column_labels)
        self._drag = None  # (which, i, left of column i at the press) while dragging
        self._drag_owner = _CodingDrag(self)
        self.drag_layer = DragLayer(self._drag_owner)
        self.drag_layer.setAcceptHoverEvents(False)
        pi.addItem(self.drag_layer)
        pi.vb.sigResized.connect(self._refit_labels)
        left.addWidget(self.plot, 1)
        self.outlines_legend = plain_label(translated(_OUTLINES_LEGEND))
        self.outlines_legend.setObjectName("coding_outlines_legend")
        self.outlines_legend.setWordWrap(True)
        left.addWidget(self.outlines_legend)

        self.area_label = ValueLabel()
        self.area_label.setObjectName("coding_area")
        self.area_label.setWordWrap(True)  # a long sentence wraps rather than widen the window
        left.addWidget(self.area_label)
        self.reason_label = plain_label()
        self.reason_label.setObjectName("coding_reason")
        self.reason_label.setWordWrap(True)
        left.addWidget(self.reason_label)

        yield
        right = QtWidgets.QVBoxLayout(right_part)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(plain_label(translate("pages.coding", "Q's Huffman code")))
        self.codewords = QtWidgets.QTableWidget(0, 4)
        self.codewords.setObjectName("coding_codewords")
        self.codewords.setHorizontalHeaderLabels([translate("pages.coding", "category"), "q", translate("pages.coding", "bits"), translate("pages.coding", "code word")])
        self.codewords.verticalHeader().setVisible(False)
        self.codewords.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        # Column widths are set when the labels change, not measured on every frame of a drag
        # (ResizeToContents costs a few milliseconds per change of a q value).
        header = self.codewords.horizontalHeader()
        header.setStretchLastSection(True)
        fm = self.codewords.fontMetrics()
        for c, template in ((1, "0.000e-300"), (2, "bits")):
            header.resizeSection(c, fm.horizontalAdvance(template) + 16)
        right.addWidget(self.codewords, 1)

        self.bounds_label = ValueLabel()
        self.bounds_label.setObjectName("coding_bounds")
        self.bounds_label.setWordWrap(True)
        right.addWidget(self.bounds_label)

        group = QtWidgets.QGroupBox(translate("pages.coding", "Send a message"))
        group.setObjectName("coding_message")
        g = QtWidgets.QGridLayout(group)
        g.addWidget(plain_label(translate("pages.coding", "Symbols drawn from P:")), 0, 0)
        self.message_n = BoundedSpinBox("N")
        self.message_n.setObjectName("coding_message_n")
        self.message_n.setRange(1, MAX_MESSAGE_N)
        self.message_n.setValue(DEFAULT_MESSAGE_N)
        self.message_n.setGroupSeparatorShown(True)
        g.addWidget(self.message_n, 0, 1)
        self.send_button = QtWidgets.QPushButton(translate("pages.coding", "Send"))
        self.send_button.setObjectName("coding_send")
        self.send_button.setToolTip(translate("pages.coding", "Draw N symbols from P and code them with Q's Huffman code"))
        self.send_button.clicked.connect(self.send)
        g.addWidget(self.send_button, 0, 2)
        self.message_result = ValueLabel(translate("pages.coding", "Draw N symbols from P, code them with Q's Huffman code, and compare "
                                          "the length with N·H(P,Q) and N·H(P)."))
        self.message_result.setObjectName("coding_message_result")
        self.message_result.setWordWrap(True)
        self.message_result.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        g.addWidget(self.message_result, 1, 0, 1, 3)
        right.addWidget(group)
        yield

    # ------------------------------------------------------------------------------------------
    # The Coding tab

    def follow(self, model, presentation=None):
        """Show the SessionModel's discrete P and Q (and labels) from now on, and follow the
        PresentationModel's quiz mode and look."""
        self._model = model
        model.discreteChanged.connect(self._model_changed)
        self._pull()
        if presentation is not None:
            presentation.follow_plot(self.plot)
            presentation.follow_quiz(self.set_quiz)

    def _model_changed(self):
        if self.isVisible():
            self._pull()
        else:
            self._stale = True  # cheap while hidden: drawn when the tab is shown

    def _pull(self):
        d = self._model.discrete
        self._stale = False
        self.set_pair(d.p, d.q, d.labels)

    def showEvent(self, ev):  # noqa: N802
        if self._stale and self._model is not None:
            self._pull()
        super().showEvent(ev)

    def set_quiz(self, on):
        """Quiz mode: the areas, bounds, message lengths and Q's probabilities and code lengths are
        hidden ("?"); the picture and the code words stay."""
        self._quiz = bool(on)
        for label in (self.area_label, self.bounds_label, self.message_result):
            label.set_quiz(on)
        for c in (1, 2):
            self.codewords.setColumnHidden(c, on)

    # ------------------------------------------------------------------------------------------
    # Public API

    # ------------------------------------------------------------------------------------------
    # Dragging: P's widths and Q's heights, live

    def dragging(self):
        """("p" or "q", category) while a drag is on, else None."""
        return None if self._drag is None else self._drag[:2]

    def press(self, x, y):
        """Start a drag at the data point (x, y): True if it hit a column or a boundary."""
        s = self._scene
        right = s.left + s.widths
        px = self.plot.getPlotItem().vb.viewPixelSize()[0]
        inner = np.flatnonzero((s.widths > 0) & (np.abs(right - x) <= EDGE_GRAB_PX * px))
        inner = inner[right[inner] < s.x_range[1] - 0.5 * px]  # the last boundary is the total, 1
        if inner.size:
            i = int(inner[np.argmin(np.abs(right[inner] - x))])
            self._drag = ("p", i, float(s.left[i]))
        else:
            hit = np.flatnonzero((s.widths > 0) & (s.left <= x) & (x < right))
            if not hit.size or not 0 <= y:
                return False
            i = int(hit[0])
            self._drag = ("q", i, float(s.left[i]))
        if self._model is not None:
            self._model.begin_gesture(translated(_DRAG_TEXT[self._drag[0]]))
        self.drag_to(x, y)
        return True

    def drag_to(self, x, y):
        """Move the dragged width's boundary to x, or the dragged height to y (bits)."""
        if self._drag is None:
            return
        which, i, left = self._drag
        if which == "p":
            value = min(max(x - left, 0.0), 1.0)
        else:
            value = 2.0 ** -max(float(y), MIN_HEIGHT_BITS)
        if self._model is not None:
            self._model.set_probability(which, i, value)
            if not self.isVisible():
                self._pull()
        else:
            s = self._scene
            probs = drag_rule(s.p if which == "p" else s.q, i, value)
            self.set_pair(probs if which == "p" else s.p, probs if which == "q" else s.q, s.labels)

    def release(self):
        self._drag = None
        if self._model is not None:
            self._model.end_gesture()

    def scene(self):
        """The CodingScene shown now."""
        return self._scene

    def lengths_key(self):
        """Which heights the columns show (a key of klviz.scene.coding.LENGTHS)."""
        return self._key

    def last_message(self):
        """The SentMessage shown in the result label (None before the first, or after a change)."""
        return self._message

    def set_pair(self, p, q, labels=None):
        """Show P and Q (weights of one length; labels one string per category). ValueError for
        bad input, and then nothing shown changes."""
        scene = coding_scene(p, q, labels)  # validates first: a bad pair leaves the page as it was
        changed = self._scene is not None and (
            not np.array_equal(scene.p, self._scene.p) or not np.array_equal(scene.q, self._scene.q)
            or scene.labels != self._scene.labels)
        self._scene = scene
        self._draw()
        if changed and self._message is not None:
            self._message = None
            self.message_result.setText(translated(_STALE))

    def send(self):
        """Send a message of the spin box's N symbols (the button's action); returns the
        SentMessage, or None when Q's code cannot code what P draws (the reason is shown)."""
        s = self._scene
        seed = self._sends
        self._sends += 1
        try:
            msg = send_message(s.p, s.q, int(self.message_n.value()), seed, labels=s.labels)
        except UnencodableError as exc:
            self._message = None
            self.message_result.setText(str(exc))
            return None
        self._message = msg
        text = msg.text
        if msg.bits is not None:
            text += f"\nBits: {msg.bits}"
        self.message_result.setText(text)
        return msg

    # ------------------------------------------------------------------------------------------
    # Drawing

    def _lengths_changed(self, index):
        self._key = self.lengths_combo.itemData(index)
        self._draw()

    def _draw(self):
        s = self._scene
        key = self._key
        heights = s.shown_heights(key)
        self.columns.setOpts(x0=s.left, width=s.widths, y=heights / 2, height=heights)
        colour = _COLUMN_COLORS[key]
        if colour != getattr(self, "_column_colour", None):
            self._column_colour = colour
            self.columns.setOpts(brush=_brush(colour, 0.45))
        self._draw_outlines(s)
        lo, hi, positive = s.kl_columns()
        for item, mask in ((self.kl_positive, positive), (self.kl_negative, ~positive)):
            w = np.where(mask, s.widths, 0.0)
            item.setOpts(x0=s.left, width=w, y=(lo + hi) / 2, height=np.where(mask, hi - lo, 0.0))
        top = s.y_range[1]
        self.drag_layer.set_rect(QtCore.QRectF(s.x_range[0] - 0.02, 0.0, s.x_range[1] - s.x_range[0] + 0.04, top * 1.12))
        centres = s.left + s.widths / 2
        self.infinity_marks.set_items([(float(centres[i]), top, "∞") for i in s.infinite
                                       if s.widths[i] > 0 and np.isinf(s.heights(key)[i])])
        self.column_labels.set_items(self._fitted_labels(centres, heights))
        pi = self.plot.getPlotItem()
        yr = (0.0, top * 1.12)
        if yr != getattr(self, "_yrange", None):
            self._yrange = yr
            pi.setYRange(*yr, padding=0)
            pi.setXRange(*s.x_range, padding=0.01)
        name = next(n for k, n, _ in LENGTHS if k == key)
        area = next(a for k, _, a in LENGTHS if k == key)
        totals = dict(s.total_texts())
        value = totals[area]
        bits = translate("pages.coding", "{value} bits")
        value_text = value if value == "∞" else bits.format(value=value)
        kl_text = totals["D(P‖Q)"] if totals["D(P‖Q)"] == "∞" else bits.format(value=totals["D(P‖Q)"])
        self.area_label.setText(translate("pages.coding", "Columns: {name}; their area is {area} = {value}. "
                                          "Shaded: the extra length, D(P‖Q) = {kl}.").format(
            name=translated(name), area=_area_text(area), value=value_text, kl=kl_text))
        self.reason_label.setText(translated(s.reason) or "")
        self.reason_label.setVisible(bool(s.reason))
        self.bounds_label.setText("\n".join(_bound_text(b) for b in s.bounds))
        self._fill_codewords(s.codeword_rows())

    def outline(self, key):
        """(xs, ys) of one set's outline as drawn: the top edge of each column of positive width,
        NaN between columns (klviz.scene.coding.LENGTH_KEYS)."""
        return self.outlines[key].getData()

    def _draw_outlines(self, s):
        keep = s.widths > 0
        x0, x1 = s.left[keep], s.left[keep] + s.widths[keep]
        gap = np.full(x0.size, np.nan)
        xs = np.column_stack([x0, x1, gap]).ravel()
        for key, item in self.outlines.items():
            h = s.shown_heights(key)[keep]
            item.setData(xs, np.column_stack([h, h, gap]).ravel())

    def _refit_labels(self, *_):
        s = self._scene
        if s is not None:
            self.column_labels.set_items(self._fitted_labels(s.left + s.widths / 2, s.shown_heights(self._key)))

    def _fitted_labels(self, centres, heights):
        """(x, y, text) of the category names over their columns, each cut (with "…") to its
        column's width on screen; a column too narrow for even one letter shows none."""
        s = self._scene
        vb = self.plot.getPlotItem().vb
        span = s.x_range[1] - s.x_range[0]
        px_per_unit = vb.width() / span if span > 0 and vb.width() > 0 else 0.0
        fm = self._label_metrics
        out = []
        for c, h, w, lab in zip(centres, heights, s.widths, s.labels):
            room = int(w * px_per_unit) - 4
            if w <= 0 or room <= 0:
                continue
            text = fm.elidedText(lab, QtCore.Qt.TextElideMode.ElideRight, room)
            if text and text != "…":
                out.append((float(c), float(h), text))
        return out

    def _fill_codewords(self, rows):
        if rows == self._shown_rows:
            return
        table = self.codewords
        if table.rowCount() != len(rows):
            table.setRowCount(len(rows))
        old = self._shown_rows
        for r, row in enumerate(rows):
            if old is not None and r < len(old) and old[r] == row:
                continue
            for c, text in enumerate(row):
                item = table.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem(text)
                    if c in (1, 2):
                        item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, c, item)
                elif item.text() != text:
                    item.setText(text)
        if old is None or len(old) != len(rows) or any(a[0] != b[0] for a, b in zip(old, rows)):
            table.resizeColumnToContents(0)  # the labels changed
            if table.columnWidth(0) > MAX_LABEL_COLUMN:
                table.setColumnWidth(0, MAX_LABEL_COLUMN)
        self._shown_rows = rows
