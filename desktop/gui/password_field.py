"""The password field: measured live with zxcvbn off the GUI thread, never kept.

Each keystroke sends the text to the measurer (desktop.gui.measurer), which works in a
helper process; the GUI thread collects the result with a short timer. Only the result
for the newest text is shown. The text is cleared when the page is left, and the field refuses
drag, drop, copy and cut.
"""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.core.checks.password import PasswordReport
from desktop.gui.measurer import Measurer

POLL_MS = 15  # under one frame: the result shows as soon as a person could notice


class PasswordEdit(QLineEdit):
    """A line edit for secrets: no echo, no drag and drop, no copy or cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(self.contextMenuPolicy().NoContextMenu)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            event.ignore()
            return
        super().keyPressEvent(event)


class PasswordMeter(QObject):
    """Measures the newest text; `ready` fires when `latest` holds its result."""

    ready = Signal()

    def __init__(self, measurer: Measurer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.measurer = measurer
        self.ticket = 0
        self.measured_ticket = 0  # the ticket `latest` belongs to
        self.latest: tuple[PasswordReport | None, bytes] = (None, b"")
        self._digest = b""
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._collect)

    def measure(self, password: str, inputs: tuple[str, ...], digest: bytes) -> None:
        self.ticket += 1
        if not password:
            self._timer.stop()
            self.measurer.forget(self)
            self.latest = (None, b"")
            self.measured_ticket = self.ticket
            self.ready.emit()
            return
        self._digest = digest
        self.measurer.request(self, self.ticket, password, inputs)
        self._timer.start()
        self._collect()  # measured in the app if the helper could not start

    def cancel(self) -> None:
        self.ticket += 1  # whatever is still being measured will be ignored
        self._timer.stop()
        self.measurer.forget(self)
        self.latest = (None, b"")

    def _collect(self) -> None:
        self.measurer.collect()
        report = self.measurer.result(self, self.ticket)
        if report is not None:
            self._timer.stop()
            self.latest = (report, self._digest)
            self.measured_ticket = self.ticket
            self.ready.emit()

    @property
    def pending(self) -> bool:
        """Whether the newest text has not been measured yet."""
        return self.measured_ticket != self.ticket

    def finish(self, password: str, inputs: tuple[str, ...], digest: bytes) -> None:
        """Measure the newest text now, here: the page is being left and must not keep
        the measurement of an earlier prefix of what was typed."""
        from desktop.core.checks.password import measure

        self._timer.stop()
        self.measurer.forget(self)
        self.latest = (measure(password, inputs), digest)
        self.measured_ticket = self.ticket
        self.ready.emit()
