"""The five pages of the main window, each imported only when the window builds it.

A page whose module is not there yet is replaced by an interim page that says
what it will hold, so the window always has its five entries.
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
    summary: str  # what the page holds: its tooltip, and the interim page's text


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


class InterimPage(QWidget):
    """Stands in for a page whose module has not landed yet."""

    def __init__(self, spec: PageSpec, reason: str = "", failed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.failed = failed
        title = QLabel(f"<h2>{spec.title}</h2>")
        note = f"This page could not be loaded — {reason}" if failed else "This page is coming in the next version."
        text = QLabel(f"<p>{spec.summary}</p><p><i>{note}</i></p>")
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(2)
        if reason:
            self.setToolTip(reason)


def create_page(spec: PageSpec, context) -> QWidget:
    """The page's widget; an :class:`InterimPage` when its module is missing."""
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name == spec.module:
            return InterimPage(spec)
        log.exception("The %s page could not be imported", spec.title)
        return InterimPage(spec, f"{spec.title} failed to load: {exc}", failed=True)
    try:
        return getattr(module, spec.class_name)(context)
    except Exception as exc:  # one broken page must not take the whole window down
        log.exception("The %s page could not be built", spec.title)
        return InterimPage(spec, f"{spec.title} failed to load: {exc.__class__.__name__}: {exc}", failed=True)
