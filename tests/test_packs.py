"""Signed policy packs: building, verifying with ssh-keygen, installing, refusing, and the
review that never takes a declaration assessed against an unaccepted policy as compliant."""

import io
import json
import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from desktop.core.signing.pack_manifest import PackError, parse_manifest
from desktop.core.signing.pack_store import install_pack
from tests.conftest import CHECKLISTS, ROOT
from tests.signing_helpers import SSH_KEYGEN, needs_ssh_keygen
from tests.test_assess_cli import assess, run
from tests.tools import needs

pytestmark = needs_ssh_keygen
TODAY = date.today()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A data folder of its own, and a key file passphrase (as tests/test_assess_cli.py)."""
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n")
    return {
        **os.environ,
        "SELFCHECK_HOME": str(tmp_path / "home"),
        "PASSPHRASE_FILE": str(passphrase),
        "TMPDIR": str(tmp_path / "tmp"),
    }


def _keypair(folder: Path, name: str) -> tuple[Path, str]:
    """An agency key made by the real ssh-keygen: its private key file, its public line."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert SSH_KEYGEN is not None
    subprocess.run([SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)
    public = " ".join(path.with_suffix(".pub").read_text().split()[:2])
    return path, public


def _trust(home: Path, public: str, profiles: str = "bng") -> None:
    home.mkdir(parents=True, exist_ok=True)
    with (home / "policy_signers").open("a") as out:
        out.write(f'{profiles} namespaces="selfcheck-policy-v1" {public}\n')


def _build(
    env: dict[str, str], key: Path, out: Path, *extra: str, source: Path = CHECKLISTS
) -> Path:
    result = run(
        env, "pack", "build", str(source), "--out", str(out), "--signing-key", str(key),
        "--id", "bng-policy", "--profiles", "bng", *extra,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def agency(tmp_path: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """An agency key trusted for profile bng in the test's data folder, and its v2 pack."""
    key, public = _keypair(tmp_path / "keys", "agency")
    _trust(Path(env["SELFCHECK_HOME"]), public)
    return key, _build(env, key, tmp_path / "bng-2.zip", "--version", "2")


def _snapshot(home: Path) -> dict[str, bytes]:
    packs = home / "packs"
    if not packs.exists():
        return {}
    return {str(p.relative_to(packs)): p.read_bytes() for p in packs.rglob("*") if p.is_file()}


def test_the_manifest_verifies_with_plain_ssh_keygen(agency, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _key, pack = agency
    with zipfile.ZipFile(pack) as archive:
        manifest, signature = archive.read("pack.json"), archive.read("pack.json.sig")
    (tmp_path / "pack.json.sig").write_bytes(signature)
    signers = Path(tmp_path / "home" / "policy_signers")
    for profile, ok in (("bng", True), ("quang-ninh", False)):
        result = subprocess.run(
            [SSH_KEYGEN, "-Y", "verify", "-f", str(signers), "-I", profile,
             "-n", "selfcheck-policy-v1", "-s", str(tmp_path / "pack.json.sig")],
            input=manifest, capture_output=True, check=False,
        )  # fmt: skip
        assert (result.returncode == 0) == ok, result.stderr
    doc = parse_manifest(manifest)
    assert (doc.id, doc.version, doc.profiles) == ("bng-policy", 2, ("bng",))
    assert set(doc.files) == {
        p.relative_to(CHECKLISTS).as_posix() for p in CHECKLISTS.rglob("*.toml")
    }


def test_the_built_in_reference_pack_verifies_with_ssh_keygen() -> None:
    result = subprocess.run(
        [SSH_KEYGEN, "-Y", "verify", "-f", str(ROOT / "assets/keys/policy_signers"), "-I", "bng",
         "-n", "selfcheck-policy-v1", "-s", str(CHECKLISTS / "pack.json.sig")],
        input=(CHECKLISTS / "pack.json").read_bytes(), capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_install_then_no_rollback_and_nothing_changes_when_refused(  # type: ignore[no-untyped-def]
    agency, env: dict[str, str], tmp_path: Path
) -> None:
    key, pack = agency
    home = Path(env["SELFCHECK_HOME"])
    result = run(env, "pack", "install", str(pack))
    assert result.returncode == 0, result.stderr
    assert "installed pack bng-policy version 2" in result.stdout
    shown = run(env, "pack", "show")
    assert "pack bng-policy version 2" in shown.stdout and str(home) in shown.stdout
    before = _snapshot(home)
    older = _build(env, key, tmp_path / "bng-1.zip", "--version", "1")
    again = _build(env, key, tmp_path / "bng-2b.zip", "--version", "2")
    expired = _build(
        env, key, tmp_path / "old.zip", "--version", "9", "--issued", "2020-01-01",
        "--expires", "2021-01-01",
    )  # fmt: skip
    newer_app = _build(
        env, key, tmp_path / "app.zip", "--version", "9", "--min-app-version", "99.0"
    )
    cases = {older: "not newer", again: "not newer", expired: "expired", newer_app: "app too old"}
    for path, words in cases.items():
        refused = run(env, "pack", "install", str(path))
        assert refused.returncode == 1
        assert words in refused.stderr and len(refused.stderr.splitlines()) == 1, refused.stderr
        assert _snapshot(home) == before


def _rezip(source: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


# A pack made bad after it was signed: how, and the words its refusal must have.
BAD_PACKS = [
    pytest.param(
        lambda e: e.update({"domains.toml": e["domains.toml"].replace(b"gov.vn", b"gov.xx")}),
        "file modified: domains.toml", id="tampered"),
    pytest.param(lambda e: e.pop("pack.json.sig"), "unsigned", id="unsigned"),
    pytest.param(lambda e: e.pop("pack.json"), "unsigned", id="no-manifest"),
    pytest.param(lambda e: e.update({"extra.toml": b""}), "extra file: extra.toml", id="extra"),
    pytest.param(lambda e: e.update({"../evil.toml": b""}), "not a plain relative path",
                 id="traversal"),
    pytest.param(lambda e: e.update({"/abs.toml": b""}), "not a plain relative path",
                 id="absolute"),
    pytest.param(lambda e: e.pop("groups.toml"), "file missing: groups.toml", id="missing"),
    pytest.param(
        lambda e: e.update({"pack.json": e["pack.json"].replace(b'"version":2', b'"version":7')}),
        "bad signature", id="edited-manifest"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "words"), BAD_PACKS)
def test_a_bad_pack_is_refused_naming_what_failed(  # type: ignore[no-untyped-def]
    agency, env: dict[str, str], tmp_path: Path, change, words: str
) -> None:
    _key, pack = agency
    home = Path(env["SELFCHECK_HOME"])
    bad = _rezip(pack, tmp_path / "bad.zip", change)
    with pytest.raises(PackError, match=words):
        install_pack(bad, home)
    assert not (home / "packs").exists()
    refused = run(env, "pack", "install", str(bad))
    assert refused.returncode == 1 and len(refused.stderr.splitlines()) == 1, refused.stderr


def test_a_key_may_publish_only_its_profiles_and_only_when_trusted(
    env: dict[str, str], tmp_path: Path
) -> None:
    home = Path(env["SELFCHECK_HOME"])
    province, public = _keypair(tmp_path / "keys", "province")
    _trust(home, public, profiles="quang-ninh")
    wrong = _build(env, province, tmp_path / "wrong.zip", "--version", "1")  # covers bng
    with pytest.raises(
        PackError, match=r"wrong profile: .* may not publish policy for profile 'bng'"
    ):
        install_pack(wrong, home)
    stranger, _ = _keypair(tmp_path / "keys", "stranger")
    untrusted = _build(env, stranger, tmp_path / "untrusted.zip", "--version", "1")
    with pytest.raises(PackError, match="untrusted signer"):
        install_pack(untrusted, home)
    assert not (home / "packs").exists()


def test_a_zip_bomb_entry_is_refused(agency, env: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _key, pack = agency
    big = _rezip(pack, tmp_path / "big.zip", lambda e: e.update({"big.toml": b"#" * (3 << 20)}))
    with pytest.raises(PackError, match=r"big\.toml is larger than"):
        install_pack(big, Path(env["SELFCHECK_HOME"]))


# -- the review: what a head of unit sees ---------------------------------------------------


def _edited(tmp_path: Path, name: str, edit) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / name
    shutil.copytree(CHECKLISTS, folder)
    for path in folder.rglob("*.toml"):
        path.write_text(edit(path.name, path.read_text("utf-8")), "utf-8")
    return folder


def _all_pass(_name: str, text: str) -> str:
    return text.replace('status = "fail"', 'status = "pass"').replace(
        'status = "partial"', 'status = "pass"'
    )


def _no_gov_vn(name: str, text: str) -> str:
    return (
        text.replace('suffixes = ["gov.vn"]', "suffixes = []") if name == "domains.toml" else text
    )


def _review(
    env: dict[str, str], tmp_path: Path, bundle_out: Path, name: str, roster_extra: str = ""
):  # type: ignore[no-untyped-def]
    """Enrol the bundle's key in a new roster and review its folder: (result, csv, pdf)."""
    (bundle,) = [p for p in bundle_out.iterdir() if not p.name.startswith(".")]
    summary = json.loads((bundle / "summary.json").read_text("utf-8"))
    roster = tmp_path / f"{name}-roster" / "roster.toml"
    roster.parent.mkdir()
    roster.write_text(f'[roster]\nsigners = "allowed_signers"\n{roster_extra}', "utf-8")
    fingerprint = summary["signer"]["fingerprint"]
    enrolled = run(
        env, "roster", "--roster", str(roster), "enrol", str(bundle), "--fingerprint", fingerprint
    )
    assert enrolled.returncode == 0, enrolled.stderr
    csv, pdf = tmp_path / f"{name}.csv", tmp_path / f"{name}.pdf"
    result = run(
        env, "review", str(bundle_out), "--roster", str(roster), "--csv", str(csv),
        "--pdf", str(pdf), "--lang", "en",
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return result, csv.read_text("utf-8-sig"), " ".join(text.split()), summary, roster


@needs("pdftotext")
@pytest.mark.parametrize("edit", [_all_pass, _no_gov_vn], ids=["fail-to-pass", "no-gov-vn"])
def test_edited_checklists_never_review_as_compliant(  # type: ignore[no-untyped-def]
    env: dict[str, str], tmp_path: Path, edit
) -> None:
    """The attack: assess with edited checklists. The summary verifies; the review must
    still not take it as compliant (before packs, it raised no problem at all)."""
    edited = _edited(tmp_path, "edited", edit)
    out = tmp_path / "out"
    signed = assess(env, "annual", out, "--checklists", str(edited))
    assert signed.returncode in (0, 1), signed.stderr
    assert "not a signed policy pack" in signed.stderr
    result, csv, pdf, summary, roster = _review(env, tmp_path, out, "edited")
    assert summary["policy"]["signed"] is False
    assert result.returncode == 1
    assert "! unsigned policy" in result.stdout
    if summary["verdict"] == "compliant":  # every fail made a pass: shown as not accepted
        assert "policy-not-accepted" in result.stdout
    assert "unsigned policy" in csv and ",compliant," not in csv
    assert "unsigned policy" in pdf and "Compliant" not in pdf
    (bundle,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    own_pdf = subprocess.run(
        ["pdftotext", str(bundle / "summary.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "KHÔNG phải gói bộ tiêu chí có chữ ký" in " ".join(own_pdf.split())  # the official's
    verified = run(env, "verify", str(bundle), "--roster", str(roster))
    assert verified.returncode == 1 and "NOT ACCEPTED (unsigned policy" in verified.stdout
    countersigned = run(
        env, "countersign", str(bundle), "--roster", str(roster), "--reviewer", "R1",
        "--passphrase-file", env["PASSPHRASE_FILE"],
    )  # fmt: skip
    assert countersigned.returncode == 1 and "unsigned policy" in countersigned.stderr


@needs("pdftotext")
def test_a_pack_built_installed_and_used_reviews_clean_and_a_tampered_copy_does_not(  # type: ignore[no-untyped-def]
    agency, env: dict[str, str], tmp_path: Path
) -> None:
    key, pack = agency
    assert run(env, "pack", "install", str(pack)).returncode == 0
    home = Path(env["SELFCHECK_HOME"])
    fingerprint = subprocess.run(
        [SSH_KEYGEN, "-l", "-f", str(key.with_suffix(".pub"))], capture_output=True, text=True,
        check=True,
    ).stdout.split()[1]  # fmt: skip
    accepts = f'[[packs]]\nid = "bng-policy"\nsigner = "{fingerprint}"\nmin_version = 2\n'

    out = tmp_path / "installed"
    assert assess(env, "annual", out).returncode in (0, 1)
    result, csv, pdf, summary, _ = _review(env, tmp_path, out, "installed", accepts)
    policy = summary["policy"]
    assert policy["signed"] and (policy["pack"], policy["version"]) == ("bng-policy", 2)
    assert policy["signer"] == fingerprint
    assert "!" not in result.stdout and "1 without problems" in result.stdout, result.stdout
    assert "policy" not in csv.split("\n", 1)[1]

    # The same roster does not accept the reference pack, nor a tampered or unsigned copy.
    installed = home / "packs" / "bng-policy" / "2"
    for name, source, words in (
        ("tampered", _edited(tmp_path, "tampered", _no_gov_vn), "unsigned policy"),
        ("unsigned", _edited(tmp_path, "plain", lambda _n, t: t), "unsigned policy"),
        ("reference", CHECKLISTS, "policy not accepted"),
    ):
        if name == "tampered":  # the installed pack's own files, one edited, manifest kept
            shutil.copy(installed / "pack.json", source / "pack.json")
            shutil.copy(installed / "pack.json.sig", source / "pack.json.sig")
        if name == "unsigned":
            for extra in ("pack.json", "pack.json.sig"):
                (source / extra).unlink()
        out = tmp_path / f"out-{name}"
        assert assess(env, "annual", out, "--checklists", str(source)).returncode in (0, 1)
        result, csv, pdf, _summary, _ = _review(env, tmp_path, out, name, accepts)
        assert result.returncode == 1
        assert f"! {words}" in result.stdout, result.stdout
        assert words in csv
        assert words in pdf


# -- the manifest, the roster's packs and precedence, without subprocesses ------------------


def _manifest_doc() -> dict[str, object]:
    return json.loads((CHECKLISTS / "pack.json").read_bytes())


def _canonical(doc: dict[str, object]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


# A manifest as it must not be, and the words its refusal must have.
BAD_MANIFESTS = [
    (lambda d: _canonical(d).replace(b'{"expires"', b'{"id":"x","expires"'), "appears twice"),
    (lambda d: _canonical(d).replace(b'"version":1', b'"version":1.0'), "must be whole"),
    (lambda d: _canonical(d).replace(b'"version":1', b'"version":NaN'), "must be whole"),
    (lambda d: json.dumps(d, sort_keys=True).encode(), "not in canonical form"),
    (lambda d: _canonical({**d, "extra": 1}), "field 'extra' is not a known field"),
    (lambda d: _canonical({**d, "expires": None}).replace(b'"expires":null,', b""),
     "'expires' is missing"),
    (lambda d: _canonical({**d, "format": "other"}), "field 'format' must be"),
    (lambda d: _canonical({**d, "id": "Bad Id"}), "field 'id'"),
    (lambda d: _canonical({**d, "version": 0}), "field 'version'"),
    (lambda d: _canonical({**d, "version": True}), "field 'version'"),
    (lambda d: _canonical({**d, "profiles": []}), "field 'profiles'"),
    (lambda d: _canonical({**d, "profiles": ["bng", "bng"]}), "field 'profiles'"),
    (lambda d: _canonical({**d, "expires": d["issued"]}), "'expires' must be after"),
    (lambda d: _canonical({**d, "issued": "2026-02-30"}), "'issued' is not a real date"),
    (lambda d: _canonical({**d, "min_app_version": "latest"}), "field 'min_app_version'"),
    (lambda d: _canonical({**d, "files": {"../x.toml": "0" * 64}}), "not a checklist path"),
    (lambda d: _canonical({**d, "files": {"a.txt": "0" * 64}}), "not a checklist path"),
    (lambda d: _canonical({**d, "files": {"a.toml": "A" * 64}}), "must be a sha256"),
    (lambda d: _canonical({**d, "files": {}}), "field 'files'"),
    (lambda d: b"[]", "must be a JSON object"),
    (lambda d: b"\xff", "not JSON"),
    (lambda d: b"[" * 100_000, "not JSON"),
    (lambda d: b" " * (256 * 1024 + 1), "larger than"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "words"), BAD_MANIFESTS)
def test_a_malformed_manifest_is_refused_in_one_line(data, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PackError, match=words) as caught:
        parse_manifest(data(_manifest_doc()))
    assert len(str(caught.value).splitlines()) == 1


def test_the_roster_names_its_packs_and_refuses_a_bad_entry(tmp_path: Path) -> None:
    from desktop.core.review.roster import AcceptedPack, RosterError, load_roster

    roster = tmp_path / "roster.toml"
    signer = "SHA256:" + "A" * 43
    roster.write_text(f'[[packs]]\nid = "bng-policy"\nsigner = "{signer}"\nmin_version = 3\n')
    assert load_roster(roster).packs == (AcceptedPack("bng-policy", signer, 3),)
    for bad, field in (
        ('id = "bng"\nsigner = "ssh-ed25519 AAAA"', "signer"),
        (f'id = "Bad"\nsigner = "{signer}"', "id"),
        (f'id = "bng"\nsigner = "{signer}"\nmin_version = 0', "min_version"),
        (f'id = "bng"\nsigner = "{signer}"\nkey = 1', "key"),
    ):
        roster.write_text(f"[[packs]]\n{bad}\n")
        with pytest.raises(RosterError, match=rf"field '(packs\[0\]\.)?{field}'"):
            load_roster(roster)


def test_an_expired_or_superseded_installed_pack_gives_way_to_the_reference_pack(
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from desktop.core.signing.pack_archive import build_pack, zip_bytes
    from desktop.core.signing.pack_policy import active_folder, load_active_policy
    from desktop.core.signing.sshsig import PublicKey
    from tests.signing_helpers import new_key

    home = tmp_path / "home"
    key = new_key()
    _trust(home, PublicKey.of(key).openssh)

    def pack(pack_id: str, version: int, days: int) -> Path:
        _m, data, sig, files = build_pack(
            CHECKLISTS, key, pack_id=pack_id, version=version, profiles=("bng",),
            issued=TODAY, expires=TODAY + timedelta(days=days),
        )  # fmt: skip
        out = tmp_path / f"{pack_id}-{version}.zip"
        out.write_bytes(zip_bytes(data, sig, files))
        return out

    assert active_folder(home) == CHECKLISTS.resolve() or active_folder(home) == CHECKLISTS
    install_pack(pack("bng-policy", 1, 10), home)
    assert active_folder(home, TODAY) == home / "packs" / "bng-policy" / "1"
    policy = load_active_policy(None, home)
    assert policy.origin is not None and policy.origin.pack == "bng-policy"
    assert set(policy.profiles) == {"bng"}
    # The window's session opens on that pack too (its pointer read without verifying),
    # and learns it is signed once its check has run (gui.policy_check).
    from desktop.gui.session import _open_policy

    shown, check = _open_policy(tmp_path / "cache", home)
    assert check is not None and check.checklists.root == home / "packs" / "bng-policy" / "1"
    assert shown.origin is None
    settled = check.result()
    assert settled.origin is not None and settled.origin.pack == "bng-policy"
    assert set(settled.profiles) == {"bng"} and not check.stale
    later = TODAY + timedelta(days=10)
    assert active_folder(home, later).name == "checklists"  # expired: the built-in again
    # The reference pack's own id, at a version the built-in already has: the built-in wins.
    install_pack(pack("selfcheck-reference", 1, 10), home)
    assert active_folder(home, TODAY).name == "checklists"


def test_one_judge_answers_for_each_profile_signer_and_version_apart() -> None:
    """A review asks the same judge for thousands of bundles, and it keeps its answers
    (review.policy.PolicyJudge): an answer for one profile or version is never given for
    another."""
    from dataclasses import replace

    from desktop.core.review.policy import PolicyJudge, PolicyProblem
    from desktop.core.review.roster import AcceptedPack
    from desktop.core.signing.pack_trust import trusted_signers
    from tests.signing_helpers import decoded, minimal_summary

    record = minimal_summary("SHA256:" + "A" * 43)
    policy = record["policy"]
    agency = next(s for s in trusted_signers(None) if s.key.fingerprint == policy["signer"])
    judge = PolicyJudge([], [replace(agency, principals=("bng",))])  # bng's key only

    def judged(judge: PolicyJudge, profile: str, version: int) -> list[PolicyProblem]:
        doc = minimal_summary("SHA256:" + "A" * 43)
        doc["person"]["profile"] = profile
        doc["policy"]["version"] = version
        return [kind for kind, _said in judge.problems(decoded(doc))]

    version = policy["version"]
    assert judged(judge, "bng", version) == []
    assert judged(judge, "quang-ninh", version) == [PolicyProblem.NOT_ACCEPTED]
    assert judged(judge, "bng", version) == []
    by_roster = PolicyJudge([AcceptedPack(policy["pack"], policy["signer"], version + 1)])
    assert judged(by_roster, "bng", version + 1) == []
    assert judged(by_roster, "bng", version) == [PolicyProblem.NOT_ACCEPTED]
    assert judged(by_roster, "quang-ninh", version + 1) == []  # the roster's word, any profile


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("X1", "X1"),
        ("X1", "X2"),
        ("X1", "X*"),
        ("X1", "X?"),
        ("a[1]", "a[1]"),  # a class in fnmatch: matches "a1", not itself
        ("a1", "a[1]"),
        ("selfcheck-summary@v1", "selfcheck-summary@v1"),
        ("", ""),
    ],
)
def test_principals_and_namespaces_match_as_ssh_keygen_patterns(name: str, pattern: str) -> None:
    """A pattern with no wildcard is compared as text, without fnmatch (a review asks a few
    times a bundle): the same answers as fnmatch gives."""
    import fnmatch

    from desktop.core.signing.allowed_signers import AllowedSigner
    from desktop.core.signing.sshsig import PublicKey
    from tests.signing_helpers import new_key

    signer = AllowedSigner((pattern,), PublicKey.of(new_key()), (pattern,))
    assert signer.names(name) is fnmatch.fnmatchcase(name, pattern)
    assert signer.allows(name) is fnmatch.fnmatchcase(name, pattern)
