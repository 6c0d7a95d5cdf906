"""Every way a bundle or a roster is refused says why in Vietnamese too (`error.text`),
while `str(error)` stays the English the command line, the logs and the CSV show.

The whole hostile bundle corpus (tests/hostile.py) goes through `bundle.verify_path`,
and representative rosters through `load_roster`: each error must carry Vietnamese that
is not its English, and has no English sentence in it.
"""

import errno
import json
import os
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.assessment.answers import load_answers, parse_answers
from desktop.core.assessment.draft import draft_name
from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import AnswersError, PolicyError, said
from desktop.core.base.i18n import Text
from desktop.core.policy.loader import load_policy
from desktop.core.policy.model import Policy
from desktop.core.records import bundle
from desktop.core.review.roster import (
    KeyEnrolledElsewhere,
    RosterError,
    enrol,
    load_accepted,
    load_roster,
    new_roster,
)
from desktop.core.signing.pack_archive import build_pack, zip_bytes
from desktop.core.signing.pack_manifest import PackError, parse_manifest
from desktop.core.signing.pack_store import install_pack
from desktop.core.signing.sshsig import PublicKey
from tests.conftest import CHECKLISTS
from tests.hostile import BUNDLE_CASES, BundleCase
from tests.test_answers_file import MALFORMED_ANSWERS, UNREADABLE_ANSWERS, _example
from tests.test_packs import BAD_MANIFESTS, BAD_PACKS, _manifest_doc, _rezip
from tests.test_policy_loader import ACCOUNTS, MALFORMED_ITEMS, _edit

# Words of the core's English messages; none belongs in its Vietnamese.
_ENGLISH = re.compile(
    r"\b(the|is|are|was|not|must|cannot|missing|no|of|has|holds|too|file|folder|key|"
    r"signature|signed|damaged|truncated|invalid|line)\b"
)
# What Vietnamese may quote as it is: a value or name in quotes, a path, a file name, a
# fingerprint, a command. A path has a slash or a dot inside it, not a sentence's full stop
# ("is damaged." is English, not a path).
_QUOTED = re.compile(
    r"'[^']*'|\"[^\"]*\"|\S*(?:/|\.\w)\S*|SHA256:\S+|--\w+|\([^)]*selfcheck[^)]*\)"
)


def english_in(vietnamese: str) -> list[str]:
    """English words left in a Vietnamese message, once quoted names and paths are taken
    out: empty when the message is Vietnamese throughout."""
    return _ENGLISH.findall(_QUOTED.sub(" ", vietnamese))


def test_english_ending_a_sentence_is_found_and_a_path_is_not() -> None:
    assert english_in("bản khai bị damaged.") == ["damaged"]
    assert not english_in("tệp /x/a.pem, summary.json và 1.2 (dòng 2, cột 7).")


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


# -- policy packs ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signed_pack(
    tmp_path_factory: pytest.TempPathFactory, key: Ed25519PrivateKey
) -> tuple[Path, Path]:
    """A data folder trusting `key` for profile bng, and a v2 pack it signed (built here,
    without ssh-keygen)."""
    folder = tmp_path_factory.mktemp("packs")
    home = folder / "home"
    home.mkdir()
    (home / "policy_signers").write_text(
        f'bng namespaces="selfcheck-policy-v1" {PublicKey.of(key).openssh}\n'
    )
    today = date.today()
    _manifest, data, signature, files = build_pack(
        CHECKLISTS, key, pack_id="bng-policy", version=2, profiles=("bng",),
        issued=today, expires=today + timedelta(days=365),
    )  # fmt: skip
    pack = folder / "bng-2.zip"
    pack.write_bytes(zip_bytes(data, signature, files))
    return home, pack


def _refused_pack(path: Path, home: Path, **kwargs: Any) -> PackError:
    with pytest.raises(PackError) as caught:
        install_pack(path, home, **kwargs)
    assert_bilingual(said(caught.value), str(caught.value))
    return caught.value


@pytest.mark.parametrize(("change", "words"), BAD_PACKS)
def test_a_bad_pack_is_refused_in_vietnamese_too(
    signed_pack: tuple[Path, Path], tmp_path: Path, change: Any, words: str
) -> None:
    home, pack = signed_pack
    error = _refused_pack(_rezip(pack, tmp_path / "bad.zip", change), home)
    assert re.search(words, str(error))  # the English the command line prints, kept


@pytest.mark.parametrize(("data", "words"), BAD_MANIFESTS)
def test_a_malformed_manifest_is_refused_in_vietnamese_too(data: Any, words: str) -> None:
    with pytest.raises(PackError, match=words) as caught:
        parse_manifest(data(_manifest_doc()))
    assert_bilingual(said(caught.value), str(caught.value))


def test_a_pack_out_of_date_or_of_another_publisher_is_refused_in_vietnamese_too(
    signed_pack: tuple[Path, Path], tmp_path: Path
) -> None:
    home, pack = signed_pack
    later, earlier = date.today() + timedelta(days=400), date.today() - timedelta(days=1)
    assert "expired" in str(_refused_pack(pack, home, today=later))
    assert "not yet valid" in str(_refused_pack(pack, home, today=earlier))
    error = _refused_pack(pack, home, app_version="0.0.1")
    assert "app too old" in str(error) and "0.0.1" in said(error).vi  # type: ignore[union-attr]
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    assert "untrusted signer" in str(_refused_pack(pack, stranger))
    (stranger / "policy_signers").write_text("bng ssh-ed25519 !!!\n")
    _refused_pack(pack, stranger)
    (tmp_path / "not.zip").write_bytes(b"PK not a zip")
    assert "not a zip" in str(_refused_pack(tmp_path / "not.zip", home))
    installed = tmp_path / "installed"
    shutil.copytree(home, installed)
    install_pack(pack, installed)
    assert "not newer" in str(_refused_pack(pack, installed))


# -- answers files and drafts ---------------------------------------------------------------


def _refused_answers(policy: Policy, raw: bytes, name: str | Text = "answers.json") -> Text:
    with pytest.raises(AnswersError) as caught:
        parse_answers(raw, name, policy)
    assert_bilingual(said(caught.value), str(caught.value))
    return said(caught.value)  # type: ignore[return-value]


def _changed(change: Any) -> bytes:
    doc = _example()
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


@pytest.mark.parametrize(("change", "expected"), MALFORMED_ANSWERS)
def test_a_malformed_answers_file_is_refused_in_vietnamese_too(
    policy: Policy, change: Any, expected: str
) -> None:
    told = _refused_answers(policy, _changed(change))
    assert expected in told.en and told.vi.startswith("answers.json: ")


@pytest.mark.parametrize(("raw", "expected"), UNREADABLE_ANSWERS)
def test_bytes_that_are_no_answers_file_are_refused_in_vietnamese_too(
    policy: Policy, raw: bytes, expected: str
) -> None:
    assert expected in _refused_answers(policy, raw).en


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["accounts"][0].update(password="hunter2"),
        lambda d: d["person"].pop("profile"),
        lambda d: d["person"].update(profile="ha-noi"),
        lambda d: d["person"].update(profile="quang-ninh", category="mission_member"),
        lambda d: d.update(programme="predeployment") or d["person"].update(
            profile="quang-ninh", destination="Nhật Bản", departure_date="2027-03-01"),
        lambda d: d.update(programme="predeployment") or d["person"].update(
            destination="Nhật Bản", departure_date="2027-03-01"),
        lambda d: d.update(accounts=[d["accounts"][0]] * 201),
        lambda d: d["accounts"][0]["answers"].update({"pledge-language": "affirm"}),
        lambda d: d.update(not_applicable={"acct-two-factor": "no reason"}),
    ],
    ids=["secret", "no-profile", "unknown-profile", "category-not-covered",
         "programme-not-run", "programme-not-for-category", "too-many-accounts",
         "top-level-item-in-account", "account-item-at-top-level"],
)  # fmt: skip
def test_a_person_or_an_answer_that_does_not_fit_is_refused_in_vietnamese_too(
    policy: Policy, change: Any
) -> None:
    _refused_answers(policy, _changed(change))


def test_a_draft_and_a_toml_answers_file_are_refused_in_vietnamese_too(
    policy: Policy, tmp_path: Path
) -> None:
    told = _refused_answers(policy, _changed(lambda d: d.update(version=9)), draft_name("d1"))
    assert told.vi.startswith("bản nháp d1: ") and told.en.startswith("draft d1: ")
    for raw in (b'{"a": 1, "a": 2}', b'{"pin": "1234"}', b"\xff"):
        _refused_answers(policy, raw)
    leaky = tmp_path / "leaky.toml"
    leaky.write_text('format = "selfcheck-answers"\n[person]\nmat_khau = "x"\n', "utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers(leaky, policy)
    assert_bilingual(said(caught.value), str(caught.value))
    with pytest.raises(AnswersError) as caught:
        load_answers(Path("/dev/zero"), policy)
    assert_bilingual(said(caught.value), str(caught.value))


# -- checklists -----------------------------------------------------------------------------


def _refused_checklists(root: Path) -> Text:
    with pytest.raises(PolicyError) as caught:
        load_policy(root)
    assert_bilingual(said(caught.value), str(caught.value))
    return said(caught.value)  # type: ignore[return-value]


@pytest.mark.parametrize(("old", "new", "expected"), MALFORMED_ITEMS)
def test_a_malformed_checklist_item_is_refused_in_vietnamese_too(
    checklist_copy: Path, old: str, new: str, expected: str
) -> None:
    _edit(checklist_copy, ACCOUNTS, old, new)
    assert expected in _refused_checklists(checklist_copy).en


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("items/pledges.toml", "[item.answer]\n", '[item.answer]\ncheck = "real_name"\n'),
        ("items/pledges.toml", 'kind = "pledge"\n', 'kind = "pledge"\nplatforms = ["facebook"]\n'),
        (ACCOUNTS, 'provisions = ["BNG-5.6", "QN-II.2.a"]', 'provisions = ["BNG-9.9"]'),
        ("items/programme.toml", 'id = "prog-training"', 'id = "acct-real-name"'),
        ("profiles.toml", 'programmes = ["onboarding", "annual", "predeployment"]',
         'programmes = ["abroad"]'),
        ("profiles.toml", 'sources = ["BNG"]', "sources = []"),
        ("platforms.toml", 'method = "sms"', 'method = "email"'),
        ("platforms.toml", 'id = "other"', 'id = "others"'),
        ("programmes.toml", "months = 12, follow_up_days = 30,", "months = 12,"),
    ],
    ids=["check-on-a-pledge", "platforms-on-a-pledge", "unknown-provision", "item-twice",
         "unknown-programme", "no-source", "never-a-second-factor", "no-other-platform",
         "severity-without-days"],
)  # fmt: skip
def test_inconsistent_checklists_are_refused_in_vietnamese_too(
    checklist_copy: Path, name: str, old: str, new: str
) -> None:
    _edit(checklist_copy, name, old, new)
    _refused_checklists(checklist_copy)


def test_a_folder_that_holds_no_checklists_is_refused_in_vietnamese_too(tmp_path: Path) -> None:
    _refused_checklists(tmp_path)
    _refused_checklists(tmp_path / "nowhere")
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere.toml")
    (tmp_path / "elsewhere.toml").write_text("")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.toml").symlink_to(tmp_path / "elsewhere.toml")
    assert "symbolic link" in _refused_checklists(tmp_path / "folder").en


# -- the review's trust anchors, the token's list of modules --------------------------------


def test_trust_anchors_and_a_list_of_modules_are_refused_in_vietnamese_too(
    tmp_path: Path,
) -> None:
    from desktop.core.records.bundle_pdf import TrustAnchorError, load_anchors
    from desktop.core.signing.token_modules import ModuleListError, load

    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n")
    os.mkfifo(tmp_path / "fifo.pem")
    for path in (tmp_path / "nowhere.pem", garbage, tmp_path / "fifo.pem", tmp_path):
        with pytest.raises(TrustAnchorError) as caught:
            load_anchors([path])
        assert_bilingual(said(caught.value), str(caught.value))
    modules = tmp_path / "pkcs11-modules.toml"
    for text in ('[[module]]\nname = "x"\nlinux = "/x.so"\n', "[[module]\n", "x = 1\n"):
        modules.write_text(text)
        with pytest.raises(ModuleListError) as caught:
            load(modules, "linux")
        assert_bilingual(said(caught.value), str(caught.value))
    with pytest.raises(ModuleListError) as caught:
        load(tmp_path / "fifo.pem", "linux")
    assert_bilingual(said(caught.value), str(caught.value))
