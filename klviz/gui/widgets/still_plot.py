"""A pyqtgraph plot that only shows: no context menu, no auto-range button, no mouse panning."""

from __future__ import annotations

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


def quiet_axes():
    """axisItems for a PlotWidget or PlotItem: a QuietAxis on each side. pyqtgraph shows every
    axis it is given: hide_spare_axes(plot_item) then hides the top and right ones again, as
    they are by default."""
    return {side: QuietAxis(side) for side in ("left", "bottom", "right", "top")}


def hide_spare_axes(plot_item):
    plot_item.hideAxis("top")
    plot_item.hideAxis("right")
