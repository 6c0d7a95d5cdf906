"""`selfcheck assess --pdf-sign pkcs11` and `selfcheck verify --trust-anchor` as a user
runs them, with SoftHSM2 as the USB token."""

import os
from pathlib import Path

import pytest

from tests.test_assess_cli import assess, run
from tests.token_helpers import Token, flip_one_byte, needs_token, nss_db, pdfsig, token

pytestmark = needs_token
__all__ = ["nss_db", "token"]  # fixtures


@pytest.fixture
def env(tmp_path: Path, token: Token) -> dict[str, str]:
    home = tmp_path / "home"
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n")
    return {
        **os.environ,
        "SELFCHECK_HOME": str(home),
        "PASSPHRASE_FILE": str(passphrase),
        "TMPDIR": str(tmp_path / "tmp"),
        "SOFTHSM2_CONF": str(token.conf),
    }


def token_options(token: Token, pin_file: Path, *, label: str = "official") -> list[str]:
    return [
        "--pdf-sign",
        "pkcs11",
        "--pkcs11-lib",
        str(token.module),
        "--token-label",
        token.label,
        "--cert-label",
        label,
        "--pin-file",
        str(pin_file),
    ]


def pin_file(tmp_path: Path, pin: str) -> Path:
    path = tmp_path / "pin"
    path.write_text(pin + "\n")
    return path


def test_assess_signs_the_pdf_on_the_token_and_verify_checks_it(
    env: dict[str, str], token: Token, nss_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pin = pin_file(tmp_path, token.pin)
    result = assess(env, "annual", out, *token_options(token, pin))
    assert result.returncode in (0, 1), result.stderr
    (bundle,) = list(out.iterdir())
    pdf = bundle / "summary.pdf"
    said = pdfsig(nss_db, pdf)
    assert "Signature is Valid." in said and "Certificate is Trusted." in said, said

    verified = run(env, "verify", str(bundle), "--trust-anchor", str(token.authority.pem))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "summary.pdf public-service digital signature: valid" in verified.stdout
    assert verified.stderr == ""

    pdf.write_bytes(flip_one_byte(pdf.read_bytes()))
    broken = run(env, "verify", str(bundle), "--trust-anchor", str(token.authority.pem))
    assert broken.returncode == 1
    assert "public-service digital signature: invalid" in broken.stdout
    assert "Signature is Valid." not in pdfsig(nss_db, pdf)
    # The SSHSIG signature of summary.json is untouched and still verifies on its own.
    assert broken.stdout.startswith("OK ")


def test_verify_without_the_agencys_anchor_says_the_pdf_signature_is_invalid(
    env: dict[str, str], token: Token, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert assess(env, "annual", out, *token_options(token, pin_file(tmp_path, token.pin)))
    (bundle,) = list(out.iterdir())
    result = run(env, "verify", str(bundle))
    assert result.returncode == 1
    assert "does not chain to the roster's trust anchors" in result.stdout


@pytest.mark.parametrize(
    ("pin", "label", "words"),
    [
        ("0000", "official", "the token's PIN is wrong"),
        (None, "expired", "expired on"),
        (None, "no-non-repudiation", "does not allow non-repudiation"),
        (None, "someone-else", "issued to Trần Thị Bình, not to Nguyễn Văn An"),
    ],
)
def test_a_refused_token_writes_nothing_and_says_why_in_one_line(
    env: dict[str, str], token: Token, tmp_path: Path, pin: str | None, label: str, words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    options = token_options(token, pin_file(tmp_path, pin or token.pin), label=label)
    result = assess(env, "annual", out, *options)
    assert result.returncode == 2
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert list(out.iterdir()) == []  # no bundle, not even a staged one
    history = run(env, "history")
    assert "no declarations yet" in history.stdout


def test_a_missing_module_is_one_line_and_nothing_is_written(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pin = pin_file(tmp_path, "1234")
    result = assess(
        env,
        "annual",
        out,
        "--pdf-sign",
        "pkcs11",
        "--pkcs11-lib",
        str(tmp_path / "libnothing.so"),
        "--pin-file",
        str(pin),
    )
    assert result.returncode == 2
    assert "PKCS#11 module" in result.stderr and "was not found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_the_pin_is_nowhere_after_signing(
    env: dict[str, str], token: Token, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pin = pin_file(tmp_path, token.pin)
    result = assess(env, "annual", out, *token_options(token, pin))
    assert result.returncode in (0, 1), result.stderr
    pin.unlink()  # the one place the PIN was put, by the person
    needles = [token.pin.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    assert all(n.decode("utf-8", "ignore") not in result.stdout + result.stderr for n in needles)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"the PIN is in {path}"
