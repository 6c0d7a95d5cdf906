"""zxcvbn in a helper process, so the window never stalls while a password is measured.

zxcvbn is pure Python and holds the interpreter lock for tens of milliseconds on a long
password (about 50 ms at 72 characters): on a worker thread that still freezes the GUI
thread for as long. A separate process does not. The GUI thread only writes to the pipe,
and reads from it when a QSocketNotifier says a report has arrived, without blocking and
without any other thread (PySide6 6.12 corrupted reference counts when Python threads ran
beside the event loop). The password goes to the helper through the OS pipe, in memory,
and is dropped there once measured; nothing is written anywhere. If the helper cannot run,
the password is measured in the app itself.
"""

import itertools
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

# Loaded when the first password is measured, not when the app opens its session.
if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from desktop.core.assessment.checks.password import PasswordReport

# Windows' pipes are not sockets, which is all QSocketNotifier can watch there: the pipe is
# looked at on a timer instead, under one frame apart.
POLL_MS = 15


class Measurer(QObject):
    """One helper process; at most one request in flight and one (the newest) waiting.

    Every request gets the next number of one counter, and its report comes back as
    `measured(number, report)`: a report can only be taken by whoever holds its number,
    never by a field that merely reuses the memory of one gone. A request replaced while
    waiting never comes back."""

    measured = Signal(int, object)  # the request's number, its PasswordReport

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn: Connection | None = None
        self._process: Any = None
        self._watch: QSocketNotifier | QTimer | None = None
        self._numbers = itertools.count(1)
        self._in_flight: int | None = None
        self._waiting: tuple[int, str, tuple[str, ...]] | None = None

    def _ensure(self) -> "Connection":
        if self._conn is None:
            import multiprocessing

            from desktop.gui.measure_helper import serve

            context = multiprocessing.get_context("spawn")  # never fork a Qt process
            parent, child = context.Pipe()
            self._process = context.Process(
                target=serve, args=(child,), daemon=True, name="selfcheck-measure"
            )
            self._process.start()
            child.close()
            self._conn = parent
            self._watch = self._watcher(parent)
        return self._conn

    def _watcher(self, conn: "Connection") -> QSocketNotifier | QTimer:
        if sys.platform == "win32":
            timer = QTimer(self)  # started while a report is awaited
            timer.setInterval(POLL_MS)
            timer.timeout.connect(self._collect)
            return timer
        notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._collect)
        return notifier

    def warm_up(self) -> None:
        """Start the helper ahead of the first keystroke (it takes a moment to start)."""
        try:
            self._ensure()
        except OSError:
            self._helper_failed()

    def request(self, password: str, inputs: Iterable[str]) -> int:
        """Measure `password`; returns the number its report will come back with. A newer
        request replaces one still waiting. Never answers before returning."""
        number = next(self._numbers)
        self._waiting = (number, password, tuple(inputs))
        self._send_next()
        return number

    def drop(self, number: int) -> None:
        """The report of `number` is no longer wanted: not measured at all if still waiting."""
        if self._waiting is not None and self._waiting[0] == number:
            self._waiting = None

    def _send_next(self) -> None:
        if self._in_flight is not None or self._waiting is None:
            return
        number, password, inputs = self._waiting
        self._waiting = None
        try:
            self._ensure().send((password, inputs))
            self._in_flight = number
            if isinstance(self._watch, QTimer):
                self._watch.start()
        except (OSError, EOFError, ValueError):
            self._helper_failed()
            from desktop.core.assessment.checks.password import measure

            report = measure(password, inputs)
            # On the next turn of the event loop: the asker has its number by then.
            QTimer.singleShot(0, self, lambda: self.measured.emit(number, report))

    def _collect(self) -> None:
        """Take every report that has arrived off the pipe; never blocks. Also called when
        the pipe has ended: the helper died, and the next request starts another."""
        while self._conn is not None:
            try:
                if not self._conn.poll():
                    break
                report: PasswordReport = self._conn.recv()
            except (OSError, EOFError):
                # The report in flight is lost (its password is not kept to measure again);
                # one waiting goes to a new helper.
                self._helper_failed()
                self._in_flight = None
                self._send_next()
                return
            number, self._in_flight = self._in_flight, None
            if number is not None:
                self.measured.emit(number, report)
            self._send_next()
        if self._in_flight is None and isinstance(self._watch, QTimer):
            self._watch.stop()

    def _helper_failed(self) -> None:
        if self._watch is not None:
            # Before the descriptor closes: Qt must not watch a number the OS may reuse.
            if isinstance(self._watch, QSocketNotifier):
                self._watch.setEnabled(False)
            else:
                self._watch.stop()
            self._watch.deleteLater()
            self._watch = None
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._helper_failed()
        if self._process is not None:
            self._process.join(timeout=2)
            self._process = None
