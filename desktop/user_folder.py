"""The user's data folder cannot be written: say so once, and offer to choose another one.

The app opens all the same, with its shipped models and embedded data; only
what it would save (trained models, imports, downloads, settings) needs the
folder. The choice is remembered beside the app's configuration
(:func:`engine.paths.choose_user_data_dir`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from engine.paths import choose_user_data_dir, user_data_problem


def tr(text: str) -> str:
    # pyside6-lupdate files the strings of a bare tr("…") call under the empty context, wherever it is called
    return QCoreApplication.translate("", text)


def ask_to_choose(problem: str, parent: QWidget | None = None) -> bool:
    """Show ``problem``; True when the user wants to pick another folder."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Latent Studio"), problem, parent=parent)
    box.setInformativeText(
        tr(
            "The app opens with its shipped models and embedded data, but cannot save the "
            "models you train, your imports or your settings until it has a folder it can "
            "write."
        )
    )
    choose = box.addButton(tr("Choose another folder…"), QMessageBox.ButtonRole.AcceptRole)
    choose.setToolTip(tr("Pick a folder you can write; Latent Studio keeps your files there from now on."))
    carry_on = box.addButton(tr("Continue without saving"), QMessageBox.ButtonRole.RejectRole)
    carry_on.setToolTip(tr("Open the app anyway: nothing you train will be saved."))
    box.setDefaultButton(choose)
    box.setEscapeButton(carry_on)
    box.exec()
    return box.clickedButton() is choose


def pick_folder(parent: QWidget | None = None) -> str:
    return QFileDialog.getExistingDirectory(parent, tr("Choose a folder for Latent Studio's files"), str(Path.home()))


def ensure_user_folder(parent: QWidget | None = None) -> str | None:
    """Check the user's data folder before the window opens; ask for another one while it cannot be
    written. Returns the problem left (the user chose to go on without one), or None."""
    problem = user_data_problem()
    while problem:
        if not ask_to_choose(problem, parent):
            return problem
        folder = pick_folder(parent)
        if not folder:
            continue
        problem = choose_user_data_dir(Path(folder))
    return None
