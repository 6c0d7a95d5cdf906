"""The wizard's flow, without Qt: which pages there are, what each still needs and asks.

Electrum-style: the GUI only attaches a widget to each step; what comes next, which pages
can be reached, what is missing, which items and answers a page shows is decided here and
tested without a display.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from desktop.core.assessment.answers import person_problems, submission_from
from desktop.core.assessment.checks.identity import NameMatch, match_real_name, official_domain
from desktop.core.assessment.checks.password import PasswordSession, min_length
from desktop.core.assessment.draft import Draft, draft_name
from desktop.core.assessment.engine import Assessment, assess
from desktop.core.assessment.findings import Finding
from desktop.core.assessment.people import Submission
from desktop.core.assessment.rules import declared_two_factor
from desktop.core.assessment.tally import ITEM_STEPS, page_tally
from desktop.core.base.errors import AnswersError
from desktop.core.base.i18n import Text
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.checks import (
    ALWAYS_APPLIES,
    INVENTORY_COMPLETE,
    INVENTORY_INCOMPLETE,
    INVENTORY_NONE_HELD,
    CheckName,
)
from desktop.core.policy.model import Item, ItemKind, Policy, Profile
from desktop.core.policy.twofactor import ALWAYS_ANSWERABLE, protects

# The checks whose result, once the app can work it out from the details given (the display
# name, the registration e-mail, the office details), replaces the item's question: the
# person is never asked what the app measured, and so never contradicts it.
MEASURED_INSTEAD = frozenset(
    {CheckName.REAL_NAME, CheckName.OFFICIAL_EMAIL, CheckName.OFFICIAL_MARKS}
)
_DECLARED_REASONS = frozenset({"declared", "unanswered", "na-declared"})


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


@dataclass(frozen=True, slots=True)
class Progress:
    """Which steps are complete, and so where the wizard may go, for one state of a draft.

    Forward only over complete pages: a step can be reached once every step before it is
    complete (a resumed draft whose passwords must be typed again cannot skip ahead to
    signing). Going back is always allowed."""

    steps: tuple[Step, ...]
    done: Mapping[str, bool]  # by step key
    # Items answered and items asked, by the key of each page that asks items.
    tally: Mapping[str, tuple[int, int]] = field(default_factory=lambda: MappingProxyType({}))

    def complete(self, step: Step) -> bool:
        return self.done.get(step.key, False)

    def answered(self) -> tuple[int, int]:
        """Items answered and items asked, over every page."""
        return (
            sum(answered for answered, _ in self.tally.values()),
            sum(asked for _, asked in self.tally.values()),
        )

    def can_reach(self, step: Step) -> bool:
        if step not in self.steps:
            return False
        return all(self.complete(s) for s in self.steps[: self.steps.index(step)])

    def can_go(self, current: Step | None, target: Step) -> bool:
        """Whether the wizard, showing `current`, may move to `target`."""
        if target not in self.steps:
            return False
        if current in self.steps and self.steps.index(target) < self.steps.index(current):
            return True
        return self.can_reach(target)

    def next_step(self, current: Step | None) -> Step | None:
        """The step after `current`, if it can be reached (what Next moves to)."""
        if current not in self.steps:
            return None
        following = self.steps[self.steps.index(current) + 1 :]
        return following[0] if following and self.can_reach(following[0]) else None


class Flow:
    """The wizard over one draft: its steps, and what each still needs."""

    def __init__(self, policy: Policy, draft: Draft) -> None:
        self.policy = policy
        self.draft = draft
        self._progress: tuple[tuple[str, int | None], Progress] | None = None
        self._measured: tuple[str, Assessment | None] | None = None

    def steps(self) -> list[Step]:
        steps = [Step(StepKind.PROGRAMME), Step(StepKind.ABOUT), Step(StepKind.ACCOUNTS)]
        steps += [Step(StepKind.ACCOUNT, str(a.get("id"))) for a in self.draft.accounts]
        steps += [Step(StepKind.PLEDGES), Step(StepKind.PROGRAMME_ITEMS)]
        return [*steps, Step(StepKind.REVIEW), Step(StepKind.SIGN)]

    # -- who the person is, and so what is asked ---------------------------------------------

    @property
    def profile(self) -> Profile | None:
        """The agency profile chosen on the About page, if it is a known one."""
        return self.policy.profiles.get(str(self.draft.person.get("profile")))

    @property
    def category(self) -> Category | None:
        try:
            return Category(str(self.draft.person.get("category")))
        except ValueError:
            return None

    def items(self, kind: ItemKind) -> list[Item]:
        """The pledges or programme items asked of this person (their code, category and
        programme); none until the About page says who they are."""
        profile, category = self.profile, self.category
        if profile is None or category is None:
            return []
        return list(self.policy.items_for(self.draft.programme, category, profile, kind))

    def account_items(self, account_id: str) -> list[Item]:
        profile, category = self.profile, self.category
        account = self.draft.account(account_id)
        try:
            kind = AccountKind(str(account.get("kind")))
        except ValueError:
            return []
        if profile is None or category is None:
            return []
        return list(
            self.policy.account_items(
                self.draft.programme, category, profile, kind, str(account.get("platform"))
            )
        )

    def cited(self, item: Item) -> tuple[str, ...]:
        """The provisions shown as the item's legal basis: those of the person's code."""
        profile = self.profile
        return self.policy.cited(item, profile) if profile is not None else item.provisions

    def answer_choices(self, item: Item, account_id: str | None = None) -> list[tuple[str, Text]]:
        """The answers offered for `item` (choice id, label), in the order shown.

        Second factors are the ones the account's platform offers, named as the platform
        names them, plus e-mail codes and "not turned on"; the inventory offers "I hold
        none" only while no account is listed, and the other answers only once one is."""
        labels = [(c.id, c.label) for c in item.answer.choices]
        if item.answer.check == CheckName.TWO_FACTOR and account_id is not None:
            # A page may outlive its account for a moment (it is being retired).
            account = next((a for a in self.draft.accounts if a.get("id") == account_id), {})
            platform = self.policy.platforms.get(str(account.get("platform")))
            generic = dict(labels)
            offered: list[tuple[str, Text]] = []
            for offer in platform.two_factor_methods if platform is not None else ():
                if offer.method in generic:
                    offered.append((offer.method, offer.label or generic[offer.method]))
            offered += [(i, t) for i, t in labels if i in ALWAYS_ANSWERABLE]
            return offered
        if item.answer.check == CheckName.INVENTORY:
            wanted = (
                {INVENTORY_COMPLETE, INVENTORY_INCOMPLETE}
                if self.draft.accounts
                else {INVENTORY_NONE_HELD}
            )
            if self.draft.answer(item.id) == INVENTORY_NONE_HELD:
                wanted.add(INVENTORY_NONE_HELD)  # shown while it stands, to be withdrawn
            return [(i, t) for i, t in labels if i in wanted]
        return labels

    def may_not_apply(self, item: Item) -> bool:
        """Whether the person may mark `item` "does not apply" (with a reason)."""
        return item.answer.check not in ALWAYS_APPLIES

    def inventory_item(self) -> Item | None:
        """The item where the person declares their list of accounts whole, or empty."""
        asked = self.items(ItemKind.PROGRAMME)
        return next((i for i in asked if i.answer.check == CheckName.INVENTORY), None)

    @property
    def holds_no_accounts(self) -> bool:
        item = self.inventory_item()
        return item is not None and self.draft.answer(item.id) == INVENTORY_NONE_HELD

    def declare_no_accounts(self, none_held: bool) -> None:
        """Record (or withdraw) the person's declaration that they hold no account at all."""
        item = self.inventory_item()
        if item is None:
            return
        if none_held:
            self.draft.set_answer(item.id, INVENTORY_NONE_HELD)
        elif self.draft.answer(item.id) == INVENTORY_NONE_HELD:
            self.draft.set_answer(item.id, None)

    def add_account(self, fields: Mapping[str, Any]) -> str:
        """List one more account: "I hold none" no longer stands."""
        self.declare_no_accounts(False)
        return self.draft.add_account(fields)

    def submission(self) -> Submission:
        """The draft as a submission; raises AnswersError while it is incomplete."""
        return submission_from(self.draft.doc, draft_name(self.draft.id), self.policy)

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

        `result`, when given, is the draft's assessment already made (see `progress`).
        """
        draft = self.draft
        if step.kind == StepKind.PROGRAMME:
            return [] if draft.programme in self.policy.programmes else ["programme"]
        if step.kind == StepKind.ABOUT:
            # A departure already past is refused: the check is made before leaving.
            problems = person_problems(draft.person, draft.programme, self.policy, date.today())
            return sorted(problems)
        if step.kind == StepKind.ACCOUNTS:
            incomplete = [
                str(a.get("id"))
                for a in draft.accounts
                if not (
                    a.get("platform") in self.policy.platforms
                    and a.get("kind")
                    and str(a.get("handle") or "").strip()
                )
            ]
            # An empty list is complete only when the person says they hold nothing; until
            # the About page says who they are, nothing can be said (no tick on a new draft).
            unknown = self.profile is None or self.category is None
            empty = not draft.accounts and (unknown or self.inventory_item() is not None)
            if empty and not self.holds_no_accounts:
                incomplete.append("no-accounts-declared")
            if draft.accounts and self.holds_no_accounts:
                incomplete.append("no-accounts-declared")
            return incomplete
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
        measured = step.account_id is not None and passwords and passwords.measured(step.account_id)
        unanswered = [
            f.item_id
            for f in result.findings
            if f.account_id == step.account_id
            and f.reason == "unanswered"
            and (wanted is None or self.policy.items[f.item_id].kind == wanted)
            # Reuse is decided once every account's password is typed: a typed password
            # does not hold its page up waiting for the others.
            and not (measured and self.policy.items[f.item_id].answer.check == "password_reuse")
        ]
        # With no account listed the engine finds the inventory "empty", not unanswered:
        # the person has still not said that the list is whole, or that they hold none.
        inventory = self.inventory_item() if wanted == ItemKind.PROGRAMME else None
        if inventory and self.draft.answer(inventory.id) is None and inventory.id not in unanswered:
            unanswered.append(inventory.id)
        return unanswered

    def identity_hints(self, account_id: str) -> IdentityHints:
        """The real-name and official-e-mail checks of one account, as typed so far; each
        only where the person's code asks it of this account (a BNG official is not asked
        for a real name, an official page for neither)."""
        account = self.draft.account(account_id)
        asked = {item.answer.check for item in self.account_items(account_id)}
        shown = str(account.get("display_name") or "").strip()
        full_name = str(self.draft.person.get("full_name") or "")
        address = str(account.get("registration_email") or "").strip()
        email = CheckName.OFFICIAL_EMAIL in asked and bool(address)
        domains = self.policy.domains_for(self.profile)
        return IdentityHints(
            match_real_name(full_name, shown) if shown and CheckName.REAL_NAME in asked else None,
            official_domain(address, domains) if email else None,
            email_checked=email,
        )

    def measured(self, item: Item, account_id: str | None) -> Finding | None:
        """The app's own result for `item` on the account, when it replaces the question
        (MEASURED_INSTEAD); None when the question is to be asked."""
        if account_id is None or item.answer.check not in MEASURED_INSTEAD:
            return None
        state = json.dumps(
            {k: v for k, v in self.draft.doc.items() if k != "step"},
            ensure_ascii=False,
            default=repr,
        )
        if self._measured is None or self._measured[0] != state:
            self._measured = (state, self.assessment())
        result = self._measured[1]
        if result is None:
            return None
        found = (f for f in result.for_account(account_id) if f.item_id == item.id)
        finding = next(found, None)
        if finding is None or finding.reason in _DECLARED_REASONS:
            return None
        return finding

    def min_password_length(self, account_id: str) -> int:
        """The length the account's password needs: shorter with a real second factor."""
        account = self.draft.account(account_id)
        answers = account.get("answers")
        method = declared_two_factor(self.policy, answers if isinstance(answers, dict) else {})
        platform = self.policy.platforms.get(str(account.get("platform")))
        return min_length(method is not None and protects(platform, method))

    def password_items(self) -> frozenset[str]:
        """The items answered by a typed password (declared only when it is declined)."""
        return frozenset(i.id for i in self.policy.items.values() if i.answer.measures_password)

    def complete(self, step: Step, passwords: PasswordSession | None = None) -> bool:
        return not self.missing(step, passwords)

    def progress(self, passwords: PasswordSession | None = None) -> Progress:
        """Which steps are complete and can be reached: worked out once for each state of
        the draft and the passwords, and kept until either changes.

        Pages change the draft's plain data in place, so its state is read from the data
        itself rather than trusted to every page to report; where the wizard stands
        ("step") is not part of it."""
        doc = {k: v for k, v in self.draft.doc.items() if k != "step"}
        state = (
            json.dumps(doc, ensure_ascii=False, default=repr),
            passwords.revision if passwords is not None else None,
        )
        if self._progress is None or self._progress[0] != state:
            result = self.assessment(passwords)
            steps = tuple(self.steps())
            missing = {s.key: self.missing(s, passwords, result) for s in steps}
            done = {key: not left for key, left in missing.items()}
            tally = {
                s.key: page_tally(self, s.kind, s.account_id, missing[s.key], result is not None)
                for s in steps
                if s.kind in ITEM_STEPS
            }
            self._progress = (
                state,
                Progress(steps, MappingProxyType(done), MappingProxyType(tally)),
            )
        return self._progress[1]

    def can_reach(self, step: Step, passwords: PasswordSession | None = None) -> bool:
        """Whether every step before `step` is complete."""
        return self.progress(passwords).can_reach(step)
