"""File › Import data…: P, Q, both, the joint or the loss lab's batch from a file, with a preview.

`ImportDataDialog(parent=None, target="p", directory="", plan=None)` (objectName
"dialog_import_data"). `plan(result)`, if given, says in one plain-text sentence what the import
will do to the session (File › Import data… passes klviz.state.imports.plan_text: P or Q aligned by
label, replaced by position, or the other side made uniform); it is shown in `import_plan`.
Setting the path field (`import_path`; `import_path_q` for the second file of "P and Q") reads
the file at once, through `klviz.scene.data_import.read_import`, i.e. with the very readers
`klviz compute` uses, so the app and the command line accept and refuse the same files. What was
read is shown in `import_preview` (plain text), with its notes (bins, pseudocount, sampling bias,
a file too big for the editor) also in `import_notes` above it; a bad file's message (file, line, column) in
`import_error` (plain text); OK is enabled only while the current file and options read
cleanly, and `result()` is then the `ImportResult` (None before). Nothing outside the dialog
changes until the caller takes the result after `exec()` returns Accepted.

Every text from a file reaches a plain-text widget only (QPlainTextEdit, PlainText labels).
"""

from __future__ import annotations

import os

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui import settings

from klviz.gui.widgets.text import plain_label
from klviz.scene import data_import as di
from klviz.gui.i18n import QT_TRANSLATE_NOOP, error_text, translate, translated

FILE_FILTER = QT_TRANSLATE_NOOP("klviz", "Data files (*.csv *.tsv *.txt *.npy);;All files (*)")
BATCH_FILTER = QT_TRANSLATE_NOOP("klviz", "Logit batches (*.csv *.tsv *.txt);;All files (*)")
MAX_PSEUDOCOUNT = 1e6


def monospace_font():
    return QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)


IMPORT_DIR_KEY = "import/last_dir"  # the folder Browse… last chose a file from (QSettings)


class ImportDataDialog(QtWidgets.QDialog):
    """The File › Import data… dialog. `result()` -> ImportResult or None."""

    def __init__(self, parent=None, target="p", directory="", plan=None):
        super().__init__(parent)
        self._plan = plan
        self.setObjectName("dialog_import_data")
        self.setWindowTitle(translate("dialogs.import_data", "Import data"))
        self.setModal(True)
        self._directory = str(directory or settings.last_folder(IMPORT_DIR_KEY))
        self._result = None
        self._cache = di.SourceCache()  # the bins and pseudocount change without re-reading the file

        self.target = QtWidgets.QComboBox(objectName="import_target")
        for key in di.TARGETS:
            self.target.addItem(translated(di.TARGET_TEXT[key]), key)
        self.kind = QtWidgets.QComboBox(objectName="import_kind")
        for key in di.KINDS:
            self.kind.addItem(translated(di.KIND_TEXT[key]), key)
        self.path = QtWidgets.QLineEdit(objectName="import_path")
        self.path.setPlaceholderText(translate("dialogs.import_data", "a .csv, .tsv, .txt or .npy file"))
        self.browse = QtWidgets.QPushButton(translate("dialogs.import_data", "Browse…"), objectName="import_browse")
        self.path_q = QtWidgets.QLineEdit(objectName="import_path_q")
        self.path_q.setPlaceholderText(translate("dialogs.import_data", "Q's file"))
        self.browse_q = QtWidgets.QPushButton(translate("dialogs.import_data", "Browse…"), objectName="import_browse_q")
        self.bins = QtWidgets.QSpinBox(objectName="import_bins")
        self.bins.setRange(0, di.MAX_BINS)
        self.bins.setSpecialValueText(translate("dialogs.import_data", "fd"))  # 0 shows as fd (Freedman–Diaconis, the default)
        self.bins.setToolTip(translate("dialogs.import_data", "fd (Freedman–Diaconis, the default) or a number of equal-width bins over "
                             "the samples' range (the last bin closed); numeric samples only"))
        self.pseudocount = QtWidgets.QDoubleSpinBox(objectName="import_pseudocount")
        self.pseudocount.setRange(0.0, MAX_PSEUDOCOUNT)
        self.pseudocount.setDecimals(3)
        self.pseudocount.setSingleStep(0.5)
        self.pseudocount.setToolTip(translate("dialogs.import_data", "added to every count of P and Q before normalising "
                                    "(the usual cure for an empty bin's ∞)"))
        self.preview = QtWidgets.QPlainTextEdit(objectName="import_preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(monospace_font())
        self.preview.setMinimumSize(520, 260)
        self.notes = plain_label("", self)
        self.notes.setObjectName("import_notes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        self.plan = plain_label("", self)
        self.plan.setObjectName("import_plan")
        self.plan.setWordWrap(True)
        self.plan.setVisible(False)
        self.error = plain_label("", self)
        self.error.setObjectName("import_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("import_ok")
        self.ok.setText(translate("dialogs.import_data", "Import"))

        form = QtWidgets.QFormLayout()
        form.addRow(translate("dialogs.import_data", "Import into"), self.target)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self._path_label = plain_label(translate("dialogs.import_data", "File"), self)
        form.addRow(self._path_label, row)
        row_q = QtWidgets.QHBoxLayout()
        row_q.addWidget(self.path_q, 1)
        row_q.addWidget(self.browse_q)
        self._path_q_label = plain_label(translate("dialogs.import_data", "Q's file"), self)
        form.addRow(self._path_q_label, row_q)
        self._form, self._row_q = form, row_q
        form.addRow(translate("dialogs.import_data", "Read as"), self.kind)
        form.addRow(translate("dialogs.import_data", "Bins"), self.bins)
        form.addRow(translate("dialogs.import_data", "Pseudocount"), self.pseudocount)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plan)
        layout.addWidget(self.notes)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(lambda: self._browse(self.path))
        self.browse_q.clicked.connect(lambda: self._browse(self.path_q))
        for signal in (self.path.textChanged, self.path_q.textChanged, self.target.currentIndexChanged,
                       self.kind.currentIndexChanged, self.bins.valueChanged, self.pseudocount.valueChanged):
            signal.connect(self._read)
        self.set_target(target)
        self._read()

    # -- public ---------------------------------------------------------------------------------

    def set_target(self, target):
        """Choose the target ("p", "q", "pair", "joint", "batch"); ValueError for another."""
        index = self.target.findData(target)
        if index < 0:
            raise ValueError(f"the target must be one of {', '.join(di.TARGETS)} (got {target!r})")
        self.target.setCurrentIndex(index)
        self._read()

    def result(self):
        """The ImportResult of the current file and options, or None while there is none."""
        return self._result

    def accept(self):
        if self._result is not None:  # Enter with a refused file does nothing
            super().accept()

    # -- reading ----------------------------------------------------------------------------------

    def _options(self):
        target = self.target.currentData()
        kind = self.kind.currentData()
        sides = target in ("p", "q", "pair")
        self.kind.setEnabled(sides)
        self.bins.setEnabled(sides and kind == "samples")
        self.pseudocount.setEnabled(sides and kind != "logits")
        self._form.setRowVisible(self._row_q, target == "pair")
        self._path_label.setText(translate("dialogs.import_data", "P's file") if target == "pair" else translate("dialogs.import_data", "File"))
        bins = self.bins.value() if self.bins.isEnabled() else 0
        c = self.pseudocount.value() if self.pseudocount.isEnabled() else 0.0
        return target, kind, bins, c

    def _read(self):
        target, kind, bins, c = self._options()
        path, path_q = self.path.text(), self.path_q.text()
        self._result = None
        self.ok.setEnabled(False)
        self.notes.setText("")
        self.notes.setVisible(False)
        self.plan.setText("")
        self.plan.setVisible(False)
        if not path.strip() or (target == "pair" and not path_q.strip()):
            self.preview.setPlainText("")
            self.error.setText("")
            self.preview.setPlaceholderText(translate("dialogs.import_data", "Choose a file to see what it holds.") if target != "pair"
                                            else translate("dialogs.import_data", "Choose P's file and Q's file."))
            return
        try:
            result = di.read_import(target, path, kind, bins, c, path_q=path_q if target == "pair" else None,
                                    cache=self._cache)
        except (ValueError, OverflowError) as exc:  # DataFileError is a ValueError
            self.preview.setPlainText("")
            self.error.setText(error_text(exc))  # a file's reason in the app's language
            return
        self._result = result
        self.error.setText("")
        self.preview.setPlainText(result.preview)
        self.notes.setText("\n".join(f"• {n}" for n in result.notes))
        self.notes.setVisible(bool(result.notes))
        plan = self._plan(result) if self._plan is not None else ""
        self.plan.setText(translate("dialogs.import_data", "On import: {0}").format(translated(plan)) if plan else "")
        self.plan.setVisible(bool(plan))
        self.ok.setEnabled(True)

    def _browse(self, field):
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, translate("dialogs.import_data", "Import data"), field.text() or self._directory,
            translated(BATCH_FILTER if self.target.currentData() == "batch" else FILE_FILTER))
        if name:
            field.setText(name)
            settings.remember_folder(name, IMPORT_DIR_KEY)  # the next Browse… starts there
            self._directory = os.path.dirname(os.path.abspath(name))
