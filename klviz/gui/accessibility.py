"""Accessibility for the main window: names, descriptions with live values, announcements, tab order.

`install(window)` is the one hook (main_window.py calls it once its parts exist; a deferred start
scans once the pages it builds after the first paint are there). From then on:

- Every chart, readout value, slider, spin box, combo box, check box, button, line edit and every
  other focusable widget has an accessible name, derived by generic rules (`derive_name`): a
  QLabel buddy's text without its mnemonic '&', a button's text, a chart's title, a readout's
  name, the label beside a control in its layout, a group box title, the first sentence of the
  tooltip, the enclosing dock's title. A name a page set itself is never replaced.
- Charts and readouts get an accessible description with their current values
  ("P: A 0.10, B 0.40, C 0.50"; "H(P) 1.030 nats"), refreshed by a single-shot timer
  `THROTTLE_MS` after the last change of the session, the unit or quiz mode, so a drag pays one
  timer restart per frame and the descriptions are rebuilt once it rests. In quiz mode they hide
  every number (the names of the categories stay).
- Arrow keys on a chart (select a bar, nudge it) announce the bar's new value at once: the
  chart's description starts with it and a description-change, a value-change and (Qt >= 6.8)
  an announcement event go to the assistive technology.
- The tab order of each tab follows its layout: top to bottom, left to right, as the layouts,
  splitters and tool bars place the widgets (`layout_order`).

Widgets built later (the Losses panels of a deferred start, the overlay chart, the lesson dock, a
tab built on first show) are named when they appear: the window is scanned again (at most once
per event-loop turn) when a tab is shown, a page reports new widgets, an action of the window is
triggered, or the focus moves to a widget without a name.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

from klviz.gui.widgets.labels_layer import tick_labels
from klviz.gui.widgets.reflow import ReflowSplitter

THROTTLE_MS = 250
MAX_ITEMS = 24  # bars or points spelled out in one description; more are summarised
HIDDEN = QT_TRANSLATE_NOOP("klviz", "values hidden in quiz mode")

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s|\n|■")  # a caption's "■" starts its values

# widgets that own their focusable parts (a spin box's line edit, a chart's viewport)
_COMPOUND = (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QAbstractScrollArea,
             QtWidgets.QAbstractSlider, QtWidgets.QAbstractButton)


# -- text helpers --------------------------------------------------------------------------------
def plain(text):
    """Markup-free text on one line: tags dropped, entities decoded, runs of spaces joined."""
    text = text or ""
    if "<" in text or "&" in text and ";" in text:
        text = html.unescape(_TAG.sub(" ", text.replace("<br>", " ").replace("<br/>", " ")))
    return _SPACE.sub(" ", text).strip()


def strip_mnemonic(text):
    """"Cate&gories" → "Categories", "S&wap P ⇄ Q" → "Swap P ⇄ Q", "&&" → "&"; a closing "…"
    (which says a dialog follows) goes too."""
    out, i = [], 0
    text = text or ""
    while i < len(text):
        c = text[i]
        if c == "&" and i + 1 < len(text):
            out.append(text[i + 1] if text[i + 1] == "&" else "")
            i += 1 if text[i + 1] != "&" else 2
            continue
        if c != "&":
            out.append(c)
        i += 1
    text = _SPACE.sub(" ", "".join(out)).strip().removesuffix("…").removesuffix("...")
    return text.strip().rstrip(":").strip()  # "Symbols drawn from P:" → "Symbols drawn from P"


def first_sentence(text):
    text = plain(text)
    if not text:
        return ""
    pieces = (piece.strip().rstrip(".:;").strip() for piece in _SENTENCE_END.split(text))
    return next((piece for piece in pieces if piece), "")


def _valid(w):
    return w is not None and shiboken6.isValid(w)


# -- names ---------------------------------------------------------------------------------------
def chart_title(chart):
    try:
        return plain(chart.getPlotItem().titleLabel.text)
    except (AttributeError, RuntimeError):
        return ""


def _chart_axes_name(chart):
    pi = chart.getPlotItem()
    parts = []
    for side in ("left", "bottom"):
        axis = pi.getAxis(side)
        label = plain(axis.labelText) if axis.isVisible() and axis.label.isVisible() else ""
        if label:
            parts.append(label)
    return translate("accessibility", " against ").join(parts)


def chart_caption(chart):
    """The Caption that explains a chart: its `caption`, or a caption just above it in its layout."""
    caption = getattr(chart, "caption", None)
    if hasattr(caption, "plain_text"):
        return caption
    parent = chart.parentWidget()
    found = _find_in_layout(parent.layout(), chart) if parent is not None and parent.layout() else None
    if found is not None and found[1] > 0:
        other = found[0].itemAt(found[1] - 1).widget()
        if hasattr(other, "plain_text"):
            return other
    return None


def _readout_grid(label):
    """The ReadoutGrid and key of a readout value label (role "readout-value"), or (None, None)."""
    parent = label.parentWidget()
    names = getattr(parent, "names", None)
    values = getattr(parent, "values", None)
    if isinstance(names, dict) and isinstance(values, dict):
        for key, w in values.items():
            if w is label:
                return parent, key
    return None, None


def readout_name(label):
    grid, key = _readout_grid(label)
    return plain(grid.names[key].text()) if grid is not None else ""


def _label_beside(w):
    """The QLabel just before `w` in its parent's layout (the same row of a grid or form)."""
    parent = w.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    found = _find_in_layout(layout, w)
    if found is None:
        return ""
    lay, index = found
    if isinstance(lay, QtWidgets.QFormLayout):
        row, role = lay.getWidgetPosition(w)
        if row >= 0 and role == QtWidgets.QFormLayout.ItemRole.FieldRole:
            label = lay.labelForField(w)
            return strip_mnemonic(plain(label.text())) if isinstance(label, QtWidgets.QLabel) else ""
        return ""
    if isinstance(lay, QtWidgets.QGridLayout):
        row, col, _, _ = lay.getItemPosition(index)
        for c in range(col - 1, -1, -1):
            item = lay.itemAtPosition(row, c)
            other = item.widget() if item is not None else None
            if isinstance(other, QtWidgets.QLabel) and plain(other.text()):
                return strip_mnemonic(plain(other.text()))
            if other is not None:
                return ""
        return ""
    for k in range(index - 1, -1, -1):
        other = lay.itemAt(k).widget()
        if other is None:
            continue
        if isinstance(other, QtWidgets.QLabel) and plain(other.text()) and other.buddy() is None:
            return strip_mnemonic(plain(other.text()))
        return ""
    return ""


def _find_in_layout(layout, w):
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if item.widget() is w:
            return layout, k
        sub = item.layout()
        if sub is not None:
            found = _find_in_layout(sub, w)
            if found is not None:
                return found
    return None


def _enclosing_title(w):
    """The title of the group box or dock the widget sits in."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QtWidgets.QGroupBox) and plain(p.title()):
            return strip_mnemonic(plain(p.title()))
        if isinstance(p, QtWidgets.QDockWidget) and plain(p.windowTitle()):
            return strip_mnemonic(plain(p.windowTitle()))
        p = p.parentWidget()
    return ""


def _kind(w):
    if isinstance(w, QtWidgets.QAbstractSlider):
        return "slider"
    if isinstance(w, QtWidgets.QAbstractSpinBox):
        return "value"
    if isinstance(w, QtWidgets.QComboBox):
        return "choice"
    if isinstance(w, QtWidgets.QLineEdit):
        return "text"
    if isinstance(w, QtWidgets.QAbstractItemView):
        return "table"
    if isinstance(w, (QtWidgets.QTextEdit, QtWidgets.QPlainTextEdit)):
        return "text"
    return ""


def derive_name(w, buddies):
    """The accessible name the generic rules find for `w` ("" when none does).

    buddies: QLabel buddy → label text (one pass over the window's labels)."""
    if isinstance(w, pg.PlotWidget):
        caption = chart_caption(w)
        caption = first_sentence(caption.plain_text()) if caption is not None else ""
        return (chart_title(w) or first_sentence(w.toolTip()) or caption or _chart_axes_name(w)
                or _enclosing_title(w))
    if w.property("role") == "readout-value":
        name = readout_name(w)
        if name:
            return name
    if w in buddies:
        return buddies[w]
    if isinstance(w, QtWidgets.QGroupBox) and plain(w.title()):
        return strip_mnemonic(plain(w.title()))
    if isinstance(w, QtWidgets.QAbstractButton):
        text = strip_mnemonic(plain(w.text()))
        if not text and isinstance(w, QtWidgets.QToolButton) and w.defaultAction() is not None:
            text = strip_mnemonic(plain(w.defaultAction().text()))
        if text:
            return text
    if w.metaObject().className() == "QTableCornerButton":  # Qt < 6.8 leaves it unnamed
        return translate("accessibility", "Select all cells")
    if isinstance(w, (QtWidgets.QTabBar, QtWidgets.QTabWidget)):
        tabs = [strip_mnemonic(w.tabText(k)).replace("\n", " ") for k in range(w.count())]  # wrapped: FittingTabs
        return translate("accessibility", "Tabs: {tabs}").format(tabs=", ".join(t for t in tabs if t)) if any(tabs) else ""
    if w.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
        bar = w.parentWidget()
        title = strip_mnemonic(plain(bar.windowTitle())) if bar is not None else ""
        what = translate("accessibility", "menus") if w.objectName() == "qt_menubar_ext_button" else translate("accessibility", "controls")
        return translate("accessibility", "More {what}").format(what=title or what)
    if isinstance(w, QtWidgets.QGroupBox) or isinstance(w, QtWidgets.QScrollArea):
        content = w.widget() if isinstance(w, QtWidgets.QScrollArea) else w
        heading = _heading(content) if content is not None else ""
        dock = _enclosing_title(w) if isinstance(w, QtWidgets.QScrollArea) else ""
        if dock:
            return translate("accessibility", "{name} (scrollable panel)").format(name=dock)
        if heading:
            return heading if isinstance(w, QtWidgets.QGroupBox) else translate("accessibility", "{name} (scrollable panel)").format(name=heading)
    if isinstance(w, QtWidgets.QLabel) and plain(w.text()):
        # a selectable text names itself; of "H(X) = 1.000 bits" only the stable "H(X)"
        return first_sentence(plain(w.text()).split(" = ")[0])
    tip = first_sentence(w.toolTip())
    if tip:
        return tip
    beside = _label_beside(w)
    if beside:
        return beside
    if w.objectName() == "qt_tableview_cornerbutton":
        return translate("accessibility", "Select all")
    if isinstance(w, QtWidgets.QLineEdit) and w.placeholderText():
        return plain(w.placeholderText())
    title = _enclosing_title(w)
    kind = _kind(w)
    if title:
        return f"{title} {kind}".strip() if kind else title
    return ""


def _buddies(root):
    out = {}
    for label in root.findChildren(QtWidgets.QLabel):
        buddy = label.buddy()
        if buddy is not None:
            text = strip_mnemonic(plain(label.text()))
            if text:
                out.setdefault(buddy, text)
    return out


def _nameable(w):
    """The widgets that must have a name: charts, readouts, controls and whatever takes focus."""
    if isinstance(w, (pg.PlotWidget, QtWidgets.QAbstractSlider, QtWidgets.QAbstractSpinBox,
                      QtWidgets.QComboBox, QtWidgets.QAbstractButton, QtWidgets.QLineEdit,
                      QtWidgets.QGroupBox)):
        return True
    if w.property("role") == "readout-value":
        return True
    return w.focusPolicy() != QtCore.Qt.FocusPolicy.NoFocus


def _inner_part(w):
    """The owner of a part of a compound widget (a spin box's or combo box's line edit and list,
    a scroll area's viewport and scroll bars), or None: a part is named after its owner."""
    parent = w.parentWidget()
    if isinstance(parent, QtWidgets.QAbstractScrollArea) and w is parent.viewport():
        return parent
    if isinstance(w, QtWidgets.QScrollBar):
        p = parent
        while p is not None and (not isinstance(p, QtWidgets.QAbstractScrollArea)
                                 or isinstance(p, QtWidgets.QHeaderView)):  # a table's, not its header's
            p = p.parentWidget()
        if p is not None:
            return p
    p = parent
    for _ in range(3):
        if p is None:
            break
        if isinstance(p, (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
            return p
        p = p.parentWidget()
    return None


def _heading(container):
    """The first text label inside a container (a group box's or a panel's heading)."""
    for label in container.findChildren(QtWidgets.QLabel):
        text = strip_mnemonic(plain(label.text()))
        if text and label.property("role") is None:
            return first_sentence(text)
    return ""


def name_widgets(root):
    """Give every widget under `root` that needs one an accessible name. Returns the widgets no
    rule could name (they keep an empty name)."""
    buddies = _buddies(root)
    unnamed = []
    widgets = root.findChildren(QtWidgets.QWidget)
    owners = {id(w): _inner_part(w) for w in widgets}
    # the owners first, so that their parts take their names
    widgets.sort(key=lambda w: owners[id(w)] is not None)
    for w in widgets:
        if w.accessibleName() or not _nameable(w):
            continue
        owner = owners[id(w)]
        name = ""
        if owner is not None:
            name = owner.accessibleName() or derive_name(owner, buddies)
            if name and isinstance(w, QtWidgets.QScrollBar):
                horizontal = w.orientation() == QtCore.Qt.Orientation.Horizontal
                name = (translate("accessibility", "{name}, horizontal scroll bar") if horizontal
                        else translate("accessibility", "{name}, vertical scroll bar")).format(name=name)
        if not name:
            name = derive_name(w, buddies)
        if name:
            w.setAccessibleName(name)
        else:
            unnamed.append(w)
    return unnamed


# -- descriptions --------------------------------------------------------------------------------
def _num(v, digits=2):
    if not np.isfinite(v):
        return "∞" if v > 0 else "−∞" if v < 0 else "undefined"
    return f"{v:.{digits}f}".replace("-", "−")


def _bar_chart_text(chart, quiz):
    labels = [plain(str(x)) for x in chart._labels]
    parts = []
    for s, h in zip(chart.series, chart._heights):
        shown = labels[:MAX_ITEMS]
        if quiz:
            body = ", ".join(shown)
        else:
            body = ", ".join(f"{lab} {_num(float(v))}" for lab, v in zip(shown, h))
        if len(labels) > MAX_ITEMS:
            body += translate("accessibility", ", and {n} more").format(n=len(labels) - MAX_ITEMS)
        parts.append(f"{s.name}: {body}")
    text = "; ".join(parts)
    return f"{text} ({translated(HIDDEN)})" if quiz else text


def _ticks(chart):
    return {v: plain(t) for v, t in tick_labels(chart.getPlotItem().getAxis("bottom")).items()}


def _items_text(chart, curves=True):
    """What a generic chart shows: its bars (by tick label), the numbers written on it, its
    curves (range and peak)."""
    pi = chart.getPlotItem()
    ticks = _ticks(chart)
    bars, lines, texts = [], [], []
    for item in pi.items:
        if not item.isVisible():
            continue
        if isinstance(item, pg.BarGraphItem):
            o = item.opts
            h = o.get("height")
            xs = o.get("x") if o.get("x") is not None else o.get("x0")
            if h is None or xs is None or np.ndim(h) == 0 or np.ndim(xs) == 0:
                w = o.get("width")
                if np.ndim(w) and len(w) and o.get("x0") is not None:  # horizontal bars: widths
                    bars.extend(_num(float(v), 3) for v in np.asarray(w, float)[:MAX_ITEMS])
                continue
            for x, v in list(zip(np.asarray(xs, float), np.asarray(h, float)))[:MAX_ITEMS]:
                name = ticks.get(float(round(x)), "")
                bars.append(f"{name} {_num(v, 3)}".strip())
        elif hasattr(item, "_items") and isinstance(getattr(item, "_items"), list):  # LabelsLayer
            texts.extend(plain(str(t[2])) for t in item._items if len(t) == 3)
        elif isinstance(item, pg.TextItem):
            t = plain(item.textItem.toPlainText())
            if t:
                texts.append(t)
        elif curves and hasattr(item, "getData"):
            try:
                x, y = item.getData()
            except (TypeError, ValueError):
                continue
            if x is None or y is None or len(x) < 2:
                continue
            x, y = np.asarray(x, float), np.asarray(y, float)
            ok = np.isfinite(x) & np.isfinite(y)
            if not ok.any():
                continue
            k = int(np.argmax(np.where(ok, y, -np.inf)))
            lines.append(translate("accessibility", "curve from x {lo} to {hi}, peak {peak} at x {at}").format(
                lo=_num(x[ok].min()), hi=_num(x[ok].max()), peak=_num(y[k], 3), at=_num(x[k])))
    parts = []
    if bars:
        parts.append(translate("accessibility", "bars {bars}").format(bars=", ".join(bars)))
    if texts:
        parts.append(translate("accessibility", "labels {labels}").format(labels=", ".join(texts[:MAX_ITEMS])))
    parts.extend(lines[:6])
    return "; ".join(parts)


def chart_description(chart, quiz):
    """The values a chart shows, as one plain sentence; no numbers in quiz mode."""
    name = chart.accessibleName() or chart_title(chart) or translate("accessibility", "Chart")
    if hasattr(chart, "_labels") and hasattr(chart, "_heights") and hasattr(chart, "series"):
        return _bar_chart_text(chart, quiz)
    if quiz:
        labels = [plain(str(x)) for x in getattr(chart, "_labels", ())][:MAX_ITEMS]
        hidden = translated(HIDDEN)
        return f"{name}: " + (", ".join(labels) + f" ({hidden})" if labels else hidden)
    caption = chart_caption(chart)
    text = _items_text(chart, curves=caption is None)  # a caption states what the curves show
    if caption is not None:
        cap = plain(caption.plain_text())
        text = f"{cap}; {text}" if text and cap else cap or text
        if cap.startswith(name):  # the caption begins with the chart's name already
            return text
    return f"{name}: {text}" if text else name


def readout_description(label, quiz):
    name = readout_name(label) or label.accessibleName()
    if quiz:
        return f"{name}: {translated(HIDDEN)}"
    real = label.real_text() if hasattr(label, "real_text") else label.text()
    grid, key = _readout_grid(label)
    reason = ""
    if grid is not None and key in getattr(grid, "reasons", {}):
        r = grid.reasons[key]
        reason = plain(r.real_text() if hasattr(r, "real_text") else r.text())
    text = f"{name} {plain(real)}".strip()
    return f"{text} ({reason})" if reason else text


def _is_readout(w):
    return w.property("role") == "readout-value"


class Accessibility(QtCore.QObject):
    """The window's accessibility keeper (see the module's docstring); `install` builds it."""

    def __init__(self, window, scan=True):
        """scan=False: name nothing yet (a deferred start scans once its pages are built)."""
        super().__init__(window)
        self.setObjectName("accessibility")
        self.window = window
        self._charts, self._readouts = [], []
        self._hooked = set()  # ids of the charts with an announcement hook
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self._describe_if_resting)
        self._rescan_timer = QtCore.QTimer(self)
        self._rescan_timer.setSingleShot(True)
        self._rescan_timer.setInterval(0)
        self._rescan_timer.timeout.connect(self._rescan_if_new)
        # a reflow moves parts, and Tab must follow them; one F11 restacks several splits at
        # once (seven), each of which asked for a whole window's tab order (~5 ms each) in the
        # turn after: they now ask once, for the pages (or docks) they are on
        self._tab_timer = QtCore.QTimer(self)
        self._tab_timer.setSingleShot(True)
        self._tab_timer.setInterval(0)
        self._tab_timer.timeout.connect(self._fix_moved_tab_order)
        self._moved = []  # the splits restacked since the last fix
        self._scan = None  # a scheduled scan under way, a part per turn (_rescan_steps)
        self._widget_count = -1
        self.unnamed = []
        self._held = not scan  # a deferred start: no scan before release() (after the first paint)
        self._wanted = False  # a scan was asked for while held

        model = window.model
        meta = model.metaObject()
        # every signal of the model's own (not its offset: PySide adds slots to the meta-object)
        for k in range(QtCore.QObject.staticMetaObject.methodCount(), meta.methodCount()):
            m = meta.method(k)
            name = bytes(m.name()).decode()
            if m.methodType() == QtCore.QMetaMethod.MethodType.Signal and name.endswith("Changed"):
                getattr(model, name).connect(self.schedule)
        window.presentation.quizChanged.connect(self._quiz_changed)
        tabs = getattr(window, "tabs", None)
        if tabs is not None:
            tabs.currentChanged.connect(self.schedule_rescan)
        self._hook_late_parts(window)
        for action in window.findChildren(QtGui.QAction):
            action.triggered.connect(self.schedule_rescan)
        QtWidgets.QApplication.instance().focusChanged.connect(self._focus_changed)
        if scan:
            self.rescan()

    def _hook_late_parts(self, root):
        """Scan again when a page under `root` reports widgets it built later."""
        for page in [root] + root.findChildren(QtWidgets.QWidget):
            for signal in ("built", "chartCreated"):
                sig = getattr(type(page), signal, None)
                if isinstance(sig, QtCore.Signal):
                    getattr(page, signal).connect(self.schedule_rescan)

    def adopt(self, page):
        """A page built after the keeper (a tab of a deferred start): named on the next turn of
        the event loop, and again when it reports widgets it builds later."""
        self._hook_late_parts(page)
        self.schedule_rescan()

    # -- scanning --------------------------------------------------------------------------------
    def schedule_rescan(self, *_):
        if self._held:
            self._wanted = True
        else:
            self._rescan_timer.start()

    def release(self):
        """Start scanning (install(scan=False) held it back: the focus, the actions and the
        pages built ask for scans from the window's very start, and a zero timer would run
        before the first paint)."""
        if self._held:
            self._held = False
            if self._wanted or self._widget_count < 0:
                self.schedule_rescan()

    def _focus_changed(self, _old, new):
        if _valid(new) and not new.accessibleName() and new.window() is self.window:
            self.schedule_rescan()

    def _rescan_if_new(self):
        """The scheduled scan: only when widgets came or went (a whole scan is ~10-20 ms; an
        action such as Undo must not pay for it each time)."""
        if len(self.window.findChildren(QtWidgets.QWidget)) != self._widget_count:
            # a part per event-loop turn: the whole scan in one (~20 ms) was the longest turn
            # of the deferred build, beside the lesson panel's hidden layout
            self._scan = self._rescan_steps()
            self._next_scan_step()

    def _next_scan_step(self):
        if self._scan is None:
            return
        try:
            next(self._scan)
        except StopIteration:
            self._scan = None
            return
        # a timer, not singleShot(0): that one is a posted event, and the events posted while
        # posted events are sent run in the same pass, so the steps would make one turn again
        QtCore.QTimer.singleShot(1, self, self._next_scan_step)

    def rescan(self):
        """Name what is new, fix the tab order, and describe the charts and readouts now."""
        self._scan = None  # (a scan under way in steps: this one does it all)
        for _ in self._rescan_steps():
            pass

    def _rescan_steps(self):
        w = self.window
        self._widget_count = len(w.findChildren(QtWidgets.QWidget))
        self.unnamed = name_widgets(w)
        self._charts = [c for c in w.findChildren(pg.PlotWidget)]
        self._readouts = [r for r in w.findChildren(QtWidgets.QLabel) if _is_readout(r)]
        for chart in self._charts:
            if id(chart) not in self._hooked and (hasattr(chart, "nudged") or hasattr(chart, "selected")):
                self._hooked.add(id(chart))
                chart.installEventFilter(self)
                chart.destroyed.connect(lambda _=None, k=id(chart): self._hooked.discard(k))
        for split in w.findChildren(ReflowSplitter):  # a reflow moves parts: Tab follows them
            if id(split) not in self._hooked:
                self._hooked.add(id(split))
                split.stackedChanged.connect(self._split_moved)
                split.destroyed.connect(lambda _=None, k=id(split): self._hooked.discard(k))
        yield
        fix_tab_order(w)
        yield
        self.describe_now()

    def _split_moved(self, _stacked):
        split = self.sender()
        if split is not None and split not in self._moved:
            self._moved.append(split)
        self._tab_timer.start()

    def _fix_moved_tab_order(self):
        moved, self._moved = [s for s in self._moved if _valid(s)], []
        if moved:
            fix_tab_order(self.window, within=moved)

    # -- descriptions ----------------------------------------------------------------------------
    def schedule(self, *_):
        """A value changed: describe again once changes have rested THROTTLE_MS (one timer
        restart per drag frame)."""
        self._timer.start()

    def _describe_if_resting(self):
        """Not in the middle of a drag (a frame under valgrind, or on a slow machine, may take
        longer than the throttle): its end (gestureActiveChanged) schedules the description."""
        if not getattr(self.window.model, "gesture_active", False):
            self.describe_now()

    def _quiz_changed(self, _on):
        self.describe_now()  # at once: the numbers must not linger after quiz mode begins

    @property
    def quiz(self):
        return bool(self.window.presentation.quiz)

    def describe_now(self):
        self._timer.stop()
        quiz = self.quiz
        for chart in self._charts:
            if _valid(chart):
                self._set_description(chart, self._chart_text(chart, quiz))
        for label in self._readouts:
            if _valid(label):
                self._set_description(label, readout_description(label, quiz))

    @staticmethod
    def _chart_text(chart, quiz):
        """The chart's description; the chart the arrow keys act on (it has the focus) leads
        with its selected bar."""
        text = chart_description(chart, quiz)
        if chart.hasFocus():
            said, _ = selected_text(chart, quiz)
            if said:
                return f"{said}. {text}"
        return text

    @staticmethod
    def _set_description(w, text, force=False):
        if text != w.accessibleDescription() or force:
            w.setAccessibleDescription(text)
            QtGui.QAccessible.updateAccessibility(
                QtGui.QAccessibleEvent(w, QtGui.QAccessible.Event.DescriptionChanged))

    # -- keyboard announcements -------------------------------------------------------------------
    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.KeyPress and ev.key() in (
                QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_Right):
            # after the chart has handled the key (and the model redrawn it)
            QtCore.QTimer.singleShot(0, obj, lambda c=obj: self.announce(c))
        return False

    def announce(self, chart):
        """Tell the assistive technology the selected bar's value now (keyboard editing)."""
        if not _valid(chart):
            return
        said, value = selected_text(chart, self.quiz)
        if not said:
            return
        self._set_description(chart, f"{said}. {chart_description(chart, self.quiz)}", force=True)
        # (the throttled description of the same change keeps this beginning while it has focus)
        if value is not None:
            QtGui.QAccessible.updateAccessibility(QtGui.QAccessibleValueChangeEvent(chart, value))
        event_type = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
        if event_type is not None:
            QtGui.QAccessible.updateAccessibility(event_type(chart, said))
        self.last_announcement = said

    last_announcement = ""


def selected_text(chart, quiz):
    """("P(B) 0.45", 0.45) for the bar the arrow keys act on, or ("", None)."""
    labels = [plain(str(x)) for x in getattr(chart, "_labels", ())]
    if hasattr(chart, "_heights") and hasattr(chart, "series"):
        si, i = chart.selected
        if not (0 <= si < len(chart.series) and 0 <= i < len(labels)):
            return "", None
        value = float(chart._heights[si][i])
        head = f"{chart.series[si].name}({labels[i]})"
    elif hasattr(chart, "handles") and labels:
        i = int(getattr(chart, "_selected", 0))
        ys = chart.handles[1]
        if not 0 <= i < min(len(labels), len(ys)):
            return "", None
        value = float(ys[i])
        head = f"{chart.accessibleName() or 'bar'} {labels[i]}"
    else:
        return "", None
    if quiz:
        return translate("accessibility", "{bar} selected").format(bar=head), None
    return f"{head} {_num(value)}", value


# -- tab order -----------------------------------------------------------------------------------
def _takes_tab(w):
    return (w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus) and w.focusProxy() is None


def layout_order(root):
    """root's focusable widgets as its layouts place them: each layout's items in order (a grid
    row by row), a splitter's panes and a tool bar's widgets in order, a tab widget's bar then its
    pages. Widgets outside every layout come last, in creation order."""
    out, seen = [], set()

    def add(w):
        if id(w) in seen or not _valid(w):
            return
        seen.add(id(w))
        if _takes_tab(w) and not isinstance(w, QtWidgets.QTabBar):
            out.append(w)
        if isinstance(w, QtWidgets.QScrollArea):  # the panel, then what it scrolls
            if w.widget() is not None:
                add(w.widget())
            return
        if isinstance(w, _COMPOUND) or isinstance(w, pg.PlotWidget):
            return
        if isinstance(w, QtWidgets.QTabWidget):
            for k in range(w.count()):
                add(w.widget(k))
            return
        if isinstance(w, QtWidgets.QSplitter):
            for k in range(w.count()):
                add(w.widget(k))
        if isinstance(w, QtWidgets.QToolBar):
            for action in w.actions():
                child = w.widgetForAction(action)
                if child is not None:
                    add(child)
        if w.layout() is not None:
            walk(w.layout())
        for child in w.findChildren(QtWidgets.QWidget, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
            if not child.isWindow():
                add(child)

    def walk(layout):
        items = [layout.itemAt(k) for k in range(layout.count())]
        if isinstance(layout, QtWidgets.QGridLayout):
            pos = [layout.getItemPosition(k) for k in range(layout.count())]
            items = [it for _, it in sorted(zip(pos, items), key=lambda t: (t[0][0], t[0][1]))]
        if isinstance(layout, QtWidgets.QBoxLayout) and layout.direction() in (
                QtWidgets.QBoxLayout.Direction.RightToLeft, QtWidgets.QBoxLayout.Direction.BottomToTop):
            items.reverse()
        for item in items:
            if item.widget() is not None:
                add(item.widget())
            elif item.layout() is not None:
                walk(item.layout())

    add(root)
    return out


def fix_tab_order(window, within=None):
    """Each tab's widgets, and each dock's, take the focus in layout order; `within` (widgets):
    only the tabs and docks that hold one of them."""
    tabs = getattr(window, "tabs", None)
    if not isinstance(tabs, QtWidgets.QTabWidget) or not _valid(tabs) or not _valid(window):
        return  # (a window being deleted)
    roots = [tabs.widget(k) for k in range(tabs.count())]
    roots += [d.widget() for d in window.findChildren(QtWidgets.QDockWidget) if d.widget() is not None]
    if within is not None:
        roots = [r for r in roots if any(r is w or r.isAncestorOf(w) for w in within)]
    for root in roots:
        order = layout_order(root)
        for a, b in zip(order, order[1:]):
            QtWidgets.QWidget.setTabOrder(a, b)


def install(window, scan=True):
    """Make the window accessible (see the module's docstring). Returns the keeper, also kept as
    window.accessibility. scan=False holds every scan back until keeper.release() (a deferred
    start: after the first paint)."""
    keeper = Accessibility(window, scan)
    window.accessibility = keeper
    return keeper
