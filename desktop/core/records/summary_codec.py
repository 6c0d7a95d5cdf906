"""summary.json as bytes: the canonical encoding that is signed, and the strict decoding
of what was verified. Apart from `summary`'s builder, whose imports (the assessment, the
changes between declarations) the start screen, which decodes the history, does without.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import msgspec

from desktop.core.base.i18n import Text
from desktop.core.records.summary_refusal import refusal, strict_json
from desktop.core.records.summary_shape import Summary, SummaryError, check_across

__all__ = ["MAX_BYTES", "SummaryError", "decode", "encode", "sha256"]

MAX_BYTES = 1024 * 1024

_DECODER = msgspec.json.Decoder(Summary)
# The form `encode` writes: compact, sorted keys, UTF-8 (not \u escapes), the same escapes.
_CANONICAL = msgspec.json.Encoder(order="sorted")


def encode(summary: Summary | Mapping[str, Any]) -> bytes:
    """Canonical bytes: compact, sorted keys, UTF-8, and never a float. (A table that is
    no Summary is encoded all the same: the tests make hostile summaries so.)"""
    doc = msgspec.to_builtins(summary) if isinstance(summary, Summary) else summary
    _refuse_floats(doc)
    return json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _refuse_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("a summary must not hold floating-point numbers")
    if isinstance(value, Mapping):
        for inner in value.values():
            _refuse_floats(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            _refuse_floats(inner)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> Summary:
    """Parse verified bytes strictly: UTF-8, no duplicate keys, no floats, every field of
    the right type and form (summary_shape.py); errors name the field."""
    if len(data) > MAX_BYTES:
        raise SummaryError(Text("summary.json quá lớn", "summary.json is too large"))
    try:
        summary = _DECODER.decode(data)
    except msgspec.DecodeError as exc:  # a ValidationError too
        raise refusal(data, exc) from None
    # msgspec keeps the last of a key given twice. Bytes that are what `encode` would
    # write have each key once; others (no summary SelfCheck writes) are parsed again.
    if _CANONICAL.encode(summary) != data:
        strict_json(data)
    check_across(summary)
    return summary
