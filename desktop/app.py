"""Start Latent Studio: ``latent-studio`` or ``python -m desktop.app``.

The window shows first (Qt only, a few hundred milliseconds); the engine —
torch, the model library, the real pages — loads right after, from the event
loop, so the student is never left looking at nothing.

``--startup-time`` prints how long the window and the pages took, then quits;
``--version`` prints the version; ``--install-menu-entry`` puts the app in the
Linux desktop's menu (``--uninstall-menu-entry`` takes it out). A user data
folder that cannot be written is said once, before the window, with an offer
to choose another one; the app opens all the same, with its shipped models and
embedded data.
"""

from __future__ import annotations

import gc
import sys
import time

_T0 = time.perf_counter()

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from desktop.i18n import install_from_settings  # noqa: E402
from desktop.main_window import APP_NAME, MainWindow  # noqa: E402
from desktop.user_folder import ensure_user_folder  # noqa: E402
from engine import __version__  # noqa: E402
from engine.paths import ASSETS_DIR, user_data_dir  # noqa: E402

ORGANIZATION = "LatentStudio"
APPLICATION = "latent-studio"
ICON_PATH = ASSETS_DIR / "icons" / "latent-studio.png"


def open_settings() -> QSettings:
    """The app's settings: an INI file in its data folder (LATENT_STUDIO_HOME in tests)."""
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("latent-studio")
    if ICON_PATH.is_file():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    if not hasattr(app, "gc_guard"):  # collect garbage on the GUI thread only (desktop/gc_guard.py)
        from desktop.gc_guard import GuiThreadCollector

        app.gc_guard = GuiThreadCollector(parent=app)
        app.gc_guard.start()
    return app


def report_startup_folder_problem() -> str | None:
    """For ``--startup-time``: no dialog, the problem on stderr."""
    from engine.paths import user_data_problem

    problem = user_data_problem()
    if problem:
        print(problem, file=sys.stderr)
    return problem


def settle_memory() -> None:
    """Put what start-up loaded (torch, the models, the pages) out of the garbage collector's sight.

    A full collection walks every tracked object: with all of that loaded, one took 100–400 ms here, a
    frozen window whenever it came during a run (a run's events make them come sooner). Frozen, a
    collection walks only what came later (``gc.freeze``; nothing is lost: that start-up state lives
    as long as the app anyway)."""
    gc.freeze()


def create_context(settings: QSettings):
    """The shared state of the pages; importing it loads the engine and torch."""
    from desktop.context import AppContext
    from desktop.model_library import ModelLibrary

    return AppContext(ModelLibrary(), settings)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if "--version" in argv[1:]:
        print(f"latent-studio {__version__}")
        return 0
    if {"--install-menu-entry", "--uninstall-menu-entry"} & set(argv[1:]):
        from desktop import menu_entry

        return menu_entry.main(argv[1:])
    report_startup = "--startup-time" in argv
    app = create_application([a for a in argv if a != "--startup-time"])
    folder_problem = report_startup_folder_problem() if report_startup else ensure_user_folder()
    settings = open_settings()
    install_from_settings(settings, app)  # before any window: every tr() then finds its words
    window = MainWindow(settings=settings)
    window.show()
    shown_at = time.perf_counter()
    if folder_problem:  # the user chose to go on without a folder: the status bar keeps saying so
        warning = QLabel(app.translate("App", "⚠ Your models and settings cannot be saved"))
        warning.setToolTip(folder_problem)
        window.statusBar().addPermanentWidget(warning)

    def load_engine() -> None:
        window.attach_context(create_context(settings))
        settle_memory()
        if report_startup:
            print(
                f"window shown after {shown_at - _T0:.2f} s; pages ready after {time.perf_counter() - _T0:.2f} s "
                "(from the start of desktop.app)",
                flush=True,
            )
            QTimer.singleShot(0, window.close)

    QTimer.singleShot(100, load_engine)  # once the window has had time to paint
    app.aboutToQuit.connect(window.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
