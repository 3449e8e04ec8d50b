"""The app's language: chosen from the system on first start, then from the Language menu.

Qt's own mechanism carries the words of the window: a :class:`QTranslator` for
our ``assets/i18n/latent_studio_<lang>.qm`` and one for Qt's bundled
``qtbase_<lang>.qm`` (standard buttons, the file dialog). The engine's words
(model descriptions, the GAN health diagnosis, refused checkpoints) come from
:mod:`engine.i18n` (gettext), told the same language here.

Switching asks for a restart rather than retranslating live: the pages build
many texts from the state of a run (log lines, plot legends, descriptions),
and a window that is half in one language after a switch is worse than one
that restarts — closing already stops and saves a run, so nothing is lost.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from engine import i18n as engine_i18n
from engine.paths import asset_path

log = logging.getLogger(__name__)

SETTING = "language"  # "system", or a language code ("en", "fr")

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_current = "en"  # the language installed at start-up (English: no translator, the source text)


def available_languages() -> list[str]:
    """English (the source text) and every language whose ``latent_studio_<lang>.qm`` ships:
    a new language is its translation files, nothing else."""
    found = sorted(p.stem.removeprefix("latent_studio_") for p in asset_path("i18n").glob("latent_studio_*.qm"))
    return ["en"] + [code for code in found if code != "en"]


def native_name(language: str) -> str:
    """A language in its own words ("Français", "English"): never translated."""
    name = QLocale(language).nativeLanguageName()
    return "English" if language == "en" else (name[:1].upper() + name[1:] if name else language)


def system_language(locale: QLocale | None = None) -> str:
    """The system's language when the app speaks it (``fr`` for fr_FR, fr_CA, fr_BE…), else ``en``."""
    locale = locale or QLocale.system()
    languages = locale.uiLanguages() or [locale.name()]
    code = languages[0].replace("-", "_").split("_")[0].lower()
    return code if code in available_languages() else "en"


def stored_choice(settings: QSettings) -> str:
    value = settings.value(SETTING, "system")
    return value if value in available_languages() else "system"


def resolve(choice: str) -> str:
    """The language a choice means on this machine (``system`` → the system's)."""
    return choice if choice in available_languages() else system_language()


def current_language() -> str:
    """The language the running app speaks."""
    return _current


def number_locale(language: str) -> QLocale:
    """The locale numbers are written in: the system's when it speaks ``language`` (fr_CA keeps its own
    conventions), else the language's main one (decimal comma in French, point in English)."""
    system = QLocale.system()
    if system_language(system) == language and system.language() != QLocale.Language.C:  # C: no separators
        return system
    return QLocale("en_US" if language == "en" else language)  # the language's main country (fr → fr_FR)


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_language(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Speak ``language`` from now on (call before building windows); the catalogues loaded."""
    global _current
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    for name, folder in (
        (f"latent_studio_{language}", str(asset_path("i18n"))),
        (f"qtbase_{language}", qt_translations_dir()),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
        elif language != "en":  # English is the source: Qt ships no qtbase_en
            log.warning("No %s.qm in %s: those words stay in English", name, folder)
    QLocale.setDefault(number_locale(language))
    engine_i18n.set_language(language)
    _current = language
    return loaded


def install_from_settings(settings: QSettings, app: QCoreApplication | None = None) -> str:
    """At start-up: the stored choice, or the system's language on first start."""
    language = resolve(stored_choice(settings))
    install_language(language, app)
    return language


def restart_application(window: QMainWindow) -> bool:
    """Close ``window`` the usual way (a run is stopped and saved) and start the app again."""
    if not window.close():
        return False
    arguments = list(getattr(sys, "orig_argv", sys.argv))[1:]  # e.g. ["-m", "desktop"], or the script's path
    started = QProcess.startDetached(sys.executable, arguments)
    ok = started[0] if isinstance(started, tuple) else bool(started)
    if not ok:
        log.error("Could not restart %s %s", sys.executable, arguments)
    return ok


class LanguageMenu(QMenu):
    """System / English / Français (one entry per shipped language); a change is remembered and takes
    effect after a restart."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(self.tr("&Language"), window)
        self.window_ = window
        self.settings = settings
        self.setToolTipsVisible(True)
        group = QActionGroup(self)
        self.choice_actions: dict[str, QAction] = {}
        for choice in ["system", *available_languages()]:
            if choice == "system":
                label = self.tr("&System ({language})").format(language=native_name(system_language()))
                tip = self.tr("Follow the language of the computer (when Latent Studio speaks it, else English).")
            else:
                label = native_name(choice)
                tip = self.tr("Show Latent Studio in this language: {language}.").format(language=native_name(choice))
            action = QAction(label, group)
            action.setCheckable(True)
            action.setChecked(choice == stored_choice(settings))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
            self.addAction(action)
            self.choice_actions[choice] = action

    def choose(self, choice: str) -> None:
        """Remember ``choice``; offer to restart when it changes the language."""
        self.settings.setValue(SETTING, choice)
        self.settings.sync()
        language = resolve(choice)
        if language == current_language():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Language"),
            self.tr("Latent Studio will be in {language} the next time it starts.").format(
                language=native_name(language)
            ),
            parent=self.window_,
        )
        box.setInformativeText(self.tr("Restart now? A training run in progress is stopped and saved first."))
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            restart_application(self.window_)
