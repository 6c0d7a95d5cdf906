"""The application icon, for the windows and the self-test."""

from PySide6.QtGui import QIcon

from desktop.core.base.resources import assets_dir


def app_icon() -> QIcon:
    """The application icon, from the SVG in assets/icons."""
    return QIcon(str(assets_dir() / "icons" / "selfcheck.svg"))
