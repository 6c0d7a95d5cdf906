"""`selfcheck assess --pdf-sign pkcs11` and `selfcheck verify --trust-anchor` as a user
runs them, with SoftHSM2 as the USB token."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.test_assess_cli import assess, run
from tests.token_helpers import Token, flip_one_byte, needs_token, pdfsig
from tests.tools import tool

pytestmark = needs_token


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


def pdf_text(pdf: Path) -> str:
    """The PDF's words, one space apart (the table cell wraps the line)."""
    out = subprocess.run(
        [tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return " ".join(out.split())


def _roster(folder: Path, bundle: Path, token: Token, name: str = "NGUYEN VAN AN") -> Path:
    """A roster naming the official (without diacritics, in capitals) and the test CA."""
    folder.mkdir()
    (folder / "allowed_signers").write_bytes((bundle / "allowed_signers").read_bytes())
    (folder / "ca.pem").write_bytes(token.authority.pem.read_bytes())
    roster = folder / "roster.toml"
    roster.write_text(
        '[roster]\nsigners = "allowed_signers"\ntrust_anchors = ["ca.pem"]\n'
        f'[[staff]]\nid = "BNG-08231"\nname = "{name}"\n',
        encoding="utf-8",
    )
    return roster


def test_the_review_csv_and_unit_pdf_show_the_public_service_signature(
    env: dict[str, str], token: Token, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    assess(env, "annual", inbox, *token_options(token, pin_file(tmp_path, token.pin)))
    (bundle,) = list(inbox.iterdir())
    roster = _roster(tmp_path / "reviewer", bundle, token)
    csv, unit = tmp_path / "review.csv", tmp_path / "unit.pdf"
    result = run(env, "review", str(inbox), "--roster", str(roster), "--csv", str(csv),
                 "--pdf", str(unit), "--lang", "vi")  # fmt: skip
    assert "chữ ký số công vụ: hợp lệ" in result.stdout, result.stdout + result.stderr
    header, first = csv.read_text("utf-8-sig").splitlines()[:2]
    assert header.endswith(",public_signature") and first.endswith(",valid")
    text = pdf_text(unit)
    assert "chữ ký số công vụ: hợp lệ" in text

    english = run(env, "review", str(inbox), "--roster", str(roster), "--pdf", str(unit),
                  "--lang", "en")  # fmt: skip
    assert "public-service digital signature: valid" in english.stdout
    text = pdf_text(unit)
    assert "public-service digital signature: valid" in text

    verified = run(env, "verify", str(bundle), "--roster", str(roster))  # its trust anchors
    assert "summary.pdf public-service digital signature: valid" in verified.stdout

    pdf = bundle / "summary.pdf"
    pdf.write_bytes(flip_one_byte(pdf.read_bytes()))
    tampered = run(env, "review", str(inbox), "--roster", str(roster), "--lang", "vi")
    assert tampered.returncode == 1
    assert "chữ ký số công vụ: không hợp lệ" in tampered.stdout


def test_the_review_wants_the_rosters_name_and_reports_a_bundle_without_one_as_none(
    env: dict[str, str], token: Token, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    assess(env, "annual", inbox, *token_options(token, pin_file(tmp_path, token.pin)))
    (bundle,) = list(inbox.iterdir())
    roster = _roster(tmp_path / "reviewer", bundle, token, name="Nguyễn Văn Anh")
    result = run(env, "review", str(inbox), "--roster", str(roster), "--lang", "en")
    assert result.returncode == 1
    assert "public-service digital signature: invalid" in result.stdout
    assert "not to the person" in result.stdout

    (bundle / "summary.pdf").unlink()
    roster = _roster(tmp_path / "reviewer-2", bundle, token, name="Nguyễn Văn An")
    none = run(env, "review", str(inbox), "--roster", str(roster), "--lang", "vi")
    assert "chữ ký số công vụ: không có" in none.stdout
    assert none.returncode == 0, none.stdout  # the signature is optional


def test_a_trust_anchor_outside_the_rosters_folder_is_refused(tmp_path: Path) -> None:
    from desktop.core.review.roster import RosterError, load_roster

    roster = tmp_path / "roster.toml"
    roster.write_text('[roster]\ntrust_anchors = ["../ca.pem"]\n')
    with pytest.raises(RosterError, match=r"field 'roster.trust_anchors\[0\]'"):
        load_roster(roster)


def test_the_pin_can_come_through_a_pipe(env: dict[str, str], token: Token, tmp_path: Path) -> None:
    """`--pin-file <(pass show token-pin)`: a pipe, read once."""
    fifo = tmp_path / "pin-pipe"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "desktop", "assess", str(EXAMPLES / "annual.toml"),
        "--out", str(out), "--passphrase-file", env["PASSPHRASE_FILE"],
        *token_options(token, fifo),
    ]  # fmt: skip
    Path(env["TMPDIR"]).mkdir(exist_ok=True)
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as child:  # fmt: skip
        with fifo.open("w") as pipe:
            pipe.write(token.pin + "\n")
        _out, err = child.communicate(timeout=180)
    assert child.returncode in (0, 1), err
    (bundle,) = list(out.iterdir())
    assert b"/ByteRange" in (bundle / "summary.pdf").read_bytes()
