"""Parts shared by the three panels of the Losses tab: number text, readouts and formula labels
(the loss lab's state is part of the session: klviz.gui.models).

Nothing here computes a loss; numbers arrive from the scene (`klviz.scene.losses`) and are only
formatted.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.readouts import ReadoutGrid
from klviz.gui.widgets.reflow import ReflowSplitter, Secondary, page_scroll
from klviz.scene.readouts import MINUS, convert, format_value
from klviz.style import is_mark, text_color
from klviz.gui.i18n import translate


# ------------------------------------------------------------------------------------- numbers


def num(value, digits=4):
    """A number for a formula: format_value with a typographic minus sign."""
    return format_value(value, digits).replace("-", MINUS)


def short(value):
    """A logit or other input for a label: three significant digits, but every integer digit of a
    large value (1000, not 1.00e3)."""
    v = float(value)
    digits = 3 if v == 0 or abs(v) < 1000 else min(9, int(math.log10(abs(v))) + 1)
    return num(v, digits)


def amount(value_nats, unit, digits=4):
    """'0.5133 nats' -- the value in `unit` (from nats)."""
    return f"{num(convert(value_nats, unit), digits)} {unit}"


def with_unit(value_nats, unit):
    """'0.5133 nats', or '0.5133 nats = 0.7405 bits' when another unit is chosen (formulas use ln)."""
    text = f"{num(value_nats)} nats"
    if unit != "nats":
        text += f" = {amount(value_nats, unit)}"
    return text


def paren(value, digits=4):
    """A substituted value, in brackets when negative: 0.8·(−0.3133)."""
    t = num(value, digits)
    return f"({t})" if t.startswith(MINUS) else t


_text_dark = False  # the theme the coloured text is written for (one theme per application)


def set_text_theme(dark):
    """Coloured text from now on takes the dark (or light) theme's text shades."""
    global _text_dark
    _text_dark = bool(dark)


def coloured(text, color, bold=False):
    """`text` in `color`: a swatch (━━, ●) in the mark colour itself, words and numbers in the
    theme's text shade of it (klviz.style.text_color: at least 4.5:1 on the window)."""
    weight = "font-weight:600;" if bold else ""
    shade = color if is_mark(text) else text_color(color, _text_dark)
    return f'<span style="color:{shade};{weight}">{text}</span>'


# ------------------------------------------------------------------------------------- widgets


def formula_label(name):
    """A rich-text label for a formula with live numbers (selectable, wraps)."""
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
    label.setProperty("role", "formula")
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.25)
    label.setFont(f)
    return label


def caption_label(text, name=None):
    label = QtWidgets.QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    if name:
        label.setObjectName(name)
    return label


def readouts(rows, name):
    """The panel's readout grid: values named `loss_value_<key>`, names `loss_name_<key>`; rows:
    (key, display name, tooltip, colour or None). Its values are set in the chosen unit
    (`in_unit`), a unit-free one (an MSE, a slope) with the unit ""."""
    return ReadoutGrid(rows, prefix="loss_value_", name=name, name_prefix="loss_name_", fixed=False)


def in_unit(values_nats, unit):
    """{key: value in nats} -> {key: value in `unit`}, for ReadoutGrid.set_values."""
    return {key: convert(v, unit) for key, v in values_nats.items()}


def group(title, name=None):
    box = QtWidgets.QGroupBox(title)
    if name:
        box.setObjectName(name)
    return box


def curve(color, width=2.5, style=None):
    pen = pg.mkPen(color, width=width)
    if style is not None:
        pen.setStyle(style)
    item = pg.PlotDataItem(pen=pen, antialias=True)
    return item


class SideScroll(QtWidgets.QScrollArea):
    """A side column that scrolls vertically if it must, never sideways: it is always at least as
    wide as its content needs, also after the fonts grow (presentation mode, zoom)."""

    def __init__(self, widget, parent=None):
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("pages.losses_common", "Measures and formulas (scrollable panel)"))

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        need = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4
        return QtCore.QSize(max(hint.width(), need), hint.height())


def side_scroll(widget):
    return SideScroll(widget)


def assemble(panel, controls, charts, side, formulas):
    """The common panel layout: a row of inputs; charts beside the readouts; the worked formulas
    underneath at their natural height, full width (long lines of substituted numbers need room)."""
    top = ReflowSplitter()  # the readouts go under the charts when the window is narrow
    top.addWidget(charts)
    top.addWidget(side_scroll(side))
    top.setStretchFactor(0, 1)  # extra room goes to the charts; the readouts keep their width
    top.setStretchFactor(1, 0)
    top.setSizes([10_000, top.widget(1).minimumSizeHint().width()])
    content = QtWidgets.QWidget()
    outer = QtWidgets.QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    panel.page_scroll = page_scroll(content)
    outer.addWidget(panel.page_scroll)
    layout = QtWidgets.QVBoxLayout(content)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(controls)  # a WrapRow (or holds one): wraps when narrow, never scrolls sideways
    layout.addWidget(top, 1)
    # secondary: behind a toggle, folded by the page itself when the screen is too short
    caption = QtWidgets.QLabel(translate("pages.losses_common", "Worked formulas"))
    caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    panel.formulas_part = Secondary(caption, formulas, f"part_formulas_{panel.objectName()}",
                                    translate("pages.losses_common", "the worked formulas"))
    layout.addWidget(panel.formulas_part, 0)
    panel.page_scroll.add_secondary(panel.formulas_part)
    return top


def set_axis_label(plot, side, text):
    """Set an axis label only when it changes (setting it re-lays out the plot)."""
    axis = plot.getPlotItem().getAxis(side)
    if axis.labelText != text or not axis.label.isVisible():
        plot.getPlotItem().setLabel(side, text)
