"""PAdES B-T: the signature timestamped by a server (a test TSA on loopback, answering
with pyHanko's DummyTimeStamper, its certificate issued by the test CA)."""

import asyncio
import datetime as dt
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.core.signing.pades import TokenChoice, sign_pdf
from desktop.core.signing.pades_check import PdfSignatureState, check_pdf
from desktop.core.signing.token import TokenError, TokenProblem
from desktop.report.pdf import write_pdf
from tests.token_helpers import NAME, Token, needs_token, pdfsig

pytestmark = needs_token


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """pytest-qt's QApplication, made before write_pdf would make a bare QGuiApplication
    (a later test's widgets would then abort the process)."""


ATTACHED = {"summary.json": b"{}", "summary.json.sig": b"sig"}


def _tsa_certificate(token: Token) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(
        public_exponent=65537, key_size=2048
    )  # the dummy TSA is RSA-only
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")]))
        .issuer_name(token.authority.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(token.authority.key.public_key()),
            critical=False,
        )
        .sign(token.authority.key, hashes.SHA256())
    )
    return cert, key


@pytest.fixture
def tsa_url(token: Token) -> Iterator[str]:
    from asn1crypto import keys, tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps import DummyTimeStamper

    cert, key = _tsa_certificate(token)
    stamper = DummyTimeStamper(
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            answer = asyncio.run(stamper.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_with_a_timestamp_server_the_signature_is_pades_b_t(
    token: Token, tsa_url: str, nss_db: str, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    pdf = write_pdf("B-T", lambda document: document.setHtml("<p>Dấu thời gian</p>"))
    choice = TokenChoice(token.module, token.label, "official", tsa_url)
    signed = sign_pdf(pdf, ATTACHED, choice, token.pin, NAME)
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    unsigned = embedded.signer_info["unsigned_attrs"].native or []
    # The signature's timestamp token (RFC 3161), as PAdES B-T has it.
    assert any(a["type"] == "signature_time_stamp_token" for a in unsigned)
    check = check_pdf(signed, b"{}", b"sig", [token.authority.cert], NAME)
    assert check.state == PdfSignatureState.VALID, check.detail
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    said = pdfsig(nss_db, path)
    assert "Signature is Valid." in said and "Certificate is Trusted." in said, said


def test_a_timestamp_server_that_does_not_answer_signs_nothing(token: Token) -> None:
    import socket

    with socket.socket() as unused:  # a loopback port nobody listens on
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}/"
    pdf = write_pdf("B-T", lambda document: document.setHtml("<p>x</p>"))
    with pytest.raises(TokenError) as raised:
        sign_pdf(
            pdf, ATTACHED, TokenChoice(token.module, token.label, "official", url), token.pin, NAME
        )
    assert raised.value.problem == TokenProblem.NO_TIMESTAMP
    assert "did not answer" in str(raised.value)
