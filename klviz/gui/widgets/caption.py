"""A one- or two-line rich-text caption that can change on every frame cheaply.

A QLabel asks its parents to lay out again whenever its text changes, and in a window of splitters
that means most of the window is laid out and repainted for a caption showing a new number. This
widget repaints only itself, and asks for a new layout only when the text needs a different
height (a line more or less).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets


class RichCaption(QtWidgets.QWidget):
    def __init__(self, parent=None, opaque=True):
        super().__init__(parent)
        self._opaque = bool(opaque)
        self._doc = QtGui.QTextDocument(self)
        self._doc.setDocumentMargin(1)
        self._html = ""
        self._height = 0
        sp = QtWidgets.QSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        # Opaque: it paints its own background, so a new text does not make Qt repaint every
        # widget underneath it (the window, the tabs, the splitters) in its rectangle. Only where
        # the background below is the plain window colour.
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent, self._opaque)

    # -- text ----------------------------------------------------------------------------------
    def text(self):
        return self._html

    def plain_text(self):
        return self._doc.toPlainText()

    def setText(self, html):  # noqa: N802 (Qt name)
        if html == self._html:
            return
        self._html = html
        self._doc.setHtml(html)
        self._relayout()
        self.update()

    # -- size ----------------------------------------------------------------------------------
    def _doc_height(self, width):
        self._doc.setDefaultFont(self.font())
        self._doc.setTextWidth(max(width, 10))
        return int(self._doc.size().height() + 0.999)

    def _relayout(self):
        h = self._doc_height(self.width())
        if h != self._height:
            self._height = h
            self.updateGeometry()

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        return self._doc_height(width)

    def sizeHint(self):  # noqa: N802
        return QtCore.QSize(200, max(self._height, self.fontMetrics().height() + 2))

    def minimumSizeHint(self):  # noqa: N802
        return QtCore.QSize(50, self.fontMetrics().height() + 2)

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        self._relayout()

    def changeEvent(self, ev):  # noqa: N802
        super().changeEvent(ev)
        if ev.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.PaletteChange):
            self._doc.setHtml(self._html)
            self._relayout()
            self.update()

    def paintEvent(self, ev):  # noqa: N802
        p = QtGui.QPainter(self)
        if self._opaque:
            p.fillRect(self.rect(), self.palette().color(self.backgroundRole()))
        ctx = QtGui.QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QtGui.QPalette.ColorRole.Text, self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        self._doc.setTextWidth(max(self.width(), 10))
        self._doc.documentLayout().draw(p, ctx)
        p.end()
