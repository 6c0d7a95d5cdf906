"""Folding Vietnamese text so that comparisons ignore diacritics, case and spacing."""

import re
import unicodedata

# đ/Đ are letters of their own, not d plus a combining mark, so NFD leaves them alone.
_STROKE_D = str.maketrans({"đ": "d", "Đ": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics: "Nguyễn Đức" -> "nguyen duc"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKE_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`, punctuation and spacing dropped."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def printable(text: str) -> str:
    """`text` with control characters shown as escapes, so it cannot forge output lines.

    For anything from outside (a signed name, a file name, a field of a checklist) that
    reaches a terminal: an escape sequence could clear the screen or overwrite a line."""
    return "".join(ch.encode("unicode_escape").decode() if _unprintable(ch) else ch for ch in text)


def _unprintable(ch: str) -> bool:
    # Control and format characters, and the line and paragraph separators U+2028/9,
    # which some terminals and every text widget break lines at.
    category = unicodedata.category(ch)
    return category[0] == "C" or category in ("Zl", "Zp")
