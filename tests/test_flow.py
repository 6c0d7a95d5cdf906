"""The wizard's flow without a GUI: steps, what each page still needs, drafts."""

import tomllib

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
    draft.person.update(staff_id="BNG-11405", destination="Pháp", departure_date="2027-01-15")
    draft.person["profile"] = "bng"
    assert flow.complete(Step(StepKind.ABOUT))


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
