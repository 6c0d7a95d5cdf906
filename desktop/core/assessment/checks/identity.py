"""Identity checks: is the account under the person's real name, and is it kept apart from
the office (no official e-mail on a personal account, BNG-5.6)?"""

import re
from collections import Counter
from dataclasses import dataclass

from desktop.core.base.fields import ascii_domain
from desktop.core.base.text import fold, words
from desktop.core.policy.model import OfficialDomains

_LOCAL_PART = re.compile(r"[^\s@<>()\[\],;:\"\\]{1,64}")
# Punctuation a real name may carry on a platform: "H'Hen Niê", "Lê-Nguyễn", "An."
_NAME_PUNCTUATION = frozenset(".,-'’")


@dataclass(frozen=True, slots=True)
class NameMatch:
    matches: bool
    extra: tuple[str, ...] = ()  # words of the display name that are not in the real name
    missing: tuple[str, ...] = ()  # family or given name absent from the display name


def _foreign(token: str) -> bool:
    """A token with characters no Vietnamese name has: other scripts, emoji, symbols."""
    return any(
        not (ch.isascii() and ch.isalnum()) and ch not in _NAME_PUNCTUATION for ch in fold(token)
    )


def match_real_name(full_name: str, display_name: str) -> NameMatch:
    """Whether `display_name` is the person's real name (QN-II.1.b).

    Insensitive to diacritics, case and word order, because Vietnamese names appear as
    "Nguyễn Văn An", "Nguyen Van An" and "An Nguyễn" on platforms. The middle name may be
    left out, but the family name and the given name must be there, and anything that is
    not part of the real name (a nickname, a title, another script, an emoji) is a mismatch.
    """
    real = full_name.split()
    if not words(full_name):
        return NameMatch(matches=False)
    not_in_name = Counter(words(display_name)) - Counter(words(full_name))
    extra = tuple(
        token
        for token in display_name.split()
        if _foreign(token) or any(w in not_in_name for w in words(token))
    )
    shown = set(words(display_name))
    needed = dict.fromkeys([real[0], real[-1]])
    missing = tuple(token for token in needed if not set(words(token)) <= shown)
    return NameMatch(matches=not extra and not missing, extra=extra, missing=missing)


def email_domain(address: str) -> str | None:
    """The ASCII domain of an e-mail address (see `ascii_domain`), None when it is not one."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local):
        return None
    ascii_name = ascii_domain(domain)
    return ascii_name if ascii_name is not None and "." in ascii_name else None


def _unaccented(domain: str) -> str | None:
    """An internationalised domain with its diacritics removed ("dàngcongsan.vn" ->
    dangcongsan.vn), when that leaves it ASCII: a look-alike, never a personal domain."""
    if "xn--" not in domain:
        return None
    try:
        shown = domain.encode("ascii").decode("idna")
    except UnicodeError:
        return None
    plain = fold(shown)
    return ascii_domain(plain) if plain.isascii() else None


def official_domain(address: str, domains: OfficialDomains) -> str | None:
    """The official domain `address` belongs to (subdomains included), or None. Compared
    in ASCII after IDNA mapping, look-alikes with diacritics counted as the domain."""
    domain = email_domain(address)
    if domain is None:
        return None
    candidates = [domain]
    if (plain := _unaccented(domain)) is not None:
        candidates.append(plain)
    for official in (*domains.suffixes, *domains.domains):
        official = official.lower()
        for candidate in candidates:
            if candidate == official or candidate.endswith("." + official):
                return official
    return None
