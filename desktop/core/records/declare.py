"""Turning an assessment into a signed declaration: summary, signature, history, bundle."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.assessment.engine import Assessment
from desktop.core.records import bundle as bundles
from desktop.core.records import summary as summary_json
from desktop.core.records.history import Declaration, History
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
    already unlocked (the GUI unlocks it off the GUI thread, after `check_key_record`).
    """
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
    return Signed(doc, signed, declaration)
