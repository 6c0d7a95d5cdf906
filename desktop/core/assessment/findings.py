"""Findings and the verdict: what the assessment concluded, item by item."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.base.i18n import Steps
from desktop.core.policy.model import Severity, Status


class Evidence(StrEnum):
    MEASURED = "measured"  # the app computed it (name match, e-mail domain, zxcvbn)
    DECLARED = "declared"  # the person said so
    NONE = "none"  # nothing was said or measured: the finding is "not verified"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rule concluded, before it is attached to an item and an account."""

    status: Status
    evidence: Evidence
    reason: (
        str  # a key of desktop.core.assessment.reasons, so the text can be shown in any language
    )
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    item_id: str
    account_id: str | None  # None for pledges and programme items
    status: Status
    evidence: Evidence
    severity: Severity
    provisions: tuple[str, ...]
    reason: str
    params: Mapping[str, str]
    fix: Steps  # the item's steps, then the platform's own steps for that topic

    @property
    def needs_action(self) -> bool:
        return self.status in NEEDS_ACTION


# The statuses that mean something must still be done, in the order they are listed.
NEEDS_ACTION = (Status.FAIL, Status.PARTIAL, Status.NOT_VERIFIED)
_ACTION_RANK = {status: rank for rank, status in enumerate(NEEDS_ACTION)}


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Severity first, then fail before partial before not verified."""
    return sorted(findings, key=lambda f: (f.severity.rank, _ACTION_RANK.get(f.status, 3)))


class VerdictKind(StrEnum):
    COMPLIANT = "compliant"
    ACTION_REQUIRED = "action-required"


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    to_fix: tuple[Finding, ...]  # worst first; empty when compliant

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> "Verdict":
        # Fail safe: an item not verified is as much an open item as a failed one.
        open_items = tuple(worst_first(f for f in findings if f.needs_action))
        kind = VerdictKind.ACTION_REQUIRED if open_items else VerdictKind.COMPLIANT
        return cls(kind=kind, to_fix=open_items)
