"""The answers file: a person, their accounts and their answers, as JSON.

The same format is used for drafts and for `selfcheck assess`. It never holds a password:
a field that looks like one is refused. Parsing is defensive (size, depth, duplicate keys,
types) and every error names the file and the field.
"""

import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.assessment.answers_json import MAX_BYTES, NO_SECRET
from desktop.core.assessment.answers_json import SECRET_KEY as SECRET_KEY  # for the tests
from desktop.core.assessment.answers_json import parse_json as parse_json  # for carry
from desktop.core.assessment.people import Account, Person, Submission
from desktop.core.base import field_words, os_reasons, reading
from desktop.core.base.errors import AnswersError, Flaw
from desktop.core.base.fields import STAFF_ID, Fields
from desktop.core.base.fields import parse_toml as read_toml
from desktop.core.base.i18n import LANGUAGES, Language, Text
from desktop.core.base.text import fold
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.checks import INTERPRETED_CHOICES, CheckName
from desktop.core.policy.model import Item, ItemKind, Policy

FORMAT = "selfcheck-answers"
VERSION = 1
MAX_ACCOUNTS = 200
ACCOUNT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")


def load_answers(path: Path, policy: Policy) -> Submission:
    """Read an answers file: TOML (`.toml`, easiest to write by hand) or JSON (drafts)."""
    path = Path(path)
    try:
        raw = reading.read_bounded(path, MAX_BYTES, follow=True)
    except reading.RefusedFileError as exc:  # a FIFO, a device, a file of gigabytes
        raise AnswersError(path, os_reasons.reason(exc)) from None
    if path.suffix.lower() == ".toml":
        return submission_from(parse_toml(raw, str(path)), str(path), policy)
    return parse_answers(raw, str(path), policy)


def parse_toml(raw: bytes, name: str) -> Any:
    data = read_toml(raw, name, AnswersError, MAX_BYTES)
    _refuse_secret_keys(data, name)
    return data


def _refuse_secret_keys(value: Any, name: str) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if SECRET_KEY.fullmatch(fold(key)):
                raise AnswersError(name, NO_SECRET, field=key)
            _refuse_secret_keys(inner, name)
    elif isinstance(value, list):
        for inner in value:
            _refuse_secret_keys(inner, name)


def parse_answers(raw: bytes, name: str | Text, policy: Policy) -> Submission:
    """Parse the JSON form (drafts, and answers files named *.json)."""
    return submission_from(parse_json(raw, name), name, policy)


def submission_from(data: Any, name: str | Text, policy: Policy) -> Submission:
    """The submission in `data`; `name` is the file's, or a draft's in words."""
    doc = Fields(data, file=name, error=AnswersError, echo=False)
    if doc.required("format") != FORMAT:
        raise doc.fail("format", Text(f"phải là '{FORMAT}'", f"must be '{FORMAT}'"))
    version = doc.integer("version", low=1, high=1_000_000)
    assert version is not None
    if version > VERSION:
        raise doc.fail(
            "version",
            Text(
                f"là {version}: được lập bằng phiên bản SelfCheck mới hơn; anh/chị hãy cập "
                "nhật ứng dụng",
                f"is {version}: written by a newer SelfCheck; please update",
            ),
        )
    doc.string("saved_at", optional=True, max_length=40)  # drafts record when; not used here
    doc.string("step", optional=True, max_length=80)  # drafts record the page they stopped on
    doc.raw("carried")  # drafts record what was carried over (assessment.carryover); unused
    programme = doc.required("programme")
    if programme not in policy.programmes:
        raise doc.fail("programme", field_words.one_of(", ".join(policy.programmes)))
    language = doc.string("language", optional=True) or "vi"
    if language not in LANGUAGES:
        raise doc.fail("language", field_words.one_of(", ".join(LANGUAGES)))
    person_fields = doc.table("person")
    assert person_fields is not None
    person = _person(person_fields, programme, policy)
    account_tables = doc.tables("accounts")
    if len(account_tables) > MAX_ACCOUNTS:
        raise doc.fail(
            "accounts",
            Text(f"có hơn {MAX_ACCOUNTS} tài khoản", f"has more than {MAX_ACCOUNTS} accounts"),
        )
    accounts: list[Account] = []
    for table in account_tables:
        account = _account(table, policy)
        if any(a.id == account.id for a in accounts):
            raise table.fail(
                "id",
                Text(
                    f"mã tài khoản '{account.id}' bị trùng",
                    f"duplicate account id '{account.id}'",
                ),
            )
        accounts.append(account)
    answers = _answers(doc, "answers", policy, account_item=False)
    not_applicable = _not_applicable(doc, policy, account_item=False)
    doc.done()
    lang: Language = "en" if language == "en" else "vi"
    return Submission(programme, person, tuple(accounts), answers, lang, not_applicable)


def _person_readers(programme: str, policy: Policy) -> dict[str, Callable[[Fields], Any]]:
    """How each person field is read: one rule for files, drafts and the wizard's fields."""
    abroad = programme == "predeployment"
    return {
        "full_name": lambda t: t.required("full_name", max_length=200),
        "staff_id": lambda t: t.required("staff_id", pattern=STAFF_ID),
        "unit": lambda t: t.required("unit", max_length=300),
        "position": lambda t: t.required("position", max_length=200),
        "profile": lambda t: _profile(t, programme, policy),
        "category": lambda t: t.required_enum("category", Category),
        "birth_year": lambda t: t.integer("birth_year", low=1900, high=2100, optional=True),
        "destination": lambda t: t.string("destination", optional=not abroad, max_length=200),
        "mission": lambda t: t.string("mission", optional=True, max_length=300),
        "departure_date": lambda t: t.iso_date("departure_date", optional=not abroad),
    }


def _profile(t: Fields, programme: str, policy: Policy) -> str:
    """The agency profile: never guessed, since it decides which code applies."""
    choices = ", ".join(f'"{p}"' for p in policy.profiles)
    if t.raw("profile") is None:
        raise t.fail(
            "profile",
            Text(
                f"còn thiếu: anh/chị hãy ghi một trong các giá trị {choices} (quy tắc áp dụng "
                "của cơ quan anh/chị; xem docs/answers-format.md)",
                f"is missing: add profile = one of {choices} to the person "
                "(the agency whose code applies; docs/answers-format.md)",
            ),
            Flaw.MISSING,
        )
    profile_id = t.required("profile", max_length=64)
    profile = policy.profiles.get(profile_id)
    if profile is None:
        raise t.fail("profile", field_words.one_of(choices))
    if programme in policy.programmes and programme not in profile.programmes:
        offered = ", ".join(profile.programmes)
        raise t.fail(
            "profile",
            Text(
                f"quy tắc áp dụng '{profile_id}' không có chương trình '{programme}' (chỉ có: "
                f"{offered})",
                f"'{profile_id}' does not run the {programme} programme ({offered})",
            ),
        )
    return profile_id


def _category_problem(
    profile_id: object, category: object, programme: str, policy: Policy
) -> Text | None:
    """Why a category does not fit the person's code or programme; None when it does."""
    profile = policy.profiles.get(str(profile_id))
    try:
        chosen = Category(str(category))
    except ValueError:
        return None  # reported as the field's own problem
    if profile is not None and chosen not in profile.categories:
        allowed = ", ".join(c.value for c in profile.categories)
        return Text(
            f"không thuộc phạm vi của quy tắc '{profile.id}' (phạm vi: {allowed})",
            f"is not covered by the '{profile.id}' code (covered: {allowed})",
        )
    target = policy.programmes.get(programme)
    if target is not None and not target.admits(chosen):
        allowed = ", ".join(c.value for c in Category if target.admits(c))
        return Text(
            f"chương trình '{programme}' chỉ dành cho: {allowed}",
            f"the {programme} programme is for: {allowed}",
        )
    return None


def _person(t: Fields, programme: str, policy: Policy) -> Person:
    values = {name: read(t) for name, read in _person_readers(programme, policy).items()}
    t.done()
    person = Person(**values)
    problem = _category_problem(person.profile, person.category, programme, policy)
    if problem is not None:
        raise t.fail("category", problem)
    return person


def person_problems(
    person: Mapping[str, Any], programme: str, policy: Policy, today: date | None = None
) -> dict[str, str]:
    """Field name -> what is wrong with it ("missing" or "invalid"), for the wizard's page.

    Given `today`, a departure date before it is "past": a check before a posting is made
    before leaving (an answers file, or a summary, may record an old one)."""
    problems: dict[str, str] = {}
    for name, read in _person_readers(programme, policy).items():
        value = person.get(name)
        data = {} if value is None or value == "" else {name: value}
        try:
            read(Fields(data, file="", error=AnswersError, echo=False))
        except AnswersError as exc:
            problems[name] = "missing" if exc.flaw is Flaw.MISSING else "invalid"
    already = "category" in problems or "profile" in problems
    if (
        not already
        and _category_problem(person.get("profile"), person.get("category"), programme, policy)
        is not None
    ):
        problems["category"] = "not-covered"
    departure = person.get("departure_date")
    if today is not None and "departure_date" not in problems and isinstance(departure, str):
        try:
            if date.fromisoformat(departure) < today:
                problems["departure_date"] = "past"
        except ValueError:  # not reached: read above as a date
            problems["departure_date"] = "invalid"
    return problems


def _account(t: Fields, policy: Policy) -> Account:
    account_id = t.required("id", pattern=ACCOUNT_ID)
    t.with_item(account_id)
    platform = t.required("platform")
    if platform not in policy.platforms:
        raise t.fail("platform", field_words.one_of(", ".join(policy.platforms)))
    kind = t.required_enum("kind", AccountKind)
    account = Account(
        id=account_id,
        platform=platform,
        kind=kind,
        handle=t.required("handle", max_length=300),
        display_name=t.string("display_name", optional=True, max_length=300),
        registration_email=t.string("registration_email", optional=True, max_length=320),
        recovery_email=t.string("recovery_email", optional=True, max_length=320),
        phone=t.string("phone", optional=True, max_length=40),
        recovery_confirmed=t.boolean("recovery_confirmed", optional=True),
        office_phone_on_profile=t.boolean("office_phone_on_profile", optional=True),
        office_address_on_profile=t.boolean("office_address_on_profile", optional=True),
        official_logo_on_profile=t.boolean("official_logo_on_profile", optional=True),
        answers=_answers(t, "answers", policy, account_item=True),
        not_applicable=_not_applicable(t, policy, account_item=True),
    )
    t.done()
    return account


def _answers(t: Fields, key: str, policy: Policy, *, account_item: bool) -> Mapping[str, str]:
    table = t.table(key, optional=True)
    if table is None:
        return {}
    out: dict[str, str] = {}
    for item_id in list(table.data):
        item = _item_in_place(table, item_id, policy, account_item)
        choice = table.required(item_id, max_length=64)
        known = [c.id for c in item.answer.choices]
        if item.answer.check is not None and item.answer.check in INTERPRETED_CHOICES:
            known = sorted(INTERPRETED_CHOICES[CheckName(item.answer.check)] & set(known))
        if choice not in known:
            # The rejected value is not quoted: it could be a password pasted by mistake.
            raise table.fail(item_id, _one_of_choices(known))
        out[item_id] = choice
    table.done()
    return out


def _one_of_choices(known: list[str]) -> Text:
    if known:
        return field_words.one_of(", ".join(known))
    return Text("không nhận câu trả lời nào (mục này được đo)", "must be one of nothing (measured)")


def _item_in_place(table: Fields, item_id: str, policy: Policy, account_item: bool) -> Item:
    """The item `item_id` names, refused when unknown or answered in the wrong place."""
    item = policy.items.get(item_id)
    if item is None:
        raise table.fail(
            item_id, Text(f"không có mục nào mang mã '{item_id}'", f"unknown item id '{item_id}'")
        )
    if (item.kind == ItemKind.ACCOUNT) != account_item:
        inside = item.kind == ItemKind.ACCOUNT
        where = "inside an account" if inside else "at the top level"
        there = "trong một tài khoản" if inside else "ở ngoài, không thuộc tài khoản nào"
        kind = item.kind.value
        raise table.fail(
            item_id,
            Text(
                f"phải được trả lời {there} (mục loại '{kind}')", f"belongs {where} ({kind} item)"
            ),
        )
    return item


def _not_applicable(t: Fields, policy: Policy, *, account_item: bool) -> Mapping[str, str]:
    """Items the person marked "not applicable", each with the reason they gave."""
    table = t.table("not_applicable", optional=True)
    if table is None:
        return {}
    out: dict[str, str] = {}
    for item_id in list(table.data):
        _item_in_place(table, item_id, policy, account_item)
        out[item_id] = table.required(item_id, max_length=2000)
    table.done()
    return out


def dump_answers(submission: Submission, saved_at: str | None = None) -> bytes:
    """Serialise a submission in the answers format (what drafts are saved as)."""
    person = submission.person
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "programme": submission.programme,
        "language": submission.language,
        "person": _without_none(
            {
                "full_name": person.full_name,
                "staff_id": person.staff_id,
                "unit": person.unit,
                "position": person.position,
                "category": person.category.value,
                "profile": person.profile,
                "birth_year": person.birth_year,
                "destination": person.destination,
                "mission": person.mission,
                "departure_date": person.departure_date.isoformat()
                if person.departure_date
                else None,
            }
        ),
        "accounts": [
            _without_none(
                {
                    "id": a.id,
                    "platform": a.platform,
                    "kind": a.kind.value,
                    "handle": a.handle,
                    "display_name": a.display_name,
                    "registration_email": a.registration_email,
                    "recovery_email": a.recovery_email,
                    "phone": a.phone,
                    "recovery_confirmed": a.recovery_confirmed,
                    "office_phone_on_profile": a.office_phone_on_profile,
                    "office_address_on_profile": a.office_address_on_profile,
                    "official_logo_on_profile": a.official_logo_on_profile,
                    "answers": dict(a.answers),
                    "not_applicable": dict(a.not_applicable) or None,
                }
            )
            for a in submission.accounts
        ],
        "answers": dict(submission.answers),
    }
    if submission.not_applicable:
        doc["not_applicable"] = dict(submission.not_applicable)
    if saved_at is not None:
        doc["saved_at"] = saved_at
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}
