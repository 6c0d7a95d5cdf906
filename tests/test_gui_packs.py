"""Policy packs in the app: the wizard says plainly when the checklists are unsigned, and
a pack is installed from the Help menu."""

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.signing.pack_archive import build_pack, zip_bytes
from desktop.core.signing.sshsig import PublicKey
from desktop.gui import messages
from desktop.gui.main_window import MainWindow
from desktop.gui.session import open_session
from tests.conftest import CHECKLISTS
from tests.signing_helpers import new_key


def _notice(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "policyNotice")
    assert label is not None
    return label


def _open(qtbot: QtBot) -> MainWindow:
    win = MainWindow(open_session())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.set_language("en")
    return win


def _close(win: MainWindow) -> None:
    assert win.session is not None
    win.session.language.set_language("en")
    win.session.language.deleteLater()
    win.session.history = None
    win.session.measurer.close()


def test_the_wizard_says_plainly_when_the_checklists_are_unsigned(
    qtbot: QtBot, private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = tmp_path / "checklists"
    shutil.copytree(CHECKLISTS, edited)
    domains = edited / "domains.toml"
    domains.write_text(domains.read_text("utf-8").replace('"gov.vn"', '"gov.xx"'), "utf-8")
    monkeypatch.setenv("SELFCHECK_CHECKLISTS", str(edited))
    win = _open(qtbot)
    try:
        assert win.session is not None and win.session.policy.origin is not None
        assert not win.session.policy.origin.signed
        win.new_assessment()
        assert not _notice(win).isHidden()
        assert "not a signed policy pack" in _notice(win).text()
        win.set_language("vi")
        assert "không phải là gói bộ tiêu chí có chữ ký" in _notice(win).text()
    finally:
        _close(win)


def test_the_signed_reference_pack_shows_no_notice(qtbot: QtBot, private_home: Path) -> None:
    win = _open(qtbot)
    try:
        assert win.session is not None and win.session.policy.origin is not None
        assert win.session.policy.origin.signed
        win.new_assessment()
        assert _notice(win).isHidden()
    finally:
        _close(win)


def test_a_pack_is_installed_from_the_menu_and_then_used(
    qtbot: QtBot, private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = new_key()
    (private_home / "policy_signers").write_text(
        f'bng namespaces="selfcheck-policy-v1" {PublicKey.of(key).openssh}\n', "utf-8"
    )
    today = date.today()
    _manifest, data, signature, files = build_pack(
        CHECKLISTS,
        key,
        pack_id="bng-policy",
        version=3,
        profiles=("bng",),
        issued=today,
        expires=today + timedelta(days=30),
    )
    pack = tmp_path / "bng.zip"
    pack.write_bytes(zip_bytes(data, signature, files))
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(pack), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(messages, "warn", lambda _p, text: told.append(text))
    win = _open(qtbot)
    try:
        win.pack_action.trigger()
        signer = PublicKey.of(key).fingerprint
        assert told == [f"Installed policy pack bng-policy, version 3, signed by {signer}."]
        assert win.session is not None and win.session.policy.origin is not None
        assert (win.session.policy.origin.pack, win.session.policy.origin.version) == (
            "bng-policy",
            3,
        )
        assert set(win.session.policy.profiles) == {"bng"}  # only what its key may publish
        win.pack_action.trigger()  # the same again: refused, nothing changes
        lead, detail = told[-1].split("\n")
        assert lead.startswith("The policy pack was refused")
        assert detail.startswith("(not newer")  # the core's words, in English
        win.set_language("vi")
        win.pack_action.trigger()  # in Vietnamese: the lead, then why, no English after it
        lead, detail = told[-1].split("\n")
        assert lead.startswith("Gói bộ tiêu chí bị từ chối")
        assert detail.startswith("(không mới hơn: gói 'bng-policy' phiên bản 3"), detail
    finally:
        _close(win)


def test_the_review_window_flags_an_unsigned_policy_and_never_shows_compliant(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLineEdit, QPushButton, QTreeWidget

    from desktop.core.review.roster import enrol, new_roster
    from desktop.gui.review_window import ReviewWindow
    from tests.gui_driver import type_text
    from tests.signing_helpers import minimal_summary
    from tests.test_review import Official

    template = minimal_summary("SHA256:" + "A" * 43)
    unsigned = {**template, "policy": {**template["policy"], "signed": False}}
    for field in ("pack", "version", "manifest_sha256", "signer", "expires"):
        unsigned["policy"][field] = None
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    roster = new_roster(tmp_path / "roster.toml")
    sound, edited = Official("BNG-1", "An", template), Official("BNG-2", "Bình", unsigned)
    for official in (sound, edited):
        roster = enrol(roster, official.staff_id, PublicKey.of(official.key))
        official.declare(inbox)
    window.set_language("en")
    window.findChild(QAction, "actionReview").trigger()
    review = window.findChild(ReviewWindow, "reviewWindow")
    type_text(review.findChild(QLineEdit, "rosterFile"), str(tmp_path / "roster.toml"))
    type_text(review.findChild(QLineEdit, "bundleFolder"), str(inbox))
    qtbot.mouseClick(review.findChild(QPushButton, "runReview"), Qt.MouseButton.LeftButton)
    rows = review.findChild(QTreeWidget, "reviewRows")
    shown = {
        rows.topLevelItem(i).text(0): (rows.topLevelItem(i).text(3), rows.topLevelItem(i).text(6))
        for i in range(rows.topLevelItemCount())
    }
    assert shown["BNG-1"] == ("compliant", "✔")
    verdict, problems = shown["BNG-2"]
    assert verdict == "not accepted (policy)" and problems.startswith("unsigned policy:")
    review.close()
