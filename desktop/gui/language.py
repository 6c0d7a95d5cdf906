"""Switching the interface language at once: Qt translations for the app's own strings and
for Qt's own dialogs, and the checklists' own Vietnamese or English text for the policy."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from desktop.core.base.resources import assets_dir

if TYPE_CHECKING:  # i18n needs dataclasses and datetime (~10 ms): not before the first paint
    from desktop.core.base.i18n import Language

# The app's own strings, then Qt's (file dialogs, dialog buttons, context menus): Qt ships
# no Vietnamese catalogue of its own, so assets/translations/qtbase_vi.ts is ours. The
# source strings are English but say "%n day(s)": selfcheck_en.ts holds only the messages
# with a count, with the English singular and plural ("1 day", "2 days").
CATALOGUES = {"vi": ("selfcheck", "qtbase"), "en": ("selfcheck",)}


def translations_dir() -> Path:
    return assets_dir() / "translations"


def system_speaks(language: "Language") -> bool:
    """True when the system's own interface is in `language` (Windows' display language,
    LANGUAGE/LANG elsewhere): its native file dialogs then speak the app's language."""
    return any(
        tag.replace("_", "-").split("-")[0].lower() == language
        for tag in QLocale.system().uiLanguages()
    )


class LanguageSwitch(QObject):
    """Owns the installed translators; emits `changed` after every switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language: Language = "vi"  # i18n.DEFAULT_LANGUAGE (tests/test_startup.py)
        self._translators: list[QTranslator] = []

    def set_language(self, language: "Language", *, file_dialogs: bool = True) -> bool:
        """Switch to `language`; False when one of its translation files is missing.

        `file_dialogs=False` leaves the choice of file dialogs to `choose_file_dialogs`,
        called later: the start screen's first paint (see MainWindow)."""
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        loaded = True
        for catalogue in CATALOGUES[language]:
            translator = QTranslator(self)
            if translator.load(f"{catalogue}_{language}", str(translations_dir())):
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
            else:
                loaded = False
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        self.language = language
        if file_dialogs:
            self.choose_file_dialogs()
        # Deliver the LanguageChange events now, so every window reads the new language
        # before this call returns: the switch takes effect at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)
        return loaded

    def choose_file_dialogs(self) -> None:
        """The system's own file dialogs (Windows Explorer's, GTK's) speak the system's
        language: when it is not the app's, Qt's own dialogs, translated, are used.

        Not before the first paint: PySide6 builds its whole `Qt` namespace (~40 ms) the
        first time it hands out one of its enums."""
        from PySide6.QtCore import Qt

        QCoreApplication.setAttribute(
            Qt.ApplicationAttribute.AA_DontUseNativeDialogs, not system_speaks(self.language)
        )
