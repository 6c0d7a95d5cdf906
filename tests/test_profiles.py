"""Agency profiles: each person is asked, and cites, only the code of their own agency."""

import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.commands.assessing import print_assessment
from desktop.core.assessment.answers import parse_answers
from desktop.core.assessment.engine import assess
from desktop.core.assessment.people import Person, Submission
from desktop.core.base.errors import AnswersError, PolicyError
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.loader import load_policy
from desktop.core.policy.model import Item, ItemKind, Policy, Status
from desktop.core.records import summary as summary_json
from tests.conftest import account
from tests.test_answers_file import _example

Submit = Callable[..., Submission]
FINGERPRINT = "SHA256:" + "A" * 43
DIPLOMACY = {"pledge-host-country-culture", "pledge-foreign-internal-affairs"}


def _everything_answered(policy: Policy, person: Person, programme: str) -> Submission:
    """A submission answering every item the person is asked, on two accounts and a page."""
    profile = policy.profiles[person.profile]
    once = policy.items_for(programme, person.category, profile)
    answers = {i.id: _first(i) for i in once if i.kind != ItemKind.ACCOUNT}
    accounts = tuple(
        account(
            account_id,
            platform=platform,
            kind=kind,
            answers={
                i.id: _first(i)
                for i in policy.account_items(programme, person.category, profile, kind, platform)
            },
        )
        for account_id, platform, kind in (
            ("fb", "facebook", AccountKind.PERSONAL),
            ("zl", "zalo", AccountKind.PERSONAL),
            ("pg", "facebook", AccountKind.OFFICIAL_PAGE),
        )
    )
    return Submission(programme, person, accounts, answers)


def _first(item: Item) -> str:
    return item.answer.choices[0].id


def test_two_profiles_are_shipped_with_their_codes_programmes_and_people(policy: Policy) -> None:
    bng, qn = policy.profiles["bng"], policy.profiles["quang-ninh"]
    assert bng.sources == ("BNG",) and qn.sources == ("QN",)
    assert "722/QĐ-BNG" in bng.code.vi and "874/QĐ-BTTTT" in qn.code.vi
    assert bng.programmes == ("onboarding", "annual", "predeployment")
    assert "predeployment" not in qn.programmes  # the province posts nobody abroad
    assert Category.ACCOMPANYING_SPOUSE in bng.categories
    assert not {Category.MISSION_MEMBER, Category.ACCOMPANYING_SPOUSE} & set(qn.categories)
    assert "quangninh.gov.vn" in qn.domains and "mofa.gov.vn" in bng.domains


def test_a_quang_ninh_official_sees_no_foreign_ministry_provision_anywhere(
    policy: Policy, qn_person: Person
) -> None:
    result = assess(policy, _everything_answered(policy, qn_person, "annual"))
    assert result.findings
    cited = {p for f in result.findings for p in f.provisions}
    assert cited and all(p.startswith("QN-") for p in cited), cited
    assert not {f.item_id for f in result.findings} & DIPLOMACY
    # The command line, the signed summary and what the PDF is made from say the same.
    out = io.StringIO()
    print_assessment(result, "vi", out)
    assert "BNG" not in out.getvalue()
    built = summary_json.build(result, fingerprint=FINGERPRINT, seq=1, prev=None)
    assert "BNG-" not in summary_json.encode(built).decode()
    assert built.person.profile == "quang-ninh"


def test_a_foreign_ministry_official_cites_only_decision_722(
    policy: Policy, person: Person
) -> None:
    result = assess(policy, _everything_answered(policy, person, "annual"))
    cited = {p for f in result.findings for p in f.provisions}
    assert all(p.startswith("BNG-") for p in cited), cited
    # Items of the provincial guide alone (real names, AI, children online) are not asked.
    asked = {f.item_id for f in result.findings}
    assert not {"acct-real-name", "pledge-ai-recognise", "pledge-child-safety"} & asked


@pytest.mark.parametrize("programme", ["annual", "predeployment"])
@pytest.mark.parametrize(
    "category",
    [Category.MISSION_MEMBER, Category.ACCOMPANYING_SPOUSE, Category.STUDYING_ABROAD],
)
def test_host_country_pledges_are_for_those_abroad(
    policy: Policy, person: Person, programme: str, category: Category
) -> None:
    abroad = replace(
        person, category=category, destination="Nhật Bản", departure_date=date(2027, 3, 1)
    )
    asked = {f.item_id for f in assess(policy, Submission(programme, abroad, (), {})).findings}
    assert asked >= DIPLOMACY


def test_host_country_pledges_are_not_asked_at_home(policy: Policy, person: Person) -> None:
    asked = {f.item_id for f in assess(policy, Submission("annual", person, (), {})).findings}
    assert not asked & DIPLOMACY


def test_every_profile_asks_an_inventory_and_the_core_security_items(policy: Policy) -> None:
    for profile in policy.profiles.values():
        for programme in profile.programmes:
            category = next(c for c in profile.categories if policy.programmes[programme].admits(c))
            asked = {i.id for i in policy.items_for(programme, category, profile)}
            assert {
                "prog-inventory-complete",
                "acct-two-factor",
                "acct-password-strength",
                "acct-vietnamese-number",
                "pledge-no-shared-credentials",
            } <= asked, (profile.id, programme)


# -- the answers file ----------------------------------------------------------------------


def _error(policy: Policy, doc: object) -> str:
    with pytest.raises(AnswersError) as caught:
        parse_answers(json.dumps(doc, ensure_ascii=False).encode(), "answers.json", policy)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_file_without_a_profile_is_refused_saying_how_to_add_it(policy: Policy) -> None:
    doc = _example()
    del doc["person"]["profile"]
    message = _error(policy, doc)
    assert "field 'person.profile': is missing" in message
    assert '"bng"' in message and '"quang-ninh"' in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["person"].update(profile="ha-noi"), "field 'person.profile': must be one of"),
        (
            lambda d: (
                d.update(programme="predeployment")
                or d["person"].update(
                    profile="quang-ninh", destination="Nhật Bản", departure_date="2027-03-01"
                )
            ),
            "field 'person.profile': 'quang-ninh' does not run the predeployment programme",
        ),
        (
            lambda d: d["person"].update(profile="quang-ninh", category="mission_member"),
            "field 'person.category': is not covered by the 'quang-ninh' code",
        ),
        (
            lambda d: (
                d.update(programme="predeployment")
                or d["person"].update(destination="Nhật Bản", departure_date="2027-03-01")
            ),
            "field 'person.category': the predeployment programme is for: mission_member",
        ),
    ],
)
def test_a_profile_that_does_not_fit_is_refused_naming_the_field(
    policy: Policy, change: Callable[[dict[str, object]], object], expected: str
) -> None:
    doc = _example()
    change(doc)
    assert expected in _error(policy, doc)


# -- an agency adds a profile as data ------------------------------------------------------


def test_an_agency_adds_its_own_profile_without_code(
    checklist_copy: Path, qn_person: Person
) -> None:
    (checklist_copy / "hai-phong.toml").write_text(
        '[meta]\nid = "hai-phong"\nversion = "2026.1"\n\n'
        "[[profile]]\n"
        'id = "hai-phong"\n'
        'name = { vi = "Các cơ quan, đơn vị thành phố Hải Phòng", en = "Hải Phòng agencies" }\n'
        'code = { vi = "Bộ quy tắc ứng xử trên mạng xã hội", en = "Social-network code" }\n'
        'sources = ["QN"]\n'
        'programmes = ["annual"]\n'
        'categories = ["official", "public_employee"]\n'
        'official_domains = ["haiphong.vn"]\n',
        "utf-8",
    )
    policy = load_policy(checklist_copy)
    person = replace(qn_person, profile="hai-phong")
    page = account("fb", registration_email="an@sotttt.haiphong.vn")
    result = assess(policy, Submission("annual", person, (page,), {}))
    email = next(f for f in result.findings if f.item_id == "acct-no-official-email")
    assert (email.status, email.params["domain"]) == (Status.FAIL, "haiphong.vn")


def test_a_profile_naming_an_unknown_code_is_refused(checklist_copy: Path) -> None:
    path = checklist_copy / "profiles.toml"
    text = path.read_text("utf-8").replace('sources = ["QN"]', 'sources = ["HP"]')
    path.write_text(text, "utf-8")
    with pytest.raises(PolicyError, match=r"item 'quang-ninh': field 'sources\[0\]': unknown"):
        load_policy(checklist_copy)


def test_a_profile_whose_programme_has_no_inventory_is_refused(checklist_copy: Path) -> None:
    path = checklist_copy / "items" / "programme.toml"
    old = 'group = "scope"\nprogrammes = ["onboarding", "annual", "predeployment"]'
    new = 'group = "scope"\nprogrammes = ["onboarding", "predeployment"]'
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    with pytest.raises(
        PolicyError, match=r"no item with the 'inventory' check is asked of '\w+' in 'annual'"
    ):
        load_policy(checklist_copy)


def test_every_category_a_profile_covers_gets_an_inventory(checklist_copy: Path) -> None:
    path = checklist_copy / "items" / "programme.toml"
    old = 'id = "prog-inventory-complete"\nkind = "programme"\n'
    new = old + 'categories = ["official"]\n'
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    with pytest.raises(PolicyError, match="asked of 'public_employee'"):
        load_policy(checklist_copy)


def test_the_examples_answer_only_what_their_person_is_asked(policy: Policy) -> None:
    from desktop.core.assessment.answers import load_answers
    from tests.conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.toml")):
        sub = load_answers(path, policy)
        profile = policy.profiles[sub.person.profile]
        asked = {i.id for i in policy.items_for(sub.programme, sub.person.category, profile)}
        assert set(sub.answers) <= asked, (path.name, set(sub.answers) - asked)
        for acct in sub.accounts:
            own = policy.account_items(
                sub.programme, sub.person.category, profile, acct.kind, acct.platform
            )
            extra = set(acct.answers) - {i.id for i in own}
            assert not extra, (path.name, acct.id, extra)


def test_the_command_line_tells_an_empty_list_and_telegram_s_notice(
    policy: Policy, qn_person: Person
) -> None:
    declared = assess(
        policy, Submission("annual", qn_person, (), {"prog-inventory-complete": "none-held"})
    )
    out = io.StringIO()
    print_assessment(declared, "vi", out)
    assert "xác nhận không có tài khoản mạng xã hội nào" in out.getvalue()
    telegram = assess(policy, Submission("annual", qn_person, (account(platform="telegram"),), {}))
    out = io.StringIO()
    print_assessment(telegram, "en", out)
    assert "block Telegram" in out.getvalue()
