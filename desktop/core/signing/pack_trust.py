"""Who may publish a policy pack, and checking one against that (docs/security.md).

The trusted agency keys are two OpenSSH `allowed_signers` files: `assets/keys/
policy_signers`, shipped with the app, and `policy_signers` in the user's data folder,
which the agency adds. An entry's principals are the profile ids the key may publish
(`*` for any), and its namespaces must allow `selfcheck-policy-v1`. So that

    ssh-keygen -Y verify -f policy_signers -I PROFILE -n selfcheck-policy-v1 \\
        -s pack.json.sig < pack.json

checks the same thing for each profile the manifest covers.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop import __version__
from desktop.core.base import field_words, os_reasons, reading
from desktop.core.base.errors import bilingual, refused
from desktop.core.base.i18n import Text, show_date
from desktop.core.base.resources import assets_dir
from desktop.core.signing import sshsig
from desktop.core.signing.allowed_signers import (
    AllowedSigner,
    AllowedSignersError,
    parse,
)
from desktop.core.signing.pack_manifest import (
    MANIFEST,
    NAMESPACE_POLICY,
    SIGNATURE,
    Manifest,
    PackError,
    app_version_tuple,
    parse_manifest,
)
from desktop.core.signing.sshsig import PublicKey, SignatureError

SIGNERS_FILE = "policy_signers"
MAX_SIGNERS_BYTES = 1024 * 1024


def shipped_signers_path() -> Path:
    return assets_dir() / "keys" / SIGNERS_FILE


def trusted_signers(home: Path | None) -> list[AllowedSigner]:
    """The shipped agency keys, then those the agency added in `home` (if any)."""
    signers = _read_signers(shipped_signers_path(), required=True)
    if home is not None:
        signers += _read_signers(home / SIGNERS_FILE, required=False)
    return signers


def _read_signers(path: Path, *, required: bool) -> list[AllowedSigner]:
    try:
        raw = reading.read_bounded(path, MAX_SIGNERS_BYTES, follow=True)
    except FileNotFoundError:
        if required:
            raise PackError(
                Text(
                    f"{path}: không có danh sách khóa của các cơ quan được tin cậy",
                    f"{path}: the trusted agency keys are missing",
                )
            ) from None
        return []
    except OSError as exc:
        told = os_reasons.unreadable(exc)
        raise refused(PackError, path, told.vi, told.en) from None
    try:
        return parse(raw.decode("utf-8"))
    except (AllowedSignersError, UnicodeDecodeError) as exc:
        told = bilingual(exc, field_words.NOT_UTF8.vi)
        raise refused(PackError, path, told.vi, str(exc)) from None


@dataclass(frozen=True, slots=True)
class SignedPack:
    manifest: Manifest
    manifest_sha256: str
    signer: PublicKey


def verify_manifest(
    data: bytes, signature: bytes | None, signers: Iterable[AllowedSigner]
) -> SignedPack:
    """The manifest, once its signature is checked: made by a trusted key, in the policy
    namespace, by a key that may publish every profile the pack covers. PackError naming
    what failed otherwise. (Verify first, parse second: nothing unsigned is parsed.)"""
    if signature is None:
        raise unsigned(SIGNATURE)
    try:
        key = sshsig.verify(data, signature, NAMESPACE_POLICY)
    except SignatureError as exc:
        told = bilingual(exc, "chữ ký bị hỏng")
        raise PackError(Text(f"chữ ký không hợp lệ: {told.vi}", f"bad signature: {exc}")) from None
    now = datetime.now(UTC)
    entries = [s for s in signers if s.key == key and s.allows(NAMESPACE_POLICY, now)]
    if not entries:
        raise PackError(
            Text(
                f"người ký không được tin cậy: {key.fingerprint} không phải khóa của cơ quan "
                "mà máy tính này tin cậy",
                f"untrusted signer: {key.fingerprint} is not a trusted agency key",
            )
        )
    manifest = parse_manifest(data)
    for profile in manifest.profiles:
        if not any(entry.names(profile) for entry in entries):
            raise PackError(
                Text(
                    f"sai quy tắc áp dụng: khóa {key.fingerprint} không được phép ban hành bộ "
                    f"tiêu chí cho quy tắc áp dụng '{profile}'",
                    f"wrong profile: {key.fingerprint} may not publish policy for profile "
                    f"'{profile}'",
                )
            )
    return SignedPack(manifest, hashlib.sha256(data).hexdigest(), key)


def check_usable(manifest: Manifest, today: date, app_version: str = __version__) -> None:
    """Not expired, not issued in the future, not for a newer app."""
    pack, version = manifest.id, manifest.version
    if today >= manifest.expires:
        raise PackError(
            Text(
                f"đã hết hạn: gói '{pack}' phiên bản {version} hết hạn ngày "
                f"{show_date(manifest.expires)}",
                f"expired: pack {pack} {version} expired on {manifest.expires}",
            )
        )
    if manifest.issued > today:
        raise PackError(
            Text(
                f"chưa có hiệu lực: gói '{pack}' được ban hành ngày {show_date(manifest.issued)}",
                f"not yet valid: pack {pack} is issued on {manifest.issued}",
            )
        )
    needed = manifest.min_app_version
    if app_version_tuple(app_version) < app_version_tuple(needed):
        raise PackError(
            Text(
                f"phiên bản ứng dụng quá cũ: gói '{pack}' cần SelfCheck {needed} trở lên (máy "
                f"này đang dùng {app_version})",
                f"app too old: pack {pack} needs SelfCheck {needed} or newer (this is "
                f"{app_version})",
            )
        )


def check_files(manifest: Manifest, files: Mapping[str, bytes]) -> None:
    """Every file the manifest names, each with its sha256, and no other."""
    for path in sorted(manifest.files):
        raw = files.get(path)
        if raw is None:
            raise PackError(Text(f"thiếu tệp: {path}", f"file missing: {path}"))
        if hashlib.sha256(raw).hexdigest() != manifest.files[path]:
            raise PackError(
                Text(
                    f"tệp đã bị sửa: {path} không khớp với {MANIFEST}",
                    f"file modified: {path} does not match the manifest",
                )
            )
    extra = sorted(set(files) - set(manifest.files))
    if extra:
        name = extra[0][:80]
        raise PackError(
            Text(
                f"tệp thừa: '{name}' không có trong {MANIFEST}",
                f"extra file: {name} is not in the manifest",
            )
        )


def unsigned(missing: str) -> PackError:
    """A pack without its manifest or its signature."""
    return PackError(Text(f"chưa được ký: không có tệp {missing}", f"unsigned: no {missing}"))
