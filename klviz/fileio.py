"""Atomic file writes (Qt-free), shared by sessions and exports.

The data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target: a crash or a full disk mid-write leaves the old file whole and no partial file behind.
"""

from __future__ import annotations

import os


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
