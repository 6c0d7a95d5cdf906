"""The policy cache: used only for the very checklist bytes it was made from, and ignored
whenever it is damaged, foreign or altered (the app then parses, as without a cache)."""

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop.core.policy.cache import FILE, cached_policy, entry_key, store_policy
from desktop.core.policy.files import read_checklists
from desktop.core.policy.loader import policy_from
from desktop.core.policy.model import Policy
from desktop.core.policy.plain import PlainDataError, from_plain, to_plain
from tests.conftest import CHECKLISTS


def same(a: Any, b: Any, where: str = "policy") -> None:
    """Equal, of the same types, and mappings in the same order (the wizard's order)."""
    assert type(a) is type(b), where
    if isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, tuple):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{index}]")
    elif hasattr(a, "__dataclass_fields__"):
        for name in a.__dataclass_fields__:
            same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    else:
        assert a == b, where


def test_plain_data_gives_back_the_same_policy(policy: Policy) -> None:
    data = json.loads(json.dumps(to_plain(policy)))
    same(from_plain(data), policy)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "policy",
        [],
        ["d", "Policy"],
        ["d", "Policy", []],  # too few fields
        ["d", "Popen", ["ls"]],  # only the model's own classes
        ["e", "Severity", "catastrophic"],
        ["x", []],
        {"d": "Policy"},
        ["t", [1.5]],  # no floats in a policy
        ["d", "Text", ["vi", "en"]],  # a model object, but not a policy
    ],
)
def test_plain_data_that_is_not_a_policy_is_refused(data: Any) -> None:
    with pytest.raises(PlainDataError):
        from_plain(data)


def test_a_stored_policy_is_used_for_the_same_checklists(tmp_path: Path) -> None:
    checklists = read_checklists(CHECKLISTS)
    fresh = policy_from(checklists)
    store_policy(checklists, fresh, tmp_path / "cache")
    cached = cached_policy(read_checklists(CHECKLISTS), tmp_path / "cache")
    assert cached is not None
    same(cached, fresh)
    folder, entry = tmp_path / "cache", tmp_path / "cache" / FILE
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_a_changed_checklist_is_parsed_not_taken_from_the_cache(
    checklist_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    before = read_checklists(checklist_copy)
    store_policy(before, policy_from(before), cache)
    path = checklist_copy / "programmes.toml"
    path.write_bytes(path.read_bytes() + b"\n# one more line\n")
    after = read_checklists(checklist_copy)
    assert entry_key(after) != entry_key(before)
    assert cached_policy(after, cache) is None
    renamed = checklist_copy / "programmes-2026.toml"
    path.rename(renamed)  # the same bytes under another name: another policy file path
    assert entry_key(read_checklists(checklist_copy)) != entry_key(after)


def _entry(cache: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((cache / FILE).read_bytes())
    return doc


def _rewrite(cache: Path, doc: object) -> None:
    (cache / FILE).write_text(json.dumps(doc), "utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        lambda cache: (cache / FILE).write_bytes(b"\x00garbage{"),
        lambda cache: (cache / FILE).write_bytes(b""),
        lambda cache: (cache / FILE).write_bytes((cache / FILE).read_bytes()[:1000]),
        lambda cache: _rewrite(cache, [1, 2, 3]),
        lambda cache: _rewrite(cache, {**_entry(cache), "version": 0}),
        lambda cache: _rewrite(cache, {**_entry(cache), "key": "0" * 64}),
        lambda cache: _rewrite(cache, {**_entry(cache), "policy": ["d", "Policy", []]}),
        lambda cache: (cache / FILE).unlink(),
    ],
    ids=[
        "garbage",
        "empty",
        "truncated",
        "not-an-entry",
        "old-version",
        "other-key",
        "bad-data",
        "missing",
    ],
)
def test_a_damaged_cache_is_ignored(tmp_path: Path, damage: Any) -> None:
    checklists = read_checklists(CHECKLISTS)
    store_policy(checklists, policy_from(checklists), tmp_path / "cache")
    damage(tmp_path / "cache")
    assert cached_policy(checklists, tmp_path / "cache") is None


def test_a_linked_cache_file_is_not_followed(tmp_path: Path) -> None:
    checklists = read_checklists(CHECKLISTS)
    elsewhere = tmp_path / "elsewhere"
    store_policy(checklists, policy_from(checklists), elsewhere)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / FILE).symlink_to(elsewhere / FILE)
    assert cached_policy(checklists, tmp_path / "cache") is None


def tamper(cache: Path) -> None:
    """Edit a well-formed entry as someone with access to the user's files could: the key
    still names the real checklists, the policy it holds is another."""
    doc = _entry(cache)
    text = json.dumps(doc["policy"], ensure_ascii=False)
    assert text.count('"critical"') > 1
    doc["policy"] = json.loads(text.replace('"critical"', '"low"'))  # every item made harmless
    _rewrite(cache, doc)


def test_a_tampered_entry_is_still_read_as_a_policy(tmp_path: Path, policy: Policy) -> None:
    """Why the app checks it (tests/test_startup.py): the cache alone cannot tell."""
    checklists = read_checklists(CHECKLISTS)
    store_policy(checklists, policy, tmp_path / "cache")
    tamper(tmp_path / "cache")
    cached = cached_policy(checklists, tmp_path / "cache")
    assert cached is not None and cached != policy


def test_an_entry_claiming_an_origin_is_ignored(tmp_path: Path) -> None:
    """Whether the checklists are a signed pack is found by verifying them once the start
    screen is ready (gui.policy_check), never read from the cache: an entry that says
    anything of it is not one SelfCheck wrote."""
    checklists = read_checklists(CHECKLISTS)
    store_policy(checklists, policy_from(checklists), tmp_path / "cache")
    doc = _entry(tmp_path / "cache")
    assert doc["policy"][0:2] == ["d", "Policy"] and doc["policy"][2][-1] is None
    doc["policy"][2][-1] = "signed by the agency"
    _rewrite(tmp_path / "cache", doc)
    assert cached_policy(checklists, tmp_path / "cache") is None
