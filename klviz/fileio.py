"""Reading and writing files safely (Qt-free), shared by sessions, data files and exports.

Writes are atomic: the data goes to a temporary file in the target's folder, is flushed to disk,
then renamed over the target, so a crash or a full disk mid-write leaves the old file whole and no
partial file behind. Reads take only regular files, size-capped before anything is parsed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time

from klviz.core.text import Text

TEMP_PREFIX = ".klviz-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\.klviz-[0-9a-f]{12}\.tmp$")
STALE_TEMP_SECONDS = 10 * 60  # a temporary file this old is a crash's leftover, never a save in progress


def shown_path(path):
    """A path as one line of plain text: control characters (a newline, a NUL, an escape) shown as
    escapes such as \\n or \\x00, so a hostile file name cannot break a message or a terminal."""
    text = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def error_reason(exc):
    """The reason an OSError or ValueError gives, as a short phrase ("No space left on device"). An
    OSError's is a klviz.core.text.Text whose template is the system's own words, so the gui can
    translate the common ones (marked in klviz/i18n/core_texts.py); it reads as those words."""
    if isinstance(exc, OSError):
        if exc.strerror and "{" not in exc.strerror and "}" not in exc.strerror:
            return Text(exc.strerror)
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def _kind(mode):
    if stat.S_ISDIR(mode):
        return Text("a directory")
    if stat.S_ISFIFO(mode):
        return Text("a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return Text("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Text("a device")
    return Text("not a regular file")


def _write_target(path):
    """The file a save to `path` really replaces: a symlink's final target (as editors do), so
    the link stays a link. Raises OSError for a target that is not a regular file."""
    target = os.path.realpath(path) if os.path.islink(path) else os.path.abspath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target, None
    if not stat.S_ISREG(st.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(st.st_mode) else errno.EINVAL
        raise OSError(code, f"it is {_kind(st.st_mode)}, not a regular file", path)
    # os.access says yes to root for any file: a file nobody may write (0444) is read-only for
    # root too, as editors treat it, and is not replaced
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    return target, st


def remove_stale_temporaries(folder, now=None, max_age=STALE_TEMP_SECONDS):
    """Delete klviz's own temporary files left in `folder` by a crash: regular files named like
    ours (.klviz-<12 hex digits>.tmp), owned by this user, untouched for `max_age` seconds.
    A younger one may be another save in progress, and anything else is not ours: both stay.
    Returns the names removed; never raises."""
    now = time.time() if now is None else now
    removed = []
    try:
        names = os.listdir(folder)
    except (OSError, ValueError):
        return removed
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for name in names:
        if not _TEMP_NAME.match(name):
            continue
        full = os.path.join(folder, name)
        try:
            st = os.lstat(full)
            if (stat.S_ISREG(st.st_mode) and now - st.st_mtime > max_age
                    and (uid is None or st.st_uid == uid)):
                os.unlink(full)
                removed.append(name)
        except OSError:
            continue
    return removed


def write_atomically(path, write):
    """Call write(binary file) on a temporary file next to `path`, then rename it to `path`.

    An existing file keeps its permission bits (and, where allowed, its group); a symlink is
    written through to its target; a new file gets the usual permissions (0666 less the umask).
    The temporary file is removed whatever happens, and a crash's stale temporaries in the same
    folder are cleaned up (see remove_stale_temporaries). Raises OSError (a missing or read-only
    folder, a full disk, a target that is a directory) or ValueError (a NUL in the name).
    """
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not path:
        raise FileNotFoundError(errno.ENOENT, "the file name is empty", path)
    if "\x00" in path:
        raise ValueError("the file name contains a NUL character")
    target, old = _write_target(path)
    folder = os.path.dirname(target)
    remove_stale_temporaries(folder)
    tmp = os.path.join(folder, f"{TEMP_PREFIX}{os.urandom(6).hex()}{TEMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for open()
    try:
        with os.fdopen(fd, "wb") as fh:
            if old is not None:
                _keep_owner_and_mode(fh.fileno(), old)
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _keep_owner_and_mode(fd, old):
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, -1, old.st_gid)  # the group, where this user may set it; never the owner
        except OSError:
            pass
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _sync_folder(folder):
    """Make the rename itself durable (the data already is); best effort where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class ReadError(ValueError):
    """A file that cannot be read: str() is the whole sentence ("cannot read PATH: REASON"),
    `reason` the part after the path, for callers that name the file themselves. Both are
    klviz.core.text.Text (args[0] the sentence), which a translated interface shows translated."""

    def __init__(self, shown, reason):
        super().__init__(Text("cannot read {path}: {reason}", path=shown, reason=reason) if shown is not None else reason)
        self.reason = reason
        self._shown = shown

    def __reduce__(self):
        # pickle and copy rebuild an exception as cls(*args), then set its state; args holds the
        # message, which this constructor does not take: rebuild it from the constructor's own
        # arguments, then set args and the attributes as they are now (worker threads and
        # processes hand their errors back pickled)
        return type(self), (self._shown, self.reason), {**self.__dict__, "args": self.args}


def read_regular_file(path, max_bytes, what="file"):
    """The bytes of `path`, read only if it is a regular file of at most `max_bytes`.

    A FIFO, device, socket or directory is refused before anything is read (opening a FIFO or a
    terminal for reading would block), and the read itself stops one byte past the cap, so a file
    that grows while it is read cannot exhaust memory. Raises ValueError (a ReadError) with a
    sentence that names the problem (OSError's reason included), never anything else for a bad
    path. Control characters in the path are shown escaped (shown_path).
    """
    try:
        path = os.fspath(path)
    except TypeError:
        raise ReadError(None, Text("not a file name: {path}", path=type(path).__name__)) from None
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if "\x00" in path:
        raise ReadError(None, Text("the file name contains a NUL character"))
    shown = shown_path(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        raise ReadError(shown, error_reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(shown, Text("it is {kind}, not a regular {what}", kind=_kind(st.st_mode), what=what))
    if st.st_size > max_bytes:
        raise ReadError(shown, Text("it is {size:,} bytes; a {what} is at most {most:,}", size=st.st_size, what=what,
                                    most=max_bytes))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(shown, error_reason(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the stat
            raise ReadError(shown, Text("it is not a regular {what}", what=what))
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ReadError(shown, error_reason(exc)) from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ReadError(shown, f"it is more than {max_bytes:,} bytes; a {what} is at most {max_bytes:,}")
    return b"".join(chunks)
