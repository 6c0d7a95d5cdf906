"""SSHSIG signatures (OpenSSH's PROTOCOL.sshsig) with Ed25519 keys.

Byte-compatible with `ssh-keygen -Y sign` / `-Y verify`, so anyone can check a summary
with stock OpenSSH. Only Ed25519 keys are produced; verification accepts the sha512 and
sha256 hash algorithms that ssh-keygen may use.
"""

import base64
import binascii
import functools
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Text

MAGIC = b"SSHSIG"
VERSION = 1
KEY_TYPE = "ssh-ed25519"
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
MAX_ARMOR = 16 * 1024  # an Ed25519 SSHSIG is under 400 bytes; anything huge is hostile
_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}


class SignatureError(SelfCheckError):
    """The signature is malformed, truncated, or does not verify."""


class SignatureMalformed(SignatureError):  # noqa: N818 (reads as the reason shown to users)
    """The signature file is not a well-formed SSH signature."""


class SignatureTruncated(SignatureMalformed):
    """The signature ends before its content does: cut short in copying."""


class SignatureMismatch(SignatureError):  # noqa: N818
    """The signature does not match the signed data, the key or the namespace."""


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, size: int) -> bytes:
        if size < 0 or self.offset + size > len(self.data):
            raise SignatureTruncated(Text("chữ ký bị cắt cụt", "truncated signature"))
        chunk = self.data[self.offset : self.offset + size]
        self.offset += size
        return chunk

    def uint32(self) -> int:
        value: int = struct.unpack(">I", self.take(4))[0]
        return value

    def string(self) -> bytes:
        return self.take(self.uint32())

    def end(self) -> None:
        if self.offset != len(self.data):
            raise SignatureMalformed(
                Text("có dữ liệu thừa sau chữ ký", "trailing bytes after the signature")
            )


@dataclass(frozen=True, slots=True)
class PublicKey:
    """An Ed25519 public key with the SSH forms people compare."""

    raw: bytes  # 32 bytes

    @classmethod
    def of(cls, key: Ed25519PrivateKey | Ed25519PublicKey) -> "PublicKey":
        public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
        return cls(public.public_bytes(Encoding.Raw, PublicFormat.Raw))

    @classmethod
    def from_blob(cls, blob: bytes) -> "PublicKey":
        reader = _Reader(blob)
        if reader.string() != KEY_TYPE.encode():
            raise SignatureMalformed(Text("không phải khóa ssh-ed25519", "not an ssh-ed25519 key"))
        raw = reader.string()
        reader.end()
        if len(raw) != 32:
            raise SignatureMalformed(
                Text("khóa Ed25519 phải dài 32 byte", "an Ed25519 key has 32 bytes")
            )
        return cls(raw)

    @classmethod
    def from_openssh(cls, line: str) -> "PublicKey":
        """Parse `ssh-ed25519 AAAA… [comment]`."""
        parts = line.split()
        if len(parts) < 2 or parts[0] != KEY_TYPE:
            raise SignatureMalformed(
                Text(
                    "không phải dòng khóa công khai ssh-ed25519",
                    "not an ssh-ed25519 public key line",
                )
            )
        try:
            blob = base64.b64decode(parts[1], validate=True)
        except (binascii.Error, ValueError):
            raise SignatureMalformed(
                Text(
                    "khóa công khai không phải base64 hợp lệ", "the public key is not valid base64"
                )
            ) from None
        return cls.from_blob(blob)

    @property
    def blob(self) -> bytes:
        return _string(KEY_TYPE.encode()) + _string(self.raw)

    @property
    def openssh(self) -> str:
        return f"{KEY_TYPE} {base64.b64encode(self.blob).decode()}"

    @property
    def fingerprint(self) -> str:
        """As `ssh-keygen -l` prints it: SHA256: and unpadded base64."""
        return _fingerprint(self.raw)


@functools.lru_cache(maxsize=4096)
def _fingerprint(raw: bytes) -> str:
    # Kept: a review compares each bundle's key with the fingerprint its summary names,
    # and a unit's thousands of bundles come from a few hundred keys (bench/review.py).
    digest = hashlib.sha256(PublicKey(raw).blob).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def _signed_data(namespace: str, hash_alg: str, message: bytes) -> bytes:
    digest = _HASHES[hash_alg](message).digest()
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")  # reserved
        + _string(hash_alg.encode())
        + _string(digest)
    )


def sign(key: Ed25519PrivateKey, message: bytes, namespace: str) -> str:
    """An armored SSHSIG signature of `message`, as `ssh-keygen -Y sign` writes it."""
    signature = key.sign(_signed_data(namespace, "sha512", message))
    blob = (
        MAGIC
        + struct.pack(">I", VERSION)
        + _string(PublicKey.of(key).blob)
        + _string(namespace.encode())
        + _string(b"")
        + _string(b"sha512")
        + _string(_string(KEY_TYPE.encode()) + _string(signature))
    )
    return _armor(blob)


def _armor(blob: bytes) -> str:
    encoded = base64.b64encode(blob).decode()
    lines = [encoded[i : i + 70] for i in range(0, len(encoded), 70)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


@dataclass(frozen=True, slots=True)
class ParsedSignature:
    public_key: PublicKey
    namespace: str
    hash_alg: str
    signature: bytes


def parse(armored: bytes) -> ParsedSignature:
    """Parse an armored signature strictly; raises SignatureMalformed."""
    if len(armored) > MAX_ARMOR:
        raise SignatureMalformed(Text("tệp chữ ký quá lớn", "the signature file is too large"))
    try:
        text = armored.decode("ascii")
    except UnicodeDecodeError:
        raise SignatureMalformed(
            Text("tệp chữ ký không phải là văn bản", "the signature file is not text")
        ) from None
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines or lines[0] != BEGIN:
        raise SignatureMalformed(Text("thiếu dòng mở đầu chữ ký SSH", "no SSH signature header"))
    if lines[-1] != END:
        raise SignatureTruncated(
            Text("chữ ký bị cắt cụt: thiếu dòng kết thúc", "truncated signature: no end line")
        )
    try:
        blob = base64.b64decode("".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureMalformed(
            Text("chữ ký không phải base64 hợp lệ", "the signature is not valid base64")
        ) from None
    reader = _Reader(blob)
    if reader.take(len(MAGIC)) != MAGIC:
        raise SignatureMalformed(Text("không phải chữ ký SSHSIG", "not an SSHSIG signature"))
    if reader.uint32() != VERSION:
        raise SignatureMalformed(
            Text("phiên bản SSHSIG không được hỗ trợ", "unsupported SSHSIG version")
        )
    public_key = PublicKey.from_blob(reader.string())
    try:
        namespace = reader.string().decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureMalformed(
            Text("phạm vi dùng của chữ ký không phải là văn bản", "the namespace is not text")
        ) from None
    reader.string()  # reserved; OpenSSH ignores its content
    hash_alg = reader.string().decode("ascii", errors="replace")
    if hash_alg not in _HASHES:
        raise SignatureMalformed(
            Text(
                f"thuật toán băm {hash_alg!r} không được hỗ trợ",
                f"unsupported hash algorithm {hash_alg!r}",
            )
        )
    inner = _Reader(reader.string())
    reader.end()
    if inner.string() != KEY_TYPE.encode():
        raise SignatureMalformed(Text("không phải chữ ký Ed25519", "not an Ed25519 signature"))
    signature = inner.string()
    inner.end()
    if len(signature) != 64:
        raise SignatureMalformed(
            Text("chữ ký Ed25519 phải dài 64 byte", "an Ed25519 signature has 64 bytes")
        )
    # Only the layout ssh-keygen writes (and reads: it refuses CRLF, stray spaces, other
    # line breaks and base64 padding bits set): a bundle valid here is valid to a
    # reviewer who checks it with `ssh-keygen -Y verify`.
    canonical = _armor(blob)
    if text not in (canonical, canonical[:-1]):
        raise SignatureMalformed(
            Text(
                "tệp chữ ký không được trình bày như ssh-keygen tạo ra "
                "(ngắt dòng, khoảng trắng hoặc phần đệm base64)",
                "the signature file is not laid out as ssh-keygen writes it "
                "(line breaks, spaces or base64 padding)",
            )
        )
    return ParsedSignature(public_key, namespace, hash_alg, signature)


def verify(message: bytes, armored: bytes, namespace: str) -> PublicKey:
    """Check `armored` signs exactly `message` in `namespace`; return the signing key.

    Whether that key is trusted (an allowed signer) is the caller's decision.
    """
    parsed = parse(armored)
    if parsed.namespace != namespace:
        raise SignatureMismatch(
            Text(
                f"chữ ký dành cho phạm vi {parsed.namespace!r}, không phải {namespace!r}",
                f"signed for namespace {parsed.namespace!r}, not {namespace!r}",
            )
        )
    public = Ed25519PublicKey.from_public_bytes(parsed.public_key.raw)
    try:
        public.verify(parsed.signature, _signed_data(namespace, parsed.hash_alg, message))
    except InvalidSignature:
        raise SignatureMismatch(
            Text("chữ ký không khớp với dữ liệu", "the signature does not match the data")
        ) from None
    return parsed.public_key
