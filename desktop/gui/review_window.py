"""The reviewer's window: a folder of bundles checked against the unit's roster.

The review runs as a background task (a unit's folder can hold thousands of bundles) and
relays its progress to the GUI thread, as the exports write theirs; the rows are filtered
here, the export and the reviewer's memory of accepted declarations are the core's.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assessment.findings import VerdictKind
from desktop.core.base.atomic import write_atomic
from desktop.core.base.i18n import show_date
from desktop.core.review.roster import load_accepted, load_roster, save_accepted
from desktop.core.review.scan import SEVERITIES, Report, Row, csv_bytes, review, to_accept
from desktop.gui.labels import verdict_label
from desktop.gui.messages import describe
from desktop.gui.session import Session
from desktop.gui.tasks import Outcome, relay, run_task


class ReviewWindow(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.session = session
        self.resize(1100, 700)
        self.report: Report | None = None
        self.saving = False  # an export is being written
        self.reviewed_roster = Path()
        self.roster = QLineEdit()
        self.roster.setObjectName("rosterFile")
        self.folder = QLineEdit()
        self.folder.setObjectName("bundleFolder")
        self.browse_roster = QPushButton()
        self.browse_roster.clicked.connect(self._choose_roster)
        self.browse_folder = QPushButton()
        self.browse_folder.clicked.connect(self._choose_folder)
        self.run_button = QPushButton()
        self.run_button.setObjectName("runReview")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.progress = QProgressBar()
        self.progress.setObjectName("reviewProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("reviewStatus")
        self.unit = QComboBox()
        self.unit.setObjectName("filterUnit")
        self.verdict = QComboBox()
        self.verdict.setObjectName("filterVerdict")
        self.problems_only = QCheckBox()
        self.problems_only.setObjectName("filterProblems")
        for control in (self.unit, self.verdict):
            control.currentIndexChanged.connect(self._show)
        self.problems_only.toggled.connect(self._show)
        self.rows = QTreeWidget()
        self.rows.setObjectName("reviewRows")
        self.rows.setColumnCount(8)
        self.rows.setRootIsDecorated(False)
        self.export_csv = QPushButton()
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.clicked.connect(lambda: self.save_csv())
        self.export_pdf = QPushButton()
        self.export_pdf.setObjectName("exportUnitPdf")
        self.export_pdf.clicked.connect(lambda: self.save_pdf())
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptSound")
        self.accept_button.clicked.connect(self.accept_sound)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        form = QFormLayout()
        self.roster_label, self.folder_label = QLabel(), QLabel()
        for label, edit, button in (
            (self.roster_label, self.roster, self.browse_roster),
            (self.folder_label, self.folder, self.browse_folder),
        ):
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(button)
            label.setBuddy(edit)
            form.addRow(label, line)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        filters = QHBoxLayout()
        self.filter_label = QLabel()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.unit, 1)
        filters.addWidget(self.verdict, 1)
        filters.addWidget(self.problems_only)
        buttons = QHBoxLayout()
        for button in (self.export_csv, self.export_pdf, self.accept_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addLayout(filters)
        layout.addWidget(self.rows, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._enable()

    # -- running ------------------------------------------------------------------------------

    def _choose_roster(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The unit's roster"), self.roster.text(), "TOML (*.toml)"
        )
        if chosen:
            self.roster.setText(chosen)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The folder of bundles"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def run(self) -> None:
        roster, folder = Path(self.roster.text().strip()), Path(self.folder.text().strip())
        if not roster.is_file() or not folder.is_dir():
            self.status.setText(self.tr("Choose the roster file and the folder of bundles."))
            return
        self.run_button.setEnabled(False)
        self.report = None  # nothing is exported or accepted while a new review runs
        self.reviewed_roster = roster
        self._show()
        self.progress.show()
        self.status.setText(self.tr("Checking…"))
        tell = relay(self._progressed, receiver=self)
        today = date.today()

        def work() -> Report:
            opened = load_roster(roster)
            return review(
                folder,
                opened,
                load_accepted(opened),
                today,
                lambda n, _path: tell(n) if n % 25 == 0 else None,  # a bar, not a flood
            )

        run_task(work, self._reviewed, receiver=self)

    def _progressed(self, count: int) -> None:
        self.status.setText(self.tr("Checking… %1 file(s)").replace("%1", str(count)))

    def _reviewed(self, outcome: Outcome[Report]) -> None:
        if outcome.error is not None:  # a roster that cannot be read, a folder that went away
            self._failed(outcome.error)
        else:
            self._finished(outcome.get())

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        self.status.setText(describe(exc))

    def _finished(self, report: Report) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        self.report = report
        sound = sum(1 for r in report.rows if r.sound)
        self.status.setText(
            self.tr("%1 file(s) checked: %2 people, %3 without problems, %4 file(s) unusable.")
            .replace("%1", str(report.bundles))
            .replace("%2", str(len(report.rows)))
            .replace("%3", str(sound))
            .replace("%4", str(len(report.unreadable)))
        )
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), "")
        for unit in sorted({r.unit for r in report.rows if r.unit}):
            self.unit.addItem(unit, unit)
        self.unit.setCurrentIndex(max(self.unit.findData(current or ""), 0))
        self.unit.blockSignals(False)
        self._show()

    # -- showing ------------------------------------------------------------------------------

    def _wanted(self, row: Row) -> bool:
        unit, verdict = self.unit.currentData(), self.verdict.currentData()
        if unit and row.unit != unit:
            return False
        if verdict and (row.latest is None or row.latest.shown_verdict != verdict):
            return False
        return not (self.problems_only.isChecked() and row.sound and not row.overdue)

    def _show(self) -> None:
        self.rows.clear()
        report = self.report
        self._enable()
        if report is None:
            return
        for row in report.rows:
            if not self._wanted(row):
                continue
            latest = row.latest
            due = show_date(latest.next_due) if latest and latest.next_due else "—"
            if row.overdue:
                due += " " + self.tr("(overdue)")
            opened = (
                "/".join(str(latest.open_by_severity[s]) for s in SEVERITIES) if latest else "—"
            )
            QTreeWidgetItem(
                self.rows,
                [
                    row.staff_id,
                    row.name,
                    f"#{latest.seq} {show_date(latest.issued_at)}" if latest else "—",
                    verdict_label(latest.shown_verdict) if latest else "—",
                    opened,
                    due,
                    "; ".join(f"{f.problem.value}: {f.detail}" for f in row.problems) or "✔",
                    row.unit,
                ],
            )
        for finding in report.unreadable:  # always shown: a file that could not be used
            path = finding.path
            problem = f"{finding.problem.value}: {finding.detail} ({path})"
            name = path.name if path is not None else ""
            item = QTreeWidgetItem(self.rows, ["✘", name, "", "", "", "", problem, ""])
            item.setToolTip(6, problem)  # the whole path, when the column is too narrow
        for column in range(self.rows.columnCount()):
            self.rows.resizeColumnToContents(column)
            # Long names and paths scroll; the problems column stays in sight.
            self.rows.setColumnWidth(column, min(self.rows.columnWidth(column), 280))

    def _enable(self) -> None:
        ready = self.report is not None and not self.saving
        for button in (self.export_csv, self.export_pdf, self.accept_button):
            button.setEnabled(ready)

    # -- exporting ----------------------------------------------------------------------------

    def save_csv(self, path: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the table"), str(Path.home() / "review.csv"), "CSV (*.csv)"
            )
            if not chosen:
                return
            path = Path(chosen)
        self._write(path, lambda: csv_bytes(report))

    def save_pdf(self, path: Path | None = None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the unit report"),
                str(Path.home() / "review.pdf"),
                "PDF (*.pdf)",
            )
            if not chosen:
                return
            path = Path(chosen)
        from desktop.report.unit import unit_pdf

        policy, language = self.session.policy, self.session.language.language
        self._write(path, lambda: unit_pdf(report, policy, language, date.today()))

    def _write(self, path: Path, make: Callable[[], bytes]) -> None:
        """Make the file's bytes and write them as a task: a PDF takes a while to lay out,
        and the write waits for the disk."""

        def work() -> Path:
            write_atomic(path, make())
            return path

        self.saving = True
        self._enable()
        run_task(work, self._written, receiver=self)

    def _written(self, outcome: Outcome[Path]) -> None:
        self.saving = False
        self._enable()
        if isinstance(outcome.error, OSError):
            self.status.setText(describe(outcome.error))
            return
        path = outcome.get()  # anything else is a fault: the crash report tells it
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def accept_sound(self) -> None:
        """Remember each sound latest declaration: a history rewritten later is caught."""
        if self.report is None:
            return
        try:
            roster = load_roster(self.reviewed_roster)  # the roster this report was made with
            accepted = load_accepted(roster)
            accepted.update(to_accept(self.report))
            save_accepted(roster, accepted)
        except Exception as exc:  # the roster moved or became unreadable since the review
            self.status.setText(describe(exc))
            return
        self.status.setText(
            self.tr("Accepted: the latest declaration of %1 people.").replace(
                "%1", str(len(to_accept(self.report)))
            )
        )

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SelfCheck: review a unit's declarations"))
        self.roster_label.setText(self.tr("&Roster:"))
        self.folder_label.setText(self.tr("&Folder of bundles:"))
        self.browse_roster.setText(self.tr("Choose…"))
        self.browse_folder.setText(self.tr("Choose…"))
        self.run_button.setText(self.tr("&Check the folder"))
        self.filter_label.setText(self.tr("Show:"))
        self.problems_only.setText(self.tr("Only problems and overdue"))
        current = self.verdict.currentIndex()
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem(self.tr("Any verdict"), "")
        for kind in VerdictKind:
            self.verdict.addItem(verdict_label(kind), kind.value)
        self.verdict.setCurrentIndex(max(current, 0))
        self.verdict.blockSignals(False)
        if self.unit.count() == 0:
            self.unit.addItem(self.tr("All units"), "")
        else:
            self.unit.setItemText(0, self.tr("All units"))
        self.rows.setHeaderLabels(
            [
                self.tr("Staff id"),
                self.tr("Name"),
                self.tr("Latest"),
                self.tr("Verdict"),
                self.tr("Open (c/h/m/l)"),
                self.tr("Next due"),
                self.tr("Problems"),
                self.tr("Unit"),
            ]
        )
        self.export_csv.setText(self.tr("Export &CSV…"))
        self.export_pdf.setText(self.tr("Export &PDF report…"))
        self.accept_button.setText(self.tr("&Accept the sound declarations"))
        self.close_button.setText(self.tr("Close"))
