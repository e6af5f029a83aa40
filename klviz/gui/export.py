"""File › Export, Copy figure, Export animation, and the charts' right-click menu.

Figures are drawn by matplotlib from the model's state (klviz.figures), never grabbed from the
screen, so they are vector (SVG, PDF) with text kept as text, or PNG at any resolution.

From the app every export runs in a worker thread (klviz.gui.jobs) on a snapshot of the session
taken on the GUI thread (sessions are immutable, so a later edit cannot race with the drawing),
with a busy indicator in the status bar; `Exporter.export` stays synchronous for scripts and tests.
One lock serialises the drawing: matplotlib's rc_context and warnings filters are process-wide.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import settings
from klviz.gui.jobs import Cancelled, import_long_lived, run_job
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

# chart objectName -> (view, parts)
CHART_PARTS = {
    "plot_p": ("discrete", ("bars",)), "plot_q": ("discrete", ("bars",)),
    "plot_overlay": ("discrete", ("bars",)), "plot_decomposition": ("discrete", ("decomposition",)),
    "plot_pointwise": ("discrete", ("pointwise",)),
    "plot_densities": ("continuous", ("densities",)), "plot_integrands": ("continuous", ("integrands",)),
}
FILTERS = {
    "png": QT_TRANSLATE_NOOP("klviz", "PNG image (*.png)"), "svg": QT_TRANSLATE_NOOP("klviz", "SVG vector image (*.svg)"), "pdf": QT_TRANSLATE_NOOP("klviz", "PDF document (*.pdf)"),
    "csv": QT_TRANSLATE_NOOP("klviz", "CSV table of the categories (*.csv)"), "json": QT_TRANSLATE_NOOP("klviz", "JSON of every measure (*.json)"),
}
FORMAT_KEY = "export/last_format"
BUSY_AFTER_MS = 200  # the status bar's busy bar appears only for an export that takes longer

_DRAWING = threading.Lock()


def view_of_page(page):
    name = page.objectName() if page is not None else ""
    return name.removeprefix("page_") if name in ("page_discrete", "page_continuous", "page_joint") else None


def export_kinds(view):
    """The formats the view exports to, in the dialog's order."""
    if view == "joint":
        return ["png", "svg", "pdf"]  # the joint view is a figure only
    return ["png", "svg", "pdf", "json"] + (["csv"] if view == "discrete" else [])


@contextlib.contextmanager
def drawing(cancelled=None):
    """Hold the one matplotlib lock; while waiting for it, a cancelled job stops."""
    while not _DRAWING.acquire(timeout=0.05):
        if cancelled is not None and cancelled():
            raise Cancelled()
    try:
        yield
    finally:
        _DRAWING.release()


# -- Qt-free work on a session snapshot (runs on the GUI thread for `export`, in a worker else) --
def figure_of(session, view, parts=None, size=None):
    from klviz import figures

    if view == "discrete":
        d = session.discrete
        return figures.discrete_figure(d.p, d.q, labels=list(d.labels), unit=session.unit,
                                       parts=parts or figures.DISCRETE_PARTS, size=size)
    if view == "continuous":
        return figures.continuous_figure(session.continuous_p, session.continuous_q, unit=session.unit,
                                         parts=parts or figures.CONTINUOUS_PARTS, size=size)
    if view == "joint":
        return figures.joint_figure(session.joint, unit=session.unit, parts=parts or figures.JOINT_PARTS, size=size)
    raise ValueError(f"the {view} view cannot be exported as a figure")


def write_export(session, path, view, parts=None, dpi=300, size=None):
    """Write the view (or some of its charts) of `session` to `path`; the format follows the
    extension. ValueError / OSError say what is wrong."""
    from klviz import figures

    ext = os.path.splitext(path)[1].lower().lstrip(".")
    if ext in ("csv", "json") and view == "joint":
        raise ValueError("the joint view is exported as a figure (PNG, SVG or PDF)")
    if ext in ("csv", "json"):
        if ext == "csv":
            if view != "discrete":
                raise ValueError("the CSV table is of the discrete categories")
            d = session.discrete
            text = figures.discrete_csv(d.p, d.q, list(d.labels), session.unit)
        else:
            p, q = ((session.discrete.p, session.discrete.q) if view == "discrete"
                    else (session.continuous_p, session.continuous_q))
            labels = list(session.discrete.labels) if view == "discrete" else None
            text = json.dumps(figures.measures_json(p, q, labels, session.unit), indent=2) + "\n"
        from klviz.fileio import write_atomically

        write_atomically(path, lambda fh: fh.write(text.encode("utf-8")))
        return path
    return figures.save_figure(figure_of(session, view, parts), path, dpi=dpi, size=size)


def png_of(session, view, parts=None, dpi=200):
    from klviz.figures import figure_bytes

    return figure_bytes(figure_of(session, view, parts), "png", dpi)


class Exporter(QtCore.QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.action_export = QtGui.QAction(translate("export", "&Export…"), window)
        self.action_export.setObjectName("action_export")
        self.action_export.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.action_export.setStatusTip(translate("export", "Save the current view as PNG, SVG or PDF, or its data as CSV/JSON"))
        self.action_export.triggered.connect(lambda: self.export_dialog())
        self.action_copy = QtGui.QAction(translate("export", "&Copy figure"), window)
        self.action_copy.setObjectName("action_copy_figure")
        self.action_copy.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        self.action_copy.setStatusTip(translate("export", "Put a PNG of the current view on the clipboard"))
        self.action_copy.triggered.connect(lambda: self.copy_figure_async())
        self.action_export_animation = QtGui.QAction(translate("export", "Export an&imation…"), window)
        self.action_export_animation.setObjectName("action_export_animation")
        self.action_export_animation.setStatusTip(
            translate("export", "Save a fit or a parameter sweep of the current view as an animated GIF, WebP, APNG or MP4"))
        self.action_export_animation.triggered.connect(lambda: self.export_animation_dialog())
        for a in (self.action_export, self.action_copy, self.action_export_animation):
            window.addAction(a)
        self._jobs = set()
        self._busy = None
        self._busy_timer = QtCore.QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(self._show_busy)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel_all)  # the worker threads end before Python exits
        window.tabs.currentChanged.connect(self._update_enabled)
        self._update_enabled()
        for plot in window.findChildren(pg.PlotWidget):
            if plot.objectName() in CHART_PARTS:
                self.add_chart_menu(plot)

    def _update_enabled(self):
        view = self.current_view()
        for a in (self.action_export, self.action_copy):
            a.setEnabled(view is not None)
        self.action_export_animation.setEnabled(view in ("discrete", "continuous"))  # no joint animations

    def current_view(self):
        return view_of_page(self.window.tabs.currentWidget())

    def _session(self):
        return self.window.model.session  # immutable: this reference is the snapshot

    # -- figures (synchronous: scripts and tests) -----------------------------------------------
    def figure(self, view, parts=None, size=None):
        return figure_of(self._session(), view, parts, size)

    def export(self, path, view=None, parts=None, dpi=300, size=None):
        """Write the view (or some of its charts) to `path` now; the format follows the extension."""
        view = view or self.current_view() or "discrete"
        with drawing():
            return write_export(self._session(), path, view, parts, dpi, size)

    def png_bytes(self, view=None, parts=None, dpi=200):
        view = view or self.current_view() or "discrete"
        with drawing():
            return png_of(self._session(), view, parts, dpi)

    def copy_figure(self, view=None, parts=None):
        image = QtGui.QImage.fromData(self.png_bytes(view, parts))
        QtWidgets.QApplication.clipboard().setImage(image)
        self.window.statusBar().showMessage(translate("export", "Figure copied to the clipboard."), 4000)
        return image

    # -- in a worker (the app) -------------------------------------------------------------------
    def run(self, work, busy_text):
        """Start `work(progress, cancelled)` in a worker with the status bar busy; returns its Job."""
        job = run_job(work, parent=self)
        self._jobs.add(job)
        job.finished.connect(lambda: self._job_done(job))
        self.window.statusBar().showMessage(busy_text)
        if not self._busy_timer.isActive() and (self._busy is None or self._busy.isHidden()):
            self._busy_timer.start(BUSY_AFTER_MS)
        return job

    def _show_busy(self):
        if not self._jobs:
            return
        if self._busy is None:
            self._busy = QtWidgets.QProgressBar()
            self._busy.setObjectName("progress_export")
            self._busy.setRange(0, 0)  # busy: a still export tells no steps
            self._busy.setMaximumWidth(160)
            self._busy.setTextVisible(False)
            # no taller than the status bar's text: a growing status bar would lay the whole window out again
            self._busy.setMaximumHeight(self.window.statusBar().fontMetrics().height())
            self._busy.setAccessibleName(translate("export", "Export in progress"))
            self.window.statusBar().addPermanentWidget(self._busy)
        self._busy.show()

    def _job_done(self, job):
        self._jobs.discard(job)
        if not self._jobs:
            self._busy_timer.stop()
            if self._busy is not None:
                self._busy.hide()
        job.deleteLater()

    def cancel_all(self):
        """Stop every running export at its next step (an animation leaves no file)."""
        for job in list(self._jobs):
            job.cancel()

    def busy(self):
        """True while an export started from the app is running."""
        return bool(self._jobs)

    def export_async(self, path, view=None, parts=None, dpi=300, size=None):
        """Export in a worker thread; returns the Job (succeeded(path) / failed(message)).

        The session is taken now, on the GUI thread. A failure is told in the usual error
        dialog, a success in the status bar."""
        from klviz.fileio import shown_path

        view = view or self.current_view() or "discrete"
        session = self._session()
        shown = shown_path(path)

        def work(progress, cancelled):
            import_long_lived("klviz.figures")
            with drawing(cancelled):
                return write_export(session, path, view, parts, dpi, size)

        job = self.run(work, translate("export", 'Exporting {shown}…').format(shown=shown))
        job.path = path
        job.succeeded.connect(lambda _: self.window.statusBar().showMessage(f"Exported {shown}", 5000))
        job.failed.connect(lambda msg: self.window._error("Export failed", f"Could not export {shown}: {msg}"))
        return job

    def copy_figure_async(self, view=None, parts=None):
        """Copy figure with the drawing in a worker: the PNG reaches the clipboard when it is
        ready (the image decoding and the clipboard stay on the GUI thread). Returns the Job."""
        view = view or self.current_view() or "discrete"
        session = self._session()

        def work(progress, cancelled):
            import_long_lived("klviz.figures")
            with drawing(cancelled):
                return png_of(session, view, parts)

        job = self.run(work, translate("export", "Drawing the figure for the clipboard…"))
        job.succeeded.connect(self._to_clipboard)
        job.failed.connect(lambda msg: self.window._error("Copy failed", f"Could not copy the figure: {msg}"))
        return job

    def _to_clipboard(self, data):
        QtWidgets.QApplication.clipboard().setImage(QtGui.QImage.fromData(data))
        self.window.statusBar().showMessage(translate("export", "Figure copied to the clipboard."), 4000)

    # -- dialogs -------------------------------------------------------------------------------
    def export_dialog(self, view=None, parts=None):
        """Choose the format and its options, then the file; the export runs in a worker.
        Returns its Job (with `.path`), or None if cancelled."""
        view = view or self.current_view()
        if view is None:
            self.window._error(translate("export", "Nothing to export"), translate("export", "This tab has no figure to export yet."))
            return None
        kinds = export_kinds(view)
        options = ExportOptions(kinds, self.window, settings.value_of(FORMAT_KEY, "png", kinds))
        if options.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        fmt = options.format()
        settings.set_value(FORMAT_KEY, fmt)
        name = f"klviz-{view}{'-' + parts[0] if parts else ''}.{fmt}"
        path = self.ask_save_path(translate("export", "Export"), name, translated(FILTERS[fmt]), fmt)
        if path is None:
            return None
        return self.export_async(path, view, parts, dpi=options.dpi(), size=options.size())

    def ask_save_path(self, title, name, file_filter, ext):
        """The save-file dialog, starting in the folder last exported to; the chosen folder is
        remembered. A name without an extension gets `.ext`; one with another export format's
        extension is refused (the options were chosen for `ext`). None if cancelled or refused."""
        from klviz.fileio import shown_path

        folder = settings.last_folder()
        start = os.path.join(folder, name) if folder else name
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, title, start, file_filter)
        if not path:
            return None
        settings.remember_folder(path)
        got = os.path.splitext(path)[1].lower().lstrip(".")
        if got == ext:
            return path
        if got in FILTERS or got in ("gif", "webp", "apng", "mp4"):
            self.window._error(translate("export", "Export failed"),
                               translate("export", '{0} ends in .{got}, but the chosen format is {1}: export again and choose {2}, or end the name in .{ext}.').format(shown_path(os.path.basename(path)), ext.upper(), got.upper(), got=got, ext=ext))
            return None
        return path + "." + ext

    def export_animation_dialog(self, view=None):
        """File › Export animation…: the dialog (window-modal, not blocking); returns it."""
        from klviz.gui.export_animation import ExportAnimationDialog

        view = view or self.current_view()
        if view is None:
            self.window._error(translate("export", "Nothing to animate"), translate("export", "Animations are of the Discrete and Continuous views."))
            return None
        dialog = ExportAnimationDialog(self, view, self.window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_animation_async(self, path, spec, view=None, frames=60, fps=20.0, dpi=100):
        """Write an animation of the view (SPEC as `klviz export --animate`) in a worker; returns
        its Job: progress(done, total), succeeded(notes), failed(message), cancelled(). A
        cancelled or failed export leaves no file."""
        from klviz.fileio import shown_path

        view = view or self.current_view() or "discrete"
        session = self._session()
        shown = shown_path(path)
        if view == "discrete":
            d = session.discrete
            p, q, labels = d.p, d.q, list(d.labels)
        else:
            p, q, labels = session.continuous_p, session.continuous_q, None

        def work(progress, cancelled):
            animate = import_long_lived("klviz.figures.animate")
            with drawing(cancelled):

                try:
                    anim = animate.save_animation(path, p, q, spec, fps=fps, view=view, frames=frames,
                                                  labels=labels, unit=session.unit, dpi=dpi,
                                                  progress=progress, cancel=cancelled)
                except animate.AnimationCancelled:
                    raise Cancelled() from None
                except ArithmeticError as exc:
                    raise ValueError(f"a value is beyond the range of floating-point numbers ({exc})") from None
                return tuple(anim.notes)

        job = self.run(work, translate("export", 'Exporting the animation {shown}…').format(shown=shown))
        job.path = path
        job.succeeded.connect(lambda notes: self.window.statusBar().showMessage(
            " ".join([f"Exported {shown}."] + [f"Note: {n}." for n in notes]), 8000))
        job.cancelled.connect(lambda: self.window.statusBar().showMessage(
            f"Cancelled: {shown} was not written.", 5000))
        job.failed.connect(lambda msg: self.window._error("Export failed", f"Could not export {shown}: {msg}"))
        return job

    def add_chart_menu(self, plot):
        """Right-click on a chart: export or copy that chart alone, or the whole view."""
        view, parts = CHART_PARTS[plot.objectName()]
        menu = QtWidgets.QMenu(plot)
        menu.setObjectName(f"menu_{plot.objectName()}")
        menu.addAction(translate("export", "&Export this chart…"), lambda: self.export_dialog(view, parts))
        menu.addAction(translate("export", "&Copy this chart"), lambda: self.copy_figure_async(view, parts))
        menu.addSeparator()
        menu.addAction(translate("export", "Export the whole &view…"), lambda: self.export_dialog(view))
        plot.getPlotItem().setMenuEnabled(False)
        plot.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        plot.customContextMenuRequested.connect(lambda pos: menu.popup(plot.mapToGlobal(pos)))
        plot.setProperty("export_menu", menu)


FORMAT_NAMES = {"png": "PNG", "svg": "SVG", "pdf": "PDF", "json": "JSON", "csv": "CSV"}
FORMAT_NOTES = {
    "png": QT_TRANSLATE_NOOP("klviz", "A picture of the view at the resolution below; the file opens anywhere."),
    "svg": QT_TRANSLATE_NOOP("klviz", "Vector: sharp at any zoom, text stays text (for slides and the web)."),
    "pdf": QT_TRANSLATE_NOOP("klviz", "Vector: sharp at any zoom, fonts embedded (for papers and printing)."),
    "json": QT_TRANSLATE_NOOP("klviz", "Every measure of the view, with its unit: no options."),
    "csv": QT_TRANSLATE_NOOP("klviz", "One row per category (p, q and each term), for a spreadsheet: no options."),
}


class ExportOptions(QtWidgets.QDialog):
    """The export's format first, then only that format's options: PNG resolution (dpi) and size
    (inches); SVG and PDF size; CSV and JSON none."""

    def __init__(self, kinds=("png", "svg", "pdf", "json", "csv"), parent=None, initial="png"):
        super().__init__(parent)
        self.setObjectName("dialog_export")
        self.setWindowTitle(translate("export", "Export"))
        outer = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QFormLayout()
        self.combo_format = QtWidgets.QComboBox()
        self.combo_format.setObjectName("combo_export_format")
        self.combo_format.setAccessibleName(translate("export", "Export format"))
        for k in kinds:
            self.combo_format.addItem(FORMAT_NAMES[k], k)
            self.combo_format.setItemData(self.combo_format.count() - 1, translated(FILTERS[k]),
                                          QtCore.Qt.ItemDataRole.ToolTipRole)
        top.addRow(translate("export", "&Format:"), self.combo_format)
        self.note = QtWidgets.QLabel()
        self.note.setObjectName("label_export_format_note")
        self.note.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        top.addRow(self.note)
        outer.addLayout(top)

        # PNG's own options: resolution and the pixels it gives
        self.stack = QtWidgets.QStackedWidget()
        self.stack.setObjectName("stack_export_options")
        png = QtWidgets.QWidget()
        png.setObjectName("page_export_png")
        png_form = QtWidgets.QFormLayout(png)
        png_form.setContentsMargins(0, 0, 0, 0)
        self.spin_dpi = QtWidgets.QSpinBox()
        self.spin_dpi.setObjectName("spin_export_dpi")
        self.spin_dpi.setRange(50, 1200)
        self.spin_dpi.setValue(300)
        self.spin_dpi.setSuffix(translate("export", " dpi"))
        self.spin_dpi.setAccessibleName(translate("export", "PNG resolution"))
        png_form.addRow(translate("export", "&Resolution:"), self.spin_dpi)
        self.pixels = QtWidgets.QLabel()
        self.pixels.setObjectName("label_export_pixels")
        png_form.addRow(translate("export", "Pixels:"), self.pixels)
        self.stack.addWidget(png)
        none = QtWidgets.QWidget()
        none.setObjectName("page_export_no_resolution")
        QtWidgets.QVBoxLayout(none).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(none)
        outer.addWidget(self.stack)

        # the size: PNG, SVG and PDF
        self.size_box = QtWidgets.QWidget()
        self.size_box.setObjectName("box_export_size")
        size_row = QtWidgets.QHBoxLayout(self.size_box)
        size_row.setContentsMargins(0, 0, 0, 0)
        self.check_size = QtWidgets.QCheckBox(translate("export", "&Set the size"))
        self.check_size.setObjectName("check_export_size")
        self.spin_w = QtWidgets.QDoubleSpinBox()
        self.spin_w.setObjectName("spin_export_width")
        self.spin_h = QtWidgets.QDoubleSpinBox()
        self.spin_h.setObjectName("spin_export_height")
        for s, v, name in ((self.spin_w, 10.0, translate("export", "Figure width in inches")),
                           (self.spin_h, 7.0, translate("export", "Figure height in inches"))):
            s.setRange(2.0, 40.0)
            s.setValue(v)
            s.setSuffix(translate("export", " in"))
            s.setEnabled(False)
            s.setAccessibleName(name)
            self.check_size.toggled.connect(s.setEnabled)
        size_row.addWidget(self.check_size)
        size_row.addWidget(self.spin_w)
        size_row.addWidget(QtWidgets.QLabel("×"))
        size_row.addWidget(self.spin_h)
        outer.addWidget(self.size_box)

        for s in (self.spin_dpi, self.spin_w, self.spin_h):
            s.valueChanged.connect(self._update_pixels)
        self.check_size.toggled.connect(self._update_pixels)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(translate("export", "&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.combo_format.currentIndexChanged.connect(self._show_options)
        i = self.combo_format.findData(initial)
        self.combo_format.setCurrentIndex(max(i, 0))
        self._show_options()
        self._update_pixels()

    def format(self):
        """The chosen format: "png", "svg", "pdf", "json" or "csv"."""
        return self.combo_format.currentData()

    def _show_options(self):
        fmt = self.format()
        self.note.setText(translated(FORMAT_NOTES[fmt]))
        self.stack.setCurrentIndex(0 if fmt == "png" else 1)
        self.size_box.setVisible(fmt in ("png", "svg", "pdf"))
        self.adjustSize()

    def dpi(self):
        return self.spin_dpi.value()

    def size(self):
        if self.format() not in ("png", "svg", "pdf"):
            return None
        return (self.spin_w.value(), self.spin_h.value()) if self.check_size.isChecked() else None

    def _update_pixels(self):
        if not self.check_size.isChecked():
            self.pixels.setText(translate("export", "the figure's natural size at this resolution"))
        else:
            w, h = self.spin_w.value(), self.spin_h.value()
            self.pixels.setText(f"{round(w * self.dpi())} × {round(h * self.dpi())}")
