"""The measured checks an item can name in `answer.check`, and what they need from the data."""

from enum import StrEnum

from desktop.core.policy.twofactor import TwoFactorMethod


class CheckName(StrEnum):
    REAL_NAME = "real_name"  # display name against the person's name
    OFFICIAL_EMAIL = "official_email"  # no official-domain e-mail on a personal account
    OFFICIAL_MARKS = "official_marks"  # no office phone, address or logo on a personal account
    PASSWORD_STRENGTH = "password_strength"  # zxcvbn + NIST SP 800-63B-4 length
    PASSWORD_REUSE = "password_reuse"  # the same password on two of the person's accounts
    TWO_FACTOR = "two_factor"  # the declared second factor, judged for its platform
    RECOVERY_CONTACTS = "recovery_contacts"  # present, confirmed, not the official e-mail
    # Decree 147: a Vietnamese mobile number, or the personal identification number
    VIETNAMESE_PHONE = "vietnamese_phone"
    INVENTORY = "inventory"  # accounts listed, or none held by the person's own declaration
    # Abroad, the accounts stay authenticated (Decree 147): never at odds with the accounts
    KEEPS_AUTHENTICATION = "keeps_authentication"


# Checks asked once per assessment (programme items); every other check is per account.
PROGRAMME_CHECKS = frozenset({CheckName.INVENTORY, CheckName.KEEPS_AUTHENTICATION})

# Checks whose item can never "not apply": everyone has a list of accounts, even empty.
ALWAYS_APPLIES = frozenset({CheckName.INVENTORY})

# The inventory's answers: listing nothing passes only by the person's own declaration.
INVENTORY_COMPLETE = "complete"
INVENTORY_INCOMPLETE = "incomplete"
INVENTORY_NONE_HELD = "none-held"

# How an account is authenticated under Decree 147/2024/NĐ-CP: a Vietnamese mobile number,
# or the personal identification number when the person has no Vietnamese mobile number.
AUTH_VIETNAMESE_NUMBER = "vietnamese-number"
AUTH_ID_NUMBER = "id-number"
AUTH_FOREIGN_NUMBER = "foreign-number"
AUTH_NONE = "not-authenticated"

# How the accounts stay authenticated through a posting abroad.
KEEP_ARRANGED = "arranged"  # the Vietnamese number kept active (roaming, keep-alive plan)
KEEP_BY_ID_NUMBER = "id-number"  # the accounts use the personal identification number
KEEP_NOT_ARRANGED = "not-arranged"

# Checks that give meaning to the item's choices themselves: their choices carry no status,
# and their ids must be among these.
INTERPRETED_CHOICES: dict[CheckName, frozenset[str]] = {
    CheckName.TWO_FACTOR: frozenset(method.value for method in TwoFactorMethod),
    CheckName.INVENTORY: frozenset({INVENTORY_COMPLETE, INVENTORY_INCOMPLETE, INVENTORY_NONE_HELD}),
    CheckName.KEEPS_AUTHENTICATION: frozenset(
        {KEEP_ARRANGED, KEEP_BY_ID_NUMBER, KEEP_NOT_ARRANGED}
    ),
    CheckName.VIETNAMESE_PHONE: frozenset(
        {AUTH_VIETNAMESE_NUMBER, AUTH_ID_NUMBER, AUTH_FOREIGN_NUMBER, AUTH_NONE}
    ),
}
