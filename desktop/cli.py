"""The `selfcheck` command line: the same core as the GUI, for scripts and reviewers.

Exit codes: 0 success (compliant, valid), 1 the check found something (action required,
invalid), 2 a usage error or input we could not read. Never a traceback: errors are one
line naming the file and field; `SELFCHECK_DEBUG=1` shows the traceback to developers.
"""

import argparse
import getpass
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop import __version__
from desktop.core.answers_file import load_answers
from desktop.core.assessment import Assessment, assess
from desktop.core.atomic import write_atomic
from desktop.core.checks.password import PasswordSession
from desktop.core.coverage import coverage
from desktop.core.errors import SelfCheckError
from desktop.core.findings import VerdictKind
from desktop.core.i18n import Language
from desktop.core.model import Account
from desktop.core.policy import Policy
from desktop.core.policy_loader import load_policy
from desktop.core.reasons import describe

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfcheck",
        description="Check your social-network accounts against the codes of conduct. "
        "With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"selfcheck {__version__}")
    commands = parser.add_subparsers(dest="command")

    lint = commands.add_parser("lint-checklists", help="validate checklists, show coverage")
    lint.add_argument("directory", nargs="?", type=Path, help="checklist folder")
    lint.add_argument("--quiet", action="store_true", help="print only problems and totals")

    check = commands.add_parser("check", help="evaluate an answers file; sign nothing")
    check.add_argument("answers", type=Path, help="answers file (JSON)")
    check.add_argument(
        "--password-stdin",
        action="store_true",
        help="read one password line per account, in the file's order (empty line: skip)",
    )
    check.add_argument("--lang", choices=["vi", "en"], help="language of the report")
    check.add_argument("--json", type=Path, dest="json_out", help="also write findings as JSON")
    check.add_argument("--checklists", type=Path, help="checklist folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            from desktop.gui.app import run_gui  # Qt is only imported when the GUI starts

            return run_gui()
        if args.command == "lint-checklists":
            return lint_checklists(args.directory, quiet=args.quiet, out=sys.stdout)
        if args.command == "check":
            return check(args)
    except SelfCheckError as exc:
        print(f"selfcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"selfcheck: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if os.environ.get("SELFCHECK_DEBUG"):
            traceback.print_exc()
        print(
            f"selfcheck: internal error ({type(exc).__name__}); "
            "run with SELFCHECK_DEBUG=1 for details",
            file=sys.stderr,
        )
        return 70
    return EXIT_USAGE


def lint_checklists(directory: Path | None, *, quiet: bool, out: TextIO) -> int:
    policy = load_policy(directory)
    rows = coverage(policy)
    missing = [row for row in rows if row.missing]
    if not quiet:
        for row in rows:
            mark = "MISSING" if row.missing else ("ok" if row.items else "-")
            cited = ", ".join(row.items) if row.items else "(context: help text only)"
            if row.missing:
                cited = "no item cites it"
            print(f"{mark:8} {row.provision.id:12} {row.provision.kind.value:10} {cited}", file=out)
    for row in missing:
        print(
            f"selfcheck: provision {row.provision.id} ({row.provision.kind.value}) "
            "is cited by no item",
            file=sys.stderr,
        )
    required = sum(1 for row in rows if row.required)
    print(
        f"{len(policy.files)} files, {len(policy.items)} items, {len(policy.programmes)} "
        f"programmes, {len(policy.platforms)} platforms; "
        f"{required - len(missing)}/{required} account, pledge, programme and review "
        "provisions covered",
        file=out,
    )
    return EXIT_FINDINGS if missing else EXIT_OK


def check(args: argparse.Namespace) -> int:
    policy = load_policy(args.checklists)
    submission = load_answers(args.answers, policy)
    passwords = PasswordSession(submission.person, submission.accounts)
    if args.password_stdin:
        _read_passwords(passwords, submission.accounts, sys.stdin)
    result = assess(policy, submission, passwords)
    language: Language = args.lang or submission.language
    print_assessment(result, language, sys.stdout)
    if args.json_out is not None:
        write_atomic(args.json_out, findings_json(result))
    return EXIT_OK if result.verdict.kind == VerdictKind.COMPLIANT else EXIT_FINDINGS


def _read_passwords(session: PasswordSession, accounts: Sequence[Account], stream: TextIO) -> None:
    """One password a line, in the file's account order; an empty line skips an account.

    At a terminal, each password is asked for without echo, so it never shows on screen.
    """
    interactive = stream.isatty()
    for account in accounts:
        if interactive:
            line = getpass.getpass(f"{account.platform} {account.handle} (Enter: skip): ")
        else:
            line = stream.readline()
            if not line:
                break
        password = line.removesuffix("\n").removesuffix("\r")
        if password:
            session.add(account.id, password)
        del password, line  # nothing keeps the password once it has been measured


def _label(policy: Policy, item_id: str, language: Language) -> str:
    return policy.items[item_id].title.get(language)


def print_assessment(result: Assessment, language: Language, out: TextIO) -> None:
    policy = result.policy
    headings: dict[str | None, str] = {
        None: "Cam kết và chương trình" if language == "vi" else "Pledges and programme"
    }
    for account in result.submission.accounts:
        platform = policy.platforms[account.platform].name
        headings[account.id] = f"{platform}: {account.handle}"
    for account_id, heading in headings.items():
        print(f"\n== {heading}", file=out)
        for finding in result.for_account(account_id):
            status = finding.status.value.upper()
            title = _label(policy, finding.item_id, language)
            reason = describe(finding, policy, language)
            print(f"  [{status:12}] {title} ({', '.join(finding.provisions)}): {reason}", file=out)
    verdict = result.verdict
    if verdict.kind == VerdictKind.COMPLIANT:
        print("\nKết luận: ĐẠT" if language == "vi" else "\nVerdict: COMPLIANT", file=out)
        return
    print(
        "\nKết luận: CẦN KHẮC PHỤC" if language == "vi" else "\nVerdict: ACTION REQUIRED", file=out
    )
    for number, finding in enumerate(verdict.to_fix, 1):
        where = headings[finding.account_id]
        title = _label(policy, finding.item_id, language)
        print(f"{number:3}. [{finding.severity.value}] {title} ({where})", file=out)
        for step in finding.fix.get(language):
            print(f"       - {step}", file=out)


def findings_json(result: Assessment) -> bytes:
    doc = {
        "programme": result.submission.programme,
        "verdict": result.verdict.kind.value,
        "findings": [
            {
                "item": f.item_id,
                "account": f.account_id,
                "status": f.status.value,
                "evidence": f.evidence.value,
                "severity": f.severity.value,
                "provisions": list(f.provisions),
                "reason": f.reason,
                "params": dict(f.params),
            }
            for f in result.findings
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()
