"""The corpus of malformed and hostile inputs that tests/test_hostile.py feeds the CLI.

Each case makes one bad input in a scratch folder and names the words its one-line error
must contain: the file and, where there is one, the field. Checklist cases change one file
of a copy of checklists/; bundle cases start from a valid signed bundle (or a zip of one)
and break one thing. A signed case is signed for real, so it reaches the parser that
runs after the signature, where a signer with bad intent would aim.
"""

import io
import os
import shutil
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.records import bundle
from desktop.core.records import summary as summary_json
from desktop.core.signing.sshsig import PublicKey, sign
from tests.conftest import CHECKLISTS
from tests.signing_helpers import minimal_summary, signed_bundle, write_folder

MiB = 1024 * 1024
META = '[meta]\nid = "hostile"\nversion = "1"\n'
ACCOUNTS = "items/accounts.toml"


# -- checklists -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistCase:
    name: str
    make: Callable[[Path], Path]  # given a copy of checklists/, returns the file it broke
    words: tuple[str, ...]  # what the error must say besides the file's path


def _new(content: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.toml"
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return make


def _edit(relative: str, old: str, new: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / relative
        text = path.read_text("utf-8")
        assert old in text, f"{relative} no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), "utf-8")
        return path

    return make


def _link(target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.toml"
        path.symlink_to(target)
        return path

    return make


def _fifo(folder: Path) -> Path:
    path = folder / "hostile.toml"
    os.mkfifo(path)
    return path


def _linked_items(folder: Path) -> Path:
    """items/ moved out and linked back: rglob would skip it, leaving a policy of nothing."""
    items = folder / "items"
    items.rename(folder.parent / "items-elsewhere")
    items.symlink_to(folder.parent / "items-elsewhere")
    return items


def _folder_named_toml(folder: Path) -> Path:
    path = folder / "hostile.toml"
    path.mkdir()
    return path


def _many_items(count: int) -> str:
    item = '[[item]]\nid = "x"\n'
    return META + item * count


CHECKLIST_CASES = [
    ChecklistCase("empty file", _new(""), ("field 'meta'", "is missing")),
    ChecklistCase("not UTF-8", _new(b'[meta]\nid = "\xff\xfe"\n'), ("is not UTF-8",)),
    ChecklistCase("UTF-16 with BOM", _new(META.encode("utf-16")), ("is not UTF-8",)),
    ChecklistCase("NUL byte", _new(b'[meta]\nid = "a\x00b"\n'), ("is not valid TOML",)),
    ChecklistCase("3 MiB file", _new("#" * (3 * MiB)), ("is larger than",)),
    ChecklistCase(
        "30,000-character version",
        _new(f'[meta]\nid = "hostile"\nversion = "{"9" * 30_000}"\n'),
        ("field 'meta.version'", "is longer than 40 characters"),
    ),
    ChecklistCase(
        "60,000-character original text",
        _edit("provisions.toml", 'original = "', 'original = "' + "Đ" * 60_000),
        ("field 'original'", "is longer than 20000 characters"),
    ),
    ChecklistCase(
        "100,000-character key",
        _new(META + "k" * 100_000 + " = 1\n"),
        ("field 'meta.kkkkkk", "kkk…kkk", "is not a known field"),
    ),
    ChecklistCase(
        "arrays nested 50,000 deep",
        _new("x = " + "[" * 50_000 + "]" * 50_000 + "\n"),
        ("nested too deeply",),
    ),
    ChecklistCase(
        "inline tables nested 20,000 deep",
        _new("x = " + "{a = " * 20_000 + "1" + "}" * 20_000 + "\n"),
        ("nested too deeply",),
    ),
    ChecklistCase(
        "dotted key 60 deep",
        _new(META + ".".join(["a"] * 61) + " = 1\n"),
        ("field 'meta.a'", "is not a known field"),
    ),
    ChecklistCase(
        "dotted key 20,000 deep",
        _new(META + ".".join(["a"] * 20_000) + " = 1\n"),
        ("line 4: a key more than 64 deep",),
    ),
    ChecklistCase(
        "1,000-deep header over 1,000-deep keys",
        _new("[" + ".".join(["h"] * 1_001) + "]\n" + (".".join(["a"] * 1_001) + " = 1\n") * 500),
        ("line 1: a key more than 64 deep",),
    ),
    ChecklistCase(
        "5,000 shallow dotted keys",
        _new(META + "".join(f"a{n}.b = 1\n" for n in range(5_000))),
        ("more than 4096 dotted keys",),
    ),
    ChecklistCase("duplicate key", _new(META + 'id = "again"\n'), ("is not valid TOML",)),
    ChecklistCase("duplicate table", _new(META + "[meta]\n"), ("is not valid TOML",)),
    ChecklistCase("meta is a number", _new("meta = 5\n"), ("field 'meta'", "must be a table")),
    ChecklistCase(
        "file id climbing folders",
        _new('[meta]\nid = "../../etc/passwd"\nversion = "1"\n'),
        ("field 'meta.id'", "has an invalid form"),
    ),
    ChecklistCase(
        "file id taken",
        # Read in name order, items/accounts.toml comes second and is the one named first.
        lambda folder: (
            _new('[meta]\nid = "items-accounts"\nversion = "1"\n')(folder).parent / ACCOUNTS
        ),
        ("field 'meta.id'", "duplicate checklist file id 'items-accounts'", "hostile.toml"),
    ),
    ChecklistCase(
        "items that are numbers",
        _new("item = [1, 2]\n" + META),
        ("field 'item[0]'", "must be a table"),
    ),
    ChecklistCase(
        "2,000 items",
        _new(_many_items(2_000)),
        ("field 'item'", "has more than 1000 entries"),
    ),
    ChecklistCase(
        "2,000 provisions cited",
        _edit(ACCOUNTS, 'provisions = ["QN-II.1.b"]', "provisions = [" + '"QN-I", ' * 2000 + "]"),
        ("field 'provisions'", "has more than 1000 entries"),
    ),
    ChecklistCase(
        "unknown top-level table", _new(META + "[surprise]\n"), ("field 'surprise'", "not a known")
    ),
    ChecklistCase(
        "escaped lone surrogate", _new(META + 'title = "\\ud800"\n'), ("is not valid TOML",)
    ),
    ChecklistCase(
        "version is a date",
        _new('[meta]\nid = "hostile"\nversion = 2026-01-01\n'),
        ("field 'meta.version'", "must be text"),
    ),
    ChecklistCase(
        "months is true",
        _edit("programmes.toml", "months = 12", "months = true"),
        ("field 'due.months'", "must be a whole number, got true/false"),
    ),
    ChecklistCase(
        "months beyond 64 bits",
        _edit("programmes.toml", "months = 12", "months = 99999999999999999999999999"),
        ("field 'due.months'", "must be between"),
    ),
    ChecklistCase(
        "days as a float",
        _edit("programmes.toml", "follow_up_days = 30", "follow_up_days = 1e308"),
        ("field 'due.follow_up_days'", "must be a whole number"),
    ),
    ChecklistCase(
        "days as nan",
        _edit("programmes.toml", "follow_up_days = 30", "follow_up_days = nan"),
        ("field 'due.follow_up_days'", "must be a whole number"),
    ),
    ChecklistCase(
        "unknown provision kind",
        _edit("provisions.toml", 'kind = "context"', 'kind = "law"'),
        ("field 'kind'", "must be one of"),
    ),
    ChecklistCase(
        "unknown provision cited",
        _edit(ACCOUNTS, 'provisions = ["QN-II.1.b"]', 'provisions = ["QN-X.9"]'),
        ("item 'acct-real-name'", "field 'provisions[0]'", "unknown provision id"),
    ),
    ChecklistCase(
        "title missing",
        _edit(
            ACCOUNTS,
            'title = { vi = "Tên hiển thị là họ tên thật", '
            'en = "Display name is your real name" }\n',
            "",
        ),
        ("item 'acct-real-name'", "field 'title'", "is missing"),
    ),
    ChecklistCase(
        "unknown two-factor method",
        _edit("platforms.toml", 'method = "passkey"', 'method = "carrier_pigeon"'),
        ("field 'two_factor_method[3].method'", "must be one of"),
    ),
    ChecklistCase(
        "domain climbing folders",
        _edit("domains.toml", 'suffixes = ["gov.vn"]', 'suffixes = ["../gov.vn"]'),
        ("field 'official_domains.suffixes[0]'",),
    ),
    ChecklistCase(
        "escape sequence in an id",
        _edit(ACCOUNTS, 'id = "acct-real-name"', 'id = "acct-\\u001b[2J"'),
        ("field 'item[0].id'", "has an invalid form", "\\x1b[2J"),
    ),
    ChecklistCase(
        "escape sequence and newline in the file name",
        lambda folder: (
            _new(META + "[surprise]\n")(folder).rename(folder / "a\x1b[2J\nb.toml")
            or folder / "a\x1b[2J\nb.toml"
        ),
        ("\\x1b[2J\\nb.toml", "field 'surprise'"),
    ),
    ChecklistCase("link to /etc/passwd", _link("/etc/passwd"), ("is a symbolic link",)),
    ChecklistCase("link to /dev/zero", _link("/dev/zero"), ("is a symbolic link",)),
    ChecklistCase("FIFO", _fifo, ("is not a regular file",)),
    ChecklistCase("folder linked elsewhere", _linked_items, ("is a symbolic link to a folder",)),
    ChecklistCase("folder named .toml", _folder_named_toml, ("is not a regular file",)),
    ChecklistCase(
        "random bytes",
        _new(bytes(range(256)) * 64),
        ("is not UTF-8",),
    ),
]


# -- bundles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleCase:
    name: str
    make: Callable[[Path, Ed25519PrivateKey], Path]  # given a scratch folder and a key
    words: tuple[str, ...]


def _good(key: Ed25519PrivateKey) -> bundle.Bundle:
    return signed_bundle(key, summary_json.encode(minimal_summary(PublicKey.of(key).fingerprint)))


def _folder(edit: Callable[[Path], None]) -> Callable[[Path, Ed25519PrivateKey], Path]:
    """A valid bundle folder, then `edit` applied to it."""

    def make(scratch: Path, key: Ed25519PrivateKey) -> Path:
        path = write_folder(_good(key), scratch, "bundle")
        edit(path)
        return path

    return make


def _signed(data: bytes | Callable[[dict[str, Any]], Any]) -> Callable[[Path, Any], Path]:
    """A bundle whose summary.json is `data` (or the minimal summary changed by a function,
    or replaced by what it returns), signed for real with the key and its own line."""

    def make(scratch: Path, key: Ed25519PrivateKey) -> Path:
        body = data
        if callable(data):
            doc = minimal_summary(PublicKey.of(key).fingerprint)
            changed = data(doc)
            body = changed if isinstance(changed, bytes) else summary_json.encode(doc)
        assert isinstance(body, bytes)
        return write_folder(signed_bundle(key, body), scratch, "bundle")

    return make


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda path: (path / name).write_bytes(data)


def _remove(name: str) -> Callable[[Path], None]:
    return lambda path: (path / name).unlink()


def _replace(name: str, make: Callable[[Path], object]) -> Callable[[Path], None]:
    """The bundle's file `name` removed and `make` called on its path (a link, a FIFO...)."""

    def edit(path: Path) -> None:
        (path / name).unlink()
        make(path / name)

    return edit


def _flip(name: str, at: int) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        data = bytearray((path / name).read_bytes())
        data[at] ^= 0x01
        (path / name).write_bytes(bytes(data))

    return edit


def _truncate(name: str) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        data = (path / name).read_bytes()
        (path / name).write_bytes(data[: len(data) // 2])

    return edit


def _signature_by(key: Ed25519PrivateKey, namespace: str) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        message = (path / bundle.SUMMARY).read_bytes()
        (path / bundle.SIGNATURE).write_text(sign(key, message, namespace))

    return edit


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for name in parents:
            doc = doc[name]
        doc[last] = value

    return change


def _zip(
    entries: Callable[[bundle.Bundle], list[tuple[zipfile.ZipInfo | str, bytes]]],
    patch: Callable[[bytes], bytes] | None = None,
) -> Callable[[Path, Ed25519PrivateKey], Path]:
    """A zip holding `entries` (made from a valid bundle), its bytes then `patch`ed."""

    def make(scratch: Path, key: Ed25519PrivateKey) -> Path:
        path = scratch / "bundle.zip"
        with (
            warnings.catch_warnings(action="ignore"),  # "Duplicate name": on purpose
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for info, data in entries(_good(key)):
                archive.writestr(info, data)
        if patch is not None:
            path.write_bytes(patch(path.read_bytes()))
        return path

    return make


def _members(made: bundle.Bundle, folder: str = "b/") -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    assert made.signers is not None
    return [
        (folder + bundle.SUMMARY, made.summary),
        (folder + bundle.SIGNATURE, made.signature),
        (folder + bundle.SIGNERS, made.signers),
    ]


def _symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo | str, bytes]:
    """An entry that unzip(1) would make a symbolic link to `target`."""
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def _bomb(made: bundle.Bundle) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    # 32 MiB of zeros, deflated to about 32 KiB: the header says so honestly.
    return [("b/" + bundle.SUMMARY, bytes(32 * MiB)), *_members(made)[1:]]


def _lying_bomb(scratch: Path, key: Ed25519PrivateKey) -> Path:
    """A deflate stream of 32 MiB whose headers claim 100 bytes, as zip bombs do."""
    path = _zip(_bomb)(scratch, key)
    data = bytearray(path.read_bytes())
    # Central directory entry: uncompressed size at offset 24; local header: offset 22.
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, central + 24, 100)
    struct.pack_into("<L", data, 22, 100)
    path.write_bytes(bytes(data))
    return path


def _patch_method(data: bytes) -> bytes:
    """Every entry claims compression method 99 (unknown)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = out.find(signature)
        while at >= 0:
            struct.pack_into("<H", out, at + offset, 99)
            at = out.find(signature, at + 4)
    return bytes(out)


def _patch_encrypted(data: bytes) -> bytes:
    """Every entry claims to be encrypted (general purpose flag bit 0)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset] |= 0x01
            at = out.find(signature, at + 4)
    return bytes(out)


def _patch_entry_count(data: bytes) -> bytes:
    """The end record claims 65,000 entries, as a cheap directory-flooding zip would."""
    out = bytearray(data)
    at = out.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", out, at + 8, 65_000, 65_000)
    return bytes(out)


def _patch_bad_name(data: bytes) -> bytes:
    """The first entry's name flagged UTF-8 (bit 11) in the central directory, and its first
    byte made 0xff, which UTF-8 never has."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    out[at + 9] |= 0x08
    out[at + 46] = 0xFF
    return bytes(out)


def _flooded_directory(path: Path) -> None:
    """A central directory of 600,000 one-letter entries (zipfile would build an object for
    each: about 300 MiB), whose end record carries the record's own signature in its disk
    fields, so that a search from the end finds that copy first."""
    entry = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
    )
    directory = (entry + b"x") * 600_000
    end = b"PK\x05\x06" + b"PK\x05\x06" + struct.pack("<HHLLH", 3, 3, len(directory), 0, 0)
    path.write_bytes(directory + end)


def _nested_zip(made: bundle.Bundle) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _members(made):
            archive.writestr(name, data)
    return [("b/bundle.zip", buffer.getvalue())]


def _patch_deflate(data: bytes) -> bytes:
    """The first entry's deflate stream overwritten in its middle with invalid codes."""
    out = bytearray(data)
    size, name_length, extra_length = struct.unpack_from("<L4xHH", out, 18)
    start = 30 + name_length + extra_length
    out[start : start + size] = b"\xff" * size
    return bytes(out)


def _named(path: str, target: Callable[[Path], Path] | None = None) -> Callable[[Path, Any], Path]:
    def make(scratch: Path, _key: Ed25519PrivateKey) -> Path:
        made = scratch / path
        if target is not None:
            target(made)
        return made

    return make


def _deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


BUNDLE_CASES = [
    BundleCase("empty folder", _named("empty", lambda p: p.mkdir()), ("summary.json is missing",)),
    BundleCase("no summary", _folder(_remove(bundle.SUMMARY)), ("summary.json is missing",)),
    BundleCase(
        "no signature", _folder(_remove(bundle.SIGNATURE)), ("summary.json.sig is missing",)
    ),
    BundleCase("no signer line", _folder(_remove(bundle.SIGNERS)), ("allowed_signers is missing",)),
    BundleCase(
        "summary links to /etc/passwd",
        _folder(_replace(bundle.SUMMARY, lambda p: p.symlink_to("/etc/passwd"))),
        ("summary.json is a symbolic link",),
    ),
    BundleCase(
        "signature links to /dev/zero",
        _folder(_replace(bundle.SIGNATURE, lambda p: p.symlink_to("/dev/zero"))),
        ("summary.json.sig is a symbolic link",),
    ),
    BundleCase(
        "summary is a FIFO",
        _folder(_replace(bundle.SUMMARY, os.mkfifo)),
        ("summary.json is not a regular file",),
    ),
    BundleCase(
        "signature is a folder",
        _folder(_replace(bundle.SIGNATURE, Path.mkdir)),
        ("summary.json.sig is not a regular file",),
    ),
    BundleCase(
        "2 MiB summary",
        _folder(_write(bundle.SUMMARY, b"{" + b" " * (2 * MiB))),
        ("summary.json is larger than",),
    ),
    BundleCase(
        "1 MiB signature",
        _folder(_write(bundle.SIGNATURE, b"A" * MiB)),
        ("summary.json.sig is larger than",),
    ),
    BundleCase(
        "1 MiB signer line",
        _folder(_write(bundle.SIGNERS, b"x" * MiB)),
        ("allowed_signers is larger than",),
    ),
    BundleCase(
        "binary signature",
        _folder(_write(bundle.SIGNATURE, bytes(range(256)))),
        ("summary.json.sig", "not text"),
    ),
    BundleCase("truncated signature", _folder(_truncate(bundle.SIGNATURE)), ("summary.json.sig",)),
    BundleCase(
        "one bit of the summary flipped",
        _folder(_flip(bundle.SUMMARY, 40)),
        ("bad signature", "does not match"),
    ),
    BundleCase(
        "signature for files, not summaries",
        lambda scratch, key: _folder(_signature_by(key, "file"))(scratch, key),
        ("bad signature", "namespace 'file'"),
    ),
    BundleCase(
        "signed by a stranger's key",
        lambda scratch, key: _folder(
            _signature_by(Ed25519PrivateKey.generate(), "selfcheck-summary-v1")
        )(scratch, key),
        ("unknown signer", "not an allowed signer"),
    ),
    BundleCase(
        "signer line not UTF-8",
        _folder(_write(bundle.SIGNERS, b"X1 ssh-ed25519 \xff\xfe\n")),
        ("allowed_signers",),
    ),
    BundleCase(
        "signer line of garbage",
        _folder(_write(bundle.SIGNERS, b"this is not a key\n")),
        ("allowed_signers",),
    ),
    BundleCase(
        "signed for another staff id",
        _signed(_set("person.staff_id", "X2")),
        ("unknown signer", "staff id 'X2'"),
    ),
    BundleCase("signed, not UTF-8", _signed(b'{"format":"\xff"}'), ("summary.json is not UTF-8",)),
    BundleCase(
        "signed, duplicate keys",
        _signed(b'{"format":"selfcheck-summary","format":"selfcheck-summary"}'),
        ("duplicate key 'format'",),
    ),
    BundleCase(
        "signed, nested 500,000 deep", _signed(_deep_json(500_000)), ("summary.json is", "deep")
    ),
    BundleCase(
        "signed, a float",
        _signed(lambda d: summary_json.encode(d).replace(b'"seq":1', b'"seq":1.5')),
        ("floating-point",),
    ),
    BundleCase(
        "signed, NaN",
        _signed(lambda d: summary_json.encode(d).replace(b'"seq":1', b'"seq":NaN')),
        ("NaN is not allowed",),
    ),
    BundleCase(
        "signed, findings a string",
        _signed(_set("findings", "all fine")),
        ("summary.json", "field 'findings'", "must be a list"),
    ),
    BundleCase(
        "signed, name a list",
        _signed(_set("person.full_name", ["Lê", "Văn"])),
        ("summary.json", "field 'person.full_name'", "must be text"),
    ),
    BundleCase(
        "signed, 900,000-character name",
        _signed(_set("person.full_name", "Đ" * 300_000)),
        ("field 'person.full_name'", "is longer than 20000 characters"),
    ),
    BundleCase(
        "signed, 30,000 findings",
        _signed(_set("findings", [{}] * 30_000)),
        ("field 'findings'", "has more than 20000 entries"),
    ),
    BundleCase(
        "signed, a finding without fields",
        _signed(_set("findings", [{"item": 5}])),
        ("field 'findings[0].item'", "must be text"),
    ),
    BundleCase(
        "signed, unknown field", _signed(_set("extra", {"a": 1})), ("field 'extra'", "not a known")
    ),
    BundleCase(
        "signed, staff id climbing folders",
        lambda scratch, key: write_folder(
            signed_bundle(
                key,
                summary_json.encode(
                    {
                        **minimal_summary(PublicKey.of(key).fingerprint),
                        "person": {
                            **minimal_summary("")["person"],
                            "staff_id": "../../x",
                        },
                    }
                ),
                staff_id="x",
            ),
            scratch,
            "bundle",
        ),
        ("field 'person.staff_id'", "has an invalid form"),
    ),
    BundleCase(
        "signed, seq beyond 2^53", _signed(_set("seq", 10**30)), ("field 'seq'", "must be between")
    ),
    BundleCase(
        "signed, a time that never was",
        _signed(_set("issued_at", "2026-13-45T99:00:00Z")),
        ("field 'issued_at'", "not a real time"),
    ),
    BundleCase(
        "signed, a newer format", _signed(_set("version", 99)), ("version 99, newer than this app",)
    ),
    BundleCase(
        "signed, verdict unknown",
        _signed(_set("verdict", "trust me")),
        ("field 'verdict'", "must be one of"),
    ),
    BundleCase(
        "zip bomb, honest header",
        _zip(_bomb),
        ("summary.json in the zip is too large",),
    ),
    BundleCase("zip bomb, lying header", _lying_bomb, ("summary.json in the zip", "damaged")),
    BundleCase(
        "zip climbing out of its folder",
        _zip(
            lambda made: [
                ("../../escaped/" + bundle.SUMMARY, made.summary),
                ("/escaped/" + bundle.SIGNATURE, made.signature),
                ("../" + bundle.SIGNERS, made.signers or b""),
            ]
        ),
        ("summary.json is missing",),
    ),
    BundleCase(
        "zip of symbolic links",
        _zip(
            lambda made: [
                _symlink_entry("b/" + bundle.SUMMARY, "/etc/passwd"),
                *_members(made)[1:],
            ]
        ),
        ("summary.json in the zip is a symbolic link",),
    ),
    BundleCase(
        "zip of 100 files",
        _zip(lambda made: [(f"b/{n}.txt", b"") for n in range(100)] + _members(made)),
        ("too many files",),
    ),
    BundleCase(
        "zip whose end record claims 65,000 files",
        _zip(_members, _patch_entry_count),
        ("too many files",),
    ),
    BundleCase(
        "zip with an unknown compression",
        _zip(_members, _patch_method),
        ("summary.json in the zip uses a compression bundles never use",),
    ),
    BundleCase(
        "zip with encrypted entries",
        _zip(_members, _patch_encrypted),
        ("summary.json in the zip is encrypted",),
    ),
    BundleCase(
        "zip holding the summary twice",
        _zip(lambda made: [*_members(made), ("b/" + bundle.SUMMARY, made.summary)]),
        ("holds summary.json twice",),
    ),
    BundleCase(
        "zip mixing two bundles",
        _zip(lambda made: _members(made)[:1] + _members(made, "c/")[1:]),
        ("mixes files of several folders",),
    ),
    BundleCase(
        "zip cut in half",
        _zip(_members, lambda data: data[: len(data) // 2]),
        ("truncated",),
    ),
    BundleCase("zip inside a zip", _zip(_nested_zip), ("summary.json is missing",)),
    BundleCase(
        "zip entry name flagged UTF-8 that is not",
        _zip(_members, _patch_bad_name),
        ("the zip cannot be read",),
    ),
    BundleCase(
        "600,000-entry directory behind a disguised end record",
        _named("bundle.zip", _flooded_directory),
        ("too many files",),
    ),
    BundleCase(
        "corrupt deflate stream",
        _zip(_members, _patch_deflate),
        ("summary.json in the zip is damaged",),
    ),
    BundleCase(
        "random bytes named .zip",
        _named("bundle.zip", lambda p: p.write_bytes(bytes(range(256)) * 8)),
        ("truncated or damaged",),
    ),
    BundleCase(
        "a text file",
        _named("notes.txt", lambda p: p.write_text("hello")),
        ("not a bundle folder or zip",),
    ),
    BundleCase("a FIFO", _named("bundle.zip", os.mkfifo), ("is not a regular file",)),
]


def copy_checklists(folder: Path) -> Path:
    target = folder / "checklists"
    shutil.copytree(CHECKLISTS, target)
    return target


def _check_unique(names: list[str]) -> None:
    assert len(names) == len(set(names)), "two hostile cases share a name"


_check_unique([case.name for case in CHECKLIST_CASES])
_check_unique([case.name for case in BUNDLE_CASES])
