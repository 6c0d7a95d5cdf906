"""Sign: the key's state, the passphrase when the key lives in a file, where to save."""

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.flow import Step
from desktop.core.base.errors import SelfCheckError
from desktop.core.records.declare import Destination, HistoryNotIntact, check_ready, sign_and_save
from desktop.core.signing.keys import KeyStore, KeyStoreError, Storage
from desktop.gui.messages import describe
from desktop.gui.pages.base import WizardPage
from desktop.gui.password_field import PasswordEdit
from desktop.gui.session import Session
from desktop.gui.worker import emit_if_alive
from desktop.report.pdf import with_pdf


class KeyOpener(QObject):
    """Opens the signing key on a worker thread: the keychain may wait for the person to
    unlock it, and a key file's scrypt takes a good part of a second. The result comes
    back through queued signals, so the page handles it on the GUI thread."""

    opened = Signal(object)  # Ed25519PrivateKey
    failed = Signal(object)  # the exception

    def start(self, keys: KeyStore, passphrase: str) -> None:
        def work() -> None:
            try:
                key = keys.load_or_create(lambda _new: passphrase)
            except (SelfCheckError, OSError) as exc:
                emit_if_alive(self.failed, exc)
            except Exception as exc:  # a keyring backend's own failure: never leave the page busy
                failure = KeyStoreError(f"the keychain failed: {type(exc).__name__}")
                emit_if_alive(self.failed, failure)
            else:
                emit_if_alive(self.opened, key)

        threading.Thread(target=work, name="selfcheck-open-key", daemon=True).start()


class SignPage(WizardPage):
    signed = Signal(str)  # the path of the bundle written
    busy = Signal(bool)  # the key is being opened: the wizard must stay on this page

    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.key_state = QLabel(wordWrap=True)
        self.key_state.setObjectName("keyState")
        self.passphrase = PasswordEdit()  # no copy, cut or drag; a pasted one is forgotten
        self.passphrase.setObjectName("passphrase")
        self.folder = QLineEdit(str(Path.home() / "SelfCheck"))
        self.folder.setObjectName("outputFolder")
        self.browse = QPushButton()
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self._browse)
        self.as_zip = QCheckBox()
        self.as_zip.setObjectName("asZip")
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign)
        self.result = QLabel(wordWrap=True)
        self.result.setObjectName("signResult")
        self.busy_now = False  # the key is being opened on the worker thread
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.folder_label = QLabel()
        self.content.addWidget(self.key_state)
        self.content.addWidget(self.passphrase)
        self.content.addWidget(self.folder_label)
        self.content.addLayout(row)
        self.content.addWidget(self.as_zip)
        self.content.addWidget(self.sign_button)
        self.content.addWidget(self.result)
        self.content.addStretch(1)
        self.retranslate()

    def _needs_passphrase(self) -> bool:
        record = self.session.keys.record()
        if record is not None:
            return record.storage == Storage.FILE
        return not self.session.keys.state().usable

    def enter(self) -> None:
        self.retranslate()
        self.sign_button.setEnabled(not self.session.signed and not self.busy_now)

    def leave(self) -> None:
        self.passphrase.clear()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Save the bundle in"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def sign(self) -> None:
        flow, history = self.session.flow, self.session.history
        if flow is None or history is None or self.session.signed or self.busy_now:
            return
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_absolute():
            self.result.setText(self.tr("Choose the folder to save the bundle in."))
            return
        if not flow.can_reach(self.step, self.session.passwords):
            self.result.setText(self.tr("Some pages are not complete yet; nothing was signed."))
            return
        result = flow.assessment(self.session.passwords)
        if result is None:
            return
        try:
            check_ready(self.session.keys, history)
        except HistoryNotIntact as exc:
            self.result.setText(
                self.tr("The local history is not intact; nothing was signed:")
                + "\n"
                + "\n".join(exc.problems)
            )
            return
        except SelfCheckError as exc:
            self.result.setText(self.tr("Not signed.") + " " + describe(exc))
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self._set_busy(True)
        self.result.setText(
            self.tr("Opening the signing key… The keychain may ask you to unlock it.")
        )
        opener = KeyOpener(self)
        opener.opened.connect(lambda key: self._sign_with(result, key, folder))
        opener.failed.connect(self._not_signed)
        opener.start(self.session.keys, passphrase)

    def _set_busy(self, busy: bool) -> None:
        self.busy_now = busy
        self.sign_button.setEnabled(not busy and not self.session.signed)
        self.passphrase.setEnabled(not busy)
        self.folder.setEnabled(not busy)
        self.browse.setEnabled(not busy)
        self.as_zip.setEnabled(not busy)
        self.busy.emit(busy)

    def _not_signed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.result.setText(self.tr("Not signed.") + " " + describe(exc))

    def _sign_with(self, result: Assessment, key: Any, folder: Path) -> None:
        history = self.session.history
        if self.retired or history is None or self.session.signed:
            self._set_busy(False)
            return
        policy = self.session.policy
        destination = Destination(
            folder,
            self.as_zip.isChecked(),
            lambda bundle: with_pdf(bundle, policy),  # in the summary's language
        )
        try:
            target = sign_and_save(result, self.session.keys, history, destination, key=key).path
        except Exception as exc:  # e.g. a locked database: told, never left stuck
            self._not_signed(exc)
            return
        self.session.passwords = None  # the run is over: its measurements go too
        if self.session.flow is not None:
            history.delete_draft(self.session.flow.draft.id)
        self.session.signed = True
        self._set_busy(False)  # one assessment, one declaration: Sign stays off
        self.result.setText(self.tr("Signed and saved: %1").replace("%1", str(target)))
        self.signed.emit(str(target))
        self.retranslate_key()

    def retranslate_key(self) -> None:
        record = self.session.keys.record()
        state = self.session.keys.state()
        if record is None:
            where = (
                self.tr("the keychain (%1)").replace("%1", state.name)
                if state.usable
                else self.tr("an encrypted key file protected by a passphrase")
            )
            text = self.tr("A signing key will be made and kept in %1.").replace("%1", where)
        else:
            where = (
                self.tr("the keychain (%1)").replace("%1", record.backend.rsplit(".", 2)[-2])
                if record.storage == Storage.KEYCHAIN
                else self.tr("an encrypted key file")
            )
            text = (
                self.tr("Signing key %1, kept in %2.")
                .replace("%1", record.fingerprint)
                .replace("%2", where)
            )
        self.key_state.setText(text)
        needs = self._needs_passphrase()
        self.passphrase.setVisible(needs)
        self.passphrase.setPlaceholderText(self.tr("passphrase of the key file (8+ characters)"))

    def retranslate(self) -> None:
        self.set_heading(self.tr("Sign"))
        self.folder_label.setText(self.tr("Save the bundle in:"))
        self.browse.setText(self.tr("Bro&wse…"))
        self.as_zip.setText(self.tr("As one .zip file (for e-mail or USB)"))
        self.sign_button.setText(self.tr("&Sign and save"))
        self.retranslate_key()
