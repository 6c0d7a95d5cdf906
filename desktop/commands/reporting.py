"""`selfcheck diff` and `selfcheck pdf`: reading signed bundles, verified first."""

import argparse
from pathlib import Path

from desktop.commands import EXIT_FINDINGS, EXIT_OK, counted
from desktop.commands.signing import invalid_bundle
from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import Language
from desktop.core.base.text import printable
from desktop.core.policy.loader import load_policy
from desktop.core.records.bundle import BundleError, Verified, read, verify, verify_path
from desktop.core.records.changes import ChangeKind, compare, counts
from desktop.report.words import word


def _verified(path: Path) -> Verified | None:
    try:
        return verify_path(path)
    except BundleError as exc:
        invalid_bundle(path, exc)
        return None


def diff(args: argparse.Namespace) -> int:
    """What changed from bundle A to bundle B, item by item."""
    older, newer = _verified(args.a), _verified(args.b)
    if older is None or newer is None:
        return EXIT_FINDINGS
    language: Language = args.lang
    policy = load_policy(args.checklists)
    a, b = older.summary, newer.summary
    if older.principal != newer.principal:
        print(
            printable(
                f"note: the bundles are of two staff ids ({older.principal}, {newer.principal})"
            )
        )
    print(
        printable(
            f"{b.person.full_name} ({newer.principal}): "
            f"#{a.seq} {a.programme} {a.issued_at[:10]} {a.verdict} -> "
            f"#{b.seq} {b.programme} {b.issued_at[:10]} {b.verdict}"
        )
    )
    changes = compare(a, b)
    for change in changes:
        kind = word(change.kind.value, language)
        if change.kind in (ChangeKind.NEW_ACCOUNT, ChangeKind.REMOVED_ACCOUNT):
            line = f"  {kind:16} {change.account}"
        else:
            item = policy.items.get(str(change.item))
            title = item.title.get(language) if item else str(change.item)
            where = f" [{change.account}]" if change.account else ""
            before = word(change.before, language) if change.before else "-"
            after = word(change.after, language) if change.after else "-"
            line = f"  {kind:16} {change.item}: {title}{where}: {before} -> {after}"
        print(printable(line))
    totals = counts(changes)
    summary = ", ".join(f"{n} {word(k.value, language).lower()}" for k, n in totals.items() if n)
    print(counted(len(changes), "change") + (f": {summary}" if summary else ""))
    return EXIT_OK


def pdf(args: argparse.Namespace) -> int:
    """Make summary.pdf again from a verified bundle (a reviewer's own copy)."""
    from desktop.report.pdf import PDF_NAME, render_pdf

    try:
        bundle = read(args.bundle)
        verify(bundle)
    except (BundleError, OSError) as exc:
        return invalid_bundle(args.bundle, exc)
    out: Path = args.out or Path.cwd() / PDF_NAME
    write_atomic(out, render_pdf(bundle.summary, load_policy(args.checklists), args.lang))
    print(out)
    return EXIT_OK
