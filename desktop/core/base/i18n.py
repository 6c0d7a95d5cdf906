"""Bilingual text as it comes from the checklists: Vietnamese first, English complete."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, get_args

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "vi"


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of user-facing text in both languages."""

    vi: str
    en: str

    def get(self, language: Language) -> str:
        return self.vi if language == "vi" else self.en


@dataclass(frozen=True, slots=True)
class Steps:
    """An ordered list of instructions in both languages (same length in each)."""

    vi: tuple[str, ...]
    en: tuple[str, ...]

    def get(self, language: Language) -> tuple[str, ...]:
        return self.vi if language == "vi" else self.en

    def __add__(self, other: "Steps") -> "Steps":
        return Steps(self.vi + other.vi, self.en + other.en)

    def __bool__(self) -> bool:
        return bool(self.vi)


NO_STEPS = Steps((), ())


def show_date(value: date | str) -> str:
    """A date as Vietnamese officials write it, dd/mm/yyyy, in both languages (the glossary).

    Takes a date or the ISO text a summary records ("2026-11-29", or a time "…T08:00:00Z");
    text that is not a date is returned as it is.
    """
    day = value
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    assert isinstance(day, date)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def show_time(value: str) -> str:
    """A recorded UTC time ("2026-11-29T08:05:00Z") as dd/mm/yyyy hh:mm UTC: for what is
    read on another computer (the PDF), where the local clock means nothing."""
    if len(value) < 16 or value[10] != "T":
        return value
    return f"{show_date(value)} {value[11:16]} UTC"


def show_local_time(value: str) -> str:
    """A recorded UTC time as this computer's clock shows it, dd/mm/yyyy hh:mm: for the
    app's own lists (drafts, history), where an official in Hà Nội saved a draft at 15:05,
    not at 08:05 UTC."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        return show_time(value)
    try:
        here = moment.astimezone()
    except (OverflowError, OSError):  # beyond year 9999 here, or before 1970 on Windows
        return show_time(value)
    return f"{show_date(here.date())} {here.hour:02d}:{here.minute:02d}"
