"""The application icon as a QIcon, built once from the packaged SVG and rendered PNGs."""

from __future__ import annotations

from functools import lru_cache

from PySide6 import QtCore, QtGui

from klviz import resources


@lru_cache(maxsize=1)
def app_icon():
    icon = QtGui.QIcon()  # the rendered sizes (16 to 512 px) are crisp where the SVG would blur
    for size in resources.ICON_SIZES:
        icon.addFile(str(resources.icon_png(size)), QtCore.QSize(size, size))
    return icon
