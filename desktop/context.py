"""What the pages of the main window share: the settings, the model library, the last drawing.

The context owns the shared :class:`~desktop.model_library.ModelLibrary` (no
page does) and shuts it down, after the pages, when the window closes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QSettings, Signal

from .model_library import ModelLibrary


class AppContext(QObject):
    status_message = Signal(str, int)  # text, timeout in ms (0 = until replaced) → the status bar
    drawing_changed = Signal(object)  # float32 (28, 28) in [0, 1]: the Draw page's processed input
    checkpoint_saved = Signal(str)  # path of a checkpoint a training run just saved

    def __init__(self, library: ModelLibrary, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.last_drawing: np.ndarray | None = None
        self.checkpoint_saved.connect(lambda _path: library.refresh())
        self.drawing_changed.connect(self._remember_drawing)

    def _remember_drawing(self, image: np.ndarray) -> None:
        self.last_drawing = image

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.status_message.emit(text, timeout_ms)

    def shutdown(self) -> None:
        """Stop what the shared objects do in the background and join their threads (the window closes)."""
        self.library.shutdown()
