"""What is due next, and the .ics reminder, read back with a standard parser."""

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from desktop.core.records.due import NextDue
from desktop.core.records.reminder import Reminder, calendar_file, upcoming
from desktop.core.records.summary import Summary
from tests.signing_helpers import decoded, minimal_summary

TODAY = date(2026, 11, 23)


def _summary(issued: str, seq: int, due: str | None) -> Summary:
    next_due = {"programme": "annual", "date": due, "follow_up": False} if due else None
    fields = {"issued_at": issued, "seq": seq, "next_due": next_due}
    return decoded({**minimal_summary("SHA256:" + "A" * 43), **fields})


def test_nothing_declared_yet_means_onboarding_is_due_today() -> None:
    assert upcoming([], TODAY) == Reminder(NextDue("onboarding", TODAY, False), 0, first=True)


def test_the_latest_declaration_says_what_is_due_and_whether_it_is_overdue() -> None:
    summaries = [
        _summary("2025-11-01T08:00:00Z", 1, "2026-11-01"),
        _summary("2026-11-20T08:00:00Z", 2, "2027-11-20"),
    ]
    reminder = upcoming(summaries, TODAY)
    assert reminder is not None and reminder.due.date == date(2027, 11, 20)
    assert reminder.days_left == 362 and not reminder.overdue
    late = upcoming(summaries[:1], TODAY)
    assert late is not None and late.overdue and late.days_left == -22
    assert upcoming([_summary("2026-11-20T08:00:00Z", 1, None)], TODAY) is None


def test_the_calendar_file_parses_and_carries_the_due_date() -> None:
    reminder = Reminder(NextDue("annual", date(2027, 11, 20), False), 362, first=False)
    data = calendar_file(
        reminder,
        "SelfCheck: Tự kê khai hằng năm",
        "Hạn tự kê khai; mở SelfCheck, chọn “Bắt đầu”.",
        now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded as RFC 5545 asks
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == date(2027, 11, 20)
    assert event.decoded("dtend") == date(2027, 11, 21)
    assert str(event["summary"]) == "SelfCheck: Tự kê khai hằng năm"
    assert "“Bắt đầu”" in str(event["description"])
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-7)
    # A later copy for the same due date replaces the event instead of adding another.
    again = Calendar.from_ical(calendar_file(reminder, "x", "y"))
    assert again.walk("VEVENT")[0]["uid"] == event["uid"]
