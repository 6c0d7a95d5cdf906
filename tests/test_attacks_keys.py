"""Issue 16, item 2, as an attacker tries it: replayed declarations, two keys where there
should be one, one key for two people, a signed name that is not the roster's, and a
history whose dates or key do not hold. Each test failed before the fix it names."""

import shutil
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.core.policy.model import Policy
from desktop.core.records.history import History
from desktop.core.review.person import comparable
from desktop.core.review.roster import (
    Accepted,
    KeyEnrolledElsewhere,
    enrol,
    load_accepted,
    load_roster,
    new_roster,
    save_accepted,
)
from desktop.core.review.scan import Problem, csv_bytes, review, to_accept
from desktop.core.signing.keys import KEY_FILE, RECORD, KeyStore, KeyStoreError
from desktop.core.signing.sshsig import PublicKey
from desktop.report.unit import unit_html
from tests.conftest import ROOT
from tests.signing_helpers import MemoryKeyring, declare_example
from tests.test_review import TODAY, Official, _cli
from tests.test_review import template as template  # the fixture: a signed summary's shape

RACES = 3  # rounds of two processes; before the lock, 10 rounds of 10 made two keys


def _race(homes: list[Path], kind: str) -> list[tuple[str, str]]:
    """For each home, two processes released at the same moment to get its signing key;
    the fingerprint each got. All are started first, so the rounds cost one start-up."""
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.key_race_child", str(home), kind],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for home in homes
        for _ in range(2)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:  # pair by pair, each pair's two `go` back to back
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    fingerprints = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        fingerprints.append(out.strip())
    return list(zip(fingerprints[::2], fingerprints[1::2], strict=True))


@pytest.mark.parametrize("kind", ["keychain", "file"])
def test_two_first_declarations_at_once_make_one_key(tmp_path: Path, kind: str) -> None:
    homes = [tmp_path / str(round_) / "home" for round_ in range(RACES)]
    for round_, (home, (first, second)) in enumerate(zip(homes, _race(homes, kind), strict=True)):
        record = KeyStore(home).record()
        assert record is not None
        assert first == second == record.fingerprint, f"round {round_}: two keys"
        assert not [p.name for p in home.iterdir() if ".replaced-" in p.name]
        assert (home / RECORD).exists()
        assert (home / KEY_FILE).exists() == (kind == "file")
        lock = home / "signing-key.lock"
        assert lock.stat().st_mode & 0o777 == 0o600
        assert home.stat().st_mode & 0o777 == 0o700


# -- a declaration replayed after the key was replaced ------------------------------------------


def _roster_with_key_change(
    tmp_path: Path, template: dict[str, Any]
) -> tuple[Path, Official, Official]:
    """BNG-1 declared twice with an old key, then replaced it (a new computer) and declared
    once with the new one; the roster knows both, the old one ended."""
    (tmp_path / "unit").mkdir()
    roster = new_roster(tmp_path / "unit" / "roster.toml")
    old = Official("BNG-1", "Nguyễn Văn An", template)
    new = Official("BNG-1", "Nguyễn Văn An", template)
    roster = enrol(roster, "BNG-1", PublicKey.of(old.key), now=datetime(2025, 1, 1, tzinfo=UTC))
    enrol(roster, "BNG-1", PublicKey.of(new.key), now=datetime(2025, 6, 1, tzinfo=UTC))
    return roster.path, old, new


def test_an_older_declaration_by_the_replaced_key_is_never_taken_as_the_latest(
    template: dict[str, Any], tmp_path: Path
) -> None:
    roster_path, old, new = _roster_with_key_change(tmp_path, template)
    earlier, later = tmp_path / "earlier", tmp_path / "later"
    old.declare(earlier, issued="2024-11-20T08:00:00Z")
    old.declare(earlier, issued="2024-12-20T08:00:00Z")
    new.declare(later, issued="2025-11-20T08:00:00Z")
    roster = load_roster(roster_path)
    accepted = to_accept(review(later, roster, {}, TODAY))
    save_accepted(roster, accepted)
    newer = PublicKey.of(new.key).fingerprint
    assert accepted["BNG-1"].key == newer

    # Only the genuine, older declaration of the old key is handed in this time.
    (replay,) = [p for p in earlier.iterdir() if p.name.endswith("-2")]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copytree(replay, inbox / replay.name)
    report = review(inbox, roster, load_accepted(roster), TODAY)
    (row,) = report.rows
    assert [f.problem for f in row.problems] == [Problem.ROLLED_BACK]
    assert "older than declaration 1 of 2025-11-20" in row.problems[0].detail
    assert not row.sound and to_accept(report, load_accepted(roster)) == {}

    # `review --accept` keeps the memory of the newer key.
    result = _cli(
        "review", str(inbox), "--roster", str(roster_path), "--accept", home=tmp_path / "h"
    )
    assert result.returncode == 1 and "older than accepted" in result.stdout, result.stdout
    assert load_accepted(roster)["BNG-1"] == accepted["BNG-1"]


def test_the_replaced_key_signing_after_its_successor_had_signed_is_flagged(
    template: dict[str, Any], tmp_path: Path
) -> None:
    """The new key's first declaration is signed before the reviewer enrols it, and so
    before the old key ends: in between, the old key's holder could sign a newer one."""
    roster_path, old, new = _roster_with_key_change(tmp_path, template)  # old ends 2025-06-01
    inbox = tmp_path / "inbox"
    old.declare(inbox, issued="2024-11-20T08:00:00Z")
    new.declare(inbox, issued="2025-03-01T08:00:00Z", name="BNG-1-new-1")
    late = old.declare(inbox, issued="2025-05-01T08:00:00Z")  # verifies: before 2025-06-01
    report = review(inbox, load_roster(roster_path), {}, TODAY)
    (row,) = report.rows
    assert [(f.problem, f.path) for f in row.problems] == [(Problem.REPLACED_KEY, late)]
    assert "dated after the key" in row.problems[0].detail and not to_accept(report)
    # Handed in without the new key's declaration, the accepted one marks the moment.
    shutil.rmtree(inbox / "BNG-1-new-1")
    accepted = {
        "BNG-1": Accepted(1, "1" * 64, PublicKey.of(new.key).fingerprint, "2025-03-01T08:00:00Z")
    }
    (row,) = review(inbox, load_roster(roster_path), accepted, TODAY).rows
    assert [f.problem for f in row.problems] == [Problem.REPLACED_KEY]


def test_a_key_taken_back_into_use_raises_no_false_alarm(
    template: dict[str, Any], tmp_path: Path
) -> None:
    roster_path, old, new = _roster_with_key_change(tmp_path, template)
    inbox = tmp_path / "inbox"
    old.declare(inbox, issued="2024-11-20T08:00:00Z")
    new.declare(inbox, issued="2025-11-20T08:00:00Z", name="BNG-1-new-1")
    roster = enrol(
        load_roster(roster_path),
        "BNG-1",
        PublicKey.of(old.key),
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    old.declare(inbox, issued="2026-02-01T08:00:00Z")
    (row,) = review(inbox, roster, {}, TODAY).rows
    assert row.problems == [] and row.latest is not None and row.latest.seq == 2


def test_accepting_never_overwrites_a_newer_memory_even_for_a_sound_row(
    template: dict[str, Any], tmp_path: Path
) -> None:
    roster_path, old, _new = _roster_with_key_change(tmp_path, template)
    old.declare(tmp_path / "inbox", issued="2024-11-20T08:00:00Z")
    report = review(tmp_path / "inbox", load_roster(roster_path), {}, TODAY)
    assert report.rows[0].sound
    newer = Accepted(1, "1" * 64, "SHA256:newer", "2025-11-20T08:00:00Z")
    assert to_accept(report, {"BNG-1": newer}) == {}


# -- one key, two people ----------------------------------------------------------------------


def test_roster_enrol_refuses_a_key_enrolled_for_another_staff_id(
    template: dict[str, Any], tmp_path: Path
) -> None:
    an = Official("BNG-1", "Nguyễn Văn An", template)
    binh = Official("BNG-2", "Trần Thị Bình", template)
    roster = new_roster(tmp_path / "roster.toml")
    roster = enrol(roster, "BNG-1", PublicKey.of(an.key))
    roster = enrol(roster, "BNG-2", PublicKey.of(binh.key))
    before = roster.signers_path.read_bytes()
    # An signs a declaration as BNG-2 with An's own key and hands it in to be enrolled.
    posing = Official("BNG-2", "Trần Thị Bình", template)
    posing.key = an.key
    posing.doc["signer"]["fingerprint"] = PublicKey.of(an.key).fingerprint
    forged = posing.declare(tmp_path / "bundles", issued="2025-11-20T08:00:00Z")
    fingerprint = PublicKey.of(an.key).fingerprint
    args = ["roster", "--roster", str(roster.path), "enrol", str(forged)]
    refused = _cli(*args, "--fingerprint", fingerprint, home=tmp_path / "h")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "already enrolled for BNG-1" in refused.stderr
    assert "--force" in refused.stderr
    assert roster.signers_path.read_bytes() == before  # Bình's key was not ended
    with pytest.raises(KeyEnrolledElsewhere):
        enrol(roster, "BNG-2", PublicKey.of(an.key))

    forced = _cli(*args, "--fingerprint", fingerprint, "--force", home=tmp_path / "h")
    assert forced.returncode == 0, forced.stderr
    inbox = tmp_path / "inbox"
    an.declare(inbox, issued="2025-11-21T08:00:00Z")
    shutil.copytree(forged, inbox / forged.name)
    report = review(inbox, load_roster(roster.path), {}, TODAY)
    shared = {
        r.staff_id: [f.detail for f in r.problems if f.problem == Problem.SHARED_KEY]
        for r in report.rows
    }
    assert shared == {
        "BNG-1": [f"the key {fingerprint} also signs for BNG-2"],
        "BNG-2": [f"the key {fingerprint} also signs for BNG-1"],
    }


# -- the signed name and unit against the roster's ----------------------------------------------


def test_a_signed_name_or_unit_other_than_the_rosters_is_a_problem_on_the_row(
    template: dict[str, Any], tmp_path: Path, policy: Policy
) -> None:
    roster_path = tmp_path / "unit" / "roster.toml"
    roster_path.parent.mkdir()
    roster_path.write_text(
        '[roster]\nsigners = "allowed_signers"\n'
        '[[staff]]\nid = "BNG-1"\nname = "Nguyễn Văn An"\nunit = "Vụ Thông tin Báo chí"\n'
        '[[staff]]\nid = "BNG-2"\nname = "Trần Thị Bình"\nunit = "Vụ Thông tin Báo chí"\n'
        '[[staff]]\nid = "BNG-3"\nname = "Lê Văn Tâm"\nunit = "Vụ Thông tin Báo chí"\n',
        encoding="utf-8",
    )
    inbox = tmp_path / "inbox"
    # Same name in another case, spacing and Unicode form (NFD): the same person.
    same = Official("BNG-1", unicodedata.normalize("NFD", "  nguyễn  VĂN an "), template)
    same.doc["person"]["unit"] = "vụ thông tin  báo chí"
    # Another name, with the roster's unit.
    other = Official("BNG-2", "Trần Thị Bích", template)
    other.doc["person"]["unit"] = "Vụ Thông tin Báo chí"
    # The roster's name without its tone mark, and another unit.
    bare = Official("BNG-3", "Lê Văn Tam", template)
    bare.doc["person"]["unit"] = "Cục Lãnh sự"
    roster = load_roster(roster_path)
    for official in (same, other, bare):
        roster = enrol(roster, official.staff_id, PublicKey.of(official.key))
        official.declare(inbox, issued="2025-11-20T08:00:00Z")
    report = review(inbox, roster, {}, TODAY)
    problems = {r.staff_id: [f.problem for f in r.problems] for r in report.rows}
    assert problems == {
        "BNG-1": [],
        "BNG-2": [Problem.NAME_MISMATCH],
        "BNG-3": [Problem.NAME_MISMATCH, Problem.UNIT_MISMATCH],
    }
    csv_text = csv_bytes(report).decode("utf-8-sig")
    mismatch = "signed with the name “Trần Thị Bích”, the roster has “Trần Thị Bình”"
    assert f"name differs from the roster: {mismatch}" in csv_text
    html = unit_html(report, policy, "vi", TODAY)
    assert "họ tên khác danh sách: bản khai ký với họ tên “Trần Thị Bích”" in html
    assert "đơn vị khác danh sách" in html
    result = _cli("review", str(inbox), "--roster", str(roster_path), home=tmp_path / "h")
    assert "! unit differs from the roster: signed with the unit “Cục Lãnh sự”" in result.stdout


def test_names_compare_without_case_spacing_or_unicode_form_but_with_diacritics() -> None:
    assert comparable("  Nguyễn\tVăn  AN ") == comparable(
        unicodedata.normalize("NFD", "nguyễn văn an")
    )
    assert comparable("Lê Văn Tâm") != comparable("Lê Văn Tám") != comparable("Le Van Tam")


# -- the local history: dates and keys --------------------------------------------------------


def test_history_flags_dates_out_of_order_in_the_future_and_another_key(tmp_path: Path) -> None:
    home = tmp_path / "home"
    keychain = MemoryKeyring()
    now = datetime.now(UTC).replace(microsecond=0)
    declare_example(home, backend=keychain, issued_at=now - timedelta(days=10))
    declare_example(home, backend=keychain, issued_at=now - timedelta(days=12))
    declare_example(home, backend=keychain, issued_at=now + timedelta(days=2))
    with History(home) as history:
        report = history.verify_chain()
    assert report.intact  # doubts, not a broken chain: signing goes on
    future = (now + timedelta(days=2)).strftime("%Y-%m-%d")
    assert [flag.split(": ", 1)[1] for flag in report.flags] == [
        "dated before the declaration it follows",
        f"dated in the future ({future}T{now:%H:%M:%S}Z)",
    ]
    result = _cli("history", home=home)
    assert result.returncode == 1 and "dated in the future" in result.stdout


def test_history_flags_a_declaration_signed_by_a_key_other_than_the_enrolled_one(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    keychain = MemoryKeyring()
    store = KeyStore(home, keychain)
    old = store.load_or_create()
    declare_example(home, backend=keychain, issued_at=datetime(2025, 1, 1, tzinfo=UTC))
    store.create(replace=True)  # a new key: what the old one signed before stays sound
    with History(home) as history:
        assert history.verify_chain().flags == []
    # … but the old key signing after it was replaced (copied off, or this computer's old
    # keychain entry used by someone) is flagged.
    made = KeyStore(home).enrolled()
    assert made is not None
    declare_example(home, backend=keychain, key=old, issued_at=made[1] + timedelta(minutes=5))
    with History(home) as history:
        (flag,) = history.verify_chain().flags
    assert f"of {PublicKey.of(old).fingerprint}: signed by another key" in flag
    assert made[0] in flag
    result = _cli("history", home=home)
    assert result.returncode == 1 and "signed by another key" in result.stdout


def test_a_key_file_is_set_aside_only_when_a_new_key_is_asked_for(tmp_path: Path) -> None:
    from keyring.backends import fail

    store = KeyStore(tmp_path / "home", fail.Keyring(), cost=14)
    store.load_or_create(lambda _new: "một câu mật khẩu dài")
    with pytest.raises(KeyStoreError, match="--replace"):
        store.create(lambda _new: "một câu mật khẩu dài")
    assert not list((tmp_path / "home").glob("*.replaced-*"))
    store.create(lambda _new: "một câu mật khẩu dài", replace=True)  # `keys enrol --replace`
    assert len(list((tmp_path / "home").glob(f"{KEY_FILE}.replaced-*"))) == 1
