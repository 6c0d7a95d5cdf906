"""Errors of the core, one family per subsystem.

Each error names where the problem is (file, item, field) so that a user or an agency
editing a checklist can fix it without reading code; `str(error)` is the one line shown.
"""

from enum import StrEnum
from pathlib import Path

from desktop.core.base.text import printable


class SelfCheckError(Exception):
    """Something SelfCheck cannot go on with; the message says what and where."""


class Flaw(StrEnum):
    """What is wrong with the field, for code that acts on it; people read the message."""

    INVALID = "invalid"
    MISSING = "missing"


class LocatedError(SelfCheckError):
    """An error in a file the user or the agency gave us, pointing at the bad field."""

    def __init__(
        self,
        file: str | Path,
        message: str,
        *,
        item: str | None = None,
        field: str | None = None,
        flaw: Flaw = Flaw.INVALID,
    ) -> None:
        self.file = str(file)
        self.item = item
        self.field = field
        self.message = message
        self.flaw = flaw
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [self.file]
        if self.item is not None:
            parts.append(f"item '{_shortened(self.item)}'")
        if self.field is not None:
            parts.append(f"field '{_shortened(self.field)}'")
        parts.append(self.message)
        # Names and ids in the message come from the file: a line break in a key must not
        # turn the one line a user reads into two.
        return printable(": ".join(parts))


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
