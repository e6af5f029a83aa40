"""A QLabel for a number that quiz mode can hide.

Pages set the real text as usual; while quiz mode is on the label shows "?" instead (no digits),
and the real text comes back the moment quiz mode ends.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from klviz.gui.i18n import translate

HIDDEN = "?"


class ValueLabel(QtWidgets.QLabel):
    """Plain text unless a caller sets another format (a value or a reason may quote a label)."""

    def __init__(self, text="", parent=None):
        super().__init__(parent)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        super().setText(text)
        self._real = text
        self._quiz = False

    def setText(self, text):  # noqa: N802 (Qt name)
        self._real = text
        super().setText(HIDDEN if self._quiz else text)

    def real_text(self):
        return self._real

    def set_quiz(self, on):
        self._quiz = bool(on)
        super().setText(HIDDEN if self._quiz else self._real)
        self.setToolTipDuration(0 if on else -1)


class FixedValueLabel(ValueLabel):
    """A ValueLabel whose size is fixed by a template text (re-measured when the font changes).

    A label that changes text on every frame of a drag would otherwise ask its layout, and every
    layout above it, to recompute; Qt skips that only for widgets whose size is fixed, and the
    recomputation repaints unrelated widgets (the tool bar) on every frame.
    """

    def __init__(self, template, text="", parent=None):
        super().__init__(text, parent)
        self._template = template
        self._fix()

    def _fix(self):
        fm = QtGui.QFontMetrics(self.font())
        m = self.contentsMargins()
        self.setFixedSize(fm.horizontalAdvance(self._template) + m.left() + m.right() + 4,
                          fm.height() + m.top() + m.bottom())

    def changeEvent(self, ev):
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._fix()


def quiz_placeholder(name, questions_html, size_pt=16):
    """The hidden label a page shows in quiz mode in place of the charts that give answers away."""
    label = QtWidgets.QLabel(
        translate("widgets.value_label", "<div style='font-size:{size_pt}pt'>{questions_html}</div><p>Predict, then press <b>Space</b> to reveal.</p>").format(size_pt=size_pt, questions_html=questions_html))
    label.setObjectName(name)
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class GrowingValueLabel(ValueLabel):
    """A ValueLabel at least as wide as a template text in its current font (re-measured when the
    font changes: presentation type), wider when its text needs it."""

    def __init__(self, template, text="", parent=None):
        super().__init__(text, parent)
        self._template = template
        self._fit()

    def _fit(self):
        self.setMinimumWidth(QtGui.QFontMetrics(self.font()).horizontalAdvance(self._template))

    def changeEvent(self, ev):
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._fit()

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        # the explicit minimum width would otherwise stand in for the text's own need
        hint = super().minimumSizeHint()
        need = QtGui.QFontMetrics(self.font()).horizontalAdvance(self.text()) + 4
        return QtCore.QSize(max(hint.width(), need, self.minimumWidth()), hint.height())
