"""A `Policy` as plain JSON data and back, for the policy cache (desktop.core.policy.cache).

Every container is a list whose first element says what it is, so nothing in the data can
pass for something else: ["d", class, [fields…]] a model object, ["e", enum, value] an
enumeration member, ["t", […]] a tuple, ["f", […]] a frozenset, ["m", [[key, value]…]] a
mapping. Strings, integers, booleans and null stand for themselves. Decoding builds only the
model's own classes and enumerations, and refuses anything else as `PlainDataError`.
"""

from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from desktop.core.base.i18n import Steps, Text
from desktop.core.policy import model
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.checks import CheckName
from desktop.core.policy.twofactor import TwoFactorMethod

_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        model.AnswerSpec,
        model.ChecklistFile,
        model.Choice,
        model.DueRule,
        model.Group,
        model.Item,
        model.OfficialDomains,
        model.Platform,
        model.Policy,
        model.Profile,
        model.Programme,
        model.Provision,
        model.Source,
        model.TwoFactorOffer,
        Steps,
        Text,
    )
}
_ENUMS: dict[str, type[Enum]] = {
    cls.__name__: cls
    for cls in (
        AccountKind,
        Category,
        CheckName,
        model.DueKind,
        model.GuideTopic,
        model.ItemKind,
        model.ProvisionKind,
        model.Severity,
        model.Status,
        model.TwoFactorRole,
        TwoFactorMethod,
    )
}
_FIELDS = {name: tuple(f.name for f in fields(cls)) for name, cls in _CLASSES.items()}
_MEMBERS = {name: {member.value: member for member in cls} for name, cls in _ENUMS.items()}
_SCALARS = (str, int, bool, type(None))


class PlainDataError(ValueError):
    """The data is not a policy this version of SelfCheck wrote."""


def to_plain(policy: model.Policy) -> Any:
    """`policy` as JSON-ready lists, strings, numbers and booleans."""
    return _encode(policy)


def from_plain(data: Any) -> model.Policy:
    """The policy `to_plain` made; PlainDataError for anything else."""
    try:
        policy = _decode(data)
    except PlainDataError:
        raise
    except (TypeError, ValueError, KeyError, IndexError, RecursionError) as exc:
        raise PlainDataError(f"not a policy: {type(exc).__name__}") from None
    if not isinstance(policy, model.Policy):
        raise PlainDataError("not a policy")
    if policy.origin is not None:  # found by verifying the pack, never kept with it
        raise PlainDataError("a kept policy carries no origin")
    return policy


def _encode(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Enum):
        name = type(value).__name__
        if _ENUMS.get(name) is not type(value):
            raise PlainDataError(f"no plain form for {name}")
        return ["e", name, value.value]
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _CLASSES.get(name) is not type(value):
            raise PlainDataError(f"no plain form for {name}")
        return ["d", name, [_encode(getattr(value, f)) for f in _FIELDS[name]]]
    if type(value) is tuple:
        return ["t", [_encode(v) for v in value]]
    if type(value) is frozenset:
        return ["f", [_encode(v) for v in value]]
    if type(value) is dict:
        return ["m", [[_encode(k), _encode(v)] for k, v in value.items()]]
    raise PlainDataError(f"no plain form for {type(value).__name__}")


def _decode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind in _SCALARS:
        return value
    if kind is not list or not value:
        raise PlainDataError(f"unexpected {kind.__name__}")
    tag = value[0]
    if tag == "d" and len(value) == 3:
        cls, names, values = _CLASSES[value[1]], _FIELDS[value[1]], value[2]
        if type(values) is not list or len(values) != len(names):
            raise PlainDataError(f"{value[1]}: wrong number of fields")
        return cls(*[v if type(v) is str else _decode(v) for v in values])
    if tag == "e" and len(value) == 3:
        return _MEMBERS[value[1]][value[2]]
    if len(value) != 2 or type(value[1]) is not list:
        raise PlainDataError(f"malformed {tag!r}")
    if tag == "t":
        return tuple([v if type(v) is str else _decode(v) for v in value[1]])
    if tag == "f":
        return frozenset([v if type(v) is str else _decode(v) for v in value[1]])
    if tag == "m":
        return {_decode(k): _decode(v) for k, v in value[1]}
    raise PlainDataError(f"unknown tag {tag!r}")
