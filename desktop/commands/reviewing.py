"""The reviewer's commands: `roster`, `review` and `countersign`."""

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop.commands import EXIT_FINDINGS, EXIT_OK, counted
from desktop.commands.signing import invalid_bundle, passphrase_source
from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import show_date
from desktop.core.base.text import printable
from desktop.core.records.bundle import BundleError, read, verify
from desktop.core.review.roster import (
    KeyEnrolledElsewhere,
    load_accepted,
    load_roster,
    new_roster,
    save_accepted,
)
from desktop.core.review.roster import enrol as enrol_key
from desktop.core.review.scan import SEVERITIES, review, to_accept

PROGRESS_EVERY = 500


def roster(args: argparse.Namespace) -> int:
    if args.roster_command == "enrol":
        return _enrol(args)
    book = load_roster(args.roster)
    members = book.members()
    for staff_id, staff in sorted(members.items()):
        keys = [s for s in book.signers if staff_id in s.principals]
        line = f"{staff_id:14} {staff.name or '':30} {staff.unit or ''}"
        print(printable(line))
        for signer in keys:
            until = f" until {signer.valid_before:%Y-%m-%d %H:%M}" if signer.valid_before else ""
            print(f"    {signer.key.fingerprint}{until}")
    return EXIT_OK


def _enrol(args: argparse.Namespace) -> int:
    """Import the key of a bundle once the reviewer confirms its fingerprint."""
    book = new_roster(args.roster)
    try:
        bundle = read(args.bundle)
        verified = verify(bundle)  # the bundle's own line: proves who holds the key
    except BundleError as exc:
        return invalid_bundle(args.bundle, exc)
    fingerprint = verified.key.fingerprint
    if args.fingerprint != fingerprint:
        print(
            f"selfcheck: the bundle is signed by {fingerprint}, not by the fingerprint given "
            f"({printable(args.fingerprint)}); ask {verified.principal} to read theirs out "
            "(`selfcheck keys show`). Nothing was enrolled.",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    try:
        enrol_key(book, verified.principal, verified.key, force=args.force)
    except KeyEnrolledElsewhere as exc:
        print(printable(f"selfcheck: {exc}"), file=sys.stderr)
        return EXIT_FINDINGS
    print(printable(f"enrolled {verified.principal}: {fingerprint}"))
    return EXIT_OK


def review_folder(args: argparse.Namespace) -> int:
    from desktop.core.policy.loader import load_policy

    book = load_roster(args.roster)
    accepted = load_accepted(book)
    today = date.today()
    interactive = sys.stderr.isatty()

    def progress(count: int, path: Path) -> None:
        if count % PROGRESS_EVERY == 0 or interactive:
            end = "\r" if interactive else "\n"
            print(f"  {count} checked…", end=end, file=sys.stderr, flush=True)

    report = review(args.directory, book, accepted, today, progress)
    if interactive:
        print(" " * 30, end="\r", file=sys.stderr)
    from desktop.core.review.public_signature import (
        any_invalid,
        check_latest,
        csv_bytes_with_signatures,
    )

    signatures = check_latest(report, book)  # summary.pdf's PAdES signature, per person
    for row in report.rows:
        latest = row.latest
        opened = "/".join(str(latest.open_by_severity[s]) for s in SEVERITIES) if latest else "-"
        state = (
            f"#{latest.seq} {show_date(latest.issued_at)} {latest.shown_verdict}" if latest else "-"
        )
        due = show_date(latest.next_due) if latest and latest.next_due else "-"
        flag = "OVERDUE" if row.overdue else ""
        print(
            printable(f"{row.staff_id:14} {row.name[:28]:28} {state:36} {opened:9} {due:10} {flag}")
        )
        for finding in row.problems:
            where = f" ({finding.path})" if finding.path else ""
            print(printable(f"    ! {finding.problem.value}: {finding.detail}{where}"))
        if row.staff_id in signatures:
            print(printable(f"    {signatures[row.staff_id].line(args.lang or 'en')}"))
    for finding in report.unreadable:
        print(printable(f"INVALID {finding.path}: {finding.problem.value}: {finding.detail}"))
    sound = sum(1 for r in report.rows if r.sound)
    print(
        f"{counted(report.bundles, 'file')} checked; "
        f"{counted(len(report.rows), 'person', 'people')}, {sound} without problems, "
        f"{counted(len(report.unreadable), 'file')} unusable"
    )
    if args.csv is not None:
        write_atomic(args.csv, csv_bytes_with_signatures(report, signatures), mode=0o600)
    if args.pdf is not None:
        from desktop.report.unit import unit_pdf

        pdf = unit_pdf(report, load_policy(), args.lang, today, signatures=signatures)
        write_atomic(args.pdf, pdf)
    if args.accept:
        taken = to_accept(report, accepted)  # never older than what was accepted before
        accepted.update(taken)
        save_accepted(book, accepted)
        print(f"accepted: the latest declaration of {len(taken)} people")
    problems = report.unreadable or any(not r.sound for r in report.rows) or any_invalid(signatures)
    return EXIT_FINDINGS if problems else EXIT_OK


def countersign(args: argparse.Namespace) -> int:
    from desktop.core.base.paths import data_home
    from desktop.core.review.countersign import Decision
    from desktop.core.review.countersign import countersign as make
    from desktop.core.review.policy import PolicyJudge
    from desktop.core.signing.keys import KeyStore

    book = load_roster(args.roster)
    trusted = list(book.signers)  # only what the roster vouches for
    try:
        bundle = read(args.bundle)
        verified = verify(bundle, trusted, at_issue=True)
    except BundleError as exc:
        return invalid_bundle(args.bundle, exc)
    problems = PolicyJudge.here(book.packs, data_home()).problems(verified.summary)
    if problems:
        reasons = "; ".join(f"{kind.value}: {detail.en}" for kind, detail in problems)
        print(printable(f"selfcheck: {args.bundle}: {reasons}"), file=sys.stderr)
        if args.decision == "accepted":
            print("selfcheck: not countersigned as accepted; it may be returned", file=sys.stderr)
            return EXIT_FINDINGS
    key = KeyStore(data_home()).load_or_create(passphrase_source(args))
    signed = make(bundle, verified, key, args.reviewer, Decision(args.decision))
    for path in signed.write_beside(args.bundle):
        print(path)
    return EXIT_OK
