"""Sign: the key's state, the passphrase when the key lives in a file, where to save, the
PDF's language. Once signed, the wizard hands over to the end screen (gui.end_screen)."""

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.flow import Step
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Language
from desktop.core.records.bundle import Bundle
from desktop.core.records.declare import (
    BundleNotWritten,
    Destination,
    HistoryNotIntact,
    Saved,
    check_ready,
    sign_and_save,
)
from desktop.core.signing.keyfile import WeakPassphrase, WrongPassphrase
from desktop.core.signing.keys import KeyStore, KeyStoreError, PassphraseNeeded, Storage
from desktop.gui.end_screen import Receipt
from desktop.gui.messages import describe, show_plain
from desktop.gui.pages.base import WizardPage
from desktop.gui.passphrase_box import PassphraseBox
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, run_task
from desktop.gui.token_box import TokenBox
from desktop.report.pdf import with_pdf


def open_key(keys: KeyStore, passphrase: str) -> Ed25519PrivateKey:
    """Run as a task: the keychain may wait for the person to unlock it, and a key file's
    scrypt takes a good part of a second."""
    try:
        return keys.load_or_create(lambda _new: passphrase)
    except (SelfCheckError, OSError):
        raise
    except Exception as exc:  # a keyring backend's own failure: told as the keychain's
        raise KeyStoreError(f"the keychain failed: {type(exc).__name__}") from exc


class SignPage(WizardPage):
    signed = Signal(object)  # a Receipt: what was saved, and where
    busy = Signal(bool)  # the key is being opened: the wizard must stay on this page

    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.key_state = QLabel(wordWrap=True)
        self.key_state.setObjectName("keyState")
        self.passphrase = PassphraseBox(session)
        self.folder = QLineEdit(str(Path.home() / "SelfCheck"))
        self.folder.setObjectName("outputFolder")
        self.browse = QPushButton()
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self._browse)
        self.as_zip = QCheckBox()
        self.as_zip.setObjectName("asZip")
        self.pdf_language = QComboBox()
        self.pdf_language.setObjectName("pdfLanguage")
        # Each language named in itself; Vietnamese first, and chosen unless changed.
        self.pdf_language.addItem("Tiếng Việt", "vi")
        self.pdf_language.addItem("English", "en")
        self.pdf_language_label = QLabel()
        self.pdf_language_label.setBuddy(self.pdf_language)
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign)
        self.result = QLabel(wordWrap=True)
        self.result.setObjectName("signResult")
        self.busy_now = False  # the key is being opened, or the declaration saved, by a task
        # The keychain looked usable but refused to keep the new key: it goes into a key
        # file after all (keys.KeyStore.create), whose passphrase must now be asked.
        self.keychain_refused = False
        self.token_box = TokenBox(session)  # summary.pdf also signed on a USB token, if asked
        self._sign_pdf: Callable[[Bundle], Bundle] | None = None
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.folder_label = QLabel()
        self.content.addWidget(self.key_state)
        self.content.addWidget(self.passphrase)
        self.content.addWidget(self.folder_label)
        self.content.addLayout(row)
        self.content.addWidget(self.as_zip)
        language_row = QHBoxLayout()
        language_row.addWidget(self.pdf_language_label)
        language_row.addWidget(self.pdf_language)
        language_row.addStretch(1)
        self.content.addLayout(language_row)
        self.content.addWidget(self.token_box)
        self.content.addStretch(1)
        # Below the scrolling part: Sign and what it says stay in sight on a small screen,
        # whatever the token box and the passphrase's two fields take above.
        self.page_layout.addWidget(self.result)
        self.page_layout.addWidget(self.sign_button)
        self.retranslate()

    def _needs_passphrase(self) -> bool:
        if self.keychain_refused:
            return True
        record = self.session.keys.record()
        if record is not None:
            return record.storage == Storage.FILE
        return not self.session.keys.state().usable

    def enter(self) -> None:
        self.retranslate()
        self.sign_button.setEnabled(not self.session.signed and not self.busy_now)

    def leave(self) -> None:
        self.passphrase.clear()
        self.token_box.pin.clear()

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
        if self._needs_passphrase():
            problem = self.passphrase.problem()
            if problem is not None:
                self.result.setText(self.tr("Not signed.") + " " + problem)
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
            show_plain(self.result, self.tr("Not signed.") + " " + describe(exc))
            return
        token_missing = self.token_box.missing()
        if token_missing is not None:
            self.result.setText(self.tr("Not signed.") + " " + token_missing)
            return
        self._sign_pdf = self.token_box.signer(result.submission.person.full_name)
        # Kept in the field while the key is opened: a wrong one is corrected, not retyped.
        passphrase = self.passphrase.text()
        self._set_busy(True)
        self.result.setText(
            self.tr("Opening the signing key… The keychain may ask you to unlock it.")
        )
        keys = self.session.keys
        run_task(
            lambda: open_key(keys, passphrase),
            lambda opened: self._key_opened(opened, result, folder),
            receiver=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy_now = busy
        self.sign_button.setEnabled(not busy and not self.session.signed)
        self.passphrase.set_editable(not busy)
        self.pdf_language.setEnabled(not busy)
        self.folder.setEnabled(not busy)
        self.browse.setEnabled(not busy)
        self.as_zip.setEnabled(not busy)
        self.token_box.setEnabled(not busy)
        self.busy.emit(busy)

    def _not_signed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._sign_pdf = None  # the PIN it holds goes with it
        # The token's own label and its module's error text among them: plain text.
        show_plain(self.result, self.tr("Not signed.") + " " + self.token_box.message(exc))
        if isinstance(exc, WrongPassphrase):
            self.passphrase.wrong()
        elif isinstance(exc, (WeakPassphrase, PassphraseNeeded)) and not self.keychain_refused:
            self.keychain_refused = True
            self.retranslate_key()
            self.result.setText(
                self.tr("Not signed.")
                + " "
                + self.tr(
                    "The keychain refused to keep the signing key: it will be kept in a key "
                    "file instead. Choose its passphrase above, then sign again."
                )
            )

    def _key_opened(
        self, opened: Outcome[Ed25519PrivateKey], result: Assessment, folder: Path
    ) -> None:
        if opened.error is not None:
            self._not_signed(opened.error)
            return
        history, flow = self.session.history, self.session.flow
        if self.retired or history is None or flow is None or self.session.signed:
            self._sign_pdf = None  # the token's signer holds the PIN: not kept past here
            self._set_busy(False)
            return
        self.passphrase.clear()  # the key is open: its passphrase is needed no more
        keys, key, policy = self.session.keys, opened.get(), self.session.policy
        language: Language = self.pdf_language.currentData()
        made: list[bytes] = []  # the PDF, for the end screen to open one inside a .zip
        sign_pdf, self._sign_pdf = self._sign_pdf, None

        def complete(bundle: Bundle) -> Bundle:
            done = with_pdf(bundle, policy, language)
            if sign_pdf is not None:  # on the token, if asked
                done = sign_pdf(done)
            if done.pdf is not None:
                made.append(done.pdf)
            return done

        destination = Destination(folder, self.as_zip.isChecked(), complete)
        draft_id = flow.draft.id

        def save() -> Saved:
            # The session's connection belongs to the GUI thread (sqlite3 binds each
            # connection to its thread): the save opens its own, and closes it here.
            # The draft goes here, not when the GUI hears of it: a window closed meanwhile
            # must not leave the signed draft behind to be signed again. Only once the
            # declaration is saved, also when its bundle could not be written; a draft
            # that cannot be removed (a busy database) must not make the person believe
            # otherwise.
            with history.another_connection() as here:
                try:
                    saved = sign_and_save(result, keys, here, destination, key=key)
                except BundleNotWritten:
                    with contextlib.suppress(sqlite3.Error):
                        here.delete_draft(draft_id)
                    raise
                with contextlib.suppress(sqlite3.Error):
                    here.delete_draft(draft_id)
            return saved

        run_task(
            save,
            lambda saved: self._saved(saved, folder, made[-1] if made else None, language),
            receiver=self,
        )

    def _saved(
        self, saved: Outcome[Saved], folder: Path, pdf: bytes | None, language: Language
    ) -> None:
        unwritten = saved.error if isinstance(saved.error, BundleNotWritten) else None
        if saved.error is not None and unwritten is None:  # e.g. a locked database
            self._not_signed(saved.error)  # told, never left stuck
            return
        self.session.passwords = None  # the run is over: its measurements go too
        self.session.signed = True
        self._set_busy(False)  # one assessment, one declaration: Sign stays off
        history = self.session.history
        where = history.path if history is not None else self.session.home
        if unwritten is not None:  # declared all the same: never "not signed"
            self.result.setText(
                self.tr(
                    "Signed and kept in the history, but the bundle could not be saved in "
                    "%1. Export it from the History window of the start screen."
                ).replace("%1", str(unwritten.folder))
            )
            seq, bundle = unwritten.signed.declaration.seq, None
        else:
            done = saved.get()
            seq, bundle = done.signed.declaration.seq, done.path
            self.result.setText(self.tr("Signed and saved: %1").replace("%1", str(bundle)))
        self.retranslate_key()
        self.signed.emit(Receipt(seq, where, folder, bundle, pdf, language))

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
        self.passphrase.set_needed(needs, creating=record is None)

    def retranslate(self) -> None:
        self.set_heading(self.tr("Sign"))
        self.folder_label.setText(self.tr("Save the bundle in:"))
        self.folder.setAccessibleName(self.tr("Save the bundle in"))
        self.browse.setText(self.tr("Bro&wse…"))
        self.as_zip.setText(self.tr("As one .zip file (for e-mail or USB)"))
        self.sign_button.setText(self.tr("&Sign and save"))
        self.pdf_language_label.setText(self.tr("&Language of the PDF:"))
        self.token_box.retranslate()
        self.retranslate_key()
