"""Smoke tests of the frozen app that `make build` produces (build.spec).

`SELFCHECK_FROZEN_APP` points at an existing build (`make test-frozen` uses dist/);
otherwise the app is built here, into build/test-frozen/, whenever the build tools are
installed (PyInstaller from the `build` extra, binutils' objdump); under `make test` they
must be (tests/tools.py). The frozen app then has to pass its own self-test, offscreen and on the X
server, and sign a bundle that the real `ssh-keygen -Y verify` accepts.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import __version__
from tests import tools
from tests.conftest import EXAMPLES, ROOT
from tests.signing_helpers import needs_ssh_keygen, ssh_keygen_verify_bundle

BUILD_TIMEOUT_S = 900


@pytest.fixture(scope="module")
def frozen_app() -> Iterator[Path]:
    given = os.environ.get("SELFCHECK_FROZEN_APP")
    if given:
        yield Path(given)
        return
    if importlib.util.find_spec("PyInstaller") is None:
        tools.missing("PyInstaller (pip install -e '.[build]')")
    tools.tool("objdump")
    if not list((ROOT / "assets" / "translations").glob("*.qm")):
        pytest.skip("no compiled translations: run `make translations` (make test does)")
    # In build/ (ignored by git), not a temporary folder: PyInstaller keeps its analysis
    # there and, when no module, data file or setting is newer than the last build, only
    # collects the files again (seconds instead of about a minute on a warm machine).
    work = ROOT / "build" / "test-frozen"
    work.mkdir(parents=True, exist_ok=True)
    import fcntl  # here: the module is collected on Windows too

    # Held while this module's tests run the app: a second test run in the same tree
    # waits instead of rebuilding (and wiping) the folder under the first one's feet.
    with (work / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(
            [
                *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"),
                *("--distpath", str(work / "dist"), "--workpath", str(work / "build")),
                str(ROOT / "build.spec"),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-4000:]
        yield work / "dist" / "selfcheck" / "selfcheck"


def run_frozen(
    app: Path, *args: str, env: dict[str, str] | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    # The frozen app must stand on its own: no project sources or venv on its path, and
    # no SELFCHECK_* setting pointing it at the source tree's files.
    base = {
        k: v for k, v in (env or os.environ).items() if not k.startswith(("PYTHON", "SELFCHECK_"))
    }
    return subprocess.run(
        [str(app), *args],
        cwd=app.parent,
        env={**base, **extra},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_frozen_app_reports_the_package_version(frozen_app: Path) -> None:
    result = run_frozen(frozen_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"selfcheck {__version__}"


def test_the_frozen_self_test_passes_offscreen(frozen_app: Path) -> None:
    result = run_frozen(frozen_app, "--self-test", QT_QPA_PLATFORM="offscreen")
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "(frozen)" in out.splitlines()[0]
    assert f"ok    resources: frozen app at {frozen_app.parent}" in out
    assert "ok    checklists: 3 programmes, " in out
    assert "ok    policy: pack selfcheck-reference" in out  # assets/keys and pack.json bundled
    assert "ok    translations: Vietnamese" in out
    assert "ok    user guide: Vietnamese and English" in out  # the Help menu's
    assert "platform plugin 'offscreen', SVG icon renders" in out
    # Proves freeze_support(): the password helper is a second start of the frozen app.
    assert "ok    zxcvbn: measured in a helper process" in out
    assert "ok    signing: Ed25519 SSHSIG round trip" in out
    # ctypes reaches prctl in the frozen app too (issue 16: no core dump of a password).
    assert "ok    core dumps: prevented for password-holding processes (RLIMIT_CORE 0, not" in out
    # pyHanko and python-pkcs11's compiled part were carried into the build.
    assert "ok    pdf-signing: PKCS#11 signing available" in out
    assert out.rstrip().endswith("self-test: usable")
    if os.environ.get("SELFCHECK_TEST_KEYCHAIN") == "gnome-keyring":
        # keyring's backends are found although entry points do not work frozen.
        assert "ok    keychain: SecretService" in out


@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs the X server of make test")
def test_the_frozen_app_opens_on_the_x_server(frozen_app: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = run_frozen(frozen_app, "--self-test", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "platform plugin 'xcb', SVG icon renders" in result.stdout


def test_the_frozen_app_runs_through_a_symbolic_link(frozen_app: Path, tmp_path: Path) -> None:
    """The README installs it as a link in /usr/local/bin: it must still find its files."""
    link = tmp_path / "bin" / "selfcheck"
    link.parent.mkdir()
    link.symlink_to(frozen_app)
    result = run_frozen(link, "lint-checklists", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\d+ items, 3 programmes", result.stdout)


def test_a_broken_frozen_install_says_what_is_missing(frozen_app: Path, tmp_path: Path) -> None:
    broken = tmp_path / "selfcheck"
    shutil.copytree(frozen_app.parent, broken, symlinks=True)
    shutil.rmtree(broken / "_internal" / "checklists")
    result = run_frozen(broken / "selfcheck", "--self-test", QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1
    assert "FAIL  checklists:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("self-test: NOT usable (1 failed)")


@needs_ssh_keygen
def test_the_frozen_app_signs_a_bundle_ssh_keygen_accepts(frozen_app: Path, tmp_path: Path) -> None:
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("một câu mật khẩu dài cho tệp khóa\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_frozen(
        frozen_app,
        "assess",
        str(EXAMPLES / "annual.toml"),
        "--out",
        str(out),
        "--passphrase-file",
        str(passphrase),
        SELFCHECK_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.returncode in (0, 1), result.stderr  # 1: the example has findings
    (bundle,) = [p for p in out.iterdir() if p.is_dir()]
    verified = ssh_keygen_verify_bundle(bundle, "BNG-08231")
    assert verified.returncode == 0, verified.stderr
    assert 'Good "selfcheck-summary-v1" signature for BNG-08231' in verified.stdout
    # The PDF came out of the frozen Qt with its fonts: the name reads back exactly.
    if tools.have("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(bundle / "summary.pdf"), "-"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        assert "Nguyễn Văn An" in text
