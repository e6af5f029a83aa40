"""A pyqtgraph plot that only shows: no context menu, no auto-range button, no mouse panning."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg


def still_plot(name):
    """(PlotWidget named `name`, its PlotItem), transparent, with menu, buttons and mouse off."""
    plot = pg.PlotWidget(background=None, enableMenu=False, axisItems=quiet_axes())
    plot.setObjectName(name)
    pi = plot.getPlotItem()
    hide_spare_axes(pi)
    pi.setMenuEnabled(False)
    pi.hideButtons()
    pi.setMouseEnabled(x=False, y=False)
    return plot, pi


class QuietAxis(pg.AxisItem):
    """A pyqtgraph axis that does not render its hidden label again on every change of range.

    With the SI prefix on (pyqtgraph's default), each new range works the prefix out and sets
    the label's HTML anew, shown or not: some 150 times over the Discrete tab's 16 axes before
    its first paint (about 10 ms). A hidden label's prefix is always none, so while it is hidden
    and has none the range only needs the new ticks, as with the prefix off; a shown label (and
    the first update once it is shown) works it out as pyqtgraph does."""

    def updateAutoSIPrefix(self):
        if (not self.label.isVisible() and self.autoSIPrefixScale == 1.0
                and getattr(self, "labelUnitPrefix", "") == ""):
            self.picture = None  # what a new range does with the prefix off
            self.update()
            return
        super().updateAutoSIPrefix()

    # The label's HTML is rendered (QGraphicsTextItem.setHtml: a text document laid out, its
    # first time a text control built) only when it can be seen and has changed. pyqtgraph
    # renders it anew on every pen, text pen, tick pen, label and range change, shown or not:
    # some 85 renders over the Discrete tab's 16 axes before its first paint, 12 of them shown.
    _label_html = None  # the HTML the label holds (None: never rendered)
    _building = True  # in AxisItem.__init__, which renders the empty label twice and hides it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._building = False

    def _render_label(self):
        html = self.labelString()
        if html != self._label_html:
            self.label.setHtml(html)
            self._label_html = html
            return True
        return False

    def _updateLabel(self):  # noqa: N802 (pyqtgraph name)
        if self.label.isVisible() and not self._building:
            self._render_label()
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show=True):  # noqa: N802 (pyqtgraph name)
        rendered = show and self._render_label()  # before its size is counted
        super().showLabel(show)
        if rendered:
            self.resizeEvent()  # placed for its new text, as pyqtgraph's last resize placed it


def quiet_axes():
    """axisItems for a PlotWidget or PlotItem: a QuietAxis on each side. pyqtgraph shows every
    axis it is given: hide_spare_axes(plot_item) then hides the top and right ones again, as
    they are by default."""
    return {side: QuietAxis(side) for side in ("left", "bottom", "right", "top")}


def hide_spare_axes(plot_item):
    plot_item.hideAxis("top")
    plot_item.hideAxis("right")


#: the mantissas of a tick step (times a power of ten)
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)


class SpacedAxis(QuietAxis):
    """An axis whose labelled ticks are as far apart as their labels need in the tick font
    (pyqtgraph spaces ticks by the axis's length alone: at 1024×768 in presentation mode the
    Bernoulli chart's 0.1, 0.2, … touched one another). The step is the finest of 1, 2, 2.5, 5
    times a power of ten, no finer than `finest`, at which each label and a gap of two spaces
    fit between neighbouring ticks; unlabelled ticks (and grid lines) stay at `finest`."""

    def __init__(self, orientation, finest=None, **kw):
        super().__init__(orientation, **kw)
        self.finest = finest
        self._major = None  # the labelled step chosen by the last tickSpacing

    def _metrics(self):
        from PySide6 import QtGui

        return QtGui.QFontMetricsF(self.style.get("tickFont") or self.font())

    def label_room(self, strings):
        """Pixels a tick needs along the axis for the widest of `strings`, with the gap."""
        fm = self._metrics()
        if self.orientation in ("left", "right"):
            return fm.height() + fm.horizontalAdvance("  ") / 2 if strings else 0.0
        widest = max((fm.horizontalAdvance(s) for s in strings), default=0.0)
        return widest + fm.horizontalAdvance("  ")

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph name)
        self._major = None
        span = abs(maxVal - minVal)
        if self._tickSpacing is not None or span == 0 or size <= 0:
            return super().tickSpacing(minVal, maxVal, size)
        finest = self.finest or super().tickSpacing(minVal, maxVal, size)[-1][0]
        per_px = size / span
        power = 10.0 ** np.floor(np.log10(finest))
        low, high = min(minVal, maxVal), max(minVal, maxVal)
        steps = [m * power * 10.0 ** decade for decade in range(int(np.log10(span / finest)) + 2)
                 for m in NICE_STEPS]
        steps = [s for s in steps if s >= finest * (1 - 1e-9)] or [finest]
        for step in steps:
            values = list(np.arange(np.ceil(low / step - 1e-9) * step, high + step * 1e-9, step))
            if step * per_px >= self.label_room(self.tickStrings(values, self.autoSIPrefixScale * self.scale, step)):
                break
        self._major = step
        levels = [(step, 0.0)]
        if step > finest * (1 + 1e-9):
            levels.append((finest, 0.0))
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph name)
        if self._major is not None and spacing < self._major * (1 - 1e-9):
            return [""] * len(values)  # the finer ticks are not labelled
        return super().tickStrings(values, scale, spacing)
