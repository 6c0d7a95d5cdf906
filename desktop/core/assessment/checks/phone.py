"""Phone numbers: what platforms accept to authenticate an account in Vietnam (Decree 147),
and whether a recovery number is a phone number at all."""

import re

_SEPARATORS = re.compile(r"[\s.\-()]|\(0\)")
# After the country code, Vietnamese mobile numbers have 9 digits starting with 3, 5, 7, 8, 9;
# people write the trunk 0 after +84 too ("+84 (0) 912 …", "+840912…").
_MOBILE = re.compile(r"(?:(?:\+|00)?840?|0)([35789][0-9]{8})")
_ANY_PHONE = re.compile(r"\+?[0-9]{6,15}")


def _digits(number: str) -> str:
    return _SEPARATORS.sub("", number.strip())


def is_vietnamese_mobile(number: str) -> bool:
    return _MOBILE.fullmatch(_digits(number)) is not None


def is_phone_number(number: str) -> bool:
    """Plausibly a phone number (E.164 allows up to 15 digits), of any country."""
    return _ANY_PHONE.fullmatch(_digits(number)) is not None
