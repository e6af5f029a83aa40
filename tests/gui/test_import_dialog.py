"""File › Import data…: setting the path reads it (as `klviz compute` does), the preview shows what
was read, a bad file is refused with its file, line and column, OK follows the read, and text
from a file is shown as the characters it is (never markup, never an image it names)."""

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from hostile_scene import PROBE_H, PROBE_W
from standalone import shown
from klviz.gui.dialogs.import_data import ImportDataDialog


@pytest.fixture
def dialog(qtbot):
    return shown(qtbot, ImportDataDialog())


def child(d, cls, name):
    w = d.findChild(cls, name)
    assert w is not None, name
    return w


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def choose(combo, key):
    index = combo.findData(key)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_object_names_and_initial_state(dialog):
    assert dialog.objectName() == "dialog_import_data"
    for cls, name in [(QtWidgets.QComboBox, "import_target"), (QtWidgets.QComboBox, "import_kind"),
                      (QtWidgets.QLineEdit, "import_path"), (QtWidgets.QSpinBox, "import_bins"),
                      (QtWidgets.QDoubleSpinBox, "import_pseudocount"),
                      (QtWidgets.QPlainTextEdit, "import_preview"), (QtWidgets.QLabel, "import_error"),
                      (QtWidgets.QPushButton, "import_browse")]:
        child(dialog, cls, name)
    assert [child(dialog, QtWidgets.QComboBox, "import_target").itemData(k) for k in range(5)] == \
        ["p", "q", "pair", "joint", "batch"]
    assert dialog.result() is None and not child(dialog, QtWidgets.QPushButton, "import_ok").isEnabled()
    assert child(dialog, QtWidgets.QPlainTextEdit, "import_preview").isReadOnly()


def test_setting_the_path_reads_the_file(dialog, tmp_path):
    path = write(tmp_path, "w.csv", "label,weight\ncat,2\ndog,6\n")
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(path)
    r = dialog.result()
    assert r is not None and r.target == "p" and r.labels == ("cat", "dog")
    assert list(r.probabilities) == [0.25, 0.75]
    text = child(dialog, QtWidgets.QPlainTextEdit, "import_preview").toPlainText()
    assert "cat" in text and "0.2500" in text and "0.7500" in text
    assert child(dialog, QtWidgets.QPushButton, "import_ok").isEnabled()
    assert child(dialog, QtWidgets.QLabel, "import_error").text() == ""
    choose(child(dialog, QtWidgets.QComboBox, "import_target"), "q")
    assert dialog.result().target == "q"


def test_bad_file_is_refused_with_line_and_column_and_ok_disabled(dialog, tmp_path):
    good = write(tmp_path, "good.csv", "1\n2\n")
    bad = write(tmp_path, "bad.csv", "1\n2\n<b>3</b>\n")
    path = child(dialog, QtWidgets.QLineEdit, "import_path")
    path.setText(good)
    assert dialog.result() is not None
    path.setText(bad)
    error = child(dialog, QtWidgets.QLabel, "import_error")
    assert error.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert error.text().startswith(bad + ", line 3, column 1:") and "'<b>3</b>'" in error.text()
    assert dialog.result() is None
    assert not child(dialog, QtWidgets.QPushButton, "import_ok").isEnabled()
    assert child(dialog, QtWidgets.QPlainTextEdit, "import_preview").toPlainText() == ""
    dialog.accept()  # Enter with a refused file: the dialog stays
    assert dialog.isVisible()
    path.setText(str(tmp_path / "missing.csv"))
    assert "missing.csv" in error.text() and dialog.result() is None


def test_samples_bins_and_pseudocount(dialog, tmp_path):
    x = np.random.default_rng(2).exponential(size=400)
    path = write(tmp_path, "s.txt", "\n".join(map(repr, x.tolist())))
    choose(child(dialog, QtWidgets.QComboBox, "import_kind"), "samples")
    bins = child(dialog, QtWidgets.QSpinBox, "import_bins")
    assert bins.isEnabled() and bins.text() == "fd"
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(path)
    np.testing.assert_array_equal(dialog.result().bin_edges, np.histogram_bin_edges(x, "fd"))
    bins.setValue(9)
    child(dialog, QtWidgets.QDoubleSpinBox, "import_pseudocount").setValue(1.0)
    r = dialog.result()
    counts = np.histogram(x, np.histogram_bin_edges(x, 9))[0]
    np.testing.assert_allclose(r.probabilities, (counts + 1) / (400 + 9), rtol=1e-14)
    text = child(dialog, QtWidgets.QPlainTextEdit, "import_preview").toPlainText()
    assert "Miller–Madow" in text and "pseudocount 1 added" in text and str(int(counts[0])) in text


def test_logits_disable_the_pseudocount(dialog, tmp_path):
    child(dialog, QtWidgets.QDoubleSpinBox, "import_pseudocount").setValue(2.0)
    choose(child(dialog, QtWidgets.QComboBox, "import_kind"), "logits")
    assert not child(dialog, QtWidgets.QDoubleSpinBox, "import_pseudocount").isEnabled()
    assert not child(dialog, QtWidgets.QSpinBox, "import_bins").isEnabled()
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(write(tmp_path, "z.csv", "0\n0\n0\n0\n"))
    assert list(dialog.result().probabilities) == [0.25] * 4


def test_more_than_100_categories_says_the_bars_are_not_editable(dialog, tmp_path):
    path = write(tmp_path, "big.txt", "\n".join(str(k + 1) for k in range(250)))
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(path)
    r = dialog.result()
    assert r.probabilities.size == 250 and not r.editable
    text = child(dialog, QtWidgets.QPlainTextEdit, "import_preview").toPlainText()
    assert "the bars are not editable at that size; the measures are still computed" in text
    assert "the first 100 of 250 rows" in text
    notes = child(dialog, QtWidgets.QLabel, "import_notes")
    assert notes.isVisible() and "the bars are not editable at that size" in notes.text()
    assert notes.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert child(dialog, QtWidgets.QPushButton, "import_ok").isEnabled()


def test_pair_joint_and_batch_targets(dialog, tmp_path):
    target = child(dialog, QtWidgets.QComboBox, "import_target")
    path = child(dialog, QtWidgets.QLineEdit, "import_path")
    choose(target, "pair")
    path_q = child(dialog, QtWidgets.QLineEdit, "import_path_q")
    assert path_q.isVisible()
    path.setText(write(tmp_path, "a.csv", "a,1\nb,1\n"))
    assert dialog.result() is None  # Q's file still missing
    path_q.setText(write(tmp_path, "b.csv", "b,3\nc,1\n"))
    r = dialog.result()
    assert r.labels == ("a", "b", "c") and list(r.q_probabilities) == [0.0, 0.75, 0.25]
    choose(target, "joint")
    assert not path_q.isVisible()
    path.setText(write(tmp_path, "j.csv", "1,1\n1,5\n"))
    assert dialog.result().table.tolist() == [[0.125, 0.125], [0.125, 0.625]]
    choose(target, "batch")
    path.setText(write(tmp_path, "batch.csv", "0,0,1\n5,0,0\n"))
    r = dialog.result()
    assert r.rows.shape == (2, 2) and list(r.targets) == [1, 0]
    assert not child(dialog, QtWidgets.QDoubleSpinBox, "import_pseudocount").isEnabled()


def test_accept_returns_the_result(qtbot, tmp_path):
    d = ImportDataDialog(target="q")
    qtbot.addWidget(d)
    d.findChild(QtWidgets.QLineEdit, "import_path").setText(write(tmp_path, "w.txt", "1 \n3\n"))
    QtCore.QTimer.singleShot(0, lambda: d.findChild(QtWidgets.QPushButton, "import_ok").click())
    assert d.exec() == QtWidgets.QDialog.DialogCode.Accepted
    assert d.result().target == "q" and list(d.result().probabilities) == [0.25, 0.75]
    with pytest.raises(ValueError):
        d.set_target("elsewhere")


def test_hostile_labels_are_plain_text(dialog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the label names the probe by a short relative path
    probe = "probe.png"
    image = QtGui.QImage(PROBE_W, PROBE_H, QtGui.QImage.Format.Format_RGB32)
    image.fill(0)
    assert image.save(probe)
    rich = QtWidgets.QLabel(f"<img src={probe}>")
    assert rich.sizeHint().height() >= PROBE_H  # the probe works: rendered markup would show
    labels = [f"<img src={probe}>", "<b>x</b>", "&amp;", "<a href=x>l</a>"]
    path = write(tmp_path, "h.csv", "".join(f'"{s}",1\n' for s in labels))
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(path)
    assert dialog.result().labels == tuple(labels)
    text = child(dialog, QtWidgets.QPlainTextEdit, "import_preview").toPlainText()
    for s in labels:
        assert s in text
    # the same label made an error: quoted in plain text, no image loaded anywhere
    bad = write(tmp_path, "hb.csv", f'a,1\n"<img src={probe}>",2\n"<img src={probe}>",3\n')
    child(dialog, QtWidgets.QLineEdit, "import_path").setText("hb.csv")
    error = child(dialog, QtWidgets.QLabel, "import_error")
    assert "line 3, column 1" in error.text() and f"'<img src={probe}>'" in error.text()
    for label in dialog.findChildren(QtWidgets.QLabel):
        if "<" in label.text():  # data: plain text only
            assert label.textFormat() == QtCore.Qt.TextFormat.PlainText, label.text()
    assert dialog.sizeHint().height() < PROBE_H and dialog.minimumSizeHint().height() < PROBE_H


@pytest.mark.parametrize("name", ["/dev/zero", "/tmp", "/dev/null"])
def test_devices_and_directories_are_refused_without_reading(dialog, name):
    child(dialog, QtWidgets.QLineEdit, "import_path").setText(name)
    assert dialog.result() is None and name in child(dialog, QtWidgets.QLabel, "import_error").text()
    assert not child(dialog, QtWidgets.QPushButton, "import_ok").isEnabled()
