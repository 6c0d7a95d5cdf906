"""The assessment engine: person, accounts and answers in; findings and a verdict out."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from desktop.core.assessment.checks.password import PasswordSession
from desktop.core.assessment.findings import Evidence, Finding, Outcome, Verdict
from desktop.core.assessment.people import Account, Submission
from desktop.core.assessment.rules import (
    NONE_HELD,
    PROGRAMME_RULES,
    RULES,
    AccountContext,
    SubmissionContext,
)
from desktop.core.base.i18n import NO_STEPS, Steps
from desktop.core.policy.checks import CheckName
from desktop.core.policy.model import Item, ItemKind, Policy, Profile, Status


@dataclass(frozen=True)
class Assessment:
    policy: Policy
    submission: Submission
    findings: tuple[Finding, ...]
    verdict: Verdict

    def for_account(self, account_id: str | None) -> Iterator[Finding]:
        return (f for f in self.findings if f.account_id == account_id)

    @property
    def profile(self) -> Profile:
        return self.policy.profiles[self.submission.person.profile]

    @property
    def declared_no_accounts(self) -> bool:
        """The person declared, in so many words, that they hold no account and no page."""
        return any(f.reason == NONE_HELD and f.status == Status.PASS for f in self.findings)


def assess(
    policy: Policy, submission: Submission, passwords: PasswordSession | None = None
) -> Assessment:
    """Evaluate every item that applies to the person's programme, category, code and
    accounts. Each finding cites only the provisions of the person's own code."""
    person = submission.person
    profile = policy.profiles[person.profile]
    findings: list[Finding] = []
    for item in policy.items_for(submission.programme, person.category, profile):
        if item.kind == ItemKind.ACCOUNT:
            continue
        outcome = _once_outcome(policy, submission, profile, item)
        findings.append(_finding(policy, profile, item, None, outcome, NO_STEPS))
    for account in submission.accounts:
        platform = policy.platforms.get(account.platform) or policy.platforms["other"]
        for item in policy.account_items(
            submission.programme, person.category, profile, account.kind, account.platform
        ):
            outcome = _account_outcome(policy, submission, profile, account, item, passwords)
            findings.append(
                _finding(policy, profile, item, account, outcome, platform.guide(item.guide))
            )
    return Assessment(policy, submission, tuple(findings), Verdict.of(findings))


def _once_outcome(policy: Policy, submission: Submission, profile: Profile, item: Item) -> Outcome:
    if item.answer.check is not None:
        measured = PROGRAMME_RULES[CheckName(item.answer.check)](
            SubmissionContext(policy, submission, profile, item)
        )
        if measured is not None:
            return measured
    return _declared(item, submission.answers, submission.not_applicable)


def _account_outcome(
    policy: Policy,
    submission: Submission,
    profile: Profile,
    account: Account,
    item: Item,
    passwords: PasswordSession | None,
) -> Outcome:
    if item.answer.check is not None:
        ctx = AccountContext(policy, submission, profile, account, item, passwords)
        measured = RULES[CheckName(item.answer.check)](ctx)
        if measured is not None:
            return measured
    return _declared(item, account.answers, account.not_applicable)


def _declared(item: Item, answers: Mapping[str, str], not_applicable: Mapping[str, str]) -> Outcome:
    choice_id = answers.get(item.id)
    choice = item.answer.choice(choice_id) if choice_id is not None else None
    if (choice is None or choice.status is None) and item.id in not_applicable:
        # The person's own "does not apply", with their reason, shown to the reviewer.
        return Outcome(
            Status.NOT_APPLICABLE,
            Evidence.DECLARED,
            "na-declared",
            {"reason": not_applicable[item.id]},
        )
    if choice is None or choice.status is None:
        # Fail safe: what nobody checked or affirmed is never a pass.
        return Outcome(Status.NOT_VERIFIED, Evidence.NONE, "unanswered")
    return Outcome(choice.status, Evidence.DECLARED, "declared", {"choice": choice.id})


def _finding(
    policy: Policy,
    profile: Profile,
    item: Item,
    account: Account | None,
    outcome: Outcome,
    guide: Steps,
) -> Finding:
    fix = item.fix + guide if outcome.status != Status.PASS else NO_STEPS
    if outcome.status == Status.NOT_APPLICABLE:
        fix = NO_STEPS
    return Finding(
        item_id=item.id,
        account_id=account.id if account is not None else None,
        status=outcome.status,
        evidence=outcome.evidence,
        severity=item.severity,
        provisions=policy.cited(item, profile),
        reason=outcome.reason,
        params=dict(outcome.params),
        fix=fix,
    )
