"""The loss lab's batch panel: each row's cross-entropy and their mean, checked against scipy
(and mpmath where float64 logsumexp cancels), in the table and the labels the user reads."""

import math

import mpmath
import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets
from scipy.special import logsumexp

from standalone import shown
from klviz.gui.widgets.batch_panel import BatchPanel


@pytest.fixture
def panel(qtbot):
    return shown(qtbot, BatchPanel(), (500, 400))


def cells(panel, column):
    table = panel.findChild(QtWidgets.QTableView, "loss_batch_table")
    model = table.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_rows_and_mean_match_scipy(panel):
    rng = np.random.default_rng(11)
    z = rng.normal(scale=3.0, size=(25, 5))
    t = rng.integers(0, 5, size=25)
    panel.set_batch(z, t)
    ref = logsumexp(z, axis=1) - z[np.arange(25), t]
    view = panel.batch_view()
    np.testing.assert_allclose(view.cross_entropies, ref, rtol=1e-13)
    assert math.isclose(view.mean, math.fsum(ref.tolist()) / 25, rel_tol=1e-13)
    shown = [float(s) for s in cells(panel, 2)]
    np.testing.assert_allclose(shown, ref, rtol=5e-4)  # 4 significant digits on screen
    assert cells(panel, 0) == [str(k) for k in range(1, 26)]
    assert cells(panel, 1) == [str(int(k)) for k in t]
    mean = panel.findChild(QtWidgets.QLabel, "loss_batch_mean").text()
    assert f"{math.fsum(ref.tolist()) / 25:.3f}"[:4] in mean and "25 data pairs" in mean and "nats" in mean
    caption = panel.findChild(QtWidgets.QLabel, "loss_batch_caption")
    assert "E over p̂_data" in caption.text() and caption.textFormat() == QtCore.Qt.TextFormat.PlainText


def test_confident_rows_stay_exact_and_units_convert(panel):
    z = [[0.0, 0.0, 40.0], [1000.0, -1000.0, 0.0], [0.0, 0.0, 0.0]]
    t = [2, 1, 0]
    with mpmath.workdps(60):
        ref = [float(mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v) - row[k]) for v in row)))
               for row, k in zip(z, t)]
    panel.set_batch(z, t, ("cat", "<b>dog</b>", "bird"))
    np.testing.assert_allclose(panel.batch_view().cross_entropies, ref, rtol=1e-14)
    assert cells(panel, 1) == ["bird", "<b>dog</b>", "cat"]
    panel.set_unit("bits")
    np.testing.assert_allclose(panel.batch_view().cross_entropies, np.array(ref) / math.log(2), rtol=1e-14)
    assert "bits" in panel.findChild(QtWidgets.QLabel, "loss_batch_mean").text()
    model = panel.findChild(QtWidgets.QTableView, "loss_batch_table").model()
    assert "bits" in model.headerData(2, QtCore.Qt.Orientation.Horizontal)


@pytest.mark.parametrize("logits,targets", [
    ([[1.0, 2.0]], [2]), ([[1.0]], [0]), ([[1.0, math.inf]], [0]), ([[1.0, 2.0]], [0.5]),
    ([[1.0, 2.0], [0.0, 1.0]], [0]), ([[1.0, 2.0]], [-1]),
])
def test_bad_batch_is_refused_and_the_panel_unchanged(panel, logits, targets):
    panel.set_batch([[0.0, 1.0]], [1])
    before = panel.batch_view()
    with pytest.raises(ValueError):
        panel.set_batch(logits, targets)
    assert panel.batch_view() is before and cells(panel, 0) == ["1"]
    with pytest.raises(ValueError):
        panel.set_unit("furlongs")
    assert panel.batch_view() is before


def test_large_batch_is_quick(panel):
    import time

    z = np.random.default_rng(0).normal(size=(100_000, 10))
    t = np.arange(100_000) % 10
    start = time.perf_counter()
    panel.set_batch(z, t)
    QtWidgets.QApplication.processEvents()
    assert time.perf_counter() - start < 10.0
    assert panel.findChild(QtWidgets.QTableView, "loss_batch_table").model().rowCount() == 100_000
