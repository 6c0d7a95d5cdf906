"""The review's rows as the reviewer's window lists them: one a person, then one for each
file that could not be used. A ✔ is only ever shown for a sound row whose declaration is
compliant: a verdict of action required is never shown as settled."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.core.assessment.findings import VerdictKind
from desktop.core.base.i18n import Language, show_date
from desktop.core.review.rows import PROBLEM_WORDS, Finding
from desktop.core.review.scan import SEVERITIES, Report, Row
from desktop.gui.labels import verdict_label
from desktop.gui.messages import plain_tip
from desktop.gui.screen_fit import fit_columns

ROW_ROLE = Qt.ItemDataRole.UserRole  # the staff id of a person's row; unset on a file's row


def settled(row: Row) -> bool:
    """Sound and compliant: nothing for the reviewer to follow up."""
    return row.sound and row.latest is not None and row.latest.verdict == VerdictKind.COMPLIANT


def needs_attention(row: Row) -> bool:
    return not settled(row) or row.overdue


def problem(finding: Finding, language: Language) -> tuple[str, str]:
    """A problem as the window shows it, and its tooltip, in `language`. Every problem the
    review finds has its words in both languages; one that came without Vietnamese would
    show its name alone (the command line and the CSV keep the English detail)."""
    if language == "en" or finding.text is not None:
        shown = finding.shown(language)
        return shown, shown
    words = PROBLEM_WORDS.get(finding.problem)
    label = words.get(language) if words else finding.problem.value
    return label, label


def mark(row: Row, language: Language) -> tuple[str, str]:
    """The last-but-one column and its tooltip: the problems, else what the verdict asks,
    else ✔."""
    if row.problems:
        shown = [problem(f, language) for f in row.problems]
        return "; ".join(text for text, _tip in shown), "\n".join(tip for _text, tip in shown)
    if row.latest is None:
        return "—", "—"
    if row.latest.verdict != VerdictKind.COMPLIANT:
        verdict = "⚠ " + verdict_label(row.latest.verdict)
        return verdict, verdict
    return "✔", "✔"


def fill(
    tree: QTreeWidget, report: Report, wanted: Callable[[Row], bool], language: Language
) -> None:
    tree.clear()
    for row in report.rows:
        if not wanted(row):
            continue
        latest = row.latest
        due = show_date(latest.next_due) if latest and latest.next_due else "—"
        if row.overdue:
            due += " " + QCoreApplication.translate("ReviewWindow", "(overdue)")
        opened = "/".join(str(latest.open_by_severity[s]) for s in SEVERITIES) if latest else "—"
        marked, tip = mark(row, language)
        item = QTreeWidgetItem(
            tree,
            [
                row.staff_id,
                row.name,
                f"#{latest.seq} {show_date(latest.issued_at)}" if latest else "—",
                verdict_label(latest.shown_verdict) if latest else "—",
                opened,
                due,
                marked,
                row.unit,
            ],
        )
        item.setData(0, ROW_ROLE, row.staff_id)
        item.setToolTip(6, plain_tip(tip))  # a file's words, never read as rich text
    for finding in report.unreadable:  # always shown: a file that could not be used
        path = finding.path
        text, tip = problem(finding, language)
        name = path.name if path is not None else ""
        item = QTreeWidgetItem(tree, ["✘", name, "", "", "", "", f"{text} ({path})", ""])
        item.setToolTip(6, plain_tip(f"{tip}\n{path}"))  # the whole path, if the column is narrow
    for column in range(tree.columnCount()):
        tree.resizeColumnToContents(column)
        # Long names and paths scroll; the problems column stays in sight.
        tree.setColumnWidth(column, min(tree.columnWidth(column), 260))
    fit_columns(tree)  # ... but no heading cut off


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
