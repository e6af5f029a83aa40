"""Every text/background pair in both themes meets WCAG 2 AA (4.5:1), tooltips included.

The ratios are computed from the palettes the app installs (theme.light_palette / dark_palette)
and from the colours the widgets actually carry: each label's style sheet and each coloured run
in a rich-text caption. Swatches ("■", "━━") are marks in the charts' own colours, not text:
they are left out here. Text painted on a coloured fill (the Joint tab's grid cells and
information diagram) is checked against that fill, as painted.
"""

import contextlib
import re

import pyqtgraph as pg
import pytest
from PySide6 import QtGui, QtWidgets

from klviz import style
from klviz.gui import theme

AA = 4.5
NON_TEXT = 3.0  # WCAG 2.1 1.4.11: graphics such as a legend's swatches
C = QtGui.QPalette.ColorRole
TEXT_ON = [  # (text role, background role) pairs Qt paints
    (C.WindowText, C.Window), (C.Text, C.Base), (C.Text, C.AlternateBase), (C.Text, C.Window),
    (C.ToolTipText, C.ToolTipBase), (C.ButtonText, C.Button), (C.HighlightedText, C.Highlight),
    (C.PlaceholderText, C.Base), (C.Link, C.Base), (C.Link, C.Window),
]
BACKGROUNDS = (C.Window, C.Base, C.AlternateBase, C.ToolTipBase, C.Button)


def hex_of(palette, role):
    return palette.color(QtGui.QPalette.ColorGroup.Active, role).name()


def palettes(qapp):
    return {"light": (theme.light_palette(), False), "light, high contrast": (theme.light_palette(True), False),
            "dark": (theme.dark_palette(), True)}


def test_the_ratio_formula_against_wcag_examples():
    assert style.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert style.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic near-miss
    assert style.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert style.contrast_ratio("#E69F00", "#FFFFFF") < AA  # why text needs its own shades


def test_every_palette_text_role_reads_on_its_background(qapp):
    bad = []
    for name, (pal, _) in palettes(qapp).items():
        for fg, bg in TEXT_ON:
            r = style.contrast_ratio(hex_of(pal, fg), hex_of(pal, bg))
            if r < AA:
                bad.append(f"{name}: {fg.name} {hex_of(pal, fg)} on {bg.name} {hex_of(pal, bg)} = {r:.2f}")
    assert not bad, "\n".join(bad)


def test_every_text_shade_reads_on_every_background_of_its_theme(qapp):
    bad = []
    for name, (pal, dark) in palettes(qapp).items():
        for base, shade in style._TEXT_SHADES[dark].items():
            assert style.text_color(base, dark) == shade
            for bg in BACKGROUNDS:
                r = style.contrast_ratio(shade, hex_of(pal, bg))
                if r < AA:
                    bad.append(f"{name}: text {shade} (for {base}) on {bg.name} {hex_of(pal, bg)} = {r:.2f}")
    assert not bad, "\n".join(bad)


def test_labels_inside_bars_take_the_ink_that_reads():
    for fill in (style.P_COLOR, style.Q_COLOR, style.P_DARK, style.Q_DARK, style.KL_COLOR, style.ENTROPY_COLOR):
        assert style.contrast_ratio(style.ink_on(fill), fill) >= AA, fill


_COLOUR = re.compile(r"color\s*:\s*(#[0-9A-Fa-f]{6})")
_SPAN = re.compile(r"<(?:span|b|font)[^>]*color\s*:\s*(#[0-9A-Fa-f]{6})[^>]*>(.*?)</(?:span|b|font)>", re.S)
_SWATCH = set("■━╍┃┆●▬▮ \u00a0")


def _is_swatch(run):
    text = re.sub(r"<[^>]+>|&nbsp;", "", run)
    return bool(text) and set(text) <= _SWATCH


def coloured_texts(window):
    """(widget name, colour, is a mark) of every coloured text a label or button shows."""
    from klviz.gui.widgets.caption import Caption

    found = []
    for w in window.findChildren(QtWidgets.QWidget):
        if isinstance(w, Caption):  # painted by hand: the colours it paints each run in
            found += [(w.objectName() or "Caption", c, _is_swatch(t)) for t, c in w.painted_runs() if c]
            continue
        if isinstance(w, pg.PlotWidget):  # chart titles are text too
            title = w.getPlotItem().titleLabel
            color = title.opts.get("color") if title.text else None
            if color is not None:
                found.append((w.objectName() or "PlotWidget", pg.mkColor(color).name(), False))
            continue
        if not isinstance(w, (QtWidgets.QLabel, QtWidgets.QAbstractButton)):
            continue
        name = w.objectName() or type(w).__name__
        for c in _COLOUR.findall(w.styleSheet()):
            found.append((name, c, False))
        text = w.text() if isinstance(w, QtWidgets.QLabel) else ""
        for c, run in _SPAN.findall(text):
            found.append((name, c, _is_swatch(run)))
    return found


@contextlib.contextmanager
def themed(window, qtbot, theme_name):
    """The window shown in a theme, the light one back afterwards."""
    window.findChild(QtGui.QAction, f"action_theme_{theme_name}").trigger()
    try:
        window.show()
        qtbot.waitExposed(window)
        yield
    finally:
        window.findChild(QtGui.QAction, "action_theme_light").trigger()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_every_coloured_text_in_the_window_reads(window, qtbot, theme_name):
    with themed(window, qtbot, theme_name):
        # visit every tab so the deferred ones are built and have drawn their captions
        tabs = window.findChildren(QtWidgets.QTabWidget)
        for t in tabs:
            for i in range(t.count()):
                t.setCurrentIndex(i)
                QtWidgets.QApplication.processEvents()
        pal = QtWidgets.QApplication.palette()
        window_bg = hex_of(pal, C.Window)
        found = coloured_texts(window)
        assert len(found) >= 10, found  # the readout names and the captions at least
        bad = [f"{n}: {c} on {window_bg} = {style.contrast_ratio(c, window_bg):.2f}"
               for n, c, mark in found if not mark and style.contrast_ratio(c, window_bg) < AA]
        assert not bad, "\n".join(sorted(set(bad)))
        # a legend's swatch (■, ━━, ●) is a graphic that must be told apart: WCAG's
        # non-text contrast, 3:1 (orange, green and pink marks on the light window were 2.0-3.0)
        marks = [(n, c) for n, c, mark in found if mark]
        assert marks
        bad = [f"{n}: swatch {c} on {window_bg} = {style.contrast_ratio(c, window_bg):.2f}"
               for n, c in marks if style.contrast_ratio(c, window_bg) < NON_TEXT]
        assert not bad, "\n".join(sorted(set(bad)))


def _joint_painted(window, qtbot):
    """(widget, text, fill, ink) of every text the Joint tab paints on a coloured fill: the cells
    of its three grids and the parts of the information diagram, after a real paint."""
    page = window.page_joint
    window.tabs.setCurrentWidget(page)
    QtWidgets.QApplication.processEvents()
    from klviz.gui.pages.joint import HeatGrid, InformationDiagram

    out = []
    for w in page.findChildren(QtWidgets.QWidget):
        if isinstance(w, (HeatGrid, InformationDiagram)) and w.isVisible():
            w.grab()  # paints it now
            out += [(w.objectName(), *t) for t in w.painted_texts]
    return out


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_joint_tab_paints_every_text_on_a_fill_at_aa(window, qtbot, theme_name):
    """The information diagram drew white on #CC79A7 (3.06:1) and on #E69F00 (2.25:1)."""
    with themed(window, qtbot, theme_name):
        found = _joint_painted(window, qtbot)
        diagram = {t: (fill.upper(), ink) for w, t, fill, ink in found if w == "joint_diagram"}
        assert set(diagram) == {"H(X|Y)", "I(X;Y)", "H(Y|X)"}, diagram
        assert diagram["I(X;Y)"][0] == style.KL_COLOR.upper() and diagram["H(Y|X)"][0] == style.Q_COLOR.upper()
        assert len(found) >= 3 + 4 + 4 + 4 + 4  # the diagram, three 2×2 grids and the marginals
        bad = [f"{w}: {t!r} {ink} on {fill} = {style.contrast_ratio(ink, fill):.2f}"
               for w, t, fill, ink in found if style.contrast_ratio(ink, fill) < AA]
        assert not bad, "\n".join(bad)


def test_every_shade_of_a_joint_grid_takes_an_ink_that_reads(qapp):
    """Whatever the numbers, a cell's fill runs from white to the full colour (or the diverging
    grid's two): its text reads on every shade, not only on the ones the presets show."""
    from klviz.gui.pages.joint import HeatGrid, _ink

    for diverging in (False, True):
        grid = HeatGrid("probe", diverging=diverging)
        grid._limits = (0.0 if not diverging else -1.0, 1.0)
        for k in range(-100 if diverging else 0, 101):
            fill = grid._colour(k / 100)
            ratio = style.contrast_ratio(_ink(fill).name(), fill.name())
            assert ratio >= AA, (diverging, k, fill.name(), _ink(fill).name(), ratio)
    # the old rule (white unless bright) fails on the diagram's pink: this test can fail
    assert style.contrast_ratio("#FFFFFF", style.KL_COLOR) < AA


def test_every_mark_shade_stands_out_on_its_theme(qapp):
    """A legend's swatch takes style.mark_color: 3:1 (WCAG non-text contrast) on every background
    the palettes paint behind a legend, the hue kept (the colour itself where it already does)."""
    marks = (style.P_COLOR, style.Q_COLOR, style.P_DARK, style.Q_DARK, style.KL_COLOR, style.ENTROPY_COLOR,
             style.NEGATIVE_COLOR, style.MUTED_COLOR, "#888888", "#9A9A9A")
    bad = []
    for name, (pal, dark) in palettes(qapp).items():
        for c in marks:
            shade = style.mark_color(c, dark)
            for bg in (C.Window, C.Base):
                r = style.contrast_ratio(shade, hex_of(pal, bg))
                if r < NON_TEXT:
                    bad.append(f"{name}: mark {shade} (for {c}) on {bg.name} {hex_of(pal, bg)} = {r:.2f}")
            if "high" not in name and min(style.contrast_ratio(c, hex_of(pal, bg)) for bg in (C.Window, C.Base)) >= NON_TEXT + 0.05:
                assert shade.upper() == c.upper(), (name, c, shade)  # no change where none is needed
    assert not bad, "\n".join(bad)
    assert style.contrast_ratio(style.Q_COLOR, "#EFEFEF") < NON_TEXT  # why marks need a shade too
    orange = QtGui.QColor(style.mark_color(style.Q_COLOR))
    assert abs(orange.hslHue() - QtGui.QColor(style.Q_COLOR).hslHue()) <= 2  # still orange


def _chart_backgrounds(theme_name):
    """The palette in use and every background a lesson chart is drawn on in `theme_name`: the
    window's, the base's, presentation's white (light) or black (dark)."""
    QtWidgets.QApplication.processEvents()
    pal = QtWidgets.QApplication.palette()
    return pal, {hex_of(pal, C.Window), hex_of(pal, C.Base), "#000000" if theme_name == "dark" else "#FFFFFF"}


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_fit_q_to_p_legend_swatches_stand_out_in_both_themes(window, qtbot, theme_name):
    """The lesson's Fit Q to P chart keys its two curves with pyqtgraph's legend, whose swatches
    are the curves' own pens: green and pink on the light window were 2.98:1 and 2.66:1. Each
    swatch stands out 3:1 on the chart's background (the window's, or presentation's white or
    black), keeps its hue, and the names beside them read (AA)."""
    fit = window.lesson.fit_q  # built (hidden): it follows the theme all the same
    with themed(window, qtbot, theme_name):
        pal, backgrounds = _chart_backgrounds(theme_name)
        legend = fit.plot.getPlotItem().legend
        assert [label.text for _, label in legend.items] == ["H(P,Q)", "D(P‖Q)"]
        for (sample, label), curve, base in zip(legend.items, (fit.curve_cross, fit.curve_kl),
                                                (style.ENTROPY_COLOR, style.KL_COLOR)):
            assert sample.item is curve  # the swatch draws the chart's own mark
            swatch = pg.mkPen(curve.opts["pen"]).color().name()
            for bg in backgrounds:
                assert style.contrast_ratio(swatch, bg) >= NON_TEXT, (label.text, swatch, bg)
            assert abs(QtGui.QColor(swatch).hslHue() - QtGui.QColor(base).hslHue()) <= 3, (swatch, base)
            ink = pg.mkColor(label.opts["color"]).name()
            assert style.contrast_ratio(ink, hex_of(pal, C.Window)) >= AA, (label.text, ink)
            # and drawn so: the label's text carries its colour
            assert ink.lower() in label.item.toHtml().lower(), label.item.toHtml()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_sampling_demo_curve_and_target_read_in_both_themes(window, qtbot, theme_name):
    """The lesson's sampling demo draws its running mean in the divergences' pink and a dashed
    line at D(P‖Q): KL_COLOR on the light window was 2.66:1, the fixed #444444 line 1.9:1 on the
    dark one. Both take the theme's text inks: 4.5:1 on every background the chart is drawn
    on (the window's, the base's, presentation's white or black), the pink still pink."""
    demo = window.lesson.sampling  # built (hidden): it follows the theme all the same
    with themed(window, qtbot, theme_name):
        pal, backgrounds = _chart_backgrounds(theme_name)
        curve = pg.mkPen(demo.curve.opts["pen"]).color().name()
        target = demo.target.pen.color().name()
        assert target == hex_of(pal, C.WindowText)
        for name, ink in (("running mean", curve), ("D(P‖Q) line", target)):
            for bg in backgrounds:
                assert style.contrast_ratio(ink, bg) >= AA, (name, ink, bg, style.contrast_ratio(ink, bg))
        assert abs(QtGui.QColor(curve).hslHue() - QtGui.QColor(style.KL_COLOR).hslHue()) <= 6, curve
    assert style.contrast_ratio(style.KL_COLOR, "#EFEFEF") < AA  # why the curve needs its text shade


def test_the_fit_q_to_p_legend_names_grow_with_the_type(window, qtbot):
    """Presentation mode scales the type: the legend's names too (they stayed at 9 pt)."""
    fit = window.lesson.fit_q
    window.action_lesson.setChecked(True)
    QtWidgets.QApplication.processEvents()
    legend = fit.plot.getPlotItem().legend

    def sizes():  # the names' line heights as laid out (without the text's own margins)
        return [label.item.boundingRect().height() - 2 * label.item.document().documentMargin()
                for _, label in legend.items]

    normal, type_size = sizes(), fit.font().pointSizeF()
    window.action_presentation.trigger()
    try:
        QtWidgets.QApplication.processEvents()
        big = sizes()
        grown = fit.font().pointSizeF() / type_size
        assert grown >= 1.2, grown
        assert all(b >= 0.9 * grown * n for n, b in zip(normal, big)), (normal, big, grown)
        # the legend's box holds its names at their new size
        for _, label in legend.items:
            assert legend.boundingRect().width() >= label.item.boundingRect().width(), legend.boundingRect()
    finally:
        window.action_presentation.trigger()
    QtWidgets.QApplication.processEvents()
    assert sizes() == normal
