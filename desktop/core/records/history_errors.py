"""The history's errors, each told in Vietnamese and in English (history.py raises them)."""

import sqlite3
from pathlib import Path

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Text


class HistoryError(SelfCheckError):
    """The local history cannot be used."""


class HistoryDamaged(HistoryError):  # noqa: N818 (reads as the state shown to users)
    """The history database is damaged; a copy was kept aside."""


OTHER_KEY = Text("bản khai được ký bằng một khóa khác", "the summary was signed by another key")
NAMES_OTHER_KEY = Text("bản khai ghi một khóa ký khác", "the summary names another signing key")
MEANWHILE = Text(
    "vừa có một bản khai khác được lưu (SelfCheck có đang chạy hai lần không?); chưa lưu "
    "gì, xin thử lại",
    "another declaration was saved meanwhile (is SelfCheck running twice?); "
    "nothing was saved, please try again",
)


_HELD = (
    "cơ sở dữ liệu lịch sử đang bị một chương trình khác giữ (SelfCheck có đang mở hai lần không?)"
)
# Why, by SQLite's primary result code: its words are English, its code is not.
_WHY = {
    3: "không có quyền truy cập",  # SQLITE_PERM
    5: _HELD,  # SQLITE_BUSY
    6: _HELD,  # SQLITE_LOCKED
    8: "ổ đĩa hoặc tệp chỉ cho phép đọc",  # SQLITE_READONLY
    10: "lỗi đọc/ghi ổ đĩa",  # SQLITE_IOERR
    13: "ổ đĩa đã đầy",  # SQLITE_FULL
    14: "không mở được tệp cơ sở dữ liệu",  # SQLITE_CANTOPEN
    23: "không có quyền truy cập",  # SQLITE_AUTH
}


def unusable(exc: sqlite3.DatabaseError) -> Text:
    """A locked, read-only or full disk: a passing problem. SQLite's words are English;
    the Vietnamese says why by its result code, and names the code."""
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    name: str | None = getattr(exc, "sqlite_errorname", None)
    why = _WHY.get(code & 0xFF) if code is not None else None
    if why is None:  # a code not listed: say no more than SQLite did, by its name
        why = "SQLite báo lỗi"
    return Text(
        f"hiện không dùng được cơ sở dữ liệu lịch sử: {why}" + (f" ({name})" if name else ""),
        f"the history database cannot be used now ({exc})",
    )


def damaged(damage: str, aside: Path) -> Text:
    """The database was set aside as `aside`: the Vietnamese names the copy, not SQLite's
    English words for the damage."""
    return Text(
        f"cơ sở dữ liệu lịch sử bị hỏng; bản cũ được giữ lại tại {aside} và không nội dung "
        "nào trong đó được coi là hợp lệ",
        f"the history database is damaged ({damage}); it was kept as {aside} "
        "and nothing in it is shown as valid",
    )
