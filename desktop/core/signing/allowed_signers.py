"""OpenSSH `allowed_signers` files: who may sign, with which key, for which namespaces.

See ssh-keygen(1), "ALLOWED SIGNERS". Lines for key types SelfCheck never produces
(RSA, ECDSA, security keys) are skipped, as they can never match one of our signatures;
anything else we do not understand is refused, because an entry we misread could let the
wrong key through.
"""

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.base.errors import SelfCheckError, bilingual
from desktop.core.base.i18n import Text
from desktop.core.signing.sshsig import KEY_TYPE, PublicKey, SignatureMalformed

NAMESPACE_SUMMARY = "selfcheck-summary-v1"
MAX_LINE = 8 * 1024
_OPTION = re.compile(r'([A-Za-z-]+)(?:=("[^"]*"|[^\s,"]*))?')
_PRINCIPALS = re.compile(r'"[^"]+"|[^\s"]+')
_KEY_START = re.compile(r"(ssh-|ecdsa-|sk-)[A-Za-z0-9@.-]+\s")
_TIME_FORMATS = {8: "%Y%m%d", 12: "%Y%m%d%H%M", 14: "%Y%m%d%H%M%S"}


class AllowedSignersError(SelfCheckError):
    """An allowed_signers file could not be read."""


def _matches(name: str, pattern: str) -> bool:
    """fnmatchcase, without its call for a pattern with no wildcard (every character of
    which fnmatch escapes: such a pattern matches only itself); a review asks a few times
    per bundle."""
    if "*" in pattern or "?" in pattern or "[" in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    return name == pattern


_NO_PRINCIPAL = Text("không ghi người được phép ký", "no principal")


@dataclass(frozen=True, slots=True)
class AllowedSigner:
    principals: tuple[str, ...]  # may hold wildcards (* and ?), as ssh-keygen allows
    key: PublicKey
    namespaces: tuple[str, ...] | None  # None: any namespace
    valid_after: datetime | None = None
    valid_before: datetime | None = None

    def allows(self, namespace: str, when: datetime | None = None) -> bool:
        if self.namespaces is not None and not any(
            _matches(namespace, pattern) for pattern in self.namespaces
        ):
            return False
        if when is not None:
            if self.valid_after is not None and when < self.valid_after:
                return False
            if self.valid_before is not None and when >= self.valid_before:
                return False
        return True

    def names(self, principal: str) -> bool:
        return any(_matches(principal, pattern) for pattern in self.principals)

    def line(self) -> str:
        options = []
        if self.namespaces is not None:
            options.append(f'namespaces="{",".join(self.namespaces)}"')
        if self.valid_after is not None:
            options.append(f"valid-after={_timestamp(self.valid_after)}")
        if self.valid_before is not None:
            options.append(f"valid-before={_timestamp(self.valid_before)}")
        parts = [",".join(self.principals)]
        if options:
            parts.append(",".join(options))
        parts.append(self.key.openssh)
        return " ".join(parts)


def _timestamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%d%H%M%SZ")


def _parse_time(value: str) -> datetime:
    """YYYYMMDD[HHMM[SS]], with a trailing Z for UTC, else local time (as ssh-keygen)."""
    value = value.strip('"')
    utc = value.endswith(("Z", "z"))
    digits = value[:-1] if utc else value
    fmt = _TIME_FORMATS.get(len(digits))
    if fmt is None or not digits.isdigit():
        raise AllowedSignersError(
            Text(f"thời điểm {value[:40]!r} không hợp lệ", f"invalid time {value[:40]!r}")
        )
    try:
        parsed = datetime.strptime(digits, fmt)
    except ValueError:
        raise AllowedSignersError(
            Text(f"thời điểm {value[:40]!r} không hợp lệ", f"invalid time {value[:40]!r}")
        ) from None
    return parsed.replace(tzinfo=UTC) if utc else parsed.astimezone(UTC)


def signer_for(principal: str, key: PublicKey) -> AllowedSigner:
    return AllowedSigner((principal,), key, (NAMESPACE_SUMMARY,))


def parse_line(line: str) -> AllowedSigner | None:
    """One entry, or None for blank lines, comments and keys of other types."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    if len(line) > MAX_LINE:
        raise AllowedSignersError(Text("dòng quá dài", "line too long"))
    match = _PRINCIPALS.match(line)
    if match is None:
        raise AllowedSignersError(_NO_PRINCIPAL)
    principals = tuple(p.strip('"') for p in match.group(0).split(",") if p.strip('"'))
    if not principals:
        raise AllowedSignersError(_NO_PRINCIPAL)
    rest = line[match.end() :].lstrip()
    namespaces: tuple[str, ...] | None = None
    valid_after = valid_before = None
    if not _KEY_START.match(rest + " "):
        position = 0
        while True:
            option = _OPTION.match(rest, position)
            if option is None or option.end() == position:
                raise AllowedSignersError(Text("không đọc được các tùy chọn", "unreadable options"))
            name, value = option.group(1).lower(), option.group(2) or ""
            if name == "namespaces":
                namespaces = tuple(v for v in value.strip('"').split(",") if v)
            elif name == "valid-after":
                valid_after = _parse_time(value)
            elif name == "valid-before":
                valid_before = _parse_time(value)
            elif name == "cert-authority":
                raise AllowedSignersError(
                    Text(
                        "không hỗ trợ khóa của tổ chức cấp chứng thư (cert-authority)",
                        "certificate authorities are not supported",
                    )
                )
            else:
                raise AllowedSignersError(
                    Text(f"tùy chọn {name[:40]!r} không xác định", f"unknown option {name[:40]!r}")
                )
            position = option.end()
            if rest[position : position + 1] != ",":
                break
            position += 1
        rest = rest[position:].lstrip()
    if rest.split(maxsplit=1)[:1] != [KEY_TYPE]:
        if _KEY_START.match(rest + " "):
            return None  # another key type: it can never have made an Ed25519 signature
        raise AllowedSignersError(Text("không có khóa công khai", "no public key"))
    try:
        key = PublicKey.from_openssh(rest)
    except SignatureMalformed as exc:
        raise AllowedSignersError(bilingual(exc, "khóa công khai không hợp lệ")) from None
    return AllowedSigner(principals, key, namespaces, valid_after, valid_before)


def parse(text: str) -> list[AllowedSigner]:
    signers = []
    for number, line in enumerate(text.splitlines(), 1):
        try:
            entry = parse_line(line)
        except AllowedSignersError as exc:
            words = bilingual(exc, "không đọc được")
            raise AllowedSignersError(
                Text(f"dòng {number}: {words.vi}", f"line {number}: {words.en}")
            ) from None
        if entry is not None:
            signers.append(entry)
    return signers


def find(
    signers: Iterable[AllowedSigner],
    key: PublicKey,
    namespace: str,
    when: datetime | None = None,
    principal: str | None = None,
) -> AllowedSigner | None:
    """The entry that allows `key` to sign in `namespace` at `when` (for `principal`)."""
    for signer in signers:
        if (
            signer.key == key
            and signer.allows(namespace, when)
            and (principal is None or signer.names(principal))
        ):
            return signer
    return None


class SignerIndex:
    """A roster's entries by key, so checking thousands of bundles against thousands of
    staff does not compare every bundle with every entry."""

    def __init__(self, signers: Iterable[AllowedSigner]) -> None:
        self.signers = list(signers)
        self._by_key: dict[PublicKey, list[AllowedSigner]] = {}
        for signer in self.signers:
            self._by_key.setdefault(signer.key, []).append(signer)

    def for_key(self, key: PublicKey) -> list[AllowedSigner]:
        return self._by_key.get(key, [])
