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


Key = QtCore.Qt.Key


def _typed(seq):
    """Whether a person types `seq` on an ordinary keyboard: one chord whose key is a character
    (a letter, digit or sign: Ctrl+Y, Ctrl+=) or F1 to F12. Not the keys a platform's standard
    bindings add for keyboards few have (Sun's F14 Undo and F16 Copy, the media keys Copy, Open,
    Help, Zoom In) nor its legacy chords on editing keys (Ctrl+Ins, Alt+Backspace)."""
    if seq.count() != 1:
        return False
    key = seq[0].toCombined() & ~QtCore.Qt.KeyboardModifier.KeyboardModifierMask.value  # (any code, no enum)
    return Key.Key_Space.value < key <= Key.Key_ydiaeresis.value or Key.Key_F1.value <= key <= Key.Key_F12.value


def shown_keys(sequences):
    """The keys the dialog lists for an action: its primary key (the first, the platform's own
    order) and the alternatives a user of this platform would type (Ctrl+Y beside Ctrl+Shift+Z),
    each once. The action still answers to all of them; only the listing is shorter."""
    seqs = [s for s in sequences if not s.isEmpty()]
    kept = [s for s in seqs if _typed(s)] or seqs[:1]
    return list(dict.fromkeys(s.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for s in kept))


def action_rows(window):
    rows = []
    for act in window.findChildren(QtGui.QAction):
        keys = [k for k in shown_keys(act.shortcuts()) if k]
        if keys and act.text():
            rows.append((translate("shortcuts", " or ").join(dict.fromkeys(keys)), act.text().replace("&", "")))
    return sorted(set(rows), key=lambda r: r[1].lower())


class ShortcutsDialog(QtWidgets.QDialog):
    """The keys in a table as wide as the dialog: the keys' column as wide as its longest entry,
    the descriptions wrapped in the rest, so nothing needs a horizontal scroll (1024×768 included,
    in French or at a larger type too); the dialog never larger than its screen."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("dialog_shortcuts")
        self.setWindowTitle(translate("shortcuts", "Keyboard shortcuts"))
        table = self.table = QtWidgets.QTableWidget(0, 2)
        table.setObjectName("table_shortcuts")
        table.setHorizontalHeaderLabels([translate("shortcuts", "Keys"), translate("shortcuts", "Does")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setTextElideMode(QtCore.Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        for keys, text in action_rows(window) + list(CHART_KEYS):
            r = table.rowCount()
            table.insertRow(r)
            table.setItem(r, 0, QtWidgets.QTableWidgetItem(translated(keys)))
            table.setItem(r, 1, QtWidgets.QTableWidgetItem(translated(text)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # each row as tall as its wrapped description, measured again once the table has a new
        # width (the stretched column's width settles after the resize; Qt's ResizeToContents
        # rows and its sectionResized signal both missed some of these changes)
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._fit_rows_later)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
        if event.type() == QtCore.QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_rows_later()
        return super().eventFilter(watched, event)

    def _fit_rows_later(self, *_):
        QtCore.QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Never larger than the screen it opens on (less its panels)."""
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            size = self.size().boundedTo(QtCore.QSize(area.width() * 9 // 10, area.height() * 9 // 10))
            if size != self.size():
                self.resize(size)
        super().showEvent(event)
