"""When a programme's next declaration falls due."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.core.policy.audience import ProgrammeId
from desktop.core.policy.model import DueKind, Policy, Programme, Severity

# The start screen's reminder reads due dates without the assessment model, and a new
# official's without the summary's Structs (msgspec: ~20 ms), which load with a summary.
if TYPE_CHECKING:
    from desktop.core.assessment.people import Person
    from desktop.core.records import summary_shape
    from desktop.core.records.summary_shape import Summary


@dataclass(frozen=True, slots=True)
class NextDue:
    """When the declaration after this one falls due, and which programme it is."""

    programme: str
    date: date
    follow_up: bool  # True: a check that the open findings were fixed

    def record(self) -> "summary_shape.NextDue":
        """As a summary records it."""
        from desktop.core.records import summary_shape

        return summary_shape.NextDue(
            programme=ProgrammeId(self.programme),
            date=self.date.isoformat(),
            follow_up=self.follow_up,
        )


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (29 Feb -> 28 Feb)."""
    import calendar  # (and locale with it) only when a date is computed, not to show one

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(
    programme: Programme, person: "Person", *, last_declared: date | None, today: date
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


def next_due(
    policy: Policy,
    programme_id: str,
    person: "Person",
    *,
    worst_open: Severity | None,
    declared: date,
) -> NextDue | None:
    """What a declaration made on `declared` leaves due next.

    Open findings (`worst_open` is the most severe, None when nothing is open) under a
    programme with a follow-up period are checked again after it, when they are as severe
    as the programme says (before departure at the latest, for a posting abroad); otherwise
    the next one is the annual self-declaration, a year (the annual programme's period) on.
    """
    programme = policy.programmes.get(programme_id)
    if programme is None:
        return None
    rule = programme.due
    if rule.follows_up(worst_open):
        when = declared + timedelta(days=rule.follow_up_days)
        departure = person.departure_date
        if rule.kind == DueKind.BEFORE_DEPARTURE and departure is not None and departure > declared:
            when = min(when, departure)
        return NextDue(programme_id, when, follow_up=True)
    annual = policy.programmes.get(ProgrammeId.ANNUAL)
    if annual is None or annual.due.kind != DueKind.MONTHS_AFTER_LAST:
        return None
    return NextDue(ProgrammeId.ANNUAL, add_months(declared, annual.due.months), follow_up=False)


def recorded_due(summary: "Summary") -> NextDue | None:
    """The next due date a summary recorded, or None (decode checked that it is a date)."""
    due = summary.next_due
    if not due:
        return None
    return NextDue(due.programme, date.fromisoformat(due.date), due.follow_up)
