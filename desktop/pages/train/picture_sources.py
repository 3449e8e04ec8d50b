"""Folders of pictures as training sources: asked for, previewed, remembered between sessions.

The Train page's *Import folder…* takes either a folder of IDX files (a copy of
MNIST or Fashion-MNIST) or a folder of pictures; for pictures it opens the
preview (:class:`~desktop.pages.train.import_dialog.ImportPicturesDialog`) and,
once accepted, the folder is listed in the Source box for every dataset choice
(a folder of pictures is a dataset of its own, named after the folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from engine.data import DataConfig, DatasetError
from engine.data.image_folder import RECIPES, has_pictures
from engine.data.sources import locate_files

SETTINGS_KEY = "train/picture_folders"  # a list of "recipe|folder"
MAX_REMEMBERED = 8


def holds_idx_files(folder: str | Path) -> bool:
    try:
        locate_files(folder)
        return True
    except DatasetError:
        return False


def is_picture_folder(folder: str | Path) -> bool:
    """Pictures and no IDX files: what the preview dialog is for."""
    return not holds_idx_files(folder) and has_pictures(folder)


def remembered(settings: QSettings | None) -> list[DataConfig]:
    """The picture folders imported before that still exist, newest first."""
    if settings is None:
        return []
    value = settings.value(SETTINGS_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    configs = []
    for item in items:
        recipe, _sep, folder = str(item).partition("|")
        if recipe in RECIPES and folder and Path(folder).is_dir():
            try:
                configs.append(DataConfig.from_images(folder, recipe))
            except DatasetError:
                continue
    return configs


def remember(settings: QSettings | None, config: DataConfig) -> None:
    """Put ``config`` first in the list (one entry per folder: the latest recipe wins)."""
    if settings is None:
        return
    others = [c for c in remembered(settings) if c.location != config.location]
    items = [f"{c.recipe}|{c.location}" for c in [config, *others][:MAX_REMEMBERED]]
    settings.setValue(SETTINGS_KEY, items)


def ask_pictures(parent: QWidget, folder: str, settings: QSettings | None) -> DataConfig | None:
    """Preview ``folder``'s pictures; the accepted choice is remembered and returned, None if cancelled."""
    from desktop.pages.train.import_dialog import ImportPicturesDialog

    dialog = ImportPicturesDialog(folder, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    config = dialog.data_config()
    remember(settings, config)
    return config
