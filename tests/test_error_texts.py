"""The reasons a bad session file (SessionError) or a bad data file (DataFileError) gives: the same
English as before they became translatable (str(error), what `klviz: error: ...` prints), and each
one built from templates the French catalogue translates (tests/gui/test_error_texts_french.py
shows them in French)."""

import json
import pickle
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from error_cases import (DATA_CASES, IMPORT_CASES, SESSION_BYTES, SESSION_CASES, all_messages, data_error,
                         import_error, session_error)
from klviz.core.text import Text
from klviz.i18n import catalogue

HERE = Path(__file__).resolve().parent
# the English from before (tests/error_cases.py's output on the code the messages were taken from)
BEFORE = json.loads((HERE / "error_messages_en.json").read_text(encoding="utf-8"))
# cases whose message quotes another library's words (json, csv, numpy), which may differ by version
THIRD_PARTY = {"session not json", "data csv quote", "data quote past line", "data npy bad"}
SESSIONS = [n for n, _ in SESSION_CASES] + [n for n, _ in SESSION_BYTES]
DATA = [c[0] for c in DATA_CASES]
IMPORTS = [c[0] for c in IMPORT_CASES]


def finished_french():
    root = ET.parse(str(catalogue("fr", ".ts"))).getroot()
    return {m.findtext("source"): m.findtext("translation") or "" for c in root.iter("context")
            if c.findtext("name") == "klviz" for m in c.iter("message")
            if m.find("translation").get("type") is None}


def templates(text):
    """Every template in a Text and in the Texts among its fields (recursively)."""
    if not isinstance(text, Text):
        return []
    return [text.template] + [t for v in text.fields.values() for t in templates(v)]


def test_the_english_is_unchanged(tmp_path):
    now = all_messages(tmp_path)
    assert set(now) == set(BEFORE) and len(now) >= 130
    changed = {k: (BEFORE[k], now[k]) for k in now if k not in THIRD_PARTY and now[k] != BEFORE[k]}
    assert not changed, changed
    for k in THIRD_PARTY:  # ours around the library's words
        assert now[k].split("(")[0] == BEFORE[k].split("(")[0], k


def test_a_few_messages_exactly(tmp_path):
    assert str(session_error("p entry", tmp_path)) == 'discrete P, entry 2 must be a number (got "a")'
    assert str(session_error("newer", tmp_path)) == (
        "this session was written by a newer klviz (format version 9); this klviz reads versions 1 to 2")
    assert str(session_error("component mu", tmp_path)) == 'continuous P component 1 needs "mu"'
    assert str(session_error("class label", tmp_path)) == "batch class label 2 must be text"
    path = tmp_path / "w.csv"
    assert str(data_error("not a number", tmp_path)) == f"{path}, line 3, column 1: 'x3' is not a number (expected weights)"
    assert str(data_error("label twice row", tmp_path)) == (
        f"{path}, line 1, column 2: the label 'a' appears twice (also on line 1, column 1)")
    assert str(data_error("extension", tmp_path)) == (
        f"{tmp_path / 'w.xlsx'}: a weights file must be a .csv, .tsv, .txt or .npy file (this one ends in '.xlsx')")
    assert str(data_error("batch ambiguous", tmp_path)) == (
        f"{tmp_path / 'b.csv'}, line 2, column 3: the target 0 is ambiguous: class index 0 is '1', but a class is "
        "labelled '0'")


ERRORS = {"session": (SESSIONS, session_error), "data": (DATA, data_error), "import": (IMPORTS, import_error)}


@pytest.mark.parametrize("kind", list(ERRORS))
def test_every_message_is_built_from_translated_templates(kind, tmp_path):
    french = finished_french()
    names, error = ERRORS[kind]
    untranslated, plain = {}, []
    for name in names:
        exc = error(name, tmp_path)
        message = exc.args[0]
        if not isinstance(message, Text):
            plain.append(name)
            continue
        missing = [t for t in templates(message) if not french.get(t)]
        if missing:
            untranslated[name] = missing
    assert not plain, f"raised with plain text, never translated: {plain}"
    assert not untranslated, untranslated


def test_the_check_sees_an_untranslated_template():
    french = finished_french()
    made = Text("{where} must be a number (got {value})", where=Text("a template nobody marked"), value="1")
    assert [t for t in templates(made) if not french.get(t)] == ["a template nobody marked"]


def test_errors_keep_their_texts_through_pickle(tmp_path):
    exc = data_error("label twice", tmp_path)
    again = pickle.loads(pickle.dumps(exc.args[0]))
    assert again == exc.args[0] and templates(again) == templates(exc.args[0])
    assert (exc.line, exc.column) == (2, 1) and exc.reason == "the label 'a' appears twice (also on line 1)"


def test_the_command_line_prints_the_same_english(tmp_path):
    """`klviz compute` names a bad data file in English, one line (a contract)."""
    bad = tmp_path / "w.csv"
    bad.write_bytes(b"1\n2\nx3\n")
    out = subprocess.run([sys.executable, "-m", "klviz", "compute", "--p", f"@{bad}", "--q", "0.5,0.5"],
                         capture_output=True, text=True)
    assert out.returncode != 0
    assert f"{bad}, line 3, column 1: 'x3' is not a number (expected weights)" in out.stderr, out.stderr


def test_an_os_error_reason_reads_as_the_systems_words_and_keeps_them_as_its_template():
    from klviz.fileio import error_reason

    reason = error_reason(FileNotFoundError(2, "No such file or directory"))
    assert reason == "No such file or directory" and templates(reason) == ["No such file or directory"]
    assert error_reason(OSError(5, "odd {braces}")) == "odd {braces}"  # not a template: kept as text
    assert error_reason(ValueError("bad")) == "bad"
