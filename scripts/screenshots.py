"""Saves a PNG of every screen in Vietnamese and English, for a person to look at.

Run through `make screenshots` (under Xvfb). It walks the wizard with the annual example,
typing a password on the first account page. Output: <dir>/<nn>-<page>-<language>.png
"""

import os
import sys
import tempfile
import tomllib
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    os.environ["SELFCHECK_HOME"] = tempfile.mkdtemp(prefix="selfcheck-shots-")
    from desktop.core.flow import Draft
    from desktop.gui.app import open_session
    from desktop.gui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    session = open_session()
    window = MainWindow(session)
    window.resize(1024, 700)
    window.show()
    doc = tomllib.loads((ROOT / "examples" / "annual.toml").read_text("utf-8"))
    for language in ("vi", "en"):
        session.language.set_language(language)
        app.processEvents()
        window.show_start()
        app.processEvents()
        window.grab().save(str(out / f"00-start-{language}.png"))
        session.start(Draft(dict(doc), "shots"))
        window.wizard.open()
        window.stack.setCurrentWidget(window.wizard)
        for index, step in enumerate(window.wizard.steps, 1):
            window.wizard.show_step(index - 1)
            if step.kind == "account" and step.account_id == "fb":
                window.wizard.page.password.setText("Nguyen Van An 1978")
                deadline = 200
                while not window.wizard.page.meter_text.text() and deadline:
                    app.processEvents()
                    QApplication.instance().thread().msleep(10)
                    deadline -= 1
            app.processEvents()
            name = f"{index:02d}-{step.key.replace(':', '-')}-{language}.png"
            window.grab().save(str(out / name))
            print(out / name)
        window.wizard.page.leave()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
