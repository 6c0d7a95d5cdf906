"""Reviewing the bundles a unit collected: verify each against the roster, follow each
person's chain, and say per person what stands and what is wrong.

One unreadable or hostile bundle never stops the rest: it becomes a problem row naming
the file and the reason. Only a few fields of each summary are kept once it is verified,
so memory stays flat as the folder grows.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core.assessment.findings import NEEDS_ACTION
from desktop.core.policy.model import Severity
from desktop.core.records import summary as summary_json
from desktop.core.records.bundle import SUMMARY, BundleError, Failure, read, verify
from desktop.core.records.due import recorded_due
from desktop.core.review.policy import PolicyJudge, PolicyProblem
from desktop.core.review.roster import Accepted, Roster
from desktop.core.signing.allowed_signers import SignerIndex

SEVERITIES = tuple(Severity)
POLICY_NOT_ACCEPTED_VERDICT = (
    "policy-not-accepted"  # shown instead of "compliant"  # worst first, as the columns show them
)
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
    UNSIGNED_POLICY = PolicyProblem.UNSIGNED.value
    POLICY_NOT_ACCEPTED = PolicyProblem.NOT_ACCEPTED.value
    MODIFIED_POLICY = PolicyProblem.MODIFIED.value
    EXPIRED_POLICY = PolicyProblem.EXPIRED.value


# Why a bundle did not verify, as the review row names it: every Failure is here (a test
# checks), so a new one is never shown as another.
FAILURE_PROBLEMS: dict[Failure, Problem] = {
    Failure.MALFORMED: Problem.MALFORMED,
    Failure.TRUNCATED: Problem.TRUNCATED,
    Failure.BAD_SIGNATURE: Problem.BAD_SIGNATURE,
    Failure.UNKNOWN_SIGNER: Problem.UNKNOWN_SIGNER,
}


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    detail: str
    path: Path | None = None


class Link(NamedTuple):
    """What the review keeps of every verified bundle: enough to follow a chain.

    Declarations are numbered per key (a new key starts again at 1), so chains are
    followed per (person, key)."""

    key: str  # the signer's fingerprint
    seq: int
    sha256: str
    prev: str | None
    issued_at: str
    path: str


@dataclass(slots=True)
class Declared:
    """What the review keeps of each person's latest bundle, for their row."""

    path: Path
    key: str  # the signer's fingerprint
    seq: int
    sha256: str
    prev: str | None
    programme: str
    verdict: str
    issued_at: str
    name: str
    unit: str
    open_by_severity: dict[Severity, int]
    next_due: date | None
    # What is wrong with the policy it was assessed against (review.policy): never compliant.
    policy_problems: list[Finding] = field(default_factory=list)

    @property
    def shown_verdict(self) -> str:
        """The verdict as a review shows it: a declaration assessed against a policy the
        unit does not accept is never shown as compliant."""
        if self.policy_problems and self.verdict == "compliant":
            return POLICY_NOT_ACCEPTED_VERDICT
        return self.verdict


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


def candidates(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Every bundle folder and zip under `root`, and every other entry with the reason it
    is not one. Names starting with "." are skipped: bundles still being written, and the
    operating system's own files."""
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        if (folder / SUMMARY).exists() or (folder / SUMMARY).is_symlink():
            yield folder, None
            continue
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            yield folder, f"cannot be read ({exc.strerror or exc})"
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or _is_sidecar(entry.name):
                continue
            if entry.is_symlink():  # could point anywhere, /dev/zero included
                yield path, "a symbolic link (not followed)"
            elif entry.is_dir(follow_symlinks=False):
                if depth < MAX_DEPTH:
                    stack.append((path, depth + 1))
                else:
                    yield path, f"nested more than {MAX_DEPTH} folders deep (not opened)"
            elif not entry.is_file(follow_symlinks=False):
                yield path, "not a regular file (a pipe, socket or device is never read)"
            elif entry.name.lower().endswith(".zip"):
                yield path, None
            else:
                yield path, "not a bundle folder or zip"


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
            unreadable.append(Finding(Problem.NOT_A_BUNDLE, not_a_bundle, path))
            continue
        try:
            bundle = read(path, own_signers=False)
            verified = verify(bundle, trusted, at_issue=True)
        except BundleError as exc:
            unreadable.append(Finding(FAILURE_PROBLEMS[exc.failure], exc.detail, path))
            continue
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            detail = f"cannot be read ({type(exc).__name__})"
            unreadable.append(Finding(Problem.MALFORMED, detail, path))
            continue
        staff_id, sha256 = verified.principal, summary_json.sha256(bundle.summary)
        newest = _declared(path, verified.summary, sha256)
        newest.policy_problems = [
            Finding(Problem(kind.value), detail, path)
            for kind, detail in judge.problems(verified.summary)
        ]
        link = Link(newest.key, newest.seq, sha256, newest.prev, newest.issued_at, str(path))
        links.setdefault(staff_id, []).append(link)
        known = latest.get(staff_id)
        if known is None or (known.issued_at, known.seq) < (newest.issued_at, newest.seq):
            latest[staff_id] = newest
    members = roster.members()
    rows = []
    for staff_id in sorted(set(members) | set(links)):
        row = _row(
            staff_id, members.get(staff_id), links.get(staff_id, []), accepted.get(staff_id), today
        )
        if staff_id in latest:
            row.latest = newest = latest[staff_id]
            row.name, row.unit = row.name or newest.name, row.unit or newest.unit
            row.problems.extend(newest.policy_problems)
            row.overdue = newest.next_due is not None and newest.next_due < today
        rows.append(row)
    return Report(rows, unreadable, count)


def _declared(path: Path, summary: summary_json.Summary, sha256: str) -> Declared:
    counts = dict.fromkeys(Severity, 0)
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


def _row(
    staff_id: str, staff: Any, declared: list[Link], accepted: Accepted | None, today: date
) -> Row:
    name, unit = (staff.name, staff.unit) if staff else (None, None)
    row = Row(staff_id, name or "", unit or "")
    if not declared:
        row.problems.append(Finding(Problem.NO_DECLARATION, "nothing handed in"))
        row.overdue = True
        return row
    chains: dict[str, list[Link]] = {}
    for link in sorted(declared):
        chains.setdefault(link.key, []).append(link)
    for chain in chains.values():
        _check_chain(row, chain, today)
    if accepted is not None:
        # An acceptance recorded without its key: the key of the newest declaration.
        key = accepted.key or max(declared, key=lambda d: (d.issued_at, d.seq)).key
        _check_accepted(row, chains.get(key, []), declared, replace(accepted, key=key))
    return row


def _check_chain(row: Row, chain: list[Link], today: date) -> None:
    """One key's declarations: each once, numbered without gaps, each naming the one
    before it and dated after it, none dated in the future."""
    by_seq: dict[int, Link] = {}
    tomorrow = (today + timedelta(days=1)).isoformat()
    for item in chain:
        first = by_seq.get(item.seq)
        if first is None:
            by_seq[item.seq] = item
        elif first.sha256 == item.sha256:
            again = f"declaration {item.seq} again ({Path(first.path).name})"
            row.problems.append(Finding(Problem.DUPLICATE, again, Path(item.path)))
        else:
            different = f"two different declarations {item.seq}"
            row.problems.append(Finding(Problem.FORK, different, Path(item.path)))
        if item.issued_at[:10] > tomorrow:
            future = f"declaration {item.seq} is dated in the future ({item.issued_at[:10]})"
            row.problems.append(Finding(Problem.BROKEN_CHAIN, future, Path(item.path)))
    seqs = sorted(by_seq)
    for before, after in pairwise(seqs):
        earlier, later = by_seq[before], by_seq[after]
        if after != before + 1:
            missing = _missing(before + 1, after - 1)
            row.problems.append(Finding(Problem.GAP, missing, Path(later.path)))
        elif later.prev != earlier.sha256:
            broken = f"declaration {after} does not continue from declaration {before}"
            row.problems.append(Finding(Problem.BROKEN_CHAIN, broken, Path(later.path)))
        if later.issued_at < earlier.issued_at:
            back = f"declaration {after} is dated before declaration {before}"
            row.problems.append(Finding(Problem.BROKEN_CHAIN, back, Path(later.path)))


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"declaration {first} is missing"
    return f"declarations {first}–{last} are missing"


def _check_accepted(row: Row, chain: list[Link], declared: list[Link], accepted: Accepted) -> None:
    """Against what the reviewer accepted last time: the same declaration, continued."""
    if not chain:
        return  # that key handed in nothing this time: a newer key's chain stands alone
    by_seq = {link.seq: link for link in chain}
    same, following = by_seq.get(accepted.seq), by_seq.get(accepted.seq + 1)
    if same is not None and same.sha256 != accepted.sha256:
        changed = f"declaration {accepted.seq} differs from the one accepted"
        row.problems.append(Finding(Problem.REWRITTEN, changed, Path(same.path)))
    elif following is not None and following.prev != accepted.sha256:
        detail = f"declaration {following.seq} does not continue from the accepted {accepted.seq}"
        row.problems.append(Finding(Problem.REWRITTEN, detail, Path(following.path)))
    newest = max(declared, key=lambda d: (d.issued_at, d.seq))
    last, first = max(by_seq), min(by_seq)
    if last < accepted.seq and newest.key == accepted.key:
        rolled = f"the latest is {last}, but {accepted.seq} was accepted before"
        row.problems.append(Finding(Problem.ROLLED_BACK, rolled, Path(by_seq[last].path)))
    elif first > accepted.seq + 1:
        gap = _missing(accepted.seq + 1, first - 1) + " since the accepted one"
        row.problems.append(Finding(Problem.GAP, gap, Path(by_seq[first].path)))


def to_accept(report: Report) -> dict[str, Accepted]:
    """The latest declaration of every person whose row has no problem."""
    return {
        row.staff_id: Accepted(row.latest.seq, row.latest.sha256, row.latest.key)
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
