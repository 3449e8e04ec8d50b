"""The Generate page's saving: the grid and the interpolation strip as PNG files, enlarged for slides.

A mixin of :class:`desktop.pages.generate_page.GeneratePage`, which holds the samples, the strip, the
scale box and the settings. Its words keep the page's translation context, so they keep its translations.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.widgets.history_exports import MIN_GRID_WIDTH, scale_for, upscale_nearest
from desktop.widgets.pixel_view import to_uint8
from engine.imageio import ImageError, make_grid, write_png


class GridSaving:
    """Save grid / Save strip: what the page's two buttons do."""

    def grid_png(self) -> np.ndarray:
        return make_grid(to_uint8(self.samples), cols=self.grid.columns, pad=2)

    def strip_png(self) -> np.ndarray:
        return make_grid(to_uint8(self.strip), cols=len(self.strip), pad=2)

    def export_scale(self, width: int) -> int:
        """The chosen zoom of saved PNGs; "auto" is the smallest that makes them 1024 px wide or more."""
        return self.scale_spin.value() or scale_for(width, MIN_GRID_WIDTH)

    def save_grid(self, path: str | Path) -> Path:
        """The grid as a PNG, enlarged to the chosen scale (nearest neighbour: crisp pixels)."""
        if not len(self.samples):
            raise ImageError(QCoreApplication.translate("GeneratePage", "there is no grid to save yet"))
        image = self.grid_png()
        return write_png(path, upscale_nearest(image, self.export_scale(image.shape[1])))

    def save_strip(self, path: str | Path) -> Path:
        """The interpolation strip as a PNG, enlarged like the grid."""
        if not len(self.strip):
            raise ImageError(
                QCoreApplication.translate("GeneratePage", "pick two samples first: the strip goes from A to B")
            )
        image = self.strip_png()
        return write_png(path, upscale_nearest(image, self.export_scale(image.shape[1])))

    def _save_dialog(self, what: str) -> None:
        entry = self.entry
        stem = f"{entry.path.stem if entry else 'samples'}-{what}-seed{self.seed_spin.value()}.png"
        folder = Path(str(self.settings.value("generate/folder", str(Path.home()))))
        title = (
            QCoreApplication.translate("GeneratePage", "Save the grid as PNG")
            if what == "grid"
            else QCoreApplication.translate("GeneratePage", "Save the strip as PNG")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(folder / stem), QCoreApplication.translate("GeneratePage", "PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        self.settings.setValue("generate/folder", str(Path(path).parent))
        try:
            (self.save_grid if what == "grid" else self.save_strip)(path)
        except ImageError as exc:
            self.context.show_status(
                QCoreApplication.translate("GeneratePage", "Could not save: {reason}").format(reason=exc), 8000
            )
            return
        if what == "grid":
            self.context.show_status(
                QCoreApplication.translate("GeneratePage", "Saved the grid as {path}.").format(path=path), 6000
            )
        else:
            self.context.show_status(
                QCoreApplication.translate("GeneratePage", "Saved the strip as {path}.").format(path=path), 6000
            )
