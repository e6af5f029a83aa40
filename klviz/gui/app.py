"""Start the desktop app."""

from __future__ import annotations

import sys


def run(session_path=None):
    from PySide6 import QtCore, QtWidgets

    from klviz.gui import create_main_window
    from klviz.gui.theme import setup_application

    from klviz.gui import settings

    from klviz.gui import i18n

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    i18n.install(app)  # the saved language (or the system's), before any widget is built
    setup_application(app)
    window = create_main_window(session_path, deferred=True)
    if session_path is None:
        last = settings.load_last_state()
        if last is not None:
            window.restore_state(*last)
    window.show()
    QtCore.QTimer.singleShot(0, window.finish_building_in_steps)  # after the first paint
    code = app.exec()
    settings.save_last_state(window.model.session, window.current_path)
    return code
