"""Second factors ranked as NIST SP 800-63B-4 ranks them; e-mail codes are not a factor."""

from enum import StrEnum

from desktop.core.policy import Status


class TwoFactorMethod(StrEnum):
    SECURITY_KEY = "security_key"  # FIDO2 hardware key: phishing-resistant
    PASSKEY = "passkey"  # phishing-resistant, device-bound or synced
    AUTHENTICATOR_APP = "authenticator_app"  # TOTP
    PUSH = "push"  # app prompt with number matching
    SMS = "sms"  # can be intercepted or SIM-swapped
    VOICE = "voice"
    EMAIL = "email"  # a code by e-mail proves only access to the mailbox
    NONE = "none"

    @property
    def rank(self) -> int:
        """Higher is stronger; 0 means no second factor at all."""
        return _RANK[self]

    @property
    def is_second_factor(self) -> bool:
        return self.rank > 0

    @property
    def status(self) -> Status:
        if self.rank >= _RANK[TwoFactorMethod.PUSH]:
            return Status.PASS
        if self.is_second_factor:
            return Status.PARTIAL
        return Status.FAIL


_RANK = {
    TwoFactorMethod.SECURITY_KEY: 4,
    TwoFactorMethod.PASSKEY: 4,
    TwoFactorMethod.AUTHENTICATOR_APP: 3,
    TwoFactorMethod.PUSH: 3,
    TwoFactorMethod.SMS: 1,
    TwoFactorMethod.VOICE: 1,
    TwoFactorMethod.EMAIL: 0,
    TwoFactorMethod.NONE: 0,
}
