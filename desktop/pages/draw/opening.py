"""Opening an image file on the Draw page (Open image…, Ctrl+I, a file dropped on the canvas).

A 40-megapixel photo takes seconds to decode, so the file is read, put through
the MNIST recipe and fitted to the canvas on a task thread
(:class:`~desktop.tasks.TaskRunner`, the newest file wins), with a busy cursor;
the canvas changes when it is ready, and a bad file leaves it as it was and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.tasks import TaskRunner
from desktop.widgets.drawing_canvas import CANVAS_SIZE, DrawingCanvas
from engine import i18n as engine_i18n
from engine import inference
from engine.imageio import OPEN_FILTER, ImageError, read_image


@dataclass(frozen=True)
class OpenedImage:
    """An image file decoded and put through the recipe on a task thread, ready for the canvas."""

    name: str
    width: int = 0
    height: int = 0
    canvas: np.ndarray | None = None  # fitted to the canvas (uint8); None when it cannot be used
    inverted: bool = False  # dark ink on a light background
    error: str = ""  # why the file could not be read


def decode_image_file(state, path: str) -> OpenedImage:
    """Read (downscaled while decoding), preprocess and fit an image file: seconds for a 40-megapixel photo,
    so it runs on a task thread (:class:`~desktop.tasks.TaskRunner`), never on the GUI thread."""
    name = Path(path).name
    try:
        grey = read_image(path)
    except ImageError as exc:
        return OpenedImage(name, error=str(exc))
    height, width = grey.shape[:2]
    result = inference.prepare(grey)
    if result.empty or state.is_cancelled():
        return OpenedImage(name, width, height)
    return OpenedImage(name, width, height, inference.fit_to_canvas(result.grey, CANVAS_SIZE), result.inverted)


class ImageOpener(QObject):
    """Asks for a file, opens it off the GUI thread and puts it on ``canvas`` (undoable).

    Its words keep the Draw page's translation context: they were the page's before it moved here."""

    def __init__(
        self,
        page: QWidget,
        canvas: DrawingCanvas,
        settings,
        show_status: Callable[[str, int], None],
        show_message: Callable[..., None],
    ) -> None:
        super().__init__(page)
        self.page, self.canvas, self.settings = page, canvas, settings
        self.show_status, self.show_message = show_status, show_message
        self._loader = TaskRunner("image-opening", parent=self)  # the newest file wins
        self._loader.result.connect(self._on_opened)
        self._loader.error.connect(
            lambda reason: self.show_message(
                QCoreApplication.translate("DrawPage", "Could not use this image: {reason}.").format(reason=reason)
            )
        )
        self._loader.idle.connect(self._end_busy)
        self._busy = False
        self._used = False

    def ask(self) -> None:
        """The file dialog, in the folder an image was last opened from."""
        folder = str(self.settings.value("draw/image_folder", str(Path.home())))
        filters = engine_i18n._(OPEN_FILTER) + ";;" + QCoreApplication.translate("DrawPage", "All files (*)")
        path, _ = QFileDialog.getOpenFileName(
            self.page, QCoreApplication.translate("DrawPage", "Open an image"), folder, filters
        )
        if path:
            self.settings.setValue("draw/image_folder", str(Path(path).parent))
            self.open(path)

    def open(self, path: str, wait: bool = False) -> bool:
        """Start opening ``path``; ``wait`` (tests) serves the event loop until it is done and returns whether
        the image was used; otherwise True: the opening has started."""
        self._used = False
        if not self._busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._busy = True
        self.show_status(QCoreApplication.translate("DrawPage", "Opening {name}…").format(name=Path(path).name), 0)
        self._loader.start(decode_image_file, str(path))
        if wait:
            self._loader.wait_idle(60_000)
            return self._used
        return True

    def _end_busy(self) -> None:
        if self._busy:
            QApplication.restoreOverrideCursor()
            self._busy = False

    def _on_opened(self, opened: OpenedImage) -> None:
        if opened.error:
            self.show_message(
                QCoreApplication.translate("DrawPage", "Could not use this image: {reason}.").format(
                    reason=opened.error
                )
            )
            self.show_status(
                QCoreApplication.translate("DrawPage", "Could not open {name}.").format(name=opened.name), 6000
            )
            return
        if opened.canvas is None:
            self.show_message(
                QCoreApplication.translate(
                    "DrawPage", "{name} looks blank: no ink stands out from its background."
                ).format(name=opened.name)
            )
            self.show_status(
                QCoreApplication.translate("DrawPage", "Could not open {name}.").format(name=opened.name), 6000
            )
            return
        self.canvas.set_array(opened.canvas, undoable=True)
        self._used = True
        if opened.inverted:
            how = QCoreApplication.translate("DrawPage", "dark ink on a light background, so it was inverted")
        else:
            how = QCoreApplication.translate("DrawPage", "light ink on dark")
        self.show_message(
            QCoreApplication.translate(
                "DrawPage",
                "Loaded {name} ({width}×{height} pixels): {how}. You can keep drawing on it; Undo brings back "
                "your drawing.",
            ).format(name=opened.name, width=opened.width, height=opened.height, how=how),
            info=True,
        )
        self.show_status(QCoreApplication.translate("DrawPage", "Opened {name}.").format(name=opened.name), 4000)

    def shutdown(self) -> bool:
        """Stop opening an image and join its thread (the window is closing)."""
        ok = self._loader.shutdown()
        self._end_busy()
        return ok
