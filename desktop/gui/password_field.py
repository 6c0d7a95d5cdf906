"""The password field: measured live with zxcvbn off the GUI thread, never kept.

Each keystroke sends the text to the measurer (desktop.gui.measurer), which works in a
helper process; its report comes back by signal, numbered, and only the report for the
newest text is shown. The text is cleared when the page is left, and the field refuses
drag, drop, copy and cut. A password pasted into it is taken off the clipboard again when
the field is cleared and when the app quits, unless the clipboard holds something else by then.
"""

import hashlib
import os

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.core.assessment.checks.password import PasswordReport
from desktop.gui.measurer import Measurer

# What was pasted is remembered as a keyed digest, never as text: the key is made anew in
# every process, so the digests mean nothing outside it. Process-wide, because the
# clipboard is, and because the app's quit must reach what a field long gone pasted.
_PASTE_KEY = os.urandom(32)
_pasted: set[bytes] = set()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=_PASTE_KEY).digest()


def _clipboard_modes() -> list[QClipboard.Mode]:
    modes = [QClipboard.Mode.Clipboard]
    if QGuiApplication.clipboard().supportsSelection():
        modes.append(QClipboard.Mode.Selection)  # X11's middle-click selection
    return modes


def _remember_paste(mode: QClipboard.Mode) -> None:
    text = QGuiApplication.clipboard().text(mode)
    if text:
        _pasted.add(_digest(text))


def forget_pasted_passwords() -> None:
    """Clear the clipboard (and the X11 selection) if it still holds a password pasted into
    a password field; what the person copied since is left alone."""
    if not _pasted or QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    for mode in _clipboard_modes():
        text = clipboard.text(mode)
        if text and _digest(text) in _pasted:
            clipboard.clear(mode)
    _pasted.clear()


class PasswordEdit(QLineEdit):
    """A line edit for secrets: no echo, no drag and drop, no copy or cut, and what is
    pasted into it leaves the clipboard when it is cleared.

    Selecting its text never reaches the X11 selection: Qt copies a line edit's selection
    there only in Normal echo mode (tests/test_secrets.py holds it to that)."""

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
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            _remember_paste(QClipboard.Mode.Clipboard)
            both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if event.key() == Qt.Key.Key_Insert and event.modifiers() == both:
                for mode in _clipboard_modes()[1:]:  # under KDE's keys, the selection
                    _remember_paste(mode)
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        # A middle click pastes the X11 selection (Qt does so on release).
        if event.button() == Qt.MouseButton.MiddleButton and not self.isReadOnly():
            for mode in _clipboard_modes()[1:]:
                _remember_paste(mode)
        super().mouseReleaseEvent(event)

    def clear(self) -> None:
        """Empty the field (the page is left, or the password declined instead), and take
        a password pasted into it off the clipboard."""
        super().clear()
        forget_pasted_passwords()


class PasswordMeter(QObject):
    """Measures the newest text; `ready` fires when `latest` holds its result."""

    ready = Signal()

    def __init__(self, measurer: Measurer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.measurer = measurer
        self.asked: int | None = None  # the measurer's number for the newest text
        self.latest: tuple[PasswordReport | None, bytes] = (None, b"")
        self._digest = b""
        measurer.measured.connect(self._arrived)

    def measure(self, password: str, inputs: tuple[str, ...], digest: bytes) -> None:
        self._forget()
        if not password:
            self.latest = (None, b"")
            self.ready.emit()
            return
        self._digest = digest
        self.asked = self.measurer.request(password, inputs)

    def cancel(self) -> None:
        self._forget()  # whatever is still being measured will be ignored
        self.latest = (None, b"")

    def _forget(self) -> None:
        if self.asked is not None:
            self.measurer.drop(self.asked)
            self.asked = None

    def _arrived(self, number: int, report: PasswordReport) -> None:
        if number != self.asked:
            return  # another field's, or an older text's
        self.asked = None
        self.latest = (report, self._digest)
        self.ready.emit()

    @property
    def pending(self) -> bool:
        """Whether the newest text has not been measured yet."""
        return self.asked is not None

    def finish(self, password: str, inputs: tuple[str, ...], digest: bytes) -> None:
        """Measure the newest text now, here: the page is being left and must not keep
        the measurement of an earlier prefix of what was typed."""
        from desktop.core.assessment.checks.password import measure

        self._forget()
        self.latest = (measure(password, inputs), digest)
        self.ready.emit()
