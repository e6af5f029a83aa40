"""File › Export, Copy figure and the charts' right-click menu write real figures from the model."""

import csv
import io
import json

import numpy as np
import pytest
from PySide6 import QtGui, QtWidgets
from scipy.special import rel_entr


def test_export_actions_exist(window):
    act = window.findChild(QtGui.QAction, "action_export")
    assert act.shortcut() == QtGui.QKeySequence("Ctrl+E")
    assert window.findChild(QtGui.QAction, "action_copy_figure") is not None


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"])
def test_export_discrete_view(window, tmp_path, ext):
    path = tmp_path / f"view.{ext}"
    window.exporter.export(str(path), "discrete", dpi=100)
    data = path.read_bytes()
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[ext]
    assert data.startswith(magic)
    if ext == "svg":
        text = data.decode()
        assert "<text" in text and "D(P‖Q)" in text


def test_export_single_chart_and_continuous(window, tmp_path):
    window.exporter.export(str(tmp_path / "bars.svg"), "discrete", parts=("bars",))
    assert "D(P‖Q)" in (tmp_path / "bars.svg").read_text()  # the readout column comes along
    window.exporter.export(str(tmp_path / "c.pdf"), "continuous")
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")


def test_export_data_matches_scipy(window, tmp_path):
    d = window.model.discrete
    window.exporter.export(str(tmp_path / "t.csv"), "discrete")
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text())))
    assert len(rows) >= d.n + 1
    window.exporter.export(str(tmp_path / "m.json"), "discrete")
    data = json.loads((tmp_path / "m.json").read_text())
    flat = json.dumps(data)
    assert f"{rel_entr(d.p, d.q).sum():.6f}"[:7] in flat


def test_copy_figure_puts_a_png_on_the_clipboard(window):
    image = window.exporter.copy_figure("discrete")
    clip = QtWidgets.QApplication.clipboard().image()
    assert not clip.isNull() and clip.width() == image.width() and image.width() > 500


def test_charts_have_an_export_menu(window):
    for name in ("plot_p", "plot_q", "plot_decomposition", "plot_pointwise"):
        plot = window.findChild(QtWidgets.QWidget, name)
        menu = plot.property("export_menu")
        assert menu is not None and any("Export" in a.text() for a in menu.actions()), name


def test_bad_export_path_changes_nothing(window, tmp_path):
    before = json.dumps(window.model.session.to_dict())
    with pytest.raises((OSError, ValueError)):
        window.exporter.export(str(tmp_path / "missing" / "x.png"), "discrete")
    with pytest.raises(ValueError):
        window.exporter.export(str(tmp_path / "x.bmp"), "discrete")
    assert json.dumps(window.model.session.to_dict()) == before
