"""A push button as the pages make them: an objectName, a tooltip and a slot."""

from __future__ import annotations

from PySide6 import QtWidgets


def push_button(text, name, slot, tip):
    b = QtWidgets.QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.clicked.connect(slot)
    return b
