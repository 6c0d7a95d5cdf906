"""What `make test` promises about the machine the tests run on."""

import os
import shutil
import subprocess

import keyring
import pytest

UNDER_MAKE_TEST = os.environ.get("SELFCHECK_TEST_KEYCHAIN") == "gnome-keyring"
needs_make_test = pytest.mark.skipif(
    not UNDER_MAKE_TEST, reason="only `make test` provides the private keychain and X server"
)


@needs_make_test
def test_real_keychain_is_the_secret_service() -> None:
    backend = keyring.get_keyring()
    assert type(backend).__module__ == "keyring.backends.SecretService", backend
    keyring.set_password("selfcheck-test", "probe", "value-from-the-test")
    try:
        assert keyring.get_password("selfcheck-test", "probe") == "value-from-the-test"
    finally:
        keyring.delete_password("selfcheck-test", "probe")


@needs_make_test
def test_real_x_server_is_used() -> None:
    assert os.environ.get("DISPLAY")
    assert os.environ.get("QT_QPA_PLATFORM", "") in ("", "xcb")


@needs_make_test
@pytest.mark.parametrize("tool", ["ssh-keygen", "pdftotext", "pdftoppm", "xvfb-run"])
def test_tools_the_later_tests_rely_on_are_installed(tool: str) -> None:
    assert shutil.which(tool), tool


def test_core_never_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'desktop.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([os.sys.executable, "-c", code], check=True, timeout=60)


def test_pyside_does_not_over_release_slot_arguments() -> None:
    """PySide6 6.12.0 released True once too often per Signal(bool) delivered to a Python
    slot, so a few thousand clicks aborted the app; pyproject.toml keeps it out."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
        "app = QCoreApplication([])\n"
        "class O(QObject):\n"
        "    s = Signal(bool)\n"
        "o = O(); seen = []\n"
        "o.s.connect(lambda v: seen.append(v))\n"
        "before = sys.getrefcount(True)\n"
        "for _ in range(5000):\n"
        "    o.s.emit(True)\n"
        "seen.clear()\n"
        "assert sys.getrefcount(True) - before < 10, sys.getrefcount(True) - before\n"
    )
    subprocess.run([os.sys.executable, "-c", code], check=True, timeout=60)
