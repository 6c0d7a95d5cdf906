"""The sentence the GUI leads an error with: chosen by the error's kind, never its words,
and specific for roster, bundle and summary errors, in Vietnamese and in English."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.base.i18n import Text
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


def test_a_key_enrolled_for_another_staff_id_is_told_as_such_not_as_an_unreadable_roster(
    told: Told, tmp_path: Path
) -> None:
    from desktop.core.review.roster import KeyEnrolledElsewhere

    refused = KeyEnrolledElsewhere(tmp_path / "allowed_signers", "already enrolled for BNG-1")
    leads = ("This key is already enrolled for another staff id", "Khóa ký này đã được đăng ký")
    _check(told, refused, leads)
