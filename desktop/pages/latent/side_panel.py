"""The column beside the latent map: the image decoded under the mouse (and how it is decoded), the dot
clicked with its reconstruction, and the Draw page's drawing (the ★ on the map)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.widgets.pixel_view import PixelView
from engine.latent_neighbours import K_NEIGHBOURS

WIDTH = 280
VIEW_MAX = 224  # the decoded image's largest height (8 pixels per pixel of a 28×28 image)


class SidePanel(QWidget):
    """Three boxes in a column of :data:`WIDTH` pixels. Its views take the height the column has (they do not
    ask for squares of its width, which the window's height cannot give at 1280×720), from their minimum up
    to :data:`VIEW_MAX`, so the texts under them always keep their lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hover_view = self._view(self.tr("Move the mouse over the map"), 104, VIEW_MAX)
        self.hover_label = QLabel()
        self.hover_label.setMinimumHeight(self.hover_label.fontMetrics().height())  # no jump on the first hover
        self.how_label = QLabel()  # how the point under the mouse becomes a code
        self.how_label.setWordWrap(True)
        self.original_view = self._view(self.tr("Click a dot"), 80, VIEW_MAX // 2)
        self.reconstruction_view = self._view("", 80, VIEW_MAX // 2)
        self.clicked_label = QLabel()
        self.clicked_label.setWordWrap(True)
        self.drawing_view = self._view(self.tr("Draw on the Draw page"), 72, VIEW_MAX // 2)
        hover_box = QGroupBox(self.tr("Decoded under the mouse"))
        hb = QVBoxLayout(hover_box)
        hb.addWidget(self.hover_view, 1)
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
            col.addWidget(view, 1)
            pair.addLayout(col)
        cb.addLayout(pair, 1)
        cb.addWidget(self.clicked_label)
        draw_box = QGroupBox(self.tr("Your drawing (★ on the map)"))
        db = QVBoxLayout(draw_box)
        db.addWidget(self.drawing_view, 1)
        side = QVBoxLayout(self)
        side.addWidget(hover_box, 2)  # the room a tall window has goes to the decoded image first
        side.addWidget(click_box, 1)
        side.addWidget(draw_box, 1)
        self.setFixedWidth(WIDTH)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Tall enough for the texts as they wrap in this width (a longer language wraps onto more lines):
        a window any shorter would squeeze the views onto the texts."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.layout().totalHeightForWidth(WIDTH)))

    @staticmethod
    def _view(placeholder: str, min_side: int, max_height: int) -> PixelView:
        view = PixelView(placeholder, min_side, follows_width=False)
        view.setMaximumHeight(max_height)
        return view

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
