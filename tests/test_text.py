import pytest

from desktop.core.base.text import fold, words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("ĐẶNG ĐỨC", "dang duc"),
        ("đường", "duong"),
        # The same name typed with combining marks (NFD) folds the same way.
        ("Nguye\u0302\u0303n", "nguyen"),
        ("Lê Thị Hồng Nhung", "le thi hong nhung"),
    ],
)
def test_fold_strips_vietnamese_diacritics_and_case(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_words_drop_punctuation_and_spacing() -> None:
    assert words("  Nguyễn-Văn  An (Bin)! ") == ["nguyen", "van", "an", "bin"]


def test_the_app_s_lists_show_this_computer_s_time_and_the_pdf_shows_utc() -> None:
    import time

    from desktop.core.base.i18n import show_local_time, show_time

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "ICT-7")  # Việt Nam, UTC+7 (a POSIX rule: no tz database needed)
        time.tzset()
        assert show_local_time("2026-11-29T08:05:00Z") == "29/11/2026 15:05"
        assert show_local_time("2026-12-31T20:30:00+00:00") == "01/01/2027 03:30"
        assert show_time("2026-11-29T08:05:00Z") == "29/11/2026 08:05 UTC"
        assert show_local_time("not a time") == "not a time"
        # A time no clock here can show (history.db is read as it is): shown in UTC.
        assert show_local_time("9999-12-31T23:00:00Z") == "31/12/9999 23:00 UTC"
    time.tzset()
