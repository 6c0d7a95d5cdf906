"""Review: every finding worst first, each leading back to its page; verdict; fix-it plan."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem

from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.flow import Step, StepKind
from desktop.core.assessment.reasons import describe
from desktop.core.base.i18n import show_date
from desktop.core.policy.model import ItemKind, Status
from desktop.core.records.changes import ChangeKind, compare
from desktop.core.records.summary import findings_view
from desktop.gui.pages.base import WizardPage
from desktop.gui.session import Session


class ReviewPage(WizardPage):
    go_to = Signal(str)  # the key of the step where a finding can be changed

    def __init__(self, session: Session, step: Step) -> None:
        super().__init__(session, step)
        self.verdict = QLabel(wordWrap=True)
        self.verdict.setObjectName("verdict")
        self.findings = QTreeWidget()
        self.findings.setObjectName("findings")
        self.findings.setColumnCount(3)
        self.findings.setRootIsDecorated(False)
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._activated)
        self.plan = QLabel(wordWrap=True)
        self.plan.setObjectName("fixPlan")
        self.changes = QLabel(wordWrap=True)
        self.changes.setObjectName("changesSinceLast")
        self.content.addWidget(self.verdict)
        self.content.addWidget(self.changes)
        self.content.addWidget(self.findings, 1)
        self.content.addWidget(self.plan)
        self.retranslate()

    def enter(self) -> None:
        self.retranslate()

    def _step_of(self, item_id: str, account_id: str | None) -> str:
        kind = self.session.policy.items[item_id].kind
        if account_id is not None:
            return Step(StepKind.ACCOUNT, account_id).key
        return (StepKind.PLEDGES if kind == ItemKind.PLEDGE else StepKind.PROGRAMME_ITEMS).value

    def _activated(self, row: QTreeWidgetItem) -> None:
        key = row.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self.go_to.emit(key)

    def _show_changes(self, result: Assessment, statuses: dict[Status, str]) -> None:
        previous = self.session.last_declared()
        if previous is None:
            self.changes.setText("")
            return
        since = (
            self.tr("Changes since declaration %1 (%2)")
            .replace("%1", str(previous.seq))
            .replace("%2", show_date(previous.issued_at))
        )
        changes = compare(previous, findings_view(result))
        if not changes:
            self.changes.setText(f"<b>{escape(since)}</b>: " + escape(self.tr("none")))
            return
        kinds = {
            ChangeKind.FIXED: self.tr("fixed"),
            ChangeKind.NEWLY_FAILING: self.tr("newly failing"),
            ChangeKind.CHANGED: self.tr("changed"),
            ChangeKind.NEW_ACCOUNT: self.tr("new account"),
            ChangeKind.REMOVED_ACCOUNT: self.tr("removed account"),
        }
        words = {status.value: text for status, text in statuses.items()}
        lines = []
        for change in changes[:40]:
            if change.item is None:
                what = change.account or ""
            else:
                item = self.session.policy.items.get(change.item)
                what = item.title.get(self.language) if item else change.item
                if change.account:
                    what += f" ({change.account.split(':', 1)[-1]})"
                before = words.get(change.before or "", "—")
                what += f": {before} → {words.get(change.after or '', '—')}"
            lines.append(f"<li>{escape(kinds[change.kind])}: {escape(what)}</li>")
        self.changes.setText(f"<b>{escape(since)}</b><ul>{''.join(lines)}</ul>")

    def retranslate(self) -> None:
        self.set_heading(self.tr("Review"))
        self.findings.setHeaderLabels([self.tr("Status"), self.tr("Item"), self.tr("Why")])
        self.findings.setAccessibleName(self.tr("Findings"))
        flow = self.session.flow
        result = flow.assessment(self.session.passwords) if flow else None
        self.findings.clear()
        if result is None:
            self.verdict.setText(self.tr("Some pages are not complete yet."))
            self.plan.setText("")
            return
        language = self.language
        statuses = {
            Status.PASS: self.tr("pass"),
            Status.FAIL: self.tr("fail"),
            Status.PARTIAL: self.tr("partial"),
            Status.NOT_APPLICABLE: self.tr("n/a"),
            Status.NOT_VERIFIED: self.tr("not verified"),
        }
        handles = {a.id: a.handle for a in result.submission.accounts}
        self._show_changes(result, statuses)
        # What needs action comes first, worst first; what passed comes after.
        ordered = [*result.verdict.to_fix, *(f for f in result.findings if not f.needs_action)]
        for finding in ordered:
            item = self.session.policy.items[finding.item_id]
            where = f" ({handles[finding.account_id]})" if finding.account_id else ""
            row = QTreeWidgetItem(
                self.findings,
                [
                    statuses[finding.status],
                    item.title.get(language) + where,
                    describe(finding, self.session.policy, language),
                ],
            )
            row.setData(
                0, Qt.ItemDataRole.UserRole, self._step_of(finding.item_id, finding.account_id)
            )
        self.findings.resizeColumnToContents(0)
        self.findings.setColumnWidth(1, 330)  # titles run long, Vietnamese ones longest
        to_fix = result.verdict.to_fix
        if not to_fix:
            self.verdict.setText("<h3>" + escape(self.tr("Verdict: compliant")) + "</h3>")
            self.plan.setText("")
            return
        self.verdict.setText(
            "<h3>"
            + escape(self.tr("Verdict: action required (%n item(s))", "", len(to_fix)))
            + "</h3>"
        )
        steps = []
        for finding in to_fix[:30]:
            item = self.session.policy.items[finding.item_id]
            first = finding.fix.get(language)[:1]
            where = f" ({handles[finding.account_id]})" if finding.account_id else ""
            steps.append(
                f"<li><b>{escape(item.title.get(language) + where)}</b>"
                + (f": {escape(first[0])}" if first else "")
                + "</li>"
            )
        plan = self.tr("Fix-it plan")
        self.plan.setText(f"<b>{escape(plan)}</b><ol>{''.join(steps)}</ol>")
