"""Every bounded number box of the app says so when a typed number is out of its range: it is set
to the nearest limit, and the status bar and the box's `clamped` signal carry one message naming
the limit (Categories had it; the loss lab's target, classes and Normal panel, the joint's size and
the coding message length clamped in silence)."""

import pytest
from PySide6 import QtCore, QtWidgets

from klviz.state import joint as sj
from klviz.state import losslab as lab


def _type_into(qtbot, box, text):
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)


def _show(window, name):
    if name.startswith("spin_loss"):
        window.tabs.setCurrentWidget(window.page_losses)
        window.page_losses.ensure_built()
        pages = window.page_losses
        panel = {"spin_loss_y": pages.bernoulli, "spin_loss_classes": pages.categorical}.get(name, pages.normal)
        pages.panels.setCurrentWidget(panel)
    elif name.startswith("joint"):
        window.tabs.setCurrentWidget(window.page_joint)
    elif name.startswith("coding"):
        window.tabs.setCurrentWidget(window.page_coding)
    QtWidgets.QApplication.processEvents()


CASES = [
    # objectName, typed, limit, above, what the message calls it
    ("spin_loss_y", "1.5", 1.0, True, "Target y"),
    ("spin_loss_y", "-3", 0.0, False, "Target y"),
    ("spin_loss_classes", "50", lab.MAX_CLASSES, True, "Classes"),
    ("spin_loss_classes", "1", lab.MIN_CLASSES, False, "Classes"),
    ("spin_loss_normal_y", "12", lab.NORMAL_RANGE[1], True, "Target y"),
    ("spin_loss_normal_f", "-1e3", lab.NORMAL_RANGE[0], False, "Prediction f"),
    ("spin_loss_sigma", "0.01", lab.SIGMA_RANGE[0], False, "σ"),
    ("joint_rows", "99", sj.MAX_SIZE, True, "Rows"),
    ("joint_cols", "1", sj.MIN_SIZE, False, "Columns"),
    ("coding_message_n", "0", 1, False, "N"),
]


@pytest.mark.parametrize("name, typed, limit, above, what", CASES)
def test_a_number_typed_out_of_range_is_set_to_its_limit_and_said(window, qtbot, name, typed, limit, above, what):
    _show(window, name)
    box = window.findChild(QtWidgets.QAbstractSpinBox, name)
    assert box is not None and box.isVisible(), name
    if name == "spin_loss_sigma":
        window.page_losses.normal.check_sigma.setChecked(True)  # σ is typed only when it is free
    messages = []
    box.clamped.connect(messages.append)
    _type_into(qtbot, box, typed)
    assert box.value() == limit
    side = "above the maximum" if above else "below the minimum"
    expected = f"{what}: {typed} is {side}, {limit:.6g}; set to {limit:.6g}."
    assert messages == [expected]
    assert window.statusBar().currentMessage() == expected
    # a number within the range is taken as typed, with no message
    window.statusBar().clearMessage()
    inside = box.minimum() + (box.maximum() - box.minimum()) / 2
    inside = int(inside) if isinstance(box, QtWidgets.QSpinBox) else round(inside, 2)
    _type_into(qtbot, box, str(inside))
    assert box.value() == pytest.approx(inside) and window.statusBar().currentMessage() == ""


def test_the_clamped_values_reach_the_model(window, qtbot):
    _show(window, "spin_loss_y")
    _type_into(qtbot, window.findChild(QtWidgets.QAbstractSpinBox, "spin_loss_y"), "7")
    assert window.model.losses.bernoulli.y == 1.0
    _show(window, "spin_loss_classes")
    _type_into(qtbot, window.findChild(QtWidgets.QAbstractSpinBox, "spin_loss_classes"), "40")
    assert len(window.model.losses.categorical.logits) == lab.MAX_CLASSES


def test_scientific_and_locale_forms_are_taken_in_range(window, qtbot):
    _show(window, "spin_loss_y")
    box = window.findChild(QtWidgets.QAbstractSpinBox, "spin_loss_y")
    window.statusBar().clearMessage()
    _type_into(qtbot, box, "2.5e-1")
    assert box.value() == 0.25 and window.model.losses.bernoulli.y == 0.25
    assert window.statusBar().currentMessage() == ""
