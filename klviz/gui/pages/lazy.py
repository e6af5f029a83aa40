"""Updates of a page that wait, hidden on a tab that is not current, until it is shown.

Setting up a lesson step's scene changes P, Q, the continuous pair, the unit and the loss lab at
once; every page used to redraw for it, the hidden ones too: opening the lesson spent more time
on the four tabs nobody saw than on the one in view. A page's model slots go through `WhenShown`:
while a scene is being set up (`hidden_pages_wait()`, around the one change), an update of a page
hidden on a tab that is not current, in a window that is shown, is only noted, and runs when the
page is shown (its Show event, which comes before its first paint), when an update of it runs
anyway, or when a reader asks for `ensure_fresh()`. Every other change (a control, Undo, a
file) updates every page at once, as before, so a program (or a test) that reads a hidden page
after it finds it up to date. Nothing stale can be seen: a hidden widget is not painted, and
the page is brought up to date before it is.

After updates made up on showing, the window's accessibility keeper (if any) is asked to
describe the charts and readouts again, as after any change of the session.
"""

from __future__ import annotations

import contextlib

from PySide6 import QtCore

_waiting = 0  # > 0 inside hidden_pages_wait()


@contextlib.contextmanager
def hidden_pages_wait():
    """Within: the pages hidden on tabs that are not current update when shown (see above)."""
    global _waiting
    _waiting += 1
    try:
        yield
    finally:
        _waiting -= 1


class WhenShown(QtCore.QObject):
    """The deferred updates of one widget (its child): `slot(update)` is what to connect to a
    model signal instead of `update`; the updates due run in the order they were first due."""

    def __init__(self, widget):
        super().__init__(widget)
        self._widget = widget
        self._due = {}  # update -> None: the updates noted while hidden (ordered, each once)

    @classmethod
    def of(cls, widget):
        """The widget's WhenShown (made on first use)."""
        found = widget.findChild(cls, "", QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
        return found if found is not None else cls(widget)

    def slot(self, update):
        """A slot for a model signal: `update()` now, or when the widget is shown (its
        arguments, if the signal has any, are dropped: an update reads the model). The slot is
        a method of a child of the widget, so it goes with the widget (as `update` would)."""
        return _Slot(self, update).fire

    def waits(self):
        """True if an update now is held back: within hidden_pages_wait(), the widget hidden in
        a window that is shown."""
        w = self._widget
        return _waiting > 0 and not w.isVisible() and w.window().isVisible()

    def run(self, update):
        if self.waits():
            if not self._due:  # its events are watched only while updates are due
                self._widget.installEventFilter(self)
            self._due.setdefault(update, None)
        elif self._due:
            self._due.setdefault(update, None)  # it runs now, with those due before it, in order
            self.ensure_fresh()
        else:
            update()

    @property
    def stale(self):
        return bool(self._due)

    def ensure_fresh(self):
        """Run the updates held back (for a reader of a hidden page's widgets)."""
        if not self._due:
            return
        self._widget.removeEventFilter(self)
        while self._due:
            update = next(iter(self._due))
            del self._due[update]
            update()
        keeper = getattr(self._widget.window(), "accessibility", None)
        if keeper is not None and hasattr(keeper, "schedule"):
            keeper.schedule()  # the descriptions follow the values now shown

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if obj is self._widget and ev.type() == QtCore.QEvent.Type.Show and self._due:
            self.ensure_fresh()
        return False


class _Slot(QtCore.QObject):
    def __init__(self, owner, update):
        super().__init__(owner)
        self._owner, self._update = owner, update

    def fire(self, *_):
        self._owner.run(self._update)


def when_shown(widget, update):
    """The slot to connect to a model signal: `update` now, or once `widget` is shown."""
    return WhenShown.of(widget).slot(update)


def ensure_fresh(widget):
    """Bring `widget` (a page or panel with WhenShown updates) up to date now."""
    found = widget.findChild(WhenShown, "", QtCore.Qt.FindChildOption.FindDirectChildrenOnly)
    if found is not None:
        found.ensure_fresh()
