"""One person's latest declaration, opened from a row of the review: its findings and the
fix-it steps. The bundle is read and verified against the roster again, so what is shown
is what the signature covers, even if the file changed since the review."""

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.records.bundle import read, verify
from desktop.core.review.roster import Roster
from desktop.gui.messages import describe
from desktop.gui.session import Session
from desktop.report.findings import findings_html


class FindingsDialog(QDialog):
    def __init__(
        self, session: Session, roster: Roster, bundle: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingsDialog")
        self.session, self.roster, self.bundle = session, roster, bundle
        self.resize(860, 540)
        self.view = QTextBrowser()
        self.view.setObjectName("findingsView")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def _fill(self) -> None:
        try:
            verified = verify(
                read(self.bundle, own_signers=False), list(self.roster.signers), at_issue=True
            )
            html = findings_html(
                verified.summary, self.session.policy, self.session.language.language
            )
        except Exception as exc:  # changed or gone since the review: told, not a traceback
            self.view.setPlainText(describe(exc))
            return
        self.view.setHtml(html)
        self.view.moveCursor(QTextCursor.MoveOperation.Start)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("SelfCheck: the findings of %1").replace("%1", self.bundle.name)
        )
        self.view.setAccessibleName(self.tr("Findings and fix-it plan"))
        self.close_button.setText(self.tr("Close"))
        self._fill()
