"""The programs some tests run: ssh-keygen, poppler, zbar, the freedesktop.org validators.

Under `make test` scripts/run-tests.sh sets SELFCHECK_TEST_TOOLS=required: every one of
them is installed by scripts/system-packages.sh, so a missing one fails the test that
needs it, loudly (a skip would hide a check that never ran). Elsewhere it is a skip.
"""

import os
import shutil
from typing import NoReturn

import pytest

REQUIRED = os.environ.get("SELFCHECK_TEST_TOOLS") == "required"

# The Debian package of each program, for the message (scripts/system-packages.sh test).
PACKAGES = {
    "ssh-keygen": "openssh-client",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdffonts": "poppler-utils",
    "zbarimg": "zbar-tools",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "objdump": "binutils",
    "pdfsig": "poppler-utils",
    "pdfdetach": "poppler-utils",
    "softhsm2-util": "softhsm2",
    "certutil": "libnss3-tools",
}


def missing(what: str) -> NoReturn:
    """Stop the current test for want of `what`: a failure under `make test`, else a skip."""
    if REQUIRED:
        pytest.fail(f"{what} is missing, although `make test` installs it", pytrace=False)
    pytest.skip(f"{what} is missing (make test installs it)")


def _named(name: str) -> str:
    package = PACKAGES.get(name)
    return f"{name} ({package})" if package else name


def tool(name: str) -> str:
    """The path of the program `name`; without it the test stops (see `missing`)."""
    path = shutil.which(name)
    if path is None:
        missing(_named(name))
    return path


def have(name: str) -> bool:
    """Whether `name` is installed, for a check a test adds only when it is; under
    `make test` it must be."""
    if shutil.which(name) is None:
        if REQUIRED:
            missing(_named(name))
        return False
    return True


def needs(*names: str) -> pytest.MarkDecorator:
    """Mark a test (or a module, as `pytestmark`) as running these programs; checked by
    tests/conftest.py before the test's fixtures are set up."""
    return pytest.mark.needs_tools(*names)
