"""The column beside the latent map: the image decoded under the mouse (and how it is decoded), the dot
clicked with its reconstruction, and the Draw page's drawing (the ★ on the map)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.widgets.pixel_view import PixelView
from engine.latent_neighbours import K_NEIGHBOURS

WIDTH = 280


class SidePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hover_view = PixelView(self.tr("Move the mouse over the map"), 104)
        self.hover_label = QLabel()
        self.how_label = QLabel()  # how the point under the mouse becomes a code
        self.how_label.setWordWrap(True)
        self.original_view = PixelView(self.tr("Click a dot"), 80)
        self.reconstruction_view = PixelView("", 80)
        self.clicked_label = QLabel()
        self.clicked_label.setWordWrap(True)
        self.drawing_view = PixelView(self.tr("Draw on the Draw page"), 72)
        hover_box = QGroupBox(self.tr("Decoded under the mouse"))
        hb = QVBoxLayout(hover_box)
        hb.addWidget(self.hover_view)
        hb.addWidget(self.hover_label)
        hb.addWidget(self.how_label)
        click_box = QGroupBox(self.tr("The dot you clicked"))
        cb = QVBoxLayout(click_box)
        pair = QHBoxLayout()
        for title, view in (
            (self.tr("original"), self.original_view),
            (self.tr("reconstruction"), self.reconstruction_view),
        ):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            col.addWidget(view)
            pair.addLayout(col)
        cb.addLayout(pair)
        cb.addWidget(self.clicked_label)
        draw_box = QGroupBox(self.tr("Your drawing (★ on the map)"))
        db = QVBoxLayout(draw_box)
        db.addWidget(self.drawing_view)
        side = QVBoxLayout(self)
        side.addWidget(hover_box)
        side.addWidget(click_box)
        side.addWidget(draw_box)
        side.addStretch(1)
        self.setFixedWidth(WIDTH)

    def say_how_hovering_decodes(self, method: str) -> None:
        """``method``: the map's ("plane", "pca" or "tsne")."""
        if method == "plane":
            text = self.tr("Hovering decodes the exact point of the latent plane.")
        elif method == "tsne":
            text = self.tr("Hovering decodes the codes of the {k} nearest points, interpolated.").format(k=K_NEIGHBOURS)
        else:
            text = self.tr("Hovering decodes the point with the other components at their mean.")
        self.how_label.setText(text)

    def show_hovered(self, image: np.ndarray, x: float, y: float) -> None:
        self.hover_view.set_image(image)
        self.hover_label.setText(self.tr("at ({x}, {y})").format(x=_number(x), y=_number(y)))

    def show_clicked(
        self, image: np.ndarray, reconstruction: np.ndarray, index: int, label: int, name: str, place
    ) -> None:
        """A dot's image, the model's reconstruction of it, and what it is: its index, class and place."""
        self.original_view.set_image(image)
        self.reconstruction_view.set_image(reconstruction)
        x, y = place
        self.clicked_label.setText(
            self.tr("Image #{index}: class {label} ({name}) at ({x}, {y})").format(
                index=index, label=label, name=name, x=_number(x), y=_number(y)
            )
        )


def _number(value: float) -> str:
    return QLocale().toString(float(value), "f", 2)
