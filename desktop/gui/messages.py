"""What went wrong, told in the person's language.

The core raises errors naming the file and the field, in English for the command line
and, where it can, in Vietnamese too (`error.text`). The GUI leads with a translated
sentence that says what happened and what to do, chosen by the error's class, and keeps
the core's words after it, in the person's language, as the detail a helper or the
inspectorate will ask for. English never follows a Vietnamese sentence.
"""

import errno
from typing import TYPE_CHECKING, assert_never

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.core.base.errors import AnswersError, PolicyError
from desktop.core.records.history import HistoryDamaged, HistoryError
from desktop.core.records.summary import SummaryError
from desktop.core.signing.keyfile import KeyFileDamaged, WeakPassphrase, WrongPassphrase
from desktop.core.signing.keys import (
    KeychainChanged,
    KeychainLocked,
    KeyMissing,
    KeyStoreError,
    PassphraseNeeded,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

    from desktop.core.base.i18n import Text
    from desktop.core.records.bundle import Failure


def lead(exc: BaseException) -> str:
    """One translated sentence for the kind of failure (most specific class first)."""
    # Imported here, not at the top: only an error needs them, and this module is loaded
    # while the app starts, before anything reads a bundle or a roster.
    from desktop.core.records.bundle import BundleError
    from desktop.core.review.roster import KeyEnrolledElsewhere, RosterError

    if isinstance(exc, WrongPassphrase):
        return QCoreApplication.translate(
            "Errors", "The passphrase is wrong, or the key file has been altered."
        )
    if isinstance(exc, WeakPassphrase):
        return QCoreApplication.translate(
            "Errors", "The passphrase is too short: use at least 8 characters."
        )
    if isinstance(exc, KeyFileDamaged):
        return QCoreApplication.translate(
            "Errors", "The encrypted key file is damaged and cannot be used."
        )
    if isinstance(exc, KeychainLocked):
        return QCoreApplication.translate(
            "Errors", "The keychain is locked: unlock it (log in again) and try once more."
        )
    if isinstance(exc, KeychainChanged):
        return QCoreApplication.translate(
            "Errors", "The keychain is not the one the signing key was made in."
        )
    if isinstance(exc, PassphraseNeeded):
        return QCoreApplication.translate("Errors", "The key file needs its passphrase.")
    if isinstance(exc, KeyMissing):
        return QCoreApplication.translate("Errors", "The signing key cannot be found.")
    if isinstance(exc, KeyStoreError):
        return QCoreApplication.translate(
            "Errors", "The keychain refused to give or keep the signing key."
        )
    if isinstance(exc, HistoryDamaged):
        return QCoreApplication.translate(
            "Errors",
            "The history of declarations was damaged. A copy was kept aside and a new "
            "history was started; tell your unit's IT officer.",
        )
    if isinstance(exc, HistoryError):
        return QCoreApplication.translate(
            "Errors", "The history of declarations cannot be opened; nothing in it is shown."
        )
    if isinstance(exc, KeyEnrolledElsewhere):
        return QCoreApplication.translate(
            "Errors",
            "This key is already enrolled for another staff id, and one key signs for one "
            "person. Ask the official for their own key's fingerprint.",
        )
    if isinstance(exc, RosterError):
        return QCoreApplication.translate(
            "Errors",
            "The roster cannot be read: check the file named below (the staff list, its keys "
            "file or the record of accepted declarations).",
        )
    if isinstance(exc, BundleError):
        return bundle_lead(exc.failure)
    if isinstance(exc, SummaryError):
        return QCoreApplication.translate(
            "Errors",
            "The declaration cannot be read: its content is damaged, or it was made by a "
            "newer version of SelfCheck.",
        )
    if isinstance(exc, PolicyError):
        return QCoreApplication.translate(
            "Errors",
            "The checklists cannot be read, so SelfCheck cannot work; ask your IT officer.",
        )
    if isinstance(exc, AnswersError):
        return QCoreApplication.translate("Errors", "This draft cannot be read.")
    from desktop.core.signing.pack_manifest import PackError

    if isinstance(exc, PackError):
        return QCoreApplication.translate(
            "Errors",
            "The policy pack was refused: it is damaged, or not signed by an agency key this "
            "computer trusts.",
        )
    from desktop.core.signing.token import TokenError
    from desktop.core.signing.token_modules import ModuleListError

    if isinstance(exc, TokenError):
        return QCoreApplication.translate("Errors", "Signing with the USB token did not work.")
    if isinstance(exc, ModuleListError):
        return QCoreApplication.translate(
            "Errors", "The list of USB tokens' PKCS#11 modules cannot be read."
        )
    from desktop.core.records.bundle_pdf import TrustAnchorError

    if isinstance(exc, TrustAnchorError):
        return QCoreApplication.translate(
            "Errors",
            "A trust anchor of the agency (a root certificate that PDF signatures are checked "
            "against) cannot be used: check the file named below.",
        )
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return QCoreApplication.translate(
                "Errors", "The disk is full; nothing was saved. Free some space and try again."
            )
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return QCoreApplication.translate(
                "Errors", "SelfCheck may not write there; choose another folder."
            )
        return QCoreApplication.translate("Errors", "A file could not be read or written.")
    return QCoreApplication.translate("Errors", "Something did not work.")


def bundle_lead(failure: "Failure") -> str:
    """Why a bundle cannot be used, one sentence for each way it fails to verify."""
    from desktop.core.records.bundle import Failure

    match failure:
        case Failure.MALFORMED:
            return QCoreApplication.translate(
                "Errors",
                "This is not a SelfCheck bundle, or a file in it is damaged or out of place.",
            )
        case Failure.TRUNCATED:
            return QCoreApplication.translate(
                "Errors",
                "The bundle is incomplete: a file in it was cut short, perhaps while it was "
                "copied.",
            )
        case Failure.BAD_SIGNATURE:
            return QCoreApplication.translate(
                "Errors",
                "The signature does not match: the declaration was changed after it was signed.",
            )
        case Failure.UNKNOWN_SIGNER:
            return QCoreApplication.translate(
                "Errors",
                "The bundle is not signed by a key enrolled for this person, or the key was not "
                "valid at that time.",
            )
        case _:
            assert_never(failure)


# Where the sentence says all (a wrong passphrase, a locked keychain), the core's words
# go to the support log only, in every language but English.
SAID_BY_LEAD = (WrongPassphrase, WeakPassphrase, KeychainLocked, PassphraseNeeded)


def describe(exc: BaseException) -> str:
    """The translated lead, then what the core says of it (file, field, reason) in the
    person's language, in brackets.

    The core's English (`str(exc)`) is shown only in English. An error the core has in
    English only is told, in Vietnamese, by its lead alone; its words go to the support
    log, for whoever helps."""
    detail = words(exc)
    return f"{lead(exc)}\n({detail})" if detail else lead(exc)


def words(exc: BaseException) -> str:
    """What the core says of `exc`, in the interface's language; "" where it says it in
    English only and the interface is not English (the words are logged instead)."""
    if QLocale().language() == QLocale.Language.English:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if isinstance(exc, OSError) and exc.filename:
            detail = f"{exc.filename}: {detail}"
        return detail
    text = bilingual_detail(exc)
    if str(exc):  # the English too, for whoever helps: the Vietnamese may leave out a
        _log_withheld(exc)  # library's own words (a line number, SQLite's reason)
    if text is None or isinstance(exc, SAID_BY_LEAD):
        return ""
    return text.vi


def bilingual_detail(exc: BaseException) -> "Text | None":
    """What the core says of `exc` in both languages, if it says it in both: an OSError
    by its file and the reason its number stands for, never the system's English."""
    from desktop.core.base import os_reasons
    from desktop.core.base.errors import said

    if isinstance(exc, OSError):
        return os_reasons.located(exc)
    return said(exc)


def _log_withheld(exc: BaseException) -> None:
    import logging  # loaded when needed: this module is loaded before the first paint

    from desktop.core.base import logs

    logs.configure()
    logging.getLogger(f"{logs.LOGGER}.gui").info("told %s: %s", type(exc).__name__, exc)


# Messages carry words from outside (a file's name, a zip member's name in zipfile's
# English): a label or box set to guess its format would show "<h1>OK</h1>" from a
# hostile bundle as a heading. Every message is shown as plain text.


def show_plain(label: "QLabel", text: str) -> None:
    from PySide6.QtCore import Qt  # not at import: this module is loaded before first paint

    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_box(parent: "QWidget | None", text: str) -> "QMessageBox":
    """A warning box (SelfCheck's title, OK) whose text is never read as rich text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "SelfCheck", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent: "QWidget | None", text: str) -> None:
    plain_box(parent, text).exec()


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is: a tooltip is rich text when it looks so, and
    then it is escaped (as it is: most tooltips are left alone)."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
