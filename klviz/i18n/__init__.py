"""Translations of the desktop app (Qt-free).

The catalogue is Qt's: `klviz_fr.ts` (the source, kept in the repository) and `klviz_fr.qm` (the
compiled file the app loads), both in this package. `python tools/i18n_update.py` extracts every
marked string with pyside6-lupdate (keeping the translations already made) and compiles the `.qm`
with pyside6-lrelease.

Qt-free modules (klviz.lesson, klviz.scene, klviz.state, klviz.style) mark their user-visible texts
with `QT_TRANSLATE_NOOP(context, text)`, which returns the text unchanged: lupdate extracts it, and
the gui translates it at display time with the same context. A text with numbers or names in it
is a `Phrase(QT_TRANSLATE_NOOP("klviz", "template {x}"), x=...)`: the template is translated first,
then filled in. The command line and the exported
figures are not translated (their texts are contracts).
"""

from __future__ import annotations

from importlib import resources

from klviz.core.text import Text

LANGUAGES = ("auto", "en", "fr")  # "auto": follow the system locale
TRANSLATED = ("fr",)  # languages with a catalogue in this package


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name lupdate recognises)
    """Mark `text` for translation in `context`; returns it unchanged (Qt-free)."""
    return text


class Phrase(Text):
    """A text filled in from a marked template: it reads as the English text everywhere (the
    command line, exports, comparisons), and the gui translates the template, then fills it in
    (klviz.gui.i18n.translated). Fields that are Phrases are translated the same way. (The core,
    below this package, fills its texts with klviz.core.text.Text, this class's base.)"""


def joined(separator, parts):
    """The parts (texts or Phrases) joined by `separator`, as a Phrase whose parts translate."""
    fields = {f"part{k}": part for k, part in enumerate(parts)}
    return Phrase(separator.replace("{", "{{").replace("}", "}}").join("{%s}" % k for k in fields), **fields)


def catalogue(language, suffix=".qm"):
    """The path of this package's catalogue for `language` ("fr"), or None."""
    if language not in TRANSLATED:
        return None
    return resources.files(__name__).joinpath(f"klviz_{language}{suffix}")
