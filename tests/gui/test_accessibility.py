"""Accessibility (issue 16): names, live descriptions, keyboard announcements, tab order."""

import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from scipy import stats

from klviz.gui.accessibility import THROTTLE_MS

NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?")


def _all_built(window, qtbot):
    """Every tab built and shown once (the Losses sub-tabs too), the lesson dock open."""
    window.finish_building()
    for k in range(window.tabs.count()):
        window.tabs.setCurrentIndex(k)
        qtbot.wait(1)
    for inner in window.findChildren(QtWidgets.QTabWidget):
        for k in range(inner.count()):
            inner.setCurrentIndex(k)
            qtbot.wait(1)
    window.action_lesson.trigger()
    qtbot.waitUntil(lambda: window.lesson.isVisible())
    window.page_discrete.plot_overlay  # the chart built on first use
    qtbot.wait(5)


def _focusable(window):
    return [w for w in window.findChildren(QtWidgets.QWidget)
            if w.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus and not w.isWindow()]


def test_every_focusable_widget_has_an_accessible_name(window, qtbot):
    _all_built(window, qtbot)
    widgets = _focusable(window)
    assert len(widgets) > 100  # the walk really sees the tabs, the panels and the dock
    assert window.lesson.isAncestorOf(widgets[-1]) or any(window.lesson.isAncestorOf(w) for w in widgets)
    missing = [(type(w).__name__, w.objectName()) for w in widgets if not w.accessibleName().strip()]
    assert missing == []
    # what assistive technology reads goes through Qt's interface: the same names
    for w in widgets:
        iface = QtGui.QAccessible.queryAccessibleInterface(w)
        if iface is not None and iface.isValid():
            assert iface.text(QtGui.QAccessible.Text.Name).strip(), (type(w).__name__, w.objectName())


def test_charts_readouts_and_controls_of_every_kind_are_named(window, qtbot):
    _all_built(window, qtbot)
    kinds = (pg.PlotWidget, QtWidgets.QAbstractSlider, QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox,
             QtWidgets.QCheckBox, QtWidgets.QAbstractButton, QtWidgets.QLineEdit)
    for kind in kinds:
        found = window.findChildren(kind)
        assert found, kind
        for w in found:
            assert w.accessibleName().strip(), (kind.__name__, w.objectName())
    readouts = [w for w in window.findChildren(QtWidgets.QLabel) if w.property("role") == "readout-value"]
    assert len(readouts) >= 7
    for w in readouts:
        assert w.accessibleName().strip()


def test_names_come_from_the_generic_rules(window, qtbot):
    p = window.page_discrete
    assert p.spin_categories.accessibleName() == "Categories"  # the buddy "Cate&gories", no '&'
    assert p.button_swap.accessibleName() == "Swap P ⇄ Q"  # the button's "S&wap P ⇄ Q"
    assert p.button_labels.accessibleName() == "Edit labels"  # "Edit &labels…"
    assert p.plot_p.accessibleName() == "P"  # the chart's title
    assert p.readouts.values["kl_pq"].accessibleName() == "D(P‖Q)"  # the readout's name
    assert window.page_continuous.plot_densities.accessibleName() == "Densities"  # its caption


def _wait_throttle(qtbot):
    qtbot.wait(THROTTLE_MS + 150)


def test_descriptions_hold_the_current_values_and_follow_changes(window, qtbot):
    p = window.page_discrete
    _wait_throttle(qtbot)
    d = window.model.discrete
    desc = p.plot_p.accessibleDescription()
    assert desc.startswith("P: ")
    for label, value in zip(d.labels, d.p):
        assert f"{label} {value:.2f}" in desc
    h = p.readouts.values["entropy_p"].accessibleDescription()
    assert h.startswith("H(P) ") and h.endswith(" nats")
    assert float(NUMBER.search(h[4:]).group()) == pytest.approx(stats.entropy(d.p), rel=1e-3)

    before_p, before_h = desc, h
    window.model.set_distribution("p", np.array([0.1, 0.4, 0.5] + [0.0] * (d.n - 3)), "test")
    qtbot.wait(1)
    assert p.plot_p.accessibleDescription() == before_p  # throttled: not yet
    _wait_throttle(qtbot)
    d = window.model.discrete
    desc = p.plot_p.accessibleDescription()
    assert desc != before_p and f"{d.labels[1]} 0.40" in desc and f"{d.labels[2]} 0.50" in desc
    h = p.readouts.values["entropy_p"].accessibleDescription()
    assert h != before_h
    assert float(NUMBER.search(h[4:]).group()) == pytest.approx(stats.entropy([0.1, 0.4, 0.5]), rel=1e-3)
    # a chart drawn from the same change: the pointwise terms p·log(p/q)
    terms = p.pointwise.accessibleDescription()
    q = d.q
    expected = 0.4 * np.log(0.4 / q[1])
    assert f"{d.labels[1]} {expected:.3f}".replace("-", "−") in terms


def test_quiz_mode_descriptions_hide_every_number(window, qtbot):
    _all_built(window, qtbot)
    acc = window.accessibility
    charts, readouts = acc._charts, acc._readouts
    assert len(charts) >= 10 and len(readouts) >= 20
    open_values = {w: w.accessibleDescription() for w in charts + readouts}
    window.presentation.set_quiz(True)
    qtbot.wait(5)  # at once, not after the throttle
    p = window.page_discrete
    for w in [p.plot_p, p.plot_q, p.plot_overlay, p.pointwise, p.decomposition] + readouts:
        rest = w.accessibleDescription().replace(w.accessibleName(), "")  # "½ log(2πσ²)" is a name
        assert not re.search(r"\d", rest), (w.objectName(), w.accessibleDescription())
    for w in charts + readouts:
        desc = w.accessibleDescription()
        assert "hidden" in desc, (w.objectName(), desc)
        shown = set(NUMBER.findall(open_values[w])) - set(NUMBER.findall(w.accessibleName()))
        shown = {n for n in shown if "." in n}  # values, not class labels such as "0" or "1"
        assert not shown & set(NUMBER.findall(desc)), (w.objectName(), desc)
    window.model.nudge("p", 0, 0.05)
    _wait_throttle(qtbot)
    assert not re.search(r"\d", p.plot_p.accessibleDescription())
    window.presentation.set_quiz(False)
    qtbot.wait(5)
    assert re.search(r"\d\.\d\d", p.plot_p.accessibleDescription())


def test_keyboard_editing_of_a_bar_announces_its_new_value(window, qtbot, monkeypatch):
    events = []
    real = QtGui.QAccessible.updateAccessibility

    def record(ev):
        events.append((ev.type(), ev.object(), getattr(ev, "value", lambda: None)()))
        real(ev)

    monkeypatch.setattr(QtGui.QAccessible, "updateAccessibility", record)
    chart = window.page_discrete.plot_p
    window.activateWindow()
    chart.setFocus()
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(chart, QtCore.Qt.Key.Key_Up)
    d = window.model.discrete
    said = f"P({d.labels[1]}) {d.p[1]:.2f}"
    # at once (the next turn of the event loop), not after the throttle
    qtbot.waitUntil(lambda: window.accessibility.last_announcement == said, timeout=THROTTLE_MS // 2)
    assert chart.accessibleDescription().startswith(said + ". P: ")
    _wait_throttle(qtbot)  # the throttled description of the same change keeps the beginning
    assert chart.accessibleDescription().startswith(said + ". P: ")
    E = QtGui.QAccessible.Event
    mine = [(t, v) for t, o, v in events if o is chart]
    assert (E.DescriptionChanged, None) in [(t, None) for t, _ in mine]
    values = [v for t, v in mine if t == E.ValueChanged]
    assert values and values[-1] == pytest.approx(d.p[1])


def _chain(page):
    """The widgets Tab visits on a page, in order (visible, enabled, taking Tab focus)."""
    seq, x = [], page.nextInFocusChain()
    for _ in range(20000):
        if x is page:
            break
        if (page.isAncestorOf(x) and x.isVisible() and x.isEnabled() and x.focusProxy() is None
                and x.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus):
            seq.append(x)
        x = x.nextInFocusChain()
    return seq


def _backwards(page, a, b, tol=4):
    """Does Tab going from a to b step against the reading order (up, or back left in a row)?"""
    ra = QtCore.QRect(a.mapTo(page, QtCore.QPoint(0, 0)), a.size())
    rb = QtCore.QRect(b.mapTo(page, QtCore.QPoint(0, 0)), b.size())
    if ra.contains(rb):  # into a panel
        return False
    if rb.left() >= ra.right() - tol:  # the next one in the row, or a new column on the right
        return False
    if rb.top() >= ra.bottom() - tol:  # the next row
        return False
    return not (abs(rb.top() - ra.top()) <= tol and rb.left() >= ra.left())


def test_tab_order_follows_the_layout_on_every_tab(window, qtbot):
    window.finish_building()
    pages = []
    for k in range(window.tabs.count()):
        window.tabs.setCurrentIndex(k)
        page = window.tabs.widget(k)
        inner = page.findChildren(QtWidgets.QTabWidget)
        for sub in inner or [None]:
            for j in range(sub.count() if sub else 1):
                if sub:
                    sub.setCurrentIndex(j)
                qtbot.wait(5)
                chain = _chain(page)
                assert len(chain) >= 5, page.objectName()
                bad = [(a.objectName() or type(a).__name__, b.objectName() or type(b).__name__)
                       for a, b in zip(chain, chain[1:]) if _backwards(page, a, b)]
                assert bad == [], page.objectName()
                pages.append(page.objectName())
    assert {"page_discrete", "page_continuous", "page_losses"} <= set(pages)
    # the Continuous tab: its controls panel, then the charts, then the measures on the right
    window.tabs.setCurrentWidget(window.page_continuous)
    qtbot.wait(5)
    order = [w.objectName() for w in _chain(window.page_continuous)]
    assert order.index("spin_mu_p") < order.index("plot_densities") < order.index("scroll_continuous_measures")


def test_splits_restacked_together_fix_the_tab_order_once_on_their_page(window, qtbot, monkeypatch):
    """F11 restacks several splits in one turn: one tab-order fix follows, for their pages only
    (each split asked for the whole window's, ~5 ms each, in the turn after F11)."""
    from klviz.gui import accessibility
    from klviz.gui.widgets.reflow import ReflowSplitter

    window.finish_building()
    qtbot.wait(5)
    calls = []
    real = accessibility.fix_tab_order
    monkeypatch.setattr(accessibility, "fix_tab_order", lambda w, within=None: (calls.append(within), real(w, within))[1])
    splits = window.findChildren(ReflowSplitter)
    assert len(splits) >= 4
    for split in splits:
        split.stackedChanged.emit(split.stacked())
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)
    qtbot.wait(20)
    assert len(calls) == 1
    assert set(map(id, calls[0])) == set(map(id, splits))
    # one page's split: that page's order is put back, another page's is left for its own
    d, c = window.page_discrete, window.page_continuous
    QtWidgets.QWidget.setTabOrder(d.plot_q, d.plot_p)
    QtWidgets.QWidget.setTabOrder(c.findChild(QtWidgets.QWidget, "plot_densities"), c.findChild(QtWidgets.QWidget, "spin_mu_p"))
    [s for s in splits if d.isAncestorOf(s)][0].stackedChanged.emit(True)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)
    names = [w.objectName() for w in _chain(d)]
    assert names.index("plot_p") < names.index("plot_q")
    window.tabs.setCurrentWidget(c)  # (the chain lists what is shown)
    qtbot.wait(5)
    names = [w.objectName() for w in _chain(c)]
    assert names.index("plot_densities") < names.index("spin_mu_p")  # not this page's split


def test_the_descriptions_cost_one_timer_restart_per_drag_frame(window, qtbot):
    """A drag frame pays for a restart of the timer only: nothing is described until it rests."""
    acc = window.accessibility
    calls = []
    acc._timer.timeout.disconnect(acc._describe_if_resting)
    acc._timer.timeout.connect(lambda: calls.append(1))
    for k in range(30):
        window.model.set_probability("p", 0, 0.1 + 0.01 * k)
        QtWidgets.QApplication.processEvents()
    assert calls == []
    _wait_throttle(qtbot)
    assert calls == [1]


def test_a_scrambled_tab_order_is_put_back_in_layout_order(window, qtbot):
    p = window.page_discrete
    QtWidgets.QWidget.setTabOrder(p.pointwise, p.spin_categories)  # the tool bar's first control last
    QtWidgets.QWidget.setTabOrder(p.plot_q, p.plot_p)
    chain = _chain(p)
    assert any(_backwards(p, a, b) for a, b in zip(chain, chain[1:]))  # the check sees it
    window.accessibility.rescan()
    chain = _chain(p)
    assert [w.objectName() for w in chain[:2]] == ["spin_categories", "button_preset_p"]
    assert not any(_backwards(p, a, b) for a, b in zip(chain, chain[1:]))
    names = [w.objectName() for w in chain]
    assert names.index("check_overlay") < names.index("plot_p") < names.index("plot_q") < names.index("plot_pointwise")


def test_a_drag_is_described_when_it_ends_not_while_it_lasts(window, qtbot):
    p = window.page_discrete
    _wait_throttle(qtbot)
    before = p.plot_p.accessibleDescription()
    window.model.begin_gesture("Drag a bar")
    window.model.set_probability("p", 0, 0.7)
    _wait_throttle(qtbot)  # longer than the throttle, but the bar is still held
    assert p.plot_p.accessibleDescription() == before
    window.model.end_gesture()
    _wait_throttle(qtbot)
    d = window.model.discrete
    assert p.plot_p.accessibleDescription() != before
    assert f"{d.labels[0]} {d.p[0]:.2f}" in p.plot_p.accessibleDescription()


def test_text_rules():
    from klviz.gui.accessibility import first_sentence, plain, strip_mnemonic

    assert strip_mnemonic("Cate&gories") == "Categories"
    assert strip_mnemonic("Tom && Jerry") == "Tom & Jerry"
    assert strip_mnemonic("Edit &labels…") == "Edit labels"
    assert strip_mnemonic("Symbols drawn from P:") == "Symbols drawn from P"
    assert plain("<b>Measures</b> (hover&nbsp;a value)") == "Measures (hover a value)"
    assert plain("<b>x</b> &lt;tag&gt;") == "x <tag>"  # an entity is text, decoded once
    assert first_sentence("Number of categories (2 to 100). Drag to change.") == "Number of categories (2 to 100)"
    assert first_sentence("■ P (the blue curve)") == "P (the blue curve)"
    assert first_sentence("Densities ■ P = N(0, 1²)") == "Densities"


def test_a_page_not_yet_in_the_window_is_named_by_the_same_rules(qtbot):
    """The Coding page (wired into the window by another change) needs no explicit name."""
    from klviz.gui.accessibility import name_widgets
    from klviz.gui.pages.coding import CodingPage

    page = CodingPage()
    qtbot.addWidget(page)
    page.show()
    assert name_widgets(page) == []
    focusable = [w for w in page.findChildren(QtWidgets.QWidget)
                 if w.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus]
    assert focusable and all(w.accessibleName().strip() for w in focusable)
