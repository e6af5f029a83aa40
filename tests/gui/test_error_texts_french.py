"""A bad session file or a bad data file, told in French (the French catalogue installed): the
reason in the dialog is French, the file's own text quoted as it is, while str(error), what the
command line prints, stays English (tests/test_error_texts.py)."""

import pytest
from PySide6 import QtGui, QtWidgets

from error_cases import (DATA_CASES, IMPORT_CASES, SESSION_BYTES, SESSION_CASES, data_error, import_error,
                         session_error)
from i18n_audit import english_words
from klviz.gui import create_main_window, i18n

SESSIONS = [n for n, _ in SESSION_CASES] + [n for n, _ in SESSION_BYTES]
DATA = [c[0] for c in DATA_CASES]
ERRORS = {"session": (SESSIONS, session_error), "data": (DATA, data_error),
          "import": ([c[0] for c in IMPORT_CASES], import_error)}


def quoted(text):
    """The fields of a Text (and of the Texts among them) that are not Texts: what the message
    quotes (the file's name and values, a field's name in the file, another library's words),
    which stay as they are; the rest, the template's words, must be French."""
    out = []
    for value in getattr(text, "fields", {}).values():
        out += quoted(value) if isinstance(value, i18n.Text) else [str(value)]
    return out


# names of the session format (its keys and JSON values) that a French message names as they are
FORMAT_NAMES = {"labels", "mixture", "rows", "target", "targets", "true", "false", "view"}


def french_words_only(text, exc):
    """`text` (an error shown in French) without what it quotes, for english_words."""
    for q in sorted(quoted(exc.args[0]), key=len, reverse=True):
        text = text.replace(q, " ")
    return " ".join(w for w in text.split() if w.strip("'\"(),;:") not in FORMAT_NAMES)


@pytest.fixture
def french(qapp):
    assert i18n.install(qapp, "fr") == "fr"
    yield qapp
    i18n.remove(qapp)


@pytest.mark.parametrize("kind", list(ERRORS))
def test_every_reason_reads_in_french(french, kind, tmp_path):
    names, error = ERRORS[kind]
    english = {}
    for name in names:
        exc = error(name, tmp_path)
        text = i18n.error_text(exc)
        words = english_words(french_words_only(text, exc))
        if text == str(exc) or words:
            english[name] = (text, words)
    assert not english, english


def test_some_reasons_exactly(french, tmp_path):
    assert i18n.error_text(session_error("p entry", tmp_path)) == 'discrete P, entrée 2 doit être un nombre (lu\u00a0: "a")'
    assert i18n.error_text(session_error("newer", tmp_path)) == (
        "cette session a été écrite par un klviz plus récent (version de format 9)\u00a0; ce klviz lit les versions 1 à 2")
    path = tmp_path / "w.csv"
    assert i18n.error_text(data_error("label twice row", tmp_path)) == (
        f"{path}, ligne 1, colonne 2\u00a0: l'étiquette 'a' apparaît deux fois (aussi à la ligne 1, colonne 1)")
    assert i18n.error_text(data_error("width", tmp_path)) == (
        f"{path}, ligne 2\u00a0: 3 cellules, mais la ligne 1 en a 2\u00a0: toutes les lignes d'un fichier de poids ont le "
        "même nombre de cellules")
    assert i18n.error_text(data_error("missing", tmp_path)) == (
        f"impossible de lire {tmp_path / 'missing.csv'}\u00a0: Fichier ou dossier introuvable")
    assert i18n.error_text(session_error("directory", tmp_path)) == (
        "impossible de lire le fichier\u00a0: c'est un dossier, pas un fichier de session ordinaire")
    # core's own checks, nested in the session's error, are French too (the English stays for str())
    exc = session_error("sigma zero", tmp_path)
    assert i18n.error_text(exc) == "continuous P\u00a0: normal\u00a0: sigma doit être > 0 (lu\u00a0: 0.0)"
    assert str(exc) == "continuous P: normal: sigma must be > 0 (got 0.0)"
    exc = session_error("p zero", tmp_path)
    assert i18n.error_text(exc) == "discrete P\u00a0: tous les poids sont nuls\u00a0; au moins un doit être positif"
    assert str(exc) == "discrete P is all zero: at least one weight must be positive"
    assert i18n.error_text(session_error("joint negative", tmp_path)) == (
        "la loi jointe a une entrée négative (-1.0) à la ligne 2, colonne 2")
    assert i18n.error_text(session_error("mu huge", tmp_path)) == (
        "continuous P\u00a0: normal\u00a0: mu doit être dans [-1e300, 1e300] (lu\u00a0: 1e+301)")
    exc = data_error("not a number", tmp_path)
    assert i18n.error_text(exc) == f"{path}, ligne 3, colonne 1\u00a0: 'x3' n'est pas un nombre (attendu\u00a0: des poids)"
    assert str(exc) == f"{path}, line 3, column 1: 'x3' is not a number (expected weights)"  # still English


def test_the_open_and_import_dialogs_show_the_french(french, qtbot, tmp_path):
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    bad = tmp_path / "bad.klviz"
    bad.write_text('{"format": "klviz-session", "version": 9}', encoding="utf-8")
    assert window.open_session(str(bad)) is False
    box = window._message_box  # the box the window opened last (message_error)
    assert box.objectName() == "message_error"
    assert box.text() == (f"Impossible d'ouvrir {bad}\u00a0: cette session a été écrite par un klviz plus récent "
                          "(version de format 9)\u00a0; ce klviz lit les versions 1 à 2"), box.text()
    box.close()

    folder = tmp_path / "folder.klviz"  # saving over a folder: the system's reason, in French too
    folder.mkdir()
    assert window.save_session(str(folder)) is False
    box = window._message_box  # the box the window opened last (message_error)
    assert box.text() == f"Impossible d'enregistrer {folder}\u00a0: c'est un dossier, pas un fichier ordinaire", box.text()
    box.close()

    data = tmp_path / "w.csv"
    data.write_bytes(b"a,1\nb,-2\n")
    window.findChild(QtGui.QAction, "action_import_data").trigger()
    dialog = window.findChild(QtWidgets.QDialog, "dialog_import_data")
    dialog.set_target("p")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(str(data))
    error = dialog.findChild(QtWidgets.QLabel, "import_error")
    qtbot.waitUntil(lambda: bool(error.text()))
    assert error.text() == f"{data}, ligne 2, colonne 2\u00a0: '-2' est négatif (les poids doivent être ≥ 0)"
    dialog.reject()

    pair_q = tmp_path / "q.csv"
    pair_q.write_bytes(b"1\n\xff\n")
    data.write_bytes(b"1\n2\n")
    window.findChild(QtGui.QAction, "action_import_data").trigger()
    dialog = window.findChild(QtWidgets.QDialog, "dialog_import_data")
    dialog.set_target("pair")
    dialog.findChild(QtWidgets.QLineEdit, "import_path").setText(str(data))
    dialog.findChild(QtWidgets.QLineEdit, "import_path_q").setText(str(pair_q))
    error = dialog.findChild(QtWidgets.QLabel, "import_error")
    qtbot.waitUntil(lambda: bool(error.text()))
    assert error.text() == (f"Q\u00a0: {pair_q}, ligne 2\u00a0: l'octet 1 (0xff) n'est pas du texte UTF-8\u00a0; enregistrez le "
                            "fichier en UTF-8"), error.text()
    dialog.reject()
