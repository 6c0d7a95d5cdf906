"""When the next declaration falls due, per programme."""

from dataclasses import replace
from datetime import date

import pytest

from desktop.core.assessment.people import Person
from desktop.core.policy.model import Policy, Severity
from desktop.core.records import summary as summary_json
from desktop.core.records.due import NextDue, add_months, due_date, next_due, recorded_due
from tests.signing_helpers import decoded, minimal_summary

TODAY = date(2026, 11, 22)


def test_annual_is_due_twelve_months_after_the_last_declaration(
    policy: Policy, person: Person
) -> None:
    annual = policy.programmes["annual"]
    assert due_date(annual, person, last_declared=date(2026, 3, 5), today=TODAY) == date(2027, 3, 5)
    assert due_date(annual, person, last_declared=None, today=TODAY) == TODAY


def test_pre_deployment_is_due_before_departure(policy: Policy, person: Person) -> None:
    check = policy.programmes["predeployment"]
    leaving = replace(person, departure_date=date(2027, 1, 15))
    due = due_date(check, leaving, last_declared=None, today=TODAY)
    assert due is not None and due < date(2027, 1, 15)
    assert due_date(check, person, last_declared=None, today=TODAY) is None


def test_onboarding_is_due_at_once_then_done(policy: Policy, person: Person) -> None:
    onboarding = policy.programmes["onboarding"]
    assert due_date(onboarding, person, last_declared=None, today=TODAY) == TODAY
    assert due_date(onboarding, person, last_declared=TODAY, today=TODAY) is None


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_open_findings_of_a_new_official_are_checked_again_a_month_later(
    policy: Policy, person: Person
) -> None:
    due = next_due(policy, "onboarding", person, worst_open=Severity.LOW, declared=TODAY)
    assert due == NextDue("onboarding", date(2026, 12, 22), follow_up=True)
    # With nothing open, the next one is the annual self-declaration a year on.
    due = next_due(policy, "onboarding", person, worst_open=None, declared=TODAY)
    assert due == NextDue("annual", date(2027, 11, 22), follow_up=False)


@pytest.mark.parametrize(
    ("worst_open", "expected"),
    [
        # Open critical or high findings are checked again a month later, not a year later.
        (Severity.CRITICAL, NextDue("annual", date(2026, 3, 30), follow_up=True)),
        (Severity.HIGH, NextDue("annual", date(2026, 3, 30), follow_up=True)),
        # Lesser ones wait for the next annual declaration.
        (Severity.MEDIUM, NextDue("annual", date(2027, 2, 28), follow_up=False)),
        (None, NextDue("annual", date(2027, 2, 28), follow_up=False)),
    ],
)
def test_annual_declarations_with_open_serious_findings_get_a_follow_up(
    policy: Policy, person: Person, worst_open: Severity | None, expected: NextDue
) -> None:
    due = next_due(policy, "annual", person, worst_open=worst_open, declared=date(2026, 2, 28))
    assert due == expected


def test_pre_deployment_fixes_are_due_before_departure_at_the_latest(
    policy: Policy, person: Person
) -> None:
    soon = replace(person, departure_date=date(2026, 11, 30))
    due = next_due(policy, "predeployment", soon, worst_open=Severity.LOW, declared=TODAY)
    assert due == NextDue("predeployment", date(2026, 11, 30), follow_up=True)
    later = replace(person, departure_date=date(2027, 6, 1))
    due = next_due(policy, "predeployment", later, worst_open=Severity.LOW, declared=TODAY)
    assert due == NextDue("predeployment", date(2026, 12, 6), follow_up=True)


def test_a_recorded_due_date_is_read_back_and_a_damaged_one_refused() -> None:
    doc = minimal_summary("SHA256:" + "A" * 43)
    due = {"programme": "annual", "date": "2027-11-22", "follow_up": False}
    assert recorded_due(decoded({**doc, "next_due": due})) == NextDue(
        "annual", date(2027, 11, 22), follow_up=False
    )
    with pytest.raises(summary_json.SummaryError, match=r"'next_due\.date': is not a real date"):
        decoded({**doc, "next_due": {**due, "date": "2027-13-01"}})
    assert recorded_due(decoded({**doc, "next_due": None})) is None
    assert recorded_due(decoded(doc)) is None
