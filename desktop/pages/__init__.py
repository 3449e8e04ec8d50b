"""The five pages of the main window, each imported only when the window builds it.

A page that cannot be imported or built (a broken install, a bug) is replaced
by a page that says so and what it would have held: one broken page never
takes the window down, and the window always has its five entries.

Every page is a :class:`Page`: the window asks each one, the same way, what it
shows as the current model, what closing would interrupt, and to shut down.
Pages inherit the protocol's quiet answers from :class:`PageDefaults` and
override what they need.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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

    def shown_title(self) -> str:
        """The title in the user's language (``title`` stays English: logs and tests use it)."""
        return QCoreApplication.translate("PageSpec", self.title)

    def shown_summary(self) -> str:
        return QCoreApplication.translate("PageSpec", self.summary)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "draw",
        QT_TRANSLATE_NOOP("PageSpec", "Draw"),
        "✎",
        "desktop.pages.draw",
        "DrawPage",
        QT_TRANSLATE_NOOP(
            "PageSpec",
            "Draw a digit or a piece of clothing with the mouse and watch every "
            "autoencoder rebuild it, live; add noise and see the denoising autoencoder clean it.",
        ),
    ),
    PageSpec(
        "train",
        QT_TRANSLATE_NOOP("PageSpec", "Train"),
        "▶",
        "desktop.pages.train_page",
        "TrainPage",
        QT_TRANSLATE_NOOP(
            "PageSpec",
            "Pick a model and a dataset, press Start, and watch the loss curves and "
            "the reconstructions or samples improve.",
        ),
    ),
    PageSpec(
        "generate",
        QT_TRANSLATE_NOOP("PageSpec", "Generate"),
        "✦",
        "desktop.pages.generate_page",
        "GeneratePage",
        QT_TRANSLATE_NOOP(
            "PageSpec",
            "Sample the GAN, the DCGAN and the VAE; interpolate between two samples; move the VAE's latent sliders.",
        ),
    ),
    PageSpec(
        "latent",
        QT_TRANSLATE_NOOP("PageSpec", "Latent space"),
        "◎",
        "desktop.pages.latent_page",
        "LatentPage",
        QT_TRANSLATE_NOOP(
            "PageSpec",
            "Every test image placed by its code and coloured by class; hover the "
            "map to decode the point under the mouse.",
        ),
    ),
    PageSpec(
        "models",
        QT_TRANSLATE_NOOP("PageSpec", "Models"),
        "▤",
        "desktop.pages.models_page",
        "ModelsPage",
        QT_TRANSLATE_NOOP(
            "PageSpec", "Every model shipped with the app or trained by you: load, rename, delete, export, import."
        ),
    ),
)


@runtime_checkable
class Page(Protocol):
    """What the main window asks of each of its pages."""

    context: Any  # the desktop.context.AppContext the page was built with (None before the engine loads)

    def shutdown(self) -> bool:
        """Stop the page's work and join its threads (the window is closing); True when nothing is left."""
        ...

    def shown_model(self) -> Path | None:
        """The checkpoint this page shows as the current model (File → Save model as…), or None."""
        ...

    def work_in_progress(self) -> str | None:
        """One sentence saying what closing the window would interrupt, or None when nothing would be."""
        ...


class PageDefaults:
    """The :class:`Page` answers of a page with nothing to stop and no model of its own (a mixin)."""

    context: Any = None

    def shutdown(self) -> bool:
        return True

    def shown_model(self) -> Path | None:
        return None

    def work_in_progress(self) -> str | None:
        return None


class PageLoadError(QWidget, PageDefaults):
    """Stands in for a page that could not be imported or built, and says why."""

    def __init__(self, spec: PageSpec, reason: str, context=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.spec = spec
        self.reason = reason
        title = QLabel(f"<h2>{spec.shown_title()}</h2>")
        text = QLabel(
            self.tr(
                "<p>{summary}</p><p><i>This page could not be loaded — {reason}</i></p><p>Reinstalling "
                "Latent Studio usually mends this; the other pages work as usual.</p>"
            ).format(summary=spec.shown_summary(), reason=reason)
        )
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(2)
        self.setToolTip(reason)


def create_page(spec: PageSpec, context) -> Page:
    """The page's widget; a :class:`PageLoadError` saying why when it cannot be made."""
    try:
        module = importlib.import_module(spec.module)
        page = getattr(module, spec.class_name)(context)
        if not isinstance(page, Page):
            raise TypeError(f"{spec.class_name} is not a Page (see desktop.pages.Page)")
        return page
    except Exception as exc:  # one broken page must not take the whole window down
        log.exception("The %s page could not be loaded", spec.title)
        return PageLoadError(spec, f"{exc.__class__.__name__}: {exc}", context)
