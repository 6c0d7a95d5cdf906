"""Installing a policy pack into the user's data folder: all checks first, then one rename.

Layout: `<data>/packs/<id>/<version>/` holds the pack's files as signed; `<data>/packs/
ACTIVE` names the one in use (`<id>/<version>`). A pack is installed only when it is
signed by a trusted agency key that may publish its profiles, newer than any installed
version of the same id (no rollback), not expired, meant for this app version, its files
exactly those of the manifest, and its checklists load. Otherwise PackError names what
failed, and nothing under `packs/` has changed.
"""

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop import __version__
from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import Text
from desktop.core.policy.files import Checklists
from desktop.core.signing.pack_archive import read_pack_zip
from desktop.core.signing.pack_manifest import MANIFEST, SIGNATURE, Manifest, PackError
from desktop.core.signing.pack_pointer import ACTIVE, packs_dir
from desktop.core.signing.pack_trust import (
    check_files,
    check_usable,
    trusted_signers,
    verify_manifest,
)


@dataclass(frozen=True, slots=True)
class Installed:
    manifest: Manifest
    signer: str  # SHA256:... fingerprint
    folder: Path


def installed_version(home: Path, pack_id: str) -> int:
    """The highest version of `pack_id` installed here, 0 if none."""
    folder = packs_dir(home) / pack_id
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    return max((int(n) for n in names if n.isdigit() and len(n) < 12), default=0)


def install_pack(
    zip_path: Path, home: Path, today: date | None = None, app_version: str = __version__
) -> Installed:
    contents = read_pack_zip(zip_path)
    signed = verify_manifest(contents.manifest, contents.signature, trusted_signers(home))
    manifest = signed.manifest
    check_usable(manifest, today or date.today(), app_version)
    have = installed_version(home, manifest.id)
    if manifest.version <= have:
        raise PackError(
            Text(
                f"không mới hơn: gói '{manifest.id}' phiên bản {manifest.version} không mới hơn "
                f"phiên bản đã cài đặt {have} (không được quay về phiên bản cũ)",
                f"not newer: pack {manifest.id} version {manifest.version} is not newer than the "
                f"installed version {have} (no rollback)",
            )
        )
    check_files(manifest, contents.files)
    _check_loads(manifest, contents.files, zip_path)
    root = packs_dir(home)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(root, 0o700)
    staging = root / f".staging-{secrets.token_hex(8)}"
    try:
        staging.mkdir(mode=0o700)
        files = {
            MANIFEST: contents.manifest,
            SIGNATURE: contents.signature or b"",
            **contents.files,
        }
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(target, data, mode=0o644)
        (root / manifest.id).mkdir(exist_ok=True, mode=0o700)
        final = root / manifest.id / str(manifest.version)
        os.rename(staging, final)  # the pack appears whole, or not at all
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    write_atomic(root / ACTIVE, f"{manifest.id}/{manifest.version}\n".encode(), mode=0o644)
    for older in os.listdir(root / manifest.id):  # superseded versions: nothing uses them
        if older.isdigit() and older != str(manifest.version):
            shutil.rmtree(root / manifest.id / older, ignore_errors=True)
    return Installed(manifest, signed.signer.fingerprint, final)


def _check_loads(manifest: Manifest, files: dict[str, bytes], zip_path: Path) -> None:
    """The checklists load, and define every profile the pack covers."""
    from desktop.core.base.errors import SelfCheckError, said
    from desktop.core.policy.loader import policy_from

    root = Path(f"{zip_path.name}!")
    checklists = Checklists(root, tuple((root / name, files[name]) for name in sorted(files)))
    try:
        policy = policy_from(checklists)
    except SelfCheckError as exc:
        told = said(exc)
        why = f": {told.vi}" if told is not None else ""
        raise PackError(
            Text(f"không đọc được các danh mục kiểm tra{why}", f"checklists do not load: {exc}")
        ) from None
    for profile in manifest.profiles:
        if profile not in policy.profiles:
            raise PackError(
                Text(
                    "sai quy tắc áp dụng: các danh mục kiểm tra không có quy tắc áp dụng "
                    f"'{profile}'",
                    f"wrong profile: the checklists define no profile '{profile}'",
                )
            )
