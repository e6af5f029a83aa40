"""The deferred start builds the loss panels and the Continuous and Coding pages a part per
event-loop turn (issue 12: no step of the build holds the window long); what each ends with is
what a build at once gives, and a tab shown in the middle of its parts is finished at once, only
once, and follows the session."""

import pytest
from PySide6 import QtWidgets


def _names(widget):
    return sorted(c.objectName() for c in widget.findChildren(QtWidgets.QWidget) if c.objectName())


def _texts(widget):
    return [lab.text() for lab in widget.findChildren(QtWidgets.QLabel) if lab.objectName()]


@pytest.mark.parametrize("module, name, built_later, least_steps", [
    ("losses_normal", "NormalPanel", "plot_profile", 3),
    ("losses_bernoulli", "BernoulliPanel", "readouts", 2),
    ("losses_categorical", "CategoricalPanel", "readouts", 2)])
def test_a_loss_panel_built_in_parts_is_the_panel_built_at_once(qtbot, module, name, built_later, least_steps):
    import importlib

    from klviz.gui.models.session_model import SessionModel

    panel = getattr(importlib.import_module(f"klviz.gui.pages.{module}"), name)
    model = SessionModel()
    whole = panel(model)
    parts = panel(model, build=False)
    qtbot.addWidget(whole)
    qtbot.addWidget(parts)
    assert not hasattr(parts, built_later)  # only its frame so far
    steps = sum(1 for _ in parts.build_steps())
    assert steps >= least_steps
    assert _names(parts) == _names(whole)
    assert _texts(parts) == _texts(whole) and any(any(c.isdigit() for c in t) for t in _texts(whole))
    # wired once, as the whole one: the unit reaches both alike
    model.set_unit("bits")
    assert _texts(parts) == _texts(whole) and any(t.endswith(" bits") for t in _texts(whole))


def test_the_coding_page_built_in_parts_is_the_page_built_at_once(qtbot):
    from klviz.gui.pages.coding import CodingPage

    whole = CodingPage()
    parts = CodingPage(build=False)
    qtbot.addWidget(whole)
    qtbot.addWidget(parts)
    assert not hasattr(parts, "codewords")
    assert sum(1 for _ in parts.build_steps()) >= 2
    assert _names(parts) == _names(whole)
    assert _texts(parts) == _texts(whole) and any(_texts(whole))
    cells = lambda p: [p.codewords.item(r, c).text() for r in range(p.codewords.rowCount()) for c in range(4)]  # noqa: E731
    assert cells(parts) == cells(whole) and cells(whole)


def _follows_categories(w, page):
    w.model.set_categories(3)  # it follows the Discrete tab's P and Q: three code words
    assert page.codewords.rowCount() == 3


def _follows_unit(w, page):
    w.model.set_unit("bits")  # wired once: the readouts follow
    assert w.findChild(QtWidgets.QLabel, "normal_value_kl_pq").text().endswith("bits")


@pytest.mark.parametrize("key, index, part, follows", [
    ("continuous", 1, "plot_integrands", _follows_unit),
    ("coding", 2, "coding_codewords", _follows_categories)])
def test_a_tab_shown_in_the_middle_of_its_parts_is_finished_once_and_follows(qtbot, key, index, part, follows):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    w.finish_building_in_steps()
    qtbot.waitUntil(lambda: key in w._partial, timeout=20000)
    w.tabs.setCurrentIndex(index)
    page = w.tabs.currentWidget()
    assert page.objectName() == f"page_{key}" and w._partial == {}
    assert w.findChild(QtWidgets.QWidget, part).isVisible()
    qtbot.waitUntil(lambda: w._steps is None, timeout=20000)
    assert w.findChildren(QtWidgets.QWidget, f"page_{key}") == [page]
    follows(w, page)
