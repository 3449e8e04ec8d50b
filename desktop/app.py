"""Start Latent Studio: ``latent-studio`` or ``python -m desktop.app``.

The window shows first (Qt only, a few hundred milliseconds); the engine —
torch, the model library, the real pages — loads right after, from the event
loop, so the student is never left looking at nothing.

``--startup-time`` prints how long the window and the pages took, then quits.
"""

from __future__ import annotations

import sys
import time

_T0 = time.perf_counter()

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.main_window import APP_NAME, MainWindow  # noqa: E402
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
    return app


def create_context(settings: QSettings):
    """The shared state of the pages; importing it loads the engine and torch."""
    from desktop.context import AppContext
    from desktop.model_library import ModelLibrary

    return AppContext(ModelLibrary(), settings)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    report_startup = "--startup-time" in argv
    app = create_application([a for a in argv if a != "--startup-time"])
    settings = open_settings()
    window = MainWindow(settings=settings)
    window.show()
    shown_at = time.perf_counter()

    def load_engine() -> None:
        window.attach_context(create_context(settings))
        if report_startup:
            print(f"window shown after {shown_at - _T0:.2f} s; pages ready after {time.perf_counter() - _T0:.2f} s "
                  "(from the start of desktop.app)", flush=True)  # fmt: skip
            QTimer.singleShot(0, window.close)

    QTimer.singleShot(100, load_engine)  # once the window has had time to paint
    app.aboutToQuit.connect(window.shutdown_pages)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
