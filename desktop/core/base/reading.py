"""Reading files that someone else may have prepared: checklists, bundles, rosters, answers
files, passphrase files, and the records SelfCheck keeps beside its database.

A FIFO named like one of them would block the app forever on open(); a symbolic link
inside a bundle could point at /dev/zero or at a private file; a file of gigabytes would
fill memory. Every such file is opened without blocking, checked to be a regular file
before a byte is read, and read to at most its reader's own limit.
"""

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop.core.base import field_words
from desktop.core.base.i18n import Text


class RefusedFileError(OSError):
    """A file that is not read; the message names it and says why (`text`: in both
    languages, for the windows; strerror is the English)."""

    def __init__(self, code: int, text: Text, filename: str) -> None:
        super().__init__(code, text.en, filename)
        self.text = text

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class SymbolicLinkError(RefusedFileError):
    """The file is a symbolic link where only plain files are accepted."""


class NotRegularFileError(RefusedFileError):
    """The file is a FIFO, a device, a socket or a folder."""


class TooLargeError(RefusedFileError):
    """The file is larger than its reader allows."""


def open_regular(path: Path, *, follow: bool, pipe: bool = False) -> BinaryIO:
    """Open `path` for reading if it is a regular file; follow a link only if `follow`.
    With `pipe`, a FIFO is read too, waiting for its writer: only for a path the person
    named themselves to hand over a secret without a file (`--passphrase-file <(…)`).

    Follow a link only in a path someone named on purpose (an answers file, a roster) or
    one SelfCheck wrote itself; never in a file found by listing a folder prepared by
    someone else (a checklist folder, a bundle)."""
    fd, _size = _open_fd(path, follow=follow, pipe=pipe)
    return os.fdopen(fd, "rb")


def read_bounded(path: "Path | str", limit: int, *, follow: bool, pipe: bool = False) -> bytes:
    """The whole of a regular file of at most `limit` bytes.

    One byte past the limit is read, never more: a file that grows while it is read is
    caught too. The first read asks for the size the file says it has, not for `limit`
    bytes: a buffer of the limit (1 MiB for a summary of 10 KB) cost more than the rest of
    a review's reading. Raises RefusedFileError (a link when not `follow`, not a regular
    file, over `limit`), or what open() raises (FileNotFoundError, PermissionError…).
    `pipe`: see open_regular."""
    fd, size = _open_fd(path, follow=follow, pipe=pipe)
    try:
        parts, total = [], 0
        wanted = min(size, limit) + 1
        while total <= limit and (chunk := os.read(fd, wanted)):
            parts.append(chunk)
            total += len(chunk)
            if total == size:  # the size it said, one byte short of what was asked: the end
                break
            wanted = min(_CHUNK, limit + 1 - total)
    finally:
        os.close(fd)
    if total > limit:
        raise TooLargeError(errno.EFBIG, field_words.larger_than(limit), str(path))
    return b"".join(parts)


_CHUNK = 64 * 1024
_LINK = Text("là một liên kết tượng trưng", "is a symbolic link")
_NOT_REGULAR = Text("không phải là tệp thông thường", "is not a regular file")


def _is_fifo(path: "Path | str") -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False  # open() says what is wrong


def _open_fd(path: "Path | str", *, follow: bool, pipe: bool) -> tuple[int, int]:
    """A descriptor open on `path` and the size the file says it has (0 for a pipe)."""
    # O_NONBLOCK and O_NOFOLLOW are POSIX (Windows has no FIFOs to block on); O_BINARY is
    # Windows' (no CRLF translation).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    if pipe and _is_fifo(path):
        # A named pipe the person made waits for its writer, as it means to: opened
        # without blocking, a pipe no one has opened yet would read as empty at once.
        flags &= ~getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise SymbolicLinkError(errno.ELOOP, _LINK, str(path)) from None
        raise
    status = os.fstat(fd)
    if pipe and stat.S_ISFIFO(status.st_mode):
        os.set_blocking(fd, True)  # opened without blocking; now wait for what is written
        return fd, 0
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise NotRegularFileError(errno.EINVAL, _NOT_REGULAR, str(path))
    return fd, status.st_size
