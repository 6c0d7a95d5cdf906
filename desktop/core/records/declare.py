"""Turning an assessment into a signed declaration: summary, signature, history, bundle.

The one sign-and-save path, for the wizard and `selfcheck assess` alike: check the chain,
stage the bundle (with its PDF), declare, then publish the bundle or discard it."""

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.assessment.engine import Assessment
from desktop.core.base.errors import SelfCheckError
from desktop.core.records import bundle as bundles
from desktop.core.records import carry
from desktop.core.records import summary as summary_json
from desktop.core.records.chain import Declaration
from desktop.core.records.history import History, HistoryError
from desktop.core.signing.keys import KeyMissing, KeyStore, Passphrase
from desktop.core.signing.sshsig import PublicKey


@dataclass(frozen=True, slots=True)
class Signed:
    summary: summary_json.Summary
    bundle: bundles.Bundle
    declaration: Declaration

    @property
    def name(self) -> str:
        return bundles.bundle_name(self.summary)


def last_declared(history: History) -> summary_json.Summary | None:
    """The latest declaration of this computer's history, decoded; None when there is none
    (or it cannot be read: the history's own checks report that)."""
    declarations = history.declarations()
    if not declarations:
        return None
    latest = max(declarations, key=lambda d: (d.issued_at, d.seq))  # any key, newest
    try:
        return summary_json.decode(latest.summary)
    except summary_json.SummaryError:
        return None


class HistoryNotIntact(HistoryError):  # noqa: N818 (reads as the state shown to users)
    """The chain has problems: nothing is signed onto it until the person accepts it as
    it is (`History.start_new_chain`)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("the local history is not intact; nothing was signed")
        self.problems = problems


def check_chain_intact(history: History) -> None:
    chain = history.verify_chain()
    if not chain.intact:
        raise HistoryNotIntact(chain.problems)


def check_ready(keys: KeyStore, history: History) -> None:
    """What must hold before the key is even opened: an intact chain, a key record."""
    check_chain_intact(history)
    check_key_record(keys, history)


def check_key_record(keys: KeyStore, history: History) -> None:
    """Refuse to make a new key silently when the history shows one existed."""
    if keys.record() is None and history.declarations():
        raise KeyMissing(
            "this computer's history has declarations but its signing key record is gone; "
            "re-enrol with `selfcheck keys enrol --replace` (old summaries stay valid)"
        )


def declare(
    result: Assessment,
    keys: KeyStore,
    history: History,
    passphrase: Passphrase | None = None,
    issued_at: datetime | None = None,
    before_saving: Callable[[bundles.Bundle, str], None] | None = None,
    key: Ed25519PrivateKey | None = None,
) -> Signed:
    """Sign the assessment as the next link of the history and keep it there.

    `before_saving` gets the signed bundle and its name before the history records it, so
    that a bundle which cannot be written leaves no declaration behind. `key` is the key
    already unlocked (the GUI unlocks it off the GUI thread, after `check_ready`). Raises
    HistoryNotIntact when the chain has problems.
    """
    check_chain_intact(history)  # never a link onto a broken chain, whoever calls
    if key is None:
        check_key_record(keys, history)
        key = keys.load_or_create(passphrase)
    public = PublicKey.of(key)
    seq, prev = history.next_link(public.fingerprint)
    doc = summary_json.build(
        result,
        fingerprint=public.fingerprint,
        seq=seq,
        prev=prev,
        issued_at=issued_at,
        previous=last_declared(history),
    )
    data = summary_json.encode(doc)
    signed = bundles.make(data, key, result.submission.person.staff_id)
    if before_saving is not None:
        before_saving(signed, bundles.bundle_name(doc))
    declaration = history.append(data, signed.signature, public)
    with contextlib.suppress(OSError):  # without it, the next one starts from the summary
        carry.keep(history.home, result, data)
    return Signed(doc, signed, declaration)


@dataclass(frozen=True, slots=True)
class Destination:
    """Where the signed bundle goes, and what is added to it before it is written."""

    folder: Path
    as_zip: bool = False
    # Adds the PDF (desktop.report); the core renders nothing itself.
    complete: Callable[[bundles.Bundle], bundles.Bundle] | None = None


@dataclass(frozen=True, slots=True)
class Saved:
    signed: Signed
    path: Path  # the bundle folder or .zip, published


class BundleNotWritten(SelfCheckError):  # noqa: N818 (reads as the state shown to users)
    """Signed and kept in the history, but the bundle could not be put in its folder: the
    declaration stands (it must not be signed again); the bundle can be exported from the
    history."""

    def __init__(self, signed: Signed, folder: Path, cause: OSError) -> None:
        super().__init__(
            f"the declaration was signed and kept in the history, but its bundle could not "
            f"be written to {folder} ({cause.strerror or cause}); export it from the history"
        )
        self.signed = signed
        self.folder = folder


def sign_and_save(
    result: Assessment,
    keys: KeyStore,
    history: History,
    destination: Destination,
    *,
    passphrase: Passphrase | None = None,
    key: Ed25519PrivateKey | None = None,
    issued_at: datetime | None = None,
) -> Saved:
    """Sign the assessment onto the history, then publish its bundle.

    The bundle is staged (written and synced under a temporary name) before the history
    records the declaration, and published (renamed into place) after. Before the record,
    any failure discards the staged bundle and nothing is declared; after it, the
    declaration stands, and a bundle that cannot be put in place is BundleNotWritten."""
    staged: list[bundles.Staged] = []

    def stage(bundle: bundles.Bundle, name: str) -> None:
        if destination.complete is not None:
            bundle = destination.complete(bundle)
        staged.append(bundles.stage(bundle, destination.folder, name, as_zip=destination.as_zip))

    try:
        signed = declare(
            result,
            keys,
            history,
            passphrase,
            issued_at=issued_at,
            before_saving=stage,
            key=key,
        )
    except BaseException:
        for item in staged:
            item.discard()
        raise
    try:
        path = staged[0].publish()
    except OSError as exc:
        staged[0].discard()
        raise BundleNotWritten(signed, destination.folder, exc) from exc
    return Saved(signed, path)
