"""The assessment engine: findings per item and account, fail-safe statuses, the verdict."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.engine import Assessment, assess
from desktop.core.assessment.findings import Evidence, Finding, VerdictKind
from desktop.core.assessment.people import Person, Submission
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.model import Item, ItemKind, Policy, Severity, Status
from desktop.core.records import summary as summary_json
from tests.conftest import account

Submit = Callable[..., Submission]
STRONG = "con mèo vàng ngủ trên mái nhà số 7"


def finding(result: Assessment, item_id: str, account_id: str | None = "fb") -> Finding:
    matches = [f for f in result.findings if f.item_id == item_id and f.account_id == account_id]
    assert len(matches) == 1, f"{item_id}/{account_id}: {len(matches)} findings"
    return matches[0]


def item_ids(result: Assessment, account_id: str | None) -> set[str]:
    return {f.item_id for f in result.for_account(account_id)}


# -- what is asked -----------------------------------------------------------------------


def test_every_applicable_item_gets_exactly_one_finding(policy: Policy, submit: Submit) -> None:
    result = assess(policy, submit(account("fb"), account("page", kind=AccountKind.OFFICIAL_PAGE)))
    bng = policy.profiles["bng"]
    once = [
        i.id
        for i in policy.items_for("annual", Category.OFFICIAL, bng)
        if i.kind != ItemKind.ACCOUNT
    ]
    assert sorted(item_ids(result, None)) == sorted(once)
    for acct_id, kind in (("fb", AccountKind.PERSONAL), ("page", AccountKind.OFFICIAL_PAGE)):
        expected = {
            i.id for i in policy.account_items("annual", Category.OFFICIAL, bng, kind, "facebook")
        }
        assert item_ids(result, acct_id) == expected
    keys = [(f.item_id, f.account_id) for f in result.findings]
    assert len(keys) == len(set(keys))


def test_personal_and_official_page_accounts_get_different_items(
    policy: Policy, submit: Submit, qn_submit: Submit
) -> None:
    accounts = (account("fb"), account("page", kind=AccountKind.OFFICIAL_PAGE))
    bng, qn = assess(policy, submit(*accounts)), assess(policy, qn_submit(*accounts))
    personal = item_ids(bng, "fb") | item_ids(qn, "fb")
    page = item_ids(bng, "page") | item_ids(qn, "page")
    only_personal = {
        "acct-real-name",
        "acct-no-official-email",
        "acct-no-official-marks",
        "acct-vietnamese-number",
    }
    assert only_personal <= personal
    assert {"acct-page-real-name", "acct-page-admins", "acct-verified"} <= page
    assert not only_personal & page
    assert not {"acct-page-admins", "acct-verified"} & personal


def test_programme_decides_the_items(policy: Policy, submit: Submit) -> None:
    annual = assess(policy, submit(account(), programme="annual"))
    onboarding = assess(policy, submit(account(), programme="onboarding"))
    assert "prog-periodic-review" in item_ids(annual, None)
    assert "prog-periodic-review" not in item_ids(onboarding, None)
    assert "prog-keep-vietnamese-number" not in item_ids(annual, None)


def test_accompanying_spouse_gets_spouse_items_not_family_items(
    policy: Policy, person: Person
) -> None:
    spouse = replace(
        person,
        category=Category.ACCOMPANYING_SPOUSE,
        destination="Pháp",
        departure_date=date(2027, 1, 15),
    )
    mission = replace(spouse, category=Category.MISSION_MEMBER)
    spouse_items = item_ids(assess(policy, Submission("predeployment", spouse, (), {})), None)
    member_items = item_ids(assess(policy, Submission("predeployment", mission, (), {})), None)
    assert "prog-spouse-scope" in spouse_items and "prog-accompanying-family" not in spouse_items
    assert "prog-accompanying-family" in member_items and "prog-spouse-scope" not in member_items


# -- fail safe -----------------------------------------------------------------------------


def test_unanswered_items_are_not_verified_never_pass(policy: Policy, submit: Submit) -> None:
    result = assess(policy, submit(account()))
    assert result.findings
    for f in result.findings:
        assert f.status == Status.NOT_VERIFIED, f.item_id
        assert f.evidence == Evidence.NONE
    assert result.verdict.kind == VerdictKind.ACTION_REQUIRED
    assert len(result.verdict.to_fix) == len(result.findings)


def test_all_affirmed_and_measured_is_compliant(
    policy: Policy, submit: Submit, person: Person
) -> None:
    bng = policy.profiles[person.profile]
    answers = {
        i.id: _best_choice(i)
        for i in policy.items_for("annual", person.category, bng)
        if i.kind != ItemKind.ACCOUNT
    }
    acct = account(
        display_name="An Nguyễn",
        registration_email="an@gmail.com",
        recovery_email="an2@gmail.com",
        recovery_confirmed=True,
        office_phone_on_profile=False,
        office_address_on_profile=False,
        official_logo_on_profile=False,
        answers={
            i.id: _best_choice(i)
            for i in policy.account_items(
                "annual", person.category, bng, AccountKind.PERSONAL, "facebook"
            )
            if i.answer.choices
        },
    )
    acct = replace(acct, answers={**acct.answers, "acct-two-factor": "security_key"})
    sub = Submission("annual", person, (acct,), answers)
    passwords = PasswordSession(person, sub.accounts)
    passwords.add("fb", STRONG)
    result = assess(policy, sub, passwords)
    assert [f.item_id for f in result.verdict.to_fix] == []
    assert result.verdict.kind == VerdictKind.COMPLIANT
    assert finding(result, "acct-password-strength").evidence == Evidence.MEASURED


def _best_choice(item: Item) -> str:
    passing = [c for c in item.answer.choices if c.status == Status.PASS]
    return (passing or list(item.answer.choices))[0].id


# -- measured checks in the engine ---------------------------------------------------------


def test_real_name_is_measured_from_the_display_name(policy: Policy, qn_submit: Submit) -> None:
    ok = assess(policy, qn_submit(account(display_name="Nguyen Van An")))
    nick = assess(policy, qn_submit(account(display_name="An Nguyễn (Bin)")))
    assert finding(ok, "acct-real-name").status == Status.PASS
    assert finding(ok, "acct-real-name").evidence == Evidence.MEASURED
    assert finding(nick, "acct-real-name").status == Status.FAIL
    assert finding(nick, "acct-real-name").params["words"] == "(Bin)"


def test_official_email_fails_on_personal_account_only(policy: Policy, submit: Submit) -> None:
    result = assess(
        policy,
        submit(
            account("fb", registration_email="An.NV@HN.MOFA.GOV.VN"),
            account("page", kind=AccountKind.OFFICIAL_PAGE, registration_email="press@mofa.gov.vn"),
        ),
    )
    bad = finding(result, "acct-no-official-email", "fb")
    assert (bad.status, bad.evidence, bad.params["domain"]) == (
        Status.FAIL,
        Evidence.MEASURED,
        "gov.vn",
    )
    assert "acct-no-official-email" not in item_ids(result, "page")


def test_declared_answer_is_used_when_nothing_can_be_measured(
    policy: Policy, submit: Submit
) -> None:
    result = assess(policy, submit(account(answers={"acct-no-official-email": "personal-email"})))
    f = finding(result, "acct-no-official-email")
    assert (f.status, f.evidence) == (Status.PASS, Evidence.DECLARED)


def test_measurement_overrides_a_contradicting_declaration(policy: Policy, submit: Submit) -> None:
    acct = account(
        registration_email="an@mofa.gov.vn", answers={"acct-no-official-email": "personal-email"}
    )
    assert finding(assess(policy, submit(acct)), "acct-no-official-email").status == Status.FAIL


def test_official_marks(policy: Policy, submit: Submit) -> None:
    shown = account(
        office_phone_on_profile=False,
        office_address_on_profile=True,
        official_logo_on_profile=False,
    )
    unknown = account(office_phone_on_profile=False)
    assert finding(assess(policy, submit(shown)), "acct-no-official-marks").status == Status.FAIL
    assert (
        finding(assess(policy, submit(unknown)), "acct-no-official-marks").status
        == Status.NOT_VERIFIED
    )


@pytest.mark.parametrize(
    ("method", "status"),
    [
        ("security_key", Status.PASS),
        ("passkey", Status.PASS),
        ("authenticator_app", Status.PASS),
        ("push", Status.PASS),
        ("sms", Status.PARTIAL),
        ("voice", Status.PARTIAL),
        ("whatsapp", Status.PARTIAL),
        ("email", Status.FAIL),  # e-mail codes are not a second factor
        ("none", Status.FAIL),
    ],
)
def test_two_factor_is_ranked(policy: Policy, submit: Submit, method: str, status: Status) -> None:
    # "other" offers every method as a second step (WhatsApp codes: Instagram), so only the
    # ranking decides.
    platform = "instagram" if method == "whatsapp" else "other"
    acct = account(platform=platform, answers={"acct-two-factor": method})
    assert finding(assess(policy, submit(acct)), "acct-two-factor").status == status


def test_a_factor_the_platform_does_not_offer_is_not_verified(
    policy: Policy, submit: Submit
) -> None:
    zalo = account("z", platform="zalo", answers={"acct-two-factor": "security_key"})
    f = finding(assess(policy, submit(zalo)), "acct-two-factor", "z")
    assert (f.status, f.reason) == (Status.NOT_VERIFIED, "two-factor-not-offered")
    assert f in assess(policy, submit(zalo)).verdict.to_fix


@pytest.mark.parametrize(
    ("password", "method", "status", "reason"),
    [
        ("Zk8#qv2!Lp", "none", Status.FAIL, "password-too-short"),  # 10 chars alone
        ("Zk8#qv2!Lp", "email", Status.FAIL, "password-too-short"),  # e-mail is no factor
        ("Zk8#qv2!Lp", "authenticator_app", Status.PASS, "password-strong"),  # 8+ with 2FA
        ("Nguyen Van An 1990", "none", Status.FAIL, "password-guessable"),  # long but personal
        ("abc12345", "sms", Status.FAIL, "password-guessable"),
        (STRONG, "none", Status.PASS, "password-strong"),
    ],
)
def test_password_strength_applies_nist_length_with_zxcvbn(
    policy: Policy,
    submit: Submit,
    person: Person,
    password: str,
    method: str,
    status: Status,
    reason: str,
) -> None:
    sub = submit(account(answers={"acct-two-factor": method}))
    passwords = PasswordSession(person, sub.accounts)
    passwords.add("fb", password)
    f = finding(assess(policy, sub, passwords), "acct-password-strength")
    assert (f.status, f.reason, f.evidence) == (status, reason, Evidence.MEASURED)


def test_password_not_typed_falls_back_to_declaration(policy: Policy, submit: Submit) -> None:
    sub = submit(account(answers={"acct-password-strength": "declared-strong"}))
    f = finding(assess(policy, sub, None), "acct-password-strength")
    assert (f.status, f.evidence) == (Status.PASS, Evidence.DECLARED)


def test_shared_password_fails_both_accounts(
    policy: Policy, submit: Submit, person: Person
) -> None:
    sub = submit(account("fb", handle="an.fb"), account("x", platform="x", handle="@an_x"))
    passwords = PasswordSession(person, sub.accounts)
    passwords.add("fb", STRONG)
    passwords.add("x", STRONG)
    result = assess(policy, sub, passwords)
    assert finding(result, "acct-password-unique", "fb").params["accounts"] == "@an_x"
    assert finding(result, "acct-password-unique", "x").status == Status.FAIL


def test_uniqueness_needs_every_account_typed(
    policy: Policy, submit: Submit, person: Person
) -> None:
    sub = submit(account("fb"), account("x", platform="x"))
    passwords = PasswordSession(person, sub.accounts)
    passwords.add("fb", STRONG)
    assert finding(assess(policy, sub, passwords), "acct-password-unique").status == (
        Status.NOT_VERIFIED
    )
    passwords.add("x", STRONG + " khác")
    f = finding(assess(policy, sub, passwords), "acct-password-unique")
    assert (f.status, f.evidence) == (Status.PASS, Evidence.MEASURED)


@pytest.mark.parametrize(
    ("fields", "status", "reason"),
    [
        ({}, Status.NOT_VERIFIED, "unanswered"),
        (
            {"recovery_email": "an@gmail.com", "recovery_confirmed": True},
            Status.PASS,
            "recovery-confirmed",
        ),
        ({"phone": "0903123456"}, Status.PARTIAL, "recovery-unconfirmed"),
        (
            {"recovery_email": "an@gmail.com", "recovery_confirmed": False},
            Status.FAIL,
            "recovery-unreachable",
        ),
        (
            {"recovery_email": "an@Mofa.Gov.Vn", "recovery_confirmed": True},
            Status.FAIL,
            "recovery-official-email",
        ),
        (
            {"phone": "không có", "recovery_confirmed": True},
            Status.NOT_VERIFIED,
            "recovery-phone-invalid",
        ),
        (
            {"recovery_email": "???", "recovery_confirmed": True},
            Status.NOT_VERIFIED,
            "recovery-email-invalid",
        ),
    ],
)
def test_recovery_contacts(
    policy: Policy, submit: Submit, fields: dict[str, object], status: Status, reason: str
) -> None:
    f = finding(assess(policy, submit(account(**fields))), "acct-recovery")
    assert (f.status, f.reason) == (status, reason)


@pytest.mark.parametrize(
    ("phone", "status"),
    [
        ("+84 912 345 678", Status.PASS),
        ("0988.765.432", Status.PASS),
        ("+33 6 12 34 56 78", Status.FAIL),
        ("+1 202 555 0143", Status.FAIL),
    ],
)
def test_the_authenticating_number_must_be_vietnamese(
    policy: Policy, person: Person, phone: str, status: Status
) -> None:
    abroad = replace(
        person,
        category=Category.MISSION_MEMBER,
        destination="Pháp",
        departure_date=date(2027, 1, 15),
    )
    for programme, who in (("predeployment", abroad), ("annual", person)):
        sub = Submission(programme, who, (account(phone=phone),), {})
        assert finding(assess(policy, sub), "acct-vietnamese-number").status == status


# -- fix-it plan and verdict ---------------------------------------------------------------


def test_fix_steps_include_the_platform_guide(policy: Policy, submit: Submit) -> None:
    result = assess(
        policy, submit(account("z", platform="zalo", answers={"acct-two-factor": "none"}))
    )
    f = finding(result, "acct-two-factor", "z")
    guide = policy.platforms["zalo"].guides["two_factor"]
    item = policy.items["acct-two-factor"]
    assert f.fix.vi == item.fix.vi + guide.vi
    assert f.fix.en == item.fix.en + guide.en


def test_passing_and_not_applicable_findings_need_no_fix(policy: Policy, submit: Submit) -> None:
    result = assess(
        policy,
        submit(
            account(
                answers={
                    "acct-two-factor": "security_key",
                    "acct-comment-moderation": "no-comments",
                }
            )
        ),
    )
    assert not finding(result, "acct-two-factor").fix
    na = finding(result, "acct-comment-moderation")
    assert na.status == Status.NOT_APPLICABLE and not na.fix
    assert na not in result.verdict.to_fix


def test_verdict_lists_worst_first(policy: Policy, submit: Submit) -> None:
    result = assess(policy, submit(account(answers={"acct-two-factor": "sms"})))
    ranks = [f.severity.rank for f in result.verdict.to_fix]
    assert ranks == sorted(ranks)
    assert result.verdict.to_fix[0].severity == Severity.CRITICAL


def test_every_reason_reads_in_both_languages(policy: Policy, submit: Submit) -> None:
    from desktop.core.assessment.reasons import REASONS, describe

    result = assess(policy, submit(account(answers={"acct-login-alerts": "off"})))
    f = finding(result, "acct-login-alerts")
    assert describe(f, policy, "vi") == "Anh/chị khai báo: Chưa bật."
    assert describe(f, policy, "en") == "You declared: Off."
    for key, text in REASONS.items():
        assert text.vi and text.en, key
        assert text.vi.count("{") == text.en.count("{"), key


def test_every_reason_a_rule_can_give_has_words() -> None:
    import inspect
    import re

    from desktop.core.assessment import engine as assessment
    from desktop.core.assessment import rules
    from desktop.core.assessment.reasons import REASONS
    from desktop.core.policy.twofactor import TwoFactorMethod

    source = inspect.getsource(rules) + inspect.getsource(assessment)
    given = set(re.findall(r'Evidence\.\w+,\s*"([a-z0-9-]+)"', source))
    given |= {f"two-factor-{m.value}" for m in TwoFactorMethod}
    assert len(given) > 20
    assert given <= set(REASONS), given - set(REASONS)


# -- Decree 147: authenticated by a Vietnamese number or the identification number ---------


def _abroad(person: Person) -> Person:
    return replace(
        person,
        category=Category.MISSION_MEMBER,
        destination="Pháp",
        departure_date=date(2027, 1, 15),
    )


def test_the_identification_number_authenticates_an_official_abroad(
    policy: Policy, person: Person
) -> None:
    # Abroad without a Vietnamese number: a foreign phone for recovery, the ID number.
    acct = account(phone="+33 6 12 34 56 78", answers={"acct-vietnamese-number": "id-number"})
    sub = Submission("predeployment", _abroad(person), (acct,), {})
    result = assess(policy, sub)
    assert finding(result, "acct-vietnamese-number").status == Status.PASS
    kept = finding(result, "prog-keep-vietnamese-number", None)
    assert (kept.status, kept.reason) == (Status.PASS, "posting-id-number")


AUTHENTICATIONS = {
    "phone": {"phone": "0912 345 678"},
    "foreign": {"phone": "+33 6 12 34 56 78"},
    "id": {"answers": {"acct-vietnamese-number": "id-number"}},
    "none": {"answers": {"acct-vietnamese-number": "not-authenticated"}},
    "unsaid": {},
}


@pytest.mark.parametrize("plan", ["arranged", "id-number", "not-arranged", None])
@pytest.mark.parametrize("first", sorted(AUTHENTICATIONS))
@pytest.mark.parametrize("second", ["phone", "id", "foreign"])
def test_the_posting_never_passes_what_an_account_fails(
    policy: Policy, person: Person, plan: str | None, first: str, second: str
) -> None:
    accounts = (
        account("a", **AUTHENTICATIONS[first]),  # type: ignore[arg-type]
        account("b", platform="zalo", **AUTHENTICATIONS[second]),  # type: ignore[arg-type]
    )
    answers = {"prog-keep-vietnamese-number": plan} if plan else {}
    result = assess(policy, Submission("predeployment", _abroad(person), accounts, answers))
    kept = finding(result, "prog-keep-vietnamese-number", None)
    per_account = [finding(result, "acct-vietnamese-number", a.id) for a in accounts]
    if any(f.status == Status.FAIL for f in per_account):
        assert kept.status == Status.FAIL, kept.reason
    if all(f.reason == "authenticated-id-number" for f in per_account):
        assert kept.status == Status.PASS
    if kept.status == Status.PASS:
        assert not any(f.status == Status.FAIL for f in per_account)


# -- never a silent all-clear --------------------------------------------------------------


def _all_but_accounts(policy: Policy, person: Person, **answers: str) -> Submission:
    bng = policy.profiles[person.profile]
    once = {
        i.id: _best_choice(i)
        for i in policy.items_for("onboarding", person.category, bng)
        if i.kind != ItemKind.ACCOUNT
    }
    return Submission("onboarding", person, (), {**once, **answers})


def test_a_new_hire_listing_no_account_is_not_compliant_by_default(
    policy: Policy, person: Person
) -> None:
    sub = _all_but_accounts(policy, person)
    sub = replace(sub, answers={**sub.answers, "prog-inventory-complete": "complete"})
    result = assess(policy, sub)
    inventory = finding(result, "prog-inventory-complete", None)
    assert (inventory.status, inventory.reason) == (Status.NOT_VERIFIED, "inventory-empty")
    assert result.verdict.kind == VerdictKind.ACTION_REQUIRED
    assert not result.declared_no_accounts
    # Marking the inventory "does not apply" is no way around it either.
    sub = replace(sub, answers={}, not_applicable={"prog-inventory-complete": "mới vào"})
    assert finding(assess(policy, sub), "prog-inventory-complete", None).status == (
        Status.NOT_VERIFIED
    )


def test_holding_no_account_is_compliant_only_when_declared(policy: Policy, person: Person) -> None:
    result = assess(
        policy, _all_but_accounts(policy, person, **{"prog-inventory-complete": "none-held"})
    )
    assert finding(result, "prog-inventory-complete", None).status == Status.PASS
    assert result.verdict.kind == VerdictKind.COMPLIANT
    assert result.declared_no_accounts
    signed = summary_json.build(result, fingerprint="SHA256:" + "A" * 43, seq=1, prev=None)
    assert signed.declared_no_accounts is True and signed.accounts == []
    # Declaring none while listing one is a contradiction, not a pass.
    listed = replace(result.submission, accounts=(account(),))
    f = finding(assess(policy, listed), "prog-inventory-complete", None)
    assert (f.status, f.reason) == (Status.NOT_VERIFIED, "inventory-none-but-listed")


@pytest.mark.parametrize(
    ("fields", "status", "reason"),
    [
        ({"answers": {"acct-vietnamese-number": "foreign-number"}}, Status.FAIL, None),
        # Believed over a Vietnamese number typed: the person says it is not authenticated.
        (
            {"phone": "0912 345 678", "answers": {"acct-vietnamese-number": "not-authenticated"}},
            Status.FAIL,
            "authenticated-not-authenticated",
        ),
        # Declared Vietnamese, but the number typed is not: the measurement wins.
        (
            {
                "phone": "+33 6 12 34 56 78",
                "answers": {"acct-vietnamese-number": "vietnamese-number"},
            },
            Status.FAIL,
            "phone-not-vietnamese",
        ),
        ({"answers": {"acct-vietnamese-number": "vietnamese-number"}}, Status.PASS, None),
    ],
)
def test_what_is_declared_about_authentication_is_judged_fail_safe(
    policy: Policy, submit: Submit, fields: dict[str, object], status: Status, reason: str | None
) -> None:
    f = finding(assess(policy, submit(account(**fields))), "acct-vietnamese-number")  # type: ignore[arg-type]
    assert f.status == status
    if reason is not None:
        assert f.reason == reason


def test_keeping_the_id_number_while_an_account_uses_a_phone_is_not_verified(
    policy: Policy, person: Person
) -> None:
    accounts = (account("a", phone="0912 345 678"),)
    answers = {"prog-keep-vietnamese-number": "id-number"}
    result = assess(policy, Submission("predeployment", _abroad(person), accounts, answers))
    kept = finding(result, "prog-keep-vietnamese-number", None)
    assert (kept.status, kept.reason) == (Status.NOT_VERIFIED, "posting-id-number-but-phone")


def test_the_inventory_never_does_not_apply(policy: Policy, submit: Submit) -> None:
    """Listing accounts and marking the inventory "does not apply" (a file or an old draft
    may say so) is no all-clear: it is not verified."""
    everything = assess(policy, submit(account()))
    sub = replace(
        everything.submission,
        answers={},
        not_applicable={"prog-inventory-complete": "không liên quan"},
    )
    f = finding(assess(policy, sub), "prog-inventory-complete", None)
    assert (f.status, f.reason) == (Status.NOT_VERIFIED, "unanswered")
