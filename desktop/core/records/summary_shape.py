"""The whole structure of a summary.json, checked field by field after its signature.

A valid signature proves who made the bytes, not that they are well formed: anyone with a
key can sign a summary whose `findings` is a number or whose name is a list. Every reader
(the verifier, the review, the PDF, the changes) relies on the structure described in
docs/summary.schema.json, so it is checked once, here, with errors naming the field.
Stricter than the schema where the schema says too little: texts have a length limit
(20,000 characters) and no lone surrogate, a name and a cited provision are not blank,
`app_version` is at most 100 characters; summary.decode adds that `seq` is at most
1,000,000 and that dates and times are real ones.
"""

import re
from collections.abc import Callable
from typing import Any

from desktop.core.assessment.answers import STAFF_ID  # names bundles; an ssh-keygen principal
from desktop.core.base.errors import LocatedError
from desktop.core.base.fields import ID_PATTERN, MAX_LIST, MAX_TEXT, Fields, has_surrogate

FILE = "summary.json"
MAX_ENTRIES = 20_000  # findings of ~600 accounts; the 1 MiB size limit comes first anyway

PROGRAMMES = ("onboarding", "annual", "predeployment")
LANGUAGES = ("vi", "en")
CATEGORIES = (
    "official",
    "public_employee",
    "reserve_probationary",
    "contract",
    "seconded",
    "mission_member",
    "accompanying_spouse",
    "studying_abroad",
)
ACCOUNT_KINDS = ("personal", "official_page")
STATUSES = ("pass", "fail", "partial", "na", "not-verified")
EVIDENCE = ("measured", "declared", "none")
SEVERITIES = ("critical", "high", "medium", "low")
VERDICTS = ("compliant", "action-required")
CHANGE_KINDS = ("fixed", "newly-failing", "changed", "new-account", "removed-account")

FINDING_KEYS = frozenset({"item", "account", "status", "evidence", "severity", "provisions"})
CHECKLIST_KEYS = frozenset({"id", "version", "path", "sha256"})
ACCOUNT_KEYS = frozenset({"id", "platform", "kind", "handle"})

SHA256 = re.compile(r"[0-9a-f]{64}")
PROFILE = ID_PATTERN  # as checklists/profiles.toml names them
FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISSUED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class ShapeError(LocatedError):
    """A field of summary.json is missing, unknown or of the wrong type."""


def check(doc: Any) -> None:
    """Raise ShapeError, naming the field, unless `doc` has the structure of a v1 or v2
    summary (v2 adds `person.profile` and `declared_no_accounts`, both required there)."""
    t = Fields(doc, file=FILE, error=ShapeError)
    t.string("format")
    version = t.integer("version", low=1, high=2)
    t.required("app_version", max_length=100)
    _one_of(t, "programme", PROGRAMMES)
    _one_of(t, "language", LANGUAGES)
    if t.data.get("checklists") == []:
        raise t.fail("checklists", "must name at least one checklist file")
    for entry in _tables(t, "checklists", _plain_checklist):
        for key in ("id", "version", "path"):
            entry.required(key, allow_empty=True)
        entry.required("sha256", pattern=SHA256)
        entry.done()
    _person(t.table("person"), version == 2)
    if version == 2:  # the person's own declaration that they hold no account at all
        t.boolean("declared_no_accounts")
    for account in _tables(t, "accounts", _plain_account):
        for key in ("id", "platform", "handle"):
            account.required(key, allow_empty=True)
        _one_of(account, "kind", ACCOUNT_KINDS)
        account.done()
    for finding in _tables(t, "findings", _plain_finding):
        finding.required("item", allow_empty=True)
        _nullable(finding, "account")
        _one_of(finding, "status", STATUSES)
        _one_of(finding, "evidence", EVIDENCE)
        _one_of(finding, "severity", SEVERITIES)
        if not finding.string_list("provisions"):
            raise finding.fail("provisions", "must cite at least one provision")
        finding.done()
    _one_of(t, "verdict", VERDICTS)
    t.required("issued_at", pattern=ISSUED_AT)
    t.integer("seq", low=1, high=2**53)
    _nullable(t, "prev", SHA256)
    signer = t.table("signer")
    assert signer is not None  # not optional
    signer.required("fingerprint", pattern=FINGERPRINT)
    signer.done()
    _next_due(t.table("next_due", optional=True))
    _changes(t.table("changes", optional=True))
    t.done()


def _one_of(t: Fields, key: str, allowed: tuple[str, ...]) -> None:
    value = t.required(key)
    if value not in allowed:
        raise t.fail(key, f"must be one of {', '.join(allowed)}" + t.got(value))


def _tables(t: Fields, key: str, plain: Callable[[Any], bool] | None = None) -> list[Fields]:
    """The tables of the list `key`, to be checked one by one; none when `plain` finds
    every one in order. A review reads thousands of summaries of hundreds of findings,
    and checking each through `Fields` took longer than verifying the signature.
    `plain` must accept nothing the full check would refuse."""
    value = t.raw(key)
    if (
        plain is not None
        and type(value) is list
        and len(value) <= MAX_ENTRIES
        and all(map(plain, value))
    ):
        return []
    return t.tables(key, max_entries=MAX_ENTRIES)


def _text(value: object, *, empty: bool = True) -> bool:
    """What `Fields.string` accepts, the quick way (no surrogate in ASCII text)."""
    return (
        type(value) is str
        and len(value) <= MAX_TEXT
        and (empty or bool(value.strip()))
        and (value.isascii() or not has_surrogate(value))
    )


def _plain_finding(entry: Any) -> bool:
    # Written out rather than through _text: this runs for every finding of every summary.
    if type(entry) is not dict or entry.keys() != FINDING_KEYS:
        return False
    item, account, provisions = entry["item"], entry["account"], entry["provisions"]
    if not (
        type(item) is str
        and item.isascii()
        and len(item) <= MAX_TEXT
        and (account is None or (type(account) is str and account.isascii()))
        and entry["status"] in STATUSES
        and entry["evidence"] in EVIDENCE
        and entry["severity"] in SEVERITIES
        and type(provisions) is list
        and 0 < len(provisions) <= MAX_LIST
    ):
        return False
    if account is not None and len(account) > MAX_TEXT:
        return False
    for provision in provisions:
        if not (
            type(provision) is str
            and provision.isascii()
            and 0 < len(provision) <= MAX_TEXT
            and not provision.isspace()
        ):
            return False
    return True


def _plain_checklist(entry: Any) -> bool:
    return (
        type(entry) is dict
        and entry.keys() == CHECKLIST_KEYS
        and all(_text(entry[key]) for key in ("id", "version", "path"))
        and type(entry["sha256"]) is str
        and SHA256.fullmatch(entry["sha256"]) is not None
    )


def _plain_account(entry: Any) -> bool:
    return (
        type(entry) is dict
        and entry.keys() == ACCOUNT_KEYS
        and all(_text(entry[key]) for key in ("id", "platform", "handle"))
        and entry["kind"] in ACCOUNT_KINDS
    )


def _nullable(t: Fields, key: str, pattern: re.Pattern[str] | None = None) -> None:
    """A field that must be present, as text or null."""
    if key not in t.data:
        raise t.fail(key, "is missing")
    t.string(key, optional=True, allow_empty=pattern is None, pattern=pattern)


def _person(person: Fields | None, has_profile: bool) -> None:
    assert person is not None  # not optional
    person.required("full_name")
    person.required("staff_id", pattern=STAFF_ID)
    person.required("unit", allow_empty=True)
    person.required("position", allow_empty=True)
    _one_of(person, "category", CATEGORIES)
    if has_profile:
        person.required("profile", pattern=PROFILE)
    person.string("destination", optional=True, allow_empty=True)
    person.string("mission", optional=True, allow_empty=True)
    person.string("departure_date", optional=True, pattern=DATE)
    person.done()


def _next_due(due: Fields | None) -> None:
    if due is None:
        return
    _one_of(due, "programme", PROGRAMMES)
    due.required("date", pattern=DATE)
    due.boolean("follow_up")
    due.done()


def _changes(changes: Fields | None) -> None:
    if changes is None:
        return
    since = changes.table("since")
    assert since is not None  # not optional
    since.integer("seq", low=1, high=2**53)
    since.required("issued_at", pattern=ISSUED_AT)
    since.done()
    for change in _tables(changes, "items"):
        _one_of(change, "kind", CHANGE_KINDS)
        for key in ("item", "account", "before", "after"):
            _nullable(change, key)
        change.done()
    changes.done()
