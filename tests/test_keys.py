"""The signing key: the real keychain under `make test`, and every failure mode with fakes.

The fakes stand in for keychains that cannot be produced on a CI machine (a locked one, one
that refuses to store, a plain-text one); the real gnome-keyring is used where it can be.
"""

import base64
import os
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from desktop.core.signing import keyfile
from desktop.core.signing.keys import (
    ENTRY_PREFIX,
    SERVICE,
    Keychain,
    KeychainChanged,
    KeychainLocked,
    KeyMissing,
    KeyStore,
    KeyStoreError,
    PassphraseNeeded,
    Storage,
    keychain_state,
)
from desktop.core.signing.sshsig import PublicKey
from tests.signing_helpers import MemoryKeyring

FAST = 14  # scrypt cost for tests: the format and checks are the same, only cheaper


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keychain refused")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend, which keeps secrets readable on disk."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


def passphrase(_new: bool) -> str:
    return "một câu mật khẩu dài"


def _secret_anywhere(home: Path, seed: bytes) -> bool:
    needles = [seed, base64.b64encode(seed), seed.hex().encode()]
    return any(n in p.read_bytes() for p in home.rglob("*") if p.is_file() for n in needles)


def _seed(key: object) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())  # type: ignore[attr-defined]


# -- a working keychain ----------------------------------------------------------------------


def test_key_is_made_once_and_kept_in_the_keychain(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = KeyStore(tmp_path, backend)
    key = store.load_or_create()
    again = KeyStore(tmp_path, backend).load_or_create()
    assert PublicKey.of(key) == PublicKey.of(again)
    record = store.record()
    assert record is not None and record.storage == Storage.KEYCHAIN
    assert list(backend.store) == [(SERVICE, ENTRY_PREFIX + record.key_id)]
    # Only the seed is in the keychain, and nothing secret is in the data folder.
    assert base64.b64decode(next(iter(backend.store.values()))) == _seed(key)
    assert not _secret_anywhere(tmp_path, _seed(key))
    assert oct((tmp_path / "signing-key.json").stat().st_mode & 0o777) == "0o600"


def test_two_data_folders_never_overwrite_each_others_key(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    first = KeyStore(tmp_path / "a", backend)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    key_a = first.load_or_create()
    KeyStore(tmp_path / "b", backend).load_or_create()
    assert PublicKey.of(first.load()) == PublicKey.of(key_a)


@pytest.mark.skipif(
    os.environ.get("SELFCHECK_TEST_KEYCHAIN") != "gnome-keyring",
    reason="the real keychain is provided by `make test`",
)
def test_real_gnome_keyring_holds_the_seed(tmp_path: Path) -> None:
    backend = keyring.get_keyring()
    assert keychain_state(backend).usable
    store = KeyStore(tmp_path, backend)
    key = store.load_or_create()
    record = store.record()
    assert record is not None and record.storage == Storage.KEYCHAIN
    assert "SecretService" in record.backend
    assert PublicKey.of(KeyStore(tmp_path).load()) == PublicKey.of(key)
    assert not (tmp_path / "signing-key.enc").exists()
    backend.delete_password(SERVICE, ENTRY_PREFIX + record.key_id)
    with pytest.raises(KeyMissing, match="no longer in the keychain"):
        KeyStore(tmp_path).load()


# -- no usable keychain: the encrypted key file ----------------------------------------------


@pytest.mark.parametrize(
    ("backend", "problem"),
    [(fail.Keyring(), "none"), (PlaintextKeyring(), "plain-text")],
)
def test_unusable_keychain_means_encrypted_file(
    tmp_path: Path, backend: Keychain, problem: str
) -> None:
    assert keychain_state(backend).problem == problem
    store = KeyStore(tmp_path, backend, cost=FAST)
    key = store.load_or_create(passphrase)
    record = store.record()
    assert record is not None and record.storage == Storage.FILE
    if isinstance(backend, PlaintextKeyring):
        assert backend.store == {}  # never the plain-text store
    assert not _secret_anywhere(tmp_path, _seed(key))
    assert oct((tmp_path / "signing-key.enc").stat().st_mode & 0o777) == "0o600"
    assert PublicKey.of(KeyStore(tmp_path, backend).load(passphrase)) == PublicKey.of(key)


def test_encrypted_file_needs_the_passphrase(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring(), cost=FAST)
    with pytest.raises(PassphraseNeeded):
        store.load_or_create(None)
    assert store.record() is None  # nothing half-made
    store.load_or_create(passphrase)
    with pytest.raises(PassphraseNeeded):
        store.load(None)
    with pytest.raises(keyfile.WrongPassphrase):
        store.load(lambda _new: "not the passphrase")


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(keyfile.WeakPassphrase):
        KeyStore(tmp_path, fail.Keyring(), cost=FAST).create(lambda _new: "short")


def test_keychain_that_refuses_to_store_falls_back_to_the_file(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, RefusingKeyring(), cost=FAST)
    store.create(passphrase)
    record = store.record()
    assert record is not None and record.storage == Storage.FILE


def test_locked_keychain_is_reported_as_locked_not_worked_around(tmp_path: Path) -> None:
    with pytest.raises(KeychainLocked, match="locked"):
        KeyStore(tmp_path, LockedKeyring()).create(passphrase)
    assert KeyStore(tmp_path, LockedKeyring()).record() is None
    assert not (tmp_path / "signing-key.enc").exists()


def test_keychain_locked_after_enrolment_is_reported_as_locked(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    KeyStore(tmp_path, backend).create()
    backend.get_password = LockedKeyring().get_password  # type: ignore[method-assign]
    with pytest.raises(KeychainLocked, match="unlock"):
        KeyStore(tmp_path, backend).load()


def test_changed_keychain_is_reported_not_replaced(tmp_path: Path) -> None:
    KeyStore(tmp_path, MemoryKeyring()).create()
    before = (tmp_path / "signing-key.json").read_bytes()
    with pytest.raises(KeychainChanged, match="re-enrol"):
        KeyStore(tmp_path, RefusingKeyring()).load_or_create(passphrase)
    assert (tmp_path / "signing-key.json").read_bytes() == before


def test_a_vanished_key_is_reported_and_never_silently_replaced(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = KeyStore(tmp_path, backend)
    old = store.create()
    backend.store.clear()
    with pytest.raises(KeyMissing, match="re-enrol"):
        store.load_or_create()
    with pytest.raises(KeyStoreError, match="exists already"):
        store.create()
    new = store.create(replace=True)
    assert PublicKey.of(new) != PublicKey.of(old)
    assert PublicKey.of(store.load()) == PublicKey.of(new)


def test_a_deleted_key_file_is_reported(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring(), cost=FAST)
    store.create(passphrase)
    (tmp_path / "signing-key.enc").unlink()
    with pytest.raises(KeyMissing, match="is gone"):
        store.load_or_create(passphrase)


def test_tampered_key_file_does_not_open(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring(), cost=FAST)
    store.create(passphrase)
    path = tmp_path / "signing-key.enc"
    original = path.read_bytes()
    # Weakening the stored cost, or changing any byte of the header or the box, fails.
    weakened = original.replace(b'"log2n":14', b'"log2n":15')
    assert weakened != original
    for damaged in (weakened, original[:-10] + b"AAAAAAAAA\n", original[:40]):
        path.write_bytes(damaged)
        with pytest.raises(keyfile.KeyFileError):
            store.load(passphrase)


class FakeChainer:
    """Stands in for keyring's ChainerBackend, which writes to the first backend that accepts."""

    priority = 10

    def __init__(self, *backends: object) -> None:
        self.backends = list(backends)

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.backends[0].set_password(service, username, password)  # type: ignore[attr-defined]


FakeChainer.__module__ = "keyring.backends.chainer"


def test_a_chain_of_plain_text_backends_is_not_a_keychain() -> None:
    chain = FakeChainer(PlaintextKeyring(), PlaintextKeyring())
    assert keychain_state(chain).problem == "plain-text"  # type: ignore[arg-type]


def test_the_safe_backend_of_a_chain_is_used_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.signing import keys

    safe, plain = MemoryKeyring(), PlaintextKeyring()
    plain.priority = 5
    monkeypatch.setattr(keyring, "get_keyring", lambda: FakeChainer(plain, safe))
    assert keys.default_keychain() is safe


def test_a_missing_record_with_a_key_file_is_reported(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring(), cost=FAST)
    store.create(passphrase)
    (tmp_path / "signing-key.json").unlink()
    sealed = (tmp_path / "signing-key.enc").read_bytes()
    with pytest.raises(KeyMissing, match="a key file remains"):
        store.load_or_create(passphrase)
    assert (tmp_path / "signing-key.enc").read_bytes() == sealed
    store.create(passphrase, replace=True)
    kept = list(tmp_path.glob("signing-key.enc.replaced-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == sealed  # the old key is never destroyed


def test_declaring_with_a_lost_key_record_is_refused(tmp_path: Path) -> None:
    from tests.signing_helpers import declare_example

    backend = MemoryKeyring()
    declare_example(tmp_path, "onboarding", backend)
    (tmp_path / "signing-key.json").unlink()
    with pytest.raises(KeyMissing, match="record is gone"):
        declare_example(tmp_path, "annual", backend)


def test_a_key_file_claiming_an_absurd_cost_is_refused_before_deriving(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, fail.Keyring(), cost=FAST)
    store.create(passphrase)
    path = tmp_path / "signing-key.enc"
    path.write_bytes(path.read_bytes().replace(b'"log2n":14', b'"log2n":30'))
    with pytest.raises(keyfile.KeyFileDamaged):
        store.load(passphrase)
