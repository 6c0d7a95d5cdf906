"""The local history: every signed declaration, append-only and hash-chained, plus drafts.

SQLite in WAL mode with synchronous=FULL, file mode 0600. Triggers refuse UPDATE and
DELETE on declarations; each declaration's `prev` is the sha256 of the previous summary of
the same signer, and a small head file beside the database remembers the latest link, so
that deleted, reordered or duplicated declarations, and a database restored from an older
copy, are reported at start-up. A damaged database is copied aside and reported, never
shown as valid.
"""

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.core import sshsig
from desktop.core import summary as summary_json
from desktop.core.allowed_signers import NAMESPACE_SUMMARY
from desktop.core.atomic import write_atomic
from desktop.core.errors import SelfCheckError
from desktop.core.sshsig import PublicKey

DATABASE = "history.db"
HEAD = "history-head.json"
SCHEMA = """
CREATE TABLE IF NOT EXISTS declarations (
    signer TEXT NOT NULL,
    seq INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    prev TEXT,
    programme TEXT NOT NULL,
    verdict TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    public_key TEXT NOT NULL,
    summary BLOB NOT NULL,
    signature BLOB NOT NULL,
    PRIMARY KEY (signer, seq)
);
CREATE TRIGGER IF NOT EXISTS declarations_append_only_update
    BEFORE UPDATE ON declarations
    BEGIN SELECT RAISE(ABORT, 'declarations are append-only'); END;
CREATE TRIGGER IF NOT EXISTS declarations_append_only_delete
    BEFORE DELETE ON declarations
    BEGIN SELECT RAISE(ABORT, 'declarations are append-only'); END;
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    programme TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    answers BLOB NOT NULL
);
"""


class HistoryError(SelfCheckError):
    """The local history cannot be used."""


class HistoryDamaged(HistoryError):  # noqa: N818 (reads as the state shown to users)
    """The history database is damaged; a copy was kept aside."""


@dataclass(frozen=True, slots=True)
class Declaration:
    signer: str
    seq: int
    sha256: str
    prev: str | None
    programme: str
    verdict: str
    issued_at: str
    public_key: str
    summary: bytes
    signature: bytes


@dataclass(slots=True)
class ChainReport:
    declarations: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def _private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (sqlite would use 0644)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class History:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DATABASE
        self.head_path = home / HEAD
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            _private_file(self.path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            rows = self.db.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                raise sqlite3.DatabaseError("; ".join(str(r[0]) for r in rows[:3]))
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            aside = self._set_aside()
            raise HistoryDamaged(
                f"the history database is damaged ({exc}); a copy was kept as {aside} "
                "and nothing in it is shown as valid"
            ) from None
        for suffix in ("-wal", "-shm"):
            sidecar = self.path.with_name(self.path.name + suffix)
            if sidecar.exists():
                os.chmod(sidecar, 0o600)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _set_aside(self) -> Path:
        with_stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{DATABASE}.damaged-{with_stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = self.path.with_name(self.path.name + suffix)
            if source.exists():
                shutil.copy2(source, aside.with_name(aside.name + suffix))
        db = getattr(self, "db", None)
        if db is not None:
            db.close()
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        return aside

    # -- declarations ---------------------------------------------------------------------

    def next_link(self, signer: str) -> tuple[int, str | None]:
        """(seq, prev) for the next declaration of `signer`."""
        row = self.db.execute(
            "SELECT seq, sha256 FROM declarations WHERE signer = ? ORDER BY seq DESC LIMIT 1",
            (signer,),
        ).fetchone()
        return (1, None) if row is None else (int(row[0]) + 1, str(row[1]))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def append(self, summary: bytes, signature: bytes, public_key: PublicKey) -> Declaration:
        """Store a signed summary as the next link of its signer's chain."""
        sshsig.verify(summary, signature, NAMESPACE_SUMMARY)
        doc = summary_json.decode(summary)
        signer = public_key.fingerprint
        declaration = Declaration(
            signer=signer,
            seq=int(doc["seq"]),
            sha256=summary_json.sha256(summary),
            prev=doc["prev"],
            programme=str(doc["programme"]),
            verdict=str(doc["verdict"]),
            issued_at=str(doc["issued_at"]),
            public_key=public_key.openssh,
            summary=summary,
            signature=signature,
        )
        with self._transaction() as db:
            if (declaration.seq, declaration.prev) != self.next_link(signer):
                raise HistoryError("the summary does not continue the history's chain")
            db.execute(
                "INSERT INTO declarations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    declaration.signer,
                    declaration.seq,
                    declaration.sha256,
                    declaration.prev,
                    declaration.programme,
                    declaration.verdict,
                    declaration.issued_at,
                    declaration.public_key,
                    declaration.summary,
                    declaration.signature,
                ),
            )
        self._write_head()
        return declaration

    def declarations(self) -> list[Declaration]:
        rows = self.db.execute(
            "SELECT signer, seq, sha256, prev, programme, verdict, issued_at, public_key, "
            "summary, signature FROM declarations ORDER BY signer, seq"
        ).fetchall()
        return [Declaration(*row) for row in rows]

    # -- the head: what the latest link was, outside the database --------------------------

    def _heads(self) -> dict[str, tuple[int, str]]:
        out: dict[str, tuple[int, str]] = {}
        for row in self.db.execute(
            "SELECT signer, seq, sha256 FROM declarations d WHERE seq = "
            "(SELECT MAX(seq) FROM declarations WHERE signer = d.signer)"
        ):
            out[str(row[0])] = (int(row[1]), str(row[2]))
        return out

    def _write_head(self) -> None:
        heads = {
            signer: {"seq": seq, "sha256": sha} for signer, (seq, sha) in self._heads().items()
        }
        write_atomic(self.head_path, json.dumps(heads, sort_keys=True).encode() + b"\n")

    def _read_head(self) -> dict[str, tuple[int, str]] | None:
        if not self.head_path.exists():
            return None
        try:
            data = json.loads(self.head_path.read_bytes())
            return {str(k): (int(v["seq"]), str(v["sha256"])) for k, v in data.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}

    def start_new_chain(self) -> Path:
        """Accept the history as it is now, after damage or loss was reported to the user.

        The old head is kept aside; the next declaration continues from what the database
        holds, and a reviewer who remembers the old chain sees that it was not continued.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.head_path.with_name(f"{HEAD}.replaced-{stamp}")
        if self.head_path.exists():
            os.replace(self.head_path, aside)
        self._write_head()
        return aside

    # -- verification ---------------------------------------------------------------------

    def verify_chain(self) -> ChainReport:
        """Check every link: content, signature, order, continuity, and the head."""
        report = ChainReport()
        by_signer: dict[str, list[Declaration]] = {}
        for declaration in self.declarations():
            by_signer.setdefault(declaration.signer, []).append(declaration)
        for chain in by_signer.values():
            previous: Declaration | None = None
            for expected_seq, declaration in enumerate(chain, 1):
                report.declarations += 1
                report.problems += _link_problems(declaration, previous, expected_seq)
                previous = declaration
        head = self._read_head()
        actual = self._heads()
        if head is None:
            if actual:
                report.problems.append("the history's head record is missing")
        else:
            for signer, (seq, sha) in head.items():
                now = actual.get(signer)
                if now is None or now[0] < seq:
                    report.problems.append(
                        f"declaration {seq} of {signer} is missing: the history was restored "
                        "from an older copy or declarations were removed"
                    )
                elif now[0] == seq and now[1] != sha:
                    report.problems.append(f"declaration {seq} of {signer} was replaced")
        return report

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, draft_id: str, programme: str, answers: bytes) -> None:
        saved = datetime.now(UTC).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO drafts VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "programme = excluded.programme, saved_at = excluded.saved_at, "
            "answers = excluded.answers",
            (draft_id, programme, saved, answers),
        )

    def drafts(self) -> list[tuple[str, str, str]]:
        """(id, programme, saved_at), newest first."""
        rows = self.db.execute("SELECT id, programme, saved_at FROM drafts ORDER BY saved_at DESC")
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def load_draft(self, draft_id: str) -> bytes | None:
        row = self.db.execute("SELECT answers FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        return None if row is None else bytes(row[0])

    def delete_draft(self, draft_id: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


def _link_problems(
    declaration: Declaration, previous: Declaration | None, expected_seq: int
) -> list[str]:
    where = f"declaration {declaration.seq} of {declaration.signer}"
    problems = []
    if declaration.seq != expected_seq:
        problems.append(f"{where}: expected number {expected_seq} (one is missing or reordered)")
    if summary_json.sha256(declaration.summary) != declaration.sha256:
        problems.append(f"{where}: the stored summary does not match its hash")
    expected_prev = previous.sha256 if previous is not None else None
    if declaration.prev != expected_prev:
        problems.append(f"{where}: does not continue from the declaration before it")
    try:
        key = PublicKey.from_openssh(declaration.public_key)
        signer = sshsig.verify(declaration.summary, declaration.signature, NAMESPACE_SUMMARY)
        doc = summary_json.decode(declaration.summary)
    except SelfCheckError as exc:
        return [*problems, f"{where}: {exc}"]
    if signer != key or key.fingerprint != declaration.signer:
        problems.append(f"{where}: signed by another key")
    if doc["seq"] != declaration.seq or doc["prev"] != declaration.prev:
        problems.append(f"{where}: its summary names another place in the chain")
    return problems
