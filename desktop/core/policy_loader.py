"""Loading `checklists/*.toml` into a `Policy`, rejecting anything malformed or inconsistent.

Every error is a `PolicyError` naming the file, the item and the field, because the people
who edit checklists are agency staff, not programmers.
"""

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from desktop.core import reading
from desktop.core.checks import INTERPRETED_CHOICES, PROGRAMME_CHECKS, CheckName
from desktop.core.checks.identity import DOMAIN
from desktop.core.checks.twofactor import ALWAYS_ANSWERABLE, TwoFactorMethod
from desktop.core.errors import PolicyError
from desktop.core.fields import ID_PATTERN, Fields, parse_toml
from desktop.core.i18n import Text
from desktop.core.model import AccountKind, Category
from desktop.core.policy import (
    AnswerSpec,
    ChecklistFile,
    Choice,
    DueKind,
    DueRule,
    Group,
    GuideTopic,
    Item,
    ItemKind,
    OfficialDomains,
    Platform,
    Policy,
    Profile,
    Programme,
    Provision,
    ProvisionKind,
    Severity,
    Source,
    Status,
    TwoFactorOffer,
    TwoFactorRole,
)
from desktop.core.resources import checklists_dir

MAX_FILE_BYTES = 2 * 1024 * 1024
ITEM_ID = re.compile(r"[a-z][a-z0-9-]{1,63}")
PROVISION_ID = re.compile(r"[A-Z]{2,5}(-[A-Za-z0-9.]+)+")

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
            raise fields.fail("id", f"duplicate {section} id '{key}' (first defined in {first})")
        self.origin[(section, key)] = fields.file
        table[key] = value


def load_policy(directory: Path | None = None) -> Policy:
    """Read and validate every `*.toml` under `directory` (default: the shipped checklists)."""
    root = directory if directory is not None else checklists_dir()
    if not root.is_dir():
        raise PolicyError(root, "is not a folder of checklists")
    # Everything named *.toml, FIFOs and links included: each is refused by name. A linked
    # folder would be skipped without a word by rglob, so it is refused here.
    for entry in root.rglob("*"):
        if entry.is_symlink() and entry.is_dir():
            raise PolicyError(entry, "is a symbolic link to a folder; put the folder itself here")
    paths = sorted(root.rglob("*.toml"))
    if not paths:
        raise PolicyError(root, "holds no checklist files (*.toml)")
    found = _Collector()
    for path in paths:
        _read_file(path, root, found)
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
        raise PolicyError(root, "holds no checklist items")
    _cross_check(policy, found, root)
    return policy


def _read_file(path: Path, root: Path, found: _Collector) -> None:
    name = str(path)
    try:
        raw = reading.read_limited(path, MAX_FILE_BYTES, follow=False)
    except reading.SymbolicLinkError:
        raise PolicyError(name, "is a symbolic link; put the file itself in the folder") from None
    except reading.NotRegularFileError:
        raise PolicyError(name, "is not a regular file") from None
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
        raise meta.fail("id", f"duplicate checklist file id '{file_id}' (also {first})")
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
        ("source", _source, found.sources),
        ("provision", _provision, found.provisions),
        ("programme", _programme, found.programmes),
        ("item", _item, found.items),
        ("platform", _platform, found.platforms),
        ("group", _group, found.groups),
        ("profile", _profile, found.profiles),
    )
    for section, read, defined in sections:
        for table in doc.tables(section, optional=True):
            value = read(table)
            found.add(defined, section, value.id, value, table)
    domains = doc.table("official_domains", optional=True)
    if domains is not None:
        found.suffixes += _domains(domains, "suffixes")
        found.domains += _domains(domains, "domains")
        domains.done()
    doc.done()


def _group(t: Fields) -> Group:
    group_id = t.identifier("id")
    t.with_item(group_id)
    group = Group(id=group_id, title=t.text("title"))
    t.done()
    return group


def _profile(t: Fields) -> Profile:
    profile_id = t.identifier("id")
    t.with_item(profile_id)
    sources = t.string_list("sources") or ()
    programmes = t.string_list("programmes") or ()
    categories = t.string_list("categories") or ()
    for key, values in (("sources", sources), ("programmes", programmes)):
        if not values:
            raise t.fail(key, "must name at least one")
    if not categories:
        raise t.fail("categories", "must name at least one")
    chosen: list[Category] = []
    for index, value in enumerate(categories):
        try:
            chosen.append(Category(value))
        except ValueError:
            allowed = ", ".join(c.value for c in Category)
            raise t.fail(f"categories[{index}]", f"must be one of {allowed}") from None
    profile = Profile(
        id=profile_id,
        name=t.text("name"),
        code=t.text("code"),
        sources=frozenset(sources),
        programmes=tuple(dict.fromkeys(programmes)),
        categories=tuple(dict.fromkeys(chosen)),
        domains=tuple(_domains(t, "official_domains")),
    )
    t.done()
    return profile


def _source(t: Fields) -> Source:
    source = Source(
        id=t.required("id", pattern=re.compile("[A-Z]{2,5}")),
        title=t.text("title"),
        reference=t.required("reference"),
    )
    t.done()
    return source


def _provision(t: Fields) -> Provision:
    provision_id = t.required("id", pattern=PROVISION_ID)
    t.with_item(provision_id)
    provision = Provision(
        id=provision_id,
        source=t.required("source"),
        kind=t.required_enum("kind", ProvisionKind),
        heading=t.text("heading"),
        original=t.required("original"),
        gloss=t.required("gloss"),
    )
    t.done()
    return provision


def _programme(t: Fields) -> Programme:
    programme_id = t.identifier("id")
    t.with_item(programme_id)
    due = t.table("due")
    assert due is not None
    kind = due.required_enum("kind", DueKind)
    rule = DueRule(
        kind=kind,
        months=due.integer("months", low=1, high=120, optional=kind != DueKind.MONTHS_AFTER_LAST)
        or 0,
        days_before=due.integer("days_before", low=0, high=365, optional=True) or 0,
        follow_up_days=due.integer("follow_up_days", low=1, high=365, optional=True) or 0,
        follow_up_severity=due.enum("follow_up_severity", Severity, optional=True),
    )
    if rule.follow_up_severity is not None and not rule.follow_up_days:
        raise due.fail("follow_up_severity", "needs follow_up_days")
    due.done()
    programme = Programme(
        id=programme_id,
        title=t.text("title"),
        description=t.text("description"),
        provisions=t.string_list("provisions") or (),
        due=rule,
        categories=t.enum_set("categories", Category, optional=True),
    )
    t.done()
    return programme


def _item(t: Fields) -> Item:
    item_id = t.required("id", pattern=ITEM_ID)
    t.with_item(item_id)
    kind = t.required_enum("kind", ItemKind)
    programmes = t.string_list("programmes") or ()
    provisions = t.string_list("provisions") or ()
    if not programmes:
        raise t.fail("programmes", "must name at least one programme")
    if not provisions:
        raise t.fail("provisions", "must cite at least one provision")
    account_only = ("account_kinds", "platforms", "guide")
    if kind != ItemKind.ACCOUNT:
        for key in account_only:
            if t.has(key):
                raise t.fail(key, f"only applies to account items, not {kind.value} items")
    platforms = t.string_list("platforms", optional=True, pattern=ID_PATTERN)
    item = Item(
        id=item_id,
        kind=kind,
        group=t.identifier("group"),
        programmes=frozenset(programmes),
        severity=t.required_enum("severity", Severity),
        provisions=provisions,
        title=t.text("title"),
        question=t.text("question"),
        help=t.text("help"),
        fix=t.steps("fix"),
        answer=_answer(t, kind),
        account_kinds=t.enum_set("account_kinds", AccountKind, optional=True),
        platforms=frozenset(platforms) if platforms is not None else None,
        categories=t.enum_set("categories", Category, optional=True),
        guide=t.enum("guide", GuideTopic, optional=True),
    )
    if not item.fix:
        raise t.fail("fix", "must give at least one step")
    t.done()
    return item


def _answer(t: Fields, kind: ItemKind) -> AnswerSpec:
    table = t.table("answer")
    assert table is not None
    check = table.enum("check", CheckName, optional=True)
    if check is not None:
        wanted = ItemKind.PROGRAMME if check in PROGRAMME_CHECKS else ItemKind.ACCOUNT
        if kind != wanted:
            raise table.fail("check", f"the '{check}' check only applies to {wanted} items")
    interpreted = INTERPRETED_CHOICES.get(check) if check is not None else None
    choices: list[Choice] = []
    for c in table.tables("choice", optional=True):
        choice_id = c.identifier("id")
        label = c.text("label")
        if interpreted is not None:
            if c.has("status"):
                raise c.fail("status", f"is decided by the '{check}' check; remove it")
            if choice_id not in interpreted:
                allowed = ", ".join(sorted(interpreted))
                raise c.fail("id", f"must be one of {allowed} for the '{check}' check")
            status = None
        else:
            status = c.required_enum("status", Status)
        c.done()
        if any(existing.id == choice_id for existing in choices):
            raise c.fail("id", f"duplicate choice id '{choice_id}'")
        choices.append(Choice(id=choice_id, label=label, status=status))
    if check is None and not choices:
        raise table.fail(None, "needs a measured 'check', at least one 'choice', or both")
    table.done()
    return AnswerSpec(check=check, choices=tuple(choices))


def _platform(t: Fields) -> Platform:
    platform_id = t.identifier("id")
    t.with_item(platform_id)
    guides_table = t.table("guide")
    assert guides_table is not None
    guides = {topic: guides_table.steps(topic.value) for topic in GuideTopic}
    guides_table.done()
    offers: list[TwoFactorOffer] = []
    for entry in t.tables("two_factor_method", optional=True):
        method = entry.required_enum("method", TwoFactorMethod)
        if method in ALWAYS_ANSWERABLE:
            raise entry.fail("method", f"'{method}' is never a second factor; do not list it")
        if any(o.method == method for o in offers):
            raise entry.fail("method", f"'{method}' is listed twice")
        offers.append(
            TwoFactorOffer(
                method=method.value,
                role=entry.required_enum("role", TwoFactorRole),
                label=entry.text("label") if entry.has("label") else None,
            )
        )
        entry.done()
    platform = Platform(
        id=platform_id,
        name=_name(t),
        account_kinds=t.enum_set("account_kinds", AccountKind) or frozenset(),
        two_factor_methods=tuple(offers),
        guides=guides,
        help_url=t.string("help_url", optional=True, pattern=re.compile(r"https://\S+")),
        notice=t.text("notice") if t.has("notice") else None,
    )
    t.done()
    return platform


def _name(t: Fields) -> Text:
    """A brand name is the same in both languages; "other" is not a brand, and is a table."""
    if isinstance(t.raw("name"), dict):
        return t.text("name")
    name = t.required("name", max_length=80)
    return Text(vi=name, en=name)


def _domains(t: Fields, key: str) -> list[str]:
    return [d.lower() for d in t.string_list(key, optional=True, pattern=DOMAIN) or ()]


def _cross_check(policy: Policy, found: _Collector, root: Path) -> None:
    """References between files: every id an item or programme names must exist."""

    def fail(section: str, key: str, field: str, message: str) -> PolicyError:
        return PolicyError(found.origin[(section, key)], message, item=key, field=field)

    for provision in policy.provisions.values():
        if provision.source not in policy.sources:
            raise fail("provision", provision.id, "source", f"unknown source '{provision.source}'")
    for programme in policy.programmes.values():
        for index, ref in enumerate(programme.provisions):
            if ref not in policy.provisions:
                raise fail(
                    "programme",
                    programme.id,
                    f"provisions[{index}]",
                    f"unknown provision id '{ref}'",
                )
    for item in policy.items.values():
        for index, ref in enumerate(item.provisions):
            if ref not in policy.provisions:
                raise fail("item", item.id, f"provisions[{index}]", f"unknown provision id '{ref}'")
        for ref in sorted(item.programmes):
            if ref not in policy.programmes:
                raise fail("item", item.id, "programmes", f"unknown programme id '{ref}'")
        if item.group not in policy.groups:
            raise fail("item", item.id, "group", f"unknown group id '{item.group}'")
        for ref in sorted(item.platforms or ()):
            if ref not in policy.platforms:
                raise fail("item", item.id, "platforms", f"unknown platform id '{ref}'")
    for profile in policy.profiles.values():
        _check_profile(policy, profile, fail)
    if not policy.profiles:
        raise PolicyError(
            root, "defines no agency profile (profiles.toml: [[profile]])", field="profile"
        )
    if policy.items and "other" not in policy.platforms:
        raise PolicyError(
            root, "defines no platform 'other' for accounts on unlisted platforms", field="platform"
        )


def _check_profile(
    policy: Policy, profile: Profile, fail: Callable[[str, str, str, str], PolicyError]
) -> None:
    for index, source in enumerate(sorted(profile.sources)):
        if source not in policy.sources:
            raise fail("profile", profile.id, f"sources[{index}]", f"unknown source '{source}'")
    for index, ref in enumerate(profile.programmes):
        programme = policy.programmes.get(ref)
        if programme is None:
            raise fail("profile", profile.id, f"programmes[{index}]", f"unknown programme '{ref}'")
        if not any(programme.admits(c) for c in profile.categories):
            raise fail(
                "profile",
                profile.id,
                f"programmes[{index}]",
                f"programme '{ref}' admits none of the profile's categories",
            )
    for programme_id in profile.programmes:
        # Never a silent all-clear: an empty list of accounts needs the person's own word.
        if not any(
            item.answer.check == CheckName.INVENTORY
            and programme_id in item.programmes
            and policy.cited(item, profile)
            for item in policy.items.values()
        ):
            raise fail(
                "profile",
                profile.id,
                "programmes",
                f"no item with the 'inventory' check is asked in '{programme_id}': "
                "a person listing no account would pass unchecked",
            )
