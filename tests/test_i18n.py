"""The translation catalogue is the guard (issue 16, Translations): every string the code marks
for translation has a finished French translation in klviz/i18n/klviz_fr.ts, with the same
placeholders, tags and mnemonic; the shipped .qm is compiled from that .ts; pyside6-lupdate finds
nothing new in the code. A string added later without its French fails here: run
`python tools/i18n_update.py`, translate the new messages, run it again."""

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from klviz.i18n import catalogue

ROOT = Path(__file__).resolve().parent.parent
TS = Path(str(catalogue("fr", ".ts")))
QM = Path(str(catalogue("fr")))
MARKERS = ("translate", "QT_TRANSLATE_NOOP")
NOT_TRANSLATED = ("cli", "figures", "core")


def catalogue_messages(path=TS):
    root = ET.parse(path).getroot()
    out = {}
    for c in root.iter("context"):
        for m in c.iter("message"):
            t = m.find("translation")
            out[(c.findtext("name"), m.findtext("source"))] = (t.text or "", t.get("type"))
    return out


def marked_in_code():
    """(context, text, where) of every translate(...) / QT_TRANSLATE_NOOP(...) call in klviz, read
    with ast (independent of lupdate); the calls whose text is not one literal are listed apart."""
    marked, not_literal = [], []
    for path in sorted((ROOT / "klviz").rglob("*.py")):
        rel = path.relative_to(ROOT / "klviz")
        if rel.parts[0] in NOT_TRANSLATED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name not in MARKERS or len(node.args) != 2 or not (
                    isinstance(node.func, ast.Name) or name == "translate" and ast.unparse(node.func).endswith("QCoreApplication.translate")):
                continue
            ctx, text = node.args
            where = f"{rel}:{node.lineno}"
            if isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant) and isinstance(text.value, str):
                marked.append((ctx.value, text.value, where))
            else:
                not_literal.append(where)
    return marked, not_literal


def test_every_marked_string_has_a_finished_french_translation():
    marked, _ = marked_in_code()
    assert len(marked) > 600
    messages = catalogue_messages()
    missing = [f"{where}: [{ctx}] {text!r}" for ctx, text, where in marked
               if (ctx, text) not in messages or messages[ctx, text][1] is not None or not messages[ctx, text][0]]
    assert not missing, ("untranslated (run `python tools/i18n_update.py`, translate, run it again):\n"
                         + "\n".join(missing))


def test_marked_texts_are_literals():
    """lupdate can only extract a literal: a variable or f-string inside translate() is never
    translated. The one exception is klviz.gui.i18n.translated, which translates marked texts."""
    _, not_literal = marked_in_code()
    assert not_literal == [p for p in not_literal if p.startswith("gui/i18n.py")] and len(not_literal) <= 2


def _fields(text):
    return sorted(re.findall(r"\{[^{}]*\}", text)), text.count("%s")


def _tags(text):
    return sorted(re.findall(r"</?[a-zA-Z]+", text))


def _mnemonics(text):
    return len(re.findall(r"&(?!nbsp;|gt;|lt;|amp;|#)", text))


@pytest.mark.parametrize("check", [_fields, _tags, _mnemonics, lambda t: t.count("\n")],
                         ids=["placeholders", "tags", "mnemonic", "line breaks"])
def test_translations_keep_the_sources_structure(check):
    wrong = [f"[{ctx}] {source!r} → {french!r}" for (ctx, source), (french, _) in catalogue_messages().items()
             if check(source) != check(french)]
    assert not wrong, "\n".join(wrong)


def test_every_french_translation_formats():
    """A template filled with its own fields works in French as in English (no stray brace)."""
    checked = 0
    for (ctx, source), (french, _) in catalogue_messages().items():
        names = [f for _, f, _, _ in string.Formatter().parse(source) if f is not None]
        if not names or "%s" in source:
            continue
        positional = max([int(n) + 1 for n in names if n.isdigit()] + [sum(1 for n in names if n == "")])
        kw = {n: 1 for n in names if n and not n.isdigit()}
        assert source.format(*([1] * positional), **kw) and french.format(*([1] * positional), **kw), (ctx, source)
        checked += 1
    assert checked > 50


def test_the_shipped_qm_is_compiled_from_the_ts():
    from PySide6 import QtCore

    translator = QtCore.QTranslator()
    assert translator.load(str(QM))
    stale = [(ctx, source) for (ctx, source), (french, kind) in catalogue_messages().items()
             if kind is None and translator.translate(ctx, source) != french]
    assert not stale, f"{len(stale)} message(s) differ: run `python tools/i18n_update.py --compile-only`"


def test_lupdate_finds_nothing_new(tmp_path):
    """The project's own extraction (tools/i18n_update.py's sources and lupdate) over a copy of the
    catalogue: nothing new, nothing unfinished."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n_update
    finally:
        sys.path.pop(0)
    copy = tmp_path / "klviz_fr.ts"
    copy.write_bytes(TS.read_bytes())
    out = subprocess.run([i18n_update.tool("pyside6-lupdate"), *i18n_update.sources(), "-no-obsolete",
                          "-locations", "none", "-target-language", "fr", "-ts", str(copy)],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert "(0 new and" in out, out
    unfinished = [k for k, (_, kind) in catalogue_messages(copy).items() if kind is not None]
    assert not unfinished, unfinished


def test_core_texts_marked_for_translation_are_cores_own():
    from klviz.core.joint import PRESET_NOTES
    from klviz.i18n.core_texts import JOINT_PRESET_NOTES

    assert JOINT_PRESET_NOTES == PRESET_NOTES


def core_text_templates(module="core/datafile.py"):
    """The templates of every klviz.core.text.Text the module (below klviz.i18n) fills in, read
    with ast; a Text whose template is not one literal is listed as such (it could not be marked)."""
    tree = ast.parse((ROOT / "klviz" / module).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text":
            first = node.args[0] if node.args else None
            found.append(first.value if isinstance(first, ast.Constant) else f"<not a literal: line {node.lineno}>")
    return found


def test_the_core_data_file_messages_are_marked_for_translation():
    """DataFileError's reasons (klviz.core.datafile, which may not import klviz.i18n) are marked in
    klviz/i18n/core_texts.py: exactly the templates core fills in, so a new or reworded message in
    core fails here instead of reaching a French dialog in English."""
    from klviz.i18n.core_texts import DATAFILE_TEXTS

    in_core = core_text_templates()
    assert len(in_core) > 60 and not [t for t in in_core if t.startswith("<not a literal")]
    assert len(DATAFILE_TEXTS) == len(set(DATAFILE_TEXTS))
    assert set(DATAFILE_TEXTS) == set(in_core), (set(in_core) ^ set(DATAFILE_TEXTS))
    from klviz.i18n.core_texts import DATAPAIR_TEXTS

    in_datapair = core_text_templates("core/datapair.py")
    assert len(in_datapair) >= 5 and set(DATAPAIR_TEXTS) == set(in_datapair), set(in_datapair) ^ set(DATAPAIR_TEXTS)


def test_the_core_checks_a_session_meets_are_marked_for_translation():
    """The refusals of klviz.core.checks, .spec and .joint that a session file's numbers can meet
    (nested in its SessionError) are marked in core_texts.py: exactly the templates each fills in."""
    from klviz.i18n import core_texts

    for module, marked in (("core/checks.py", core_texts.CHECKS_TEXTS), ("core/spec.py", core_texts.SPEC_TEXTS),
                           ("core/joint.py", core_texts.JOINT_TEXTS)):
        in_core = core_text_templates(module)
        assert len(in_core) >= 2 and not [t for t in in_core if t.startswith("<not a literal")], module
        assert len(marked) == len(set(marked)) and set(marked) == set(in_core), (module, set(in_core) ^ set(marked))


def test_the_file_reading_messages_are_marked_for_translation():
    """klviz.fileio's reasons (a file that is missing, a directory, too large...) likewise, and
    the reasons of its own OSErrors, which error_reason hands on as their templates."""
    from klviz.i18n.core_texts import FILEIO_TEXTS, OS_ERRORS

    source = (ROOT / "klviz" / "fileio.py").read_text(encoding="utf-8")
    strerror = 1 + source[:source.index("return Text(exc.strerror)")].count("\n")  # the one template from the system
    in_fileio = core_text_templates("fileio.py")
    assert [t for t in in_fileio if t.startswith("<not a literal")] == [f"<not a literal: line {strerror}>"]
    in_fileio.remove(f"<not a literal: line {strerror}>")
    assert len(in_fileio) >= 10 and set(FILEIO_TEXTS) == set(in_fileio), set(in_fileio) ^ set(FILEIO_TEXTS)
    for own in ("the file is read-only", "the file name is empty", "not a regular file"):
        assert f'"{own}"' in source and any(own in t for t in OS_ERRORS)


def test_the_marker_and_phrases_are_qt_free():
    code = ("import sys, klviz.i18n, klviz.lesson, klviz.scene.divergences, klviz.scene.coding, klviz.animation; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_command_line_stays_english():
    """Phrases read as their English text, so `klviz compute` and errors never change language."""
    from klviz.scene import divergences as sd

    assert sd.TOOLTIPS["discrete"]["tv"].startswith("Total variation:")
    assert str(sd.alpha_meaning(0.25)) == "α = 0.25, between the reverse (0) and the forward KL (1)"
