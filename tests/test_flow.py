"""The wizard's flow without a GUI: steps, what each page still needs, which pages can be
reached, drafts."""

import tomllib
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.draft import Draft, load_draft
from desktop.core.assessment.flow import Flow, Step, StepKind
from desktop.core.base.errors import AnswersError
from desktop.core.policy.model import Policy
from tests.conftest import EXAMPLES


def _example_draft(programme: str = "annual") -> Draft:
    doc = tomllib.loads((EXAMPLES / f"{programme}.toml").read_text("utf-8"))
    if "departure_date" in doc["person"]:
        doc["person"]["departure_date"] = doc["person"]["departure_date"].isoformat()
    return Draft(doc)


def test_steps_follow_the_accounts(policy: Policy) -> None:
    draft = Draft.new("annual")
    flow = Flow(policy, draft)
    assert [s.key for s in flow.steps()] == [
        "programme",
        "about",
        "accounts",
        "pledges",
        "programme-items",
        "review",
        "sign",
    ]
    first = draft.add_account({"platform": "facebook", "kind": "personal", "handle": "an"})
    second = draft.add_account({"platform": "zalo", "kind": "personal", "handle": "09"})
    assert [s.key for s in flow.steps()][3:5] == [f"account:{first}", f"account:{second}"]
    draft.remove_account(first)
    assert f"account:{first}" not in [s.key for s in flow.steps()]
    # A new account never takes the id (and so the page and answers) of a removed one.
    assert draft.add_account({"platform": "x", "kind": "personal", "handle": "@an"}) != first


def test_leaving_pre_deployment_drops_the_overseas_fields(policy: Policy) -> None:
    draft = Draft.new("predeployment")
    draft.person.update(destination="Pháp", departure_date="not a date")
    draft.programme = "annual"
    assert "destination" not in draft.person and "departure_date" not in draft.person


def test_about_page_names_each_field_that_is_missing_or_wrong(policy: Policy) -> None:
    draft = Draft.new("predeployment")
    flow = Flow(policy, draft)
    assert "full_name" in flow.missing(Step(StepKind.ABOUT))
    draft.person.update(
        full_name="Lê Đức Minh",
        staff_id="../x",
        unit="Vụ Châu Âu",
        position="Bí thư",
        category="mission_member",
    )
    assert flow.missing(Step(StepKind.ABOUT)) == [
        "departure_date",
        "destination",
        "profile",
        "staff_id",
    ]
    ahead = (date.today() + timedelta(days=45)).isoformat()  # ahead whenever the test runs
    draft.person.update(staff_id="BNG-11405", destination="Pháp", departure_date=ahead)
    draft.person["profile"] = "bng"
    assert flow.complete(Step(StepKind.ABOUT))


def test_a_departure_date_already_past_keeps_the_about_page_open(policy: Policy) -> None:
    """The check before a posting is made before leaving (issue 17): the wizard refuses a
    departure date before today; today itself is still before leaving."""
    from desktop.core.assessment.answers import person_problems

    doc = tomllib.loads((EXAMPLES / "predeployment.toml").read_text("utf-8"))
    draft = Draft({**doc, "person": {**doc["person"], "departure_date": ""}})
    flow = Flow(policy, draft)
    for days, problems in ((-1, ["departure_date"]), (0, []), (30, [])):
        draft.person["departure_date"] = (date.today() + timedelta(days=days)).isoformat()
        assert flow.missing(Step(StepKind.ABOUT)) == problems, days
    past = {**draft.person, "departure_date": "2020-05-01"}
    assert person_problems(past, "predeployment", policy, date(2020, 5, 2)) == {
        "departure_date": "past"
    }
    # Without a day to compare with (reading an answers file), the date is only read.
    assert person_problems(past, "predeployment", policy) == {}


def test_an_account_page_is_complete_only_when_every_item_is_answered(policy: Policy) -> None:
    draft = _example_draft()
    flow = Flow(policy, draft)
    step = Step(StepKind.ACCOUNT, "fb")
    missing = flow.missing(step)
    assert missing == ["acct-password-strength", "acct-password-unique"]
    passwords = PasswordSession(flow.submission().person, flow.submission().accounts)
    passwords.add("fb", "một câu mật khẩu rất dài và riêng")
    # Reuse waits for the other accounts' passwords; it does not hold this page up.
    assert flow.missing(step, passwords) == []
    result = flow.assessment(passwords)
    assert result is not None
    reuse = next(
        f for f in result.findings if f.item_id == "acct-password-unique" and f.account_id == "fb"
    )
    assert reuse.status.value == "not-verified"


def test_not_applicable_with_a_reason_completes_an_item(policy: Policy) -> None:
    draft = _example_draft()
    flow = Flow(policy, draft)
    draft.set_answer("prog-training", None)
    assert flow.missing(Step(StepKind.PROGRAMME_ITEMS)) == ["prog-training"]
    draft.set_not_applicable("prog-training", "   ")  # an empty reason is no reason
    assert not flow.complete(Step(StepKind.PROGRAMME_ITEMS))
    draft.set_not_applicable("prog-training", "Vừa được tuyển dụng tuần trước")
    assert flow.complete(Step(StepKind.PROGRAMME_ITEMS))
    draft.set_answer("prog-training", "attended")  # answering clears the N/A mark
    assert draft.not_applicable("prog-training") is None


def test_pledges_page(policy: Policy) -> None:
    draft = _example_draft("onboarding")
    flow = Flow(policy, draft)
    assert flow.complete(Step(StepKind.PLEDGES))
    draft.set_answer("pledge-language", None)
    assert flow.missing(Step(StepKind.PLEDGES)) == ["pledge-language"]


def test_draft_round_trip_keeps_everything(policy: Policy) -> None:
    draft = _example_draft("predeployment")
    draft.set_not_applicable("acct-comment-moderation", "không có bình luận", "fb")
    again = load_draft(draft.dump(), draft.id)
    assert again.doc == draft.doc
    assert Flow(policy, again).submission() == Flow(policy, draft).submission()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{", "not JSON"),
        (b'{"format": "x"}', "not a SelfCheck draft"),
        (b'{"format": "selfcheck-answers", "version": 99}', "newer SelfCheck"),
    ],
)
def test_damaged_or_newer_drafts_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(AnswersError, match=message):
        load_draft(data, "d1")


def test_identity_hints_follow_what_is_typed(policy: Policy) -> None:
    flow = Flow(policy, _example_draft())
    assert flow.identity_hints("fb").name is None  # the Foreign Ministry asks no real name
    flow.draft.person["profile"] = "quang-ninh"  # the provincial guide does
    account = flow.draft.account("fb")  # An Nguyễn, for Nguyễn Văn An, at gmail.com
    hints = flow.identity_hints("fb")
    assert hints.name is not None and hints.name.matches
    assert hints.email_checked and hints.official_domain is None
    account["display_name"] = "An Nguyễn 🌸"
    account["registration_email"] = "an.nv@Mofa.GOV.vn"
    hints = flow.identity_hints("fb")
    assert hints.name is not None and not hints.name.matches
    assert hints.official_domain is not None and hints.official_domain.endswith("gov.vn")
    account["kind"] = "official_page"  # an official page uses the unit's name and address
    assert flow.identity_hints("fb").name is None
    assert flow.identity_hints("fb").official_domain is None


def test_password_length_needed_follows_the_declared_second_factor(policy: Policy) -> None:
    flow = Flow(policy, _example_draft())
    answers = flow.draft.account("fb")["answers"]
    assert flow.min_password_length("fb") == 8  # a security key is a second factor
    answers["acct-two-factor"] = "none"
    assert flow.min_password_length("fb") == 15
    answers["acct-two-factor"] = "not-a-method"  # a damaged draft does not crash the page
    assert flow.min_password_length("fb") == 15
    assert flow.password_items() == {"acct-password-strength", "acct-password-unique"}


# -- where the wizard may go (the view only asks) -----------------------------------------


def _reachable(flow: Flow, passwords: PasswordSession | None = None) -> list[str]:
    progress = flow.progress(passwords)
    return [s.key for s in progress.steps if progress.can_reach(s)]


def test_before_the_about_page_is_complete_nothing_after_it_can_be_reached(
    policy: Policy,
) -> None:
    flow = Flow(policy, Draft.new("onboarding"))
    progress = flow.progress()
    assert _reachable(flow) == ["programme", "about"]
    programme, about, sign = Step(StepKind.PROGRAMME), Step(StepKind.ABOUT), Step(StepKind.SIGN)
    assert progress.next_step(programme) == about
    assert progress.next_step(about) is None  # Next stays off
    assert not progress.can_go(about, Step(StepKind.ACCOUNTS))
    assert not progress.can_go(programme, sign)  # no jumping ahead from the step list
    assert progress.can_go(about, programme)  # back is always allowed
    assert not flow.can_reach(sign)
    # Nothing listed yet and nothing declared: the accounts step is not done (the list of
    # steps must not tick it before the person has said who they are).
    assert not progress.complete(Step(StepKind.ACCOUNTS))


def test_an_empty_account_list_holds_the_wizard_until_none_held_is_declared(
    policy: Policy,
) -> None:
    draft = _example_draft("onboarding")
    flow = Flow(policy, draft)
    for account_id in [a["id"] for a in draft.accounts]:
        draft.remove_account(account_id)
    accounts, pledges = Step(StepKind.ACCOUNTS), Step(StepKind.PLEDGES)
    assert _reachable(flow) == ["programme", "about", "accounts"]
    assert flow.progress().next_step(accounts) is None  # an empty list is not an all-clear
    flow.declare_no_accounts(True)
    assert flow.progress().next_step(accounts) == pledges
    assert _reachable(flow) == [s.key for s in flow.steps()]  # the example answers the rest
    flow.declare_no_accounts(False)  # withdrawn: held up again
    assert _reachable(flow) == ["programme", "about", "accounts"]


def test_an_account_listed_while_none_held_stands_holds_the_wizard(policy: Policy) -> None:
    draft = _example_draft("onboarding")
    flow = Flow(policy, draft)
    for account_id in [a["id"] for a in draft.accounts]:
        draft.remove_account(account_id)
    flow.declare_no_accounts(True)
    # A damaged draft may say both; the flow's own add_account withdraws "I hold none".
    listed = draft.add_account({"platform": "zalo", "kind": "personal", "handle": "09"})
    assert _reachable(flow) == ["programme", "about", "accounts"]
    draft.remove_account(listed)
    listed = flow.add_account({"platform": "zalo", "kind": "personal", "handle": "09"})
    assert not flow.holds_no_accounts
    assert _reachable(flow) == ["programme", "about", "accounts", f"account:{listed}"]


def test_account_pages_hold_review_and_sign_until_each_password_is_typed(
    policy: Policy,
) -> None:
    draft = _example_draft()
    flow = Flow(policy, draft)
    before = ["programme", "about", "accounts", "account:fb"]
    assert _reachable(flow) == before  # a resumed draft: passwords must be typed again
    submission = flow.submission()
    passwords = PasswordSession(submission.person, submission.accounts)
    for number, account_id in enumerate(["fb", "page", "x"]):
        assert not flow.can_reach(Step(StepKind.REVIEW), passwords)
        passwords.add(account_id, f"một câu mật khẩu rất dài và riêng số {number}")
    assert _reachable(flow, passwords) == [s.key for s in flow.steps()]
    assert flow.can_reach(Step(StepKind.SIGN), passwords)
    # Going back stays open even over a page made incomplete again.
    draft.person["full_name"] = ""
    progress = flow.progress(passwords)
    assert progress.can_go(Step(StepKind.SIGN), Step(StepKind.PROGRAMME_ITEMS))
    assert not progress.can_reach(Step(StepKind.PROGRAMME_ITEMS))
    assert progress.next_step(Step(StepKind.SIGN)) is None  # the last step has no Next
    assert not progress.can_reach(Step(StepKind.ACCOUNT, "gone"))  # not a step of this draft


def test_progress_is_worked_out_once_per_change(
    policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.assessment import flow as flow_module

    assessed = []
    real = flow_module.assess

    def counting(*args: Any, **kwargs: Any) -> Any:
        assessed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(flow_module, "assess", counting)
    draft = _example_draft()
    flow = Flow(policy, draft)
    first = flow.progress()
    assert flow.progress() is first and flow.can_reach(Step(StepKind.ABOUT))
    draft.doc["step"] = "review"  # where the wizard stands is no change to the answers
    assert flow.progress() is first
    assert len(assessed) == 1
    draft.set_answer("prog-training", None)  # answers are changed in place, not announced
    assert flow.progress() is not first
    assert not flow.progress().complete(Step(StepKind.PROGRAMME_ITEMS))
    assert len(assessed) == 2
    submission = flow.submission()
    passwords = PasswordSession(submission.person, submission.accounts)
    counted = len(assessed)
    with_passwords = flow.progress(passwords)
    assert flow.progress(passwords) is with_passwords
    passwords.add("fb", "một câu mật khẩu rất dài và riêng")  # a measurement is a change
    assert flow.progress(passwords).complete(Step(StepKind.ACCOUNT, "fb"))
    passwords.forget("fb")
    assert not flow.progress(passwords).complete(Step(StepKind.ACCOUNT, "fb"))
    assert len(assessed) == counted + 3


def test_the_inventory_counts_as_answered_only_once_the_person_has_answered_it(
    policy: Policy,
) -> None:
    """With no account listed the engine finds the inventory "empty", not unanswered: the
    list of steps showed "Programme items (1/5)" before the person had answered anything."""
    draft = _example_draft("annual")
    for account_id in [a["id"] for a in draft.accounts]:
        draft.remove_account(account_id)
    draft.doc["answers"] = {}
    flow = Flow(policy, draft)
    inventory = flow.inventory_item()
    assert inventory is not None
    items = Step(StepKind.PROGRAMME_ITEMS)
    assert inventory.id in flow.missing(items)
    assert flow.progress().tally[items.key] == (0, len(flow.items(inventory.kind)))
    flow.declare_no_accounts(True)
    assert inventory.id not in flow.missing(items)
    assert flow.progress().tally[items.key][0] == 1
