"""Reading back what an official's summary PDF says about its signing key: the QR code
(desktop/report/pdf.py, `qr_payload`) first, the printed fingerprint if no code is found.

The PDF comes from outside (a mail, a USB stick): it is read size-bounded, by PDFium
(pypdfium2), and only its first pages are drawn; zxing-cpp reads the code.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from desktop.core.base import reading
from desktop.core.base.errors import SelfCheckError
from desktop.core.base.fields import FINGERPRINT

MAX_PDF_BYTES = 32 * 1024 * 1024
PAGES = 3  # the code is on the cover; a scan may have a blank page first
DPI = 150  # what the code is sized for (QR_PIXELS): a printout scanned at 150 dpi reads
PREFIX = "selfcheck-summary-v1;"


class PdfNotRead(SelfCheckError):  # noqa: N818 (reads as what happened)
    """The file is not a PDF that can be read, or shows no SelfCheck code or fingerprint."""


@dataclass(frozen=True, slots=True)
class PdfKey:
    fingerprint: str
    from_code: bool


def key_in_pdf(path: Path) -> PdfKey:
    import pypdfium2 as pdfium  # only the reviewer needs it: not loaded at start-up

    try:
        data = reading.read_bounded(path, MAX_PDF_BYTES, follow=True)
    except OSError as exc:
        raise PdfNotRead(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfNotRead(f"{path}: not a readable PDF ({exc})") from None
    try:
        texts = []
        for index in range(min(len(document), PAGES)):
            page = document[index]
            found = _code_on(page)
            if found is not None:
                return found
            texts.append(page.get_textpage().get_text_bounded())
        for text in texts:  # no code: the fingerprint printed under it, if text was kept
            printed = FINGERPRINT.search(re.sub(r"\s+", "", text))
            if printed is not None:
                return PdfKey(printed.group(0), from_code=False)
    except pdfium.PdfiumError as exc:  # a page that cannot be drawn or read
        raise PdfNotRead(f"{path}: a page cannot be read ({exc})") from None
    finally:
        document.close()
    raise PdfNotRead(f"{path}: no SelfCheck QR code or key fingerprint on its first pages")


def _code_on(page: "object") -> PdfKey | None:
    import zxingcpp

    bitmap = page.render(scale=DPI / 72, grayscale=True)  # type: ignore[attr-defined]
    pixels = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
    for code in zxingcpp.read_barcodes(
        pixels, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        found = parse_payload(code.text)
        if found is not None:
            return found
    return None


def parse_payload(text: str) -> PdfKey | None:
    """`selfcheck-summary-v1;sha256=…;key=SHA256:…`; None for any other code."""
    if not text.startswith(PREFIX):
        return None
    fields = dict(part.partition("=")[::2] for part in text[len(PREFIX) :].split(";"))
    key = fields.get("key", "")
    return PdfKey(key, from_code=True) if FINGERPRINT.fullmatch(key) else None
