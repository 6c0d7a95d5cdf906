"""Loading the checklists: the shipped ones are complete; broken ones are named precisely."""

import re
from pathlib import Path

import pytest

from desktop.core.base.errors import PolicyError
from desktop.core.policy.coverage import coverage
from desktop.core.policy.loader import load_policy
from desktop.core.policy.model import COVERED_KINDS, GuideTopic, ItemKind, Policy

# The catalogue's ids and kinds, extracted from the team's PROVISIONS.md (see the file).
CATALOGUE = Path(__file__).resolve().parent / "data" / "provision-kinds.txt"
PLATFORMS = [
    "facebook",
    "zalo",
    "tiktok",
    "youtube",
    "x",
    "linkedin",
    "instagram",
    "telegram",
    "other",
]


def test_shipped_checklists_cover_every_required_provision(policy: Policy) -> None:
    missing = [row.provision.id for row in coverage(policy) if row.missing]
    assert missing == []
    assert {p.kind for p in policy.provisions.values()} >= COVERED_KINDS


def test_every_provision_of_the_catalogue_is_loaded_with_its_kind(policy: Policy) -> None:
    lines = CATALOGUE.read_text("utf-8").splitlines()
    rows = [tuple(line.split()) for line in lines if line and not line.startswith("#")]
    assert len(rows) > 50
    assert [(p.id, p.kind.value) for p in policy.provisions.values()] == rows


def test_provisions_carry_vietnamese_original_and_english_gloss(policy: Policy) -> None:
    basis = policy.provisions["BNG-5.6"]
    assert "logo, địa chỉ, điện thoại và thư điện tử có tên miền chính thức" in basis.original
    assert "logo" in basis.gloss and "e-mail" in basis.gloss.lower()


def test_platform_catalogue_has_a_guide_for_every_topic(policy: Policy) -> None:
    assert list(policy.platforms) == PLATFORMS
    for platform in policy.platforms.values():
        for topic in GuideTopic:
            steps = platform.guides[topic]
            assert steps.vi and len(steps.vi) == len(steps.en), (platform.id, topic)


def test_three_programmes_with_due_rules(policy: Policy) -> None:
    assert list(policy.programmes) == ["onboarding", "annual", "predeployment"]
    assert policy.programmes["annual"].due.months == 12
    for programme in policy.programmes:
        kinds = {i.kind for i in policy.items.values() if programme in i.programmes}
        assert kinds == set(ItemKind), programme


def test_official_domains_include_gov_vn(policy: Policy) -> None:
    assert "gov.vn" in policy.domains.suffixes


def test_agency_can_extend_official_domains(checklist_copy: Path) -> None:
    (checklist_copy / "agency.toml").write_text(
        '[meta]\nid = "agency"\nversion = "1"\n'
        '[official_domains]\ndomains = ["Example-Agency.vn"]\n',
        "utf-8",
    )
    policy = load_policy(checklist_copy)
    assert "example-agency.vn" in policy.domains.domains
    assert "gov.vn" in policy.domains.suffixes


def test_files_are_identified_by_id_version_and_hash(policy: Policy) -> None:
    ids = [f.id for f in policy.files]
    assert len(ids) == len(set(ids))
    for f in policy.files:
        assert re.fullmatch(r"[0-9a-f]{64}", f.sha256) and f.version


# -- malformed checklists --------------------------------------------------------------------

ACCOUNTS = "items/accounts.toml"


def _edit(root: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def _error(root: Path) -> str:
    with pytest.raises(PolicyError) as caught:
        load_policy(root)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_missing_field_names_file_item_and_field(checklist_copy: Path) -> None:
    path = _edit(
        checklist_copy,
        ACCOUNTS,
        'severity = "high"\n# BNG forbids',
        "# BNG forbids",
    )
    assert _error(checklist_copy) == (
        f"{path}: item 'acct-no-official-email': field 'severity': is missing"
    )


def test_unknown_provision_id_is_named(checklist_copy: Path) -> None:
    path = _edit(
        checklist_copy,
        ACCOUNTS,
        'provisions = ["BNG-5.6", "QN-II.2.a"]',
        'provisions = ["BNG-9.9"]',
    )
    assert _error(checklist_copy) == (
        f"{path}: item 'acct-no-official-email': field 'provisions[0]': "
        "unknown provision id 'BNG-9.9'"
    )


def test_duplicate_item_id_names_both_files(checklist_copy: Path) -> None:
    path = _edit(
        checklist_copy, "items/programme.toml", 'id = "prog-training"', 'id = "acct-real-name"'
    )
    message = _error(checklist_copy)
    assert message.startswith(f"{path}: item 'acct-real-name': field 'id': duplicate item id")
    assert "accounts.toml" in message


def test_duplicate_item_id_within_a_file(checklist_copy: Path) -> None:
    _edit(checklist_copy, ACCOUNTS, 'id = "acct-page-real-name"', 'id = "acct-real-name"')
    assert "duplicate item id 'acct-real-name'" in _error(checklist_copy)


# An edit of items/accounts.toml that breaks it, and the words its refusal must have.
MALFORMED_ITEMS = [
    (
        'severity = "critical"',
        'severity = "urgent"',
        "item 'acct-two-factor': field 'severity': must be one of critical, high, medium, low",
    ),
    ('guide = "two_factor"', 'guide = "two-factor"', "field 'guide': must be one of"),
    (
        'programmes = ["onboarding", "annual", "predeployment"]\naccount_kinds = ["personal"]'
        '\nseverity = "high"\n# Decree',
        'programmes = ["abroad"]\naccount_kinds = ["personal"]\nseverity = "high"\n# Decree',
        "item 'acct-vietnamese-number': field 'programmes': unknown programme id 'abroad'",
    ),
    ('check = "real_name"', 'check = "realname"', "field 'answer.check': must be one of"),
    (
        'id = "security_key"\n',
        'id = "security_key"\nstatus = "pass"\n',
        "field 'answer.choice[0].status': is decided by the 'two_factor' check",
    ),
    ('id = "passkey"', 'id = "fingerprint"', "field 'answer.choice[1].id': must be one of"),
    (
        'account_kinds = ["personal"]',
        'account_kinds = ["private"]',
        "field 'account_kinds[0]': must be one of personal, official_page",
    ),
    (
        'account_kinds = ["personal"]',
        'account_kinds = "personal"',
        "field 'account_kinds': must be a list, got text",
    ),
    ('severity = "medium"', "severity = 3", "field 'severity': must be text, got a number"),
    (
        'group = "identity"',
        'group = "identity"\ncolour = "red"',
        "item 'acct-real-name': field 'colour': is not a known field",
    ),
    ('id = "other-name"', 'id = "real-name"', "duplicate choice id 'real-name'"),
    (
        'group = "identity"',
        'group = "identiy"',
        "item 'acct-real-name': field 'group': unknown group id 'identiy'",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), MALFORMED_ITEMS)
def test_malformed_item_fields_are_named(
    checklist_copy: Path, old: str, new: str, expected: str
) -> None:
    _edit(checklist_copy, ACCOUNTS, old, new)
    message = _error(checklist_copy)
    assert message.startswith(str(checklist_copy / ACCOUNTS))
    assert expected in message


def test_check_on_a_pledge_is_refused(checklist_copy: Path) -> None:
    _edit(
        checklist_copy,
        "items/pledges.toml",
        "[item.answer]\n",
        '[item.answer]\ncheck = "real_name"\n',
    )
    assert (
        "item 'pledge-language': field 'answer.check': the 'real_name' check only applies to "
        "account items" in _error(checklist_copy)
    )


def test_account_fields_on_a_pledge_are_refused(checklist_copy: Path) -> None:
    _edit(
        checklist_copy,
        "items/pledges.toml",
        'kind = "pledge"\n',
        'kind = "pledge"\nplatforms = ["facebook"]\n',
    )
    assert "field 'platforms': only applies to account items" in _error(checklist_copy)


def test_unequal_vietnamese_and_english_steps(checklist_copy: Path) -> None:
    _edit(
        checklist_copy,
        ACCOUNTS,
        'fix.en = ["Change the account\'s e-mail to a personal address you control.", ',
        "fix.en = [",
    )
    assert (
        "item 'acct-no-official-email': field 'fix': has 2 Vietnamese and 1 English steps"
        in _error(checklist_copy)
    )


def test_missing_english_text(checklist_copy: Path) -> None:
    _edit(checklist_copy, "programmes.toml", ', en = "Onboarding new staff" }', " }")
    assert "item 'onboarding': field 'title.en': is missing" in _error(checklist_copy)


def test_platform_missing_a_guide_topic(checklist_copy: Path) -> None:
    _edit(
        checklist_copy,
        "platforms.toml",
        "[platform.guide.login_alerts]",
        "[platform.guide.login_alert]",
    )
    message = _error(checklist_copy)
    assert "item 'facebook'" in message and "field 'guide.login_alerts': is missing" in message


def test_invalid_toml_names_the_line(checklist_copy: Path) -> None:
    _edit(checklist_copy, ACCOUNTS, 'kind = "account"', 'kind = "account', 1)
    message = _error(checklist_copy)
    assert message.startswith(f"{checklist_copy / ACCOUNTS}: is not valid TOML")
    assert "line" in message


def test_non_utf8_file_is_refused(checklist_copy: Path) -> None:
    (checklist_copy / "latin1.toml").write_bytes(b'[meta]\nid = "x"\nversion = "H\xe0"\n')
    assert _error(checklist_copy).endswith("latin1.toml: is not UTF-8 text (byte 28)")


def test_unknown_top_level_table_is_refused(checklist_copy: Path) -> None:
    (checklist_copy / "extra.toml").write_text(
        '[meta]\nid = "extra"\nversion = "1"\n[[items]]\nid = "x"\n', "utf-8"
    )
    assert _error(checklist_copy).endswith("extra.toml: field 'items': is not a known field")


def test_missing_meta_is_refused(checklist_copy: Path) -> None:
    (checklist_copy / "nometa.toml").write_text('[official_domains]\nsuffixes = ["x.vn"]\n')
    assert _error(checklist_copy).endswith("nometa.toml: field 'meta': is missing")


def test_empty_or_missing_folder(tmp_path: Path) -> None:
    assert "holds no checklist files" in _error(tmp_path)
    assert "is not a folder of checklists" in _error(tmp_path / "nowhere")


def test_deeply_nested_toml_is_refused_cleanly(checklist_copy: Path) -> None:
    (checklist_copy / "deep.toml").write_text("x = " + "[" * 3000 + "]" * 3000 + "\n")
    assert _error(checklist_copy).endswith("deep.toml: is nested too deeply")
