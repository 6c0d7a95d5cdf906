"""One declaration's findings, as the reviewer reads them on screen: who and what verdict,
every item with its status, how it was established, its severity and its provisions, then
the fix-it steps of each open item. The same words as the official's PDF, in either
language."""

from html import escape

from desktop.core.assessment.findings import NEEDS_ACTION, VerdictKind
from desktop.core.base.i18n import Language
from desktop.core.policy.model import ItemKind, Policy
from desktop.core.records.summary_shape import Summary
from desktop.report.content import STYLE, _Report


def findings_html(summary: Summary, policy: Policy, language: Language) -> str:
    report = _Report(summary, "", policy, language)
    person = summary.person
    verdict = summary.verdict
    colour = "#1b5e20" if verdict == VerdictKind.COMPLIANT else "#b00020"
    line = f"{report.w('verdict')}: {report.w(verdict)}"
    if verdict != VerdictKind.COMPLIANT:
        open_count = sum(f.status in NEEDS_ACTION for f in summary.findings)
        line += f" ({report.w('open_items', n=open_count)})"
    who = " · ".join(
        escape(part) for part in (person.full_name, person.staff_id, person.unit) if part
    )
    return "".join(
        [
            f"<html><head><style>{STYLE}</style></head><body>",
            f"<p><b>{who}</b><br>{report.w('declaration')} {summary.seq} · {report.issued()}</p>",
            f'<p style="color:{colour}"><b>{line}</b></p>',
            report.plan(),
            report.accounts_section(),
            report.once_items(ItemKind.PLEDGE, "pledges"),
            report.once_items(ItemKind.PROGRAMME, "programme_items"),
            "</body></html>",
        ]
    )
