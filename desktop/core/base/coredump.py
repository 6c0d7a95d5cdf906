"""No core dump of a process that holds a typed password, passphrase or PIN.

A crash would otherwise write the process's memory, the password in it, to a core file
(or hand it to systemd-coredump, apport, ...). Called early: in the desktop app, its
password helper, and the commands that read a secret. Failure is quiet (the app still
works) and `selfcheck --self-test` reports it.
"""

import sys
from typing import NamedTuple

PR_GET_DUMPABLE = 3  # <linux/prctl.h>
PR_SET_DUMPABLE = 4


class DumpGuard(NamedTuple):
    """What this process could forbid; `problem` says what it could not, None when all."""

    core_limit: bool  # RLIMIT_CORE set to 0 (soft and hard)
    not_dumpable: bool  # Linux: prctl(PR_SET_DUMPABLE, 0)
    problem: str | None


def forbid_core_dumps() -> DumpGuard:
    """Forbid core dumps of this process as far as the platform allows; never raises.

    Linux: RLIMIT_CORE 0 and not dumpable (also keeps a core_pattern pipe such as
    systemd-coredump away, and other processes of the user from ptrace and /proc/PID/mem).
    macOS: RLIMIT_CORE 0. Windows offers no reliable way (see docs/security.md)."""
    if sys.platform == "win32":
        return DumpGuard(False, False, "Windows Error Reporting may still write a crash dump")
    problems = []
    core_limit = _no_core_limit()
    if not core_limit:
        problems.append("RLIMIT_CORE could not be set to 0")
    not_dumpable = False
    if sys.platform.startswith("linux"):
        not_dumpable = _prctl(PR_SET_DUMPABLE, 0) == 0 and dumpable() == 0
        if not not_dumpable:
            problems.append("prctl(PR_SET_DUMPABLE, 0) failed")
    return DumpGuard(core_limit, not_dumpable, "; ".join(problems) or None)


def dumpable() -> int | None:
    """prctl(PR_GET_DUMPABLE): 0 not dumpable, 1 or 2 dumpable; None off Linux or failing."""
    if not sys.platform.startswith("linux"):
        return None
    result = _prctl(PR_GET_DUMPABLE, 0)
    return None if result is None or result < 0 else result


def _no_core_limit() -> bool:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except (ImportError, OSError, ValueError):
        return False


def _prctl(option: int, value: int) -> int | None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
        prctl = libc.prctl
        prctl.restype = ctypes.c_int
        result = prctl(
            ctypes.c_int(option),
            ctypes.c_ulong(value),
            ctypes.c_ulong(0),
            ctypes.c_ulong(0),
            ctypes.c_ulong(0),
        )
        return int(result)
    except (ImportError, OSError, AttributeError):
        return None
