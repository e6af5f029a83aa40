"""A caption of a few words and numbers that changes on every frame of a drag, cheaply.

A QLabel or QTextDocument with rich text lays the whole document out again on every paint (about
0.7 ms for a two-line caption here, several per frame). This widget understands the little markup
the captions use -- <b>, <i>, <span style='color:...'>, <br>, &nbsp; and the basic entities --,
wraps it at spaces itself (never inside a formula: klviz.scene.typeset), and draws each run with a cached QStaticText, so a new number costs a
few glyph runs. Unknown tags are an error (a caption is written by the program, not the user).

- lines=N: the caption is always N lines high (whatever the text), so a new text never asks the
  layouts above it to recompute; a text that would wrap to more lines is drawn smaller instead,
  at the largest size at which it wraps into N lines.
- lines=None: the height follows the wrapped text (height-for-width), and the layout is asked
  again only when the number of lines changes.
- Quiz mode shows "?" instead of the text (which may hold answers); text() keeps the real one.
"""

from __future__ import annotations

import html
import math
import re

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.scene.typeset import bind_formulas
from klviz.style import MARK_CHARS, mark_color, text_color
from klviz.gui.theme import is_dark

HIDDEN = "?"
SOFT = "\x1f"  # where a formula too long for a line may still break (never drawn)
_UNSET = object()
_MARGIN = 2.0
_MARKS = "".join(sorted(MARK_CHARS))  # `not text.strip(_MARKS)` is style.is_mark(text), without a set
_TAG = re.compile(r"<(/?)([a-zA-Z]+)((?:\s+[^>]*)?)\s*/?>")
_COLOR = re.compile(r"""^\s*style\s*=\s*(['"])\s*color\s*:\s*([#\w]+)\s*;?\s*\1\s*$""")


def parse(markup):
    """Markup -> list of lines, each a list of (text, bold, italic, colour or None) runs."""
    lines, runs = [], []
    bold = italic = 0
    colors = []
    pos = 0

    def add(text):
        if text:
            runs.append((html.unescape(text), bold > 0, italic > 0, colors[-1] if colors else None))

    for m in _TAG.finditer(markup):
        add(markup[pos:m.start()])
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3).strip()
        if name in ("br", "b", "i") and attrs:
            raise ValueError(f"caption markup: <{name}> takes no attributes, got {attrs!r}")
        if name == "br":
            lines.append(runs)
            runs = []
        elif name == "b":
            bold = max(0, bold + (-1 if closing else 1))  # a stray </b> does not unbalance the rest
        elif name == "i":
            italic = max(0, italic + (-1 if closing else 1))
        elif name == "span":
            if closing:
                if colors:
                    colors.pop()
            else:
                cm = _COLOR.match(attrs) if attrs else None
                if attrs and cm is None:
                    raise ValueError(f"caption markup: unsupported span attributes {attrs!r}")
                colors.append(cm.group(2) if cm else (colors[-1] if colors else None))
        else:
            raise ValueError(f"caption markup: unsupported tag <{closing}{name}>")
    add(markup[pos:])
    lines.append(runs)
    return lines


def _words(runs):
    """Split runs at ordinary spaces: [word], a word being [segment] and a segment [(text, style)]
    pieces; a word's segments part at its soft breaks (SOFT: inside a formula too long for a line,
    klviz.scene.typeset), the only places where a word may be broken."""
    words, current, segment = [], [], []
    for text, *style in runs:
        parts = text.split(" ")
        for k, part in enumerate(parts):
            if k > 0:
                current.append(segment)
                words.append(current)
                current, segment = [], []
            pieces = part.split(SOFT)
            for j, piece in enumerate(pieces):
                if j > 0:
                    current.append(segment)
                    segment = []
                if piece:
                    segment.append((piece, tuple(style)))
    current.append(segment)
    words.append(current)
    return [[seg for seg in word if seg] for word in words]


def _shade(color, mark, dark):
    return mark_color(color, dark) if mark else text_color(color, dark)


class Caption(QtWidgets.QWidget):
    def __init__(self, parent=None, lines=None, opaque=True):
        super().__init__(parent)
        self.lines = lines
        self._markup = ""
        self._parsed = [[]]  # what is drawn: formulas bound into no-break units
        self._plain = ""
        self._quiz = False
        self._static = {}  # (text, bold, italic) -> QStaticText
        self._widths = {}  # (word, bold, italic) -> advance
        self._fonts = None
        self._space_widths = None
        self._wrapped = frozenset()  # the lines that did not fit whole at the last layout
        self._layout = []  # [(x, top y, QStaticText, QFont, colour or None)]
        self._laid_width = -1
        self._scale = 1.0  # < 1 when a fixed-line caption is drawn smaller to fit
        self._height = 0
        self._opaque = bool(opaque)
        # Opaque: it paints its own background, so a new text does not make Qt repaint the
        # widgets underneath it. Only where the background below is the plain window colour.
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent, self._opaque)
        sp = QtWidgets.QSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored if lines else
                                   QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        sp.setHeightForWidth(lines is None)
        self.setSizePolicy(sp)

    # -- text ----------------------------------------------------------------------------------
    def text(self):
        return self._markup

    def plain_text(self):
        return self._plain

    def setText(self, markup):  # noqa: N802 (Qt name)
        if markup == self._markup:
            return
        # the wrap breaks lines between formulas only (klviz.scene.typeset): the spaces inside one
        # are no-break spaces in what is drawn; the text read out keeps its own spaces
        self._parsed = parse(bind_formulas(markup, markup=True, soft=SOFT))
        self._markup = markup
        self._plain = "\n".join("".join(r[0] for r in line) for line in parse(markup))
        if not self._quiz:
            self.setAccessibleName(self.plain_text())  # what a screen reader reads, as for a QLabel
            self._relayout()

    def set_quiz(self, on):
        self._quiz = bool(on)
        self.setAccessibleName(HIDDEN if self._quiz else self.plain_text())
        self._relayout()

    # -- layout --------------------------------------------------------------------------------
    def _font_set(self):
        """(fonts by (bold, italic), metrics by the same key), made once per font change."""
        if self._fonts is None:
            base = self.font()
            fonts = {}
            for bold in (False, True):
                for italic in (False, True):
                    f = QtGui.QFont(base)
                    f.setBold(bold or base.bold())
                    f.setItalic(italic)
                    fonts[bold, italic] = f
            self._fonts = fonts, {k: QtGui.QFontMetricsF(f) for k, f in fonts.items()}
        return self._fonts

    def _width(self, text, style, metrics):
        key = (text, style[0], style[1])
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 4096:
                self._widths.clear()
            w = self._widths[key] = metrics[style[0], style[1]].horizontalAdvance(text)
        return w

    def _static_text(self, text, bold, italic, fonts):
        key = (text, bold, italic)
        st = self._static.get(key)
        if st is None:
            if len(self._static) > 2048:
                self._static.clear()
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.prepare(QtGui.QTransform(), fonts[bold, italic])
            self._static[key] = st
        return st

    def _rows(self, width, remember=False):
        """Greedy word wrap at `width` -> rows, each a list of (x, text, style) pieces."""
        fonts, metrics = self._font_set()
        width = max(width - 2 * _MARGIN, 10.0)
        parsed = [[(HIDDEN, False, False, None)]] if self._quiz else self._parsed
        # A line that did not fit whole last time (a new number each frame) goes to the word wrap
        # first: shaping its whole runs only to find they do not fit cost more than the wrap.
        wrapped, now = self._wrapped, set()
        rows = []
        for k, runs in enumerate(parsed):
            if k not in wrapped:
                row = self._whole(runs, width, fonts)
                if row is not None:
                    rows.append(row)
                    continue
            lines = self._wrap(runs, width, metrics)
            if len(lines) == 1 and k in wrapped:
                # it wrapped before and fits now: the whole-line test decides, as it always does
                row = self._whole(runs, width, fonts)
                if row is not None:
                    rows.append(row)
                    continue
            now.add(k)
            rows.extend(lines)
        if remember:
            self._wrapped = frozenset(now)
        return rows

    def _whole(self, runs, width, fonts):
        """The line as one row of its runs if it fits in `width`, else None."""
        row, x = [], 0.0
        for text, bold, italic, color in runs:  # the common case: the line fits whole
            text = text.replace(SOFT, "")
            # the cached glyph run gives the width: only a run that changed is shaped again
            w = self._static_text(text, bold, italic, fonts).size().width()
            row.append((x, text, (bold, italic, color), w))
            x += w
            if x > width:
                return None
        return row

    def _wrap(self, runs, width, metrics):
        """The line wrapped at spaces -> its rows (a formula wider than a whole row at its soft
        breaks too)."""
        spaces = self._spaces(metrics)
        width_of = self._width
        rows, row, x = [], [], 0.0
        for word in _words(runs):
            segments = [[(t, st, width_of(t, st, metrics)) for t, st in seg] for seg in word]
            w = sum(wt for seg in segments for _, _, wt in seg)
            space = spaces[word[0][0][1][:2]] if word else spaces[False, False]
            if w > width and len(segments) > 1:
                parts = segments  # too long for any row: its soft breaks become breaks
            else:
                parts = [[p for seg in segments for p in seg]]
            for n, part in enumerate(parts):
                pw = sum(wt for _, _, wt in part)
                gap = space if n == 0 else 0.0
                if row and x + gap + pw > width:
                    rows.append(row)
                    row, x = [], 0.0
                elif row:
                    x += gap
                first_piece = n == 0
                for t, st, wt in part:
                    if row and row[-1][2] == st and (first_piece or n > 0 and row[-1][0] + row[-1][3] == x):
                        x0, text, _, w0 = row[-1]  # same style as the piece before: one run of text
                        row[-1] = (x0, f"{text} {t}" if first_piece else text + t, st, w0 + (x - x0 - w0) + wt)
                    else:
                        row.append((x, t, st, wt))
                    x += wt
                    first_piece = False
        rows.append(row)
        return rows

    def _spaces(self, metrics):
        """The width of a space in each (bold, italic) font (bold spaces are wider)."""
        if self._space_widths is None:
            self._space_widths = {key: m.horizontalAdvance(" ") for key, m in metrics.items()}
        return self._space_widths

    def _line_spacing(self):
        _, metrics = self._font_set()
        return max(m.lineSpacing() for m in metrics.values())

    def _relayout(self):
        rows = self._rows(self.width(), remember=True)
        self._scale = 1.0
        if self.lines is not None and len(rows) > self.lines:
            # Too long for its lines even wrapped: draw it smaller, at the largest scale at which
            # it wraps into them (at worst each <br> line whole on its own row).
            whole = self._rows(math.inf)
            natural = max((x + w for row in whole for x, _, _, w in row), default=1.0)
            room = max(self.width() - 2 * _MARGIN, 10.0)
            lo, rows = min(1.0, room / natural, self.lines / max(len(whole), 1)), whole
            if len(whole) <= self.lines:
                hi = 1.0
                for _ in range(8):  # bisection on the scale (to 1/256); each step is one word wrap
                    mid = (lo + hi) / 2
                    trial = self._rows(room / mid + 2 * _MARGIN)
                    if len(trial) <= self.lines:
                        lo, rows = mid, trial
                    else:
                        hi = mid
            self._scale = lo
        fonts, _ = self._font_set()
        spacing = self._line_spacing()
        self._layout = [(_MARGIN + x, _MARGIN + r * spacing, self._static_text(t, st[0], st[1], fonts),
                         fonts[st[0], st[1]], st[2], not t.strip(_MARKS))
                        for r, row in enumerate(rows) for x, t, st, _ in row]
        self._laid_width = self.width()
        h = int(spacing * len(rows) + 2 * _MARGIN + 0.999)
        if self.lines is None and h != self._height:
            self._height = h
            self.updateGeometry()
        self.update()

    def _fixed_height(self):
        return int(self._line_spacing() * (self.lines or 1) + 2 * _MARGIN + 0.999)

    def hasHeightForWidth(self):  # noqa: N802
        return self.lines is None

    def heightForWidth(self, width):  # noqa: N802
        if self.lines is not None:
            return self._fixed_height()
        return int(self._line_spacing() * len(self._rows(width)) + 2 * _MARGIN + 0.999)

    def sizeHint(self):  # noqa: N802
        if self.lines is not None:
            return QtCore.QSize(200, self._fixed_height())
        return QtCore.QSize(200, max(self._height, self.fontMetrics().height() + 4))

    def minimumSizeHint(self):  # noqa: N802
        return QtCore.QSize(50, self._fixed_height() if self.lines is not None else self.fontMetrics().height() + 4)

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        if self.width() != self._laid_width:
            self._relayout()

    def changeEvent(self, ev):  # noqa: N802
        super().changeEvent(ev)
        if ev.type() == QtCore.QEvent.Type.FontChange:
            self._static.clear()
            self._widths.clear()
            self._fonts = None
            self._space_widths = None
            if self.lines is not None:
                self.updateGeometry()
            self._relayout()
        elif ev.type() == QtCore.QEvent.Type.PaletteChange:
            self.update()

    def _dark(self):
        return is_dark(self)

    def painted_runs(self):
        """[(text, colour or None)] as painted: words in the theme's text shade of their colour
        (klviz.style.text_color, 4.5:1 on the window), swatches (■, ━━) in its mark shade
        (klviz.style.mark_color: the colour itself where it stands out 3:1)."""
        dark = self._dark()
        return [(st.text(), _shade(color, mark, dark) if color else None)
                for _, _, st, _, color, mark in self._layout]

    def paintEvent(self, ev):  # noqa: N802
        p = QtGui.QPainter(self)
        if self._opaque:
            p.fillRect(ev.rect(), self.palette().color(self.backgroundRole()))
        if self._scale != 1.0:
            p.scale(self._scale, self._scale)
        default = self.palette().color(QtGui.QPalette.ColorRole.WindowText)
        dark = self._dark()
        current, current_font = _UNSET, None
        for x, y, st, font, color, mark in self._layout:
            if (color, mark) != current:
                p.setPen(QtGui.QColor(_shade(color, mark, dark)) if color else default)
                current = (color, mark)
            if font is not current_font:  # drawStaticText draws in the painter's font
                p.setFont(font)
                current_font = font
            p.drawStaticText(QtCore.QPointF(x, y), st)
        p.end()
