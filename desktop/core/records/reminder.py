"""What is due next, and a calendar reminder for it (RFC 5545 .ics).

The due date comes from the latest signed declaration (its `next_due`); a person who has
never declared is due for onboarding today. icalendar writes the file, so escaping, line
folding and CRLF line ends are right for Outlook, Thunderbird and GNOME Calendar.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.policy.audience import ProgrammeId
from desktop.core.records.due import NextDue, recorded_due

if TYPE_CHECKING:  # loaded with the first summary, not for a new official's start screen
    from desktop.core.records.summary_shape import Summary

FIRST_PROGRAMME = ProgrammeId.ONBOARDING
WARN_DAYS_BEFORE = 7  # the calendar alarm goes off a week ahead


@dataclass(frozen=True, slots=True)
class Reminder:
    due: NextDue
    days_left: int  # negative once overdue
    first: bool  # nothing has been declared on this computer yet

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def upcoming(summaries: Iterable["Summary"], today: date) -> Reminder | None:
    """What the latest declaration left due; None when it recorded nothing due."""
    listed = list(summaries)
    if not listed:
        return Reminder(NextDue(FIRST_PROGRAMME, today, follow_up=False), 0, first=True)
    latest = max(listed, key=lambda s: (s.issued_at, s.seq))
    due = recorded_due(latest)
    if due is None:
        return None
    return Reminder(due, (due.date - today).days, first=False)


def calendar_file(
    reminder: Reminder, title: str, description: str, *, now: datetime | None = None
) -> bytes:
    """A one-event calendar: the due day (all day), with an alarm a week before."""
    # Imported when a reminder is saved: the start screen shows what is due without it.
    from icalendar import Alarm, Calendar, Event

    due = reminder.due
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    # The same due date gives the same UID, so importing a new copy updates the event.
    uid = hashlib.sha256(f"{due.programme}:{due.date.isoformat()}".encode()).hexdigest()[:32]
    calendar = Calendar()
    calendar.add("prodid", f"-//SelfCheck//SelfCheck {__version__}//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{uid}@selfcheck.invalid")
    event.add("dtstamp", stamp)
    event.add("dtstart", due.date)
    event.add("dtend", due.date + timedelta(days=1))
    event.add("summary", title)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(days=-WARN_DAYS_BEFORE))
    event.add_component(alarm)
    calendar.add_component(event)
    return bytes(calendar.to_ical())
