"""A QTabWidget whose tab texts are always shown whole: when the tabs on one line are wider than
the widget (French at 1024×768 in presentation mode: the Losses tab's panel tabs scrolled, the
last one cut), every tab text wraps onto two lines (after its "Name:" when it has one), then
three; QTabBar itself would only elide the texts or scroll the tabs out of sight.

tab_text(k) is a tab's text as given (one line); tabText(k) is what the bar shows.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: the most lines a tab text wraps onto
MOST_LINES = 3

_FLAGS = int(QtCore.Qt.TextFlag.TextShowMnemonic)


def split_lines(text, lines, width):
    """`text` broken at spaces into at most `lines` lines, the widest as narrow as can be (width:
    a function of a line's text giving its width in pixels). Two lines break after a first word
    ending in ":" when there is one ("Bernoulli:" / "binary cross-entropy")."""
    words = []
    for word in text.split(" "):
        if words and word in (":", ";", "!", "?", "»"):  # French: "Bernoulli :", never ":" first
            words[-1] += " " + word
        else:
            words.append(word)
    if lines <= 1 or len(words) == 1:
        return [text]
    if lines == 2:
        for k, word in enumerate(words[:-1]):
            if word.endswith(":"):
                return [" ".join(words[:k + 1]), " ".join(words[k + 1:])]

    def best(first, n):
        """(widest, lines) of words[first:] on n lines, the widest the narrowest."""
        rest = words[first:]
        if n == 1 or len(rest) == 1:
            line = " ".join(rest)
            return width(line), [line]
        found = None
        for k in range(1, len(rest)):
            head = " ".join(rest[:k])
            widest, tail = best(first + k, n - 1)
            candidate = (max(width(head), widest), [head] + tail)
            if found is None or candidate[0] < found[0]:
                found = candidate
        return found

    return best(0, lines)[1]


class WrappingTabBar(QtWidgets.QTabBar):
    """A QTabBar whose tabs are as tall as their texts' lines (QTabBar gives a tab one line's
    height whatever its text; the label is drawn centred, every line of it)."""

    def tabSizeHint(self, index):  # noqa: N802 (Qt name)
        size = super().tabSizeHint(index)
        extra = self.tabText(index).count("\n")
        if extra:
            size.setHeight(size.height() + extra * self.fontMetrics().lineSpacing())
        return size

    def minimumTabSizeHint(self, index):  # noqa: N802 (Qt name)
        return self.tabSizeHint(index)  # never narrower than its text: nothing elided


class FittingTabs(QtWidgets.QTabWidget):
    """A QTabWidget that wraps its tab texts rather than elide or scroll them (see the module)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabBar(WrappingTabBar())
        self._texts = []  # the tab texts as given, one line each
        self._lines = 1
        bar = self.tabBar()
        bar.setElideMode(QtCore.Qt.TextElideMode.ElideNone)
        bar.installEventFilter(self)

    def tab_text(self, index):
        return self._texts[index]

    def lines(self):
        """How many lines the tab texts are on now."""
        return self._lines

    def tabInserted(self, index):  # noqa: N802 (Qt name)
        super().tabInserted(index)
        self._texts.insert(index, self.tabBar().tabText(index))
        self._fit()

    def tabRemoved(self, index):  # noqa: N802 (Qt name)
        super().tabRemoved(index)
        del self._texts[index]
        self._fit()

    def set_tab_text(self, index, text):
        """Give tab `index` a new (one-line) text."""
        self._texts[index] = text
        self._fit()

    def resizeEvent(self, ev):  # noqa: N802 (Qt name)
        self._fit()
        super().resizeEvent(ev)

    def eventFilter(self, obj, ev):  # noqa: N802 (Qt name)
        if obj is self.tabBar() and ev.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._fit()
        return super().eventFilter(obj, ev)

    def _fit(self):
        """Set the tab texts on the fewest lines whose tabs fit the widget's width."""
        bar = self.tabBar()
        if not self._texts:
            return
        fm = bar.fontMetrics()

        def width(text):
            return fm.size(_FLAGS, text).width()

        # what a tab takes beside its text (padding, frame), measured on the texts shown now
        pads = [max(0, bar.tabSizeHint(k).width() - width(bar.tabText(k))) for k in range(len(self._texts))]
        room = self.width()
        chosen = None
        for lines in range(1, MOST_LINES + 1):
            texts = ["\n".join(split_lines(t, lines, width)) for t in self._texts]
            chosen = (lines, texts)
            if sum(p + width(t) for p, t in zip(pads, texts)) <= room:
                break
        lines, texts = chosen
        self._lines = lines
        for k, text in enumerate(texts):
            if bar.tabText(k) != text:
                bar.setTabText(k, text)
