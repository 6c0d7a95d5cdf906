"""summary.json: the signed record of one assessment.

Compact UTF-8 JSON with sorted keys and no floats, so the same content always gives the
same bytes; the signature covers exactly these bytes and is never checked against a
re-serialisation. What a summary holds is defined once, in summary_shape.py.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

import msgspec

from desktop import __version__
from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.findings import Finding as Assessed
from desktop.core.policy.audience import ProgrammeId
from desktop.core.policy.model import ChecklistFile, PolicyOrigin
from desktop.core.records.changes import changes_since, compare
from desktop.core.records.due import next_due
from desktop.core.records.summary_refusal import refusal, strict_json
from desktop.core.records.summary_shape import (
    FORMAT,
    MAX_SEQ,
    VERSION,
    Account,
    Checklist,
    Finding,
    Person,
    PolicyRecord,
    Signer,
    Summary,
    SummaryError,
    check_across,
)
from desktop.core.signing.pack_manifest import files_digest

__all__ = ["FORMAT", "MAX_BYTES", "MAX_SEQ", "VERSION", "Summary", "SummaryError"]

MAX_BYTES = 1024 * 1024

_DECODER = msgspec.json.Decoder(Summary)
# The form `encode` writes: compact, sorted keys, UTF-8 (not \u escapes), the same escapes.
_CANONICAL = msgspec.json.Encoder(order="sorted")


class FindingsView(NamedTuple):
    """The accounts and findings as a summary records them (what changes are compared on)."""

    accounts: list[Account]
    findings: list[Finding]


def build(
    result: Assessment,
    *,
    fingerprint: str,
    seq: int,
    prev: str | None,
    issued_at: datetime | None = None,
    previous: Summary | None = None,
) -> Summary:
    """The summary of `result`; no password, no secret, no float.

    `previous` is the last declaration in the history (decoded): the summary records what
    changed since, item by item. It also records when the next declaration falls due.
    """
    submission, person = result.submission, result.submission.person
    issued = (issued_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    due = next_due(
        result.policy,
        submission.programme,
        person,
        worst_open=result.verdict.to_fix[0].severity if result.verdict.to_fix else None,
        declared=issued.astimezone().date(),  # the official's calendar day, not UTC's
    )
    view = findings_view(result)
    departure = person.departure_date
    return Summary(
        format=FORMAT,
        version=VERSION,
        app_version=__version__,
        programme=ProgrammeId(submission.programme),
        language=submission.language,
        checklists=[
            Checklist(id=f.id, version=f.version, path=f.path, sha256=f.sha256)
            for f in result.policy.files
        ],
        policy=policy_record(result.policy.origin, result.policy.files),
        person=Person(
            full_name=person.full_name,
            staff_id=person.staff_id,
            unit=person.unit,
            position=person.position,
            category=person.category,
            profile=person.profile,
            destination=_present(person.destination),
            mission=_present(person.mission),
            departure_date=_present(departure.isoformat() if departure else None),
        ),
        accounts=view.accounts,
        findings=view.findings,
        declared_no_accounts=result.declared_no_accounts,
        verdict=result.verdict.kind,
        issued_at=issued.strftime("%Y-%m-%dT%H:%M:%SZ"),
        seq=seq,
        prev=prev,
        signer=Signer(fingerprint=fingerprint),
        next_due=due.record() if due is not None else None,
        changes=changes_since(previous, compare(previous, view)) if previous is not None else None,
    )


def policy_record(origin: PolicyOrigin | None, files: Sequence[ChecklistFile]) -> PolicyRecord:
    """What the summary records of the policy. Without an origin (a policy not loaded through
    desktop.core.signing.pack_policy) it is unsigned, its digest from the files' sha256."""
    if origin is None:
        return PolicyRecord(
            digest=files_digest({f.path: f.sha256 for f in files}),
            signed=False,
            pack=None,
            version=None,
            manifest_sha256=None,
            signer=None,
            expires=None,
        )
    return PolicyRecord(
        digest=origin.digest,
        signed=origin.signed,
        pack=origin.pack,
        version=origin.version,
        manifest_sha256=origin.manifest_sha256,
        signer=origin.signer,
        expires=origin.expires,
    )


def _present(value: str | None) -> str | msgspec.UnsetType:
    """A person's optional field: left out of the summary when it has no value."""
    return msgspec.UNSET if value is None else value


def findings_view(result: Assessment) -> FindingsView:
    return FindingsView(
        accounts=[
            Account(id=a.id, platform=a.platform, kind=a.kind, handle=a.handle)
            for a in result.submission.accounts
        ],
        findings=[finding_record(f) for f in result.findings],
    )


def finding_record(finding: Assessed) -> Finding:
    """One finding as the summary records it."""
    return Finding(
        item=finding.item_id,
        account=finding.account_id,
        status=finding.status,
        evidence=finding.evidence,
        severity=finding.severity,
        provisions=list(finding.provisions),
    )


def encode(summary: Summary | Mapping[str, Any]) -> bytes:
    """Canonical bytes: compact, sorted keys, UTF-8, and never a float. (A table that is
    no Summary is encoded all the same: the tests make hostile summaries so.)"""
    doc = msgspec.to_builtins(summary) if isinstance(summary, Summary) else summary
    _refuse_floats(doc)
    return json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
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


def decode(data: bytes) -> Summary:
    """Parse verified bytes strictly: UTF-8, no duplicate keys, no floats, every field of
    the right type and form (summary_shape.py); errors name the field."""
    if len(data) > MAX_BYTES:
        raise SummaryError("summary.json is too large")
    try:
        summary = _DECODER.decode(data)
    except msgspec.DecodeError as exc:  # a ValidationError too
        raise refusal(data, exc) from None
    # msgspec keeps the last of a key given twice. Bytes that are what `encode` would
    # write have each key once; others (no summary SelfCheck writes) are parsed again.
    if _CANONICAL.encode(summary) != data:
        strict_json(data)
    check_across(summary)
    return summary
