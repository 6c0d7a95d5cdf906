"""What went wrong, told in the person's language.

The core raises errors in English, naming the file and the field (the CLI prints them as
they are). The GUI leads with a translated sentence that says what happened and what to
do, chosen by the error's class, and keeps the core's words after it as the detail a
helper or the inspectorate will ask for.
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


# The common failures of keys and of the history: in a language other than English, the
# core's English words never follow the sentence in brackets. Where the sentence says all
# (a wrong passphrase, a locked keychain) they go to the support log only; elsewhere (a
# damaged history names the copy kept aside) on a line labelled as technical detail.
SAID_BY_LEAD = (WrongPassphrase, WeakPassphrase, KeychainLocked, PassphraseNeeded)
TECHNICAL = (KeyFileDamaged, KeyStoreError, HistoryError)


def describe(exc: BaseException) -> str:
    """The translated lead, then the core's own words as the detail."""
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, OSError) and exc.filename:
        detail = f"{exc.filename}: {detail}"
    if not detail:
        return lead(exc)
    if QLocale().language() != QLocale.Language.English and isinstance(
        exc, SAID_BY_LEAD + TECHNICAL
    ):
        import logging  # loaded when needed: this module is loaded before the first paint

        from desktop.core.base import logs

        logs.configure()
        logging.getLogger(f"{logs.LOGGER}.gui").info("told %s: %s", type(exc).__name__, detail)
        if isinstance(exc, SAID_BY_LEAD):
            return lead(exc)
        technical = QCoreApplication.translate("Errors", "Technical detail: %1")
        return f"{lead(exc)}\n{technical.replace('%1', detail)}"
    return f"{lead(exc)}\n({detail})"
