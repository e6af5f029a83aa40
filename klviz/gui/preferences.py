"""Edit › Preferences: the default unit, the theme, the significant digits of the readouts and the
presentation scale. Each is stored with QSettings (klviz.gui.settings) and applied at once:

- unit: new sessions (File › New, a launch with no last session) start in it, and choosing one
  shows the current session in it too (an undo step, as the tool bar's Unit box is);
- theme: the same as View › Theme (the PresentationModel's theme; the classroom saves it);
- digits (3 to 6): every ReadoutGrid that follows the PresentationModel's digits redraws;
- presentation scale (1.0 to 3.0): the type scale presentation mode starts at; shown at once if
  presentation mode is on;
- language (Automatic, English, Français; klviz.gui.i18n): applies at the next start, as the
  dialog says (the window is built in one language).

The dialog is one per window (kept, and shown again), window-modal and opened without blocking;
Close or Escape ends it.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from klviz import state as ss
from klviz.gui import settings
from klviz.gui.actions import UNITS
from klviz.gui.widgets.slider_spin import decimal_point
from klviz.gui.models.presentation import DIGITS_RANGE, PRESENTATION_SCALE_RANGE, THEMES
from klviz.gui import i18n
from klviz.gui.i18n import LANGUAGES, QT_TRANSLATE_NOOP, translate, translated

THEME_NAMES = {"system": QT_TRANSLATE_NOOP("klviz", "Follow the system"), "light": QT_TRANSLATE_NOOP("klviz", "Light"),
               "dark": QT_TRANSLATE_NOOP("klviz", "Dark")}
# each language in its own name, as language menus do ("auto": the system's)
LANGUAGE_NAMES = {"auto": QT_TRANSLATE_NOOP("klviz", "Automatic (the system's language)"), "en": "English",
                  "fr": "Français"}


def new_session():
    """A fresh session in the preferred unit."""
    return ss.Session(unit=settings.saved_unit(UNITS))


def follow(window):
    """Give the window's PresentationModel the saved digits and presentation scale (each page's
    readout grids follow its digits themselves, the loss lab's panels too when they are built)."""
    pm = window.presentation
    pm.set_digits(settings.saved_digits())
    pm.set_presentation_scale(settings.saved_presentation_scale())


def show_preferences(window):
    """Open the window's Preferences dialog (the same one again if it is open)."""
    dialog = window.findChild(PreferencesDialog, "dialog_preferences")
    if dialog is None:
        dialog = PreferencesDialog(window)
    dialog.open()
    dialog.raise_()
    return dialog


class PreferencesDialog(QtWidgets.QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("dialog_preferences")
        self.setWindowTitle(translate("preferences", "Preferences"))
        self.window_ = window
        pm = window.presentation

        self.pref_unit = QtWidgets.QComboBox()
        self.pref_unit.setObjectName("pref_unit")
        self.pref_unit.addItems(list(UNITS))
        self.pref_unit.setCurrentText(settings.saved_unit(UNITS))
        self.pref_unit.setToolTip(translate("preferences", "New sessions start in this unit; choosing one shows this session in it too"))
        self.pref_unit.currentTextChanged.connect(self._set_unit)

        self.pref_theme = QtWidgets.QComboBox()
        self.pref_theme.setObjectName("pref_theme")
        for name in THEMES:
            self.pref_theme.addItem(translated(THEME_NAMES[name]), name)
        self.pref_theme.setCurrentIndex(THEMES.index(pm.theme))
        self.pref_theme.setToolTip(translate("preferences", "Light or dark, or whatever the desktop uses (the same as View › Theme)"))
        self.pref_theme.currentIndexChanged.connect(lambda k: pm.set_theme(THEMES[k]))
        pm.themeChanged.connect(self._sync_theme)  # View › Theme changes it too

        lo, hi = DIGITS_RANGE
        self.pref_digits = QtWidgets.QSpinBox()
        self.pref_digits.setObjectName("pref_digits")
        self.pref_digits.setRange(lo, hi)
        self.pref_digits.setValue(pm.digits)
        self.pref_digits.setToolTip(translate("preferences", 'Significant digits of the readouts ({lo} to {hi})').format(lo=lo, hi=hi))
        self.pref_digits.valueChanged.connect(self._set_digits)

        lo, hi = PRESENTATION_SCALE_RANGE
        self.pref_scale = decimal_point(QtWidgets.QDoubleSpinBox())  # 1.6 ×, not 1,6 ×, in French
        self.pref_scale.setObjectName("pref_presentation_scale")
        self.pref_scale.setRange(lo, hi)
        self.pref_scale.setSingleStep(0.1)
        self.pref_scale.setDecimals(1)
        self.pref_scale.setSuffix(" ×")
        self.pref_scale.setValue(pm.presentation_scale)
        self.pref_scale.setToolTip(translate("preferences", 'How much larger the type is in presentation mode (F11), {lo:g}× to {hi:g}×').format(lo=lo, hi=hi))
        self.pref_scale.valueChanged.connect(self._set_scale)

        self.pref_language = QtWidgets.QComboBox()
        self.pref_language.setObjectName("pref_language")
        for code in LANGUAGES:
            self.pref_language.addItem(translated(LANGUAGE_NAMES[code]), code)
        self.pref_language.setCurrentIndex(LANGUAGES.index(i18n.saved_language()))
        self.pref_language.setToolTip(translate("preferences", "The language of the menus, labels and lesson; "
                                                "the command line and exported figures stay in English"))
        self.pref_language.currentIndexChanged.connect(self._set_language)
        # the window is built once in its language: a new choice applies at the next start
        self.language_note = QtWidgets.QLabel(translate("preferences", "A new language applies at the next start of klviz."))
        self.language_note.setObjectName("pref_language_note")
        self.language_note.setWordWrap(True)
        self.language_note.setTextFormat(QtCore.Qt.TextFormat.PlainText)

        form = QtWidgets.QFormLayout()
        for text, widget in ((translate("preferences", "Default &unit"), self.pref_unit),
                             (translate("preferences", "&Theme"), self.pref_theme),
                             (translate("preferences", "&Significant digits"), self.pref_digits),
                             (translate("preferences", "&Presentation scale"), self.pref_scale),
                             (translate("preferences", "&Language"), self.pref_language)):
            form.addRow(text, widget)
        form.addRow("", self.language_note)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _set_unit(self, unit):
        settings.save_unit(unit)
        self.window_.model.set_unit(unit)

    def _set_language(self, k):
        i18n.save_language(LANGUAGES[k])

    def _sync_theme(self, name):
        if self.pref_theme.currentIndex() != THEMES.index(name):
            blocked = self.pref_theme.blockSignals(True)
            self.pref_theme.setCurrentIndex(THEMES.index(name))
            self.pref_theme.blockSignals(blocked)

    def _set_digits(self, n):
        settings.save_digits(n)
        self.window_.presentation.set_digits(n)

    def _set_scale(self, value):
        settings.save_presentation_scale(value)
        self.window_.presentation.set_presentation_scale(value)
