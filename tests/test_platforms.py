"""Each platform as it really works: its second factors, its guides, what to know first."""

from collections.abc import Callable

import pytest

from desktop.core.assessment.draft import Draft
from desktop.core.assessment.engine import assess
from desktop.core.assessment.findings import Finding
from desktop.core.assessment.flow import Flow
from desktop.core.assessment.people import Submission
from desktop.core.policy.model import GuideTopic, Policy, Status, TwoFactorRole
from desktop.core.policy.twofactor import TwoFactorMethod, protects
from tests.conftest import account

Submit = Callable[..., Submission]


def _two_factor(policy: Policy, submit: Submit, platform: str, method: str) -> Finding:
    acct = account(platform=platform, answers={"acct-two-factor": method})
    result = assess(policy, submit(acct))
    return next(f for f in result.findings if f.item_id == "acct-two-factor")


@pytest.mark.parametrize("platform", ["facebook", "x", "tiktok", "linkedin", "telegram"])
def test_a_passkey_that_is_only_another_way_in_is_no_second_factor(
    policy: Policy, submit: Submit, platform: str
) -> None:
    finding = _two_factor(policy, submit, platform, "passkey")
    assert (finding.status, finding.reason) == (Status.FAIL, "two-factor-sign-in-only")
    # And the password alone must then be long enough to stand alone (NIST: 15).
    flow = Flow(policy, Draft.new())
    flow.draft.person["profile"] = "bng"
    account_id = flow.draft.add_account({"platform": platform, "kind": "personal", "handle": "an"})
    flow.draft.set_answer("acct-two-factor", "passkey", account_id)
    assert flow.min_password_length(account_id) == 15


def test_google_s_passkey_is_a_step_of_2_step_verification(policy: Policy, submit: Submit) -> None:
    youtube = policy.platforms["youtube"].two_factor_offer("passkey")
    assert youtube is not None and youtube.role == TwoFactorRole.SECOND_FACTOR
    assert youtube.label is not None and "Xác minh 2 bước" in youtube.label.vi
    assert _two_factor(policy, submit, "youtube", "passkey").status == Status.PASS


def test_telegram_s_second_factor_is_its_two_step_verification_password(
    policy: Policy, submit: Submit
) -> None:
    assert _two_factor(policy, submit, "telegram", "cloud_password").status == Status.PASS
    sms = _two_factor(policy, submit, "telegram", "sms")
    assert (sms.status, sms.reason) == (Status.FAIL, "two-factor-sign-in-only")
    app_code = _two_factor(policy, submit, "telegram", "logged_in_device")
    assert app_code.status == Status.FAIL


def test_zalo_s_methods_carry_zalo_s_own_names(policy: Policy) -> None:
    flow = Flow(policy, Draft.new())
    account_id = flow.draft.add_account({"platform": "zalo", "kind": "personal", "handle": "09"})
    offered = dict(flow.answer_choices(policy.items["acct-two-factor"], account_id))
    assert next(iter(offered)) == "logged_in_device"  # strongest first
    assert "Bảo mật 2 lớp" in offered["logged_in_device"].vi
    assert {"email", "none"} <= set(offered)  # always answerable, and always failing
    assert "security_key" not in offered  # Zalo has none


def test_whatsapp_codes_count_in_part_like_sms(policy: Policy, submit: Submit) -> None:
    assert _two_factor(policy, submit, "instagram", "whatsapp").status == Status.PARTIAL
    # A factor Instagram is not known to offer is checked again, never passed.
    assert _two_factor(policy, submit, "instagram", "security_key").status == Status.NOT_VERIFIED


def test_the_ranking_stays_as_nist_ranks_them() -> None:
    order = [TwoFactorMethod(m) for m in ("security_key", "passkey", "authenticator_app", "sms")]
    assert [m.rank for m in order] == sorted((m.rank for m in order), reverse=True)
    assert TwoFactorMethod.PUSH.rank == TwoFactorMethod.AUTHENTICATOR_APP.rank
    assert TwoFactorMethod.SMS.status == TwoFactorMethod.VOICE.status == Status.PARTIAL
    assert TwoFactorMethod.EMAIL.status == TwoFactorMethod.NONE.status == Status.FAIL
    assert not protects(None, TwoFactorMethod.SECURITY_KEY)  # an unknown platform: no claim


# What each method is called in the English guides, to match lists and guides.
GUIDE_WORDS = {
    "security_key": "security key",
    "authenticator_app": "authenticator app",
    "passkey": "passkey",
    "whatsapp": "whatsapp",
    "voice": "voice",
    "cloud_password": "two-step verification” password",
}


def test_each_platform_s_methods_agree_with_its_own_guide(policy: Policy) -> None:
    for platform in policy.platforms.values():
        guide = " ".join(platform.guide(GuideTopic.TWO_FACTOR).en).lower()
        listed = {o.method: o.role for o in platform.two_factor_methods}
        for method, words in GUIDE_WORDS.items():
            assert (method in listed) == (words in guide), (platform.id, method)
        if listed.get("passkey") == TwoFactorRole.SIGN_IN_ONLY:
            assert "does not replace two-factor" in guide, platform.id


def test_every_platform_has_a_hacked_or_impersonated_guide(policy: Policy) -> None:
    for platform in policy.platforms.values():
        steps = platform.guide(GuideTopic.HACKED_OR_IMPERSONATED)
        assert 4 <= len(steps.vi) == len(steps.en), platform.id
    topic = GuideTopic.HACKED_OR_IMPERSONATED
    assert "facebook.com/hacked" in " ".join(policy.platforms["facebook"].guides[topic].en)
    assert "Báo xấu" in " ".join(policy.platforms["zalo"].guides[topic].vi)


def test_telegram_says_it_was_ordered_blocked(policy: Policy) -> None:
    notice = policy.platforms["telegram"].notice
    assert notice is not None
    assert "2025" in notice.vi and "chặn" in notice.vi and "không nên" in notice.vi
    assert "2025" in notice.en and "block" in notice.en
    assert [p.id for p in policy.platforms.values() if p.notice] == ["telegram"]


def test_zalo_is_cited_as_a_vietnamese_provider(policy: Policy) -> None:
    zalo = " ".join(policy.platforms["zalo"].guides["verification"].vi)
    facebook = " ".join(policy.platforms["facebook"].guides["verification"].vi)
    assert "Điều 27" in zalo and "Điều 23" not in zalo
    assert "Điều 23" in facebook and "Điều 27" not in facebook
