"""The klviz desktop app (PySide6 + pyqtgraph). Nothing outside this package imports Qt."""


def create_main_window(session_path=None, *, deferred=False):
    """Build and return the main window (a QApplication must exist; the window is not shown).

    deferred=True (the app's own launch) leaves the Losses tab's panels to be built right after
    the first paint: the launcher schedules window.finish_building() for that.
    """
    from klviz.gui.main_window import MainWindow

    from klviz.gui.icon import app_icon

    window = MainWindow(deferred=deferred)
    window.setWindowIcon(app_icon())
    if session_path is not None:
        window.open_session(session_path)
    return window
