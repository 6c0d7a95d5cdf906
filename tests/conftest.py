"""Shared fixtures. Every test runs with its data directory in a temporary folder."""

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

# Without a display (a plain `pytest` outside `make test`) Qt must not try to open one:
# it would abort the whole run. Under `make test` Xvfb provides DISPLAY.
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.assessment.people import Account, Person, Submission
from desktop.core.policy.audience import AccountKind, Category
from desktop.core.policy.loader import load_policy
from desktop.core.policy.model import Policy
from tests.tools import tool

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = ROOT / "checklists"
EXAMPLES = ROOT / "examples"

# The GUI tests' session and window fixtures, shared by test_gui and test_secrets; the
# SoftHSM2 token (and its NSS database) of the PAdES tests.
pytest_plugins = ["tests.gui_fixtures", "tests.token_helpers"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_tools(*names): the test runs these programs (tests/tools.py)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_tools"):
        for name in mark.args:
            tool(name)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("selfcheck-home")
    monkeypatch.setenv("SELFCHECK_HOME", str(home))
    monkeypatch.delenv("SELFCHECK_CHECKLISTS", raising=False)
    return home


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(CHECKLISTS)


@pytest.fixture
def person() -> Person:
    return Person(
        full_name="Nguyễn Văn An",
        staff_id="BNG-08231",
        unit="Vụ Thông tin Báo chí",
        position="Chuyên viên",
        category=Category.OFFICIAL,
        profile="bng",
        birth_year=1990,
    )


def account(account_id: str = "fb", **fields: Any) -> Account:
    base = Account(id=account_id, platform="facebook", kind=AccountKind.PERSONAL, handle="an.nv")
    return replace(base, **fields)


@pytest.fixture
def submit(person: Person) -> Callable[..., Submission]:
    """A submission by the default person (a Foreign Ministry official, code 722/QĐ-BNG)."""

    def make(*accounts: Account, programme: str = "annual", **answers: str) -> Submission:
        return Submission(programme, person, accounts, dict(answers))

    return make


@pytest.fixture
def qn_person(person: Person) -> Person:
    """A Quảng Ninh official: the provincial guide's code (under 874/QĐ-BTTTT) applies."""
    return replace(person, profile="quang-ninh", staff_id="QN-2026-0147", unit="Sở Nội vụ")


@pytest.fixture
def qn_submit(qn_person: Person) -> Callable[..., Submission]:
    def make(*accounts: Account, programme: str = "annual", **answers: str) -> Submission:
        return Submission(programme, qn_person, accounts, dict(answers))

    return make


@pytest.fixture
def checklist_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped checklists, for tests that break them on purpose."""
    target = tmp_path / "checklists"
    for source in CHECKLISTS.rglob("*.toml"):
        dest = target / source.relative_to(CHECKLISTS)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="session", autouse=True)
def widgets_app(qapp: Any) -> Any:
    """The widgets' application, made before any test runs: the PDF report makes a bare
    QGuiApplication when none exists, and a widget made after that aborts the process
    ("Cannot create a QWidget without QApplication"). Which test comes first depends on
    how the files are shared out between the workers."""
    return qapp


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Any:
    """No window outlives its test. pytest-qt closes the widgets a test registered and
    asks Qt to delete them later, but a deferred delete waits for an event loop that may
    never run: thousands of hidden widgets piled up, and each later language switch
    retranslated them all (a GUI test's setup and teardown grew to seconds)."""
    result = yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:  # made by widgets_app, before the first test
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            for widget in QApplication.topLevelWidgets():
                widget.close()
                widget.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        fit = sys.modules.get("desktop.gui.screen_fit")
        if fit is not None and fit._pauses:  # a task a failed test held: not the next test's
            fit._pauses = 1
            fit.resume()
    return result
