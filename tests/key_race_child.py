"""One SelfCheck process asking for its signing key, for tests/test_attacks_keys.py.

    python -m tests.key_race_child HOME (keychain|file)

It loads everything, prints `ready`, waits for a `go` line on its standard input, then
calls KeyStore.load_or_create as the first declaration does and prints the fingerprint
of the key it got. Two of them released together race to make the first key.
"""

import sys
from pathlib import Path

from keyring.backends import fail

from desktop.core.signing.keys import Keychain, KeyStore
from desktop.core.signing.sshsig import PublicKey


class FolderKeyring:
    """A keychain every process shares: one file per entry in a folder, as a real
    keychain daemon is shared by every process of the session."""

    priority = 1

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def get_password(self, service: str, username: str) -> str | None:
        path = self.folder / f"{service}.{username}"
        return path.read_text() if path.exists() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        (self.folder / f"{service}.{username}").write_text(password)


def main() -> None:
    home, kind = Path(sys.argv[1]), sys.argv[2]
    backend: Keychain = (
        FolderKeyring(home.parent / "keychain") if kind == "keychain" else fail.Keyring()
    )
    store = KeyStore(home, backend, cost=14)
    print("ready", flush=True)
    sys.stdin.readline()
    key = store.load_or_create(lambda _new: "một câu mật khẩu dài")
    print(PublicKey.of(key).fingerprint, flush=True)


if __name__ == "__main__":
    main()
