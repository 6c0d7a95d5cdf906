"""The public-service (PAdES) signature of a bundle's summary.pdf, checked against the
agency's trust anchors: the PDF is read from the folder or zip, bounded like the rest."""

import stat
import zipfile
from pathlib import Path

from cryptography import x509

from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import SelfCheckError, refused
from desktop.core.records.bundle import PDF, Bundle
from desktop.core.signing.pades_check import PdfSignatureCheck, check_pdf

MAX_PDF = 16 * 1024 * 1024
MAX_ANCHORS = 1024 * 1024


class TrustAnchorError(SelfCheckError):
    """A trust anchor file cannot be used."""


def read_pdf(path: Path) -> bytes | None:
    """summary.pdf of a bundle folder or zip; None when it has none (or it is unusable:
    then the signature reads as absent, and the SSHSIG verdict stands on its own)."""
    try:
        if stat.S_ISDIR(path.stat().st_mode):
            return reading.read_bounded(path / PDF, MAX_PDF, follow=False)
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(PDF)
            if info.file_size > MAX_PDF:
                return None
            with archive.open(info) as member:
                data = member.read(MAX_PDF + 1)
            return data if len(data) <= MAX_PDF else None
    except (OSError, KeyError, zipfile.BadZipFile, reading.RefusedFileError):
        return None


def load_anchors(paths: list[Path]) -> list[x509.Certificate]:
    """The root and intermediate certificates (PEM, one or more a file) the agency trusts."""
    anchors: list[x509.Certificate] = []
    for path in paths:
        try:
            raw = reading.read_bounded(path, MAX_ANCHORS, follow=True)
            anchors.extend(x509.load_pem_x509_certificates(raw))
        except FileNotFoundError:
            raise refused(
                TrustAnchorError,
                path,
                "không có tệp chứng thư gốc này",
                "the trust anchor file is missing",
            ) from None
        except reading.RefusedFileError as exc:
            raise refused(
                TrustAnchorError,
                path,
                f"tệp chứng thư gốc {exc.text.vi}",
                f"the trust anchor file {exc.strerror}",
            ) from None
        except OSError as exc:
            told = os_reasons.unreadable(exc)
            raise refused(TrustAnchorError, path, told.vi, told.en) from None
        except ValueError:
            raise refused(
                TrustAnchorError,
                path,
                "không phải tệp chứng thư số dạng PEM",
                "not a PEM certificate file",
            ) from None
    return anchors


def check_bundle_pdf(
    path: Path, bundle: Bundle, anchors: list[x509.Certificate], person_name: str | None
) -> PdfSignatureCheck:
    """The state of the bundle's PDF signature (valid, invalid or none)."""
    return check_pdf(read_pdf(path), bundle.summary, bundle.signature, anchors, person_name)
