"""The undo steps' names are visible text (Edit › Undo …, its tooltip): no underscores for
subscripts there either (issue 12: "never underscores")."""

from PySide6 import QtGui


def test_undo_texts_of_the_view_toggles_have_no_underscores(window):
    m = window.model
    undo = window.findChild(QtGui.QAction, "action_undo")
    seen = []
    for on in (True, False, True, False):
        m.set_unit_variance(on)
        seen.append((m.undo_stack.undoText(), undo.text(), undo.toolTip()))
    for on in (True, False):
        m.set_mixture(on, "p")
        seen.append((m.undo_stack.undoText(), undo.text(), undo.toolTip()))
    assert all(t for texts in seen for t in texts[:1])
    assert not [texts for texts in seen if any("_" in t for t in texts)], seen
