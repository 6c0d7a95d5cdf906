"""What changed between two declarations: per item, per account, worst first."""

import copy
from pathlib import Path
from typing import Any

from desktop.core.records.changes import Change, ChangeKind, compare
from desktop.core.records.summary import FindingsView
from desktop.core.records.summary_shape import Account, Changes, Finding, Since
from tests.signing_helpers import MemoryKeyring, declare_example


def _summary() -> dict[str, Any]:
    return {
        "accounts": [
            {"id": "a1", "platform": "facebook", "kind": "personal", "handle": "An.Nguyen"},
            {"id": "a2", "platform": "zalo", "kind": "personal", "handle": "0912345678"},
        ],
        "findings": [
            {"item": "acct-two-factor", "account": "a1", "status": "fail"},
            {"item": "acct-recovery", "account": "a1", "status": "pass"},
            {"item": "acct-two-factor", "account": "a2", "status": "pass"},
            {"item": "pledge-language", "account": None, "status": "pass"},
            {"item": "prog-training", "account": None, "status": "not-verified"},
        ],
    }


def _view(doc: dict[str, Any]) -> FindingsView:
    """The accounts and findings of `doc` as a summary records them."""
    recorded = {"evidence": "declared", "severity": "high", "provisions": ["P-1"]}
    return FindingsView(
        [Account(**a) for a in doc["accounts"]],
        [Finding(**{**recorded, **f}) for f in doc["findings"]],
    )


def _compare(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    return compare(_view(before), _view(after))


def test_each_changed_item_is_listed_with_its_account_and_statuses() -> None:
    before = _summary()
    after = copy.deepcopy(before)
    # Fresh ids and another case of the handle: still the same account.
    after["accounts"][0] = {
        "id": "b7",
        "platform": "facebook",
        "kind": "personal",
        "handle": "an.nguyen",
    }
    for finding in after["findings"]:
        if finding["account"] == "a1":
            finding["account"] = "b7"
    after["findings"][0]["status"] = "pass"  # 2FA turned on
    after["findings"][1]["status"] = "partial"  # recovery no longer confirmed
    after["findings"][4]["status"] = "fail"  # training: not verified -> fail
    changes = _compare(before, after)
    assert changes == [
        Change(ChangeKind.NEWLY_FAILING, "acct-recovery", "facebook:an.nguyen", "pass", "partial"),
        Change(ChangeKind.FIXED, "acct-two-factor", "facebook:an.nguyen", "fail", "pass"),
        Change(ChangeKind.CHANGED, "prog-training", None, "not-verified", "fail"),
    ]


def test_accounts_that_came_or_went_are_told_once_not_item_by_item() -> None:
    before = _summary()
    after = copy.deepcopy(before)
    after["accounts"][1] = {"id": "a3", "platform": "tiktok", "kind": "personal", "handle": "an"}
    after["findings"][2] = {"item": "acct-two-factor", "account": "a3", "status": "fail"}
    assert _compare(before, after) == [
        # A phone number as a handle is masked, as the summary records it (issue 16).
        Change(ChangeKind.REMOVED_ACCOUNT, None, "zalo:09******78", None, None),
        Change(ChangeKind.NEW_ACCOUNT, None, "tiktok:an", None, None),
    ]


def test_items_only_one_programme_asks_are_not_changes_unless_they_need_action() -> None:
    before = _summary()
    after = copy.deepcopy(before)
    after["findings"] = [f for f in after["findings"] if f["item"] != "pledge-language"]
    after["findings"].append({"item": "pledge-host-country", "account": None, "status": "pass"})
    assert _compare(before, after) == []  # one no longer asked, one newly asked and passed
    after["findings"][-1]["status"] = "fail"
    assert _compare(before, after) == [
        Change(ChangeKind.NEWLY_FAILING, "pledge-host-country", None, None, "fail")
    ]


def test_nothing_changed_gives_no_changes() -> None:
    assert _compare(_summary(), _summary()) == []


def test_a_declaration_records_what_changed_since_the_last_one(tmp_path: Path) -> None:
    keychain = MemoryKeyring()
    first = declare_example(tmp_path, "onboarding", keychain)
    assert first.summary.changes is None  # nothing to compare with
    assert first.summary.next_due and first.summary.next_due.date > first.summary.issued_at[:10]
    second = declare_example(tmp_path, "annual", keychain)
    changes = second.summary.changes
    assert isinstance(changes, Changes)
    assert changes.since == Since(seq=1, issued_at=first.summary.issued_at)
    assert changes.items == compare(first.summary, second.summary)
    assert changes.items, "the two example declarations differ"
