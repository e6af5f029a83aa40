"""Layouts that reflow instead of forcing a minimum window size (issue 12, "Fit any screen").

`ReflowSplitter` puts its parts side by side while the width allows and stacks them when it does
not, so a page never demands the sum of its columns' widths. `PageScroll` holds a page's content:
the content fills the page while it fits and scrolls (vertically first) when the screen is smaller
still, so nothing is ever squeezed below its minimum, clipped or overlapped. `WrapRow`: a row
of controls that wraps onto more lines when narrow.
"""

from PySide6 import QtCore, QtWidgets

from klviz.gui.i18n import translate
from klviz.gui.widgets.caption import Caption

_H = QtCore.Qt.Orientation.Horizontal
_V = QtCore.Qt.Orientation.Vertical

#: extra width needed to go back side by side once stacked, so a scroll bar appearing or
#: disappearing on the way cannot flip the layout back and forth
HYSTERESIS = 24


def _height_for(w, width, own_minimum):
    """`w`'s minimum height at `width` (word-wrapped text needs more lines when narrow)."""
    h = max(w.minimumSizeHint().height(), own_minimum)
    layout = w.layout()
    if width > 0 and layout is not None and layout.hasHeightForWidth():
        h = max(h, layout.totalHeightForWidth(width))
    return h


def _least_height_for(w, width, own_minimum):
    """`w`'s least height at `width`: its minimum, or what its wrapped text needs at least (a
    layout's plain height for width is its preferred height: a chart's large size hint)."""
    h = max(w.minimumSizeHint().height(), own_minimum)
    layout = w.layout()
    if width > 0 and layout is not None and layout.hasHeightForWidth():
        least = getattr(layout, "totalMinimumHeightForWidth", layout.totalHeightForWidth)  # where Qt has it
        h = max(h, least(width))
    return h


def _stacked_height(w, width=0, own_minimum=None, room=None):
    """The height a part needs when it is stacked `width` wide: a scroll area shows its whole
    content; a part given a stacked height (`ReflowSplitter.set_stacked_height`) at least that.
    `own_minimum`: the part's minimum height before the splitter held it (else its current one).
    `room`: the visible height of the page that scrolls around the splitter; a part's wish (its
    stacked height, its preferred height for width) is never more than that -- a chart taller
    than the screen is never wholly in view -- but its least height always holds."""
    wanted = w.property("klviz_stacked_height") or 0
    own_minimum = w.minimumHeight() if own_minimum is None else own_minimum
    if isinstance(w, QtWidgets.QScrollArea) and w.widget() is not None:
        inner = w.widget()
        need = max(_height_for(inner, width, inner.minimumHeight()), inner.sizeHint().height())
        return max(need + 2 * w.frameWidth(), own_minimum, wanted)
    if room is None or room <= 0:
        return max(_height_for(w, width, own_minimum), wanted)
    least = _least_height_for(w, width, own_minimum)
    return max(least, min(max(_height_for(w, width, own_minimum), wanted), room))


def essentials_height(part, whole):
    """The height `part` needs at least to show its essentials -- its readouts (labels named
    "…value…") and captions -- from its top, as laid out now; what follows them (notes,
    controls) may be below the fold. A panel that scrolls (QScrollArea): those of its content.
    `whole`: the height to use for a part with no essentials shown or not laid out yet."""
    scrolls = isinstance(part, QtWidgets.QScrollArea)
    inner = part.widget() if scrolls else part
    if inner is None or not part.isVisible():
        return whole
    bottoms = [wd.mapTo(inner, QtCore.QPoint(0, wd.height())).y()
               for wd in inner.findChildren(QtWidgets.QWidget)
               if wd.isVisible() and (isinstance(wd, Caption)
                                      or (isinstance(wd, QtWidgets.QLabel) and "value" in wd.objectName()))]
    if not bottoms:
        return whole
    bottom = max(bottoms) + (inner.layout().contentsMargins().bottom() if inner.layout() is not None else 0)
    return min(whole, bottom + (2 * part.frameWidth() if scrolls else 0))


QWIDGETSIZE_MAX = 16777215  # Qt's largest widget size: no maximum


def clipped_essentials(page):
    """The essentials of `page` that are not wholly in view: each visible chart (a pyqtgraph
    PlotWidget), caption and readout (a label named "…value…") that its parents clip (below the
    fold of a page that scrolls, cut by a panel too small) or that lies off its screen. What
    tests/gui/fit_check.py counts as clipped, for the window to act on (the type beside the
    lesson panel in presentation mode: klviz.gui.classroom)."""
    import pyqtgraph as pg

    screen = page.screen().geometry() if page.screen() is not None else None
    found = []
    for wd in page.findChildren(QtWidgets.QWidget):
        essential = isinstance(wd, (pg.PlotWidget, Caption)) or (
            isinstance(wd, QtWidgets.QLabel) and "value" in wd.objectName())
        if not essential or not wd.isVisible():
            continue
        target = wd.viewport() if isinstance(wd, QtWidgets.QAbstractScrollArea) else wd
        on_screen = QtCore.QRect(wd.mapToGlobal(QtCore.QPoint(0, 0)), wd.size())
        if target.visibleRegion().boundingRect().size() != target.size() or (
                screen is not None and not screen.contains(on_screen)):
            found.append(wd)
    return found


class ReflowSplitter(QtWidgets.QSplitter):
    """A horizontal splitter that turns vertical when its parts' minimum widths do not fit side
    by side, and back when they do. Its minimum width is the widest part's, not their sum."""

    stackedChanged = QtCore.Signal(bool)

    def __init__(self, parent=None):
        super().__init__(_H, parent)
        self.setChildrenCollapsible(False)
        self._saved_min_heights = {}
        self._stacked_first = None
        self._fresh = False
        self._share_room = None  # see share_room
        self._share_always = False

    def share_room(self, below=lambda: 0, always=False):
        """Stacked, the parts share the page's visible height instead of each wishing for all of
        it: where that brings the essentials of the last part (its readouts and captions, see
        essentials_height) into view, a part's wish (its stacked height, its preferred height)
        is never more than what the page's room leaves once the others have their least heights
        -- the charts on top give way, down to their own least height, so that the readouts
        under them are in view as the page opens (a page narrowed by the lesson panel, issue
        12). Where even that does not bring them into view, the page scrolls and each part keeps
        its wish. A part that scrolls (the Continuous measures) still shows its whole content:
        nothing scrolls inside a page that scrolls. `below`: the height of what the page holds
        under this splitter that must stay in view too. `always`: the charts give way even
        where that brings only some of the readouts into view (no other part would want the
        height they give up: nothing is stacked under this splitter)."""
        self._share_room = below
        self._share_always = always

    def set_stacked_height(self, widget, pixels):
        """When stacked, `widget` is at least `pixels` tall (a chart stays a readable size)."""
        widget.setProperty("klviz_stacked_height", int(pixels))

    def set_stacked_first(self, widget):
        """When stacked, `widget` goes on top (the charts above their controls)."""
        self._stacked_first = widget

    def stacked(self):
        return self.orientation() == _V

    def side_by_side_width(self):
        """The width the parts need side by side (their minimum widths and the handles)."""
        parts = [self.widget(k) for k in range(self.count()) if not self.widget(k).isHidden()]
        if not parts:
            return 0
        # a nested reflowing part counts as side by side: the outer level stacks first
        # a part narrower stacked than beside the others (a side column that keeps room for its
        # own scroll bar only there) says its side-by-side width itself
        widths = [max(w.side_by_side_width(), w.minimumWidth()) if hasattr(w, "side_by_side_width")
                  else max(w.minimumSizeHint().width(), w.minimumWidth()) for w in parts]
        return sum(widths) + self.handleWidth() * (len(parts) - 1)

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        parts = [self.widget(k) for k in range(self.count()) if not self.widget(k).isHidden()]
        if not parts:
            return super().minimumSizeHint()
        width = max(max(w.minimumSizeHint().width(), w.minimumWidth()) for w in parts)
        if self.stacked():
            heights = self._stacked_heights(self.width())
            height = sum(heights[w] for w in parts)
            height += self.handleWidth() * (len(parts) - 1)
        else:
            height = max(max(w.minimumSizeHint().height(), w.minimumHeight()) for w in parts)
        return QtCore.QSize(width, height)

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._fresh:
            QtCore.QTimer.singleShot(0, self, lambda: self.reflow())

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        self.reflow(event.size().width())
        if self.stacked() and event.size().width() != event.oldSize().width():
            self._hold_heights(event.size().width())
        super().resizeEvent(event)

    def _hold_heights(self, width):
        """Stacked, every part keeps the height its content needs at this width: the page
        scrolls as a whole instead of squeezing a part."""
        for k in range(self.count()):
            w = self.widget(k)
            self._saved_min_heights.setdefault(w, w.minimumHeight())
        for w, h in self._stacked_heights(width).items():
            w.setMinimumHeight(h)
        self.updateGeometry()

    def _stacked_heights(self, width):
        """Each part's height stacked `width` wide (see _stacked_height and share_room)."""
        room = self._page_room()
        parts = [self.widget(k) for k in range(self.count())]
        own = {w: self._saved_min_heights.get(w, w.minimumHeight()) for w in parts}
        heights = {w: _stacked_height(w, width, own[w], room) for w in parts}
        if self._share_room is None or not room:
            return heights
        shown = [w for w in parts if not w.isHidden()]
        if not shown:
            return heights
        least = {w: heights[w] if isinstance(w, QtWidgets.QScrollArea) else _least_height_for(w, width, own[w])
                 for w in shown}
        page = self.parentWidget()
        while page is not None and not isinstance(page, PageScroll):
            page = page.parentWidget()
        above = self.mapTo(page.widget(), QtCore.QPoint(0, 0)).y() if page is not None and page.widget() is not self else 0
        left = room - above - self._share_room() - self.handleWidth() * (len(shown) - 1)
        last = shown[-1]
        essentials = essentials_height(last, least[last])
        if not self._share_always and sum(least[w] for w in shown[:-1]) + essentials > left:
            return heights  # no sharing brings the readouts in view: the page scrolls
        # the parts above give way only for the last part's essentials, not for all of it: what
        # follows its readouts (a note, a batch table) may be below the fold, and a chart kept
        # at its least height for it was needlessly short (the Bernoulli loss chart at 1024×768
        # beside the lesson panel: 60 px high, with 200 px of notes under the readouts)
        reserved = {w: least[w] for w in shown}
        reserved[last] = min(least[last], essentials)
        for w in shown:
            cap = left - sum(reserved[o] for o in shown if o is not w)
            heights[w] = max(least[w], min(heights[w], cap))
        return heights

    def hold_heights_again(self):
        """Stacked, hold the parts' heights anew now that their content changed height without
        a resize (a secondary part in one of them folded or unfolded)."""
        if self.stacked():
            self._hold_heights(self.width())

    def _page_room(self):
        """The visible height of the page (a PageScroll) this splitter is laid out in, or None."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, PageScroll):
            w = w.parentWidget()
        return w.viewport().height() if w is not None and w.isVisible() else None

    def reflow_later(self):
        """Reflow once the current layout work is done (the type changed size: presentation mode,
        zoom; the parts' minimum widths changed without the splitter being resized). A fresh
        choice: see `reflow`."""
        self._fresh = True  # taken by the first reflow while shown (a hidden tab: when shown)
        QtCore.QTimer.singleShot(0, self, lambda: self.reflow())

    def reflow(self, width=None, fresh=False):
        """Choose the orientation for `width` (the current width by default). Stacked, the parts
        go back side by side only with HYSTERESIS to spare, so a page scroll bar coming or going
        cannot flip them on every resize. `fresh` (once, after the type changed size): where
        side by side the page would fit without its vertical scroll bar, the width without the
        bar is enough -- stacked at a smaller type or window, a panel would otherwise stay
        stacked at the very width it fits side by side (the Normal loss panel at 1280×720: 1233
        px needed, 1252 px without the bar). Not for nested reflowing splitters, whose widths
        move while the outer one turns."""
        width = self.width() if width is None else width
        if self._fresh and self.isVisible():
            fresh, self._fresh = True, False
        need = self.side_by_side_width()
        if not self.stacked() and width < need:
            self._set_stacked(True)
        elif self.stacked() and width >= need + HYSTERESIS:
            self._set_stacked(False)
        elif fresh and self.stacked() and 0 < (bar := self._bar_gone_side_by_side()) and width + bar >= need:
            self._set_stacked(False)

    def _bar_gone_side_by_side(self):
        """The width the page's vertical scroll bar takes now if, side by side, this splitter
        would let the page fit without it (0 otherwise, and for nested reflowing splitters,
        whose widths depend on each other)."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, QtWidgets.QScrollArea):
            if isinstance(w, ReflowSplitter):
                return 0
            w = w.parentWidget()
        if w is None or w.widget() is None or any(
                isinstance(self.widget(k), ReflowSplitter) for k in range(self.count())):
            return 0
        bar = w.verticalScrollBar()
        if not bar.isVisible():
            return 0
        parts = [self.widget(k) for k in range(self.count()) if not self.widget(k).isHidden()]
        side_by_side = max((max(p.minimumSizeHint().height(), self._saved_min_heights.get(p, p.minimumHeight()))
                            for p in parts), default=0)
        rest = w.widget().height() - self.height()  # the rest of the page, above and below
        return bar.width() if rest + side_by_side <= w.viewport().height() else 0

    def _set_stacked(self, on):
        first = self._stacked_first
        if on:
            self._hold_heights(self.width())
            if first is not None:
                self._side_index = self.indexOf(first)
                self.insertWidget(0, first)
        else:
            for w, h in self._saved_min_heights.items():
                w.setMinimumHeight(h)
            self._saved_min_heights.clear()
            if first is not None and getattr(self, "_side_index", None) is not None:
                self.insertWidget(self._side_index, first)
        self.setOrientation(_V if on else _H)
        self.updateGeometry()
        self.stackedChanged.emit(on)


class Secondary(QtWidgets.QWidget):
    """A secondary part of a page (the pointwise chart) behind a toggle: its caption stays, with
    an arrow button before it that shows or hides the rest. A page too short for everything
    folds it on its own (see PageScroll.add_secondary) until the user chooses."""

    expandedChanged = QtCore.Signal(bool)

    def __init__(self, caption, body, name, what, folded_title=None, at_width=False):
        """`folded_title`: a short title shown instead of `caption` while folded (a chart's
        live caption of two lines, folded with its chart: one line then, on a short screen).
        `at_width`: folded, it takes its caption's height at its own width only (a long caption
        that wraps; its size hint is the height at a narrower width, lines taller)."""
        super().__init__()
        self.setObjectName(name)
        self.at_width = at_width
        self.caption = caption
        self.folded_title = None
        if folded_title is not None:
            self.folded_title = QtWidgets.QLabel(folded_title)
            self.folded_title.setObjectName(f"{name}_title")
            self.folded_title.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            self.folded_title.setVisible(False)
        self.button = QtWidgets.QToolButton()
        self.button.setObjectName(f"{name}_toggle")
        self.button.setCheckable(True)
        self.button.setChecked(True)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(translate("widgets.reflow", "Show {0}").format(what))
        self.button.setToolTip(translate("widgets.reflow", "Show or hide {0}").format(what))
        self.button.toggled.connect(lambda on: self._set(on, by_user=True))
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        row.addWidget(caption, 1)
        if self.folded_title is not None:
            row.addWidget(self.folded_title, 1)
        self.body = QtWidgets.QWidget()
        bl = QtWidgets.QVBoxLayout(self.body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(body)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.body, 1)
        self.chosen = False  # whether the user toggled it (then the page never folds it itself)
        self.folded_by_page = False
        self.need_unfolded = None  # the page's height need when it was folded (see PageScroll)
        self._arrow()

    def expanded(self):
        return self.button.isChecked()

    def set_expanded(self, on):
        """Fold or unfold as the page decides (the user's own choice wins: see `chosen`)."""
        if self.chosen or on == self.expanded():
            return
        self.folded_by_page = not on
        with QtCore.QSignalBlocker(self.button):
            self.button.setChecked(on)
        self._set(on, by_user=False)

    def unfold_as_user(self):
        """Unfold it as a click on its arrow would (the same toggled and expandedChanged
        signals, the same state): the choice is then the user's, and the page leaves it open.
        Already unfolded, it only takes that choice, so a page growing shorter later does not
        fold it."""
        if self.expanded():
            self.chosen = True
            self.folded_by_page = False
        else:
            self.button.setChecked(True)  # its toggled signal: _set(True, by_user=True)

    def _set(self, on, by_user):
        if by_user:
            self.chosen = True
            self.folded_by_page = False
        self.body.setVisible(on)
        if self.folded_title is not None:
            self.caption.setVisible(on)
            self.folded_title.setVisible(not on)
        self.hold_folded_height()
        self._arrow()
        self._lay_out_around()
        self.expandedChanged.emit(on)

    def _lay_out_around(self):
        """Lay the layouts around it out again now, inside out up to the page, not at a later
        turn of the event loop: a part in a column among others (the Normal loss panel's
        profile chart) would otherwise be drawn for a frame at its old height, over what follows."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, PageScroll):
            if w.layout() is not None:
                w.layout().activate()
            w = w.parentWidget()
        if w is not None:  # stacked splitters on the page hold their parts' heights anew
            QtCore.QTimer.singleShot(0, w, w._hold_stacked)

    def hold_folded_height(self):
        """Folded, it takes exactly its caption's height at its width (a splitter gives the rest
        elsewhere); again after the type or the width changed, when the caption wraps anew."""
        if self.expanded():
            self.setMinimumHeight(0)
            self.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        layout, width = self.layout(), self.width()
        height = self.sizeHint().height()
        if width > 0 and layout.hasHeightForWidth():
            at = layout.totalHeightForWidth(width)
            height = at if self.at_width else max(height, at)
        changed = height != self.minimumHeight() or height != self.maximumHeight()
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        if changed and not self.body.isVisible():
            # its caption wrapped anew after it folded (a line fewer at its final width): the
            # stacked splitters on the page hold their parts' heights again, else a part
            # stays as tall as it was with the extra line (the Categorical charts, 23 px, the
            # readouts under them then below the fold beside the lesson panel)
            page = self.parentWidget()
            while page is not None and not isinstance(page, PageScroll):
                page = page.parentWidget()
            if page is not None:
                QtCore.QTimer.singleShot(0, page, page._hold_stacked)

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if not self.expanded() and event.size().width() != event.oldSize().width():
            QtCore.QTimer.singleShot(0, self, self.hold_folded_height)  # the caption re-wraps

    def _arrow(self):
        on = self.expanded()
        self.button.setArrowType(QtCore.Qt.ArrowType.DownArrow if on else QtCore.Qt.ArrowType.RightArrow)

    def unfolded_extra(self):
        """How much taller it is unfolded than folded (what unfolding would cost the page)."""
        return max(self.body.minimumSizeHint().height(), 0) + 2


class PageScroll(QtWidgets.QScrollArea):
    """A page's content: it fills the page while it fits, and scrolls when the page is smaller
    than the content's minimum (a short or narrow screen, large presentation type). Secondary
    parts added with `add_secondary` fold first, before anything has to scroll."""

    def __init__(self, content, parent=None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAccessibleName(translate("widgets.reflow", "Page (scrolls when the window is small)"))
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds (and scrolls to it)
        self._secondaries = []
        self._deciding = {}
        self._needs = {}  # part -> its own height need (add_secondary's `need`)
        self._refit_timer = QtCore.QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._fit_secondaries)

    def add_secondary(self, part, when=None, need=None):
        """Fold `part` first when the page is too short. `when`: a callable saying whether this
        page decides for the part now (two pages share one: the controls column while it stands
        beside the charts, the whole page while the column is stacked under them). `need`: a
        callable giving the height that must fit in the page for this part to stay unfolded,
        where that is less than the whole content (the charts at the top of a page whose
        controls scroll under them); by default the content's height."""
        self._secondaries.append(part)
        self._deciding[part] = when
        if need is not None:
            self._needs[part] = need
        self.refit()

    def _decides(self, part):
        when = self._deciding.get(part)
        # a part inside another one that is folded is not on show: nothing to decide
        return (when is None or when()) and part.isVisibleTo(self.widget())

    def refit(self):
        """Fold or unfold the secondary parts for the current size (after a resize, and after
        the type changed size: call it then). Only then: never on a drag frame."""
        if self._secondaries:
            self._refit_timer.start()

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            QtCore.QTimer.singleShot(0, self, self._hold_stacked)  # once the viewport has its size
        self.refit()

    def _hold_stacked(self):
        """Stacked splitters on the page cap their parts by the page's height: again."""
        content = self.widget()
        if content is not None:
            splits = content.findChildren(ReflowSplitter)
            if isinstance(content, ReflowSplitter):
                splits.insert(0, content)
            for split in splits:
                if split.stacked():
                    split._hold_heights(split.width())

    def _fit_secondaries(self):
        for part in self._secondaries:
            part.hold_folded_height()  # the type may have changed size since it folded
        room = self.viewport().height()
        whole = self.needed_height()

        def need_of(part):
            own = self._needs.get(part)
            return whole if own is None else own()

        for part in self._secondaries:
            need = need_of(part)
            if need > room and part.expanded() and not part.chosen and self._decides(part):
                part.need_unfolded = need  # unfolded, the page needed this much
                part.set_expanded(False)
                self.refit()  # once laid out: check again
                return
        for part in reversed(self._secondaries):
            need = need_of(part)
            if need > room:
                continue
            # Unfold only where the page will still fit: the height it needed unfolded (or,
            # after the type changed size, an estimate), with a margin, so that a page at
            # the edge does not fold and unfold on every relayout (a drag frame).
            wanted = part.need_unfolded if part.need_unfolded is not None else need + part.unfolded_extra()
            if part.folded_by_page and wanted + HYSTERESIS <= room and self._decides(part):
                part.set_expanded(True)
                self.refit()
                return

    def needed_height(self):
        """The height the content takes at the viewport's width: its minimum, or where its text
        wraps (height for width) the height the scroll area lays it out at."""
        content = self.widget()
        need = content.minimumSizeHint().height()
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = max(need, content.heightForWidth(self.viewport().width()))
        return need

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        return QtCore.QSize(200, 160)

    def sizeHint(self):  # noqa: N802 (Qt name)
        return self.widget().sizeHint()


def page_scroll(content):
    return PageScroll(content)


class _FlowLayout(QtWidgets.QLayout):
    """Items left to right, wrapping onto a new line when the next does not fit; on each line the
    room left over goes to the items that expand horizontally (a slider, a text field)."""

    def __init__(self, parent=None, spacing=8, line_spacing=4):
        super().__init__(parent)
        self._items = []
        self._gap, self._line_gap = spacing, line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, index):  # noqa: N802 (Qt name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):  # noqa: N802 (Qt name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt name)
        return QtCore.Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802 (Qt name)
        return False  # WrapRow holds the height itself (see there)

    def height_for(self, width):
        return self._lay_out(QtCore.QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect):  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        self._lay_out(rect, apply=True)

    def sizeHint(self):  # noqa: N802 (Qt name)
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        m = self.contentsMargins()
        return QtCore.QSize(width + m.left() + m.right(), self.height_for(width + m.left() + m.right()))

    def minimumSize(self):  # noqa: N802 (Qt name)
        shown = [i for i in self._items if not i.isEmpty()]
        width = max((i.minimumSize().width() for i in shown), default=0)
        m = self.contentsMargins()
        return QtCore.QSize(width + m.left() + m.right(), self.height_for(width + m.left() + m.right()))

    def _lines(self, width):
        lines, line, used = [], [], 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = item.sizeHint().width()
            if line and used + self._gap + w > width:
                lines.append(line)
                line, used = [], 0
            used += (self._gap if line else 0) + w
            line.append(item)
        if line:
            lines.append(line)
        return lines

    def _lay_out(self, rect, apply):
        m = self.contentsMargins()
        r = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = r.y()
        for n, line in enumerate(self._lines(r.width())):
            widths = [max(i.sizeHint().width(), i.minimumSize().width()) for i in line]
            room = r.width() - sum(widths) - self._gap * (len(line) - 1)
            grow = [k for k, i in enumerate(line) if i.expandingDirections() & _H]
            if room > 0 and grow:
                for k in grow:
                    widths[k] += room // len(grow)
            elif room < 0:  # one item alone wider than the line: it gets the line, down to its minimum
                widths = [max(min(w, r.width()), i.minimumSize().width()) for w, i in zip(widths, line)]
            heights = [i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                       for w, i in zip(widths, line)]
            tall = max(heights)
            if n:
                y += self._line_gap
            if apply:
                x = r.x()
                for w, h, item in zip(widths, heights, line):
                    item.setGeometry(QtCore.QRect(x, y + (tall - h) // 2, w, h))
                    x += w + self._gap
            y += tall
        return y - r.y() + m.top() + m.bottom()


class WrapRow(QtWidgets.QWidget):
    """A row of controls in groups (a label and its box stay together) that wraps onto more lines
    when the page is narrower than the row, instead of scrolling sideways: every control and
    value in it stays in view on a projector (issue 12)."""

    def __init__(self, parent=None, spacing=8):
        super().__init__(parent)
        self._flow = _FlowLayout(self, spacing=spacing + 10)
        self._spacing = spacing
        # Its height follows its width (more lines when narrow), but it does not say so to its
        # parent layout (height for width): a page scroll area then lays a page out at its
        # preferred height, not at the screen's. It holds its height itself after each resize.
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)

    def add_group(self, *widgets, stretch=None):
        """Widgets kept on one line, side by side; `stretch` (one of them) takes the room left on
        its line. Returns the group's holder."""
        holder = QtWidgets.QWidget(self)
        row = QtWidgets.QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(self._spacing)
        for w in widgets:
            row.addWidget(w, 1 if w is stretch else 0)
        horizontal = (QtWidgets.QSizePolicy.Policy.Expanding if stretch is not None
                      else QtWidgets.QSizePolicy.Policy.Fixed)
        holder.setSizePolicy(horizontal, QtWidgets.QSizePolicy.Policy.Fixed)
        self._flow.addWidget(holder)
        return holder

    def _height(self):
        width = self.width() if self.width() > 0 else self._flow.sizeHint().width()
        return self._flow.height_for(width)

    def sizeHint(self):  # noqa: N802 (Qt name)
        return QtCore.QSize(self._flow.sizeHint().width(), self._height())

    def minimumSizeHint(self):  # noqa: N802 (Qt name)
        return QtCore.QSize(self._flow.minimumSize().width(), self._height())

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QtCore.QTimer.singleShot(0, self, self._hold_height)  # wrapped anew: lines come or go

    def _hold_height(self):
        if self._height() != self.height():
            self.updateGeometry()

    def event(self, ev):
        if ev.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.LayoutRequest):
            QtCore.QTimer.singleShot(0, self, self._hold_height)
        return super().event(ev)


def relayout_later(root):
    """After the type changed size: every reflowing splitter and page under `root` checks its
    arrangement again (a resize does that by itself; a font change does not)."""
    for split in root.findChildren(ReflowSplitter):
        split.reflow_later()
    for part in root.findChildren(Secondary):
        part.need_unfolded = None  # measured at the old type size: estimate again
    for page in root.findChildren(PageScroll):
        page.refit()
