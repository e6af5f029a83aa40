"""The Joint tab: an editable joint P(X, Y), the product of its marginals, the signed pointwise
terms of I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)), the six readouts and the information diagram.

In the window: `JointPage(model=window.model, presentation=window.presentation)`: the state is
the session's (`model.joint`), every gesture is one step of the window's one undo history
(through the SessionModel), the unit is the session's, and quiz mode follows the presentation.
On its own: `JointPage(undo_stack=None)` keeps a private SessionModel on that stack (or its own)
with `state()` / `set_state(JointState)` and the `changed` signal. Every number comes from the
scene (`klviz.scene.joint.joint_scene`); this module only draws it and turns gestures into
`JointState` operations, each gesture one undo step. Every text from data (labels) is drawn
as plain text with QPainter or set on plain-text labels: never markup.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import style
from klviz.gui.models.session_model import SessionModel
from klviz.gui.widgets.reflow import page_scroll
from klviz.gui.widgets.slider_spin import BoundedSpinBox
from klviz.scene.joint import (
    DEFAULT_EPSILON,
    MAX_SIZE,
    MIN_SIZE,
    PRESET_NOTES,
    READOUT_KEYS,
    READOUT_NAMES,
    JointState,
    joint_scene,
)
from klviz.gui.pages.lazy import when_shown
from klviz.gui.i18n import QT_TRANSLATE_NOOP, error_text, translate, translated

PRESET_NAMES = {"independent": QT_TRANSLATE_NOOP("klviz", "Independent"),
                "dependent": QT_TRANSLATE_NOOP("klviz", "Perfectly dependent"),
                "bsc": QT_TRANSLATE_NOOP("klviz", "Binary symmetric channel"),
                "xor": QT_TRANSLATE_NOOP("klviz", "XOR-like"), "random": QT_TRANSLATE_NOOP("klviz", "Random")}
READOUT_OBJECT_NAMES = {"entropy_x": "joint_readout_entropy_x", "entropy_y": "joint_readout_entropy_y",
                        "joint_entropy": "joint_readout_joint_entropy",
                        "cond_x_given_y": "joint_readout_cond_x_given_y",
                        "cond_y_given_x": "joint_readout_cond_y_given_x",
                        "mutual_information": "joint_readout_mutual_information"}
EPSILON_STEPS = 1000      # the ε slider's resolution
KEY_STEP = 0.01           # +/- on a cell; Page Up/Down five times that
_WHITE = QtGui.QColor("#FFFFFF")
_SEGMENT_COLOURS = {"h_x_given_y": style.P_COLOR, "mutual_information": style.KL_COLOR,
                    "h_y_given_x": style.Q_COLOR}


def _mix(a, b, t):
    t = min(max(float(t), 0.0), 1.0)
    return QtGui.QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                                 a.blueF() + (b.blueF() - a.blueF()) * t)


def _ink(colour):
    """Black or white, whichever reads on the fill (style.ink_on: one of the two always reaches
    WCAG AA, 4.5:1; a near-black such as TEXT_COLOR does not on every fill, nor does a guess
    from brightness: white on the diagram's #CC79A7 was 3.06:1, on #E69F00 2.25:1)."""
    return QtGui.QColor(style.ink_on(colour.name()))


class HeatGrid(QtWidgets.QWidget):
    """A grid of coloured cells with their values, row and column labels (plain text), and, when
    editable, the marginals: a column of P(X) on the right and a row of P(Y) underneath.

    Editing emits intents, never changes data itself. A target is ("cell", i, j), ("row", i)
    (the row marginal p_x(i)) or ("col", j). A drag is edit_started, edit_preview..., edit_finished;
    a key (+/-) or a typed value is one edit_once; a double-click on a label asks label_edit.
    """

    edit_started = QtCore.Signal(object)
    edit_preview = QtCore.Signal(object, float)
    edit_finished = QtCore.Signal()
    edit_once = QtCore.Signal(object, float)
    label_edit = QtCore.Signal(str, int, str)

    def __init__(self, name, diverging=False, editable=False, parent=None):
        super().__init__(parent)
        self.painted_texts = []
        self.setObjectName(name)
        self._diverging, self._editable = diverging, editable
        self._values = np.zeros((2, 2))
        self._texts = (("",) * 2,) * 2
        self._rows, self._cols = ("", ""), ("", "")
        self._limits = (0.0, 1.0)
        self._px = self._py = None
        self._px_texts = self._py_texts = ()
        self._selected = ("cell", 0, 0)
        self._drag = None  # (target, start value, press y)
        self._editor = None
        self._label_w = None
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding)
        if editable:
            self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
            self.setToolTip(translate("pages.joint", "Drag a cell (or a marginal) up or down; arrow keys move, + and − (Page Up/Down: "
                            "five times as much) change the selected value, typing a number sets it. Double-click a label to rename it."))

    # -- data
    def set_data(self, values, texts, row_labels, col_labels, limits, px=None, py=None, px_texts=(), py_texts=()):
        self._values = np.asarray(values, dtype=float)
        self._texts, self._rows, self._cols, self._limits = texts, tuple(row_labels), tuple(col_labels), limits
        self._px, self._py, self._px_texts, self._py_texts = px, py, px_texts, py_texts
        self._label_w = None  # measured again on the next layout
        self._selected = self._clamp(self._selected)
        self.update()

    def texts(self):
        """The cell texts as drawn (for tests and accessibility)."""
        return self._texts

    def labels(self):
        return self._rows, self._cols

    def selected(self):
        return self._selected

    def select(self, target):
        self._selected = self._clamp(target)
        self.update()

    def _clamp(self, target):
        rows, cols = self._values.shape
        kind = target[0]
        if kind == "cell":
            return ("cell", min(target[1], rows - 1), min(target[2], cols - 1))
        if kind == "row":
            return ("row", min(target[1], rows - 1))
        return ("col", min(target[1], cols - 1))

    # -- geometry
    def _layout(self):
        fm = self.fontMetrics()
        rows, cols = self._values.shape
        if self._label_w is None:
            self._label_w = max(fm.horizontalAdvance(s) for s in (*self._rows, "P(Y)"))
        head_w = min(140, self._label_w + 10)
        head_h = fm.height() + 6
        extra_c = 1 if self._editable else 0
        gap = 6 if self._editable else 0
        w = self.width() - head_w - gap - 4
        h = self.height() - head_h - gap - 4
        cell = max(8.0, min(w / (cols + extra_c), h / (rows + extra_c)))
        return head_w, head_h, cell, gap

    def changeEvent(self, ev):  # noqa: N802
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._label_w = None
        super().changeEvent(ev)

    def cell_rect(self, target, layout=None):
        head_w, head_h, cell, gap = layout or self._layout()
        rows, cols = self._values.shape
        if target[0] == "cell":
            i, j = target[1], target[2]
            return QtCore.QRectF(head_w + j * cell, head_h + i * cell, cell, cell)
        if target[0] == "row":
            return QtCore.QRectF(head_w + cols * cell + gap, head_h + target[1] * cell, cell, cell)
        return QtCore.QRectF(head_w + target[1] * cell, head_h + rows * cell + gap, cell, cell)

    def _targets(self):
        rows, cols = self._values.shape
        out = [("cell", i, j) for i in range(rows) for j in range(cols)]
        if self._editable:
            out += [("row", i) for i in range(rows)] + [("col", j) for j in range(cols)]
        return out

    def _target_at(self, pos):
        lay = self._layout()
        for t in self._targets():
            if self.cell_rect(t, lay).contains(pos):
                return t
        return None

    def _label_at(self, pos):
        head_w, head_h, cell, _ = self._layout()
        rows, cols = self._values.shape
        if pos.x() < head_w and head_h <= pos.y() < head_h + rows * cell:
            return "row", int((pos.y() - head_h) // cell)
        if pos.y() < head_h and head_w <= pos.x() < head_w + cols * cell:
            return "col", int((pos.x() - head_w) // cell)
        return None

    def value_of(self, target):
        if target[0] == "cell":
            return float(self._values[target[1], target[2]])
        return float((self._px if target[0] == "row" else self._py)[target[1]])

    # -- painting
    def _colour(self, v):
        lo, hi = self._limits
        if self._diverging:
            return _mix(_WHITE, QtGui.QColor(style.KL_COLOR if v >= 0 else style.NEGATIVE_COLOR), abs(v) / hi)
        return _mix(_WHITE, QtGui.QColor(style.P_COLOR), (v - lo) / (hi - lo))

    def paintEvent(self, ev):  # noqa: N802 (Qt name)
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        fm = self.fontMetrics()
        self.painted_texts = []  # (text, fill, ink) of each cell text, as painted last
        lay = head_w, head_h, cell, gap = self._layout()
        rows, cols = self._values.shape
        text_pen = QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        p.setPen(text_pen)
        for i, s in enumerate(self._rows):
            r = QtCore.QRectF(0, head_h + i * cell, head_w - 6, cell)
            p.drawText(r, QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(s, QtCore.Qt.TextElideMode.ElideRight, int(head_w - 6)))
        for j, s in enumerate(self._cols):
            r = QtCore.QRectF(head_w + j * cell, 0, cell, head_h)
            p.drawText(r, QtCore.Qt.AlignmentFlag.AlignCenter,
                       fm.elidedText(s, QtCore.Qt.TextElideMode.ElideRight, int(cell)))
        grid_pen = QtGui.QPen(QtGui.QColor(style.GRID_COLOR))
        for i in range(rows):
            for j in range(cols):
                self._paint_cell(p, fm, self.cell_rect(("cell", i, j), lay), self._colour(self._values[i, j]),
                                 self._texts[i][j], grid_pen)
        if self._editable and self._px is not None:
            tint = QtGui.QColor("#E8EEF4")
            for i in range(rows):
                self._paint_cell(p, fm, self.cell_rect(("row", i), lay), tint, self._px_texts[i], grid_pen)
            for j in range(cols):
                self._paint_cell(p, fm, self.cell_rect(("col", j), lay), tint, self._py_texts[j], grid_pen)
            p.setPen(text_pen)
            p.drawText(QtCore.QRectF(head_w + cols * cell + gap, 0, cell, head_h), QtCore.Qt.AlignmentFlag.AlignCenter,
                       "P(X)")
            p.drawText(QtCore.QRectF(0, head_h + rows * cell + gap, head_w - 6, cell),
                       QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter, "P(Y)")
        if self._editable and self.hasFocus():
            pen = QtGui.QPen(QtGui.QColor(style.TEXT_COLOR))
            pen.setWidth(2)
            p.setPen(pen)
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.drawRect(self.cell_rect(self._selected).adjusted(1, 1, -1, -1))
        p.end()

    def _paint_cell(self, p, fm, rect, colour, text, grid_pen):
        p.fillRect(rect, colour)
        p.setPen(grid_pen)
        p.drawRect(rect)
        if fm.horizontalAdvance(text) <= rect.width() - 4 and fm.height() <= rect.height():
            ink = _ink(colour)
            p.setPen(ink)
            p.drawText(rect, QtCore.Qt.AlignmentFlag.AlignCenter, text)
            self.painted_texts.append((text, colour.name(), ink.name()))

    # -- mouse
    def mousePressEvent(self, ev):  # noqa: N802
        if not self._editable or ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return super().mousePressEvent(ev)
        target = self._target_at(ev.position())
        if target is None:
            return
        self.setFocus(QtCore.Qt.FocusReason.MouseFocusReason)
        self.select(target)
        self._drag = (target, self.value_of(target), ev.position().y())
        self.edit_started.emit(target)

    def mouseMoveEvent(self, ev):  # noqa: N802
        if self._drag is None:
            return super().mouseMoveEvent(ev)
        target, start, y0 = self._drag
        _, _, cell, _ = self._layout()
        span = max(120.0, cell * self._values.shape[0])  # a full grid height moves a value by 1
        self.edit_preview.emit(target, min(max(start + (y0 - ev.position().y()) / span, 0.0), 1.0))

    def mouseReleaseEvent(self, ev):  # noqa: N802
        if self._drag is None:
            return super().mouseReleaseEvent(ev)
        self._drag = None
        self.edit_finished.emit()

    def mouseDoubleClickEvent(self, ev):  # noqa: N802
        if not self._editable:
            return super().mouseDoubleClickEvent(ev)
        hit = self._label_at(ev.position())
        if hit is not None:
            self.open_label_editor(*hit)

    # -- keyboard
    def keyPressEvent(self, ev):  # noqa: N802
        if not self._editable:
            return super().keyPressEvent(ev)
        key, text = ev.key(), ev.text()
        moves = {QtCore.Qt.Key.Key_Left: (0, -1), QtCore.Qt.Key.Key_Right: (0, 1),
                 QtCore.Qt.Key.Key_Up: (-1, 0), QtCore.Qt.Key.Key_Down: (1, 0)}
        if key in moves:
            self.select(self._moved(*moves[key]))
        elif text in ("+", "=", "-", "−") or key in (QtCore.Qt.Key.Key_PageUp, QtCore.Qt.Key.Key_PageDown):
            big = key in (QtCore.Qt.Key.Key_PageUp, QtCore.Qt.Key.Key_PageDown)
            sign = 1 if text in ("+", "=") or key == QtCore.Qt.Key.Key_PageUp else -1
            value = min(max(self.value_of(self._selected) + sign * KEY_STEP * (5 if big else 1), 0.0), 1.0)
            self.edit_once.emit(self._selected, value)
        elif text and (text.isdigit() or text in ".,"):
            self.open_value_editor(text.replace(",", "."))
        elif key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_F2):
            self.open_value_editor(None)
        else:
            super().keyPressEvent(ev)

    def _moved(self, di, dj):
        rows, cols = self._values.shape
        t = self._selected
        if t[0] == "cell":
            i, j = t[1] + di, t[2] + dj
            if j >= cols and self._editable:
                return ("row", min(max(i, 0), rows - 1))
            if i >= rows and self._editable:
                return ("col", min(max(j, 0), cols - 1))
            return ("cell", min(max(i, 0), rows - 1), min(max(j, 0), cols - 1))
        if t[0] == "row":
            if dj < 0:
                return ("cell", t[1], cols - 1)
            return ("row", min(max(t[1] + di, 0), rows - 1))
        if di < 0:
            return ("cell", rows - 1, t[1])
        return ("col", min(max(t[1] + dj, 0), cols - 1))

    # -- inline editors (plain-text QLineEdits)
    def _open_editor(self, name, rect, text, commit):
        if self._editor is not None:
            self._editor.deleteLater()
        ed = QtWidgets.QLineEdit(self)
        ed.setObjectName(name)
        ed.setGeometry(rect.toAlignedRect())
        ed.setText(text)
        self._editor = ed
        done = {"flag": False}

        def finish(accept):
            if done["flag"]:
                return
            done["flag"] = True
            value = ed.text()
            accept = accept and ed.hasAcceptableInput()  # (a value editor accepts 0 to 1 only)
            ed.setObjectName("")  # (it lingers until deleted: findChild finds only the open editor)
            ed.hide()
            ed.deleteLater()
            if self._editor is ed:
                self._editor = None
            self.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
            if accept:
                commit(value)

        ed.editingFinished.connect(lambda: finish(False))  # focus lost without Return: cancelled
        ed.installEventFilter(self)
        ed._klviz_finish = finish
        ed.show()
        ed.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return ed

    def eventFilter(self, obj, ev):  # noqa: N802
        # Return and Escape end the editor here, so that they never reach the grid as well
        if obj is self._editor and ev.type() == QtCore.QEvent.Type.KeyPress:
            if ev.key() == QtCore.Qt.Key.Key_Escape:
                obj._klviz_finish(False)
                return True
            if ev.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
                obj._klviz_finish(True)
                return True
        return super().eventFilter(obj, ev)

    def open_value_editor(self, first):
        target = self._selected
        current = self.value_of(target)
        rect = self.cell_rect(target).adjusted(-20, 0, 20, 0)
        ed = self._open_editor("joint_cell_editor", rect, first if first is not None else f"{current:.6g}",
                               lambda text: self._commit_value(target, text))
        ed.setValidator(QtGui.QDoubleValidator(0.0, 1.0, 8, ed))
        ed.validator().setNotation(QtGui.QDoubleValidator.Notation.StandardNotation)
        ed.validator().setLocale(QtCore.QLocale.c())
        return ed

    def _commit_value(self, target, text):
        try:
            value = float(text)
        except ValueError:
            return  # the validator allows only numbers in [0, 1]; an empty field changes nothing
        self.edit_once.emit(target, value)

    def open_label_editor(self, axis, index):
        head_w, head_h, cell, _ = self._layout()
        if axis == "row":
            rect = QtCore.QRectF(0, head_h + index * cell, max(head_w, 100), cell)
            current = self._rows[index]
        else:
            rect = QtCore.QRectF(head_w + index * cell, 0, max(cell, 100), head_h)
            current = self._cols[index]
        return self._open_editor("joint_label_editor", rect, current,
                                 lambda text: self.label_edit.emit(axis, index, text))


class InformationDiagram(QtWidgets.QWidget):
    """H(X,Y) split into H(X|Y), I(X;Y), H(Y|X) on one scale, with H(X) and H(Y) bracketed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.painted_texts = []
        self.setObjectName("joint_diagram")
        self.setMinimumHeight(86)
        self._segments, self._total, self._spans, self._texts = (), 0.0, (), ()
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)

    def set_diagram(self, diagram, hx_text, hy_text):
        self._segments = tuple((s.key, s.label, s.start, s.width) for s in diagram.segments)
        self._total = diagram.total
        self._spans = (diagram.h_x_span, diagram.h_y_span)
        self._texts = (hx_text, hy_text)
        self.setToolTip(translate("pages.joint", "H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X), on one scale; H(X) is the left two parts, "
                        "H(Y) the right two."))
        self.update()

    def segments(self):
        """(key, label, start, width) of each part as drawn, in the scene's unit."""
        return self._segments

    def sizeHint(self):  # noqa: N802
        return QtCore.QSize(360, 86)

    def paintEvent(self, ev):  # noqa: N802
        p = QtGui.QPainter(self)
        fm = self.fontMetrics()
        w, h = self.width() - 8, self.height()
        text_colour = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
        if not self._total > 0:
            p.setPen(text_colour)
            p.drawText(self.rect(), QtCore.Qt.AlignmentFlag.AlignCenter,
                       translate("pages.joint", "H(X,Y) = 0: one outcome is certain, there is nothing to split"))
            p.end()
            return
        scale = w / self._total
        self.painted_texts = []  # (label, fill, ink) of each part's label, as painted last
        bar_y, bar_h = h / 2 - 12, 24
        for key, label, start, width in self._segments:
            r = QtCore.QRectF(4 + start * scale, bar_y, width * scale, bar_h)
            fill = QtGui.QColor(_SEGMENT_COLOURS[key])
            p.fillRect(r, fill)
            if fm.horizontalAdvance(label) <= r.width() - 4:
                ink = _ink(fill)  # dark on the pink and orange, white on the blue
                p.setPen(ink)
                p.drawText(r, QtCore.Qt.AlignmentFlag.AlignCenter, label)
                self.painted_texts.append((label, fill.name(), ink.name()))
        p.setPen(text_colour)
        for (x0, x1), text, above in zip(self._spans, self._texts, (True, False)):
            a, b = 4 + x0 * scale, 4 + x1 * scale
            y = bar_y - 5 if above else bar_y + bar_h + 5
            tick = 4 if above else -4
            p.drawLine(QtCore.QPointF(a, y + tick), QtCore.QPointF(a, y))
            p.drawLine(QtCore.QPointF(a, y), QtCore.QPointF(b, y))
            p.drawLine(QtCore.QPointF(b, y), QtCore.QPointF(b, y + tick))
            tr = QtCore.QRectF(a, y - fm.height() - 1 if above else y + 1, max(b - a, 1), fm.height())
            p.drawText(tr, QtCore.Qt.AlignmentFlag.AlignCenter, fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight,
                                                                              int(max(b - a, 40))))
        p.end()


class _CopyValues:
    """What Edit › Copy values copies on the Joint tab: the six readouts and the divergence, one a
    line, as shown (nothing in quiz mode)."""

    def __init__(self, page):
        self._page = page

    def all_text(self):
        scene = self._page.scene()
        return "\n".join([r.text for r in scene.readouts] + [scene.divergence_text])

    def copy_all(self):
        if not self._page._quiz:
            QtWidgets.QApplication.clipboard().setText(self.all_text())


class _MapTitle(QtWidgets.QLabel):
    """A map's title: plain text, wrapped within its column, with two ems of room after it, so
    it never runs into the next map's title (at 1024×768 "…a marginal" ended 16 px before
    "P(X)P(Y)"). The room follows the type (presentation mode, zoom)."""

    def __init__(self, name, text, parent=None):
        super().__init__(text, parent)
        self.setObjectName(name)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        # on the line above its map: a title that wraps and one that does not end level
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignBottom)
        self._keep_room()

    def changeEvent(self, ev):  # noqa: N802
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._keep_room()
        super().changeEvent(ev)

    def _keep_room(self):
        self.setContentsMargins(0, 0, 2 * self.fontMetrics().horizontalAdvance("M"), 0)


class _Gap(QtWidgets.QWidget):
    """Room between two groups of controls in a row: one em of the widget's font, so it grows
    with the text in presentation mode (a FontChange makes Qt ask the size again)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("joint_controls_gap")
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Fixed, QtWidgets.QSizePolicy.Policy.Minimum)

    def sizeHint(self):  # noqa: N802
        return QtCore.QSize(self.fontMetrics().horizontalAdvance("M"), 0)

    def minimumSizeHint(self):  # noqa: N802
        return self.sizeHint()


def _plain_label(name, text=""):
    label = QtWidgets.QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class JointPage(QtWidgets.QWidget):
    """The Joint tab. `changed` is emitted whenever the state changes (drag frames included)."""

    changed = QtCore.Signal()

    def __init__(self, undo_stack=None, parent=None, unit="bits", *, model=None, presentation=None):
        """model: the window's SessionModel (its joint, undo history and unit); without one the
        page keeps a private model on `undo_stack` (or its own) and shows `unit`.
        presentation: the PresentationModel to follow (quiz mode)."""
        super().__init__(parent)
        self.setObjectName("joint_page")
        self._follows_unit = model is not None
        if model is None:
            model = SessionModel(parent=self, undo_stack=undo_stack)
        self.model = model
        self._unit = model.unit if self._follows_unit else unit
        self._scene = None
        self._quiz = False
        self._gesture = None  # the target of the drag under way
        self._drag_from = None  # the state it started from
        self._epsilon_dragging = False
        self._seed = 1
        self._presets_made = {}  # state -> the preset that made it (what the combo shows)
        self._build()
        self._remember(JointState.default(), "bsc")
        model.jointChanged.connect(when_shown(self, self._draw))  # hidden on another tab: when shown
        if self._follows_unit:
            model.unitChanged.connect(when_shown(self, self._follow_unit))
        if presentation is not None:
            presentation.follow_quiz(self.set_quiz)
            presentation.follow_digits(self.set_digits)
        self._draw()

    # -- public API
    def state(self):
        return self.model.joint

    def set_state(self, state):
        """Show `state` without an undo step (a standalone page's file state)."""
        if not isinstance(state, JointState):
            raise TypeError("set_state needs a JointState")
        self.model.show_joint(state)

    def scene(self):
        """The scene on screen."""
        return self._scene

    def undo_stack(self):
        return self.model.undo_stack

    def _follow_unit(self):
        self.set_unit(self.model.unit)

    def set_unit(self, unit):
        if unit != self._unit:
            joint_scene(self.state(), unit=unit)  # validates the unit before anything changes
            self._unit = unit
            self._draw()

    _digits = 4

    def set_digits(self, n):
        """Significant digits of the six readouts and the divergence (Edit › Preferences)."""
        if int(n) != self._digits:
            self._digits = int(n)
            if self._scene is not None:
                self._draw()

    def set_quiz(self, on):
        """Quiz mode: the six readouts and the divergence read "?" in place of their digits, and
        the pointwise terms and the information diagram (whose sizes are the answers) are hidden;
        the joint, its marginals and their product (the question) stay."""
        self._quiz = bool(on)
        for w in (self.terms, self.diagram, self._terms_title, self._diagram_title):
            w.setVisible(not self._quiz)
        self._show_numbers()

    # -- building
    def _build(self):
        self.grid = HeatGrid("joint_grid", editable=True)
        self.product = HeatGrid("joint_product")
        self.terms = HeatGrid("joint_terms", diverging=True)
        self.grid.setToolTip(self.grid.toolTip())
        self.product.setToolTip(translate("pages.joint", "P(X)P(Y): the product of the marginals, what the joint would be if X "
                                "and Y were independent."))
        self.terms.setToolTip(translate("pages.joint", "P(x,y) log(P(x,y) / P(x)P(y)): purple where the joint is above the product, "
                              "vermillion where below; they sum to I(X;Y)."))
        self.grid.edit_started.connect(self._drag_started)
        self.grid.edit_preview.connect(self._drag_preview)
        self.grid.edit_finished.connect(self._drag_finished)
        self.grid.edit_once.connect(self._edit_once)
        self.grid.label_edit.connect(self._label_edit)

        self.preset = QtWidgets.QComboBox()
        self.preset.setObjectName("joint_preset")
        self.preset.addItem(translate("pages.joint", "Custom"), None)  # shown while the table is not a preset's
        for key, name in PRESET_NAMES.items():
            self.preset.addItem(translated(name), key)
            self.preset.setItemData(self.preset.count() - 1, translated(PRESET_NOTES[key]), QtCore.Qt.ItemDataRole.ToolTipRole)
        self.preset.activated.connect(self._preset_chosen)
        self.epsilon = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.epsilon.setObjectName("joint_epsilon")
        self.epsilon.setRange(0, EPSILON_STEPS)
        self.epsilon.setValue(round(DEFAULT_EPSILON * EPSILON_STEPS))
        self.epsilon.setToolTip(translate("pages.joint", "The crossover probability ε of the binary symmetric channel: "
                                "I(X;Y) = 1 − h(ε) bits"))
        self.epsilon_value = _plain_label("joint_epsilon_value")
        self.epsilon_value.setToolTip(translate("pages.joint", "ε, the binary symmetric channel's crossover probability: "
                                      "P(Y ≠ X) with X uniform, so I(X;Y) = 1 − h(ε) bits"))
        self.epsilon.sliderPressed.connect(self._epsilon_pressed)
        self.epsilon.valueChanged.connect(self._epsilon_moved)
        self.epsilon.sliderReleased.connect(self._epsilon_released)
        self.rows = BoundedSpinBox(translate("pages.joint", "Rows"))
        self.rows.setObjectName("joint_rows")
        self.cols = BoundedSpinBox(translate("pages.joint", "Columns"))
        self.cols.setObjectName("joint_cols")
        for spin, tip in ((self.rows, translate("pages.joint", "Number of rows (outcomes of X)")),
                          (self.cols, translate("pages.joint", "Number of columns (outcomes of Y)"))):
            spin.setRange(MIN_SIZE, MAX_SIZE)
            spin.setToolTip(tip)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._resize)

        controls = QtWidgets.QHBoxLayout()
        # a gap of about one em between the groups (preset, ε, size): "ε = 0.100" ran into "Rows"
        for w in (QtWidgets.QLabel(translate("pages.joint", "Preset")), self.preset, _Gap(), QtWidgets.QLabel("ε"),
                  self.epsilon, self.epsilon_value, _Gap(), QtWidgets.QLabel(translate("pages.joint", "Rows")), self.rows,
                  QtWidgets.QLabel(translate("pages.joint", "Columns")), self.cols):
            controls.addWidget(w)
        controls.addStretch(1)

        maps = QtWidgets.QGridLayout()
        titles = []
        for col, (name, title, widget) in enumerate((
                ("joint_title_joint", translate("pages.joint", "P(X,Y) — drag a cell or a marginal"), self.grid),
                ("joint_title_product", "P(X)P(Y)", self.product),
                ("joint_title_terms", translate("pages.joint", "Terms of I(X;Y)"), self.terms))):
            titles.append(_MapTitle(name, title))
            maps.addWidget(titles[-1], 0, col)
            maps.addWidget(widget, 1, col)
            maps.setColumnStretch(col, 1)
        self._terms_title = titles[-1]

        self.readout_labels = {}
        self.readouts = _CopyValues(self)  # Edit › Copy values on this tab
        readout_box = QtWidgets.QGridLayout()
        for k, key in enumerate(READOUT_KEYS):
            label = _plain_label(READOUT_OBJECT_NAMES[key])
            self.readout_labels[key] = label
            readout_box.addWidget(label, k % 3, k // 3)
        self.divergence = _plain_label("joint_divergence")
        self.note = _plain_label("joint_note")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(translate("pages.joint", "Note on the joint table"))
        self.diagram = InformationDiagram()

        content = QtWidgets.QWidget()
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page_scroll(content))  # scrolls on a small screen instead of clipping
        layout = QtWidgets.QVBoxLayout(content)
        layout.addLayout(controls)
        layout.addLayout(maps, 1)
        layout.addLayout(readout_box)
        layout.addWidget(self.divergence)
        self._diagram_title = _plain_label("joint_title_diagram", translate("pages.joint", "Information diagram: H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X)"))
        layout.addWidget(self._diagram_title)
        layout.addWidget(self.diagram)
        layout.addWidget(self.note)

    # -- drawing the state
    def _draw(self):
        state = self.model.joint
        scene = joint_scene(state, unit=self._unit, digits=self._digits)
        self._scene = scene
        self.grid.set_data(scene.joint, scene.joint_texts, scene.row_labels, scene.col_labels, scene.prob_limits,
                           scene.p_x, scene.p_y, scene.p_x_texts, scene.p_y_texts)
        self.product.set_data(scene.product, scene.product_texts, scene.row_labels, scene.col_labels,
                              scene.prob_limits)
        self.terms.set_data(scene.terms, scene.term_texts, scene.row_labels, scene.col_labels, scene.term_limits)
        self._show_numbers()
        self.diagram.set_diagram(scene.diagram, scene.readout("entropy_x").text, scene.readout("entropy_y").text)
        rows, cols = scene.shape
        for spin, n in ((self.rows, rows), (self.cols, cols)):
            if spin.value() != n:
                spin.blockSignals(True)
                spin.setValue(n)
                spin.blockSignals(False)
        self.epsilon_value.setText(f"ε = {self.epsilon.value() / EPSILON_STEPS:.3f}")
        kind = self._presets_made.get(state)
        index = self.preset.findData(kind) if kind is not None else 0
        if self.preset.currentIndex() != index:
            self.preset.setCurrentIndex(index)
        self.changed.emit()

    def _show_numbers(self):
        scene = self._scene
        for r in scene.readouts:
            self.readout_labels[r.key].setText(f"{READOUT_NAMES[r.key]} = ? {scene.unit}" if self._quiz else r.text)
        self.divergence.setText("I(X;Y) = D(P(X,Y) ‖ P(X)P(Y)) = ?" if self._quiz else scene.divergence_text)

    def _apply(self, make, text):
        """One gesture: the new state from `make()`, one undo step; a ValueError is shown in a
        dialog and changes nothing."""
        try:
            new = make()
        except ValueError as exc:
            self._refuse(error_text(exc))
            return False
        if new == self.state():
            return False
        self.model.set_joint(new, text)
        return True

    def _refuse(self, message):
        QtWidgets.QMessageBox.warning(self, translate("pages.joint", "Joint distribution"), message)

    # -- gestures
    def _edit(self, state, target, value):
        if target[0] == "cell":
            return state.set_cell(target[1], target[2], value)
        if target[0] == "row":
            return state.set_row_marginal(target[1], value)
        return state.set_col_marginal(target[1], value)

    def _describe(self, target):
        rl, cl = self.state().row_labels, self.state().col_labels
        if target[0] == "cell":
            return translate("pages.joint", "Set P({row}, {col})").format(row=rl[target[1]], col=cl[target[2]])
        if target[0] == "row":
            return translate("pages.joint", "Set P(X = {row})").format(row=rl[target[1]])
        return translate("pages.joint", "Set P(Y = {col})").format(col=cl[target[1]])

    def _drag_started(self, target):
        self._gesture = target
        self._drag_from = self.state()
        self.model.begin_gesture(self._describe(target))

    def _drag_preview(self, target, value):
        if self._gesture is None or not self.model.gesture_active:  # (ended from outside: a file opened)
            return
        self.model.set_joint(self._edit(self._drag_from, target, value))

    def _drag_finished(self):
        if self._gesture is None:
            return
        self._gesture = None
        self.model.end_gesture()  # the whole drag: one undo step

    def _edit_once(self, target, value):
        self._apply(lambda: self._edit(self.state(), target, value), self._describe(target))

    def _label_edit(self, axis, index, text):
        def make():
            state = self.state()
            labels = list(state.row_labels if axis == "row" else state.col_labels)
            labels[index] = text
            return state.relabel(labels, None) if axis == "row" else state.relabel(None, labels)

        self._apply(make, (translate("pages.joint", "Rename row {0}") if axis == "row" else translate("pages.joint", "Rename column {0}")).format(index + 1))

    def _resize(self, _value=None):
        rows, cols = self.rows.value(), self.cols.value()
        if not self._apply(lambda: self.state().resize(rows, cols), translate("pages.joint", 'Resize to {rows} × {cols}').format(rows=rows, cols=cols)):
            self._draw()  # refused: the spins show the state again

    def _preset_chosen(self, index):
        kind = self.preset.itemData(index)
        rows, cols = self.state().shape

        def make():
            if kind == "bsc":
                return JointState.preset("bsc", epsilon=self.epsilon.value() / EPSILON_STEPS)
            if kind == "xor":
                return JointState.preset("xor")
            if kind == "random":
                self._seed += 1
                return JointState.preset("random", rows, cols, seed=self._seed)
            return JointState.preset(kind, rows, cols)

        def made():
            state = make()
            self._remember(state, kind)
            return state

        self._apply(made, translate("pages.joint", "Preset: {name}").format(name=translated(PRESET_NAMES[kind])))
        self.note.setText(translated(PRESET_NOTES[kind]))

    def _remember(self, state, kind):
        if len(self._presets_made) > 256:
            self._presets_made.clear()
        self._presets_made[state] = kind

    def _bsc(self):
        state = JointState.preset("bsc", epsilon=self.epsilon.value() / EPSILON_STEPS)
        self._remember(state, "bsc")
        return state

    def _epsilon_pressed(self):
        self._epsilon_dragging = True
        self.model.begin_gesture(translate("pages.joint", "Crossover ε"))

    def _epsilon_moved(self, _value):
        self.epsilon_value.setText(f"ε = {self.epsilon.value() / EPSILON_STEPS:.3f}")
        self.note.setText(PRESET_NOTES["bsc"])
        if self._epsilon_dragging and self.model.gesture_active:  # a slider drag: one step on release
            self.model.set_joint(self._bsc(), translate("pages.joint", "Crossover ε"))
            return
        self._apply(self._bsc, translate("pages.joint", "Crossover ε"))

    def _epsilon_released(self):
        if self._epsilon_dragging:
            self._epsilon_dragging = False
            self.model.end_gesture()

