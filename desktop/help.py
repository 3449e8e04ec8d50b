"""Help for newcomers: what each page shows, tied to the lecture, and "What am I looking at?" tooltips.

*Help → The lecture in the app* lists the five pages; for each, three
sentences link what is on screen to the lecture's section (the lecture is in
French, so its section titles are quoted as the slides write them). Every plot
and grid of the window gets a "What am I looking at?" paragraph in its
tooltip: the texts below, by page and attribute, or by the widget's kind.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

CONTEXT = "LectureGuide"
MARK = QT_TRANSLATE_NOOP("LectureGuide", "What am I looking at?")

#: page key → (the lecture's section, as the slides title it; three sentences)
GUIDE: dict[str, tuple[str, tuple[str, str, str]]] = {
    "draw": (
        "2 Les autoencodeurs — Architecture des autoencodeurs (1/5–5/5); Autoencodeurs débruiteurs",
        (
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Your drawing is the input x: it goes through the MNIST recipe (the "
                "28×28 image on the left is exactly what every model receives).",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Each tile is one autoencoder's reconstruction: its encoder turns x "
                "into a short code (the bars under the tiles) and its decoder rebuilds the image from "
                "that code alone, as the slides' encoder/decoder figure shows.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The noise panel is the denoising autoencoder's experiment: noise or "
                "blanked pixels go in, and the denoiser, trained to remove them, should rebuild the "
                "clean digit better than the plain stacked autoencoder.",
            ),
        ),
    ),
    "train": (
        "2 Les autoencodeurs — Exemple : Autoencodeurs profonds; 3 GAN — Entraînement d'un GAN (1/5–5/5)",
        (
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The settings are the lecture's Keras code: the stacked autoencoder's "
                "SGD with lr 1.5, its binary cross-entropy loss, ten epochs on Fashion-MNIST.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The curves show the reconstruction loss going down epoch by epoch "
                "(training and validation), and the grid shows the validation images above their "
                "reconstructions, sharpening as the model learns.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "For a GAN, each step has the lecture's two phases: the discriminator "
                "learns real from fake (D(x) near 1, D(G(z)) near 0), then the generator learns to fool "
                "it; the health line says in words which one is winning.",
            ),
        ),
    ),
    "generate": (
        "3 Les réseaux antagonistes génératifs (GAN) (3/4); Exemple : Les GAN (1/2)",
        (
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Each sample is the generator fed with random codings: 30 numbers drawn "
                "from a Gaussian (the lecture's codings_size = 30), or the VAE's 10-number code.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The generator never saw a real image: it learnt to draw these from the "
                "discriminator's gradients alone, as the last GAN training slide says.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The strip between A and B walks in a straight line through the codings "
                "space, and the sliders move single coordinates: the images change smoothly because "
                "nearby codes give nearby images.",
            ),
        ),
    ),
    "latent": (
        "1 Représentation des données — … vers l'apprentissage de représentations",
        (
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Each dot is one test image placed by its code, the representation "
                "the encoder learnt without ever seeing a label; the colours are the labels, added "
                "afterwards.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Images of the same class land near each other: that clustering is what "
                "the lecture means by learning a representation.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Moving the mouse decodes the point under it with the decoder, and the "
                "star is your own drawing's code, so you see where your digit sits among the others.",
            ),
        ),
    ),
    "models": (
        "2 Les autoencodeurs — Les types d'autoencodeurs; 3 GAN — Exemple : Les GAN",
        (
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Every model the lecture names is here, trained on MNIST and on "
                "Fashion-MNIST: stacked, convolutional, denoising, sparse and variational autoencoders, "
                "and the GAN.",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "The columns give each run's story: how it ended, the epochs it trained, "
                "and its final validation loss (the binary cross-entropy the lecture minimises).",
            ),
            QT_TRANSLATE_NOOP(
                "LectureGuide",
                "Load puts a model on the page where it belongs, the Generate page for "
                "generators and the Draw and Latent space pages for autoencoders.",
            ),
        ),
    ),
}

#: (page key, attribute path) → what the widget shows
TIPS: dict[tuple[str, str], str] = {
    ("draw", "raw_view"): QT_TRANSLATE_NOOP("LectureGuide", "Your drawing shrunk to 28×28 without the recipe."),
    ("draw", "processed_view"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "The model's input x: your drawing after the MNIST recipe (cropped, fitted in 20×20, "
        "centred by its centre of mass in 28×28).",
    ),
    ("draw", "tiles"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "One reconstruction per autoencoder: the decoder's output from the code of your drawing. "
        "The closer to your input, the better the code kept what matters.",
    ),
    ("draw", "code_bars"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "The latent code: the numbers the encoder turned your drawing into, one bar each (the "
        "stacked autoencoder's coding layer has 30).",
    ),
    ("draw", "noisy_view"): QT_TRANSLATE_NOOP("LectureGuide", "The corrupted input the two models receive."),
    ("draw", "denoised_view"): QT_TRANSLATE_NOOP(
        "LectureGuide", "The denoising autoencoder's reconstruction of the corrupted input."
    ),
    ("draw", "plain_view"): QT_TRANSLATE_NOOP(
        "LectureGuide", "A plain stacked autoencoder's reconstruction of the same corrupted input, for comparison."
    ),
    ("train", "plot"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "The loss along training: the faint line per step, the bold one smoothed, dots per epoch on "
        "the validation set. For a GAN: both players' losses and D(x), D(G(z)).",
    ),
    ("train", "grid"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "A fixed batch: validation images above their reconstructions, or the samples a GAN draws "
        "from fixed noise, redrawn as training goes.",
    ),
    ("generate", "grid"): QT_TRANSLATE_NOOP(
        "LectureGuide", "Images the generator drew from random codings z ~ N(0, I), one per tile."
    ),
    ("generate", "strip_view"): QT_TRANSLATE_NOOP(
        "LectureGuide", "The decoded images along the path from z_A to z_B, A on the left, B on the right."
    ),
    ("generate", "slider_preview"): QT_TRANSLATE_NOOP(
        "LectureGuide", "The image decoded from the code the sliders set."
    ),
    ("latent", "plot"): QT_TRANSLATE_NOOP(
        "LectureGuide",
        "Each dot: one test image placed by its 2-D code (or the codes projected to 2-D), "
        "coloured by its class. The star: your drawing.",
    ),
    ("latent", "hover_view"): QT_TRANSLATE_NOOP("LectureGuide", "The decoder's image of the point under the mouse."),
}

#: one reconstruction tile of the Draw page (tiles are rebuilt when the dataset changes: they add it themselves)
TILE_TIP = QT_TRANSLATE_NOOP(
    "LectureGuide",
    "This autoencoder's reconstruction of your drawing: its decoder's output from the code its "
    "encoder made. The closer to the input, the more the code kept.",
)

#: the widget's class name → what it shows, for plots and grids the table above does not name
KIND_TIPS: dict[str, str] = {
    "PixelView": QT_TRANSLATE_NOOP("LectureGuide", "A 28×28 grey image, each square one pixel as a model sees it."),
    "SampleGrid": QT_TRANSLATE_NOOP("LectureGuide", "Images a model drew, one per tile."),
    "ImageGrid": QT_TRANSLATE_NOOP("LectureGuide", "A batch of 28×28 images, one per tile."),
    "PlotWidget": QT_TRANSLATE_NOOP("LectureGuide", "A plot of values recorded from a model."),
    "LossPlot": QT_TRANSLATE_NOOP("LectureGuide", "The loss along training."),
    "CodeBars": QT_TRANSLATE_NOOP("LectureGuide", "The latent code, one bar per number."),
    "GraphicsLayoutWidget": QT_TRANSLATE_NOOP("LectureGuide", "Plots of values recorded during training."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def with_help(tooltip: str, text: str) -> str:
    """``tooltip`` followed by a "What am I looking at?" paragraph (rich text when the tooltip is)."""
    mark = QCoreApplication.translate(CONTEXT, MARK)
    if mark in tooltip:
        return tooltip
    if tooltip and tooltip.lstrip().startswith("<"):  # a rich-text tooltip: add a paragraph to it
        return f"{tooltip}<p><b>{html.escape(mark)}</b> {html.escape(text)}</p>"
    return f"{tooltip}\n\n{mark} {text}" if tooltip else f"{mark} {text}"


def _resolve(page, path: str):
    target = page
    for name in path.split("."):
        target = getattr(target, name, None)
        if target is None:
            return None
    return target if isinstance(target, QWidget) else None


def install_help_tooltips(pages: dict) -> int:
    """Add "What am I looking at?" to every plot and grid of ``pages``; the number of widgets touched."""
    done = 0
    named: set[int] = set()
    for (key, path), text in TIPS.items():
        widget = _resolve(pages.get(key), path) if key in pages else None
        if widget is not None:
            widget.setToolTip(with_help(widget.toolTip(), tr(text)))
            named.add(id(widget))
            done += 1
    for page in pages.values():
        if not isinstance(page, QWidget):
            continue
        for widget in page.findChildren(QWidget):
            text = KIND_TIPS.get(type(widget).__name__)
            if text is not None and id(widget) not in named:
                widget.setToolTip(with_help(widget.toolTip(), tr(text)))
                done += 1
    return done


def guide_html(current: str | None = None) -> str:
    """The guide as rich text: one section per page, each with a link that shows the page."""
    from desktop.pages import PAGES

    title = QCoreApplication.translate("LectureGuide", "The lecture in the app")
    parts = [f"<h2>{html.escape(title)}</h2>"]
    for spec in PAGES:
        section, sentences = GUIDE[spec.key]
        title = html.escape(spec.shown_title())
        heading = f"<h3><a name='{spec.key}'></a>{'▸ ' if spec.key == current else ''}{title}</h3>"
        where = QCoreApplication.translate("LectureGuide", "In the lecture:")
        text = " ".join(html.escape(tr(s)) for s in sentences)
        show = QCoreApplication.translate("LectureGuide", "Show this page")
        parts.append(
            f"{heading}<p><i>{html.escape(where)} « {html.escape(section)} »</i></p><p>{text}</p>"
            f"<p><a href='page:{spec.key}'>{html.escape(show)} →</a></p>"
        )
    return "".join(parts)


class LectureGuide(QDialog):
    """Help → The lecture in the app: the five pages, each tied to its part of the lecture."""

    def __init__(self, current: str | None = None, window=None) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("The lecture in the app"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(guide_html(current))
        self.browser.anchorClicked.connect(self._follow)
        if current:
            self.browser.scrollToAnchor(current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _follow(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("page:") and self.window_ is not None:
            self.window_.show_page(text.removeprefix("page:"))
            self.accept()
