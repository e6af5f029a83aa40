"""The Joint tab, File › Import data…, the loss lab's batch and the framework note in the window:
one undo history for every tab, the joint in session files, bad files changing nothing, quiz mode
and exports. Numbers are checked against numpy/math references computed here."""

import json
import math

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import state as ss
from klviz.state.joint import JointState

LEFT = QtCore.Qt.MouseButton.LeftButton
NONE = QtCore.Qt.MouseButton.NoButton


def snapshot(window):
    s = window.model.session
    return json.dumps(s.to_dict(), sort_keys=True), s.joint, s.batch


def grid(window):
    return window.page_joint.findChild(QtWidgets.QWidget, "joint_grid")


def readout(window, key):
    from klviz.gui.pages.joint import READOUT_OBJECT_NAMES

    return window.page_joint.findChild(QtWidgets.QLabel, READOUT_OBJECT_NAMES[key]).text()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_joint_tab_is_in_the_window_on_the_sessions_joint(window):
    page = window.findChild(QtWidgets.QWidget, "page_joint")
    assert page is window.page_joint and window.tabs.indexOf(page) >= 0
    assert page.state() is window.model.joint
    assert page.undo_stack() is window.model.undo_stack  # the window's one history
    assert window.findChild(QtGui.QAction, "action_import_data").shortcut().toString() == "Ctrl+I"


def test_a_joint_edit_is_undone_and_redone_by_the_windows_actions(window, qtbot):
    window.tabs.setCurrentWidget(window.page_joint)
    window.model.set_probability("p", 0, 0.5)  # an edit on another tab first: one history
    count = window.model.undo_stack.count()
    before = window.model.joint
    g = grid(window)
    g.setFocus()
    g.select(("cell", 0, 1))
    qtbot.keyClick(g, QtCore.Qt.Key.Key_Plus)  # P(x1, y2) + 0.01
    after = window.model.joint
    assert after.grid[0][1] == pytest.approx(before.grid[0][1] + 0.01, abs=1e-12)
    assert window.model.undo_stack.count() == count + 1
    P = np.array(after.grid)
    px, py = P.sum(1), P.sum(0)
    mi = sum(P[i, j] * math.log(P[i, j] / (px[i] * py[j])) for i in range(2) for j in range(2) if P[i, j] > 0)
    assert readout(window, "mutual_information") == f"I(X;Y) = {mi:#.4g} nats"  # the session's unit
    window.action_undo.trigger()
    assert window.model.joint == before and window.page_joint.scene().joint.tolist() == [list(r) for r in before.grid]
    window.action_undo.trigger()  # then the discrete edit, whichever tab is shown
    assert window.model.discrete.p[0] != 0.5
    window.action_redo.trigger()
    window.action_redo.trigger()
    assert window.model.joint == after and window.model.discrete.p[0] == 0.5
    assert readout(window, "mutual_information") == f"I(X;Y) = {mi:#.4g} nats"


def _mouse(widget, kind, pos, button, buttons):
    from PySide6 import QtGui

    ev = QtGui.QMouseEvent(kind, QtCore.QPointF(pos), QtCore.QPointF(widget.mapToGlobal(pos.toPoint())),
                           button, buttons, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, ev)


def test_a_drag_is_one_step_of_the_windows_history(window, qtbot):
    window.tabs.setCurrentWidget(window.page_joint)
    qtbot.waitExposed(window.page_joint)
    g = grid(window)
    count, before = window.model.undo_stack.count(), window.model.joint
    start = g.cell_rect(("cell", 1, 0)).center()
    _mouse(g, QtCore.QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for k in range(1, 7):
        _mouse(g, QtCore.QEvent.Type.MouseMove, start + QtCore.QPointF(0, -10 * k), NONE, LEFT)
    _mouse(g, QtCore.QEvent.Type.MouseButtonRelease, start + QtCore.QPointF(0, -60), LEFT, NONE)
    assert window.model.joint.grid[1][0] > before.grid[1][0] + 0.05
    assert window.model.undo_stack.count() == count + 1
    window.action_undo.trigger()
    assert window.model.joint == before


def test_the_unit_box_sets_the_joints_unit(window):
    window.model.set_unit("bits")
    assert window.page_joint.scene().unit == "bits" and readout(window, "entropy_x").endswith(" bits")


def test_save_with_a_joint_and_reopen_shows_the_same_table_and_labels(window, tmp_path):
    joint = JointState.preset("random", 3, 4, seed=9).set_cell(2, 1, 0.2718).relabel(["a&b", "<i>x</i>", "c"])
    window.model.set_joint(joint, "test")
    path = str(tmp_path / "j.klviz")
    assert window.save_session(path)
    texts, labels = grid(window).texts(), grid(window).labels()
    window.model.set_joint(JointState.preset("xor"), "other")
    assert grid(window).texts() != texts
    assert window.open_session(path)
    assert window.model.joint == joint and window.model.undo_stack.count() == 0
    assert grid(window).texts() == texts and grid(window).labels() == labels
    assert labels[0] == ("a&b", "<i>x</i>", "c")
    assert not window.isWindowModified()


@pytest.mark.parametrize("joint, field", [({"rows": [[1, 2], [3, "x"]]}, "row 2, column 2"),
                                          ({"rows": [[1, 2], [3, 4]], "row_labels": ["a", "a"]}, "row labels")])
def test_a_bad_joint_in_a_file_is_refused_naming_the_field_and_nothing_changes(window, tmp_path, joint, field):
    window.model.set_joint(JointState.preset("dependent", 3, 3), "edit")
    data = ss.Session().with_(unit="bits").to_dict() | {"joint": joint}
    path = write(tmp_path, "bad.klviz", json.dumps(data))
    before, count, texts = snapshot(window), window.model.undo_stack.count(), grid(window).texts()
    assert window.open_session(path) is False
    assert snapshot(window) == before and window.model.undo_stack.count() == count
    assert grid(window).texts() == texts and window.model.unit == "nats"
    box = window.findChild(QtWidgets.QMessageBox, "message_error")
    assert box is not None and "joint" in box.text() and field in box.text() and "bad.klviz" in box.text()
    box.close()


# ---------------------------------------------------------------------------------------------
# File › Import data…


def open_import(window, target):
    window.findChild(QtGui.QAction, "action_import_data").trigger()
    dialog = window.findChild(QtWidgets.QDialog, "dialog_import_data")
    assert dialog is not None and dialog.isVisible()
    dialog.set_target(target)
    return dialog


def test_importing_p_from_a_csv_is_one_undo_step(window, tmp_path):
    path = write(tmp_path, "p.csv", "label,weight\nsun,2\nrain,6\nfog,0\nsnow,2\n")
    window.model.set_probability("q", 0, 0.3)
    q_before = window.model.discrete.q.copy()
    count, before = window.model.undo_stack.count(), snapshot(window)
    dialog = open_import(window, "p")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(path)
    ok = dialog.findChild(QtWidgets.QPushButton, "import_ok")
    assert ok.isEnabled()
    ok.click()
    d = window.model.discrete
    assert d.labels == ("sun", "rain", "fog", "snow")
    assert d.p.tolist() == [0.2, 0.6, 0.0, 0.2]
    assert d.n == 4 and math.isclose(d.q.sum(), 1.0)  # Q resized to four categories by the tab's rule
    assert window.model.undo_stack.count() == count + 1
    assert window.tabs.currentWidget() is window.page_discrete
    window.action_undo.trigger()
    assert snapshot(window) == before and np.array_equal(window.model.discrete.q, q_before)
    window.action_redo.trigger()
    assert window.model.discrete.labels == ("sun", "rain", "fog", "snow")


def test_a_bad_file_leaves_everything_unchanged(window, tmp_path, qtbot):
    path = write(tmp_path, "bad.csv", "1\n2\n-3\n")
    before, count = snapshot(window), window.model.undo_stack.count()
    dialog = open_import(window, "p")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(path)
    error = dialog.findChild(QtWidgets.QLabel, "import_error").text()
    assert "bad.csv" in error and "line 3" in error
    assert not dialog.findChild(QtWidgets.QPushButton, "import_ok").isEnabled()
    qtbot.keyClick(dialog, QtCore.Qt.Key.Key_Return)  # Enter with a refused file does nothing
    dialog.reject()
    assert snapshot(window) == before and window.model.undo_stack.count() == count


def test_more_than_the_editors_categories_is_imported_read_only(window, tmp_path):
    """Issue 15: measured in full, one undo step, the bars not editable (see tests/gui/test_data_gaps.py)."""
    path = write(tmp_path, "big.csv", "\n".join(str(k % 7 + 1) for k in range(150)) + "\n")
    count = window.model.undo_stack.count()
    dialog = open_import(window, "p")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(path)
    assert "not editable" in dialog.findChild(QtWidgets.QLabel, "import_notes").text()
    dialog.findChild(QtWidgets.QPushButton, "import_ok").click()
    assert window.findChild(QtWidgets.QMessageBox, "message_error") is None
    assert window.model.discrete.n == 150 and window.model.undo_stack.count() == count + 1
    note = window.page_discrete.findChild(QtWidgets.QLabel, "label_discrete_readonly")
    assert note.isVisible() and note.text().startswith("150 categories: measured in full")


def test_importing_a_joint_goes_to_the_joint_tab_as_one_step(window, tmp_path):
    path = write(tmp_path, "j.csv", ",hot,cold\nwet,3,1\ndry,1,5\n")
    count = window.model.undo_stack.count()
    dialog = open_import(window, "joint")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(path)
    dialog.findChild(QtWidgets.QPushButton, "import_ok").click()
    j = window.model.joint
    assert j.grid == ((0.3, 0.1), (0.1, 0.5)) and j.row_labels == ("wet", "dry") and j.col_labels == ("hot", "cold")
    assert window.model.undo_stack.count() == count + 1 and window.tabs.currentWidget() is window.page_joint
    assert grid(window).labels() == (("wet", "dry"), ("hot", "cold"))


def test_the_batch_panel_shows_the_mean_of_a_numpy_reference(window, tmp_path):
    rng = np.random.default_rng(3)
    z = rng.normal(scale=2.0, size=(40, 4))
    t = rng.integers(0, 4, size=40)
    lines = ["a,b,c,d,target"] + [",".join(f"{v:.17g}" for v in row) + f",{k}" for row, k in zip(z, t)]
    path = write(tmp_path, "batch.csv", "\n".join(lines) + "\n")
    count = window.model.undo_stack.count()
    dialog = open_import(window, "batch")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(path)
    dialog.findChild(QtWidgets.QPushButton, "import_ok").click()
    assert window.model.undo_stack.count() == count + 1
    m = z.max(axis=1)
    ref = m + np.log(np.exp(z - m[:, None]).sum(axis=1)) - z[np.arange(40), t]  # −log softmax(z)_y
    panel = window.findChild(QtWidgets.QWidget, "loss_batch")
    assert panel is window.page_losses.categorical.batch and panel.isVisible()
    view = panel.batch_view()
    np.testing.assert_allclose(view.cross_entropies, ref, rtol=1e-12)
    assert math.isclose(view.mean, ref.mean(), rel_tol=1e-12)
    mean_text = panel.findChild(QtWidgets.QLabel, "loss_batch_mean").text()
    assert f"{ref.mean():#.4g} nats" in mean_text and "40 data pairs" in mean_text
    window.model.set_unit("bits")
    assert math.isclose(panel.batch_view().mean, ref.mean() / math.log(2), rel_tol=1e-12)
    window.action_undo.trigger()  # the unit
    window.action_undo.trigger()  # the import
    assert window.model.batch is None and panel.batch_view() is None


def test_quiz_hides_the_joint_digits(window):
    window.tabs.setCurrentWidget(window.page_joint)
    scene = window.page_joint.scene()
    window.action_quiz.trigger()
    from klviz.gui.pages.joint import READOUT_OBJECT_NAMES

    shown = [readout(window, k) for k in READOUT_OBJECT_NAMES]
    shown.append(window.page_joint.findChild(QtWidgets.QLabel, "joint_divergence").text())
    for text in shown:
        name = text.split(" = ")[0]
        assert not any(c.isdigit() for c in text.removeprefix(name)), text
        assert "?" in text
    assert not window.page_joint.findChild(QtWidgets.QWidget, "joint_terms").isVisible()
    assert not window.page_joint.findChild(QtWidgets.QWidget, "joint_diagram").isVisible()
    g = grid(window)
    g.setFocus()
    g.select(("cell", 0, 0))
    from PySide6.QtTest import QTest

    QTest.keyClick(g, QtCore.Qt.Key.Key_Minus)  # an edit while hidden stays hidden
    assert "?" in readout(window, "mutual_information")
    window.action_quiz.trigger()
    scene = window.page_joint.scene()
    assert [readout(window, r.key) for r in scene.readouts] == [r.text for r in scene.readouts]
    assert window.page_joint.findChild(QtWidgets.QWidget, "joint_diagram").isVisible()


def test_presentation_scale_reaches_the_joint_grid(window):
    before = grid(window).font().pointSizeF()
    window.presentation.zoom(+0.5)  # the Joint tab hidden: it takes the type when shown
    window.tabs.setCurrentWidget(window.page_joint)
    assert grid(window).font().pointSizeF() == pytest.approx(before * 1.5, rel=0.02)
    window.presentation.zoom_reset()  # shown: at once
    assert grid(window).font().pointSizeF() == pytest.approx(before)


def test_export_on_the_joint_tab_draws_the_joint_figure(window, tmp_path):
    window.tabs.setCurrentWidget(window.page_joint)
    window.model.set_joint(JointState.from_weights([[1, 2], [3, 4]], ["r<1>", "r2"]), "edit")
    assert window.exporter.action_export.isEnabled()
    out = window.exporter.export(str(tmp_path / "joint.svg"))
    svg = (tmp_path / "joint.svg").read_text(encoding="utf-8")
    assert out and "<svg" in svg and "I(X;Y)" in svg and "r&lt;1&gt;" in svg  # the joint's own label, as text
    with pytest.raises(ValueError):
        window.exporter.export(str(tmp_path / "joint.json"))


def test_the_framework_note_follows_the_discrete_pair(window, qtbot):
    action = window.findChild(QtGui.QAction, "action_framework_note")
    dock = window.findChild(QtWidgets.QDockWidget, "dock_framework_note")
    assert action is not None and dock is not None and not dock.isVisible()
    action.trigger()
    assert dock.isVisible()
    window.model.set_distribution("p", [0.5, 0.5, 0, 0, 0, 0], "test")
    window.model.set_distribution("q", [0.25, 0.25, 0.125, 0.125, 0.125, 0.125], "test")
    note = dock.findChild(QtWidgets.QWidget, "framework_note")
    kl = 0.5 * math.log(2) * 2  # Σ p log(p/q) = log 2
    assert f"D(P‖Q) = {kl:.6f}" in note.text()
    window.action_quiz.trigger()
    assert not note.isVisible()
    window.action_quiz.trigger()
    assert note.isVisible()
    action.trigger()
    assert not dock.isVisible()
