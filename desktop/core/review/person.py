"""The checks of one person's row: the chain of each of their keys, what the reviewer
accepted before, whether the signed name and unit are the roster's, and whether their
key also signs for someone else."""

import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from desktop.core.base.i18n import Text
from desktop.core.review.roster import Accepted
from desktop.core.review.rows import Declared, Finding, Link, Problem, Row
from desktop.core.signing.allowed_signers import AllowedSigner


def person_row(
    staff_id: str,
    staff: Any,
    declared: list[Link],
    accepted: Accepted | None,
    today: date,
    replaced: Iterable[str] = (),
) -> Row:
    """The row of one person, from their declarations handed in, what was accepted of
    them before, and the keys the roster has ended for them (`replaced`)."""
    name, unit = (staff.name, staff.unit) if staff else (None, None)
    row = Row(staff_id, name or "", unit or "")
    if not declared:
        none = Text("chưa nộp bản khai nào", "nothing handed in")
        row.problems.append(Finding(Problem.NO_DECLARATION, none.en, None, none))
        row.overdue = True
        return row
    chains: dict[str, list[Link]] = {}
    for link in sorted(declared):
        chains.setdefault(link.key, []).append(link)
    for chain in chains.values():
        check_chain(row, chain, today)
    if accepted is not None:
        # An acceptance recorded without its key: the key of the newest declaration.
        key = accepted.key or _newest(declared).key
        accepted = accepted.with_key(key)
        check_accepted(row, chains.get(key, []), declared, accepted)
    check_replaced(row, declared, replaced, accepted)
    return row


def _newest(declared: list[Link]) -> Link:
    return max(declared, key=lambda d: (d.issued_at, d.seq))


def check_chain(row: Row, chain: list[Link], today: date) -> None:
    """One key's declarations: each once, numbered without gaps, each naming the one
    before it and dated after it, none dated in the future."""
    by_seq: dict[int, Link] = {}
    tomorrow = (today + timedelta(days=1)).isoformat()
    for item in chain:
        first = by_seq.get(item.seq)
        if first is None:
            by_seq[item.seq] = item
        elif first.sha256 == item.sha256:
            name = Path(first.path).name
            again = Text(
                f"bản khai số {item.seq} nộp lại lần nữa ({name})",
                f"declaration {item.seq} again ({name})",
            )
            row.problems.append(Finding(Problem.DUPLICATE, again.en, Path(item.path), again))
        else:
            different = Text(
                f"hai bản khai số {item.seq} khác nhau", f"two different declarations {item.seq}"
            )
            row.problems.append(Finding(Problem.FORK, different.en, Path(item.path), different))
        if item.issued_at[:10] > tomorrow:
            day = item.issued_at[:10]
            future = Text(
                f"bản khai số {item.seq} ghi ngày trong tương lai ({day})",
                f"declaration {item.seq} is dated in the future ({day})",
            )
            row.problems.append(Finding(Problem.BROKEN_CHAIN, future.en, Path(item.path), future))
    seqs = sorted(by_seq)
    for before, after in pairwise(seqs):
        earlier, later = by_seq[before], by_seq[after]
        if after != before + 1:
            missing = _missing(before + 1, after - 1)
            row.problems.append(Finding(Problem.GAP, missing.en, Path(later.path), missing))
        elif later.prev != earlier.sha256:
            broken = Text(
                f"bản khai số {after} không nối tiếp bản khai số {before}",
                f"declaration {after} does not continue from declaration {before}",
            )
            row.problems.append(Finding(Problem.BROKEN_CHAIN, broken.en, Path(later.path), broken))
        if later.issued_at < earlier.issued_at:
            back = Text(
                f"bản khai số {after} ghi ngày trước bản khai số {before}",
                f"declaration {after} is dated before declaration {before}",
            )
            row.problems.append(Finding(Problem.BROKEN_CHAIN, back.en, Path(later.path), back))


def _missing(first: int, last: int, since: bool = False) -> Text:
    vi_since, en_since = (
        (" kể từ bản đã được chấp nhận", " since the accepted one") if since else ("", "")
    )
    if first == last:
        return Text(
            f"thiếu bản khai số {first}{vi_since}", f"declaration {first} is missing{en_since}"
        )
    return Text(
        f"thiếu các bản khai số {first}–{last}{vi_since}",
        f"declarations {first}–{last} are missing{en_since}",
    )


def check_accepted(row: Row, chain: list[Link], declared: list[Link], accepted: Accepted) -> None:
    """Against what the reviewer accepted last time: the same declaration, continued, and
    nothing handed in older than it, whichever key signed it. `chain` is the accepted
    key's declarations (none when that key handed nothing in this time)."""
    newest = _newest(declared)
    older = accepted.issued_at is not None and newest.issued_at < accepted.issued_at
    if older:
        assert accepted.issued_at is not None
        then, now = accepted.issued_at[:10], newest.issued_at[:10]
        text = Text(
            f"bản khai mới nhất nộp lần này (số {newest.seq}, ngày {now}, khóa {newest.key}) "
            f"cũ hơn bản số {accepted.seq} ngày {then} đã được chấp nhận trước đây",
            f"the latest handed in (declaration {newest.seq} of {now}, key {newest.key}) is "
            f"older than declaration {accepted.seq} of {then} accepted before",
        )
        row.problems.append(Finding(Problem.ROLLED_BACK, text.en, Path(newest.path), text))
    if not chain:
        return  # that key handed in nothing this time: a newer key's chain stands alone
    by_seq = {link.seq: link for link in chain}
    same, following = by_seq.get(accepted.seq), by_seq.get(accepted.seq + 1)
    if same is not None and same.sha256 != accepted.sha256:
        changed = Text(
            f"bản khai số {accepted.seq} khác với bản đã được chấp nhận",
            f"declaration {accepted.seq} differs from the one accepted",
        )
        row.problems.append(Finding(Problem.REWRITTEN, changed.en, Path(same.path), changed))
    elif following is not None and following.prev != accepted.sha256:
        detail = Text(
            f"bản khai số {following.seq} không nối tiếp bản số {accepted.seq} đã được chấp nhận",
            f"declaration {following.seq} does not continue from the accepted {accepted.seq}",
        )
        row.problems.append(Finding(Problem.REWRITTEN, detail.en, Path(following.path), detail))
    last, first = max(by_seq), min(by_seq)
    if last < accepted.seq and newest.key == accepted.key and not older:
        rolled = Text(
            f"bản mới nhất là số {last}, nhưng bản số {accepted.seq} đã được chấp nhận trước đây",
            f"the latest is {last}, but {accepted.seq} was accepted before",
        )
        path = Path(by_seq[last].path)
        row.problems.append(Finding(Problem.ROLLED_BACK, rolled.en, path, rolled))
    elif first > accepted.seq + 1:
        gap = _missing(accepted.seq + 1, first - 1, since=True)
        row.problems.append(Finding(Problem.GAP, gap.en, Path(by_seq[first].path), gap))


def replaced_keys(signers: Iterable[AllowedSigner]) -> dict[str, set[str]]:
    """Per staff id, the fingerprints of the keys the roster has ended for them (a
    valid-before) and not taken back into use."""
    current: set[tuple[str, str]] = set()
    ended: dict[str, set[str]] = {}
    for signer in signers:
        for principal in signer.principals:
            if any(c in principal for c in "*?"):
                continue
            if signer.valid_before is None:
                current.add((principal, signer.key.fingerprint))
            else:
                ended.setdefault(principal, set()).add(signer.key.fingerprint)
    return {p: {k for k in keys if (p, k) not in current} for p, keys in ended.items()}


def check_replaced(
    row: Row, declared: list[Link], replaced: Iterable[str], accepted: Accepted | None
) -> None:
    """A replaced key signs nothing dated after the key that replaced it had signed.

    The roster ends the old key only when the new one is enrolled, and the new key's first
    declaration is signed before that: in between, whoever still holds the old key could
    sign a declaration that verifies and is newer than the new key's. Any other key of the
    person that signed after the old key began (handed in, or accepted before) marks the
    moment the old key should have stopped."""
    dated = [(link.issued_at, link.key) for link in declared]
    if accepted is not None and accepted.key and accepted.issued_at:
        dated.append((accepted.issued_at, accepted.key))
    for key in sorted(replaced):
        own = [link for link in declared if link.key == key]
        if not own:
            continue
        began = min(link.issued_at for link in own)
        after = [(when, other) for when, other in dated if other != key and when > began]
        if not after:
            continue
        since, successor = min(after)
        for link in sorted(own):
            if link.issued_at > since:
                text = Text(
                    f"bản khai số {link.seq} của khóa {key} (ngày {link.issued_at[:10]}) "
                    f"được ký sau khi khóa {successor} đã ký (ngày {since[:10]})",
                    f"declaration {link.seq} of key {key} ({link.issued_at[:10]}) is dated "
                    f"after the key {successor} had signed ({since[:10]})",
                )
                row.problems.append(Finding(Problem.REPLACED_KEY, text.en, Path(link.path), text))


def comparable(text: str) -> str:
    """Text as a signed name or unit is compared with the roster's: Unicode NFC, any run
    of white space as one space, case ignored. Diacritics count: "Tâm" and "Tám" are two
    names, so a roster typed without them does not match (docs/reviewing.md)."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return " ".join(folded.split())


def check_identity(row: Row, staff: Any, latest: Declared) -> None:
    """The name and unit the person signed against the roster's, where the roster has them."""
    if staff is None:
        return
    fields = (
        (Problem.NAME_MISMATCH, staff.name, latest.name, "họ tên", "name"),
        (Problem.UNIT_MISMATCH, staff.unit, latest.unit, "đơn vị", "unit"),
    )
    for problem, listed, signed, vi, en in fields:
        if listed and comparable(listed) != comparable(signed):
            text = Text(
                f"bản khai ký với {vi} “{signed}”, danh sách ghi “{listed}”",
                f"signed with the {en} “{signed}”, the roster has “{listed}”",
            )
            row.problems.append(Finding(problem, text.en, latest.path, text))


def key_owners(
    links: dict[str, list[Link]], signers: Iterable[AllowedSigner]
) -> dict[str, set[str]]:
    """Every key's people: those it signed for in this folder, and those the roster enrols
    it for now (principals named outright; a wildcard names nobody in particular)."""
    owners: dict[str, set[str]] = {}
    for staff_id, declared in links.items():
        for link in declared:
            owners.setdefault(link.key, set()).add(staff_id)
    for signer in signers:
        if signer.valid_before is None:
            named = {p for p in signer.principals if not any(c in p for c in "*?")}
            owners.setdefault(signer.key.fingerprint, set()).update(named)
    return {key: people for key, people in owners.items() if len(people) > 1}


def check_shared(row: Row, owners: dict[str, set[str]]) -> None:
    """A key that signs for this person and for someone else: a problem on both rows."""
    for key, people in sorted(owners.items()):
        if row.staff_id in people:
            others = ", ".join(sorted(people - {row.staff_id}))
            text = Text(
                f"khóa {key} cũng ký cho {others}", f"the key {key} also signs for {others}"
            )
            row.problems.append(Finding(Problem.SHARED_KEY, text.en, None, text))
