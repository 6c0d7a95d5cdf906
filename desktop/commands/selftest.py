"""`selfcheck --self-test`: can this installation run here? Used on every frozen build.

Each check exercises the real part the app needs, the way the app uses it, because a
frozen build fails in exactly these places: data files left out, a Qt plugin not bundled,
keyring's backends not found (it discovers them through entry points, which a frozen app
does not have), the password helper process not starting. One line per check, then a
verdict; exit 0 when the app is usable. A keychain that cannot hold the key is a warning,
not a failure: the app then keeps the key in an encrypted file behind a passphrase. So are
core dumps that cannot be forbidden and a data folder other users can read: the app works,
but not as privately as it should.
"""

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from desktop import __version__

HELPER_TIMEOUT_S = 60  # a cold frozen start on a slow disk takes a few seconds


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str


def _resources() -> Check:
    from desktop.core.base.resources import app_root, layout

    return Check("resources", Status.OK, f"{layout()} at {app_root()}")


def _checklists() -> Check:
    from desktop.core.base.resources import checklists_dir
    from desktop.core.policy.loader import load_policy

    policy = load_policy()
    return Check(
        "checklists",
        Status.OK,
        f"{len(policy.programmes)} programmes, {len(policy.items)} items, "
        f"{len(policy.provisions)} provisions, {len(policy.platforms)} platforms "
        f"from {checklists_dir()}",
    )


def _user_guide() -> Check:
    from desktop.core.base.resources import user_guide

    missing = [str(user_guide(lang)) for lang in ("vi", "en") if not user_guide(lang).is_file()]
    if missing:
        return Check("user guide", Status.FAIL, f"missing: {', '.join(missing)}")
    return Check("user guide", Status.OK, f"Vietnamese and English in {user_guide('vi').parent}")


def _policy() -> Check:
    """The policy in use is a signed pack (the built-in reference pack, or one installed):
    the release key's allowed_signers and pack.json must be in the build. Unsigned (a dev
    checkout whose checklists were edited) is a warning: summaries then say so."""
    from desktop.core.base.errors import SelfCheckError
    from desktop.core.base.paths import data_home
    from desktop.core.signing.pack_policy import load_active_policy

    try:
        origin = load_active_policy(None, data_home()).origin
    except (SelfCheckError, OSError) as exc:  # no checklists: the check above fails for it
        return Check("policy", Status.WARN, f"not checked ({exc})")
    if origin is None or not origin.signed:
        problem = origin.problem if origin is not None else "no origin"
        return Check("policy", Status.WARN, f"the checklists are not a signed pack ({problem})")
    return Check(
        "policy",
        Status.OK,
        f"pack {origin.pack} version {origin.version}, signed by {origin.signer}",
    )


def _translations() -> Check:
    from PySide6.QtCore import QTranslator

    from desktop.gui.language import CATALOGUES, translations_dir

    # The app's own strings, and Qt's dialogs (file dialogs, buttons), which Qt ships none of;
    # the English plurals ("1 day", "2 days") of the strings with a count.
    paths = [
        translations_dir() / f"{catalogue}_{language}.qm"
        for language, catalogues in CATALOGUES.items()
        for catalogue in catalogues
    ]
    for path in paths:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            return Check(
                "translations", Status.FAIL, f"cannot load {path} (run `make translations`)"
            )
    listed = ", ".join(map(str, paths))
    return Check("translations", Status.OK, f"Vietnamese and English plurals from {listed}")


def _qt() -> Check:
    from desktop.gui.display import display_problem

    problem = display_problem()
    if problem is not None:  # Qt would abort the process: say why instead
        return Check("qt", Status.FAIL, problem)
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QFontDatabase, QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.gui.icon import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    platform = QApplication.platformName()
    # The icon is an SVG: it needs Qt's SVG icon engine plugin, which a build can lose.
    icon: QIcon = app_icon()
    if icon.pixmap(64, 64).isNull():
        return Check("qt", Status.FAIL, f"platform {platform!r}, but the SVG icon does not render")
    families = len(QFontDatabase.families())
    if families == 0:  # the PDF summary would come out without text
        return Check("qt", Status.FAIL, f"platform {platform!r}, but no fonts found")
    del app
    return Check(
        "qt",
        Status.OK,
        f"PySide6 {pyside_version}, platform plugin {platform!r}, SVG icon renders, "
        f"{families} font families",
    )


def _keychain() -> Check:
    from desktop.core.signing.keys import keychain_state

    state = keychain_state()
    if state.usable:
        return Check("keychain", Status.OK, f"{state.name} ({state.backend})")
    return Check(
        "keychain",
        Status.WARN,
        f"no usable keychain ({state.problem}: {state.backend}); the signing key will be "
        "kept in an encrypted file behind a passphrase",
    )


class _PasswordHelper:
    """zxcvbn in the helper process the GUI uses: proves the frozen app can start it.

    Started before the other checks, so that its start-up (a second interpreter) overlaps
    them instead of adding to them."""

    # A Vietnamese weak one scores low only with the Vietnamese word lists (assets/wordlists),
    # which a build can leave out.
    SAMPLES = ("password1", "matkhau123", "Tr4ng-dong! mua thu 1945 nang vang")

    def __init__(self) -> None:
        from desktop.gui.measure_helper import serve

        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._helper = context.Process(
            target=serve, args=(child,), daemon=True, name="selfcheck-measure"
        )
        self._helper.start()
        child.close()
        for sample in self.SAMPLES:  # queued in the pipe until the helper is up
            self._conn.send((sample, ("nguyen", "van", "an")))

    def check(self) -> Check:
        try:
            scores = []
            for _ in self.SAMPLES:
                if not self._conn.poll(HELPER_TIMEOUT_S):
                    return Check("zxcvbn", Status.FAIL, "the password helper did not answer")
                scores.append(self._conn.recv().score)
        finally:
            self._conn.close()
            self._helper.join(timeout=5)
        weak, vietnamese, strong = scores
        if vietnamese > 1:
            return Check(
                "zxcvbn",
                Status.FAIL,
                f"'matkhau123' scored {vietnamese}/4: the Vietnamese word lists are missing",
            )
        if weak > 1 or strong < 3:
            return Check("zxcvbn", Status.FAIL, f"unexpected scores {weak} and {strong}")
        return Check(
            "zxcvbn",
            Status.OK,
            f"measured in a helper process with the Vietnamese word lists: weak samples "
            f"scored {weak}/4 and {vietnamese}/4, a strong one {strong}/4",
        )


def _signing() -> Check:
    from cryptography import __version__ as cryptography_version
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.core.signing import sshsig
    from desktop.core.signing.allowed_signers import NAMESPACE_SUMMARY as NAMESPACE

    key = Ed25519PrivateKey.generate()
    message = b"selfcheck self-test"
    armored = sshsig.sign(key, message, NAMESPACE)
    signer = sshsig.verify(message, armored.encode(), NAMESPACE)
    if signer.fingerprint != sshsig.PublicKey.of(key).fingerprint:
        return Check("signing", Status.FAIL, "the signature verified under another key")
    return Check(
        "signing", Status.OK, f"Ed25519 SSHSIG round trip (cryptography {cryptography_version})"
    )


def _core_dumps() -> Check:
    """The app forbids core dumps of the processes that hold a typed password: can it?"""
    from desktop.core.base.coredump import forbid_core_dumps

    guard = forbid_core_dumps()
    if guard.problem is not None:
        return Check("core dumps", Status.WARN, f"not prevented: {guard.problem}")
    how = "RLIMIT_CORE 0" + (", not dumpable" if guard.not_dumpable else "")
    return Check("core dumps", Status.OK, f"prevented for password-holding processes ({how})")


def _data_folder() -> Check:
    """The data folder holds the history, drafts and key record: others must not read it."""
    import os
    import stat

    from desktop.core.base.paths import data_home

    home = data_home()
    if os.name == "nt":  # its access list is the user profile's
        return Check("data folder", Status.OK, f"{home}")
    mode = stat.S_IMODE(home.stat().st_mode)
    if mode & 0o077:
        return Check(
            "data folder",
            Status.WARN,
            f"{home} is open to other users (mode {mode:04o}); make it private: chmod 700 '{home}'",
        )
    return Check("data folder", Status.OK, f"{home}, private (mode {mode:04o})")


def _pdf_signing() -> Check:
    from desktop.commands.selftest_pades import pdf_signing

    available, detail = pdf_signing()
    return Check("pdf-signing", Status.OK if available else Status.WARN, detail)


def _guarded(name: str, run: Callable[[], Check]) -> Check:
    try:
        return run()
    except Exception as exc:  # a check that breaks is a failed check, never a traceback
        return Check(name, Status.FAIL, f"{type(exc).__name__}: {exc}")


def self_test(out: TextIO) -> int:
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"selfcheck {__version__}{frozen}, Python {sys.version.split()[0]}", file=out)
    # The slow probes run beside the rest: the helper process starts first, and the
    # keychain probe (D-Bus round trips) runs on a thread. Results print in a fixed order.
    helper: _PasswordHelper | Check
    try:
        helper = _PasswordHelper()
    except Exception as exc:
        helper = Check("zxcvbn", Status.FAIL, f"cannot start the helper: {exc}")
    with ThreadPoolExecutor(max_workers=1) as pool:
        keychain = pool.submit(_guarded, "keychain", _keychain)
        checks = [
            _guarded("resources", _resources),
            _guarded("checklists", _checklists),
            _guarded("policy", _policy),
            _guarded("translations", _translations),
            _guarded("user guide", _user_guide),
            _guarded("qt", _qt),
            keychain.result(),
            helper if isinstance(helper, Check) else _guarded("zxcvbn", helper.check),
            _guarded("signing", _signing),
            _guarded("core dumps", _core_dumps),
            _guarded("data folder", _data_folder),
            _guarded("pdf-signing", _pdf_signing),
        ]
    failed = 0
    for check in checks:
        failed += check.status is Status.FAIL
        print(f"{check.status:<4}  {check.name}: {check.detail}", file=out, flush=True)
    if failed:
        print(f"self-test: NOT usable ({failed} failed)", file=out)
        return 1
    print("self-test: usable", file=out)
    return 0
