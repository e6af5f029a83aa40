"""QuietAxis (klviz.gui.widgets.still_plot): the Discrete tab's charts skip pyqtgraph's label
re-render on every range change while an axis's label is hidden (start-up, issue 12). What an
axis shows must be pyqtgraph's own: the same tick texts, and the same label, SI prefix included,
once the label is shown, whatever ranges came before."""

import pyqtgraph as pg
import pytest

from klviz.gui.widgets.still_plot import QuietAxis


def _shown(axis):
    """What the axis puts on screen: its tick texts for its range, and its label if shown."""
    lo, hi = axis.range
    ticks = [axis.tickStrings(values, axis.scale * axis.autoSIPrefixScale, spacing)
             for spacing, values in axis.tickValues(lo, hi, 400)]
    label = axis.label.toHtml() if axis.label.isVisible() else None
    return ticks, axis.autoSIPrefixScale, axis.labelUnitPrefix, label


@pytest.mark.parametrize("ranges", [[(0, 0.004), (0, 0.5)], [(0, 3e9), (-2, 7)], [(0, 1e-7)]])
@pytest.mark.parametrize("units", ["", "nats"])
def test_a_quiet_axis_shows_what_a_pyqtgraph_axis_shows(qtbot, ranges, units):
    stock, quiet = pg.AxisItem("bottom"), QuietAxis("bottom")
    for lo, hi in ranges:  # label hidden: no prefix, as pyqtgraph's
        for axis in (stock, quiet):
            axis.setRange(lo, hi)
        assert _shown(quiet) == _shown(stock)
    for axis in (stock, quiet):  # shown: the prefix of the current range, as pyqtgraph's
        axis.setLabel("value", units=units or None)
    assert _shown(quiet) == _shown(stock) and quiet.label.isVisible()
    for lo, hi in reversed(ranges):
        for axis in (stock, quiet):
            axis.setRange(lo, hi)
        assert _shown(quiet) == _shown(stock)
    for axis in (stock, quiet):  # hidden again after a prefix: back to none
        axis.showLabel(False)
        axis.setRange(0, 0.25)
    assert _shown(quiet) == _shown(stock)


def test_a_quiet_axis_skips_the_hidden_label(qtbot, monkeypatch):
    """The point of it: a range change with the label hidden does not set its HTML."""
    quiet = QuietAxis("left")
    calls = []
    monkeypatch.setattr(quiet.label, "setHtml", lambda html: calls.append(html))
    for k in range(10):
        quiet.setRange(0, 1 + k)
    assert calls == [] and quiet.picture is None
