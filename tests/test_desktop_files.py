"""The Linux desktop integration files pass the freedesktop.org validators, and agree
with each other and with the app (id, version, icon)."""

import configparser
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from desktop import APP_ID, __version__
from tests import tools
from tests.conftest import ROOT

LINUX = ROOT / "assets" / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _validate(tool: str, *args: str) -> None:
    """Run a freedesktop.org validator; it exits non-zero on errors and on warnings."""
    result = subprocess.run(
        [tools.tool(tool), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    _validate("desktop-file-validate", str(DESKTOP_FILE))


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    _validate("appstreamcli", "validate", "--no-net", "--explain", str(METAINFO))


def test_the_entry_starts_the_app_by_its_id_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "selfcheck"
    assert section["Icon"] == APP_ID
    assert "Name[vi]" in section or "GenericName[vi]" in section  # Vietnamese first


def test_the_metainfo_names_the_entry_and_this_release() -> None:
    root = ET.parse(METAINFO).getroot()  # noqa: S314 (our own file)
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__  # the newest release comes first
    assert root.findtext("provides/binary") == "selfcheck"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_icon_exists_at_each_usual_size(size: int) -> None:
    image = QImage(str(ROOT / "assets" / "icons" / f"selfcheck-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    # Rendered from the SVG (scripts/make-icons.py): the shield fills the middle.
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0
