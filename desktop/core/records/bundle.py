"""The bundle an official hands in: summary.json, its SSHSIG signature and the signer's
allowed_signers line, as a folder or a zip.

Verification reads the exact stored bytes, checks the signature first and parses the
JSON only after; a bundle is never re-serialised to be checked.
"""

import contextlib
import os
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.folders import private_folder
from desktop.core.records import summary as summary_json
from desktop.core.signing import allowed_signers, sshsig
from desktop.core.signing.allowed_signers import (
    NAMESPACE_SUMMARY,
    AllowedSigner,
    AllowedSignersError,
    SignerIndex,
)
from desktop.core.signing.sshsig import PublicKey

SUMMARY = "summary.json"
SIGNATURE = "summary.json.sig"
SIGNERS = "allowed_signers"
PDF = "summary.pdf"  # made from summary.json; not signed, so never read to verify
LIMITS = {SUMMARY: summary_json.MAX_BYTES, SIGNATURE: sshsig.MAX_ARMOR, SIGNERS: 64 * 1024}
MAX_ZIP_ENTRIES = 64
MAX_ZIP_DIRECTORY = 64 * 1024  # 64 entries with long names; a bundle's has 3 or 4
EOCD_SEARCH = 22 + 65535  # the end record and the longest comment it may carry


class Failure(StrEnum):
    """Why a bundle did not verify, in the words a reviewer reads."""

    MALFORMED = "malformed"
    TRUNCATED = "truncated"
    BAD_SIGNATURE = "bad signature"
    UNKNOWN_SIGNER = "unknown signer"


class BundleError(SelfCheckError):
    """The bundle is not valid."""

    def __init__(self, failure: Failure, detail: str) -> None:
        self.failure = failure
        self.detail = detail
        super().__init__(f"{failure.value}: {detail}")


@dataclass(frozen=True, slots=True)
class Bundle:
    summary: bytes
    signature: bytes
    signers: bytes | None
    pdf: bytes | None = None  # the printable summary, when one was made


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
        raise BundleError(Failure.MALFORMED, f"the declaration cannot be read: {exc}") from None
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


# -- reading --------------------------------------------------------------------------------


def read(path: Path, *, own_signers: bool = True) -> Bundle:
    """Read a bundle folder or zip, refusing anything oversized or out of place.

    `own_signers=False` skips the bundle's allowed_signers, for a reviewer who checks
    against a roster (a third of the reading, over a unit's folder)."""
    files: dict[str, bytes | None]
    try:
        mode = path.stat().st_mode  # the path the user named may be a link; inside, none
    except FileNotFoundError:
        raise BundleError(Failure.MALFORMED, "no such file or folder") from None
    if stat.S_ISDIR(mode):
        wanted = LIMITS if own_signers else {k: v for k, v in LIMITS.items() if k != SIGNERS}
        files = {name: _read_limited(path / name, limit) for name, limit in wanted.items()}
    else:
        with _open_regular(path, "the bundle", follow=True) as stream:
            if zipfile.is_zipfile(stream):
                files = dict(_read_zip(stream))
            elif path.suffix.lower() == ".zip":
                raise BundleError(Failure.TRUNCATED, "the zip file is truncated or damaged")
            else:
                raise BundleError(Failure.MALFORMED, "not a bundle folder or zip")
    summary, signature = files.get(SUMMARY), files.get(SIGNATURE)
    if summary is None:
        raise BundleError(Failure.MALFORMED, f"{SUMMARY} is missing")
    if signature is None:
        raise BundleError(Failure.MALFORMED, f"{SIGNATURE} is missing")
    return Bundle(summary, signature, files.get(SIGNERS))


def _open_regular(path: Path, what: str, *, follow: bool) -> BinaryIO:
    """`reading.open_regular` with bundle errors; `what` names the file in messages."""
    try:
        return reading.open_regular(path, follow=follow)
    except reading.RefusedFileError as exc:
        raise BundleError(Failure.MALFORMED, f"{what} {exc.strerror}") from None


def _read_limited(path: Path, limit: int) -> bytes | None:
    """One file of a bundle folder, None if it is not there."""
    try:
        return reading.read_bounded(path, limit, follow=False)
    except FileNotFoundError:
        return None
    except reading.RefusedFileError as exc:
        raise BundleError(Failure.MALFORMED, f"{path.name} {exc.strerror}") from None


def _central_directory(stream: BinaryIO) -> None:
    """Refuse a zip whose directory lists too many entries, before zipfile reads it.

    zipfile builds an object for every entry it lists (about 600 bytes each): a small
    hostile zip could list a million. The end record says how many there are."""
    size = stream.seek(0, os.SEEK_END)
    tail_size = min(size, EOCD_SEARCH)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    # Found as zipfile finds it: a record without a comment at the very end first (a
    # record can hold the signature in its own fields), else the last signature.
    if len(tail) >= 22 and tail[-22:-18] == b"PK\x05\x06" and tail[-2:] == b"\0\0":
        at = len(tail) - 22
    else:
        at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # no end record: zipfile will say the file is damaged
    entries, directory_size = struct.unpack_from("<2xHL", tail, at + 8)
    if at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        raise BundleError(Failure.MALFORMED, "the zip is a ZIP64 archive; bundles never are")
    if entries > MAX_ZIP_ENTRIES or directory_size > MAX_ZIP_DIRECTORY:
        raise BundleError(Failure.MALFORMED, "the zip holds too many files")
    stream.seek(0)


def _read_zip(stream: BinaryIO) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    folders: set[tuple[str, ...]] = set()
    try:
        _central_directory(stream)
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise BundleError(Failure.MALFORMED, "the zip holds too many files")
            for info in entries:
                name = PurePosixPath(info.filename).name
                parts = PurePosixPath(info.filename).parts
                # Only the three files, at the top or inside one folder; never "..".
                if name not in LIMITS or len(parts) > 2 or ".." in parts or info.is_dir():
                    continue
                if name in files:
                    raise BundleError(Failure.MALFORMED, f"the zip holds {name} twice")
                folders.add(parts[:-1])
                if len(folders) > 1:
                    raise BundleError(Failure.MALFORMED, "the zip mixes files of several folders")
                files[name] = _read_member(archive, info, name)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, struct.error) as exc:
        raise BundleError(
            Failure.TRUNCATED, f"the zip file is truncated or damaged ({exc})"
        ) from None
    except ValueError as exc:  # a file name flagged UTF-8 that is not, among others
        raise BundleError(Failure.MALFORMED, f"the zip cannot be read ({exc})") from None
    return files


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """One of the bundle's files from the zip, at most its size limit, never a link."""
    problem = None
    if stat.S_ISLNK(info.external_attr >> 16):
        problem = "is a symbolic link"
    elif info.flag_bits & 0x1:
        problem = "is encrypted"
    elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        problem = f"uses a compression bundles never use ({info.compress_type})"
    elif info.file_size > LIMITS[name]:
        problem = "is too large"
    if problem is not None:
        raise BundleError(Failure.MALFORMED, f"{name} in the zip {problem}")
    try:
        with archive.open(info) as member:
            data = member.read(LIMITS[name] + 1)  # a lying header stops here too
    except (
        zipfile.BadZipFile,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:
        raise BundleError(Failure.TRUNCATED, f"{name} in the zip is damaged ({exc})") from None
    if len(data) > LIMITS[name]:
        raise BundleError(Failure.MALFORMED, f"{name} in the zip is too large")
    return data


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
            raise BundleError(Failure.MALFORMED, f"{SIGNERS} is missing")
        try:
            trusted = allowed_signers.parse(bundle.signers.decode("utf-8"))
        except (UnicodeDecodeError, AllowedSignersError) as exc:
            raise BundleError(Failure.MALFORMED, f"{SIGNERS}: {exc}") from None
    try:
        key = sshsig.verify(bundle.summary, bundle.signature, NAMESPACE_SUMMARY)
    except sshsig.SignatureTruncated as exc:
        raise BundleError(Failure.TRUNCATED, f"{SIGNATURE}: {exc}") from None
    except sshsig.SignatureMalformed as exc:
        raise BundleError(Failure.MALFORMED, f"{SIGNATURE}: {exc}") from None
    except sshsig.SignatureMismatch as exc:
        raise BundleError(Failure.BAD_SIGNATURE, str(exc)) from None
    if isinstance(trusted, SignerIndex):
        trusted = trusted.for_key(key)
    now = datetime.now(UTC)
    if allowed_signers.find(trusted, key, NAMESPACE_SUMMARY) is None:
        raise BundleError(Failure.UNKNOWN_SIGNER, f"key {key.fingerprint} is not an allowed signer")
    if not at_issue and allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=now) is None:
        raise BundleError(
            Failure.UNKNOWN_SIGNER, f"key {key.fingerprint} is outside its validity period"
        )
    # Only now that the signature holds are the bytes parsed.
    try:
        summary = summary_json.decode(bundle.summary)
    except summary_json.SummaryError as exc:
        raise BundleError(Failure.MALFORMED, str(exc)) from None
    if at_issue:
        now = datetime.fromisoformat(summary.issued_at.replace("Z", "+00:00"))
        if allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=now) is None:
            raise BundleError(
                Failure.UNKNOWN_SIGNER,
                f"key {key.fingerprint} was outside its validity period when it signed",
            )
    staff_id = summary.person.staff_id
    if allowed_signers.find(trusted, key, NAMESPACE_SUMMARY, when=now, principal=staff_id) is None:
        raise BundleError(
            Failure.UNKNOWN_SIGNER, f"the key is not allowed to sign for staff id {staff_id!r}"
        )
    if summary.signer.fingerprint != key.fingerprint:
        raise BundleError(Failure.MALFORMED, "the summary names another signing key")
    return Verified(summary, staff_id, key)


def verify_path(
    path: Path, trusted: list[AllowedSigner] | None = None, *, at_issue: bool = False
) -> Verified:
    try:
        return verify(read(path), trusted, at_issue=at_issue)
    except OSError as exc:
        raise BundleError(Failure.MALFORMED, exc.strerror or str(exc)) from None


def bundle_name(summary: summary_json.Summary) -> str:
    """`<staff-id>-<programme>-<date>`, as reviewers file them."""
    return f"{summary.person.staff_id}-{summary.programme}-{summary.issued_at[:10]}"
