"""Carry-over: a new declaration starts from the last signed one (issue 17, item 1).

Real signing (a key in a memory keychain, the real history), the core Flow driven as the
wizard drives it."""

import json
from datetime import date
from pathlib import Path

from desktop.core.assessment import carryover
from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.flow import Flow, Step, StepKind
from desktop.core.policy.model import ItemKind, Policy
from desktop.core.records import carry
from desktop.core.records.history import History
from desktop.core.records.reminder import upcoming
from tests.signing_helpers import declare_example

TODAY = date(2026, 11, 30)


def _annual_draft(home: Path, policy: Policy) -> Flow:
    with History(home) as history:
        draft = carry.next_draft(history, policy, "vi", TODAY, "annual")
    return Flow(policy, draft)


def test_the_programme_is_the_one_due(tmp_path: Path, policy: Policy) -> None:
    declare_example(tmp_path, "annual")
    with History(tmp_path) as history:
        summaries = [carry.decode(d.summary) for d in history.declarations()]
        expected = upcoming(summaries, TODAY)
        draft = carry.next_draft(history, policy, "vi", TODAY)
    assert expected is not None
    assert draft.programme == expected.due.programme


def test_a_person_who_never_declared_starts_empty_in_onboarding(
    tmp_path: Path, policy: Policy
) -> None:
    with History(tmp_path) as history:
        draft = carry.next_draft(history, policy, "vi", TODAY)
    assert draft.programme == "onboarding"
    assert draft.person == {} and draft.accounts == []
    assert carryover.origin(draft) is None


def test_after_onboarding_the_annual_declaration_needs_input_only_where_something_changed(
    tmp_path: Path, policy: Policy
) -> None:
    signed = declare_example(tmp_path, "onboarding")
    flow = _annual_draft(tmp_path, policy)
    draft = flow.draft
    assert draft.programme == "annual"
    assert carryover.origin(draft) == carryover.Origin(signed.summary.seq, signed.summary.issued_at)
    # The person, the profile and the accounts with their details are filled in.
    assert draft.person["full_name"] == "Trần Thị Thu Hà"
    assert draft.person["profile"] == "quang-ninh"
    assert [a["handle"] for a in draft.accounts] == ["thuha.tran99", "0912345678"]
    facebook = draft.accounts[0]
    assert facebook["display_name"] == "Hà Trần"
    assert facebook["registration_email"] == "thuha.tran99@gmail.com"
    assert facebook["answers"]["acct-two-factor"] == "authenticator_app"
    assert set(carryover.carried_person_fields(draft)) >= {"full_name", "staff_id", "profile"}
    for step in (StepKind.PROGRAMME, StepKind.ABOUT, StepKind.ACCOUNTS):
        assert flow.missing(Step(step)) == [], step

    # Each account page needs only its password, measured again; nothing else.
    passwords = PasswordSession(flow.submission().person, flow.submission().accounts)
    password_items = flow.password_items()
    for account in draft.accounts:
        missing = flow.missing(Step(StepKind.ACCOUNT, account["id"]), passwords)
        assert missing and set(missing) <= password_items, missing
        assert not set(account["answers"]) & password_items  # never carried

    # The pledges: one step re-affirms them all (none changed since: same checklists).
    pledges = flow.items(ItemKind.PLEDGE)
    changes = carryover.pledge_changes(policy, draft, pledges, flow.profile)
    assert changes.none
    assert flow.missing(Step(StepKind.PLEDGES))
    assert not carryover.is_carried_answer(draft, pledges[0].id)  # not before re-affirming
    assert carryover.reaffirm_pledges(draft, pledges) == []
    assert carryover.is_carried_answer(draft, pledges[0].id)  # then shown as carried
    assert flow.missing(Step(StepKind.PLEDGES)) == []

    # Programme items: only those the onboarding did not ask are left to answer.
    asked_then = {f.item for f in signed.summary.findings}
    left = flow.missing(Step(StepKind.PROGRAMME_ITEMS))
    assert set(left) == {i.id for i in flow.items(ItemKind.PROGRAMME)} - asked_then


def test_an_item_stays_marked_as_carried_until_it_is_changed(
    tmp_path: Path, policy: Policy
) -> None:
    declare_example(tmp_path, "onboarding")
    draft = _annual_draft(tmp_path, policy).draft
    account_id = draft.accounts[0]["id"]
    assert carryover.is_carried_answer(draft, "acct-two-factor", account_id)
    draft.set_answer("acct-two-factor", "sms", account_id)
    assert not carryover.is_carried_answer(draft, "acct-two-factor", account_id)
    draft.person["unit"] = "Sở Nội vụ"
    assert "unit" not in carryover.carried_person_fields(draft)
    assert "display_name" in carryover.carried_account_fields(draft, account_id)


def test_the_record_of_the_last_declaration_holds_no_password_and_is_private(
    tmp_path: Path,
) -> None:
    declare_example(tmp_path, "onboarding")
    record = tmp_path / carry.RECORD
    assert record.stat().st_mode & 0o777 == 0o600
    text = record.read_text("utf-8")
    assert "password" not in json.loads(text)["answers"]


def test_without_the_record_the_summary_itself_is_carried_over(
    tmp_path: Path, policy: Policy
) -> None:
    signed = declare_example(tmp_path, "onboarding")
    (tmp_path / carry.RECORD).unlink()
    flow = _annual_draft(tmp_path, policy)
    draft = flow.draft
    assert draft.person["staff_id"] == signed.summary.person.staff_id
    assert [a.get("handle") for a in draft.accounts] == ["thuha.tran99", None]  # masked then
    assert flow.missing(Step(StepKind.ACCOUNTS)) == [draft.accounts[1]["id"]]
    assert "display_name" not in draft.accounts[0]  # never in a summary: asked again
    # Pledges: the same checklist files as then, so comparable (and unchanged).
    pledges = flow.items(ItemKind.PLEDGE)
    assert carryover.pledge_changes(policy, draft, pledges, flow.profile).none


def test_a_record_of_another_declaration_is_not_used(tmp_path: Path, policy: Policy) -> None:
    declare_example(tmp_path, "onboarding")
    record = tmp_path / carry.RECORD
    doc = json.loads(record.read_text("utf-8"))
    doc["summary_sha256"] = "0" * 64
    doc["answers"]["person"]["full_name"] = "Kẻ Mạo Danh"
    record.write_text(json.dumps(doc), "utf-8")
    draft = _annual_draft(tmp_path, policy).draft
    assert draft.person["full_name"] == "Trần Thị Thu Hà"


def test_a_damaged_record_falls_back_to_the_summary(tmp_path: Path, policy: Policy) -> None:
    declare_example(tmp_path, "onboarding")
    (tmp_path / carry.RECORD).write_bytes(b'{"format": "selfcheck-carry", "format": 1}')
    draft = _annual_draft(tmp_path, policy).draft
    assert draft.person["full_name"] == "Trần Thị Thu Hà"


def test_pledge_changes_name_the_new_changed_and_removed_pledges(
    tmp_path: Path, policy: Policy
) -> None:
    declare_example(tmp_path, "onboarding")
    flow = _annual_draft(tmp_path, policy)
    draft = flow.draft
    then = draft.doc[carryover.CARRIED]["pledges_then"]
    pledges = flow.items(ItemKind.PLEDGE)
    first, second = pledges[0].id, pledges[1].id
    then[first]["digest"] = "0" * 64  # worded differently then
    del then[second]  # not asked then
    then["pledge-gone"] = {"digest": "1" * 64, "title": {"vi": "Cũ", "en": "Old"}}
    draft.doc[carryover.CARRIED]["pledges"]["pledge-gone"] = "affirm"
    changes = carryover.pledge_changes(policy, draft, pledges, flow.profile)
    assert [i.id for i in changes.changed] == [first]
    assert [i.id for i in changes.new] == [second]
    assert [t.en for t in changes.removed] == ["Old"]
    # The wording then unknown: the pledges are to be read again.
    draft.doc[carryover.CARRIED]["pledges_then"] = None
    assert not carryover.pledge_changes(policy, draft, pledges, flow.profile).comparable


def test_a_draft_carried_over_still_parses_and_saves(tmp_path: Path, policy: Policy) -> None:
    declare_example(tmp_path, "onboarding")
    flow = _annual_draft(tmp_path, policy)
    carryover.reaffirm_pledges(flow.draft, flow.items(ItemKind.PLEDGE))
    assert flow.submission().person.full_name == "Trần Thị Thu Hà"
    assert b"carried" in flow.draft.dump()


def test_a_measured_result_replaces_the_question_only_when_there_is_one(
    tmp_path: Path, policy: Policy
) -> None:
    declare_example(tmp_path, "onboarding")
    flow = _annual_draft(tmp_path, policy)
    account_id = flow.draft.accounts[0]["id"]
    real_name = policy.items["acct-real-name"]
    email = policy.items["acct-no-official-email"]
    two_factor = policy.items["acct-two-factor"]
    found = flow.measured(real_name, account_id)
    assert found is not None and found.reason == "name-matches"  # "Hà Trần"
    assert flow.measured(email, account_id) is not None
    assert flow.measured(two_factor, account_id) is None  # only the person can say
    flow.draft.account(account_id).pop("display_name")
    assert flow.measured(real_name, account_id) is None  # nothing to measure: asked
    flow.draft.account(account_id)["display_name"] = "Hà Xinh"
    found = flow.measured(real_name, account_id)
    assert found is not None and found.reason == "name-extra-words"
