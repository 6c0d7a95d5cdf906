"""The local history: every signed declaration, append-only and hash-chained, plus drafts.

SQLite in WAL mode with synchronous=FULL, file mode 0600. Triggers refuse UPDATE and
DELETE on declarations; each declaration's `prev` is the sha256 of the previous summary of
the same signer, and a small head file beside the database remembers the latest link, so
that deleted, reordered or duplicated declarations, and a database restored from an older
copy, are reported at start-up. A damaged database is copied aside and reported, never
shown as valid.
"""

import contextlib
import copy
import errno
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.base import reading
from desktop.core.base.atomic import write_atomic
from desktop.core.base.folders import private_folder
from desktop.core.records.chain import (
    ChainReport,
    Declaration,
    Heads,
    check_chain,
    check_dates_and_key,
    heads_of,
)
from desktop.core.records.history_errors import (
    MEANWHILE,
    NAMES_OTHER_KEY,
    OTHER_KEY,
    damaged,
    unusable,
)
from desktop.core.records.history_errors import HistoryDamaged as HistoryDamaged
from desktop.core.records.history_errors import HistoryError as HistoryError

# Summaries and signatures (cryptography) load when a declaration is read or added: an
# empty history, a new official's, opens without them (the desktop app's start-up).
if TYPE_CHECKING:
    from desktop.core.signing.sshsig import PublicKey

DATABASE = "history.db"
_CORRUPT, _FULL, _NOT_A_DATABASE = 11, 13, 26  # SQLite's primary result codes
_COLUMNS = (
    "signer",
    "seq",
    "sha256",
    "prev",
    "programme",
    "verdict",
    "issued_at",
    "public_key",
    "summary",
    "signature",
)
HEAD = "history-head.json"
MAX_HEAD_BYTES = 1_000_000  # ~80 bytes a signer; a computer has a handful
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


def _private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (sqlite would use 0644)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class History:
    busy_timeout = 10.0  # seconds to wait for another SelfCheck holding the database

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DATABASE
        self.head_path = home / HEAD
        private_folder(home)
        new = not self.path.exists()
        if new:
            _private_file(self.path)
        damage: str | None = None
        try:
            self.db = self._connect()
            rows = self.db.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                damage = "; ".join(str(r[0]) for r in rows[:3])
            else:
                # One transaction: a new history is one write to disk, not one per table.
                self.db.executescript(f"BEGIN; {SCHEMA} COMMIT;")
                damage = self._schema_problem()
        except sqlite3.DatabaseError as exc:
            # Only a file that is not a database, or a corrupt one, is damage. A locked,
            # read-only or full disk is a passing problem: report it and touch nothing.
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (_CORRUPT, _NOT_A_DATABASE):
                self._close_quietly()
                raise HistoryError(unusable(exc)) from None
            damage = str(exc)
        if damage is not None:
            aside = self._set_aside()
            raise HistoryDamaged(damaged(damage, aside))
        if new and not self.head_path.exists():
            self._write_head()  # an empty head: "nothing declared yet" is known, not missing
        for suffix in ("-wal", "-shm"):
            sidecar = self.path.with_name(self.path.name + suffix)
            if sidecar.exists():
                os.chmod(sidecar, 0o600)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_timeout)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
        except BaseException:
            # Closed here, or its -wal and -shm stay open and go aside with a damaged file.
            db.close()
            raise
        return db

    def another_connection(self) -> "History":
        """The same history on a connection of its own, for use on another thread.

        sqlite3 binds a connection to the thread that opened it. Two connections to one
        database are what two SelfChecks running at once already are: WAL, BEGIN IMMEDIATE
        and the busy timeout serialise their writes, and each read sees what the other
        committed. Sharing one connection across threads instead would put a draft saved
        on one thread inside a transaction open on the other. The database was checked
        when `self` opened it: it is not checked again, nor ever moved aside, from here.
        Close it on the thread that uses it."""
        other = copy.copy(self)
        other.db = self._connect()
        return other

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def _schema_problem(self) -> str | None:
        columns = [row[1] for row in self.db.execute("PRAGMA table_info(declarations)")]
        if columns != list(_COLUMNS):
            return "the declarations table does not have the expected columns"
        return None

    def _set_aside(self) -> Path:
        """Move the damaged database (and its journal) aside, whole, under a dated name."""
        self._close_quietly()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{DATABASE}.damaged-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = self.path.with_name(self.path.name + suffix)
            if source.exists():
                os.replace(source, aside.with_name(aside.name + suffix))
        return aside

    # -- declarations ---------------------------------------------------------------------

    def next_link(self, signer: str) -> tuple[int, str | None]:
        """(seq, prev) for the next declaration of `signer`."""
        head = self._heads().get(signer)
        return (1, None) if head is None else (head[0] + 1, head[1])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._disk_full_is_oserror():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:  # SQLite ends it itself on some errors (a full disk)
                    self.db.execute("ROLLBACK")
                raise

    @contextmanager
    def _disk_full_is_oserror(self) -> Iterator[None]:
        """SQLite's "database or disk is full" as the OSError every other write raises, so
        that the person reads "the disk is full; nothing was saved" whatever was writing."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == _FULL:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.path)) from exc
            raise

    def append(self, summary: bytes, signature: bytes, public_key: "PublicKey") -> Declaration:
        """Store a signed summary as the next link of its signer's chain."""
        from desktop.core.records import summary_codec as summary_json
        from desktop.core.signing import sshsig
        from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY

        if sshsig.verify(summary, signature, NAMESPACE_SUMMARY) != public_key:
            raise HistoryError(OTHER_KEY)
        doc = summary_json.decode(summary)
        signer = public_key.fingerprint
        if doc.signer.fingerprint != signer:
            raise HistoryError(NAMES_OTHER_KEY)
        declaration = Declaration(
            signer=signer,
            seq=doc.seq,
            sha256=summary_json.sha256(summary),
            prev=doc.prev,
            programme=doc.programme.value,
            verdict=doc.verdict.value,
            issued_at=doc.issued_at,
            public_key=public_key.openssh,
            summary=summary,
            signature=signature,
        )
        with self._transaction() as db:
            if (declaration.seq, declaration.prev) != self.next_link(signer):
                raise HistoryError(MEANWHILE)
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
        # The head is written after the commit, never before: a crash in between leaves it
        # one behind, which is not a loss, whereas a head ahead of the database would be
        # reported as a declaration removed. Under the write lock again, so that two
        # SelfChecks saving at once cannot leave an older head behind. The declaration is
        # saved by now: a head that cannot be written (full disk, busy) must not make the
        # person believe otherwise, and is brought up to date by the next save.
        with contextlib.suppress(OSError, sqlite3.Error), self._transaction():
            self._write_head()
        return declaration

    def declarations(self) -> list[Declaration]:
        rows = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM declarations ORDER BY signer, seq"  # noqa: S608
        ).fetchall()
        return [_declaration(row) for row in rows]

    # -- the head: what the latest link was, outside the database --------------------------

    def _heads(self) -> Heads:
        return heads_of(self.declarations())

    def _write_head(self) -> None:
        heads = {
            signer: {"seq": seq, "sha256": sha} for signer, (seq, sha) in self._heads().items()
        }
        write_atomic(self.head_path, json.dumps(heads, sort_keys=True).encode() + b"\n")

    def _read_head(self) -> Heads | None:
        """The remembered heads; None when the file is missing; raises ValueError if damaged."""
        try:
            raw = reading.read_bounded(self.head_path, MAX_HEAD_BYTES, follow=True)
        except FileNotFoundError:
            return None
        except reading.RefusedFileError as exc:  # a FIFO or a huge file is never waited on
            raise ValueError(f"the history's head record is damaged ({exc.strerror})") from None
        try:
            data = json.loads(raw)
            return {str(k): (int(v["seq"]), str(v["sha256"])) for k, v in data.items()}
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise ValueError("the history's head record is damaged") from None

    def start_new_chain(self) -> Path | None:
        """Accept the history as it is now, after damage or loss was reported to the user.

        The old head is kept aside; the next declaration continues from what the database
        holds, and a reviewer who remembers the old chain sees that it was not continued.
        """
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside: Path | None = self.head_path.with_name(f"{HEAD}.replaced-{stamp}")
        if self.head_path.exists():
            os.replace(self.head_path, aside)  # type: ignore[arg-type]
        else:
            aside = None
        self._write_head()
        return aside

    # -- verification ---------------------------------------------------------------------

    def verify_chain(self) -> ChainReport:
        """Check every link: content, signature, order, continuity, and the head; then
        flag dates out of order or in the future, and a key other than the enrolled one."""
        declarations = self.declarations()
        try:
            head = self._read_head()
        except ValueError as exc:
            report = check_chain(declarations, None, damaged_head=str(exc))
        else:
            report = check_chain(declarations, head)
        if declarations:
            from desktop.core.signing.keys import KeyStore  # loads cryptography

            enrolled = KeyStore(self.home).enrolled()
            check_dates_and_key(report, declarations, enrolled, datetime.now(UTC))
        return report

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, draft_id: str, programme: str, answers: bytes) -> None:
        saved = datetime.now(UTC).isoformat(timespec="seconds")
        with self._disk_full_is_oserror():
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


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _blob(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


def _declaration(row: tuple[object, ...]) -> Declaration:
    """A row as stored; values of a hand-edited database are coerced, then checked."""
    signer, seq, sha, prev, programme, verdict, issued_at, public_key, summary, signature = row
    return Declaration(
        signer=_text(signer),
        seq=seq if isinstance(seq, int) else -1,
        sha256=_text(sha),
        prev=None if prev is None else _text(prev),
        programme=_text(programme),
        verdict=_text(verdict),
        issued_at=_text(issued_at),
        public_key=_text(public_key),
        summary=_blob(summary),
        signature=_blob(signature),
    )
