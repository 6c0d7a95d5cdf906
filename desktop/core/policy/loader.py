"""Loading `checklists/*.toml` into a `Policy`, rejecting anything malformed or inconsistent.

Every error is a `PolicyError` naming the file, the item and the field, because the people
who edit checklists are agency staff, not programmers.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from desktop.core.base.errors import PolicyError
from desktop.core.base.fields import Fields, parse_toml
from desktop.core.base.i18n import Text
from desktop.core.policy.checks import CheckName
from desktop.core.policy.files import MAX_FILE_BYTES, Checklists, read_checklists
from desktop.core.policy.model import (
    ChecklistFile,
    Group,
    Item,
    OfficialDomains,
    Platform,
    Policy,
    Profile,
    Programme,
    Provision,
    Source,
)
from desktop.core.policy.sections import (
    read_domains,
    read_group,
    read_item,
    read_platform,
    read_profile,
    read_programme,
    read_provision,
    read_source,
)

T = TypeVar("T")


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class _Collector:
    """Accumulates what the files define, refusing an id defined twice."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.provisions: dict[str, Provision] = {}
        self.items: dict[str, Item] = {}
        self.programmes: dict[str, Programme] = {}
        self.platforms: dict[str, Platform] = {}
        self.groups: dict[str, Group] = {}
        self.profiles: dict[str, Profile] = {}
        self.suffixes: list[str] = []
        self.domains: list[str] = []
        self.files: list[ChecklistFile] = []
        self.origin: dict[tuple[str, str], str] = {}  # (section, id) -> file that defined it

    def add(self, table: dict[str, T], section: str, key: str, value: T, fields: Fields) -> None:
        first = self.origin.get((section, key))
        if first is not None:
            what = _SECTIONS[section]
            raise fields.fail(
                "id",
                Text(
                    f"mã {what} '{key}' bị trùng (đã khai báo lần đầu trong {first})",
                    f"duplicate {section} id '{key}' (first defined in {first})",
                ),
            )
        self.origin[(section, key)] = str(fields.file)  # a checklist's path: always a str
        table[key] = value


# What each table of a checklist defines, as a message names it in Vietnamese.
_SECTIONS = {
    "source": "nguồn",
    "provision": "điều khoản",
    "programme": "chương trình",
    "item": "mục",
    "platform": "nền tảng",
    "group": "nhóm",
    "profile": "quy tắc áp dụng",
}


def _unknown(section: str, key: str, en: str) -> Text:
    """A reference to what no file defines: "unknown group id 'x'"."""
    return Text(f"không có {_SECTIONS[section]} nào mang mã '{key}'", f"{en} '{key}'")


def load_policy(directory: Path | None = None) -> Policy:
    """Read and validate every `*.toml` under `directory` (default: the shipped checklists)."""
    return policy_from(read_checklists(directory))


def policy_from(checklists: Checklists) -> Policy:
    """Parse and validate the checklists: the policy, or a PolicyError naming file and field."""
    root = checklists.root
    found = _Collector()
    for path, raw in checklists.files:
        _read_file(path, raw, root, found)
    policy = Policy(
        sources=found.sources,
        provisions=found.provisions,
        items=found.items,
        programmes=found.programmes,
        platforms=found.platforms,
        domains=OfficialDomains(tuple(found.suffixes), tuple(dict.fromkeys(found.domains))),
        files=tuple(found.files),
        groups=found.groups,
        profiles=found.profiles,
    )
    if not policy.items:
        raise PolicyError(root, Text("không có mục kiểm tra nào", "holds no checklist items"))
    _cross_check(policy, found, root)
    return policy


def _read_file(path: Path, raw: bytes, root: Path, found: _Collector) -> None:
    name = str(path)
    data = parse_toml(raw, name, PolicyError, MAX_FILE_BYTES)
    doc = Fields(data, file=name, error=PolicyError)
    meta = doc.table("meta")
    assert meta is not None
    file_id = meta.identifier("id")
    version = meta.required("version", max_length=40)
    if meta.has("title"):
        meta.text("title")
    meta.done()
    first = found.origin.get(("file", file_id))
    if first is not None:
        raise meta.fail(
            "id",
            Text(
                f"mã tệp danh mục kiểm tra '{file_id}' bị trùng (cũng có trong {first})",
                f"duplicate checklist file id '{file_id}' (also {first})",
            ),
        )
    found.origin[("file", file_id)] = name
    found.files.append(
        ChecklistFile(
            id=file_id,
            version=version,
            path=path.relative_to(root).as_posix(),
            sha256=hashlib.sha256(raw).hexdigest(),
        )
    )
    sections: tuple[tuple[str, Callable[[Fields], _Identified], dict[str, Any]], ...] = (
        ("source", read_source, found.sources),
        ("provision", read_provision, found.provisions),
        ("programme", read_programme, found.programmes),
        ("item", read_item, found.items),
        ("platform", read_platform, found.platforms),
        ("group", read_group, found.groups),
        ("profile", read_profile, found.profiles),
    )
    for section, read, defined in sections:
        for table in doc.tables(section, optional=True):
            value = read(table)
            found.add(defined, section, value.id, value, table)
    domains = doc.table("official_domains", optional=True)
    if domains is not None:
        found.suffixes += read_domains(domains, "suffixes")
        found.domains += read_domains(domains, "domains")
        domains.done()
    doc.done()


def _cross_check(policy: Policy, found: _Collector, root: Path) -> None:
    """References between files: every id an item or programme names must exist."""

    def fail(section: str, key: str, field: str, message: Text) -> PolicyError:
        return PolicyError(found.origin[(section, key)], message, item=key, field=field)

    for provision in policy.provisions.values():
        if provision.source not in policy.sources:
            unknown = _unknown("source", provision.source, "unknown source")
            raise fail("provision", provision.id, "source", unknown)
    for programme in policy.programmes.values():
        for index, ref in enumerate(programme.provisions):
            if ref not in policy.provisions:
                unknown = _unknown("provision", ref, "unknown provision id")
                raise fail("programme", programme.id, f"provisions[{index}]", unknown)
    for item in policy.items.values():
        for index, ref in enumerate(item.provisions):
            if ref not in policy.provisions:
                unknown = _unknown("provision", ref, "unknown provision id")
                raise fail("item", item.id, f"provisions[{index}]", unknown)
        for ref in sorted(item.programmes):
            if ref not in policy.programmes:
                unknown = _unknown("programme", ref, "unknown programme id")
                raise fail("item", item.id, "programmes", unknown)
        if item.group not in policy.groups:
            raise fail("item", item.id, "group", _unknown("group", item.group, "unknown group id"))
        for ref in sorted(item.platforms or ()):
            if ref not in policy.platforms:
                unknown = _unknown("platform", ref, "unknown platform id")
                raise fail("item", item.id, "platforms", unknown)
    for profile in policy.profiles.values():
        _check_profile(policy, profile, fail)
    if not policy.profiles:
        raise PolicyError(
            root,
            Text(
                "không có quy tắc áp dụng nào của cơ quan (profiles.toml: [[profile]])",
                "defines no agency profile (profiles.toml: [[profile]])",
            ),
            field="profile",
        )
    if policy.items and "other" not in policy.platforms:
        raise PolicyError(
            root,
            Text(
                "không có nền tảng 'other' cho các tài khoản trên nền tảng không có trong danh "
                "sách",
                "defines no platform 'other' for accounts on unlisted platforms",
            ),
            field="platform",
        )


def _check_profile(
    policy: Policy, profile: Profile, fail: Callable[[str, str, str, Text], PolicyError]
) -> None:
    for index, source in enumerate(profile.sources):
        if source not in policy.sources:
            unknown = _unknown("source", source, "unknown source")
            raise fail("profile", profile.id, f"sources[{index}]", unknown)
    for index, ref in enumerate(profile.programmes):
        programme = policy.programmes.get(ref)
        if programme is None:
            unknown = _unknown("programme", ref, "unknown programme")
            raise fail("profile", profile.id, f"programmes[{index}]", unknown)
        if not any(programme.admits(c) for c in profile.categories):
            raise fail(
                "profile",
                profile.id,
                f"programmes[{index}]",
                Text(
                    f"chương trình '{ref}' không dành cho đối tượng nào của quy tắc áp dụng này",
                    f"programme '{ref}' admits none of the profile's categories",
                ),
            )
    for programme_id in profile.programmes:
        # Never a silent all-clear: an empty list of accounts needs the person's own word,
        # whoever the person is.
        programme = policy.programmes[programme_id]
        for category in (c for c in profile.categories if programme.admits(c)):
            if not any(
                item.answer.check == CheckName.INVENTORY
                for item in policy.items_for(programme_id, category, profile)
            ):
                raise fail(
                    "profile",
                    profile.id,
                    "programmes",
                    Text(
                        f"không có mục nào dùng phép kiểm tra 'inventory' được hỏi đối tượng "
                        f"'{category}' trong chương trình '{programme_id}': người không kê khai "
                        "tài khoản nào sẽ được coi là đạt mà không được kiểm tra",
                        f"no item with the 'inventory' check is asked of '{category}' in "
                        f"'{programme_id}': a person listing no account would pass unchecked",
                    ),
                )
