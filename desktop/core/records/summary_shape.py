"""The structure of summary.json, defined once.

These Structs are what `summary.build` makes, what `summary.decode` reads (msgspec checks
every field while it parses) and what docs/summary.schema.json is generated from
(summary_schema.py). A valid signature proves who made the bytes, not that they are well
formed, so nothing is read from a summary but through these types. Texts are at most
20,000 characters (msgspec refuses lone surrogates while parsing); names and cited
provisions are not blank. What one field cannot say alone is checked in `check_across`.
"""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Final, Literal

from msgspec import UNSET, Meta, Struct, UnsetType

from desktop.core.assessment.findings import Evidence, VerdictKind
from desktop.core.base import field_words
from desktop.core.base.errors import LocatedError, SelfCheckError
from desktop.core.base.fields import ID_PATTERN, MAX_LIST, MAX_TEXT, STAFF_ID
from desktop.core.base.i18n import Language, Text
from desktop.core.policy.audience import AccountKind, Category, ProgrammeId
from desktop.core.policy.model import Severity, Status

FILE = "summary.json"
FORMAT: Final = "selfcheck-summary"
# 2: the person's agency profile and the explicit "no account held" are recorded; version 1
# summaries (without them) are still read.
# 3: the policy pack assessed against is recorded (`policy`); versions 1 and 2 still read.
VERSION: Final = 3
MAX_ENTRIES = 20_000  # findings of ~600 accounts; the 1 MiB size limit comes first anyway
MAX_SEQ = 1_000_000  # a declaration a day for 2,700 years; beyond is a hostile summary


class ChangeKind(StrEnum):
    FIXED = "fixed"  # needed action before, passes now
    NEWLY_FAILING = "newly-failing"  # passed (or was not asked) before, needs action now
    CHANGED = "changed"  # another change of status, e.g. fail -> partial
    NEW_ACCOUNT = "new-account"
    REMOVED_ACCOUNT = "removed-account"


def _whole(pattern: str) -> str:
    """`pattern` matching a whole text. msgspec and JSON Schema search for a pattern, and
    Python's `$` also matches before a final line break, which (?!\\n) refuses."""
    return f"^{pattern.removeprefix('^').removesuffix('$')}(?!\\n)$"


def _text(limit: int = MAX_TEXT, *, pattern: str | None = None, **schema: str) -> Meta:
    return Meta(max_length=limit, pattern=pattern, extra_json_schema=schema or None)


def _not_blank(limit: int = MAX_TEXT) -> Meta:
    """Text with something in it. msgspec refuses an empty one; the schema's pattern also
    refuses one of only spaces, and so does check_across: as a pattern msgspec would run,
    it took longer than the rest of the decoding (a summary cites some 60 provisions)."""
    return Meta(min_length=1, max_length=limit, extra_json_schema={"pattern": r"\S"})


Bounded = Annotated[str, _text()]  # text of at most MAX_TEXT characters
NotBlank = Annotated[str, _not_blank()]
Sha256 = Annotated[str, _text(pattern=_whole("[0-9a-f]{64}"))]
IsoDate = Annotated[str, _text(pattern=_whole(r"\d{4}-\d{2}-\d{2}"), format="date")]
IssuedAt = Annotated[str, _text(pattern=_whole(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"))]
Seq = Annotated[int, Meta(ge=1, le=2**53)]


class _Table(Struct, forbid_unknown_fields=True, frozen=True, gc=False):
    """A table of summary.json: no field but these, none missing unless it has a default.
    Absent (UNSET) and null (None) stay apart, so a summary encodes back as it was read."""


class Checklist(_Table, frozen=True):
    """A checklist file the assessment used, so a reviewer knows the exact policy."""

    id: Bounded
    version: Bounded
    path: Bounded
    sha256: Sha256


Fingerprint = Annotated[str, _text(pattern=_whole("SHA256:[A-Za-z0-9+/]{43}"))]


class PolicyRecord(_Table, frozen=True):
    """Version 3: the policy assessed against. `signed` is true only when the checklists
    were a pack whose manifest a trusted agency key signed (SSHSIG, namespace
    selfcheck-policy-v1) and every file matched it; pack, version, manifest_sha256, signer
    and expires are then set, else null."""

    digest: Annotated[
        Sha256,
        Meta(description="sha256 over the lines '<sha256>  <path>' of every checklist file"),
    ]
    signed: bool
    pack: Annotated[str, _text(pattern=_whole(r"[a-z0-9][a-z0-9-]{0,62}"))] | None
    version: Annotated[int, Meta(ge=1, le=2**31)] | None
    manifest_sha256: Sha256 | None
    signer: Fingerprint | None
    expires: IsoDate | None


class Person(_Table, frozen=True):
    full_name: NotBlank
    staff_id: Annotated[str, _text(pattern=_whole(STAFF_ID.pattern))]
    unit: Bounded
    position: Bounded
    category: Category
    profile: (
        Annotated[
            str,
            _text(pattern=_whole(ID_PATTERN.pattern)),
            Meta(
                description="version 2: the agency profile (checklists/profiles.toml) whose "
                "code applied; findings cite only its provisions"
            ),
        ]
        | UnsetType
    ) = UNSET
    destination: Bounded | UnsetType | None = UNSET
    mission: Bounded | UnsetType | None = UNSET
    departure_date: IsoDate | UnsetType | None = UNSET


class Account(_Table, frozen=True):
    """An account assessed: platform, kind and handle only; never a password, e-mail or
    phone number."""

    id: Bounded
    platform: Bounded
    kind: AccountKind
    handle: Bounded


class Finding(_Table, frozen=True):
    item: Bounded
    account: Annotated[Bounded | None, Meta(description="null for pledges and programme items")]
    status: Status
    evidence: Evidence
    severity: Severity
    provisions: Annotated[list[NotBlank], Meta(min_length=1, max_length=MAX_LIST)]


class Signer(_Table, frozen=True):
    fingerprint: Fingerprint


class NextDue(_Table, frozen=True):
    """When the next declaration falls due (the official's calendar day)."""

    programme: ProgrammeId
    date: IsoDate
    follow_up: Annotated[bool, Meta(description="true: a check that the open findings were fixed")]


class Since(_Table, frozen=True):
    seq: Seq
    issued_at: IssuedAt


class Change(_Table, frozen=True):
    """One change since the earlier declaration: an item's status, or an account that
    came or went."""

    kind: ChangeKind
    item: Bounded | None  # None for a whole account that came or went
    account: Bounded | None  # "platform:handle", None for pledges and programme items
    before: Bounded | None  # the status before, None when the item was not asked
    after: Bounded | None


class Changes(_Table, frozen=True):
    """What changed since the latest earlier declaration in this computer's history
    (whatever key signed it), item by item. Items only one of the two programmes asks are
    left out unless newly asked and needing action. Accounts are named platform:handle
    (handle case-folded), as they are matched."""

    since: Since
    items: Annotated[list[Change], Meta(max_length=MAX_ENTRIES)]


class Summary(_Table, frozen=True, kw_only=True):
    """Compact UTF-8 JSON, keys sorted, no floats. The SSHSIG signature in summary.json.sig
    (namespace selfcheck-summary-v1) covers these exact bytes. Holds no password and no
    secret. Version 2 adds person.profile and declared_no_accounts, required from there on
    and absent from version 1; version 3 adds policy."""

    format: Literal["selfcheck-summary"]
    version: Literal[1, 2, 3]
    app_version: Annotated[str, _not_blank(100)]
    programme: ProgrammeId
    language: Language
    checklists: Annotated[list[Checklist], Meta(min_length=1, max_length=MAX_ENTRIES)]
    policy: Annotated[
        PolicyRecord | UnsetType, Meta(description="version 3: the policy pack assessed against")
    ] = UNSET
    person: Person
    accounts: Annotated[list[Account], Meta(max_length=MAX_ENTRIES)]
    declared_no_accounts: (
        Annotated[
            bool,
            Meta(
                description="version 2: true only when the person explicitly declared that "
                "they hold no social-network account and administer no page"
            ),
        ]
        | UnsetType
    ) = UNSET
    findings: Annotated[list[Finding], Meta(max_length=MAX_ENTRIES)]
    verdict: VerdictKind
    issued_at: IssuedAt
    seq: Annotated[Seq, Meta(description="1 for the signer's first declaration")]
    prev: Annotated[
        Sha256 | None,
        Meta(description="sha256 (hex) of the signer's previous summary.json, or null"),
    ]
    signer: Signer
    next_due: Annotated[
        NextDue | UnsetType | None, Meta(description="null when nothing falls due")
    ] = UNSET
    changes: Annotated[
        Changes | UnsetType | None, Meta(description="null when there was no declaration before")
    ] = UNSET


class SummaryError(SelfCheckError):
    """summary.json is malformed."""


def located(field: str, message: Text) -> SummaryError:
    """The error naming `field` of summary.json, as every checked file's errors name one."""
    error = LocatedError(FILE, message, field=field)
    assert error.text is not None  # given a Text, it has one
    return SummaryError(error.text)


def check_across(summary: Summary) -> None:
    """What the types do not say: the fields of each version, `seq` within its bounds,
    dates and times that exist, texts not blank. Raise SummaryError naming the field."""
    for field, text in (
        ("app_version", summary.app_version),
        ("person.full_name", summary.person.full_name),
    ):
        if text.isspace():  # not empty, as its type says: blank is all spaces
            raise located(field, field_words.EMPTY)
    for finding in summary.findings:
        for provision in finding.provisions:
            if provision.isspace():
                at = f"findings[{summary.findings.index(finding)}].provisions"
                raise located(f"{at}[{finding.provisions.index(provision)}]", field_words.EMPTY)
    for field, value, since in (
        ("person.profile", summary.person.profile, 2),
        ("declared_no_accounts", summary.declared_no_accounts, 2),
        ("policy", summary.policy, 3),
    ):
        if summary.version >= since and value is UNSET:
            raise located(field, field_words.MISSING)
        if summary.version < since and value is not UNSET:
            raise located(field, field_words.UNKNOWN_FIELD)
    _check_policy(summary)
    if summary.seq > MAX_SEQ:
        raise located("seq", Text(f"phải từ 1 đến {MAX_SEQ}", f"must be from 1 to {MAX_SEQ}"))
    try:
        datetime.fromisoformat(summary.issued_at.replace("Z", "+00:00"))
    except ValueError:  # the right shape, not a real time: 2026-13-01, 25:00...
        raise located("issued_at", field_words.NOT_A_TIME) from None
    for field, day in (
        ("person.departure_date", summary.person.departure_date),
        ("next_due.date", summary.next_due.date if summary.next_due else None),
    ):
        if isinstance(day, str):
            try:
                date.fromisoformat(day)
            except ValueError:
                raise located(field, field_words.NOT_A_DATE) from None


def _check_policy(summary: Summary) -> None:
    """A signed policy names its pack, version, manifest, signer and expiry; an unsigned
    one none of them."""
    policy = summary.policy
    if not isinstance(policy, PolicyRecord):
        return
    named = (policy.pack, policy.version, policy.manifest_sha256, policy.signer, policy.expires)
    if policy.signed and any(value is None for value in named):
        raise located(
            "policy",
            Text(
                "bộ tiêu chí đã ký phải ghi rõ gói, phiên bản, bản kê nội dung và người ký",
                "a signed policy must name pack, version, manifest and signer",
            ),
        )
    if not policy.signed and any(value is not None for value in named):
        raise located(
            "policy",
            Text("bộ tiêu chí chưa ký không ghi gói nào", "an unsigned policy names no pack"),
        )
    if policy.expires is not None:
        try:
            date.fromisoformat(policy.expires)
        except ValueError:
            raise located("policy.expires", field_words.NOT_A_DATE) from None
