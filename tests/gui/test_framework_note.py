"""The "same numbers in your framework" note: the values it prints agree with scipy references
computed here (klviz's convention for PyTorch/JAX, Keras's clipping re-done in numpy), the text is
plain and copyable, and set_pair is throttled (one rebuild per burst of calls)."""

import math
import re

import numpy as np
import pytest
from PySide6 import QtGui, QtWidgets
from scipy.special import log_softmax, rel_entr, softmax

from standalone import shown
from klviz.gui.widgets import framework_note as fn
from klviz.gui.widgets.framework_note import FrameworkNote


@pytest.fixture
def note(qtbot):
    return shown(qtbot, FrameworkNote(delay_ms=30), (700, 500))


def printed(text, code):
    """The value the note prints after `code`."""
    line = next(s for s in text.splitlines() if s.strip().startswith(code))
    return float(re.search(r"= (\S+)$", line).group(1))


def test_values_match_scipy(note):
    p = np.array([0.1, 0.2, 0.3, 0.4])
    q = np.array([0.25, 0.25, 0.4, 0.1])
    note.set_pair(p, q)
    text = note.text()
    kl = float(np.sum(rel_entr(p, q)))
    h = float(-np.sum(p * np.log(q)))
    assert math.isclose(printed(text, "F.kl_div(input=Q.log(), target=P, reduction='sum')"), kl, rel_tol=1e-5)
    assert math.isclose(printed(text, "-torch.special.xlogy(P, Q).sum()"), h, rel_tol=1e-5)
    assert math.isclose(printed(text, "jnp.sum(rel_entr(P, Q))"), kl, rel_tol=1e-5)
    assert math.isclose(printed(text, "-jnp.sum(xlogy(P, Q))"), h, rel_tol=1e-5)
    assert "PyTorch" in text and "TensorFlow" in text and "JAX" in text
    view = note.findChild(QtWidgets.QPlainTextEdit, "framework_note_text")
    assert view.isReadOnly() and view.toPlainText() == text
    fixed = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
    assert view.font().family() == fixed.family()


def test_keras_clipping_and_support_mismatch(note):
    p = np.array([0.5, 0.5, 0.0])
    q = np.array([0.5, 0.0, 0.5])  # D(P‖Q) = ∞; Keras clips zeros to 1e-7
    note.set_pair(p, q)
    text = note.text()
    pc, qc = np.clip(p, 1e-7, 1), np.clip(q, 1e-7, 1)
    keras = float(np.sum(pc * np.log(pc / qc)))
    assert math.isclose(printed(text, "tf.keras.losses.KLDivergence()"), keras, rel_tol=1e-5)
    assert printed(text, "jnp.sum(rel_entr(P, Q))") == math.inf


def test_q_from_logits(note):
    p = np.array([0.2, 0.3, 0.5])
    z = np.array([1.0, -2.0, 0.5])
    note.set_pair(p, softmax(z), q_logits=z)
    text = note.text()
    h = float(-np.sum(p * log_softmax(z)))
    assert math.isclose(printed(text, "F.cross_entropy("), h, rel_tol=1e-5)
    assert "ZQ" in text


def test_bad_pair_refused_note_unchanged(note):
    note.set_pair([0.5, 0.5], [0.9, 0.1])
    before = note.text()
    for p, q in [([0.5, 0.5], [1.0]), ([0.5, -0.5], [0.5, 0.5]), ([math.nan, 1], [0.5, 0.5])]:
        with pytest.raises(ValueError):
            note.set_pair(p, q)
    assert note.text() == before


def test_throttled_and_copy(note, qtbot, monkeypatch):
    calls = []
    real = fn.note_text
    monkeypatch.setattr(fn, "note_text", lambda pair: calls.append(1) or real(pair))
    for k in range(50):  # a drag: 50 frames in a burst
        t = 0.1 + 0.8 * k / 50
        note.set_pair([t, 1 - t], [0.5, 0.5])
    assert calls == []
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    view = note.findChild(QtWidgets.QPlainTextEdit, "framework_note_text")
    t = 0.1 + 0.8 * 49 / 50
    kl = float(np.sum(rel_entr([t, 1 - t], [0.5, 0.5])))
    assert math.isclose(printed(view.toPlainText(), "jnp.sum(rel_entr(P, Q))"), kl, rel_tol=1e-5)
    note.findChild(QtWidgets.QPushButton, "framework_note_copy").click()
    assert QtWidgets.QApplication.clipboard().text() == view.toPlainText()


def test_hidden_note_waits_until_shown(qtbot, monkeypatch):
    w = FrameworkNote(delay_ms=0)
    qtbot.addWidget(w)
    calls = []
    real = fn.note_text
    monkeypatch.setattr(fn, "note_text", lambda pair: calls.append(1) or real(pair))
    w.set_pair([0.5, 0.5], [0.25, 0.75])
    QtWidgets.QApplication.processEvents()
    assert calls == []
    w.show()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    assert "D(P‖Q)" in w.findChild(QtWidgets.QPlainTextEdit, "framework_note_text").toPlainText()


def test_a_deferred_window_builds_the_note_later_and_restores_it_open(qtbot):
    """The app's start (deferred) builds the dock and its action but not the note: the window's
    build steps do; a dock left open is restored open, its note built before it is shown."""
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    dock = w.findChild(QtWidgets.QDockWidget, "dock_framework_note")
    assert dock is not None and w.data.note is None and dock.widget() is None
    assert w.findChild(QtGui.QAction, "action_framework_note") is not None
    w.finish_building()
    assert w.data.note is not None and dock.findChild(QtWidgets.QWidget, "framework_note") is w.data.note
    assert not dock.isVisible()
    with qtbot.waitExposed(w):
        w.show()
    w.data.action_note.trigger()
    assert dock.isVisible()
    w.window_geometry.save()  # what closing the window saves

    again = create_main_window(deferred=True)
    qtbot.addWidget(again)
    assert again.data.note is not None  # open last time: built with the window
    with qtbot.waitExposed(again):
        again.show()
    assert again.findChild(QtWidgets.QDockWidget, "dock_framework_note").isVisible()
    assert "D(P‖Q)" in again.data.note.text()


def test_the_note_is_built_when_its_dock_is_shown_first(qtbot):
    from klviz.gui import create_main_window

    w = create_main_window(deferred=True)
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    assert w.data.note is None
    w.data.action_note.trigger()  # before the build steps got there
    assert w.data.note is not None and w.data.dock.isVisible()
    assert "D(P‖Q)" in w.data.note.text()
