"""Texts filled in from a template, for messages a translated interface may show (Qt-free, and
free of klviz.i18n, which is above the core).

`Text(template, **fields)` is a str: it reads as the filled-in English text everywhere (str(),
comparisons, the command line), and keeps `template` and `fields` so that the gui can translate
the template and then fill it in (klviz.gui.i18n.translated). klviz.i18n.Phrase is this class with
its templates marked for translation in the modules above the core; the core's own templates are
marked in klviz/i18n/core_texts.py (tests/test_i18n.py checks they are the core's exact texts).
Fields that are Texts translate the same way; any other field stays as it is (text from a file).
"""

from __future__ import annotations


class Text(str):
    """A text filled in from `template` (str.format) with `fields`; reads as the English text."""

    def __new__(cls, template, **fields):
        self = super().__new__(cls, template.format(**fields))
        self.template, self.fields = template, fields
        return self

    def __reduce__(self):
        return (_filled, (type(self), self.template, self.fields))


def _filled(cls, template, fields):
    return cls(template, **fields)
