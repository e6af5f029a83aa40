"""A grid of named values ("H(P)  0.8018 nats"), each value a QLabel with a stable objectName:
the one readout grid of every tab (the Losses tab's too, under its `loss_value_*` names).

The text of each value label begins with the number (four significant digits unless set_digits
says otherwise) or with "∞"; an infinite value gets its reason on a small line underneath.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.scene.readouts import format_value
from klviz.gui.widgets.style_sheet import set_style_sheet
from klviz.gui.widgets.text import mnemonic_text
from klviz.gui.widgets.value_label import FixedValueLabel, GrowingValueLabel, ValueLabel
from klviz.style import ERROR_COLOR, text_color
from klviz.gui.i18n import translate, translated


class ReadoutGrid(QtWidgets.QWidget):
    def __init__(self, rows, prefix="value_", columns=1, parent=None, name=None, name_prefix="name_",
                 fixed=True):
        """rows: (key, display name, tooltip, colour or None) tuples; the value labels are named
        prefix + key, the name labels name_prefix + key; name: the grid's objectName (default
        prefix + "grid"). fixed: each value's size is fixed to the widest text any value can
        take (no re-layout on a drag frame); else it starts at "0.00000 hartleys" and grows (a
        side column that gives its width to the charts beside it)."""
        super().__init__(parent)
        self.setObjectName(name or prefix + "grid")
        # Opaque, so a changing number repaints this grid only, not every widget beneath it
        # (the page, splitters, tab widget) on each frame of a drag.
        self.setAutoFillBackground(True)
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.values, self.names, self.reasons, self._colors = {}, {}, {}, {}
        per_col = -(-len(rows) // columns)
        base = self.font()
        name_font, value_font, reason_font = QtGui.QFont(base), QtGui.QFont(base), QtGui.QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        name_font.setPointSizeF(size * 1.35)
        value_font.setPointSizeF(size * 1.35)
        value_font.setBold(True)
        reason_font.setPointSizeF(size * 0.95)
        for k, (key, name, tip, color) in enumerate(rows):
            col, row = divmod(k, per_col)
            name_label = QtWidgets.QLabel(translated(name))
            name_label.setObjectName(name_prefix + key)
            name_label.setProperty("role", "readout-name")
            name_label.setFont(name_font)
            self._colors[key] = color
            if color:
                name_label.setStyleSheet(f"color: {text_color(color)}; font-weight: 600;")
            if fixed:
                value = FixedValueLabel("−0.00000e−100 hartleys", "–")
            else:
                value = GrowingValueLabel("0.00000 hartleys", "–")  # re-measured at every font
            value.setObjectName(prefix + key)
            value.setProperty("role", "readout-value")
            value.setFont(value_font)
            reason = ValueLabel("")
            reason.setObjectName(prefix + key + "_reason")
            reason.setProperty("role", "readout-reason")
            reason.setFont(reason_font)
            reason.setStyleSheet(f"color: {text_color(ERROR_COLOR)};")
            reason.setWordWrap(True)
            reason.setVisible(False)
            for w in (name_label, value):
                w.setToolTip(translated(tip))
            grid.addWidget(name_label, 2 * row, 2 * col, QtCore.Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, 2 * row, 2 * col + 1)
            grid.addWidget(reason, 2 * row + 1, 2 * col + 1)
            self.values[key], self.names[key], self.reasons[key] = value, name_label, reason
        grid.setRowStretch(2 * per_col, 1)

    def set_values(self, values, unit, reasons=None):
        """values: key -> float in `unit` (one unit name, or a mapping key -> unit name; "" for a
        unit-free value such as an MSE); reasons: key -> why a value is infinite."""
        reasons = reasons or {}
        self._shown = (values, unit, reasons)
        for key, label in self.values.items():
            if key not in values:
                continue
            u = unit if isinstance(unit, str) else unit[key]
            text = format_value(values[key], self._digits)
            label.setText(f"{text} {u}" if u else text)
            why = reasons.get(key, "")
            r = self.reasons[key]
            r.setText(translated(why))  # a scene's Phrase (why it is ∞) or a note
            r.setVisible(bool(why) and not self._quiz)

    def set_name(self, key, text):
        """A row's name (the Rényi rows carry their order: "D_2(P‖Q)")."""
        if self.names[key].text() != translated(text):
            self.names[key].setText(translated(text))

    def set_tooltip(self, key, tip):
        for w in (self.names[key], self.values[key]):
            w.setToolTip(translated(tip))

    _digits, _shown = 4, None

    def set_digits(self, n):
        """Significant digits of the values (Edit › Preferences: 3 to 6), shown again at once."""
        self._digits = int(n)
        if self._shown is not None:
            self.set_values(*self._shown)

    def restyle(self, look):
        """Names and reasons take the theme's text shades of their colours (at least 4.5:1)."""
        for key, color in self._colors.items():
            if color:
                set_style_sheet(self.names[key], f"color: {text_color(color, look.dark)}; font-weight: 600;")
        for reason in self.reasons.values():
            set_style_sheet(reason, f"color: {text_color(ERROR_COLOR, look.dark)};")

    # -- copying (the values are not mouse-selectable: a selectable QLabel paints through a text
    # document, three times slower, and these repaint on every frame of a drag) ------------------
    def row_text(self, key):
        """"H(P) = 0.8018 nats", or the name with "?" in quiz mode."""
        return f"{self.names[key].text()} = {self.values[key].text()}"

    def all_text(self):
        return "\n".join(self.row_text(k) for k in self.values)

    def copy_all(self):
        """Every value to the clipboard, one "name = value" per line (nothing in quiz mode)."""
        if not self._quiz:
            QtWidgets.QApplication.clipboard().setText(self.all_text())

    def contextMenuEvent(self, ev):  # noqa: N802 (Qt name)
        child = self.childAt(ev.pos())
        key = next((k for k in self.values if child in (self.values[k], self.names[k], self.reasons[k])), None)
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click, not kept
        if key is not None:
            text = self.row_text(key)  # what the menu shows is what is copied
            menu.addAction(translate("widgets.readouts", '&Copy {0}').format(mnemonic_text(text)), lambda: QtWidgets.QApplication.clipboard().setText(text))
        menu.addAction(translate("widgets.readouts", "Copy &all values"), self.copy_all)
        for action in menu.actions():
            action.setEnabled(not self._quiz)  # the values are hidden: nothing to copy
        if self.latex_action is not None:
            menu.addAction(self.latex_action)
        menu.popup(ev.globalPos())
        ev.accept()

    _quiz = False
    latex_action = None  # a LatexAction, added to the context menu when set

    def set_quiz(self, on):
        """Quiz mode: values show "?" and the reasons (which give answers away) are hidden."""
        self._quiz = bool(on)
        if self.latex_action is not None:
            self.latex_action.set_quiz(on)
        for key, label in self.values.items():
            label.set_quiz(on)
            reason = self.reasons[key]
            reason.set_quiz(on)
            reason.setVisible(bool(reason.real_text()) and not on)


class LatexAction(QtGui.QAction):
    """"Copy as LaTeX" (objectName "action_copy_latex"): copies `source()` to the clipboard;
    disabled, and copying nothing, in quiz mode (the numbers are hidden)."""

    def __init__(self, source, parent):
        super().__init__(translate("widgets.readouts", "Copy as &LaTeX"), parent)
        self.setObjectName("action_copy_latex")
        self.setToolTip(translate("widgets.readouts", "Copy these values as a LaTeX formula (needs amsmath)"))
        self._source = source
        self._quiz = False
        self.triggered.connect(self.copy)

    def set_quiz(self, on):
        self._quiz = bool(on)
        self.setEnabled(not on)

    def text_to_copy(self):
        """The LaTeX that `copy` puts on the clipboard (None in quiz mode)."""
        return None if self._quiz else self._source()

    def copy(self):
        text = self.text_to_copy()
        if text is not None:
            QtWidgets.QApplication.clipboard().setText(text)

