"""Every way a bundle or a roster is refused says why in Vietnamese too (`error.text`),
while `str(error)` stays the English the command line, the logs and the CSV show.

The whole hostile bundle corpus (tests/hostile.py) goes through `bundle.verify_path`,
and representative rosters through `load_roster`: each error must carry Vietnamese that
is not its English, and has no English sentence in it.
"""

import errno
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import said
from desktop.core.base.i18n import Text
from desktop.core.records import bundle
from desktop.core.review.roster import (
    KeyEnrolledElsewhere,
    RosterError,
    enrol,
    load_accepted,
    load_roster,
    new_roster,
)
from desktop.core.signing.sshsig import PublicKey
from tests.hostile import BUNDLE_CASES, BundleCase

# Words of the core's English messages; none belongs in its Vietnamese.
_ENGLISH = re.compile(
    r"\b(the|is|are|was|not|must|cannot|missing|no|of|has|holds|too|file|folder|key|"
    r"signature|signed|damaged|truncated|invalid|line)\b"
)
# What Vietnamese may quote as it is: a value or name in quotes, a path, a file name, a
# fingerprint, a command.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\S*[/.]\S*|SHA256:\S+|--\w+|\([^)]*selfcheck[^)]*\)")


def english_in(vietnamese: str) -> list[str]:
    """English words left in a Vietnamese message, once quoted names and paths are taken
    out: empty when the message is Vietnamese throughout."""
    return _ENGLISH.findall(_QUOTED.sub(" ", vietnamese))


def assert_bilingual(text: Text | None, english: str) -> None:
    assert text is not None, f"English only: {english}"
    assert text.vi and text.vi != text.en, text
    assert english.endswith(text.en) or text.en in english, (text.en, english)
    assert not english_in(text.vi), (english_in(text.vi), text.vi)


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.mark.parametrize("case", BUNDLE_CASES, ids=lambda case: case.name)
def test_every_hostile_bundle_is_refused_in_vietnamese_too(
    tmp_path: Path, key: Ed25519PrivateKey, case: BundleCase
) -> None:
    path = case.make(tmp_path, key)
    with pytest.raises(bundle.BundleError) as caught:
        bundle.verify_path(path)
    error = caught.value
    assert str(error) == f"{error.failure.value}: {error.detail}"  # the CLI's words, kept
    assert_bilingual(said(error), error.detail)
    assert said(error) is not None and said(error).en == error.detail  # type: ignore[union-attr]


def _roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "roster"),
    [
        ("staff without id", '[[staff]]\nname = "Lê Văn Tám"\n'),
        ("staff id of a bad form", '[[staff]]\nid = "../x"\n'),
        ("a staff id twice", '[[staff]]\nid = "BNG-1"\n[[staff]]\nid = "BNG-1"\n'),
        ("an unknown field", '[[staff]]\nid = "BNG-1"\nrank = 3\n'),
        ("name a number", '[[staff]]\nid = "BNG-1"\nname = 5\n'),
        ("not TOML", "[[staff]\n"),
        ("not UTF-8", b"\xff\xfe".decode("latin-1")),
        ("keys file outside", '[roster]\nsigners = "../allowed_signers"\n'),
        ("pack signer of a bad form", '[[packs]]\nid = "bng"\nsigner = "x"\n'),
    ],
)
def test_a_roster_is_refused_in_vietnamese_too(tmp_path: Path, name: str, roster: str) -> None:
    path = _roster(tmp_path, roster)
    if name == "not UTF-8":
        path.write_bytes(b"\xff\xfe")
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    assert_bilingual(said(caught.value), str(caught.value))
    assert said(caught.value).vi.startswith(str(path))  # type: ignore[union-attr]


def test_the_roster_files_beside_it_are_refused_in_vietnamese_too(tmp_path: Path) -> None:
    roster = new_roster(tmp_path / "roster.toml")
    (tmp_path / "allowed_signers").write_text("BNG-1 ssh-ed25519 !!!\n")
    with pytest.raises(RosterError) as caught:
        load_roster(roster.path)
    assert_bilingual(said(caught.value), str(caught.value))
    assert said(caught.value).vi.endswith("dòng 1: khóa công khai không phải base64 hợp lệ")  # type: ignore[union-attr]
    (tmp_path / "allowed_signers").unlink()
    roster.accepted_path.write_text('{"BNG-1": {"seq": "one"}}')
    with pytest.raises(RosterError) as caught:
        load_accepted(roster)
    assert_bilingual(said(caught.value), str(caught.value))
    with pytest.raises(RosterError) as caught:
        load_roster(tmp_path / "nowhere.toml")
    assert_bilingual(said(caught.value), str(caught.value))


def test_a_key_enrolled_for_someone_else_is_refused_in_vietnamese_too(tmp_path: Path) -> None:
    roster = new_roster(tmp_path / "roster.toml")
    key = PublicKey.of(Ed25519PrivateKey.generate())
    roster = enrol(roster, "BNG-1", key)
    with pytest.raises(KeyEnrolledElsewhere) as caught:
        enrol(roster, "BNG-2", key)
    assert_bilingual(said(caught.value), str(caught.value))
    assert "--force" in str(caught.value)  # the command line's way out, in English only


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device", "/data/history.db"),
        OSError(errno.EACCES, "Permission denied", "/data"),
        OSError(errno.EIO, "Input/output error", "/media/usb/a.zip"),
        OSError(errno.ENOENT, "No such file or directory", "/x/roster.toml"),
        reading.TooLargeError(errno.EFBIG, Text("lớn hơn 9 byte", "is larger than 9 bytes"), "f"),
    ],
    ids=lambda error: errno.errorcode[error.errno],
)
def test_the_systems_refusals_are_told_by_their_number(error: OSError) -> None:
    told = os_reasons.located(error)
    assert told.vi.startswith(f"{error.filename}: ") and told.en.startswith(f"{error.filename}: ")
    assert error.strerror is not None and error.strerror not in told.vi
    assert not english_in(told.vi), told.vi


def test_an_unknown_system_error_is_named_by_its_code_not_its_words() -> None:
    told = os_reasons.reason(OSError(errno.ENOTSOCK, "Socket operation on non-socket"))
    assert told.vi == "hệ điều hành báo lỗi ENOTSOCK"
    assert told.en == "Socket operation on non-socket"
