"""Real input for pyqtgraph charts: QMouseEvents sent to the view's viewport (as pyqtgraph's own
ui_testing does)."""

import contextlib

from PySide6 import QtCore, QtGui, QtTest, QtWidgets


def data_to_viewport(plot, x, y):
    """Viewport pixel of the data point (x, y) of a pyqtgraph PlotWidget."""
    scene = plot.getPlotItem().vb.mapViewToScene(QtCore.QPointF(x, y))
    return plot.mapFromScene(scene)


def _send(widget, kind, pos, button, buttons):
    ev = QtGui.QMouseEvent(kind, QtCore.QPointF(pos), QtCore.QPointF(widget.mapToGlobal(pos)),
                           button, buttons, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, ev)


def drag(plot, x, y_from, y_to, steps=8):
    """A real drag: press, moves, release -- QMouseEvents sent to the chart's viewport."""
    vp = plot.viewport()
    left = QtCore.Qt.MouseButton.LeftButton
    none = QtCore.Qt.MouseButton.NoButton
    start = data_to_viewport(plot, x, y_from)
    _send(vp, QtCore.QEvent.Type.MouseButtonPress, start, left, left)
    for k in range(1, steps + 1):
        y = y_from + (y_to - y_from) * k / steps
        _send(vp, QtCore.QEvent.Type.MouseMove, data_to_viewport(plot, x, y), none, left)
    _send(vp, QtCore.QEvent.Type.MouseButtonRelease, data_to_viewport(plot, x, y_to), left, none)
    settle(plot)


def settle(plot, timeout_ms=3000):
    """Wait while a chart's axis glides to its new range (a bar chart's fitted value axis moves
    over a few frames after a drag instead of jumping): the next drag maps data to pixels on the
    axis as it ends up."""
    waited = 0
    while getattr(plot, "gliding", False) and waited < timeout_ms:
        QtTest.QTest.qWait(10)
        waited += 10


def pixel_size(plot):
    """Data units per viewport pixel, vertically (the precision a drag can hit)."""
    a = data_to_viewport(plot, 0, 0)
    b = data_to_viewport(plot, 0, 1)
    return 1.0 / abs(a.y() - b.y())


class _StyleWatch(QtCore.QObject):
    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == QtCore.QEvent.Type.StyleChange:
            self.seen.append(ev.type())
        return False


@contextlib.contextmanager
def style_changes(widget):
    """The StyleChange events `widget` gets inside the block, as a list (Qt repolishes a widget
    on every setStyleSheet, the same sheet too)."""
    seen = []
    watch = _StyleWatch(seen)
    widget.installEventFilter(watch)
    try:
        yield seen
    finally:
        widget.removeEventFilter(watch)


def every_scene(window, qtbot):
    """Show every tab, each Losses panel and (lesson panel open) every lesson step in turn,
    yielding a name for each: the walks of the whole window's visible texts."""
    from klviz import lesson

    window.finish_building()
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        if window.tabs.currentWidget() is window.page_losses:
            panels = window.page_losses.panels
            for j in range(panels.count()):
                panels.setCurrentIndex(j)
                qtbot.wait(20)
                yield f"{window.tabs.tabText(i)} / {panels.tabText(j)}"
        else:
            yield window.tabs.tabText(i)
    window.action_lesson.trigger()
    qtbot.wait(50)
    assert window.lesson.isVisible()
    for k in range(len(lesson.STEPS)):
        window.lesson.go(k)
        qtbot.wait(20)
        yield f"step {lesson.STEPS[k].key}"


class EventSpy(QtCore.QObject):
    """An event filter that notes the objectName (else the class name) of each object it watches
    that receives an event of `kind`, in `seen`; it lets every event through."""

    def __init__(self, kind):
        super().__init__()
        self.kind, self.seen = kind, []

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if ev.type() == self.kind:
            self.seen.append(obj.objectName() or type(obj).__name__)
        return False
