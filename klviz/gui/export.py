"""File › Export, Copy figure, and the charts' right-click menu.

Figures are drawn by matplotlib from the model's state (klviz.figures), never grabbed from the
screen, so they are vector (SVG, PDF) with text kept as text, or PNG at any resolution.
"""

from __future__ import annotations

import json
import os

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

# chart objectName -> (view, parts)
CHART_PARTS = {
    "plot_p": ("discrete", ("bars",)), "plot_q": ("discrete", ("bars",)),
    "plot_overlay": ("discrete", ("bars",)), "plot_decomposition": ("discrete", ("decomposition",)),
    "plot_pointwise": ("discrete", ("pointwise",)),
    "plot_densities": ("continuous", ("densities",)), "plot_integrands": ("continuous", ("integrands",)),
}
FILTERS = {
    "png": "PNG image (*.png)", "svg": "SVG vector image (*.svg)", "pdf": "PDF document (*.pdf)",
    "csv": "CSV table of the categories (*.csv)", "json": "JSON of every measure (*.json)",
}


def view_of_page(page):
    name = page.objectName() if page is not None else ""
    return name.removeprefix("page_") if name in ("page_discrete", "page_continuous", "page_joint") else None


class Exporter(QtCore.QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.action_export = QtGui.QAction("&Export…", window)
        self.action_export.setObjectName("action_export")
        self.action_export.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.action_export.setStatusTip("Save the current view as PNG, SVG or PDF, or its data as CSV/JSON")
        self.action_export.triggered.connect(lambda: self.export_dialog())
        self.action_copy = QtGui.QAction("&Copy figure", window)
        self.action_copy.setObjectName("action_copy_figure")
        self.action_copy.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        self.action_copy.setStatusTip("Put a PNG of the current view on the clipboard")
        self.action_copy.triggered.connect(lambda: self.copy_figure())
        for a in (self.action_export, self.action_copy):
            window.addAction(a)
        window.tabs.currentChanged.connect(self._update_enabled)
        self._update_enabled()
        for plot in window.findChildren(pg.PlotWidget):
            if plot.objectName() in CHART_PARTS:
                self.add_chart_menu(plot)

    def _update_enabled(self):
        ok = view_of_page(self.window.tabs.currentWidget()) is not None
        self.action_export.setEnabled(ok)
        self.action_copy.setEnabled(ok)

    # -- figures -------------------------------------------------------------------------------
    def figure(self, view, parts=None, size=None):
        from klviz import figures

        s = self.model.session
        if view == "discrete":
            d = s.discrete
            return figures.discrete_figure(d.p, d.q, labels=list(d.labels), unit=s.unit,
                                           parts=parts or figures.DISCRETE_PARTS, size=size)
        if view == "continuous":
            return figures.continuous_figure(s.continuous_p, s.continuous_q, unit=s.unit,
                                             parts=parts or figures.CONTINUOUS_PARTS, size=size)
        if view == "joint":
            return figures.joint_figure(s.joint, unit=s.unit, parts=parts or figures.JOINT_PARTS, size=size)
        raise ValueError(f"the {view} view cannot be exported as a figure")

    def export(self, path, view=None, parts=None, dpi=300, size=None):
        """Write the view (or some of its charts) to `path`; the format follows the extension."""
        from klviz import figures

        view = view or view_of_page(self.window.tabs.currentWidget()) or "discrete"
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        s = self.model.session
        if ext in ("csv", "json") and view == "joint":
            raise ValueError("the joint view is exported as a figure (PNG, SVG or PDF)")
        if ext in ("csv", "json"):
            if ext == "csv":
                if view != "discrete":
                    raise ValueError("the CSV table is of the discrete categories")
                d = s.discrete
                text = figures.discrete_csv(d.p, d.q, list(d.labels), s.unit)
            else:
                p, q = ((s.discrete.p, s.discrete.q) if view == "discrete"
                        else (s.continuous_p, s.continuous_q))
                labels = list(s.discrete.labels) if view == "discrete" else None
                text = json.dumps(figures.measures_json(p, q, labels, s.unit), indent=2) + "\n"
            from klviz.fileio import write_atomically

            write_atomically(path, lambda fh: fh.write(text.encode("utf-8")))
            return path
        fig = self.figure(view, parts)
        return figures.save_figure(fig, path, dpi=dpi, size=size)

    def png_bytes(self, view=None, parts=None, dpi=200):
        from klviz.figures import figure_bytes

        view = view or view_of_page(self.window.tabs.currentWidget()) or "discrete"
        return figure_bytes(self.figure(view, parts), "png", dpi)

    def copy_figure(self, view=None, parts=None):
        image = QtGui.QImage.fromData(self.png_bytes(view, parts))
        QtWidgets.QApplication.clipboard().setImage(image)
        self.window.statusBar().showMessage("Figure copied to the clipboard.", 4000)
        return image

    # -- dialogs -------------------------------------------------------------------------------
    def export_dialog(self, view=None, parts=None):
        view = view or view_of_page(self.window.tabs.currentWidget())
        if view is None:
            self.window._error("Nothing to export", "This tab has no figure to export yet.")
            return None
        options = ExportOptions(self.window)
        if options.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        kinds = ["png", "svg", "pdf"] + ([] if view == "joint" else ["json"]) + (["csv"] if view == "discrete" else [])
        name = f"klviz-{view}{'-' + parts[0] if parts else ''}.png"
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self.window, "Export", name, ";;".join(FILTERS[k] for k in kinds))
        if not path:
            return None
        if not os.path.splitext(path)[1]:
            path += "." + next(k for k in kinds if FILTERS[k] == chosen)
        try:
            self.export(path, view, parts, dpi=options.dpi(), size=options.size())
        except (ValueError, OSError) as exc:
            self.window._error("Export failed", f"Could not export {path}: {exc}")
            return None
        self.window.statusBar().showMessage(f"Exported {path}", 5000)
        return path

    def add_chart_menu(self, plot):
        """Right-click on a chart: export or copy that chart alone, or the whole view."""
        view, parts = CHART_PARTS[plot.objectName()]
        menu = QtWidgets.QMenu(plot)
        menu.setObjectName(f"menu_{plot.objectName()}")
        menu.addAction("&Export this chart…", lambda: self.export_dialog(view, parts))
        menu.addAction("&Copy this chart", lambda: self.copy_figure(view, parts))
        menu.addSeparator()
        menu.addAction("Export the whole &view…", lambda: self.export_dialog(view))
        plot.getPlotItem().setMenuEnabled(False)
        plot.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        plot.customContextMenuRequested.connect(lambda pos: menu.popup(plot.mapToGlobal(pos)))
        plot.setProperty("export_menu", menu)


class ExportOptions(QtWidgets.QDialog):
    """Resolution (dpi) and size (inches) of the exported figure."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dialog_export")
        self.setWindowTitle("Export options")
        form = QtWidgets.QFormLayout(self)
        self.spin_dpi = QtWidgets.QSpinBox()
        self.spin_dpi.setObjectName("spin_export_dpi")
        self.spin_dpi.setRange(50, 1200)
        self.spin_dpi.setValue(300)
        self.spin_dpi.setSuffix(" dpi")
        form.addRow("PNG &resolution:", self.spin_dpi)
        self.check_size = QtWidgets.QCheckBox("&Set the size")
        self.check_size.setObjectName("check_export_size")
        self.spin_w = QtWidgets.QDoubleSpinBox()
        self.spin_h = QtWidgets.QDoubleSpinBox()
        for s, v in ((self.spin_w, 10.0), (self.spin_h, 7.0)):
            s.setRange(2.0, 40.0)
            s.setValue(v)
            s.setSuffix(" in")
            s.setEnabled(False)
            self.check_size.toggled.connect(s.setEnabled)
        size_row = QtWidgets.QHBoxLayout()
        size_row.addWidget(self.check_size)
        size_row.addWidget(self.spin_w)
        size_row.addWidget(QtWidgets.QLabel("×"))
        size_row.addWidget(self.spin_h)
        form.addRow("Size:", size_row)
        self.pixels = QtWidgets.QLabel()
        form.addRow("PNG pixels:", self.pixels)
        for s in (self.spin_dpi, self.spin_w, self.spin_h):
            s.valueChanged.connect(self._update_pixels)
        self.check_size.toggled.connect(self._update_pixels)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._update_pixels()

    def dpi(self):
        return self.spin_dpi.value()

    def size(self):
        return (self.spin_w.value(), self.spin_h.value()) if self.check_size.isChecked() else None

    def _update_pixels(self):
        if self.size() is None:
            self.pixels.setText("the figure's natural size at this resolution")
        else:
            w, h = self.size()
            self.pixels.setText(f"{round(w * self.dpi())} × {round(h * self.dpi())}")
