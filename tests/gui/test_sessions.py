"""Sessions in the window: open/save contract, bad files change nothing, unsaved changes marked
and asked about, recent files, the last state restored."""

import json

import numpy as np
import pytest
from PySide6 import QtWidgets

from klviz import session as ss
from klviz.gui import settings


def snapshot(window):
    return json.dumps(window.model.session.to_dict(), sort_keys=True)


def test_open_and_save_round_trip(window, tmp_path):
    window.model.set_probability("p", 0, 0.5)
    window.model.set_unit("hartleys")
    path = str(tmp_path / "a.klviz")
    assert window.save_session(path)
    assert not window.isWindowModified() and "a.klviz" in window.windowTitle()
    saved = snapshot(window)
    window.model.reset_discrete()
    window.model.set_unit("nats")
    assert window.isWindowModified()
    assert window.open_session(path)
    assert snapshot(window) == saved
    assert window.findChild(QtWidgets.QComboBox, "combo_unit").currentText() == "hartleys"
    assert window.findChild(QtWidgets.QLabel, "value_entropy_p").text().endswith("hartleys")
    assert settings.recent_files()[0] == path


@pytest.mark.parametrize("content", ["", "{", "[1]", '{"format": "other"}', '{"version": 99}',
                                     '{"discrete": {"p": [-1, 2], "q": [1, 1]}}',
                                     '{"unit": "furlongs"}', "\x00\x01\x02garbage"])
def test_bad_file_changes_nothing_and_says_why(window, tmp_path, content):
    path = tmp_path / "bad.klviz"
    path.write_text(content)
    window.model.set_probability("q", 1, 0.7)
    before, title, count = snapshot(window), window.windowTitle(), window.model.undo_stack.count()
    assert window.open_session(str(path)) is False
    assert snapshot(window) == before
    assert window.windowTitle() == title and window.model.undo_stack.count() == count
    box = window.findChild(QtWidgets.QMessageBox, "message_error")
    assert box is not None and box.isVisible() and "bad.klviz" in box.text()
    box.close()


def test_unwritable_path_is_reported(window, tmp_path):
    before = snapshot(window)
    assert window.save_session(str(tmp_path / "missing" / "x.klviz")) is False
    assert snapshot(window) == before
    assert window.findChild(QtWidgets.QMessageBox, "message_error").isVisible()


def test_closing_with_unsaved_changes_asks(window, qtbot):
    window.model.swap()
    assert window.isWindowModified()
    window.close()
    assert window.isVisible()  # not closed: a question is open
    box = window.findChild(QtWidgets.QMessageBox, "message_unsaved")
    assert box is not None and box.isVisible()
    box.button(QtWidgets.QMessageBox.StandardButton.Cancel).click()
    assert window.isVisible()
    window.close()
    box = window.findChild(QtWidgets.QMessageBox, "message_unsaved")
    box.button(QtWidgets.QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_clean_window_closes_without_asking(window, qtbot):
    window.close()
    assert not window.isVisible()


def test_last_state_comes_back(qtbot, tmp_path):
    from klviz.gui import create_main_window

    w1 = create_main_window()
    qtbot.addWidget(w1)
    w1.model.set_categories(9)
    w1.model.set_unit("bits")
    settings.save_last_state(w1.model.session, None)
    w2 = create_main_window()
    qtbot.addWidget(w2)
    w2.restore_state(*settings.load_last_state())
    assert w2.model.discrete.n == 9 and w2.model.unit == "bits"
    assert np.allclose(w2.model.discrete.p, w1.model.discrete.p)


def test_command_line_file_opens(qtbot, tmp_path):
    from klviz.gui import create_main_window

    path = tmp_path / "c.klviz"
    s = ss.Session().with_(unit="bits")
    ss.save_session(s, str(path))
    w = create_main_window(str(path))
    qtbot.addWidget(w)
    assert w.model.unit == "bits" and w.current_path == str(path)
