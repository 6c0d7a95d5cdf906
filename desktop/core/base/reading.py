"""Opening files that someone else may have prepared: a checklist folder, a bundle.

A FIFO named like a checklist would block the app forever on open(); a symbolic link
inside a bundle could point at /dev/zero or at a private file. Files are opened without
blocking and checked to be regular files before a byte is read.
"""

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class SymbolicLinkError(OSError):
    """The file is a symbolic link where only plain files are accepted."""


class NotRegularFileError(OSError):
    """The file is a FIFO, a device, a socket or a folder."""


def open_regular(path: Path, *, follow: bool) -> BinaryIO:
    """Open `path` for reading if it is a regular file; follow a link only if `follow`."""
    fd, _size = _open_regular_fd(path, follow=follow)
    return os.fdopen(fd, "rb")


def read_limited(path: Path, limit: int, *, follow: bool) -> bytes:
    """At most `limit` + 1 bytes of a regular file: one more than allowed tells it is too big.

    The first read asks for the size the file says it has, not for `limit` bytes: a buffer
    of the limit (1 MiB for a summary of 10 KB) cost more than the rest of the reading. A
    file that grows meanwhile is still read on, to the limit."""
    fd, size = _open_regular_fd(path, follow=follow)
    try:
        parts, total = [], 0
        wanted = min(size, limit) + 1
        while total <= limit and (chunk := os.read(fd, wanted)):
            parts.append(chunk)
            total += len(chunk)
            if total == size:  # the size it said, one byte short of what was asked: the end
                break
            wanted = min(_CHUNK, limit + 1 - total)
        return b"".join(parts)
    finally:
        os.close(fd)


_CHUNK = 64 * 1024


def _open_regular_fd(path: Path, *, follow: bool) -> tuple[int, int]:
    """A descriptor open on `path` and the file's size, if it is a regular file."""
    # O_NONBLOCK and O_NOFOLLOW are POSIX (Windows has no FIFOs to block on); O_BINARY is
    # Windows' (no CRLF translation).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise SymbolicLinkError(errno.ELOOP, "is a symbolic link", str(path)) from None
        raise
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise NotRegularFileError(errno.EINVAL, "is not a regular file", str(path))
    return fd, status.st_size
