"""`selfcheck assess`, `verify`, `history` and `keys` as a user runs them."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.signing_helpers import (
    SSH_KEYGEN,
    needs_ssh_keygen,
    ssh_keygen_verify_bundle,
    write_folder,
)
from tests.tools import needs

SCHEMA = json.loads((ROOT / "docs" / "summary.schema.json").read_text("utf-8"))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n")
    return {
        **os.environ,
        "SELFCHECK_HOME": str(home),
        "PASSPHRASE_FILE": str(passphrase),
        "TMPDIR": str(tmp_path / "tmp"),
    }


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    Path(env["TMPDIR"]).mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def assess(
    env: dict[str, str], programme: str, out: Path, *extra: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return run(
        env,
        "assess",
        str(EXAMPLES / f"{programme}.toml"),
        "--out",
        str(out),
        "--passphrase-file",
        env["PASSPHRASE_FILE"],
        *extra,
        stdin=stdin,
    )


def _bundle(out: Path) -> Path:
    (folder,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    return folder


@needs_ssh_keygen
@pytest.mark.parametrize("programme", ["onboarding", "annual", "predeployment"])
def test_each_example_yields_a_bundle_ssh_keygen_accepts(
    env: dict[str, str], tmp_path: Path, programme: str
) -> None:
    assert SSH_KEYGEN is not None
    out = tmp_path / "out"
    result = assess(
        env,
        programme,
        out,
        "--password-stdin",
        stdin="một cụm mật khẩu thật dài số 1\n\ncụm khác hẳn, cũng dài 22\n",
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Verdict" in result.stdout or "Kết luận" in result.stdout
    folder = _bundle(out)
    jsonschema.validate(
        json.loads((folder / "summary.json").read_bytes()),
        SCHEMA,
        format_checker=jsonschema.FormatChecker(),
    )
    principal = (folder / "allowed_signers").read_text().split()[0]
    check = ssh_keygen_verify_bundle(folder, principal)
    assert check.returncode == 0, check.stderr
    assert (folder / "summary.pdf").read_bytes().startswith(b"%PDF-")


def test_assess_appends_to_the_history_and_verify_reports(
    env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert assess(env, "onboarding", out).returncode in (0, 1)
    assert assess(env, "annual", out, "--zip").returncode in (0, 1)
    history = run(env, "history")
    assert history.returncode == 0
    assert "chain intact: 2 declarations" in history.stdout
    bundles = sorted(out.iterdir(), key=lambda p: p.suffix)
    assert [p.suffix for p in bundles] == ["", ".zip"]
    result = run(env, "verify", *map(str, bundles))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("OK ") == 2

    tampered = tmp_path / "tampered"
    tampered.mkdir()
    for f in bundles[0].iterdir():
        (tampered / f.name).write_bytes(f.read_bytes())
    summary = tampered / "summary.json"
    summary.write_bytes(summary.read_bytes().replace(b"action-required", b"compliant"))
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = run(env, "verify", str(bundles[0]), str(tampered), str(junk), str(tmp_path / "none"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("OK ")
    assert lines[1] == f"INVALID {tampered}: bad signature: the signature does not match the data"
    assert lines[2].startswith(f"INVALID {junk}: truncated")
    assert lines[3] == f"INVALID {tmp_path / 'none'}: malformed: no such file or folder"


def test_verify_with_a_reviewer_allowed_signers_file(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assess(env, "annual", out)
    folder = _bundle(out)
    stranger = tmp_path / "roster"
    stranger.write_text(
        'BNG-08231 namespaces="selfcheck-summary-v1" ssh-ed25519 '
        "AAAAC3NzaC1lZDI1NTE5AAAAIBmVpE4vpz2ry7aAYz2TzxeEJ0N9hZ5jjLI2TfrPx0Mj\n"
    )
    result = run(env, "verify", str(folder), "--allowed-signers", str(stranger))
    assert result.returncode == 1
    assert "unknown signer" in result.stdout
    result = run(env, "verify", str(folder), "--allowed-signers", str(folder / "allowed_signers"))
    assert result.returncode == 0
    bad = tmp_path / "bad-roster"
    bad.write_text("this is not an allowed signers line\n")
    assert run(env, "verify", str(folder), "--allowed-signers", str(bad)).returncode == 2
    assert run(env, "verify").returncode == 2  # no path: a usage error


@needs_ssh_keygen
def test_keys_show_prints_what_ssh_keygen_prints(env: dict[str, str], tmp_path: Path) -> None:
    assert SSH_KEYGEN is not None
    assert run(env, "keys", "show").returncode == 1  # no key yet: says so
    assess(env, "annual", tmp_path / "out")
    exported = tmp_path / "key.pub"
    assert run(env, "keys", "export", "--out", str(exported)).returncode == 0
    expected = subprocess.run(
        [SSH_KEYGEN, "-l", "-f", str(exported)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.strip()
    shown = run(env, "keys", "show", "--principal", "BNG-08231").stdout.splitlines()
    assert shown[0] == expected
    line = (_bundle(tmp_path / "out") / "allowed_signers").read_text().strip()
    assert f"allowed_signers: {line}" in shown


def test_canary_password_is_nowhere_after_assess(env: dict[str, str], tmp_path: Path) -> None:
    canary = "Canary-Đà-Lạt-51c0de-Pw!"
    out = tmp_path / "out"
    result = assess(env, "annual", out, "--password-stdin", stdin=f"{canary}\n{canary}\n{canary}\n")
    assert result.returncode in (0, 1), result.stderr
    assert "password-reused" not in result.stdout  # printed as words, not reason keys
    needles = [canary.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    needles += [b"51c0de", "51c0de".encode("utf-16-le"), canary.lower().encode()]
    searched = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "passphrase"]
    assert any(p.name == "history.db" for p in searched)
    assert any(p.name == "summary.json" for p in searched)
    for path in searched:
        data = path.read_bytes()
        assert not any(n in data for n in needles), path
    assert "51c0de" not in result.stdout + result.stderr


def test_assess_refuses_to_sign_onto_a_broken_history(env: dict[str, str], tmp_path: Path) -> None:
    import sqlite3

    out = tmp_path / "out"
    assess(env, "onboarding", out)
    assess(env, "annual", out)
    db = sqlite3.connect(Path(env["SELFCHECK_HOME"]) / "history.db")
    db.execute("DROP TRIGGER declarations_append_only_delete")
    db.execute("DELETE FROM declarations WHERE seq = 2")
    db.commit()
    db.close()
    result = assess(env, "annual", out)
    assert result.returncode == 2
    assert "not intact; nothing was signed" in result.stderr
    assert "history was restored from an older copy or declarations were removed" in result.stderr
    assert run(env, "history").returncode == 1


def test_verify_output_cannot_be_forged_by_signed_text(env: dict[str, str], tmp_path: Path) -> None:
    from desktop.core.records import summary
    from desktop.core.signing.sshsig import PublicKey
    from tests.signing_helpers import minimal_summary, new_key, signed_bundle

    key = new_key()
    doc = minimal_summary(PublicKey.of(key).fingerprint)
    doc["person"]["full_name"] = "X\x1b[2K\rOK      forged line"
    made = signed_bundle(key, summary.encode(doc))
    folder = write_folder(made, tmp_path, "b")
    result = run(env, "verify", str(folder))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "\\x1b[2K\\rOK" in result.stdout
    assert result.stdout.rstrip().endswith("[own key: not checked against a roster]")


def test_an_unwritable_out_folder_declares_nothing(env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = assess(env, "annual", blocker)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    history = run(env, "history")
    assert "no declarations yet" in history.stdout
    assert history.returncode == 0


def test_a_passphrase_file_that_is_not_text_is_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    # The passphrase file is read only when there is no usable keychain: the child gets
    # keyring's backend that refuses everything, even under `make test`'s gnome-keyring.
    no_keychain = {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    bad = tmp_path / "latin1"
    bad.write_bytes(b"m\xe3t kh\xe2u\n")
    result = assess({**no_keychain, "PASSPHRASE_FILE": str(bad)}, "annual", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("the passphrase file is not UTF-8 text")


def test_diff_lists_each_changed_item_between_two_declarations(
    env: dict[str, str], tmp_path: Path
) -> None:
    from desktop.core.records import summary as summary_json
    from desktop.core.records.changes import compare

    out_a, out_b = tmp_path / "a", tmp_path / "b"
    assert assess(env, "onboarding", out_a).returncode in (0, 1)
    assert assess(env, "annual", out_b, "--zip").returncode in (0, 1)
    a, b = _bundle(out_a), _bundle(out_b)
    result = run(env, "diff", str(a), str(b))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(b) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith("/summary.json")]
        later = summary_json.decode(archive.read(name))
    expected = compare(summary_json.decode((a / "summary.json").read_bytes()), later)
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(f"{len(expected)} change" + ("" if len(expected) == 1 else "s"))
    assert "(s)" not in result.stdout
    listed = lines[1:-1]
    assert [line for line in listed if not line.startswith("note:")] and len(listed) >= len(
        expected
    )
    for change in expected:
        wanted = change.item if change.item is not None else change.account
        assert any(wanted in line for line in listed), wanted
    # The later summary recorded the same changes when it was signed.
    assert later.changes and later.changes.items == expected


def test_diff_refuses_a_tampered_bundle(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert assess(env, "annual", out).returncode in (0, 1)
    good = _bundle(out)
    bad = tmp_path / "bad"
    bad.mkdir()
    for f in good.iterdir():
        (bad / f.name).write_bytes(f.read_bytes().replace(b'"fail"', b'"pass"'))
    result = run(env, "diff", str(good), str(bad))
    assert result.returncode == 1
    assert "not a valid bundle" in result.stderr and "Traceback" not in result.stderr


@needs("pdftotext")
def test_a_reviewer_makes_the_pdf_again_from_a_bundle(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert assess(env, "annual", out).returncode in (0, 1)
    folder = _bundle(out)
    again = tmp_path / "again.pdf"
    result = run(env, "pdf", str(folder), "--out", str(again))
    assert result.returncode == 0, result.stderr

    def text(path: Path) -> str:
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    assert text(again) == text(folder / "summary.pdf")
