"""Atomic file writes (Qt-free), shared by sessions and exports.

The data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target: a crash or a full disk mid-write leaves the old file whole and no partial file behind.
"""

from __future__ import annotations

import os
import stat


def write_atomically(path, write):
    """Call write(binary file) on a temporary file next to `path`, then rename it to `path`."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".klviz-{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for open()
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_regular_file(path, max_bytes, what="file"):
    """The bytes of `path`, read only if it is a regular file of at most `max_bytes`.

    A FIFO, device, socket or directory is refused before anything is read (opening a FIFO or a
    terminal for reading would block), and the read itself stops one byte past the cap, so a file
    that grows while it is read cannot exhaust memory. Raises ValueError with a sentence that
    names the problem (OSError's reason included), never anything else for a bad path.
    """
    try:
        path = os.fspath(path)
    except TypeError:
        raise ValueError(f"not a file name: {path!r}") from None
    if "\x00" in path:
        raise ValueError("the file name contains a NUL character")
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a directory" if stat.S_ISDIR(st.st_mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                or stat.S_ISBLK(st.st_mode) else "not a regular file")
        raise ValueError(f"cannot read {path}: it is {kind}, not a regular {what}")
    if st.st_size > max_bytes:
        raise ValueError(f"{path} is {st.st_size:,} bytes; a {what} is at most {max_bytes:,}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the stat
            raise ValueError(f"cannot read {path}: it is not a regular {what}")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ValueError(f"{path} is more than {max_bytes:,} bytes; a {what} is at most {max_bytes:,}")
    return b"".join(chunks)
