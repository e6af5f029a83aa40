"""The app's language: Qt translators (klviz's own catalogue and Qt's qtbase one, so standard
buttons and file dialogs follow), the choice stored with QSettings, and `translate`.

The language is read once, when the application starts (`install`); a change in Preferences
applies at the next start (the dialog says so). "auto" follows the system locale. Numbers keep
the app's own format (a point for decimals) whatever the language, as the command line does.
"""

from __future__ import annotations

from PySide6 import QtCore

from klviz.i18n import LANGUAGES, QT_TRANSLATE_NOOP, TRANSLATED, Phrase, Text, catalogue, joined  # noqa: F401 (for the gui)

translate = QtCore.QCoreApplication.translate

_KEY = "language"
_installed = []  # the translators in use (kept alive: Qt does not own them)


def _settings():
    return QtCore.QSettings(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                            "klviz", "klviz")


def saved_language():
    """The stored choice: "auto" (the default, and what a wrong value reads as), "en" or "fr"."""
    value = _settings().value(_KEY, "auto")
    return value if isinstance(value, str) and value in LANGUAGES else "auto"


def save_language(language):
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (one of {', '.join(LANGUAGES)})")
    _settings().setValue(_KEY, language)


def resolve(language, locale=None):
    """The catalogue language for a choice: "auto" takes the system locale's language when klviz
    has a catalogue for it, else English ("en")."""
    if language == "auto":
        name = (locale or QtCore.QLocale.system()).name().split("_")[0]
        return name if name in TRANSLATED else "en"
    return language if language in TRANSLATED else "en"


def install(app, language=None):
    """Install the translators for `language` (default: the saved choice) on `app`, replacing any
    installed before; returns the language in use ("en" or "fr"). Each .qm is loaded once here."""
    remove(app)
    lang = resolve(saved_language() if language is None else language)
    if lang == "en":
        return lang
    paths = [str(catalogue(lang))]
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    paths.append(QtCore.QDir(qt_dir).filePath(f"qtbase_{lang}.qm"))
    for path in paths:
        translator = QtCore.QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
    return lang


def remove(app):
    """Remove the translators `install` put in (back to English)."""
    while _installed:
        app.removeTranslator(_installed.pop())


def translated(text):
    """A text marked elsewhere with QT_TRANSLATE_NOOP("klviz", text) (the Qt-free modules, the
    gui's tables of names and tips), translated now; a Phrase (or the core's klviz.core.text.Text,
    its base) has its template translated, then filled in; any other text comes back unchanged."""
    if isinstance(text, Text):
        fields = {k: translated(v) if isinstance(v, Text) else v for k, v in text.fields.items()}
        return translate("klviz", text.template).format(**fields)
    return translate("klviz", text) if text else text


def error_text(exc):
    """The message of an error for a dialog: its reason translated when the error was raised with
    a Phrase (a SessionError, a DataFileError...), else str(exc) as it is (the same English the
    command line prints)."""
    reason = exc.args[0] if len(exc.args) == 1 else None
    return translated(reason) if isinstance(reason, Text) else str(exc)
