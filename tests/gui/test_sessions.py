"""Sessions in the window: open/save contract, bad files change nothing, unsaved changes marked
and asked about, recent files, the last state restored."""

import json
import os

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import state as ss
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


# ---------------------------------------------------------------------------------------------
# Never lose work: New, Open and Open Recent ask like Quit does; Cancel changes nothing

SB = QtWidgets.QMessageBox.StandardButton


def state_of(window):
    """Everything Cancel must leave alone: the session, the undo history and position, the file."""
    stack = window.model.undo_stack
    return (snapshot(window), stack.count(), stack.index(), stack.isClean(), window.current_path,
            window.windowTitle(), window.isWindowModified(), [stack.text(i) for i in range(stack.count())])


def visible_error(window):
    """The error dialog on screen (closed ones may linger until the event loop deletes them)."""
    boxes = [b for b in window.findChildren(QtWidgets.QMessageBox, "message_error") if b.isVisible()]
    assert len(boxes) == 1, f"{len(boxes)} error dialogs are open"
    return boxes[0]


def unsaved_box(window):
    box = window.findChild(QtWidgets.QMessageBox, "message_unsaved")
    assert box is not None and box.isVisible(), "no Save / Discard / Cancel question is open"
    assert box.windowModality() == QtCore.Qt.WindowModality.WindowModal  # opened without blocking
    return box


def answer(window, button):
    unsaved_box(window).button(button).click()


def other_file(tmp_path):
    path = tmp_path / "other.klviz"
    ss.save_session(ss.Session().with_(unit="hartleys"), str(path))
    return str(path)


def edit(window):
    window.model.set_probability("p", 0, 0.61)
    window.model.swap()
    window.model.undo_stack.undo()  # a redo step too: Cancel must keep the position in the history
    assert window.isWindowModified()


COMMANDS = {
    "new": lambda window, path: window.findChild(QtGui.QAction, "action_new").trigger(),
    "open": lambda window, path: window.findChild(QtGui.QAction, "action_open").trigger(),
    "recent": lambda window, path: recent_action(window, path).trigger(),
}


def recent_action(window, path):
    settings.add_recent_file(path)
    window._fill_recent()
    menu = window.findChild(QtWidgets.QMenu, "menu_recent")
    return next(a for a in menu.actions() if a.statusTip() == path)


@pytest.fixture
def chooser(monkeypatch):
    """Answer the file dialogs (a real QFileDialog would block): the paths to return."""
    answers = {}
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (answers.get("open", ""), "")))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (answers.get("save", ""), "")))
    return answers


def outcome(command, window, path):
    """What the command does once allowed to: New -> the default session; Open -> the file."""
    if command == "new":
        return window.current_path is None and snapshot(window) == json.dumps(ss.Session().to_dict(),
                                                                               sort_keys=True)
    return window.current_path == path and window.model.unit == "hartleys"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_unsaved_changes_are_asked_about(window, tmp_path, chooser, command):
    """One window per command (building one is the slow part), every answer in turn."""
    path = other_file(tmp_path)
    chooser["open"] = path
    edit(window)
    before = state_of(window)

    # Cancel: everything as it was, the undo history still working
    COMMANDS[command](window, path)
    assert not outcome(command, window, path)  # nothing happens before the answer
    answer(window, SB.Cancel)
    assert state_of(window) == before

    # Save, and the save fails (the name is a folder): a dialog, and no further
    chooser["save"] = str(tmp_path)
    COMMANDS[command](window, path)
    answer(window, SB.Save)
    error = visible_error(window)
    assert "directory" in error.text()
    error.close()
    assert state_of(window) == before
    window.model.undo_stack.redo()
    window.model.undo_stack.undo()
    assert state_of(window) == before

    # Discard: goes ahead, nothing written
    chooser["save"] = str(tmp_path / "must-not-exist.klviz")
    COMMANDS[command](window, path)
    answer(window, SB.Discard)
    assert outcome(command, window, path)
    assert not window.isWindowModified() and window.model.undo_stack.count() == 0
    assert not (tmp_path / "must-not-exist.klviz").exists()

    # Save: the edits are written to the chosen file, then it goes ahead
    window.findChild(QtGui.QAction, "action_new").trigger()  # clean: no question
    window.current_path = None
    edit(window)
    edited = snapshot(window)
    mine = tmp_path / "mine.klviz"
    chooser["save"] = str(mine)
    COMMANDS[command](window, path)
    answer(window, SB.Save)
    assert json.dumps(ss.load_session(str(mine)).to_dict(), sort_keys=True) == edited
    assert outcome(command, window, path)

    # Nothing unsaved: no question at all
    window.model.set_unit("bits")
    window.save_session(str(tmp_path / "clean.klviz"))
    COMMANDS[command](window, path)
    assert not window.findChild(QtWidgets.QMessageBox, "message_unsaved").isVisible()
    assert outcome(command, window, path)


def test_escape_is_cancel(window, tmp_path, qtbot):
    edit(window)
    before = state_of(window)
    window.findChild(QtGui.QAction, "action_new").trigger()
    box = unsaved_box(window)
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert state_of(window) == before


def test_one_question_at_a_time(window, tmp_path, chooser):
    chooser["open"] = other_file(tmp_path)
    edit(window)
    before = state_of(window)
    window.findChild(QtGui.QAction, "action_new").trigger()
    window.findChild(QtGui.QAction, "action_open").trigger()  # while the first question is open
    window.close()
    assert len([b for b in window.findChildren(QtWidgets.QMessageBox) if b.isVisible()]) == 1
    answer(window, SB.Cancel)
    assert state_of(window) == before and window.isVisible()


def test_a_recent_file_that_went_bad_changes_nothing(window, tmp_path):
    path = tmp_path / "gone.klviz"
    ss.save_session(ss.Session(), str(path))
    action = recent_action(window, str(path))
    path.write_text("{}")
    edit(window)
    before = state_of(window)
    action.trigger()
    answer(window, SB.Discard)
    error = visible_error(window)
    assert "not a klviz session" in error.text()
    assert state_of(window) == before


def test_recent_names_are_menu_text_not_mnemonics(window, tmp_path):
    path = tmp_path / "R&D <b>notes<b>.klviz"
    ss.save_session(ss.Session(), str(path))
    action = recent_action(window, str(path))
    assert action.text() == "&1 R&&D <b>notes<b>.klviz"


# ---------------------------------------------------------------------------------------------
# Saving: every failure is a dialog, never an exception; the file keeps what it had

def assert_save_fails_with_dialog(window, path, words):
    before = state_of(window)
    assert window.save_session(path) is False
    box = visible_error(window)
    assert box.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert words.lower() in box.text().lower(), box.text()
    assert "\n" not in box.text() and "\x00" not in box.text()
    box.close()
    assert state_of(window) == before


def test_save_failures_are_dialogs(window, tmp_path, monkeypatch):
    window.model.swap()
    assert_save_fails_with_dialog(window, str(tmp_path / "a\x00b.klviz"), "NUL")
    assert_save_fails_with_dialog(window, str(tmp_path), "directory")
    assert_save_fails_with_dialog(window, "", "empty")
    assert_save_fails_with_dialog(window, str(tmp_path / "no" / "such" / "x.klviz"), "no such file")
    assert_save_fails_with_dialog(window, "/dev/full", "device")
    fifo = tmp_path / "fifo.klviz"
    os.mkfifo(fifo)
    assert_save_fails_with_dialog(window, str(fifo), "fifo")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.klviz"]


def test_a_full_disk_is_a_dialog_and_the_old_file_stays(window, tmp_path, monkeypatch):
    import errno

    path = tmp_path / "s.klviz"
    assert window.save_session(str(path))
    old = path.read_bytes()
    window.model.swap()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert_save_fails_with_dialog(window, str(path), "no space left")
    assert path.read_bytes() == old and [p.name for p in tmp_path.iterdir()] == ["s.klviz"]


def test_a_read_only_folder_is_a_dialog(window, tmp_path, monkeypatch):
    import errno

    real_open = os.open

    def denied(path, *args, **kwargs):  # what a read-only folder does (tests may run as root)
        if os.path.basename(os.fspath(path)).startswith(".klviz-"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    window.model.swap()
    assert_save_fails_with_dialog(window, str(tmp_path / "x.klviz"), "permission denied")
    assert list(tmp_path.iterdir()) == []


def test_hostile_file_names_show_as_plain_text(window, tmp_path):
    path = tmp_path / "<b>bold<b><img src=x>.klviz"
    path.write_text("{}")
    assert window.open_session(str(path)) is False
    box = visible_error(window)
    assert box.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert "<b>bold<b><img src=x>.klviz" in box.text()


def test_saving_keeps_mode_and_symlink(window, tmp_path):
    target = tmp_path / "real.klviz"
    ss.save_session(ss.Session(), str(target))
    target.chmod(0o640)
    link = tmp_path / "link.klviz"
    link.symlink_to(target.name)
    window.model.set_unit("bits")
    assert window.save_session(str(link))
    assert link.is_symlink() and os.readlink(link) == target.name
    assert (target.stat().st_mode & 0o777) == 0o640
    assert ss.load_session(str(target)).unit == "bits"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.klviz", "real.klviz"]


def test_loss_lab_view_and_lesson_step_survive_save_and_reopen(window, tmp_path):
    """Format version 2 in the window: the loss lab's three panels, the overlay and the lesson
    step are saved, and reopening brings them back into the model and the widgets."""
    from klviz.state import losslab as lab

    page = window.page_losses
    window.tabs.setCurrentWidget(page)
    window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_y").setValue(0.3)
    window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_z").setValue(-1.5)
    window.findChild(QtWidgets.QSpinBox, "spin_loss_classes").setValue(3)
    window.findChild(QtWidgets.QCheckBox, "check_loss_sigma_free").click()
    window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_sigma").setValue(2.0)
    window.model.update_losses("normal", lab.add_point, 0.5, -1.0)
    window.findChild(QtWidgets.QCheckBox, "check_overlay").setChecked(True)
    window.lesson.show_step(3, set_scene=False)
    saved, saved_text = window.model.session, snapshot(window)
    assert saved.losses.bernoulli.y == 0.3 and saved.losses.bernoulli.z == -1.5
    assert saved.losses.categorical.n == 3 and saved.losses.normal.sigma_used == 2.0
    assert saved.view.overlay and saved.losses != lab.LossLab()
    path = str(tmp_path / "lab.klviz")
    assert window.save_session(path)
    data = json.loads((tmp_path / "lab.klviz").read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["losses"]["bernoulli"] == {"y": 0.3, "z": -1.5}
    assert data["view"]["overlay"] is True and data["lesson"]["step"] == saved.lesson_step

    window.new_session()
    assert window.model.losses == lab.LossLab() and not window.model.view.overlay
    assert window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_y").value() != 0.3
    assert window.open_session(path)
    assert window.model.session.same_as(saved) and snapshot(window) == saved_text
    assert window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_y").value() == 0.3
    assert window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_z").value() == -1.5
    assert window.findChild(QtWidgets.QSpinBox, "spin_loss_classes").value() == 3
    assert window.findChild(QtWidgets.QCheckBox, "check_loss_sigma_free").isChecked()
    assert window.findChild(QtWidgets.QDoubleSpinBox, "spin_loss_sigma").value() == 2.0
    assert window.findChild(QtWidgets.QCheckBox, "check_overlay").isChecked()
    assert window.findChild(QtWidgets.QComboBox, "combo_lesson_step").currentIndex() == 3
