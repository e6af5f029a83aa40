"""The klviz desktop app (PySide6 + pyqtgraph). Nothing outside this package imports Qt."""


def create_main_window(session_path=None, *, deferred=False, session=None):
    """Build and return the main window (a QApplication must exist; the window is not shown).

    deferred=True (the app's own launch) builds only the Discrete tab: the other tabs and the
    Losses tab's panels are left to window.finish_building_in_steps() after the first paint (the
    launcher schedules it with window.after_first_paint), or finish_building() at once.
    session: the Session to start with (the last run's: built once, not replaced after).
    """
    from klviz.gui.main_window import MainWindow

    from klviz.gui.icon import app_icon

    window = MainWindow(session, deferred=deferred)
    window.setWindowIcon(app_icon())
    if session_path is not None:
        window.open_session(session_path)
    return window
