"""Help > User guide: the short guide shipped with the app (docs/user-guide.*.md), in the
interface's language, read in a window beside the app."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.base.i18n import Language
from desktop.core.base.resources import user_guide


class GuideDialog(QDialog):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("SelfCheck: user guide"))
        self.text = QTextBrowser()
        self.text.setObjectName("guideText")
        self.text.setAccessibleName(self.tr("User guide"))
        self.text.setOpenExternalLinks(False)  # offline: nothing is opened outside the app
        path = user_guide(language)
        try:
            self.text.setMarkdown(path.read_text("utf-8"))
        except OSError as exc:  # a damaged install: say which file, never a traceback
            self.text.setPlainText(
                self.tr("The user guide could not be read: %1").replace(
                    "%1", f"{path} ({exc.strerror or exc})"
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        area = self.screen().availableGeometry()  # inside a 1024x600 screen too
        self.resize(min(720, area.width() - 40), min(560, area.height() - 80))
