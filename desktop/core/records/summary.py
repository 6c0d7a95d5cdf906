"""summary.json: the signed record of one assessment.

Compact UTF-8 JSON with sorted keys and no floats, so the same content always gives the
same bytes; the signature covers exactly these bytes and is never checked against a
re-serialisation. What a summary holds is documented in docs/summary.schema.json.
"""

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from desktop import __version__
from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.findings import Finding
from desktop.core.base.errors import SelfCheckError
from desktop.core.records import summary_shape
from desktop.core.records.changes import changes_doc, compare
from desktop.core.records.due import next_due

FORMAT = "selfcheck-summary"
# 2: the person's agency profile and the explicit "no account held" are recorded; version 1
# summaries (without them) are still read.
VERSION = 2
MAX_BYTES = 1024 * 1024
MAX_SEQ = 1_000_000  # a declaration a day for 2,700 years; beyond is a hostile summary


class SummaryError(SelfCheckError):
    """summary.json is malformed."""


def build(
    result: Assessment,
    *,
    fingerprint: str,
    seq: int,
    prev: str | None,
    issued_at: datetime | None = None,
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The summary of `result` as a JSON-ready dict; no password, no secret, no float.

    `previous` is the last declaration in the history (decoded): the summary records what
    changed since, item by item. It also records when the next declaration falls due.
    """
    submission, person = result.submission, result.submission.person
    issued = (issued_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    person_doc: dict[str, Any] = {
        "full_name": person.full_name,
        "staff_id": person.staff_id,
        "unit": person.unit,
        "position": person.position,
        "category": person.category.value,
        "profile": person.profile,
    }
    if person.destination is not None:
        person_doc["destination"] = person.destination
    if person.mission is not None:
        person_doc["mission"] = person.mission
    if person.departure_date is not None:
        person_doc["departure_date"] = person.departure_date.isoformat()
    due = next_due(
        result.policy,
        submission.programme,
        person,
        worst_open=result.verdict.to_fix[0].severity if result.verdict.to_fix else None,
        declared=issued.astimezone().date(),  # the official's calendar day, not UTC's
    )
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "programme": submission.programme,
        "language": submission.language,
        "checklists": [
            {"id": f.id, "version": f.version, "path": f.path, "sha256": f.sha256}
            for f in result.policy.files
        ],
        "person": person_doc,
        **findings_view(result),
        "declared_no_accounts": result.declared_no_accounts,
        "verdict": result.verdict.kind.value,
        "issued_at": issued.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seq": seq,
        "prev": prev,
        "signer": {"fingerprint": fingerprint},
        "next_due": due.doc() if due is not None else None,
        "changes": None,
    }
    if previous is not None:
        doc["changes"] = changes_doc(previous, compare(previous, doc))
    return doc


def findings_view(result: Assessment) -> dict[str, Any]:
    """The accounts and findings as a summary records them (what changes are compared on)."""
    return {
        "accounts": [
            {"id": a.id, "platform": a.platform, "kind": a.kind.value, "handle": a.handle}
            for a in result.submission.accounts
        ],
        "findings": [finding_doc(f) for f in result.findings],
    }


def finding_doc(finding: Finding) -> dict[str, Any]:
    """One finding as the summary records it."""
    return {
        "item": finding.item_id,
        "account": finding.account_id,
        "status": finding.status.value,
        "evidence": finding.evidence.value,
        "severity": finding.severity.value,
        "provisions": list(finding.provisions),
    }


def encode(summary: Mapping[str, Any]) -> bytes:
    """Canonical bytes: compact, sorted keys, UTF-8, and never a float."""
    _refuse_floats(summary)
    return json.dumps(
        summary, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _refuse_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("a summary must not hold floating-point numbers")
    if isinstance(value, Mapping):
        for inner in value.values():
            _refuse_floats(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            _refuse_floats(inner)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _strict_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # a key given twice; found only then, as it is rare
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise SummaryError(f"duplicate key {key!r}")
            seen.add(key)
    return out


def _no_float(text: str) -> float:
    raise SummaryError("floating-point numbers are not allowed")


def _no_constant(text: str) -> float:
    raise SummaryError(f"{text} is not allowed")


def decode(data: bytes) -> dict[str, Any]:
    """Parse verified bytes strictly: UTF-8, no duplicate keys, no floats, the right format."""
    if len(data) > MAX_BYTES:
        raise SummaryError("summary.json is too large")
    try:
        value = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_strict_pairs,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError:
        raise SummaryError("summary.json is not UTF-8") from None
    except RecursionError:
        raise SummaryError("summary.json is nested too deeply") from None
    except ValueError as exc:
        raise SummaryError(f"summary.json is not valid JSON: {exc}") from None
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise SummaryError("not a SelfCheck summary")
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SummaryError("summary.json has no valid version")
    if version > VERSION:
        raise SummaryError(f"summary.json is version {version}, newer than this app")
    try:
        summary_shape.check(value)
    except summary_shape.ShapeError as exc:
        raise SummaryError(str(exc)) from None
    if value["seq"] > MAX_SEQ:
        raise SummaryError(f"summary.json: field 'seq': must be from 1 to {MAX_SEQ}")
    try:
        datetime.fromisoformat(value["issued_at"].replace("Z", "+00:00"))
    except ValueError:  # the right shape, not a real time: 2026-13-01, 25:00...
        raise SummaryError("summary.json: field 'issued_at': is not a real time") from None
    for key, pattern in (("departure_date", "person"), ("date", "next_due")):
        table = value.get(pattern)
        if isinstance(table, dict) and isinstance(table.get(key), str):
            try:
                date.fromisoformat(table[key])
            except ValueError:
                raise SummaryError(
                    f"summary.json: field '{pattern}.{key}': is not a real date"
                ) from None
    return value
