"""The bundle an official hands in: summary.json, its SSHSIG signature and the signer's
allowed_signers line, as a folder or a zip.

Verification reads the exact stored bytes, checks the signature first and parses the
JSON only after; a bundle is never re-serialised to be checked.
"""

import contextlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.base import field_words, os_reasons
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import bilingual
from desktop.core.base.folders import private_folder
from desktop.core.base.i18n import Text
from desktop.core.records import summary as summary_json
from desktop.core.records.bundle_read import (
    LIMITS,
    PDF,
    SIGNATURE,
    SIGNERS,
    SUMMARY,
    Bundle,
    BundleError,
    Failure,
    missing,
    read,
)
from desktop.core.signing import allowed_signers, sshsig
from desktop.core.signing.allowed_signers import (
    NAMESPACE_SUMMARY,
    AllowedSigner,
    AllowedSignersError,
    SignerIndex,
)
from desktop.core.signing.sshsig import PublicKey

# Reading is bundle_read's; its names are the bundle's too.
__all__ = [
    "LIMITS",
    "PDF",
    "SIGNATURE",
    "SIGNERS",
    "SUMMARY",
    "Bundle",
    "BundleError",
    "Failure",
    "Staged",
    "Verified",
    "bundle_name",
    "from_history",
    "make",
    "read",
    "stage",
    "verify",
    "verify_path",
]


@dataclass(frozen=True, slots=True)
class Verified:
    summary: summary_json.Summary
    principal: str
    key: PublicKey


# -- writing --------------------------------------------------------------------------------


def make(summary: bytes, key: Ed25519PrivateKey, principal: str) -> Bundle:
    signature = sshsig.sign(key, summary, NAMESPACE_SUMMARY).encode("ascii")
    line = allowed_signers.signer_for(principal, PublicKey.of(key)).line() + "\n"
    return Bundle(summary, signature, line.encode("utf-8"))


def from_history(summary: bytes, signature: bytes, public_key: str) -> Bundle:
    """A declaration kept in the history, as the bundle it was handed in as."""
    try:
        doc = summary_json.decode(summary)
        key = PublicKey.from_openssh(public_key)
    except (summary_json.SummaryError, sshsig.SignatureError, ValueError) as exc:
        why = bilingual(exc, "nội dung bị hỏng")
        raise BundleError(
            Failure.MALFORMED,
            Text(f"không đọc được bản khai: {why.vi}", f"the declaration cannot be read: {why.en}"),
        ) from None
    line = allowed_signers.signer_for(doc.person.staff_id, key).line() + "\n"
    return Bundle(summary, signature, line.encode("utf-8"))


def _files(bundle: Bundle) -> dict[str, bytes]:
    files = {SUMMARY: bundle.summary, SIGNATURE: bundle.signature}
    if bundle.signers is not None:
        files[SIGNERS] = bundle.signers
    if bundle.pdf is not None:
        files[PDF] = bundle.pdf
    return files


def _free_name(folder: Path, stem: str, suffix: str = "") -> Path:
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


@dataclass(frozen=True, slots=True)
class Staged:
    """A bundle fully written under a hidden name in its folder, not yet in place."""

    path: Path
    out: Path
    name: str
    suffix: str  # "" for a folder, ".zip" for a zip

    def publish(self) -> Path:
        """Give the bundle its real name, at once; never over an existing bundle."""
        target = _free_name(self.out, self.name, self.suffix)
        os.rename(self.path, target)
        # In place from here on: a folder that cannot be synced (a removable disk pulled
        # just now) leaves the rename to the OS, and the bundle is where it was put.
        with contextlib.suppress(OSError):
            _sync_folder(self.out)
        return target

    def discard(self) -> None:
        if self.path.is_dir():
            shutil.rmtree(self.path, ignore_errors=True)
        else:
            self.path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def stage(bundle: Bundle, out: Path, name: str, *, as_zip: bool = False) -> Staged:
    """Write every byte of the bundle under a hidden name in `out`.

    Private (0700/0600) like everything SelfCheck writes: it holds personal data, and the
    official decides whom to give it to. Staging first means a folder that cannot be
    written fails before anything is declared.
    """
    private_folder(out)
    if as_zip:
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for file_name, data in _files(bundle).items():
                info = zipfile.ZipInfo(f"{name}/{file_name}", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, data)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".zip", dir=out)
        os.close(fd)
        write_atomic(Path(tmp), buffer.getvalue())
        return Staged(Path(tmp), out, name, ".zip")
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out))
    try:
        for file_name, data in _files(bundle).items():
            write_atomic(staging / file_name, data)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Staged(staging, out, name, "")


# -- verifying ------------------------------------------------------------------------------


def verify(
    bundle: Bundle,
    trusted: list[AllowedSigner] | SignerIndex | None = None,
    *,
    at_issue: bool = False,
) -> Verified:
    """Check the signature over the exact bytes, the signer, then the summary's content.

    `trusted` is the reviewer's allowed_signers; without it the bundle's own line is used,
    which proves integrity and who holds the key, not that the key is the right person's.
    With `at_issue`, a key's validity period is checked at the time the summary says it
    was signed rather than now: a key replaced since (given a valid-before) still vouches
    for what it signed before, as a reviewer's roster needs.
    """
    if trusted is None:
        if bundle.signers is None:
            raise BundleError(Failure.MALFORMED, missing(SIGNERS))
        try:
            trusted = allowed_signers.parse(bundle.signers.decode("utf-8"))
        except (UnicodeDecodeError, AllowedSignersError) as exc:
            raise BundleError(
                Failure.MALFORMED, _in(SIGNERS, exc, field_words.NOT_UTF8.vi)
            ) from None
    try:
        key = sshsig.verify(bundle.summary, bundle.signature, NAMESPACE_SUMMARY)
    except sshsig.SignatureTruncated as exc:
        raise BundleError(Failure.TRUNCATED, _in(SIGNATURE, exc, "bị cắt cụt")) from None
    except sshsig.SignatureMalformed as exc:
        raise BundleError(Failure.MALFORMED, _in(SIGNATURE, exc, "sai định dạng")) from None
    except sshsig.SignatureMismatch as exc:
        raise BundleError(Failure.BAD_SIGNATURE, bilingual(exc, "chữ ký không khớp")) from None
    if isinstance(trusted, SignerIndex):
        trusted = trusted.for_key(key)
    # At issue, the time the summary gives, once it is decoded; else now.
    when = None if at_issue else datetime.now(UTC)
    if allowed_signers.find(trusted, key, NAMESPACE_SUMMARY) is None:
        raise BundleError(
            Failure.UNKNOWN_SIGNER,
            Text(
                f"khóa {key.fingerprint} không có trong danh sách người được phép ký",
                f"key {key.fingerprint} is not an allowed signer",
            ),
        )
    if (
        when is not None
        and allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=when) is None
    ):
        raise BundleError(
            Failure.UNKNOWN_SIGNER,
            Text(
                f"khóa {key.fingerprint} đang ngoài thời hạn hiệu lực",
                f"key {key.fingerprint} is outside its validity period",
            ),
        )
    # Only now that the signature holds are the bytes parsed.
    try:
        summary = summary_json.decode(bundle.summary)
    except summary_json.SummaryError as exc:
        raise BundleError(Failure.MALFORMED, bilingual(exc, "nội dung bản khai bị hỏng")) from None
    if when is None:
        when = datetime.fromisoformat(summary.issued_at.replace("Z", "+00:00"))
    staff_id = summary.person.staff_id
    if allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=when, principal=staff_id) is None:
        # Which rule failed, asked only now: an entry for the staff id then implies one
        # valid when the summary was signed (one look-up a bundle less in a review).
        if at_issue and allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=when) is None:
            raise BundleError(
                Failure.UNKNOWN_SIGNER,
                Text(
                    f"khóa {key.fingerprint} đã ở ngoài thời hạn hiệu lực khi ký",
                    f"key {key.fingerprint} was outside its validity period when it signed",
                ),
            )
        raise BundleError(
            Failure.UNKNOWN_SIGNER,
            Text(
                f"khóa này không được phép ký cho mã cán bộ {staff_id!r}",
                f"the key is not allowed to sign for staff id {staff_id!r}",
            ),
        )
    if summary.signer.fingerprint != key.fingerprint:
        raise BundleError(
            Failure.MALFORMED,
            Text("bản khai ghi một khóa ký khác", "the summary names another signing key"),
        )
    return Verified(summary, staff_id, key)


def verify_path(
    path: Path, trusted: list[AllowedSigner] | None = None, *, at_issue: bool = False
) -> Verified:
    try:
        return verify(read(path), trusted, at_issue=at_issue)
    except OSError as exc:
        raise BundleError(Failure.MALFORMED, os_reasons.reason(exc)) from None


def _in(name: str, exc: BaseException, vi: str) -> Text:
    """`name: why`, why in both languages (`vi` when the error has English only)."""
    why = bilingual(exc, vi)
    return Text(f"{name}: {why.vi}", f"{name}: {why.en}")


def bundle_name(summary: summary_json.Summary) -> str:
    """`<staff-id>-<programme>-<date>`, as reviewers file them."""
    return f"{summary.person.staff_id}-{summary.programme}-{summary.issued_at[:10]}"
