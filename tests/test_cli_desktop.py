"""`klviz desktop install [--uninstall]`: the desktop entry, icons and MIME type under
$XDG_DATA_HOME, validated by the freedesktop tools where they are installed, and removed again."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from klviz.cli import main
from klviz.cli.desktop import MIME_TYPE, _exec_quote, desktop_entry
from klviz.resources import ICON_SIZES


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


def install(capsys, *extra):
    code = main(["desktop", "install", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_install_writes_entry_icons_and_mime_type(home, capsys):
    code, out, err = install(capsys)
    assert code == 0 and err == ""
    entry = home / "applications" / "klviz.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f"MimeType={MIME_TYPE};" in text and "Icon=klviz" in text and "%f" in text
    assert str(entry) in out  # it says what it wrote
    mime = ET.parse(home / "mime" / "packages" / "klviz.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == MIME_TYPE
    assert kind.find("m:glob", ns).get("pattern") == "*.klviz"
    for size in ICON_SIZES:
        assert (home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "klviz.png").stat().st_size > 0
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "klviz.svg").is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_entry_is_valid_for_desktop_file_validate(home, capsys):
    install(capsys)
    done = subprocess.run(["desktop-file-validate", str(home / "applications" / "klviz.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database (shared-mime-info) is not installed")
def test_the_mime_database_maps_klviz_files_to_the_type(home, capsys):
    install(capsys)
    globs = (home / "mime" / "globs2").read_text()
    assert f"{MIME_TYPE}:*.klviz" in globs


def test_uninstall_removes_what_install_wrote(home, capsys):
    install(capsys)
    code, out, err = install(capsys, "--uninstall")
    assert code == 0 and err == "" and "removed 18 files" in out
    left = [p for p in home.rglob("*") if p.is_file() and "klviz" in p.name]
    assert left == []
    code, out, _ = install(capsys, "--uninstall")
    assert code == 0 and "none was installed" in out


def test_a_data_home_that_cannot_be_written_is_one_error_line(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = install(capsys)
    assert code == 2 and err.startswith("klviz: error: cannot write") and err.count("\n") == 1


@pytest.mark.parametrize("args", [[], ["uninstall"], ["install", "--uninstall", "--uninstall"], ["install", "x"]])
def test_bad_arguments_are_one_error_line(home, capsys, args):
    assert main(["desktop", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klviz: error:") and err.count("\n") == 1


def test_exec_arguments_are_quoted_as_the_specification_says():
    assert _exec_quote("/usr/bin/klviz") == "/usr/bin/klviz"
    assert _exec_quote("/opt/my apps/klviz") == '"/opt/my apps/klviz"'
    assert _exec_quote('/a"b$c`d\\e%f') == '"/a\\"b\\$c\\`d\\\\e%%f"'
    assert "Exec=\"/opt/my apps/python\" -m klviz %f" in desktop_entry(["/opt/my apps/python", "-m", "klviz"])


def test_the_window_has_the_application_icon(qtbot):
    from klviz.gui import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (256, 256)} <= sizes


def test_the_application_names_its_desktop_file(qapp):
    from klviz.gui.theme import setup_application

    setup_application(qapp)
    assert qapp.desktopFileName() == "klviz"
    assert not qapp.windowIcon().isNull()
