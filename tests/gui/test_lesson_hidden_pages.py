"""A lesson step's scene redraws the tab in view at once; the tabs not in view wait until they are
shown (klviz.gui.pages.lazy). Once shown they read what an immediate refresh reads, with the
right numbers (scipy references); every other change still updates hidden pages at once."""

import math
import re

import numpy as np
import pytest
from PySide6 import QtWidgets
from scipy.special import expit
from scipy.stats import entropy as sp_entropy
from scipy.stats import norm

from klviz import lesson
from klviz.gui.pages.lazy import WhenShown, ensure_fresh, hidden_pages_wait

STEP = {s.key: i for i, s in enumerate(lesson.STEPS)}


def open_lesson(window):
    window.findChild(type(window.action_lesson), "action_lesson").trigger()
    return window.lesson


def label(window, name):
    w = window.findChild(QtWidgets.QLabel, name)
    assert w is not None, name
    return w.text()


def number(window, name):
    """The first decimal number the label shows (a minus sign may be U+2212)."""
    found = re.findall(r"[-\u2212]?\d+\.\d+", re.sub("<[^>]+>", " ", label(window, name)))[0]
    return float(found.replace("\u2212", "-"))


def texts(page):
    """Every label's text on the page (what a refresh writes), in a fixed order."""
    return [(w.objectName(), w.text()) for w in page.findChildren(QtWidgets.QLabel)]


def stale(widget):
    found = widget.findChild(WhenShown)
    return found is not None and found.stale


def test_hidden_continuous_page_shows_the_new_unit_when_shown(window):
    panel = open_lesson(window)
    panel.go(STEP["normal"])  # Continuous tab: P = N(0, 0.2), nats
    page = window.page_continuous
    h_nats = norm(0.0, 0.2).entropy()
    assert number(window, "normal_value_entropy_p") == pytest.approx(h_nats, rel=1e-3)
    panel.go(STEP["entropy"])  # the Discrete tab, in bits: the Continuous tab is hidden
    assert window.tabs.currentWidget() is window.page_discrete
    assert stale(page)  # it waited: its labels still read nats
    assert "nats" in label(window, "normal_value_entropy_p")
    window.tabs.setCurrentWidget(page)
    assert not stale(page)
    assert number(window, "normal_value_entropy_p") == pytest.approx(h_nats / math.log(2), rel=1e-3)
    assert "bits" in label(window, "normal_value_entropy_p")
    shown = texts(page)
    page.refresh()  # an eager refresh writes the very same
    assert texts(page) == shown


def test_hidden_losses_panel_shows_the_new_unit_when_shown(window):
    panel = open_lesson(window)
    panel.go(STEP["bce"])  # Losses tab, Bernoulli: y = 1, z = -0.5, nats
    bce_nats = -math.log(expit(-0.5))
    assert number(window, "loss_value_bce") == pytest.approx(bce_nats, rel=1e-3)
    panel.go(STEP["entropy"])  # bits, on the Discrete tab
    bernoulli = window.page_losses.bernoulli
    assert stale(bernoulli)
    window.tabs.setCurrentWidget(window.page_losses)
    assert not stale(bernoulli)
    assert number(window, "loss_value_bce") == pytest.approx(bce_nats / math.log(2), rel=1e-3)
    shown = texts(bernoulli)
    bernoulli.refresh()
    assert texts(bernoulli) == shown


def test_hidden_joint_page_shows_the_new_unit_when_shown(window):
    panel = open_lesson(window)
    panel.go(STEP["joint"])  # the Joint tab in bits
    grid = np.array(window.model.joint.grid, dtype=float)
    hx_bits = sp_entropy(grid.sum(axis=1), base=2)
    assert number(window, "joint_readout_entropy_x") == pytest.approx(hx_bits, rel=1e-3)
    panel.go(STEP["normal"])  # nats, on the Continuous tab
    page = window.page_joint
    window.tabs.setCurrentWidget(page)
    assert "nats" in label(window, "joint_readout_entropy_x")
    assert number(window, "joint_readout_entropy_x") == pytest.approx(sp_entropy(grid.sum(axis=1)), rel=1e-3)


def test_hidden_discrete_page_shows_the_new_pair_when_shown(window):
    panel = open_lesson(window)
    panel.go(STEP["asymmetry"])  # the Discrete tab: three categories, nats
    page = window.page_discrete
    calls = []
    refresh = page.refresh
    page.refresh = lambda: (calls.append(1), refresh())
    panel.go(STEP["codes"])  # the Coding tab: four categories in bits, the Discrete tab hidden
    assert calls == [] and stale(page)
    window.tabs.setCurrentWidget(page)
    assert calls == [1]  # drawn once, for P, Q and the unit together
    d = window.model.discrete
    assert d.n == 4 and window.model.unit == "bits"
    assert number(window, "value_entropy_p") == pytest.approx(sp_entropy(d.p, base=2), rel=1e-3)
    assert page.spin_categories.value() == 4
    shown = texts(page)
    refresh()
    assert texts(page) == shown


def test_a_scene_for_the_tab_in_view_draws_it_once(window):
    panel = open_lesson(window)
    panel.go(STEP["asymmetry"])  # nats, three categories
    page = window.page_discrete
    calls = []
    refresh = page.refresh
    page.refresh = lambda: (calls.append(1), refresh())
    panel.go(STEP["entropy"])  # P, Q and the unit change at once, on the tab in view
    assert calls == [1]
    d = window.model.discrete
    assert number(window, "value_entropy_p") == pytest.approx(sp_entropy(d.p, base=2), rel=1e-3)


def test_every_step_then_every_tab_reads_as_an_eager_refresh(window):
    panel = open_lesson(window)
    pages = {"discrete": window.page_discrete, "continuous": window.page_continuous,
             "joint": window.page_joint}
    losses = window.page_losses
    losses.ensure_built()
    for i in range(len(lesson.STEPS)):
        panel.go(i)
        for name, page in pages.items():
            window.tabs.setCurrentWidget(page)
            shown = texts(page)
            (page._draw if name == "joint" else page.refresh)()
            assert texts(page) == shown, (lesson.STEPS[i].key, name)
        window.tabs.setCurrentWidget(losses)
        for k, sub in enumerate((losses.bernoulli, losses.categorical, losses.normal)):
            losses.panels.setCurrentIndex(k)
            shown = texts(sub)
            sub.refresh()
            assert texts(sub) == shown, (lesson.STEPS[i].key, k)


def test_changes_outside_a_scene_update_hidden_pages_at_once(window):
    """A control, Undo or a file: a program reading a hidden tab finds it up to date."""
    assert window.tabs.currentWidget() is window.page_discrete
    window.model.set_unit("bits")
    assert not stale(window.page_continuous)
    assert "bits" in label(window, "normal_value_entropy_p")


def test_ensure_fresh_brings_a_hidden_page_up_to_date(window):
    page = window.page_continuous
    with hidden_pages_wait():
        window.model.set_unit("bits")
    assert stale(page) and "nats" in label(window, "normal_value_entropy_p")
    ensure_fresh(page)
    assert not stale(page) and "bits" in label(window, "normal_value_entropy_p")
    # a later update of it brings the ones that waited with it
    with hidden_pages_wait():
        window.model.set_unit("nats")
    assert stale(page)
    window.model.set_continuous_param("p", "sigma", 0.5)
    assert not stale(page)
    text = label(window, "normal_value_entropy_p")
    assert "nats" in text
    assert float(text.split()[0]) == pytest.approx(norm(0.0, 0.5).entropy(), rel=1e-3)


def test_a_hidden_window_updates_its_pages_at_once(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window()
    qtbot.addWidget(w)  # never shown
    with hidden_pages_wait():
        w.model.set_unit("bits")
    assert not stale(w.page_continuous)
    assert "bits" in label(w, "normal_value_entropy_p")
