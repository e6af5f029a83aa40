"""Edit › Preferences: default unit, theme, digits of the readouts, presentation scale; stored with
QSettings (each test has its own settings folder) and applied at once."""

import math
import re

import pytest
from PySide6 import QtGui, QtWidgets
from scipy.stats import entropy

from klviz.gui import settings

READOUTS = ["value_entropy_p", "value_kl_pq", "value_cross_entropy_pq", "normal_value_kl_pq"]


def open_dialog(window):
    window.findChild(QtGui.QAction, "action_preferences").trigger()
    dialogs = [d for d in window.findChildren(QtWidgets.QDialog, "dialog_preferences") if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def significant_digits(text):
    number = text.split()[0]
    mantissa = re.sub(r"e-?\d+$", "", number).lstrip("-").replace(".", "")
    return len(mantissa.lstrip("0")) if mantissa.strip("0") else len(mantissa)


def test_the_dialog_is_in_the_edit_menu(window):
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.findChild(QtGui.QAction, "action_preferences") in edit.actions()
    d = open_dialog(window)
    for name, kind in (("pref_unit", QtWidgets.QComboBox), ("pref_theme", QtWidgets.QComboBox),
                       ("pref_digits", QtWidgets.QSpinBox),
                       ("pref_presentation_scale", QtWidgets.QDoubleSpinBox)):
        assert isinstance(d.findChild(kind, name), kind), name
    digits = d.findChild(QtWidgets.QSpinBox, "pref_digits")
    assert (digits.minimum(), digits.maximum(), digits.value()) == (3, 6, 4)
    d.close()


@pytest.mark.parametrize("n", [3, 5, 6])
def test_digits_apply_live_to_every_readout_and_are_stored(window, n):
    d = open_dialog(window)
    d.findChild(QtWidgets.QSpinBox, "pref_digits").setValue(n)
    for name in READOUTS:
        text = window.findChild(QtWidgets.QLabel, name).text()
        assert significant_digits(text) == n, (name, text)
    # the number shown is H(P) to n significant digits (scipy as the reference)
    p = window.model.discrete.p
    shown = float(window.findChild(QtWidgets.QLabel, "value_entropy_p").text().split()[0])
    exact = entropy(p)
    assert shown == pytest.approx(exact, abs=0.5 * 10 ** (math.floor(math.log10(exact)) - n + 1))
    # and they stay so when the state changes
    window.model.set_probability("p", 0, 0.123)
    assert significant_digits(window.findChild(QtWidgets.QLabel, "value_kl_pq").text()) == n
    assert settings.saved_digits() == n


def test_saved_preferences_reach_a_new_window(qtbot):
    from klviz.gui import create_main_window

    settings.save_digits(6)
    settings.save_presentation_scale(2.0)
    settings.save_unit("bits")
    w = create_main_window()
    qtbot.addWidget(w)
    assert w.presentation.digits == 6 and w.presentation.presentation_scale == 2.0
    assert significant_digits(w.findChild(QtWidgets.QLabel, "value_entropy_p").text()) == 6
    assert w.model.unit == "bits"  # a new session starts in the default unit
    w.model.set_unit("nats")
    w.model.undo_stack.setClean()
    w.new_session()
    assert w.model.unit == "bits"


def test_unit_applies_now_and_to_new_sessions(window):
    d = open_dialog(window)
    d.findChild(QtWidgets.QComboBox, "pref_unit").setCurrentText("hartleys")
    assert window.model.unit == "hartleys" and window.findChild(QtWidgets.QComboBox, "combo_unit").currentText() == "hartleys"
    assert window.findChild(QtWidgets.QLabel, "value_entropy_p").text().endswith("hartleys")
    assert settings.saved_unit(("nats", "bits", "hartleys")) == "hartleys"
    window.model.undo_stack.setClean()
    window.new_session()
    assert window.model.unit == "hartleys"


def test_theme_applies_now_follows_the_menu_and_is_stored(window):
    d = open_dialog(window)
    combo = d.findChild(QtWidgets.QComboBox, "pref_theme")
    combo.setCurrentIndex(combo.findData("dark"))
    assert QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window).lightness() < 80
    assert window.findChild(QtGui.QAction, "action_theme_dark").isChecked()
    assert settings.saved_theme() == "dark"
    window.findChild(QtGui.QAction, "action_theme_light").trigger()
    assert combo.currentData() == "light"
    assert QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window).lightness() > 180


def _px(window):
    return QtGui.QFontInfo(window.findChild(QtWidgets.QLabel, "value_kl_pq").font()).pixelSize()


def test_presentation_scale_applies_live_and_is_stored(window, monkeypatch):
    # the preference itself, as on a screen large enough for it: the offscreen test screen
    # (800×600) is smaller than even the normal window, where presentation mode would fit its type
    # to the screen instead (that is tested in test_projector.py on real offscreen screens)
    monkeypatch.setattr(window.classroom, "_fit_to_screen", lambda: None)
    normal = _px(window)
    d = open_dialog(window)
    spin = d.findChild(QtWidgets.QDoubleSpinBox, "pref_presentation_scale")
    assert spin.value() == pytest.approx(1.6)
    spin.setValue(2.0)
    assert settings.saved_presentation_scale() == 2.0
    assert _px(window) == normal  # not presenting: nothing changes yet
    d.close()
    window.findChild(QtGui.QAction, "action_presentation").trigger()
    big = _px(window)
    assert big >= 1.9 * normal
    d = open_dialog(window)
    d.findChild(QtWidgets.QDoubleSpinBox, "pref_presentation_scale").setValue(2.5)  # live, presenting
    assert _px(window) > big
    d.close()
    window.findChild(QtGui.QAction, "action_zoom_in").trigger()
    window.findChild(QtGui.QAction, "action_zoom_reset").trigger()  # back to the preference
    assert window.presentation.scale == 2.5
    window.findChild(QtGui.QAction, "action_presentation").trigger()
    assert _px(window) == normal


@pytest.mark.parametrize("key, bad", [("digits", "7"), ("digits", "two"), ("digits", "nan"),
                                      ("presentationScale", "9"), ("presentationScale", "nan"),
                                      ("presentationScale", "inf"), ("unit", "furlongs")])
def test_bad_values_in_the_settings_file_read_as_the_defaults(key, bad):
    s = settings._settings()
    s.setValue(key, bad)
    s.sync()
    assert settings.saved_digits() == 4
    assert settings.saved_presentation_scale() == 1.6
    assert settings.saved_unit(("nats", "bits", "hartleys")) == "nats"


def test_the_model_refuses_out_of_range_preferences(window):
    pm = window.presentation
    for bad in (2, 7, 4.5, True, "5"):
        with pytest.raises(ValueError):
            pm.set_digits(bad)
    for bad in (0.5, 3.5, float("nan")):
        with pytest.raises(ValueError):
            pm.set_presentation_scale(bad)
    assert pm.digits == 4 and pm.presentation_scale == 1.6


@pytest.mark.parametrize("n", [3, 6])
def test_digits_reach_the_loss_lab_the_divergences_and_the_joint(window, n):
    """Not only each tab's main grid: the loss lab's panels (built after the window), the "More
    divergences" group of both explorers and the Joint tab's readouts follow the preference too."""
    d = open_dialog(window)
    d.findChild(QtWidgets.QSpinBox, "pref_digits").setValue(n)
    window.page_losses.ensure_built()
    window.page_discrete.divergences.setChecked(True)  # the group is hidden (and not computed) by default
    window.page_continuous.divergences.setChecked(True)
    for name in ("loss_value_bce", "loss_value_ce", "loss_value_nll"):
        text = window.findChild(QtWidgets.QLabel, name).text()
        assert significant_digits(text) == n, (name, text)
    tv = window.page_discrete.divergences.readouts.values["tv"].text()
    assert significant_digits(tv) == n, tv
    hel = window.page_continuous.divergences.readouts.values["hellinger"].text()
    assert significant_digits(hel) == n, hel
    for label in window.page_joint.readout_labels.values():
        number = label.text().split(" = ")[-1]
        assert significant_digits(number) == n, label.text()
    assert significant_digits(window.page_joint.divergence.text().split(" = ")[-1]) == n
    # a later state keeps them
    window.model.set_probability("q", 0, 0.3)
    assert significant_digits(window.page_discrete.divergences.readouts.values["tv"].text()) == n


def test_a_loss_lab_built_after_the_preference_starts_with_its_digits(qtbot):
    from klviz.gui import create_main_window

    settings.save_digits(5)
    w = create_main_window()
    qtbot.addWidget(w)
    w.page_losses.ensure_built()
    text = w.findChild(QtWidgets.QLabel, "loss_value_ce").text()
    assert significant_digits(text) == 5, text
