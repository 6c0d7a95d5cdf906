"""docs/summary.schema.json, generated from the Structs of summary_shape.py.

`scripts/summary_schema.py` writes it; a test fails when the committed file differs.
"""

import json
from typing import Any

import msgspec

from desktop.core.records.summary_shape import Summary

SCHEMA_ID = "https://selfcheck.invalid/schema/summary-v1.json"
TITLE = "SelfCheck signed compliance summary (summary.json), versions 1 to 3"


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a summary: msgspec's, with what it cannot say added.

    msgspec gives `{"$ref": Summary, "$defs": ...}`; the Summary table becomes the root, and
    the root says which fields each version has (summary_shape.check_across checks it)."""
    definitions = msgspec.json.schema(Summary)["$defs"]
    for definition in definitions.values():  # docstrings, as one line each
        if "description" in definition:
            definition["description"] = " ".join(definition["description"].split())
    root = definitions.pop("Summary")
    del root["title"]
    version_2 = {"properties": {"version": {"enum": [2, 3]}}}
    version_3 = {"properties": {"version": {"const": 3}}}
    policy = {"required": ["policy"]}
    added = {
        "required": ["declared_no_accounts"],
        "properties": {"person": {"required": ["profile"]}},
    }
    either_added = {
        "anyOf": [
            {"required": ["declared_no_accounts"]},
            {"properties": {"person": {"required": ["profile"]}}},
        ]
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": TITLE,
        **root,
        "allOf": [
            {"if": version_2, "then": added, "else": {"not": either_added}},
            {"if": version_3, "then": policy, "else": {"not": policy}},
        ],
        "$defs": definitions,
    }


def text() -> str:
    """The schema as docs/summary.schema.json holds it."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
