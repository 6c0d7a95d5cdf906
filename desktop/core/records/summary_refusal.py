"""Why summary.json was refused, in one line naming the field.

Only summaries the decoder refused come here. The bytes are parsed again with the standard
library, strictly, to tell JSON that is not plain JSON (a key given twice, a float, NaN,
deep nesting) or not a SelfCheck summary from a summary of the wrong structure; then
msgspec's complaint is told in the words of every other checked file, with what the field
must be read from its type in summary_shape.py.
"""

import json
import re
from functools import cache
from typing import Any

import msgspec
import msgspec.inspect as mi

from desktop.core.base import field_words
from desktop.core.base.fields import has_surrogate
from desktop.core.base.i18n import Text
from desktop.core.base.text import printable
from desktop.core.records.summary_shape import (
    FILE,
    FORMAT,
    VERSION,
    Summary,
    SummaryError,
    located,
)

_AT = re.compile(r"(.*) - at `\$(.*)`", re.DOTALL)
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
_NAMED = re.compile(r"Object (missing required|contains unknown) field `(.*)`", re.DOTALL)
_TYPE = re.compile(r"Expected `([^`]*)`, got `(\w+)`")
_LENGTH = re.compile(r"Expected `(str|array)` of length ([<>])= \d+")
_GOT = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "array": "a list",
    "object": "a table",
}


def _not_json(exc: BaseException) -> SummaryError:
    told = field_words.not_valid("JSON", exc)
    return SummaryError(Text(f"{FILE} {told.vi}", f"{FILE} {told.en}"))


def strict_json(data: bytes) -> Any:
    """The JSON value of `data`; SummaryError unless it is UTF-8 JSON with no key given
    twice, no float and no NaN."""
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_strict_pairs,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError as exc:
        vi = field_words.not_utf8(exc).vi
        raise SummaryError(Text(f"{FILE} {vi}", f"{FILE} is not UTF-8")) from None
    except RecursionError:
        nested = field_words.NESTED
        raise SummaryError(Text(f"{FILE} {nested.vi}", f"{FILE} {nested.en}")) from None
    except ValueError as exc:
        raise _not_json(exc) from None


def _strict_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # a key given twice; found only then, as it is rare
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise SummaryError(Text(f"tên trường {key!r} bị lặp lại", f"duplicate key {key!r}"))
            seen.add(key)
    return out


def _no_float(text: str) -> float:
    raise SummaryError(
        Text("không được dùng số thập phân", "floating-point numbers are not allowed")
    )


def _no_constant(text: str) -> float:
    raise SummaryError(Text(f"không được dùng {text}", f"{text} is not allowed"))


def refusal(data: bytes, error: msgspec.DecodeError) -> SummaryError:
    """The error to tell for `data`, which msgspec refused with `error`."""
    try:
        value = strict_json(data)
    except SummaryError as exc:
        return exc
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        return SummaryError(Text("không phải bản khai của SelfCheck", "not a SelfCheck summary"))
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return SummaryError(
            Text("summary.json không có số phiên bản hợp lệ", "summary.json has no valid version")
        )
    if version > VERSION:
        return SummaryError(
            Text(
                f"summary.json thuộc phiên bản {version}, mới hơn phiên bản ứng dụng này",
                f"summary.json is version {version}, newer than this app",
            )
        )
    if isinstance(error, msgspec.ValidationError):
        try:
            return _explained(str(error), value)
        except (LookupError, TypeError, StopIteration):  # worded as no msgspec here words it
            at = _AT.fullmatch(str(error))  # the field's path: the same in both languages
            path = printable(f" (tại `${at[2][:120]}`)") if at else ""
            english = printable(f"{FILE}: {error}")
            return SummaryError(Text(f"{FILE} có trường sai kiểu hoặc sai dạng{path}", english))
    try:  # JSON's "\ud800" escapes: text that no output can encode
        where = _surrogate(value, [])
    except RecursionError:
        where = None
    if where is not None:
        return located(_dotted(where), field_words.NOT_UNICODE)
    return _not_json(error)


def _explained(message: str, doc: dict[str, Any]) -> SummaryError:
    at = _AT.fullmatch(message)
    text, path = (at[1], at[2]) if at else (message, "")
    steps: list[str | int] = [name or int(index) for name, index in _STEP.findall(path)]
    # A list's length is told before its entries, as msgspec cannot: it reads in order.
    for depth, step in enumerate(steps):
        kind = _type_at(steps[:depth])
        if isinstance(step, int) and isinstance(kind, mi.ListType) and kind.max_length:
            entries = _value_at(doc, steps[:depth])
            if len(entries) > kind.max_length:
                return located(_dotted(steps[:depth]), field_words.more_entries(kind.max_length))
    named = _NAMED.fullmatch(text)
    if named:
        known = named[1] == "missing required"
        flaw = field_words.MISSING if known else field_words.UNKNOWN_FIELD
        return located(_dotted([*steps, named[2]]), flaw)
    field, kind, value = _dotted(steps), _type_at(steps), _value_at(doc, steps)
    wrong = _TYPE.fullmatch(text)
    if wrong:
        if wrong[2] == "null":
            return located(field, field_words.MISSING)
        return located(field, field_words.must_be(_label(kind), _GOT.get(wrong[2], wrong[2])))
    if text.startswith("Invalid enum value"):
        allowed = field_words.one_of(", ".join(_allowed(kind)))
        return located(field, field_words.with_value(allowed, value))
    length = _LENGTH.match(text)
    if length and isinstance(kind, mi.StrType | mi.ListType):
        if length[2] == ">":
            return located(field, field_words.EMPTY)
        if isinstance(kind, mi.StrType):
            return located(field, field_words.longer_than(kind.max_length))
        return located(field, field_words.more_entries(kind.max_length))
    if isinstance(kind, mi.StrType) and text.startswith("Expected `str` matching regex"):
        return located(field, field_words.with_value(field_words.INVALID_FORM, value))
    if isinstance(kind, mi.IntType):
        return located(field, field_words.with_value(field_words.between(kind.ge, kind.le), value))
    return located(field, Text("không đúng kiểu hoặc dạng", text))


@cache
def _summary_type() -> mi.Type:
    return mi.type_info(Summary)


def _type_at(steps: list[str | int]) -> mi.Type:
    kind = _bare(_summary_type())
    for step in steps:
        if isinstance(kind, mi.ListType):
            kind = kind.item_type
        elif isinstance(kind, mi.StructType):
            kind = next(f.type for f in kind.fields if f.encode_name == step)
        kind = _bare(kind)
    return kind


def _bare(kind: mi.Type) -> mi.Type:
    """The type itself: without its schema notes, and without null beside it."""
    while True:
        if isinstance(kind, mi.Metadata):
            kind = kind.type
        elif isinstance(kind, mi.UnionType):
            kind = next(t for t in kind.types if not isinstance(t, mi.NoneType))
        else:
            return kind


def _value_at(doc: Any, steps: list[str | int]) -> Any:
    for step in steps:
        doc = doc[step]
    return doc


def _dotted(steps: list[str | int]) -> str:
    """A path as Fields names it: `findings[0].provisions[1]`."""
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def _label(kind: mi.Type) -> str:
    if isinstance(kind, mi.ListType):
        return "a list of tables" if isinstance(kind.item_type, mi.StructType) else "a list"
    if isinstance(kind, mi.StructType):
        return "a table"
    if isinstance(kind, mi.IntType):
        return "a whole number"
    if isinstance(kind, mi.BoolType):
        return "true or false"
    return "text"


def _allowed(kind: mi.Type) -> list[str]:
    if isinstance(kind, mi.EnumType):
        return [str(member.value) for member in kind.cls]
    if isinstance(kind, mi.LiteralType):
        return [str(value) for value in kind.values]
    return []


def _surrogate(value: Any, steps: list[str | int]) -> list[str | int] | None:
    """The path of the first text (or key) holding a lone surrogate, or None."""
    if isinstance(value, str):
        return steps if has_surrogate(value) else None
    if isinstance(value, dict):
        children: Any = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return None
    for key, inner in children:
        if isinstance(key, str) and has_surrogate(key):
            return [*steps, key]
        found = _surrogate(inner, [*steps, key])
        if found is not None:
            return found
    return None
