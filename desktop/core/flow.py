"""The wizard's flow, without Qt: which pages there are, what each still needs, the draft.

Electrum-style: the GUI only attaches a widget to each step; what comes next, what is
missing and when a draft is saved is decided here and tested without a display. A draft is
an answers document (docs/answers-format.md) being filled in, saved as JSON.
"""

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.core.answers_file import FORMAT, VERSION, person_problems, submission_from
from desktop.core.assessment import Assessment, assess
from desktop.core.checks import CheckName
from desktop.core.checks.identity import NameMatch, match_real_name, official_domain
from desktop.core.checks.password import PasswordSession, min_length
from desktop.core.checks.twofactor import TwoFactorMethod
from desktop.core.errors import AnswersError
from desktop.core.i18n import Language
from desktop.core.model import Submission
from desktop.core.policy import ItemKind, Policy

OVERSEAS_FIELDS = ("destination", "mission", "departure_date")  # pre-deployment only


class StepKind(StrEnum):
    PROGRAMME = "programme"  # programme, privacy statement, language
    ABOUT = "about"  # the person
    ACCOUNTS = "accounts"  # the inventory
    ACCOUNT = "account"  # one page per account
    PLEDGES = "pledges"
    PROGRAMME_ITEMS = "programme-items"
    REVIEW = "review"
    SIGN = "sign"


@dataclass(frozen=True, slots=True)
class IdentityHints:
    """What the account page shows beside the details as they are typed. Both are None
    when there is nothing to say (an official page, or the field is empty)."""

    name: NameMatch | None
    official_domain: str | None  # the official domain of the registration e-mail
    email_checked: bool  # an address was given on a personal account


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    account_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.account_id}" if self.account_id else self.kind.value


class Draft:
    """An answers document in progress. Plain JSON-ready data, so it saves as it is."""

    def __init__(self, doc: dict[str, Any], draft_id: str | None = None) -> None:
        self.doc = doc
        self.id = draft_id or secrets.token_hex(6)

    @classmethod
    def new(cls, programme: str = "onboarding", language: Language = "vi") -> "Draft":
        return cls(
            {
                "format": FORMAT,
                "version": VERSION,
                "programme": programme,
                "language": language,
                "person": {},
                "accounts": [],
                "answers": {},
            }
        )

    @classmethod
    def load(cls, data: bytes, draft_id: str) -> "Draft":
        doc = json.loads(data)
        if not isinstance(doc, dict):
            raise AnswersError(f"draft {draft_id}", "is not an answers document")
        return cls(doc, draft_id)

    def dump(self) -> bytes:
        return json.dumps(self.doc, ensure_ascii=False, sort_keys=True, indent=1).encode()

    # -- the parts --------------------------------------------------------------------------

    @property
    def programme(self) -> str:
        return str(self.doc.get("programme", ""))

    @programme.setter
    def programme(self, value: str) -> None:
        self.doc["programme"] = value
        if value != "predeployment":
            # Hidden fields must not block a page nor be signed into another programme.
            for name in OVERSEAS_FIELDS:
                self.person.pop(name, None)

    @property
    def language(self) -> Language:
        return "en" if self.doc.get("language") == "en" else "vi"

    @language.setter
    def language(self, value: Language) -> None:
        self.doc["language"] = value

    @property
    def person(self) -> dict[str, Any]:
        person: dict[str, Any] = self.doc.setdefault("person", {})
        return person

    @property
    def accounts(self) -> list[dict[str, Any]]:
        accounts: list[dict[str, Any]] = self.doc.setdefault("accounts", [])
        return accounts

    def account(self, account_id: str) -> dict[str, Any]:
        return next(a for a in self.accounts if a.get("id") == account_id)

    def add_account(self, fields: Mapping[str, Any]) -> str:
        # Never the id of a removed account: its page, answers and measurements are gone.
        used = {a.get("id") for a in self.accounts}
        account_id = f"a{secrets.token_hex(3)}"
        while account_id in used:
            account_id = f"a{secrets.token_hex(3)}"
        self.accounts.append({**fields, "id": account_id, "answers": {}})
        return account_id

    def remove_account(self, account_id: str) -> None:
        self.doc["accounts"] = [a for a in self.accounts if a.get("id") != account_id]

    def _answers(self, account_id: str | None, key: str = "answers") -> dict[str, str]:
        holder = self.doc if account_id is None else self.account(account_id)
        table: dict[str, str] = holder.setdefault(key, {})
        return table

    def answer(self, item_id: str, account_id: str | None = None) -> str | None:
        return self._answers(account_id).get(item_id)

    def set_answer(self, item_id: str, choice: str | None, account_id: str | None = None) -> None:
        answers = self._answers(account_id)
        if choice is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = choice
            self.set_not_applicable(item_id, None, account_id)

    def not_applicable(self, item_id: str, account_id: str | None = None) -> str | None:
        return self._answers(account_id, "not_applicable").get(item_id)

    def set_not_applicable(
        self, item_id: str, reason: str | None, account_id: str | None = None
    ) -> None:
        table = self._answers(account_id, "not_applicable")
        if reason and reason.strip():
            table[item_id] = reason.strip()
            self._answers(account_id).pop(item_id, None)
        else:
            table.pop(item_id, None)
        holder = self.doc if account_id is None else self.account(account_id)
        if not table:
            holder.pop("not_applicable", None)


class Flow:
    """The wizard over one draft: its steps, and what each still needs."""

    def __init__(self, policy: Policy, draft: Draft) -> None:
        self.policy = policy
        self.draft = draft

    def steps(self) -> list[Step]:
        steps = [Step(StepKind.PROGRAMME), Step(StepKind.ABOUT), Step(StepKind.ACCOUNTS)]
        steps += [Step(StepKind.ACCOUNT, str(a.get("id"))) for a in self.draft.accounts]
        steps += [Step(StepKind.PLEDGES), Step(StepKind.PROGRAMME_ITEMS)]
        return [*steps, Step(StepKind.REVIEW), Step(StepKind.SIGN)]

    def submission(self) -> Submission:
        """The draft as a submission; raises AnswersError while it is incomplete."""
        return submission_from(self.draft.doc, f"draft {self.draft.id}", self.policy)

    def assessment(self, passwords: PasswordSession | None = None) -> Assessment | None:
        try:
            submission = self.submission()
        except AnswersError:
            return None
        return assess(self.policy, submission, passwords)

    def missing(
        self,
        step: Step,
        passwords: PasswordSession | None = None,
        result: Assessment | None = None,
    ) -> list[str]:
        """What keeps `step` from being complete: field names or item ids; empty when done.

        `result`, when given, is the draft's assessment already made (see `completion`).
        """
        draft = self.draft
        if step.kind == StepKind.PROGRAMME:
            return [] if draft.programme in self.policy.programmes else ["programme"]
        if step.kind == StepKind.ABOUT:
            return sorted(person_problems(draft.person, draft.programme))
        if step.kind == StepKind.ACCOUNTS:
            return [
                str(a.get("id"))
                for a in draft.accounts
                if not (
                    a.get("platform") in self.policy.platforms
                    and a.get("kind")
                    and str(a.get("handle") or "").strip()
                )
            ]
        if result is None:
            result = self.assessment(passwords)
        if step.kind in (StepKind.REVIEW, StepKind.SIGN):
            return [] if result is not None else ["draft"]
        if result is None:
            return ["draft"]
        wanted = {
            StepKind.ACCOUNT: None,
            StepKind.PLEDGES: ItemKind.PLEDGE,
            StepKind.PROGRAMME_ITEMS: ItemKind.PROGRAMME,
        }[step.kind]
        measured = (
            passwords is not None
            and step.account_id is not None
            and (passwords.measured(step.account_id))
        )
        return [
            f.item_id
            for f in result.findings
            if f.account_id == step.account_id
            and f.reason == "unanswered"
            and (wanted is None or self.policy.items[f.item_id].kind == wanted)
            # Reuse is decided once every account's password is typed: a typed password
            # does not hold its page up waiting for the others.
            and not (measured and self.policy.items[f.item_id].answer.check == "password_reuse")
        ]

    def identity_hints(self, account_id: str) -> IdentityHints:
        """The real-name and official-e-mail checks of one account, as typed so far."""
        account = self.draft.account(account_id)
        if account.get("kind") != "personal":
            return IdentityHints(None, None, email_checked=False)
        shown = str(account.get("display_name") or "").strip()
        full_name = str(self.draft.person.get("full_name") or "")
        address = str(account.get("registration_email") or "").strip()
        return IdentityHints(
            match_real_name(full_name, shown) if shown else None,
            official_domain(address, self.policy.domains) if address else None,
            email_checked=bool(address),
        )

    def min_password_length(self, account_id: str) -> int:
        """The length the account's password needs: shorter with a declared second factor."""
        answers = self.draft.account(account_id).get("answers")
        second_factor = False
        if isinstance(answers, dict):
            for item_id, value in answers.items():
                item = self.policy.items.get(item_id)
                if item is not None and item.answer.check == CheckName.TWO_FACTOR:
                    try:
                        second_factor = TwoFactorMethod(str(value)).is_second_factor
                    except ValueError:
                        second_factor = False
        return min_length(second_factor)

    def password_items(self) -> frozenset[str]:
        """The items answered by a typed password (declared only when it is declined)."""
        return frozenset(i.id for i in self.policy.items.values() if i.answer.measures_password)

    def complete(self, step: Step, passwords: PasswordSession | None = None) -> bool:
        return not self.missing(step, passwords)

    def completion(self, passwords: PasswordSession | None = None) -> dict[str, bool]:
        """Whether each step is complete, assessing the draft once for all of them."""
        result = self.assessment(passwords)
        return {s.key: not self.missing(s, passwords, result) for s in self.steps()}


def load_draft(data: bytes, draft_id: str) -> Draft:
    """A saved draft, checked to be one of ours; incomplete drafts are normal."""
    try:
        draft = Draft.load(data, draft_id)
    except (ValueError, RecursionError):
        raise AnswersError(f"draft {draft_id}", "is damaged (not JSON)") from None
    if draft.doc.get("format") != FORMAT:
        raise AnswersError(f"draft {draft_id}", "is not a SelfCheck draft")
    version = draft.doc.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise AnswersError(f"draft {draft_id}", "was written by a newer SelfCheck; please update")
    return draft
