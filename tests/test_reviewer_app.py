"""The core of the reviewer's screens: the roster the app writes, enrolment from what the
reviewer has in hand (a pasted key, a bundle, the fingerprint on the official's PDF or
its QR code), and the window's memory."""

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop.core.policy.loader import load_policy
from desktop.core.review.desk import Desk, load_desk, save_desk
from desktop.core.review.enrolment import (
    EnrolmentRefused,
    Refusal,
    enrol_confirmed,
    parse_fingerprint,
    parse_key,
)
from desktop.core.review.roster import (
    AcceptedPack,
    RosterError,
    Staff,
    enrol,
    load_roster,
    new_roster,
)
from desktop.core.review.roster_file import roster_text, save_roster
from desktop.core.signing.sshsig import PublicKey
from desktop.report.pdf import qr_payload, render_pdf
from desktop.report.qr_reading import PdfNotRead, key_in_pdf, parse_payload
from tests.conftest import CHECKLISTS
from tests.signing_helpers import MemoryKeyring, declare_example, new_key
from tests.test_cli import selfcheck
from tests.test_review import Official


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("template")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


STAFF = [
    Staff("BNG-1", 'Nguyễn "An" \\ Văn', "Vụ Thông tin Báo chí", "annual"),
    Staff("BNG-2", "Trần Bình"),
]


def test_the_roster_the_app_writes_is_the_one_the_command_line_reads(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "roster.toml"
    roster = save_roster(path, " Vụ Thông tin Báo chí ", STAFF)
    assert roster.title == "Vụ Thông tin Báo chí"
    assert roster.staff == {s.id: s for s in STAFF}
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert (path.parent / "allowed_signers").read_bytes() == b""
    shown = selfcheck("roster", "--roster", str(path), "show")
    assert shown.returncode == 0, shown.stderr
    assert 'Nguyễn "An" \\ Văn' in shown.stdout and "BNG-2" in shown.stdout

    # Rewritten: the keys enrolled stay, and so does the keys file the roster names.
    key = PublicKey.of(new_key())
    enrol(roster, "BNG-2", key)
    again = save_roster(path, None, [STAFF[1], Staff("BNG-3", unit="Phòng 3")])
    assert again.title is None and list(again.staff) == ["BNG-2", "BNG-3"]
    assert [s.key for s in again.signers] == [key]


@pytest.mark.parametrize(
    ("staff", "field"),
    [
        ([Staff("../x")], "staff.id"),
        ([Staff("")], "staff.id"),
        ([Staff("A"), Staff("A")], "staff.id"),
        ([Staff("A", "Tên\nmới")], "staff.name"),
        ([Staff("A", unit="Vụ\u202eX")], "staff.unit"),  # a bidirectional override
        ([Staff("A", programme="x" * 201)], "staff.programme"),
    ],
)
def test_a_roster_row_the_review_would_misread_is_refused_and_nothing_written(
    tmp_path: Path, staff: list[Staff], field: str
) -> None:
    path = tmp_path / "roster.toml"
    with pytest.raises(RosterError) as caught:
        save_roster(path, "t", staff)
    assert caught.value.field == field and "\n" not in str(caught.value)
    assert not path.exists()


def test_an_unreadable_roster_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "roster.toml"
    path.write_text("[roster]\nsigners = '../../etc/passwd'\n")
    with pytest.raises(RosterError):
        save_roster(path, "t", STAFF)
    assert "passwd" in path.read_text()


def test_the_toml_written_escapes_what_toml_needs() -> None:
    import tomllib

    text = roster_text('T "q" \\', STAFF)
    assert tomllib.loads(text)["staff"][0]["name"] == STAFF[0].name


def test_keys_and_fingerprints_as_reviewers_paste_them() -> None:
    public = PublicKey.of(new_key())
    line = public.openssh
    assert parse_key(f"  {line} an@laptop\n") == public
    assert parse_key(f"{line[:30]}\n{line[30:50]}\r\n{line[50:]}") == public  # wrapped
    for bad in ("", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ", "ssh-ed25519", line[:-4]):
        with pytest.raises(EnrolmentRefused) as caught:
            parse_key(bad)
        assert caught.value.refusal == Refusal.NOT_A_KEY
    fingerprint = public.fingerprint
    assert parse_fingerprint(f"SHA256: {fingerprint[7:30]}\n{fingerprint[30:]}") == fingerprint
    assert parse_fingerprint(qr_payload("0" * 64, fingerprint)) == fingerprint
    for bad in ("", "SHA256:short", "MD5:aa:bb", fingerprint[:-1]):
        with pytest.raises(EnrolmentRefused) as caught:
            parse_fingerprint(bad)
        assert caught.value.refusal == Refusal.NOT_A_FINGERPRINT


def test_a_bundle_is_enrolled_only_for_its_own_staff_id_and_fingerprint(
    tmp_path: Path, template: dict[str, Any]
) -> None:
    roster = new_roster(tmp_path / "roster.toml")
    an = Official("BNG-1", "Nguyễn Văn An", template)
    bundle = an.declare(tmp_path)
    right = PublicKey.of(an.key).fingerprint
    for staff_id, fingerprint, refusal in [
        ("BNG-1", None, Refusal.NOT_A_FINGERPRINT),  # a bundle alone proves nothing of who
        ("BNG-1", PublicKey.of(new_key()).fingerprint, Refusal.MISMATCH),
        ("BNG-9", right, Refusal.OTHER_PERSON),
    ]:
        with pytest.raises(EnrolmentRefused) as caught:
            enrol_confirmed(roster, staff_id, fingerprint=fingerprint, bundle=bundle)
        assert caught.value.refusal == refusal
    assert load_roster(roster.path).signers == ()
    with pytest.raises(EnrolmentRefused) as caught:
        enrol_confirmed(roster, "BNG-1", fingerprint=right)
    assert caught.value.refusal == Refusal.NO_KEY
    enrolled, key = enrol_confirmed(roster, "BNG-1", fingerprint=right, bundle=bundle)
    assert key.fingerprint == right and enrolled.signers[0].principals == ("BNG-1",)


def test_the_fingerprint_is_read_from_the_officials_pdf(
    tmp_path: Path, template: dict[str, Any]
) -> None:
    an = Official("BNG-1", "Nguyễn Văn An", template)
    bundle = an.declare(tmp_path)
    pdf = tmp_path / "an.pdf"
    pdf.write_bytes(render_pdf((bundle / "summary.json").read_bytes(), load_policy(CHECKLISTS)))
    found = key_in_pdf(pdf)
    assert found.fingerprint == PublicKey.of(an.key).fingerprint and found.from_code
    for name, data in [("empty.pdf", b""), ("junk.pdf", b"%PDF-1.7\n" + b"\xff" * 5000)]:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(PdfNotRead):
            key_in_pdf(tmp_path / name)
    with pytest.raises(PdfNotRead):
        key_in_pdf(tmp_path / "missing.pdf")
    assert parse_payload("https://example.org") is None
    assert parse_payload("selfcheck-summary-v1;sha256=0;key=SHA256:x") is None


def test_the_windows_memory_is_private_and_never_trusted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert load_desk(home) == Desk()
    save_desk(home, Desk("/r/roster.toml", "/in", "TTR-01"))
    assert load_desk(home) == Desk("/r/roster.toml", "/in", "TTR-01")
    assert stat.S_IMODE((home / "reviewer.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for damaged in (b"[]", b"{", b'{"roster": 7, "folder": "a\\nb"}', b"x" * 100_000):
        (home / "reviewer.json").write_bytes(damaged)
        assert load_desk(home) == Desk()


def test_tables_the_writer_does_not_make_are_kept_as_written(tmp_path: Path) -> None:
    """The accepted policy packs live in the roster too: editing its staff keeps them."""
    from desktop.core.review.roster_file import other_tables

    text = (
        '[roster]\ntitle = "T"\n\n[[staff]]\nid = "A"\n\n'
        '[[packs]]\nid = "bng"  # the agency\'s pack\nsigner = "ssh-ed25519 AAAA"\n'
        'min_version = "2026.1"\n\n[[staff]]\nid = "B"\n'
    )
    kept = other_tables(tmp_path, text)
    assert kept.startswith("[[packs]]") and "[[staff]]" not in kept
    written = roster_text("T2", STAFF) + "\n" + kept
    import tomllib

    assert tomllib.loads(written)["packs"] == tomllib.loads(text)["packs"]
    tricky = 'x = """\n[[staff]]\n"""\n[roster]\ntitle = "T"\n'
    with pytest.raises(RosterError):
        other_tables(tmp_path, tricky)


PACK = AcceptedPack("bng-policy", "SHA256:" + "A" * 43, 3)


def test_the_packs_a_unit_accepts_are_written_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "roster.toml"
    roster = save_roster(path, "T", STAFF, [PACK])
    assert roster.packs == (PACK,)
    assert load_roster(path).packs == (PACK,)  # as the review reads them
    assert save_roster(path, "T2", STAFF[:1]).packs == (PACK,)  # editing the staff keeps them
    assert save_roster(path, "T2", STAFF[:1], []).packs == ()  # chosen: none


@pytest.mark.parametrize(
    ("pack", "field"),
    [
        (AcceptedPack("BNG", PACK.signer, 1), "packs.id"),
        (AcceptedPack("bng", "SHA256:short", 1), "packs.signer"),
        (AcceptedPack("bng", "ssh-ed25519 AAAA", 1), "packs.signer"),
        (AcceptedPack("bng", PACK.signer, 0), "packs.min_version"),
    ],
)
def test_a_pack_the_review_would_refuse_is_refused_naming_the_field(
    tmp_path: Path, pack: AcceptedPack, field: str
) -> None:
    path = tmp_path / "roster.toml"
    with pytest.raises(RosterError, match=field):
        save_roster(path, "T", STAFF, [pack])
    assert not path.exists()
