"""When a programme's next declaration falls due."""

import calendar
from datetime import date, timedelta

from desktop.core.model import Person
from desktop.core.policy import DueKind, Programme


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (29 Feb -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(
    programme: Programme, person: Person, *, last_declared: date | None, today: date
) -> date | None:
    """The date the next declaration is due, or None when nothing is due.

    A programme never declared is due today; onboarding, once declared, is done.
    """
    rule = programme.due
    if rule.kind == DueKind.BEFORE_DEPARTURE:
        if person.departure_date is None:
            return None
        return person.departure_date - timedelta(days=rule.days_before)
    if last_declared is None:
        return today
    if rule.kind == DueKind.MONTHS_AFTER_LAST:
        return add_months(last_declared, rule.months)
    return None
