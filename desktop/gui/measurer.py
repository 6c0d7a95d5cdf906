"""zxcvbn in a helper process, so the window never stalls while a password is measured.

zxcvbn is pure Python and holds the interpreter lock for tens of milliseconds on a long
password (about 50 ms at 72 characters): on a worker thread that still freezes the GUI
thread for as long. A separate process does not. The GUI thread only writes to and polls
a pipe, without blocking and without any other thread (PySide6 6.12 corrupted reference
counts when Python threads ran beside the event loop). The password goes to the helper
through the OS pipe, in memory, and is dropped there once measured; nothing is written
anywhere. If the helper cannot run, the password is measured in the app itself.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

# Loaded when the first password is measured, not when the app opens its session.
if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from desktop.core.assessment.checks.password import PasswordReport


def serve(conn: "Connection") -> None:
    """The helper's loop: a password and its context words in, a report out."""
    from desktop.core.assessment.checks.password import measure

    while True:
        try:
            password, inputs = conn.recv()
        except (EOFError, OSError):
            return  # the app has gone
        report = measure(password, inputs)
        del password
        conn.send(report)


class Measurer:
    """One helper process; at most one request in flight and one (the newest) waiting."""

    def __init__(self) -> None:
        self._conn: Connection | None = None
        self._process: Any = None
        self._in_flight: tuple[int, int] | None = None  # (owner id, ticket)
        self._waiting: tuple[int, int, str, tuple[str, ...]] | None = None
        self._results: dict[int, tuple[int, PasswordReport]] = {}

    def _ensure(self) -> "Connection":
        if self._conn is None:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # never fork a Qt process
            parent, child = context.Pipe()
            self._process = context.Process(
                target=serve, args=(child,), daemon=True, name="selfcheck-measure"
            )
            self._process.start()
            child.close()
            self._conn = parent
        return self._conn

    def warm_up(self) -> None:
        """Start the helper ahead of the first keystroke (it takes a moment to start)."""
        try:
            self._ensure()
        except OSError:
            self._helper_failed()

    def request(self, owner: object, ticket: int, password: str, inputs: Iterable[str]) -> None:
        """Measure `password` for `owner`; a newer request replaces one still waiting."""
        self._waiting = (id(owner), ticket, password, tuple(inputs))
        self._send_next()

    def _send_next(self) -> None:
        if self._in_flight is not None or self._waiting is None:
            return
        owner, ticket, password, inputs = self._waiting
        self._waiting = None
        try:
            self._ensure().send((password, inputs))
            self._in_flight = (owner, ticket)
        except (OSError, EOFError, ValueError):
            from desktop.core.assessment.checks.password import measure

            self._helper_failed()
            self._results[owner] = (ticket, measure(password, inputs))

    def collect(self) -> None:
        """Take a finished result off the pipe, if there is one; never blocks."""
        if self._in_flight is None or self._conn is None:
            return
        try:
            if not self._conn.poll():
                return
            report: PasswordReport = self._conn.recv()
        except (OSError, EOFError):
            self._helper_failed()
            self._in_flight = None
            return
        owner, ticket = self._in_flight
        self._in_flight = None
        self._results[owner] = (ticket, report)
        self._send_next()

    def result(self, owner: object, ticket: int) -> "PasswordReport | None":
        found = self._results.get(id(owner))
        if found is None or found[0] != ticket:
            return None
        del self._results[id(owner)]
        return found[1]

    def forget(self, owner: object) -> None:
        self._results.pop(id(owner), None)
        if self._waiting is not None and self._waiting[0] == id(owner):
            self._waiting = None

    def _helper_failed(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._helper_failed()
        if self._process is not None:
            self._process.join(timeout=2)
            self._process = None
