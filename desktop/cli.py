"""The `selfcheck` command line: the same core as the GUI, for scripts and reviewers.

Exit codes: 0 success (compliant, valid), 1 the check found something (action required,
invalid), 2 a usage error or input we could not read. Never a traceback: errors are one
line naming the file and field; `SELFCHECK_DEBUG=1` shows the traceback to developers.
"""

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.commands import EXIT_USAGE
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.text import printable

if TYPE_CHECKING:
    import argparse

# The commands that may read a password, passphrase or PIN: their process must never
# leave a core dump (desktop.core.base.coredump).
READS_SECRETS = frozenset({"check", "assess", "countersign", "keys"})


def _parser() -> "argparse.ArgumentParser":
    import argparse  # not for the desktop app started without arguments (see main)

    parser = argparse.ArgumentParser(
        prog="selfcheck",
        description="Check your social-network accounts against the codes of conduct. "
        "With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"selfcheck {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation can run here (checklists, Qt, keychain, zxcvbn)",
    )
    commands = parser.add_subparsers(dest="command")

    lint = commands.add_parser("lint-checklists", help="validate checklists, show coverage")
    lint.add_argument("directory", nargs="?", type=Path, help="checklist folder")
    lint.add_argument("--quiet", action="store_true", help="print only problems and totals")

    check = commands.add_parser("check", help="evaluate an answers file; sign nothing")
    _answers_arguments(check)
    check.add_argument("--json", type=Path, dest="json_out", help="also write findings as JSON")

    signing = commands.add_parser(
        "assess", help="evaluate, sign, keep in the history, write a bundle"
    )
    _answers_arguments(signing)
    signing.add_argument("--out", type=Path, required=True, help="folder to write the bundle in")
    signing.add_argument("--zip", action="store_true", help="write the bundle as one .zip")
    signing.add_argument(
        "--no-pdf", action="store_true", help="leave summary.pdf out (it needs Qt's fonts)"
    )
    signing.add_argument("--passphrase-file", type=Path, help="key file passphrase (no keychain)")
    _pdf_signing_arguments(signing)

    verify = commands.add_parser("verify", help="verify bundles (folders or zips)")
    verify.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    verify.add_argument("--allowed-signers", type=Path, help="trusted signers (OpenSSH format)")
    verify.add_argument(
        "--roster", type=Path, help="roster (TOML): its keys, and the policy packs it accepts"
    )
    verify.add_argument(
        "--trust-anchor",
        type=Path,
        action="append",
        help="root or intermediate certificate (PEM) for summary.pdf's PAdES signature",
    )

    changes = commands.add_parser("diff", help="what changed from bundle A to bundle B")
    changes.add_argument("a", type=Path, metavar="A", help="the earlier bundle")
    changes.add_argument("b", type=Path, metavar="B", help="the later bundle")
    changes.add_argument("--lang", choices=["vi", "en"], default="en", help="language")
    changes.add_argument("--checklists", type=Path, help="checklist folder (for item titles)")

    report = commands.add_parser("pdf", help="make summary.pdf again from a verified bundle")
    report.add_argument("bundle", type=Path, help="bundle folder or zip")
    report.add_argument("--out", type=Path, help="file to write (default: ./summary.pdf)")
    report.add_argument("--lang", choices=["vi", "en"], help="language (default: the summary's)")
    report.add_argument("--checklists", type=Path, help="checklist folder")

    roster = commands.add_parser("roster", help="reviewer: the unit's staff and their keys")
    roster.add_argument("--roster", type=Path, required=True, help="roster file (TOML)")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True)
    roster_commands.add_parser("show", help="staff and enrolled key fingerprints")
    enrol_key = roster_commands.add_parser("enrol", help="import a bundle's key")
    enrol_key.add_argument("bundle", type=Path, help="a bundle of the official")
    enrol_key.add_argument(
        "--fingerprint", required=True, help="SHA256:… as the official read it out"
    )
    enrol_key.add_argument(
        "--force",
        action="store_true",
        help="enrol a key already enrolled for another staff id (the review then flags both)",
    )

    review = commands.add_parser("review", help="reviewer: verify a folder of bundles")
    review.add_argument("directory", type=Path, metavar="DIR", help="folder of bundles")
    review.add_argument("--roster", type=Path, required=True, help="roster file (TOML)")
    review.add_argument("--csv", type=Path, help="write one row per person (UTF-8 with BOM)")
    review.add_argument("--pdf", type=Path, help="write the unit report as a PDF")
    review.add_argument("--lang", choices=["vi", "en"], default="vi", help="PDF language")
    review.add_argument(
        "--accept",
        action="store_true",
        help="remember each sound latest declaration, to catch a rewritten history later",
    )

    sign_off = commands.add_parser("countersign", help="reviewer: countersign a declaration")
    sign_off.add_argument("bundle", type=Path, help="bundle folder or zip")
    sign_off.add_argument("--roster", type=Path, required=True, help="roster file (TOML)")
    sign_off.add_argument("--reviewer", required=True, help="your own staff id")
    sign_off.add_argument("--decision", choices=["accepted", "returned"], default="accepted")
    sign_off.add_argument("--passphrase-file", type=Path, help="key file passphrase (no keychain)")

    history = commands.add_parser("history", help="list local declarations, check their chain")
    history.add_argument(
        "--start-new-chain",
        action="store_true",
        help="after a reported loss: accept the history as it is now and continue from it",
    )

    _pack_arguments(commands)

    keys = commands.add_parser("keys", help="the signing key")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    show = key_commands.add_parser("show", help="fingerprint and allowed_signers line")
    show.add_argument("--principal", help="staff id for the allowed_signers line")
    export = key_commands.add_parser("export", help="write the public key")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--principal", help=argparse.SUPPRESS)
    enrol = key_commands.add_parser("enrol", help="make the signing key")
    enrol.add_argument("--replace", action="store_true", help="replace a lost or changed key")
    enrol.add_argument("--passphrase-file", type=Path, help="key file passphrase (no keychain)")
    return parser


def _pack_arguments(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from datetime import date

    packs = commands.add_parser("pack", help="signed policy packs: build, install, show")
    pack_commands = packs.add_subparsers(dest="pack_command", required=True)
    build = pack_commands.add_parser("build", help="agency: sign a folder of checklists")
    build.add_argument("directory", type=Path, metavar="DIR", help="folder of checklists")
    build.add_argument("--out", type=Path, help="the pack to write (PACK.zip)")
    build.add_argument(
        "--in-place", action="store_true", help="write pack.json and its signature into DIR"
    )
    build.add_argument("--id", help="pack id (default: DIR/pack.json's)")
    build.add_argument("--version", type=int, help="pack version (default: DIR/pack.json's + 1)")
    build.add_argument("--profiles", help="profile ids it covers, comma-separated")
    build.add_argument("--issued", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    build.add_argument(
        "--expires", type=date.fromisoformat, help="YYYY-MM-DD (default: a year after issued)"
    )
    build.add_argument("--min-app-version", help="oldest SelfCheck that may use it")
    build.add_argument(
        "--signing-key", type=Path, help="OpenSSH Ed25519 private key file (release builds)"
    )
    build.add_argument("--passphrase-file", type=Path, help="key file passphrase (no keychain)")
    install = pack_commands.add_parser("install", help="install a signed pack")
    install.add_argument("pack", type=Path, metavar="PACK.zip")
    pack_commands.add_parser("show", help="the policy in use")


def _pdf_signing_arguments(parser: "argparse.ArgumentParser") -> None:
    """The USB token that signs summary.pdf as PAdES (desktop.commands.pdf_signing)."""
    parser.add_argument(
        "--pdf-sign",
        choices=["pkcs11"],
        help="also sign summary.pdf (PAdES) with the public-service certificate on a USB token",
    )
    parser.add_argument("--pkcs11-lib", type=Path, help="the token's PKCS#11 module (.so/.dll)")
    parser.add_argument("--token-label", help="which token, when several are plugged in")
    parser.add_argument("--cert-label", help="which certificate, when the token holds several")
    parser.add_argument("--pin-file", type=Path, help="file (or pipe) whose first line is the PIN")
    parser.add_argument("--timestamp-url", help="RFC 3161 timestamp server (PAdES B-T)")


def _answers_arguments(parser: "argparse.ArgumentParser") -> None:
    parser.add_argument("answers", type=Path, help="answers file (.toml or .json)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read one password line per account, in the file's order (empty line: skip)",
    )
    parser.add_argument("--lang", choices=["vi", "en"], help="language of the report")
    parser.add_argument("--checklists", type=Path, help="checklist folder")


def _handler(command: str) -> "Callable[[argparse.Namespace], int] | None":
    if command in ("check", "assess"):
        from desktop.commands import assessing

        return assessing.check if command == "check" else assessing.assess_and_sign
    if command in ("verify", "history", "keys"):
        from desktop.commands import signing

        return {"verify": signing.verify, "history": signing.history, "keys": signing.keys}[command]
    if command in ("roster", "review", "countersign"):
        from desktop.commands import reviewing

        return {
            "roster": reviewing.roster,
            "review": reviewing.review_folder,
            "countersign": reviewing.countersign,
        }[command]
    if command == "pack":
        from desktop.commands.packs import pack

        return pack
    if command in ("diff", "pdf"):
        from desktop.commands import reporting

        return reporting.diff if command == "diff" else reporting.pdf
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The desktop app as its launcher starts it, with no arguments, needs no parser:
    # importing argparse and building every subcommand took ~20 ms of its start.
    args = _parser().parse_args(arguments) if arguments else None
    try:
        if args is not None and args.self_test:
            from desktop.commands.selftest import self_test

            return self_test(sys.stdout)
        if args is None or args.command is None:
            from desktop.gui.app import run_gui  # Qt is only imported when the GUI starts

            return run_gui()
        # The commands are imported only when asked for: the desktop app, the common case,
        # paints its first window before the core (cryptography, sqlite3, ...) is loaded.
        if args.command == "lint-checklists":
            from desktop.commands.checklists import lint_checklists

            return lint_checklists(args.directory, quiet=args.quiet, out=sys.stdout)
        if args.command in READS_SECRETS:
            from desktop.core.base.coredump import forbid_core_dumps

            forbid_core_dumps()
        handler = _handler(args.command)
        if handler is not None:
            return handler(args)
    except SelfCheckError as exc:
        # Messages quote file names and fields from outside: escaped, one line always.
        print(printable(f"selfcheck: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(printable(f"selfcheck: {exc.filename or ''}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("SELFCHECK_DEBUG"):
            import traceback  # only here: the desktop app starts without it

            traceback.print_exc()
        where = "run with SELFCHECK_DEBUG=1 for details"
        try:  # out of memory, even importing logging can fail: this line must still print
            # Logging is set up only here, when it is needed: nothing on a good run.
            import logging

            from desktop.core.base import logs

            path = logs.configure()
            logging.getLogger(f"{logs.LOGGER}.cli").exception(
                "internal error in %s", (args and args.command) or "the desktop app"
            )
            if path is not None:
                where = f"details in {path}"
        except Exception:  # noqa: S110 (the log is a help, never a second failure)
            pass
        print(f"selfcheck: internal error ({type(exc).__name__}); {where}", file=sys.stderr)
        return 70
    return EXIT_USAGE
