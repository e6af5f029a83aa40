"""Start the desktop app."""

from __future__ import annotations

import sys


def run(session_path=None):
    from PySide6 import QtWidgets

    from klviz.gui import create_main_window
    from klviz.gui.theme import setup_application

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    setup_application(app)
    window = create_main_window(session_path)
    window.show()
    return app.exec()
