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
from klviz.gui.widgets.text import FormulaLabel
from klviz.scene.readouts import MINUS, convert, format_value
from klviz.style import is_mark, mark_color, text_color
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
    """`text` in `color`: a swatch (━━, ●) in the mark shade of it (klviz.style.mark_color: the
    colour itself where it stands out 3:1 from the window), words and numbers in the theme's
    text shade of it (klviz.style.text_color: at least 4.5:1 on the window)."""
    weight = "font-weight:600;" if bold else ""
    shade = mark_color(color, _text_dark) if is_mark(text) else text_color(color, _text_dark)
    return f'<span style="color:{shade};{weight}">{text}</span>'


# ------------------------------------------------------------------------------------- widgets


def formula_label(name):
    """A rich-text label for a formula with live numbers (selectable, wraps between formulas)."""
    label = FormulaLabel()
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
    """A rich-text caption or chart key that wraps between formulas, never inside one."""
    label = FormulaLabel()
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    label.setText(text)
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

        self._stacked = False

    def set_stacked(self, on):
        """Stacked under the charts it shows its whole content (ReflowSplitter._stacked_height)
        and the page scrolls instead: it has no bar of its own then, and keeps no room for one
        (at 1024×768 beside the lesson panel that room made it 2 px wider than the page; in an
        800×600 window the Bernoulli readouts' group, 17 px, with its side margins)."""
        self._stacked = bool(on)
        layout = self.widget().layout()
        if layout is not None:  # its group's side margins too: the page's own are beside it then
            if on:
                self._margins = layout.contentsMargins()
                layout.setContentsMargins(0, self._margins.top(), 0, self._margins.bottom())
            elif getattr(self, "_margins", None) is not None:
                layout.setContentsMargins(self._margins)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                                        else QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.updateGeometry()

    def side_by_side_width(self):
        """Its least width beside the charts: its content's, and room for its own bar."""
        need = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4
        return max(super().minimumSizeHint().width(), need)

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        hint = super().minimumSizeHint()
        if self._stacked:
            return QtCore.QSize(max(hint.width(), self.widget().minimumSizeHint().width()), hint.height())
        return QtCore.QSize(self.side_by_side_width(), hint.height())


def side_scroll(widget):
    return SideScroll(widget)


def assemble(panel, controls, charts, side, formulas):
    """The common panel layout: a row of inputs; charts beside the readouts; the worked formulas
    underneath at their natural height, full width (long lines of substituted numbers need room).
    `side` None: the charts part holds the readouts itself (the Normal panel's halves), no side
    column. Returns the splitter of charts and side column (None without a side column)."""
    top = None
    if side is not None:
        top = ReflowSplitter()  # the readouts go under the charts when the window is narrow
        top.addWidget(charts)
        top.addWidget(side_scroll(side))
        top.setStretchFactor(0, 1)  # extra room goes to the charts; the readouts keep their width
        top.setStretchFactor(1, 0)
        top.setSizes([10_000, top.widget(1).minimumSizeHint().width()])
        top.stackedChanged.connect(top.widget(1).set_stacked)
        # stacked (a page narrowed by the lesson panel), the charts give the readouts under them
        # the room they need, down to their least height, so both are in view as the page opens
        # (issue 12); the worked formulas under them fold first and may be below the fold
        top.share_room(always=True)
    content = QtWidgets.QWidget()
    outer = QtWidgets.QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    panel.page_scroll = page_scroll(content)
    outer.addWidget(panel.page_scroll)
    layout = QtWidgets.QVBoxLayout(content)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(controls)  # a WrapRow (or holds one): wraps when narrow, never scrolls sideways
    layout.addWidget(top if top is not None else charts, 1)
    # secondary: behind a toggle, folded by the page itself when the screen is too short
    caption = QtWidgets.QLabel(translate("pages.losses_common", "Worked formulas"))
    caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    panel.formulas_part = Secondary(caption, formulas, f"part_formulas_{panel.objectName()}",
                                    translate("pages.losses_common", "the worked formulas"))
    layout.addWidget(panel.formulas_part, 0)
    panel.page_scroll.add_secondary(panel.formulas_part)
    return top


def caption_below(part):
    """Put a Secondary's caption row under its body instead of above it (the Categorical panel's
    "softmax ↓" caption, between the logits chart it folds and the chart it leads to): no line
    of its own, and folded, the caption still says what comes next."""
    layout = part.layout()
    row = layout.takeAt(0)
    layout.addItem(row)
    return part


class Half(QtWidgets.QWidget):
    """A chart (with its key) and its readouts: the readouts under the chart, or beside it
    (`set_across`) where a stacked panel gives the half the whole width (the Normal panel at
    960×540: its halves one under the other, each as short as its readouts)."""

    def __init__(self, chart_part, numbers, parent=None):
        super().__init__(parent)
        self.chart_part, self.numbers = chart_part, numbers
        self.box = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(chart_part, 1)
        self.box.addWidget(numbers, 0)
        self.numbers_stretch = 0  # under the chart (the data half's grows while its profile is open)

    def across(self):
        return self.box.direction() == QtWidgets.QBoxLayout.Direction.LeftToRight

    def across_width(self):
        """The width the chart and the readouts need side by side."""
        parts = (self.chart_part, self.numbers)
        return sum(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in parts) + self.box.spacing()

    def set_numbers_stretch(self, stretch):
        self.numbers_stretch = stretch
        if not self.across():
            self.box.setStretchFactor(self.numbers, stretch)

    def set_across(self, on):
        direction = (QtWidgets.QBoxLayout.Direction.LeftToRight if on
                     else QtWidgets.QBoxLayout.Direction.TopToBottom)
        if self.box.direction() == direction:
            return
        self.box.setDirection(direction)
        # beside the chart the readouts keep their width; under it they share the height
        self.box.setStretchFactor(self.numbers, 0 if on else self.numbers_stretch)
        align = QtCore.Qt.AlignmentFlag.AlignTop if on else QtCore.Qt.AlignmentFlag(0)
        self.box.setAlignment(self.numbers, align)
        self.box.invalidate()
        self.updateGeometry()


class HalvesSplitter(ReflowSplitter):
    """Two halves side by side (each its chart over its readouts) while the width allows; stacked
    when it does not, each half then across (its readouts beside its chart) where the width
    allows that, and each behind its own arrow: a short page folds one (the data set first), and
    opening one folds the other while the page is too short for both (an accordion).
    Side by side the arrows and their captions are hidden and both halves are open."""

    def __init__(self, parts, parent=None):
        """parts: Secondary parts whose bodies are `Half`s, in order."""
        super().__init__(parent)
        self.parts = list(parts)
        for part in self.parts:
            self.addWidget(part)
            part.expandedChanged.connect(lambda on, part=part: self._opened(part, on))
        self._arrange(False, 0)

    def _arrange(self, stacked, width):
        for part, half in zip(self.parts, self.halves()):
            half.set_across(stacked and width >= half.across_width())
            if not stacked and not part.expanded():
                part.chosen = False  # side by side, both halves are always open
                part.set_expanded(True)
                part.folded_by_page = False
            part.need_unfolded = None
            # side by side: no arrow, no caption (the half's own title and key say it all)
            part.button.setVisible(stacked)
            part.caption.setVisible(stacked and part.expanded())
            if part.folded_title is not None:
                part.folded_title.setVisible(stacked and not part.expanded())

    def side_by_side_width(self):
        """The width both halves need side by side, open, each its chart over its readouts
        (whether they are folded or across now does not change that)."""
        widths = [max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in (h.chart_part, h.numbers))
                  for h in self.halves()]
        return sum(widths) + self.handleWidth() * (len(widths) - 1)

    def _least(self, w, width):
        """A part's least height at `width` (its minimum, its wrapped text's): stacked, a half
        is never asked to be taller (the stacked ReflowSplitter would give each the page's height,
        and a short page would then fold both)."""
        h = w.minimumSizeHint().height()
        layout = w.layout()
        if width > 0 and layout is not None and layout.hasHeightForWidth():
            h = max(h, layout.totalMinimumHeightForWidth(width))
        return h

    def _hold_heights(self, width):
        for k in range(self.count()):
            w = self.widget(k)
            self._saved_min_heights.setdefault(w, 0)
            w.setMinimumHeight(self._least(w, width))
        self.updateGeometry()

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        if not self.stacked():
            return super().minimumSizeHint()
        parts = [w for w in self.parts if not w.isHidden()]
        width = max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in parts)
        height = sum(self._least(w, self.width()) for w in parts) + self.handleWidth() * (len(parts) - 1)
        return QtCore.QSize(width, height)

    def halves(self):
        return [part.body.layout().itemAt(0).widget() for part in self.parts]

    def reflow(self, width=None, fresh=False):
        """As ReflowSplitter's, but after the type changed size (presentation mode, zoom) the
        halves stand side by side wherever they fit, without the margin kept against a page
        scroll bar coming and going: stacked, this panel folds its halves and does not scroll
        (at 1024×768 the halves need 991 px of the page's 996)."""
        if self._fresh and self.isVisible() and self.stacked():
            if (self.width() if width is None else width) >= self.side_by_side_width():
                self._fresh = False
                self._set_stacked(False)
                return
        super().reflow(width, fresh)

    def _set_stacked(self, on):
        self._arrange(on, self.width())  # before the heights are held: they follow the arrangement
        super()._set_stacked(on)

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        if self.stacked() and event.size().width() != event.oldSize().width():
            self._arrange(True, event.size().width())
        super().resizeEvent(event)

    def _opened(self, part, on):
        """A half folded or opened. Opened by the user on a stacked page: the other one folds, as
        if by the page (it opens again by itself where there is room for both)."""
        if on and part.chosen and self.stacked():
            for other in self.parts:
                if other is not part and other.expanded():
                    other.chosen = False
                    other.set_expanded(False)
        if self.stacked():
            self._hold_heights(self.width())  # the parts' heights changed: held anew, and said
        else:
            self.updateGeometry()
