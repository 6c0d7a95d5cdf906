"""Where SelfCheck's own files are: the checklists and assets shipped with the app.

Works from the source tree (and an editable install) and from a frozen bundle, where
PyInstaller unpacks data under `sys._MEIPASS`. `SELFCHECK_CHECKLISTS` points the app at
another checklist folder, e.g. an agency's updated policy.
"""

import os
import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def checklists_dir() -> Path:
    override = os.environ.get("SELFCHECK_CHECKLISTS")
    return Path(override) if override else app_root() / "checklists"


def assets_dir() -> Path:
    return app_root() / "assets"
