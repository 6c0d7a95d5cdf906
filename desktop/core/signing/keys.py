"""The signing key: one Ed25519 key per person per computer.

Only the 32-byte seed is secret. It goes into the OS keychain through `keyring`; when
there is no usable keychain (none, a plain-text one, or one that fails) it goes into an
encrypted key file instead, never plain text. A non-secret record of the key (public key,
where the seed is, which keychain) lives in the data folder, so that a key that vanished
or a keychain that changed is noticed and reported instead of silently replaced.
"""

import base64
import binascii
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from desktop.core.base import os_reasons, reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.folders import private_folder
from desktop.core.base.i18n import Text, show_date
from desktop.core.base.lock import locked
from desktop.core.signing import keyfile
from desktop.core.signing.sshsig import PublicKey

SERVICE = "selfcheck"
# One keychain entry per key, named by a random id kept in the record: two data folders
# (SELFCHECK_HOME) on one computer never overwrite each other's key.
ENTRY_PREFIX = "ed25519-seed-"
RECORD = "signing-key.json"
KEY_FILE = "signing-key.enc"
# Held while the key is looked for and, if there is none, made: two processes starting at
# once then end with one key, not two (one of them lost the moment it was made).
LOCK = "signing-key.lock"
MAX_RECORD_BYTES = 64 * 1024  # a record is about 400 bytes

Passphrase = Callable[[bool], str]  # called with True when a new passphrase is being set


class Keychain(Protocol):
    """What SelfCheck needs of a keyring backend (keyring.backend.KeyringBackend has it)."""

    @property
    def priority(self) -> float: ...

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...


class KeyStoreError(SelfCheckError):
    """The signing key cannot be used."""


_REENROL = "hãy tạo lại khóa ký (selfcheck keys enrol --replace)"


class KeychainLocked(KeyStoreError):  # noqa: N818 (reads as the state shown to users)
    """The keychain is locked: unlock it (log in to the desktop session) and try again."""


class KeyMissing(KeyStoreError):  # noqa: N818
    """The signing key this computer had can no longer be found."""


class KeychainChanged(KeyStoreError):  # noqa: N818
    """The key was stored in another keychain than the one in use now."""


class PassphraseNeeded(KeyStoreError):  # noqa: N818
    """The key is kept in an encrypted file and a passphrase is needed to use it."""


class Storage(StrEnum):
    KEYCHAIN = "keychain"
    FILE = "encrypted-file"


@dataclass(frozen=True, slots=True)
class KeychainState:
    usable: bool
    backend: str  # module.Class, as recorded
    problem: str | None = None  # why it is not usable: none, plain-text, failing

    @property
    def name(self) -> str:
        return self.backend.rsplit(".", 2)[-2] if "." in self.backend else self.backend


def _backend_name(backend: Keychain) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def default_keychain() -> Keychain:
    """keyring's choice, but never a chain that would write to a plain-text backend.

    With several backends keyring returns a ChainerBackend that writes to the first one
    that accepts; SelfCheck instead takes the best backend that is safe on its own.
    """
    import keyring  # imported when first needed: probing the keychains takes a moment

    backend: Keychain = keyring.get_keyring()
    if type(backend).__module__.startswith("keyring.backends.chainer"):
        chained = sorted(getattr(backend, "backends", ()), key=lambda b: b.priority, reverse=True)
        for candidate in chained:
            if keychain_state(candidate).usable:
                return candidate  # type: ignore[no-any-return]
    return backend


def keychain_state(backend: Keychain | None = None) -> KeychainState:
    """Whether the keychain can hold the seed safely."""
    backend = backend if backend is not None else default_keychain()
    name = _backend_name(backend)
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return KeychainState(False, name, "none")
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        # keyrings.alt stores in files readable by anyone with the disk: not a keychain.
        return KeychainState(False, name, "plain-text")
    if module.startswith("keyring.backends.chainer"):
        chained = list(getattr(backend, "backends", ()))
        if not chained:
            return KeychainState(False, name, "none")
        if not all(keychain_state(b).usable for b in chained):
            return KeychainState(False, name, "plain-text")
    try:
        priority = float(backend.priority)
    except Exception:  # a backend whose priority check itself fails is not usable
        return KeychainState(False, name, "failing")
    if priority <= 0:
        return KeychainState(False, name, "failing")
    return KeychainState(True, name)


@dataclass(frozen=True, slots=True)
class KeyRecord:
    key_id: str
    public_key: str
    fingerprint: str
    storage: Storage
    backend: str
    created: str

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode() + b"\n"


class KeyStore:
    """Creates, finds and unlocks the signing key kept under `home`."""

    def __init__(
        self, home: Path, backend: Keychain | None = None, cost: int = keyfile.DEFAULT_COST
    ) -> None:
        self.home = home
        self._backend = backend
        self.cost = cost

    @property
    def backend(self) -> Keychain:
        """The keychain, found on first use rather than at start-up."""
        if self._backend is None:
            self._backend = default_keychain()
        return self._backend

    # -- the record -----------------------------------------------------------------------

    def record(self) -> KeyRecord | None:
        path = self.home / RECORD
        try:
            raw = reading.read_bounded(path, MAX_RECORD_BYTES, follow=True)
        except FileNotFoundError:
            return None
        except reading.RefusedFileError as exc:  # a FIFO or a huge file is never waited on
            why = os_reasons.reason(exc)
            raise KeyMissing(
                Text(
                    f"bản ghi khóa {path} {why.vi}; {_REENROL}",
                    f"the key record {path} {why.en}; "
                    "re-enrol with `selfcheck keys enrol --replace`",
                )
            ) from None
        try:
            data = json.loads(raw)
            return KeyRecord(
                key_id=str(data["key_id"]),
                public_key=str(data["public_key"]),
                fingerprint=str(data["fingerprint"]),
                storage=Storage(data["storage"]),
                backend=str(data["backend"]),
                created=str(data["created"]),
            )
        except (ValueError, KeyError, TypeError, RecursionError):
            raise KeyMissing(
                Text(
                    f"bản ghi khóa {path} bị hỏng; {_REENROL}",
                    f"the key record {path} is damaged; re-enrol with "
                    "`selfcheck keys enrol --replace`",
                )
            ) from None

    def enrolled(self) -> tuple[str, datetime] | None:
        """The fingerprint of this computer's key and when it was made; None when there is
        no usable record (that is reported where the key is used)."""
        try:
            record = self.record()
            if record is None:
                return None
            return record.fingerprint, datetime.fromisoformat(record.created).astimezone(UTC)
        except (KeyStoreError, ValueError):
            return None

    def state(self) -> KeychainState:
        return keychain_state(self.backend)

    # -- use ------------------------------------------------------------------------------

    def load_or_create(self, passphrase: Passphrase | None = None) -> Ed25519PrivateKey:
        """The key, made on first use. Never silently replaces a key that existed; another
        process making the first key at the same moment is waited for, and its key used."""
        with locked(self.home / LOCK):
            if self.record() is None:
                if (self.home / KEY_FILE).exists():
                    record = self.home / RECORD
                    raise KeyMissing(
                        Text(
                            f"bản ghi khóa {record} không còn nhưng tệp khóa vẫn còn; hãy khôi "
                            f"phục bản ghi, hoặc {_REENROL}",
                            f"the key record {record} is gone but a key file remains; "
                            "restore the record, or re-enrol with `selfcheck keys enrol --replace`",
                        )
                    )
                return self._create(passphrase, replace=False)
            return self.load(passphrase)

    def load(self, passphrase: Passphrase | None = None) -> Ed25519PrivateKey:
        record = self.record()
        if record is None:
            raise KeyMissing(
                Text(
                    "máy tính này chưa tạo khóa ký nào",
                    "no signing key has been made on this computer yet",
                )
            )
        if record.storage == Storage.KEYCHAIN:
            seed = self._seed_from_keychain(record)
        else:
            seed = self._seed_from_file(record, passphrase)
        key = Ed25519PrivateKey.from_private_bytes(seed)
        if PublicKey.of(key).openssh != record.public_key:
            raise KeyMissing(
                Text(
                    f"khóa tìm thấy không phải khóa đã đăng ký {record.fingerprint}; {_REENROL}",
                    f"the key found is not the enrolled key {record.fingerprint}; "
                    "re-enrol with `selfcheck keys enrol --replace`",
                )
            )
        return key

    def _seed_from_keychain(self, record: KeyRecord) -> bytes:
        current = _backend_name(self.backend)
        if current != record.backend:
            raise KeychainChanged(
                Text(
                    f"khóa ký {record.fingerprint} được lưu trong {record.backend}, nhưng kho "
                    f"khóa hiện là {current}; hãy chuyển lại, hoặc {_REENROL} (các bản khai "
                    "cũ vẫn hợp lệ)",
                    f"the signing key {record.fingerprint} was kept in {record.backend}, but the "
                    f"keychain now is {current}; switch back, or re-enrol with "
                    "`selfcheck keys enrol --replace` (old summaries stay valid)",
                )
            )
        # keyring is imported only once a keychain is used: it takes ~70 ms to import.
        from keyring.errors import KeyringError, KeyringLocked

        try:
            stored = self.backend.get_password(SERVICE, ENTRY_PREFIX + record.key_id)
        except KeyringLocked:
            raise KeychainLocked(KeychainLocked.__doc__) from None
        except KeyringError as exc:
            kind = type(exc).__name__  # the library's words are English; its kind is not
            raise KeyStoreError(
                Text(f"kho khóa báo lỗi ({kind})", f"the keychain failed: {exc}")
            ) from None
        if stored is None:
            made = record.created[:10]
            raise KeyMissing(
                Text(
                    f"khóa ký {record.fingerprint} tạo ngày {show_date(made)} không còn trong "
                    f"kho khóa; {_REENROL} (các bản khai cũ vẫn hợp lệ)",
                    f"the signing key {record.fingerprint} made on {made} is no "
                    "longer in the keychain; re-enrol with `selfcheck keys enrol --replace` "
                    "(old summaries stay valid)",
                )
            )
        try:
            seed = base64.b64decode(stored, validate=True)
        except (binascii.Error, ValueError):
            seed = b""
        if len(seed) != 32:
            raise KeyMissing(
                Text(
                    f"mục khóa trong kho khóa bị hỏng; {_REENROL}",
                    "the keychain entry is damaged; re-enrol",
                )
            )
        return seed

    def _seed_from_file(self, record: KeyRecord, passphrase: Passphrase | None) -> bytes:
        path = self.home / KEY_FILE
        if not path.exists():
            raise KeyMissing(
                Text(
                    f"tệp khóa {path} của khóa {record.fingerprint} không còn; {_REENROL} "
                    "(các bản khai cũ vẫn hợp lệ)",
                    f"the key file {path} for key {record.fingerprint} is gone; re-enrol with "
                    "`selfcheck keys enrol --replace` (old summaries stay valid)",
                )
            )
        if passphrase is None:
            raise PassphraseNeeded(PassphraseNeeded.__doc__)
        try:
            data = reading.read_bounded(path, keyfile.MAX_FILE, follow=True)
        except reading.RefusedFileError as exc:
            raise keyfile.KeyFileDamaged(os_reasons.located(exc)) from None
        return keyfile.open_seed(data, passphrase(False))

    # -- enrolment ------------------------------------------------------------------------

    def create(
        self, passphrase: Passphrase | None = None, *, replace: bool = False
    ) -> Ed25519PrivateKey:
        with locked(self.home / LOCK):
            return self._create(passphrase, replace=replace)

    def _create(self, passphrase: Passphrase | None, *, replace: bool) -> Ed25519PrivateKey:
        if (self.record() is not None or (self.home / KEY_FILE).exists()) and not replace:
            raise KeyStoreError(
                Text(
                    "đã có khóa ký; dùng --replace để tạo khóa mới",
                    "a signing key exists already; use --replace to make a new one",
                )
            )
        private_folder(self.home)
        key = Ed25519PrivateKey.generate()
        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        public = PublicKey.of(key)
        key_id = secrets.token_hex(8)
        storage = Storage.FILE
        if self.state().usable:
            from keyring.errors import KeyringError, KeyringLocked

            try:
                entry = ENTRY_PREFIX + key_id
                self.backend.set_password(SERVICE, entry, base64.b64encode(seed).decode())
                storage = Storage.KEYCHAIN
            except KeyringLocked:
                raise KeychainLocked(KeychainLocked.__doc__) from None
            except KeyringError:
                storage = Storage.FILE  # the keychain refused: the encrypted file takes it
        if storage == Storage.FILE:
            if passphrase is None:
                raise PassphraseNeeded(
                    Text(
                        "không có kho khóa dùng được, nên khóa được lưu vào một tệp mã hóa: "
                        "cần có cụm mật khẩu",
                        "there is no usable keychain, so the key goes into an encrypted file: "
                        "a passphrase is needed",
                    )
                )
            sealed = keyfile.seal(seed, public.openssh, passphrase(True), self.cost)
            old = self.home / KEY_FILE
            if old.exists() and replace:  # the old key stays recoverable, never destroyed
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                os.replace(old, old.with_name(f"{KEY_FILE}.replaced-{stamp}"))
            keyfile.write(old, sealed)
        record = KeyRecord(
            key_id=key_id,
            public_key=public.openssh,
            fingerprint=public.fingerprint,
            storage=storage,
            backend=_backend_name(self.backend),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        write_atomic(self.home / RECORD, record.to_json())
        return key
