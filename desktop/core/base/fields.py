"""Defensive reading of untrusted tables (TOML checklists, JSON answers files).

A `Fields` wraps one table and hands out typed values; anything missing, of the wrong
type, out of range or unknown raises the subsystem's `LocatedError` naming the file,
the item and the dotted field path, so a user never sees a traceback.
"""

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from desktop.core.base import field_words
from desktop.core.base.errors import Flaw, LocatedError
from desktop.core.base.i18n import LANGUAGES, Steps, Text
from desktop.core.base.text import printable
from desktop.core.base.toml_text import parse_toml as parse_toml

E = TypeVar("E", bound=StrEnum)

MAX_TEXT = 20_000  # characters; longer fields are a mistake or an attack
MAX_LIST = 1_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
# A staff id: it names bundle folders and is an ssh-keygen principal, so no path
# separators and no leading dot.
STAFF_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")
# An SSH key's fingerprint as `ssh-keygen -l` prints it and the summary PDF shows it.
FINGERPRINT = re.compile(r"SHA256:([A-Za-z0-9+/]{43})")
# A domain name (RFC 1035 labels), as an official domain or the part after "@". ASCII
# only: under a Unicode IGNORECASE, [a-z] also matches "ſ" (U+017F) and the Kelvin sign.
DOMAIN = re.compile(
    r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
    re.IGNORECASE | re.ASCII,
)


def ascii_domain(text: str) -> str | None:
    """`text` as the lower-case ASCII domain name it stands for, or None if it is none.

    Mapped as IDNA with UTS-46 does (case, full-width forms, compatibility letters:
    "dangcongſan.vn" is dangcongsan.vn), other scripts as xn-- labels. Domains are only
    ever compared in this form."""
    name = text.removesuffix(".")
    if printable(name) != name or any(ch.isspace() for ch in name):
        return None  # UTS-46 would drop a zero-width space: a stray character, no domain
    try:
        try:
            import idna  # a dependency; Python's own IDNA 2003 codec if a build lost it
        except ImportError:  # pragma: no cover
            mapped = name.encode("idna")
        else:
            mapped = idna.encode(name, uts46=True)
    except UnicodeError:  # idna.IDNAError is one: an empty label, a disallowed character
        return None
    domain = mapped.decode("ascii").lower()
    return domain if DOMAIN.fullmatch(domain) else None


def _describe(value: object) -> str:
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def has_surrogate(text: str) -> bool:
    # JSON's "\ud800" escapes decode to lone surrogates that no output can encode.
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class Fields:
    """Typed access to one table of an untrusted document."""

    def __init__(
        self,
        data: object,
        *,
        file: str | Text,  # a file's name, or a thing named in words (a draft)
        error: type[LocatedError],
        item: str | None = None,
        path: str = "",
        echo: bool = True,
    ) -> None:
        self.file = file
        # Whether errors may quote the offending value. Off for answers files, where a
        # value in the wrong place could be a password the user pasted by mistake.
        self.echo = echo
        self.error = error
        self.item = item
        self.path = path
        if not isinstance(data, dict):
            raise self.fail(None, field_words.must_be("a table", _describe(data)))
        self.data: dict[str, Any] = data
        self._seen: set[str] = set()

    # -- errors ---------------------------------------------------------------------------

    def where(self, key: str | None) -> str | None:
        if key is None:
            return self.path or None
        return f"{self.path}.{key}" if self.path else key

    def quoting(self, message: Text, value: object) -> Text:
        """`message` quoting the bad value, when this document may be quoted."""
        return field_words.with_value(message, value) if self.echo else message

    def _child(self, data: object, path: str) -> "Fields":
        return Fields(
            data, file=self.file, error=self.error, item=self.item, path=path, echo=self.echo
        )

    def fail(self, key: str | None, message: str | Text, flaw: Flaw = Flaw.INVALID) -> LocatedError:
        return self.error(self.file, message, item=self.item, field=self.where(key), flaw=flaw)

    def with_item(self, item: str) -> "Fields":
        """The same table, with errors naming `item` and fields relative to it."""
        self.item = item
        self.path = ""
        return self

    # -- raw access -----------------------------------------------------------------------

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str) -> Any:
        """The value of `key` as it is, counted as read: for a caller that checks it."""
        self._seen.add(key)
        return self.data.get(key)

    def _get(self, key: str, optional: bool) -> Any:
        self._seen.add(key)
        value = self.data.get(key)
        if value is None:  # JSON null counts as absent
            if optional:
                return None
            raise self.fail(key, field_words.MISSING, Flaw.MISSING)
        return value

    def _typed(self, key: str, value: Any, kind: type, label: str) -> Any:
        # bool is an int in Python; a checklist that says `months = true` is wrong.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(key, field_words.must_be(label, _describe(value)))
        return value

    # -- scalars --------------------------------------------------------------------------

    def string(
        self,
        key: str,
        *,
        optional: bool = False,
        pattern: re.Pattern[str] | None = None,
        max_length: int = MAX_TEXT,
        allow_empty: bool = False,
    ) -> str | None:
        value = self._get(key, optional)
        if value is None:
            return None
        value = self._typed(key, value, str, "text")
        if not allow_empty and not value.strip():
            raise self.fail(key, field_words.EMPTY)
        if len(value) > max_length:
            raise self.fail(key, field_words.longer_than(max_length))
        if has_surrogate(value):
            raise self.fail(key, field_words.NOT_UNICODE)
        if pattern is not None and not pattern.fullmatch(value):
            raise self.fail(key, self.quoting(field_words.INVALID_FORM, value))
        return str(value)

    def required(self, key: str, **kwargs: Any) -> str:
        value = self.string(key, **kwargs)
        assert value is not None  # optional=False guarantees it
        return value

    def identifier(self, key: str) -> str:
        return self.required(key, pattern=ID_PATTERN)

    def integer(self, key: str, *, low: int, high: int, optional: bool = False) -> int | None:
        value = self._get(key, optional)
        if value is None:
            return None
        value = self._typed(key, value, int, "a whole number")
        if not low <= value <= high:
            raise self.fail(key, self.quoting(field_words.between(low, high), value))
        return int(value)

    def boolean(self, key: str, *, optional: bool = False) -> bool | None:
        value = self._get(key, optional)
        if value is None:
            return None
        return bool(self._typed(key, value, bool, "true or false"))

    def enum(self, key: str, cls: type[E], *, optional: bool = False) -> E | None:
        value = self.string(key, optional=optional)
        if value is None:
            return None
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            raise self.fail(key, self.quoting(field_words.one_of(allowed), value)) from None

    def required_enum(self, key: str, cls: type[E]) -> E:
        value = self.enum(key, cls)
        assert value is not None  # optional=False guarantees it
        return value

    def iso_date(self, key: str, *, optional: bool = False) -> date | None:
        raw = self.data.get(key)
        if isinstance(raw, date) and not isinstance(raw, datetime):  # a TOML date
            self._seen.add(key)
            return raw
        value = self.string(key, optional=optional)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, self.quoting(field_words.A_DATE, value)) from None

    # -- compound -------------------------------------------------------------------------

    def string_list(
        self, key: str, *, optional: bool = False, pattern: re.Pattern[str] | None = None
    ) -> tuple[str, ...] | None:
        value = self._get(key, optional)
        if value is None:
            return None
        value = self._typed(key, value, list, "a list")
        if len(value) > MAX_LIST:
            raise self.fail(key, field_words.more_entries(MAX_LIST))
        out: list[str] = []
        for index, entry in enumerate(value):
            entry_key = f"{key}[{index}]"
            if not isinstance(entry, str):
                raise self.fail(entry_key, field_words.must_be("text", _describe(entry)))
            if not entry.strip():
                raise self.fail(entry_key, field_words.EMPTY)
            if len(entry) > MAX_TEXT:
                raise self.fail(entry_key, field_words.longer_than(MAX_TEXT))
            if has_surrogate(entry):
                raise self.fail(entry_key, field_words.NOT_UNICODE)
            if pattern is not None and not pattern.fullmatch(entry):
                raise self.fail(entry_key, self.quoting(field_words.INVALID_FORM, entry))
            out.append(entry)
        return tuple(out)

    def enum_set(self, key: str, cls: type[E], *, optional: bool = False) -> frozenset[E] | None:
        values = self.string_list(key, optional=optional)
        if values is None:
            return None
        out: set[E] = set()
        for index, value in enumerate(values):
            try:
                out.add(cls(value))
            except ValueError:
                allowed = ", ".join(member.value for member in cls)
                raise self.fail(
                    f"{key}[{index}]", self.quoting(field_words.one_of(allowed), value)
                ) from None
        return frozenset(out)

    def table(self, key: str, *, optional: bool = False) -> "Fields | None":
        value = self._get(key, optional)
        if value is None:
            return None
        return self._child(value, self.where(key) or key)

    def tables(
        self, key: str, *, optional: bool = False, max_entries: int = MAX_LIST
    ) -> list["Fields"]:
        value = self._get(key, optional)
        if value is None:
            return []
        value = self._typed(key, value, list, "a list of tables")
        if len(value) > max_entries:
            raise self.fail(key, field_words.more_entries(max_entries))
        return [
            self._child(entry, self.where(f"{key}[{i}]") or key) for i, entry in enumerate(value)
        ]

    def text(self, key: str) -> Text:
        table = self.table(key)
        assert table is not None
        vi, en = (table.required(language) for language in LANGUAGES)
        table.done()
        return Text(vi=vi, en=en)

    def steps(self, key: str) -> Steps:
        table = self.table(key)
        assert table is not None
        vi, en = (table.string_list(language) or () for language in LANGUAGES)
        if len(vi) != len(en):
            n_vi, n_en = len(vi), len(en)
            raise table.fail(
                None,
                Text(
                    f"có {n_vi} bước tiếng Việt và {n_en} bước tiếng Anh",
                    f"has {n_vi} Vietnamese and {n_en} English steps",
                ),
            )
        table.done()
        return Steps(vi=vi, en=en)

    def done(self) -> None:
        """Reject any key nobody asked for: a typo in a checklist must not pass silently."""
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            raise self.fail(unknown[0], field_words.UNKNOWN_FIELD)
