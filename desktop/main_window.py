"""The main window: a side bar of five pages, menus, a status bar.

Importing this module does not import torch: the app shows the window first
and attaches the :class:`~desktop.context.AppContext` (whose model library
loads the engine) a moment later, so a student sees the window at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.about_dialog import AboutDialog, about_text  # noqa: F401 (about_text: the About box's words)
from desktop.help import LectureGuide, install_help_tooltips
from desktop.i18n import LanguageMenu
from desktop.pages import PAGES, Page, PageDefaults, PageSpec, create_page
from desktop.plain_text import warn
from desktop.widgets.hint_banner import HintBanner
from desktop.widgets.page_list import PageList, SideBar

APP_NAME = "Latent Studio"
PAGE_KEYS = [spec.key for spec in PAGES]
PREBUILD_AFTER_MS = 3000  # the other pages are built once the Draw page has had time to start
PREBUILD_RETRY_MS = 400  # between two of them (or while a mouse button is held)


def checkpoint_filter() -> str:
    """The file dialogs' filter for checkpoints, in the user's language."""
    return QCoreApplication.translate("MainWindow", "Latent Studio models (*.safetensors)")


def glyph_icon(glyph: str, colour: str = "#3b6ea8", size: int = 64) -> QIcon:
    """A side-bar icon drawn from one character (no image files to ship)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, size - 4, size - 4, 14, 14)
    font = QFont()
    font.setPixelSize(int(size * 0.55))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


class LoadingPage(QLabel, PageDefaults):
    """Holds a page's place until the engine has loaded."""

    def __init__(self, spec: PageSpec) -> None:
        super().__init__(self.tr("<h2>{title}</h2><p>Loading the engine…</p>").format(title=spec.shown_title()))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class MainWindow(QMainWindow):
    def __init__(self, context=None, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings if settings is not None else (context.settings if context else QSettings())
        self.setWindowTitle(APP_NAME)
        self.pages: dict[str, Page] = {}
        self.side_bar = PageList()
        self.side_bar.setToolTip(self.tr("The app's pages (Ctrl+1 … Ctrl+5)."))
        self.stack = QStackedWidget()
        for i, spec in enumerate(PAGES, start=1):
            tip = self.tr("{summary} (Ctrl+{number})").format(summary=spec.shown_summary(), number=i)
            self.side_bar.add_page(glyph_icon(spec.glyph), spec.shown_title(), f"{spec.shown_title()}: {tip}")
            self.stack.addWidget(LoadingPage(spec))
        self.side_bar.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(SideBar(self.side_bar))
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self.first_run_hint = HintBanner(
            self.tr("Draw a digit with the mouse: every autoencoder rebuilds it, live, stroke by stroke.")
        )
        self.first_run_hint.hide()
        column.addWidget(self.first_run_hint)
        column.addWidget(self.stack, 1)
        layout.addLayout(column, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.set_compact_side_bar(self._compact_by_default())
        self.side_bar.compact_changed.connect(self._on_compact_changed)  # remembered once the user chooses
        self.statusBar().showMessage(self.tr("Loading the engine…"))
        self._restore_window()
        if context is not None:
            self.attach_context(context)

    # -- pages -------------------------------------------------------------------------
    def attach_context(self, context) -> None:
        """Build the page on screen (this imports the engine, and torch with it). The other pages are
        built when first shown, or one by one once the app is idle: the Draw page is usable first."""
        self.context = context
        context.status_message.connect(self._show_status)
        context.library.current_changed.connect(self.place_model)
        self.side_bar.currentRowChanged.connect(self._build_shown_page)
        self.page(PAGES[max(self.side_bar.currentRow(), 0)].key)
        self.statusBar().showMessage(self.tr("Ready."), 4000)
        self._prebuild_timer = QTimer(self)  # a child: it dies with the window
        self._prebuild_timer.setSingleShot(True)
        self._prebuild_timer.timeout.connect(self._build_next_page)
        self._prebuild_timer.start(PREBUILD_AFTER_MS)

    def page(self, key: str) -> Page | None:
        """The page ``key``, built now if it was not yet (None before the engine is attached)."""
        if key not in self.pages and self.context is not None and key in PAGE_KEYS:
            self._build_page(PAGE_KEYS.index(key))
        return self.pages.get(key)

    def _build_shown_page(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.page(PAGES[row].key)

    def _build_page(self, index: int) -> None:
        spec = PAGES[index]
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            page = create_page(spec, self.context)
        finally:
            QApplication.restoreOverrideCursor()
        current = self.stack.currentIndex()
        old = self.stack.widget(index)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.insertWidget(index, page)
        self.stack.setCurrentIndex(current)
        self.pages[spec.key] = page
        if hasattr(page, "show_page_requested"):  # the Models page's "Show on …"
            page.show_page_requested.connect(self.show_page)
        install_help_tooltips({spec.key: page})

    def _build_next_page(self) -> None:
        """Build one page not shown yet, while nobody is drawing (it takes the GUI thread a moment)."""
        if self.context is None or not self.isVisible():
            return
        todo = [i for i, spec in enumerate(PAGES) if spec.key not in self.pages]
        if not todo:
            return
        draw = self.pages.get("draw")
        drawing = draw is not None and getattr(draw, "drawn_recently", lambda: False)()
        if not (drawing or QApplication.mouseButtons() != Qt.MouseButton.NoButton):  # not mid-stroke or drag
            self._build_page(todo[0])
        self._prebuild_timer.start(PREBUILD_RETRY_MS)

    def place_model(self, entry) -> list[str]:
        """Make ``entry`` (File → Open, the Models page's Load) the current model where it belongs:
        the Generate page's generator, the Draw page's highlighted tile, the Latent space page's map.
        Returns the keys of the pages that took it."""
        from desktop.pages.models_page import model_destinations

        placed = []
        for key in model_destinations(entry):
            page = self.page(key)
            select = getattr(page, "select_model", None)
            if select is not None and select(entry.path) is not False:
                placed.append(key)
        return placed

    # -- the side bar --------------------------------------------------------------------
    def _compact_by_default(self) -> bool:
        """Remembered choice, else icons only on a screen narrower than 1500 px (a laptop)."""
        if self.settings.contains("window/compact_side_bar"):
            return str(self.settings.value("window/compact_side_bar")).lower() in ("true", "1")
        screen = self.screen().availableGeometry() if self.screen() else None
        return screen is not None and screen.width() < 1500

    def set_compact_side_bar(self, compact: bool) -> None:
        self.side_bar.set_compact(compact)
        self.compact_action.setChecked(compact)

    def _on_compact_changed(self, compact: bool) -> None:
        self.compact_action.setChecked(compact)
        self.settings.setValue("window/compact_side_bar", compact)

    def show_page(self, key_or_index) -> None:
        index = key_or_index if isinstance(key_or_index, int) else [p.key for p in PAGES].index(key_or_index)
        self.side_bar.setCurrentRow(index)

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._add(
            file_menu,
            self.tr("&Open model…"),
            QKeySequence.StandardKey.Open,
            self.tr("Open a .safetensors model trained by Latent Studio."),
            self.open_model,
        )
        self.save_action = self._add(
            file_menu,
            self.tr("&Save model as…"),
            QKeySequence.StandardKey.Save,
            self.tr("Save a copy of the model you last trained (or opened)."),
            self.save_model_as,
        )
        file_menu.addSeparator()
        self._add(
            file_menu,
            self.tr("&Quit"),
            QKeySequence.StandardKey.Quit,
            self.tr("Stop any run, save it and quit."),
            self.close,
        )
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, spec in enumerate(PAGES):
            self._add(
                view_menu,
                spec.shown_title(),
                QKeySequence(f"Ctrl+{i + 1}"),
                spec.shown_summary(),
                lambda _checked=False, i=i: self.show_page(i),
            )
        view_menu.addSeparator()
        self.compact_action = self._add(
            view_menu,
            self.tr("Compact side &bar"),
            QKeySequence("Ctrl+B"),
            self.tr("Show the side bar's icons only, for more room on a small screen."),
            self.set_compact_side_bar,
        )
        self.compact_action.setCheckable(True)
        self.language_menu = LanguageMenu(self, self.settings)
        self.menuBar().addMenu(self.language_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add(
            help_menu,
            self.tr("The &lecture in the app"),
            QKeySequence.StandardKey.HelpContents,
            self.tr("For each page: what it shows, and which part of the lecture it is."),
            lambda _checked=False: self.show_lecture_guide(),
        )
        help_menu.addSeparator()
        self._add(
            help_menu,
            self.tr("&About {app}").format(app=APP_NAME),
            None,
            self.tr("Credits and licences."),
            self.show_about,
        )
        self._add(help_menu, self.tr("About &Qt"), None, self.tr("Qt's version and licence."), QApplication.aboutQt)

    def _add(self, menu, text: str, shortcut, tip: str, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def open_model(self) -> None:
        folder = str(self.context.library.user_dir) if self.context else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a model"), folder, checkpoint_filter())
        if path:
            self.open_model_file(path)

    def open_model_file(self, path: str) -> bool:
        """Validate and load ``path``; a bad file gets a message saying why."""
        if self.context is None:
            return False
        from engine.checkpoint import CheckpointError

        try:
            entry = self.context.library.open_file(path)
        except (CheckpointError, OSError) as exc:
            warn(self, self.tr("Cannot open this model"), str(getattr(exc, "strerror", None) or exc))
            return False
        self._show_status(
            self.tr("Opened {name} ({family}, {dataset}).").format(
                name=entry.name, family=entry.family, dataset=entry.dataset
            ),
            6000,
        )
        return True

    def current_model_path(self) -> Path | None:
        """What a page shows as the current model (the Train page's last run), else the library's choice."""
        for page in self.pages.values():
            shown = page.shown_model()
            if shown is not None:
                return shown
        current = self.context.library.current if self.context else None
        return current.path if current is not None else None

    def save_model_as(self) -> None:
        source = self.current_model_path()
        if source is None or not source.is_file():
            self._show_status(self.tr("Nothing to save yet: train a model or open one first."), 6000)
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the model as"), str(Path.home() / source.name), checkpoint_filter()
        )
        if not target:
            return
        if not target.endswith(".safetensors"):
            target += ".safetensors"
        from engine.fsutil import atomic_write_bytes

        try:
            atomic_write_bytes(target, source.read_bytes())  # a half-written copy never appears
        except OSError as exc:
            reason = self.tr("Could not write {path}: {reason}").format(path=target, reason=exc.strerror or exc)
            warn(self, self.tr("Cannot save the model"), reason)
            return
        self._show_status(self.tr("Saved a copy as {path}.").format(path=target), 6000)

    def show_lecture_guide(self, page_key: str | None = None) -> None:
        """Help → The lecture in the app, opened at the current page's section."""
        LectureGuide(page_key or self.current_page_key(), self).exec()

    def show_about(self) -> None:
        """Version, versions, where the user's files are, the data and model credits."""
        AboutDialog(self).exec()

    # -- remembering and closing ------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry() if self.screen() else None
            self.resize(min(1360, screen.width()) if screen else 1360, min(860, screen.height()) if screen else 860)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        if self.is_first_run():
            self._start_first_run()
            return
        try:
            index = int(self.settings.value("window/page", 0))
        except (TypeError, ValueError):
            index = 0
        self.side_bar.setCurrentRow(index if 0 <= index < len(PAGES) else 0)

    def is_first_run(self) -> bool:
        """No run has used this user data folder yet (its settings remember no page)."""
        return not (self.settings.contains("app/first_run_done") or self.settings.contains("window/page"))

    def _start_first_run(self) -> None:
        """The lecture's first experience: the Draw page, and a hint the student can dismiss."""
        self.settings.setValue("app/first_run_done", True)
        self.side_bar.setCurrentRow(0)
        self.first_run_hint.show()
        self.side_bar.currentRowChanged.connect(lambda row: row != 0 and self.first_run_hint.dismiss())

    def save_window(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/page", self.side_bar.currentRow())

    def work_in_progress(self) -> list[str]:
        """What closing the window now would interrupt, one sentence per page that is busy."""
        return [text for page in self.pages.values() if (text := page.work_in_progress())]

    def confirm_close(self, work: list[str]) -> bool:
        """Ask before closing interrupts ``work``: True for "Stop and save", False for Cancel."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, " ".join(work), parent=self)
        box.setInformativeText(self.tr("Closing stops it after the current step and saves the model trained so far."))
        stop = box.addButton(self.tr("Stop and save"), QMessageBox.ButtonRole.AcceptRole)
        stop.setToolTip(self.tr("Stop the run, save its model and close the window."))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setToolTip(self.tr("Keep the window open and the run going."))
        box.setDefaultButton(stop)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is stop

    def shutdown(self) -> bool:
        """Let every page stop its work (a run is stopped, saved and its thread ended), then the
        shared objects the app context owns (the model library's loading); True when nothing is left."""
        ok = True
        for page in self.pages.values():
            ok = bool(page.shutdown()) and ok
        if self.context is not None:
            self.context.shutdown()
        return ok

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        work = self.work_in_progress()
        if work and not self.confirm_close(work):
            event.ignore()
            return
        self.statusBar().showMessage(self.tr("Closing: stopping and saving the run…"))
        if not self.shutdown():
            QMessageBox.warning(self, APP_NAME, self.tr("A run is still saving; please try again in a moment."))
            event.ignore()
            return
        self.save_window()
        self.settings.sync()
        event.accept()
