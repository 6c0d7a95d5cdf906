"""Start-up: what the window loads before its first paint (bench/startup.py measures it)."""

import json
import os
import subprocess
import sys

from PySide6.QtCore import QCoreApplication

from desktop.core.base.i18n import DEFAULT_LANGUAGE
from desktop.gui.language import LanguageSwitch

# The main window as run_gui builds it, up to the moment it first paints: which modules
# are loaded by then (the session is opened only after that paint).
BEFORE_FIRST_PAINT = """
import json, sys
import desktop.cli
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.gui.icon import app_icon
from desktop.gui.main_window import MainWindow
app.setWindowIcon(app_icon())
window = MainWindow()
print(json.dumps(sorted(sys.modules)))
"""


def test_a_new_language_switch_starts_in_the_default_language() -> None:
    switch = LanguageSwitch(QCoreApplication.instance())
    try:
        assert switch.language == DEFAULT_LANGUAGE  # written out there, not imported
    finally:
        switch.deleteLater()


def test_the_start_screen_is_built_without_the_core() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", BEFORE_FIRST_PAINT],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    loaded = set(json.loads(out.strip().splitlines()[-1]))
    core = {m for m in loaded if m.startswith("desktop.core.")} - {"desktop.core.base"}
    assert core <= {
        "desktop.core.base.errors",
        "desktop.core.base.text",
        "desktop.core.base.resources",
    }
    # Each of these costs milliseconds the person would wait on a blank screen.
    for module in ("sqlite3", "cryptography", "tomllib", "dataclasses", "datetime", "html"):
        assert module not in loaded, module
