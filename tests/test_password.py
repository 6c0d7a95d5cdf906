"""Password strength and reuse: measured, never kept."""

from dataclasses import asdict

import pytest

from desktop.core.checks.password import PasswordSession, context_words, measure
from desktop.core.model import Person
from tests.conftest import account


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
