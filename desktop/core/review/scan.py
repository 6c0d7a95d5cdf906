"""Reviewing the bundles a unit collected: verify each against the roster, follow each
person's chain, and say per person what stands and what is wrong.

One unreadable or hostile bundle never stops the rest: it becomes a problem row naming
the file and the reason. Only a few fields of each summary are kept once it is verified,
so memory stays flat as the folder grows.
"""

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from desktop.core.assessment.findings import NEEDS_ACTION
from desktop.core.base import os_reasons
from desktop.core.base.errors import said
from desktop.core.base.i18n import Text
from desktop.core.policy.model import Severity
from desktop.core.records import summary as summary_json
from desktop.core.records.bundle import SUMMARY, BundleError, read, verify
from desktop.core.records.bundle_read import NOT_A_BUNDLE
from desktop.core.records.due import recorded_due
from desktop.core.review.person import (
    check_identity,
    check_shared,
    key_owners,
    person_row,
    replaced_keys,
)
from desktop.core.review.policy import PolicyJudge
from desktop.core.review.roster import Accepted, Roster
from desktop.core.review.rows import (
    FAILURE_PROBLEMS,
    Declared,
    Finding,
    Link,
    Problem,
)
from desktop.core.review.rows import (  # re-exported: the review window names them so
    Report as Report,
)
from desktop.core.review.rows import (
    Row as Row,
)
from desktop.core.signing.allowed_signers import SignerIndex

SEVERITIES = tuple(Severity)  # worst first, as the columns show them
MAX_DEPTH = 12  # nested folders followed; deeper is not a unit's hand-in
_LINK = Text("là liên kết tượng trưng (không đi theo)", "a symbolic link (not followed)")
_TOO_DEEP = Text(
    f"lồng sâu hơn {MAX_DEPTH} cấp thư mục (không mở)",
    f"nested more than {MAX_DEPTH} folders deep (not opened)",
)
_NOT_REGULAR = Text(
    "không phải tệp thông thường (không bao giờ đọc ống dẫn, socket hay thiết bị)",
    "not a regular file (a pipe, socket or device is never read)",
)


def candidates(root: Path) -> Iterator[tuple[Path, Text | None]]:
    """Every bundle folder and zip under `root`, and every other entry with the reason it
    is not one. Names starting with "." are skipped: bundles still being written, and the
    operating system's own files."""
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        # lstat: there as anything, a link too (read() refuses what is not a file). Text,
        # not a Path: a folder of 10,000 bundles asks 10,000 times (bench/review.py).
        try:
            os.lstat(f"{os.fspath(folder)}{os.sep}{SUMMARY}")
        except (FileNotFoundError, NotADirectoryError):
            pass  # not a bundle folder: what it holds is looked at below
        except OSError as exc:  # a folder that cannot be searched, say so
            yield folder, os_reasons.unreadable(exc)
            continue
        else:
            yield folder, None
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            yield folder, os_reasons.unreadable(exc)
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or _is_sidecar(entry.name):
                continue
            if entry.is_symlink():  # could point anywhere, /dev/zero included
                yield path, _LINK
            elif entry.is_dir(follow_symlinks=False):
                if depth < MAX_DEPTH:
                    stack.append((path, depth + 1))
                else:
                    yield path, _TOO_DEEP
            elif not entry.is_file(follow_symlinks=False):
                yield path, _NOT_REGULAR
            elif entry.name.lower().endswith(".zip"):
                yield path, None
            else:
                yield path, NOT_A_BUNDLE


def _is_sidecar(name: str) -> bool:
    """Files a reviewer keeps beside bundles: countersignatures, roster files, reports."""
    return name.endswith((".review.json", ".review.json.sig", ".review.allowed_signers"))


def review(
    root: Path,
    roster: Roster,
    accepted: dict[str, Accepted],
    today: date,
    progress: Callable[[int, Path], None] | None = None,
    judge: PolicyJudge | None = None,
) -> Report:
    if judge is None:
        from desktop.core.base.paths import data_home

        judge = PolicyJudge.here(roster.packs, data_home())
    trusted = SignerIndex(roster.signers)
    # Memory per bundle stays a few hundred bytes: a Link; only the latest is kept whole.
    links: dict[str, list[Link]] = {}
    latest: dict[str, Declared] = {}
    unreadable: list[Finding] = []
    count = 0
    for count, (path, not_a_bundle) in enumerate(candidates(root), 1):
        if progress is not None:
            progress(count, path)
        if not_a_bundle is not None:
            unreadable.append(Finding(Problem.NOT_A_BUNDLE, not_a_bundle.en, path, not_a_bundle))
            continue
        try:
            bundle = read(path, own_signers=False)
            verified = verify(bundle, trusted, at_issue=True)
        except BundleError as exc:
            problem = FAILURE_PROBLEMS[exc.failure]
            unreadable.append(Finding(problem, exc.detail, path, said(exc)))
            continue
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            detail = Text("không đọc được", f"cannot be read ({type(exc).__name__})")
            unreadable.append(Finding(Problem.MALFORMED, detail.en, path, detail))
            continue
        staff_id, sha256 = verified.principal, summary_json.sha256(bundle.summary)
        newest = _declared(path, verified.summary, sha256)
        newest.policy_problems = [
            Finding(Problem(kind.value), detail.en, path, detail)
            for kind, detail in judge.problems(verified.summary)
        ]
        link = Link(newest.key, newest.seq, sha256, newest.prev, newest.issued_at, str(path))
        links.setdefault(staff_id, []).append(link)
        known = latest.get(staff_id)
        if known is None or (known.issued_at, known.seq) < (newest.issued_at, newest.seq):
            latest[staff_id] = newest
    members = roster.members()
    shared, replaced = key_owners(links, roster.signers), replaced_keys(roster.signers)
    rows = []
    for staff_id in sorted(set(members) | set(links)):
        staff, declared = members.get(staff_id), links.get(staff_id, [])
        ended = replaced.get(staff_id, ())
        row = person_row(staff_id, staff, declared, accepted.get(staff_id), today, ended)
        if staff_id in latest:
            row.latest = newest = latest[staff_id]
            check_identity(row, staff, newest)
            row.name, row.unit = row.name or newest.name, row.unit or newest.unit
            row.problems.extend(newest.policy_problems)
            row.overdue = newest.next_due is not None and newest.next_due < today
        check_shared(row, shared)
        rows.append(row)
    return Report(rows, unreadable, count)


def _declared(path: Path, summary: summary_json.Summary, sha256: str) -> Declared:
    counts = dict.fromkeys(SEVERITIES, 0)  # the tuple: iterating the enum makes a list
    for finding in summary.findings:
        if finding.status in NEEDS_ACTION:
            counts[finding.severity] += 1
    due = recorded_due(summary)
    return Declared(
        path=path,
        key=summary.signer.fingerprint,
        seq=summary.seq,
        sha256=sha256,
        prev=summary.prev,
        programme=summary.programme,
        verdict=summary.verdict,
        issued_at=summary.issued_at,
        name=summary.person.full_name,
        unit=summary.person.unit,
        open_by_severity=counts,
        next_due=due.date if due is not None else None,
    )


def to_accept(report: Report, before: dict[str, Accepted] | None = None) -> dict[str, Accepted]:
    """The latest declaration of every person whose row has no problem, except where it is
    older than what was accepted `before`: the memory of a newer key is never overwritten."""
    before = before or {}
    out = {}
    for row in report.rows:
        latest = row.latest
        if not row.sound or latest is None:
            continue
        known = before.get(row.staff_id)
        if known is not None and known.issued_at is not None and latest.issued_at < known.issued_at:
            continue
        out[row.staff_id] = Accepted(latest.seq, latest.sha256, latest.key, latest.issued_at)
    return out


CSV_COLUMNS = (
    "staff_id",
    "name",
    "unit",
    "programme",
    "seq",
    "issued_at",
    "verdict",
    *(f"open_{s}" for s in SEVERITIES),
    "next_due",
    "overdue",
    "problems",
    "file",
)


def csv_rows(report: Report) -> Iterator[list[str]]:
    yield list(CSV_COLUMNS)
    for row in report.rows:
        latest = row.latest
        problems = "; ".join(f"{f.problem.value}: {f.detail}" for f in row.problems)
        yield [
            _cell(row.staff_id),
            _cell(row.name),
            _cell(row.unit),
            _cell(latest.programme) if latest else "",
            str(latest.seq) if latest else "",
            latest.issued_at if latest else "",
            _cell(latest.shown_verdict) if latest else "",
            *((str(latest.open_by_severity[s]) if latest else "") for s in SEVERITIES),
            latest.next_due.isoformat() if latest and latest.next_due else "",
            "yes" if row.overdue else "no",
            _cell(problems),
            _cell(str(latest.path)) if latest else "",
        ]
    for finding in report.unreadable:  # no person: only the problem and the file
        problem = _cell(f"{finding.problem.value}: {finding.detail}")
        yield ["" for _ in CSV_COLUMNS[:-2]] + [problem, _cell(str(finding.path))]


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run (CSV injection)."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_bytes(report: Report) -> bytes:
    """UTF-8 with a byte-order mark: Excel then reads Vietnamese right; LibreOffice too."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(report))
    return buffer.getvalue().encode("utf-8-sig")
