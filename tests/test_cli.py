"""The command line as a user runs it: real processes, exit codes, one-line errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHECKLISTS, EXAMPLES, ROOT


def selfcheck(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        cwd=cwd or ROOT,
        check=False,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_lint_shipped_checklists_reports_full_coverage() -> None:
    result = selfcheck("lint-checklists")
    assert result.returncode == 0, result.stderr
    assert "50/50 account, pledge, programme and review provisions covered" in result.stdout
    assert "MISSING" not in result.stdout
    assert "ok       BNG-5.6      account    acct-no-official-email" in result.stdout


def _broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    target = tmp_path / "checklists"
    for source in CHECKLISTS.rglob("*.toml"):
        dest = target / source.relative_to(CHECKLISTS)
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text("utf-8")
        if source.relative_to(CHECKLISTS).as_posix() == name:
            assert old in text
            text = text.replace(old, new, 1)
        dest.write_text(text, "utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'severity = "medium"\nprovisions = ["QN-II.1.b"]\n',
            'provisions = ["QN-II.1.b"]\n',
            "item 'acct-real-name': field 'severity': is missing",
        ),
        (
            'provisions = ["BNG-5.6", "QN-II.2.a"]',
            'provisions = ["BNG-99"]',
            "item 'acct-no-official-email': field 'provisions[0]': unknown provision id 'BNG-99'",
        ),
        (
            'id = "acct-page-real-name"',
            'id = "acct-real-name"',
            "item 'acct-real-name': field 'id': duplicate item id 'acct-real-name'",
        ),
    ],
)
def test_lint_broken_checklist_gives_one_line_and_fails(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    folder = _broken_copy(tmp_path, "items/accounts.toml", old, new)
    result = selfcheck("lint-checklists", str(folder))
    assert result.returncode != 0
    assert_no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"selfcheck: {folder / 'items' / 'accounts.toml'}: ")
    assert expected in lines[0]


def test_lint_fails_when_a_required_provision_is_not_cited(tmp_path: Path) -> None:
    folder = _broken_copy(
        tmp_path,
        "items/programme.toml",
        'provisions = ["BNG-6.1", "BNG-6.2", "BNG-7", "QN-PD.II.c"]',
        'provisions = ["BNG-6.1", "BNG-6.2", "QN-PD.II.c"]',
    )
    result = selfcheck("lint-checklists", str(folder))
    assert result.returncode == 1
    assert "selfcheck: provision BNG-7 (review) is cited by no item" in result.stderr
    assert "MISSING  BNG-7" in result.stdout


def test_check_prints_findings_and_verdict() -> None:
    result = selfcheck("check", str(EXAMPLES / "annual.toml"), "--lang", "en")
    assert result.returncode == 1  # the example has open findings
    assert "== X: @annguyen_vn" in result.stdout
    assert "Verdict: ACTION REQUIRED" in result.stdout
    assert (
        "personal account is registered with the official address An.NguyenVan@MOFA.GOV.VN"
        in result.stdout
    )


def test_check_in_vietnamese_by_default() -> None:
    result = selfcheck("check", str(EXAMPLES / "onboarding.toml"))
    assert "Kết luận: CẦN KHẮC PHỤC" in result.stdout
    assert "Tên hiển thị “Thu Hà 🌸” có từ không thuộc họ tên thật: 🌸." in result.stdout


def test_check_of_a_malformed_answers_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "selfcheck-answers", "version": 1, "programme": "x"}')
    result = selfcheck("check", str(bad))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert result.stderr == (
        f"selfcheck: {bad}: field 'programme': must be one of onboarding, annual, predeployment\n"
    )


def test_check_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = selfcheck("check", str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert result.stderr.count("\n") == 1 and "No such file" in result.stderr


def test_password_stdin_measures_one_line_per_account(tmp_path: Path) -> None:
    out = tmp_path / "findings.json"
    # Facebook gets a shared weak password; X the same one; the page is skipped (empty line).
    result = selfcheck(
        "check",
        str(EXAMPLES / "annual.toml"),
        "--password-stdin",
        "--lang",
        "en",
        "--json",
        str(out),
        stdin="an1978\n\nan1978\n",
    )
    assert result.returncode == 1, result.stderr
    text = out.read_text("utf-8")
    assert '"reason": "password-too-short"' in text
    assert '"reason": "password-reused"' in text
    assert "This password is also used for: @annguyen_vn" in result.stdout


def test_canary_password_reaches_no_file_and_no_output(tmp_path: Path) -> None:
    """A password typed through the engine is found in nothing the run wrote."""
    canary = "Canary-Hạ-Long-7f3a9c-Pw!"
    home, tmp, out_dir = tmp_path / "home", tmp_path / "tmp", tmp_path / "out"
    for folder in (home, tmp, out_dir):
        folder.mkdir()
    env = {
        "SELFCHECK_HOME": str(home),
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    result = selfcheck(
        "check",
        str(EXAMPLES / "annual.toml"),
        "--password-stdin",
        "--json",
        str(out_dir / "findings.json"),
        stdin=f"{canary}\n{canary}\n{canary}\n",
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert (out_dir / "findings.json").exists()
    needles = [canary.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    needles += [canary.lower().encode(), "7f3a9c".encode("utf-16-le"), b"7f3a9c"]
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written, "the run wrote nothing to search"
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"canary found in {path}"
    for stream in (result.stdout, result.stderr):
        assert "7f3a9c" not in stream


def run_gui(drop: tuple[str, ...], **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return subprocess.run(
        [sys.executable, "-m", "desktop"],
        capture_output=True,
        text=True,
        env={**env, **extra},
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_gui_without_a_display_says_so_in_one_line() -> None:
    result = run_gui(("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 2
    assert result.stderr.startswith("selfcheck: no display found")
    assert result.stderr.count("\n") == 1


def test_gui_with_an_unreachable_display_does_not_abort() -> None:
    result = run_gui(("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"), DISPLAY=":87")  # nobody there
    assert result.returncode == 2
    assert result.stderr == (
        "selfcheck: cannot connect to the X display ':87': is the desktop session running?\n"
    )


def test_a_listening_display_socket_counts_as_a_display(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check connects to the server's socket: a socket that listens is a display, the
    same path with nobody listening (a server that died) is not."""
    import socket

    from desktop.gui.display import display_problem

    path = tmp_path / "X0"
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", f"{path}:0")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        assert display_problem() is None
    assert display_problem() is not None  # the socket file is left, nobody listens


def test_version() -> None:
    result = selfcheck("--version")
    assert result.returncode == 0 and result.stdout.startswith("selfcheck ")


def test_counts_are_singular_or_plural_never_with_an_s_in_brackets() -> None:
    from desktop.commands import counted

    assert counted(1, "file") == "1 file"
    assert counted(0, "file") == "0 files"
    assert counted(2, "declaration") == "2 declarations"
    assert counted(1, "person", "people") == "1 person"
    assert counted(3, "person", "people") == "3 people"
