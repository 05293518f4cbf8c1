"""Interface language (issue 7): Qt translators for every area, run-time switching, Turkish text rules.

Each area of the GUI has its own catalogue ``resources/i18n/<area>_<lang>.ts`` (see ``AREAS``), compiled to
``.qm`` by ``python -m gui.i18n update``; ``install_translators`` loads Qt's own ``qtbase`` catalogue and all of
ours. ``switch_language`` swaps them while the app runs: Qt then sends ``QEvent.LanguageChange`` to every
widget, whose ``changeEvent`` calls its ``retranslate_ui()``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCollator, QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator

ROOT = Path(__file__).resolve().parent.parent.parent
I18N_DIR = ROOT / "resources" / "i18n"

# The languages the interface offers: code -> the language's own name (shown untranslated in Preferences).
LANGUAGES: dict[str, str] = {"en": "English", "tr": "Türkçe"}
SOURCE_LANGUAGE = "en"

# Catalogue name -> the source files (globs relative to the repository root) whose strings it holds.
AREAS: dict[str, tuple[str, ...]] = {
    "katman": ("gui/*.py", "gui/canvas/**/*.py", "gui/i18n/__init__.py", "gui/i18n/__main__.py",
               "gui/i18n/tools.py"),
    "training": ("gui/training/**/*.py", "gui/dashboard/**/*.py", "gui/i18n/engine_text.py",
                 "gui/i18n/engine_catalog.py"),
    "data": ("gui/data/**/*.py",),
    "export": ("gui/export/**/*.py",),
    "inference": ("gui/inference/**/*.py",),
    "help": ("gui/help/**/*.py",),
}

_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE
T = TypeVar("T")


def resolve_language(lang: str | None) -> str:
    """'tr', 'tr_TR', 'Turkish'... -> 'tr'; '' or None -> the system locale's language; unknown -> 'en'."""
    if not lang:
        lang = QLocale.system().name()
    code = lang.strip().replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        code = QLocale(lang).name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def locale_for(lang: str) -> QLocale:
    """The QLocale used for numbers, sorting and case in this interface language."""
    if resolve_language(lang) == "tr":
        return QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def qm_files(lang: str) -> list[Path]:
    """Katman's compiled catalogues for lang, in AREAS order (then any others found)."""
    found = {p.stem.rsplit("_", 1)[0]: p for p in sorted(I18N_DIR.glob(f"*_{lang}.qm"))}
    ordered = [found.pop(area) for area in AREAS if area in found]
    return ordered + list(found.values())


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Set the default QLocale and install Qt's and Katman's translators for lang ('' = system language),
    replacing those installed before. Returns the translators now installed (English needs none).

    Widgets receive a single LanguageChange afterwards (none when nothing changed)."""
    global _language
    code = resolve_language(lang)
    files = []
    if code != SOURCE_LANGUAGE:
        files = [(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
        files += [(path.name, str(path.parent)) for path in qm_files(code)]
    changed = bool(_installed)
    blocker = _LanguageChangeBlocker(app)
    try:
        for old in _installed:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
        _installed.clear()
        for name, folder in files:
            translator = QTranslator(app)
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                changed = True
    finally:
        app.removeEventFilter(blocker)
        blocker.deleteLater()
    _language = code
    QLocale.setDefault(locale_for(code))
    if changed:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    return list(_installed)


def switch_language(lang: str) -> None:
    """Change the interface language now: every open widget receives LanguageChange and retranslates
    (actions and menus are retranslated by their owner's retranslate_ui)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("switch_language needs a running QApplication")
    if resolve_language(lang) != _language:
        install_translators(app, lang)


class _LanguageChangeBlocker(QObject):
    """Swallows the LanguageChange events of each single translator change, so widgets retranslate once."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.LanguageChange


def current_language() -> str:
    """'en' or 'tr': the language the interface is shown in."""
    return _language


# ---------------------------------------------------------------- Turkish-aware text rules
_ASCII_FOLD = str.maketrans("ıçğöşüâîû", "icgosuaiu")


def lower(text: str, lang: str | None = None) -> str:
    """Lower case with the language's rules: in Turkish 'I' -> 'ı' and 'İ' -> 'i'."""
    if (lang or _language) == "tr":
        return locale_for("tr").toLower(text)
    return text.lower()


def upper(text: str, lang: str | None = None) -> str:
    """Upper case with the language's rules: in Turkish 'i' -> 'İ' and 'ı' -> 'I'."""
    if (lang or _language) == "tr":
        return locale_for("tr").toUpper(text)
    return text.upper()


def search_key(text: str, lang: str | None = None) -> str:
    """A key for forgiving search: lower case by the language's rules, then ı/i, ş/s, ğ/g, ü/u, ö/o, ç/c
    alike, so 'ırelu', 'IReLU' and 'relu' all find 'ReLU' and 'dogruluk' finds 'Doğruluk'."""
    folded = lower(text, lang).translate(_ASCII_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(query: str, text: str, lang: str | None = None) -> bool:
    """True when every word of query occurs in text (search_key rules)."""
    hay = search_key(text, lang)
    return all(word in hay for word in search_key(query, lang).split())


def collator(lang: str | None = None) -> QCollator:
    """A case-insensitive, numeric-aware collator for the language (Turkish: c < ç < d, ı < i, ...)."""
    coll = QCollator(locale_for(lang or _language))
    coll.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    coll.setNumericMode(True)
    return coll


def sort_texts(items: Iterable[T], key: Callable[[T], str] = str, lang: str | None = None) -> list[T]:
    """items sorted by key(item) as a speaker of the language expects (QCollator)."""
    coll = collator(lang)
    return sorted(items, key=functools.cmp_to_key(lambda a, b: coll.compare(key(a), key(b))))


def percent(fraction: float, decimals: int = 1) -> str:
    """A share as the language writes it: '85.8 %' in English, '%85,8' in Turkish."""
    number = QLocale().toString(float(fraction) * 100, "f", decimals)
    return f"%{number}" if current_language() == "tr" else f"{number} %"


def integer(n: int) -> str:
    """A whole number with the language's digit grouping: 7,940 or 7.940."""
    return QLocale().toString(int(n))
