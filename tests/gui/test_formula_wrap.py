"""Captions and legends wrap between formulas, never inside one (issue 12: "Q = N(1, / 1.5²)",
"∫ / q·log(q/p) dx", "D(Bern(y) ‖ / Bern(f))").

Every tab (and Losses panel) is visited; every caption (Caption) and word-wrapped label is laid
out as narrow as may be: every place the caption's own wrap (an ordinary space) or Qt's line
breaker (QTextBoundaryFinder, as a QLabel wraps) could break a line is checked against rules that do not come from
klviz.scene.typeset: no break inside a function's brackets ("N(", "log(", "D(" … ")"), none just
after an integral or sum sign or a swatch, none just before "dx", and none inside the formulas
the issue names.
"""

import re

from PySide6 import QtCore, QtGui, QtWidgets

from klviz.scene.typeset import NBSP, WJ, bind_formulas

# formulas as the issue and the pages write them (ordinary spaces)
NAMED = ("Q = N(1, 1.5²)", "P = N(0, 1²)", "∫ q·log(q/p) dx", "∫ p·log(p/q) dx", "D(Bern(y) ‖ Bern(f))",
         "H(Bern(y))", "H(Bern(y), Bern(f))", "D(P‖Q)", "D(Q‖P)", "H(X|Y)", "H(Y|X)", "I(X;Y)")
PREFIXES = ("∫", "Σ", "∑", "■", "━━", "╍╍", "┃", "┆", "●")


def _normal(text):
    return text.replace(NBSP, " ").replace(WJ, "")


def _call_spans(s):
    """[(start, end)] of every "name(…)" in s, brackets balanced: no break may fall inside."""
    spans = []
    for m in re.finditer(r"[\w⁾'](?=[(\[])", s):
        depth = 0
        for j in range(m.end(), len(s)):
            depth += s[j] in "([" and 1 or (-1 if s[j] in ")]" else 0)
            if depth == 0:
                spans.append((m.end(), j + 1))
                break
    return spans


def bad_breaks(s, breaks):
    """The breaks (indices into s, normalised: no joiners, plain spaces) that fall in a formula."""
    bad = []
    spans = _call_spans(s)
    for b in breaks:
        before, after = s[:b].rstrip(" "), s[b:].lstrip(" ")
        if any(a < b < e for a, e in spans):
            bad.append(f"inside brackets: {s[max(0, b - 25):b]!r} / {s[b:b + 25]!r}")
        elif before.endswith(PREFIXES) and (before[-2:-1] in ("", " ")):
            bad.append(f"after {before[-2:].strip()!r}: {s[max(0, b - 25):b]!r} / {s[b:b + 25]!r}")
        elif re.match(r"d[xyz]\b", after):
            bad.append(f"before {after[:2]!r}: {s[max(0, b - 25):b]!r} / {s[b:b + 25]!r}")
        else:
            for f in NAMED:
                for m in re.finditer(re.escape(f), s):
                    if m.start() < b < m.end() and s[m.start():b].strip() and s[b:m.end()].strip():
                        bad.append(f"inside {f!r}: {s[max(0, b - 25):b]!r} / {s[b:b + 25]!r}")
    return bad


def qt_breaks(text):
    """Every place Qt's line breaker (a word-wrapped QLabel's, at some width) may break `text`:
    indices into the normalised text (word joiners removed)."""
    finder = QtCore.QTextBoundaryFinder(QtCore.QTextBoundaryFinder.BoundaryType.Line, text)
    out = []
    k = finder.toNextBoundary()
    while 0 < k < len(text):
        out.append(len(text[:k].replace(WJ, "")))
        k = finder.toNextBoundary()
    return out


def label_text(label):
    """What a label shows, as plain text with its own no-break spaces and joiners (one line per
    paragraph)."""
    shown = QtWidgets.QLabel.text(label)  # what Qt was given, not a subclass's source text
    if label.textFormat() == QtGui.Qt.TextFormat.PlainText or not QtGui.Qt.mightBeRichText(shown):
        return shown.split("\n")
    doc = QtGui.QTextDocument()
    doc.setHtml(shown)
    return doc.toRawText().replace("\u2029", "\n").replace("\u2028", "\n").split("\n")


def caption_breaks(caption):
    """(normalised line, break indices) for each <br> line of a Caption: it wraps at its ordinary
    spaces, any of which a narrow enough width makes a break."""
    out = []
    for line in caption._parsed:
        s = "".join(r[0] for r in line)
        out.append((_normal(s), [i + 1 for i, c in enumerate(s) if c == " "]))
    return out


def _visit(window, qtbot):
    """(where, page) for every tab and Losses panel, its folded parts unfolded (their bodies'
    labels are checked too)."""
    from klviz.gui.widgets.reflow import Secondary

    tabs = window.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        page = tabs.currentWidget()
        inner = [t for t in page.findChildren(QtWidgets.QTabWidget)]
        if inner:
            for t in inner:
                for j in range(t.count()):
                    t.setCurrentIndex(j)
                    QtWidgets.QApplication.processEvents()
                    for part in t.currentWidget().findChildren(Secondary):
                        part.set_expanded(True)
                    QtWidgets.QApplication.processEvents()
                    yield f"{tabs.tabText(i)} › {t.tabText(j)}", t.currentWidget()
        else:
            QtWidgets.QApplication.processEvents()
            for part in page.findChildren(Secondary):
                part.set_expanded(True)
            QtWidgets.QApplication.processEvents()
            yield tabs.tabText(i), page


def test_the_checks_can_fail():
    s = "■ Q = N(1, 1.5²) and ■ ∫ q·log(q/p) dx = 1 and D(Bern(y) ‖ Bern(f))"
    assert bad_breaks(s, [s.index("1.5²")])  # inside brackets
    assert bad_breaks(s, [s.index("q·log")])  # after ∫
    assert bad_breaks(s, [s.index("dx")])
    assert bad_breaks(s, [s.index("Bern(f)")])
    assert bad_breaks(s, [s.index("Q =")])  # after a swatch
    assert not bad_breaks(s, [s.index("and")])
    # unbound, Qt's breaker may break inside them; bound, nowhere inside
    assert bad_breaks(s, qt_breaks(s))
    assert not bad_breaks(s, qt_breaks(bind_formulas(s, joiners=True)))
    # Qt breaks after "/" and "|" without a space: the joiners stop that
    for f in ("q·log(q/p)", "H(X|Y)", "−[y", "D⁽ᵅ⁾(P‖Q)"):
        assert qt_breaks(f) and not qt_breaks(bind_formulas(f, joiners=True)), f
    assert bind_formulas("D(Bern(y) ‖ Bern(f))") == "D(Bern(y)\u00a0‖\u00a0Bern(f))"
    assert bind_formulas("the floor, reached at f = y") == "the floor, reached at f\u00a0=\u00a0y"


def test_no_caption_or_legend_breaks_inside_a_formula(window, qtbot):
    from klviz.gui.widgets.caption import Caption

    bad, seen = [], 0
    for where, page in _visit(window, qtbot):
        for c in page.findChildren(Caption):
            if not c.isVisibleTo(window):
                continue
            for s, breaks in caption_breaks(c):
                seen += 1
                bad += [f"{where} caption: {b}" for b in bad_breaks(s, breaks)]
        for lab in page.findChildren(QtWidgets.QLabel):
            if not lab.wordWrap() or not lab.isVisibleTo(window) or not QtWidgets.QLabel.text(lab).strip():
                continue
            for line in label_text(lab):
                seen += 1
                bad += [f"{where} {lab.objectName() or 'label'}: {b}" for b in bad_breaks(_normal(line), qt_breaks(line))]
    assert seen > 30, seen  # the captions and keys of every tab were met
    assert not bad, "\n".join(sorted(set(bad)))


def test_the_binding_of_a_text_does_not_depend_on_its_numbers():
    """bind_formulas works a text out once with its numbers as "0" (a caption changes its numbers
    every frame): the same result as working out each text afresh."""
    import random

    from klviz.scene import typeset

    rng = random.Random(12)
    typeset._CACHE.clear()
    template = ("<b>H(P,Q)</b> = H(P) + D(P‖Q) = {0} + {1} = {2} nats<br>"
                "<span style='color:#0072B2'>■ ∫ p·log(p/q) dx = D(P‖Q) = {1} nats</span>&nbsp; log {0} N({2}, {0}²)")
    for _ in range(200):
        numbers = [f"{rng.uniform(-1e4, 1e4):.{rng.randint(0, 6)}f}" for _ in range(3)]
        text = template.format(*numbers)
        for markup, joiners, soft in ((True, True, ""), (True, False, "\x1f"), (False, True, "")):
            assert typeset.bind_formulas(text, markup, joiners, soft) == typeset._bind(text, markup, joiners, soft)
    # 600 texts, few shapes (each number has a sign or not, a decimal point or not: 2⁶ per
    # mode), each worked out once
    assert 3 <= len(typeset._CACHE) <= 3 * 2 ** 6
    entity = "a = b&#160;c = d 12"  # a numeric entity's digits are no number: worked out as it is
    assert typeset.bind_formulas(entity, markup=True) == typeset._bind(entity, True, False, "")
