"""Which policy the app uses, and what a summary records of it (docs/security.md).

Precedence: `--checklists DIR` (policy writers; recorded as it verifies, usually unsigned),
else the active installed pack while it verifies and has not expired, unless the built-in
reference pack has the same id and a version as new; else the built-in checklists.
"""

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.core.base.resources import checklists_dir
from desktop.core.policy.files import Checklists, read_checklists
from desktop.core.policy.model import Policy, PolicyOrigin
from desktop.core.signing.allowed_signers import AllowedSigner
from desktop.core.signing.pack_manifest import MANIFEST, SIGNATURE, PackError, files_digest
from desktop.core.signing.pack_pointer import named_folder, read_optional
from desktop.core.signing.pack_trust import (
    SignedPack,
    check_files,
    check_usable,
    trusted_signers,
    unsigned,
    verify_manifest,
)


def relative_files(checklists: Checklists) -> dict[str, bytes]:
    return {path.relative_to(checklists.root).as_posix(): raw for path, raw in checklists.files}


def read_signed(root: Path) -> tuple[bytes, bytes | None]:
    """pack.json and pack.json.sig of a folder (the signature None when absent)."""
    manifest = read_optional(root / MANIFEST)
    if manifest is None:
        raise unsigned(MANIFEST)
    return manifest, read_optional(root / SIGNATURE)


def verify_folder(checklists: Checklists, signers: list[AllowedSigner]) -> SignedPack:
    """The signed manifest of a folder whose checklist files are exactly those it names."""
    manifest, signature = read_signed(checklists.root)
    signed = verify_manifest(manifest, signature, signers)
    check_files(signed.manifest, relative_files(checklists))
    return signed


def folder_origin(
    checklists: Checklists, signers: list[AllowedSigner]
) -> tuple[PolicyOrigin, tuple[str, ...] | None]:
    """What a summary records of these checklists, signed only when verify_folder passes,
    and the profiles the pack covers (None when unsigned). An expired pack stays signed
    here: its expiry is recorded, and the review flags it."""
    digest = files_digest(
        {name: hashlib.sha256(raw).hexdigest() for name, raw in relative_files(checklists).items()}
    )
    try:
        signed = verify_folder(checklists, signers)
    except PackError as exc:
        return PolicyOrigin(digest, signed=False, problem=str(exc)), None
    manifest = signed.manifest
    origin = PolicyOrigin(
        digest,
        signed=True,
        pack=manifest.id,
        version=manifest.version,
        manifest_sha256=signed.manifest_sha256,
        signer=signed.signer.fingerprint,
        expires=manifest.expires.isoformat(),
    )
    return origin, manifest.profiles


def with_origin(policy: Policy, origin: PolicyOrigin, profiles: tuple[str, ...] | None) -> Policy:
    """`policy` carrying its origin; a signed pack offers only the profiles it covers (its
    publisher may publish no other)."""
    if profiles is not None:
        kept = {k: v for k, v in policy.profiles.items() if k in profiles}
        policy = replace(policy, profiles=kept)
    return replace(policy, origin=origin)


def origin_of(policy: Policy, checklists: Checklists, home: Path | None) -> Policy:
    """`policy` (parsed from `checklists`) with its origin recorded."""
    try:
        signers = trusted_signers(home)
    except PackError as exc:  # the app's own trusted keys are missing: nothing is signed
        origin, _ = folder_origin(checklists, [])
        return with_origin(policy, replace(origin, problem=str(exc)), None)
    origin, profiles = folder_origin(checklists, signers)
    return with_origin(policy, origin, profiles)


def active_folder(home: Path | None, today: date | None = None) -> Path:
    """The folder of checklists the app uses when none is given (see the module's note)."""
    builtin = checklists_dir()
    folder = named_folder(home)
    if folder is None:
        return builtin
    try:
        signers = trusted_signers(home)
        installed = verify_folder(read_checklists(folder), signers).manifest
        check_usable(installed, today or date.today())
    except (PackError, OSError, ValueError):
        return builtin  # an installed pack no longer valid: the reference pack stands
    try:
        reference = verify_folder(read_checklists(builtin), signers).manifest
    except (PackError, OSError, ValueError):
        return folder
    if reference.id == installed.id and reference.version >= installed.version:
        return builtin
    return folder


def load_active_policy(directory: Path | None, home: Path | None) -> Policy:
    """The policy to assess with, carrying its origin: `directory` if given, else the
    active folder (active_folder)."""
    from desktop.core.policy.loader import policy_from

    checklists = read_checklists(directory if directory is not None else active_folder(home))
    return origin_of(policy_from(checklists), checklists, home)
