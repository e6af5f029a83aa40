"""File › Open… and Save as… start in the folder a session was last opened from or saved to,
in a later window (launch) too (issue 12: file dialogs remember the last folder)."""

import os

from PySide6 import QtWidgets

from klviz.gui import create_main_window


def window(qtbot):
    w = create_main_window()
    qtbot.addWidget(w)
    return w


def test_open_and_save_as_start_where_the_last_session_was(qtbot, monkeypatch, tmp_path):
    lecture, other = tmp_path / "lecture 3", tmp_path / "other"
    lecture.mkdir()
    other.mkdir()
    starts = []

    def save_to(target):
        def choose(parent, title, start, file_filter):
            starts.append(start)
            return str(target), ""
        return choose

    first = window(qtbot)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", save_to(lecture / "kl.klviz"))
    assert first.save_as()
    assert os.path.isfile(lecture / "kl.klviz")

    later = window(qtbot)  # a new window: the next launch
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", save_to(lecture / "kl.klviz"))
    later.open_dialog()
    qtbot.waitUntil(lambda: later.current_path == str(lecture / "kl.klviz"), timeout=3000)
    assert starts[-1] == str(lecture)

    # Save as… proposes the session's own name, in its folder; a save elsewhere moves the folder
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", save_to(other / "copy.klviz"))
    assert later.save_as()
    assert starts[-1] == str(lecture / "kl.klviz")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", save_to(other / "copy.klviz"))
    later.open_dialog()
    qtbot.waitUntil(lambda: later.current_path == str(other / "copy.klviz"), timeout=3000)
    assert starts[-1] == str(other)


def test_a_folder_that_is_gone_is_not_proposed(qtbot, monkeypatch, tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    starts = []

    def choose(parent, title, start, file_filter):
        starts.append(start)
        return str(gone / "s.klviz"), ""

    w = window(qtbot)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", choose)
    assert w.save_as()
    os.remove(gone / "s.klviz")
    os.rmdir(gone)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a: (starts.append(a[2]), ("", ""))[1])
    w.open_dialog()
    qtbot.wait(50)
    assert starts[-1] == ""
