"""The history window: every signed declaration, its chain status, read it, export it.

A declaration is exported from the exact bytes the history holds, and only after its
signature verifies again: a damaged declaration is shown as damaged, never handed out.
The PDF is laid out and the files written by a background task.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.base.errors import SelfCheckError
from desktop.core.base.i18n import show_local_time
from desktop.core.records import bundle as bundles
from desktop.core.records import summary as summary_json
from desktop.core.records.chain import Declaration
from desktop.gui.labels import verdict_label
from desktop.gui.messages import describe, show_plain
from desktop.gui.screen_fit import fit_columns
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, run_task
from desktop.report.pdf import fill_document, render_pdf, with_pdf


class HistoryWindow(QDialog):
    exported = Signal(str)  # the bundle or PDF written

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.session = session
        self.exporting = False
        self.resize(1000, 680)
        self.declarations: list[Declaration] = []
        self.problems: dict[tuple[str, int], list[str]] = {}
        self.list = QTreeWidget()
        self.list.setObjectName("declarationList")
        self.list.setColumnCount(5)
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.view = QTextBrowser()
        self.view.setObjectName("declarationView")
        self.view.setOpenLinks(False)  # a summary's text is never a link to follow
        self.as_zip = QCheckBox()
        self.as_zip.setObjectName("exportZip")
        self.export_bundle = QPushButton()
        self.export_bundle.setObjectName("exportBundle")
        self.export_bundle.clicked.connect(lambda: self.export_bundle_to())
        self.export_pdf = QPushButton()
        self.export_pdf.setObjectName("exportPdf")
        self.export_pdf.clicked.connect(lambda: self.export_pdf_to())
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeHistory")
        self.close_button.clicked.connect(self.close)
        self.outcome = QLabel(wordWrap=True)
        self.outcome.setObjectName("exportResult")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setSizes([200, 480])
        buttons = QHBoxLayout()
        buttons.addWidget(self.as_zip)
        buttons.addWidget(self.export_bundle)
        buttons.addWidget(self.export_pdf)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()

    # -- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        store = self.session.history
        self.list.clear()
        if store is None:
            return
        self.declarations = sorted(store.declarations(), key=lambda d: (d.issued_at, d.seq))
        report = store.verify_chain()
        self.problems = report.links
        programmes = self.session.policy.programmes
        language = self.session.language.language
        for declaration in self.declarations:
            problems = self.problems.get((declaration.signer, declaration.seq), [])
            known = programmes.get(declaration.programme)
            QTreeWidgetItem(
                self.list,
                [
                    str(declaration.seq),
                    show_local_time(declaration.issued_at),
                    known.title.get(language) if known else declaration.programme,
                    verdict_label(declaration.verdict),
                    "✘ " + "; ".join(problems) if problems else "✔ " + self.tr("intact"),
                ],
            )
        for column in range(4):
            self.list.resizeColumnToContents(column)
        fit_columns(self.list)
        latest = self.list.topLevelItem(len(self.declarations) - 1)
        if latest is not None:
            self.list.setCurrentItem(latest)
        self._enable()

    def _current(self) -> Declaration | None:
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        return self.declarations[row] if 0 <= row < len(self.declarations) else None

    def _sound(self, declaration: Declaration) -> bool:
        return not self.problems.get((declaration.signer, declaration.seq))

    def _enable(self) -> None:
        current = self._current()
        usable = current is not None and self._sound(current) and not self.exporting
        self.export_bundle.setEnabled(usable)
        self.export_pdf.setEnabled(usable)

    def _show_current(self) -> None:
        self._enable()
        self.outcome.setText("")
        current = self._current()
        if current is None:
            self.view.clear()
            return
        if not self._sound(current):
            self.view.setPlainText(
                self.tr("This declaration is damaged; it is not shown or exported.")
            )
            return
        try:
            fill_document(
                self.view.document(),
                current.summary,
                self.session.policy,
                self.session.language.language,
            )
            self.view.moveCursor(QTextCursor.MoveOperation.Start)  # read from the cover down
        except Exception as exc:  # a summary of another version: told, not a traceback
            self.view.setPlainText(describe(exc))

    # -- exporting --------------------------------------------------------------------------

    def _verified_bundle(self) -> bundles.Bundle | None:
        current = self._current()
        if current is None or not self._sound(current):
            return None
        try:
            bundle = bundles.from_history(current.summary, current.signature, current.public_key)
            bundles.verify(bundle)  # exactly what a reviewer will check, checked again now
        except SelfCheckError as exc:
            show_plain(self.outcome, describe(exc))
            return None
        return bundle

    def export_bundle_to(self, folder: Path | None = None) -> None:
        bundle = self._verified_bundle()
        if bundle is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Save the bundle in"), str(Path.home())
            )
            if not chosen:
                return
            folder = Path(chosen)
        policy, as_zip, into = self.session.policy, self.as_zip.isChecked(), folder

        def export() -> Path:
            complete = with_pdf(bundle, policy)
            name = bundles.bundle_name(summary_json.decode(complete.summary))
            return bundles.stage(complete, into, name, as_zip=as_zip).publish()

        self._export(export)

    def export_pdf_to(self, path: Path | None = None) -> None:
        bundle = self._verified_bundle()
        if bundle is None:
            return
        if path is None:
            # Named as its bundle is, <staff-id>-<programme>-<date>: several stay apart.
            name = bundles.bundle_name(summary_json.decode(bundle.summary)) + ".pdf"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the PDF"), str(Path.home() / name), "PDF (*.pdf)"
            )
            if not chosen:
                return
            path = Path(chosen)
        policy, language, target = self.session.policy, self.session.language.language, path

        def export() -> Path:
            from desktop.core.base.atomic import write_atomic

            write_atomic(target, render_pdf(bundle.summary, policy, language))
            return target

        self._export(export)

    def _export(self, export: Callable[[], Path]) -> None:
        """Lay out the PDF and write the files as a task: both take a while."""
        self.exporting = True
        self._enable()
        run_task(export, self._exported, receiver=self)

    def _exported(self, outcome: Outcome[Path]) -> None:
        self.exporting = False
        self._enable()
        if isinstance(outcome.error, SelfCheckError | OSError):
            show_plain(self.outcome, describe(outcome.error))
            return
        target = outcome.get()  # anything else is a fault: the crash report tells it
        self.outcome.setText(self.tr("Saved: %1").replace("%1", str(target)))
        self.exported.emit(str(target))

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: signed declarations"))
        self.list.setAccessibleName(self.tr("Signed declarations"))
        self.view.setAccessibleName(self.tr("The declaration chosen"))
        self.list.setHeaderLabels(
            [
                "#",
                self.tr("Signed on (UTC)"),
                self.tr("Programme"),
                self.tr("Verdict"),
                self.tr("Chain"),
            ]
        )
        self.as_zip.setText(self.tr("As one .&zip file"))
        self.export_bundle.setText(self.tr("Export the &bundle…"))
        self.export_pdf.setText(self.tr("Export the &PDF…"))
        self.close_button.setText(self.tr("&Close"))
