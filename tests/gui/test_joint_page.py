"""The Joint page on its own (pytest-qt): what it shows is the scene's, every gesture is one undo
step, presets, hostile labels drawn literally. Numbers are checked against direct sums here."""

import ast
import math
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz.gui.pages.joint import READOUT_OBJECT_NAMES, JointPage
from klviz.scene.joint import JointState, joint_scene

LEFT = QtCore.Qt.MouseButton.LeftButton
NONE = QtCore.Qt.MouseButton.NoButton


@pytest.fixture
def page(qtbot):
    stack = QtGui.QUndoStack()
    p = JointPage(stack)
    p._test_stack = stack
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def _mouse(widget, kind, pos, button, buttons):
    ev = QtGui.QMouseEvent(kind, QtCore.QPointF(pos), QtCore.QPointF(widget.mapToGlobal(pos.toPoint())),
                           button, buttons, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, ev)


def _drag(widget, target, dy, steps=6):
    start = widget.cell_rect(target).center()
    _mouse(widget, QtCore.QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for k in range(1, steps + 1):
        _mouse(widget, QtCore.QEvent.Type.MouseMove, start + QtCore.QPointF(0, dy * k / steps), NONE, LEFT)
    _mouse(widget, QtCore.QEvent.Type.MouseButtonRelease, start + QtCore.QPointF(0, dy), LEFT, NONE)


def _h2(values):
    return -sum(v * math.log2(v) for v in values if v > 0)


def _shown(page, key):
    label = page.findChild(QtWidgets.QLabel, READOUT_OBJECT_NAMES[key])
    assert label is not None and label.textFormat() == QtCore.Qt.TextFormat.PlainText
    return label.text()


def test_object_names(page):
    assert page.objectName() == "joint_page"
    assert page.findChild(QtWidgets.QComboBox, "joint_preset").currentData() == "bsc"  # the default state
    for name in ("joint_grid", "joint_product", "joint_terms", "joint_diagram"):
        assert page.findChild(QtWidgets.QWidget, name) is not None, name
    assert isinstance(page.findChild(QtWidgets.QComboBox, "joint_preset"), QtWidgets.QComboBox)
    assert isinstance(page.findChild(QtWidgets.QSlider, "joint_epsilon"), QtWidgets.QSlider)
    for name in ("joint_rows", "joint_cols"):
        assert isinstance(page.findChild(QtWidgets.QSpinBox, name), QtWidgets.QSpinBox)
    assert set(READOUT_OBJECT_NAMES.values()) == {
        "joint_readout_entropy_x", "joint_readout_entropy_y", "joint_readout_joint_entropy",
        "joint_readout_cond_x_given_y", "joint_readout_cond_y_given_x", "joint_readout_mutual_information"}


def test_values_shown_are_the_scene_and_the_direct_sums(page):
    state = JointState.from_weights([[0.3, 0.1, 0.05], [0.05, 0.2, 0.3]])
    page.set_state(state)
    scene = joint_scene(state, unit="bits")
    for r in scene.readouts:
        assert _shown(page, r.key) == r.text
    P = np.array(state.grid)
    px, py = P.sum(1), P.sum(0)
    mi = sum(P[i, j] * math.log2(P[i, j] / (px[i] * py[j])) for i in range(2) for j in range(3))
    assert _shown(page, "mutual_information") == f"I(X;Y) = {mi:#.4g} bits"
    assert _shown(page, "entropy_x") == f"H(X) = {_h2(px):#.4g} bits"
    assert page.findChild(QtWidgets.QWidget, "joint_grid").texts() == scene.joint_texts
    assert page.findChild(QtWidgets.QWidget, "joint_product").texts() == scene.product_texts
    assert page.findChild(QtWidgets.QWidget, "joint_terms").texts() == scene.term_texts
    widths = [s[3] for s in page.findChild(QtWidgets.QWidget, "joint_diagram").segments()]
    hxy = _h2(P.ravel())
    assert widths == pytest.approx([hxy - _h2(py), mi, hxy - _h2(px)], rel=1e-9)
    assert page.findChild(QtWidgets.QLabel, "joint_divergence").text().startswith("I(X;Y) = D(P(X,Y) ‖ P(X)P(Y))")


def test_a_cell_drag_rescales_the_others_and_is_one_undo_step(page, qtbot):
    before = page.state()
    grid = page.findChild(QtWidgets.QWidget, "joint_grid")
    seen = []
    page.changed.connect(lambda: seen.append(page.state()))
    _drag(grid, ("cell", 0, 1), -80)  # up: more mass on (x1, y2)
    after = page.state()
    P0, P1 = np.array(before.grid), np.array(after.grid)
    assert P1[0, 1] > P0[0, 1] + 0.1
    others = [(0, 0), (1, 0), (1, 1)]
    ratios = [P1[c] / P0[c] for c in others]
    assert ratios == pytest.approx([(1 - P1[0, 1]) / (1 - P0[0, 1])] * 3, rel=1e-12)
    assert math.isclose(P1.sum(), 1.0, abs_tol=1e-14)
    assert len(seen) >= 6  # drawn live while dragging
    stack = page._test_stack
    assert stack.count() == 1
    assert _shown(page, "mutual_information") == joint_scene(after).readout("mutual_information").text
    stack.undo()
    assert page.state() == before
    assert _shown(page, "mutual_information") == joint_scene(before).readout("mutual_information").text
    stack.redo()
    assert page.state() == after


def test_marginal_drag_keeps_the_conditionals(page):
    page.set_state(JointState.from_weights([[0.1, 0.3], [0.2, 0.4]]))
    grid = page.findChild(QtWidgets.QWidget, "joint_grid")
    _drag(grid, ("row", 0), -60)
    P = np.array(page.state().grid)
    assert P[0].sum() > 0.45
    assert P[0, 0] / P[0].sum() == pytest.approx(0.25, rel=1e-12)
    assert P[1, 0] / P[1].sum() == pytest.approx(1 / 3, rel=1e-12)
    assert page._test_stack.count() == 1


def test_keyboard_editing(page, qtbot):
    page.set_state(JointState.from_weights([[1, 1], [1, 1]]))
    grid = page.findChild(QtWidgets.QWidget, "joint_grid")
    grid.setFocus()
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_Right)
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_Down)
    assert grid.selected() == ("cell", 1, 1)
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_Plus)
    assert page.state().grid[1][1] == pytest.approx(0.26)
    assert page._test_stack.count() == 1
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_Minus)
    assert page.state().grid[1][1] == pytest.approx(0.25)
    assert page._test_stack.count() == 2
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_PageUp)
    assert page.state().grid[1][1] == pytest.approx(0.30)
    page._test_stack.undo()
    assert page.state().grid[1][1] == pytest.approx(0.25)
    # typing a number opens an editor; Return sets the value: one more step
    qtbot.keyClicks(grid, "0")
    editor = grid.findChild(QtWidgets.QLineEdit, "joint_cell_editor")
    assert editor is not None and editor.text() == "0"
    qtbot.keyClicks(editor, ".7")
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    assert page.state().grid[1][1] == 0.7
    assert page.state().grid[0][0] == pytest.approx(0.1)
    assert page._test_stack.count() == 3
    # letters never reach the value (the validator): Escape leaves the state as it was
    state = page.state()
    qtbot.keyClicks(grid, "5")
    editor = grid.findChild(QtWidgets.QLineEdit, "joint_cell_editor")
    qtbot.keyClicks(editor, "abc")
    assert editor.text() == "5"
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Escape)
    assert page.state() == state and page._test_stack.count() == 3
    qtbot.keyClicks(grid, "5")  # 5 is no probability: Return does not take it
    qtbot.keyClick(grid.findChild(QtWidgets.QLineEdit, "joint_cell_editor"), QtCore.Qt.Key.Key_Return)
    assert page.state() == state and page._test_stack.count() == 3
    # the marginals are reachable with the arrows
    qtbot.keyClick(grid, QtCore.Qt.Key.Key_Right)
    assert grid.selected() == ("row", 1)


def test_presets_and_the_epsilon_slider(page, qtbot):
    combo = page.findChild(QtWidgets.QComboBox, "joint_preset")
    stack = page._test_stack

    def choose(key):
        index = combo.findData(key)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    choose("independent")
    assert page.findChild(QtWidgets.QSpinBox, "joint_rows").value() == page.state().shape[0]
    assert float(_shown(page, "mutual_information").split()[2]) < 1e-30  # a float outer product: I ≈ 1e-33
    choose("dependent")
    rows, cols = page.state().shape
    assert _shown(page, "mutual_information") == f"I(X;Y) = {math.log2(min(rows, cols)):#.4g} bits"
    choose("xor")
    assert page.state().shape == (4, 2) and _shown(page, "mutual_information") == "I(X;Y) = 1.000 bits"
    assert page.findChild(QtWidgets.QLabel, "joint_note").text().startswith("X = (A, B)")
    choose("random")
    first = page.state()
    choose("random")
    assert page.state() != first and page.state().shape == first.shape
    assert stack.count() == 5
    slider = page.findChild(QtWidgets.QSlider, "joint_epsilon")
    slider.setValue(250)  # keyboard/programmatic: one step, BSC with ε = 0.25
    h = _h2([0.25, 0.75])
    assert _shown(page, "mutual_information") == f"I(X;Y) = {1 - h:#.4g} bits"
    assert combo.currentData() == "bsc" and stack.count() == 6
    # a slider drag is one step however many values it passes
    slider.sliderPressed.emit()
    for v in (300, 350, 400, 500):
        slider.setValue(v)
    slider.sliderReleased.emit()
    assert stack.count() == 7
    assert _shown(page, "mutual_information") == "I(X;Y) = 0.000 bits"
    stack.undo()
    assert _shown(page, "mutual_information") == f"I(X;Y) = {1 - h:#.4g} bits"
    # an edit makes it a custom table; undo brings the preset's name back
    qtbot.keyClick(page.findChild(QtWidgets.QWidget, "joint_grid"), QtCore.Qt.Key.Key_Plus)
    assert combo.currentText() == "Custom" and stack.count() == 7
    stack.undo()
    assert combo.currentData() == "bsc"
    page.set_state(JointState.from_weights([[1, 2], [3, 5]]))
    assert combo.currentText() == "Custom"


def test_resize_is_one_step_each(page, qtbot):
    rows = page.findChild(QtWidgets.QSpinBox, "joint_rows")
    cols = page.findChild(QtWidgets.QSpinBox, "joint_cols")
    rows.setValue(5)
    cols.setValue(12)
    assert page.state().shape == (5, 12)
    assert page._test_stack.count() == 2
    assert rows.maximum() == 12 and rows.minimum() == 2
    page._test_stack.undo()
    assert page.state().shape == (5, 2) and cols.value() == 2


def test_hostile_labels_render_literally_and_bad_ones_are_refused(page, qtbot, monkeypatch):
    hostile = ["<b>bold</b>", "<img src=/dev/zero>"]
    page.set_state(JointState.from_weights([[1, 2], [3, 4]]).relabel(hostile, ["&amp;", "$x$"]))
    grid = page.findChild(QtWidgets.QWidget, "joint_grid")
    assert grid.labels() == (tuple(hostile), ("&amp;", "$x$"))
    assert page.findChild(QtWidgets.QWidget, "joint_terms").labels() == (tuple(hostile), ("&amp;", "$x$"))
    image = page.grab()  # painting plain text never loads a file
    assert not image.isNull()
    for label in page.findChildren(QtWidgets.QLabel):
        assert "<img" not in label.text() or label.textFormat() == QtCore.Qt.TextFormat.PlainText
    # a double-click on a label renames it: one step
    messages = []
    monkeypatch.setattr(page, "_refuse", messages.append)
    editor = grid.open_label_editor("col", 1)
    editor.setText("<i>y</i>")
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    assert page.state().col_labels == ("&amp;", "<i>y</i>")
    assert page._test_stack.count() == 1
    # a duplicate label is refused with a message; nothing changes
    state = page.state()
    editor = grid.open_label_editor("col", 1)
    editor.setText("&amp;")
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    assert page.state() == state and page._test_stack.count() == 1
    assert messages and "distinct" in messages[0], (messages, page.state())


def test_set_state_is_not_an_undo_step_and_emits_changed(page, qtbot):
    with qtbot.waitSignal(page.changed, timeout=1000):
        page.set_state(JointState.preset("dependent", 4, 4))
    assert page._test_stack.count() == 0
    assert page.findChild(QtWidgets.QSpinBox, "joint_rows").value() == 4
    with pytest.raises(TypeError):
        page.set_state([[0.5, 0.5]])


def test_without_a_stack_the_page_has_its_own(qtbot):
    p = JointPage()
    qtbot.addWidget(p)
    p.findChild(QtWidgets.QSpinBox, "joint_cols").setValue(3)
    assert p.undo_stack().count() == 1


def test_the_page_imports_nothing_from_core():
    src = Path(__file__).resolve().parents[2] / "klviz" / "gui" / "pages" / "joint.py"
    names = set()
    for node in ast.walk(ast.parse(src.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    assert not any(n.startswith("klviz.core") for n in names), names
    assert "klviz.scene.joint" in names


def _text_gap(left, right):
    """Pixels between the end of `left`'s text and the start of `right`'s text (labels in one row)."""
    fm_l, fm_r = left.fontMetrics(), right.fontMetrics()
    end = left.mapTo(left.window(), QtCore.QPoint(0, 0)).x() + left.contentsRect().left() + fm_l.horizontalAdvance(left.text())
    if not left.alignment() & QtCore.Qt.AlignmentFlag.AlignLeft and left.alignment() & QtCore.Qt.AlignmentFlag.AlignRight:
        end = left.mapTo(left.window(), QtCore.QPoint(left.contentsRect().right(), 0)).x()
    start = right.mapTo(right.window(), QtCore.QPoint(0, 0)).x() + right.contentsRect().left()
    return start - end, fm_r.horizontalAdvance("M")


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("presentation", [False, True])
def test_the_epsilon_value_has_room_before_rows(window, qtbot, size, presentation):
    """Issue 12: "ε = 0.100" ran into the "Rows" label beside it (a gap of ~6 px)."""
    window.resize(*size)
    page = window.page_joint
    window.tabs.setCurrentWidget(page)
    if presentation:
        window.action_presentation.trigger()
    try:
        for _ in range(5):
            QtWidgets.QApplication.processEvents()
        value = page.epsilon_value
        rows_label = next(w for w in page.findChildren(QtWidgets.QLabel) if w.text() == "Rows")
        assert value.isVisible() and rows_label.isVisible()
        gap, em = _text_gap(value, rows_label)
        assert gap >= 0.9 * em, (gap, em)
        # and the value's whole text shows (not squeezed into an elided or clipped box)
        assert value.width() >= value.fontMetrics().horizontalAdvance(value.text())
    finally:
        if presentation:
            window.action_presentation.trigger()


MAP_TITLES = ("joint_title_joint", "joint_title_product", "joint_title_terms")


def _text_span(label):
    """(left, right) window x of the text a left-aligned, maybe wrapped, label draws: its longest
    line, at most its contents' width."""
    fm = label.fontMetrics()
    inner = label.contentsRect()
    left = label.mapTo(label.window(), inner.topLeft()).x()
    widest = max(fm.horizontalAdvance(line) for line in label.text().split("\n"))
    return left, left + min(widest, inner.width())


@pytest.mark.parametrize("width", [800, 1024, 1366, 1920])
@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_the_map_titles_are_two_ems_apart_and_plain(page, qtbot, width, scale):
    """In presentation type (×1.6) on a 1024 px page "P(X,Y) — drag a cell or a marginal" ended
    6 px before "P(X)P(Y)" (two ems are 32 px there)."""
    font = QtGui.QFont(page.font())
    font.setPointSizeF(9.0 * scale)
    page.setFont(font)
    page.resize(width, 700)
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    titles = [page.findChild(QtWidgets.QLabel, name) for name in MAP_TITLES]
    assert all(t is not None and t.isVisible() for t in titles)
    assert page.width() == width
    for t in titles:
        assert t.textFormat() == QtCore.Qt.TextFormat.PlainText, t.objectName()
        # the whole text shows: as many lines as it wraps onto fit the label's height
        assert t.height() >= t.heightForWidth(t.width()) - 1
    for left, right in zip(titles, titles[1:]):
        em = left.fontMetrics().horizontalAdvance("M")
        gap = _text_span(right)[0] - _text_span(left)[1]
        assert gap >= 2 * em, (left.objectName(), right.objectName(), gap, em)
