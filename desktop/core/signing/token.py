"""A USB token reached through PKCS#11: opening it, logging in, listing its certificates.

Every failure becomes one TokenError whose message says, in one line and in both
languages, what the person can do about it (a wrong PIN, a locked token, no token, a
missing or wrong module). The PIN is handed to the module and kept nowhere else.
"""

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Language, Text


class TokenProblem(StrEnum):
    NO_MODULE = "no-module"
    BAD_MODULE = "bad-module"
    NO_TOKEN = "no-token"
    WRONG_PIN = "wrong-pin"
    LOCKED = "locked"
    SEVERAL_TOKENS = "several-tokens"
    NO_CERTIFICATE = "no-certificate"
    EXPIRED = "expired"
    NOT_YET_VALID = "not-yet-valid"
    NO_NON_REPUDIATION = "no-non-repudiation"
    NOT_THE_PERSON = "not-the-person"
    NO_TIMESTAMP = "no-timestamp"
    FAILED = "failed"


_MESSAGES = {
    TokenProblem.NO_MODULE: Text(
        "không tìm thấy thư viện PKCS#11 của USB token {where}; anh/chị cài phần mềm của "
        "token hoặc chọn đúng tệp thư viện",
        "the USB token's PKCS#11 module {where} was not found; install the token's software "
        "or choose the right module file",
    ),
    TokenProblem.BAD_MODULE: Text(
        "tệp {where} không phải thư viện PKCS#11 dùng được ({detail})",
        "{where} is not a usable PKCS#11 module ({detail})",
    ),
    TokenProblem.NO_TOKEN: Text(
        "không thấy USB token{where}; anh/chị cắm token vào máy rồi thử lại",
        "no USB token{where} was found; plug the token in and try again",
    ),
    TokenProblem.WRONG_PIN: Text(
        "mã PIN của USB token không đúng; token có thể bị khóa nếu nhập sai nhiều lần",
        "the token's PIN is wrong; the token may lock after several wrong tries",
    ),
    TokenProblem.LOCKED: Text(
        "USB token đã bị khóa do nhập sai mã PIN nhiều lần; anh/chị liên hệ đơn vị cấp "
        "chứng thư số để mở khóa",
        "the USB token is locked after too many wrong PINs; ask the certificate's issuer "
        "to unlock it",
    ),
    TokenProblem.SEVERAL_TOKENS: Text(
        "có nhiều USB token đang cắm ({where}); anh/chị chọn một token (--token-label)",
        "several USB tokens are plugged in ({where}); choose one (--token-label)",
    ),
    TokenProblem.NO_CERTIFICATE: Text(
        "không thấy chứng thư số{where} cùng khóa ký trên USB token",
        "no certificate{where} with its signing key was found on the USB token",
    ),
    TokenProblem.EXPIRED: Text(
        "chứng thư số của {where} đã hết hạn ngày {detail}",
        "the certificate of {where} expired on {detail}",
    ),
    TokenProblem.NOT_YET_VALID: Text(
        "chứng thư số của {where} chỉ có hiệu lực từ ngày {detail}",
        "the certificate of {where} is valid only from {detail}",
    ),
    TokenProblem.NO_NON_REPUDIATION: Text(
        "chứng thư số của {where} không cho phép ký chống chối bỏ (non-repudiation), nên "
        "không dùng để ký văn bản",
        "the certificate of {where} does not allow non-repudiation, so it cannot sign documents",
    ),
    TokenProblem.NOT_THE_PERSON: Text(
        "chứng thư số cấp cho {where}, không phải cho {detail}",
        "the certificate was issued to {where}, not to {detail}",
    ),
    TokenProblem.NO_TIMESTAMP: Text(
        "máy chủ cấp dấu thời gian {where} không trả lời ({detail}); chưa ký gì",
        "the timestamp server {where} did not answer ({detail}); nothing was signed",
    ),
    TokenProblem.FAILED: Text(
        "USB token báo lỗi khi ký ({detail})",
        "the USB token failed while signing ({detail})",
    ),
}


class TokenError(SelfCheckError):
    """The token cannot sign; `text` says why in both languages, on one line."""

    text: Text

    def __init__(self, problem: TokenProblem, where: str = "", detail: str = "") -> None:
        self.problem = problem
        template = _MESSAGES[problem]
        self.text = Text(
            template.vi.format(where=where, detail=detail),
            template.en.format(where=where, detail=detail),
        )
        super().__init__(self.text.en)

    def message(self, language: Language) -> str:
        return self.text.get(language)


@dataclass(frozen=True, slots=True)
class TokenCertificate:
    """A certificate on the token with a private key beside it (same CKA_ID)."""

    label: str
    key_id: bytes
    certificate: x509.Certificate

    @property
    def subject(self) -> str:
        return common_name(self.certificate)

    @property
    def not_before(self) -> datetime:
        return self.certificate.not_valid_before_utc

    @property
    def not_after(self) -> datetime:
        return self.certificate.not_valid_after_utc


def common_name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else certificate.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def load_module(module: Path) -> Any:
    """The PKCS#11 library at `module` (loaded once a process, as PKCS#11 wants)."""
    import pkcs11

    if not module.is_file():
        raise TokenError(TokenProblem.NO_MODULE, str(module))
    try:
        return pkcs11.lib(str(module))
    except pkcs11.PKCS11Error as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TokenError(TokenProblem.BAD_MODULE, str(module), detail[-160:]) from None
    except (OSError, RuntimeError) as exc:
        raise TokenError(TokenProblem.BAD_MODULE, str(module), str(exc)[-160:]) from None


def _find_token(lib: Any, token_label: str | None) -> Any:
    import pkcs11
    from pkcs11.constants import TokenFlag

    try:
        slots = lib.get_slots(token_present=True)
        tokens = [slot.get_token() for slot in slots]
    except pkcs11.PKCS11Error:
        tokens = []
    usable = [t for t in tokens if t.flags & TokenFlag.TOKEN_INITIALIZED]
    if token_label is not None:
        usable = [t for t in usable if t.label == token_label]
    if not usable:
        raise TokenError(TokenProblem.NO_TOKEN, f" '{token_label}'" if token_label else "")
    if len(usable) > 1:  # never a PIN tried on a token the person did not choose
        labels = ", ".join(repr(t.label) for t in usable)
        raise TokenError(TokenProblem.SEVERAL_TOKENS, labels)
    token = usable[0]
    if token.flags & TokenFlag.USER_PIN_LOCKED:
        raise TokenError(TokenProblem.LOCKED)
    return token


def token_labels(module: Path) -> list[str]:
    """The labels of the (initialised) tokens plugged in; no PIN is needed to see them."""
    import pkcs11
    from pkcs11.constants import TokenFlag

    lib = load_module(module)
    try:
        tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    except pkcs11.PKCS11Error:
        return []
    return [str(t.label) for t in tokens if t.flags & TokenFlag.TOKEN_INITIALIZED]


@contextmanager
def session(module: Path, token_label: str | None, pin: str) -> Iterator[Any]:
    """A logged-in session on the token; every PKCS#11 failure becomes a TokenError."""
    import pkcs11

    token = _find_token(load_module(module), token_label)
    try:
        opened = token.open(user_pin=pin)
    except pkcs11.PinIncorrect:
        raise TokenError(TokenProblem.WRONG_PIN) from None
    except (pkcs11.PinLocked, pkcs11.PinExpired):
        raise TokenError(TokenProblem.LOCKED) from None
    except (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved, pkcs11.TokenNotRecognised):
        raise TokenError(TokenProblem.NO_TOKEN) from None
    except pkcs11.PinLenRange:
        raise TokenError(TokenProblem.WRONG_PIN) from None
    except pkcs11.PKCS11Error as exc:
        raise TokenError(TokenProblem.FAILED, detail=type(exc).__name__) from None
    try:
        yield opened
    except (pkcs11.TokenNotPresent, pkcs11.DeviceRemoved):
        raise TokenError(TokenProblem.NO_TOKEN) from None
    except pkcs11.PKCS11Error as exc:
        raise TokenError(TokenProblem.FAILED, detail=type(exc).__name__) from None
    finally:
        with suppress(pkcs11.PKCS11Error):  # a token pulled out mid-way: nothing to close
            opened.close()


def signing_certificates(opened: Any) -> list[TokenCertificate]:
    """The certificates on the token that have a private signing key with the same id."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    key_ids = {
        bytes(key[Attribute.ID])
        for key in opened.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
    }
    found = []
    for obj in opened.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            key_id = bytes(obj[Attribute.ID])
            label = str(obj[Attribute.LABEL])
            certificate = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
        except (pkcs11.PKCS11Error, ValueError):
            continue  # an object the token will not show, or not an X.509 certificate
        if key_id in key_ids:
            found.append(TokenCertificate(label, key_id, certificate))
    return sorted(found, key=lambda c: (c.label, c.key_id))


def list_certificates(module: Path, token_label: str | None, pin: str) -> list[TokenCertificate]:
    """What the person chooses from: each signing certificate, its subject and validity."""
    with session(module, token_label, pin) as opened:
        return signing_certificates(opened)


def choose(certificates: list[TokenCertificate], cert_label: str | None) -> TokenCertificate:
    """The certificate named by `cert_label`, or the only one there is."""
    if cert_label is not None:
        certificates = [c for c in certificates if c.label == cert_label]
    if len(certificates) != 1:
        where = f" '{cert_label}'" if cert_label else ""
        if len(certificates) > 1:
            where = " (" + ", ".join(c.label for c in certificates) + ": --cert-label)"
        raise TokenError(TokenProblem.NO_CERTIFICATE, where)
    return certificates[0]
