"""summary.json defined once: the Structs decode, build and give the committed schema.

The table below is every rule the hand-written check (summary_shape.check and the fast
path beside it, before issue 15) applied, each broken once in an otherwise complete
summary: the decoder must refuse each, naming the field.
"""

import copy
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.records import summary as summary_json
from desktop.core.records import summary_schema
from desktop.core.records.summary_refusal import strict_json
from tests.signing_helpers import decoded, minimal_summary

ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = "SHA256:" + "A" * 43
DELETE = object()


def _full() -> dict[str, Any]:
    """A summary with every optional table and field given."""
    doc = minimal_summary(FINGERPRINT)
    doc["person"].update(destination="Paris", mission="ĐSQ Pháp", departure_date="2027-01-15")
    doc["accounts"] = [{"id": "fb", "platform": "facebook", "kind": "personal", "handle": "an"}]
    doc["declared_no_accounts"] = False
    doc["findings"] = [
        {
            "item": "acct-two-factor",
            "account": "fb",
            "status": "fail",
            "evidence": "declared",
            "severity": "critical",
            "provisions": ["BNG-4.3"],
        }
    ]
    doc["verdict"] = "action-required"
    doc["prev"] = "a" * 64
    doc["seq"] = 2
    doc["next_due"] = {"programme": "annual", "date": "2026-12-22", "follow_up": True}
    doc["changes"] = {
        "since": {"seq": 1, "issued_at": "2025-11-22T10:00:00Z"},
        "items": [
            {
                "kind": "newly-failing",
                "item": "acct-two-factor",
                "account": "facebook:an",
                "before": "pass",
                "after": "fail",
            }
        ],
    }
    return doc


def _set(doc: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    table: Any = doc
    for name in parents:
        table = table[int(name)] if name.isdigit() else table[name]
    key: Any = int(last) if last.isdigit() else last
    if value is DELETE:
        del table[key]
    else:
        table[key] = value
    return doc


LONG = "x" * 20_001
# (field changed, its new value, what the one-line error must say)
BROKEN = [
    ("format", "selfcheck-other", "not a SelfCheck summary"),
    ("version", 0, "no valid version"),
    ("version", True, "no valid version"),
    ("version", 4, "newer than this app"),
    ("policy", DELETE, "field 'policy': is missing"),
    ("policy.signed", 1, "field 'policy.signed': must be true or false"),
    ("policy.digest", "0" * 63, "field 'policy.digest': has an invalid form"),
    ("policy.pack", None, "field 'policy': a signed policy must name pack"),
    ("policy.pack", "../x", "field 'policy.pack': has an invalid form"),
    ("policy.version", 0, "field 'policy.version': must be between 1"),
    ("policy.expires", "2026-02-30", "field 'policy.expires': is not a real date"),
    ("policy.extra", 1, "field 'policy.extra': is not a known field"),
    ("app_version", " ", "field 'app_version': must not be empty"),
    ("app_version", "1" * 101, "field 'app_version': is longer than 100 characters"),
    ("programme", "refresher", "field 'programme': must be one of onboarding, annual, pre"),
    ("language", "fr", "field 'language': must be one of"),
    ("checklists", [], "field 'checklists': must not be empty"),
    ("checklists", {}, "field 'checklists': must be a list of tables, got a table"),
    ("checklists.0.sha256", "A" * 64, "field 'checklists[0].sha256': has an invalid form"),
    ("checklists.0.sha256", "0" * 64 + "\n", "field 'checklists[0].sha256': has an invalid"),
    ("checklists.0.id", 1, "field 'checklists[0].id': must be text, got a number"),
    ("checklists.0.path", LONG, "field 'checklists[0].path': is longer than 20000 characters"),
    ("checklists.0.extra", "", "field 'checklists[0].extra': is not a known field"),
    ("checklists.0.version", DELETE, "field 'checklists[0].version': is missing"),
    ("person", None, "field 'person': is missing"),
    ("person", "Lê", "field 'person': must be a table, got text"),
    ("person.full_name", " \t\u3000", "field 'person.full_name': must not be empty"),
    ("person.full_name", None, "field 'person.full_name': is missing"),
    ("person.staff_id", "../x", "field 'person.staff_id': has an invalid form"),
    ("person.staff_id", "X1\n", "field 'person.staff_id': has an invalid form"),
    ("person.unit", ["a"], "field 'person.unit': must be text, got a list"),
    ("person.position", DELETE, "field 'person.position': is missing"),
    ("person.category", "king", "field 'person.category': must be one of official"),
    ("person.profile", "BNG", "field 'person.profile': has an invalid form"),
    ("person.profile", DELETE, "field 'person.profile': is missing"),
    ("person.destination", 5, "field 'person.destination': must be text, got a number"),
    ("person.mission", LONG, "field 'person.mission': is longer than 20000 characters"),
    ("person.departure_date", "2027-1-15", "field 'person.departure_date': has an invalid"),
    ("person.departure_date", "2027-02-30", "field 'person.departure_date': is not a real date"),
    ("person.birth_year", 1978, "field 'person.birth_year': is not a known field"),
    ("declared_no_accounts", "no", "field 'declared_no_accounts': must be true or false"),
    ("declared_no_accounts", DELETE, "field 'declared_no_accounts': is missing"),
    ("accounts", "fb", "field 'accounts': must be a list of tables, got text"),
    ("accounts.0", "fb", "field 'accounts[0]': must be a table, got text"),
    ("accounts.0.kind", "bot", "field 'accounts[0].kind': must be one of personal, official_"),
    ("accounts.0.handle", LONG, "field 'accounts[0].handle': is longer than 20000 characters"),
    ("accounts.0.password", "x", "field 'accounts[0].password': is not a known field"),
    ("accounts.0.platform", DELETE, "field 'accounts[0].platform': is missing"),
    ("findings.0.item", None, "field 'findings[0].item': is missing"),
    ("findings.0.item", "\ud800", "field 'findings[0].item': is not valid Unicode text"),
    ("findings.0.account", DELETE, "field 'findings[0].account': is missing"),
    ("findings.0.account", 7, "field 'findings[0].account': must be text, got a number"),
    ("findings.0.status", "ok", "field 'findings[0].status': must be one of pass, fail, part"),
    ("findings.0.status", 1, "field 'findings[0].status': must be text, got a number"),
    ("findings.0.evidence", "guess", "field 'findings[0].evidence': must be one of measured"),
    ("findings.0.severity", "none", "field 'findings[0].severity': must be one of critical"),
    ("findings.0.provisions", [], "field 'findings[0].provisions': must not be empty"),
    ("findings.0.provisions", [" "], "field 'findings[0].provisions[0]': must not be empty"),
    ("findings.0.provisions", [5], "field 'findings[0].provisions[0]': must be text"),
    ("findings.0.provisions", ["a"] * 1001, "'findings[0].provisions': has more than 1000"),
    ("findings", [{}] * 20_001, "field 'findings': has more than 20000 entries"),
    ("verdict", "fine", "field 'verdict': must be one of compliant, action-required"),
    ("issued_at", "2026-11-22 10:00:00Z", "field 'issued_at': has an invalid form"),
    ("issued_at", "2026-11-22T10:00:00Z\n", "field 'issued_at': has an invalid form"),
    ("issued_at", "2026-02-30T10:00:00Z", "field 'issued_at': is not a real time"),
    ("issued_at", "2026-11-22T25:00:00Z", "field 'issued_at': is not a real time"),
    ("seq", 0, "field 'seq': must be between 1 and 9007199254740992 (got '0')"),
    ("seq", True, "field 'seq': must be a whole number, got true/false"),
    ("seq", "1", "field 'seq': must be a whole number, got text"),
    ("seq", 2**53 + 1, "field 'seq': must be between 1 and 9007199254740992"),
    ("seq", 10**30, "field 'seq': must be between 1 and 9007199254740992"),
    ("seq", 1_000_001, "field 'seq': must be from 1 to 1000000"),
    ("prev", DELETE, "field 'prev': is missing"),
    ("prev", "abc", "field 'prev': has an invalid form"),
    ("signer", {}, "field 'signer.fingerprint': is missing"),
    ("signer.fingerprint", "SHA256:short", "field 'signer.fingerprint': has an invalid form"),
    ("signer.key", "x", "field 'signer.key': is not a known field"),
    ("next_due", [], "field 'next_due': must be a table, got a list"),
    ("next_due.programme", "x", "field 'next_due.programme': must be one of onboarding"),
    ("next_due.date", "2026-13-01", "field 'next_due.date': is not a real date"),
    ("next_due.follow_up", "yes", "field 'next_due.follow_up': must be true or false"),
    ("next_due.follow_up", DELETE, "field 'next_due.follow_up': is missing"),
    ("changes.since", None, "field 'changes.since': is missing"),
    ("changes.since.seq", 0, "field 'changes.since.seq': must be between 1 and"),
    ("changes.since.issued_at", "yesterday", "field 'changes.since.issued_at': has an inval"),
    ("changes.items.0.kind", "moved", "field 'changes.items[0].kind': must be one of fixed"),
    ("changes.items.0.before", DELETE, "field 'changes.items[0].before': is missing"),
    ("changes.items.0.after", 1, "field 'changes.items[0].after': must be text, got a number"),
    ("changes.extra", 1, "field 'changes.extra': is not a known field"),
    ("zz", 1, "field 'zz': is not a known field"),
]


def test_the_full_summary_of_the_table_decodes_as_itself() -> None:
    doc = _full()
    assert msgspec.to_builtins(decoded(doc)) == doc


@pytest.mark.parametrize(("path", "value", "words"), BROKEN, ids=[c[0] for c in BROKEN])
def test_every_rule_of_the_old_check_still_refuses_naming_the_field(
    path: str, value: object, words: str
) -> None:
    data = json.dumps(_set(_full(), path, value)).encode()  # "\ud800" escaped, as JSON may
    with pytest.raises(summary_json.SummaryError) as caught:
        summary_json.decode(data)
    message = str(caught.value)
    assert words in message
    assert len(message.splitlines()) == 1


def test_a_version_1_summary_has_neither_profile_nor_the_declaration_of_none() -> None:
    old = _set(
        _set(_set(_full(), "version", 1), "person.profile", DELETE), "declared_no_accounts", DELETE
    )
    old = _set(old, "policy", DELETE)
    assert decoded(old).version == 1
    for path, value in (("person.profile", "bng"), ("declared_no_accounts", True)):
        with pytest.raises(summary_json.SummaryError, match=f"field '{path}': is not a known"):
            decoded(_set(old, path, value))


def test_a_version_2_summary_is_still_read_and_has_no_policy() -> None:
    old = _set(_set(_full(), "version", 2), "policy", DELETE)
    assert decoded(old).policy is msgspec.UNSET
    with pytest.raises(summary_json.SummaryError, match="field 'policy': is not a known"):
        decoded(_set(old, "policy", _full()["policy"]))


def _raw(doc: dict[str, Any]) -> str:
    return summary_json.encode(doc).decode()


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda t: t.replace('"seq":2', '"seq":2,"seq":2'), "duplicate key 'seq'"),
        (lambda t: t.replace('"item":"acct-two-factor"', '"item":"a","item":"b"'), "'item'"),
        (lambda t: t.replace('"since":{', '"since":{"seq":1,'), "duplicate key 'seq'"),
        (lambda t: t.replace('"seq":2', '"seq":2.0'), "floating-point"),
        (lambda t: t.replace('"seq":2', '"seq":2e0'), "floating-point"),
        (lambda t: t.replace('"seq":2', '"seq":NaN'), "NaN is not allowed"),
        (lambda t: t.replace('"seq":2', '"seq":Infinity'), "Infinity is not allowed"),
        (lambda t: t.replace('"Paris"', '"Par\x01is"'), "not valid JSON"),
        (lambda t: t[:-1], "not valid JSON"),
        (lambda t: "[" + t + "]", "not a SelfCheck summary"),
    ],
)
def test_what_is_not_plain_json_is_refused_as_before(edit: Any, words: str) -> None:
    with pytest.raises(summary_json.SummaryError, match=words):
        summary_json.decode(edit(_raw(_full())).encode())


def test_a_summary_not_in_canonical_form_still_decodes_and_its_duplicates_are_found() -> None:
    doc = _full()
    spaced = json.dumps(doc, indent=1, ensure_ascii=False)
    assert msgspec.to_builtins(summary_json.decode(spaced.encode())) == doc
    twice = spaced.replace('"seq": 2', '"seq": 2, "seq": 2', 1)
    with pytest.raises(summary_json.SummaryError, match="duplicate key 'seq'"):
        summary_json.decode(twice.encode())


def test_build_and_encode_write_what_the_decoder_reads_back_as_is() -> None:
    doc = decoded(_full())
    assert summary_json.decode(summary_json.encode(doc)) == doc
    assert summary_json.encode(doc) == summary_json.encode(msgspec.to_builtins(doc))


_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(_TEXT, min_size=6, max_size=6),
    twice=st.sampled_from(["", "item", "seq", "handle", "follow_up", "date"]),
)
def test_the_canonical_shortcut_never_lets_a_duplicate_key_through(
    texts: list[str], twice: str
) -> None:
    """Bytes in the form `encode` writes skip the strict parse: any other text, a key given
    twice above all, is parsed again. Any text encodes the same with both encoders."""
    doc = _full()
    doc["person"]["unit"], doc["person"]["mission"] = texts[0], texts[1]
    doc["accounts"][0]["handle"], doc["findings"][0]["item"] = texts[2], texts[3]
    doc["checklists"][0]["path"], doc["changes"]["items"][0]["before"] = texts[4], texts[5]
    raw = summary_json.encode(doc)
    assert summary_json.decode(raw) == summary_json.decode(json.dumps(doc, indent=2).encode())
    assert msgspec.json.encode(summary_json.decode(raw), order="sorted") == raw
    if twice:
        first = {"item": '"a"', "seq": "1", "handle": '""', "follow_up": "true", "date": '"x"'}
        key = f'"{twice}":'
        doubled = raw.decode().replace(key, key + first[twice] + "," + key, 1)
        with pytest.raises(summary_json.SummaryError, match=f"duplicate key '{twice}'"):
            summary_json.decode(doubled.encode())
        with pytest.raises(summary_json.SummaryError):
            strict_json(doubled.encode())


def test_the_committed_schema_is_the_one_the_structs_give() -> None:
    committed = (ROOT / "docs" / "summary.schema.json").read_text("utf-8")
    assert committed == summary_schema.text(), "run: python scripts/summary_schema.py"
