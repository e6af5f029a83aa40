"""A number box writes a decimal point in any language, as every other number of the app does
(README, Languages): in French the loss lab's target read "0,800" beside a logit of "-0.500" and
readouts of "0.3775", and Preferences' presentation scale "1,6 ×". A decimal comma typed is
still read as a point there, so nothing a French user types stops working."""

import pytest
from PySide6 import QtCore, QtWidgets

from klviz.gui.widgets.slider_spin import BoundedDoubleSpinBox


@pytest.fixture
def french_locale():
    before = QtCore.QLocale()
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.French, QtCore.QLocale.Country.France))
    yield
    QtCore.QLocale.setDefault(before)


def test_the_check_sees_a_comma(french_locale, qtbot):
    plain = QtWidgets.QDoubleSpinBox()
    qtbot.addWidget(plain)
    plain.setDecimals(3)
    plain.setValue(0.8)
    assert plain.text() == "0,800"  # what a plain box shows in French: the case caught here


def test_a_bounded_box_writes_a_point_and_reads_a_comma(french_locale, qtbot):
    box = BoundedDoubleSpinBox("Target y")
    qtbot.addWidget(box)
    box.setRange(0.0, 1.0)
    box.setDecimals(3)
    box.setValue(0.8)
    assert box.text() == "0.800"
    for typed, value in (("0.25", 0.25), ("0,5", 0.5)):
        box.show()
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)
        assert box.value() == pytest.approx(value), typed
    messages = []
    box.clamped.connect(messages.append)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "1,5")  # out of range, with a comma: the limit, said aloud
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)
    assert box.value() == 1.0 and len(messages) == 1 and "1,5" in messages[0]


def test_the_window_and_preferences_write_points_in_french(french_locale, window, qtbot):
    from klviz.gui.preferences import PreferencesDialog

    window.tabs.setCurrentWidget(window.page_losses)
    window.page_losses.ensure_built()
    texts = {b.objectName(): b.text() for b in window.findChildren(QtWidgets.QDoubleSpinBox)}
    assert texts and not any("," in t for t in texts.values()), texts
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    scale = dialog.findChild(QtWidgets.QDoubleSpinBox, "pref_presentation_scale")
    assert "," not in scale.text() and "." in scale.text()
