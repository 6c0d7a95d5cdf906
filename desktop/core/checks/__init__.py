"""The measured checks an item can name in `answer.check`, and what they need from the data."""

from enum import StrEnum

from desktop.core.checks.twofactor import TwoFactorMethod


class CheckName(StrEnum):
    REAL_NAME = "real_name"  # display name against the person's name
    OFFICIAL_EMAIL = "official_email"  # no official-domain e-mail on a personal account
    OFFICIAL_MARKS = "official_marks"  # no office phone, address or logo on a personal account
    PASSWORD_STRENGTH = "password_strength"  # zxcvbn + NIST SP 800-63B-4 length
    PASSWORD_REUSE = "password_reuse"  # the same password on two of the person's accounts
    TWO_FACTOR = "two_factor"  # the declared second factor, ranked
    RECOVERY_CONTACTS = "recovery_contacts"  # present, confirmed, not the official e-mail
    VIETNAMESE_PHONE = "vietnamese_phone"  # the account stays authenticated by a VN number


# Checks that give meaning to the item's choices themselves: their choices carry no status,
# and their ids must be among these.
INTERPRETED_CHOICES: dict[CheckName, frozenset[str]] = {
    CheckName.TWO_FACTOR: frozenset(method.value for method in TwoFactorMethod),
}
