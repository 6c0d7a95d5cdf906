"""Reading a bundle, a folder or a zip, refusing anything oversized or out of place; and
the ways a bundle fails, each told in Vietnamese and in English.

Split from bundle.py (which re-exports all of it): writing and verifying are there.
"""

import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Text
from desktop.core.records import summary as summary_json
from desktop.core.signing import sshsig

SUMMARY = "summary.json"
SIGNATURE = "summary.json.sig"
SIGNERS = "allowed_signers"
PDF = "summary.pdf"  # made from summary.json; not signed, so never read to verify
LIMITS = {SUMMARY: summary_json.MAX_BYTES, SIGNATURE: sshsig.MAX_ARMOR, SIGNERS: 64 * 1024}
_WITHOUT_SIGNERS = {name: limit for name, limit in LIMITS.items() if name != SIGNERS}
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
    """The bundle is not valid: `failure` says how, `detail` says why in English (the
    command line, the CSV) and `text`, where the raise gave it, in both languages."""

    def __init__(self, failure: Failure, detail: "str | Text") -> None:
        self.failure = failure
        self.detail = detail if isinstance(detail, str) else detail.en
        super().__init__(f"{failure.value}: {self.detail}")
        if not isinstance(detail, str):
            self.text = detail  # the detail alone: the failure is told by its own sentence


@dataclass(frozen=True, slots=True)
class Bundle:
    summary: bytes
    signature: bytes
    signers: bytes | None
    pdf: bytes | None = None  # the printable summary, when one was made


# -- what is wrong, in both languages -------------------------------------------------------

NOT_A_BUNDLE = Text("không phải thư mục hay tệp zip của gói bản khai", "not a bundle folder or zip")
_NO_SUCH = Text("không có tệp hoặc thư mục này", "no such file or folder")
_DAMAGED_ZIP = Text("tệp zip bị cắt cụt hoặc hư hỏng", "the zip file is truncated or damaged")
_TOO_MANY = Text("tệp zip chứa quá nhiều tệp", "the zip holds too many files")
_TOO_LARGE = Text("quá lớn", "is too large")


def missing(name: str) -> Text:
    return Text(f"thiếu tệp {name}", f"{name} is missing")


def _in_zip(name: str, problem: Text) -> Text:
    return Text(f"{name} trong tệp zip {problem.vi}", f"{name} in the zip {problem.en}")


# -- reading --------------------------------------------------------------------------------


def read(path: Path, *, own_signers: bool = True) -> Bundle:
    """Read a bundle folder or zip, refusing anything oversized or out of place.

    `own_signers=False` skips the bundle's allowed_signers, for a reviewer who checks
    against a roster (a third of the reading, over a unit's folder)."""
    files: dict[str, bytes | None]
    try:
        mode = path.stat().st_mode  # the path the user named may be a link; inside, none
    except FileNotFoundError:
        raise BundleError(Failure.MALFORMED, _NO_SUCH) from None
    if stat.S_ISDIR(mode):
        wanted = LIMITS if own_signers else _WITHOUT_SIGNERS
        # Joined as text: a Path per file cost more than its read (bench/review.py).
        folder = os.fspath(path)
        files = {
            name: _read_limited(f"{folder}{os.sep}{name}", name, limit)
            for name, limit in wanted.items()
        }
    else:
        with _open_regular(path, Text("gói bản khai", "the bundle"), follow=True) as stream:
            if zipfile.is_zipfile(stream):
                files = dict(_read_zip(stream))
            elif path.suffix.lower() == ".zip":
                raise BundleError(Failure.TRUNCATED, _DAMAGED_ZIP)
            else:
                raise BundleError(Failure.MALFORMED, NOT_A_BUNDLE)
    summary, signature = files.get(SUMMARY), files.get(SIGNATURE)
    if summary is None:
        raise BundleError(Failure.MALFORMED, missing(SUMMARY))
    if signature is None:
        raise BundleError(Failure.MALFORMED, missing(SIGNATURE))
    return Bundle(summary, signature, files.get(SIGNERS))


def _open_regular(path: Path, what: Text, *, follow: bool) -> BinaryIO:
    """`reading.open_regular` with bundle errors; `what` names the file in messages."""
    try:
        return reading.open_regular(path, follow=follow)
    except reading.RefusedFileError as exc:
        why = os_reasons.reason(exc)
        raise BundleError(
            Failure.MALFORMED, Text(f"{what.vi} {why.vi}", f"{what.en} {why.en}")
        ) from None


def _read_limited(path: str, name: str, limit: int) -> bytes | None:
    """One file of a bundle folder (`name`, at `path`), None if it is not there."""
    try:
        return reading.read_bounded(path, limit, follow=False)
    except FileNotFoundError:
        return None
    except reading.RefusedFileError as exc:
        why = os_reasons.reason(exc)
        raise BundleError(Failure.MALFORMED, Text(f"{name} {why.vi}", f"{name} {why.en}")) from None


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
        raise BundleError(
            Failure.MALFORMED,
            Text(
                "tệp zip là kho ZIP64, gói bản khai không bao giờ như vậy",
                "the zip is a ZIP64 archive; bundles never are",
            ),
        )
    if entries > MAX_ZIP_ENTRIES or directory_size > MAX_ZIP_DIRECTORY:
        raise BundleError(Failure.MALFORMED, _TOO_MANY)
    stream.seek(0)


def _read_zip(stream: BinaryIO) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    folders: set[tuple[str, ...]] = set()
    try:
        _central_directory(stream)
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise BundleError(Failure.MALFORMED, _TOO_MANY)
            for info in entries:
                name = PurePosixPath(info.filename).name
                parts = PurePosixPath(info.filename).parts
                # Only the three files, at the top or inside one folder; never "..".
                if name not in LIMITS or len(parts) > 2 or ".." in parts or info.is_dir():
                    continue
                if name in files:
                    raise BundleError(
                        Failure.MALFORMED,
                        Text(f"tệp zip chứa {name} hai lần", f"the zip holds {name} twice"),
                    )
                folders.add(parts[:-1])
                if len(folders) > 1:
                    raise BundleError(
                        Failure.MALFORMED,
                        Text(
                            "tệp zip trộn lẫn các tệp của nhiều thư mục",
                            "the zip mixes files of several folders",
                        ),
                    )
                files[name] = _read_member(archive, info, name)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, struct.error) as exc:
        english = f"{_DAMAGED_ZIP.en} ({exc})"  # zipfile's words: English only
        raise BundleError(Failure.TRUNCATED, Text(_DAMAGED_ZIP.vi, english)) from None
    except ValueError as exc:  # a file name flagged UTF-8 that is not, among others
        raise BundleError(
            Failure.MALFORMED, Text("không đọc được tệp zip", f"the zip cannot be read ({exc})")
        ) from None
    return files


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """One of the bundle's files from the zip, at most its size limit, never a link."""
    problem = None
    if stat.S_ISLNK(info.external_attr >> 16):
        problem = Text("là một liên kết tượng trưng", "is a symbolic link")
    elif info.flag_bits & 0x1:
        problem = Text("bị mã hóa", "is encrypted")
    elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = info.compress_type
        problem = Text(
            f"dùng kiểu nén mà gói bản khai không bao giờ dùng ({method})",
            f"uses a compression bundles never use ({method})",
        )
    elif info.file_size > LIMITS[name]:
        problem = _TOO_LARGE
    if problem is not None:
        raise BundleError(Failure.MALFORMED, _in_zip(name, problem))
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
        damaged = _in_zip(name, Text("bị hỏng", "is damaged"))
        english = f"{damaged.en} ({exc})"  # the library's words: English only
        raise BundleError(Failure.TRUNCATED, Text(damaged.vi, english)) from None
    if len(data) > LIMITS[name]:
        raise BundleError(Failure.MALFORMED, _in_zip(name, _TOO_LARGE))
    return data
