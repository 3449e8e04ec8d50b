"""The main window: a side bar of five pages, menus, a status bar.

Importing this module does not import torch: the app shows the window first
and attaches the :class:`~desktop.context.AppContext` (whose model library
loads the engine) a moment later, so a student sees the window at once.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.pages import PAGES, PageSpec, create_page

APP_NAME = "Latent Studio"
CHECKPOINT_FILTER = "Latent Studio models (*.safetensors)"

ABOUT_HTML = f"""
<h2>{APP_NAME}</h2>
<p>Train autoencoders and GANs on MNIST and Fashion-MNIST, and watch them learn.
The models and their defaults are those of the autoencoder/GAN chapter of Aurélien Géron's
<i>Hands-On Machine Learning</i>.</p>
<h3>Datasets</h3>
<p><b>MNIST</b> — Yann LeCun, Corinna Cortes and Christopher J. C. Burges.
Licensed under <a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>.</p>
<p><b>Fashion-MNIST</b> — Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf).
Licensed under the <a href="https://opensource.org/licenses/MIT">MIT License</a>.</p>
<p>Built with PySide6 (Qt), pyqtgraph, PyTorch, NumPy and safetensors.</p>
"""


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


class LoadingPage(QLabel):
    def __init__(self, spec: PageSpec) -> None:
        super().__init__(f"<h2>{spec.title}</h2><p>Loading the engine…</p>")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class MainWindow(QMainWindow):
    def __init__(self, context=None, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings if settings is not None else (context.settings if context else QSettings())
        self.setWindowTitle(APP_NAME)
        self.pages: dict[str, QWidget] = {}
        self.side_bar = QListWidget()
        self.side_bar.setIconSize(QSize(28, 28))
        self.side_bar.setFixedWidth(170)
        self.side_bar.setSpacing(2)
        self.side_bar.setToolTip("The app's pages (Ctrl+1 … Ctrl+5).")
        self.stack = QStackedWidget()
        for i, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(glyph_icon(spec.glyph), spec.title)
            item.setToolTip(f"{spec.summary} (Ctrl+{i})")
            item.setSizeHint(QSize(150, 44))
            self.side_bar.addItem(item)
            self.stack.addWidget(LoadingPage(spec))
        self.side_bar.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.side_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.statusBar().showMessage("Loading the engine…")
        self._restore_window()
        if context is not None:
            self.attach_context(context)

    # -- pages -------------------------------------------------------------------------
    def attach_context(self, context) -> None:
        """Build the real pages (this imports the engine, and torch with it)."""
        self.context = context
        context.status_message.connect(self._show_status)
        current = self.side_bar.currentRow()
        for index, spec in enumerate(PAGES):
            page = create_page(spec, context)
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[spec.key] = page
        self.stack.setCurrentIndex(max(current, 0))
        self.statusBar().showMessage("Ready.", 4000)

    def page(self, key: str) -> QWidget | None:
        return self.pages.get(key)

    def show_page(self, key_or_index) -> None:
        index = key_or_index if isinstance(key_or_index, int) else [p.key for p in PAGES].index(key_or_index)
        self.side_bar.setCurrentRow(index)

    def current_page_key(self) -> str:
        return PAGES[self.stack.currentIndex()].key

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._add(file_menu, "&Open model…", QKeySequence.StandardKey.Open,
                                     "Open a .safetensors model trained by Latent Studio.", self.open_model)
        self.save_action = self._add(file_menu, "&Save model as…", QKeySequence.StandardKey.Save,
                                     "Save a copy of the model you last trained (or opened).", self.save_model_as)
        file_menu.addSeparator()
        self._add(file_menu, "&Quit", QKeySequence.StandardKey.Quit, "Stop any run, save it and quit.", self.close)
        view_menu = self.menuBar().addMenu("&View")
        for i, spec in enumerate(PAGES):
            self._add(view_menu, spec.title, QKeySequence(f"Ctrl+{i + 1}"), spec.summary,
                      lambda _checked=False, i=i: self.show_page(i))  # fmt: skip
        help_menu = self.menuBar().addMenu("&Help")
        self._add(help_menu, f"&About {APP_NAME}", None, "Credits and licences.", self.show_about)
        self._add(help_menu, "About &Qt", None, "Qt's version and licence.", QApplication.aboutQt)

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
        path, _ = QFileDialog.getOpenFileName(self, "Open a model", folder, CHECKPOINT_FILTER)
        if path:
            self.open_model_file(path)

    def open_model_file(self, path: str) -> bool:
        """Validate and load ``path``; a bad file gets a message saying why."""
        if self.context is None:
            return False
        from engine.checkpoint import CheckpointError

        try:
            entry = self.context.library.open_file(path)
        except CheckpointError as exc:
            QMessageBox.warning(self, "Cannot open this model", str(exc))
            return False
        self._show_status(f"Opened {entry.name} ({entry.family}, {entry.dataset}).", 6000)
        return True

    def current_model_path(self) -> Path | None:
        train = self.pages.get("train")
        if train is not None and getattr(train, "last_checkpoint", None):
            return Path(train.last_checkpoint)
        current = self.context.library.current if self.context else None
        return current.path if current is not None else None

    def save_model_as(self) -> None:
        source = self.current_model_path()
        if source is None or not source.is_file():
            self._show_status("Nothing to save yet: train a model or open one first.", 6000)
            return
        target, _ = QFileDialog.getSaveFileName(self, "Save the model as", str(Path.home() / source.name),
                                                CHECKPOINT_FILTER)  # fmt: skip
        if not target:
            return
        if not target.endswith(".safetensors"):
            target += ".safetensors"
        try:
            shutil.copyfile(source, target)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save the model", f"Could not write {target}: {exc.strerror or exc}")
            return
        self._show_status(f"Saved a copy as {target}.", 6000)

    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", ABOUT_HTML)

    # -- remembering and closing ------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        page = self.settings.value("window/page", 1)
        try:
            index = int(page)
        except (TypeError, ValueError):
            index = 1
        self.side_bar.setCurrentRow(index if 0 <= index < len(PAGES) else 1)

    def save_window(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/page", self.side_bar.currentRow())

    def shutdown_pages(self) -> bool:
        """Let every page stop its work (a run is stopped, saved and its thread ended)."""
        ok = True
        for page in self.pages.values():
            shutdown = getattr(page, "shutdown", None)
            if callable(shutdown):
                ok = bool(shutdown()) and ok
        return ok

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.statusBar().showMessage("Closing: stopping and saving the run…")
        if not self.shutdown_pages():
            QMessageBox.warning(self, APP_NAME, "A run is still saving; please try again in a moment.")
            event.ignore()
            return
        self.save_window()
        self.settings.sync()
        event.accept()


def about_text() -> str:
    """The About box as plain text (credits a test can check)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(ABOUT_HTML)
    return html.unescape(document.toPlainText())
