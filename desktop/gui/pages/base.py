"""What every wizard page has: its step, a scrollable body, and a `changed` signal."""

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.assessment.flow import Step
from desktop.core.base.i18n import Language
from desktop.gui.session import Session


class WizardPage(QWidget):
    changed = Signal()  # the draft changed: completeness may have too

    def __init__(self, session: Session, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.step = step
        self.retired = False  # removed from the wizard, waiting to be deleted
        self.setObjectName(f"page-{step.key}")
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.body = QWidget()
        self.content = QVBoxLayout(self.body)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # The heading, the scrolling body, and below it what must stay in sight (Sign).
        self.page_layout = layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)

    @property
    def language(self) -> Language:
        return self.session.language.language

    def set_heading(self, text: str) -> None:
        self.heading.setText(f"<h2>{escape(text)}</h2>")

    def enter(self) -> None:
        """Called each time the page is shown."""

    def show_item(self, item_id: str) -> None:
        """Scroll to the item's question and put the keyboard on it (from the Review).
        An item the typed password answers is shown by its password field."""
        suffix = f"{item_id}-{self.step.account_id}" if self.step.account_id else item_id
        target = self.body.findChild(QWidget, f"item-{suffix}")
        if target is not None and not target.isVisibleTo(self):
            target = self.body.findChild(QWidget, "password")
        if target is None:
            return
        focus = next(
            (
                w
                for w in target.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(target)
            ),
            target,
        )
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(target)
        # Again once the page is laid out: it may be shown for the first time.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(target))

    def leave(self) -> None:
        """Called each time the page is left: forget anything secret."""

    def retire(self) -> None:
        """Take the page out of use; it may describe an account that no longer exists."""
        self.retired = True
        self.leave()
        self.deleteLater()

    def retranslate(self) -> None:
        """Set every visible string in the current language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and not self.retired:
            self.retranslate()
        super().changeEvent(event)
