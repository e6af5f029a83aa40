"""File › Export animation…: a fit or a parameter sweep of the current view, for slides.

The same choices as `klviz export --animate SPEC --frames N --fps F` (klviz.animation parses and
checks the SPEC for both): the kind (fit-forward, fit-reverse, fit-alpha with its α, or a sweep of
one parameter from FROM to TO), frames, frames per second, the resolution and the format (GIF,
WebP, APNG; MP4 with the `video` extra). The frames are drawn in a worker
(`Exporter.export_animation_async`) with a progress bar; Cancel stops it at the next frame and
nothing is written.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from klviz import animation as an
from klviz.gui.i18n import QT_TRANSLATE_NOOP, translate, translated

KINDS = (  # (SPEC kind, shown text, the view it animates)
    ("fit-forward", QT_TRANSLATE_NOOP("klviz", "Fit forward: Q → argmin D(P‖Q) (moment matching)"), "continuous"),
    ("fit-reverse", QT_TRANSLATE_NOOP("klviz", "Fit reverse: Q → the mode of P nearest it"), "continuous"),
    ("fit-alpha", QT_TRANSLATE_NOOP("klviz", "Fit α: Q → argmin of the α-divergence"), "continuous"),
    ("sweep", QT_TRANSLATE_NOOP("klviz", "Sweep a parameter from one value to another"), None),
)
CONTINUOUS_PARAMS = (("mu_q", QT_TRANSLATE_NOOP("klviz", "μ of Q")), ("sigma_q", QT_TRANSLATE_NOOP("klviz", "σ of Q")),
                     ("mu_p", QT_TRANSLATE_NOOP("klviz", "μ of P")), ("sigma_p", QT_TRANSLATE_NOOP("klviz", "σ of P")))
DISCRETE_PARAMS = (("q", QT_TRANSLATE_NOOP("klviz", "a probability of Q")), ("p", QT_TRANSLATE_NOOP("klviz", "a probability of P")))
FORMATS = (("gif", "GIF"), ("webp", "WebP"), ("apng", QT_TRANSLATE_NOOP("klviz", "APNG (animated PNG)")), ("mp4", QT_TRANSLATE_NOOP("klviz", "MP4 video")))
FILTERS = {"gif": QT_TRANSLATE_NOOP("klviz", "GIF animation (*.gif)"), "webp": QT_TRANSLATE_NOOP("klviz", "WebP animation (*.webp)"),
           "apng": QT_TRANSLATE_NOOP("klviz", "Animated PNG (*.apng)"), "mp4": QT_TRANSLATE_NOOP("klviz", "MP4 video (*.mp4)")}


def _spin(cls, name, accessible, limits, value, suffix="", decimals=None):
    spin = cls()
    spin.setObjectName(name)
    spin.setAccessibleName(accessible)
    if decimals is not None:
        spin.setDecimals(decimals)
    spin.setRange(*limits)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class ExportAnimationDialog(QtWidgets.QDialog):
    def __init__(self, exporter, view, parent=None):
        super().__init__(parent)
        self.setObjectName("dialog_export_animation")
        self.setWindowTitle(translate("export_animation", "Export animation"))
        self.exporter, self.view, self.job = exporter, view, None
        session = exporter.window.model.session
        if view == "discrete":
            self._p, self._q = session.discrete.p, session.discrete.q
            self._labels = list(session.discrete.labels)
        else:
            self._p, self._q, self._labels = session.continuous_p, session.continuous_q, None
        form = QtWidgets.QFormLayout(self)

        self.combo_kind = QtWidgets.QComboBox()
        self.combo_kind.setObjectName("combo_animation_kind")
        self.combo_kind.setAccessibleName(translate("export_animation", "What the animation shows"))
        for kind, text, needs in KINDS:
            self.combo_kind.addItem(translated(text), kind)
            if needs is not None and needs != view:
                item = self.combo_kind.model().item(self.combo_kind.count() - 1)
                item.setEnabled(False)
                item.setToolTip(translate("export_animation", "Fits move a Normal Q: use the Continuous tab"))
        form.addRow(translate("export_animation", "&Animation:"), self.combo_kind)

        self.spin_alpha = QtWidgets.QDoubleSpinBox()
        self.spin_alpha.setObjectName("spin_animation_alpha")
        self.spin_alpha.setAccessibleName(translate("export_animation", "α of the α-divergence"))
        self.spin_alpha.setRange(-10.0, 10.0)
        self.spin_alpha.setDecimals(2)
        self.spin_alpha.setSingleStep(0.1)
        self.spin_alpha.setValue(0.5)
        form.addRow("&α:", self.spin_alpha)

        self.combo_param = QtWidgets.QComboBox()
        self.combo_param.setObjectName("combo_animation_param")
        self.combo_param.setAccessibleName(translate("export_animation", "The parameter swept"))
        for key, text in (DISCRETE_PARAMS if view == "discrete" else CONTINUOUS_PARAMS):
            self.combo_param.addItem(translated(text), key)
        form.addRow(translate("export_animation", "&Parameter:"), self.combo_param)
        self.combo_category = QtWidgets.QComboBox()
        self.combo_category.setObjectName("combo_animation_category")
        self.combo_category.setAccessibleName(translate("export_animation", "The category swept"))
        for i, label in enumerate(self._labels or ()):
            self.combo_category.addItem(f"{i + 1}: {label}", i)  # addItem shows plain text
        form.addRow(translate("export_animation", "Ca&tegory:"), self.combo_category)
        self.spin_from, self.spin_to = QtWidgets.QDoubleSpinBox(), QtWidgets.QDoubleSpinBox()
        for spin, name, text in ((self.spin_from, "from", translate("export_animation", "Sweep from")),
                                 (self.spin_to, "to", translate("export_animation", "Sweep to"))):
            spin.setObjectName(f"spin_animation_{name}")
            spin.setAccessibleName(text)
            spin.setDecimals(4)
            spin.setKeyboardTracking(False)
        span = QtWidgets.QHBoxLayout()
        span.addWidget(self.spin_from)
        span.addWidget(QtWidgets.QLabel(translate("export_animation", "to")))
        span.addWidget(self.spin_to)
        form.addRow(translate("export_animation", "&From:"), span)
        self._span = span

        self.spin_frames = _spin(QtWidgets.QSpinBox, "spin_animation_frames", translate("export_animation", "Frames"),
                                 (an.MIN_FRAMES, an.MAX_FRAMES), an.DEFAULT_FRAMES)
        form.addRow(translate("export_animation", "F&rames:"), self.spin_frames)
        self.spin_fps = _spin(QtWidgets.QDoubleSpinBox, "spin_animation_fps", translate("export_animation", "Frames per second"),
                              (an.MIN_FPS, an.MAX_FPS), an.DEFAULT_FPS, translate("export_animation", " per second"), decimals=1)
        form.addRow(translate("export_animation", "&Speed:"), self.spin_fps)
        self.spin_dpi = _spin(QtWidgets.QSpinBox, "spin_animation_dpi", translate("export_animation", "Resolution of the frames"), (30, 400),
                              an.DEFAULT_DPI, translate("export_animation", " dpi"))
        form.addRow(translate("export_animation", "Re&solution:"), self.spin_dpi)

        self.combo_format = QtWidgets.QComboBox()
        self.combo_format.setObjectName("combo_animation_format")
        self.combo_format.setAccessibleName(translate("export_animation", "Animation format"))
        video_missing = an.video_unavailable()
        for fmt, text in FORMATS:
            self.combo_format.addItem(translated(text), fmt)
            if fmt == "mp4" and video_missing:
                item = self.combo_format.model().item(self.combo_format.count() - 1)
                item.setEnabled(False)
                item.setToolTip(translated(video_missing))
        form.addRow(translate("export_animation", "F&ormat:"), self.combo_format)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("label_animation_message")
        self.message.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # it quotes SPEC errors
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("progress_export_animation")
        self.progress.setAccessibleName(translate("export_animation", "Animation export progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        form.addRow(self.progress)

        self.buttons = QtWidgets.QDialogButtonBox()
        self.button_export = self.buttons.addButton(translate("export_animation", "&Export…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_export.setObjectName("button_export_animation")
        self.button_cancel = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.button_cancel.setObjectName("button_cancel_animation")
        self.button_export.clicked.connect(self.start)
        self.button_cancel.clicked.connect(self.reject)
        form.addRow(self.buttons)
        self._options = (self.combo_kind, self.spin_alpha, self.combo_param, self.combo_category, self.spin_from,
                         self.spin_to, self.spin_frames, self.spin_fps, self.spin_dpi, self.combo_format)

        self.combo_kind.currentIndexChanged.connect(self._show_kind)
        self.combo_param.currentIndexChanged.connect(self._reset_range)
        self.combo_category.currentIndexChanged.connect(self._reset_range)
        for w in (self.spin_alpha, self.spin_from, self.spin_to, self.spin_fps, self.combo_format):
            signal = w.currentIndexChanged if isinstance(w, QtWidgets.QComboBox) else w.valueChanged
            signal.connect(self._check)
        self.combo_kind.setCurrentIndex(3 if view == "discrete" else 1)
        self._reset_range()
        self._show_kind()

    # -- the choices -----------------------------------------------------------------------------
    def _rows(self, widget, visible):
        self.layout().setRowVisible(widget, visible)

    def _show_kind(self):
        kind = self.combo_kind.currentData()
        self._rows(self.spin_alpha, kind == "fit-alpha")
        self._rows(self.combo_param, kind == "sweep")
        self._rows(self.combo_category, kind == "sweep" and self.view == "discrete")
        self.layout().setRowVisible(self._span, kind == "sweep")
        self._check()
        self.adjustSize()

    def _reset_range(self):
        """FROM and TO for the chosen parameter: its own range, from its value now to the other
        distribution's."""
        param = self.combo_param.currentData()
        if param in ("p", "q"):
            low, high, step = 0.0, 1.0, 0.05
        elif param.startswith("sigma"):
            low, high, step = 1e-4, 1e4, 0.1
        else:
            low, high, step = -1e4, 1e4, 0.1
        start, stop = an.sweep_defaults(param, self._p, self._q, self.combo_category.currentData())
        for spin, value in ((self.spin_from, start), (self.spin_to, stop)):
            spin.blockSignals(True)
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setValue(min(max(value, low), high))
            spin.blockSignals(False)
        self._check()

    def spec(self):
        """The chosen `AnimationSpec`, parsed and checked as `klviz export --animate` does;
        ValueError says what is wrong."""
        kind = self.combo_kind.currentData()
        if kind == "fit-alpha":
            spec = an.AnimationSpec(kind, alpha=self.spin_alpha.value())
        elif kind == "sweep":
            param = self.combo_param.currentData()
            category = None
            if param in ("p", "q"):
                category = an.category_key(self._labels, self.combo_category.currentData())
            spec = an.AnimationSpec(kind, param=param, category=category, start=self.spin_from.value(),
                                    stop=self.spin_to.value())
        else:
            spec = an.AnimationSpec(kind)
        return an.parse_animation(spec.text)

    def format(self):
        return self.combo_format.currentData()

    def _check(self):
        """Say at once what the export would refuse; Export is enabled only when it can run."""
        try:
            spec = self.spec()
            if spec.view != self.view:
                raise ValueError(f"this animation is of the {spec.view} view")
            an.check_fps(self.spin_fps.value(), self.format())
            if self.format() == "mp4" and an.video_unavailable():
                raise ValueError(an.video_unavailable())
        except ValueError as exc:
            self.message.setText(translated(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc))
            self.button_export.setEnabled(False)
            return False
        if self.job is None:
            self.message.setText(f"klviz export --animate {spec.text}")
        self.button_export.setEnabled(self.job is None)
        return True

    # -- running ---------------------------------------------------------------------------------
    def start(self):
        """Ask for the file, then draw and write the frames in a worker. Returns the Job or None."""
        if self.job is not None or not self._check():
            return None
        fmt = self.format()
        path = self.exporter.ask_save_path(translate("export_animation", "Export animation"), f"klviz-{self.view}.{fmt}", translated(FILTERS[fmt]), fmt)
        if path is None:
            return None
        self.job = self.exporter.export_animation_async(
            path, self.spec(), self.view, frames=self.spin_frames.value(), fps=self.spin_fps.value(),
            dpi=self.spin_dpi.value())
        self.job.progress.connect(self._progress)
        self.job.succeeded.connect(lambda _: self.accept())
        self.job.cancelled.connect(lambda: self._stopped("Cancelled: nothing was written."))
        self.job.failed.connect(lambda msg: self._stopped(f"The export failed: {msg}"))
        for w in self._options:
            w.setEnabled(False)
        self.button_export.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first step is told
        self.message.setText(translate("export_animation", "Drawing the frames…"))
        return self.job

    def _progress(self, done, total):
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _stopped(self, text):
        self.job = None
        for w in self._options:
            w.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._check()
        self.message.setText(text)

    def cancel_export(self):
        """Stop the running export at its next frame (nothing is written)."""
        if self.job is not None:
            self.job.cancel()
            self.message.setText(translate("export_animation", "Cancelling…"))

    def reject(self):
        """Cancel (or Esc, or the window's close button): while an export runs, it stops the
        export and the dialog stays open to try again; else the dialog closes."""
        if self.job is not None:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event):
        if self.job is not None:
            self.cancel_export()
            event.ignore()
            return
        super().closeEvent(event)
