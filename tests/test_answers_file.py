"""The answers file: the examples parse; malformed or dangerous files are refused by name."""

import io
import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.commands.assessing import findings_json, print_assessment
from desktop.core.assessment.answers import dump_answers, load_answers, parse_answers
from desktop.core.assessment.engine import assess
from desktop.core.base.errors import AnswersError
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.model import Policy
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_each_programme_has_a_realistic_example(policy: Policy, programme: str) -> None:
    submission = load_answers(EXAMPLES / f"{programme}.toml", policy)
    assert submission.programme == programme
    assert submission.accounts and submission.answers


def test_example_fields_are_read(policy: Policy) -> None:
    submission = load_answers(EXAMPLES / "predeployment.toml", policy)
    person = submission.person
    assert person.full_name == "Lê Đức Minh"
    assert person.category == Category.MISSION_MEMBER
    assert person.departure_date == date(2027, 1, 15)
    telegram = submission.accounts[1]
    assert (telegram.platform, telegram.kind, telegram.phone) == (
        "telegram",
        AccountKind.PERSONAL,
        "+33 6 12 34 56 78",
    )


@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_dump_then_parse_gives_the_same_submission(policy: Policy, programme: str) -> None:
    original = load_answers(EXAMPLES / f"{programme}.toml", policy)
    again = parse_answers(dump_answers(original, saved_at="2026-11-22T10:00:00Z"), "draft", policy)
    assert again == original


def _example() -> dict[str, Any]:
    return tomllib.loads((EXAMPLES / "annual.toml").read_text("utf-8"))


def _error(policy: Policy, doc: object, name: str = "answers.json") -> str:
    raw = doc if isinstance(doc, bytes) else json.dumps(doc, ensure_ascii=False).encode()
    with pytest.raises(AnswersError) as caught:
        parse_answers(raw, name, policy)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(name)
    return message


def test_a_password_field_is_refused_wherever_it_is(policy: Policy) -> None:
    doc = _example()
    doc["accounts"][0]["password"] = "hunter2"
    assert _error(policy, doc) == (
        "answers.json: field 'password': must never hold a password or other secret; remove it"
    )
    doc = _example()
    doc["person"]["mật_khẩu"] = "x"
    assert "field 'mật_khẩu': must never hold a password" in _error(policy, doc)


def test_duplicate_keys_are_refused(policy: Policy) -> None:
    raw = b'{"format": "selfcheck-answers", "format": "selfcheck-answers"}'
    assert _error(policy, raw) == "answers.json: field 'format': appears twice"


# An answers file changed for the worse, and the words its refusal must have.
MALFORMED_ANSWERS = [
    (lambda d: d.update(version=2), "field 'version': is 2: written by a newer SelfCheck"),
    (
        lambda d: d.update(programme="yearly"),
        "field 'programme': must be one of onboarding, annual, predeployment",
    ),
    (lambda d: d["person"].pop("full_name"), "field 'person.full_name': is missing"),
    (lambda d: d["person"].update(category="boss"), "field 'person.category': must be one of"),
    (
        lambda d: d["person"].update(birth_year="1978"),
        "field 'person.birth_year': must be a whole number, got text",
    ),
    (
        lambda d: d["accounts"][0].update(platform="myspace"),
        "item 'fb': field 'platform': must be one of facebook, zalo",
    ),
    (lambda d: d["accounts"][1].update(id="fb"), "item 'fb': field 'id': duplicate account id"),
    (lambda d: d["accounts"][0].update(kind="page"), "item 'fb': field 'kind': must be one of"),
    (
        lambda d: d["accounts"][0].update(recovery_confirmed="yes"),
        "item 'fb': field 'recovery_confirmed': must be true or false, got text",
    ),
    (
        lambda d: d["accounts"][0]["answers"].update({"acct-two-factor": "carrier-pigeon"}),
        "item 'fb': field 'answers.acct-two-factor': must be one of authenticator_app, "
        "cloud_password",
    ),
    (
        lambda d: d["accounts"][0]["answers"].update({"acct-login-alert": "on"}),
        "field 'answers.acct-login-alert': unknown item id 'acct-login-alert'",
    ),
    (
        lambda d: d["answers"].update({"acct-two-factor": "sms"}),
        "field 'answers.acct-two-factor': belongs inside an account (account item)",
    ),
    (
        lambda d: d["accounts"][0]["answers"].update({"pledge-language": "affirm"}),
        "field 'answers.pledge-language': belongs at the top level (pledge item)",
    ),
    (lambda d: d.update(colour="red"), "field 'colour': is not a known field"),
    (
        lambda d: d.update(accounts={}),
        "field 'accounts': must be a list of tables, got a table",
    ),
]


@pytest.mark.parametrize(("change", "expected"), MALFORMED_ANSWERS)
def test_malformed_answers_name_the_field(policy: Policy, change: Any, expected: str) -> None:
    doc = _example()
    change(doc)
    assert expected in _error(policy, doc)


def test_pre_deployment_needs_destination_and_departure(policy: Policy) -> None:
    doc = tomllib.loads((EXAMPLES / "predeployment.toml").read_text("utf-8"))
    doc["person"]["departure_date"] = doc["person"]["departure_date"].isoformat()
    doc["person"].pop("departure_date")
    assert "field 'person.departure_date': is missing" in _error(policy, doc)
    doc["person"]["departure_date"] = "15/01/2027"
    assert "must be a date as YYYY-MM-DD" in _error(policy, doc)


# Bytes that are no answers file at all, and the words their refusal must have.
UNREADABLE_ANSWERS = [
    (b"\xff\xfe{}", "is not UTF-8 text"),
    (b"{", "is not valid JSON"),
    (b"[1, 2]", "must be a table, got a list"),
    (b'{"version": NaN}', "is not valid JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b" " * (1024 * 1024 + 1), "is larger than"),
]


@pytest.mark.parametrize(("raw", "expected"), UNREADABLE_ANSWERS)
def test_unreadable_files_are_refused_in_one_line(
    policy: Policy, raw: bytes, expected: str
) -> None:
    assert expected in _error(policy, raw)


def test_missing_file_is_an_os_error(policy: Policy, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_answers(tmp_path / "none.json", policy)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=12), children, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_any_json_value_is_either_accepted_or_refused_cleanly(policy: Policy, doc: Any) -> None:
    raw = json.dumps(doc).encode()
    try:
        parse_answers(raw, "fuzz.json", policy)
    except AnswersError as exc:
        assert str(exc).startswith("fuzz.json")


def test_rejected_values_are_never_quoted(policy: Policy) -> None:
    """A value in the wrong place may be a password pasted by mistake: never echo it."""
    secret = "Mật-khẩu-thật-9f2c"
    doc = _example()
    doc["accounts"][0]["answers"]["acct-password-strength"] = secret
    doc2 = _example()
    doc2["person"]["category"] = secret
    doc3 = _example()
    doc3["person"]["staff_id"] = secret + "/.."
    doc4 = _example()
    doc4["person"]["birth_year"] = 90219021
    for bad in (doc, doc2, doc3, doc4):
        message = _error(policy, bad)
        assert "9f2c" not in message and "9021" not in message


@pytest.mark.parametrize("staff_id", ["../../etc", "a/b", ".hidden", "Nguyễn", "x" * 41])
def test_staff_id_cannot_become_a_path(policy: Policy, staff_id: str) -> None:
    doc = _example()
    doc["person"]["staff_id"] = staff_id
    assert "field 'person.staff_id'" in _error(policy, doc)


def test_lone_surrogates_are_refused(policy: Policy) -> None:
    raw = json.dumps(_example()).replace('"an.nguyenvan.78"', '"\\ud800x"')
    assert "item 'fb': field 'handle': is not valid Unicode text" in _error(policy, raw.encode())
    raw = json.dumps(_example()).replace('"answers": {"prog', '"\\udfff": 1, "answers": {"prog')
    assert "not valid Unicode text" in _error(policy, raw.encode())


def test_an_endless_file_is_never_read(policy: Policy) -> None:
    with pytest.raises(AnswersError, match="/dev/zero: is not a regular file"):
        load_answers(Path("/dev/zero"), policy)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_example_is_accepted_or_refused_cleanly(
    policy: Policy, data: st.DataObject
) -> None:
    doc = _example()
    account = doc["accounts"][data.draw(st.integers(0, len(doc["accounts"]) - 1))]
    key = data.draw(st.sampled_from(sorted(account)))
    anything = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400)
    account[key] = data.draw(st.none() | st.booleans() | st.integers() | anything)
    try:
        submission = parse_answers(json.dumps(doc).encode(), "fuzz.json", policy)
    except AnswersError as exc:
        assert str(exc).startswith("fuzz.json")
    else:
        assert parse_answers(dump_answers(submission), "again", policy) == submission
        # Whatever was accepted can be assessed and printed without an error.
        result = assess(policy, submission)
        print_assessment(result, "vi", io.StringIO())
        findings_json(result).decode("utf-8")


def test_toml_answers_refuse_secrets_and_bad_syntax(policy: Policy, tmp_path: Path) -> None:
    text = (EXAMPLES / "annual.toml").read_text("utf-8")
    leaky = tmp_path / "leaky.toml"
    leaky.write_text(
        text.replace('handle = "an.nguyenvan.78"', 'handle = "an.nguyenvan.78"\nmat_khau = "x"'),
        "utf-8",
    )
    with pytest.raises(AnswersError, match="field 'mat_khau': must never hold a password"):
        load_answers(leaky, policy)
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace("version = 1", "version = "), "utf-8")
    with pytest.raises(AnswersError, match=r"broken.toml: is not valid TOML: .*line"):
        load_answers(broken, policy)


def test_toml_and_json_forms_read_the_same(policy: Policy, tmp_path: Path) -> None:
    from_toml = load_answers(EXAMPLES / "predeployment.toml", policy)
    as_json = tmp_path / "draft.json"
    as_json.write_bytes(dump_answers(from_toml))
    assert load_answers(as_json, policy) == from_toml


def test_not_applicable_items_carry_their_reason(policy: Policy) -> None:
    doc = _example()
    doc["accounts"][1]["answers"].pop("acct-comment-moderation")
    doc["accounts"][1]["not_applicable"] = {
        "acct-comment-moderation": "Trang chỉ đăng tin, tắt bình luận"
    }
    doc["answers"].pop("prog-training")
    doc["not_applicable"] = {"prog-training": "Mới chuyển công tác, chưa có lớp"}
    submission = parse_answers(json.dumps(doc).encode(), "draft.json", policy)
    assert submission.accounts[1].not_applicable == {
        "acct-comment-moderation": "Trang chỉ đăng tin, tắt bình luận"
    }
    assert parse_answers(dump_answers(submission), "again", policy) == submission
    result = assess(policy, submission)
    f = next(f for f in result.findings if f.item_id == "prog-training")
    assert (f.status.value, f.evidence.value, f.params["reason"]) == (
        "na",
        "declared",
        "Mới chuyển công tác, chưa có lớp",
    )
    doc["not_applicable"] = {"acct-two-factor": "x"}
    assert "belongs inside an account" in _error(policy, doc)


def test_the_wizard_tells_missing_from_wrong_by_the_error_kind_not_its_words(
    policy: Policy,
) -> None:
    from desktop.core.assessment.answers import person_problems
    from desktop.core.base.errors import Flaw

    person = {"staff_id": "not a staff id!", "category": "official", "birth_year": 1800}
    problems = person_problems(person, "annual", policy)
    # The profile's message is a whole instruction ("is missing: add profile = …").
    assert problems["profile"] == problems["full_name"] == "missing"
    assert problems["staff_id"] == problems["birth_year"] == "invalid"
    doc = _example()
    del doc["person"]["profile"]
    with pytest.raises(AnswersError) as caught:
        parse_answers(json.dumps(doc).encode(), "answers.json", policy)
    assert caught.value.flaw is Flaw.MISSING and caught.value.message.startswith("is missing:")
    doc["person"]["profile"] = "no-such-agency"
    with pytest.raises(AnswersError) as caught:
        parse_answers(json.dumps(doc).encode(), "answers.json", policy)
    assert caught.value.flaw is Flaw.INVALID
