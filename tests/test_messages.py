"""The sentence the GUI leads an error with: chosen by the error's kind, never its words,
and specific for roster, bundle and summary errors, in Vietnamese and in English."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.base.i18n import Text
from desktop.core.policy.model import Policy
from desktop.core.records import bundle
from desktop.core.records import summary as summary_json
from desktop.core.records.bundle import BundleError, Failure
from desktop.core.review.roster import RosterError, load_roster

GENERIC = ("Something did not work.", "Đã có lỗi xảy ra.")

# The English lead, then the start of its Vietnamese translation.
BUNDLE_LEADS = {
    Failure.MALFORMED: ("This is not a SelfCheck bundle", "Đây không phải là gói bản khai"),
    Failure.TRUNCATED: ("The bundle is incomplete", "Gói bản khai không đầy đủ"),
    Failure.BAD_SIGNATURE: ("The signature does not match", "Chữ ký không khớp"),
    Failure.UNKNOWN_SIGNER: (
        "The bundle is not signed by a key enrolled",
        "Gói bản khai không được ký bằng khóa đã đăng ký",
    ),
}
ROSTER_LEAD = ("The roster cannot be read", "Không đọc được danh sách cán bộ")
SUMMARY_LEAD = ("The declaration cannot be read", "Không đọc được bản khai")


Told = dict[str, Callable[[BaseException], str]]


@pytest.fixture
def told(qapp: object) -> Iterator[Told]:
    """describe() in each language: told["en"](exc), told["vi"](exc)."""
    from desktop.gui.language import LanguageSwitch
    from desktop.gui.messages import describe

    language = LanguageSwitch()

    def in_language(code: str) -> Callable[[BaseException], str]:
        def say(exc: BaseException) -> str:
            language.set_language(code)
            return describe(exc)

        return say

    yield {"en": in_language("en"), "vi": in_language("vi")}
    language.set_language("en")  # translators are application-wide
    language.deleteLater()


def _check(told: Told, exc: BaseException, leads: tuple[str, str]) -> None:
    """The lead in each language, then the core's words: its English in English, its
    Vietnamese in Vietnamese, or, where the core has only English, nothing after the lead."""
    from desktop.core.base.errors import said

    for code, lead in zip(("en", "vi"), leads, strict=True):
        text = told[code](exc)
        assert text.startswith(lead), (code, text)
        assert not text.startswith(GENERIC), text
    assert f"({exc})" in told["en"](exc)  # the core's words stay, as the detail
    vietnamese = told["vi"](exc)
    assert str(exc) not in vietnamese
    words = said(exc)
    if words is not None:
        assert words.vi != words.en
        assert f"({words.vi})" in vietnamese
    else:
        assert vietnamese == leads[1] or "\n" not in vietnamese


def test_every_way_a_bundle_fails_has_its_sentence(told: Told) -> None:
    from desktop.gui.messages import bundle_lead

    assert set(BUNDLE_LEADS) == set(Failure)
    for failure, leads in BUNDLE_LEADS.items():
        _check(told, BundleError(failure, "detail"), leads)
        _check(told, BundleError(failure, Text("chi tiết", "detail")), leads)
    assert len({bundle_lead(f) for f in Failure}) == len(Failure)


def test_a_truncated_zip_is_told_as_incomplete(told: Told, tmp_path: Path) -> None:
    cut = tmp_path / "BNG-1-annual.zip"
    cut.write_bytes(b"PK\x03\x04 and then nothing")
    with pytest.raises(BundleError) as caught:
        bundle.read(cut)
    _check(told, caught.value, BUNDLE_LEADS[Failure.TRUNCATED])


def test_a_roster_error_is_told_as_one(told: Told, tmp_path: Path) -> None:
    fifo = tmp_path / "roster.toml"
    os.mkfifo(fifo)  # refused at once by the bounded reader, never waited on
    with pytest.raises(RosterError) as caught:
        load_roster(fifo)
    _check(told, caught.value, ROSTER_LEAD)
    assert str(fifo) in told["en"](caught.value)
    _check(told, RosterError(tmp_path / "allowed_signers", "line 1: bad key"), ROSTER_LEAD)


def test_a_summary_error_is_told_as_one(told: Told) -> None:
    with pytest.raises(summary_json.SummaryError) as caught:
        summary_json.decode(b'{"format": "selfcheck-summary", "version": 99}')
    _check(told, caught.value, SUMMARY_LEAD)


def test_a_token_and_its_list_of_modules_have_their_sentences(told: Told, tmp_path: Path) -> None:
    from desktop.core.signing.token import TokenError, TokenProblem
    from desktop.core.signing.token_modules import ModuleListError

    leads = ("Signing with the USB token did not work.", "Không ký được bằng USB token.")
    _check(told, TokenError(TokenProblem.WRONG_PIN), leads)
    listed = ModuleListError(tmp_path / "pkcs11-modules.toml", Text("hỏng", "damaged"))
    leads = ("The list of USB tokens' PKCS#11 modules", "Không đọc được danh sách thư viện")
    _check(told, listed, leads)


def test_a_key_enrolled_for_another_staff_id_is_told_as_such_not_as_an_unreadable_roster(
    told: Told, tmp_path: Path
) -> None:
    from desktop.core.review.roster import KeyEnrolledElsewhere

    refused = KeyEnrolledElsewhere(tmp_path / "allowed_signers", "already enrolled for BNG-1")
    leads = ("This key is already enrolled for another staff id", "Khóa ký này đã được đăng ký")
    _check(told, refused, leads)


# -- every family of errors, in Vietnamese: no English sentence of the core -------------------


def _failures(tmp_path: Path, policy: Policy) -> dict[str, BaseException]:
    """One real failure of each family the windows can show, made as the core makes it."""
    import errno

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.core.assessment.answers import parse_answers
    from desktop.core.assessment.draft import load_draft
    from desktop.core.base.errors import AnswersError, PolicyError, SelfCheckError
    from desktop.core.policy.loader import load_policy
    from desktop.core.records import history_errors
    from desktop.core.records.bundle_pdf import load_anchors
    from desktop.core.records.history import HistoryDamaged
    from desktop.core.signing import keyfile, token_modules
    from desktop.core.signing.pack_manifest import PackError, parse_manifest
    from desktop.core.signing.token import TokenError, TokenProblem
    from tests.signing_helpers import minimal_summary, signed_bundle, write_folder, write_zip

    def raised(call: Callable[[], object]) -> BaseException:
        with pytest.raises((SelfCheckError, OSError)) as caught:
            call()
        return caught.value

    key = Ed25519PrivateKey.generate()
    doc = minimal_summary(bundle.PublicKey.of(key).fingerprint)
    made = signed_bundle(key, summary_json.encode(doc))
    cut = write_zip(made, tmp_path, "cut")
    cut.write_bytes(cut.read_bytes()[:200])
    flipped = write_folder(made, tmp_path, "flipped")
    summary = flipped / bundle.SUMMARY
    summary.write_bytes(summary.read_bytes().replace(b'"seq":1', b'"seq":2'))
    roster = tmp_path / "roster.toml"
    roster.write_text('[[staff]]\nname = "Lê Văn Tám"\n', "utf-8")
    (tmp_path / "modules.toml").write_text('[[module]]\nname = "x"\nlinux = "/x.so"\n')
    return {
        "truncated bundle": raised(lambda: bundle.verify_path(cut)),
        "bad signature": raised(lambda: bundle.verify_path(flipped)),
        "roster without a staff id": raised(lambda: load_roster(roster)),
        "summary of a newer version": raised(
            lambda: summary_json.decode(b'{"format": "selfcheck-summary", "version": 99}')
        ),
        "unreadable draft": raised(lambda: load_draft(b"{not json", "d-1")),
        "damaged key file": raised(lambda: keyfile.open_seed(b"garbage", "a passphrase")),
        "damaged history": HistoryDamaged(
            history_errors.damaged("file is not a database", tmp_path / "history.db.x")
        ),
        "disk full": OSError(errno.ENOSPC, "No space left on device", "/data/history.db"),
        "device error": OSError(errno.EIO, "Input/output error", "/media/usb/a.zip"),
        "no token": TokenError(TokenProblem.NO_TOKEN),
        "expired certificate": TokenError(TokenProblem.EXPIRED, "Nguyễn Văn An", "01/01/2026"),
        "token module list": raised(lambda: token_modules.load(tmp_path / "modules.toml")),
        "checklists": raised(lambda: load_policy(tmp_path)),
        "answers file": raised(lambda: parse_answers(b'{"pin": 1}', "answers.json", policy)),
        "refused pack": raised(lambda: parse_manifest(b"[]")),
        "trust anchor": raised(lambda: load_anchors([tmp_path / "ca.pem"])),
        # English only in the core: told by the lead alone.
        "checklist": PolicyError("items/accounts.toml", "the item is not known", field="x"),
        "answers": AnswersError("answers.json", "is not what it should be"),
        "pack": PackError("not newer than the installed version 3"),
    }


def test_no_english_sentence_of_the_core_reaches_the_vietnamese_window(
    told: Told, tmp_path: Path, policy: Policy
) -> None:
    from desktop.core.base.errors import said
    from tests.test_bilingual_errors import english_in

    for family, error in _failures(tmp_path, policy).items():
        vietnamese = told["vi"](error)
        assert not english_in(vietnamese), (family, vietnamese)
        assert str(error) not in vietnamese, family
        words = said(error)
        if words is not None:  # the core's Vietnamese is shown, in brackets after the lead
            assert f"({words.vi})" in vietnamese, (family, vietnamese)
        english = told["en"](error)
        assert not english.startswith(GENERIC), (family, english)
        if not isinstance(error, OSError):
            assert f"({error})" in english, (family, english)  # English unchanged


def test_an_english_only_error_is_told_by_its_lead_and_logged(
    told: Told, private_home: Path
) -> None:
    from desktop.core.base import logs
    from desktop.core.base.errors import PolicyError
    from desktop.gui.messages import lead

    error = PolicyError("items/accounts.toml", "the item is not known", field="x")
    vietnamese = told["vi"](error)
    assert vietnamese == lead(error) and vietnamese.startswith("Không đọc được các danh mục")
    assert "told PolicyError: items/accounts.toml: field 'x': the item is not known" in (
        logs.log_path().read_text("utf-8")
    )


def test_a_tooltip_with_a_file_s_own_markup_shows_it_as_text() -> None:
    from desktop.gui.messages import plain_tip

    assert plain_tip("thiếu bản khai: thiếu bản khai số 2") == "thiếu bản khai: thiếu bản khai số 2"
    hostile = plain_tip("BNG-1.zip: header b'<h1>OK!</h1>' differs\n/inbox/BNG-1.zip")
    assert "<h1>" not in hostile and "&lt;h1&gt;OK!&lt;/h1&gt;" in hostile
    assert "<br>" in hostile  # the path still on its own line
