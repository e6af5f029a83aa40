"""Issue 12 (Keyboard): every Alt+letter the window shows is used once wherever it is shown — on
each tab, each Losses panel and each lesson step, in English and in French. Two visible widgets
with one mnemonic make Qt's Alt+letter "ambiguous": it only moves the focus between them and
clicks neither. Inside each menu, every item's letter is used once, too."""
from PySide6 import QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiQt

from uitools import every_scene
from test_i18n_french import french  # noqa: F401 (the fixture: the French catalogue installed)


def _letter(text):
    """The mnemonic letter of `text` ('' if none); '&&' is a literal ampersand."""
    if not text or "<" in text:  # rich text ('&nbsp;', '&lt;') carries entities, not mnemonics
        return ""
    t = text.replace("&&", "")
    i = t.find("&")
    return t[i + 1].lower() if 0 <= i < len(t) - 1 else ""


def _shown(window):
    """(letter, where) of every mnemonic the window shows now, menu bar and tab bars included."""
    out = []
    for a in window.menuBar().actions():
        out.append((_letter(a.text()), f"menu {a.text()!r}"))
    for w in window.findChildren(QtWidgets.QWidget):
        if not w.isVisibleTo(window) or isinstance(w, QtWidgets.QMenu):
            continue
        if isinstance(w, QtWidgets.QTabBar):
            texts = [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QtWidgets.QLabel):
            fmt = w.textFormat()
            if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiQt.mightBeRichText(w.text())):
                continue  # '&gt;' in rich text is an entity
            texts = [w.text()]
        elif isinstance(w, QtWidgets.QAbstractButton):
            texts = [w.text()]
        elif isinstance(w, QtWidgets.QGroupBox) and w.isCheckable():
            texts = [w.title()]
        else:
            continue
        out += [(_letter(t), f"{type(w).__name__} {w.objectName() or '?'} {t!r}") for t in texts]
    return [(k, where) for k, where in out if k]


def _clashes(window, where):
    seen = {}
    for k, w in _shown(window):
        seen.setdefault(k, []).append(w)
    return [f"{where}: Alt+{k.upper()}: " + " / ".join(ws) for k, ws in sorted(seen.items()) if len(ws) > 1]


def _walk(window, qtbot):
    found = []
    for scene in every_scene(window, qtbot):
        found += _clashes(window, scene)
    for menu_action in window.menuBar().actions():  # inside each menu, and each submenu
        menus = [menu_action.menu()]
        while menus:
            menu = menus.pop()
            letters = {}
            for a in menu.actions():
                if a.menu() is not None:
                    menus.append(a.menu())
                if _letter(a.text()):
                    letters.setdefault(_letter(a.text()), []).append(a.text())
            found += [f"menu {menu.title()!r}: Alt+{k.upper()}: {v}" for k, v in letters.items() if len(v) > 1]
    return sorted(set(found))


def test_the_letter_is_found():
    assert _letter("&Discret") == "d" and _letter("Co&dage") == "d" and _letter("Tom && Jerry") == ""
    assert _letter("a&nbsp;<b>b</b>") == "" and _letter("Save &&") == ""


def test_no_mnemonic_is_used_twice(window, qtbot):
    found = _walk(window, qtbot)
    assert not found, "\n".join(found)


def test_no_mnemonic_is_used_twice_in_french(french, window, qtbot):
    """(`french` first: the window is built with the French catalogue in.)"""
    assert window.tabs.tabText(0) == "&Discret"
    found = _walk(window, qtbot)
    assert not found, "\n".join(found)
