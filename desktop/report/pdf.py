"""summary.pdf: the report laid out by Qt's QTextDocument and written by QPdfWriter.

QPdfWriter embeds (subsets of) the fonts it draws with, so the Vietnamese text reads the
same on any PDF reader. The text is laid out with DejaVu Sans where it is installed (it
covers Vietnamese); elsewhere Qt falls back to a system font that does.
"""

import dataclasses
import io
import os
import sys
from typing import TYPE_CHECKING, Any

import segno

from desktop.core.base.i18n import Language
from desktop.core.base.text import printable
from desktop.core.policy.model import Policy
from desktop.core.records import summary as summary_json
from desktop.report.content import QR_RESOURCE, summary_html

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QFont, QTextDocument

    from desktop.core.records.bundle import Bundle

PDF_NAME = "summary.pdf"
QR_SCALE = 8  # pixels per module: large enough for a 150 dpi scan of the printout


def qr_payload(sha256: str, fingerprint: str) -> str:
    """What the QR code says: enough to match a printout to its signed summary."""
    return f"selfcheck-summary-v1;sha256={sha256};key={fingerprint}"


def ensure_qt() -> None:
    """A Qt GUI application for fonts and painting; offscreen when the CLI needs one."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # The command line has no window: the offscreen platform draws without a display.
        platform = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
        app = QGuiApplication([sys.argv[0] if sys.argv else "selfcheck", "-platform", platform])
        _keep.append(app)


_keep: list[Any] = []  # the CLI's application object lives as long as the process


def render_pdf(summary_bytes: bytes, policy: Policy, language: Language | None = None) -> bytes:
    """The PDF of a (verified) summary.json, in `language` or the summary's own."""
    summary = summary_json.decode(summary_bytes)
    title = _title(summary, language or summary.language)
    return write_pdf(
        title, lambda document: fill_document(document, summary_bytes, policy, language)
    )


def write_pdf(title: str, fill: "Callable[[QTextDocument], None]") -> bytes:
    """A4 PDF of the document `fill` builds, laid out at 300 dpi, fonts embedded."""
    ensure_qt()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("SelfCheck")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    # Parsed first, laid out after, each in one call that holds the interpreter lock
    # (PySide6 keeps it through setHtml): on a background task, two halves of the work
    # keep the GUI thread from waiting for the whole of it at once.
    document.setLayoutEnabled(False)
    # Fonts in points and pixel sizes are then taken at the PDF's resolution, not the screen's.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(report_font())
    fill(document)
    # Lay the text out on the printable page at the writer's resolution.
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.setLayoutEnabled(True)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def report_font() -> "QFont":
    from PySide6.QtGui import QFont

    font = QFont("DejaVu Sans", 10)
    # No ligatures: a reader searching or copying "file" must not get "ﬁle".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def fill_document(
    document: "QTextDocument", summary_bytes: bytes, policy: Policy, language: Language | None
) -> None:
    """Put the report of a summary into `document` (for the PDF, or a window to read it)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    summary = summary_json.decode(summary_bytes)
    sha256 = summary_json.sha256(summary_bytes)
    qr = segno.make(qr_payload(sha256, summary.signer.fingerprint), error="m")
    png = io.BytesIO()
    qr.save(png, kind="png", scale=QR_SCALE, border=4)
    image = QImage.fromData(png.getvalue())  # the format is read from the data
    document.setDefaultFont(report_font())
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE), image)
    chosen = language or summary.language
    document.setHtml(summary_html(summary, sha256, policy, chosen))


def with_pdf(bundle: "Bundle", policy: Policy, language: Language | None = None) -> "Bundle":
    """The bundle with its summary.pdf made from its own summary.json."""
    return dataclasses.replace(bundle, pdf=render_pdf(bundle.summary, policy, language))


def _title(summary: summary_json.Summary, language: Language) -> str:
    from desktop.report.words import word

    return f"{word('title', language)} — {printable(summary.person.full_name)}"
