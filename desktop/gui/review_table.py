"""The review's rows as the reviewer's window lists them: one a person, then one for each
file that could not be used. A ✔ is only ever shown for a sound row whose declaration is
compliant: a verdict of action required is never shown as settled."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.core.assessment.findings import VerdictKind
from desktop.core.base.i18n import show_date
from desktop.core.review.scan import SEVERITIES, Report, Row
from desktop.gui.labels import verdict_label

ROW_ROLE = Qt.ItemDataRole.UserRole  # the staff id of a person's row; unset on a file's row


def settled(row: Row) -> bool:
    """Sound and compliant: nothing for the reviewer to follow up."""
    return row.sound and row.latest is not None and row.latest.verdict == VerdictKind.COMPLIANT


def needs_attention(row: Row) -> bool:
    return not settled(row) or row.overdue


def mark(row: Row) -> str:
    """The last-but-one column: the problems, else what the verdict asks, else ✔."""
    if row.problems:
        return "; ".join(f"{f.problem.value}: {f.detail}" for f in row.problems)
    if row.latest is None:
        return "—"
    if row.latest.verdict != VerdictKind.COMPLIANT:
        return "⚠ " + verdict_label(row.latest.verdict)
    return "✔"


def fill(tree: QTreeWidget, report: Report, wanted: Callable[[Row], bool]) -> None:
    tree.clear()
    for row in report.rows:
        if not wanted(row):
            continue
        latest = row.latest
        due = show_date(latest.next_due) if latest and latest.next_due else "—"
        if row.overdue:
            due += " " + QCoreApplication.translate("ReviewWindow", "(overdue)")
        opened = "/".join(str(latest.open_by_severity[s]) for s in SEVERITIES) if latest else "—"
        item = QTreeWidgetItem(
            tree,
            [
                row.staff_id,
                row.name,
                f"#{latest.seq} {show_date(latest.issued_at)}" if latest else "—",
                verdict_label(latest.shown_verdict) if latest else "—",
                opened,
                due,
                mark(row),
                row.unit,
            ],
        )
        item.setData(0, ROW_ROLE, row.staff_id)
        item.setToolTip(6, item.text(6))
    for finding in report.unreadable:  # always shown: a file that could not be used
        path = finding.path
        problem = f"{finding.problem.value}: {finding.detail} ({path})"
        name = path.name if path is not None else ""
        item = QTreeWidgetItem(tree, ["✘", name, "", "", "", "", problem, ""])
        item.setToolTip(6, problem)  # the whole path, when the column is too narrow
    for column in range(tree.columnCount()):
        tree.resizeColumnToContents(column)
        # Long names and paths scroll; the problems column stays in sight.
        tree.setColumnWidth(column, min(tree.columnWidth(column), 260))


def headers() -> list[str]:
    return [
        QCoreApplication.translate("ReviewWindow", "Staff id"),
        QCoreApplication.translate("ReviewWindow", "Name"),
        QCoreApplication.translate("ReviewWindow", "Latest"),
        QCoreApplication.translate("ReviewWindow", "Verdict"),
        QCoreApplication.translate("ReviewWindow", "Open (c/h/m/l)"),
        QCoreApplication.translate("ReviewWindow", "Next due"),
        QCoreApplication.translate("ReviewWindow", "Problems"),
        QCoreApplication.translate("ReviewWindow", "Unit"),
    ]
