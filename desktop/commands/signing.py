"""`selfcheck verify`, `selfcheck history` and `selfcheck keys`: signatures and keys."""

import argparse
import functools
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, counted
from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.paths import data_home
from desktop.core.base.text import printable
from desktop.core.records.bundle import BundleError, verify_path
from desktop.core.records.history import History
from desktop.core.records.summary import decode
from desktop.core.signing import allowed_signers
from desktop.core.signing.allowed_signers import AllowedSignersError
from desktop.core.signing.keys import KeyStore, Passphrase
from desktop.core.signing.sshsig import PublicKey

if TYPE_CHECKING:
    from cryptography import x509

MAX_PASSPHRASE_FILE = 64 * 1024  # only the first line is the passphrase
MAX_SIGNERS_FILE = 4 * 1024 * 1024  # a roster's keys file may be as large


def passphrase_source(args: argparse.Namespace) -> Passphrase | None:
    """Where the key file's passphrase comes from: a file given, else the terminal."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:

        def from_file(_new: bool) -> str:
            try:
                # A pipe is how a passphrase is handed over without a file on disk
                # (`--passphrase-file <(pass show selfcheck)`): read it, to its limit.
                raw = reading.read_bounded(path, MAX_PASSPHRASE_FILE, follow=True, pipe=True)
                lines = raw.decode("utf-8").splitlines()
            except reading.RefusedFileError as exc:  # a device, a folder, over the limit
                raise SelfCheckError(f"{path}: the passphrase file {exc.strerror}") from None
            except UnicodeDecodeError:
                raise SelfCheckError(f"{path}: the passphrase file is not UTF-8 text") from None
            return lines[0] if lines else ""

        return from_file
    if sys.stdin.isatty():

        def ask(new: bool) -> str:
            prompt = "New passphrase for the signing key file: " if new else "Key passphrase: "
            first = getpass.getpass(prompt)
            if new and getpass.getpass("Again: ") != first:
                raise SystemExit("selfcheck: the passphrases differ")
            return first

        return ask
    return None


def invalid_bundle(path: Path, exc: Exception) -> int:
    """Say why a bundle cannot be used, on one line; the exit code for it."""
    print(printable(f"selfcheck: {path}: not a valid bundle ({exc})"), file=sys.stderr)
    return EXIT_FINDINGS


def verify(args: argparse.Namespace) -> int:
    trusted = None
    judge = None
    if args.roster is not None:
        from desktop.core.review.policy import PolicyJudge
        from desktop.core.review.roster import load_roster

        book = load_roster(args.roster)
        trusted = list(book.signers)
        judge = PolicyJudge.here(book.packs, data_home())
    elif args.allowed_signers is not None:
        try:
            raw = reading.read_bounded(args.allowed_signers, MAX_SIGNERS_FILE, follow=True)
            trusted = allowed_signers.parse(raw.decode("utf-8"))
        except (AllowedSignersError, UnicodeDecodeError) as exc:
            print(f"selfcheck: {args.allowed_signers}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    failed = 0
    for path in args.paths:
        try:
            verified = verify_path(path, trusted)
        except BundleError as exc:
            failed += 1
            print(printable(f"INVALID {path}: {exc}"))
            continue
        summary = verified.summary
        # Signed text is still untrusted text: no control characters reach the terminal.
        line = (
            f"{summary.person.full_name} ({verified.principal}), "
            f"{summary.programme} {summary.issued_at}, {summary.verdict}, "
            f"#{summary.seq}, signed by {verified.key.fingerprint}"
        )
        note = "" if trusted is not None else " [own key: not checked against a roster]"
        problems = judge.problems(summary) if judge is not None else []
        if problems:  # signed, but against a policy the unit does not accept: not compliant
            failed += 1
            reasons = "; ".join(f"{kind.value}: {detail.en}" for kind, detail in problems)
            print(printable(f"POLICY  {path}: {line}; NOT ACCEPTED ({reasons})"))
            continue
        print(printable(f"OK      {path}: {line}{note}"))
        if not pdf_signature_sound(args, path, summary.person.full_name):
            failed += 1
    return EXIT_FINDINGS if failed else EXIT_OK


@functools.cache
def _anchors(given: tuple[Path, ...], roster: Path | None) -> "list[x509.Certificate]":
    """The trust anchors named with --trust-anchor, and those of the --roster; read once."""
    from desktop.core.records.bundle_pdf import load_anchors

    paths = list(given)
    if roster is not None:
        from desktop.core.review.roster import load_roster

        paths += load_roster(roster).trust_anchors
    return load_anchors(paths)


def pdf_signature_sound(args: argparse.Namespace, path: Path, name: str) -> bool:
    """Print the state of summary.pdf's public-service signature; False when invalid.

    A bundle without one is sound as before: the signature is optional."""
    from desktop.core.records.bundle import read
    from desktop.core.records.bundle_pdf import check_bundle_pdf
    from desktop.core.signing.pades_check import PdfSignatureState

    anchors = _anchors(tuple(args.trust_anchor or ()), getattr(args, "roster", None))
    check = check_bundle_pdf(path, read(path), anchors, name)
    if check.state == PdfSignatureState.NONE and not anchors:
        return True
    mark = "INVALID" if check.state == PdfSignatureState.INVALID else "        "
    print(printable(f"{mark} {path}: summary.pdf {check.line('en')}"))
    return check.state != PdfSignatureState.INVALID


def history(args: argparse.Namespace) -> int:
    with History(data_home()) as store:
        if args.start_new_chain:
            aside = store.start_new_chain()
            kept = f"; the old head is kept as {aside}" if aside else ""
            print(f"a new chain starts from the history as it is now{kept}")
        declarations = store.declarations()
        for d in declarations:
            print(
                f"{d.seq:4}  {d.issued_at}  {d.programme:14} {d.verdict:16} "
                f"{d.sha256[:16]}  {d.signer}"
            )
        report = store.verify_chain()
    if not declarations:
        print("no declarations yet")
    if report.flags:  # dates out of order or in the future, another key than the enrolled
        print("to look into:")
        for flag in report.flags:
            print(printable(f"  ! {flag}"))
    if report.intact:
        print(f"chain intact: {counted(report.declarations, 'declaration')}")
        return EXIT_FINDINGS if report.flags else EXIT_OK
    print("chain NOT intact:")
    for problem in report.problems:
        print(f"  - {problem}")
    return EXIT_FINDINGS


def keys(args: argparse.Namespace) -> int:
    store = KeyStore(data_home())
    if args.keys_command == "enrol":
        key = store.create(passphrase_source(args), replace=args.replace)
        public = PublicKey.of(key)
        print(f"new signing key {public.fingerprint}")
        return EXIT_OK
    record = store.record()
    if record is None:
        print("no signing key yet: one is made at the first `selfcheck assess`", file=sys.stderr)
        return EXIT_FINDINGS
    public = PublicKey.from_openssh(record.public_key)
    principal = args.principal or _last_staff_id(public) or "STAFF-ID"
    line = allowed_signers.signer_for(principal, public).line()
    if args.keys_command == "export":
        text = f"{public.openssh} selfcheck\n"
        if args.out is None:
            sys.stdout.write(text)
        else:
            write_atomic(args.out, text.encode(), mode=0o644)
            print(f"public key written to {args.out}")
        return EXIT_OK
    state = store.state()
    print(f"256 {public.fingerprint} selfcheck (ED25519)")
    print(f"stored in: {record.storage.value} ({record.backend}), made {record.created}")
    if not state.usable:
        print(f"keychain now: {state.backend}, not usable ({state.problem})")
    print(f"allowed_signers: {line}")
    return EXIT_OK


def _last_staff_id(public: PublicKey) -> str | None:
    """The staff id this key last signed for, to name the allowed_signers principal."""
    try:
        with History(data_home()) as store:
            mine = [d for d in store.declarations() if d.signer == public.fingerprint]
        return decode(mine[-1].summary).person.staff_id if mine else None
    except SelfCheckError:
        return None
