"""Saving the draft as the person works: shortly after every change, not only when a page
is left, so that a crash or a power cut loses at most the last second of typing.

Each change restarts a short single-shot timer (typing a word saves once, when the
fingers pause); a change that keeps coming is saved anyway once the oldest unsaved one is
`LONGEST_MS` old. Leaving a page and closing save at once (`save_now`). What is saved is
the draft's own dump: no typed password is ever in it (desktop.core.assessment.draft).
"""

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer

from desktop.core.base.errors import SelfCheckError
from desktop.gui.session import Session

QUIET_MS = 500  # saved once typing pauses this long
LONGEST_MS = 800  # ... and never later than this after the first unsaved change


class DraftSaver(QObject):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setObjectName("draftSaveTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.save_now)
        self._oldest = QElapsedTimer()  # since the first change not yet saved
        self.failing = False  # the last save failed, and the person was told

    @property
    def pending(self) -> bool:
        return self.timer.isActive()

    def changed(self) -> None:
        """The draft changed: save it soon."""
        if not self.timer.isActive():
            self._oldest.start()
        left = LONGEST_MS - self._oldest.elapsed()
        self.timer.start(max(0, min(QUIET_MS, left)))

    def save_now(self) -> None:
        """Save at once. A save that fails (a full disk, a history gone read-only) is told
        once, not at every key, and tried again at the next change."""
        self.timer.stop()
        try:
            self.session.save_draft()
        except (OSError, SelfCheckError) as exc:
            if not self.failing:
                self.failing = True
                self._tell(exc)
            return
        self.failing = False

    def _tell(self, exc: Exception) -> None:
        from PySide6.QtWidgets import QWidget

        from desktop.gui.messages import describe, plain_box

        parent = self.parent()
        box = plain_box(
            None, self.tr("The draft could not be saved: %1").replace("%1", describe(exc))
        )
        box.setObjectName("draftNotSaved")
        if isinstance(parent, QWidget):
            box.setParent(parent, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): typing goes on behind it
