"""Vietnamese mobile numbers: what platforms accept to authenticate an account (Decree 147)."""

import re

_SEPARATORS = re.compile(r"[\s.\-()]")
# After the country code, Vietnamese mobile numbers have 9 digits starting with 3, 5, 7, 8, 9.
_MOBILE = re.compile(r"(?:\+84|0084|84|0)([35789]\d{8})")


def is_vietnamese_mobile(number: str) -> bool:
    return _MOBILE.fullmatch(_SEPARATORS.sub("", number)) is not None
