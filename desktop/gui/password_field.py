"""The password field: measured live with zxcvbn on a worker thread, never kept.

Each keystroke starts a measurement on the thread pool; results come back by signal and
only the latest one is shown (a counter tells stale results apart). The text is cleared
when the page is left, and the field refuses drag, drop and copy.
"""

import threading

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.core.checks.password import PasswordReport, measure


class _Results(QObject):
    """Hands results from the pool to the GUI thread.

    Only the ticket number crosses threads in the signal; the report waits in a locked
    mailbox. Passing the Python report object itself through a queued signal led to a
    reference-count abort at interpreter exit (PySide6 6.12), seen in the screenshot run.
    """

    measured = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = threading.Lock()
        self.mailbox: dict[int, tuple[PasswordReport, bytes]] = {}

    def post(self, ticket: int, report: PasswordReport, digest: bytes) -> None:
        with self.lock:
            self.mailbox[ticket] = (report, digest)
        self.measured.emit(ticket)

    def take(self, ticket: int) -> tuple[PasswordReport, bytes] | None:
        with self.lock:
            found = self.mailbox.pop(ticket, None)
            for older in [t for t in self.mailbox if t < ticket]:
                del self.mailbox[older]  # stale: a newer text was measured since
        return found


class PasswordEdit(QLineEdit):
    """A line edit for secrets: no echo, no drag and drop, no copy or cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(self.contextMenuPolicy().NoContextMenu)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            event.ignore()
            return
        super().keyPressEvent(event)


class PasswordMeter(QObject):
    """Sends each new text to the pool; emits `report` for the latest text only."""

    # Emitted when `latest` holds the measurement of the newest text (None: field empty).
    # The signal carries no Python objects: see _Results.
    ready = Signal()

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.ticket = 0
        self.latest: tuple[PasswordReport | None, bytes] = (None, b"")
        self.results = _Results(self)
        self.results.measured.connect(self._arrived)

    def measure(self, password: str, inputs: tuple[str, ...], digest: bytes) -> None:
        self.ticket += 1
        if not password:
            self.latest = (None, b"")
            self.ready.emit()
            return
        ticket, results = self.ticket, self.results

        def work() -> None:
            results.post(ticket, measure(password, inputs), digest)

        # A plain callable, not a QRunnable subclass: PySide's wrapper of a Python
        # QRunnable subclass aborted the interpreter at exit in the screenshot run.
        self.pool.start(work)

    def cancel(self) -> None:
        self.ticket += 1  # whatever is still being measured will be ignored
        self.latest = (None, b"")

    def _arrived(self, ticket: int) -> None:
        found = self.results.take(ticket)
        if found is not None and ticket == self.ticket:
            self.latest = found
            self.ready.emit()
