"""A push button as the pages make them: an objectName, a tooltip and a slot; a combo box whose
list shows every item whole however narrow the box."""

from __future__ import annotations

from PySide6 import QtWidgets


def push_button(text, name, slot, tip):
    b = QtWidgets.QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.clicked.connect(slot)
    return b


class WholeItemsCombo(QtWidgets.QComboBox):
    """A combo box that may be narrower than its longest item (a narrow page, issue 12), whose
    list still shows every item in full, as wide as the longest one needs (measured when it
    opens: the type may have changed size since)."""

    def showPopup(self):  # noqa: N802 (Qt name)
        view = self.view()
        fm = view.fontMetrics()
        widest = max((fm.horizontalAdvance(self.itemText(k)) for k in range(self.count())), default=0)
        view.setMinimumWidth(widest + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 16)
        super().showPopup()
