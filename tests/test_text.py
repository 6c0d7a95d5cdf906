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
