"""A policy pack as one zip: building it (signed) and reading one defensively.

A pack zip holds `pack.json`, `pack.json.sig` and the checklist files the manifest names,
at the top (no enclosing folder). Reading refuses what a hostile zip can do: names that
climb out (`..`, absolute, backslashes), links, duplicates, encryption, too many entries,
and sizes beyond the limits, whatever the zip's headers claim.
"""

import hashlib
import io
import stat
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop import __version__
from desktop.core.base import os_reasons, reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import refused
from desktop.core.policy.files import MAX_FILE_BYTES, read_checklists
from desktop.core.signing import sshsig
from desktop.core.signing.pack_manifest import (
    MANIFEST,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    NAMESPACE_POLICY,
    SIGNATURE,
    Manifest,
    PackError,
)
from desktop.core.signing.pack_policy import relative_files

MAX_ZIP_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 32 * 1024 * 1024
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed: the same pack gives the same zip


@dataclass(frozen=True, slots=True)
class PackContents:
    manifest: bytes
    signature: bytes | None
    files: dict[str, bytes]  # every other entry, by name


def read_pack_zip(path: Path) -> PackContents:
    try:
        raw = reading.read_bounded(path, MAX_ZIP_BYTES, follow=True)
    except reading.RefusedFileError as exc:
        why = os_reasons.reason(exc)
        raise refused(PackError, path, why.vi, f"{exc.strerror}") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        vi = f"không phải tệp zip hợp lệ{_damage(exc)}"
        raise refused(PackError, path, vi, f"not a zip ({exc})") from None
    entries: dict[str, bytes] = {}
    total = 0
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_FILES + 2:
            most = MAX_FILES + 2
            vi, en = f"tệp zip có hơn {most} mục", f"more than {most} entries"
            raise refused(PackError, path, vi, en)
        for info in infos:
            name = info.filename
            if info.is_dir():
                continue
            _check_name(path, name)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise _entry(path, name, "là liên kết tượng trưng", "is a symbolic link")
            if info.flag_bits & 0x1:
                raise _entry(path, name, "được mã hóa", "is encrypted")
            if name in entries:
                raise _entry(path, name, "xuất hiện hai lần", "appears twice")
            limit = MAX_MANIFEST_BYTES if name in (MANIFEST, SIGNATURE) else MAX_FILE_BYTES
            try:
                with archive.open(info) as member:
                    data = member.read(limit + 1)
            except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError) as exc:
                vi = f"không đọc được{_damage(exc)}"
                raise _entry(path, name, vi, f"cannot be read ({exc})") from None
            if len(data) > limit:
                kib = limit // 1024
                raise _entry(path, name, f"lớn hơn {kib} KiB", f"is larger than {kib} KiB")
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                mib = MAX_TOTAL_BYTES // (1024 * 1024)
                raise refused(
                    PackError,
                    path,
                    f"lớn hơn {mib} MiB sau khi giải nén",
                    f"larger than {mib} MiB unpacked",
                )
            entries[name] = data
    manifest = entries.pop(MANIFEST, None)
    if manifest is None:
        raise refused(
            PackError,
            path,
            f"chưa được ký: tệp zip không có {MANIFEST}",
            f"unsigned: no {MANIFEST} in the zip",
        )
    return PackContents(manifest, entries.pop(SIGNATURE, None), entries)


def _damage(exc: Exception) -> str:
    """What zipfile's English says of a zip, in Vietnamese; for another error, its kind."""
    words = str(exc)
    if words.startswith("Truncated"):
        return " (tệp bị cắt cụt)"
    if words.startswith(("Bad magic number", "Bad CRC-32", "Corrupt", "Overlapped")):
        return " (tệp zip bị hỏng)"
    if isinstance(exc, zipfile.BadZipFile):
        return ""  # "File is not a zip file", or words no Vietnamese here tells
    return f" ({type(exc).__name__})"


def _entry(path: Path, name: str, vi: str, en: str) -> PackError:
    """An entry of the zip refused: its name quoted in Vietnamese, where it stands among
    Vietnamese words."""
    return refused(PackError, path, f"mục '{name}' trong tệp zip {vi}", f"{name} {en}")


def _check_name(path: Path, name: str) -> None:
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or any(part in ("", ".", "..") for part in parts)
        or len(parts) > 6
        or len(name) > 400
        or not name.isprintable()
    ):
        named = repr(name[:80])
        raise refused(
            PackError,
            path,
            f"mục {named} trong tệp zip không phải đường dẫn tương đối thông thường",
            f"the entry {named} is not a plain relative path",
        )


def build_pack(
    directory: Path,
    key: Ed25519PrivateKey,
    *,
    pack_id: str,
    version: int,
    profiles: tuple[str, ...],
    issued: date,
    expires: date,
    min_app_version: str = __version__,
) -> tuple[Manifest, bytes, bytes, dict[str, bytes]]:
    """Sign the checklists of `directory` as a pack: its manifest, the manifest's bytes,
    their signature and the files. The checklists must load, and define every profile."""
    from desktop.core.policy.loader import policy_from
    from desktop.core.signing.pack_manifest import parse_manifest

    checklists = read_checklists(directory)
    policy = policy_from(checklists)
    for profile in profiles:
        if profile not in policy.profiles:
            raise refused(
                PackError,
                directory,
                f"các danh mục kiểm tra không có quy tắc áp dụng '{profile}'",
                f"the checklists define no profile '{profile}'",
            )
    files = relative_files(checklists)
    manifest = Manifest(
        pack_id,
        version,
        profiles,
        issued,
        expires,
        min_app_version,
        {name: hashlib.sha256(raw).hexdigest() for name, raw in sorted(files.items())},
    )
    data = manifest.encode()
    parse_manifest(data)  # what the installer will check, checked before signing
    signature = sshsig.sign(key, data, NAMESPACE_POLICY).encode("ascii")
    return manifest, data, signature, files


def zip_bytes(manifest: bytes, signature: bytes, files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(MANIFEST, manifest), (SIGNATURE, signature), *sorted(files.items())]:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write_signed_folder(directory: Path, manifest: bytes, signature: bytes) -> None:
    """The reference pack: pack.json and its signature written into the folder itself."""
    write_atomic(directory / MANIFEST, manifest, mode=0o644)
    write_atomic(directory / SIGNATURE, signature, mode=0o644)
