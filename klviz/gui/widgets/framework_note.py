""""The same numbers in your framework": the PyTorch, TensorFlow and JAX (and Optax) expressions
for D(P‖Q) and H(P,Q) of the current discrete pair, with the value each prints.

`FrameworkNote(parent=None, delay_ms=100)` (objectName "framework_note"): a read-only monospace
plain-text view ("framework_note_text") and a Copy button ("framework_note_copy").
`set_pair(p, q, q_logits=None)` validates the pair at once (ValueError, the note unchanged) and
is throttled: the text (klviz.scene.framework_note, about 0.2 ms to build, plus the view's
layout) is rebuilt at most once per `delay_ms` while calls keep coming (a drag), and only while
the widget is visible (a hidden note is rebuilt when shown). `flush()` rebuilds now; `text()`
is the note for the last pair set (flushed first).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.scene.framework_note import note_pair, note_text
from klviz.gui.i18n import translate


class FrameworkNote(QtWidgets.QWidget):
    def __init__(self, parent=None, delay_ms=100):
        super().__init__(parent)
        self.setObjectName("framework_note")
        self._pair = None
        self._dirty = False
        self._text = ""
        self.view = QtWidgets.QPlainTextEdit(self)
        self.view.setObjectName("framework_note_text")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.view.setPlaceholderText(translate("widgets.framework_note", "The PyTorch, TensorFlow and JAX expressions for the current pair."))
        self.copy = QtWidgets.QPushButton(translate("widgets.framework_note", "Copy"), self)
        self.copy.setObjectName("framework_note_copy")
        self.copy.setToolTip(translate("widgets.framework_note", "Copy the note (plain text) to the clipboard"))
        self.copy.clicked.connect(self.copy_to_clipboard)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, int(delay_ms)))
        self._timer.timeout.connect(self.flush)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def set_pair(self, p, q, q_logits=None):
        """The pair to describe: P and Q as probabilities or weights (one length), or Q from
        `q_logits`. Cheap: validates now, rebuilds the text later (see the module doc)."""
        self._pair = note_pair(p, q, q_logits)
        self._dirty = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def flush(self):
        """Rebuild the note now if a pair is waiting."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        self._text = note_text(self._pair)
        self.view.setPlainText(self._text)

    def text(self):
        """The note for the last pair set ("" before any)."""
        self.flush()
        return self._text

    def copy_to_clipboard(self):
        QtWidgets.QApplication.clipboard().setText(self.text())

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty and not self._timer.isActive():
            self._timer.start()
