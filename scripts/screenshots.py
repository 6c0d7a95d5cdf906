"""Saves a PNG of each screen in Vietnamese and English, for a person to look at.

Run through `make screenshots` (under Xvfb). Output: <dir>/<screen>-<language>.png
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.core.policy_loader import load_policy
from desktop.gui.language import LanguageSwitch
from desktop.gui.main_window import MainWindow


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    switch = LanguageSwitch(app)
    window = MainWindow(load_policy(), switch)
    window.show()
    for language in ("vi", "en"):
        switch.set_language(language)
        window.programmes.setCurrentRow(0)
        tree = window.items
        first_account_item = tree.topLevelItem(0).child(0)
        tree.setCurrentItem(first_account_item)
        app.processEvents()
        window.grab().save(str(out / f"checklist-browser-{language}.png"))
        print(out / f"checklist-browser-{language}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
