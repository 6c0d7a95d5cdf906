"""Who is assessed and what they hold: the person, their accounts and their answers."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop.core.base.i18n import Language
from desktop.core.policy.audience import AccountKind, Category


@dataclass(frozen=True, slots=True)
class Person:
    full_name: str
    staff_id: str
    unit: str
    position: str
    category: Category
    profile: str  # the agency profile (checklists/profiles.toml): which code applies
    # Only used locally to make the password check aware of it; never signed.
    birth_year: int | None = None
    # Pre-deployment only.
    destination: str | None = None
    mission: str | None = None
    departure_date: date | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """One social-network account; never holds a password or any other secret."""

    id: str  # stable within one answers file, so answers and findings can refer to it
    platform: str
    kind: AccountKind
    handle: str
    display_name: str | None = None
    registration_email: str | None = None
    recovery_email: str | None = None
    phone: str | None = None  # the number that authenticates the account (Decree 147)
    recovery_confirmed: bool | None = None  # the person checked they receive codes there
    office_phone_on_profile: bool | None = None
    office_address_on_profile: bool | None = None
    official_logo_on_profile: bool | None = None
    answers: Mapping[str, str] = field(default_factory=dict)  # item id -> choice id
    # item id -> why the person says the item does not apply to this account
    not_applicable: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Submission:
    """Everything the person told us: the content of an answers file or a draft."""

    programme: str
    person: Person
    accounts: tuple[Account, ...]
    answers: Mapping[str, str]  # pledge and programme items: item id -> choice id
    language: Language = "vi"
    not_applicable: Mapping[str, str] = field(default_factory=dict)  # item id -> reason
