"""Issue 12: subscripts are real subscripts (μₚ, pᵢ, or rich text <sub>…</sub>), never an
underscore between letters, in any text the window shows: labels, buttons, group titles, combo
items, tab names, chart titles and axis labels, tooltips. Walks every tab, each Losses panel and
every lesson step, in English and in French. objectNames are not text and are not looked at."""
import math
import re

import pytest
from PySide6 import QtCore, QtWidgets

from klviz.gui.accessibility import plain
from uitools import every_scene
from test_i18n_french import french  # noqa: F401 (the fixture: the French catalogue installed)

# an underscore with a letter (Latin or Greek) on both sides: "σ_P", "D_α", "L_Shannon", "p_i"
UNDERSCORE = re.compile(r"[^\W\d_]_[^\W\d_]")


def _texts(root):
    """(where, text) of every visible text under `root`."""
    out = []

    def add(w, kind, text):
        if text:
            out.append((f"{type(w).__name__} {w.objectName() or '?'} {kind}", plain(text) if "<" in text else text))

    for w in root.findChildren(QtWidgets.QWidget):
        if not w.isVisibleTo(root) or isinstance(w, (QtWidgets.QLineEdit, QtWidgets.QAbstractSpinBox)):
            continue  # a line edit holds the user's own text (file names, labels)
        add(w, "toolTip", w.toolTip())
        if isinstance(w, QtWidgets.QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QtWidgets.QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QtWidgets.QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QtWidgets.QComboBox):
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
        elif isinstance(w, QtWidgets.QTabBar):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
                add(w, f"tab {i} toolTip", w.tabToolTip(i))
        if hasattr(w, "getPlotItem"):  # a pyqtgraph chart: its title and axis labels
            pi = w.getPlotItem()
            add(w, "title", pi.titleLabel.text)
            for side in ("left", "bottom", "right", "top"):
                ax = pi.getAxis(side)
                if ax.isVisible():
                    add(w, f"axis {side}", ax.labelText)
    return out


def _bad(root):
    return [(where, text) for where, text in _texts(root) if UNDERSCORE.search(text)]


def _walk(window, qtbot):
    """Every underscore found, over all tabs, Losses panels and lesson steps."""
    found = []
    for scene in every_scene(window, qtbot):
        found += [(f"{scene}: {w}", t) for w, t in _bad(window)]
    first = {}
    for where, text in found:  # each text once, where it was first seen
        first.setdefault(text, where)
    return sorted((where, text) for text, where in first.items())


def test_the_pattern_catches_underscores():
    assert UNDERSCORE.search("½ log(2πe σ_P²)") and UNDERSCORE.search("D_α(P‖Q)")
    assert UNDERSCORE.search("L_Shannon(P; Q)") and UNDERSCORE.search("−Σ p_i log q_i")
    assert not UNDERSCORE.search("½ log(2πe σₚ²)") and not UNDERSCORE.search("−Σ pᵢ log qᵢ")


def test_no_underscore_subscripts_in_the_window(window, qtbot):
    found = _walk(window, qtbot)
    assert not found, "\n".join(f"{w}: {t!r}" for w, t in found)


def test_no_underscore_subscripts_in_french(french, window, qtbot):
    """(`french` first: the window is built with the French catalogue in.)"""
    assert window.tabs.tabText(0) == "&Discret"
    found = _walk(window, qtbot)
    assert not found, "\n".join(f"{x}: {t!r}" for x, t in found)


def test_rich_subscripts_are_drawn_as_rich_text(window, qtbot):
    """σ<sub>Q</sub> (no Unicode subscript Q) must reach Qt as rich text, or the tags show."""
    from PySide6.QtGui import Qt

    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.set_mixture(True, "p")  # the tooltips gain the mixture note (joined by <br>)
    qtbot.wait(50)
    tips = [w.toolTip() for w in page.findChildren(QtWidgets.QWidget) if "<sub>" in w.toolTip()]
    assert sum("quadrature" in t for t in tips) >= 12  # six readouts (name and value) with the note
    for tip in tips:
        assert Qt.mightBeRichText(tip) and "\n" not in tip, tip


def test_the_renyi_order_is_a_subscript(window, qtbot):
    from PySide6.QtGui import Qt

    from klviz.gui.widgets.divergences_group import subscript_order

    assert subscript_order("D_2(P‖Q)") == "D<sub>2</sub>(P‖Q)"
    assert subscript_order("D_1(Q‖P) = KL") == "D<sub>1</sub>(Q‖P) = KL"
    assert subscript_order("D_0.5(P‖Q)") == "D<sub>0.5</sub>(P‖Q)"
    assert subscript_order("a<b") == "a&lt;b"  # anything else stays text
    for name in ("name_renyi_pq", "name_renyi_qp"):
        label = window.page_discrete.findChild(QtWidgets.QLabel, name)
        assert "_" not in label.text() and "<sub>" in label.text(), label.text()
        assert label.textFormat() != QtCore.Qt.TextFormat.PlainText and Qt.mightBeRichText(label.text())


def test_no_underscore_in_the_divergence_family_and_the_alpha_fit(window, qtbot):
    """The parts shown on demand: the divergence family (both tabs) and the α-fit's note where
    D⁽ᵅ⁾ is finite only on one side of a σ."""
    from klviz.scene.divergences import alpha_position

    found = []
    for page in (window.page_discrete, window.page_continuous):
        window.tabs.setCurrentWidget(page)
        group = page.findChild(QtWidgets.QGroupBox, "group_divergences")
        group.setChecked(True)
        qtbot.wait(150)
        assert group.findChild(QtWidgets.QWidget, "divergences_body").isVisible()
        found += _bad(window)
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    slider = page.findChild(QtWidgets.QSlider, "slider_alpha_fit")
    note = page.findChild(QtWidgets.QLabel, "label_alpha_fit_note")
    for alpha in (3.0, -2.0):
        slider.setValue(alpha_position(alpha))
        qtbot.wait(100)
        assert "finite only for" in note.text(), note.text()  # (folded or not: the text it shows)
        found += [("label_alpha_fit_note", note.text())] if UNDERSCORE.search(note.text()) else []
        found += _bad(window)
    assert not found, "\n".join(f"{w}: {t!r}" for w, t in found)


def test_no_underscore_in_the_reasons_for_an_infinite_divergence(window, qtbot):
    """A wide P (σ = 3 against Q's 1) with More divergences shown: χ²(P‖Q) and the Rényi
    divergences of order 2 and ∞ are infinite, and the reasons under them say why (klviz.core's
    text, the command line's too: "2σ_Q² ≤ σ_P²" reached the user there)."""
    page = window.page_continuous
    window.tabs.setCurrentWidget(page)
    window.model.set_continuous_param("p", "sigma", 3.0)
    group = page.findChild(QtWidgets.QGroupBox, "group_divergences")
    group.setChecked(True)
    found = []
    for alpha in (2.0, math.inf):
        page.divergences.set_alpha(alpha)
        qtbot.wait(150)
        for key in ("chi2_pq", "renyi_pq"):
            reason = page.findChild(QtWidgets.QLabel, f"value_{key}_reason")
            assert reason.isVisibleTo(window) and "σ" in reason.text(), (key, reason.text())
        found += [(f"α = {alpha}: {w}", t) for w, t in _bad(window)]
    window.model.set_mixture(True, "p")  # a mixture's reasons name its widest component
    qtbot.wait(150)
    assert "widest σ" in page.findChild(QtWidgets.QLabel, "value_chi2_pq_reason").text()
    found += [(f"mixture: {w}", t) for w, t in _bad(window)]
    assert not found, "\n".join(f"{w}: {t!r}" for w, t in found)


CLI_CASES = [  # each prints a reason for an ∞, code lengths or a fit
    ("--p", "0.5,0.3,0.2", "--q", "0.6,0.4,0", "--code", "--alpha", "2"),
    ("--p", "0.1,0.2,0.7", "--q", "0.3,0.3,0.4", "--code", "--alpha", "inf"),
    ("--p", "softmax:1,2,3", "--q", "0,1,1", "--code", "--alpha", "0.5"),
    ("--p", "normal:0,3", "--q", "normal:0,1", "--alpha", "2"),
    ("--p", "normal:0,1", "--q", "normal:0,3", "--alpha", "3", "--fit", "reverse"),
    ("--p", "mixture:0.5,0,3,1,1", "--q", "normal:0,1", "--alpha", "inf", "--fit", "alpha:0.5"),
    ("--p", "normal:0,3", "--q", "normal:0,1", "--fit", "forward"),
    ("--joint", "1,2;3,4"),
]


@pytest.mark.parametrize("args", CLI_CASES, ids=lambda a: " ".join(a))
def test_no_underscore_subscripts_in_the_command_line_report(args):
    """`klviz compute`'s table is read by people: the --code report, the divergence family with
    its reasons for ∞ and the fit say qᵢ, "Shannon length L(P; Q)", "Q's σ", never q_i, L_Shannon
    or σ_Q (its JSON keys, shannon_length_pq_bits, are a contract and keep theirs)."""
    from cli_tools import run_table

    out = run_table("compute", *args)
    if "--code" in args:
        assert "Shannon length L(P; Q)" in out and "qᵢ" in out, out
    if args[:4] == ("--p", "normal:0,3", "--q", "normal:0,1") and "--alpha" in args:
        assert "infinite because Q's σ = 1 is too narrow for P's σ = 3" in out, out
    bad = [line for line in out.splitlines() if UNDERSCORE.search(line)]
    assert not bad, "\n".join(bad)
