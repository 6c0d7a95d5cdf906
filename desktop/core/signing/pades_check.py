"""Checking a PAdES-signed summary.pdf: the signature intact and covering the whole file,
the certificate chaining to the agency's trust anchors, allowing non-repudiation, valid
when the PDF was signed and issued to the person, and the attached summary the bundle's.
"""

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from cryptography import x509

from desktop.core.base.i18n import Language, Text
from desktop.core.signing.pades import SIGNATURE_ATTACHMENT, SUMMARY_ATTACHMENT, same_person

MAX_ATTACHMENT = 4 * 1024 * 1024


class PdfSignatureState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    NONE = "none"


STATE_WORDS = {
    PdfSignatureState.VALID: Text("hợp lệ", "valid"),
    PdfSignatureState.INVALID: Text("không hợp lệ", "invalid"),
    PdfSignatureState.NONE: Text("không có", "none"),
}
LABEL = Text("chữ ký số công vụ", "public-service digital signature")


@dataclass(frozen=True, slots=True)
class PdfSignatureCheck:
    state: PdfSignatureState
    detail: str = ""  # why it is invalid, in English, one line
    signer: str | None = None  # the certificate's common name

    def line(self, language: Language) -> str:
        """'chữ ký số công vụ: hợp lệ', and the reason when it is not."""
        text = f"{LABEL.get(language)}: {STATE_WORDS[self.state].get(language)}"
        return f"{text} ({self.detail})" if self.detail else text


def quiet_pyhanko() -> None:
    """pyHanko logs each failed path as a traceback; the result says it in one line."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _invalid(detail: str, signer: str | None = None) -> PdfSignatureCheck:
    return PdfSignatureCheck(PdfSignatureState.INVALID, detail, signer)


def attachments(reader: Any) -> dict[str, bytes]:
    """The document-level attached files of a PDF, by name."""
    found: dict[str, bytes] = {}
    names = reader.root.get("/Names")
    if names is None:
        return found
    tree = names.get_object().get("/EmbeddedFiles")
    if tree is None:
        return found
    entries = tree.get_object().get("/Names")
    if entries is None:
        return found
    entries = entries.get_object()
    for index in range(0, len(entries) - 1, 2):
        name = str(entries[index])
        spec = entries[index + 1].get_object()
        stream = spec["/EF"].get_object()["/F"].get_object()
        data = stream.data
        if len(data) > MAX_ATTACHMENT or name in found:
            raise ValueError(f"the attached file {name[:60]!r} is oversized or repeated")
        found[name] = data
    return found


def check_pdf(
    pdf: bytes | None,
    summary: bytes,
    signature: bytes,
    anchors: list[x509.Certificate],
    person_name: str | None,
) -> PdfSignatureCheck:
    """The state of summary.pdf's public-service signature; never raises on a bad PDF."""
    if pdf is None:
        return PdfSignatureCheck(PdfSignatureState.NONE)
    quiet_pyhanko()
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:
        return _invalid(f"the PDF cannot be read ({type(exc).__name__})")
    if not signatures:
        return PdfSignatureCheck(PdfSignatureState.NONE)
    if len(signatures) != 1:
        return _invalid(f"the PDF has {len(signatures)} signatures, not one")
    try:
        return _check(reader, signatures[0], summary, signature, anchors, person_name)
    except Exception as exc:
        return _invalid(f"the signature cannot be checked ({type(exc).__name__})")


def _check(
    reader: Any,
    embedded: Any,
    summary: bytes,
    signature: bytes,
    anchors: list[x509.Certificate],
    person_name: str | None,
) -> PdfSignatureCheck:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    certificate = x509.load_der_x509_certificate(embedded.signer_cert.dump())
    from desktop.core.signing.token import common_name

    signer = common_name(certificate)
    signed_at: datetime | None = embedded.self_reported_timestamp
    if signed_at is None:
        return _invalid("the signature records no signing time", signer)
    roots = [asn1_x509.Certificate.load(a.public_bytes(Encoding.DER)) for a in anchors]
    context = ValidationContext(
        trust_roots=roots,
        moment=signed_at,
        best_signature_time=signed_at,
        allow_fetching=False,  # offline: the agency's anchors decide, no network
        revocation_mode="soft-fail",
    )
    status = validate_pdf_signature(
        embedded,
        signer_validation_context=context,
        key_usage_settings=KeyUsageConstraints(key_usage={"non_repudiation"}),
    )
    if not (status.intact and status.valid):
        return _invalid("the PDF was changed after it was signed", signer)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return _invalid("the signature does not cover the whole file", signer)
    if not (certificate.not_valid_before_utc <= signed_at <= certificate.not_valid_after_utc):
        return _invalid("the certificate was not valid when the PDF was signed", signer)
    from desktop.core.signing.pades import non_repudiation

    if not non_repudiation(certificate):
        return _invalid("the certificate does not allow non-repudiation", signer)
    if not status.trusted:
        return _invalid("the certificate does not chain to the roster's trust anchors", signer)
    if person_name is None or not same_person(signer, person_name):
        return _invalid(f"the certificate is issued to {signer}, not to the person", signer)
    attached = attachments(reader)
    if attached.get(SUMMARY_ATTACHMENT) != summary:
        return _invalid("the attached summary.json is not the bundle's", signer)
    if attached.get(SIGNATURE_ATTACHMENT) != signature:
        return _invalid("the attached summary.json.sig is not the bundle's", signer)
    return PdfSignatureCheck(PdfSignatureState.VALID, "", signer)
