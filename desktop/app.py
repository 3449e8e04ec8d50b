"""Start Latent Studio: ``latent-studio`` or ``python -m desktop.app``.

The window shows first (Qt only, a few hundred milliseconds); the engine —
torch, the model library, the page on screen — loads as soon as the window has
painted, so the student is never left looking at nothing. The Draw page's
models load on a task thread after that, its latent map once they are loaded,
and the other pages when first shown or once the app is idle
(:meth:`~desktop.main_window.MainWindow.attach_context`).

``--startup-time`` prints how long the window, the first page and a usable Draw
page (its models loaded, a drawing reconstructed) took, then quits;
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


def report_draw_page_usable(window) -> None:
    """``--startup-time``: once the Draw page's models are loaded, draw a stroke, show every model's
    reconstruction of it, say when that was, and quit."""
    page = window.page("draw")
    library = window.context.library
    if any(s.model is None and library.is_loading(s.entry.path) for s in page.slots.values()):
        QTimer.singleShot(10, lambda: report_draw_page_usable(window))
        return
    import numpy as np

    one = np.zeros((280, 280), np.uint8)
    one[50:230, 125:155] = 255  # a drawn 1
    page.canvas.set_array(one, undoable=False)
    page.process_now()
    QApplication.processEvents()  # painted
    print(
        f"Draw page usable ({page.loaded_count()} models loaded, a drawing reconstructed) after "
        f"{time.perf_counter() - _T0:.2f} s",
        flush=True,
    )
    window.close()


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
        window.attach_context(create_context(settings))  # torch, the library, the page on screen (Draw)
        settle_memory()
        if report_startup:
            ready_at = time.perf_counter()
            print(
                f"window shown after {shown_at - _T0:.2f} s; engine and first page ready after {ready_at - _T0:.2f} s "
                "(from the start of desktop.app)",
                flush=True,
            )
            QTimer.singleShot(0, lambda: report_draw_page_usable(window))

    def when_painted() -> None:
        """The engine loads once the window is on screen and painted (a blank window would look frozen)."""
        handle = window.windowHandle()
        if handle is not None and not handle.isExposed() and time.perf_counter() - shown_at < 0.5:
            QTimer.singleShot(10, when_painted)
            return
        app.processEvents()  # the first paint
        load_engine()

    QTimer.singleShot(0, when_painted)
    app.aboutToQuit.connect(window.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
