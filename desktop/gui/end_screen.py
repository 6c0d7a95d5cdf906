"""The end of a declaration: what was signed and saved, and where, with Open folder, Open PDF
and Done (back to the start screen, which lists the new declaration).

It replaces the wizard once the declaration is signed: the run is over, so there is no Back
into pages that would now describe a declaration already made.
"""

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import Language
from desktop.report.pdf import PDF_NAME


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a signature left behind: the declaration in the history, the bundle, its PDF."""

    seq: int  # the declaration's number in this computer's history
    history: Path  # the history's database file
    folder: Path  # where the bundle was to be saved
    bundle: Path | None  # the bundle folder or .zip; None when it could not be written
    pdf: bytes | None  # the PDF put in the bundle (opened from a copy when it is zipped)
    pdf_language: Language

    @property
    def zipped(self) -> bool:
        return self.bundle is not None and self.bundle.suffix == ".zip"

    @property
    def pdf_path(self) -> Path | None:
        """The PDF as a file of its own: in the bundle folder (None for a .zip)."""
        if self.bundle is None or self.pdf is None or self.zipped:
            return None
        return self.bundle / PDF_NAME


def _copy_out(name: str, pdf: bytes) -> Path:
    """A .zip's PDF as a file a PDF reader can open: in a private temporary folder
    (0700), removed when the app quits."""
    folder = Path(tempfile.mkdtemp(prefix="selfcheck-pdf-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / f"{name}.pdf"
    write_atomic(path, pdf, mode=0o600)
    return path


class EndScreen(QWidget):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endScreen")
        self.receipt: Receipt | None = None
        self._pdf_copy: Path | None = None
        self.heading = QLabel()
        self.heading.setObjectName("endHeading")
        self.details = QLabel(wordWrap=True)
        self.details.setObjectName("endDetails")
        self.told = QLabel(wordWrap=True)
        self.told.setObjectName("endTold")
        self.open_folder_button = QPushButton()
        self.open_folder_button.setObjectName("openFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_pdf_button = QPushButton()
        self.open_pdf_button.setObjectName("openPdf")
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.done_button = QPushButton()
        self.done_button.setObjectName("endDone")
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(self.open_pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.told)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_receipt(self, receipt: Receipt) -> None:
        self.receipt = receipt
        self._pdf_copy = None
        self.told.setText("")
        self.open_folder_button.setEnabled(receipt.bundle is not None)
        self.open_pdf_button.setEnabled(receipt.bundle is not None and receipt.pdf is not None)
        self.retranslate()

    # -- the buttons ----------------------------------------------------------------------

    def open_folder(self) -> bool:
        """The bundle folder itself, or the folder that holds the .zip."""
        receipt = self.receipt
        if receipt is None or receipt.bundle is None:
            return False
        target = receipt.bundle.parent if receipt.zipped else receipt.bundle
        return self._open(target)

    def open_pdf(self) -> bool:
        receipt = self.receipt
        if receipt is None or receipt.bundle is None or receipt.pdf is None:
            return False
        path = receipt.pdf_path
        if path is None:  # inside the .zip: a copy to open
            if self._pdf_copy is None:
                try:
                    self._pdf_copy = _copy_out(receipt.bundle.stem, receipt.pdf)
                except OSError as exc:
                    from desktop.gui.messages import show_plain, words

                    show_plain(
                        self.told,
                        self.tr("The PDF could not be opened: %1").replace("%1", words(exc)),
                    )
                    return False
            path = self._pdf_copy
        return self._open(path)

    def _open(self, path: Path) -> bool:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.told.setText(
            ""
            if opened
            else self.tr("No program was found to open it. It is here: %1").replace("%1", str(path))
        )
        return opened

    # -- the text -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.open_folder_button.setText(self.tr("Open &folder"))
        self.open_pdf_button.setText(self.tr("Open &PDF"))
        self.done_button.setText(self.tr("&Done"))
        receipt = self.receipt
        if receipt is None:
            self.heading.setText("")
            self.details.setText("")
            return
        self.heading.setText(
            "<h2>✔ "
            + escape(self.tr("Declaration no. %1 is signed").replace("%1", str(receipt.seq)))
            + "</h2>"
        )
        language = self.tr("Vietnamese") if receipt.pdf_language == "vi" else self.tr("English")
        lines = []
        if receipt.bundle is None:
            lines.append(
                "⚠ "
                + self.tr(
                    "The bundle could not be saved in %1. Export it from the History window "
                    "of the start screen."
                ).replace("%1", str(receipt.folder))
            )
        elif receipt.zipped:
            lines.append(
                self.tr("The bundle to hand in, as one .zip file: %1").replace(
                    "%1", str(receipt.bundle)
                )
            )
            if receipt.pdf is not None:
                lines.append(
                    self.tr("The PDF to print (%1) is inside it, as %2.")
                    .replace("%1", language)
                    .replace("%2", PDF_NAME)
                )
        else:
            lines.append(
                self.tr("The bundle to hand in, as a folder: %1").replace("%1", str(receipt.bundle))
            )
            if receipt.pdf_path is not None:
                lines.append(
                    self.tr("The PDF to print (%1): %2")
                    .replace("%1", language)
                    .replace("%2", str(receipt.pdf_path))
                )
        lines.append(
            self.tr(
                "A copy is kept in this computer's history (%1); the start screen lists it "
                "under Signed declarations."
            ).replace("%1", str(receipt.history))
        )
        lines.append(
            self.tr(
                "Hand the bundle in as your unit asks (e-mail or USB). Nothing has been sent "
                "anywhere."
            )
        )
        self.details.setText("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in lines) + "</ul>")
