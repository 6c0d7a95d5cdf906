"""The measured checks: from a person, an account and what was typed, to an outcome.

Each rule returns None when it has nothing to measure (no display name given, no password
typed); the item then falls back to the person's declared answer, if any.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from desktop.core.assessment.checks.identity import email_domain, match_real_name, official_domain
from desktop.core.assessment.checks.password import GOOD_SCORE, PasswordSession, min_length
from desktop.core.assessment.checks.phone import is_phone_number, is_vietnamese_mobile
from desktop.core.assessment.findings import Evidence, Outcome
from desktop.core.assessment.people import Account, Submission
from desktop.core.policy.audience import AccountKind
from desktop.core.policy.checks import (
    AUTH_FOREIGN_NUMBER,
    AUTH_ID_NUMBER,
    AUTH_NONE,
    INVENTORY_COMPLETE,
    INVENTORY_INCOMPLETE,
    INVENTORY_NONE_HELD,
    KEEP_ARRANGED,
    KEEP_BY_ID_NUMBER,
    KEEP_NOT_ARRANGED,
    CheckName,
)
from desktop.core.policy.model import (
    Item,
    ItemKind,
    OfficialDomains,
    Policy,
    Profile,
    Status,
    TwoFactorRole,
)
from desktop.core.policy.twofactor import TwoFactorMethod, protects, role_on


def declared_two_factor(policy: Policy, answers: Mapping[str, object]) -> TwoFactorMethod | None:
    """The second factor declared among an account's answers, whichever item asked for it."""
    for item_id, choice in answers.items():
        item = policy.items.get(item_id)
        if item is not None and item.answer.check == CheckName.TWO_FACTOR:
            try:
                return TwoFactorMethod(str(choice))
            except ValueError:  # a draft being filled in may hold anything
                return None
    return None


@dataclass(frozen=True, slots=True)
class AccountContext:
    policy: Policy
    submission: Submission
    profile: Profile
    account: Account
    item: Item
    passwords: PasswordSession | None

    @property
    def domains(self) -> OfficialDomains:
        return self.policy.domains_for(self.profile)

    def has_second_factor(self) -> bool:
        """Whether a declared method really is a second factor on this account's platform."""
        method = declared_two_factor(self.policy, self.account.answers)
        platform = self.policy.platforms.get(self.account.platform)
        return method is not None and protects(platform, method)


Rule = Callable[[AccountContext], Outcome | None]


def real_name(ctx: AccountContext) -> Outcome | None:
    shown = ctx.account.display_name
    if not shown:
        return None
    match = match_real_name(ctx.submission.person.full_name, shown)
    if match.matches:
        return Outcome(Status.PASS, Evidence.MEASURED, "name-matches")
    if match.extra:
        return Outcome(
            Status.FAIL,
            Evidence.MEASURED,
            "name-extra-words",
            {"words": " ".join(match.extra), "shown": shown},
        )
    return Outcome(
        Status.FAIL,
        Evidence.MEASURED,
        "name-incomplete",
        {"missing": " ".join(match.missing), "shown": shown},
    )


def official_email(ctx: AccountContext) -> Outcome | None:
    address = ctx.account.registration_email
    if not address:
        return None
    if email_domain(address) is None:
        return Outcome(Status.NOT_VERIFIED, Evidence.NONE, "email-invalid", {"address": address})
    domain = official_domain(address, ctx.domains)
    if domain is not None and ctx.account.kind == AccountKind.PERSONAL:
        return Outcome(
            Status.FAIL,
            Evidence.MEASURED,
            "official-email-on-personal",
            {"address": address, "domain": domain},
        )
    return Outcome(Status.PASS, Evidence.MEASURED, "email-not-official", {"address": address})


def official_marks(ctx: AccountContext) -> Outcome | None:
    account = ctx.account
    marks = {
        "phone": account.office_phone_on_profile,
        "address": account.office_address_on_profile,
        "logo": account.official_logo_on_profile,
    }
    present = [name for name, shown in marks.items() if shown]
    if present:
        return Outcome(
            Status.FAIL, Evidence.DECLARED, "official-marks-shown", {"marks": ", ".join(present)}
        )
    if any(shown is None for shown in marks.values()):
        return None
    return Outcome(Status.PASS, Evidence.DECLARED, "no-official-marks")


def password_strength(ctx: AccountContext) -> Outcome | None:
    report = ctx.passwords.reports.get(ctx.account.id) if ctx.passwords else None
    if report is None:
        return None
    needed = min_length(ctx.has_second_factor())
    params = {"length": str(report.length), "min": str(needed), "score": str(report.score)}
    if report.length < needed:
        return Outcome(Status.FAIL, Evidence.MEASURED, "password-too-short", params)
    if report.score < GOOD_SCORE - 1:
        return Outcome(Status.FAIL, Evidence.MEASURED, "password-guessable", params)
    if report.score < GOOD_SCORE:
        return Outcome(Status.PARTIAL, Evidence.MEASURED, "password-weak", params)
    return Outcome(Status.PASS, Evidence.MEASURED, "password-strong", params)


def password_reuse(ctx: AccountContext) -> Outcome | None:
    session = ctx.passwords
    if session is None or not session.measured(ctx.account.id):
        return None
    shared = session.shared_with(ctx.account.id)
    if shared:
        handles = {a.id: a.handle for a in ctx.submission.accounts}
        return Outcome(
            Status.FAIL,
            Evidence.MEASURED,
            "password-reused",
            {"accounts": ", ".join(handles.get(i, i) for i in shared)},
        )
    # Unique only means something once every account's password has been compared.
    if all(session.measured(a.id) for a in ctx.submission.accounts):
        return Outcome(Status.PASS, Evidence.MEASURED, "password-unique")
    return None


def two_factor(ctx: AccountContext) -> Outcome | None:
    choice = ctx.account.answers.get(ctx.item.id)
    if choice is None:
        return None
    method = TwoFactorMethod(choice)
    if not method.is_second_factor:  # e-mail codes or nothing: never a second factor
        return Outcome(method.status, Evidence.DECLARED, f"two-factor-{method.value}")
    platform = ctx.policy.platforms.get(ctx.account.platform)
    role = role_on(platform, method)
    if role is None:
        # Fail safe: a factor the platform is not known to offer is more likely a mix-up
        # (an e-mail code taken for an app) than a pass; the person checks the setting.
        return Outcome(
            Status.NOT_VERIFIED,
            Evidence.DECLARED,
            "two-factor-not-offered",
            {"method": method.value, "platform": ctx.account.platform},
        )
    if role == TwoFactorRole.SIGN_IN_ONLY:
        # A passkey beside a password that still works alone, or Telegram's login code.
        return Outcome(
            Status.FAIL,
            Evidence.DECLARED,
            "two-factor-sign-in-only",
            {"method": method.value, "platform": ctx.account.platform},
        )
    return Outcome(method.status, Evidence.DECLARED, f"two-factor-{method.value}")


def recovery_contacts(ctx: AccountContext) -> Outcome | None:
    account = ctx.account
    if not account.recovery_email and not account.phone:
        return None
    if account.recovery_email:
        if email_domain(account.recovery_email) is None:
            return Outcome(
                Status.NOT_VERIFIED,
                Evidence.NONE,
                "recovery-email-invalid",
                {"address": account.recovery_email},
            )
        domain = official_domain(account.recovery_email, ctx.domains)
        if domain is not None and account.kind == AccountKind.PERSONAL:
            return Outcome(
                Status.FAIL,
                Evidence.MEASURED,
                "recovery-official-email",
                {"address": account.recovery_email, "domain": domain},
            )
    if account.phone and not is_phone_number(account.phone):
        return Outcome(Status.NOT_VERIFIED, Evidence.NONE, "recovery-phone-invalid")
    if account.recovery_confirmed is True:
        return Outcome(Status.PASS, Evidence.DECLARED, "recovery-confirmed")
    if account.recovery_confirmed is False:
        return Outcome(Status.FAIL, Evidence.DECLARED, "recovery-unreachable")
    return Outcome(Status.PARTIAL, Evidence.DECLARED, "recovery-unconfirmed")


def vietnamese_phone(ctx: AccountContext) -> Outcome | None:
    """Decree 147/2024/NĐ-CP: authenticated by a Vietnamese mobile number, or by the personal
    identification number (for someone who has no Vietnamese mobile number, e.g. abroad).

    What the person declares against it wins over the number typed: "not authenticated" is
    believed (fail safe), and an account authenticated by the identification number may
    list a foreign number beside it. Otherwise the number typed is measured.
    """
    declared = ctx.account.answers.get(ctx.item.id)
    if declared == AUTH_ID_NUMBER:
        return Outcome(Status.PASS, Evidence.DECLARED, "authenticated-id-number")
    if declared in (AUTH_NONE, AUTH_FOREIGN_NUMBER):
        return Outcome(Status.FAIL, Evidence.DECLARED, f"authenticated-{declared}")
    number = ctx.account.phone
    if number:
        if is_vietnamese_mobile(number):
            return Outcome(Status.PASS, Evidence.MEASURED, "phone-vietnamese")
        return Outcome(Status.FAIL, Evidence.MEASURED, "phone-not-vietnamese")
    if declared is not None:  # a Vietnamese number, not typed
        return Outcome(Status.PASS, Evidence.DECLARED, "authenticated-vietnamese-number")
    return None


RULES: dict[CheckName, Rule] = {
    CheckName.REAL_NAME: real_name,
    CheckName.OFFICIAL_EMAIL: official_email,
    CheckName.OFFICIAL_MARKS: official_marks,
    CheckName.PASSWORD_STRENGTH: password_strength,
    CheckName.PASSWORD_REUSE: password_reuse,
    CheckName.TWO_FACTOR: two_factor,
    CheckName.RECOVERY_CONTACTS: recovery_contacts,
    CheckName.VIETNAMESE_PHONE: vietnamese_phone,
}


@dataclass(frozen=True, slots=True)
class SubmissionContext:
    """What a once-per-assessment check sees: the whole submission."""

    policy: Policy
    submission: Submission
    profile: Profile
    item: Item


# The inventory's reason when the person declares holding no account at all: what the
# signed summary records as `declared_no_accounts`.
NONE_HELD = "inventory-none-held"


def inventory(ctx: SubmissionContext) -> Outcome:
    """Listing no account is an all-clear only by the person's own declaration that they
    hold none and administer no page; an empty list is otherwise not verified. Always
    decided here: the list is never "does not apply", whatever a file says."""
    choice = ctx.submission.answers.get(ctx.item.id)
    listed = len(ctx.submission.accounts)
    if choice == INVENTORY_NONE_HELD:
        if listed:
            return Outcome(
                Status.NOT_VERIFIED,
                Evidence.DECLARED,
                "inventory-none-but-listed",
                {"count": str(listed)},
            )
        return Outcome(Status.PASS, Evidence.DECLARED, NONE_HELD)
    if not listed:
        return Outcome(Status.NOT_VERIFIED, Evidence.NONE, "inventory-empty")
    if choice == INVENTORY_COMPLETE:
        return Outcome(Status.PASS, Evidence.DECLARED, "inventory-complete", {"count": str(listed)})
    if choice == INVENTORY_INCOMPLETE:
        return Outcome(Status.FAIL, Evidence.DECLARED, "inventory-incomplete")
    return Outcome(Status.NOT_VERIFIED, Evidence.NONE, "unanswered")


def keeps_authentication(ctx: SubmissionContext) -> Outcome | None:
    """Through a posting abroad the accounts stay authenticated (Decree 147): by keeping the
    Vietnamese number active, or by the personal identification number.

    Judged with the accounts' own authentication, so that the programme never passes what
    an account fails: an account authenticated by a foreign number, or not at all, is not
    helped by keeping the Vietnamese number; accounts that all use the identification
    number have nothing to keep.
    """
    person, policy = ctx.submission.person, ctx.policy
    asked = [
        item
        for item in policy.items_for(
            ctx.submission.programme, person.category, ctx.profile, ItemKind.ACCOUNT
        )
        if item.answer.check == CheckName.VIETNAMESE_PHONE
    ]
    outcomes: list[tuple[Account, Outcome | None]] = []
    for account in ctx.submission.accounts:
        for item in asked:
            if item.applies_to_account(account.kind, account.platform):
                check = AccountContext(policy, ctx.submission, ctx.profile, account, item, None)
                outcomes.append((account, vietnamese_phone(check)))
    failing = [a.handle for a, o in outcomes if o is not None and o.status == Status.FAIL]
    if failing:
        return Outcome(
            Status.FAIL,
            Evidence.MEASURED,
            "posting-accounts-unauthenticated",
            {"accounts": ", ".join(failing)},
        )
    by_phone = [a.handle for a, o in outcomes if o is None or o.reason != "authenticated-id-number"]
    if outcomes and not by_phone:
        return Outcome(Status.PASS, Evidence.DECLARED, "posting-id-number")
    choice = ctx.submission.answers.get(ctx.item.id)
    if choice == KEEP_BY_ID_NUMBER and by_phone:
        return Outcome(
            Status.NOT_VERIFIED,
            Evidence.DECLARED,
            "posting-id-number-but-phone",
            {"accounts": ", ".join(by_phone)},
        )
    if choice in (KEEP_ARRANGED, KEEP_BY_ID_NUMBER):
        return Outcome(Status.PASS, Evidence.DECLARED, "declared", {"choice": choice})
    if choice == KEEP_NOT_ARRANGED:
        return Outcome(Status.FAIL, Evidence.DECLARED, "declared", {"choice": choice})
    return None


ProgrammeRule = Callable[[SubmissionContext], Outcome | None]

PROGRAMME_RULES: dict[CheckName, ProgrammeRule] = {
    CheckName.INVENTORY: inventory,
    CheckName.KEEPS_AUTHENTICATION: keeps_authentication,
}
