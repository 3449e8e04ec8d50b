"""The Models page's commands on the selected model: load, rename, delete, export a copy, import a file.

Shipped models are read-only (they live in the app's own folder and a test
checks them against their manifest); the user's can be renamed and deleted.
Any model can be exported as a copy, and a checkpoint file can be imported —
after full validation, so a damaged file, a foreign safetensors file or a
pickle (which could run code) is refused with the reason. Each command says
what it did, or why it did nothing, on the page's message line.

Its words keep the Models page's translation context (``QCoreApplication.translate("ModelsPage", …)``),
so they keep its translations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.model_library import ModelEntry
from desktop.plain_text import plain_message, plain_tooltip
from engine.checkpoint import SUFFIX, CheckpointError


def file_filter() -> str:
    return QCoreApplication.translate("ModelsPage", "Latent Studio models (*.safetensors);;All files (*)")


def model_destinations(entry: ModelEntry) -> tuple[str, ...]:
    """The pages where *Load* makes ``entry`` the current model: the Generate page for generators,
    the Draw page's highlighted tile and the Latent space page's map for autoencoders (a VAE: all three)."""
    places = ("generate",) if entry.is_generator else ()
    return places + (("draw", "latent") if entry.is_autoencoder else ())


class ModelActions:
    """The commands of the Models page ``page``: it holds the library, the selection and the message line."""

    def __init__(self, page) -> None:
        self.page = page
        self.library = page.library
        self.settings = page.settings

    def _say(self, text: str, error: bool = False) -> None:
        self.page._say(text, error)

    def load_selected(self) -> None:
        page = self.page
        entry = page.selected_entry()
        if entry is None:
            return
        self.library.set_current(entry)  # the window makes it current on its pages (model_destinations)
        self.library.load_in_background([entry.path])
        places = model_destinations(entry)
        titles = {
            "generate": QCoreApplication.translate("ModelsPage", "the Generate page"),
            "draw": QCoreApplication.translate("ModelsPage", "the Draw page (highlighted)"),
            "latent": QCoreApplication.translate("ModelsPage", "the Latent space page's map"),
        }
        if places:
            where = ", ".join(titles[p] for p in places)
            self._say(
                QCoreApplication.translate("ModelsPage", "{name} is now the current model on {where}.").format(
                    name=entry.name, where=where
                )
            )
            go = {
                "generate": QCoreApplication.translate("ModelsPage", "Go to the Generate page →"),
                "draw": QCoreApplication.translate("ModelsPage", "Go to the Draw page →"),
                "latent": QCoreApplication.translate("ModelsPage", "Go to the Latent space page →"),
            }
            page.go_button.setText(go[places[0]])
            page.go_button.setToolTip(
                plain_tooltip(
                    QCoreApplication.translate("ModelsPage", "Show the page where {name} now is.").format(
                        name=entry.name
                    )
                )
            )
            page.go_button.setProperty("page", places[0])
        else:
            self._say(
                QCoreApplication.translate("ModelsPage", "{name} is now the current model.").format(name=entry.name)
            )
        page.go_button.setVisible(bool(places))

    def rename_selected(self, name: str | None = None) -> bool:
        entry = self.page.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(
                QCoreApplication.translate(
                    "ModelsPage", "{name} ships with the app and is read-only; export a copy to rename it."
                ).format(name=entry.name),
                True,
            )
            return False
        if name is None:
            name, ok = QInputDialog.getText(
                self.page,
                QCoreApplication.translate("ModelsPage", "Rename the model"),
                QCoreApplication.translate("ModelsPage", "New name:"),
                text=entry.name,
            )
            if not ok:
                return False
        try:
            renamed = self.library.rename(entry, name)
        except CheckpointError as exc:
            self._say(QCoreApplication.translate("ModelsPage", "Could not rename: {reason}").format(reason=exc), True)
            return False
        self.page.select_path(renamed.path)
        self._say(QCoreApplication.translate("ModelsPage", "Renamed to {name}.").format(name=renamed.name))
        return True

    def delete_selected(self, confirm: bool = True) -> bool:
        entry = self.page.selected_entry()
        if entry is None:
            return False
        if entry.shipped:
            self._say(
                QCoreApplication.translate("ModelsPage", "{name} ships with the app and cannot be deleted.").format(
                    name=entry.name
                ),
                True,
            )
            return False
        if confirm:
            answer = plain_message(
                self.page,
                QMessageBox.Icon.Question,
                QCoreApplication.translate("ModelsPage", "Delete the model"),
                QCoreApplication.translate("ModelsPage", "Delete {name}?\n{path}\n\nThis cannot be undone.").format(
                    name=entry.name, path=entry.path
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.library.delete(entry)
        except CheckpointError as exc:
            self._say(QCoreApplication.translate("ModelsPage", "Could not delete: {reason}").format(reason=exc), True)
            return False
        self._say(QCoreApplication.translate("ModelsPage", "Deleted {name}.").format(name=entry.name))
        return True

    def export_selected(self, target: str | Path | None = None) -> Path | None:
        entry = self.page.selected_entry()
        if entry is None:
            return None
        if target is None:
            folder = Path(str(self.settings.value("models/export_folder", str(Path.home()))))
            chosen, _filter = QFileDialog.getSaveFileName(
                self.page,
                QCoreApplication.translate("ModelsPage", "Export a copy"),
                str(folder / entry.path.name),
                file_filter(),
            )
            if not chosen:
                return None
            target = chosen
        try:
            written = self.library.export(entry, target)
        except CheckpointError as exc:
            self._say(QCoreApplication.translate("ModelsPage", "Could not export: {reason}").format(reason=exc), True)
            return None
        self.settings.setValue("models/export_folder", str(written.parent))
        self._say(
            QCoreApplication.translate("ModelsPage", "Exported a copy of {name} to {path}.").format(
                name=entry.name, path=written
            )
        )
        return written

    def import_dialog(self) -> None:
        folder = str(self.settings.value("models/import_folder", str(Path.home())))
        path, _filter = QFileDialog.getOpenFileName(
            self.page, QCoreApplication.translate("ModelsPage", "Import a model"), folder, file_filter()
        )
        if path:
            self.settings.setValue("models/import_folder", str(Path(path).parent))
            self.import_file(path)

    def import_file(self, path: str | Path) -> ModelEntry | None:
        """Validate and add a checkpoint; a bad one is refused with the reason and changes nothing."""
        if not str(path).endswith(SUFFIX) and Path(path).suffix.lower() in (".pt", ".pth", ".pkl", ".ckpt", ".h5"):
            self._say(
                QCoreApplication.translate(
                    "ModelsPage",
                    "Refused {name}: Latent Studio only opens .safetensors checkpoints, never pickle or "
                    "framework files (they can run code when loaded).",
                ).format(name=Path(path).name),
                True,
            )
            return None
        try:
            entry = self.library.import_file(path)
        except (CheckpointError, OSError) as exc:
            self._say(
                QCoreApplication.translate("ModelsPage", "Refused {name}: {reason}").format(
                    name=Path(path).name, reason=getattr(exc, "strerror", None) or exc
                ),
                True,
            )
            return None
        self.page.select_path(entry.path)
        self._say(
            QCoreApplication.translate("ModelsPage", "Imported {name} ({family}, {dataset}) into your models.").format(
                name=entry.name, family=entry.family, dataset=entry.dataset_label
            )
        )
        return entry
