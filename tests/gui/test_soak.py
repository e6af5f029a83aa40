"""Thousands of random drags and key presses: no exception, and after every step P and Q are
probability vectors (sum 1 within 1e-12, no negative entry). A short run in the default suite;
the long run is marked slow (`pytest -m slow`)."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore

from uitools import drag

KEYS = [QtCore.Qt.Key.Key_Left, QtCore.Qt.Key.Key_Right, QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Down]


def _check(model):
    for v in (model.discrete.p, model.discrete.q):
        assert np.all(v >= 0), v
        assert abs(v.sum() - 1.0) <= 1e-12, v.sum()
    m = model.discrete_measures()
    for key in ("entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp", "js"):
        assert not np.isnan(getattr(m, key)), key


def _soak(window, qtbot, steps, seed):
    rng = np.random.default_rng(seed)
    model = window.model
    plots = [window.findChild(pg.PlotWidget, "plot_p"), window.findChild(pg.PlotWidget, "plot_q")]
    for step in range(steps):
        action = rng.random()
        plot = plots[rng.integers(2)]
        n = model.discrete.n
        if action < 0.45:
            i = int(rng.integers(n))
            drag(plot, i + rng.uniform(-0.35, 0.35), rng.uniform(-0.1, 1.1), rng.uniform(-0.3, 1.3),
                 steps=int(rng.integers(1, 5)))
        elif action < 0.9:
            plot.setFocus()
            mod = QtCore.Qt.KeyboardModifier.ShiftModifier if rng.random() < 0.3 else QtCore.Qt.KeyboardModifier.NoModifier
            qtbot.keyClick(plot, KEYS[rng.integers(4)], mod)
        elif action < 0.95:
            model.set_categories(int(rng.integers(2, 30)))
        else:
            [model.swap, model.copy_p_to_q, model.apply_support_mismatch,
             lambda: model.apply_preset("q", "one-hot"), model.undo_stack.undo][rng.integers(5)]()
        _check(model)


def test_soak_short(window, qtbot):
    _soak(window, qtbot, 300, seed=1)


@pytest.mark.slow
def test_soak_long(window, qtbot):
    _soak(window, qtbot, 5000, seed=2)
