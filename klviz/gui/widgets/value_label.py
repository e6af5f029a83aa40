"""A QLabel for a number that quiz mode can hide.

Pages set the real text as usual; while quiz mode is on the label shows "?" instead (no digits),
and the real text comes back the moment quiz mode ends.
"""

from __future__ import annotations

from PySide6 import QtWidgets

HIDDEN = "?"


class ValueLabel(QtWidgets.QLabel):
    def __init__(self, text="", parent=None):
        super().__init__(text, parent)
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
