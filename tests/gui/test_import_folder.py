"""File › Import data…'s Browse starts in the folder a file was last chosen from, in a later
dialog and a later launch too (issue 12: file dialogs remember the last folder)."""

from PySide6 import QtWidgets

from klviz.gui.dialogs.import_data import ImportDataDialog


def test_browse_starts_where_the_last_file_was_chosen(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "lecture data"
    folder.mkdir()
    data = folder / "counts.csv"
    data.write_text("a,3\nb,1\n")
    starts = []

    def choose(parent, title, start, file_filter):
        starts.append(start)
        return str(data), ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", choose)
    first = ImportDataDialog()
    qtbot.addWidget(first)
    first.browse.click()
    assert first.path.text() == str(data)
    first.reject()
    later = ImportDataDialog()  # a new dialog (File › Import data… again, or the next launch)
    qtbot.addWidget(later)
    assert later.path.text() == ""
    later.browse.click()
    assert starts[-1] == str(folder)
