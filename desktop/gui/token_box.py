"""The Sign page's optional public-service signature: summary.pdf also signed (PAdES) with
the certificate on the official's USB token. The module is found from the known list or
chosen by hand, the certificate from those on the token (subject and validity), the PIN
typed in a password field; the token is read off the GUI thread."""

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import show_date
from desktop.core.base.paths import data_home
from desktop.core.records.bundle import SIGNATURE, SUMMARY, Bundle
from desktop.core.signing.pades import TokenChoice, sign_pdf
from desktop.core.signing.token import (
    TokenCertificate,
    TokenError,
    list_certificates,
    token_labels,
)
from desktop.core.signing.token_modules import FILE_NAME, installed_modules
from desktop.gui.messages import describe, show_plain
from desktop.gui.password_field import PasswordEdit
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, run_task

Found = tuple[list[str], str | None, list[TokenCertificate]]


def read_token(module: Path, wanted: str | None, pin: str) -> Found:
    """Run as a task: the token's labels, the one read, and its signing certificates. A
    PIN is tried on one token only, the one chosen (or the only one there is)."""
    labels = token_labels(module)
    chosen = wanted if wanted in labels else (labels[0] if len(labels) == 1 else None)
    if chosen is None:
        return labels, None, []
    return labels, chosen, list_certificates(module, chosen, pin)


class TokenBox(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("tokenBox")
        self.setCheckable(True)
        self.setChecked(False)
        self.module = QComboBox(editable=True)
        self.module.setObjectName("tokenModule")
        self.module.setMinimumContentsLength(30)
        self.choose_module = QPushButton()
        self.choose_module.setObjectName("tokenModuleBrowse")
        self.choose_module.clicked.connect(self._browse)
        self.token = QComboBox()
        self.token.setObjectName("tokenLabel")
        self.pin = PasswordEdit()  # no copy, cut or drag; a pasted one is forgotten
        self.pin.setObjectName("tokenPin")
        self.read = QPushButton()
        self.read.setObjectName("readCertificates")
        self.read.clicked.connect(self.read_certificates)
        self.certificate = QComboBox()
        self.certificate.setObjectName("tokenCertificate")
        self.state = QLabel(wordWrap=True)
        self.state.setObjectName("tokenState")
        self.busy_now = False
        self._certificates: list[TokenCertificate] = []
        self._state: Callable[[], str] | None = None
        modules = QHBoxLayout()
        modules.addWidget(self.module, 1)
        modules.addWidget(self.choose_module)
        self.form = QFormLayout(self)
        self.module_label, self.token_label = QLabel(), QLabel()
        self.pin_label, self.certificate_label = QLabel(), QLabel()
        self.form.addRow(self.module_label, modules)
        self.form.addRow(self.token_label, self.token)
        self.form.addRow(self.pin_label, self.pin)
        self.form.addRow(QLabel(), self.read)
        self.form.addRow(self.certificate_label, self.certificate)
        self.form.addRow(self.state)
        self.toggled.connect(self._toggled)
        self._fill_modules()
        self.retranslate()

    def _fill_modules(self) -> None:
        try:
            found = installed_modules(data_home() / FILE_NAME)
        except (SelfCheckError, OSError) as exc:  # a broken list of the person's own
            show_plain(self.state, describe(exc))
            found = []
        for known in found:
            self.module.addItem(f"{known.path}", str(known.path))
            self.module.setItemData(self.module.count() - 1, known.name, 3)  # tooltip role

    def _toggled(self, on: bool) -> None:
        if not on:
            self.pin.clear()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The token's PKCS#11 module"), "", self.tr("Modules (*.so *.dll *.dylib)")
        )
        if chosen:
            self.module.setEditText(chosen)

    def module_path(self) -> Path | None:
        text = self.module.currentText().strip()
        return Path(text) if text else None

    def message(self, exc: BaseException) -> str:
        """A token's failure in the person's language; anything else as the app says it."""
        if isinstance(exc, TokenError):
            return exc.message(self.session.language.language)
        return describe(exc)

    def _say(self, state: Callable[[], str]) -> None:
        """Show the token's state, and again in the new language after a switch."""
        self._state = state
        self.state.setText(state())

    def read_certificates(self) -> None:
        module = self.module_path()
        if module is None or self.busy_now:
            self._say(lambda: self.tr("Choose the token's PKCS#11 module first."))
            return
        wanted = self.token.currentText() or None
        pin = self.pin.text()
        self.set_busy(True)
        self._say(lambda: self.tr("Reading the token…"))
        run_task(lambda: read_token(module, wanted, pin), self._read, receiver=self)

    def _read(self, outcome: Outcome[Found]) -> None:
        self.set_busy(False)
        error = outcome.error
        if error is not None:
            self._say(lambda: self.message(error))
            return
        labels, chosen, certificates = outcome.get()
        self.token.clear()
        self.token.addItems(labels)
        if chosen is None:
            self._say(
                (lambda: self.tr("No USB token was found; plug it in and read again."))
                if not labels
                else (
                    lambda: self.tr("Several tokens are plugged in: choose one, then read again.")
                )
            )
            return
        self.token.setCurrentText(chosen)
        self._certificates = certificates
        self._list_certificates()
        self._say(
            (lambda: self.tr("%n certificate(s) on the token.", "", len(certificates)))
            if certificates
            else (lambda: self.tr("The token holds no certificate with a signing key."))
        )

    def _list_certificates(self) -> None:
        """Each certificate by its subject and validity, in the interface's language."""
        chosen = self.certificate.currentIndex()
        self.certificate.clear()
        for found in self._certificates:
            self.certificate.addItem(
                self.tr("%1 — valid %2 to %3 (%4)")
                .replace("%1", found.subject)
                .replace("%2", show_date(found.not_before.date()))
                .replace("%3", show_date(found.not_after.date()))
                .replace("%4", found.label),
                found.label,
            )
        if 0 <= chosen < self.certificate.count():
            self.certificate.setCurrentIndex(chosen)

    def set_busy(self, busy: bool) -> None:
        self.busy_now = busy
        for widget in (self.module, self.choose_module, self.token, self.pin, self.read):
            widget.setEnabled(not busy)

    def missing(self) -> str | None:
        """What is still to be done before signing with the token, if it is asked for."""
        if not self.isChecked():
            return None
        if self.module_path() is None or not self.certificate.currentData():
            return self.tr("Read the token and choose the certificate to sign the PDF with.")
        if not self.pin.text():
            return self.tr("Type the token's PIN.")
        return None

    def signer(self, person_name: str) -> Callable[[Bundle], Bundle] | None:
        """What signs the bundle's PDF on the token; the PIN leaves the field for it."""
        module = self.module_path()
        if not self.isChecked() or module is None:
            return None
        choice = TokenChoice(
            module, self.token.currentText() or None, self.certificate.currentData()
        )
        pin = self.pin.text()
        self.pin.clear()

        def sign(bundle: Bundle) -> Bundle:
            assert bundle.pdf is not None
            attached = {SUMMARY: bundle.summary, SIGNATURE: bundle.signature}
            signed = sign_pdf(bundle.pdf, attached, choice, pin, person_name)
            return dataclasses.replace(bundle, pdf=signed)

        return sign

    def retranslate(self) -> None:
        self.setTitle(self.tr("Also sign the PDF with a USB token (chữ ký số công vụ)"))
        self.module_label.setText(self.tr("Token module:"))
        self.choose_module.setText(self.tr("Choose…"))
        self.token_label.setText(self.tr("Token:"))
        self.pin_label.setText(self.tr("Token PIN:"))
        self.pin.setPlaceholderText(self.tr("PIN of the USB token"))
        self.read.setText(self.tr("&Read the certificates"))
        self.certificate_label.setText(self.tr("Certificate:"))
        self._list_certificates()
        if self._state is not None:
            self.state.setText(self._state())
