"""Switching the interface language at once: Qt translations for the app's own strings,
and the checklists' own Vietnamese or English text for the policy."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from desktop.core.base.resources import assets_dir

if TYPE_CHECKING:  # i18n needs dataclasses and datetime (~10 ms): not before the first paint
    from desktop.core.base.i18n import Language


def translations_dir() -> Path:
    return assets_dir() / "translations"


class LanguageSwitch(QObject):
    """Owns the installed translators; emits `changed` after every switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language: Language = "vi"  # i18n.DEFAULT_LANGUAGE (tests/test_startup.py)
        self._translators: list[QTranslator] = []

    def set_language(self, language: "Language") -> bool:
        """Switch to `language`; False when its translation file is missing."""
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        loaded = True
        if language != "en":  # the source strings are English
            translator = QTranslator(self)
            loaded = translator.load(f"selfcheck_{language}", str(translations_dir()))
            if loaded:
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        self.language = language
        # Deliver the LanguageChange events now, so every window reads the new language
        # before this call returns: the switch takes effect at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)
        return loaded
