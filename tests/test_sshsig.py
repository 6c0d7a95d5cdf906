"""SSHSIG against the real OpenSSH: both directions, byte for byte, and a tamper matrix."""

import base64
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop.core.signing import sshsig
from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY
from desktop.core.signing.sshsig import PublicKey, SignatureMalformed, SignatureMismatch
from tests.signing_helpers import (
    SSH_KEYGEN,
    needs_ssh_keygen,
    new_key,
    ssh_keygen_accepted,
    ssh_keygen_verifies,
)

pytestmark = needs_ssh_keygen
MESSAGE = '{"person":{"full_name":"Nguyễn Văn An"},"seq":1,"verdict":"compliant"}'.encode()


def _ssh_keygen_key(folder: Path) -> Path:
    assert SSH_KEYGEN is not None
    path = folder / "id_ed25519"
    subprocess.run(
        [SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", str(path)],
        check=True,
        timeout=30,
    )
    return path


def _ssh_keygen_sign(key_path: Path, message: bytes, namespace: str = NAMESPACE_SUMMARY) -> bytes:
    assert SSH_KEYGEN is not None
    data = key_path.parent / "message"
    data.write_bytes(message)
    subprocess.run(
        [SSH_KEYGEN, "-Y", "sign", "-f", str(key_path), "-n", namespace, str(data)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    signature = (key_path.parent / "message.sig").read_bytes()
    (key_path.parent / "message.sig").unlink()
    return signature


def test_app_signature_verifies_with_ssh_keygen(tmp_path: Path) -> None:
    key = new_key()
    signature = sshsig.sign(key, MESSAGE, NAMESPACE_SUMMARY)
    assert ssh_keygen_verifies(tmp_path, MESSAGE, signature, PublicKey.of(key))


def test_ssh_keygen_signature_verifies_with_the_app(tmp_path: Path) -> None:
    key_path = _ssh_keygen_key(tmp_path)
    signature = _ssh_keygen_sign(key_path, MESSAGE)
    signer = sshsig.verify(MESSAGE, signature, NAMESPACE_SUMMARY)
    public = PublicKey.from_openssh((tmp_path / "id_ed25519.pub").read_text())
    assert signer == public


def test_same_key_gives_byte_identical_signatures(tmp_path: Path) -> None:
    key_path = _ssh_keygen_key(tmp_path)
    theirs = _ssh_keygen_sign(key_path, MESSAGE)
    private = serialization.load_ssh_private_key(key_path.read_bytes(), None)
    assert sshsig.sign(private, MESSAGE, NAMESPACE_SUMMARY).encode() == theirs  # type: ignore[arg-type]


def test_fingerprint_is_what_ssh_keygen_prints(tmp_path: Path) -> None:
    assert SSH_KEYGEN is not None
    key_path = _ssh_keygen_key(tmp_path)
    printed = subprocess.run(
        [SSH_KEYGEN, "-l", "-f", str(key_path) + ".pub"],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.split()[1]
    assert PublicKey.from_openssh((tmp_path / "id_ed25519.pub").read_text()).fingerprint == printed


# -- the tamper matrix: every case rejected by the app and by ssh-keygen ---------------------


@pytest.fixture(scope="module")
def signed() -> tuple[object, bytes, str]:
    key = new_key()
    return key, MESSAGE, sshsig.sign(key, MESSAGE, NAMESPACE_SUMMARY)


def _app_rejects(
    message: bytes,
    signature: bytes | str,
    namespace: str = NAMESPACE_SUMMARY,
    expected: PublicKey | None = None,
) -> bool:
    armored = signature.encode() if isinstance(signature, str) else signature
    try:
        signer = sshsig.verify(message, armored, namespace)
    except (SignatureMalformed, SignatureMismatch):
        return True
    return expected is not None and signer != expected


def test_flipping_any_byte_of_the_summary_is_rejected(tmp_path: Path, signed: tuple) -> None:
    key, message, signature = signed
    cases = [(message, signature)]  # the one ssh-keygen must accept
    for index in range(len(message)):
        tampered = bytearray(message)
        tampered[index] ^= 0xFF
        assert _app_rejects(bytes(tampered), signature), index
        cases.append((bytes(tampered), signature))
    assert ssh_keygen_accepted(tmp_path, PublicKey.of(key), cases) == [0]


def _armor(blob: bytes) -> str:
    encoded = base64.b64encode(blob).decode()
    lines = [encoded[i : i + 70] for i in range(0, len(encoded), 70)]
    return "\n".join([sshsig.BEGIN, *lines, sshsig.END]) + "\n"


def test_flipping_any_byte_of_the_signature_blob_is_rejected(tmp_path: Path, signed: tuple) -> None:
    key, message, signature = signed
    public = PublicKey.of(key)
    body = "".join(signature.strip().splitlines()[1:-1])
    blob = base64.b64decode(body)
    assert _armor(blob) == signature
    cases = [(message, signature)]  # the one ssh-keygen must accept
    for index in range(len(blob)):
        tampered = bytearray(blob)
        tampered[index] ^= 0xFF
        armored = _armor(bytes(tampered))
        assert _app_rejects(message, armored, expected=public), index
        cases.append((message, armored))
    assert ssh_keygen_accepted(tmp_path, public, cases) == [0]


def test_wrong_namespace_is_rejected(tmp_path: Path, signed: tuple) -> None:
    key, message, _ = signed
    other = sshsig.sign(key, message, "selfcheck-review-v1")
    with pytest.raises(SignatureMismatch, match="namespace"):
        sshsig.verify(message, other.encode(), NAMESPACE_SUMMARY)
    assert not ssh_keygen_verifies(tmp_path, message, other, PublicKey.of(key))


def test_another_key_is_not_the_signer(tmp_path: Path, signed: tuple) -> None:
    _, message, signature = signed
    stranger = PublicKey.of(new_key())
    assert _app_rejects(message, signature, expected=stranger)
    assert not ssh_keygen_verifies(tmp_path, message, signature, stranger)


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9])
def test_truncated_signature_is_rejected(tmp_path: Path, signed: tuple, keep: float) -> None:
    key, message, signature = signed
    cut = signature[: int(len(signature) * keep)]
    with pytest.raises(SignatureMalformed, match="truncated"):
        sshsig.verify(message, cut.encode(), NAMESPACE_SUMMARY)
    assert not ssh_keygen_verifies(tmp_path, message, cut, PublicKey.of(key))


def test_added_trailing_newline_is_rejected(tmp_path: Path, signed: tuple) -> None:
    key, message, signature = signed
    assert _app_rejects(message + b"\n", signature)
    assert not ssh_keygen_verifies(tmp_path, message + b"\n", signature, PublicKey.of(key))


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"not a signature",
        b"-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----\n",
        b"\xff\xfe" * 50,
        b"-----BEGIN SSH SIGNATURE-----\n" + b"A" * 20000,
    ],
)
def test_junk_signatures_are_malformed(junk: bytes) -> None:
    with pytest.raises(SignatureMalformed):
        sshsig.verify(MESSAGE, junk, NAMESPACE_SUMMARY)
