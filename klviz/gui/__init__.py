"""The klviz desktop app (PySide6 + pyqtgraph). Nothing outside this package imports Qt."""


def create_main_window(session_path=None):
    """Build and return the main window (a QApplication must exist; the window is not shown)."""
    from klviz.gui.main_window import MainWindow

    window = MainWindow()
    if session_path is not None:
        window.open_session(session_path)
    return window
