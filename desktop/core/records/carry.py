"""Where a new declaration starts: the person's last signed one, and the programme due.

At each signature, the answers document that was signed (never a password: the format
holds none) and the pledges' wording are kept beside the history, in the private data
folder, as `last-declaration.json`, bound to the summary by its sha256. A new draft is
carried over from it (desktop.core.assessment.carryover). When it is missing or belongs to
another declaration, the draft is carried over from the signed summary itself: the person,
the accounts (platform, kind, the handle unless masked) and the declared answers a status
names unambiguously.
"""

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.assessment.answers import dump_answers, parse_json
from desktop.core.assessment.carryover import Origin, carry_over, pledge_digests
from desktop.core.assessment.draft import Draft
from desktop.core.assessment.engine import Assessment
from desktop.core.assessment.findings import Evidence
from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import AnswersError
from desktop.core.base.i18n import Language
from desktop.core.policy.audience import ProgrammeId
from desktop.core.policy.model import Policy
from desktop.core.records.history import History
from desktop.core.records.reminder import upcoming
from desktop.core.records.summary_codec import decode, sha256
from desktop.core.records.summary_shape import Summary, SummaryError

RECORD = "last-declaration.json"
FORMAT = "selfcheck-carry"
VERSION = 1
MAX_BYTES = 1024 * 1024  # as parse_json allows
# The checklist files whose content is the pledges' wording and their legal basis.
PLEDGE_FILES = ("items-pledges", "provisions")


def keep(home: Path, result: Assessment, summary: bytes) -> None:
    """Keep what was just signed for the next declaration to start from. Raises OSError."""
    profile = result.policy.profiles.get(result.submission.person.profile)
    record = {
        "format": FORMAT,
        "version": VERSION,
        "summary_sha256": sha256(summary),
        "answers": json.loads(dump_answers(result.submission)),
        "pledges": pledge_digests(result.policy, profile),
    }
    data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    write_atomic(home / RECORD, data, mode=0o600)


def _record(home: Path, summary_sha: str) -> Mapping[str, Any] | None:
    """The kept record of the declaration `summary_sha`, or None (missing, damaged, or of
    another declaration: the summary is then carried over instead)."""
    try:
        raw = reading.read_bounded(home / RECORD, MAX_BYTES, follow=False)
    except (OSError, reading.RefusedFileError):
        return None
    try:
        record = parse_json(raw, str(home / RECORD))
    except AnswersError:
        return None
    if (
        not isinstance(record, dict)
        or record.get("format") != FORMAT
        or record.get("version") != VERSION
        or record.get("summary_sha256") != summary_sha
        or not isinstance(record.get("answers"), dict)
    ):
        return None
    return record


def _from_summary(policy: Policy, summary: Summary) -> dict[str, Any]:
    """An answers document from a signed summary: what it says unambiguously."""
    person = {
        "full_name": summary.person.full_name,
        "staff_id": summary.person.staff_id,
        "unit": summary.person.unit,
        "position": summary.person.position,
        "category": summary.person.category.value,
    }
    for name in ("profile", "destination", "mission"):
        value = getattr(summary.person, name)
        if isinstance(value, str):
            person[name] = value
    accounts: dict[str, dict[str, Any]] = {}
    for a in summary.accounts:
        accounts[a.id] = {"platform": a.platform, "kind": a.kind.value, "answers": {}}
        if "*" not in a.handle:  # a masked e-mail or phone number is typed again
            accounts[a.id]["handle"] = a.handle
    answers: dict[str, str] = {}
    for finding in summary.findings:
        item = policy.items.get(finding.item)
        if item is None or finding.evidence != Evidence.DECLARED:
            continue
        matching = [c.id for c in item.answer.choices if c.status == finding.status]
        if len(matching) != 1:
            continue  # "does not apply", or two answers of that status: asked again
        if finding.account is None:
            answers[item.id] = matching[0]
        elif finding.account in accounts:
            accounts[finding.account]["answers"][item.id] = matching[0]
    return {"person": person, "accounts": list(accounts.values()), "answers": answers}


def _pledges_unchanged(policy: Policy, summary: Summary) -> bool:
    """Whether the checklist files holding the pledges are the very ones used then."""
    then = {c.id: c.sha256 for c in summary.checklists}
    now = {f.id: f.sha256 for f in policy.files}
    return all(name in then and then[name] == now.get(name) for name in PLEDGE_FILES)


def due_programme(policy: Policy, summaries: list[Summary], today: date) -> str:
    """The programme a new declaration starts in: the one due next (the reminder's),
    else the annual self-declaration once anything was declared, else onboarding."""
    reminder = upcoming(summaries, today)
    if reminder is not None and reminder.due.programme in policy.programmes:
        return reminder.due.programme
    if summaries and ProgrammeId.ANNUAL in policy.programmes:
        return str(ProgrammeId.ANNUAL)
    return next(iter(policy.programmes))


def next_draft(
    history: History | None,
    policy: Policy,
    language: Language,
    today: date,
    programme: str | None = None,
) -> Draft:
    """The draft a new declaration starts from: carried over from the last signed one, in
    `programme` or else the one that is due; empty (onboarding) for a person who never
    declared."""
    summaries: list[tuple[Summary, str]] = []
    for declaration in history.declarations() if history is not None else []:
        try:
            summaries.append((decode(declaration.summary), declaration.sha256))
        except SummaryError:
            continue  # the chain status reports it
    if programme is None:
        programme = due_programme(policy, [s for s, _ in summaries], today)
    if not summaries or history is None:
        return Draft.new(programme, language)
    last, digest = max(summaries, key=lambda pair: (pair[0].issued_at, pair[0].seq))
    record = _record(history.home, digest)
    if record is not None:
        document: Mapping[str, Any] = record["answers"]
        then = record.get("pledges")
        pledges_then = then if isinstance(then, Mapping) else None
    else:
        document = _from_summary(policy, last)
        profile = policy.profiles.get(str(document["person"].get("profile")))
        unchanged = _pledges_unchanged(policy, last)
        pledges_then = pledge_digests(policy, profile) if unchanged else None
    return carry_over(
        policy,
        document,
        Origin(last.seq, last.issued_at),
        programme=programme,
        language=language,
        pledges_then=pledges_then,
    )
