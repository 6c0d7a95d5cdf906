"""Installing a signed policy pack from the app: a file dialog, then one line of outcome."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.gui.session import Session


def install_pack_dialog(parent: QWidget, session: Session) -> bool:
    """Ask for a pack and install it (desktop.core.signing.pack_store); True if installed.
    The session then assesses with it; a refused pack changes nothing."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PackInstall", "Install a policy pack"),
        "",
        QCoreApplication.translate("PackInstall", "Policy packs (*.zip)"),
    )
    if not chosen:
        return False
    from desktop.core.signing.pack_manifest import PackError
    from desktop.core.signing.pack_policy import load_active_policy
    from desktop.core.signing.pack_store import install_pack

    try:
        installed = install_pack(Path(chosen), session.home)
    except PackError as exc:
        from desktop.gui.messages import describe, warn

        warn(parent, describe(exc))
        return False
    session.policy = load_active_policy(None, session.home)
    session.policy_check = None
    manifest = installed.manifest
    QMessageBox.information(
        parent,
        "SelfCheck",
        QCoreApplication.translate(
            "PackInstall", "Installed policy pack %1, version %2, signed by %3."
        )
        .replace("%1", manifest.id)
        .replace("%2", str(manifest.version))
        .replace("%3", installed.signer),
    )
    return True
