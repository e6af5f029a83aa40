"""The Continuous tab's charts and measures column on real screen sizes (issue 12, "Fit any
screen"), each in a child process on an offscreen screen of that size, as tests/gui/fit_check.py
does: in presentation mode (F11) at 1024×768 the measures column needs no horizontal scroll bar
(one covered the "More divergences" tick box: the column was given 24 px for margins that take
28), nor a vertical one where the page has room, the integrands chart's value-axis label is whole inside the chart (it showed "integrand (r"),
and on every screen below, F11 or not, the unticked "More divergences" group is its tick box
alone, with no empty frame under it (1920×1080 showed one, on both tabs)."""

import json
import os
import subprocess
import sys
import tempfile

import pytest

CHILD = r'''
import json, sys
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
from klviz.gui import create_main_window
w = create_main_window()
w.show()
app.processEvents()
if sys.argv[1] == "f11":
    w.action_presentation.trigger()
for _ in range(30):
    app.processEvents()
out = {"screen": w.screen().geometry().getRect(), "full_screen": w.isFullScreen()}
for name in ("page_discrete", "page_continuous"):
    page = getattr(w, name)
    w.tabs.setCurrentWidget(page)
    for _ in range(20):
        app.processEvents()
    group = page.findChild(QtWidgets.QGroupBox, "group_divergences")
    box = QtWidgets.QCheckBox(group.title())
    box.setFont(group.font())
    out[name] = {"group": [group.isChecked(), group.height(), box.sizeHint().height()]}
page = w.page_continuous
scroll = page.findChild(QtWidgets.QScrollArea, "scroll_continuous_measures")
chart = page.plot_integrands
label = chart.getPlotItem().getAxis("left").label
text = label.boundingRect()
margin = label.document().documentMargin()  # the text's own box, inside the item's margin
text.adjust(margin, margin, -margin, -margin)
shown = chart.mapFromScene(label.mapRectToScene(text)).boundingRect()
out["measures"] = {"horizontal_bar": scroll.horizontalScrollBar().isVisible(),
                   "vertical_bar": scroll.verticalScrollBar().isVisible(),
                   "content_width": scroll.widget().minimumSizeHint().width(),
                   "viewport_width": scroll.viewport().width()}
out["integrands"] = {"visible": chart.isVisible(), "label": shown.getRect(), "chart": chart.rect().getRect(),
                     "text": label.toPlainText()}
page.divergences.setChecked(True)  # its readouts in the column too: still no sideways bar
for _ in range(30):
    app.processEvents()
out["ticked"] = {"horizontal_bar": scroll.horizontalScrollBar().isVisible(),
                 "content_width": scroll.widget().minimumSizeHint().width(),
                 "viewport_width": scroll.viewport().width()}
print(json.dumps(out))
'''


def run(width, height, mode):
    with tempfile.TemporaryDirectory(prefix="klviz-measures-") as tmp:
        config = os.path.join(tmp, "screens.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]}, f)
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR="1",
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"))
        done = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, capture_output=True, text=True,
                              timeout=180, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def f11_1024x768():
    result = run(1024, 768, "f11")
    assert result["full_screen"] and tuple(result["screen"][2:]) == (1024, 768)
    return result


def test_at_1024x768_in_f11_the_measures_column_has_no_sideways_bar(f11_1024x768):
    measures = f11_1024x768["measures"]
    assert not measures["horizontal_bar"], measures
    assert measures["content_width"] <= measures["viewport_width"], measures


def test_ticked_more_divergences_bring_no_sideways_bar(f11_1024x768):
    ticked = f11_1024x768["ticked"]
    assert not ticked["horizontal_bar"], ticked
    assert ticked["content_width"] <= ticked["viewport_width"], ticked


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024x768", "1280x720"])
def test_in_f11_the_measures_column_shows_its_whole_content(size):
    """Stacked over the controls (both screens), the charts and measures are as tall as the
    measures' content where the page has room: no vertical bar in the column either (1280×720
    had one, "More divergences" at its bottom edge)."""
    result = run(*size, "f11")
    assert not result["measures"]["vertical_bar"], result["measures"]
    assert not result["measures"]["horizontal_bar"], result["measures"]


def test_at_1024x768_in_f11_the_integrands_axis_label_is_whole(f11_1024x768):
    integrands = f11_1024x768["integrands"]
    assert integrands["visible"] and "integrand" in integrands["text"]
    x, y, w, h = integrands["label"]
    cx, cy, cw, ch = integrands["chart"]
    assert h > w > 0  # the label's box, turned up the axis
    assert cy - 1 <= y and y + h <= cy + ch + 1, integrands  # its whole length inside the chart
    assert cx - 1 <= x and x + w <= cx + cw + 1, integrands


@pytest.mark.parametrize("size,mode", [((1920, 1080), "normal"), ((1920, 1080), "f11"), ((1024, 768), "f11")],
                         ids=["1920x1080", "1920x1080-F11", "1024x768-F11"])
def test_more_divergences_unticked_has_no_empty_frame(size, mode):
    result = run(*size, mode)
    for name in ("page_discrete", "page_continuous"):
        checked, height, tick_box = result[name]["group"]
        assert not checked
        assert height <= tick_box + 6, (name, height, tick_box)  # its tick box and title, nothing under them
