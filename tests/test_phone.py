import pytest

from desktop.core.assessment.checks.phone import is_phone_number, is_vietnamese_mobile


@pytest.mark.parametrize(
    "number",
    [
        "0912345678",
        "+84 912 345 678",
        "+84 (0) 912 345 678",
        "+840912345678",
        "0084912345678",
        "84912345678",
        "0988.765.432",
        "(+84) 388-765-432",
    ],
)
def test_vietnamese_mobile_numbers_in_the_forms_people_write(number: str) -> None:
    assert is_vietnamese_mobile(number)


@pytest.mark.parametrize(
    "number",
    ["+33 6 12 34 56 78", "+1 202 555 0143", "0241234567", "09١٢٣٤٥٦٧٨", "091234567", "không có"],
)
def test_foreign_landline_and_malformed_numbers_are_not(number: str) -> None:
    assert not is_vietnamese_mobile(number)


def test_any_phone_number() -> None:
    assert is_phone_number("+33 6 12 34 56 78")
    assert not is_phone_number("không có")
    assert not is_phone_number("12")
