"""Carry-over: a new declaration starts from the person's last signed one.

What the person declared last time (their answers document, as signed) fills a new draft:
the person, the profile, the accounts and their answers. Passwords are never carried (a
declined password's declaration neither): they are measured again. The pledges are not
filled in one by one but re-affirmed in one step (`reaffirm_pledges`), after the person has
seen what changed in them (`pledge_changes`). The draft keeps what was carried under
"carried", so the wizard can mark each item that is still as it was: "as in your last
declaration: confirm or change".

Qt-free; the records layer (desktop.core.records.carry) finds the last declaration.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.assessment.draft import Draft
from desktop.core.base.i18n import Language, Text
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.model import Item, ItemKind, Policy, Profile

CARRIED = "carried"  # the draft's key for what was carried over
PERSON_FIELDS = ("full_name", "staff_id", "unit", "position", "category", "profile", "birth_year")
OVERSEAS_FIELDS = ("destination", "mission")  # a departure date is never carried: it passed
ACCOUNT_FIELDS = (
    "platform",
    "kind",
    "handle",
    "display_name",
    "registration_email",
    "recovery_email",
    "phone",
    "recovery_confirmed",
)
# Older drafts recorded the office details a personal profile shows as three flags; they
# are carried over as the answer to the item that asks about them.
MARK_FLAGS = ("office_phone_on_profile", "office_address_on_profile", "official_logo_on_profile")
MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class Origin:
    """Which declaration a draft was carried over from."""

    seq: int
    issued_at: str  # as the summary records it (UTC)


def pledge_digests(policy: Policy, profile: Profile | None) -> dict[str, dict[str, Any]]:
    """Each pledge's wording as a digest (title, question, choices, cited provisions and
    their text) with its title: what a later declaration compares with."""
    out: dict[str, dict[str, Any]] = {}
    for item in policy.items.values():
        if item.kind != ItemKind.PLEDGE:
            continue
        cited = policy.cited(item, profile) if profile is not None else item.provisions
        wording = {
            "title": [item.title.vi, item.title.en],
            "question": [item.question.vi, item.question.en],
            "choices": [[c.id, c.label.vi, c.status] for c in item.answer.choices],
            "provisions": [[p, policy.provisions[p].original] for p in cited],
        }
        digest = hashlib.sha256(
            json.dumps(wording, ensure_ascii=False, sort_keys=True).encode()
        ).hexdigest()
        out[item.id] = {"digest": digest, "title": {"vi": item.title.vi, "en": item.title.en}}
    return out


@dataclass(frozen=True, slots=True)
class PledgeChanges:
    """What changed in the pledges asked now since the last declaration."""

    comparable: bool  # False: the wording then is not known; the pledges are to be read again
    new: tuple[Item, ...]  # asked now, not then
    changed: tuple[Item, ...]  # asked both times, worded differently (or other provisions)
    removed: tuple[Text, ...]  # asked then, not now: their titles

    @property
    def none(self) -> bool:
        return self.comparable and not (self.new or self.changed or self.removed)


def _choice_ok(item: Item | None, choice: object) -> bool:
    return (
        item is not None
        and isinstance(choice, str)
        and item.answer.choice(choice) is not None
        and not item.answer.measures_password  # passwords are measured again
    )


def _answers(policy: Policy, table: object, kind_wanted: bool) -> dict[str, str]:
    """The answers of `table` the current policy still knows, in the right place."""
    if not isinstance(table, Mapping):
        return {}
    out: dict[str, str] = {}
    for item_id, choice in table.items():
        item = policy.items.get(str(item_id))
        if (
            _choice_ok(item, choice)
            and (item is not None)
            and ((item.kind == ItemKind.ACCOUNT) == kind_wanted)
        ):
            out[str(item_id)] = str(choice)
    return out


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip() and len(value) <= MAX_TEXT:
        return value.strip()
    return None


def _person(policy: Policy, person: object, programme: str) -> dict[str, Any]:
    if not isinstance(person, Mapping):
        return {}
    out: dict[str, Any] = {}
    fields = PERSON_FIELDS + (OVERSEAS_FIELDS if programme == "predeployment" else ())
    for name in fields:
        value = person.get(name)
        if name == "birth_year":
            if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
                out[name] = value
            continue
        text = _text(value)
        if text is None:
            continue
        if name == "category" and text not in {c.value for c in Category}:
            continue
        if name == "profile" and text not in policy.profiles:
            continue
        out[name] = text
    return out


def _account(policy: Policy, account: object) -> dict[str, Any] | None:
    if not isinstance(account, Mapping):
        return None
    out: dict[str, Any] = {}
    for name in ACCOUNT_FIELDS:
        value = account.get(name)
        if name == "recovery_confirmed":
            if isinstance(value, bool):
                out[name] = value
            continue
        text = _text(value)
        if text is not None:
            out[name] = text
    if out.get("platform") not in policy.platforms or out.get("kind") not in {
        k.value for k in AccountKind
    }:
        return None
    answers = _answers(policy, account.get("answers"), kind_wanted=True)
    flags = [account.get(name) for name in MARK_FLAGS]
    if all(isinstance(f, bool) for f in flags):
        for item in policy.items.values():
            if item.answer.check == "official_marks":
                answers.setdefault(item.id, "some-shown" if any(flags) else "none-shown")
    out["answers"] = {k: v for k, v in answers.items() if _choice_ok(policy.items.get(k), v)}
    return out


def carry_over(
    policy: Policy,
    last: Mapping[str, Any],
    origin: Origin,
    *,
    programme: str,
    language: Language,
    pledges_then: Mapping[str, Any] | None,
) -> Draft:
    """A new draft for `programme`, filled in from `last` (the answers document of the last
    signed declaration, untrusted: anything the current policy does not know is left out).

    `pledges_then` is `pledge_digests` as it was at that declaration, or None when it is
    not known (the pledges are then to be read again)."""
    draft = Draft.new(programme, language)
    draft.person.update(_person(policy, last.get("person"), programme))
    accounts = last.get("accounts")
    carried_accounts: dict[str, Any] = {}
    for account in accounts if isinstance(accounts, list) else []:
        fields = _account(policy, account)
        if fields is None:
            continue
        answers = fields.pop("answers")
        account_id = draft.add_account(fields)
        draft.account(account_id)["answers"] = dict(answers)
        carried_accounts[account_id] = {**fields, "answers": dict(answers)}
    answers = _answers(policy, last.get("answers"), kind_wanted=False)
    pledges = {k: v for k, v in answers.items() if policy.items[k].kind == ItemKind.PLEDGE}
    others = {k: v for k, v in answers.items() if k not in pledges}
    draft.doc["answers"].update(others)
    draft.doc[CARRIED] = {
        "seq": origin.seq,
        "issued_at": origin.issued_at,
        "person": dict(draft.person),
        "accounts": carried_accounts,
        "answers": others,
        "pledges": pledges,
        "pledges_then": dict(pledges_then) if pledges_then is not None else None,
    }
    return draft


def _carried(draft: Draft) -> Mapping[str, Any]:
    table = draft.doc.get(CARRIED)
    return table if isinstance(table, Mapping) else {}


def origin(draft: Draft) -> Origin | None:
    """The declaration the draft was carried over from, or None."""
    table = _carried(draft)
    seq, issued_at = table.get("seq"), table.get("issued_at")
    if isinstance(seq, int) and isinstance(issued_at, str):
        return Origin(seq, issued_at)
    return None


def is_carried_answer(draft: Draft, item_id: str, account_id: str | None = None) -> bool:
    """Whether the item's answer is still the one carried over (shown "as in your last
    declaration: confirm or change")."""
    table = _carried(draft)
    source: object
    if account_id is None:  # pledges too, once re-affirmed
        answers, pledges = table.get("answers"), table.get("pledges")
        source = {
            **(answers if isinstance(answers, Mapping) else {}),
            **(pledges if isinstance(pledges, Mapping) else {}),
        }
    else:
        accounts = table.get("accounts")
        account = accounts.get(account_id) if isinstance(accounts, Mapping) else None
        source = account.get("answers") if isinstance(account, Mapping) else None
    if not isinstance(source, Mapping) or item_id not in source:
        return False
    return bool(draft.answer(item_id, account_id) == source[item_id])


def carried_person_fields(draft: Draft) -> list[str]:
    """The person's fields still as carried over."""
    person = _carried(draft).get("person")
    if not isinstance(person, Mapping):
        return []
    return [k for k, v in person.items() if draft.person.get(k) == v]


def carried_account_fields(draft: Draft, account_id: str) -> list[str]:
    """The account's details (not its answers) still as carried over."""
    accounts = _carried(draft).get("accounts")
    account = accounts.get(account_id) if isinstance(accounts, Mapping) else None
    if not isinstance(account, Mapping):
        return []
    current = next((a for a in draft.accounts if a.get("id") == account_id), None)
    if current is None:
        return []
    return [k for k, v in account.items() if k != "answers" and current.get(k) == v]


def carried_pledges(draft: Draft) -> Mapping[str, str]:
    pledges = _carried(draft).get("pledges")
    return pledges if isinstance(pledges, Mapping) else {}


def pledge_changes(
    policy: Policy, draft: Draft, asked: list[Item], profile: Profile | None
) -> PledgeChanges:
    """What changed in the pledges `asked` now since the declaration carried over."""
    then = _carried(draft).get("pledges_then")
    before = carried_pledges(draft)
    if not isinstance(then, Mapping):
        # The wording then is unknown: only which pledges are new can be told.
        new = tuple(i for i in asked if i.id not in before)
        return PledgeChanges(False, new, (), ())
    now = pledge_digests(policy, profile)
    asked_ids = {i.id for i in asked}
    new = tuple(i for i in asked if i.id not in then)
    changed = tuple(
        i
        for i in asked
        if i.id in then
        and isinstance(then[i.id], Mapping)
        and then[i.id].get("digest") != now[i.id]["digest"]
    )
    removed: list[Text] = []
    for item_id, entry in then.items():
        if item_id in asked_ids or item_id not in before or not isinstance(entry, Mapping):
            continue
        title = entry.get("title")
        if isinstance(title, Mapping):
            removed.append(Text(str(title.get("vi", item_id)), str(title.get("en", item_id))))
        else:
            removed.append(Text(str(item_id), str(item_id)))
    return PledgeChanges(True, new, changed, tuple(removed))


def reaffirm_pledges(draft: Draft, asked: list[Item]) -> list[str]:
    """Re-affirm, in one step, the pledges as they were answered last time: each pledge
    asked now and answered then gets that answer again. Returns the ids still to answer
    (new pledges, or answers the pledge no longer offers)."""
    before = carried_pledges(draft)
    left: list[str] = []
    for item in asked:
        choice = before.get(item.id)
        if isinstance(choice, str) and item.answer.choice(choice) is not None:
            draft.set_answer(item.id, choice)
        elif draft.answer(item.id) is None and draft.not_applicable(item.id) is None:
            left.append(item.id)
    return left
