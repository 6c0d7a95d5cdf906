"""`selfcheck check` and `selfcheck assess`: evaluate an answers file; assess also signs."""

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from desktop.commands import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from desktop.core.assessment.answers import load_answers
from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.engine import Assessment, assess
from desktop.core.assessment.findings import VerdictKind
from desktop.core.assessment.people import Account
from desktop.core.assessment.reasons import describe
from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import Language
from desktop.core.policy.model import Policy
from desktop.report.words import word


def _assess_answers(args: argparse.Namespace) -> Assessment:
    """Load the checklists and the answers file, measure the passwords given, assess."""
    from desktop.core.base.paths import data_home
    from desktop.core.signing.pack_policy import load_active_policy

    policy = load_active_policy(args.checklists, data_home())
    _say_origin(policy, sys.stderr)
    submission = load_answers(args.answers, policy)
    passwords = PasswordSession(submission.person, submission.accounts)
    if args.password_stdin:
        _read_passwords(passwords, submission.accounts, sys.stdin)
    # The passwords are gone once measured; the session (and its reuse key) goes with it.
    return assess(policy, submission, passwords)


def _say_origin(policy: Policy, out: TextIO) -> None:
    """Plainly, when the policy is not a signed pack: the summary will record it so."""
    origin = policy.origin
    if origin is not None and not origin.signed:
        from desktop.core.base.text import printable

        print(
            printable(
                f"selfcheck: warning: these checklists are not a signed policy pack "
                f"({origin.problem}); the summary records them as unsigned, and a reviewer "
                "will not take it as compliant"
            ),
            file=out,
        )


def check(args: argparse.Namespace) -> int:
    result = _assess_answers(args)
    submission = result.submission
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
        platform = policy.platforms[account.platform].name.get(language)
        headings[account.id] = f"{platform}: {account.handle}"
    notices = {
        a.id: known.notice.get(language)
        for a in result.submission.accounts
        if (known := policy.platforms.get(a.platform)) is not None and known.notice
    }
    if not result.submission.accounts:
        headings[""] = "Tài khoản" if language == "vi" else "Accounts"
    for account_id, heading in headings.items():
        print(f"\n== {heading}", file=out)
        if account_id in notices:
            print(f"  ⚠ {notices[account_id]}", file=out)
        if account_id == "":  # nothing listed: say whether the person declared holding none
            key = "no_accounts_declared" if result.declared_no_accounts else "no_accounts"
            print(f"  {word(key, language)}", file=out)
        for finding in result.for_account(account_id):
            status = word(finding.status.value, language).upper()
            title = _label(policy, finding.item_id, language)
            reason = describe(finding, policy, language)
            print(f"  [{status:14}] {title} ({', '.join(finding.provisions)}): {reason}", file=out)
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
        severity = word(finding.severity.value, language)
        print(f"{number:3}. [{severity}] {title} ({where})", file=out)
        for step in finding.fix.get(language):
            print(f"       - {step}", file=out)


def findings_json(result: Assessment) -> bytes:
    import msgspec

    from desktop.core.records.summary import finding_record

    doc = {
        "programme": result.submission.programme,
        "verdict": result.verdict.kind.value,
        "findings": [
            {**msgspec.to_builtins(finding_record(f)), "reason": f.reason, "params": dict(f.params)}
            for f in result.findings
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def assess_and_sign(args: argparse.Namespace) -> int:
    """`selfcheck assess`: evaluate, sign, append to the history, write the bundle."""
    from desktop.commands.pdf_signing import pdf_signer
    from desktop.commands.signing import passphrase_source
    from desktop.core.base.paths import data_home
    from desktop.core.records import bundle as bundles
    from desktop.core.records.declare import (
        BundleNotWritten,
        Destination,
        HistoryNotIntact,
        sign_and_save,
    )
    from desktop.core.records.history import History
    from desktop.core.signing.keys import KeyStore

    result = _assess_answers(args)
    home = data_home()
    sign_pdf = pdf_signer(args, result.submission.person.full_name)

    def with_pdf(bundle: bundles.Bundle) -> bundles.Bundle:
        from desktop.report.pdf import with_pdf

        made = with_pdf(bundle, result.policy, args.lang)
        return made if sign_pdf is None else sign_pdf(made)  # on the token, if asked

    destination = Destination(args.out, args.zip, None if args.no_pdf else with_pdf)
    with History(home) as history:
        try:
            saved = sign_and_save(
                result, KeyStore(home), history, destination, passphrase=passphrase_source(args)
            )
        except HistoryNotIntact as exc:
            print(f"selfcheck: {exc}:", file=sys.stderr)
            for problem in exc.problems:
                print(f"  - {problem}", file=sys.stderr)
            return EXIT_USAGE
        except BundleNotWritten as exc:  # declared all the same: say so, not "failed"
            print(f"selfcheck: {exc}", file=sys.stderr)
            return EXIT_USAGE
    signed, target = saved.signed, saved.path
    language: Language = args.lang or result.submission.language
    print_assessment(result, language, sys.stdout)
    print(f"\n{signed.declaration.signer} #{signed.declaration.seq}: {target}")
    return EXIT_OK if result.verdict.kind == VerdictKind.COMPLIANT else EXIT_FINDINGS
