"""What a user reads in the window, for the translation tests: every visible text of the main
window's widgets, actions, menus, plots and dialogs, and a check that finds English in it.

The English check needs no list of exempt widgets: a text is English when one of its words (HTML
tags and entities removed) is a common English word that is not also a French one (`ENGLISH`).
Symbols (H(P), D(P‖Q), μ, σ), units (nats, bits) and names (klviz, PyTorch) are no such words.
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

# Common English words that are not French words (nor symbols): any of them in a text means the
# text is still English. Words French shares ("on", "or", "plus", "mode", "divergence", "session",
# "code", "export", "joint", "horizontal", "top", "changes"...) and technical terms kept in French
# ("logit", "softmax", "one-hot", "data" of p̂_data) are left out.
ENGLISH = frozenset("""
the of and with is are was were be been to from this that these those your you we our they their
it its into than then there here will would can could should must has have had not no yes which
what where when why how every each all any some more most less least only also just such other
another same both either between about above below under over after before again while because if
off out up down one two three first last next back new open save quit undo redo copy paste
edit view help files show hide set reset clear drag click press move choose draw send fit fits
fitted sweep exporting exported cancel cancelled done failed nothing shown hidden values value
number numbers actual size light dark follow system theme unit units digits significant scale
preferences default language automatic keyboard shortcuts lesson panel try step steps scene shape
named random peaked uniform entropy cross-entropy loss losses squared error mean width height
shifted wider narrower forward reverse weight std dev deviation mixture component components
measures measure category categories labels bars bar chart charts curve curves plot density
densities samples sample drawn running average length word words marginals conditional mutual
rows columns row column cell cells resolution frames frame per vector picture slides papers
printing spreadsheet untitled saved opened unsaved recent list none browse read bins pseudocount
target targets probability probabilities shaded area heights gap prediction predicted floor reached
slope binary categorical noise true truth class swap mismatch apart free link half minus larger
smaller largest smallest higher lower left right bottom hover formula formulas reveal predict
against scroll selected select tab tabs animated video overlay
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")  # letters of any script: "Unité" is one word
_TAG = re.compile(r"<[^>]*>")


def plain(text):
    """The words a user reads: tags and entities removed, the & of a mnemonic dropped."""
    return html.unescape(_TAG.sub(" ", text)).replace("&", "")


_CODE = re.compile(r"\S*[@_\[\]]\S*|\w+\.\w+")  # code: samples@FILE, p̂_data, klviz[video], numpy.polyfit


def english_words(text):
    """The words of `text` that are English and not French (lower-cased); names written as code
    (samples@FILE, p̂_data, numpy.polyfit) are names, not words."""
    words = _WORD.findall(_CODE.sub(" ", plain(text)))
    return sorted({w.lower() for w in words if w.lower() in ENGLISH})


def _widget_texts(w):
    if isinstance(w, QtWidgets.QLabel):
        yield "text", w.text()
    if isinstance(w, QtWidgets.QAbstractButton):
        yield "text", w.text()
    if isinstance(w, QtWidgets.QGroupBox):
        yield "title", w.title()
    if isinstance(w, QtWidgets.QTabWidget):
        for k in range(w.count()):
            yield f"tab {k}", w.tabText(k)
            yield f"tab tip {k}", w.tabToolTip(k)
    if isinstance(w, QtWidgets.QComboBox):
        for k in range(w.count()):
            yield f"item {k}", w.itemText(k)
            yield f"item tip {k}", w.itemData(k, 3) if isinstance(w.itemData(k, 3), str) else ""
    if isinstance(w, QtWidgets.QMenu):
        yield "title", w.title()
    if isinstance(w, QtWidgets.QLineEdit):
        yield "placeholder", w.placeholderText()
    if isinstance(w, QtWidgets.QAbstractSpinBox):
        yield "special", w.specialValueText()
        if isinstance(w, (QtWidgets.QSpinBox, QtWidgets.QDoubleSpinBox)):
            yield "suffix", w.suffix()
    if isinstance(w, QtWidgets.QTableWidget):
        for k in range(w.columnCount()):
            item = w.horizontalHeaderItem(k)
            yield f"header {k}", item.text() if item else ""
    if isinstance(w, (QtWidgets.QTextBrowser, QtWidgets.QTextEdit)):
        yield "document", w.toPlainText()
    if isinstance(w, QtWidgets.QDockWidget) or w.isWindow():
        yield "window title", w.windowTitle()
    yield "tooltip", w.toolTip()
    yield "status tip", w.statusTip()
    yield "accessible name", w.accessibleName()


def _plot_texts(view):
    for item in view.scene().items():
        if isinstance(item, pg.LabelItem):
            yield "plot label", item.text
        elif isinstance(item, pg.AxisItem):
            yield "axis label", item.labelText
        elif isinstance(item, pg.TextItem):
            yield "plot text", item.toPlainText()


def visible_texts(root):
    """(where, text) for every non-empty text of `root`, its child widgets, actions and plots."""
    out = []
    widgets = [root, *root.findChildren(QtWidgets.QWidget)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName()!r}"
        for kind, text in _widget_texts(w):
            if text:
                out.append((f"{where} {kind}", text))
        if isinstance(w, pg.GraphicsView):
            for kind, text in _plot_texts(w):
                if text:
                    out.append((f"{where} {kind}", text))
    for a in root.findChildren(QtGui.QAction):
        for kind, text in (("action", a.text()), ("action tip", a.toolTip()), ("action status", a.statusTip())):
            if text and not (kind == "action tip" and text == a.text().replace("&", "")):
                out.append((f"QAction {a.objectName()!r} {kind}", text))
    return out


def visit_everything(window, qtbot):
    """Show every part of the window a user can reach: each tab and Losses panel, the lesson dock,
    the menus, and the dialogs (Preferences, Export, Export animation, Import data, Keyboard
    shortcuts), in two states (as built, then support mismatch + quiz); returns the texts seen."""
    from klviz.gui.export import ExportOptions, export_kinds
    from klviz.gui.preferences import show_preferences
    from klviz.gui.shortcuts import ShortcutsDialog

    seen = []
    window.show()
    window.page_losses.ensure_built()
    window.action_lesson.setChecked(True)
    dialogs = [show_preferences(window), ShortcutsDialog(window),
               ExportOptions(export_kinds("discrete"), window, "png"),
               window.exporter.export_animation_dialog("continuous"), window.data.import_dialog()]
    for d in dialogs:
        d.show()
    for state in range(2):
        if state == 1:
            window.model.apply_support_mismatch()
            window.classroom.action_quiz.trigger()
        for k in range(window.tabs.count()):
            window.tabs.setCurrentIndex(k)
            if window.tabs.widget(k) is window.page_losses:
                for j in range(window.page_losses.panels.count()):
                    window.page_losses.panels.setCurrentIndex(j)
                    qtbot.wait(1)
                    seen += visible_texts(window)
            qtbot.wait(1)
            seen += visible_texts(window)
        for menu in window.menuBar().findChildren(QtWidgets.QMenu):
            menu.aboutToShow.emit()
        seen += visible_texts(window)
        for d in dialogs:
            seen += visible_texts(d)
    for d in dialogs:
        d.close()
    return seen
