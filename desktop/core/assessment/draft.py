"""A draft: an answers document (docs/answers-format.md) being filled in, saved as JSON.

Plain JSON-ready data, so it saves as it is and an unfinished one is normal; the wizard's
flow (desktop.core.assessment.flow) decides what it still needs.
"""

import json
import secrets
from collections.abc import Mapping
from typing import Any

from desktop.core.assessment.answers import FORMAT, VERSION
from desktop.core.base.errors import AnswersError
from desktop.core.base.i18n import Language, Text

OVERSEAS_FIELDS = ("destination", "mission", "departure_date")  # pre-deployment only


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
            raise AnswersError(
                draft_name(draft_id),
                Text("không phải là tài liệu trả lời", "is not an answers document"),
            )
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


def load_draft(data: bytes, draft_id: str) -> Draft:
    """A saved draft, checked to be one of ours; incomplete drafts are normal."""
    try:
        draft = Draft.load(data, draft_id)
    except (ValueError, RecursionError):
        raise AnswersError(
            draft_name(draft_id), Text("bị hỏng (không phải JSON)", "is damaged (not JSON)")
        ) from None
    if draft.doc.get("format") != FORMAT:
        raise AnswersError(
            draft_name(draft_id),
            Text("không phải là bản nháp của SelfCheck", "is not a SelfCheck draft"),
        )
    version = draft.doc.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise AnswersError(
            draft_name(draft_id),
            Text(
                "được lập bằng phiên bản SelfCheck mới hơn; hãy cập nhật ứng dụng",
                "was written by a newer SelfCheck; please update",
            ),
        )
    return draft


def draft_name(draft_id: str) -> Text:
    """A draft as its errors name it, in both languages."""
    return Text(f"bản nháp {draft_id}", f"draft {draft_id}")
