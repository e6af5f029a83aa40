"""The main window's size and place: fitted to the screen at the first launch, remembered from one
launch to the next (QSettings: saveGeometry / saveState), and brought back only where it fits.

- First launch (nothing saved, or what was saved no longer fits): FIRST_LAUNCH_FRACTION of the
  available area of the screen the window opens on, centred, never larger than that area; on a
  small screen (below SMALL_SCREEN in either direction: a projector, a netbook) maximized, with
  that rectangle as its normal geometry.
- On close: the geometry (size, place, maximized or not), the tool bars' and docks' state, and the
  normal geometry as a plain rectangle, which is what decides whether the saved geometry fits the
  screens of the next launch: it must lie inside the available area of one of them (a projector
  smaller than the laptop screen it was saved on gets the first-launch size instead).
- A window closed in presentation mode saves the geometry it had before (see Classroom).
- The lesson dock is built the first time it is opened, after the state was restored: `add_dock`
  puts it back where it was (its side, its width, floating or not).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import settings

FIRST_LAUNCH_FRACTION = 0.85
SMALL_SCREEN = (1100, 800)  # below this, the first launch is maximized


def available_areas():
    """The available geometry (the screen less panels and docks) of every screen."""
    return [s.availableGeometry() for s in QtGui.QGuiApplication.screens()]


def opening_area(window):
    """The available geometry of the screen `window` opens on."""
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QtCore.QRect(0, 0, 1024, 768)


def first_launch_rect(area, fraction=FIRST_LAUNCH_FRACTION, minimum=None):
    """FIRST_LAUNCH_FRACTION of `area` in each direction, centred in it, never larger than it
    (nor smaller than `minimum`, the window's minimum size, unless that is larger than the area)."""
    size = QtCore.QSize(round(area.width() * fraction), round(area.height() * fraction))
    if minimum is not None:
        size = size.expandedTo(minimum)
    size = size.boundedTo(area.size())
    return QtWidgets.QStyle.alignedRect(QtCore.Qt.LayoutDirection.LeftToRight,
                                        QtCore.Qt.AlignmentFlag.AlignCenter, size, area)


def is_small(area):
    """Whether `area` is a projector-sized screen, where the window starts maximized."""
    return area.width() < SMALL_SCREEN[0] or area.height() < SMALL_SCREEN[1]


def fits(rect, areas):
    """Whether `rect` lies wholly inside one of `areas`."""
    return rect is not None and any(a.contains(rect) for a in areas)


class WindowGeometry(QtCore.QObject):
    """Restores the window's geometry at start and saves it on close (the window calls both)."""

    def __init__(self, window, classroom=None):
        super().__init__(window)
        self.window = window
        self.classroom = classroom
        self.restored = False  # whether the saved geometry was used (else: the first-launch size)

    def restore(self):
        w = self.window
        geometry, state, rect = settings.saved_window()
        self.restored = bool(geometry is not None and fits(rect, available_areas())
                             and w.restoreGeometry(geometry))
        S = QtCore.Qt.WindowState
        if not self.restored:
            w.setWindowState(S.WindowNoState)
            area = opening_area(w)
            w.setGeometry(first_launch_rect(area, minimum=w.minimumSizeHint()))
            if is_small(area):
                w.setWindowState(S.WindowMaximized)
        elif w.windowState() & S.WindowFullScreen:  # full screen is presentation mode's, not a start
            w.setWindowState(w.windowState() & ~S.WindowFullScreen)
        if state is not None:
            w.restoreState(state)  # tool bars and docks (a dock built later: add_dock)
        return self.restored

    def add_dock(self, dock, area):
        """Add a dock built after restore(): where it was when the window last closed (its side,
        its size, floating or not), else in `area`; hidden either way (its action shows it)."""
        if not self.window.restoreDockWidget(dock):
            self.window.addDockWidget(area, dock)
        dock.hide()

    def save(self):
        w = self.window
        before = self.classroom.geometry_before_presenting() if self.classroom is not None else None
        geometry, rect = before if before is not None else (w.saveGeometry(), w.normalGeometry())
        settings.save_window(geometry, w.saveState(), QtCore.QRect(rect))
