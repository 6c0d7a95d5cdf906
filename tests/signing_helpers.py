"""Shared pieces for the signing tests: a real ssh-keygen, keys, a small summary."""

import copy
import functools
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import msgspec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.records.bundle import Bundle, stage
from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY, signer_for
from desktop.core.signing.sshsig import PublicKey, sign
from tests.tools import needs

SSH_KEYGEN = shutil.which("ssh-keygen")
needs_ssh_keygen = needs("ssh-keygen")


def ssh_keygen_verifies(
    folder: Path,
    message: bytes,
    signature: bytes | str,
    key: PublicKey,
    principal: str = "me",
    namespace: str = NAMESPACE_SUMMARY,
) -> bool:
    """Whether stock `ssh-keygen -Y verify` accepts the signature."""
    assert SSH_KEYGEN is not None
    signers = folder / "allowed_signers"
    sig = folder / "message.sig"
    signers.write_text(signer_for(principal, key).line() + "\n")
    sig.write_bytes(signature.encode() if isinstance(signature, str) else signature)
    result = subprocess.run(
        [
            SSH_KEYGEN,
            "-Y",
            "verify",
            "-f",
            str(signers),
            "-I",
            principal,
            "-n",
            namespace,
            "-s",
            str(sig),
        ],
        input=message,
        capture_output=True,
        timeout=30,
        check=False,
    )
    return result.returncode == 0


def ssh_keygen_accepted(
    folder: Path, key: PublicKey, cases: Sequence[tuple[bytes, bytes | str]]
) -> list[int]:
    """Which of the (message, signature) cases stock ssh-keygen accepts, by index: one
    process each, four at a time, each in a folder of its own."""

    def accepted(index: int) -> bool:
        own = folder / f"case-{index}"
        own.mkdir()
        message, signature = cases[index]
        return ssh_keygen_verifies(own, message, signature, key)

    with ThreadPoolExecutor(max_workers=4) as pool:
        verdicts = list(pool.map(accepted, range(len(cases))))
    return [index for index, yes in enumerate(verdicts) if yes]


def ssh_keygen_verify_bundle(folder: Path, principal: str) -> subprocess.CompletedProcess[str]:
    """Run the exact command the README gives a reviewer, in a bundle folder."""
    assert SSH_KEYGEN is not None
    with open(folder / "summary.json", "rb") as data:
        return subprocess.run(
            [
                SSH_KEYGEN,
                "-Y",
                "verify",
                "-f",
                str(folder / "allowed_signers"),
                "-I",
                principal,
                "-n",
                NAMESPACE_SUMMARY,
                "-s",
                str(folder / "summary.json.sig"),
            ],
            stdin=data,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


class MemoryKeyring:
    """A keychain in memory: what a working OS keychain does.

    Deliberately not a keyring.backend.KeyringBackend subclass: those register themselves,
    and keyring would then chain this fake into the real keychain of other tests.
    """

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def declare_example(  # type: ignore[no-untyped-def]
    home: Path, programme: str = "annual", backend: MemoryKeyring | None = None, **declaring
):
    """Assess an example answers file and sign it into the history under `home`."""
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess
    from desktop.core.records.declare import declare
    from desktop.core.records.history import History
    from desktop.core.signing.keys import KeyStore
    from desktop.core.signing.pack_policy import load_active_policy
    from tests.conftest import CHECKLISTS, EXAMPLES

    policy = load_active_policy(CHECKLISTS, home)  # the signed reference pack
    result = assess(policy, load_answers(EXAMPLES / f"{programme}.toml", policy))
    with History(home) as history:
        return declare(result, KeyStore(home, backend or MemoryKeyring()), history, **declaring)


def reference_policy() -> dict[str, Any]:
    """The policy record of the built-in checklists (the signed reference pack): a fresh
    copy each time, the callers change what they get."""
    from desktop.core.base.resources import checklists_dir

    return copy.deepcopy(_reference_policy(checklists_dir()))


@functools.cache
def _reference_policy(checklists: Path) -> dict[str, Any]:
    # Loading and verifying the pack takes ~0.2 s: the property tests build hundreds of
    # summaries, each with this record.
    from desktop.core.records.summary import policy_record
    from desktop.core.signing.pack_policy import load_active_policy

    policy = load_active_policy(None, None)
    assert policy.origin is not None and policy.origin.signed, policy.origin
    return msgspec.to_builtins(policy_record(policy.origin, policy.files))  # type: ignore[no-any-return]


def minimal_summary(fingerprint: str, staff_id: str = "X1") -> dict[str, Any]:
    """The smallest complete summary.json a key of `fingerprint` can sign for `staff_id`,
    assessed against the signed reference pack."""
    return {
        "format": "selfcheck-summary",
        "version": 3,
        "policy": reference_policy(),
        "app_version": "1.0",
        "programme": "annual",
        "language": "vi",
        "checklists": [{"id": "c", "version": "1", "path": "c.toml", "sha256": "0" * 64}],
        "person": {
            "full_name": "Lê Văn Tám",
            "staff_id": staff_id,
            "unit": "",
            "position": "",
            "category": "official",
            "profile": "bng",
        },
        "accounts": [],
        "declared_no_accounts": True,
        "findings": [],
        "verdict": "compliant",
        "issued_at": "2026-11-22T10:00:00Z",
        "seq": 1,
        "prev": None,
        "signer": {"fingerprint": fingerprint},
    }


def decoded(doc: dict[str, Any]) -> Any:
    """A summary table as the app reads it once signed: encoded, then decoded."""
    from desktop.core.records import summary as summary_json

    return summary_json.decode(summary_json.encode(doc))


def signed_bundle(key: Ed25519PrivateKey, data: bytes, staff_id: str = "X1") -> Bundle:
    """`data` signed as a summary by `key`, with the key's own allowed_signers line."""
    signature = sign(key, data, NAMESPACE_SUMMARY).encode()
    line = signer_for(staff_id, PublicKey.of(key)).line() + "\n"
    return Bundle(data, signature, line.encode())


def write_folder(bundle: Bundle, out: Path, name: str) -> Path:
    """The bundle as `out/name/` (or `name-2/`…), staged and published as the app does."""
    return stage(bundle, out, name).publish()


def write_zip(bundle: Bundle, out: Path, name: str) -> Path:
    """The bundle as `out/name.zip`, its files inside a `name/` folder."""
    return stage(bundle, out, name, as_zip=True).publish()
