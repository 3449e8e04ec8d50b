"""The Models page: every checkpoint listed; load, rename, delete, export, import — and refusals."""

from __future__ import annotations

import json
import pickle
import re
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.pages.models_page import RUN_COLUMN, ModelsPage
from engine.checkpoint import read_meta, update_meta
from engine.paths import SHIPPED_MODELS_DIR


@pytest.fixture
def page(qtbot, context):
    widget = ModelsPage(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    context.library.shutdown()


def shipped_copy(tmp_path, name="mnist-stacked.safetensors"):
    target = tmp_path / "outside" / "my-model.safetensors"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(SHIPPED_MODELS_DIR / name, target)
    return target


def test_every_shipped_model_is_listed_read_only(page):
    shipped = sorted(SHIPPED_MODELS_DIR.glob("*.safetensors"))
    assert page.table.rowCount() == len(shipped) >= 14
    for row in range(page.table.rowCount()):
        assert page.table.item(row, 7).text() == "shipped (read-only)"
        assert page.table.item(row, 4).text() != "—"  # final metrics
        assert re.fullmatch(r"\d+( of \d+)?", page.table.item(row, 3).text())  # epochs done (of planned)
    page.select_row(0)
    assert not page.rename_button.isEnabled() and not page.delete_button.isEnabled()
    assert not page.delete_selected(confirm=False) and "cannot be deleted" in page.message.text()
    assert len(sorted(SHIPPED_MODELS_DIR.glob("*.safetensors"))) == len(shipped)


def test_import_rename_export_delete(page, context, tmp_path):
    before = page.table.rowCount()
    entry = page.import_file(shipped_copy(tmp_path))
    assert entry is not None and not entry.shipped
    assert page.table.rowCount() == before + 1 and page.selected_entry().path == entry.path
    assert page.rename_button.isEnabled()
    assert page.rename_selected("  My first   autoencoder ")
    assert read_meta(entry.path)["name"] == "My first autoencoder"
    assert page.selected_entry().name == "My first autoencoder"
    exported = page.export_selected(tmp_path / "shared" / "copy")
    assert exported.name == "copy.safetensors" and read_meta(exported)["name"] == "My first autoencoder"
    page.load_selected()
    assert context.library.current.path == entry.path
    assert page.table.item(page.table.currentRow(), 0).text().startswith("▶")
    assert page.delete_selected(confirm=False)
    assert not entry.path.exists() and page.table.rowCount() == before


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("evil.safetensors", pickle.dumps({"weights": [1, 2, 3]}), "pickle"),
        ("model.pt", b"PK\x03\x04 a torch.save zip", "pickle"),
        ("short.safetensors", b"\x01\x02", "too short"),
        ("cut.safetensors", None, "truncated"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(page, tmp_path, name, data, reason):
    path = tmp_path / name
    if data is None:
        whole = (SHIPPED_MODELS_DIR / "mnist-stacked.safetensors").read_bytes()
        data = whole[: len(whole) // 3]
    path.write_bytes(data)
    before = page.table.rowCount()
    assert page.import_file(path) is None
    assert reason in page.message.text() and name in page.message.text()
    assert page.table.rowCount() == before


def test_filter_and_details(page):
    page.filter_edit.setText("fashion vae")
    visible = [r for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)]
    assert len(visible) == 2  # the VAE and the 2-D VAE (the latent map's)
    assert all("Variational" in page.table.item(r, 0).text() for r in visible)
    page.select_row(visible[0])
    assert "Training" in page.details.toPlainText() and "epochs" in page.details.toPlainText()
    page.filter_edit.clear()
    assert not any(page.table.isRowHidden(r) for r in range(page.table.rowCount()))
    assert page.table.item(0, 0).data(Qt.ItemDataRole.UserRole)


# -- buttons as a user clicks them ---------------------------------------------------------------
def test_export_button_writes_a_copy_where_the_user_chose(qtbot, page, tmp_path, monkeypatch):
    """clicked(bool) once reached export_selected as its target (False): a TypeError, and nothing written."""
    target = tmp_path / "slides" / "stacked-copy.safetensors"
    target.parent.mkdir()
    monkeypatch.setattr(
        "desktop.pages.models.actions.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    page.select_row(0)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file() and read_meta(target)["family"] == page.selected_entry().family
    assert "Exported" in page.message.text()


def test_rename_and_delete_buttons_ask_first(qtbot, page, tmp_path, monkeypatch):
    entry = page.import_file(shipped_copy(tmp_path))
    monkeypatch.setattr(
        "desktop.pages.models.actions.QInputDialog.getText", lambda *args, **kwargs: ("Typed name", True)
    )
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    assert read_meta(entry.path)["name"] == "Typed name"  # not "False"
    asked = []
    monkeypatch.setattr(
        "desktop.pages.models.actions.plain_message",
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.No,
    )
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked and entry.path.exists()  # the click asked, and No kept the file


# -- Load puts the model where it belongs ----------------------------------------------------------
def test_load_makes_the_fashion_dcgan_the_generate_pages_generator(qtbot, window):
    models, generate = window.page("models"), window.page("generate")
    dcgan = (SHIPPED_MODELS_DIR / "fashion-dcgan.safetensors").resolve()
    assert generate.entry is None or generate.entry.path != dcgan
    window.show_page("models")
    assert models.select_path(dcgan)
    qtbot.mouseClick(models.load_button, Qt.MouseButton.LeftButton)
    assert generate.entry.path == dcgan and generate.model_combo.currentData() == str(dcgan)
    assert "Generate page" in models.message.text() and models.go_button.isVisible()
    qtbot.waitUntil(lambda: generate.model is not None, timeout=20000)  # loaded in the background
    assert generate.grid.count() > 0
    qtbot.mouseClick(models.go_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "generate"


def test_load_highlights_an_autoencoders_tile_and_maps_it(qtbot, window):
    models, draw, latent = window.page("models"), window.page("draw"), window.page("latent")
    conv = (SHIPPED_MODELS_DIR / "fashion-conv.safetensors").resolve()
    window.show_page("models")
    assert models.select_path(conv)
    qtbot.mouseClick(models.load_button, Qt.MouseButton.LeftButton)
    assert draw.selected == conv and draw.dataset_combo.currentData() == "fashion-mnist"
    assert draw.slots[conv].view._selected and not any(s.view._selected for p, s in draw.slots.items() if p != conv)
    assert latent.model_combo.currentData() == str(conv)
    assert "Draw page" in models.message.text() and "Latent" in models.message.text()
    window.context.library.wait_for_loads(20000)


# -- a run's story, diverged runs, filters ----------------------------------------------------------
def user_run(page, tmp_path, name, **meta):
    entry = page.import_file(shipped_copy(tmp_path))
    update_meta(entry.path, name=name, **meta)
    page.library.refresh()
    return page.library.entry_for(entry.path)


def row_of(page, entry):
    return next(
        r
        for r in range(page.table.rowCount())
        if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == str(entry.path)
    )


def test_each_run_tells_how_it_ended(page, tmp_path):
    config = read_meta(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors")["train_config"]
    stopped = user_run(
        page,
        tmp_path,
        "Stopped run",
        stopped_because="stopped",
        epochs_completed=3,
        train_config={**config, "epochs": 10},
    )
    closed = user_run(
        page,
        tmp_path,
        "Closed run",
        stopped_because="stopped",
        ended_by="closing",
        epochs_completed=1,
        train_config={**config, "epochs": 10},
    )
    for entry, words, epochs in ((stopped, "stopped", "3 of 10"), (closed, "cut off by quitting", "1 of 10")):
        row = row_of(page, entry)
        assert words in page.table.item(row, RUN_COLUMN).text()
        assert page.table.item(row, 3).text() == epochs
        page.select_row(row)
        assert "10 planned" in page.details.toPlainText()
    finished = row_of(page, page.library.entry_for((SHIPPED_MODELS_DIR / "mnist-stacked.safetensors").resolve()))
    assert "finished" in page.table.item(finished, RUN_COLUMN).text()


def test_a_shipped_dcgan_trained_in_phases_tells_the_epoch_the_judge_kept_of_all_it_ran(page):
    manifest = json.loads((SHIPPED_MODELS_DIR / "manifest.json").read_text(encoding="utf-8"))
    record = next(m for m in manifest["models"] if m["file"] == "mnist-dcgan.safetensors")
    entry = page.library.entry_for((SHIPPED_MODELS_DIR / "mnist-dcgan.safetensors").resolve())
    assert entry.epochs != record["best_epoch"]  # the checkpoint's own record knows only its last phase
    row = row_of(page, entry)
    assert page.table.item(row, 3).text() == f"{record['best_epoch']} of {record['epochs_run']}"
    page.select_row(row)
    story = f"Trained in {len(record['phases'])} phases, {record['epochs_run']} epochs in all; the judge kept epoch"
    assert story in page.details.toPlainText()


def test_a_diverged_run_is_marked_and_offered_for_deletion(qtbot, page, tmp_path, monkeypatch):
    diverged = user_run(page, tmp_path, "Exploded run", stopped_because="diverged", metrics={"loss": float("nan")})
    healthy = user_run(page, tmp_path, "Good run")
    row = row_of(page, diverged)
    assert "diverged" in page.table.item(row, RUN_COLUMN).text()
    red, plain = (page.table.item(row_of(page, e), 0).foreground().color() for e in (diverged, healthy))
    assert red != plain  # marked
    assert page.delete_diverged_button.isVisible() and "(1)" in page.delete_diverged_button.text()
    monkeypatch.setattr(
        "desktop.pages.models_page.plain_message", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(page.delete_diverged_button, Qt.MouseButton.LeftButton)
    assert not diverged.path.exists() and healthy.path.exists()
    assert not page.delete_diverged_button.isVisible()


def test_filter_by_family_and_dataset(page):
    page.family_filter.setCurrentIndex(page.family_filter.findData("vae"))
    visible = [r for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)]
    assert len(visible) == 4  # the MNIST and the Fashion-MNIST VAE, each also with a 2-D code
    page.dataset_filter.setCurrentIndex(page.dataset_filter.findData("fashion-mnist"))
    visible = [r for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)]
    assert len(visible) == 2 and all(page.table.item(r, 2).text() == "Fashion-MNIST" for r in visible)
    page.family_filter.setCurrentIndex(0)  # all families
    visible = [r for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)]
    assert len(visible) == 9 and all(page.table.item(r, 2).text() == "Fashion-MNIST" for r in visible)


def test_names_from_files_are_shown_as_plain_text(page, tmp_path):
    entry = user_run(page, tmp_path, "<b>bold</b> & <i>evil</i>")
    page.select_path(entry.path)
    assert "<b>bold</b> & <i>evil</i>" in page.details.toPlainText()
    page.load_selected()
    assert page.message.textFormat() == Qt.TextFormat.PlainText and "<b>bold</b>" in page.message.text()
