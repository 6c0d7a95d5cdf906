"""Writing a roster from the app: `roster.toml` exactly as `load_roster` reads it, and the
keys file beside it, so the command line and `ssh-keygen -Y verify -f` use the same files."""

import json
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from desktop.core.base import field_words
from desktop.core.base.atomic import write_atomic
from desktop.core.base.fields import FINGERPRINT, STAFF_ID
from desktop.core.base.i18n import Text
from desktop.core.review.roster import (
    DEFAULT_SIGNERS,
    PACK_ID,
    AcceptedPack,
    Roster,
    RosterError,
    Staff,
    load_roster,
)

MAX_FIELD = 200  # characters of a title, name, unit or programme: a line, not a text
OWN_TABLES = ("roster", "staff")  # what it always writes; other tables are kept as they are
_HEADER = re.compile(r"(?m)^(?=[ \t]*\[)")


def roster_text(
    title: str | None,
    staff: Sequence[Staff],
    signers: str = DEFAULT_SIGNERS,
    packs: Sequence[AcceptedPack] = (),
) -> str:
    """The TOML of a roster: its header, one `[[staff]]` table a person, then one
    `[[packs]]` table a policy pack the unit accepts."""
    lines = [
        "# SelfCheck roster: the staff of the unit. Keys are in the allowed_signers",
        "# file named below (OpenSSH format); the app's reviewer window and",
        "# `selfcheck roster enrol` add them.",
        "[roster]",
    ]
    if title:
        lines.append(f"title = {_quoted(title)}")
    lines.append(f"signers = {_quoted(signers)}")
    for person in staff:
        lines += ["", "[[staff]]", f"id = {_quoted(person.id)}"]
        for key in ("name", "unit", "programme"):
            value = getattr(person, key)
            if value:
                lines.append(f"{key} = {_quoted(value)}")
    for pack in packs:
        lines += ["", "[[packs]]", f"id = {_quoted(pack.id)}", f"signer = {_quoted(pack.signer)}"]
        lines.append(f"min_version = {pack.min_version}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """A TOML basic string: JSON's escapes (\\" \\\\ \\n \\uXXXX) are TOML's too."""
    return json.dumps(text, ensure_ascii=False)


def check_staff(path: Path, title: str | None, staff: Sequence[Staff]) -> None:
    """Refuse, naming the row and the field, what `load_roster` would refuse or misread."""
    _check_text(path, None, "roster.title", title)
    seen: set[str] = set()
    for person in staff:
        if not STAFF_ID.fullmatch(person.id):
            raise RosterError(
                path,
                Text(
                    "phải gồm 1-40 chữ cái, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ cái "
                    "hoặc chữ số",
                    "must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or "
                    "digit",
                ),
                item=person.id or "(empty)",
                field="staff.id",
            )
        if person.id in seen:
            raise RosterError(path, field_words.TWICE, item=person.id, field="staff.id")
        seen.add(person.id)
        for key in ("name", "unit", "programme"):
            _check_text(path, person.id, f"staff.{key}", getattr(person, key))


def check_packs(path: Path, packs: Sequence[AcceptedPack]) -> None:
    """Refuse, naming the pack and the field, a pack `load_roster` would refuse."""
    seen: set[tuple[str, str]] = set()
    for pack in packs:
        if not PACK_ID.fullmatch(pack.id):
            raise RosterError(
                path,
                Text(
                    "phải gồm chữ cái thường, chữ số và '-', bắt đầu bằng chữ cái hoặc chữ số",
                    "must be lowercase letters, digits and '-', starting with a letter or digit",
                ),
                item=pack.id or "(empty)",
                field="packs.id",
            )
        if not FINGERPRINT.fullmatch(pack.signer):
            raise RosterError(
                path,
                Text(
                    "phải là dấu vân tay khóa như ssh-keygen -l in ra (SHA256:...)",
                    "must be a key fingerprint as ssh-keygen -l prints it (SHA256:...)",
                ),
                item=pack.id,
                field="packs.signer",
            )
        if not 1 <= pack.min_version < 2**31:
            at_least = Text("phải từ 1 trở lên", "must be 1 or more")
            raise RosterError(path, at_least, item=pack.id, field="packs.min_version")
        if (pack.id, pack.signer) in seen:
            raise RosterError(path, field_words.TWICE, item=pack.id, field="packs")
        seen.add((pack.id, pack.signer))


def _check_text(path: Path, item: str | None, field: str, value: str | None) -> None:
    if value is None:
        return
    if len(value) > MAX_FIELD:
        raise RosterError(path, field_words.longer_than(MAX_FIELD), item=item, field=field)
    if not value.isprintable():  # line breaks, controls, bidirectional overrides
        control = Text("chứa ký tự điều khiển", "holds a control character")
        raise RosterError(path, control, item=item, field=field)


def save_roster(
    path: Path,
    title: str | None,
    staff: Sequence[Staff],
    packs: Sequence[AcceptedPack] | None = None,
) -> Roster:
    """Write the roster (created or rewritten) and an empty keys file if it has none yet.

    `packs`, when given, are the packs the unit accepts (`[[packs]]`, replacing those
    written before); None keeps the roster's own as they are. The folder is created
    private (0700); an existing roster keeps the keys file it names, and every key
    already enrolled. The file written is read back as the review reads it."""
    path = Path(path)
    title = (title or "").strip() or None
    staff = [
        Staff(
            s.id.strip(),
            *((getattr(s, k) or "").strip() or None for k in ("name", "unit", "programme")),
        )
        for s in staff
    ]
    check_staff(path, title, staff)
    own: tuple[str, ...] = OWN_TABLES
    if packs is not None:
        check_packs(path, packs)
        own = (*OWN_TABLES, "packs")
    signers, kept = DEFAULT_SIGNERS, ""
    if path.exists():
        signers = load_roster(path).signers_path.name  # an unreadable roster is not replaced
        kept = other_tables(path, path.read_text("utf-8"), own)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = roster_text(title, staff, signers, packs or ()) + (f"\n{kept}" if kept else "")
    write_atomic(path, text.encode("utf-8"), mode=0o644)
    keys = path.parent / signers
    if not keys.exists() and not keys.is_symlink():
        write_atomic(keys, b"", mode=0o644)
    return load_roster(path)


def other_tables(path: Path, text: str, own: tuple[str, ...] = OWN_TABLES) -> str:
    """The tables of an existing roster this writer does not make (the packs the unit
    accepts, for one), as they are written, so that editing the staff never drops them.
    Refused when they cannot be cut out of the text exactly (a header inside a string)."""
    sections = [part for part in _HEADER.split(text) if part.lstrip().startswith("[")]
    kept = "".join(
        part for part in sections if part.lstrip().split("]", 1)[0].strip("[ \t") not in own
    )
    try:
        whole, cut = tomllib.loads(text), tomllib.loads(kept)
    except tomllib.TOMLDecodeError:
        whole, cut = {}, None
    if cut != {k: v for k, v in whole.items() if k not in own}:
        raise RosterError(
            path,
            Text(
                "có những bảng ứng dụng không giữ nguyên được: hãy sửa tệp bằng tay",
                "has tables the app cannot keep as they are: edit it by hand",
            ),
        )
    return kept
