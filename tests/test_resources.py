"""The resource helper finds checklists, assets and translations from the source tree and
from an installed wheel. (The frozen bundle is the third case: tests/test_frozen.py.)"""

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from desktop.core.base import resources
from tests.conftest import ROOT


def test_from_the_source_tree_the_files_beside_the_package_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SELFCHECK_CHECKLISTS", raising=False)
    assert resources.layout() is resources.Layout.SOURCE
    assert resources.checklists_dir() == ROOT / "checklists"
    assert (resources.assets_dir() / "icons" / "selfcheck.svg").is_file()
    assert resources.user_guide("vi") == ROOT / "docs" / "user-guide.vi.md"
    assert resources.user_guide("en").is_file()


def test_an_agency_can_point_the_app_at_its_own_checklists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SELFCHECK_CHECKLISTS", str(tmp_path))
    assert resources.checklists_dir() == tmp_path


def test_the_wheel_lists_every_package_of_the_source_tree() -> None:
    """pyproject.toml lists the packages by hand (for the data mapping): none forgotten."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = {name for name in config["packages"] if not name.startswith("desktop._shipped")}
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop").rglob("__init__.py")
    }
    assert listed == found


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built into a wheel and installed into a folder of its own."""
    qm = sorted((ROOT / "assets" / "translations").glob("*.qm"))
    if not qm:
        pytest.skip("no compiled translations: run `make translations` (make test does)")
    work = tmp_path_factory.mktemp("wheel")
    wheels, target, source = work / "wheels", work / "site", work / "source"
    # A copy of what `pip install .` reads, so that no build/ left in the repository by an
    # earlier build can slip stale files into the wheel.
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("desktop", "checklists", "assets", "docs"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    # Built in the project's environment (setuptools from the test extra), without
    # fetching a build environment.
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--wheel-dir", str(wheels), str(source)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("selfcheck-*.whl")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"),
            *("--target", str(target), str(wheel)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return wheel


def _run_installed(wheel: Path, *args: str) -> subprocess.CompletedProcess[str]:
    site = wheel.parents[1] / "site"
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SELFCHECK_CHECKLISTS", None)
    # Run from the wheel's folder, so that the source tree is not on the path by accident.
    return subprocess.run(
        [sys.executable, *args],
        cwd=wheel.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_wheel_carries_the_checklists_assets_and_compiled_translations(
    installed_wheel: Path,
) -> None:
    names = set(zipfile.ZipFile(installed_wheel).namelist())
    sources = {path.relative_to(ROOT).as_posix() for path in (ROOT / "desktop").rglob("*.py")}
    assert sources <= names
    for path in (ROOT / "checklists").rglob("*.toml"):
        assert f"desktop/_shipped/{path.relative_to(ROOT).as_posix()}" in names
    assert "desktop/_shipped/assets/translations/selfcheck_vi.qm" in names
    assert "desktop/_shipped/assets/translations/qtbase_vi.qm" in names  # Qt's own dialogs
    assert "desktop/_shipped/assets/translations/selfcheck_en.qm" in names  # English plurals
    assert "desktop/_shipped/assets/icons/selfcheck.svg" in names
    for language in ("vi", "en"):  # the Help menu's guide; the other docs stay behind
        assert f"desktop/_shipped/docs/user-guide.{language}.md" in names
    assert "desktop/_shipped/docs/security.md" not in names
    assert not any(name.endswith(".ts") for name in names)  # sources stay in the repository


def test_an_installed_wheel_finds_its_files_inside_the_package(installed_wheel: Path) -> None:
    site = installed_wheel.parents[1] / "site"
    probe = _run_installed(
        installed_wheel,
        "-c",
        "import desktop; from desktop.core.base import resources as r; "
        "print(desktop.__file__); print(r.layout()); print(r.checklists_dir()); "
        "print(r.assets_dir())",
    )
    assert probe.returncode == 0, probe.stderr
    module, layout, checklists, assets = probe.stdout.splitlines()
    assert Path(module).is_relative_to(site)
    assert layout == "installed package"
    assert Path(checklists) == site / "desktop" / "_shipped" / "checklists"
    assert Path(assets) == site / "desktop" / "_shipped" / "assets"


def test_an_installed_wheel_passes_its_self_test(installed_wheel: Path) -> None:
    result = _run_installed(installed_wheel, "-m", "desktop", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    resources: installed package" in result.stdout
    assert "ok    checklists: 3 programmes" in result.stdout
    # The release key (assets/keys) and the reference pack's signature came along.
    assert "ok    policy: pack selfcheck-reference" in result.stdout
    assert "ok    translations: Vietnamese" in result.stdout
    assert "ok    user guide: Vietnamese and English" in result.stdout
    lint = _run_installed(installed_wheel, "-m", "desktop", "lint-checklists", "--quiet")
    assert lint.returncode == 0, lint.stdout + lint.stderr
