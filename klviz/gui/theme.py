"""Application-wide look: pyqtgraph defaults, fonts, and the app's identity for QSettings."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

from klviz import __version__

_done = False


def configure_pyqtgraph():
    global _done
    if _done:
        return
    pg.setConfigOptions(antialias=False, background=None, foreground="#222222")  # bars need no AA; curves ask for it
    _done = True


def setup_application(app):
    app.setApplicationName("klviz")
    app.setOrganizationName("klviz")
    app.setApplicationDisplayName("klviz")
    app.setApplicationVersion(__version__)
    configure_pyqtgraph()
