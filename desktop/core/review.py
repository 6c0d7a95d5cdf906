"""Reviewing the bundles a unit collected: verify each against the roster, follow each
person's chain, and say per person what stands and what is wrong.

One unreadable or hostile bundle never stops the rest: it becomes a problem row naming
the file and the reason. Only a few fields of each summary are kept once it is verified,
so memory stays flat as the folder grows.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core import summary as summary_json
from desktop.core.allowed_signers import SignerIndex
from desktop.core.bundle import SUMMARY, BundleError, read, verify
from desktop.core.due import recorded_due
from desktop.core.roster import Accepted, Roster

OPEN = ("fail", "partial", "not-verified")
SEVERITIES = ("critical", "high", "medium", "low")
MAX_DEPTH = 12  # nested folders followed; deeper is not a unit's hand-in


class Problem(StrEnum):
    NOT_A_BUNDLE = "not a bundle"
    MALFORMED = "malformed"
    TRUNCATED = "truncated"
    BAD_SIGNATURE = "bad signature"
    UNKNOWN_SIGNER = "unknown signer"
    DUPLICATE = "duplicate"
    FORK = "forked history"
    GAP = "gap"
    BROKEN_CHAIN = "chain does not continue"
    REWRITTEN = "rewritten since accepted"
    ROLLED_BACK = "older than accepted"
    NO_DECLARATION = "no declaration"


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    detail: str
    path: Path | None = None


class Link(NamedTuple):
    """What the review keeps of every verified bundle: enough to follow a chain."""

    seq: int
    sha256: str
    prev: str | None
    path: str


@dataclass(slots=True)
class Declared:
    """What the review keeps of each person's latest bundle, for their row."""

    path: Path
    seq: int
    sha256: str
    prev: str | None
    programme: str
    verdict: str
    issued_at: str
    name: str
    unit: str
    open_by_severity: dict[str, int]
    next_due: date | None


@dataclass(slots=True)
class Row:
    staff_id: str
    name: str
    unit: str
    latest: Declared | None = None
    problems: list[Finding] = field(default_factory=list)
    overdue: bool = False

    @property
    def sound(self) -> bool:
        return not self.problems and self.latest is not None


@dataclass(slots=True)
class Report:
    rows: list[Row]
    unreadable: list[Finding]  # files that could not be tied to a person
    bundles: int = 0


def candidates(root: Path) -> Iterator[Path]:
    """Every bundle folder and zip under `root`, and every other file (to be reported)."""
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        if (folder / SUMMARY).exists() or (folder / SUMMARY).is_symlink():
            yield folder
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            yield folder
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue  # hidden: a bundle still being written, or the OS's own files
            if entry.is_dir(follow_symlinks=False):
                if depth < MAX_DEPTH:
                    stack.append((path, depth + 1))
            elif not _is_sidecar(entry.name):
                yield path


def _is_sidecar(name: str) -> bool:
    """Files a reviewer keeps beside bundles: countersignatures, roster files, reports."""
    return name.endswith((".review.json", ".review.json.sig", ".review.allowed_signers"))


def review(
    root: Path,
    roster: Roster,
    accepted: dict[str, Accepted],
    today: date,
    progress: Callable[[int, Path], None] | None = None,
) -> Report:
    trusted = SignerIndex(roster.signers)
    # Memory per bundle stays a few hundred bytes: a Link; only the latest is kept whole.
    links: dict[str, list[Link]] = {}
    latest: dict[str, Declared] = {}
    unreadable: list[Finding] = []
    count = 0
    for count, path in enumerate(candidates(root), 1):
        if progress is not None:
            progress(count, path)
        if path.is_symlink():  # could point anywhere, /dev/zero included: never followed
            unreadable.append(Finding(Problem.NOT_A_BUNDLE, "a symbolic link (not followed)", path))
            continue
        if path.is_file() and path.suffix.lower() != ".zip":
            unreadable.append(Finding(Problem.NOT_A_BUNDLE, "not a bundle folder or zip", path))
            continue
        try:
            bundle = read(path, own_signers=False)
            verified = verify(bundle, trusted, at_issue=True)
        except BundleError as exc:
            unreadable.append(Finding(Problem(exc.failure.value), exc.detail, path))
            continue
        except (OSError, RecursionError, MemoryError) as exc:
            unreadable.append(Finding(Problem.MALFORMED, str(exc)[:200], path))
            continue
        summary, sha256 = verified.summary, summary_json.sha256(bundle.summary)
        staff_id = verified.principal
        try:
            newest = _declared(path, summary, sha256)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # Signed, but shaped as no SelfCheck writes: told, and the rest goes on.
            detail = f"the summary cannot be read ({type(exc).__name__})"
            unreadable.append(Finding(Problem.MALFORMED, detail, path))
            continue
        links.setdefault(staff_id, []).append(Link(newest.seq, sha256, newest.prev, str(path)))
        if staff_id not in latest or latest[staff_id].seq < newest.seq:
            latest[staff_id] = newest
    members = roster.members()
    rows = []
    for staff_id in sorted(set(members) | set(links)):
        row = _row(staff_id, members.get(staff_id), links.get(staff_id, []), accepted.get(staff_id))
        if staff_id in latest:
            row.latest = newest = latest[staff_id]
            row.name, row.unit = row.name or newest.name, row.unit or newest.unit
            row.overdue = newest.next_due is not None and newest.next_due < today
        rows.append(row)
    return Report(rows, unreadable, count)


def _declared(path: Path, summary: dict[str, Any], sha256: str) -> Declared:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in summary.get("findings", []):
        if isinstance(finding, dict) and finding.get("status") in OPEN:
            severity = str(finding.get("severity"))
            if severity in counts:
                counts[severity] += 1
    due = recorded_due(summary)
    person = summary["person"]
    return Declared(
        path=path,
        seq=int(summary["seq"]),
        sha256=sha256,
        prev=summary.get("prev"),
        programme=str(summary.get("programme")),
        verdict=str(summary.get("verdict")),
        issued_at=str(summary.get("issued_at")),
        name=str(person.get("full_name", "")),
        unit=str(person.get("unit", "")),
        open_by_severity=counts,
        next_due=due.date if due is not None else None,
    )


def _row(staff_id: str, staff: Any, declared: list[Link], accepted: Accepted | None) -> Row:
    row = Row(
        staff_id, (staff.name if staff else None) or "", (staff.unit if staff else None) or ""
    )
    if not declared:
        row.problems.append(Finding(Problem.NO_DECLARATION, "nothing handed in"))
        row.overdue = True
        return row
    declared.sort()
    by_seq: dict[int, Link] = {}
    for item in declared:
        first = by_seq.get(item.seq)
        if first is None:
            by_seq[item.seq] = item
        elif first.sha256 == item.sha256:
            again = f"declaration {item.seq} again ({Path(first.path).name})"
            row.problems.append(Finding(Problem.DUPLICATE, again, Path(item.path)))
        else:
            different = f"two different declarations {item.seq}"
            row.problems.append(Finding(Problem.FORK, different, Path(item.path)))
    seqs = sorted(by_seq)
    for before, after in pairwise(seqs):
        later = by_seq[after]
        if after != before + 1:
            missing = f"declarations {before + 1}–{after - 1} are missing"
            row.problems.append(Finding(Problem.GAP, missing, Path(later.path)))
        elif later.prev != by_seq[before].sha256:
            broken = f"declaration {after} does not continue from declaration {before}"
            row.problems.append(Finding(Problem.BROKEN_CHAIN, broken, Path(later.path)))
    if accepted is not None:
        _check_accepted(row, by_seq, seqs, accepted)
    return row


def _check_accepted(row: Row, by_seq: dict[int, Link], seqs: list[int], accepted: Accepted) -> None:
    same = by_seq.get(accepted.seq)
    following = by_seq.get(accepted.seq + 1)
    if same is not None and same.sha256 != accepted.sha256:
        row.problems.append(
            Finding(
                Problem.REWRITTEN,
                f"declaration {accepted.seq} differs from the one accepted",
                Path(same.path),
            )
        )
    elif following is not None and following.prev != accepted.sha256:
        row.problems.append(
            Finding(
                Problem.REWRITTEN,
                f"declaration {following.seq} does not continue from the accepted {accepted.seq}",
                Path(following.path),
            )
        )
    if seqs[-1] < accepted.seq:
        row.problems.append(
            Finding(
                Problem.ROLLED_BACK,
                f"the latest is {seqs[-1]}, but {accepted.seq} was accepted before",
                Path(by_seq[seqs[-1]].path),
            )
        )
    elif seqs[0] > accepted.seq + 1:
        row.problems.append(
            Finding(
                Problem.GAP,
                f"declarations {accepted.seq + 1}–{seqs[0] - 1} since the accepted one are missing",
                Path(by_seq[seqs[0]].path),
            )
        )


def to_accept(report: Report) -> dict[str, Accepted]:
    """The latest declaration of every person whose row has no problem."""
    return {
        row.staff_id: Accepted(row.latest.seq, row.latest.sha256)
        for row in report.rows
        if row.sound and row.latest is not None
    }


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
            _cell(latest.verdict) if latest else "",
            *((str(latest.open_by_severity[s]) if latest else "") for s in SEVERITIES),
            latest.next_due.isoformat() if latest and latest.next_due else "",
            "yes" if row.overdue else "no",
            _cell(problems),
            _cell(str(latest.path)) if latest else "",
        ]
    for finding in report.unreadable:
        yield [
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            _cell(f"{finding.problem.value}: {finding.detail}"),
            _cell(str(finding.path)),
        ]


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
