"""The summary as a document: HTML for Qt's QTextDocument, made from summary.json alone.

Only the signed summary and the checklists (for titles, fix-it steps and provision text)
go in, so a reviewer's copy of a bundle gives the same document as the official's. Every
value from the summary is escaped (`shown`): a summary is verified before it is shown,
but what an official typed is still only text.
"""

import shlex
from collections.abc import Sequence
from html import escape

from desktop.core.assessment.findings import NEEDS_ACTION, VerdictKind
from desktop.core.base.i18n import Language, show_date, show_time
from desktop.core.base.text import printable
from desktop.core.policy.model import ItemKind, Policy, Status
from desktop.core.records.changes import Change, ChangeKind
from desktop.core.records.due import recorded_due
from desktop.core.records.summary_shape import Account, Finding, PolicyRecord, Summary
from desktop.report.words import word

QR_RESOURCE = "selfcheck-qr.png"
QR_PIXELS = 280  # about 45 mm on the page: a phone or a 150 dpi scan reads it
_STATUS_COLOUR = {Status.PASS: "#1b5e20", Status.FAIL: "#b00020", Status.PARTIAL: "#8a5a00"}

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 17pt; margin-bottom: 4pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 2pt; }
td, th { padding: 3px; vertical-align: top; }
th { background-color: #e8e8e8; text-align: left; }
.label { color: #444444; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.small { font-size: 8.5pt; color: #444444; }
"""


def shown(value: object) -> str:
    """A value from outside as HTML: markup escaped, and control and bidirectional
    characters written as escapes (\\u202e), as the command line shows them. A right-to-left
    override in a name would otherwise turn the rest of a line around on the page."""
    return escape(printable(str(value)))


def verify_command(staff_id: str) -> str:
    """The ssh-keygen line that checks a bundle. Quoted for the shell all the same: a
    reviewer copies it, and the staff id comes from the summary being checked."""
    return (
        f"ssh-keygen -Y verify -f allowed_signers -I {shlex.quote(staff_id)} "
        "-n selfcheck-summary-v1 -s summary.json.sig < summary.json"
    )


def summary_html(summary: Summary, sha256: str, policy: Policy, language: Language) -> str:
    """The whole report; the QR code is the image resource QR_RESOURCE."""
    report = _Report(summary, sha256, policy, language)
    return report.html()


class _Report:
    def __init__(self, summary: Summary, sha256: str, policy: Policy, language: Language) -> None:
        self.s = summary
        self.sha256 = sha256
        self.policy = policy
        self.lang = language
        self.accounts = summary.accounts
        self.findings = summary.findings

    # -- small pieces ----------------------------------------------------------------------

    def w(self, key: str, **params: object) -> str:
        return escape(word(key, self.lang, **params))

    def item_title(self, item_id: object) -> str:
        item = self.policy.items.get(str(item_id))
        return shown(item.title.get(self.lang) if item else item_id)

    def account_name(self, account: Account) -> str:
        platform = self.policy.platforms.get(account.platform)
        name = platform.name.get(self.lang) if platform else account.platform
        return shown(f"{name} · {account.handle}")

    def status(self, status: Status) -> str:
        colour = _STATUS_COLOUR.get(status, "#444444")
        return f'<span style="color:{colour}"><b>{self.w(status)}</b></span>'

    def day(self, value: object) -> str | None:
        return show_date(value) if isinstance(value, str) else None

    def issued(self) -> str:
        """When it was signed, dd/mm/yyyy hh:mm UTC."""
        return show_time(self.s.issued_at)

    def profile_name(self, profile_id: object) -> str | None:
        """The code the person was assessed against (a version 1 summary names none)."""
        if not isinstance(profile_id, str):
            return None
        profile = self.policy.profiles.get(profile_id)
        return profile.code.get(self.lang) if profile is not None else profile_id

    def provisions(self, finding: Finding) -> str:
        return shown(", ".join(finding.provisions))

    # -- sections --------------------------------------------------------------------------

    def html(self) -> str:
        parts = [
            f"<html><head><style>{STYLE}</style></head><body>",
            self.cover(),
            self.changes(),
            self.accounts_section(),
            self.plan(),
            self.once_items(ItemKind.PLEDGE, "pledges"),
            self.once_items(ItemKind.PROGRAMME, "programme_items"),
            self.verification(),
            "</body></html>",
        ]
        return "".join(parts)

    def cover(self) -> str:
        person = self.s.person
        programme = self.policy.programmes.get(self.s.programme)
        programme_name = programme.title.get(self.lang) if programme else self.s.programme
        rows: list[tuple[str, object]] = [
            ("full_name", person.full_name),
            ("staff_id", person.staff_id),
            ("unit", person.unit),
            ("position", person.position),
            ("category", word(person.category, self.lang)),
            ("profile", self.profile_name(person.profile)),
            ("destination", person.destination or None),
            ("mission", person.mission or None),
            ("departure_date", self.day(person.departure_date)),
            ("programme", programme_name),
            ("issued", self.issued()),
            ("declaration", self.s.seq),
        ]
        due = recorded_due(self.s)
        if due is not None:
            target = self.policy.programmes.get(due.programme)
            text = f"{show_date(due.date)} · " + (
                target.title.get(self.lang) if target else due.programme
            )
            if due.follow_up:
                text += f" ({word('follow_up', self.lang)})"
            rows.append(("next_due", text))
        table = "".join(
            f'<tr><td class="label">{self.w(key)}</td><td><b>{shown(value)}</b></td></tr>'
            for key, value in rows
            if value not in (None, "")
        )
        verdict = self.s.verdict
        open_count = sum(1 for f in self.findings if f.status in NEEDS_ACTION)
        colour = "#1b5e20" if verdict == VerdictKind.COMPLIANT else "#b00020"
        verdict_line = f"{self.w('verdict')}: {self.w(verdict)}"
        if verdict != VerdictKind.COMPLIANT:
            verdict_line += f" ({self.w('open_items', n=open_count)})"
        fingerprint = shown(self.s.signer.fingerprint)
        return (
            f"<h1>{self.w('title')}</h1>"
            f'<table cellspacing="0">{table}</table>'
            f'<p style="font-size:15pt; color:{colour}"><b>{verdict_line}</b></p>'
            f'<table cellspacing="0"><tr><td><img src="{QR_RESOURCE}" width="{QR_PIXELS}"'
            f' height="{QR_PIXELS}"></td><td><p class="small">{self.w("qr")}</p></td></tr></table>'
            # Full width, so that neither is ever broken across lines.
            f'<p class="label">{self.w("fingerprint")}</p>'
            f'<p class="mono"><b>{fingerprint}</b></p>'
            f'<p class="label">{self.w("sha256")}</p>'
            f'<p class="mono">{escape(self.sha256)}</p>'
            f"{self.policy_line()}"
        )

    def policy_line(self) -> str:
        """The policy pack the summary was assessed against (version 3 on)."""
        policy = self.s.policy
        if not isinstance(policy, PolicyRecord):
            return ""
        if policy.signed:
            text = self.w("policy_signed", pack=policy.pack, version=policy.version,
                          signer=policy.signer)  # fmt: skip
            shown = f"<b>{text}</b>"
        else:
            shown = f'<b style="color:#b00020">{self.w("policy_unsigned")}</b>'
        return (
            f'<p class="label">{self.w("policy")}</p><p>{shown}<br>'
            f'<span class="mono small">{escape(policy.digest)}</span></p>'
        )

    def changes(self) -> str:
        if not self.s.changes:
            return f"<h2>{self.w('changes', seq='—', date='—')}</h2><p>{self.w('first')}</p>"
        changes, since = self.s.changes.items, self.s.changes.since
        heading = self.w("changes", seq=since.seq, date=show_date(since.issued_at))
        if not changes:
            return f"<h2>{heading}</h2><p>{self.w('no_changes')}</p>"
        rows = "".join(self.change_row(c) for c in changes)
        return (
            f"<h2>{heading}</h2>"
            f'<table width="100%" cellspacing="0" border="0.5">'
            f"<tr><th>{self.w('changed')}</th><th>{self.w('item')}</th>"
            f"<th>{self.w('status')}</th></tr>{rows}</table>"
        )

    def change_row(self, change: Change) -> str:
        where = shown(change.account or "")
        if change.kind in (ChangeKind.NEW_ACCOUNT, ChangeKind.REMOVED_ACCOUNT):
            what, moved = where, ""
        else:
            what = self.item_title(change.item) + (f" ({where})" if where else "")
            before = self.w(change.before) if change.before else "—"
            after = self.w(change.after) if change.after else "—"
            moved = f"{before} → {after}"
        return f"<tr><td>{self.w(change.kind.value)}</td><td>{what}</td><td>{moved}</td></tr>"

    def findings_table(self, findings: Sequence[Finding]) -> str:
        head = (
            f'<tr><th width="36%">{self.w("item")}</th><th width="15%">{self.w("status")}</th>'
            f'<th width="15%">{self.w("evidence")}</th><th width="13%">{self.w("severity")}</th>'
            f'<th width="21%">{self.w("provisions")}</th></tr>'
        )
        rows = "".join(
            f"<tr><td>{self.item_title(f.item)}</td><td>{self.status(f.status)}</td>"
            f"<td>{self.w(f.evidence)}</td><td>{self.w(f.severity)}</td>"
            f'<td class="small">{self.provisions(f)}</td></tr>'
            for f in findings
        )
        return f'<table width="100%" cellspacing="0" border="0.5">{head}{rows}</table>'

    def accounts_section(self) -> str:
        out = [f"<h2>{self.w('accounts')}</h2>"]
        if not self.accounts:
            declared = self.s.declared_no_accounts is True
            out.append(f"<p>{self.w('no_accounts_declared' if declared else 'no_accounts')}</p>")
        for account in self.accounts:
            own = [f for f in self.findings if f.account == account.id]
            kind = self.w(account.kind)
            out.append(f"<h3>{self.account_name(account)} ({kind})</h3>")
            platform = self.policy.platforms.get(account.platform)
            if platform is not None and platform.notice is not None:
                out.append(f'<p class="small">⚠ {escape(platform.notice.get(self.lang))}</p>')
            out.append(self.findings_table(own))
        return "".join(out)

    def plan(self) -> str:
        to_fix = sorted(
            (f for f in self.findings if f.status in NEEDS_ACTION),
            key=lambda f: (f.severity.rank, NEEDS_ACTION.index(f.status)),
        )
        if not to_fix:
            return f"<h2>{self.w('plan')}</h2><p>{self.w('nothing_to_fix')}</p>"
        by_id = {a.id: a for a in self.accounts}
        entries = []
        for finding in to_fix:
            item = self.policy.items.get(finding.item)
            account = by_id.get(finding.account) if finding.account is not None else None
            steps: tuple[str, ...] = ()
            if item is not None:
                steps = item.fix.get(self.lang)
                platform = self.policy.platforms.get(account.platform) if account else None
                if platform is not None:
                    steps += platform.guide(item.guide).get(self.lang)
            where = f" — {self.account_name(account)}" if account else ""
            listed = "".join(f"<li>{escape(step)}</li>" for step in steps)
            entries.append(
                f"<li><b>{self.item_title(finding.item)}</b>{where} · "
                f"{self.status(finding.status)} "
                f'<span class="small">[{self.provisions(finding)}]</span>'
                + (f"<ul>{listed}</ul>" if listed else "")
                + "</li>"
            )
        return f"<h2>{self.w('plan')}</h2><ol>{''.join(entries)}</ol>"

    def once_items(self, kind: ItemKind, heading: str) -> str:
        chosen = [
            f
            for f in self.findings
            if f.account is None
            and (item := self.policy.items.get(f.item)) is not None
            and item.kind == kind
        ]
        if not chosen:
            return ""
        return f"<h2>{self.w(heading)}</h2>{self.findings_table(chosen)}"

    def verification(self) -> str:
        staff_id = self.s.person.staff_id
        version = self.s.app_version
        return (
            f"<h2>{self.w('verify')}</h2><p>{self.w('verify_text')}</p>"
            f'<p class="mono">{shown(verify_command(staff_id))}</p>'
            f'<p class="small">{self.w("footer", version=printable(version))}</p>'
        )
