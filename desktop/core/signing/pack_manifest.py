"""A policy pack's manifest, `pack.json`: what the agency signs (docs/checklist-format.md).

Canonical JSON (compact, sorted keys, ASCII), parsed strictly: exactly the known keys,
each of its type and form, no duplicate key, no float, within size limits. The SSHSIG
signature beside it (`pack.json.sig`, namespace selfcheck-policy-v1) covers these bytes.
"""

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.base import field_words
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Text

MANIFEST = "pack.json"
SIGNATURE = "pack.json.sig"
NAMESPACE_POLICY = "selfcheck-policy-v1"
FORMAT = "selfcheck-pack-v1"
MAX_MANIFEST_BYTES = 256 * 1024
MAX_FILES = 500
MAX_PACK_VERSION = 2**31
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
_PATH = re.compile(
    r"(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,79}/){0,4}[A-Za-z0-9_][A-Za-z0-9._-]{0,79}\.toml"
)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_APP_VERSION = re.compile(r"\d{1,6}(?:\.\d{1,6}){0,3}")
_KEYS = {"format", "id", "version", "profiles", "issued", "expires", "min_app_version", "files"}


class PackError(SelfCheckError):
    """A policy pack is refused; the message names what failed, on one line."""


@dataclass(frozen=True, slots=True)
class Manifest:
    id: str
    version: int
    profiles: tuple[str, ...]
    issued: date
    expires: date
    min_app_version: str
    files: Mapping[str, str]  # path inside the pack (posix) -> sha256 hex

    def encode(self) -> bytes:
        """The canonical bytes that are signed."""
        doc = {
            "format": FORMAT,
            "id": self.id,
            "version": self.version,
            "profiles": list(self.profiles),
            "issued": self.issued.isoformat(),
            "expires": self.expires.isoformat(),
            "min_app_version": self.min_app_version,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")

    @property
    def digest(self) -> str:
        """The one digest over all the pack's files (files_digest)."""
        return files_digest(self.files)


def files_digest(files: Mapping[str, str]) -> str:
    """sha256 of the lines `<sha256>  <path>` sorted by path: what `sha256sum` prints for
    the files, so anyone can recompute it (docs/checklist-format.md)."""
    listing = "".join(f"{files[path]}  {path}\n" for path in sorted(files))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def app_version_tuple(text: str) -> tuple[int, ...]:
    """ "1.2.3" as (1, 2, 3); anything after the numbers (a "rc1", "+local") is ignored."""
    match = re.match(r"\d+(?:\.\d+)*", text)
    return tuple(int(p) for p in match.group(0).split(".")) if match else (0,)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            name = repr(key[:40])
            raise PackError(
                Text(
                    f"{MANIFEST}: trường {name} xuất hiện hai lần",
                    f"{MANIFEST}: key {name} appears twice",
                )
            )
        out[key] = value
    return out


def _no_float(text: str) -> Any:
    raise PackError(
        Text(
            f"{MANIFEST}: các số phải là số nguyên ({text[:20]})",
            f"{MANIFEST}: numbers must be whole ({text[:20]})",
        )
    )


def _fail(field: str, message: Text) -> PackError:
    return PackError(
        Text(
            f"{MANIFEST}: trường '{field}' {message.vi}",
            f"{MANIFEST}: field '{field}' {message.en}",
        )
    )


def _refused(vi: str, en: str) -> PackError:
    """The manifest as a whole refused."""
    return PackError(Text(f"{MANIFEST}: {vi}", f"{MANIFEST}: {en}"))


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in `data` (already verified as signed), or PackError naming the field."""
    if len(data) > MAX_MANIFEST_BYTES:
        kib = MAX_MANIFEST_BYTES // 1024
        raise _refused(f"lớn hơn {kib} KiB", f"larger than {kib} KiB")
    try:
        doc = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_constant=_no_float,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _refused("không phải JSON hợp lệ", f"not JSON ({type(exc).__name__})") from None
    if not isinstance(doc, dict):
        raise _refused("phải là một đối tượng JSON", "must be a JSON object")
    unknown = sorted(set(doc) - _KEYS)
    if unknown:
        raise _fail(unknown[0][:40], field_words.UNKNOWN_FIELD)
    missing = sorted(_KEYS - set(doc))
    if missing:
        raise _fail(missing[0], field_words.MISSING)
    if doc["format"] != FORMAT:
        raise _fail("format", Text(f"phải là '{FORMAT}'", f"must be '{FORMAT}'"))
    pack_id = doc["id"]
    if not isinstance(pack_id, str) or not _ID.fullmatch(pack_id):
        raise _fail(
            "id",
            Text(
                "chỉ được gồm chữ thường không dấu, chữ số và dấu '-' (tối đa 63 ký tự)",
                "must be lower-case letters, digits and '-' (at most 63)",
            ),
        )
    version = doc["version"]
    if type(version) is not int or not 1 <= version <= MAX_PACK_VERSION:
        raise _fail(
            "version",
            Text(
                f"phải là số nguyên từ 1 đến {MAX_PACK_VERSION}",
                f"must be a whole number from 1 to {MAX_PACK_VERSION}",
            ),
        )
    profiles = doc["profiles"]
    if (
        not isinstance(profiles, list)
        or not 1 <= len(profiles) <= 100
        or not all(isinstance(p, str) and _ID.fullmatch(p) for p in profiles)
        or len(set(profiles)) != len(profiles)
    ):
        raise _fail(
            "profiles",
            Text(
                "phải liệt kê từ 1 đến 100 mã quy tắc áp dụng, không trùng nhau",
                "must list 1 to 100 distinct profile ids",
            ),
        )
    issued, expires = _date(doc, "issued"), _date(doc, "expires")
    if expires <= issued:
        raise _fail("expires", Text("phải sau ngày 'issued'", "must be after 'issued'"))
    app = doc["min_app_version"]
    if not isinstance(app, str) or not _APP_VERSION.fullmatch(app):
        raise _fail(
            "min_app_version",
            Text("phải là số phiên bản, ví dụ 1.2.0", "must be a version such as 1.2.0"),
        )
    files = doc["files"]
    if not isinstance(files, dict) or not 1 <= len(files) <= MAX_FILES:
        raise _fail(
            "files",
            Text(f"phải liệt kê từ 1 đến {MAX_FILES} tệp", f"must name 1 to {MAX_FILES} files"),
        )
    for path, sha in files.items():
        if not _PATH.fullmatch(path) or ".." in path.split("/"):
            named = repr(path[:80])
            raise _fail(
                "files",
                Text(
                    f"ghi tệp {named}, không phải đường dẫn của tệp danh mục kiểm tra (a/b.toml)",
                    f"names {named}, not a checklist path (a/b.toml)",
                ),
            )
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise _fail(
                f"files.{path}",
                Text(
                    "phải là mã băm SHA-256 viết bằng chữ số thập lục phân thường",
                    "must be a sha256 in lower-case hex",
                ),
            )
    manifest = Manifest(
        pack_id, version, tuple(profiles), issued, expires, app, dict(sorted(files.items()))
    )
    if manifest.encode() != data:
        raise _refused(
            "không ở dạng chuẩn (viết liền, các trường xếp theo thứ tự, chỉ ký tự ASCII)",
            "not in canonical form (compact, sorted keys, ASCII)",
        )
    return manifest


def _date(doc: Mapping[str, Any], field: str) -> date:
    value = doc[field]
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _fail(field, field_words.A_DATE)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(field, field_words.NOT_A_DATE) from None
