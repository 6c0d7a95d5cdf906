"""summary.json: the signed record of one assessment.

Compact UTF-8 JSON with sorted keys and no floats, so the same content always gives the
same bytes; the signature covers exactly these bytes and is never checked against a
re-serialisation. What a summary holds is defined once, in summary_shape.py.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NamedTuple

import msgspec

from desktop import __version__
from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.findings import Finding as Assessed
from desktop.core.policy.audience import ProgrammeId
from desktop.core.policy.model import ChecklistFile, PolicyOrigin
from desktop.core.records.changes import changes_since, compare
from desktop.core.records.due import next_due
from desktop.core.records.masking import masked_handle
from desktop.core.records.summary_codec import MAX_BYTES, decode, encode, sha256
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
)
from desktop.core.signing.pack_manifest import files_digest

# decode, encode and sha256 live in summary_codec (light enough for the start screen).
__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_SEQ",
    "VERSION",
    "Summary",
    "SummaryError",
    "decode",
    "encode",
    "sha256",
]


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
    """The summary of `result`; no password, no secret, no float, no full e-mail address
    or phone number.

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
    """What the summary records of the accounts and findings: an e-mail address or phone
    number as a handle is masked (masking.py)."""
    return FindingsView(
        accounts=[
            Account(id=a.id, platform=a.platform, kind=a.kind, handle=masked_handle(a.handle))
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
