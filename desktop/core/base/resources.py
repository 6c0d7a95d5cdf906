"""Where SelfCheck's own files are: the checklists and assets shipped with the app.

The one place that knows the three ways SelfCheck runs:

- from the source tree (and an editable install): `checklists/`, `assets/` and `docs/`
  (the user guide) sit beside the `desktop` package, at the top of the repository;
- from an installed wheel: the wheel carries them inside the package, as
  `desktop/_shipped/` (pyproject.toml maps them there; of `docs/`, the user guide only);
- from a frozen build: PyInstaller unpacks them under `sys._MEIPASS` (build.spec).

`SELFCHECK_CHECKLISTS` points the app at another checklist folder, e.g. an agency's
updated policy.
"""

import os
import sys
from enum import StrEnum
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]  # .../desktop


class Layout(StrEnum):
    SOURCE = "source tree"
    WHEEL = "installed package"
    FROZEN = "frozen app"


def layout() -> Layout:
    if getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None) is not None:
        return Layout.FROZEN
    if (_PACKAGE / "_shipped" / "checklists").is_dir():
        return Layout.WHEEL
    return Layout.SOURCE


def app_root() -> Path:
    """The folder holding `checklists/` and `assets/`."""
    match layout():
        case Layout.FROZEN:
            return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller
        case Layout.WHEEL:
            return _PACKAGE / "_shipped"
        case Layout.SOURCE:
            return _PACKAGE.parent


def checklists_dir() -> Path:
    override = os.environ.get("SELFCHECK_CHECKLISTS")
    return Path(override) if override else app_root() / "checklists"


def assets_dir() -> Path:
    return app_root() / "assets"


def user_guide(language: str) -> Path:
    """The short user guide, docs/user-guide.<language>.md, shipped with the app."""
    return app_root() / "docs" / f"user-guide.{language}.md"
