"""The Vietnamese of an error keeps what its English tells that is not English: where a
parser stopped (line and column, byte), a field's path, an error's code or kind. A
library's English sentence stays out of it (the windows log the English).

`str(error)` stays the English the command line, the logs and the CSV show.
"""

import errno
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import keyring.errors
import msgspec
import pytest

from desktop.core.assessment.answers_json import parse_json
from desktop.core.base import os_reasons, reading
from desktop.core.base.errors import AnswersError, PolicyError, said
from desktop.core.base.i18n import Text
from desktop.core.base.toml_text import parse_toml
from desktop.core.records.history_errors import unusable
from desktop.core.records.summary_refusal import refusal, strict_json
from desktop.core.records.summary_shape import FORMAT, SummaryError
from desktop.core.review.roster import RosterError, load_accepted, new_roster
from desktop.core.signing.keys import KeyStore, KeyStoreError
from desktop.core.signing.pack_archive import read_pack_zip
from desktop.core.signing.pack_manifest import PackError
from tests.signing_helpers import MemoryKeyring
from tests.test_bilingual_errors import english_in


def _vi(error: BaseException) -> str:
    text = said(error)
    assert text is not None, str(error)
    assert not english_in(text.vi), text.vi
    return text.vi


def test_invalid_toml_says_where_in_vietnamese_too() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_toml(b"a = 1\nb = [1,,]\n", "x.toml", PolicyError, 1000)
    assert "(at line 2, column 8)" in str(caught.value)  # tomllib's English, kept
    assert _vi(caught.value) == "x.toml: không phải TOML hợp lệ (dòng 2, cột 8)"


def test_invalid_json_says_where_in_vietnamese_too(tmp_path: Path) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_json(b'{\n  "a": }', "answers.json")
    assert str(caught.value).startswith("answers.json: is not valid JSON: Expecting value")
    assert _vi(caught.value) == "answers.json: không phải JSON hợp lệ (dòng 2, cột 8)"
    with pytest.raises(SummaryError) as caught:
        strict_json(b'{"format": [1 2]}')
    assert _vi(caught.value) == "summary.json không phải JSON hợp lệ (dòng 1, cột 15)"
    roster = new_roster(tmp_path / "roster.toml")
    roster.accepted_path.write_text('{"BNG-1": \n\n  {"seq": }}')
    with pytest.raises(RosterError) as caught:
        load_accepted(roster)
    assert "cannot be read (Expecting value: line 3 column 11" in str(caught.value)
    assert _vi(caught.value).endswith("không đọc được (không phải JSON hợp lệ (dòng 3, cột 11))")


def test_msgspecs_byte_and_field_path_are_told_in_vietnamese_too() -> None:
    ok = json.dumps({"format": FORMAT, "version": 1}).encode()
    error = refusal(ok, msgspec.DecodeError("JSON is malformed: invalid character (byte 12)"))
    assert _vi(error) == "summary.json không phải JSON hợp lệ (byte 12)"
    odd = msgspec.ValidationError("Expected `int`, got `str` - at `$.person.nosuch`")
    error = refusal(ok, odd)  # a path no field of the summary has: told as msgspec words it
    assert str(error) == "summary.json: Expected `int`, got `str` - at `$.person.nosuch`"
    assert _vi(error) == "summary.json có trường sai kiểu hoặc sai dạng (tại `$.person.nosuch`)"


def test_a_history_error_of_no_known_code_claims_no_cause_it_does_not_know() -> None:
    told = unusable(sqlite3.OperationalError("something odd"))
    assert told.en == "the history database cannot be used now (something odd)"
    assert told.vi == "hiện không dùng được cơ sở dữ liệu lịch sử: SQLite báo lỗi"
    with sqlite3.connect(":memory:") as db, pytest.raises(sqlite3.OperationalError) as caught:
        db.execute("SELECT * FROM no_such_table")  # SQLITE_ERROR: not a busy database
    told = unusable(caught.value)
    assert "chương trình khác giữ" not in told.vi and "(SQLITE_ERROR)" in told.vi


def test_a_failing_keychain_is_named_by_its_kind_in_vietnamese_too(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    KeyStore(tmp_path, backend).create()

    def fail(service: str, username: str) -> str | None:
        raise keyring.errors.InitError("the D-Bus session is gone")

    backend.get_password = fail  # type: ignore[method-assign]
    with pytest.raises(KeyStoreError) as caught:
        KeyStore(tmp_path, backend).load()
    assert str(caught.value) == "the keychain failed: the D-Bus session is gone"
    assert _vi(caught.value) == "kho khóa báo lỗi (InitError)"


def _zip(path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pack.json", "{}" * 100)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_a_damaged_pack_zip_says_how_in_vietnamese_too(tmp_path: Path) -> None:
    path = tmp_path / "p.zip"
    data = _zip(path)
    path.write_bytes(data.replace(b"PK\x01\x02", b"PK\x01\x03", 1))
    with pytest.raises(PackError) as caught:
        read_pack_zip(path)
    assert str(caught.value).endswith("not a zip (Bad magic number for central directory)")
    assert _vi(caught.value) == f"{path}: không phải tệp zip hợp lệ (tệp zip bị hỏng)"
    path.write_bytes(b"PK not a zip")
    with pytest.raises(PackError) as caught:
        read_pack_zip(path)
    assert _vi(caught.value) == f"{path}: không phải tệp zip hợp lệ"


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.EACCES, "Permission denied", "/x/a"),
        reading.TooLargeError(errno.EFBIG, Text("lớn hơn 9 byte", "is larger than 9 bytes"), "f"),
        OSError("no number, only words"),
    ],
    ids=["system", "own", "words"],
)
def test_cannot_be_read_is_worded_as_the_readers_worded_it(error: OSError) -> None:
    """os_reasons.unreadable replaced two forms; the English is theirs, byte for byte."""
    told = os_reasons.unreadable(error)
    assert told.en == f"cannot be read ({error.strerror or error})"
    assert told.vi == f"không đọc được ({os_reasons.reason(error).vi})"


def test_a_toml_or_json_key_is_called_a_field_not_a_signing_key() -> None:
    """In this app "khóa" is the signing key (docs/glossary.md): a file's key is a "trường"."""
    with pytest.raises(PolicyError) as caught:
        parse_toml(b"a" + b".a" * 65 + b" = 1\n", "x.toml", PolicyError, 10_000)
    assert "khóa" not in _vi(caught.value)
    with pytest.raises(PolicyError) as caught:
        parse_toml(b"a.a = 1\n" * 4100, "x.toml", PolicyError, 100_000)
    assert "khóa" not in _vi(caught.value)
    with pytest.raises(SummaryError) as caught:
        strict_json(b'{"a": 1, "a": 2}')
    assert str(caught.value) == "duplicate key 'a'"
    assert "khóa" not in _vi(caught.value)
