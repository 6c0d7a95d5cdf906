"""Every file read from outside goes through one bounded reader (desktop.core.base.reading).

For each reader, a FIFO and a file one byte over its limit are refused at once, with an
error naming the file. Each read runs on a thread with a time limit: a reader that waits
on a FIFO again fails its test instead of hanging the suite.
"""

import argparse
import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop.core.base import reading
from desktop.core.base.errors import SelfCheckError
from desktop.core.policy.model import Policy
from tests.signing_helpers import MemoryKeyring

TIMEOUT = 10.0  # seconds; a refusal takes milliseconds
GiB = 1024**3


def _told(call: Callable[[], object], bad: Path) -> str:
    """What `call` says, as an error or as the text it returns, within TIMEOUT."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except (SelfCheckError, OSError, ValueError) as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    if thread.is_alive():
        _unblock(bad)
        pytest.fail(f"reading {bad.name} was still waiting after {TIMEOUT} s")
    (result,) = outcome
    return str(result)


def _unblock(fifo: Path) -> None:
    """Give a reader stuck on a FIFO a writer and an end, so that the thread ends too."""
    with contextlib.suppress(OSError):  # no reader waiting: nothing to free
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def _fifo(path: Path, _limit: int) -> None:
    os.mkfifo(path)


def _oversized(path: Path, limit: int) -> None:
    """One byte over the limit; sparse, so it costs no disk."""
    with open(path, "wb") as stream:
        stream.truncate(limit + 1)


BAD = {"FIFO": (_fifo, "is not a regular file"), "oversized": (_oversized, "is larger than")}


@dataclass(frozen=True)
class Reader:
    """One place a file from outside is read: where the bad file goes, its limit, and the
    call that reads it (returning what it tells, or raising)."""

    name: str
    prepare: Callable[[Path, Policy], tuple[Path, int, Callable[[], object]]]
    names: str | None = None  # what the message names, when not the file's path


def _head(home: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.records.history import HEAD, MAX_HEAD_BYTES, History

    History(home).close()  # a history, and its head

    def check() -> str:
        with History(home) as history:
            return "; ".join(history.verify_chain().problems)

    (home / HEAD).unlink()
    return home / HEAD, MAX_HEAD_BYTES, check


def _roster_file(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.review.roster import MAX_ROSTER_BYTES, load_roster

    path = folder / "roster.toml"
    return path, MAX_ROSTER_BYTES, lambda: load_roster(path)


def _roster_keys(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.review.roster import MAX_ROSTER_BYTES, load_roster

    (folder / "roster.toml").write_text('[roster]\nsigners = "keys"\n', "utf-8")
    return folder / "keys", MAX_ROSTER_BYTES, lambda: load_roster(folder / "roster.toml")


def _accepted(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.review.roster import MAX_ACCEPTED_BYTES, load_accepted, new_roster

    roster = new_roster(folder / "roster.toml")
    return roster.accepted_path, MAX_ACCEPTED_BYTES, lambda: load_accepted(roster)


def _answers(folder: Path, policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.assessment.answers import MAX_BYTES, load_answers

    path = folder / "answers.json"
    return path, MAX_BYTES, lambda: load_answers(path, policy)


def _key_record(home: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.signing.keys import MAX_RECORD_BYTES, RECORD, KeyStore

    return home / RECORD, MAX_RECORD_BYTES, lambda: KeyStore(home, MemoryKeyring()).record()


def _key_file(home: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.signing import keyfile
    from desktop.core.signing.keys import KEY_FILE, KeyStore

    def passphrase(_new: bool) -> str:
        return "một câu mật khẩu dài"

    KeyStore(home, fail.Keyring(), cost=14).create(passphrase)
    (home / KEY_FILE).unlink()
    load = KeyStore(home, fail.Keyring()).load
    return home / KEY_FILE, keyfile.MAX_FILE, lambda: load(passphrase)


def _passphrase_file(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.commands.signing import MAX_PASSPHRASE_FILE, passphrase_source

    path = folder / "passphrase"
    source = passphrase_source(argparse.Namespace(passphrase_file=path))
    assert source is not None
    return path, MAX_PASSPHRASE_FILE, lambda: source(False)


def _verify_signers(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.commands.signing import MAX_SIGNERS_FILE, verify

    path = folder / "allowed_signers"
    args = argparse.Namespace(allowed_signers=path, paths=[], roster=None)
    return path, MAX_SIGNERS_FILE, lambda: verify(args)


def _bundle_file(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.records import bundle

    return folder / bundle.SUMMARY, bundle.LIMITS[bundle.SUMMARY], lambda: bundle.read(folder)


def _checklist(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.policy.loader import MAX_FILE_BYTES, load_policy

    return folder / "items.toml", MAX_FILE_BYTES, lambda: load_policy(folder)


def _word_list(folder: Path, _policy: Policy) -> tuple[Path, int, Callable[[], object]]:
    from desktop.core.assessment.checks import wordlists

    path = folder / "vi_words.txt"
    return path, wordlists.MAX_LIST_BYTES, lambda: wordlists.read_lists(folder)


READERS = [
    Reader("history head record", _head, names="head record"),
    Reader("roster", _roster_file),
    Reader("roster keys file", _roster_keys),
    Reader("accepted declarations", _accepted),
    Reader("answers file", _answers),
    Reader("key record", _key_record),
    Reader("key file", _key_file),
    Reader("passphrase file", _passphrase_file),
    Reader("verify --allowed-signers", _verify_signers),
    Reader("bundle folder file", _bundle_file, names="summary.json"),
    Reader("checklist file", _checklist),
    Reader("word list", _word_list),
]


# The passphrase file may be a pipe on purpose (test below); its oversized case stays.
CASES = [
    pytest.param(reader, bad, id=f"{reader.name}-{bad}")
    for reader in READERS
    for bad in BAD
    if not (reader.name == "passphrase file" and bad == "FIFO")
]


@pytest.mark.parametrize(("reader", "bad"), CASES)
def test_a_fifo_or_an_oversized_file_is_refused_at_once_and_named(
    reader: Reader, bad: str, tmp_path: Path, policy: Policy
) -> None:
    path, limit, call = reader.prepare(tmp_path, policy)
    make, words = BAD[bad]
    make(path, limit)
    told = _told(call, path)
    assert words in told
    assert (reader.names or str(path)) in told


# -- the reader itself ----------------------------------------------------------------------


def test_a_file_of_exactly_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert reading.read_bounded(path, 100, follow=False) == b"x" * 100
    with pytest.raises(reading.TooLargeError, match=r"f: is larger than 99 bytes"):
        reading.read_bounded(path, 99, follow=False)


def test_a_huge_file_costs_only_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge"
    with open(path, "wb") as stream:
        stream.truncate(64 * GiB)  # sparse: no disk, but reading it whole would fill memory
    started = time.monotonic()
    with pytest.raises(reading.TooLargeError):
        reading.read_bounded(path, 1024 * 1024, follow=True)
    assert time.monotonic() - started < TIMEOUT


def test_links_are_followed_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_bytes(b"data")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert reading.read_bounded(link, 10, follow=True) == b"data"
    with pytest.raises(reading.SymbolicLinkError, match="link: is a symbolic link"):
        reading.read_bounded(link, 10, follow=False)


@pytest.mark.parametrize("path", [Path("/dev/zero"), Path("/")])
def test_devices_and_folders_are_refused(path: Path) -> None:
    with pytest.raises(reading.NotRegularFileError, match="is not a regular file"):
        reading.read_bounded(path, 10, follow=True)


def test_a_missing_file_is_the_usual_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        reading.read_bounded(tmp_path / "none", 10, follow=False)


def test_a_passphrase_comes_through_a_pipe_to_its_limit(tmp_path: Path) -> None:
    """`--passphrase-file <(pass show selfcheck)`: the pipe is read (its writer is the
    person's own command), the first line is the passphrase, and a flood is refused."""
    from desktop.commands.signing import MAX_PASSPHRASE_FILE, passphrase_source

    for sent, expected in (
        (b"mot cum mat khau dai\nsecond line\n", "mot cum mat khau dai"),
        (b"x" * (MAX_PASSPHRASE_FILE + 1), "is larger than"),
    ):
        path = tmp_path / f"pipe-{len(sent)}"
        os.mkfifo(path)
        source = passphrase_source(argparse.Namespace(passphrase_file=path))
        assert source is not None

        def write(path: Path = path, sent: bytes = sent) -> None:
            with open(path, "wb") as stream, contextlib.suppress(BrokenPipeError):
                stream.write(sent)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        assert expected in str(_told(lambda source=source: source(False), path))
        writer.join(TIMEOUT)
