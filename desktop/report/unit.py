"""The reviewer's unit report: one row per person, then the files that could not be used."""

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from desktop.core.base.i18n import Language, Text, show_date
from desktop.core.policy.model import Policy
from desktop.core.review.scan import SEVERITIES, Report
from desktop.report.content import STYLE, shown
from desktop.report.words import word

if TYPE_CHECKING:
    from desktop.core.signing.pades_check import PdfSignatureCheck

_WORDS = {
    "title": Text("Báo cáo rà soát bản tự kê khai của đơn vị", "Unit review of self-declarations"),
    "date": Text("Ngày rà soát", "Reviewed on"),
    "people": Text("Số người", "People"),
    "sound": Text("Không có vấn đề", "Without problems"),
    "staff": Text("Cán bộ", "Staff"),
    "latest": Text("Bản khai gần nhất", "Latest declaration"),
    "open": Text("Mục mở (nghiêm trọng/cao/trung bình/thấp)", "Open (critical/high/medium/low)"),
    "due": Text("Hạn tiếp theo", "Next due"),
    "overdue": Text("quá hạn", "overdue"),
    "problems": Text("Vấn đề", "Problems"),
    "unreadable": Text("Tệp không dùng được", "Files that could not be used"),
    "file": Text("Tệp", "File"),
}


def unit_html(
    report: Report,
    policy: Policy,
    language: Language,
    today: date,
    *,
    signatures: "dict[str, PdfSignatureCheck] | None" = None,
) -> str:
    def w(key: str) -> str:
        return escape(_WORDS[key].get(language))

    rows = []
    for row in report.rows:
        latest = row.latest
        if latest is not None:
            programme = policy.programmes.get(latest.programme)
            title = programme.title.get(language) if programme else latest.programme
            declared = (
                f"#{latest.seq} · {escape(show_date(latest.issued_at))} · {shown(title)}<br>"
                f"<b>{escape(word(latest.shown_verdict, language))}</b>"
            )
            opened = "/".join(str(latest.open_by_severity[s]) for s in SEVERITIES)
            due = show_date(latest.next_due) if latest.next_due else "—"
            if signatures and row.staff_id in signatures:  # summary.pdf's PAdES signature
                line = signatures[row.staff_id].line(language)
                declared += f'<br><span class="small">{escape(line)}</span>'
        else:
            declared, opened, due = "—", "—", "—"
        if row.overdue:
            due += f' <span style="color:#b00020">({w("overdue")})</span>'
        problems = "<br>".join(shown(f.shown(language)) for f in row.problems)
        rows.append(
            f"<tr><td><b>{shown(row.name or row.staff_id)}</b><br>"
            f'<span class="small">{shown(row.staff_id)} · {shown(row.unit)}</span></td>'
            f"<td>{declared}</td><td>{opened}</td><td>{due}</td>"
            f'<td class="small">{problems}</td></tr>'
        )
    unreadable = "".join(
        f'<tr><td class="small">{shown(f.path)}</td>'
        f'<td class="small">{shown(f.shown(language))}</td></tr>'
        for f in report.unreadable
    )
    sound = sum(1 for r in report.rows if r.sound)
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        f"<h1>{w('title')}</h1>",
        f"<p>{w('date')}: <b>{show_date(today)}</b> · {w('people')}: <b>{len(report.rows)}</b>"
        f" · {w('sound')}: <b>{sound}</b></p>",
        '<table width="100%" cellspacing="0" border="0.5">',
        f"<tr><th>{w('staff')}</th><th>{w('latest')}</th><th>{w('open')}</th>"
        f"<th>{w('due')}</th><th>{w('problems')}</th></tr>",
        *rows,
        "</table>",
    ]
    if unreadable:
        parts += [
            f"<h2>{w('unreadable')}</h2>",
            '<table width="100%" cellspacing="0" border="0.5">',
            f"<tr><th>{w('file')}</th><th>{w('problems')}</th></tr>{unreadable}</table>",
        ]
    parts.append("</body></html>")
    return "".join(parts)


def unit_pdf(
    report: Report,
    policy: Policy,
    language: Language,
    today: date,
    *,
    signatures: "dict[str, PdfSignatureCheck] | None" = None,
) -> bytes:
    from desktop.report.pdf import write_pdf

    html = unit_html(report, policy, language, today, signatures=signatures)
    return write_pdf(_WORDS["title"].get(language), lambda document: document.setHtml(html))
