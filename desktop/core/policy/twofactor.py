"""Second factors ranked as NIST SP 800-63B-4 ranks them, judged by what each is on the
platform at hand: a passkey beside a password that still works alone is no second factor,
nor is Telegram's login code, which is the sign-in itself. E-mail codes never count."""

from enum import StrEnum

from desktop.core.policy.model import Platform, Status, TwoFactorRole


class TwoFactorMethod(StrEnum):
    SECURITY_KEY = "security_key"  # FIDO2 hardware key: phishing-resistant, device-bound
    PASSKEY = "passkey"  # phishing-resistant, device-bound or synced
    AUTHENTICATOR_APP = "authenticator_app"  # TOTP
    PUSH = "push"  # app prompt with number matching
    LOGGED_IN_DEVICE = "logged_in_device"  # a code shown on a device already signed in (Zalo)
    CLOUD_PASSWORD = "cloud_password"  # Telegram's Two-Step Verification password
    SMS = "sms"  # can be intercepted or SIM-swapped
    VOICE = "voice"
    WHATSAPP = "whatsapp"  # a code to the WhatsApp account of the same phone number
    EMAIL = "email"  # a code by e-mail proves only access to the mailbox (NIST: never a factor)
    NONE = "none"

    @property
    def rank(self) -> int:
        """Higher is stronger; 0 means no second factor at all."""
        return _RANK[self]

    @property
    def is_second_factor(self) -> bool:
        """Whether it can be a second factor anywhere (e-mail and none never are)."""
        return self.rank > 0

    @property
    def status(self) -> Status:
        if self.rank >= _RANK[TwoFactorMethod.AUTHENTICATOR_APP]:
            return Status.PASS
        if self.is_second_factor:
            return Status.PARTIAL
        return Status.FAIL


# security key > passkey acting as a second factor > app, number-matched prompt, a code on
# a signed-in device, Telegram's password > SMS, voice, WhatsApp (partial) > e-mail, none.
_RANK = {
    TwoFactorMethod.SECURITY_KEY: 5,
    TwoFactorMethod.PASSKEY: 4,
    TwoFactorMethod.AUTHENTICATOR_APP: 3,
    TwoFactorMethod.PUSH: 3,
    TwoFactorMethod.LOGGED_IN_DEVICE: 3,
    TwoFactorMethod.CLOUD_PASSWORD: 3,
    TwoFactorMethod.SMS: 1,
    TwoFactorMethod.VOICE: 1,
    TwoFactorMethod.WHATSAPP: 1,
    TwoFactorMethod.EMAIL: 0,
    TwoFactorMethod.NONE: 0,
}

# Offered as an answer for every platform: e-mail codes and "not turned on" are what many
# people have, and both fail wherever they are declared.
ALWAYS_ANSWERABLE = frozenset({TwoFactorMethod.EMAIL, TwoFactorMethod.NONE})


def role_on(platform: Platform | None, method: TwoFactorMethod) -> TwoFactorRole | None:
    """What `method` is on `platform`; None when the platform is not known to offer it."""
    if platform is None:
        return None
    offer = platform.two_factor_offer(method.value)
    return offer.role if offer is not None else None


def protects(platform: Platform | None, method: TwoFactorMethod) -> bool:
    """Whether the declared method really is a second factor on this platform, so that a
    shorter password is enough (NIST: 8 characters with a second factor, 15 alone)."""
    if not method.is_second_factor:
        return False
    role = role_on(platform, method)
    return role in (TwoFactorRole.SECOND_FACTOR, TwoFactorRole.REPLACES_PASSWORD)
