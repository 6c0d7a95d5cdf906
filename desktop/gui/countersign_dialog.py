"""Countersigning one official's declaration from the review: the reviewer's decision
(accepted, or returned to be fixed), signed with the reviewer's own SelfCheck key and
written beside the bundle as the three files `selfcheck countersign` writes."""

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.base.fields import STAFF_ID
from desktop.core.records.bundle import BundleError, read, verify
from desktop.core.review.countersign import Decision, countersign
from desktop.core.review.roster import load_roster
from desktop.core.signing.keys import Storage
from desktop.gui.messages import bundle_lead, describe, show_plain
from desktop.gui.pages.sign_page import open_key
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, run_task


class CountersignDialog(QDialog):
    countersigned = Signal(str)  # the statement written

    def __init__(
        self,
        session: Session,
        roster: Path,
        bundle: Path,
        reviewer: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("countersignDialog")
        self.session, self.roster, self.bundle = session, roster, bundle
        self.resize(640, 300)
        self.what = QLabel(wordWrap=True)
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setObjectName("reviewerId")
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("reviewerPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("countersignButton")
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("countersignMessage")
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(3)]
        for label, field in zip(
            self.labels, (self.reviewer, self.decision, self.passphrase), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        needs = self._needs_passphrase()
        self.passphrase.setVisible(needs)
        self.labels[2].setVisible(needs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def _needs_passphrase(self) -> bool:
        record = self.session.keys.record()
        if record is not None:
            return record.storage == Storage.FILE
        return not self.session.keys.state().usable

    def sign(self) -> None:
        reviewer = self.reviewer.text().strip()
        if not STAFF_ID.fullmatch(reviewer):
            self.message.setText(
                self.tr("Type your reviewer id (letters, digits, '.', '_' or '-').")
            )
            return
        decision = Decision(self.decision.currentData())
        keys, roster, bundle = self.session.keys, self.roster, self.bundle
        passphrase = self.passphrase.text()
        self.passphrase.clear()

        def work() -> str:
            trusted = list(load_roster(roster).signers)  # only what the roster vouches for
            made = read(bundle)
            verified = verify(made, trusted, at_issue=True)
            key = open_key(keys, passphrase)
            signed = countersign(made, verified, key, reviewer, decision)
            return str(signed.write_beside(bundle)[0])

        self.sign_button.setEnabled(False)
        self.message.setText(
            self.tr("Opening the signing key… The keychain may ask you to unlock it.")
        )
        run_task(work, self._signed, receiver=self)

    def _signed(self, outcome: Outcome[str]) -> None:
        self.sign_button.setEnabled(True)
        error = outcome.error
        if isinstance(error, BundleError):
            self.message.setText(self.tr("Not countersigned.") + " " + bundle_lead(error.failure))
            return
        if error is not None:
            show_plain(self.message, self.tr("Not countersigned.") + " " + describe(error))
            return
        written = outcome.get()
        self.message.setText(self.tr("Countersigned: %1").replace("%1", written))
        self.countersigned.emit(written)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: countersign a declaration"))
        self.what.setText(
            self.tr(
                "Sign your decision on %1 with your own SelfCheck key. Three files are "
                "written beside the bundle; ssh-keygen -Y verify checks them."
            ).replace("%1", self.bundle.name)
        )
        for label, text in zip(
            self.labels,
            (self.tr("Your &reviewer id:"), self.tr("&Decision:"), self.tr("&Passphrase:")),
            strict=True,
        ):
            label.setText(text)
        current = self.decision.currentIndex()
        self.decision.clear()
        self.decision.addItem(self.tr("Accepted"), Decision.ACCEPTED.value)
        self.decision.addItem(self.tr("Returned to be fixed"), Decision.RETURNED.value)
        self.decision.setCurrentIndex(max(current, 0))
        self.sign_button.setText(self.tr("&Countersign"))
        self.close_button.setText(self.tr("Close"))
