"""Style sheets set only when they change."""


def set_style_sheet(widget, sheet):
    """The style sheet, if it is a new one: Qt repolishes a widget on every setStyleSheet, the
    same sheet too (F11 and a zoom restyled every readout name for nothing: only the theme
    changes these colours)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
