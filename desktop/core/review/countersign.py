"""A reviewer's countersignature: "I, reviewer R, accepted (or returned) this declaration".

It signs, with SSHSIG under its own namespace, a small canonical JSON naming the summary's
sha256, the sha256 of the official's signature, the decision and the date. It is kept
beside the bundle as three files, and `ssh-keygen -Y verify` checks it like a summary:

    ssh-keygen -Y verify -f B.review.allowed_signers -I REVIEWER -n selfcheck-review-v1 \\
        -s B.review.json.sig < B.review.json
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.base.atomic import write_atomic
from desktop.core.base.fields import STAFF_ID
from desktop.core.base.i18n import Text
from desktop.core.records.bundle import Bundle, BundleError, Failure, Verified
from desktop.core.signing import sshsig
from desktop.core.signing.allowed_signers import AllowedSigner
from desktop.core.signing.sshsig import PublicKey

NAMESPACE_REVIEW = "selfcheck-review-v1"
FORMAT = "selfcheck-review"


class Decision(StrEnum):
    ACCEPTED = "accepted"
    RETURNED = "returned"  # handed back to the official to fix


@dataclass(frozen=True, slots=True)
class Countersignature:
    statement: bytes  # the canonical JSON signed
    signature: bytes  # armored SSHSIG
    signers: bytes  # the reviewer's allowed_signers line

    def paths(self, bundle_path: Path) -> tuple[Path, Path, Path]:
        stem = bundle_path.parent / bundle_path.name
        return (
            stem.with_name(stem.name + ".review.json"),
            stem.with_name(stem.name + ".review.json.sig"),
            stem.with_name(stem.name + ".review.allowed_signers"),
        )

    def write_beside(self, bundle_path: Path) -> tuple[Path, Path, Path]:
        statement, signature, signers = self.paths(bundle_path)
        write_atomic(statement, self.statement, mode=0o644)
        write_atomic(signature, self.signature, mode=0o644)
        write_atomic(signers, self.signers, mode=0o644)
        return statement, signature, signers


def countersign(
    bundle: Bundle,
    verified: Verified,
    key: Ed25519PrivateKey,
    reviewer: str,
    decision: Decision,
    when: datetime | None = None,
) -> Countersignature:
    """Countersign a bundle that has been verified (against the roster) by the caller."""
    if not STAFF_ID.fullmatch(reviewer):
        shown = repr(reviewer[:40])
        raise BundleError(
            Failure.MALFORMED,
            Text(f"{shown} không phải là mã người rà soát", f"{shown} is not a reviewer id"),
        )
    public = PublicKey.of(key)
    statement = {
        "format": FORMAT,
        "version": 1,
        "decision": decision.value,
        "reviewed_at": (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "official": verified.principal,
        "seq": verified.summary.seq,
        "summary_sha256": hashlib.sha256(bundle.summary).hexdigest(),
        "signature_sha256": hashlib.sha256(bundle.signature).hexdigest(),
        "reviewer": {"id": reviewer, "fingerprint": public.fingerprint},
    }
    data = json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    encoded = data.encode("utf-8")
    signature = sshsig.sign(key, encoded, NAMESPACE_REVIEW).encode("ascii")
    line = AllowedSigner((reviewer,), public, (NAMESPACE_REVIEW,)).line() + "\n"
    return Countersignature(encoded, signature, line.encode("utf-8"))
