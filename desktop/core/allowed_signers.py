"""OpenSSH `allowed_signers` files: who may sign, with which key, for which namespaces.

See ssh-keygen(1), "ALLOWED SIGNERS". Parsed strictly enough to refuse what we do not
understand, because an entry we misread could let the wrong key through.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.errors import SelfCheckError
from desktop.core.sshsig import KEY_TYPE, PublicKey, SignatureMalformed

NAMESPACE_SUMMARY = "selfcheck-summary-v1"
MAX_LINE = 8 * 1024
# principals, then options (key=value or key="value", comma-separated), then the key.
_OPTION = re.compile(r'([A-Za-z-]+)(?:=("[^"]*"|[^\s,"]*))?')
_PRINCIPAL = re.compile(r'[^\s"]+|"[^"]+"')


class AllowedSignersError(SelfCheckError):
    """An allowed_signers file could not be read."""


@dataclass(frozen=True, slots=True)
class AllowedSigner:
    principals: tuple[str, ...]
    key: PublicKey
    namespaces: tuple[str, ...] | None  # None: any namespace
    valid_after: datetime | None = None
    valid_before: datetime | None = None

    def allows(self, namespace: str, when: datetime | None = None) -> bool:
        if self.namespaces is not None and namespace not in self.namespaces:
            return False
        if when is not None:
            if self.valid_after is not None and when < self.valid_after:
                return False
            if self.valid_before is not None and when >= self.valid_before:
                return False
        return True

    def line(self) -> str:
        options = []
        if self.namespaces is not None:
            options.append(f'namespaces="{",".join(self.namespaces)}"')
        if self.valid_after is not None:
            options.append(f"valid-after={_timestamp(self.valid_after)}")
        if self.valid_before is not None:
            options.append(f"valid-before={_timestamp(self.valid_before)}")
        return " ".join([",".join(self.principals), ",".join(options), self.key.openssh]).replace(
            "  ", " "
        )


def _timestamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y%m%d%H%M%SZ")


def _parse_time(value: str) -> datetime:
    value = value.strip('"')
    utc = value.endswith(("Z", "z"))
    digits = value.rstrip("Zz")
    for fmt in ("%Y%m%d%H%M%S", "%Y%m%d%H%M", "%Y%m%d"):
        try:
            parsed = datetime.strptime(digits, fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=UTC) if utc else parsed.astimezone(UTC)
    raise AllowedSignersError(f"invalid time {value!r}")


def signer_for(principal: str, key: PublicKey) -> AllowedSigner:
    return AllowedSigner((principal,), key, (NAMESPACE_SUMMARY,))


def parse_line(line: str) -> AllowedSigner | None:
    """One entry, or None for blank and comment lines."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    if len(line) > MAX_LINE:
        raise AllowedSignersError("line too long")
    match = _PRINCIPAL.match(line)
    if match is None:
        raise AllowedSignersError("no principal")
    principals = tuple(p.strip('"') for p in match.group(0).split(","))
    rest = line[match.end() :].lstrip()
    namespaces: tuple[str, ...] | None = None
    valid_after = valid_before = None
    if (
        not rest.startswith(KEY_TYPE)
        and not rest.startswith("ssh-")
        and not rest.startswith("ecdsa-")
        and not rest.startswith("sk-")
    ):
        position = 0
        while True:
            option = _OPTION.match(rest, position)
            if option is None or option.end() == position:
                raise AllowedSignersError("unreadable options")
            name, value = option.group(1).lower(), (option.group(2) or "")
            if name == "namespaces":
                namespaces = tuple(v for v in value.strip('"').split(",") if v)
            elif name == "valid-after":
                valid_after = _parse_time(value)
            elif name == "valid-before":
                valid_before = _parse_time(value)
            elif name != "cert-authority":
                raise AllowedSignersError(f"unknown option {name!r}")
            else:
                raise AllowedSignersError("certificate authorities are not supported")
            position = option.end()
            if rest[position : position + 1] == ",":
                position += 1
                continue
            break
        rest = rest[position:].lstrip()
    try:
        key = PublicKey.from_openssh(rest)
    except SignatureMalformed as exc:
        raise AllowedSignersError(str(exc)) from None
    return AllowedSigner(principals, key, namespaces, valid_after, valid_before)


def parse(text: str) -> list[AllowedSigner]:
    signers = []
    for number, line in enumerate(text.splitlines(), 1):
        try:
            entry = parse_line(line)
        except AllowedSignersError as exc:
            raise AllowedSignersError(f"line {number}: {exc}") from None
        if entry is not None:
            signers.append(entry)
    return signers


def find(
    signers: Iterable[AllowedSigner], key: PublicKey, namespace: str, when: datetime | None = None
) -> AllowedSigner | None:
    """The entry that allows `key` to sign in `namespace` (at `when`), if any."""
    for signer in signers:
        if signer.key == key and signer.allows(namespace, when):
            return signer
    return None
