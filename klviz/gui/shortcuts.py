"""Help > Keyboard shortcuts: every action of the window with its keys, and the chart keys."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

CHART_KEYS = (
    (QT_TRANSLATE_NOOP("klviz", "Left / Right"), QT_TRANSLATE_NOOP("klviz", "select the previous / next bar of the focused chart")),
    (QT_TRANSLATE_NOOP("klviz", "Up / Down"), QT_TRANSLATE_NOOP("klviz", "raise / lower the selected bar by 0.01 (the others rescale)")),
    (QT_TRANSLATE_NOOP("klviz", "Shift+Up / Shift+Down"), QT_TRANSLATE_NOOP("klviz", "raise / lower the selected bar by 0.1")),
    ("Space", QT_TRANSLATE_NOOP("klviz", "in quiz mode: reveal the numbers")),
    (QT_TRANSLATE_NOOP("klviz", "Tab / Shift+Tab"), QT_TRANSLATE_NOOP("klviz", "move between controls and charts")),
    (QT_TRANSLATE_NOOP("klviz", "Alt + underlined letter"), QT_TRANSLATE_NOOP("klviz", "press a button or open a menu")),
)


def action_rows(window):
    rows = []
    for act in window.findChildren(QtGui.QAction):
        keys = [k.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts()]
        keys = [k for k in keys if k]
        if keys and act.text():
            rows.append((translate("shortcuts", " or ").join(dict.fromkeys(keys)), act.text().replace("&", "")))
    return sorted(set(rows), key=lambda r: r[1].lower())


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("dialog_shortcuts")
        self.setWindowTitle(translate("shortcuts", "Keyboard shortcuts"))
        table = QtWidgets.QTableWidget(0, 2)
        table.setObjectName("table_shortcuts")
        table.setHorizontalHeaderLabels([translate("shortcuts", "Keys"), translate("shortcuts", "Does")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        for keys, text in action_rows(window) + list(CHART_KEYS):
            r = table.rowCount()
            table.insertRow(r)
            table.setItem(r, 0, QtWidgets.QTableWidgetItem(translated(keys)))
            table.setItem(r, 1, QtWidgets.QTableWidgetItem(translated(text)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 520)
