"""The answers file's JSON form read strictly: UTF-8, no duplicate keys, no NaN, no field
named like a password, bounded in size and depth; every refusal in both languages.

Split from answers.py (which re-exports parse_json): drafts and carried answers are read
through it too.
"""

import json
import re
from typing import Any

from desktop.core.base import field_words
from desktop.core.base.errors import AnswersError
from desktop.core.base.fields import has_surrogate
from desktop.core.base.i18n import Text
from desktop.core.base.text import fold
from desktop.core.base.toml_text import bounded_text

MAX_BYTES = 1024 * 1024
# Field names that would hold a secret. Nothing in the format is named like this, so a
# file that has one was written by mistake, and we refuse it rather than read past it.
SECRET_KEY = re.compile(r"(pass(word|wd|phrase)?|pwd|mat[ _-]?khau|secret|otp|pin)")
NO_SECRET = Text(
    "không bao giờ được chứa mật khẩu hay thông tin bí mật khác; anh/chị hãy xóa trường này",
    "must never hold a password or other secret; remove it",
)


class _KeyRefusedError(ValueError):
    """A field name that stops json.loads, raised from inside its hook; `key` is the name."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _DuplicateKeyError(_KeyRefusedError):
    pass


class _SecretKeyError(_KeyRefusedError):
    pass


class _NotUnicodeKeyError(_KeyRefusedError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if has_surrogate(key):
            raise _NotUnicodeKeyError(key.encode("utf-8", "replace").decode())
        if key in out:
            raise _DuplicateKeyError(key)
        if SECRET_KEY.fullmatch(fold(key)):
            raise _SecretKeyError(key)
        out[key] = value
    return out


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def parse_json(raw: bytes, name: "str | Text") -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN, bounded size and depth."""
    text = bounded_text(raw, name, AnswersError, MAX_BYTES)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except _NotUnicodeKeyError:
        raise AnswersError(
            name,
            Text(
                "có tên trường không phải văn bản Unicode hợp lệ",
                "has a field name that is not valid Unicode text",
            ),
        ) from None
    except _SecretKeyError as exc:
        raise AnswersError(name, NO_SECRET, field=exc.key) from None
    except _DuplicateKeyError as exc:
        raise AnswersError(
            name, Text("xuất hiện hai lần", "appears twice"), field=exc.key
        ) from None
    except RecursionError:
        raise AnswersError(name, field_words.NESTED) from None
    except ValueError as exc:
        raise AnswersError(name, field_words.not_valid("JSON", exc)) from None
