"""QuietAxis (klviz.gui.widgets.still_plot): the Discrete tab's charts skip pyqtgraph's label
re-render on every range change while an axis's label is hidden (start-up, issue 12). What an
axis shows must be pyqtgraph's own: the same tick texts, and the same label, SI prefix included,
once the label is shown, whatever ranges came before."""

import pyqtgraph as pg
import pytest

from klviz.gui.widgets.still_plot import QuietAxis, set_axis_label


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


@pytest.mark.parametrize("side", ["left", "bottom", "top", "right"])
def test_a_quiet_axis_renders_its_label_only_when_shown_and_shows_pyqtgraph_s(qtbot, side):
    # The label's HTML is rendered only once it can be seen (klviz.gui.widgets.still_plot:
    # QuietAxis._updateLabel): a hidden one is never laid out, whatever pens and ranges come;
    # once shown, its text, place and the axis's size are pyqtgraph's.
    stock, quiet = pg.AxisItem(side), QuietAxis(side)
    renders = {}
    for axis in (stock, quiet):
        def counted(html, axis=axis, render=axis.label.setHtml):
            renders[axis] = renders.get(axis, 0) + 1
            render(html)
        axis.label.setHtml = counted
        axis.setPen("#336699")
        axis.setTextPen("#aa3300")
        axis.setRange(0, 0.004)
        axis.resize(300, 60) if side in ("top", "bottom") else axis.resize(60, 300)
    assert renders.get(quiet, 0) == 0 and renders[stock] >= 3

    sizes = iter([(310, 70), (320, 80), (330, 90), (340, 100)])

    def same():
        w, h = next(sizes)  # a layout pass, as each change brings in a window (pyqtgraph places
        for axis in (stock, quiet):  # its label when resized; QuietAxis also when first shown)
            axis.resize(w, h) if side in ("top", "bottom") else axis.resize(h, w)
        assert quiet.label.isVisible() == stock.label.isVisible()
        if stock.label.isVisible():
            assert quiet.label.toHtml() == stock.label.toHtml()
            assert quiet.label.pos() == stock.label.pos()
        assert (quiet.minimumWidth(), quiet.minimumHeight()) == (stock.minimumWidth(), stock.minimumHeight())
        assert (quiet.maximumWidth(), quiet.maximumHeight()) == (stock.maximumWidth(), stock.maximumHeight())

    for axis in (stock, quiet):
        axis.setLabel("probability", units="nats")
    same()
    shown_renders = renders[quiet]
    for axis in (stock, quiet):  # a colour and a range while hidden, then shown again
        axis.showLabel(False)
        axis.setTextPen("#007744")
        axis.setRange(0, 3e9)
    same()
    assert renders[quiet] == shown_renders
    for axis in (stock, quiet):
        axis.showLabel(True)
    same()
    assert "#007744" in quiet.label.toHtml() and renders[quiet] < renders[stock]
    for axis in (stock, quiet):
        axis.setLabel("P(x)")
        axis.setRange(-2, 7)
    same()


def test_set_axis_label_sets_a_label_only_when_it_changes(qtbot, monkeypatch):
    """Each frame of Fit Q to P redrew its chart with the same label: set (its HTML rendered,
    the plot re-laid out) only when the text changes, or when the label was hidden."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    pi = plot.getPlotItem()
    calls = []
    real = pi.setLabel
    monkeypatch.setattr(pi, "setLabel", lambda *a, **k: (calls.append(a), real(*a, **k)))
    for text in ["bits per symbol"] * 3 + ["nats per symbol"] * 2:
        set_axis_label(plot, "left", text)
    assert calls == [("left", "bits per symbol"), ("left", "nats per symbol")]
    axis = pi.getAxis("left")
    assert axis.labelText == "nats per symbol" and axis.label.isVisible()
    axis.showLabel(False)
    set_axis_label(plot, "left", "nats per symbol")
    assert calls[-1] == ("left", "nats per symbol") and len(calls) == 3 and axis.label.isVisible()
