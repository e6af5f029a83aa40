"""The loss lab's batch: each data pair's cross-entropy and their mean, E over p̂_data.

`BatchPanel(parent=None, unit="nats")` (objectName "loss_batch"): `set_batch(logits, targets,
class_labels=None)` shows n rows of k ≥ 2 logits with their 0-based targets: one row per data pair
in "loss_batch_table" (row, target, cross-entropy) and the mean in "loss_batch_mean", under a
caption ("loss_batch_caption") saying the mean is the expectation over the data pairs. Numbers
come from `klviz.scene.data_import.batch_view` (klviz.core's batch_cross_entropy); this widget
formats nothing itself. A bad batch raises ValueError and leaves the panel as it was.

The table is a model/view pair (rows made on demand), so a 10^5-row batch shows at once.
Class labels are data: shown as plain text (item text is never markup).
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.text import PLAIN, FormulaLabel, plain_label
from klviz.scene.data_import import BATCH_CAPTION, batch_view
from klviz.gui.i18n import translate, translated

_ALIGN_RIGHT = int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)


class _BatchModel(QtCore.QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = ()
        self._unit = "nats"

    def set_view(self, view):
        self.beginResetModel()
        self._rows = () if view is None else view.rows
        self._unit = "nats" if view is None else view.unit
        self.endResetModel()

    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else 3

    def data(self, index, role=QtCore.Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == QtCore.Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()][index.column()]
            return str(value)
        if role == QtCore.Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return _ALIGN_RIGHT
        return None

    def headerData(self, section, orientation, role=QtCore.Qt.ItemDataRole.DisplayRole):
        if role != QtCore.Qt.ItemDataRole.DisplayRole or orientation != QtCore.Qt.Orientation.Horizontal:
            return None
        return ("data pair", "target y", f"−log q(y | x) ({self._unit})")[section]


class BatchPanel(QtWidgets.QWidget):
    """Per-row cross-entropies of a logit batch and their mean."""

    def __init__(self, parent=None, unit="nats"):
        super().__init__(parent)
        self.setObjectName("loss_batch")
        self._unit = unit
        self._batch = None
        self._view = None
        self.caption = FormulaLabel(self)  # wraps between formulas: "q(y | x)" stays whole
        self.caption.setTextFormat(PLAIN)
        self.caption.setText(translated(BATCH_CAPTION))
        self.caption.setObjectName("loss_batch_caption")
        self._model = _BatchModel(self)
        self.table = QtWidgets.QTableView(self)
        self.table.setObjectName("loss_batch_table")
        self.table.setModel(self._model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.mean = plain_label("", self)
        self.mean.setObjectName("loss_batch_mean")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.mean)
        self._show()

    def set_batch(self, logits, targets, class_labels=None):
        """Show a batch: `logits` n × k (k ≥ 2, finite), `targets` n class indices (0-based),
        `class_labels` k names or None. ValueError for a bad batch; the panel is then unchanged."""
        view = batch_view(logits, targets, class_labels, self._unit)
        labels = None if class_labels is None else tuple(class_labels)
        self._batch = (np.array(logits, dtype=float), np.array(targets), labels)  # copies: unit changes redo them
        self._set_view(view)

    def set_unit(self, unit):
        """Show the numbers in `unit` ("nats", "bits", "bans"); ValueError for another."""
        view = batch_view(*self._batch, unit=unit) if self._batch is not None else None
        if view is None:
            batch_view([[0.0, 0.0]], [0], unit=unit)  # validates the unit
        self._unit = unit
        self._set_view(view)

    def clear(self):
        self._batch = None
        self._set_view(None)

    def batch_view(self):
        """The `klviz.scene.data_import.BatchView` shown, or None."""
        return self._view

    def _set_view(self, view):
        self._view = view
        self._model.set_view(view)
        self._show()

    def _show(self):
        v = self._view
        if v is None:
            self.mean.setText(translate("widgets.batch_panel", "No batch: File › Import data… › the loss lab's batch (a CSV of logit rows "
                              "and a target column)."))
            return
        n = len(v.rows)
        self.mean.setText(translate("widgets.batch_panel", 'mean over the {n:,} data pair{0}: E over p̂_data of −log q(y | x) = {1} {2}').format('s' if n != 1 else '', v.mean_text, v.unit, n=n))
