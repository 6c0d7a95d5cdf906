"""When the next declaration falls due, per programme."""

from dataclasses import replace
from datetime import date

import pytest

from desktop.core.due import add_months, due_date
from desktop.core.model import Person
from desktop.core.policy import Policy

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
