"""Enrolling an official's key in the roster: the key comes from their bundle or from the
`ssh-ed25519` line they sent, and is taken only when it matches the fingerprint printed on
their summary PDF: typed, pasted, or read from the PDF's QR code."""

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.enrolment import EnrolmentRefused, Refusal, enrol_confirmed
from desktop.core.review.roster import load_roster
from desktop.gui.messages import describe, show_plain
from desktop.gui.tasks import Outcome, run_task


class EnrolDialog(QDialog):
    enrolled = Signal(str)  # the staff id

    def __init__(self, roster: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.roster_path = roster
        self.resize(760, 440)
        self.staff = QComboBox()
        self.staff.setObjectName("enrolStaff")
        self.staff.setEditable(True)
        self.bundle = QLineEdit()
        self.bundle.setObjectName("enrolBundle")
        self.bundle_zip, self.bundle_folder = QPushButton(), QPushButton()
        self.bundle_zip.clicked.connect(self._choose_zip)
        self.bundle_folder.clicked.connect(self._choose_folder)
        self.key = QPlainTextEdit()
        self.key.setObjectName("enrolPublicKey")
        self.key.setTabChangesFocus(True)
        self.key.setMaximumHeight(70)
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("enrolFingerprint")
        self.read_pdf = QPushButton()
        self.read_pdf.setObjectName("readPdf")
        self.read_pdf.clicked.connect(lambda: self.read_from_pdf())
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.enrol)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("enrolMessage")
        self.hint = QLabel(wordWrap=True)

        form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        bundle_line, fingerprint_line = QHBoxLayout(), QHBoxLayout()
        bundle_line.addWidget(self.bundle, 1)
        bundle_line.addWidget(self.bundle_zip)
        bundle_line.addWidget(self.bundle_folder)
        fingerprint_line.addWidget(self.fingerprint, 1)
        fingerprint_line.addWidget(self.read_pdf)
        for label, buddy in zip(
            self.labels, (self.staff, self.bundle, self.key, self.fingerprint), strict=True
        ):
            label.setBuddy(buddy)
        form.addRow(self.labels[0], self.staff)
        form.addRow(self.labels[1], bundle_line)
        form.addRow(self.labels[2], self.key)
        form.addRow(self.labels[3], fingerprint_line)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        try:
            members = sorted(load_roster(roster).members())
        except Exception:
            members = []
        self.staff.addItems(members)
        self.staff.setCurrentText("")

    def _choose_zip(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The official's bundle"), self.bundle.text(), "ZIP (*.zip)"
        )
        if chosen:
            self.bundle.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The official's bundle"), self.bundle.text()
        )
        if chosen:
            self.bundle.setText(chosen)

    def read_from_pdf(self, path: Path | None = None) -> None:
        """Fill the fingerprint from the official's summary PDF (its QR code)."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("The official's summary PDF"), str(Path.home()), "PDF (*.pdf)"
            )
            if not chosen:
                return
            path = Path(chosen)
        from desktop.report.qr_reading import key_in_pdf

        self.read_pdf.setEnabled(False)
        self.message.setText(self.tr("Reading the PDF…"))
        run_task(lambda: key_in_pdf(path), self._read, receiver=self)

    def _read(self, outcome: Outcome[object]) -> None:
        from desktop.report.qr_reading import PdfKey, PdfNotRead

        self.read_pdf.setEnabled(True)
        if isinstance(outcome.error, PdfNotRead):
            self.message.setText(
                self.tr("No SelfCheck QR code or key fingerprint was found in that PDF.")
            )
            return
        found = outcome.get()
        assert isinstance(found, PdfKey)
        self.fingerprint.setText(found.fingerprint)
        read = (
            self.tr("Read from the QR code: %1. Check it against the printout.")
            if found.from_code
            else self.tr("Read from the PDF's text: %1. Check it against the printout.")
        )
        self.message.setText(read.replace("%1", found.fingerprint))

    def enrol(self) -> None:
        staff_id = self.staff.currentText().strip()
        bundle = self.bundle.text().strip()
        if not staff_id:
            self.message.setText(self.tr("Type or choose the staff id."))
            return
        try:
            roster = load_roster(self.roster_path)
            _roster, key = enrol_confirmed(
                roster,
                staff_id,
                fingerprint=self.fingerprint.text(),
                key_text=self.key.toPlainText(),
                bundle=Path(bundle).expanduser() if bundle else None,
            )
        except EnrolmentRefused as exc:
            self.message.setText(self.refusal(exc))
            return
        except Exception as exc:  # the bundle, the roster, its keys file, a key enrolled for
            # another: one line, the lead, then the core's words in the person's language
            detail = " ".join(describe(exc).split())
            show_plain(self.message, self.tr("Nothing was enrolled.") + " " + detail)
            return
        self.message.setText(
            self.tr("Enrolled %1: %2").replace("%1", staff_id).replace("%2", key.fingerprint)
        )
        self.enrolled.emit(staff_id)

    def refusal(self, exc: EnrolmentRefused) -> str:
        """One line: what is wrong, and that nothing was enrolled."""
        texts = {
            Refusal.NOT_A_KEY: self.tr(
                "Nothing was enrolled: the key is not an ssh-ed25519 public key "
                "(it starts with ssh-ed25519 AAAA)."
            ),
            Refusal.NOT_A_FINGERPRINT: self.tr(
                "Nothing was enrolled: give the key fingerprint printed on the official's "
                "PDF (SHA256: and 43 characters), or read it from the PDF."
            ),
            Refusal.NO_KEY: self.tr(
                "Nothing was enrolled: choose the official's bundle or paste their public key."
            ),
            Refusal.MISMATCH: self.tr(
                "Nothing was enrolled: the key's fingerprint is %1, not the one given."
            ).replace("%1", exc.detail.split(",")[0]),
            Refusal.OTHER_PERSON: self.tr(
                "Nothing was enrolled: the bundle is signed for %1, not for this staff id."
            ).replace("%1", exc.detail),
        }
        return texts[exc.refusal]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: enrol an official's key"))
        self.hint.setText(
            self.tr(
                "Take the key from the official's bundle, or paste the public key they sent; "
                "it is enrolled only if its fingerprint is the one on their summary PDF."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("&Staff id:"),
                self.tr("&Bundle:"),
                self.tr("or public &key:"),
                self.tr("&Fingerprint:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.bundle_zip.setText(self.tr("Zip…"))
        self.bundle_folder.setText(self.tr("Folder…"))
        self.read_pdf.setText(self.tr("Read from the &PDF…"))
        self.enrol_button.setText(self.tr("&Enrol"))
        self.close_button.setText(self.tr("Close"))
        self.fingerprint.setPlaceholderText("SHA256:…")
        self.key.setPlaceholderText("ssh-ed25519 AAAA…")
