"""Marks painted under a QSlider at the x of the slider's handle for their positions: "−2 0 ½ 1 2 3"
under the α-fit's slider, "0.01 0.1 1 = KL 10 100 ∞" under the Rényi order's. A second row holds
short names under some marks where there is room. Plain text, painted (no rich text, no layout
work when the slider moves)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets


class SliderRuler(QtWidgets.QWidget):
    def __init__(self, slider, marks, names=None, tooltip="", name="", parent=None):
        """marks: (slider position, text) pairs; names: slider position -> a short name for the
        second row."""
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self._slider = slider
        self.marks = list(marks)
        self.names = dict(names or {})
        if tooltip:
            self.setToolTip(tooltip)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)

    def sizeHint(self):  # noqa: N802
        fm = self.fontMetrics()
        rows = 2 if self.names else 1
        return QtCore.QSize(200, rows * fm.height() + 2)

    def minimumSizeHint(self):  # noqa: N802
        return self.sizeHint()

    def x_of(self, position):
        """The x (in this widget) of the slider's handle centre at `position`."""
        s = self._slider
        opt = QtWidgets.QStyleOptionSlider()
        s.initStyleOption(opt)
        handle = s.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_Slider, opt,
                                          QtWidgets.QStyle.SubControl.SC_SliderHandle, s)
        span = max(s.width() - handle.width(), 1)
        pos = QtWidgets.QStyle.sliderPositionFromValue(s.minimum(), s.maximum(), int(position), span)
        x = s.mapTo(self.window(), QtCore.QPoint(pos + handle.width() // 2, 0)).x()
        return x - self.mapTo(self.window(), QtCore.QPoint(0, 0)).x()

    def paintEvent(self, ev):  # noqa: N802
        p = QtGui.QPainter(self)
        fm = self.fontMetrics()
        p.setPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText))
        right = 0.0
        for position, mark in self.marks:
            x = self.x_of(position)
            w = fm.horizontalAdvance(mark)
            left = min(max(x - w / 2, 0.0), self.width() - w)
            p.drawText(QtCore.QPointF(left, fm.ascent()), mark)
            name = self.names.get(position)
            if name:
                wn = fm.horizontalAdvance(name)
                left = x - wn / 2
                if left >= right + 4 and left + wn <= self.width():
                    p.drawText(QtCore.QPointF(left, fm.height() + fm.ascent()), name)
                    right = left + wn
        p.end()
