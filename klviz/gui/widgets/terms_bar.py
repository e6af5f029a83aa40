"""Non-negative terms of a sum side by side on one scale, as coloured segments of a bar, with a
legend that names them.

The Continuous tab uses it for the MSE link: ½ log 2π (grey, a constant), ½ σ_P² (P's colour:
P's own spread) and the squared-error term ½ (μ_P − μ_Q)² (the divergences' purple: it is the part
of D(P‖Q) the means make) of H(P,Q) with a unit-variance Q. The colours keep the app's meanings
(P blue, divergence purple) in both themes; the legend's words take the theme's text shades.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.style import KL_COLOR, MUTED_COLOR, P_COLOR, P_DARK, mark_color, text_color
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translated
from klviz.gui.theme import is_dark

NEUTRAL = "#9A9A9A"
# (colour in the light theme, in the dark theme, the legend's rich text: program text, no data)
TERMS = (
    (NEUTRAL, NEUTRAL, QT_TRANSLATE_NOOP("klviz", "½ log 2π, a constant")),
    (P_COLOR, P_DARK, QT_TRANSLATE_NOOP("klviz", "½ σ<sub>P</sub>², P's spread")),
    (KL_COLOR, KL_COLOR, QT_TRANSLATE_NOOP("klviz", "½ (μ<sub>P</sub> − μ<sub>Q</sub>)², half the squared error")),
)


class _Bar(QtWidgets.QWidget):
    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("bar_mse_segments")
        self.setMinimumHeight(22)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self.terms = (0.0, 0.0, 0.0)

    def colors(self):
        dark = is_dark(self)
        return tuple(dark_c if dark else light for light, dark_c, _ in TERMS)

    def paintEvent(self, ev):
        total = sum(self.terms)
        if total <= 0:
            return
        p = QtGui.QPainter(self)
        r = self.rect().adjusted(0, 3, -1, -3)
        x = float(r.left())
        for t, c in zip(self.terms, self.colors()):
            w = r.width() * t / total
            p.fillRect(QtCore.QRectF(x, r.top(), w, r.height()), QtGui.QColor(c))
            x += w
        p.end()


class TermsBar(QtWidgets.QWidget):
    """Three non-negative terms side by side on one scale, the last one (the error) highlighted,
    and under them a legend naming each."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("bar_mse_terms")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.bar = _Bar(self)
        self.legend = QtWidgets.QLabel()
        self.legend.setObjectName("bar_mse_legend")
        self.legend.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout.addWidget(self.bar)
        layout.addWidget(self.legend)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self._fill_legend()

    @property
    def _terms(self):
        return self.bar.terms

    def colors(self):
        """The segments' colours, in the order of the terms (for the theme now shown)."""
        return self.bar.colors()

    def set_terms(self, terms):
        self.bar.terms = tuple(max(float(t), 0.0) for t in terms)
        self.bar.update()

    def _fill_legend(self):
        dark = is_dark(self)
        parts = []
        for c, (_, _, words) in zip(self.colors(), TERMS):
            ink = text_color(MUTED_COLOR if c == NEUTRAL else c, dark)  # words: the AA text shade
            # the swatch: the bar's colour, or the nearest shade of it that stands out 3:1
            parts.append(f"<span style='color:{mark_color(c, dark)}'>■</span>&nbsp;<span style='color:{ink}'>{translated(words)}</span>")
        self.legend.setText("&nbsp;&nbsp; ".join(parts))

    def changeEvent(self, ev):
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.PaletteChange:  # the theme changed: its shades
            self._fill_legend()
