"""Real-name and official e-mail checks, with the forms Vietnamese names take online."""

import pytest

from desktop.core.assessment.checks.identity import email_domain, match_real_name, official_domain
from desktop.core.base.fields import DOMAIN, ascii_domain
from desktop.core.policy.model import OfficialDomains

DOMAINS = OfficialDomains(suffixes=("gov.vn",), domains=("dangcongsan.vn",))


@pytest.mark.parametrize(
    "shown",
    [
        "Nguyễn Văn An",
        "Nguyen Van An",  # no diacritics
        "nguyễn văn an",  # lower case
        "NGUYỄN VĂN AN",
        "An Nguyễn",  # given name first, middle name left out
        "Nguyễn An",
        "Văn An Nguyễn",
        "Nguye\u0302\u0303n Va\u0306n An",  # decomposed Unicode (NFD)
    ],
)
def test_real_name_matches_regardless_of_accents_case_and_order(shown: str) -> None:
    assert match_real_name("Nguyễn Văn An", shown).matches


def test_stroke_d_matches_plain_d() -> None:
    assert match_real_name("Đặng Đức Dũng", "Dang Duc Dung").matches
    assert match_real_name("Dang Duc Dung", "Đặng Đức Dũng").matches


@pytest.mark.parametrize(
    ("shown", "extra"),
    [
        ("An Nguyễn (Bin)", ("(Bin)",)),
        ("Bin Nguyễn Văn An", ("Bin",)),
        ("TS. Nguyễn Văn An", ("TS.",)),  # a title on a personal profile is a mismatch too
        ("Nguyễn Văn An 🌸 Official", ("🌸", "Official")),
    ],
)
def test_nickname_or_title_is_flagged_as_mismatch(shown: str, extra: tuple[str, ...]) -> None:
    result = match_real_name("Nguyễn Văn An", shown)
    assert not result.matches
    assert result.extra == extra


def test_pure_nickname_is_a_mismatch_naming_what_is_missing() -> None:
    result = match_real_name("Trần Thị Thu Hà", "Thu Hà")
    assert not result.matches
    assert result.missing == ("Trần",)


def test_given_name_alone_is_not_the_real_name() -> None:
    assert not match_real_name("Nguyễn Văn An", "An").matches


def test_other_person_with_similar_name_does_not_match() -> None:
    assert not match_real_name("Nguyễn Văn An", "Nguyễn Văn Anh").matches


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("an.nv@mofa.gov.vn", "gov.vn"),
        ("An.NV@MOFA.GOV.VN", "gov.vn"),  # upper-case domain
        ("press@hn.mofa.gov.vn", "gov.vn"),  # mofa.gov.vn subdomain
        ("x@quangninh.gov.vn.", "gov.vn"),  # trailing dot of a fully qualified name
        ("ban@dangcongsan.vn", "dangcongsan.vn"),  # configured domain
        ("ban@tw.DangCongSan.vn", "dangcongsan.vn"),
    ],
)
def test_official_domains_include_subdomains_and_ignore_case(address: str, domain: str) -> None:
    assert official_domain(address, DOMAINS) == domain


@pytest.mark.parametrize(
    "address",
    ["an@gmail.com", "an@evilgov.vn", "an@gov.vn.example.com", "gov.vn@gmail.com", "an@vn"],
)
def test_lookalike_domains_are_not_official(address: str) -> None:
    assert official_domain(address, DOMAINS) is None


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("ban@dangcong\u017fan.vn", "dangcongsan.vn"),  # ſ, LATIN SMALL LETTER LONG S
        ("an@\u212aa.gov.vn", "gov.vn"),  # KELVIN SIGN for K
        ("ban@ＤＡＮＧＣＯＮＧＳＡＮ．ＶＮ", "dangcongsan.vn"),  # full-width letters and dot
        ("an@mofa.gov\u3002vn", "gov.vn"),  # ideographic full stop
        ("ban@d\u00e0ngcongsan.vn", "dangcongsan.vn"),  # a look-alike with a diacritic
        ("ban@da\u0300ngcongsan.vn", "dangcongsan.vn"),  # ... written decomposed
    ],
)
def test_domains_are_compared_in_ascii_after_idna(address: str, domain: str) -> None:
    """Issue 16: "dangcongſan.vn" was taken as a personal domain."""
    assert official_domain(address, DOMAINS) == domain


def test_domain_pattern_is_ascii_only() -> None:
    """An official domain in the checklists with "ſ" in it is refused, not kept apart."""
    assert DOMAIN.fullmatch("dangcong\u017fan.vn") is None
    assert ascii_domain("DangCong\u017fan.vn.") == "dangcongsan.vn"
    assert ascii_domain("a..vn") is None


@pytest.mark.parametrize("bad", ["not an address", "@mofa.gov.vn", "an@", "a n@gmail.com"])
def test_malformed_addresses_have_no_domain(bad: str) -> None:
    assert email_domain(bad) is None


@pytest.mark.parametrize(
    ("full", "shown"),
    [
        ("H'Hen Niê", "H'Hen Niê"),  # Ê Đê names carry an apostrophe
        ("H'Hen Niê", "Niê H'Hen"),
        ("Lê-Nguyễn Văn An", "An Lê-Nguyễn"),
        ("Nguyễn Văn An.", "An Nguyễn"),
    ],
)
def test_names_with_punctuation_match_themselves(full: str, shown: str) -> None:
    assert match_real_name(full, shown).matches


@pytest.mark.parametrize(
    ("shown", "extra"),
    [
        ("Nguyễn Văn An 小明", ("小明",)),  # another script
        ("Nguyễn Văn An Ванька", ("Ванька",)),
        ("Nguyễn Văn An ✔️", ("✔️",)),  # a fake verified mark
        ("Nguyễn Văn An ١٢", ("١٢",)),  # other digits
    ],
)
def test_words_in_other_scripts_or_symbols_are_a_mismatch(
    shown: str, extra: tuple[str, ...]
) -> None:
    result = match_real_name("Nguyễn Văn An", shown)
    assert not result.matches
    assert result.extra == extra


@pytest.mark.parametrize(
    "address", ["an@mofa.gov.vn>", "an@mofa.gov.vn,", "an@mofa.gov.vn\u200b", "a@b@gmail.com"]
)
def test_addresses_with_stray_characters_are_not_read_as_valid(address: str) -> None:
    assert email_domain(address) is None
