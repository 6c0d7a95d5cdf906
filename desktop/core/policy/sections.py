"""How each table of a checklist file reads: a source, a provision, a programme, an item
and its answer, a platform, a group, a profile. Each refuses what is malformed with a
`PolicyError` naming the file, the item and the field; references between files are
checked afterwards, by `policy_loader`."""

import re

from desktop.core.base import field_words
from desktop.core.base.fields import DOMAIN, ID_PATTERN, Fields
from desktop.core.base.i18n import Text
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.checks import INTERPRETED_CHOICES, PROGRAMME_CHECKS, CheckName
from desktop.core.policy.model import (
    AnswerSpec,
    Choice,
    DueKind,
    DueRule,
    Group,
    GuideTopic,
    Item,
    ItemKind,
    Platform,
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
from desktop.core.policy.twofactor import ALWAYS_ANSWERABLE, TwoFactorMethod

ITEM_ID = re.compile(r"[a-z][a-z0-9-]{1,63}")
_AT_LEAST_ONE = Text("phải nêu ít nhất một giá trị", "must name at least one")
PROVISION_ID = re.compile(r"[A-Z]{2,5}(-[A-Za-z0-9.]+)+")


def read_group(t: Fields) -> Group:
    group_id = t.identifier("id")
    t.with_item(group_id)
    group = Group(id=group_id, title=t.text("title"))
    t.done()
    return group


def read_profile(t: Fields) -> Profile:
    profile_id = t.identifier("id")
    t.with_item(profile_id)
    sources = t.string_list("sources") or ()
    programmes = t.string_list("programmes") or ()
    categories = t.string_list("categories") or ()
    for key, values in (("sources", sources), ("programmes", programmes)):
        if not values:
            raise t.fail(key, _AT_LEAST_ONE)
    if not categories:
        raise t.fail("categories", _AT_LEAST_ONE)
    chosen: list[Category] = []
    for index, value in enumerate(categories):
        try:
            chosen.append(Category(value))
        except ValueError:
            allowed = ", ".join(c.value for c in Category)
            raise t.fail(f"categories[{index}]", field_words.one_of(allowed)) from None
    profile = Profile(
        id=profile_id,
        name=t.text("name"),
        code=t.text("code"),
        sources=tuple(dict.fromkeys(sources)),
        programmes=tuple(dict.fromkeys(programmes)),
        categories=tuple(dict.fromkeys(chosen)),
        domains=tuple(read_domains(t, "official_domains")),
    )
    t.done()
    return profile


def read_source(t: Fields) -> Source:
    source = Source(
        id=t.required("id", pattern=re.compile("[A-Z]{2,5}")),
        title=t.text("title"),
        reference=t.required("reference"),
    )
    t.done()
    return source


def read_provision(t: Fields) -> Provision:
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


def read_programme(t: Fields) -> Programme:
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
        raise due.fail(
            "follow_up_severity",
            Text("cần có cả trường 'follow_up_days'", "needs follow_up_days"),
        )
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


def read_item(t: Fields) -> Item:
    item_id = t.required("id", pattern=ITEM_ID)
    t.with_item(item_id)
    kind = t.required_enum("kind", ItemKind)
    programmes = t.string_list("programmes") or ()
    provisions = t.string_list("provisions") or ()
    if not programmes:
        raise t.fail(
            "programmes",
            Text("phải nêu ít nhất một chương trình", "must name at least one programme"),
        )
    if not provisions:
        raise t.fail(
            "provisions",
            Text("phải dẫn chiếu ít nhất một điều khoản", "must cite at least one provision"),
        )
    account_only = ("account_kinds", "platforms", "guide")
    if kind != ItemKind.ACCOUNT:
        for key in account_only:
            if t.has(key):
                raise t.fail(
                    key,
                    Text(
                        f"chỉ dùng cho mục loại 'account', không dùng cho mục loại '{kind}'",
                        f"only applies to account items, not {kind.value} items",
                    ),
                )
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
        raise t.fail("fix", Text("phải có ít nhất một bước", "must give at least one step"))
    t.done()
    return item


def _answer(t: Fields, kind: ItemKind) -> AnswerSpec:
    table = t.table("answer")
    assert table is not None
    check = table.enum("check", CheckName, optional=True)
    if check is not None:
        wanted = ItemKind.PROGRAMME if check in PROGRAMME_CHECKS else ItemKind.ACCOUNT
        if kind != wanted:
            raise table.fail(
                "check",
                Text(
                    f"phép kiểm tra '{check}' chỉ dùng cho mục loại '{wanted}'",
                    f"the '{check}' check only applies to {wanted} items",
                ),
            )
    interpreted = INTERPRETED_CHOICES.get(check) if check is not None else None
    choices: list[Choice] = []
    for c in table.tables("choice", optional=True):
        choice_id = c.identifier("id")
        label = c.text("label")
        if interpreted is not None:
            if c.has("status"):
                raise c.fail(
                    "status",
                    Text(
                        f"do phép kiểm tra '{check}' quyết định; hãy xóa trường này",
                        f"is decided by the '{check}' check; remove it",
                    ),
                )
            if choice_id not in interpreted:
                allowed = ", ".join(sorted(interpreted))
                raise c.fail(
                    "id",
                    Text(
                        f"phải là một trong các giá trị {allowed} đối với phép kiểm tra '{check}'",
                        f"must be one of {allowed} for the '{check}' check",
                    ),
                )
            status = None
        else:
            status = c.required_enum("status", Status)
        c.done()
        if any(existing.id == choice_id for existing in choices):
            raise c.fail(
                "id",
                Text(f"mã lựa chọn '{choice_id}' bị trùng", f"duplicate choice id '{choice_id}'"),
            )
        choices.append(Choice(id=choice_id, label=label, status=status))
    if check is None and not choices:
        raise table.fail(
            None,
            Text(
                "cần có phép đo 'check', ít nhất một 'choice', hoặc cả hai",
                "needs a measured 'check', at least one 'choice', or both",
            ),
        )
    table.done()
    return AnswerSpec(check=check, choices=tuple(choices))


def read_platform(t: Fields) -> Platform:
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
            raise entry.fail(
                "method",
                Text(
                    f"'{method}' không bao giờ là yếu tố xác thực thứ hai; hãy bỏ khỏi danh sách",
                    f"'{method}' is never a second factor; do not list it",
                ),
            )
        if any(o.method == method for o in offers):
            twice = field_words.TWICE
            raise entry.fail("method", Text(f"'{method}' {twice.vi}", f"'{method}' {twice.en}"))
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


def read_domains(t: Fields, key: str) -> list[str]:
    return [d.lower() for d in t.string_list(key, optional=True, pattern=DOMAIN) or ()]
