"""Help → About: what the installed app tells about itself.

The version, the versions of Python, PyTorch, Qt and the libraries, where the
user's files are (and where the shipped ones are), the data and model credits
(``assets/DATA-CREDITS.md``, shipped with the app).
"""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from engine import __version__, paths

APP_NAME = "Latent Studio"


def tr(text: str) -> str:
    # pyside6-lupdate files the strings of a bare tr("…") call under the empty context, wherever it is called
    return QCoreApplication.translate("", text)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) of what the app runs on; torch is imported if the engine has not loaded it yet."""
    import numpy
    import pyqtgraph
    import torch

    build = tr("CUDA {version}").format(version=torch.version.cuda) if torch.version.cuda else tr("CPU build")
    return [
        ("Python", platform.python_version()),
        ("PyTorch", f"{torch.__version__} ({build})"),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
        ("pyqtgraph", pyqtgraph.__version__),
        ("NumPy", numpy.__version__),
    ]


def _link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path)).toString()
    return f'<a href="{html.escape(url)}">{html.escape(str(path))}</a>'


def shipped_model_count() -> int:
    import json

    try:
        manifest = json.loads(paths.require_asset("models", "manifest.json").read_text(encoding="utf-8"))
        return len(manifest.get("models", []))
    except (OSError, ValueError, AttributeError):
        return 0


def about_html() -> str:
    """The About box's header: version, versions, the user's files, short credits."""
    data = paths.user_data_dir_path()
    problem = paths.user_data_problem()
    frozen = tr(" (stand-alone bundle)") if getattr(sys, "frozen", False) else ""
    versions = " · ".join(f"{name} {html.escape(version)}" for name, version in library_versions())
    files = "<br>".join(
        f"{label}: {_link(path)}"
        for label, path in (
            (tr("Your models"), data / "models"),
            (tr("Downloaded datasets"), data / "datasets"),
            (tr("Settings"), data / "settings.ini"),
            (tr("Shipped with the app (read-only)"), paths.ASSETS_DIR),
        )
    )
    warning = f'<p style="color:#a33">{html.escape(problem)}</p>' if problem else ""
    return (
        f"<h2>{APP_NAME} {__version__}{html.escape(frozen)}</h2>"
        + "<p>"
        + tr(
            "Train autoencoders and GANs on MNIST and Fashion-MNIST, and watch them learn. The models and their "
            "defaults are those of the autoencoder/GAN chapter of Aurélien Géron's <i>Hands-On Machine "
            "Learning</i>."
        )
        + "</p>"
        + f"<p><b>{tr('Running on')}</b> {versions}</p>"
        + f"<h3>{tr('Your files')}</h3><p>{files}</p>{warning}"
        + f"<h3>{tr('Credits')}</h3><p>"
        + tr(
            "<b>MNIST</b> — Yann LeCun, Corinna Cortes and Christopher J. C. Burges, "
            '<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>. '
            "<b>Fashion-MNIST</b> — Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf), "
            '<a href="https://opensource.org/licenses/MIT">MIT License</a>.'
        )
        + "</p><p>"
        + tr(
            "The {n} shipped models were trained by Latent Studio on these datasets. Built with PySide6 (Qt), "
            "pyqtgraph, PyTorch, NumPy, safetensors and platformdirs."
        ).format(n=shipped_model_count())
        + "</p>"
    )


def credits_markdown() -> str:
    """The full data and model credits, as shipped; a missing file says so and how to reinstall."""
    try:
        return paths.require_asset("DATA-CREDITS.md").read_text(encoding="utf-8")
    except OSError as exc:
        return str(exc)


def about_text() -> str:
    """The whole About box as plain text (what a test can check)."""
    document = QTextDocument()
    document.setHtml(about_html())
    credits = QTextDocument()
    credits.setMarkdown(credits_markdown())
    return html.unescape(document.toPlainText()) + "\n" + credits.toPlainText()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        self.resize(680, 620)
        header = QLabel(about_html())
        header.setWordWrap(True)
        header.setOpenExternalLinks(True)
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.credits = QTextBrowser()
        self.credits.setOpenExternalLinks(True)
        self.credits.setMarkdown(credits_markdown())
        self.credits.setToolTip(tr("The data and model credits shipped with the app (DATA-CREDITS.md)."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.credits, 1)
        layout.addWidget(buttons)
