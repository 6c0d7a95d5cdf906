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


def unusable(exc: sqlite3.DatabaseError) -> Text:
    """A locked, read-only or full disk: a passing problem (SQLite's words, English only)."""
    return Text(
        "hiện không dùng được cơ sở dữ liệu lịch sử (ổ đĩa có thể đang bị khóa, chỉ cho phép "
        "đọc hoặc đã đầy)",
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
