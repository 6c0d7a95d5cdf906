"""The encrypted key file, for computers without a usable keychain.

scrypt derives a key from the user's passphrase; AES-256-GCM encrypts the 32-byte seed with
the whole header as associated data, so changing any parameter (or the public key the file
claims) makes decryption fail instead of silently weakening it. Never plain text.
"""

import base64
import binascii
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import Text

MAGIC = b"SELFCHECK ENCRYPTED KEY v1\n"
MAX_FILE = 4096
MIN_PASSPHRASE = 8
# 2**17 x 8 x 1: 128 MiB and about half a second, the cost OWASP suggests for scrypt.
DEFAULT_COST = 17
# The header is only authenticated after the key is derived, so a tampered cost must not
# be able to make unlocking allocate gigabytes: 2**20 x 8 x 128 bytes is 1 GiB at most.
MAX_COST = 20


class KeyFileError(SelfCheckError):
    """The encrypted key file could not be used."""


class WrongPassphrase(KeyFileError):  # noqa: N818 (the class name is the user's reason)
    """Wrong passphrase, or the key file has been altered."""


class KeyFileDamaged(KeyFileError):  # noqa: N818
    """The key file is damaged or not a SelfCheck key file."""


class WeakPassphrase(KeyFileError):  # noqa: N818
    """The passphrase is too short."""


_HEADER = Text("phần đầu của tệp khóa bị hỏng", "the key file's header is damaged")


def _kdf(salt: bytes, cost: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=2**cost, r=8, p=1)


def seal(seed: bytes, public_key: str, passphrase: str, cost: int = DEFAULT_COST) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            Text(
                f"cụm mật khẩu cần ít nhất {MIN_PASSPHRASE} ký tự",
                f"the passphrase needs at least {MIN_PASSPHRASE} characters",
            )
        )
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps(
        {
            "kdf": "scrypt",
            "log2n": cost,
            "r": 8,
            "p": 1,
            "salt": base64.b64encode(salt).decode(),
            "cipher": "aes-256-gcm",
            "nonce": base64.b64encode(nonce).decode(),
            "public_key": public_key,
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    aad = MAGIC + header + b"\n"
    key = _kdf(salt, cost).derive(passphrase.encode("utf-8"))
    box = AESGCM(key).encrypt(nonce, seed, aad)
    return aad + base64.b64encode(box) + b"\n"


def read_header(data: bytes) -> tuple[dict[str, object], bytes, bytes]:
    """(header, associated data, ciphertext) of a key file, or KeyFileDamaged."""
    if len(data) > MAX_FILE or not data.startswith(MAGIC):
        raise KeyFileDamaged(Text("không phải tệp khóa của SelfCheck", "not a SelfCheck key file"))
    lines = data[len(MAGIC) :].split(b"\n")
    if len(lines) != 3 or lines[2] != b"":
        raise KeyFileDamaged(
            Text(
                "tệp khóa bị cắt cụt hoặc có thêm dòng thừa",
                "the key file is truncated or has extra lines",
            )
        )
    try:
        header = json.loads(lines[0])
        box = base64.b64decode(lines[1], validate=True)
    except (ValueError, binascii.Error, RecursionError):
        raise KeyFileDamaged(_HEADER) from None
    if not isinstance(header, dict):
        raise KeyFileDamaged(_HEADER)
    return header, MAGIC + lines[0] + b"\n", box


def open_seed(data: bytes, passphrase: str) -> bytes:
    header, aad, box = read_header(data)
    try:
        salt = base64.b64decode(str(header["salt"]), validate=True)
        nonce = base64.b64decode(str(header["nonce"]), validate=True)
        cost = header["log2n"]
        valid = (
            header["kdf"] == "scrypt"
            and header["cipher"] == "aes-256-gcm"
            and isinstance(cost, int)
            and 14 <= cost <= MAX_COST
            and header["r"] == 8
            and header["p"] == 1
            and len(nonce) == 12
        )
    except (KeyError, ValueError, binascii.Error):
        valid = False
    if not valid:
        raise KeyFileDamaged(
            Text(
                "tham số của tệp khóa bị hỏng hoặc không được hỗ trợ",
                "the key file's parameters are damaged or unsupported",
            )
        )
    assert isinstance(cost, int)
    key = _kdf(salt, cost).derive(passphrase.encode("utf-8"))
    try:
        seed = AESGCM(key).decrypt(nonce, box, aad)
    except InvalidTag:
        raise WrongPassphrase(
            Text(
                "cụm mật khẩu không đúng, hoặc tệp khóa đã bị sửa đổi",
                "wrong passphrase, or the key file has been altered",
            )
        ) from None
    if len(seed) != 32:
        raise KeyFileDamaged(
            Text("tệp khóa không chứa khóa Ed25519", "the key file holds no Ed25519 seed")
        )
    return seed


def write(path: Path, data: bytes) -> None:
    write_atomic(path, data, mode=0o600)
