"""The app's start (issue 12, "fast start"): `klviz` paints the Discrete tab whole first, builds
the other tabs after that first paint (a part per event-loop turn), and imports the Qt-free
modules the first window needs before Qt. A tab asked for earlier is built at once."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

ROOT = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_startup", ROOT / "benchmarks" / "bench_startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Launched as `klviz` launches (klviz.cli.main([])), with the start-up benchmark's probe: it
# imports nothing before the code under test and wraps QApplication.exec once PySide6.QtWidgets
# is loaded; here it reports the window at the first paint and again once all is built.
REPORT = r"""
import json
report = {}

def qt_free(names):
    return sorted(m for m in names if m.startswith("klviz") and not m.startswith(("klviz.gui", "klviz.cli")))

def snapshot(w):
    import gc
    from PySide6 import QtWidgets
    import pyqtgraph as pg
    tabs = w.tabs
    page = w.page_discrete
    return {
        "tabs": [tabs.widget(k).objectName() for k in range(tabs.count())],
        "current": tabs.currentWidget().objectName(),
        "readouts": {lab.objectName(): lab.text() for lab in page.findChildren(QtWidgets.QLabel)
                     if lab.objectName().startswith("value_") and lab.isVisible()},
        "charts": sorted(p.objectName() for p in page.findChildren(pg.PlotWidget) if p.isVisible()),
        "losses_built": w.page_losses.is_built,
        "named_charts": sorted(p.objectName() for p in w.findChildren(pg.PlotWidget) if p.accessibleName()),
        "chart_menus": sorted(p.objectName() for p in w.findChildren(pg.PlotWidget) if p.property("export_menu")),
        "gc": [gc.isenabled(), gc.get_freeze_count() > 0],
        "modified": w.isWindowModified(),
        "unit": w.model.unit,
    }

def first_paint(w):
    from PySide6 import QtCore

    report["before_qt"] = qt_free(before_qt)
    report["first_paint"] = snapshot(w)
    report["qt_free_at_paint"] = qt_free(sys.modules)

    def poll():
        done = w._steps is None and w.page_losses.is_built and not w.accessibility._held
        if done and not w.accessibility._rescan_timer.isActive():
            timer.stop()
            report["built"] = snapshot(w)
            print(json.dumps(report), flush=True)
            w.close()

    timer = QtCore.QTimer(w)
    timer.timeout.connect(poll)
    timer.start(20)

on_first_paint = first_paint
"""

LATER_PAGES = ["page_continuous", "page_coding", "page_joint"]


def _launch(home, env=None):
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), **(env or {}))
    bench = _bench()
    out = subprocess.run([sys.executable, "-c", bench.PROBE + REPORT + bench.LAUNCH], env=env,
                         cwd=str(home), capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def launch(tmp_path_factory):
    """One real launch (fresh settings); its report at the first paint and once all is built."""
    return _launch(tmp_path_factory.mktemp("startup"))


def test_the_last_session_is_on_the_first_paint(tmp_path):
    """The window is built with the last run's session (in bits here), not the default one
    replaced after: the first paint shows it, and it is not marked modified."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    save = ("from klviz import state as ss; from klviz.gui import settings; "
            "settings.save_last_state(ss.Session().with_(unit='bits'))")
    subprocess.run([sys.executable, "-c", save], env=env, check=True, timeout=60)
    first = _launch(tmp_path)["first_paint"]
    assert first["unit"] == "bits" and not first["modified"]
    assert first["readouts"] and all(text.endswith(" bits") for text in first["readouts"].values()), first["readouts"]


def test_the_first_paint_shows_the_whole_discrete_tab(launch):
    first, built = launch["first_paint"], launch["built"]
    assert first["current"] == "page_discrete"
    assert first["charts"] == ["plot_decomposition", "plot_p", "plot_pointwise", "plot_q"]
    readouts = first["readouts"]
    assert {"value_entropy_p", "value_entropy_q", "value_cross_entropy_pq", "value_kl_pq", "value_kl_qp", "value_js"} <= set(readouts), readouts
    assert all(any(c.isdigit() for c in text) for text in readouts.values()), readouts
    # the values painted first are the ones the finished window shows
    assert {k: built["readouts"][k] for k in readouts} == readouts


def test_the_other_tabs_are_built_after_the_first_paint(launch):
    first, built = launch["first_paint"], launch["built"]
    assert first["tabs"][0] == "page_discrete" and first["tabs"][-1] == "page_losses"
    assert [name.startswith("placeholder_") for name in first["tabs"][1:4]] == [True] * 3, first["tabs"]
    assert not first["losses_built"]
    assert built["tabs"] == ["page_discrete"] + LATER_PAGES + ["page_losses"]
    assert built["losses_built"] and built["current"] == "page_discrete"
    # the garbage collector is off for the start, back on (the start's objects set aside) after it
    assert first["gc"] == [False, False] and built["gc"] == [True, True]
    # what the window gives every chart reaches the later ones too: export menus, accessible names
    assert {"plot_densities", "plot_integrands", "plot_p", "plot_q"} <= set(built["chart_menus"])
    assert {"plot_densities", "plot_integrands", "plot_p", "plot_decomposition"} <= set(built["named_charts"])


def test_the_qt_free_modules_of_the_first_window_come_before_qt(launch):
    """Every Qt-free klviz module loaded by the first paint was imported before PySide6
    (klviz.gui.app.QT_FREE_FIRST is whole)."""
    missing = sorted(set(launch["qt_free_at_paint"]) - set(launch["before_qt"]))
    assert missing == [], f"add to klviz.gui.app.QT_FREE_FIRST: {missing}"
    assert "klviz.state" in launch["before_qt"] and "klviz.scene.discrete" in launch["before_qt"]


def test_a_tab_shown_before_its_page_is_built_gets_it_at_once(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    w.resize(1280, 820)
    with qtbot.waitExposed(w):
        w.show()
    seen = []
    w.tabs.currentChanged.connect(lambda k: seen.append(w.tabs.widget(k).objectName()))
    assert w.tabs.widget(1).objectName() == "placeholder_continuous"
    w.tabs.setCurrentIndex(1)  # as Alt+C does
    assert seen == ["page_continuous"]  # one change, and the slots hear of the real page
    page = w.tabs.currentWidget()
    assert page.objectName() == "page_continuous" and page is w.page_continuous and page.isVisible()
    assert w.exporter.action_export_animation.isEnabled()  # the exporter saw the continuous view
    assert w.findChild(QtWidgets.QWidget, "plot_densities").property("export_menu") is not None
    # asked for by name (the Import dialog shows the joint): built in its tab, the current tab stays
    joint = w.page_joint
    assert w.tabs.indexOf(joint) == 3 and w.tabs.currentIndex() == 1 and seen == ["page_continuous"]
    assert w.findChild(QtWidgets.QWidget, "placeholder_joint") is None or not w.findChild(
        QtWidgets.QWidget, "placeholder_joint").isVisible()
    w.tabs.setCurrentWidget(w.page_coding)
    assert w.tabs.currentWidget().objectName() == "page_coding" and seen[-1] == "page_coding"
    w.finish_building()
    assert [w.tabs.widget(k).objectName() for k in range(w.tabs.count())] == (
        ["page_discrete"] + LATER_PAGES + ["page_losses"])


def test_the_steps_build_each_later_tab_once_then_name_the_window(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.wait(50)
    assert w.accessibility._held and w.accessibility.unnamed == []  # no scan before the steps
    w.finish_building_in_steps()
    w.tabs.setCurrentIndex(2)  # the Coding tab in the middle of the steps: built now, once
    assert w.tabs.currentWidget().objectName() == "page_coding"
    qtbot.waitUntil(lambda: w._steps is None and w.page_losses.is_built, timeout=20000)
    qtbot.waitUntil(lambda: not w.accessibility._rescan_timer.isActive())
    assert len(w.findChildren(QtWidgets.QWidget, "page_coding")) == 1
    assert not w.accessibility._held
    assert w.findChild(QtWidgets.QWidget, "plot_integrands").accessibleName()


def test_the_lesson_finds_every_tab_of_a_deferred_start(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    lesson = w.lesson
    assert all(lesson.page(tab) is not None for tab in ("discrete", "continuous", "coding", "joint", "losses"))


def test_after_first_paint_runs_once_even_without_a_paint(qtbot):
    from klviz.gui import create_main_window, main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    calls = []
    w.after_first_paint(lambda: calls.append(1))  # never shown: the fallback runs it
    qtbot.waitUntil(lambda: calls == [1], timeout=main_window.FIRST_PAINT_FALLBACK_MS + 3000)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.wait(50)
    assert calls == [1]
    shown = []
    w.after_first_paint(lambda: shown.append(1))
    w.update()
    qtbot.waitUntil(lambda: shown == [1], timeout=main_window.FIRST_PAINT_FALLBACK_MS - 200)
    qtbot.wait(main_window.FIRST_PAINT_FALLBACK_MS)
    assert shown == [1] and QtCore.QCoreApplication.instance() is not None


def test_the_quicker_pyside_scan_gives_pyside_s_own_answers():
    # PySide6 asks of each module imported after it whether its source says "PySide6"; the app
    # asks the file's bytes instead (klviz.gui.app.quicker_pyside_import_scan). Same answers, for
    # modules with and without PySide6 in them, packages, and modules with no .py file at all.
    import json as json_module
    import xml.dom.minidom

    import numpy.linalg._umath_linalg as compiled
    import pyqtgraph.graphicsItems.AxisItem as pg_axis

    import klviz.core.discrete
    import klviz.gui.main_window
    import klviz.state
    from klviz.gui import app

    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    modules = [klviz.gui.main_window, klviz.core.discrete, klviz.state, json_module, xml.dom.minidom,
               pg_axis, compiled, sys, QtWidgets]
    expected = [original(m) for m in modules]
    assert expected[:3] == [True, False, False] and True in expected and False in expected
    try:
        app.quicker_pyside_import_scan()
        quick = feature._mod_uses_pyside
        assert quick is not original and getattr(quick, "klviz_quick", False)
        assert [quick(m) for m in modules] == expected
        app.quicker_pyside_import_scan()  # a second call keeps the one wrapper
        assert feature._mod_uses_pyside is quick
    finally:
        feature._mod_uses_pyside = original


def test_after_first_paint_follows_the_paint_of_the_window_and_its_charts(qtbot):
    # _AfterFirstPaint watches the window's own Paint (Qt paints the window first, back to
    # front), not every event of the application: the callback comes on the turn after the
    # paint, the charts inside painted too, long before the fallback.
    import time

    from klviz.gui import create_main_window, main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    from uitools import EventSpy

    count = EventSpy(QtCore.QEvent.Type.Paint)
    painted = count.seen
    chart = w.page_discrete.findChild(QtWidgets.QWidget, "plot_p")
    chart.viewport().installEventFilter(count)
    calls = []
    w.after_first_paint(lambda: calls.append(list(painted)))
    start = time.monotonic()
    w.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=main_window.FIRST_PAINT_FALLBACK_MS - 300)
    assert time.monotonic() - start < main_window.FIRST_PAINT_FALLBACK_MS / 1000 * 0.7
    assert calls[0], "the callback ran before the charts were painted"
