"""Readable at a glance (issue 12): fitted value axes, even bars, the decomposition's two
divergences, a press that selects, out-of-range input, mixture labels and presentation type.
Real QMouseEvents to the viewports (tests/uitools.py); pixels measured in grabs."""

from collections import Counter

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from uitools import _send, data_to_viewport, drag

FIT_KEY = "action_value_axis_fit"


@pytest.fixture
def small_window(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)
    w.resize(1024, 768)
    with qtbot.waitExposed(w):
        w.show()
    return w


def _settle(qtbot, chart):
    qtbot.waitUntil(lambda: not chart.gliding, timeout=3000)


def _y_top(chart):
    return chart.getPlotItem().vb.viewRange()[1][1]


def _runs_at(chart, y):
    """(colour, length) runs of the pixel row of a grab of `chart` at data height y."""
    img = chart.grab().toImage()
    scale = img.devicePixelRatio()
    vb = chart.getPlotItem().vb
    row = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(0, y))).y() * scale)
    left = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(-0.5, 0))).x() * scale)
    right = int(chart.mapFromScene(vb.mapViewToScene(QtCore.QPointF(len(chart._labels) - 0.5, 0))).x() * scale)
    colours = [img.pixelColor(x, row).name() for x in range(max(0, left - 3), min(img.width(), right + 3))]
    runs, cur, k = [], colours[0], 0
    for c in colours:
        if c == cur:
            k += 1
        else:
            runs.append((cur, k))
            cur, k = c, 1
    runs.append((cur, k))
    return runs


def _bar_and_gap_widths(chart, y, bar_colours):
    runs = _runs_at(chart, y)
    first = next(i for i, (c, _) in enumerate(runs) if c in bar_colours)
    last = max(i for i, (c, _) in enumerate(runs) if c in bar_colours)
    inner = runs[first:last + 1]
    bars = [k for c, k in inner if c in bar_colours]
    gaps = [k for c, k in inner if c not in bar_colours]
    return bars, gaps


def _uniform_p(w, qtbot, n):
    """plot_p showing a uniform P over n categories, its axis settled."""
    w.model.set_categories(n)
    w.model.apply_preset("p", "uniform")
    chart = w.findChild(pg.PlotWidget, "plot_p")
    _settle(qtbot, chart)
    return chart


def _bar_colour(chart):
    return pg.mkBrush(chart._bars[0].opts["brush"]).color().name()


# -- 1. many categories: a fitted value axis, even gaps -----------------------------------------
@pytest.mark.parametrize("n", [3, 17, 64, 100])
def test_bars_and_gaps_are_even_at_every_count(small_window, qtbot, n):
    chart = _uniform_p(small_window, qtbot, n)
    bars, gaps = _bar_and_gap_widths(chart, 0.5 / n, {_bar_colour(chart)})
    assert len(bars) == n and len(gaps) == n - 1
    assert len(set(bars)) == 1, Counter(bars)
    assert len(set(gaps)) == 1, Counter(gaps)
    assert gaps[0] >= 1


def test_overlay_columns_are_identical_at_a_hundred(small_window, qtbot):
    w = small_window
    w.model.set_categories(100)
    w.model.apply_preset("p", "uniform")
    w.model.apply_preset("q", "uniform")
    w.model.set_overlay(True)
    chart = w.page_discrete.plot_overlay
    qtbot.waitUntil(lambda: chart.isVisible() and chart.getPlotItem().vb.width() > 0)
    qtbot.wait(50)  # laid out at its size
    _settle(qtbot, chart)
    colours = {pg.mkBrush(item.opts["brush"]).color().name() for item in chart._bars}
    runs = _runs_at(chart, 0.0037)  # (off the grid lines)
    first = next(i for i, (c, _) in enumerate(runs) if c in colours)
    last = max(i for i, (c, _) in enumerate(runs) if c in colours)
    inner = runs[first:last + 1]
    # every column the same pixels: the runs repeat with one period, once per column
    assert (len(inner) + 1) % 100 == 0, inner[:12]
    period = (len(inner) + 1) // 100
    assert all(run == inner[k % period] for k, run in enumerate(inner)), inner[:3 * period]
    assert {c for c, _ in inner[:period]} >= colours


def test_hundred_bars_at_1024_fill_the_value_axis(small_window, qtbot):
    w = small_window
    chart = _uniform_p(w, qtbot, 100)
    assert w.width() == 1024
    peak = float(np.max(w.model.discrete.p))
    top = _y_top(chart)
    # the tallest bar reaches at least half the axis (on 0-1 it would be 1/110 of it)
    assert peak <= top and peak / top > 0.5
    bars, gaps = _bar_and_gap_widths(chart, peak / 2, {_bar_colour(chart)})
    assert (len(bars), len(set(bars)), len(set(gaps))) == (100, 1, 1)
    print(f"100 bars at 1024 px: chart {chart.width()} px, bars {bars[0]} px, gaps {gaps[0]} px, "
          f"axis top {top:.4g} for peak {peak:.4g}")


def test_the_toggle_keeps_zero_to_one_and_is_remembered(small_window, qtbot):
    from klviz.gui import create_main_window

    w = small_window
    w.model.set_categories(100)
    chart = w.findChild(pg.PlotWidget, "plot_p")
    _settle(qtbot, chart)
    assert _y_top(chart) < 0.5
    act = w.findChild(QtGui.QAction, FIT_KEY)
    assert act.isCheckable() and act.isChecked()
    assert act in [a for m in w.menuBar().findChildren(QtWidgets.QMenu) for a in m.actions()]
    act.trigger()
    _settle(qtbot, chart)
    assert _y_top(chart) == pytest.approx(1.1)
    assert chart.getPlotItem().vb.viewRange()[1][0] == pytest.approx(-0.08)
    # the next window starts with the same choice
    w2 = create_main_window()
    qtbot.addWidget(w2)
    w2.model.set_categories(100)
    assert not w2.findChild(QtGui.QAction, FIT_KEY).isChecked()
    assert w2.findChild(pg.PlotWidget, "plot_p").value_top == 1.0
    act.trigger()
    _settle(qtbot, chart)
    assert _y_top(chart) < 0.5


def test_axis_holds_during_a_drag_and_glides_after_it(small_window, qtbot):
    w = small_window
    chart = _uniform_p(w, qtbot, 20)
    top0 = _y_top(chart)
    tops, held = [], []
    chart.getPlotItem().vb.sigYRangeChanged.connect(
        lambda _vb, r: (held if chart._dragging else tops).append(r[1]))
    drag(chart, 3, 0.02, 0.9 * top0 / 1.1 * 3)  # well above the axis: it must not move meanwhile
    assert held == []  # nothing moved while the bar was held (the cursor keeps its bar)
    p3 = w.model.discrete.p[3]
    assert p3 > top0
    _settle(qtbot, chart)
    assert _y_top(chart) >= p3
    # a glide, not a jump: several steps between, each going the same way
    assert len(tops) >= 3 and all(b > a for a, b in zip(tops, tops[1:]))
    # a small change within the axis moves nothing, during or after
    tops.clear()
    drag(chart, 3, p3, p3 * 0.9)
    _settle(qtbot, chart)
    assert tops == [] and held == []


# -- 2. the decomposition tells the two divergences apart, and names every segment ---------------
def _decomposition(w):
    return w.findChild(pg.PlotWidget, "plot_decomposition")


def _names_shown(chart):
    """{name: rect in viewport pixels} of every segment name the chart draws."""
    shown = {}
    vt = chart.viewportTransform()
    layers = [*chart._seg_texts.values(), chart._beside, chart._above]
    for layer in layers:
        metrics = QtGui.QFontMetricsF(layer._font)
        for (top_left, st), (_, _, text) in zip(layer.placements(layer.deviceTransform(vt)), layer._items):
            shown[text] = QtCore.QRectF(top_left, QtCore.QSizeF(st.size().width(), metrics.ascent()))
    return shown


@pytest.mark.parametrize("dark", [False, True])
def test_the_two_divergences_have_their_own_shades_in_both_themes(small_window, qtbot, dark):
    from klviz.style import contrast_ratio

    w = small_window
    w.findChild(QtGui.QAction, f"action_theme_{'dark' if dark else 'light'}").trigger()
    try:
        _check_divergence_shades(w, dark, contrast_ratio)
    finally:
        w.findChild(QtGui.QAction, "action_theme_light").trigger()


def _check_divergence_shades(w, dark, contrast_ratio):
    chart = _decomposition(w)
    (pq, pq_hatch), (qp, qp_hatch) = chart.divergence_fill("kl_pq"), chart.divergence_fill("kl_qp")
    assert pq != qp and pq_hatch is None and qp_hatch not in (None, qp)
    pal = QtWidgets.QApplication.palette()
    backgrounds = {pal.color(QtGui.QPalette.ColorRole.Window).name(), pal.color(QtGui.QPalette.ColorRole.Base).name(),
                   "#000000" if dark else "#FFFFFF"}  # presentation mode's plot background
    for fill in (pq, qp):
        for bg in backgrounds:
            assert contrast_ratio(fill, bg) >= 3.0, (fill, bg)  # WCAG 2 non-text contrast
    # and on screen: the middle of each divergence segment shows its own colours
    img = chart.grab().toImage()
    colours = []
    for item in chart._kl_bars:
        x0, wd, y = item.opts["x0"][0], item.opts["width"][0], item.opts["y"][0]
        left = chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QtCore.QPointF(x0 + wd * 0.1, y + 0.2)))
        right = chart.mapFromScene(chart.getPlotItem().vb.mapViewToScene(QtCore.QPointF(x0 + wd * 0.9, y + 0.2)))
        colours.append(Counter(img.pixelColor(x, left.y()).name().upper() for x in range(left.x(), right.x())))
    # (a grid line may cross a segment: the colours that fill them count)
    (top, count), = colours[0].most_common(1)
    assert top == pq and count > 0.9 * colours[0].total()  # solid
    assert {c for c, _ in colours[1].most_common(2)} == {qp, qp_hatch}  # hatched


@pytest.mark.parametrize("p,q", [
    ([0.25, 0.25, 0.25, 0.25], [0.26, 0.24, 0.25, 0.25]),  # both divergences hair-thin
    ([0.999, 0.001, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25]),  # H(P) thin, D(Q‖P) infinite
    ([0.97, 0.01, 0.01, 0.01], [0.94, 0.02, 0.02, 0.02]),  # H thin, D thin
    ([0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4]),  # everything wide
])
def test_every_segment_keeps_a_readable_name(small_window, qtbot, p, q):
    w = small_window
    w.model.set_categories(len(p))
    w.model.set_distribution("p", p, "P")
    w.model.set_distribution("q", q, "Q")
    chart = _decomposition(w)
    qtbot.wait(50)  # laid out anew (the caption under it may have changed height)
    shown = _names_shown(chart)
    assert set(shown) == {"H(P)", "H(Q)", "D(P‖Q)", "D(Q‖P)"}, shown
    vb = chart.getPlotItem().vb
    vb_rect = chart.mapFromScene(vb.mapRectToScene(vb.boundingRect())).boundingRect()
    rects = list(shown.values())
    for name, r in shown.items():
        assert vb_rect.adjusted(-1, -1, 1, 1).contains(r.toRect()), (name, r, vb_rect)
    for i, a in enumerate(rects):  # no two names on top of each other
        for b in rects[i + 1:]:
            assert not a.intersects(b), shown


# -- 3. a press without movement selects a bar and changes nothing -----------------------------
def _click(chart, x, y):
    vp = chart.viewport()
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    pos = data_to_viewport(chart, x, y)
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, pos, left, left)
    _send(vp, QtCore.QEvent.Type.MouseMove, pos, none, left)  # a move to the same pixel is no movement
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, pos, left, none)


@pytest.mark.parametrize("name,index", [("plot_p", 2), ("plot_q", 0)])
def test_a_click_selects_a_bar_without_changing_it(window, qtbot, name, index):
    chart = window.findChild(pg.PlotWidget, name)
    before = (np.array(window.model.discrete.p), np.array(window.model.discrete.q))
    steps = window.model.undo_stack.count()
    h = (before[0] if name == "plot_p" else before[1])[index]
    _click(chart, index, h * 0.3 + 0.02 * chart.value_top)  # well away from the bar's top
    assert np.array_equal(window.model.discrete.p, before[0])
    assert np.array_equal(window.model.discrete.q, before[1])
    assert window.model.undo_stack.count() == steps
    assert chart.selected == (0, index) and chart.hasFocus()
    # the arrow keys now act on that bar
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Up)
    which = 0 if name == "plot_p" else 1
    after = np.array(window.model.discrete.p if which == 0 else window.model.discrete.q)
    assert after[index] == pytest.approx(before[which][index] + 0.01, abs=1e-12)


def test_overlay_click_selects_the_series_under_the_cursor(window, qtbot):
    window.model.set_overlay(True)
    chart = window.page_discrete.plot_overlay
    _settle(qtbot, chart)
    before = np.array(window.model.discrete.q)
    _click(chart, 1 + 0.2, 0.01)
    assert chart.selected == (1, 1)
    assert np.array_equal(window.model.discrete.q, before)


def test_decomposition_axis_does_not_jump_when_a_drag_ends(window, qtbot):
    chart = window.findChild(pg.PlotWidget, "plot_p")
    deco = window.findChild(pg.PlotWidget, "plot_decomposition")
    ranges = []
    chart.dragMoved.connect(lambda *_: ranges.append(tuple(deco.getPlotItem().vb.viewRange()[0])))
    p1 = window.model.discrete.p[1]
    # up to nearly all the mass and back: KL grows and shrinks in one drag (before, the scale held
    # its largest size to the end of the drag, then snapped back)
    vp, left, none = chart.viewport(), QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    path = [p1] + list(np.linspace(p1, 0.99, 8)) + list(np.linspace(0.99, p1, 8))
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, data_to_viewport(chart, 1, path[0]), left, left)
    for y in path[1:]:
        _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(chart, 1, y), none, left)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, data_to_viewport(chart, 1, path[-1]), left, none)
    qtbot.wait(20)
    assert tuple(deco.getPlotItem().vb.viewRange()[0]) == ranges[-1]
    assert max(r[1] for r in ranges) > ranges[-1][1]  # the scale followed the drag, both ways


# -- 4. out-of-range input says what happened -----------------------------------------------------
def _type_into(qtbot, spin, text):
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), QtCore.Qt.Key.Key_Return)


@pytest.mark.parametrize("typed,expected,words", [("500", 100, ("500", "maximum", "100")),
                                                   ("1", 2, ("1", "minimum", "2"))])
def test_typing_too_many_categories_says_so(window, qtbot, typed, expected, words):
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    _type_into(qtbot, spin, typed)
    assert spin.value() == expected and window.model.discrete.n == expected
    message = window.statusBar().currentMessage()
    assert message.startswith("Categories:") and all(wd in message for wd in words), message
    assert QtWidgets.QToolTip.isVisible() and QtWidgets.QToolTip.text() == message


def test_typing_in_range_says_nothing(window, qtbot):
    window.statusBar().clearMessage()
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    _type_into(qtbot, spin, "7")
    assert window.model.discrete.n == 7 and window.statusBar().currentMessage() == ""


def test_a_slider_spin_says_when_it_clamps(window, qtbot):
    window.tabs.setCurrentWidget(window.page_continuous)
    spin = window.findChild(QtWidgets.QDoubleSpinBox, "spin_sigma_p")
    lo = spin.minimum()
    _type_into(qtbot, spin, "-3")
    assert spin.value() == lo and window.model.continuous_params("p")["sigma"] == pytest.approx(lo)
    message = window.statusBar().currentMessage()
    assert "-3" in message and "minimum" in message and f"{lo:.6g}" in message, message
    hi = spin.maximum()
    _type_into(qtbot, spin, "1e9")
    assert spin.value() == hi
    assert "1e9" in window.statusBar().currentMessage() and "maximum" in window.statusBar().currentMessage()


# -- 5. mixture components named; subscripts real; the unit-variance bar labelled -------------------
def _continuous(window):
    window.tabs.setCurrentWidget(window.page_continuous)
    return window.page_continuous


def _label_of(page, which, name):
    return page.controls[(which, name)].label.text().replace("&", "")


def test_mixture_controls_name_the_components(window, qtbot):
    page = _continuous(window)
    assert "μ₁" not in _label_of(page, "p", "mu") and _label_of(page, "p", "mu").endswith("μ")
    page.check_mixture_p.setChecked(True)
    assert _label_of(page, "p", "mu").endswith("μ₁") and _label_of(page, "p", "sigma").endswith("σ₁")
    assert _label_of(page, "p", "mu2").endswith("μ₂") and _label_of(page, "p", "sigma2").endswith("σ₂")
    assert "w" in _label_of(page, "p", "weight").split()
    assert "μ₁" in page.controls[("p", "mu")].spin.toolTip()
    assert "μ₁" not in _label_of(page, "q", "mu")  # Q is still a Normal
    window.model.undo_stack.undo()
    assert _label_of(page, "p", "mu").endswith("μ")


def test_no_underscore_subscripts_in_the_continuous_controls(window, qtbot):
    page = _continuous(window)
    page.check_unit_variance.setChecked(True)
    texts = []
    for w in page.findChildren(QtWidgets.QWidget):
        if isinstance(w, (QtWidgets.QLabel, QtWidgets.QAbstractButton)):
            texts.append((w.objectName(), w.text()))
        if isinstance(w, QtWidgets.QGroupBox):
            texts.append((w.objectName(), w.title()))
    for ctl in page.controls.values():
        texts += [(ctl.spin.objectName(), ctl.spin.toolTip()), (ctl.label.text(), ctl.label.toolTip())]
    texts += [(n, page.findChild(QtWidgets.QWidget, n).toolTip())
              for n in ("check_unit_variance_q", "bar_mse_terms", "normal_value_mse")]
    bad = [(n, t) for n, t in texts if "_P" in t or "_Q" in t or "_p" in t or "_q" in t]
    assert not bad, bad


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_unit_variance_bar_is_labelled_in_the_app_colours(window, qtbot, theme_name):
    from klviz import style

    window.findChild(QtGui.QAction, f"action_theme_{theme_name}").trigger()
    try:
        page = _continuous(window)
        page.check_unit_variance.setChecked(True)
        qtbot.wait(10)
        bar = page.findChild(QtWidgets.QWidget, "bar_mse_terms")
        dark = theme_name == "dark"
        assert bar.colors()[1] == (style.P_DARK if dark else style.P_COLOR)  # P's own spread: P's colour
        assert bar.colors()[2] == style.KL_COLOR  # the squared error is part of D(P‖Q)
        legend = bar.findChild(QtWidgets.QLabel, "bar_mse_legend")
        assert legend.isVisible()
        plain = QtGui.QTextDocumentFragment.fromHtml(legend.text()).toPlainText()
        for words in ("½ log 2π", "σP²", "(μP − μQ)²", "squared error"):
            assert words in plain, plain
        # the words read on the window (AA); the swatches keep the chart colours
        import re
        window_bg = QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window).name()
        inks = re.findall(r"color:(#[0-9A-Fa-f]{6})'>[^■<]", legend.text())
        assert len(inks) == 3
        assert all(style.contrast_ratio(c, window_bg) >= 4.5 for c in inks), inks
        # and the bar draws them: the middle of the error segment is purple
        window.model.set_continuous_param("q", "mu", 3.0)
        qtbot.wait(10)
        terms = bar._terms
        img = bar.bar.grab().toImage()
        x = int(img.width() * (terms[0] + terms[1] + terms[2] / 2) / sum(terms))
        assert img.pixelColor(x, img.height() // 2).name().upper() == style.KL_COLOR
    finally:
        window.findChild(QtGui.QAction, "action_theme_light").trigger()


# -- 6. presentation mode: large readouts where the screen allows, everything scaled ------------------
PRESENT_CHILD = r"""
import json, sys
from PySide6 import QtGui, QtWidgets
app = QtWidgets.QApplication([])
from klviz.gui import create_main_window
w = create_main_window()
w.show()
w.lesson  # built (hidden unless asked for): its fonts follow once it is opened
w.action_lesson.setChecked(sys.argv[1] == "lesson")
app.processEvents()
names = ["value_entropy_p", "value_kl_pq", "lesson_formula", "combo_lesson_step", "combo_unit"]
def sizes():
    return {n: QtGui.QFontInfo(w.findChild(QtWidgets.QWidget, n).font()).pixelSize() for n in names}
normal = sizes()
w.findChild(QtGui.QAction, "action_presentation").trigger()
# closed, the panel keeps its type until it is opened, or until the idle turns after the new look
hidden_lesson = {n: v for n, v in sizes().items() if n.startswith(("lesson", "combo_lesson"))}
app.processEvents()
m, g = w.minimumSizeHint(), w.screen().geometry()
presenting = sizes()
if sys.argv[1] != "lesson":  # a hidden panel takes the large type when it is opened
    w.action_lesson.setChecked(True)
    app.processEvents()
    presenting.update({n: v for n, v in sizes().items() if n in hidden_lesson})
print(json.dumps({"normal": normal, "presenting": presenting, "minimum": [m.width(), m.height()],
                  "hidden_lesson": hidden_lesson if sys.argv[1] != "lesson" else None,
                  "screen": [g.width(), g.height()], "window": [w.width(), w.height()]}))
"""


def _present(tmp_path, screen, lesson=False):
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / f"screen-{screen[0]}x{screen[1]}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0,
                                               "width": screen[0], "height": screen[1]}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", PRESENT_CHILD, "lesson" if lesson else "-"], env=env,
                         capture_output=True, text=True, timeout=180, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lesson", [False, True])
def test_presentation_readouts_grow_on_a_full_hd_screen(tmp_path, lesson):
    r = _present(tmp_path, (1920, 1080), lesson)
    normal, big = r["normal"], r["presenting"]
    for name in ("value_entropy_p", "value_kl_pq"):
        assert big[name] >= 1.4 * normal[name], (name, normal, big)
    # everything else grows with them: the lesson's live formula and the combo boxes too
    for name in ("lesson_formula", "combo_lesson_step", "combo_unit"):
        assert big[name] >= 1.4 * normal[name], (name, normal, big)
    assert r["minimum"][0] <= 1920 and r["minimum"][1] <= 1080 and r["window"] == [1920, 1080]
    if not lesson:  # closed, the panel kept its type (F11 restyles only what is shown) until opened
        assert r["hidden_lesson"] == {n: normal[n] for n in r["hidden_lesson"]}, r
    print(f"1920×1080, lesson {lesson}: readout {normal['value_entropy_p']} px -> {big['value_entropy_p']} px")


def test_presentation_on_a_projector_is_as_large_as_fits(tmp_path):
    r = _present(tmp_path, (1024, 768))
    normal, big = r["normal"], r["presenting"]
    assert big["value_entropy_p"] >= normal["value_entropy_p"]  # never below the normal size
    assert r["minimum"][0] <= 1024 and r["minimum"][1] <= 768, r  # and nothing forced off screen
    print(f"1024×768: readout {normal['value_entropy_p']} px -> {big['value_entropy_p']} px, minimum {r['minimum']}")


# -- 7. a full bar's value label is never cut by the plot's top -----------------------------------
def _hosted_chart(qtbot, series, height, title=""):
    """A BarChart filling a plain window `height` px tall, as in the app (closing a top-level
    PlotWidget drops its plot item while events may still reach it)."""
    from klviz.gui.widgets.bar_chart import BarChart

    host = QtWidgets.QWidget()
    qtbot.addWidget(host)
    layout = QtWidgets.QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    chart = BarChart(series, title=title)
    layout.addWidget(chart)
    host.resize(420, height)
    with qtbot.waitExposed(host):
        host.show()
    return host, chart


def _label_rects(chart):
    """{text: rect in viewport pixels} of the value labels the chart draws (line height)."""
    layer = chart._value_labels
    metrics = QtGui.QFontMetricsF(layer._font)
    placed = layer.placements(layer.deviceTransform(chart.viewportTransform()))
    return [QtCore.QRectF(top_left, QtCore.QSizeF(st.size().width(), metrics.height())) for top_left, st in placed]


@pytest.mark.parametrize("fit", [True, False])
@pytest.mark.parametrize("height", [150, 180, 240])
def test_a_full_bars_value_label_has_room_under_the_plot_top(qtbot, fit, height):
    from klviz.gui.widgets.bar_chart import Series

    # the Losses › Categorical chart of a one-hot target (y at 1.00) and its softmax, as short as
    # it is at 1024×768 in presentation mode
    _, chart = _hosted_chart(qtbot, [Series("y", "#0072B2", -0.2, 0.38), Series("f", "#E69F00", 0.2, 0.38)],
                             height, title="y and f")
    chart.set_value_fit(fit)
    chart.set_data(["0", "1", "2", "3"], [[1.0, 0.0, 0.0, 0.0], [0.64, 0.23, 0.10, 0.03]])
    qtbot.wait(20)
    _settle(qtbot, chart)
    vb = chart.getPlotItem().vb
    plot = chart.mapFromScene(vb.mapRectToScene(vb.boundingRect())).boundingRect()
    rects = _label_rects(chart)
    assert len(rects) == 8  # none left out
    top_label = min(rects, key=lambda r: r.top())
    # the whole label inside the plot, with room to spare above it (it was cut in half at 150 px)
    assert top_label.top() >= plot.top() + 2, (top_label, plot, vb.viewRange()[1])
    assert all(plot.contains(r.toRect().adjusted(0, 0, 0, -1)) or r.bottom() > plot.bottom() - 1 for r in rects)
    # and the bars still start at zero with the same room for the selection mark under them
    lo, hi = vb.viewRange()[1]
    assert lo == pytest.approx(-0.08 * chart.value_top) and hi > 1.1 * chart.value_top - 1e-9


def test_a_tall_charts_value_axis_keeps_its_tenth_of_headroom(qtbot):
    from klviz.gui.widgets.bar_chart import Series

    host, chart = _hosted_chart(qtbot, [Series("P", "#0072B2")], 400)
    chart.set_value_fit(False)
    chart.set_data(["a", "b", "c"], [[1.0, 0.0, 0.0]])
    qtbot.wait(20)
    assert chart.getPlotItem().vb.viewRange()[1] == pytest.approx([-0.08, 1.1])
    # shorter, the room above grows; taller again, it is the tenth again
    host.resize(420, 150)
    qtbot.wait(20)
    assert _y_top(chart) > 1.15
    host.resize(420, 400)
    qtbot.wait(20)
    assert _y_top(chart) == pytest.approx(1.1)


@pytest.mark.parametrize("height", [90, 120, 160, 400])
def test_the_zero_to_one_ticks_never_run_together(qtbot, height):
    """On 0-1 the value axis names the quarters where there is room; on a short chart (the
    Categorical panel's at 1024×768 F11, its plot about 70 px under a two-line title) 0.75 and
    0.5 overlapped: then the halves or the ends."""
    from fit_check import axis_draw_specs, tick_problems
    from klviz.gui.widgets.bar_chart import Series

    host, chart = _hosted_chart(qtbot, [Series("P", "#0072B2")], 400)
    chart.setMinimumSize(220, 0)  # (squeezed as the page squeezes it, under its title)
    host.layout().activate()
    host.resize(420, height)
    chart.set_value_fit(False)
    font = QtGui.QFont()
    font.setPointSizeF(9.0 * 1.6)  # presentation type
    axis = chart.getPlotItem().getAxis("left")
    axis.setStyle(tickFont=font)
    chart.set_data(["a", "b", "c"], [[1.0, 0.0, 0.0]])
    qtbot.wait(20)
    assert chart.height() == height
    assert tick_problems(chart, "chart") == []
    # and not touching: each label's line height apart, centre to centre, as drawn
    specs = axis_draw_specs(axis)
    centres = sorted(r.center().y() for r, _, t in specs[2] if t)
    line = QtGui.QFontMetricsF(font).height()
    assert all(b - a >= line for a, b in zip(centres, centres[1:])), (centres, line)
    ticks = [v for v, _ in axis._tickLevels[0]]
    assert ticks[0] == 0 and ticks[-1] == 1.0
    if height >= 400:
        assert ticks == [0, 0.25, 0.5, 0.75, 1.0]
