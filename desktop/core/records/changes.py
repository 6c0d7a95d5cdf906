"""What changed between two declarations, item by item.

Compared on the summaries themselves (the signed record), so the review page, the PDF
and `selfcheck diff` all say the same. Accounts are matched by platform and handle, not
by id: each assessment gives its accounts fresh ids.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ChangeKind(StrEnum):
    FIXED = "fixed"  # needed action before, passes now
    NEWLY_FAILING = "newly-failing"  # passed (or was not asked) before, needs action now
    CHANGED = "changed"  # another change of status, e.g. fail -> partial
    NEW_ACCOUNT = "new-account"
    REMOVED_ACCOUNT = "removed-account"


# The statuses that mean something must still be done (as in desktop.core.assessment.findings).
_OPEN = frozenset({"fail", "partial", "not-verified"})
# Worst first when listed: what got worse, then what got better, then the rest.
_ORDER = {
    ChangeKind.NEWLY_FAILING: 0,
    ChangeKind.REMOVED_ACCOUNT: 1,
    ChangeKind.NEW_ACCOUNT: 2,
    ChangeKind.FIXED: 3,
    ChangeKind.CHANGED: 4,
}


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    item: str | None  # None for a whole account that came or went
    account: str | None  # "platform:handle", None for pledges and programme items
    before: str | None  # the status before, None when the item was not asked
    after: str | None

    def doc(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "item": self.item,
            "account": self.account,
            "before": self.before,
            "after": self.after,
        }


def account_key(account: Mapping[str, Any]) -> str:
    """How an account is recognised from one declaration to the next."""
    return f"{account.get('platform')}:{str(account.get('handle', '')).strip().casefold()}"


def _statuses(summary: Mapping[str, Any]) -> tuple[dict[tuple[str, str | None], str], set[str]]:
    keys = {
        str(a.get("id")): account_key(a) for a in summary.get("accounts", []) if isinstance(a, dict)
    }
    statuses: dict[tuple[str, str | None], str] = {}
    for finding in summary.get("findings", []):
        if not isinstance(finding, dict):
            continue
        account = finding.get("account")
        where = keys.get(str(account)) if account is not None else None
        if account is not None and where is None:
            continue  # a finding naming no listed account: nothing to compare it with
        statuses[(str(finding.get("item")), where)] = str(finding.get("status"))
    return statuses, set(keys.values())


def compare(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    """Every difference from `before` to `after` (two decoded summaries), worst first."""
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
        if was == now or now is None or (was is None and now not in _OPEN):
            continue
        changes.append(Change(_kind(was, now), item, account, was, now))
    return sorted(changes, key=lambda c: _ORDER[c.kind])


def _kind(was: str | None, now: str) -> ChangeKind:
    if now == "pass" and was in _OPEN:
        return ChangeKind.FIXED
    if now in _OPEN and (was is None or was in ("pass", "na")):
        return ChangeKind.NEWLY_FAILING
    return ChangeKind.CHANGED


def changes_doc(previous: Mapping[str, Any], changes: Iterable[Change]) -> dict[str, Any]:
    """What a summary records of the changes since `previous`, the signer's last one."""
    return {
        "since": {"seq": previous.get("seq"), "issued_at": previous.get("issued_at")},
        "items": [c.doc() for c in changes],
    }


def counts(changes: Iterable[Change]) -> dict[ChangeKind, int]:
    totals = dict.fromkeys(ChangeKind, 0)
    for change in changes:
        totals[change.kind] += 1
    return totals


def recorded(summary: Mapping[str, Any]) -> list[Change] | None:
    """The changes a summary recorded, or None when it recorded none (a first one).

    Read defensively: the summary is verified, but may come from another version.
    """
    doc = summary.get("changes")
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        return None
    out = []
    for entry in doc["items"]:
        if not isinstance(entry, dict):
            continue
        try:
            kind = ChangeKind(str(entry.get("kind")))
        except ValueError:
            continue
        fields = [entry.get(name) for name in ("item", "account", "before", "after")]
        item, account, was, now = (str(v) if isinstance(v, str) else None for v in fields)
        out.append(Change(kind, item, account, was, now))
    return out
