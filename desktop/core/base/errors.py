"""Errors of the core, one family per subsystem.

Each error names where the problem is (file, item, field) so that a user or an agency
editing a checklist can fix it without reading code; `str(error)` is the one line shown.

Raised with a `Text` instead of a string, an error is bilingual: `error.text` holds its
message in Vietnamese and English for the windows and the Vietnamese report, while
`str(error)` stays the English for the command line, the logs and the CSV. An error raised
with English only has `text` None; the windows then say only the sentence they choose for
its kind, never the English.
"""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.core.base.text import printable

if TYPE_CHECKING:  # i18n needs dataclasses and datetime: this module loads before the first paint
    from desktop.core.base.i18n import Language, Text


class SelfCheckError(Exception):
    """Something SelfCheck cannot go on with; the message says what and where."""

    text: "Text | None" = None  # the message in both languages, when raised with them

    def __init__(self, *args: object) -> None:
        if len(args) == 1 and not isinstance(args[0], str):
            from desktop.core.base.i18n import Text

            if isinstance(args[0], Text):
                self.text = args[0]
                args = (args[0].en,)
        super().__init__(*args)


def said(exc: BaseException) -> "Text | None":
    """The error's message in both languages, None when the core has it in English only."""
    from desktop.core.base.i18n import Text

    text = getattr(exc, "text", None)
    return text if isinstance(text, Text) else None


def bilingual(exc: BaseException, vi: str) -> "Text":
    """`exc`'s message in both languages; `vi` stands in for it in Vietnamese when the
    error has its words in English only (a library's, the operating system's)."""
    from desktop.core.base.i18n import Text

    return said(exc) or Text(vi, str(exc))


E = TypeVar("E", bound=SelfCheckError)


def refused(kind: type[E], path: object, vi: str, en: str) -> E:
    """An error of `kind` naming the file first, in both languages: "/x/a.pem: …"."""
    from desktop.core.base.i18n import Text

    return kind(Text(f"{path}: {vi}", f"{path}: {en}"))


class Flaw(StrEnum):
    """What is wrong with the field, for code that acts on it; people read the message."""

    INVALID = "invalid"
    MISSING = "missing"


class LocatedError(SelfCheckError):
    """An error in a file the user or the agency gave us, pointing at the bad field."""

    def __init__(
        self,
        file: "str | Path | Text",
        message: "str | Text",
        *,
        item: str | None = None,
        field: str | None = None,
        flaw: Flaw = Flaw.INVALID,
    ) -> None:
        # A file's name is the same in both languages; a thing named in words (a draft)
        # is not.
        self.place: Text | None = None if isinstance(file, str | Path) else file
        self.file = str(file) if self.place is None else self.place.en
        self.item = item
        self.field = field
        self.message = message if isinstance(message, str) else message.en
        self.flaw = flaw
        super().__init__(str(self))
        if not isinstance(message, str):
            self.text = type(message)(
                self._located("vi", message.vi), self._located("en", message.en)
            )

    def __str__(self) -> str:
        return self._located("en", self.message)

    def _located(self, language: "Language", message: str) -> str:
        parts = [self.file if self.place is None else self.place.get(language)]
        if self.item is not None:
            parts.append(_LABELS[language][0].format(_shortened(self.item)))
        if self.field is not None:
            parts.append(_LABELS[language][1].format(_shortened(self.field)))
        parts.append(message)
        # Names and ids in the message come from the file: a line break in a key must not
        # turn the one line a user reads into two.
        return printable(": ".join(parts))


# How a located message names the item and the field, in each language.
_LABELS: "dict[Language, tuple[str, str]]" = {
    "vi": ("mục '{}'", "trường '{}'"),
    "en": ("item '{}'", "field '{}'"),
}


def _shortened(name: str, limit: int = 120) -> str:
    """A name taken from the file, short enough for one line: a hostile file can have a
    100,000-character key, and the message must still fit on a screen."""
    if len(name) <= limit:
        return name
    return f"{name[: limit - 40]}…{name[-30:]}"


class PolicyError(LocatedError):
    """A checklist file is malformed or inconsistent with the others."""


class AnswersError(LocatedError):
    """An answers file (or a draft) is malformed or does not fit the checklists."""
