"""A pyqtgraph plot that only shows: no context menu, no auto-range button, no mouse panning."""

from __future__ import annotations

import pyqtgraph as pg


def still_plot(name):
    """(PlotWidget named `name`, its PlotItem), transparent, with menu, buttons and mouse off."""
    plot = pg.PlotWidget(background=None, enableMenu=False)
    plot.setObjectName(name)
    pi = plot.getPlotItem()
    pi.setMenuEnabled(False)
    pi.hideButtons()
    pi.setMouseEnabled(x=False, y=False)
    return plot, pi
