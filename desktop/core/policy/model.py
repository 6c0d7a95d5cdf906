"""The policy as loaded from `checklists/`: provisions, items, programmes, platforms, domains.

Plain immutable data; loading and validation live in `policy_loader`.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.base.i18n import NO_STEPS, Steps, Text
from desktop.core.policy.audience import AccountKind, Category


class ProvisionKind(StrEnum):
    ACCOUNT = "account"
    PLEDGE = "pledge"
    PROGRAMME = "programme"
    REVIEW = "review"
    CONTEXT = "context"


# Every provision of these kinds must be cited by at least one item (lint-checklists).
COVERED_KINDS = frozenset(
    {ProvisionKind.ACCOUNT, ProvisionKind.PLEDGE, ProvisionKind.PROGRAMME, ProvisionKind.REVIEW}
)


class ItemKind(StrEnum):
    ACCOUNT = "account"  # asked once per account the person holds
    PLEDGE = "pledge"  # affirmed once per assessment
    PROGRAMME = "programme"  # asked once, depends on the programme (training, posting abroad)


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for the worst, so that sorting by rank puts the worst first."""
        return list(Severity).index(self)


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    PARTIAL = "partial"
    NOT_APPLICABLE = "na"
    NOT_VERIFIED = "not-verified"


class GuideTopic(StrEnum):
    TWO_FACTOR = "two_factor"
    RECOVERY = "recovery"
    VERIFICATION = "verification"
    LOGIN_ALERTS = "login_alerts"
    COMMENT_MODERATION = "comment_moderation"
    HACKED_OR_IMPERSONATED = "hacked_or_impersonated"


class TwoFactorRole(StrEnum):
    """What a sign-in method is on one platform (NIST SP 800-63B-4 and the platform's help)."""

    SECOND_FACTOR = "second-factor"  # asked after the password: a real second step
    # A passkey the platform lets stand instead of the password, which can then be removed.
    REPLACES_PASSWORD = "replaces-password"
    # Only another way in (a passkey beside a password that still works alone), or the
    # sign-in itself (Telegram's login code): never a second factor.
    SIGN_IN_ONLY = "sign-in-only"


class DueKind(StrEnum):
    ON_ENROLMENT = "on-enrolment"  # due as soon as the person joins
    MONTHS_AFTER_LAST = "months-after-last"  # e.g. 12 months after the last declaration
    BEFORE_DEPARTURE = "before-departure"  # due a number of days before the departure date


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: Text
    reference: str


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    source: str
    kind: ProvisionKind
    heading: Text
    original: str  # the authoritative Vietnamese text, shown as the legal basis
    gloss: str  # an English translation to help, never authoritative


# The checks (desktop.core.policy.checks.CheckName) fed by a typed password.
PASSWORD_CHECKS = frozenset({"password_strength", "password_reuse"})


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: Text
    # None only for choices that a measured check interprets itself (e.g. 2FA methods).
    status: Status | None


@dataclass(frozen=True, slots=True)
class AnswerSpec:
    """How an item is answered: by a measured check, by choosing, or a check with a fallback."""

    check: str | None
    choices: tuple[Choice, ...]

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    @property
    def measures_password(self) -> bool:
        """Answered by measuring a typed password; declared only when the person declines."""
        return self.check in PASSWORD_CHECKS


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    kind: ItemKind
    group: str
    programmes: frozenset[str]
    severity: Severity
    provisions: tuple[str, ...]
    title: Text
    question: Text
    help: Text
    fix: Steps
    answer: AnswerSpec
    # Account items only: None means every account kind / platform.
    account_kinds: frozenset[AccountKind] | None = None
    platforms: frozenset[str] | None = None
    # None means every category of person (BNG-2).
    categories: frozenset[Category] | None = None
    guide: GuideTopic | None = None  # which platform guide holds the per-platform fix-it steps

    def applies_to(self, programme: str, category: Category) -> bool:
        return programme in self.programmes and (
            self.categories is None or category in self.categories
        )

    def applies_to_account(self, kind: AccountKind, platform: str) -> bool:
        return (self.account_kinds is None or kind in self.account_kinds) and (
            self.platforms is None or platform in self.platforms
        )


@dataclass(frozen=True, slots=True)
class DueRule:
    kind: DueKind
    months: int = 0
    days_before: int = 0
    follow_up_days: int = 0  # open findings are checked again this many days later
    # Only open findings at least this severe call for the follow-up; None: any open finding.
    follow_up_severity: Severity | None = None

    def follows_up(self, worst_open: Severity | None) -> bool:
        """Whether a declaration whose worst open finding is `worst_open` gets a follow-up."""
        if worst_open is None or self.follow_up_days <= 0:
            return False
        threshold = self.follow_up_severity
        return threshold is None or worst_open.rank <= threshold.rank


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    title: Text
    description: Text
    provisions: tuple[str, ...]
    due: DueRule
    # Who the programme is for (the pre-deployment check: people going abroad); None: anyone.
    categories: frozenset[Category] | None = None

    def admits(self, category: Category) -> bool:
        return self.categories is None or category in self.categories


@dataclass(frozen=True, slots=True)
class Profile:
    """An agency and the code that applies to its people (BNG: Decision 722/QĐ-BNG, ...)."""

    id: str
    name: Text  # the agency's full name, as the person chooses it
    code: Text  # the code of conduct that applies, as the summary's reader sees it
    sources: tuple[str, ...]  # the sources (codes) whose provisions apply
    programmes: tuple[str, ...]  # the programmes it offers, in the order shown
    categories: tuple[Category, ...]  # the people it covers, in the order shown
    domains: tuple[str, ...]  # its official e-mail domains, beside the shared ones


@dataclass(frozen=True, slots=True)
class TwoFactorOffer:
    """One sign-in method a platform offers, what it is there, and the platform's name for it."""

    method: str  # a desktop.core.policy.twofactor.TwoFactorMethod value
    role: TwoFactorRole
    label: Text | None = None  # the platform's own words; None: the generic label


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: Text  # the brand, the same in both languages but for "other"
    account_kinds: frozenset[AccountKind]
    two_factor_methods: tuple[TwoFactorOffer, ...]  # strongest first
    guides: Mapping[GuideTopic, Steps]
    help_url: str | None = None
    notice: Text | None = None  # what anyone using it should know first (Telegram blocked)

    def guide(self, topic: GuideTopic | None) -> Steps:
        return self.guides.get(topic, NO_STEPS) if topic is not None else NO_STEPS

    def two_factor_offer(self, method: str) -> TwoFactorOffer | None:
        return next((o for o in self.two_factor_methods if o.method == method), None)


@dataclass(frozen=True, slots=True)
class OfficialDomains:
    """Domains whose addresses are official agency e-mail (BNG-5.6)."""

    suffixes: tuple[str, ...]  # every domain under these counts, e.g. "gov.vn"
    domains: tuple[str, ...]  # exact domains (and their subdomains) the agency adds


@dataclass(frozen=True, slots=True)
class ChecklistFile:
    """One file the policy was read from, identified for the signed summary."""

    id: str
    version: str
    path: str  # relative to the checklist folder, with forward slashes
    sha256: str


@dataclass(frozen=True, slots=True)
class Group:
    """A heading items are grouped under (conduct, security, ...)."""

    id: str
    title: Text


@dataclass(frozen=True, slots=True)
class PolicyOrigin:
    """Which policy pack the checklists are, as a summary records it (docs/security.md).

    `signed` is true only when the pack's manifest is signed by a trusted agency key that
    may publish its profiles, and every checklist file is the one the manifest names."""

    digest: str  # sha256 over the `<sha256>  <path>` lines of every checklist file
    signed: bool
    pack: str | None = None  # the rest only when signed
    version: int | None = None
    manifest_sha256: str | None = None
    signer: str | None = None  # SHA256:... of the agency key
    expires: str | None = None  # YYYY-MM-DD
    problem: str | None = None  # why not signed, one line (English)


@dataclass(frozen=True, repr=False)
class Policy:
    sources: Mapping[str, Source]
    provisions: Mapping[str, Provision]
    items: Mapping[str, Item]  # in file order, which is the order the wizard asks them
    programmes: Mapping[str, Programme]
    platforms: Mapping[str, Platform]
    domains: OfficialDomains
    files: tuple[ChecklistFile, ...]
    groups: Mapping[str, Group]
    profiles: Mapping[str, Profile]
    # Set by desktop.core.signing.pack_policy; not part of the parsed policy (or its cache).
    origin: PolicyOrigin | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        files = ", ".join(f"{f.id} {f.version}" for f in self.files)
        return f"<Policy {len(self.items)} items from {files}>"

    def cited(self, item: Item, profile: Profile) -> tuple[str, ...]:
        """The provisions of `item` that belong to the profile's code(s): the legal basis
        shown and signed for its people. Empty: the item does not apply to them."""
        return tuple(p for p in item.provisions if self.provisions[p].source in profile.sources)

    def items_for(
        self, programme: str, category: Category, profile: Profile, kind: ItemKind | None = None
    ) -> Iterator[Item]:
        """The items asked of a person: their programme and category, and their code."""
        for item in self.items.values():
            if (
                item.applies_to(programme, category)
                and (kind is None or item.kind == kind)
                and self.cited(item, profile)
            ):
                yield item

    def account_items(
        self,
        programme: str,
        category: Category,
        profile: Profile,
        account_kind: AccountKind,
        platform: str,
    ) -> Iterator[Item]:
        for item in self.items_for(programme, category, profile, ItemKind.ACCOUNT):
            if item.applies_to_account(account_kind, platform):
                yield item

    def domains_for(self, profile: Profile | None) -> OfficialDomains:
        """The official domains for a person: the shared ones and their agency's own."""
        if profile is None or not profile.domains:
            return self.domains
        domains = tuple(dict.fromkeys((*self.domains.domains, *profile.domains)))
        return OfficialDomains(self.domains.suffixes, domains)
