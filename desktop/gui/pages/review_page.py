"""Review: every finding worst first, each leading back to its page; verdict; fix-it plan."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem

from desktop.core.flow import Step, StepKind
from desktop.core.policy import ItemKind, Status
from desktop.core.reasons import describe
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
        self.content.addWidget(self.verdict)
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

    def retranslate(self) -> None:
        self.set_heading(self.tr("Review"))
        self.findings.setHeaderLabels([self.tr("Status"), self.tr("Item"), self.tr("Why")])
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
