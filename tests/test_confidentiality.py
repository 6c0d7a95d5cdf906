"""Issue 16, item 3: what a summary and its documents show, and what the app leaves behind:
no core dump of a process holding a typed secret, bidirectional controls escaped in the
PDFs, private folders, masked handles."""

import copy
import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from msgspec.structs import replace

from desktop.core.policy.model import Policy
from desktop.core.records import bundle as bundles
from desktop.core.records import summary as summary_json
from desktop.core.review.roster import enrol, new_roster
from desktop.core.review.scan import review
from desktop.core.signing.sshsig import PublicKey
from tests.conftest import EXAMPLES, ROOT
from tests.signing_helpers import MemoryKeyring, declare_example
from tests.tools import needs

# Every bidirectional control the issue names: embeddings and overrides, isolates, marks.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("template")
    return json.loads(declare_example(home, "annual", MemoryKeyring()).bundle.summary)


def _pdftotext(pdf: bytes, folder: Path) -> str:
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _hostile(template: dict[str, Any]) -> dict[str, Any]:
    """A summary whose name, unit and handle carry every bidirectional control."""
    doc = copy.deepcopy(template)
    doc["person"]["full_name"] = "Nguyễn Văn \u202eAn gnoV\u202c " + BIDI
    doc["person"]["unit"] = "Vụ \u2067Thông tin\u2069 " + BIDI
    doc["accounts"][0]["handle"] = "an.nguyen\u202e" + BIDI
    return doc


def _assert_escaped(text: str) -> None:
    assert not set(BIDI) & set(text), "a bidirectional control reached the page"
    for ch in BIDI:  # each written out as the command line writes it
        assert f"\\u{ord(ch):04x}" in text.replace("\n", "")
    assert "Nguyễn Văn" in text


@needs("pdftotext")
def test_bidi_controls_are_escaped_in_the_summary_pdf(
    qapp: object, template: dict[str, Any], policy: Policy, tmp_path: Path
) -> None:
    from desktop.report.pdf import render_pdf

    data = summary_json.encode(_hostile(template))
    for language in ("vi", "en"):
        text = _pdftotext(render_pdf(data, policy, language), tmp_path)
        _assert_escaped(text)
        assert "an.nguyen\\u202e" in text


@needs("pdftotext")
def test_bidi_controls_are_escaped_in_the_unit_pdf(
    qapp: object, template: dict[str, Any], policy: Policy, tmp_path: Path
) -> None:
    from desktop.report.unit import unit_pdf

    key = Ed25519PrivateKey.generate()
    doc = _hostile(template)
    doc["person"]["staff_id"] = "BNG-1"
    doc["signer"]["fingerprint"] = PublicKey.of(key).fingerprint
    doc.update(seq=1, prev=None)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    made = bundles.make(summary_json.encode(doc), key, "BNG-1")
    bundles.stage(made, inbox, "BNG-1-1").publish()
    roster = enrol(new_roster(tmp_path / "roster.toml"), "BNG-1", PublicKey.of(key))
    report = review(inbox, roster, {}, date(2026, 11, 23))
    text = _pdftotext(unit_pdf(report, policy, "vi", date(2026, 11, 23)), tmp_path)
    _assert_escaped(text)


# -- core dumps ---------------------------------------------------------------------------

# The real entry point in a real process; at its exit, what it allows: RLIMIT_CORE and
# prctl(PR_GET_DUMPABLE), written to the file named first.
_REPORTING = """
import atexit, ctypes, json, resource, sys
def report(path=sys.argv[1]):
    state = {"core": list(resource.getrlimit(resource.RLIMIT_CORE)),
             "dumpable": ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)}
    with open(path, "w") as out:
        json.dump(state, out)
atexit.register(report)
"""
_CLI = (
    _REPORTING
    + """
import runpy
sys.argv = ["selfcheck", *sys.argv[2:]]
runpy.run_module("desktop", run_name="__main__")
"""
)
# The desktop app as `selfcheck` starts it, quitting as soon as its loop runs.
_GUI = (
    _REPORTING
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
loop = QApplication.exec
def once(*args):
    QTimer.singleShot(0, QApplication.quit)
    return loop(*args)
QApplication.exec = once
sys.argv = ["selfcheck"]
from desktop.cli import main
sys.exit(main([]))
"""
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SELFCHECK_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # the key file, no D-Bus
        "QT_QPA_PLATFORM": "offscreen",
    }


def _state(tmp_path: Path, script: str, *args: str, stdin: str = "") -> dict[str, Any]:
    state = tmp_path / "state.json"
    done = subprocess.run(
        [sys.executable, "-c", script, str(state), *args],
        input=stdin,
        env=_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert state.exists(), done.stderr
    result: dict[str, Any] = json.loads(state.read_text())
    return result


@linux_only
@pytest.mark.parametrize(
    "command",
    [
        ("check", str(EXAMPLES / "annual.toml"), "--password-stdin"),
        ("keys", "enrol", "--passphrase-file", "{passphrase}"),
    ],
    ids=["check --password-stdin", "keys enrol"],
)
def test_a_command_reading_a_secret_can_leave_no_core_dump(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n")
    args = [a.format(passphrase=passphrase) for a in command]
    state = _state(tmp_path, _CLI, *args, stdin="Canary-Password-1\n" * 10)
    assert state == {"core": [0, 0], "dumpable": 0}


@linux_only
def test_a_command_that_reads_no_secret_is_left_as_it_was(tmp_path: Path) -> None:
    """The control: the same probe sees a dumpable process where nothing was forbidden."""
    state = _state(tmp_path, _CLI, "lint-checklists", "--quiet")
    assert state["dumpable"] == 1


@linux_only
def test_the_desktop_app_can_leave_no_core_dump(tmp_path: Path) -> None:
    assert _state(tmp_path, _GUI) == {"core": [0, 0], "dumpable": 0}


@linux_only
def test_the_password_helper_process_can_leave_no_core_dump(tmp_path: Path) -> None:
    """The measurer's helper is a new process (spawn): dumpable again until it says not."""
    script = """
import ctypes, json, multiprocessing, sys
from desktop.gui.measure_helper import serve
if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    helper = context.Process(target=serve, args=(child,), daemon=True)
    helper.start()
    conn.send(("Canary-Password-1", ()))
    conn.recv()
    limits = open(f"/proc/{helper.pid}/limits").read()
    owner = __import__("os").stat(f"/proc/{helper.pid}/status").st_uid
    parent = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)
    print(json.dumps({"limits": limits, "owner": owner, "parent": parent}))
"""
    path = tmp_path / "probe.py"
    path.write_text(script)
    out = subprocess.run(
        [sys.executable, str(path)],
        env=_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    found = json.loads(out)
    assert found["parent"] == 1  # nothing inherited: the helper did it itself
    (line,) = [x for x in found["limits"].splitlines() if x.startswith("Max core file size")]
    assert line.split()[4:6] == ["0", "0"]
    if os.getuid() != 0:  # a process that is not dumpable has its /proc files owned by root
        assert found["owner"] == 0


def test_the_self_test_reports_whether_core_dumps_are_prevented(tmp_path: Path) -> None:
    from desktop.commands import selftest

    check = selftest._core_dumps()
    assert check.status is selftest.Status.OK, check.detail
    assert "RLIMIT_CORE 0" in check.detail


# -- private folders ----------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_folder_created_for_a_bundle_and_the_data_is_private(tmp_path: Path) -> None:
    """`assess --out a/b/c` made a, b and c 0755 (umask 022); a new SELFCHECK_HOME's
    parents too."""
    env = _env(tmp_path)
    env["SELFCHECK_HOME"] = str(tmp_path / "data" / "deeper" / "home")
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n")
    out = tmp_path / "exports" / "2026" / "annual"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, runpy, sys; os.umask(0o022); sys.argv = ['selfcheck', *sys.argv[1:]]; "
            "runpy.run_module('desktop', run_name='__main__')",
            "assess",
            str(EXAMPLES / "annual.toml"),
            "--out",
            str(out),
            "--no-pdf",
            "--passphrase-file",
            str(passphrase),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    (bundle,) = [p for p in out.iterdir() if not p.name.startswith(".")]
    created = [
        tmp_path / "exports",
        tmp_path / "exports" / "2026",
        out,
        bundle,
        tmp_path / "data",
        tmp_path / "data" / "deeper",
        Path(env["SELFCHECK_HOME"]),
    ]
    created += [p for p in Path(env["SELFCHECK_HOME"]).rglob("*") if p.is_dir()]
    assert {str(p): oct(_mode(p)) for p in created} == {str(p): "0o700" for p in created}
    assert all(_mode(f) == 0o600 for f in bundle.iterdir())


def test_a_zip_bundle_folder_is_private_and_an_existing_folder_is_left_alone(
    tmp_path: Path,
) -> None:
    from desktop.core.base.folders import private_folder

    mine = tmp_path / "Desktop"
    mine.mkdir()
    mine.chmod(0o755)
    made = private_folder(mine / "bundles" / "2026")
    assert made == mine / "bundles" / "2026"
    assert (_mode(mine), _mode(mine / "bundles"), _mode(made)) == (0o755, 0o700, 0o700)
    (mine / "a-file").write_text("x")
    with pytest.raises(FileExistsError):
        private_folder(mine / "a-file")


def test_the_self_test_reports_a_data_folder_others_can_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.commands import selftest

    home = tmp_path / "home"
    monkeypatch.setenv("SELFCHECK_HOME", str(home))
    assert selftest._data_folder().status is selftest.Status.OK
    assert _mode(home) == 0o700
    for mode in (0o750, 0o705, 0o744):
        home.chmod(mode)
        check = selftest._data_folder()
        assert check.status is selftest.Status.WARN
        assert "open to other users" in check.detail and str(home) in check.detail


# -- masked handles -----------------------------------------------------------------------


def _assessed(tmp_path: Path, policy: Policy, handle: str):  # type: ignore[no-untyped-def]
    from desktop.core.assessment.answers import load_answers
    from desktop.core.assessment.engine import assess

    answers = (EXAMPLES / "onboarding.toml").read_text("utf-8")
    assert 'handle = "thuha.tran99"' in answers and 'handle = "0912345678"' in answers
    path = tmp_path / "answers.toml"
    path.write_text(answers.replace('handle = "thuha.tran99"', f'handle = "{handle}"'), "utf-8")
    return assess(policy, load_answers(path, policy))


def test_an_email_or_phone_handle_is_masked_in_the_signed_summary(
    tmp_path: Path, policy: Policy
) -> None:
    result = _assessed(tmp_path, policy, "Thuha.Tran99@gmail.com")
    fingerprint = "SHA256:" + "A" * 43
    data = summary_json.encode(
        summary_json.build(result, fingerprint=fingerprint, seq=1, prev=None)
    )
    handles = [a.handle for a in summary_json.decode(data).accounts]
    assert handles == ["T***@gmail.com", "09******78"]
    for secret in ("Thuha.Tran99", "thuha.tran99", "0912345678", "912345678"):
        assert secret.encode() not in data
    # The person's own screens still show what they typed.
    assert [a.handle for a in result.submission.accounts] == [
        "Thuha.Tran99@gmail.com",
        "0912345678",
    ]


@pytest.mark.parametrize(
    ("handle", "shown"),
    [
        ("nguyenvanan@gmail.com", "n***@gmail.com"),
        ("an@b@mofa.gov.vn", "a***@mofa.gov.vn"),  # the last @ ends the address
        ("0912345612", "09******12"),
        ("+84 912 345 612", "+84*******12"),
        ("091-234-5612", "09******12"),
        ("an.nguyenvan.78", "an.nguyenvan.78"),  # a user name is kept as typed
        ("@annguyen_vn", "@annguyen_vn"),
        ("n***@gmail.com", "n***@gmail.com"),  # masking a masked handle changes nothing
        ("09******12", "09******12"),
    ],
)
def test_masking_keeps_an_end_of_each_to_tell_accounts_apart(handle: str, shown: str) -> None:
    from desktop.core.records.masking import masked_handle

    assert masked_handle(handle) == shown


def test_an_earlier_summary_with_the_full_handle_is_the_same_account(
    tmp_path: Path, policy: Policy
) -> None:
    """Summaries signed before masking hold the handle in full: the changes since one of
    them must not list every such account as removed and added again."""
    from desktop.core.records.changes import ChangeKind, compare

    result = _assessed(tmp_path, policy, "thuha.tran99@gmail.com")
    fingerprint = "SHA256:" + "A" * 43
    now = summary_json.build(result, fingerprint=fingerprint, seq=2, prev=None)
    earlier = summary_json.findings_view(result)
    full = {a.id: a.handle for a in result.submission.accounts}
    before = summary_json.FindingsView(
        [replace(a, handle=full[a.id]) for a in earlier.accounts], earlier.findings
    )
    assert [a.handle for a in before.accounts] == ["thuha.tran99@gmail.com", "0912345678"]
    changes = compare(before, now)
    assert not [
        c for c in changes if c.kind in (ChangeKind.NEW_ACCOUNT, ChangeKind.REMOVED_ACCOUNT)
    ]
