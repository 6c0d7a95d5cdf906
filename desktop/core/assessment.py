"""The assessment engine: person, accounts and answers in; findings and a verdict out."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from desktop.core.checks import CheckName
from desktop.core.checks.password import PasswordSession
from desktop.core.findings import Evidence, Finding, Outcome, Verdict
from desktop.core.i18n import NO_STEPS, Steps
from desktop.core.model import Account, Submission
from desktop.core.policy import Item, ItemKind, Policy, Status
from desktop.core.rules import RULES, AccountContext


@dataclass(frozen=True)
class Assessment:
    policy: Policy
    submission: Submission
    findings: tuple[Finding, ...]
    verdict: Verdict

    def for_account(self, account_id: str | None) -> Iterator[Finding]:
        return (f for f in self.findings if f.account_id == account_id)

    @property
    def unanswered(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == Status.NOT_VERIFIED)


def assess(
    policy: Policy, submission: Submission, passwords: PasswordSession | None = None
) -> Assessment:
    """Evaluate every item that applies to the person's programme, category and accounts."""
    person = submission.person
    findings: list[Finding] = []
    for item in policy.items_for(submission.programme, person.category):
        if item.kind == ItemKind.ACCOUNT:
            continue
        outcome = _declared(item, submission.answers, submission.not_applicable)
        findings.append(_finding(item, None, outcome, NO_STEPS))
    for account in submission.accounts:
        platform = policy.platforms.get(account.platform) or policy.platforms["other"]
        for item in policy.account_items(
            submission.programme, person.category, account.kind, account.platform
        ):
            outcome = _account_outcome(policy, submission, account, item, passwords)
            findings.append(_finding(item, account, outcome, platform.guide(item.guide)))
    return Assessment(policy, submission, tuple(findings), Verdict.of(findings))


def _account_outcome(
    policy: Policy,
    submission: Submission,
    account: Account,
    item: Item,
    passwords: PasswordSession | None,
) -> Outcome:
    if item.answer.check is not None:
        ctx = AccountContext(policy, submission, account, item, passwords)
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


def _finding(item: Item, account: Account | None, outcome: Outcome, guide: Steps) -> Finding:
    fix = item.fix + guide if outcome.status != Status.PASS else NO_STEPS
    if outcome.status == Status.NOT_APPLICABLE:
        fix = NO_STEPS
    return Finding(
        item_id=item.id,
        account_id=account.id if account is not None else None,
        status=outcome.status,
        evidence=outcome.evidence,
        severity=item.severity,
        provisions=item.provisions,
        reason=outcome.reason,
        params=dict(outcome.params),
        fix=fix,
    )
