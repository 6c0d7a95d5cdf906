"""Start-up: what the window loads before its first paint (bench/startup.py measures it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.base.i18n import DEFAULT_LANGUAGE
from desktop.core.policy.cache import FILE, cached_policy, store_policy
from desktop.core.policy.files import read_checklists
from desktop.core.policy.model import Policy
from desktop.gui.language import LanguageSwitch
from desktop.gui.main_window import MainWindow
from tests.test_policy_cache import tamper

# The main window as run_gui builds it, up to the moment it first paints: which modules
# are loaded by then (the session is opened only after that paint).
BEFORE_FIRST_PAINT = """
import json, sys
import desktop.cli
from desktop.gui.app import open_main_window
app, window = open_main_window()
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
        "desktop.core.base.coredump",  # no core dump once anything can be typed
    }
    # Each of these costs milliseconds the person would wait on a blank screen.
    for module in (
        *("sqlite3", "cryptography", "tomllib", "dataclasses", "datetime", "html"),
        *("hashlib", "socket", "platformdirs", "desktop.gui.password_field"),
    ):
        assert module not in loaded, module


UNTIL_READY = """
import gc, os, sys
from desktop.gui.app import open_main_window
app, window = open_main_window()
print("before", gc.isenabled())
window.ready.connect(lambda: (print("ready", gc.isenabled(), flush=True), os._exit(0)))
window.show()
app.exec()
"""


def test_the_collector_is_off_only_until_the_start_screen_is_ready(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SELFCHECK_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", UNTIL_READY],
        capture_output=True,
        text=True,
        env={**env, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        check=True,
        timeout=120,
    ).stdout
    assert out.split() == ["before", "False", "ready", "True"]


def test_pyside_reads_no_module_source_once_the_app_has_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6's import hook would read the source of every module imported after it
    (desktop.gui.app.skip_pyside_source_scan)."""
    import inspect

    from desktop.gui.app import skip_pyside_source_scan

    skip_pyside_source_scan()
    read: list[object] = []
    monkeypatch.setattr(inspect, "getsource", lambda module: read.append(module) or "")
    (tmp_path / "selfcheck_fresh_module.py").write_text("VALUE = 1\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import selfcheck_fresh_module  # type: ignore[import-not-found]

    assert selfcheck_fresh_module.VALUE == 1
    assert read == []


# -- the policy cache at start (desktop.core.policy.cache, desktop.gui.policy_check) --------


def _open(qtbot: QtBot, win: MainWindow) -> None:
    with qtbot.waitSignals([win.ready, win.policy_checked], timeout=20_000):
        win.show()


def test_the_first_start_parses_and_keeps_the_policy_for_the_next(
    qtbot: QtBot, starting_window: MainWindow, app_cache: Path, policy: Policy
) -> None:
    assert not (app_cache / FILE).exists()
    _open(qtbot, starting_window)
    assert starting_window.session is not None
    assert starting_window.session.policy == policy
    kept = cached_policy(read_checklists(), app_cache)
    assert kept == policy


def test_a_tampered_cache_only_fills_the_start_screen_until_the_parse(
    qtbot: QtBot, starting_window: MainWindow, app_cache: Path, policy: Policy
) -> None:
    store_policy(read_checklists(), policy, app_cache)
    tamper(app_cache)
    shown: list[Policy] = []
    starting_window.ready.connect(lambda: shown.append(starting_window.session.policy))
    _open(qtbot, starting_window)
    assert shown[0] != policy  # the start screen was filled from the cache, at once
    session = starting_window.session
    assert session is not None and session.policy_check is None
    assert session.policy == policy  # parsed again: the edit is gone
    assert cached_policy(read_checklists(), app_cache) == policy  # and from the cache too


def test_an_assessment_never_starts_on_an_unchecked_cached_policy(
    qtbot: QtBot, starting_window: MainWindow, app_cache: Path, policy: Policy
) -> None:
    store_policy(read_checklists(), policy, app_cache)
    tamper(app_cache)
    with qtbot.waitSignal(starting_window.ready, timeout=20_000):
        starting_window.show()
    session = starting_window.session
    assert session is not None
    starting_window.new_assessment()  # at once: it waits for the parse
    assert session.flow is not None and session.flow.policy == policy
    assert session.policy_check is None
    # and for its origin, which only the check verifies: the reference pack is signed.
    origin = session.flow.policy.origin
    assert origin is not None and origin.signed and origin.pack is not None


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": "selfcheck-policy-cache"}'])
def test_a_damaged_cache_is_parsed_over(
    qtbot: QtBot, starting_window: MainWindow, app_cache: Path, policy: Policy, damage: bytes
) -> None:
    app_cache.mkdir(parents=True)
    (app_cache / FILE).write_bytes(damage)
    _open(qtbot, starting_window)
    assert starting_window.session is not None
    assert starting_window.session.policy == policy
    assert cached_policy(read_checklists(), app_cache) == policy


def test_a_cache_entry_for_checklists_that_do_not_load_stops_the_app(
    qtbot: QtBot,
    starting_window: MainWindow,
    app_cache: Path,
    policy: Policy,
    checklist_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (checklist_copy / "programmes.toml").write_text("[programme.onboarding\n", "utf-8")
    monkeypatch.setenv("SELFCHECK_CHECKLISTS", str(checklist_copy))
    store_policy(read_checklists(), policy, app_cache)  # forged: these files do not load
    with qtbot.waitSignal(starting_window.failed, timeout=20_000) as failed:
        starting_window.show()
    assert "programmes.toml" in failed.args[0]
    assert starting_window.session is None
    assert not starting_window.findChild(QPushButton, "newAssessment").isEnabled()
