"""Bundles: written as folders and zips, verified by the app and by OpenSSH, failures named."""

import json
import zipfile
from pathlib import Path

import jsonschema
import msgspec
import pytest

from desktop.core.policy.loader import load_policy
from desktop.core.records import bundle
from desktop.core.records import summary as summary_json
from desktop.core.records.bundle import Bundle, BundleError, Failure
from desktop.core.signing import allowed_signers, sshsig
from desktop.core.signing.sshsig import PublicKey
from tests.signing_helpers import (
    SSH_KEYGEN,
    declare_example,
    minimal_summary,
    needs_ssh_keygen,
    new_key,
    signed_bundle,
    ssh_keygen_accepted,
    ssh_keygen_verify_bundle,
    write_folder,
    write_zip,
)

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "docs" / "summary.schema.json").read_text("utf-8")
)


@pytest.fixture
def signed(tmp_path: Path):  # type: ignore[no-untyped-def]
    return declare_example(tmp_path / "home")


def _check_schema(summary: dict) -> None:  # type: ignore[type-arg]
    jsonschema.validate(summary, SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_every_summary_matches_the_schema(tmp_path: Path, programme: str) -> None:
    signed = declare_example(tmp_path, programme)
    summary_json.decode(signed.bundle.summary)
    _check_schema(json.loads(signed.bundle.summary))


def test_a_version_1_summary_made_before_profiles_still_verifies_and_reads(
    signed,  # type: ignore[no-untyped-def]
) -> None:
    """Declarations signed before agency profiles (no profile, no declared_no_accounts) are
    still verified, read, compared and printed; a version 2 without them is refused."""
    from desktop.core.records.changes import compare
    from desktop.report.content import summary_html

    doc = summary_json.decode(signed.bundle.summary)
    old = json.loads(signed.bundle.summary)
    old["version"] = 1
    del old["person"]["profile"], old["declared_no_accounts"], old["policy"]
    _check_schema(old)
    key = new_key()
    old["signer"]["fingerprint"] = PublicKey.of(key).fingerprint
    data = summary_json.encode(old)
    verified = bundle.verify(signed_bundle(key, data, old["person"]["staff_id"]))
    assert verified.summary.version == 1
    assert verified.summary.person.profile is msgspec.UNSET
    assert compare(verified.summary, doc) == []  # the same findings, whatever the version
    html = summary_html(verified.summary, summary_json.sha256(data), load_policy(), "vi")
    assert "Nguyễn Văn An" in html and "Quy tắc áp dụng" not in html
    v2_without = json.loads(json.dumps(old))
    v2_without["version"] = 2
    with pytest.raises(summary_json.SummaryError, match=r"person\.profile|declared_no_accounts"):
        summary_json.decode(summary_json.encode(v2_without))
    v1_with = json.loads(signed.bundle.summary)
    v1_with["version"] = 1
    with pytest.raises(summary_json.SummaryError, match="is not a known field"):
        summary_json.decode(summary_json.encode(v1_with))


def test_schema_rejects_what_a_summary_must_not_hold(signed) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(signed.bundle.summary)
    for mutate in (
        lambda d: d["accounts"][0].update(password="x"),
        lambda d: d.update(seq=0),
        lambda d: d["findings"][0].update(status="ok"),
        lambda d: d["person"].update(birth_year=1978),
    ):
        bad = json.loads(json.dumps(doc))
        mutate(bad)
        with pytest.raises(jsonschema.ValidationError):
            _check_schema(bad)


def test_summary_bytes_are_canonical(signed) -> None:  # type: ignore[no-untyped-def]
    data = signed.bundle.summary
    doc = json.loads(data)
    assert summary_json.encode(doc) == data
    assert b"\n" not in data and b": " not in data
    assert "Nguyễn Văn An".encode() in data  # UTF-8, not \\u escapes
    with pytest.raises(TypeError):
        summary_json.encode({**doc, "score": 0.5})


def test_summary_holds_no_contact_details(signed) -> None:  # type: ignore[no-untyped-def]
    data = signed.bundle.summary.decode()
    for private in ("an.nguyenvan78@gmail.com", "0903 123 456", "1978", "An Nguyễn"):
        assert private not in data


@needs_ssh_keygen
def test_folder_bundle_verifies_with_plain_ssh_keygen(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    assert SSH_KEYGEN is not None
    folder = write_folder(signed.bundle, tmp_path / "out", signed.name)
    assert folder.name == "BNG-08231-annual-" + signed.summary.issued_at[:10]
    assert sorted(p.name for p in folder.iterdir()) == [
        "allowed_signers",
        "summary.json",
        "summary.json.sig",
    ]
    line = (folder / "allowed_signers").read_text()
    assert line.startswith('BNG-08231 namespaces="selfcheck-summary-v1" ssh-ed25519 AAAA')
    result = ssh_keygen_verify_bundle(folder, "BNG-08231")
    assert result.returncode == 0, result.stderr
    assert 'Good "selfcheck-summary-v1" signature for BNG-08231' in result.stdout


def test_folder_and_zip_verify_with_the_app(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    folder = write_folder(signed.bundle, tmp_path, signed.name)
    archive = write_zip(signed.bundle, tmp_path, signed.name)
    for path in (folder, archive):
        verified = bundle.verify_path(path)
        assert verified.principal == "BNG-08231"
        assert verified.summary.seq == 1
    # A second bundle of the same name gets its own folder; nothing is overwritten.
    assert write_folder(signed.bundle, tmp_path, signed.name).name.endswith("-2")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def test_bundle_files_are_private(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    folder = write_folder(signed.bundle, tmp_path, signed.name)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert {oct(p.stat().st_mode & 0o777) for p in folder.iterdir()} == {"0o600"}


def _failure(path: Path, trusted: list | None = None) -> Failure:  # type: ignore[type-arg]
    with pytest.raises(BundleError) as caught:
        bundle.verify_path(path, trusted)
    return caught.value.failure


def _variant(tmp_path: Path, signed, name: str, **files: bytes | None) -> Path:  # type: ignore[no-untyped-def]
    original = {
        "summary": signed.bundle.summary,
        "signature": signed.bundle.signature,
        "signers": signed.bundle.signers,
    }
    original.update(files)
    return write_folder(
        Bundle(original["summary"], original["signature"] or b"", original["signers"]),
        tmp_path,
        name,
    )


def test_each_failure_is_named(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    data, signature = signed.bundle.summary, signed.bundle.signature
    other = new_key()
    stranger_line = allowed_signers.signer_for("BNG-08231", PublicKey.of(other)).line().encode()
    tampered = data.replace(b'"verdict":"action-required"', b'"verdict":"compliant"')
    assert tampered != data
    cases = {
        "tampered": (_variant(tmp_path, signed, "t", summary=tampered), Failure.BAD_SIGNATURE),
        "newline": (_variant(tmp_path, signed, "n", summary=data + b"\n"), Failure.BAD_SIGNATURE),
        "stranger": (
            _variant(tmp_path, signed, "s", signers=stranger_line),
            Failure.UNKNOWN_SIGNER,
        ),
        "cut sig": (_variant(tmp_path, signed, "c", signature=signature[:200]), Failure.TRUNCATED),
        "no sig": (_variant(tmp_path, signed, "m", signature=b""), Failure.MALFORMED),
        "junk signers": (
            _variant(tmp_path, signed, "j", signers=b"not a signer line"),
            Failure.MALFORMED,
        ),
    }
    (tmp_path / "m" / "summary.json.sig").unlink()
    for name, (path, failure) in cases.items():
        assert _failure(path) == failure, name


def test_expired_roster_key_is_refused(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    folder = write_folder(signed.bundle, tmp_path, signed.name)
    own = signed.bundle.signers.decode().strip()
    principal, options, key = own.split(" ", 2)
    expired = allowed_signers.parse(f'{principal} {options},valid-before="20200101" {key}')
    later = allowed_signers.parse(f'{principal} {options},valid-after="20991231" {key}')
    for roster in (expired, later):
        with pytest.raises(BundleError, match="outside its validity period"):
            bundle.verify_path(folder, roster)
    current = allowed_signers.parse(f'{principal} {options},valid-after="20200101Z" {key}')
    assert bundle.verify_path(folder, current).principal == principal


def test_wildcard_principals_and_other_key_types_in_a_roster(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    folder = write_folder(signed.bundle, tmp_path, signed.name)
    key = signed.bundle.signers.decode().split(" ", 2)[2].strip()
    roster = allowed_signers.parse(
        "# the unit's roster\n"
        "someone ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ\n"
        f'BNG-* namespaces="selfcheck-summary-v1" {key}\n'
    )
    assert bundle.verify_path(folder, roster).principal == "BNG-08231"
    other_unit = allowed_signers.parse(f'QN-* namespaces="selfcheck-summary-v1" {key}\n')
    with pytest.raises(BundleError, match="not allowed to sign for staff id"):
        bundle.verify_path(folder, other_unit)


def test_reviewer_signers_decide_who_is_known(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    folder = write_folder(signed.bundle, tmp_path, signed.name)
    reviewer = allowed_signers.parse(signed.bundle.signers.decode())
    assert bundle.verify_path(folder, reviewer).principal == "BNG-08231"
    other = [allowed_signers.signer_for("BNG-08231", PublicKey.of(new_key()))]
    assert _failure(folder, other) == Failure.UNKNOWN_SIGNER
    own_key = PublicKey.from_openssh(signed.declaration.public_key)
    wrong_person = [allowed_signers.signer_for("BNG-99999", own_key)]
    assert _failure(folder, wrong_person) == Failure.UNKNOWN_SIGNER


def test_validly_signed_but_malformed_summaries_are_refused(tmp_path: Path) -> None:
    # Anyone with a key can sign anything: the structure is checked after the signature.
    key = new_key()
    fingerprint = PublicKey.of(key).fingerprint
    base = summary_json.encode(minimal_summary(fingerprint)).decode()[1:-1]

    def edited(path: str, value: object) -> str:
        doc = minimal_summary(fingerprint)
        *parents, last = path.split(".")
        table = doc
        for name in parents:
            table = table[name]
        table[last] = value
        return summary_json.encode(doc).decode()

    bodies = {
        "control": ("{" + base + "}", None),
        "duplicate key": ("{" + base + ',"seq":2}', "duplicate key"),
        "float": ("{" + base.replace('"seq":1', '"seq":1.0') + "}", "floating-point"),
        "other signer": (edited("signer.fingerprint", "SHA256:" + "A" * 43), "another signing key"),
        "not json": ("{" + base, "not valid JSON"),
        "newer": (edited("version", 9), "newer"),
        "seq zero": (edited("seq", 0), "'seq'"),
        "bad time": (edited("issued_at", "5"), "issued_at"),
        "findings a number": (edited("findings", 7), "field 'findings': must be a list of tables"),
        "name a list": (
            edited("person.full_name", ["Lê"]),
            "field 'person.full_name': must be text",
        ),
        "unknown field": (edited("zz", 1), "field 'zz': is not a known field"),
        "finding of wrong shape": (
            edited("findings", [{"item": "a"}]),
            "field 'findings[0].account': is missing",
        ),
    }
    for name, (body, reason) in bodies.items():
        data = body.encode()
        path = write_folder(signed_bundle(key, data), tmp_path, name.replace(" ", "-"))
        if reason is None:
            assert bundle.verify_path(path).principal == "X1"
            continue
        with pytest.raises(BundleError) as caught:
            bundle.verify_path(path)
        assert caught.value.failure == Failure.MALFORMED, name
        assert reason in caught.value.detail, name


def test_zip_problems(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    archive = write_zip(signed.bundle, tmp_path, signed.name)
    raw = archive.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(raw[: len(raw) // 2])
    assert _failure(truncated) == Failure.TRUNCATED
    not_bundle = tmp_path / "notes.txt"
    not_bundle.write_text("hello")
    assert _failure(not_bundle) == Failure.MALFORMED
    # Names that climb out of the archive are never read, and verification writes nothing.
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as out:
        out.writestr("../summary.json", signed.bundle.summary)  # two parts, one of them ".."
        out.writestr("x/y/z/summary.json.sig", signed.bundle.signature)
    with pytest.raises(BundleError, match=r"summary\.json is missing"):
        bundle.verify_path(hostile)
    mixed = tmp_path / "mixed.zip"
    with zipfile.ZipFile(mixed, "w") as out:
        out.writestr("a/summary.json", signed.bundle.summary)
        out.writestr("b/summary.json.sig", signed.bundle.signature)
        out.writestr("b/allowed_signers", signed.bundle.signers)
    with pytest.raises(BundleError, match="several folders"):
        bundle.verify_path(mixed)


def test_unreadable_zip_entries_are_malformed_not_crashes(tmp_path: Path, signed) -> None:  # type: ignore[no-untyped-def]
    archive = write_zip(signed.bundle, tmp_path, signed.name)
    raw = bytearray(archive.read_bytes())
    # Mark the first entry as encrypted (general-purpose flag bit 0) in its local header.
    encrypted = bytearray(raw)
    encrypted[6] |= 0x01
    central = encrypted.find(b"PK\x01\x02")
    encrypted[central + 8] |= 0x01
    (tmp_path / "encrypted.zip").write_bytes(bytes(encrypted))
    # Corrupt the deflate stream of the first entry, keeping the headers intact.
    corrupt = bytearray(raw)
    name_length = int.from_bytes(corrupt[26:28], "little")
    data_start = 30 + name_length + int.from_bytes(corrupt[28:30], "little")
    corrupt[data_start : data_start + 8] = b"\xff" * 8
    (tmp_path / "corrupt.zip").write_bytes(bytes(corrupt))
    for name in ("encrypted.zip", "corrupt.zip"):
        with pytest.raises(BundleError) as caught:
            bundle.verify_path(tmp_path / name)
        assert caught.value.failure in (Failure.MALFORMED, Failure.TRUNCATED), name


@needs_ssh_keygen
def test_flipping_any_byte_of_a_real_summary_is_rejected_by_app_and_ssh_keygen(
    tmp_path: Path,
    signed,  # type: ignore[no-untyped-def]
) -> None:
    """The app refuses every changed byte; ssh-keygen, one process a byte, is asked about
    64 positions spread over the summary (the property tests try more, at random): the
    app's answer never differs from it, and the summary grows with every item."""
    data, signature = signed.bundle.summary, signed.bundle.signature
    public = PublicKey.from_openssh(signed.declaration.public_key)

    def tampered(index: int) -> bytes:
        changed = bytearray(data)
        changed[index] ^= 0xFF
        return bytes(changed)

    def app_refuses(index: int) -> bool:
        try:
            sshsig.verify(tampered(index), signature, allowed_signers.NAMESPACE_SUMMARY)
        except sshsig.SignatureError:
            return True
        return False

    assert len(data) > 1000
    assert all(map(app_refuses, range(len(data))))
    sample = sorted({0, len(data) - 1, *range(0, len(data), max(1, len(data) // 62))})
    assert len(sample) >= 60
    # The untouched summary first: the one case ssh-keygen must accept.
    cases = [(data, signature), *((tampered(i), signature) for i in sample)]
    accepted = ssh_keygen_accepted(tmp_path, public, cases)
    assert accepted == [0], [sample[i - 1] for i in accepted if i][:10]


def test_files_are_read_to_their_limit_whatever_size_they_said_they_had(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read asks for the size fstat gave: a file that grew since is read on."""
    from desktop.core.base import reading

    path = tmp_path / "file"
    for size, limit in ((10, 20), (20, 20)):
        path.write_bytes(b"x" * size)
        assert len(reading.read_bounded(path, limit, follow=False)) == size
    for size, limit in ((21, 20), (200_000, 20)):
        path.write_bytes(b"x" * size)
        with pytest.raises(reading.TooLargeError):
            reading.read_bounded(path, limit, follow=False)
    opened = reading._open_fd
    monkeypatch.setattr(
        reading,
        "_open_fd",
        lambda p, follow, pipe: (opened(p, follow=follow, pipe=pipe)[0], 3),
    )
    path.write_bytes(b"y" * 150_000)
    assert reading.read_bounded(path, 200_000, follow=False) == b"y" * 150_000
    with pytest.raises(reading.TooLargeError):
        reading.read_bounded(path, 100_000, follow=False)
