"""Password strength and reuse, measured in memory and forgotten.

Only derived facts leave this module (length, zxcvbn score, crack-time estimate, feedback
and, for reuse, which accounts share a password). The password itself is never stored,
logged or returned, and reuse is detected with a keyed hash whose key lives only as long
as the `PasswordSession`, so the digests are useless once the run ends.
"""

import hashlib
import hmac
import itertools
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.core.assessment.checks.wordlists import ensure_loaded
from desktop.core.assessment.people import Account, Person
from desktop.core.base.i18n import Language
from desktop.core.base.text import fold, words

# zxcvbn 4.5 refuses longer input and its run time grows steeply with length (about 50 ms
# at 72 random characters, 2 s at 200). A password this long already meets every length
# rule, so the prefix is measured and the full length is what the length rule sees.
ZXCVBN_MAX_LENGTH = 72

# NIST SP 800-63B-4 §3.1.1.2: at least 15 characters when the password is the only
# factor, at least 8 when it is used with a second factor.
MIN_LENGTH_ALONE = 15
MIN_LENGTH_WITH_SECOND_FACTOR = 8

# Revisions are drawn from one counter for every session, so a revision names one state of
# one session: a new session never repeats an old one's (see PasswordSession.revision).
_revisions = itertools.count()
GOOD_SCORE = 3  # zxcvbn: "safely unguessable: moderate protection from offline attacks"


def min_length(has_second_factor: bool) -> int:
    return MIN_LENGTH_WITH_SECOND_FACTOR if has_second_factor else MIN_LENGTH_ALONE


@dataclass(frozen=True, slots=True)
class PasswordReport:
    """What was learnt about one password; holds nothing that reveals it."""

    length: int  # Unicode characters after NFC normalisation, as NIST counts them
    score: int  # zxcvbn, 0 (too guessable) to 4 (very unguessable)
    crack_seconds: int  # zxcvbn's estimate for a slow-hash offline attack
    warning: str  # zxcvbn's English feedback; the GUI translates it
    suggestions: tuple[str, ...]
    truncated: bool  # only the first ZXCVBN_MAX_LENGTH characters went through zxcvbn


def context_words(person: Person, accounts: Iterable[Account]) -> list[str]:
    """What an attacker who knows the person would try first, as zxcvbn user inputs.

    zxcvbn does not know Vietnamese names ("NguyenVanAn1990" scores 4 without this), so the
    name parts, birth year, unit, position, staff id, handles and phone numbers go in
    lower-cased and without accents (đ -> d), each word alone and joined with and without
    spaces; the name also with its birth year, as people write it ("nguyenvanan1990").
    """
    phrases = [person.full_name, person.unit, person.position, person.staff_id]
    if person.birth_year is not None:
        phrases.append(str(person.birth_year))
    numbers: list[str] = []
    for account in accounts:
        phrases.append(account.handle)
        if account.display_name:
            phrases.append(account.display_name)
        for address in (account.registration_email, account.recovery_email):
            if address:
                phrases.append(address.partition("@")[0])
        if account.phone:
            numbers += phone_forms(account.phone)
        numbers += phone_forms(account.handle)  # Zalo handles are phone numbers
    name = words(person.full_name)
    out: list[str] = []
    if len(name) > 1:
        # The given name first is how the name appears in many handles: "annguyen".
        out += ["".join(name[-1:] + name[:-1]), name[0] + name[-1], name[-1] + name[0]]
    for phrase in phrases:
        parts = words(phrase)
        out += parts
        out += [" ".join(parts), "".join(parts), fold(phrase).strip()]
    if name and person.birth_year is not None:
        year = str(person.birth_year)
        out += ["".join(name) + year, name[-1] + year, "".join(name[-1:] + name[:-1]) + year]
    return list(dict.fromkeys(w for w in out + numbers if w))


_DIGITS = re.compile(r"[^0-9]")


def phone_forms(text: str) -> list[str]:
    """A phone number as people type it in a password: 0912345678, 84912345678, 912345678."""
    digits = _DIGITS.sub("", text)
    if not 8 <= len(digits) <= 15 or len(digits) * 2 < len(text.strip()):
        return []  # not a phone number (a handle with a few digits in it)
    local = digits[2:] if digits.startswith("84") else digits.lstrip("0")
    return list(dict.fromkeys([digits, "0" + local, "84" + local, local]))


_UNITS_VI = (("năm", 365 * 86400), ("tháng", 31 * 86400), ("ngày", 86400), ("giờ", 3600))
_UNITS_EN = (("year", 365 * 86400), ("month", 31 * 86400), ("day", 86400), ("hour", 3600))


def crack_time_words(seconds: int, language: Language) -> str:
    """How long a slow-hash offline attack would take (zxcvbn's estimate), in words."""
    if seconds >= 100 * 365 * 86400:
        return "hàng thế kỷ" if language == "vi" else "centuries"
    units = _UNITS_VI if language == "vi" else _UNITS_EN
    for name, size in (*units, ("phút" if language == "vi" else "minute", 60)):
        count = seconds // size
        if count >= 1:
            if language == "vi":
                return f"{count} {name}"
            return f"{count} {name}" + ("" if count == 1 else "s")
    return "chưa đến một phút" if language == "vi" else "less than a minute"


_SEPARATORS = re.compile(r"[\s._\-]+")
# Everything but letters and digits: "Quangninh@2024" is "quangninh" and a year to whoever
# guesses Vietnamese passwords, while zxcvbn alone counts the "@" as a random symbol.
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
WORD_MATCH = 4  # a dictionary word at least this long makes a stripped symbol decoration


def measure(password: str, user_inputs: Iterable[str] = ()) -> PasswordReport:
    """Measure one password's strength. Pure: safe to call from a worker thread.

    zxcvbn scores each space as a random character, so "Nguyễn Văn An 1990" would pass
    for strong; the password is therefore also measured folded (no accents, no spaces or
    separators) and the weaker of the results counts. A symbol that only decorates a word
    ("Quangninh@2024") is no harder to guess than the word and a year, so the password is
    also measured with every symbol taken out; that result counts only when a word of the
    dictionaries is what remains, since a random "Zk8#qv2!Lp" owes its strength to them.
    """
    normalised = unicodedata.normalize("NFC", password)
    if not normalised:  # zxcvbn 4.5 raises IndexError on an empty string
        return PasswordReport(0, 0, 0, "", (), truncated=False)
    prefix = normalised[:ZXCVBN_MAX_LENGTH]
    # Imported here: zxcvbn loads its word lists on import, which would slow every start.
    from zxcvbn import zxcvbn

    ensure_loaded()  # Vietnamese words, names and places, once per process

    inputs = list(user_inputs)
    folded = fold(prefix)
    variants = dict.fromkeys([prefix, _SEPARATORS.sub("", folded)])
    results = [zxcvbn(v, user_inputs=inputs, max_length=ZXCVBN_MAX_LENGTH) for v in variants if v]
    stripped = _NOT_ALNUM.sub("", folded)
    if stripped and stripped not in variants:
        bare = zxcvbn(stripped, user_inputs=inputs, max_length=ZXCVBN_MAX_LENGTH)
        if any(
            m["pattern"] == "dictionary" and len(m["token"]) >= WORD_MATCH for m in bare["sequence"]
        ):
            results.append(bare)
    result = min(results, key=lambda r: r["guesses"])
    # zxcvbn's result holds the password and its matched substrings: take only the numbers
    # and the generic feedback, and let the rest go with the dict.
    feedback = result["feedback"]
    return PasswordReport(
        length=len(normalised),
        score=int(result["score"]),
        crack_seconds=int(result["crack_times_seconds"]["offline_slow_hashing_1e4_per_second"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        truncated=len(normalised) > ZXCVBN_MAX_LENGTH,
    )


class PasswordSession:
    """The passwords typed during one assessment, kept only as reports and keyed hashes."""

    def __init__(self, person: Person, accounts: Iterable[Account]) -> None:
        accounts = tuple(accounts)
        self.user_inputs = tuple(context_words(person, accounts))
        self._key = secrets.token_bytes(32)  # lives only in this object: digests die with it
        self._reports: dict[str, PasswordReport] = {}
        self._digests: dict[str, bytes] = {}
        # Changes with every report kept or forgotten: what the wizard's flow caches by.
        self.revision = next(_revisions)

    def digest(self, password: str) -> bytes:
        normalised = unicodedata.normalize("NFC", password).encode("utf-8")
        return hmac.new(self._key, normalised, hashlib.sha256).digest()

    def add(self, account_id: str, password: str) -> PasswordReport:
        """Measure `password` for an account; the session keeps the report, not the password."""
        report = measure(password, self.user_inputs)
        self.record(account_id, report, self.digest(password))
        return report

    def record(self, account_id: str, report: PasswordReport, digest: bytes) -> None:
        """Keep a report measured elsewhere (e.g. on a worker thread)."""
        self._reports[account_id] = report
        self._digests[account_id] = digest
        self.revision = next(_revisions)

    def forget(self, account_id: str) -> None:
        self._reports.pop(account_id, None)
        self._digests.pop(account_id, None)
        self.revision = next(_revisions)

    @property
    def reports(self) -> Mapping[str, PasswordReport]:
        return dict(self._reports)

    def measured(self, account_id: str) -> bool:
        return account_id in self._reports

    def shared_with(self, account_id: str) -> tuple[str, ...]:
        """The other accounts whose typed password is the same as this one's."""
        mine = self._digests.get(account_id)
        if mine is None:
            return ()
        return tuple(
            other
            for other, digest in self._digests.items()
            if other != account_id and hmac.compare_digest(digest, mine)
        )
