"""The app in French (issue 16, Translations): with the French catalogue installed no text a user
reads is left in English, standard buttons come from Qt's own French catalogue, the language
choice is stored and used at the next start, and the checker itself can fail."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from i18n_audit import english_words, visit_everything
from klviz.gui import create_main_window, i18n
from klviz.i18n import Phrase, QT_TRANSLATE_NOOP, catalogue, joined

TS = catalogue("fr", ".ts")


def messages():
    """(context, source, translation) of the French catalogue."""
    root = ET.parse(str(TS)).getroot()
    return [(c.findtext("name"), m.findtext("source"), m.findtext("translation") or "")
            for c in root.iter("context") for m in c.iter("message")]


@pytest.fixture
def french(qapp):
    assert i18n.install(qapp, "fr") == "fr"
    yield qapp
    i18n.remove(qapp)


def english_left(texts, sources):
    """The texts still English: a source text with a different French translation, or any text
    with an English word in it."""
    bad = {}
    for where, text in texts:
        stripped = text.replace("&", "")
        if stripped in sources or english_words(text):
            bad.setdefault(text, (where, english_words(text)))
    return bad


def _sources():
    """English source texts (mnemonics dropped) whose French differs from them."""
    return {s.replace("&", "") for _, s, t in messages() if t and t.replace("&", "") != s.replace("&", "")}


def test_no_text_is_left_in_english(french, qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    texts = visit_everything(window, qtbot)
    assert len(texts) > 1500  # every tab, panel, menu and dialog was seen
    bad = english_left(texts, _sources())
    assert not bad, "\n".join(f"{where}: {text[:120]!r} {words}" for text, (where, words) in bad.items())
    # and it is French: the window's own words
    shown = {t for _, t in texts}
    for french_text in ("&Fichier", "Éditi&on", "Affic&hage", "Mesures différentielles", "Leçon"):
        assert french_text in shown, french_text
    window.close()


def test_the_check_fails_when_a_translation_is_missing(qapp, qtbot, tmp_path):
    """Remove one translation (the Discrete tab's "Overlay" check box) from a copy of the
    catalogue: the same walk must then report that English text."""
    tree = ET.parse(str(TS))
    for m in tree.getroot().iter("message"):
        if m.findtext("source") == "&Overlay":
            m.find("translation").text = ""
            m.find("translation").set("type", "unfinished")
    ts = tmp_path / "broken.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "broken.qm"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), str(ts), "-qm", str(qm)],
                   check=True, capture_output=True)
    translator = QtCore.QTranslator()
    assert translator.load(str(qm))
    i18n.install(qapp, "fr")  # Qt's own French too; then klviz's catalogue swapped for the broken one
    qapp.removeTranslator(i18n._installed[0])
    qapp.installTranslator(translator)
    try:
        window = create_main_window()
        qtbot.addWidget(window)
        bad = english_left(visit_everything(window, qtbot), _sources())
        window.close()
    finally:
        qapp.removeTranslator(translator)
        i18n.remove(qapp)
    assert set(bad) == {"&Overlay", "Overlay"}  # the check box and its accessible name


def test_standard_buttons_and_the_window_are_french(french, qtbot):
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close
                                     | QtWidgets.QDialogButtonBox.StandardButton.Cancel
                                     | QtWidgets.QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Fermer", "Annuler", "Enregistrer"}
    assert QtCore.QCoreApplication.translate("klviz", "Cross-entropy = entropy + KL") == "Entropie croisée = entropie + KL"


def test_the_language_is_a_preference_used_at_the_next_start(window, qapp):
    window.findChild(QtWidgets.QWidget, "tabs")  # built
    from klviz.gui.preferences import show_preferences

    d = show_preferences(window)
    combo = d.findChild(QtWidgets.QComboBox, "pref_language")
    assert [combo.itemData(k) for k in range(combo.count())] == ["auto", "en", "fr"]
    assert [combo.itemText(k) for k in range(combo.count())][1:] == ["English", "Français"]
    assert i18n.saved_language() == "auto" and combo.currentData() == "auto"
    note = d.findChild(QtWidgets.QLabel, "pref_language_note")
    assert "next start" in note.text() and note.textFormat() == QtCore.Qt.TextFormat.PlainText
    combo.setCurrentIndex(2)
    assert i18n.saved_language() == "fr"
    # the next start (klviz.gui.app.run installs the saved language before building anything)
    try:
        assert i18n.install(qapp) == "fr"
        assert QtCore.QCoreApplication.translate("actions", "&File") == "&Fichier"
        combo.setCurrentIndex(1)
        assert i18n.install(qapp) == "en"
        assert QtCore.QCoreApplication.translate("actions", "&File") == "&File"
    finally:
        i18n.remove(qapp)
    d.close()


def test_a_bad_stored_language_reads_as_automatic():
    i18n._settings().setValue("language", "xx")
    assert i18n.saved_language() == "auto"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.save_language("de")


@pytest.mark.parametrize(("locale", "expected"), [("fr_FR", "fr"), ("fr_CA", "fr"), ("de_DE", "en"),
                                                   ("en_US", "en"), ("C", "en")])
def test_automatic_follows_the_system_locale(locale, expected):
    assert i18n.resolve("auto", QtCore.QLocale(locale)) == expected
    assert i18n.resolve("en", QtCore.QLocale(locale)) == "en"
    assert i18n.resolve("fr", QtCore.QLocale(locale)) == "fr"


def test_phrases_translate_their_template_then_fill_it_in(french):
    inner = Phrase(QT_TRANSLATE_NOOP("klviz", " (for Normals: unless {cond})"), cond="2σ_Q² > σ_P²")
    assert inner == " (for Normals: unless 2σ_Q² > σ_P²)"  # English everywhere else
    assert i18n.translated(inner) == " (pour des lois normales\u00a0: sauf si 2σ_Q² > σ_P²)"
    both = joined("\n", [QT_TRANSLATE_NOOP("klviz", "Numbers revealed."), inner])
    assert both == "Numbers revealed.\n (for Normals: unless 2σ_Q² > σ_P²)"
    import pickle

    again = pickle.loads(pickle.dumps(both))
    assert again == both and again.template == both.template
    assert i18n.translated("a user's own label {x}") == "a user's own label {x}"  # not marked: unchanged


def test_texts_the_walk_does_not_reach_are_french(french, qtbot, tmp_path):
    """An import's plan and its refusal, the read-only note of a file beyond the editor's 100
    categories, a number typed out of range: in French (the same texts stay English on the
    command line and in tests/gui/test_data_gaps.py)."""
    from PySide6 import QtGui

    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    messages = []
    spin = window.findChild(QtWidgets.QSpinBox, "spin_categories")
    spin.clamped.connect(messages.append)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "500")
    qtbot.keyClick(spin.lineEdit(), QtCore.Qt.Key.Key_Return)
    assert messages == ["Catégories\u00a0: 500 dépasse le maximum, 100\u00a0; ramené à 100."], messages
    window.model.apply_support_mismatch()  # why a divergence is ∞, under its readout
    reason = window.page_discrete.findChild(QtWidgets.QLabel, "value_kl_pq_reason").text()
    assert " = 0 là où " in reason and not english_words(reason), reason

    def import_dialog(target, text):
        path = tmp_path / f"{target}.csv"
        path.write_text(text, encoding="utf-8")
        window.findChild(QtGui.QAction, "action_import_data").trigger()
        dialog = window.findChild(QtWidgets.QDialog, "dialog_import_data")
        dialog.set_target(target)
        dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(str(path))
        return dialog

    dialog = import_dialog("p", "label,weight\nx,1\ny,3\nz,4\n")
    assert dialog.findChild(QtWidgets.QLabel, "import_plan").text() == (
        "À l'import\u00a0: Q a 100 catégories et le fichier de P en a 3 (les étiquettes de l'onglet sont celles "
        "par défaut, qui ne désignent qu'une position)\u00a0: le fichier remplace P, et Q devient uniforme sur "
        "ses 3 catégories.")
    dialog.reject()

    dialog = import_dialog("p", "".join(f"{k % 7 + 1}\n" for k in range(1000)))
    dialog.findChild(QtWidgets.QPushButton, "import_ok").click()
    assert window.model.discrete.n == 1000
    note = window.page_discrete.findChild(QtWidgets.QLabel, "label_discrete_readonly")
    assert note.text().startswith("1,000 catégories\u00a0: mesurées en totalité\u00a0; les barres sont modifiables "
                                  "jusqu'à 100"), note.text()
    assert not english_words(note.text())

    window.close()
