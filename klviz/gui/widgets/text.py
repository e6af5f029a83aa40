"""Text that came from outside (labels from a session file, file names, error messages quoting a
file's fields) shown as text, never as markup.

Qt reads markup in more places than it seems: a QLabel, QMessageBox or tooltip whose text merely
*looks* like HTML (Qt::mightBeRichText: a known tag before the first line break) is rendered as
rich text, and the rich-text engine loads any `<img src=…>` it meets from a file or a device; a
window title turns "[*]" into the modified mark; a menu or button turns "&" into a mnemonic. So:

- widgets whose text has no intended markup are set to plain text (`plain_label`, `set_plain`);
- where HTML is built on purpose, every piece of data goes through `html_text` (escaped);
- a tooltip that holds data is made explicitly rich and escaped (`tooltip_text`), since a plain
  tooltip that happens to look like HTML would be parsed;
- `mnemonic_text`, `title_text` escape "&" and "[*]" for menus and window titles;
- `isolate` keeps a label's right-to-left letters or direction controls from reordering the
  sentence around it (Unicode first-strong isolates, its own controls balanced).
"""

from __future__ import annotations

import html
import unicodedata

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.scene.typeset import bind_formulas

PLAIN = QtCore.Qt.TextFormat.PlainText

_FSI, _PDI, _PDF = "\u2068", "\u2069", "\u202c"
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_NEEDS_ISOLATION = frozenset(("R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


def isolate(text):
    """`text` ready to sit inside a sentence: if it holds right-to-left letters or explicit
    direction controls, it is wrapped in FSI…PDI with its own controls balanced (an unmatched
    closer inside would end the isolate early, an unclosed opener would run on), so the
    sentence around it keeps its order. Other text is returned unchanged."""
    text = str(text)
    if not any(unicodedata.bidirectional(c) in _NEEDS_ISOLATION for c in text):
        return text
    out, stack = [], []
    for c in text:
        if c in _EMBEDDINGS or c in _ISOLATES:
            stack.append(c)
        elif c == _PDF:
            if not stack or stack[-1] not in _EMBEDDINGS:
                continue  # closes nothing of the label's own: dropped
            stack.pop()
        elif c == _PDI:
            if _ISOLATES.isdisjoint(stack):
                continue
            while stack.pop() not in _ISOLATES:  # a PDI also closes the embeddings inside it
                pass
        out.append(c)
    out.extend(_PDI if c in _ISOLATES else _PDF for c in reversed(stack))
    return _FSI + "".join(out) + _PDI


_BREAKS = str.maketrans({"\n": "<br>", "\u2028": "<br>", "\u2029": "<br>"})


def html_text(text):
    """Data for a piece of HTML: escaped (so "<b>" shows as those three characters), isolated, its
    line breaks kept as breaks (as a plain-text label shows them)."""
    return html.escape(isolate(text), quote=True).translate(_BREAKS)


def tooltip_text(text):
    """A plain-text tooltip that Qt can never read as markup: explicitly rich, the text escaped."""
    return "<qt>" + html_text(text) + "</qt>"


def mnemonic_text(text):
    """Data for a menu item, button or tab text: "&" shows as "&", not as a shortcut mark; a tab
    (a menu's separator before the shortcut column) shows as a space."""
    return str(text).replace("&", "&&").replace("\t", " ")


def title_text(text):
    """Data for a window title: "[*]" shows as itself, not as the unsaved-changes mark."""
    return isolate(text).replace("[*]", "[*][*]")


def set_plain(*labels):
    """Make QLabels (or QMessageBoxes) show their text as plain text, whatever it looks like."""
    for label in labels:
        label.setTextFormat(PLAIN)
    return labels[0] if len(labels) == 1 else labels


def plain_label(text="", parent=None):
    label = QtWidgets.QLabel(parent)
    label.setTextFormat(PLAIN)
    label.setText(text)
    return label


def message_box(parent, icon, title, text, buttons=QtWidgets.QMessageBox.StandardButton.Ok):
    """A QMessageBox whose text is plain (it quotes file names and fields from files)."""
    box = QtWidgets.QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(PLAIN)
    box.setText(text)
    return box


class FormulaLabel(QtWidgets.QLabel):
    """A word-wrapped label whose lines break between formulas, never inside one
    (klviz.scene.typeset): "D(Bern(y) ‖ Bern(f))" stays whole. What it shows has no-break spaces
    and word joiners inside its formulas; text() gives back the text as it was set."""

    def __init__(self, *args):
        text = args[0] if args and isinstance(args[0], str) else None
        super().__init__(*(args[1:] if text is not None else args))
        self._source = ""
        self.setWordWrap(True)
        if text:
            self.setText(text)

    def setText(self, text):  # noqa: N802 (Qt name)
        self._source = text
        fmt = self.textFormat()
        rich = fmt == QtCore.Qt.TextFormat.RichText or (fmt == QtCore.Qt.TextFormat.AutoText
                                                         and QtGui.Qt.mightBeRichText(text))
        super().setText(bind_formulas(text, markup=rich, joiners=True))

    def setTextFormat(self, fmt):  # noqa: N802
        super().setTextFormat(fmt)
        if self._source:
            self.setText(self._source)

    def text(self):
        return self._source
