"""User interface language: Qt translators and the language catalog texts use."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")


def system_language() -> str:
    """Return ``zh_CN`` for a Chinese system locale, otherwise ``en``."""
    locale = QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


class LanguageManager(QObject):
    """Installs the translators for one language and switches them at run time.

    Qt sends a LanguageChange event to every widget on a switch; widgets
    re-read their texts then. ``changed`` carries the new language code.
    """

    changed = Signal(str)

    def __init__(self, i18n_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._i18n_dir = i18n_dir
        self._language = "en"
        self._translators: list[QTranslator] = []
        self.loaded: list[str] = []

    @property
    def language(self) -> str:
        return self._language

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            log.warning("Unknown language %r; using English", language)
            language = "en"
        app = QCoreApplication.instance()
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        self.loaded = []
        if language != "en":
            self._load(
                f"qtbase_{language}",
                Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            )
            self._load(f"pixelpost_{language}", self._i18n_dir)
        self._language = language
        if app is not None:
            QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
        self.changed.emit(language)

    def _load(self, name: str, folder: Path) -> None:
        translator = QTranslator(self)
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            self._translators.append(translator)
            self.loaded.append(name)
        else:
            log.warning("Translation %s not found in %s", name, folder)
