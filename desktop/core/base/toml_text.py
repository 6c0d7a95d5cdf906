"""Strict TOML from untrusted bytes (checklists, rosters, answers files, token lists):
bounded in size, UTF-8, and in the depth of its keys; errors name the file."""

import re
from typing import Any

from desktop.core.base import field_words
from desktop.core.base.errors import LocatedError
from desktop.core.base.i18n import Text

MAX_KEY_DOTS_PER_LINE = 64  # a.b.c…: dots outside strings and comments, on one line
MAX_KEY_DOTS = 4_096  # … and in the whole file
_OUTSIDE = re.compile(r"[.#\n\"']")
# Where each kind of string ends: basic strings honour backslash escapes, literal ones do
# not; a one-line string also ends (unclosed) at the end of its line.
_CLOSING = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*(?:"|(?=\n)|$)'),
    "'": re.compile(r"[^'\n]*(?:'|(?=\n)|$)"),
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''"),
}


def bounded_text(raw: bytes, name: "str | Text", error: type[LocatedError], limit: int) -> str:
    """Untrusted bytes as text: at most `limit` bytes, UTF-8, or `error` naming the file
    (the start of every strict reader here: TOML, and the answers' JSON)."""
    if len(raw) > limit:
        raise error(name, field_words.larger_than(limit))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(name, field_words.not_utf8(exc)) from None


def parse_toml(raw: bytes, name: str, error: type[LocatedError], limit: int) -> Any:
    """Strict TOML from untrusted bytes: bounded size, UTF-8, depth; errors name the file."""
    text = bounded_text(raw, name, error, limit)
    _check_key_depth(text, name, error)
    import tomllib  # here: the summaries' fields are checked at start-up, where no TOML is read

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's own words, in English: the Vietnamese says what, and where.
        raise error(name, field_words.not_valid("TOML", exc)) from None
    except RecursionError:
        raise error(name, field_words.NESTED) from None


def _check_key_depth(text: str, name: str, error: type[LocatedError]) -> None:
    """Refuse deeply dotted keys before tomllib sees them.

    tomllib's time and memory grow with the square of a dotted key's depth, and with the
    depth of the table header above it: a.a.a… 20,000 deep took 2 GiB and 10 s, and a
    2 MiB file of 1,000-deep keys under a 1,000-deep header 158 s. Dots outside strings
    and comments are key separators (or the point of a float), so they are counted per
    line and over the file. The shipped checklists have at most 2 on a line."""
    total = on_line = 0
    line, index = 1, 0
    while (found := _OUTSIDE.search(text, index)) is not None:
        char, index = found[0], found.end()
        if char == "\n":
            line += 1
            on_line = 0
        elif char == "#":
            index = text.find("\n", index)
            if index < 0:
                return
        elif char == ".":
            on_line += 1
            total += 1
            if on_line > MAX_KEY_DOTS_PER_LINE:
                deep = MAX_KEY_DOTS_PER_LINE
                raise error(
                    name,
                    Text(
                        f"dòng {line}: một tên trường lồng sâu hơn {deep} cấp",
                        f"line {line}: a key more than {deep} deep",
                    ),
                )
            if total > MAX_KEY_DOTS:
                raise error(
                    name,
                    Text(
                        f"dòng {line}: có hơn {MAX_KEY_DOTS} tên trường có dấu chấm",
                        f"line {line}: more than {MAX_KEY_DOTS} dotted keys",
                    ),
                )
        else:  # a string opens: skip to its end (tomllib judges whether it has one)
            delimiter = char * 3 if text.startswith(char * 3, found.start()) else char
            index = found.start() + len(delimiter)
            ended = _CLOSING[delimiter].match(text, index)
            if ended is None:
                return
            line += text.count("\n", index, ended.end())
            index = ended.end()
