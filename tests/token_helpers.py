"""A real PKCS#11 token for the PAdES tests: SoftHSM2 in a private folder, a test CA and
an official's certificate made with `cryptography`, the key imported into the token."""

import datetime as dt
import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pkcs11
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from tests.tools import missing, needs, tool

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN_LABEL = "SelfCheck test token"
SO_PIN = "27182818"
NAME = "Nguyễn Văn An"
needs_token = needs("softhsm2-util", "pdfsig", "certutil", "pdfdetach")


@dataclass(frozen=True)
class Authority:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    pem: Path  # the root, as an agency hands it to reviewers


@dataclass(frozen=True)
class Token:
    module: Path
    label: str
    pin: str
    conf: Path
    authority: Authority

    def add_official(
        self,
        label: str,
        name: str = NAME,
        *,
        key_id: bytes = b"\x01",
        non_repudiation: bool = True,
        not_before: dt.datetime | None = None,
        not_after: dt.datetime | None = None,
    ) -> x509.Certificate:
        """An official's key (RSA, as the Cipher Committee's tokens hold) and certificate
        on the token under `label`."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.UTC)
        cert = issue(
            self.authority,
            key.public_key(),
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Bộ Ngoại giao"),
                    x509.NameAttribute(NameOID.COMMON_NAME, name),
                ]
            ),
            not_before=not_before or now - dt.timedelta(days=1),
            not_after=not_after or now + dt.timedelta(days=365),
            usage=x509.KeyUsage(
                digital_signature=True,
                content_commitment=non_repudiation,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            ca=False,
        )
        p8 = self.conf.parent / f"{key_id.hex()}.p8"
        p8.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        subprocess.run(
            [
                tool("softhsm2-util"),
                "--import",
                str(p8),
                "--token",
                self.label,
                "--label",
                label,
                "--id",
                key_id.hex(),
                "--pin",
                self.pin,
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "SOFTHSM2_CONF": str(self.conf)},
            timeout=60,
        )
        p8.unlink()
        lib = pkcs11.lib(str(self.module))
        with lib.get_token(token_label=self.label).open(rw=True, user_pin=self.pin) as session:
            session.create_object(
                {
                    pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE,
                    pkcs11.Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                    pkcs11.Attribute.TOKEN: True,
                    pkcs11.Attribute.LABEL: label,
                    pkcs11.Attribute.ID: key_id,
                    pkcs11.Attribute.SUBJECT: cert.subject.public_bytes(),
                    pkcs11.Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
                }
            )
        return cert


def issue(
    authority: Authority | None,
    public: ec.EllipticCurvePublicKey | rsa.RSAPublicKey,
    subject: x509.Name,
    *,
    not_before: dt.datetime,
    not_after: dt.datetime,
    usage: x509.KeyUsage,
    ca: bool,
    signer: ec.EllipticCurvePrivateKey | None = None,
) -> x509.Certificate:
    issuer = authority.cert.subject if authority else subject
    signing_key = authority.key if authority else signer
    assert signing_key is not None
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    if authority is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority.key.public_key()),
            critical=False,
        )
    return builder.sign(signing_key, hashes.SHA256())


def make_authority(folder: Path, name: str = "SelfCheck Test Root CA") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = issue(
        None,
        key.public_key(),
        x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.COMMON_NAME, name),
            ]
        ),
        not_before=now - dt.timedelta(days=30),
        not_after=now + dt.timedelta(days=3650),
        usage=x509.KeyUsage(
            digital_signature=False,
            content_commitment=False,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=True,
            crl_sign=True,
            encipher_only=False,
            decipher_only=False,
        ),
        ca=True,
        signer=key,
    )
    pem = folder / "ca.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Authority(key, cert, pem)


def canary_pin() -> str:
    """A PIN no file holds by chance: the canary tests look for it everywhere."""
    return f"PIN-Canary-{secrets.token_hex(6)}"


def make_token(folder: Path, labels: tuple[str, ...] = (TOKEN_LABEL,)) -> Token:
    """Fresh SoftHSM2 tokens in `folder` (the first is returned), each with a canary PIN.

    SOFTHSM2_CONF must point at `folder/softhsm2.conf` in every process that opens them;
    the module reads its tokens when first loaded, so all are made before that."""
    tokens = folder / "tokens"
    tokens.mkdir(mode=0o700)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    pin = canary_pin()
    for label in labels:
        _init_token(conf, label, pin)
    return Token(SOFTHSM_MODULE, labels[0], pin, conf, make_authority(folder))


def _init_token(conf: Path, label: str, pin: str) -> None:
    subprocess.run(
        [
            tool("softhsm2-util"),
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            pin,
            "--so-pin",
            SO_PIN,
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "SOFTHSM2_CONF": str(conf)},
        timeout=60,
    )


SECOND_TOKEN = "Second token"


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory) -> Token:
    """One SoftHSM2 folder for the whole run (the module is loaded once a process): the
    official's good certificate, and the ones every refusal is tested with."""
    for name in ("softhsm2-util", "pdfsig", "certutil"):
        tool(name)
    if not SOFTHSM_MODULE.is_file():
        missing(f"{SOFTHSM_MODULE} (softhsm2)")
    folder = tmp_path_factory.mktemp("softhsm")
    os.environ["SOFTHSM2_CONF"] = str(folder / "softhsm2.conf")  # before the module loads
    made = make_token(folder, (TOKEN_LABEL, SECOND_TOKEN))
    now = dt.datetime.now(dt.UTC)
    made.add_official("official")
    made.add_official(
        "expired",
        key_id=b"\x02",
        not_before=now - dt.timedelta(days=400),
        not_after=now - dt.timedelta(days=1),
    )
    made.add_official("no-non-repudiation", key_id=b"\x03", non_repudiation=False)
    made.add_official("someone-else", "Trần Thị Bình", key_id=b"\x04")
    return made


@pytest.fixture(scope="session")
def nss_db(token: Token, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An NSS database trusting the test CA, for poppler's pdfsig."""
    folder = tmp_path_factory.mktemp("nss")
    certutil = tool("certutil")
    subprocess.run(
        [certutil, "-N", "-d", f"sql:{folder}", "--empty-password"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    subprocess.run(
        [
            certutil,
            "-A",
            "-d",
            f"sql:{folder}",
            "-n",
            "ca",
            "-t",
            "CT,C,C",
            "-i",
            str(token.authority.pem),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return f"sql:{folder}"


def pdfsig(nss: str, pdf: Path) -> str:
    """What poppler's pdfsig says of `pdf`, with the test CA trusted."""
    result = subprocess.run(
        [tool("pdfsig"), "-nssdir", nss, str(pdf)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout + result.stderr


def flip_one_byte(pdf: bytes) -> bytes:
    """`pdf` with one byte of its signed first revision changed (not in the signature)."""
    changed = bytearray(pdf)
    changed[200] ^= 0x01
    return bytes(changed)
