"""Enrolling an official's key from what the reviewer has in hand: the key itself (an
`ssh-ed25519` line), or the bundle they handed in, confirmed by the fingerprint printed
on their summary PDF (typed, pasted, or read from its QR code).

A fingerprint alone is a digest: it names a key but cannot verify anything, so it only
ever confirms a key that comes from a bundle or a pasted line.
"""

import base64
import binascii
import re
from enum import StrEnum
from pathlib import Path

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.fields import FINGERPRINT
from desktop.core.records.bundle import read, verify
from desktop.core.review.roster import Roster, enrol
from desktop.core.signing.sshsig import KEY_TYPE, PublicKey, SignatureMalformed

# What the PDF prints and its QR code holds (desktop/report/pdf.py, qr_payload).
_SPACES = re.compile(r"\s+")
_KEY_BASE64 = 68  # len(base64(string("ssh-ed25519") + string(32 bytes)))


class Refusal(StrEnum):
    """Why nothing was enrolled; the app says each in the reviewer's language."""

    NOT_A_KEY = "not an ssh-ed25519 public key"
    NOT_A_FINGERPRINT = "not a key fingerprint (SHA256: and 43 characters)"
    NO_KEY = "neither a public key nor a bundle was given"
    MISMATCH = "the key is not the one whose fingerprint was given"
    OTHER_PERSON = "the bundle is signed for another staff id"


class EnrolmentRefused(SelfCheckError):  # noqa: N818 (reads as what happened)
    def __init__(self, refusal: Refusal, detail: str = "") -> None:
        self.refusal = refusal
        self.detail = detail
        super().__init__(refusal.value + (f" ({detail})" if detail else ""))


def parse_key(text: str) -> PublicKey:
    """`ssh-ed25519 AAAA… [comment]`, as `selfcheck keys show` or a `.pub` file gives it;
    line breaks a mail or a PDF put inside the base64 are taken out."""
    words = text.strip().split(None, 1)
    if len(words) != 2 or words[0] != KEY_TYPE:
        raise EnrolmentRefused(Refusal.NOT_A_KEY, f"it must start with {KEY_TYPE}")
    # An Ed25519 key's base64 is 68 characters, however a mail or a PDF wrapped it; a
    # comment may follow.
    encoded = _SPACES.sub("", words[1])[:_KEY_BASE64]
    try:
        return PublicKey.from_blob(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ValueError, SignatureMalformed):
        raise EnrolmentRefused(Refusal.NOT_A_KEY, "the key's characters are damaged") from None


def parse_fingerprint(text: str) -> str:
    """`SHA256:…` as the PDF prints it, with spaces or line breaks the copy added, or the
    whole text of the PDF's QR code."""
    found = FINGERPRINT.search(_SPACES.sub("", text))
    if found is None:
        raise EnrolmentRefused(Refusal.NOT_A_FINGERPRINT)
    fingerprint = found.group(0)
    try:  # 43 base64 characters are 32 bytes: a digest, not a typing slip of another length
        if len(base64.b64decode(found.group(1) + "=", validate=True)) != 32:
            raise ValueError
    except (binascii.Error, ValueError):
        raise EnrolmentRefused(Refusal.NOT_A_FINGERPRINT) from None
    return fingerprint


def enrol_confirmed(
    roster: Roster,
    staff_id: str,
    *,
    fingerprint: str | None,
    key_text: str = "",
    bundle: Path | None = None,
) -> tuple[Roster, PublicKey]:
    """Enrol the key for `staff_id` once it matches the fingerprint the reviewer gave.

    The key is the pasted line or, when none is pasted, the bundle's signer: the bundle
    must verify under its own key and be signed for `staff_id`. With a pasted key and no
    fingerprint, the key itself is what the reviewer confirmed (they read it out)."""
    expected = parse_fingerprint(fingerprint) if fingerprint and fingerprint.strip() else None
    if key_text.strip():
        key = parse_key(key_text)
    elif bundle is not None:
        verified = verify(read(bundle))  # the bundle's own line proves who holds the key
        if verified.principal != staff_id:
            raise EnrolmentRefused(Refusal.OTHER_PERSON, verified.principal)
        key = verified.key
        if expected is None:  # a bundle proves possession, not identity: confirm it
            raise EnrolmentRefused(Refusal.NOT_A_FINGERPRINT)
    else:
        raise EnrolmentRefused(Refusal.NO_KEY)
    if expected is not None and key.fingerprint != expected:
        raise EnrolmentRefused(Refusal.MISMATCH, f"{key.fingerprint}, not {expected}")
    return enrol(roster, staff_id, key), key
