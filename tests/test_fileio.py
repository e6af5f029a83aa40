"""klviz.fileio: atomic writes that keep a file's mode and symlinks and leave no temporary files,
and bounded reads that refuse anything but a regular file (Qt-free)."""

import errno
import os
import socket
import stat
import time

import pytest

from klviz import fileio

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write_text(path, text):
    fileio.write_atomically(str(path), lambda fh: fh.write(text.encode()))


def names(folder):
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------------------------------
# Writing


def test_new_file_gets_the_umask_mode(tmp_path):
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640
    assert names(tmp_path) == ["a.txt"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o755, 0o604])
def test_existing_file_keeps_its_mode(tmp_path, mode):
    path = tmp_path / "a.txt"
    path.write_text("old")
    path.chmod(mode)
    write_text(path, "new")
    assert path.read_text() == "new" and stat.S_IMODE(path.stat().st_mode) == mode
    assert names(tmp_path) == ["a.txt"]


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "t.txt"
    target.write_text("old")
    target.chmod(0o600)
    link1 = tmp_path / "link1.txt"
    link1.symlink_to(os.path.join("real", "t.txt"))  # relative, into another folder
    link2 = tmp_path / "link2.txt"
    link2.symlink_to(link1)  # a chain
    write_text(link2, "new")
    assert link2.is_symlink() and link1.is_symlink()
    assert os.readlink(link1) == os.path.join("real", "t.txt")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert names(tmp_path) == ["link1.txt", "link2.txt", "real"] and names(real_dir) == ["t.txt"]


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "l.txt"
    link.symlink_to("t.txt")
    write_text(link, "x")
    assert link.is_symlink() and (tmp_path / "t.txt").read_text() == "x"


def test_symlink_loop_is_an_os_error(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(OSError):
        write_text(a, "x")
    assert names(tmp_path) == ["a", "b"]


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "directory"),
    (lambda p: os.mkfifo(p), "FIFO"),
])
def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path, make, words):
    path = tmp_path / "x"
    make(path)
    with pytest.raises(OSError, match=words):
        write_text(path, "x")
    assert names(tmp_path) == ["x"]


def test_a_device_is_refused_not_replaced():
    with pytest.raises(OSError, match="device"):
        write_text("/dev/full", "x")  # never rename a temporary file over /dev/full
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_bad_names(tmp_path):
    with pytest.raises(ValueError, match="NUL"):
        write_text(str(tmp_path / "a\x00b"), "x")
    with pytest.raises(OSError, match="empty"):
        write_text("", "x")
    with pytest.raises(FileNotFoundError):
        write_text(tmp_path / "missing" / "x.txt", "x")
    assert names(tmp_path) == []


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o000])
def test_read_only_file_is_refused_even_for_root(tmp_path, mode):
    """A file nobody may write is refused, also when saving as root (whom os.access lets write
    anything: the audit of issue 11, run as root, found 0444 files silently replaced)."""
    path = tmp_path / "ro.txt"
    path.write_text("old")
    path.chmod(mode)
    with pytest.raises(PermissionError, match="read-only"):
        write_text(path, "new")
    path.chmod(0o600)
    assert path.read_text() == "old" and names(tmp_path) == ["ro.txt"]


@pytest.mark.skipif(ROOT, reason="root may write anywhere")
def test_read_only_file_and_folder(tmp_path):
    path = tmp_path / "ro.txt"
    path.write_text("old")
    path.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        write_text(path, "new")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            write_text(folder / "x.txt", "new")
    finally:
        folder.chmod(0o755)
    assert path.read_text() == "old" and names(folder) == []


@pytest.mark.parametrize("where", ["write", "fsync", "replace", "interrupt"])
def test_a_failure_at_any_step_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch, where):
    path = tmp_path / "a.txt"
    path.write_text("old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def write(fh):
        fh.write(b"half")
        if where == "write":
            full()
        if where == "interrupt":
            raise KeyboardInterrupt
        fh.write(b" and the rest")

    if where in ("fsync", "replace"):
        monkeypatch.setattr(os, where, full)
    with pytest.raises((OSError, KeyboardInterrupt)):
        fileio.write_atomically(str(path), write)
    assert path.read_text() == "old" and names(tmp_path) == ["a.txt"]


def test_dev_full_as_the_disk(tmp_path, monkeypatch):
    """The temporary file's data really goes to /dev/full: the write fails with ENOSPC."""
    real_fdopen = os.fdopen

    def to_dev_full(fd, *args, **kwargs):
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, fd)
        os.close(full)
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", to_dev_full)
    path = tmp_path / "a.txt"
    path.write_text("old")
    with pytest.raises(OSError) as info:
        fileio.write_atomically(str(path), lambda fh: fh.write(b"x" * 100_000))
    assert info.value.errno == errno.ENOSPC
    assert fileio.error_reason(info.value) == "No space left on device"
    assert path.read_text() == "old" and names(tmp_path) == ["a.txt"]


def test_stale_temporaries_are_removed_at_the_next_save(tmp_path):
    old = time.time() - fileio.STALE_TEMP_SECONDS - 60
    stale = tmp_path / ".klviz-0123456789ab.tmp"
    stale.write_text("crash")
    os.utime(stale, (old, old))
    young = tmp_path / ".klviz-ba9876543210.tmp"  # perhaps another save in progress
    young.write_text("saving")
    keep = [".klviz-notours.tmp", ".klviz-0123456789AB.tmp", "x.tmp", ".klviz-0123456789ab.tmp.bak"]
    for name in keep:
        (tmp_path / name).write_text("not ours")
        os.utime(tmp_path / name, (old, old))
    folder_named_like_ours = tmp_path / ".klviz-aaaaaaaaaaaa.tmp"
    folder_named_like_ours.mkdir()
    os.utime(folder_named_like_ours, (old, old))
    write_text(tmp_path / "s.klviz", "new")
    assert not stale.exists() and young.exists() and folder_named_like_ours.is_dir()
    assert all((tmp_path / n).exists() for n in keep)


def test_stale_cleanup_never_raises(tmp_path):
    assert fileio.remove_stale_temporaries(str(tmp_path / "missing")) == []
    assert fileio.remove_stale_temporaries("bad\x00name") == []


def test_shown_path_escapes_controls():
    assert fileio.shown_path("a\nb\x00c\x1b[31m é.klviz") == "a\\nb\\x00c\\x1b[31m é.klviz"
    assert fileio.shown_path(b"caf\xc3\xa9") == "café"


# ---------------------------------------------------------------------------------------------
# Reading


def test_read_a_regular_file(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"abc")
    assert fileio.read_regular_file(str(path), 3) == b"abc"
    assert fileio.read_regular_file(os.fsencode(str(path)), 3) == b"abc"
    with pytest.raises(ValueError, match="3 bytes; a data file is at most 2") as info:
        fileio.read_regular_file(str(path), 2, "data file")
    assert info.value.reason.startswith("it is 3 bytes")


def test_read_refuses_all_but_regular_files(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = str(tmp_path / "sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    try:
        for path, words in ((fifo, "FIFO"), (tmp_path, "directory"), ("/dev/zero", "device"),
                            ("/dev/null", "device"), (sock_path, "socket"), (tmp_path / "none", "No such file")):
            with pytest.raises(ValueError, match=words):
                fileio.read_regular_file(str(path), 100)
    finally:
        sock.close()
    for bad in (None, 3, ["a"]):
        with pytest.raises(ValueError, match="not a file name"):
            fileio.read_regular_file(bad, 100)
    with pytest.raises(ValueError, match="NUL"):
        fileio.read_regular_file("a\x00b", 100)


def test_read_messages_are_one_line(tmp_path):
    with pytest.raises(ValueError) as info:
        fileio.read_regular_file(str(tmp_path / "two\nlines"), 100)
    assert "\n" not in str(info.value) and "two\\nlines" in str(info.value)
