"""What does not fit in presentation mode (F11) on a given screen: run the app on an offscreen
screen of W×H (optionally QT_SCALE_FACTOR), press F11, visit every tab and Losses panel, and list
every visible readout, chart and caption that lies outside the screen, is clipped by its parent
(a page scrolled, a panel too small) or cannot show its whole text.

    .venv/bin/python tests/gui/fit_check.py 1024 768 [SCALE] [--tab page_discrete] [--lesson] [--window] [--french] [--ticks]

--lesson: with the lesson panel open beside the pages (View › Lesson panel, Ctrl+L);
--window: in the window as it opens (maximized on a small screen) instead of presentation mode;
--french: in French (the longer texts); --ticks: tick labels crowding one another are problems
too (not yet held for every tab).

What "fits" means here (the issue's words: nothing clipped, elided or overlapping):
- Essentials are checked: every visible chart (pyqtgraph PlotWidget), caption (Caption) and
  readout (a QLabel whose objectName holds "value"). Each must lie wholly inside the screen, be
  wholly visible inside its parents (visibleRegion: a scroll area's viewport clips it), and show
  its whole text (plain, unwrapped labels).
- Scrolling does not excuse an essential: one a user could scroll to, but that is below the fold
  of a page or column as it opens, fails. That is why short screens fold secondary parts
  (reflow.Secondary: the pointwise chart, the α-fit, the worked formulas) behind an arrow: a
  folded part's body is hidden and not checked; its caption stays and is.
- Every visible tab bar in a page (the Losses panels') shows each tab whole: inside the bar (not
  scrolled out of sight), not elided, as tall as its lines.
- No two essentials overlap (neither holding the other): a readout is never drawn under a chart.
- A chart's title, drawn inside the chart, must show its whole text: it may wrap onto more
  lines, but no word may stick out of the title's box, nor the box out of the chart.
- Controls (sliders, spin boxes, buttons) are not essentials: a controls column may scroll
  (the Continuous tab's at 1366×768). Not checked either, unless --ticks: other text drawn
  inside a chart (tick and axis labels), which the chart clips itself.

Prints one JSON object: {"screen": [x, y, w, h], "problems": {"page_…": ["…", …]}}. The test
tests/gui/test_screens.py runs it for the screens where a tab must fit; for the others it is the
measuring tool (see the README's classroom section for where it stands).
"""

import json
import os
import subprocess
import sys
import tempfile

CHILD = r'''
import json, os, sys
from PySide6 import QtCore, QtWidgets
import pyqtgraph as pg
sys.path.insert(0, os.environ["KLVIZ_FIT_CHECK_DIR"])
from fit_check import nested_scrolling, overlaps, tab_problems, tick_problems, title_problems
app = QtWidgets.QApplication(sys.argv[:1])
from klviz.gui import create_main_window, i18n
from klviz.gui.widgets.caption import Caption
only = sys.argv[1] if len(sys.argv) > 1 else ""
flags = sys.argv[2:]
if "--french" in flags:
    i18n.install(app, "fr")
w = create_main_window()
w.show()
app.processEvents()
if "--window" not in flags:
    w.action_presentation.trigger()
for _ in range(30):
    app.processEvents()


def settle(turns):
    """`turns` event-loop turns, and then until presentation mode's type has fitted the page
    beside the lesson panel (its steps wait for the pages to reflow: klviz.gui.classroom)."""
    import time
    for _ in range(turns):
        app.processEvents()
    fit = getattr(getattr(w, "classroom", None), "lesson_fit", None)
    end = time.monotonic() + 20
    while fit is not None and fit.busy() and time.monotonic() < end:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    for _ in range(turns if fit is not None else 0):
        app.processEvents()


if "--lesson" in flags:
    w.action_lesson.trigger()
    settle(30)
screen = w.screen().geometry()
out = {"screen": screen.getRect(), "window": w.geometry().getRect(), "full_screen": w.isFullScreen(),
       "problems": {}}
if "--lesson" in flags:
    out["lesson"] = QtCore.QRect(w.lesson.mapToGlobal(QtCore.QPoint(0, 0)), w.lesson.size()).getRect() \
        if w.lesson.isVisible() else None


def kind_of(wd):
    if isinstance(wd, pg.PlotWidget):
        return "chart"
    if isinstance(wd, Caption):
        return "caption"
    if isinstance(wd, QtWidgets.QLabel) and "value" in wd.objectName():
        return "readout"
    return None


def check(page):
    problems = []
    drawn = []
    for wd in page.findChildren(QtWidgets.QWidget):
        kind = kind_of(wd)
        if kind is None or not wd.isVisible():
            continue
        tag = f"{kind} {wd.objectName() or type(wd).__name__}"
        r = QtCore.QRect(wd.mapToGlobal(QtCore.QPoint(0, 0)), wd.size())
        drawn.append((wd, r, tag))
        if not screen.contains(r):
            problems.append(f"{tag}: outside the screen at {r.getRect()}")
        target = wd.viewport() if isinstance(wd, QtWidgets.QAbstractScrollArea) else wd
        shown = target.visibleRegion().boundingRect().size()
        if shown != target.size():
            problems.append(f"{tag}: clipped, {shown.toTuple()} of {target.size().toTuple()} shown")
        if isinstance(wd, QtWidgets.QLabel) and not wd.wordWrap() and wd.text() \
                and wd.textFormat() != QtCore.Qt.TextFormat.RichText:
            need = wd.fontMetrics().horizontalAdvance(wd.text())
            if need > wd.contentsRect().width() + 1:
                problems.append(f"{tag}: text cut, needs {need} px, has {wd.contentsRect().width()}")
        if kind == "chart":
            problems += title_problems(wd, tag)
            if "--ticks" in flags:
                problems += tick_problems(wd, tag)
    for bar in page.findChildren(QtWidgets.QTabBar):
        if bar.isVisible():
            problems += tab_problems(bar, f"tabs {bar.parentWidget().objectName() or type(bar).__name__}")
    return problems + overlaps(drawn) + nested_scrolling(page)



for k in range(w.tabs.count()):
    page = w.tabs.widget(k)
    if only and page.objectName() != only:
        continue
    w.tabs.setCurrentIndex(k)
    subs = page.findChild(QtWidgets.QTabWidget)
    for j in range(subs.count() if subs else 1):
        if subs:
            subs.setCurrentIndex(j)
        settle(20)
        name = page.objectName() + (f"/{subs.widget(j).objectName()}" if subs else "")
        found = check(page)
        if found:
            out["problems"][name] = found
print(json.dumps(out))
'''


def overlaps(drawn):
    """Essentials drawn over one another (a readout under a chart a splitter squeezed): two
    visible ones, neither holding the other, whose rectangles on the screen intersect."""
    found = []
    for k, (a, ra, ta) in enumerate(drawn):
        for b, rb, tb in drawn[k + 1:]:
            if ra.intersects(rb) and not a.isAncestorOf(b) and not b.isAncestorOf(a):
                found.append(f"{ta}: overlaps {tb} at {ra.intersected(rb).getRect()}")
    return found


def nested_scrolling(page):
    """Panels (QScrollArea) that scroll inside a scroll area that scrolls too: two vertical bars,
    one in another. A table or list scrolling its rows is not a panel and is not counted."""
    from PySide6 import QtWidgets

    def scrolls(area):
        bar = area.verticalScrollBar()
        return area.isVisible() and bar.isVisible() and bar.maximum() > 0

    found = []
    for area in page.findChildren(QtWidgets.QScrollArea):
        outer = area.parentWidget()
        while outer is not None and outer is not page.parentWidget():
            if isinstance(outer, QtWidgets.QAbstractScrollArea) and scrolls(outer) and scrolls(area):
                found.append(f"scroll {area.objectName() or type(area).__name__}: scrolls inside "
                             f"{outer.objectName() or type(outer).__name__}, which scrolls too")
                break
            outer = outer.parentWidget()
    return found


def tab_problems(bar, tag):
    """A tab bar shows every tab's whole text: each tab lies inside the bar (none scrolled out of
    sight behind the bar's arrows) and is as wide and as tall as its text (QTabBar elides a
    squeezed tab's text silently, and gives a tab one line's height whatever its text)."""
    from PySide6 import QtCore

    found = []
    fm = bar.fontMetrics()
    for k in range(bar.count()):
        text = bar.tabText(k)
        rect = bar.tabRect(k)
        need = max((fm.horizontalAdvance(line.replace("&", "")) for line in text.split("\n")), default=0)
        tall = text.count("\n") * fm.lineSpacing() + fm.height()
        name = text.replace("\n", " ")
        if not bar.rect().contains(rect):
            found.append(f"{tag}: tab {name!r} out of sight at {rect.getRect()} in {bar.rect().getRect()}")
        if need > rect.width() or bar.elideMode() != QtCore.Qt.TextElideMode.ElideNone \
                and rect.width() < bar.tabSizeHint(k).width():
            found.append(f"{tag}: tab {name!r} elided, needs {need} px, has {rect.width()}")
        if tall > rect.height():
            found.append(f"{tag}: tab {name!r} cut, {tall} px tall in {rect.height()}")
    return found


def axis_draw_specs(axis):
    """What `axis` would draw now (pyqtgraph's generateDrawSpecs, on a scratch painter)."""
    from PySide6 import QtGui

    image = QtGui.QImage(4, 4, QtGui.QImage.Format.Format_ARGB32)
    painter = QtGui.QPainter(image)
    try:
        return axis.generateDrawSpecs(painter)
    finally:
        painter.end()


def tick_problems(chart, tag):
    """A chart's tick labels, as its axes draw them (pyqtgraph's generateDrawSpecs), keep apart:
    along a bottom or top axis a space at least between neighbours (their centres from the
    layout, their widths from the tick font's metrics); along a left or right one no two
    overlap."""
    from PySide6 import QtGui

    found = []
    pi = chart.getPlotItem()
    for side in ("left", "bottom", "right", "top"):
        axis = pi.getAxis(side)
        if not axis.isVisible() or axis.width() <= 0 or axis.height() <= 0:
            continue
        specs = axis_draw_specs(axis)
        if specs is None:
            continue
        fm = QtGui.QFontMetricsF(axis.style["tickFont"] or axis.font())
        across = side in ("bottom", "top")
        labels = sorted((r.center().x() if across else r.center().y(), t) for r, _, t in specs[2] if t)
        for (a, ta), (b, tb) in zip(labels, labels[1:]):
            if across:
                gap = (b - fm.horizontalAdvance(tb) / 2) - (a + fm.horizontalAdvance(ta) / 2)
                least = fm.horizontalAdvance(" ")
            else:
                gap, least = b - a - fm.height() * 0.8, 0.0  # (pyqtgraph's own text height)
            if gap < least:
                found.append(f"{tag}: {side} tick labels {ta!r} and {tb!r} crowd, {gap:.1f} px apart")
    return found


def title_problems(chart, tag):
    """A chart's title (drawn inside it, by pyqtgraph) shows its whole text: no word sticks out
    of the title's box, its lines fit the box's height, and the box lies inside the chart."""
    label = chart.getPlotItem().titleLabel
    if not label.isVisible() or not label.text:
        return []
    found = []
    box = label.rect()
    text = label.itemRect()
    need = label.item.document().idealWidth() * label.item.scale()  # a long title shrinks first
    if need > box.width() + 1 or text.left() < box.left() - 1 or text.right() > box.right() + 1:
        found.append(f"{tag}: title cut, needs {need:.0f} px, has {box.width():.0f}")
    if text.top() < box.top() - 1 or text.bottom() > box.bottom() + 1:
        found.append(f"{tag}: title cut, {text.height():.0f} px tall in {box.height():.0f}")
    shown = chart.mapFromScene(label.mapRectToScene(text)).boundingRect()
    if not chart.rect().adjusted(-1, -1, 1, 1).contains(shown):
        found.append(f"{tag}: title outside the chart at {shown.getRect()}")
    return found


def fit_check(width, height, scale=1.0, tab="", python=sys.executable, timeout=180, lesson=False,
              window=False, french=False, ticks=False):
    """Run the check in a child process (its own screen, its own empty settings); the result.
    `lesson`: with the lesson panel open (View › Lesson panel) beside the pages. `window`: in
    the window as it opens (maximized on a small screen), not in presentation mode. `french`: with
    the French catalogue installed (the longer texts). `ticks`: the charts' tick labels checked
    too (tick_problems)."""
    with tempfile.TemporaryDirectory(prefix="klviz-fit-") as tmp:
        config = os.path.join(tmp, "screens.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]}, f)
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                   QT_SCALE_FACTOR=str(scale), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   KLVIZ_FIT_CHECK_DIR=os.path.dirname(os.path.abspath(__file__)))
        flags = ["--lesson"] * lesson + ["--window"] * window + ["--french"] * french + ["--ticks"] * ticks
        done = subprocess.run([python, "-c", CHILD, tab, *flags], env=env, capture_output=True, text=True,
                              timeout=timeout, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    tab = argv[argv.index("--tab") + 1] if "--tab" in argv else ""
    if tab in args:
        args.remove(tab)
    width, height = int(args[0]), int(args[1])
    scale = float(args[2]) if len(args) > 2 else 1.0
    print(json.dumps(fit_check(width, height, scale, tab, lesson="--lesson" in argv,
                               window="--window" in argv, french="--french" in argv, ticks="--ticks" in argv), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
