"""Showing a standalone widget in a test (the dialogs and panels built before the window uses them)."""


def shown(qtbot, widget, size=None):
    """`widget`, owned by qtbot, resized to `size` (w, h) if given, shown and exposed."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
