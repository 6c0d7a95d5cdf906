"""Password strength and reuse: measured, never kept."""

from dataclasses import asdict
from pathlib import Path

import pytest

from desktop.core.assessment.checks import wordlists
from desktop.core.assessment.checks.password import (
    PasswordSession,
    context_words,
    crack_time_words,
    measure,
)
from desktop.core.assessment.engine import assess
from desktop.core.assessment.people import Person, Submission
from desktop.core.policy.model import Policy, Status
from tests.conftest import account

PASSWORD_ITEM = "acct-password-strength"


def test_context_words_are_folded_with_and_without_spaces(person: Person) -> None:
    words = context_words(person, [account(handle="@An.Nguyen90", display_name="An Nguyễn")])
    for expected in ["nguyen", "van", "an", "nguyenvanan", "nguyen van an", "annguyen", "1990"]:
        assert expected in words
    assert "vu thong tin bao chi" in words and "vuthongtinbaochi" in words
    assert "an nguyen90" in words and "annguyen90" in words
    assert all(w == w.lower() and "đ" not in w for w in words)


def test_vietnamese_name_with_birth_year_is_weak_only_with_context(person: Person) -> None:
    # zxcvbn alone does not know Vietnamese names: this is why the context matters.
    assert measure("NguyenVanAn1990").score >= 3
    session = PasswordSession(person, [account()])
    assert session.add("fb", "NguyenVanAn1990").score <= 1


@pytest.mark.parametrize(
    "password", ["Nguyễn Văn An 1990", "An Nguyen 1990", "an.nguyen.1990", "Văn-An_Nguyễn"]
)
def test_spaces_and_accents_do_not_hide_the_name(person: Person, password: str) -> None:
    session = PasswordSession(person, [account()])
    assert session.add("fb", password).score <= 2


@pytest.mark.parametrize("password", ["", " ", "a"])
def test_empty_and_tiny_passwords_score_zero(password: str) -> None:
    assert measure(password).score == 0


def test_unit_name_in_password_is_penalised(person: Person) -> None:
    session = PasswordSession(person, [account()])
    assert session.add("fb", "vuthongtinbaochi").score <= 1


def test_long_random_passphrase_scores_well(person: Person) -> None:
    session = PasswordSession(person, [account()])
    report = session.add("fb", "cá-voi tím ăn 7 quả mận ở Hạ Long")
    assert report.score >= 3
    assert report.length == len("cá-voi tím ăn 7 quả mận ở Hạ Long")


@pytest.mark.parametrize("length", [72, 73, 100, 200, 1000])
def test_passwords_longer_than_zxcvbn_limit_are_measured_without_error(length: int) -> None:
    password = ("Sông Hồng chảy qua Hà Nội " * 50)[:length]
    report = measure(password)
    assert report.length == length
    assert report.truncated == (length > 72)
    assert 0 <= report.score <= 4


def test_report_holds_nothing_of_the_password(person: Person) -> None:
    canary = "Canary-Xyzzy-4711-Hà"
    report = PasswordSession(person, [account()]).add("fb", canary)
    dumped = repr(asdict(report)) + repr(report)
    for fragment in (canary, "Xyzzy", "4711", "canary", "xyzzy"):
        assert fragment not in dumped


def test_two_accounts_sharing_a_password_are_detected(person: Person) -> None:
    accounts = [account("fb"), account("x"), account("zalo")]
    session = PasswordSession(person, accounts)
    session.add("fb", "một mật khẩu dùng chung 2024")
    session.add("x", "một mật khẩu dùng chung 2024")
    session.add("zalo", "mật khẩu riêng của Zalo, dài hơn")
    assert session.shared_with("fb") == ("x",)
    assert session.shared_with("x") == ("fb",)
    assert session.shared_with("zalo") == ()


def test_reuse_is_found_across_unicode_normal_forms(person: Person) -> None:
    session = PasswordSession(person, [account("a"), account("b")])
    session.add("a", "Hạ Long 2024 vịnh đẹp")  # NFC, as most keyboards send it
    session.add("b", "Ha\u0323 Long 2024 vi\u0323nh \u0111e\u0323p")  # NFD
    assert session.shared_with("a") == ("b",)


def test_reuse_key_lives_only_for_the_session(person: Person) -> None:
    first = PasswordSession(person, [account()])
    second = PasswordSession(person, [account()])
    assert first.digest("same password") != second.digest("same password")


def test_forgetting_an_account_drops_its_measurement(person: Person) -> None:
    session = PasswordSession(person, [account("a"), account("b")])
    session.add("a", "p4ss phrase one")
    session.add("b", "p4ss phrase one")
    session.forget("b")
    assert not session.measured("b")
    assert session.shared_with("a") == ()


# -- as someone guessing Vietnamese passwords would --------------------------------------


@pytest.mark.parametrize(
    "password",
    ["matkhau123", "vietnam2024", "anhyeuem", "hanoi1234", "NguyenVanAn1990", "0912345678"],
)
def test_vietnamese_weak_passwords_fail_even_with_a_second_factor(
    policy: Policy, person: Person, password: str
) -> None:
    """With an authenticator app 8 characters are enough (NIST), so only the guessing
    decides: these must all fail."""
    phone = account(phone="0912 345 678", answers={"acct-two-factor": "authenticator_app"})
    sub = Submission("annual", person, (phone,), {})
    session = PasswordSession(person, sub.accounts)
    session.add("fb", password)
    found = next(f for f in assess(policy, sub, session).findings if f.item_id == PASSWORD_ITEM)
    assert found.status == Status.FAIL, (password, found.reason, found.params)


def test_the_province_and_a_year_are_weak_for_a_quang_ninh_official(
    policy: Policy, qn_person: Person
) -> None:
    # A number-matched prompt where the platform has one: 8 characters would be enough.
    app = account(platform="other", answers={"acct-two-factor": "push"})
    sub = Submission("annual", qn_person, (app,), {})
    session = PasswordSession(qn_person, sub.accounts)
    session.add("fb", "Quangninh@2024")
    found = next(f for f in assess(policy, sub, session).findings if f.item_id == PASSWORD_ITEM)
    assert (found.status, found.reason) == (Status.FAIL, "password-guessable")


@pytest.mark.parametrize(
    "passphrase",
    [
        "con mèo đen nhảy qua hàng rào xanh",
        "sáng nay trời mưa to đường rất đông xe",
        "conmeodennhayquahangraoxanh rat nhanh",
    ],
)
def test_a_long_vietnamese_passphrase_still_passes_alone(
    policy: Policy, person: Person, passphrase: str
) -> None:
    sub = Submission("annual", person, (account(answers={"acct-two-factor": "none"}),), {})
    session = PasswordSession(person, sub.accounts)
    session.add("fb", passphrase)
    found = next(f for f in assess(policy, sub, session).findings if f.item_id == PASSWORD_ITEM)
    assert (found.status, found.reason) == (Status.PASS, "password-strong")


def test_a_random_password_keeps_the_credit_of_its_symbols() -> None:
    # Symbols are taken out only when they decorate a word ("Quangninh@2024").
    assert measure("Zk8#qv2!Lp").score >= 3


def test_the_person_s_phone_numbers_and_staff_id_are_tried_first(person: Person) -> None:
    words = context_words(person, [account(phone="+84 912 345 678", handle="0987654321")])
    assert {"0912345678", "84912345678", "912345678", "0987654321"} <= set(words)
    assert "bng08231" in words and "nguyenvanan1990" in words


def test_the_word_lists_are_loaded_and_say_where_they_come_from() -> None:
    counts = wordlists.loaded_counts()
    assert set(counts) >= {"vi_syllables", "vi_words", "vi_family_names", "vi_places"}
    assert all(n > 50 for n in counts.values()), counts
    readme = (wordlists.wordlists_dir() / "README.md").read_text("utf-8")
    assert "CC BY-SA 4.0" in readme and "No leaked passwords" in readme
    lists = wordlists.read_lists()
    assert {"matkhau", "anhyeuem"} <= set(lists["vi_words"])
    assert {"hanoi", "quangninh", "halong"} <= set(lists["vi_places"])
    assert all(entry.isascii() and entry == entry.lower() for v in lists.values() for entry in v)


@pytest.mark.parametrize(
    ("seconds", "vi", "en"),
    [
        (30, "chưa đến một phút", "less than a minute"),
        (60, "1 phút", "1 minute"),
        (150, "2 phút", "2 minutes"),
        (3600, "1 giờ", "1 hour"),
        (2 * 86400, "2 ngày", "2 days"),
        (40 * 86400, "1 tháng", "1 month"),
        (3 * 365 * 86400, "3 năm", "3 years"),
        (10**12, "hàng thế kỷ", "centuries"),
    ],
)
def test_the_crack_time_reads_in_either_language(seconds: int, vi: str, en: str) -> None:
    assert crack_time_words(seconds, "vi") == vi
    assert crack_time_words(seconds, "en") == en


def test_a_damaged_word_list_is_named_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "vi_words.txt").write_bytes("matkhau\nmật khẩu\n".encode())
    with pytest.raises(ValueError, match=r"vi_words\.txt: is not plain ASCII text"):
        wordlists.read_lists(tmp_path)
