"""File › Export (format first, then its options), exports in a worker, and File › Export
animation… (progress, Cancel, the window responsive). No real file dialogs: getSaveFileName is
monkeypatched; settings go to a throwaway QSettings folder per test."""

import json
import os
import time

import pytest
from PIL import Image
from PySide6 import QtCore, QtGui, QtWidgets

from klviz import animation as an
from klviz.gui import export as ex
from klviz.gui.export_animation import ExportAnimationDialog


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings (the last folder, the last format) in this test's own folder."""
    fmt, scope = QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope
    QtCore.QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield
    QtCore.QSettings.setPath(fmt, scope, os.environ["XDG_CONFIG_HOME"])


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers `answers` in turn, records each call."""

    def __init__(self, monkeypatch, *answers):
        self.answers, self.calls = list(answers), []
        monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", self)

    def __call__(self, parent, title, start, file_filter, *rest):
        self.calls.append({"start": start, "filter": file_filter})
        return (str(self.answers.pop(0)), file_filter) if self.answers else ("", "")


def choose(monkeypatch, fmt, dpi=None, size=None):
    """Make the export dialog answer: format `fmt`, and the given options, then OK."""
    def exec_(dialog):
        i = dialog.combo_format.findData(fmt)
        assert i >= 0, f"{fmt} is not offered"
        dialog.combo_format.setCurrentIndex(i)
        if dpi is not None:
            dialog.spin_dpi.setValue(dpi)
        if size is not None:
            dialog.check_size.setChecked(True)
            dialog.spin_w.setValue(size[0])
            dialog.spin_h.setValue(size[1])
        return QtWidgets.QDialog.DialogCode.Accepted
    monkeypatch.setattr(ex.ExportOptions, "exec", exec_)


def finish(qtbot, job, timeout=60000):
    qtbot.waitUntil(lambda: not job.is_running(), timeout=timeout)
    return job.outcome


def test_options_follow_the_format(qtbot):
    dialog = ex.ExportOptions(ex.export_kinds("discrete"))
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.findChild(QtWidgets.QComboBox, "combo_export_format")
    dpi = dialog.findChild(QtWidgets.QSpinBox, "spin_export_dpi")
    size = dialog.findChild(QtWidgets.QCheckBox, "check_export_size")
    shown = {}
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        shown[combo.currentData()] = (dpi.isVisible(), size.isVisible())
        assert dialog.format() == combo.currentData()
    assert shown == {"png": (True, True), "svg": (False, True), "pdf": (False, True),
                     "json": (False, False), "csv": (False, False)}
    combo.setCurrentIndex(combo.findData("json"))
    assert dialog.size() is None  # no hidden option leaks into a format that has none
    assert ex.export_kinds("continuous") == ["png", "svg", "pdf", "json"]  # CSV is of categories


def test_dialog_exports_the_chosen_format_in_a_worker(window, qtbot, monkeypatch, tmp_path):
    choose(monkeypatch, "png", dpi=50, size=(8, 6))
    dialog = SaveDialog(monkeypatch, tmp_path / "fig")  # no extension: the format's is added
    job = window.exporter.export_dialog("discrete")
    assert dialog.calls[0]["filter"] == ex.FILTERS["png"]  # only the chosen format
    assert dialog.calls[0]["start"].endswith("klviz-discrete.png")
    assert finish(qtbot, job) == "succeeded"
    image = QtGui.QImage(str(tmp_path / "fig.png"))
    assert (image.width(), image.height()) == (400, 300)  # 8 x 6 in at 50 dpi
    assert "Exported" in window.statusBar().currentMessage()


def test_last_folder_and_format_are_remembered(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "slides"
    folder.mkdir()
    choose(monkeypatch, "svg")
    dialog = SaveDialog(monkeypatch, folder / "a.svg", "")
    assert finish(qtbot, window.exporter.export_dialog("continuous")) == "succeeded"
    assert (folder / "a.svg").read_text().lstrip().startswith("<?xml")
    monkeypatch.setattr(ex.ExportOptions, "exec", lambda d: QtWidgets.QDialog.DialogCode.Accepted)
    assert window.exporter.export_dialog("continuous") is None  # the file dialog was cancelled
    assert dialog.calls[1]["start"] == str(folder / "klviz-continuous.svg")  # SVG again, in slides/
    assert QtCore.QSettings(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                            "klviz", "klviz").value("export/last_dir") == str(folder)


def test_another_formats_extension_is_refused(window, monkeypatch, tmp_path):
    choose(monkeypatch, "png")
    SaveDialog(monkeypatch, tmp_path / "x.svg")
    assert window.exporter.export_dialog("discrete") is None
    box = window.findChild(QtWidgets.QMessageBox, "message_error")
    assert box is not None and ".svg" in box.text() and "PNG" in box.text()
    assert not (tmp_path / "x.svg").exists() and not (tmp_path / "x.svg.png").exists()


def test_a_failed_export_tells_the_error_dialog(window, qtbot, tmp_path):
    before = json.dumps(window.model.session.to_dict())
    job = window.exporter.export_async(str(tmp_path / "missing" / "x.png"), "discrete")
    assert finish(qtbot, job) == "failed"
    box = window.findChild(QtWidgets.QMessageBox, "message_error")
    assert box is not None and "x.png" in box.text()
    assert json.dumps(window.model.session.to_dict()) == before
    assert not window.exporter.busy()


def test_the_export_draws_the_session_as_it_was_when_asked(window, qtbot, tmp_path):
    n = window.model.session.discrete.n
    job = window.exporter.export_async(str(tmp_path / "m.json"), "discrete")
    window.findChild(QtWidgets.QSpinBox, "spin_categories").setValue(n + 3)  # an edit while it runs
    assert window.model.session.discrete.n == n + 3
    assert finish(qtbot, job) == "succeeded"
    text = (tmp_path / "m.json").read_text()
    labels = window.model.session.discrete.labels
    assert all(json.dumps(s) in text for s in labels[:n])
    assert json.dumps(labels[n + 2]) not in text  # the new categories are not in it


def test_copy_figure_action_fills_the_clipboard_from_a_worker(window, qtbot):
    QtWidgets.QApplication.clipboard().clear()
    window.findChild(QtGui.QAction, "action_copy_figure").trigger()
    qtbot.waitUntil(lambda: not window.exporter.busy(), timeout=60000)
    clip = QtWidgets.QApplication.clipboard().image()
    assert not clip.isNull() and clip.width() > 500


class Heartbeat:
    """The longest gap between 5 ms timer ticks: how long the GUI thread was unavailable."""

    def __init__(self):
        self.times = [time.perf_counter()]
        self.timer = QtCore.QTimer()
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start(5)

    def longest_ms(self):
        self.timer.stop()
        stamps = self.times + [time.perf_counter()]
        return 1000 * max(b - a for a, b in zip(stamps, stamps[1:]))

    def span_ms(self):
        """From the start to the last stamp (after longest_ms)."""
        return 1000 * (self.times[-1] - self.times[0])


def animation_dialog(window, qtbot, tab):
    window.tabs.setCurrentIndex(tab)
    action = window.findChild(QtGui.QAction, "action_export_animation")
    assert action is window.exporter.action_export_animation and action.isEnabled()
    action.trigger()
    dialog = window.findChild(QtWidgets.QDialog, "dialog_export_animation")
    assert isinstance(dialog, ExportAnimationDialog) and dialog.isVisible()
    return dialog


def test_animation_action_only_for_the_figure_views(window):
    action = window.exporter.action_export_animation
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        name = window.tabs.currentWidget().objectName()
        assert action.isEnabled() == (name in ("page_discrete", "page_continuous")), name


def test_animation_dialog_offers_the_cli_choices(window, qtbot):
    dialog = animation_dialog(window, qtbot, 1)  # Continuous
    kinds = [dialog.combo_kind.itemData(i) for i in range(dialog.combo_kind.count())]
    assert kinds == ["fit-forward", "fit-reverse", "fit-alpha", "sweep"]
    dialog.combo_kind.setCurrentIndex(2)
    assert dialog.spin_alpha.isVisible() and not dialog.spin_from.isVisible()
    dialog.spin_alpha.setValue(0.25)
    assert dialog.spec() == an.parse_animation("fit-alpha:0.25")
    dialog.combo_kind.setCurrentIndex(3)
    assert dialog.combo_param.isVisible() and dialog.spin_from.isVisible() and not dialog.spin_alpha.isVisible()
    dialog.combo_param.setCurrentIndex(dialog.combo_param.findData("sigma_q"))
    dialog.spin_from.setValue(0.5)
    dialog.spin_to.setValue(2.0)
    assert dialog.spec() == an.parse_animation("sweep:sigma_q:0.5:2")
    dialog.spin_to.setValue(0.5)  # FROM == TO: refused, as by the command line
    assert not dialog.button_export.isEnabled() and "nothing would move" in dialog.message.text()
    dialog.spin_to.setValue(2.0)
    formats = [dialog.combo_format.itemData(i) for i in range(dialog.combo_format.count())]
    assert formats == ["gif", "webp", "apng", "mp4"]
    dialog.combo_format.setCurrentIndex(0)
    dialog.spin_fps.setValue(55)  # more than a GIF plays
    assert not dialog.button_export.isEnabled() and "GIF" in dialog.message.text()
    dialog.combo_format.setCurrentIndex(1)  # WebP plays 55
    assert dialog.button_export.isEnabled()


def test_mp4_needs_the_video_extra(window, qtbot, monkeypatch):
    monkeypatch.setattr(an, "video_unavailable", lambda: "writing .mp4 needs the optional video extra "
                        "(imageio-ffmpeg): pip install 'klviz[video]'")
    dialog = animation_dialog(window, qtbot, 1)
    item = dialog.combo_format.model().item(dialog.combo_format.findData("mp4"))
    assert not item.isEnabled() and "video" in item.toolTip() and "imageio-ffmpeg" in item.toolTip()
    monkeypatch.setattr(an, "video_unavailable", lambda: None)
    dialog = ExportAnimationDialog(window.exporter, "continuous", window)
    qtbot.addWidget(dialog)
    assert dialog.combo_format.model().item(dialog.combo_format.findData("mp4")).isEnabled()


def test_discrete_animation_sweeps_a_bar_and_writes_every_frame(window, qtbot, monkeypatch, tmp_path):
    dialog = animation_dialog(window, qtbot, 0)  # Discrete: only sweeps
    assert not dialog.combo_kind.model().item(0).isEnabled()  # fits are of the continuous view
    assert dialog.combo_kind.currentData() == "sweep"
    dialog.combo_param.setCurrentIndex(dialog.combo_param.findData("p"))
    dialog.combo_category.setCurrentIndex(1)
    dialog.spin_from.setValue(0.1)
    dialog.spin_to.setValue(0.9)
    dialog.spin_frames.setValue(5)
    dialog.spin_fps.setValue(10)
    dialog.spin_dpi.setValue(40)
    label = window.model.session.discrete.labels[1]
    assert dialog.spec() == an.parse_animation(f"sweep:p:{an.category_key([*window.model.session.discrete.labels], 1)}"
                                               ":0.1:0.9")
    assert dialog.spec().category in (label, "2")
    SaveDialog(monkeypatch, tmp_path / "sweep.gif")
    job = dialog.start()
    steps = []
    job.progress.connect(lambda done, total: steps.append((done, total)))
    assert finish(qtbot, job) == "succeeded"
    assert steps and steps[-1] == (11, 11)  # 2 x frames + 1
    with Image.open(tmp_path / "sweep.gif") as gif:
        assert gif.n_frames == 5 and gif.info["duration"] == 100


def test_cancel_stops_promptly_and_leaves_no_file(window, qtbot, monkeypatch, tmp_path):
    dialog = animation_dialog(window, qtbot, 1)
    dialog.spin_frames.setValue(400)
    dialog.spin_dpi.setValue(40)
    SaveDialog(monkeypatch, tmp_path / "fit.webp")
    dialog.combo_format.setCurrentIndex(dialog.combo_format.findData("webp"))
    qtbot.wait(300)  # the tab's first paint is done: what follows measures the export alone
    heart = Heartbeat()
    job = dialog.start()
    assert job is not None and not dialog.button_export.isEnabled()
    progress = dialog.findChild(QtWidgets.QProgressBar, "progress_export_animation")
    qtbot.waitUntil(lambda: progress.value() >= 3, timeout=60000)  # frames are being laid out
    assert progress.maximum() == 801
    dialog.button_cancel.click()
    asked = time.perf_counter()
    assert finish(qtbot, job) == "cancelled"
    assert time.perf_counter() - asked < 2.0
    # the window answered all along: on the GUI thread the export would be one gap as long as
    # the whole export; a loaded machine may hold a turn back 150 ms, never half the export
    longest = heart.longest_ms()
    assert len(heart.times) >= 10 and longest < 0.5 * heart.span_ms(), (longest, heart.span_ms(), len(heart.times))
    assert dialog.isVisible() and "nothing was written" in dialog.message.text()
    assert [f for f in os.listdir(tmp_path) if f != "settings"] == []  # no file, no temporary
    assert dialog.button_export.isEnabled()  # ready to try again
    assert "not written" in window.statusBar().currentMessage()


def test_quitting_cancels_a_running_animation(window, qtbot, tmp_path):
    app = QtWidgets.QApplication.instance()
    assert app.receivers(QtCore.SIGNAL("aboutToQuit()")) >= 1
    job = window.exporter.export_animation_async(str(tmp_path / "a.gif"), "sweep:mu_q:-2:2", "continuous",
                                                 frames=300, dpi=30)
    window.exporter.cancel_all()  # what aboutToQuit calls
    assert finish(qtbot, job) == "cancelled"
    assert os.listdir(tmp_path) == [] or os.listdir(tmp_path) == ["settings"]
