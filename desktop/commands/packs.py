"""`selfcheck pack build|install|show`: signed policy packs (docs/checklist-format.md)."""

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.commands import EXIT_FINDINGS, EXIT_OK, counted
from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.paths import data_home
from desktop.core.base.text import printable
from desktop.core.signing.pack_manifest import MANIFEST, Manifest, PackError, parse_manifest

MAX_KEY_FILE = 64 * 1024


def pack(args: argparse.Namespace) -> int:
    if args.pack_command == "build":
        return _build(args)
    if args.pack_command == "install":
        return _install(args)
    return _show()


def _signing_key(args: argparse.Namespace) -> Ed25519PrivateKey:
    """The agency's key: an OpenSSH private key file given (a release build), else the
    SelfCheck key of this computer (keychain or key file, as `keys` and `countersign`)."""
    if args.signing_key is None:
        from desktop.commands.signing import passphrase_source
        from desktop.core.signing.keys import KeyStore

        return KeyStore(data_home()).load(passphrase_source(args))
    from cryptography.hazmat.primitives.serialization import load_ssh_private_key

    raw = reading.read_bounded(args.signing_key, MAX_KEY_FILE, follow=True)
    try:
        key = load_ssh_private_key(raw, password=None)
    except (ValueError, TypeError) as exc:
        raise PackError(f"{args.signing_key}: not an unencrypted OpenSSH key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{args.signing_key}: not an Ed25519 key")
    return key


def _build(args: argparse.Namespace) -> int:
    from desktop.core.signing.pack_archive import build_pack, write_signed_folder, zip_bytes

    if (args.out is None) == (not args.in_place):
        print("selfcheck: give either --out PACK.zip or --in-place", file=sys.stderr)
        return EXIT_FINDINGS
    previous = _previous(args.directory)
    pack_id = args.id or (previous.id if previous else None)
    profiles = tuple(args.profiles.split(",")) if args.profiles else None
    profiles = profiles or (previous.profiles if previous else None)
    if pack_id is None or profiles is None:
        print(
            "selfcheck: give --id and --profiles (no pack.json to take them from)", file=sys.stderr
        )
        return EXIT_FINDINGS
    version = args.version or (previous.version + 1 if previous else 1)
    issued = args.issued or date.today()
    expires = args.expires or issued + timedelta(days=365)
    key = _signing_key(args)
    kwargs = {"min_app_version": args.min_app_version} if args.min_app_version else {}
    manifest, data, signature, files = build_pack(
        args.directory,
        key,
        pack_id=pack_id,
        version=version,
        profiles=profiles,
        issued=issued,
        expires=expires,
        **kwargs,
    )
    if args.in_place:
        write_signed_folder(args.directory, data, signature)
        target = args.directory
    else:
        write_atomic(args.out, zip_bytes(data, signature, files), mode=0o644)
        target = args.out
    print(
        printable(
            f"pack {manifest.id} version {manifest.version} ({', '.join(manifest.profiles)}), "
            f"{counted(len(files), 'file')}, expires {manifest.expires}, "
            f"digest {manifest.digest}: {target}"
        )
    )
    return EXIT_OK


def _previous(directory: Path) -> Manifest | None:
    """The folder's current manifest, if it has one that reads (for defaults only)."""
    try:
        return parse_manifest(reading.read_bounded(directory / MANIFEST, 256 * 1024, follow=False))
    except (OSError, PackError):
        return None


def _install(args: argparse.Namespace) -> int:
    from desktop.core.signing.pack_store import install_pack

    try:
        installed = install_pack(args.pack, data_home())
    except PackError as exc:
        print(printable(f"selfcheck: {args.pack}: refused: {exc}"), file=sys.stderr)
        return EXIT_FINDINGS
    manifest = installed.manifest
    print(
        printable(
            f"installed pack {manifest.id} version {manifest.version} "
            f"({', '.join(manifest.profiles)}), signed by {installed.signer}, "
            f"expires {manifest.expires}"
        )
    )
    return EXIT_OK


def _show() -> int:
    from desktop.core.signing.pack_policy import active_folder, load_active_policy

    home = data_home()
    policy = load_active_policy(None, home)
    origin = policy.origin
    print(f"checklists: {active_folder(home)}")
    if origin is not None and origin.signed:
        print(
            f"pack {origin.pack} version {origin.version}, signed by {origin.signer}, "
            f"expires {origin.expires}"
        )
    elif origin is not None:
        print(printable(f"UNSIGNED policy ({origin.problem})"))
    print(f"digest {origin.digest if origin else '-'}")
    return EXIT_OK
