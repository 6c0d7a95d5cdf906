"""An exclusive lock between processes, held on a small file in the data folder.

Two SelfCheck processes started at once (two windows, or the app and the command line)
must not both decide that no signing key exists and each make one. The lock file is made
0600 in a 0700 folder; the lock itself is the operating system's (fcntl on Linux and
macOS, msvcrt on Windows), so it ends with the process even when the process is killed.
"""

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.base.folders import private_folder


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock on `path` (made if missing) for the body of the `with`; waits for
    another process that holds it."""
    private_folder(path.parent)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            if os.fstat(fd).st_size == 0:
                os.write(fd, b"\0")  # msvcrt locks bytes: there must be one
            os.lseek(fd, 0, os.SEEK_SET)
            while True:  # LK_LOCK gives up after 10 tries a second apart: wait as flock does
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError as exc:
                    if exc.errno != errno.EDEADLOCK:  # what LK_LOCK raises when it gives up
                        raise
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            os.fchmod(fd, 0o600)  # a lock file left wider by hand is narrowed again
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
