"""Identity checks: is the account under the person's real name, and is it kept apart from
the office (no official e-mail on a personal account, BNG-5.6)?"""

from collections import Counter
from dataclasses import dataclass

from desktop.core.policy import OfficialDomains
from desktop.core.text import fold, words


@dataclass(frozen=True, slots=True)
class NameMatch:
    matches: bool
    extra: tuple[str, ...] = ()  # words of the display name that are not in the real name
    missing: tuple[str, ...] = ()  # family or given name absent from the display name


def match_real_name(full_name: str, display_name: str) -> NameMatch:
    """Whether `display_name` is the person's real name (QN-II.1.b).

    Insensitive to diacritics, case and word order, because Vietnamese names appear as
    "Nguyễn Văn An", "Nguyen Van An" and "An Nguyễn" on platforms. The middle name may be
    left out, but the family name and the given name must be there, and any word that is
    not part of the real name (a nickname, a title, an emoji name) is a mismatch.
    """
    real = words(full_name)
    if not real:
        return NameMatch(matches=False)
    shown_words = display_name.split()
    extra_counter = Counter(words(display_name)) - Counter(real)
    extra = tuple(w for w in shown_words if words(w) and all(p in extra_counter for p in words(w)))
    shown = set(words(display_name))
    needed = [full_name.split()[0], full_name.split()[-1]]
    missing = tuple(dict.fromkeys(w for w in needed if fold(w) not in shown))
    return NameMatch(matches=not extra_counter and not missing, extra=extra, missing=missing)


def email_domain(address: str) -> str | None:
    """The lower-cased domain of an e-mail address, or None when it is not an address."""
    local, at, domain = address.strip().rpartition("@")
    domain = domain.rstrip(".").lower()
    if not at or not local or "." not in domain or any(c.isspace() for c in address.strip()):
        return None
    return domain


def official_domain(address: str, domains: OfficialDomains) -> str | None:
    """The official domain `address` belongs to (subdomains included), or None."""
    domain = email_domain(address)
    if domain is None:
        return None
    for official in (*domains.suffixes, *domains.domains):
        official = official.lower()
        if domain == official or domain.endswith("." + official):
            return official
    return None
