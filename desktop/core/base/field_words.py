"""What is wrong with a field, in both languages: the words every checked file's errors
share (base.fields for checklists, answers files and rosters; records.summary_refusal for
summary.json). Each says what the field is or must be, after its name:
"field 'name': is missing" / "trường 'name': còn thiếu". The words a whole file is refused
with (too large, not UTF-8, not JSON) are here too, as several readers share them.
"""

import json
import re

from desktop.core.base.i18n import Text

MISSING = Text("còn thiếu", "is missing")
EMPTY = Text("không được để trống", "must not be empty")
UNKNOWN_FIELD = Text("là trường không có trong định dạng", "is not a known field")
NOT_UNICODE = Text("không phải là văn bản Unicode hợp lệ", "is not valid Unicode text")
INVALID_FORM = Text("không đúng định dạng", "has an invalid form")
NOT_A_DATE = Text("không phải là một ngày có thật", "is not a real date")
NOT_A_TIME = Text("không phải là một thời điểm có thật", "is not a real time")
TWICE = Text("bị liệt kê hai lần", "is listed twice")
A_DATE = Text("phải là ngày theo dạng YYYY-MM-DD", "must be a date as YYYY-MM-DD")

# A whole file (or a value in it) refused.
NESTED = Text("lồng nhau quá sâu", "is nested too deeply")
NOT_UTF8 = Text("không phải văn bản UTF-8", "is not UTF-8 text")

# A kind of value, as a message names what a field is or must be.
KINDS = {
    "text": Text("văn bản", "text"),
    "a number": Text("một số", "a number"),
    "true/false": Text("giá trị đúng/sai", "true/false"),
    "a list": Text("một danh sách", "a list"),
    "a table": Text("một bảng", "a table"),
    "a whole number": Text("một số nguyên", "a whole number"),
    "true or false": Text("giá trị đúng/sai (true hoặc false)", "true or false"),
    "a list of tables": Text("một danh sách các bảng", "a list of tables"),
}


def kind(label: str) -> Text:
    """One of KINDS; another type by its name (a TOML date and time: "datetime")."""
    return KINDS.get(label) or Text(f"kiểu {label}", label)


def must_be(expected: str, got: str) -> Text:
    want, have = kind(expected), kind(got)
    return Text(f"phải là {want.vi}, nhưng là {have.vi}", f"must be {want.en}, got {have.en}")


def longer_than(limit: object) -> Text:
    return Text(f"dài hơn {limit} ký tự", f"is longer than {limit} characters")


def more_entries(limit: object) -> Text:
    return Text(f"có hơn {limit} mục", f"has more than {limit} entries")


def between(low: object, high: object) -> Text:
    return Text(f"phải nằm trong khoảng từ {low} đến {high}", f"must be between {low} and {high}")


def one_of(allowed: str) -> Text:
    return Text(f"phải là một trong các giá trị {allowed}", f"must be one of {allowed}")


def with_value(message: Text, value: object) -> Text:
    """`message` quoting the bad value, shortened."""
    shown = repr(str(value)[:40])
    return Text(f"{message.vi} (giá trị: {shown})", f"{message.en} (got {shown})")


def larger_than(limit: object) -> Text:
    """A file over its reader's limit, in bytes."""
    return Text(f"lớn hơn {limit} byte", f"is larger than {limit} bytes")


def not_utf8(exc: UnicodeDecodeError) -> Text:
    """Bytes that are not UTF-8 text, and where they stop being so."""
    at = f" (byte {exc.start})"
    return Text(NOT_UTF8.vi + at, NOT_UTF8.en + at)


_LINE_COLUMN = re.compile(r"at line (\d+), column (\d+)")  # tomllib's
_BYTE = re.compile(r"\(byte (\d+)\)")  # msgspec's


def not_valid(form: str, exc: BaseException) -> Text:
    """Text that is not valid JSON or TOML: the English is the parser's own words; the
    Vietnamese keeps of them only where, as numbers: "không phải JSON hợp lệ (dòng 3,
    cột 7)"."""
    return Text(f"không phải {form} hợp lệ{_where(exc)}", f"is not valid {form}: {exc}")


def _where(exc: BaseException) -> str:
    """Where a parser stopped, in Vietnamese, from what it tells: json's line and column,
    tomllib's (in its message), msgspec's byte, a decoder's byte; else nothing."""
    if isinstance(exc, json.JSONDecodeError):
        return f" (dòng {exc.lineno}, cột {exc.colno})"
    if isinstance(exc, UnicodeDecodeError):
        return f" (byte {exc.start})"
    found = _LINE_COLUMN.search(str(exc))
    if found:
        return f" (dòng {found[1]}, cột {found[2]})"
    found = _BYTE.search(str(exc))
    return f" (byte {found[1]})" if found else ""
