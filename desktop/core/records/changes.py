"""What changed between two declarations, item by item.

Compared on the summaries themselves (the signed record), so the review page, the PDF
and `selfcheck diff` all say the same. Accounts are matched by platform and handle, not
by id: each assessment gives its accounts fresh ids.
"""

from collections.abc import Iterable, Sequence
from typing import Protocol

from desktop.core.assessment.findings import NEEDS_ACTION
from desktop.core.policy.model import Status
from desktop.core.records.masking import masked_handle
from desktop.core.records.summary_shape import (
    Account,
    Change,
    ChangeKind,
    Changes,
    Finding,
    Since,
    Summary,
)

__all__ = ["Change", "ChangeKind", "Recorded", "compare", "counts"]

# Worst first when listed: what got worse, then what got better, then the rest.
_ORDER = {
    ChangeKind.NEWLY_FAILING: 0,
    ChangeKind.REMOVED_ACCOUNT: 1,
    ChangeKind.NEW_ACCOUNT: 2,
    ChangeKind.FIXED: 3,
    ChangeKind.CHANGED: 4,
}


class Recorded(Protocol):
    """What changes are compared on: the accounts and findings a summary records."""

    @property
    def accounts(self) -> Sequence[Account]: ...

    @property
    def findings(self) -> Sequence[Finding]: ...


def account_key(account: Account) -> str:
    """How an account is recognised from one declaration to the next. Masked as the
    summary masks it (an older summary holds the handle in full, a newer one masked)."""
    return f"{account.platform}:{masked_handle(account.handle).strip().casefold()}"


def _statuses(summary: Recorded) -> tuple[dict[tuple[str, str | None], Status], set[str]]:
    keys = {a.id: account_key(a) for a in summary.accounts}
    statuses: dict[tuple[str, str | None], Status] = {}
    for finding in summary.findings:
        account = finding.account
        where = keys.get(account) if account is not None else None
        if account is not None and where is None:
            continue  # a finding naming no listed account: nothing to compare it with
        statuses[(finding.item, where)] = finding.status
    return statuses, set(keys.values())


def compare(before: Recorded, after: Recorded) -> list[Change]:
    """Every difference from `before` to `after` (two summaries), worst first."""
    old, old_accounts = _statuses(before)
    new, new_accounts = _statuses(after)
    changes = [
        Change(ChangeKind.NEW_ACCOUNT, None, key, None, None)
        for key in sorted(new_accounts - old_accounts)
    ]
    changes += [
        Change(ChangeKind.REMOVED_ACCOUNT, None, key, None, None)
        for key in sorted(old_accounts - new_accounts)
    ]
    for key in sorted(set(old) | set(new), key=lambda k: (k[1] or "", k[0])):
        item, account = key
        if account is not None and (account not in old_accounts or account not in new_accounts):
            continue  # told once, as the account that came or went
        was, now = old.get(key), new.get(key)
        # An item one programme asks and the other does not is no change of the account
        # itself; one newly asked is told only when it needs action.
        if was == now or now is None or (was is None and now not in NEEDS_ACTION):
            continue
        changes.append(Change(_kind(was, now), item, account, was, now))
    return sorted(changes, key=lambda c: _ORDER[c.kind])


def _kind(was: Status | None, now: Status) -> ChangeKind:
    if now == Status.PASS and was in NEEDS_ACTION:
        return ChangeKind.FIXED
    if now in NEEDS_ACTION and (was is None or was in (Status.PASS, Status.NOT_APPLICABLE)):
        return ChangeKind.NEWLY_FAILING
    return ChangeKind.CHANGED


def changes_since(previous: Summary, changes: Iterable[Change]) -> Changes:
    """What a summary records of the changes since `previous`, the signer's last one."""
    return Changes(since=Since(seq=previous.seq, issued_at=previous.issued_at), items=list(changes))


def counts(changes: Iterable[Change]) -> dict[ChangeKind, int]:
    totals = dict.fromkeys(ChangeKind, 0)
    for change in changes:
        totals[change.kind] += 1
    return totals
