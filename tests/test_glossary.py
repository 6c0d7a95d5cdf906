"""One vocabulary (docs/glossary.md): every Vietnamese text the app shows follows it."""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from desktop.core.assessment.reasons import MARKS, REASONS
from desktop.core.base.i18n import Steps, Text
from desktop.core.policy.model import Policy
from desktop.report.words import WORDS
from tests.conftest import ROOT

TS = ROOT / "assets" / "translations" / "selfcheck_vi.ts"

# Quoted text is a platform's own menu label, shown exactly as the platform shows it.
QUOTED = re.compile(r"“[^”]*”")
RULES = [
    (re.compile(r"\bbạn\b(?! bè)", re.I), "anh/chị, never “bạn”"),
    (re.compile(r"\b(xác thực|bảo mật) (hai|2) lớp\b", re.I), "“xác thực hai yếu tố”"),
    (re.compile(r"\bxác thực 2 yếu tố\b", re.I), "“xác thực hai yếu tố” (digits only in a label)"),
    (re.compile(r"\be-?mail\b", re.I), "“thư điện tử”"),
    (re.compile(r"(?<!\()\bpasskey\b", re.I), "“khóa truy cập (passkey)”"),
    (re.compile(r"\bbản tóm tắt\b|\bbản tự đánh giá\b", re.I), "“bản khai”"),
    (re.compile(r"\w+ / [A-Z][a-z]+"), "no English beside the Vietnamese (“Khác / Other”)"),
]


def _policy_texts(policy: Policy) -> Iterator[tuple[str, str]]:
    def of(where: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, Text):
            yield where, value.vi
        elif isinstance(value, Steps):
            for index, step in enumerate(value.vi):
                yield f"{where}[{index}]", step

    for item in policy.items.values():
        for name in ("title", "question", "help", "fix"):
            yield from of(f"item {item.id}.{name}", getattr(item, name))
        for choice in item.answer.choices:
            yield from of(f"item {item.id}.{choice.id}", choice.label)
    for platform in policy.platforms.values():
        yield from of(f"platform {platform.id}.name", platform.name)
        for topic, steps in platform.guides.items():
            yield from of(f"platform {platform.id}.{topic}", steps)
        for offer in platform.two_factor_methods:
            yield from of(f"platform {platform.id}.{offer.method}", offer.label)
        yield from of(f"platform {platform.id}.notice", platform.notice)
    for programme in policy.programmes.values():
        yield from of(f"programme {programme.id}", programme.title)
        yield from of(f"programme {programme.id}", programme.description)
    for profile in policy.profiles.values():
        yield from of(f"profile {profile.id}", profile.name)
        yield from of(f"profile {profile.id}", profile.code)
    for group in policy.groups.values():
        yield from of(f"group {group.id}", group.title)


def _app_texts() -> Iterator[tuple[str, str]]:
    for table, name in ((REASONS, "reason"), (MARKS, "mark"), (WORDS, "word")):
        for key, text in table.items():
            yield f"{name} {key}", text.vi
    for message in ET.parse(TS).iter("message"):  # noqa: S314 (our own file)
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            yield f"ts {message.findtext('source')!r}", form


def _breaches(texts: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in texts:
        bare = QUOTED.sub("“”", text)
        for pattern, rule in RULES:
            match = pattern.search(bare)
            if match:
                found.append(f"{where}: {match.group(0)!r} ({rule})")
    return found


def test_the_checklists_follow_the_glossary(policy: Policy) -> None:
    assert _breaches(_policy_texts(policy)) == []


def test_the_app_s_own_words_follow_the_glossary() -> None:
    assert _breaches(_app_texts()) == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Bật xác thực hai lớp cho tài khoản", False),
        ("Mở “Bảo mật 2 lớp” trong Zalo", True),
        ("Nhắc bạn bè và người thân", True),
        ("Nếu bạn quên mật khẩu", False),
        ("Thêm khóa truy cập (passkey)", True),
        ("Thêm Passkey", False),
        ("Khác / Other", False),
        ("Thêm email khôi phục", False),
    ],
)
def test_the_rules_catch_what_they_should(text: str, ok: bool) -> None:
    assert (_breaches(iter([("x", text)])) == []) == ok


def test_field_labels_use_the_glossary_s_words() -> None:
    translations = {
        (m.findtext("source") or "").replace("&", ""): (m.findtext("translation") or "")
        for m in ET.parse(TS).iter("message")  # noqa: S314 (our own file)
    }
    assert translations["Position:"].replace("&", "").startswith("Chức vụ, chức danh")
    assert WORDS["position"].vi == "Chức vụ, chức danh"
