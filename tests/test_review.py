"""Reviewer mode over a folder a unit really receives: good bundles and every kind of bad."""

import copy
import json
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.records import bundle as bundles
from desktop.core.records import summary as summary_json
from desktop.core.review.countersign import NAMESPACE_REVIEW, Decision, countersign
from desktop.core.review.roster import (
    Accepted,
    Roster,
    enrol,
    load_accepted,
    new_roster,
    save_accepted,
)
from desktop.core.review.scan import FAILURE_PROBLEMS, Problem, csv_bytes, review, to_accept
from desktop.core.signing.sshsig import PublicKey
from tests.signing_helpers import SSH_KEYGEN, MemoryKeyring, declare_example, needs_ssh_keygen
from tests.tools import needs

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("template")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


class Official:
    """One member of staff, signing a chain of declarations with their own key."""

    def __init__(self, staff_id: str, name: str, template: dict[str, Any]) -> None:
        self.staff_id, self.key = staff_id, Ed25519PrivateKey.generate()
        self.doc = copy.deepcopy(template)
        self.doc["person"].update(staff_id=staff_id, full_name=name)
        self.doc["signer"]["fingerprint"] = PublicKey.of(self.key).fingerprint
        self.last: str | None = None
        self.seq = 0

    def declare(
        self,
        out: Path,
        *,
        issued: str = "2026-11-20T08:00:00Z",
        zip_it: bool = False,
        seq: int | None = None,
        prev: str | None = "chain",
        verdict: str | None = None,
        name: str | None = None,
    ) -> Path:
        self.seq = seq if seq is not None else self.seq + 1
        doc = copy.deepcopy(self.doc)
        doc.update(seq=self.seq, prev=self.last if prev == "chain" else prev, issued_at=issued)
        if verdict:
            doc["verdict"] = verdict
        data = summary_json.encode(doc)
        self.last = summary_json.sha256(data)
        made = bundles.make(data, self.key, self.staff_id)
        label = name or f"{self.staff_id}-{self.seq}"
        return bundles.stage(made, out, label, as_zip=zip_it).publish()


def _one_official(tmp_path: Path, template: dict[str, Any]) -> tuple[Path, Roster, Official]:
    """An empty inbox, and a roster with one official enrolled."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    an = Official("BNG-1", "Nguyễn Văn An", template)
    roster = enrol(new_roster(tmp_path / "roster.toml"), "BNG-1", PublicKey.of(an.key))
    return inbox, roster, an


def _problems(report, staff_id: str) -> list[Problem]:  # type: ignore[no-untyped-def]
    (row,) = [r for r in report.rows if r.staff_id == staff_id]
    return [f.problem for f in row.problems]


def test_a_mixed_folder_is_reported_person_by_person_and_file_by_file(
    template: dict[str, Any], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox" / "nested" / "deeper"
    inbox.mkdir(parents=True)
    roster = new_roster(tmp_path / "roster.toml", "Vụ Thông tin Báo chí")
    people = {
        sid: Official(sid, name, template)
        for sid, name in [
            ("BNG-1", "Nguyễn Văn An"),
            ("BNG-2", "Trần Thị Bình"),
            ("BNG-3", "Lê Văn Cường"),
            ("BNG-4", "Phạm Thị Dung"),
            ("BNG-5", "Hoàng Văn Em"),
            ("BNG-6", "Đỗ Thị Giang"),
        ]
    }
    for official in people.values():
        roster = enrol(roster, official.staff_id, PublicKey.of(official.key))
    roster = enrol(roster, "BNG-7", PublicKey.of(Ed25519PrivateKey.generate()))  # never hands in

    an = people["BNG-1"]  # good chain of two, the second also handed in as a zip (duplicate)
    an.declare(inbox, issued="2025-11-20T08:00:00Z")
    second = an.declare(inbox)
    with zipfile.ZipFile(tmp_path / "inbox" / "an-again.zip", "w") as archive:
        for f in second.iterdir():
            archive.write(f, f"again/{f.name}")
    binh = people["BNG-2"]  # a forked history: two different declarations 2
    binh.declare(inbox, issued="2025-11-01T08:00:00Z")
    first_sha = binh.last
    binh.declare(inbox, zip_it=True)
    binh.last = first_sha
    binh.declare(inbox, seq=2, verdict="compliant", name="BNG-2-2-other")
    cuong = people["BNG-3"]  # a gap: 1 then 3
    cuong.declare(inbox, issued="2024-11-01T08:00:00Z")
    cuong.declare(inbox, seq=3, prev=None)
    dung = people["BNG-4"]  # tampered: the verdict changed after signing
    tampered = dung.declare(inbox)
    summary = tampered / "summary.json"
    summary.write_bytes(summary.read_bytes().replace(b"action-required", b"compliant"))
    em = people["BNG-5"]  # key replaced since: old summary fine, a new one signed later is not
    em.declare(inbox, issued="2026-01-10T08:00:00Z")
    roster = enrol(
        roster,
        "BNG-5",
        PublicKey.of(Ed25519PrivateKey.generate()),
        now=datetime(2026, 6, 1, tzinfo=UTC),
    )
    em.declare(inbox, issued="2026-11-20T08:00:00Z", name="BNG-5-late")
    stranger = Official("BNG-6", "Đỗ Thị Giang", template)  # same id, key not on the roster
    stranger.declare(inbox, name="impostor")
    giang = people["BNG-6"]
    giang.declare(inbox, zip_it=True)
    truncated = tmp_path / "inbox" / "truncated.zip"
    data = (inbox / "BNG-6-1.zip").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    (tmp_path / "inbox" / "ghi chú.txt").write_text("không phải bản khai", "utf-8")
    (tmp_path / "inbox" / "zero.zip").symlink_to("/dev/zero")  # never read

    seen: list[int] = []
    report = review(tmp_path / "inbox", roster, {}, TODAY, lambda n, _p: seen.append(n))
    assert seen == list(range(1, report.bundles + 1))  # progress for every file
    assert _problems(report, "BNG-1") == [Problem.DUPLICATE]
    assert _problems(report, "BNG-2") == [Problem.FORK]
    assert _problems(report, "BNG-3") == [Problem.GAP]
    assert _problems(report, "BNG-4") == [Problem.NO_DECLARATION]  # its one bundle: tampered
    assert _problems(report, "BNG-5") == []  # the old one still verifies; the late one below
    assert _problems(report, "BNG-7") == [Problem.NO_DECLARATION]
    rows = {r.staff_id: r for r in report.rows}
    assert rows["BNG-5"].latest is not None and rows["BNG-5"].latest.seq == 1
    assert rows["BNG-7"].overdue
    unusable = {f.path.name: f.problem for f in report.unreadable if f.path is not None}
    assert unusable == {
        "BNG-4-1": Problem.BAD_SIGNATURE,
        "BNG-5-late": Problem.UNKNOWN_SIGNER,  # signed after its key was replaced
        "impostor": Problem.UNKNOWN_SIGNER,
        "truncated.zip": Problem.TRUNCATED,
        "ghi chú.txt": Problem.NOT_A_BUNDLE,
        "zero.zip": Problem.NOT_A_BUNDLE,
    }
    assert "when it signed" in next(
        f.detail for f in report.unreadable if f.path.name == "BNG-5-late"
    )

    text = csv_bytes(report)
    assert text.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads the Vietnamese right
    decoded = text.decode("utf-8-sig")
    assert "Nguyễn Văn An" in decoded and "ghi chú.txt" in decoded
    assert decoded.count("\r\n") == 1 + len(report.rows) + len(report.unreadable)


def test_a_history_rewritten_after_acceptance_is_caught_at_the_next_review(
    template: dict[str, Any], tmp_path: Path
) -> None:
    inbox, roster, an = _one_official(tmp_path, template)
    an.declare(inbox, issued="2025-11-20T08:00:00Z")
    first = review(inbox, roster, {}, TODAY)
    save_accepted(roster, to_accept(first))
    key = PublicKey.of(an.key).fingerprint
    when = "2025-11-20T08:00:00Z"
    assert load_accepted(roster) == {"BNG-1": Accepted(1, an.last or "", key, when)}

    # The official rewrites declaration 1 (a new, better one) and deletes the old bundle.
    for old in inbox.iterdir():
        for f in old.iterdir():
            f.unlink()
        old.rmdir()
    an.last = None
    an.declare(inbox, seq=1, prev=None, verdict="compliant")
    again = review(inbox, roster, load_accepted(roster), TODAY)
    assert _problems(again, "BNG-1") == [Problem.REWRITTEN]


def test_a_history_rolled_back_to_before_the_accepted_declaration_is_caught(
    template: dict[str, Any], tmp_path: Path
) -> None:
    inbox, roster, an = _one_official(tmp_path, template)
    an.declare(inbox, issued="2025-11-20T08:00:00Z")
    report = review(inbox, roster, {"BNG-1": Accepted(3, "0" * 64)}, TODAY)
    assert _problems(report, "BNG-1") == [Problem.ROLLED_BACK]


@needs_ssh_keygen
def test_a_countersignature_verifies_with_ssh_keygen(
    template: dict[str, Any], tmp_path: Path
) -> None:
    assert SSH_KEYGEN is not None
    an = Official("BNG-1", "Nguyễn Văn An", template)
    inbox = tmp_path / "in"
    inbox.mkdir()
    path = an.declare(inbox)
    bundle = bundles.read(path)
    verified = bundles.verify(bundle)
    reviewer = Ed25519PrivateKey.generate()
    made = countersign(bundle, verified, reviewer, "TTR-01", Decision.ACCEPTED)
    statement, signature, signers = made.write_beside(path)
    doc = json.loads(statement.read_bytes())
    assert doc["decision"] == "accepted" and doc["official"] == "BNG-1"
    assert doc["summary_sha256"] == summary_json.sha256(bundle.summary)
    with open(statement, "rb") as stdin:
        check = subprocess.run(
            [
                SSH_KEYGEN,
                "-Y",
                "verify",
                "-f",
                str(signers),
                "-I",
                "TTR-01",
                "-n",
                NAMESPACE_REVIEW,
                "-s",
                str(signature),
            ],
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
    assert check.returncode == 0, check.stderr
    # The countersignature files beside the bundle are not mistaken for bundles.
    book = enrol(new_roster(tmp_path / "roster.toml"), "BNG-1", PublicKey.of(an.key))
    assert review(inbox, book, {}, TODAY).unreadable == []


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    from tests.conftest import ROOT

    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env={**os.environ, "SELFCHECK_HOME": str(home)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@needs("pdftotext")
def test_the_reviewer_enrols_reviews_and_exports_from_the_command_line(
    template: dict[str, Any], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    an = Official("BNG-1", "Nguyễn Văn An", template)
    first = an.declare(inbox, issued="2025-11-20T08:00:00Z")
    roster = tmp_path / "unit" / "roster.toml"
    roster.parent.mkdir()
    wrong = _cli(
        "roster",
        "--roster",
        str(roster),
        "enrol",
        str(first),
        "--fingerprint",
        "SHA256:" + "A" * 43,
        home=tmp_path / "h",
    )
    assert wrong.returncode == 1 and "Nothing was enrolled" in wrong.stderr
    fingerprint = PublicKey.of(an.key).fingerprint
    ok = _cli(
        "roster",
        "--roster",
        str(roster),
        "enrol",
        str(first),
        "--fingerprint",
        fingerprint,
        home=tmp_path / "h",
    )
    assert ok.returncode == 0, ok.stderr
    (inbox / "README.txt").write_text("x")
    csv_out, pdf_out = tmp_path / "unit.csv", tmp_path / "unit.pdf"
    result = _cli(
        "review",
        str(inbox),
        "--roster",
        str(roster),
        "--csv",
        str(csv_out),
        "--pdf",
        str(pdf_out),
        "--accept",
        home=tmp_path / "h",
    )
    assert result.returncode == 1, result.stderr  # README.txt is not a bundle
    assert "INVALID" in result.stdout and "README.txt" in result.stdout
    assert "Nguyễn Văn An" in csv_out.read_text("utf-8-sig")
    text = subprocess.run(
        ["pdftotext", str(pdf_out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Nguyễn Văn An" in text and "README.txt" in text
    assert (
        json.loads((roster.parent / "roster.toml.accepted.json").read_text())["BNG-1"]["seq"] == 1
    )


def test_a_replaced_key_starts_a_new_chain_without_false_alarms(
    template: dict[str, Any], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    old = Official("BNG-1", "Nguyễn Văn An", template)
    roster = enrol(roster, "BNG-1", PublicKey.of(old.key), now=datetime(2025, 1, 1, tzinfo=UTC))
    old.declare(inbox, issued="2024-11-20T08:00:00Z")
    old.declare(inbox, issued="2024-12-20T08:00:00Z")
    accepted = to_accept(review(inbox, roster, {}, TODAY))
    new = Official("BNG-1", "Nguyễn Văn An", template)  # a new computer: a new key, seq 1 again
    roster = enrol(roster, "BNG-1", PublicKey.of(new.key), now=datetime(2025, 6, 1, tzinfo=UTC))
    new.declare(inbox, issued="2025-11-20T08:00:00Z", name="BNG-1-newkey-1")
    report = review(inbox, roster, accepted, TODAY)
    assert _problems(report, "BNG-1") == []
    (row,) = report.rows
    assert row.latest is not None and row.latest.key == PublicKey.of(new.key).fingerprint
    # Taking the old key back into use makes it valid again, and the new one stops.
    roster = enrol(roster, "BNG-1", PublicKey.of(old.key))
    assert [s.valid_before is None for s in roster.signers] == [True, False]


def test_a_tampered_middle_declaration_and_odd_files_never_stop_the_review(
    template: dict[str, Any], tmp_path: Path
) -> None:
    import os

    inbox, roster, an = _one_official(tmp_path, template)
    an.declare(inbox, issued="2024-11-20T08:00:00Z")
    middle = an.declare(inbox, issued="2025-11-20T08:00:00Z")
    an.declare(inbox, issued="2026-11-20T08:00:00Z")
    (middle / "summary.json.sig").write_bytes(b"not a signature")
    os.mkfifo(inbox / "pipe.zip")  # reading it would wait for ever
    odd = copy.deepcopy(an.doc)
    odd.update(seq=9, prev=None, issued_at="2026-13-01T00:00:00Z")  # the right shape, no date
    made = bundles.make(json.dumps(odd, sort_keys=True).encode(), an.key, "BNG-1")
    bundles.stage(made, inbox, "odd-date").publish()
    report = review(inbox, roster, {}, TODAY)
    assert [f.detail for f in report.rows[0].problems] == ["declaration 2 is missing"]
    unusable = {f.path.name: f.problem for f in report.unreadable if f.path is not None}
    assert unusable == {
        "BNG-1-2": Problem.MALFORMED,
        "pipe.zip": Problem.NOT_A_BUNDLE,
        "odd-date": Problem.MALFORMED,
    }


def test_a_roster_may_not_point_its_keys_file_elsewhere(tmp_path: Path) -> None:
    from desktop.core.review.roster import RosterError, load_roster

    roster = tmp_path / "roster.toml"
    roster.write_text('[roster]\nsigners = "../../etc/passwd"\n', "utf-8")
    with pytest.raises(RosterError, match=r"field 'roster\.signers'"):
        load_roster(roster)


def test_every_way_a_bundle_fails_has_its_own_review_problem() -> None:
    assert set(FAILURE_PROBLEMS) == set(bundles.Failure)
    assert len(set(FAILURE_PROBLEMS.values())) == len(bundles.Failure)


def test_every_policy_problem_is_a_review_problem_with_words_in_both_languages() -> None:
    """The review names a policy problem by its value (review.policy -> review.rows): one
    missing there would stop the review with a ValueError instead of flagging the row."""
    from desktop.core.review.policy import PolicyProblem
    from desktop.core.review.rows import PROBLEM_WORDS, Problem

    for kind in PolicyProblem:
        assert Problem(kind.value) in PROBLEM_WORDS


def test_a_folder_that_cannot_be_searched_is_named_with_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit folder whose bundle folders cannot be searched (read, no execute) is listed
    as unreadable, saying why, not taken for files that are no bundles. The tests run as
    root, whom no permission stops: the refusal is the one the kernel gives (EACCES),
    raised by a stand-in for os.lstat on that folder only."""
    import errno
    import os

    from desktop.core.review.scan import candidates

    locked = tmp_path / "unit" / "BNG-1-01"
    locked.mkdir(parents=True)
    (locked / bundles.SUMMARY).write_bytes(b"{}")
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path).startswith(f"{locked}{os.sep}"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    found = list(candidates(tmp_path / "unit"))
    assert [path for path, _why in found] == [locked]
    why = found[0][1]
    assert why is not None and "permission" in why.en.lower(), why
