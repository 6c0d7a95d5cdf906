"""A reviewer's roster: the staff of a unit and the keys they enrolled.

Two files side by side. `roster.toml` holds what the unit knows of its staff (name, unit,
the programme they owe) and names the keys file; the keys file is a plain OpenSSH
`allowed_signers`, so `ssh-keygen -Y verify -f` can use it as it is. What the reviewer
accepted last, per person, is kept in `<roster>.accepted.json` beside them, so a history
rewritten after that is caught at the next review.
"""

import errno
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core.base import field_words, os_reasons, reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.errors import LocatedError, bilingual
from desktop.core.base.fields import FINGERPRINT, STAFF_ID, Fields, parse_toml
from desktop.core.base.i18n import Text
from desktop.core.signing.allowed_signers import (
    AllowedSigner,
    AllowedSignersError,
    parse,
    signer_for,
)
from desktop.core.signing.sshsig import PublicKey

MAX_ROSTER_BYTES = 4 * 1024 * 1024
MAX_ACCEPTED_BYTES = 8 * 1024 * 1024  # ~130 bytes a person: more than a roster can list
DEFAULT_SIGNERS = "allowed_signers"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ISSUED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")  # as summaries record it
PACK_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


class RosterError(LocatedError):
    """The roster, its keys file or its memory of accepted declarations is unusable."""


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    name: str | None = None
    unit: str | None = None
    programme: str | None = None


@dataclass(frozen=True, slots=True)
class Accepted:
    seq: int
    sha256: str
    key: str | None = None  # the fingerprint that signed it (declarations count per key)
    # When it says it was signed: nothing older, by any key, is taken as the person's
    # latest after it. None in what was accepted before SelfCheck recorded it.
    issued_at: str | None = None

    def with_key(self, key: str) -> "Accepted":
        return replace(self, key=key)


@dataclass(frozen=True, slots=True)
class AcceptedPack:
    """A policy pack the unit accepts: `[[packs]]` in roster.toml (docs/reviewing.md)."""

    id: str
    signer: str  # the agency key's fingerprint, SHA256:... as ssh-keygen -l prints it
    min_version: int


@dataclass(frozen=True, slots=True)
class Roster:
    path: Path
    title: str | None
    signers_path: Path
    signers: tuple[AllowedSigner, ...]
    staff: dict[str, Staff]
    packs: tuple[AcceptedPack, ...] = ()
    # The agency's root and intermediate certificates (PEM files beside the roster) that
    # summary.pdf's public-service (PAdES) signature must chain to.
    trust_anchors: tuple[Path, ...] = ()

    def members(self) -> dict[str, Staff]:
        """Everyone the roster names: its staff list, and every enrolled principal."""
        out = dict(self.staff)
        for signer in self.signers:
            for principal in signer.principals:
                if principal != "*" and principal not in out:
                    out[principal] = Staff(principal)
        return out

    @property
    def accepted_path(self) -> Path:
        return self.path.with_name(self.path.name + ".accepted.json")


def load_roster(path: Path) -> Roster:
    name = str(path)
    raw = _read(path, MAX_ROSTER_BYTES, follow=True)
    if raw is None:
        missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        raise RosterError(name, os_reasons.unreadable(missing))
    doc = Fields(parse_toml(raw, name, RosterError, MAX_ROSTER_BYTES), file=name, error=RosterError)
    head = doc.table("roster", optional=True)
    title = None
    signers_name = DEFAULT_SIGNERS
    anchors: tuple[str, ...] = ()
    if head is not None:
        title = head.string("title", optional=True)
        signers_name = head.string("signers", optional=True) or DEFAULT_SIGNERS
        anchors = head.string_list("trust_anchors", optional=True) or ()
        head.done()
    staff: dict[str, Staff] = {}
    for table in doc.tables("staff", optional=True):
        staff_id = table.required("id", pattern=STAFF_ID, max_length=40)
        table.with_item(staff_id)
        if staff_id in staff:
            raise table.fail("id", field_words.TWICE)
        staff[staff_id] = Staff(
            staff_id,
            table.string("name", optional=True),
            table.string("unit", optional=True),
            table.string("programme", optional=True),
        )
        table.done()
    packs = tuple(_accepted_pack(table) for table in doc.tables("packs", optional=True))
    doc.done()
    if Path(signers_name).name != signers_name or signers_name in (".", ".."):
        # Beside the roster only: `enrol` writes this file.
        raise RosterError(name, _BESIDE, field="roster.signers")
    signers_path = path.parent / signers_name
    for index, anchor in enumerate(anchors):
        if Path(anchor).name != anchor or anchor in (".", ".."):
            field = f"roster.trust_anchors[{index}]"
            raise RosterError(name, _BESIDE, field=field)
    signers: list[AllowedSigner] = []
    raw = _read(signers_path, MAX_ROSTER_BYTES, follow=False)  # none enrolled yet: missing
    if raw is not None:
        try:
            signers = parse(raw.decode("utf-8"))
        except (AllowedSignersError, UnicodeDecodeError) as exc:
            told = bilingual(exc, field_words.NOT_UTF8.vi)
            raise RosterError(signers_path, told) from None
    trust_anchors = tuple(path.parent / anchor for anchor in anchors)
    return Roster(path, title, signers_path, tuple(signers), staff, packs, trust_anchors)


def _accepted_pack(table: Fields) -> AcceptedPack:
    pack_id = table.required("id", pattern=PACK_ID, max_length=63)
    table.with_item(pack_id)
    signer = table.required("signer", pattern=FINGERPRINT, max_length=50)
    low = table.integer("min_version", low=1, high=2**31, optional=True)
    table.done()
    return AcceptedPack(pack_id, signer, low or 1)


def _read(path: Path, limit: int, *, follow: bool) -> bytes | None:
    """One of the roster's files, at most `limit` bytes; None if there is none."""
    try:
        return reading.read_bounded(path, limit, follow=follow)
    except FileNotFoundError:
        return None
    except reading.RefusedFileError as exc:
        raise RosterError(path, os_reasons.reason(exc)) from None
    except OSError as exc:
        raise RosterError(path, os_reasons.unreadable(exc)) from None


_BESIDE = Text(
    "phải là tên một tệp trong thư mục của danh sách cán bộ",
    "must be a file name in the roster's folder",
)
_DAMAGED = Text("bị hỏng", "is damaged")


def new_roster(path: Path, title: str | None = None) -> Roster:
    """An empty roster file and keys file, written only where none exists yet."""
    if not path.exists():
        header = f"title = {json.dumps(title, ensure_ascii=False)}\n" if title else ""
        write_atomic(
            path,
            (
                "# SelfCheck roster: the staff of the unit. Keys are in the allowed_signers\n"
                "# file named below (OpenSSH format); `selfcheck roster enrol` adds them.\n"
                f'[roster]\n{header}signers = "{DEFAULT_SIGNERS}"\n'
            ).encode(),
            mode=0o644,
        )
    return load_roster(path)


class KeyEnrolledElsewhere(RosterError):  # noqa: N818 (reads as the reason shown)
    """The key is enrolled for another staff id already: one key signs for one person."""


def enrol(
    roster: Roster,
    principal: str,
    key: PublicKey,
    *,
    now: datetime | None = None,
    force: bool = False,
) -> Roster:
    """Add `key` for `principal`. Any other key the principal had stops at `now`
    (valid-before), so what it signed before still verifies and nothing after does.

    A key enrolled for someone else is refused unless `force`: whoever holds it could
    otherwise sign as `principal` and end the real owner's key. Forced, it is enrolled for
    both, and the review flags both rows."""
    if not STAFF_ID.fullmatch(principal):
        shown = repr(principal[:40])
        raise RosterError(
            roster.signers_path,
            Text(f"{shown} không phải là mã cán bộ", f"{shown} is not a staff id"),
        )
    others = sorted(
        {p for s in roster.signers if s.key == key for p in s.principals if p != principal}
    )
    if others and not force:
        owners = ", ".join(others)
        raise KeyEnrolledElsewhere(
            roster.signers_path,
            Text(
                f"khóa {key.fingerprint} đã được đăng ký cho {owners}; mỗi khóa chỉ ký cho một "
                f"người, nên chưa đăng ký gì cho {principal}",
                f"the key {key.fingerprint} is already enrolled for {owners}; one key "
                f"signs for one person, so nothing was enrolled for {principal} (--force if "
                "they really share it)",
            ),
        )
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(second=0, microsecond=0)
    kept: list[AllowedSigner] = []
    for signer in roster.signers:
        if principal in signer.principals:
            if signer.key != key and signer.valid_before is None:
                signer = replace(signer, valid_before=when)
            elif signer.key == key and signer.valid_before is not None:
                signer = replace(signer, valid_before=None)  # a key taken back into use
        kept.append(signer)
    if not any(s.key == key and principal in s.principals for s in kept):
        # No valid-after: the bundle the key is enrolled from was signed before today.
        kept.append(signer_for(principal, key))
    text = "".join(s.line() + "\n" for s in kept)
    write_atomic(roster.signers_path, text.encode("utf-8"), mode=0o644)
    return load_roster(roster.path)


def load_accepted(roster: Roster) -> dict[str, Accepted]:
    path = roster.accepted_path
    raw = _read(path, MAX_ACCEPTED_BYTES, follow=True)
    if raw is None:
        return {}
    try:
        data: Any = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        # "cannot be read (json's words)", as a file the system cannot read is told
        why = field_words.not_valid("JSON", exc).vi
        told = Text(f"không đọc được ({why})", f"cannot be read ({exc})")
        raise RosterError(path, told) from None
    if not isinstance(data, dict):
        raise RosterError(path, Text("phải là một đối tượng JSON", "must be a JSON object"))
    accepted = {}
    for staff_id, entry in data.items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("seq"), int)
            or not _SHA256.fullmatch(str(entry.get("sha256")))
        ):
            raise RosterError(path, _DAMAGED, item=str(staff_id)[:40])
        key, issued_at = entry.get("key"), entry.get("issued_at")
        if issued_at is not None and not _ISSUED_AT.fullmatch(str(issued_at)):
            raise RosterError(path, _DAMAGED, item=str(staff_id)[:40], field="issued_at")
        accepted[str(staff_id)] = Accepted(
            entry["seq"],
            str(entry["sha256"]),
            str(key) if isinstance(key, str) else None,
            str(issued_at) if issued_at is not None else None,
        )
    return accepted


def save_accepted(roster: Roster, accepted: dict[str, Accepted]) -> None:
    doc = {
        k: {"seq": v.seq, "sha256": v.sha256, "key": v.key, "issued_at": v.issued_at}
        for k, v in sorted(accepted.items())
    }
    write_atomic(roster.accepted_path, json.dumps(doc, indent=1).encode("utf-8"))
