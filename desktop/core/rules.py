"""The measured checks: from a person, an account and what was typed, to an outcome.

Each rule returns None when it has nothing to measure (no display name given, no password
typed); the item then falls back to the person's declared answer, if any.
"""

from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.checks import CheckName
from desktop.core.checks.identity import email_domain, match_real_name, official_domain
from desktop.core.checks.password import GOOD_SCORE, PasswordSession, min_length
from desktop.core.checks.phone import is_phone_number, is_vietnamese_mobile
from desktop.core.checks.twofactor import TwoFactorMethod
from desktop.core.findings import Evidence, Outcome
from desktop.core.model import Account, AccountKind, Submission
from desktop.core.policy import Item, Policy, Status


@dataclass(frozen=True, slots=True)
class AccountContext:
    policy: Policy
    submission: Submission
    account: Account
    item: Item
    passwords: PasswordSession | None

    def two_factor(self) -> TwoFactorMethod | None:
        """The second factor declared for this account, whichever item asked for it."""
        for item_id, choice in self.account.answers.items():
            item = self.policy.items.get(item_id)
            if item is not None and item.answer.check == CheckName.TWO_FACTOR:
                return TwoFactorMethod(choice)
        return None


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
    domain = official_domain(address, ctx.policy.domains)
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
    method = ctx.two_factor()
    needed = min_length(method is not None and method.is_second_factor)
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
    platform = ctx.policy.platforms.get(ctx.account.platform)
    offered = platform.two_factor_methods if platform is not None else ()
    if method.is_second_factor and offered and method.value not in offered:
        # Fail safe: a factor the platform is not known to offer is more likely a mix-up
        # (an e-mail code taken for an app) than a pass; the person checks the setting.
        return Outcome(
            Status.NOT_VERIFIED,
            Evidence.DECLARED,
            "two-factor-not-offered",
            {"method": method.value},
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
        domain = official_domain(account.recovery_email, ctx.policy.domains)
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
    number = ctx.account.phone
    if not number:
        return None
    if is_vietnamese_mobile(number):
        return Outcome(Status.PASS, Evidence.MEASURED, "phone-vietnamese")
    return Outcome(Status.FAIL, Evidence.MEASURED, "phone-not-vietnamese")


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
