"""Non-negative terms of a sum side by side on one scale, as coloured segments of a bar.

The Continuous tab uses it for the MSE link: ½ log 2π (grey), ½ σ_P² (green) and the squared-error
term ½ (μ_P − μ_Q)² (purple) of H(P,Q) with a unit-variance Q.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.style import ENTROPY_COLOR, KL_COLOR


class TermsBar(QtWidgets.QWidget):
    """Three non-negative terms side by side on one scale, the last one (the error) highlighted."""

    COLORS = ("#9A9A9A", ENTROPY_COLOR, KL_COLOR)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("bar_mse_terms")
        self.setMinimumHeight(22)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self._terms = (0.0, 0.0, 0.0)

    def set_terms(self, terms):
        self._terms = tuple(max(float(t), 0.0) for t in terms)
        self.update()

    def paintEvent(self, ev):
        total = sum(self._terms)
        if total <= 0:
            return
        p = QtGui.QPainter(self)
        r = self.rect().adjusted(0, 3, -1, -3)
        x = float(r.left())
        for t, c in zip(self._terms, self.COLORS):
            w = r.width() * t / total
            p.fillRect(QtCore.QRectF(x, r.top(), w, r.height()), QtGui.QColor(c))
            x += w
        p.end()
