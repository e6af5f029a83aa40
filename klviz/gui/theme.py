"""Application-wide look: light/dark palettes, presentation scaling, pyqtgraph styling.

A `Look` (scale, dark, high contrast) comes from the PresentationModel (klviz.gui.models). The
window applies its window-wide part with `apply_window_look` (the palette, pyqtgraph's default
foreground, and the fonts, scaled from the ones they had before, so leaving presentation mode
restores them exactly); each plot follows it through `style_plot`, and each widget that draws
its own items (bar colours, text items) through its `restyle(look)`, subscribed to the model.
"""

from __future__ import annotations

import atexit
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import __version__
from klviz import style
from klviz.gui.widgets.labels_layer import keep_title_narrow

_done = False


def configure_pyqtgraph():
    global _done
    if _done:
        return
    # Bars need no antialiasing; curves ask for it per item.
    pg.setConfigOptions(antialias=False, background=None, foreground="#222222")
    _done = True


def setup_application(app):
    app.setApplicationName("klviz")
    app.setOrganizationName("klviz")
    app.setApplicationDisplayName("klviz")
    app.setApplicationVersion(__version__)
    # The desktop entry `klviz desktop install` writes is klviz.desktop: this ties the windows to
    # it (their icon and name in docks and task bars on Wayland and X11 alike).
    app.setDesktopFileName("klviz")
    from klviz.gui.icon import app_icon

    app.setWindowIcon(app_icon())
    configure_pyqtgraph()


def system_prefers_dark():
    hints = QtGui.QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == QtCore.Qt.ColorScheme.Dark


@dataclass(frozen=True)
class Look:
    scale: float = 1.0
    dark: bool = False
    high_contrast: bool = False

    @property
    def foreground(self):
        if self.dark:
            return "#FFFFFF" if self.high_contrast else "#E6E6E6"
        return "#000000" if self.high_contrast else "#222222"

    @property
    def plot_background(self):
        if self.high_contrast:
            return "#000000" if self.dark else "#FFFFFF"
        return None  # transparent: the window colour shows through

    @property
    def p_color(self):
        return style.P_DARK if self.dark else style.P_COLOR

    @property
    def q_color(self):
        return style.Q_DARK if self.dark else style.Q_COLOR

    @property
    def line_width(self):
        return 1.0 * self.scale

    def font(self, base_pt=9.0, bold=False):
        f = QtGui.QFont()
        f.setPointSizeF(base_pt * self.scale)
        f.setBold(bold)
        return f


def is_dark(widget):
    """Whether `widget` is drawn on a dark window (the dark theme's palette)."""
    return widget.palette().color(QtGui.QPalette.ColorRole.Window).lightness() < 128


def dark_palette():
    p = QtGui.QPalette()
    C = QtGui.QPalette.ColorRole
    colors = {
        C.Window: "#202124", C.WindowText: "#E6E6E6", C.Base: "#17181A", C.AlternateBase: "#26282B",
        C.ToolTipBase: "#2B2D31", C.ToolTipText: "#E6E6E6", C.Text: "#E6E6E6", C.Button: "#2B2D31",
        C.ButtonText: "#E6E6E6", C.BrightText: "#FF6B6B", C.Highlight: "#56B4E9",
        C.HighlightedText: "#000000", C.Link: "#56B4E9", C.PlaceholderText: "#9AA0A6",
    }
    for role, c in colors.items():
        p.setColor(role, QtGui.QColor(c))
    p.setColor(QtGui.QPalette.ColorGroup.Disabled, C.ButtonText, QtGui.QColor("#777777"))
    p.setColor(QtGui.QPalette.ColorGroup.Disabled, C.Text, QtGui.QColor("#777777"))
    p.setColor(QtGui.QPalette.ColorGroup.Disabled, C.WindowText, QtGui.QColor("#777777"))
    return p


def light_palette(high_contrast=False):
    p = QtWidgets.QApplication.style().standardPalette()
    # Fusion's selection blue (#308cc6) gives white text only 3.7:1; this one gives 5.3:1 (WCAG AA).
    for group in (QtGui.QPalette.ColorGroup.Active, QtGui.QPalette.ColorGroup.Inactive):
        p.setColor(group, QtGui.QPalette.ColorRole.Highlight, QtGui.QColor("#2A6FB0"))
        p.setColor(group, QtGui.QPalette.ColorRole.HighlightedText, QtGui.QColor("#FFFFFF"))
    if high_contrast:
        C = QtGui.QPalette.ColorRole
        for role, c in {C.Window: "#FFFFFF", C.WindowText: "#000000", C.Base: "#FFFFFF",
                        C.Text: "#000000", C.ButtonText: "#000000"}.items():
            p.setColor(role, QtGui.QColor(c))
    return p


def set_plot_title(plot_item, text, **style_kw):
    """PlotItem.setTitle, but a long title (in presentation type) never widens the chart, and
    where it is wider than the chart it shrinks to a floor and wraps onto more lines, centred
    (never cut or elided).

    pyqtgraph makes a title's width the plot's minimum width; in a narrow column that pushed the
    plot wider than its view, so its right part was cut off. Instead the title shrinks a little
    and then wraps to the width the chart gives it (its height grows by a line): `_wrap_title`.
    """
    label = plot_item.titleLabel
    if not getattr(label, "_klviz_narrow", False):
        option = QtGui.QTextOption(QtCore.Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
        label.item.document().setDefaultTextOption(option)

        def fit_row(label):
            # pyqtgraph holds the title's row at 30 px: a wrapped (or large) title gets its height
            height = max(30, int(label.itemRect().height() + 0.999))
            if label.isVisible() and label.maximumHeight() != height:
                label.setMaximumHeight(height)
                plot_item.layout.setRowFixedHeight(0, height)

        keep_title_narrow(label, before=_wrap_title, after=fit_row)
    plot_item.setTitle(text, **style_kw)


#: how far a title too wide for its chart shrinks before it wraps: 13 pt titles down to about
#: 10 pt (the tick labels' 9 pt is the floor of legible chart text), in presentation type more
TITLE_FLOOR = 0.75


def _wrap_title(label):
    """Fit `label`'s text to its width: one line at full size where it fits; else smaller, down
    to TITLE_FLOOR of its size; below that, at the floor, wrapped onto more lines (whole words,
    never cut or elided). Centred in the label again (LabelItem centres the item before it
    calls updateMin)."""
    item, width = label.item, label.rect().width()
    doc = item.document()
    wanted, scale = -1.0, 1.0
    if width > 0:
        doc.setTextWidth(-1)
        natural = doc.idealWidth()
        if natural > width:
            scale = max(TITLE_FLOOR, width / natural)
            if natural * scale > width:
                wanted = width / scale
    if item.textWidth() != wanted:
        item.setTextWidth(wanted)
    if item.scale() != scale:
        item.setScale(scale)
    item.setPos(0, 0)
    bounds = label.itemRect()
    bounds.moveCenter(label.rect().center())
    item.setPos(bounds.topLeft() - label.itemRect().topLeft())


def cache_axes(plot):
    """Keep each axis (ticks, labels, grid) as a pixmap until it changes.

    pyqtgraph replays an axis's QPicture, text included, on every repaint of the chart, which
    costs milliseconds per frame; with the cache a drag repaints only the bars.
    """
    pi = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        pi.getAxis(name).setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
    # Items here move on every frame of a drag; a spatial index would be rebuilt each time.
    plot.scene().setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)


def style_plot(plot, look):
    """Axes, ticks and background of a pyqtgraph PlotWidget for `look`."""
    plot.setBackground(look.plot_background)
    pi = plot.getPlotItem()
    pen = pg.mkPen(look.foreground, width=max(1.0, look.line_width))
    tick_font = look.font(9.0)
    for name in ("left", "bottom", "right", "top"):
        axis = pi.getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(look.foreground)
        axis.setStyle(tickFont=tick_font, tickLength=int(5 * look.scale))
        if axis.label is not None:
            axis.label.setFont(look.font(10.0))
    if pi.titleLabel is not None and pi.titleLabel.text:
        pi.titleLabel.item.setFont(look.font(13.0, bold=True))


def _scale_widget_fonts(window, scale):
    """Scale the window's font (children inherit it) and every font set explicitly on a widget.

    Each font is scaled from the one it had before any scaling, stored on first sight, so any
    sequence of zooms ends exactly where it started when the scale returns to 1.

    Only what is shown changes now. A hidden page (a tab not in front, a Losses panel behind
    another, the lesson panel closed) keeps its fonts until it is next shown (_FontCatchUp): its
    own font is pinned, a copy of the one it inherits, so the window's new font stops there.
    F11 sent some 880 FontChange events, 570 of them into hidden pages.
    """
    window.setProperty(_SCALE, float(scale))
    _scale_fonts_in(window, scale)
    _IdleCatchUp.of(window).start()


class _IdleCatchUp(QtCore.QObject):
    """The hidden pages' fonts caught up after a new look, one page per event-loop turn, once
    the look's own work and paint are done: F11 stays short, and a tab shown later in
    presentation mode finds its type ready (caught up only when shown, the Losses page's 260
    widgets took theirs in the turn of the switch: 98 ms against 76 before, on a slow machine)."""

    DELAY_MS = 200  # after the new look's held paint (250 ms at most; most often far less)

    @classmethod
    def of(cls, window):
        idle = getattr(window, "_klviz_idle_catch_up", None)
        if idle is None:
            idle = window._klviz_idle_catch_up = cls(window)
        return idle

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    def start(self):
        self._timer.start(self.DELAY_MS)

    def _next(self):
        pending = [c for c in self._window.findChildren(_FontCatchUp) if c._armed]
        if pending:
            pending[0].catch_up()
            self._timer.start(1)  # a timer, not a posted call: each page in a turn of its own


_SCALE = "_klviz_font_scale"  # on the window: the scale its fonts are at (hidden pages catch up)
_PIN = "_klviz_font_pin"  # on a page: its font is its own copy of the one it would inherit
_ALL_RESOLVED = 0xFFFFF  # QFont::AllPropertiesResolved: no attribute left to inherit
_SET = QtCore.Qt.WidgetAttribute.WA_SetFont


def _hidden_pages(root):
    """The pages under `root` that are not shown: stacked widgets' pages not in front and docked
    dock widgets that are closed (nested ones included)."""
    pages = []
    for stack in root.findChildren(QtWidgets.QStackedWidget):
        current = stack.currentWidget()
        pages.extend(w for w in (stack.widget(i) for i in range(stack.count())) if w is not current)
    pages.extend(d for d in root.findChildren(QtWidgets.QDockWidget) if d.isHidden() and not d.isWindow())
    return pages


def _pinnable(w):
    """A page whose font is the one it inherits (none of its own, no style sheet, not a window)."""
    return (w.property(_PIN) or not (w.testAttribute(_SET) or w.styleSheet() or w.isWindow()
                                     or w.property("_klviz_base_font") is not None))


def _pin(page):
    """The page's font becomes its own: the one its parent has now, every attribute resolved, so
    a change above it no longer reaches its children (it costs the page one FontChange; its
    children see the same font and hear nothing)."""
    parent = page.parentWidget()
    f = QtGui.QFont(parent.font() if parent is not None else page.font())
    f.setResolveMask(_ALL_RESOLVED)
    page.setFont(f)
    page.setProperty(_PIN, True)


def _scale_fonts_in(root, scale):
    # a window not shown yet: all at once (no page of it is on screen, and none would be told)
    hidden = _hidden_pages(root) if root.window().isVisible() else []
    skip = set(hidden)
    for page in hidden:
        skip.update(page.findChildren(QtWidgets.QWidget))
    for page in hidden:
        if page.parentWidget() in skip:
            continue  # inside another hidden page: pinned when that one catches up
        if _pinnable(page) and not page.property(_PIN):
            _pin(page)  # before the fonts above it change: it keeps the one it has
        _FontCatchUp.follow(page)
    # popups (combo lists, menus) do not inherit, and nor does a widget with a style sheet (the
    # lesson's live formula stayed at the normal size in presentation mode)
    widgets = [root] + [w for w in root.findChildren(QtWidgets.QWidget) if w not in skip]
    pinned = [w for w in widgets if w.property(_PIN)]
    targets = [w for w in widgets if not w.property(_PIN) and (
        w.property("_klviz_base_font") is not None or w.testAttribute(_SET) or w.isWindow() or w.styleSheet())]
    # Explicit fonts first, then the root's, then the pinned pages' (parents before children:
    # findChildren walks depth first), each the font its parent has by then. A size measured
    # from an explicit font (a value label's least width) is then new when the layout requests
    # of the fonts inherited ask for it: the other way round, the Bernoulli loss panel's side
    # column kept the width its normal type needed (its scroll area does not pass on a change
    # of its content's least width).
    order = [w for w in targets if w is not root] + [w for w in targets if w is root] + pinned
    for w in order:
        if w.property(_PIN):
            _pin(w)  # a page shown: the font its parent has now, as its own
            continue
        base = w.property("_klviz_base_font")
        if base is None:
            base = QtGui.QFont(w.font())
            w.setProperty("_klviz_base_font", base)
            w.setProperty("_klviz_font_explicit", w.testAttribute(_SET))
        if scale == 1.0 and not w.property("_klviz_font_explicit"):
            w.setFont(QtGui.QFont())  # inherit again, as before
            w.setAttribute(_SET, False)
            continue
        f = QtGui.QFont(base)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        f.setPointSizeF(size * scale)
        w.setFont(f)
    for combo in root.findChildren(QtWidgets.QComboBox):
        if combo in skip:
            continue
        popup = combo.view().window()  # a separate window that keeps the font it was given
        if popup is not combo.window():
            popup.setFont(combo.font())
            for child in popup.findChildren(QtWidgets.QWidget):
                child.setFont(combo.font())


_exiting = False  # the interpreter is shutting down (see _at_exit)


@atexit.register
def _at_exit():
    """From here on, widgets being destroyed at interpreter exit are left alone: a window still
    shown then (never closed) deletes its pages one by one, its stacks show the next page each
    time, and a page restyled or given fonts in the middle of that crashed PySide6 6.7."""
    global _exiting
    _exiting = True


def exiting():
    """True once the interpreter has begun to shut down (a Show then is a window being torn down)."""
    return _exiting


class _FontCatchUp(QtCore.QObject):
    """A hidden page's fonts, brought to the window's scale when the page is next shown (its Show
    event comes before its first paint). A child of the page: it goes with it."""

    @classmethod
    def follow(cls, page):
        catch = page.findChild(cls, "", QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
        if catch is None:
            catch = cls(page)
        catch.arm()

    def __init__(self, page):
        super().__init__(page)
        self._page, self._armed = page, False

    def arm(self):
        if not self._armed:
            self._armed = True
            self._page.installEventFilter(self)

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.Show and self._armed and obj is self._page and not _exiting:
            self.catch_up()
        return False

    def catch_up(self):
        if not self._armed:
            return
        self._armed = False
        self._page.removeEventFilter(self)
        window = self._page.window()
        scale = window.property(_SCALE)
        if scale is not None:
            _scale_fonts_in(self._page, float(scale))
            font_keeper(window).caughtUp.emit(self._page)


def catch_up_fonts(page):
    """A hidden page's fonts at its window's scale now, as its next show would bring them (the
    lesson panel, laid out ahead of time while hidden)."""
    catch = page.findChild(_FontCatchUp, "", QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
    if catch is not None:
        catch.catch_up()


class FontKeeper(QtCore.QObject):
    """Tells the window when a page it showed has taken its fonts' scale (caughtUp(page)): the
    page's arrangement is then measured again (columns stack or stand; a font change alone does
    not make a layout check that)."""

    caughtUp = QtCore.Signal(QtWidgets.QWidget)


def font_keeper(window):
    """The window's FontKeeper (made on first use; a child of the window)."""
    keeper = getattr(window, "_klviz_font_keeper", None)
    if keeper is None:
        keeper = window._klviz_font_keeper = FontKeeper(window)
    return keeper


_PM = QtWidgets.QStyle.PixelMetric
_INDICATOR_METRICS = frozenset((_PM.PM_IndicatorWidth, _PM.PM_IndicatorHeight,
                                _PM.PM_ExclusiveIndicatorWidth, _PM.PM_ExclusiveIndicatorHeight))


class ScaledIndicators(QtWidgets.QProxyStyle):
    """The application's style with check-box and radio-button indicators scaled with the type:
    in presentation mode the text grew 1.6× beside squares that stayed 14 px. (A style sheet's
    ::indicator size would drop Fusion's frame around the square.)"""

    def __init__(self, scale=1.0):
        base = QtWidgets.QStyleFactory.create(QtWidgets.QApplication.style().name())
        super().__init__(base)
        self.scale = float(scale)

    def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802 (Qt name)
        value = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_METRICS and self.scale != 1.0:
            return round(value * self.scale)
        return value


_indicators = None  # the ScaledIndicators in use (a reference: the widgets do not own it)


def scale_indicators(window, scale):
    """The window's check boxes, radio buttons and checkable group boxes with indicators at `scale`. Those widgets alone
    take the proxy style, the first time the scale is not 1 (a start pays no Python call per
    metric, and no other widget is restyled: a zoom repolished nothing else before); afterwards
    only its scale changes. The caller scales the fonts next, whose FontChange makes each box
    measure itself again."""
    global _indicators
    if _indicators is None:
        if scale == 1.0:
            return
        _indicators = ScaledIndicators(scale)
    _indicators.scale = float(scale)
    for w in window.findChildren(QtWidgets.QWidget):
        ticks = (isinstance(w, (QtWidgets.QCheckBox, QtWidgets.QRadioButton))
                 or isinstance(w, QtWidgets.QGroupBox) and w.isCheckable())  # "More divergences"
        if ticks and w.style() is not _indicators:
            w.setStyle(_indicators)  # the widget alone: its children keep the application's


def apply_window_look(window, look):
    """The window-wide part of a look: the application's palette, pyqtgraph's default foreground
    (for items made later), the check boxes' indicators and the window's fonts (again after
    widgets are added to it)."""
    app = QtWidgets.QApplication.instance()
    scale_indicators(window, look.scale)
    app.setPalette(dark_palette() if look.dark else light_palette(look.high_contrast))
    pg.setConfigOption("foreground", look.foreground)
    _scale_widget_fonts(window, look.scale)
