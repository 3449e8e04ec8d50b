"""The five pages of the main window, each imported only when the window builds it.

A page that cannot be imported or built (a broken install, a bug) is replaced
by a page that says so and what it would have held: one broken page never
takes the window down, and the window always has its five entries.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    glyph: str  # drawn as the side bar's icon
    module: str
    class_name: str
    summary: str  # what the page holds: its tooltip, and the error page's text


PAGES: tuple[PageSpec, ...] = (
    PageSpec("draw", "Draw", "✎", "desktop.pages.draw_page", "DrawPage",
             "Draw a digit or a piece of clothing with the mouse and watch every autoencoder rebuild it, live; "
             "add noise and see the denoising autoencoder clean it."),
    PageSpec("train", "Train", "▶", "desktop.pages.train_page", "TrainPage",
             "Pick a model and a dataset, press Start, and watch the loss curves and the reconstructions or "
             "samples improve."),
    PageSpec("generate", "Generate", "✦", "desktop.pages.generate_page", "GeneratePage",
             "Sample the GAN, the DCGAN and the VAE; interpolate between two samples; move the VAE's latent "
             "sliders."),
    PageSpec("latent", "Latent space", "◎", "desktop.pages.latent_page", "LatentPage",
             "Every test image placed by its code and coloured by class; hover the map to decode the point "
             "under the mouse."),
    PageSpec("models", "Models", "▤", "desktop.pages.models_page", "ModelsPage",
             "Every model shipped with the app or trained by you: load, rename, delete, export, import."),
)  # fmt: skip


class PageLoadError(QWidget):
    """Stands in for a page that could not be imported or built, and says why."""

    def __init__(self, spec: PageSpec, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.reason = reason
        title = QLabel(f"<h2>{spec.title}</h2>")
        text = QLabel(f"<p>{spec.summary}</p><p><i>This page could not be loaded — {reason}</i></p>"
                      "<p>Reinstalling Latent Studio usually mends this; the other pages work as usual.</p>")
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(2)
        self.setToolTip(reason)


def create_page(spec: PageSpec, context) -> QWidget:
    """The page's widget; a :class:`PageLoadError` saying why when it cannot be made."""
    try:
        module = importlib.import_module(spec.module)
        return getattr(module, spec.class_name)(context)
    except Exception as exc:  # one broken page must not take the whole window down
        log.exception("The %s page could not be loaded", spec.title)
        return PageLoadError(spec, f"{exc.__class__.__name__}: {exc}")
