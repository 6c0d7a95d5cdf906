"""The interface's wording in either language: English plurals ("1 day", "2 days", not
"day(s)": assets/translations/selfcheck_en.ts), no HTML entities in visible text, and the
reviewer's problems in the person's language."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.core.assessment.checks.password import crack_time_words
from desktop.core.records import reminder
from desktop.core.records.due import NextDue
from desktop.gui.main_window import MainWindow


def _due_in(days: int, monkeypatch: pytest.MonkeyPatch) -> None:
    due = NextDue("annual", date.today() + timedelta(days=days), follow_up=False)
    monkeypatch.setattr(
        reminder, "upcoming", lambda _summaries, _today: reminder.Reminder(due, days, first=False)
    )


@pytest.mark.parametrize(
    ("days", "english", "vietnamese"),
    [
        (1, "(in 1 day).", "(còn 1 ngày)."),
        (2, "(in 2 days).", "(còn 2 ngày)."),
        (-1, ": 1 day overdue.", "đã quá hạn 1 ngày."),
        (-3, ": 3 days overdue.", "đã quá hạn 3 ngày."),
    ],
)
def test_the_due_notice_counts_days_in_proper_english_and_vietnamese(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    days: int,
    english: str,
    vietnamese: str,
) -> None:
    _due_in(days, monkeypatch)
    due = window.start.findChild(QLabel, "dueNotice")
    window.set_language("en")
    window.start.refresh()
    assert english in due.text()
    assert "(s)" not in due.text()
    window.set_language("vi")
    window.start.refresh()
    assert vietnamese in due.text()


def test_every_english_count_has_a_singular_and_a_plural(qtbot: QtBot, window: MainWindow) -> None:
    """Every %n message of the app reads without "(s)" in English, for one and for many."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from desktop.gui.language import translations_dir

    window.set_language("en")
    root = ET.parse(translations_dir() / "selfcheck_en.ts")  # noqa: S314 (our own file)
    counted = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            assert message.get("numerus") == "yes"  # the file holds only counts
            source = message.findtext("source") or ""
            one = QCoreApplication.translate(name, source, "", 1)
            many = QCoreApplication.translate(name, source, "", 2)
            assert "(s)" not in one + many, source
            assert "1" in one and "2" in many and one != many.replace("2", "1"), source
            counted += 1
    assert counted >= 7


@pytest.mark.parametrize(
    ("seconds", "english"),
    [(60, "1 minute"), (150, "2 minutes"), (86400, "1 day"), (2 * 86400, "2 days")],
)
def test_the_crack_time_reads_one_minute_and_two_minutes(seconds: int, english: str) -> None:
    assert crack_time_words(seconds, "en") == english


def test_the_pdf_counts_items_to_fix_in_proper_english() -> None:
    from desktop.report.words import word

    assert word("open_items", "en", n=1) == "1 item to fix"
    assert word("open_items", "en", n=2) == "2 items to fix"
    assert word("open_items", "vi", n=1) == "1 mục cần khắc phục"
