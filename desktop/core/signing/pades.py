"""summary.pdf signed as PAdES (baseline B-B; B-T with a timestamp server) with the
official's public-service certificate on a USB token, through PKCS#11 and pyHanko.

The summary and its SSHSIG signature are attached to the PDF before it is signed, so the
signed PDF alone carries the machine-readable record. Nothing is signed with a
certificate that has expired, lacks non-repudiation or names someone else.
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from desktop.core.base.text import words
from desktop.core.signing.token import (
    TokenCertificate,
    TokenError,
    TokenProblem,
    choose,
    common_name,
    session,
    signing_certificates,
)

FIELD = "SelfCheckSignature"
SUMMARY_ATTACHMENT = "summary.json"
SIGNATURE_ATTACHMENT = "summary.json.sig"


@dataclass(frozen=True, slots=True)
class TokenChoice:
    """Which module, token and certificate sign; the PIN travels apart, never kept."""

    module: Path
    token_label: str | None = None
    cert_label: str | None = None
    timestamp_url: str | None = None  # B-T when set


def same_person(certificate_name: str, person_name: str) -> bool:
    """Names compared as officials write them: diacritics, case and spacing ignored."""
    return words(certificate_name) == words(person_name) and bool(words(person_name))


def non_repudiation(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bool(usage.content_commitment)


def check_certificate(
    certificate: x509.Certificate, person_name: str, now: datetime | None = None
) -> None:
    """Refuse a certificate that cannot sign for this person now (a TokenError)."""
    now = now or datetime.now(UTC)
    name = common_name(certificate)
    if certificate.not_valid_after_utc < now:
        raise TokenError(TokenProblem.EXPIRED, name, f"{certificate.not_valid_after_utc:%d/%m/%Y}")
    if certificate.not_valid_before_utc > now:
        raise TokenError(
            TokenProblem.NOT_YET_VALID, name, f"{certificate.not_valid_before_utc:%d/%m/%Y}"
        )
    if not non_repudiation(certificate):
        raise TokenError(TokenProblem.NO_NON_REPUDIATION, name)
    if not same_person(name, person_name):
        raise TokenError(TokenProblem.NOT_THE_PERSON, name, person_name)


def attach(pdf: bytes, attachments: dict[str, bytes]) -> bytes:
    """The PDF with `attachments` embedded as document-level attached files."""
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for name, data in attachments.items():
        mime = "application/json" if name.endswith(".json") else "text/plain"
        stream = embed.EmbeddedFileObject.from_file_data(
            writer, data, mime_type=mime, params=embed.EmbeddedFileParams()
        )
        spec = embed.FileSpec(
            file_spec_string=name,
            file_name=name,
            embedded_data=stream,
            description=name,
            af_relationship=generic.pdf_name("/Source"),
        )
        embed.embed_file(writer, spec)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(
    pdf: bytes,
    attachments: dict[str, bytes],
    choice: TokenChoice,
    pin: str,
    person_name: str,
) -> bytes:
    """`pdf` with `attachments`, signed on the token as PAdES. Raises TokenError."""
    from pyhanko.sign.timestamps import TimestampRequestError

    with session(choice.module, choice.token_label, pin) as opened:
        chosen = choose(signing_certificates(opened), choice.cert_label)
        check_certificate(chosen.certificate, person_name)
        try:
            return _sign(attach(pdf, attachments), opened, chosen, choice.timestamp_url)
        except (TimestampRequestError, OSError) as exc:  # aiohttp's errors are OSErrors
            where = choice.timestamp_url or ""
            raise TokenError(TokenProblem.NO_TIMESTAMP, where, type(exc).__name__) from None


def _sign(pdf: bytes, opened: Any, chosen: TokenCertificate, timestamp_url: str | None) -> bytes:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.pkcs11 import PKCS11Signer

    certificate = asn1_x509.Certificate.load(chosen.certificate.public_bytes(Encoding.DER))
    signer = PKCS11Signer(
        opened,
        key_id=chosen.key_id,
        cert_id=chosen.key_id,
        signing_cert=certificate,
        other_certs_to_pull=None,  # the chain comes from the reviewer's trust anchors
    )
    timestamper = None
    if timestamp_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(timestamp_url)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason="Tự đánh giá và cam kết (SelfCheck) / Self-assessment and pledge",
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.PdfSigner(metadata, signer=signer, timestamper=timestamper).sign_pdf(writer)
    return bytes(out.getvalue())
