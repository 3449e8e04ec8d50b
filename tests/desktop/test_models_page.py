"""The Models page: every checkpoint listed; load, rename, delete, export, import — and refusals."""

from __future__ import annotations

import pickle
import shutil

import pytest
from PySide6.QtCore import Qt

from desktop.pages.models_page import ModelsPage
from engine.checkpoint import read_meta
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
        assert page.table.item(row, 3).text().isdigit()  # epochs
    page.table.selectRow(0)
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
    assert len(visible) == 1 and "Variational" in page.table.item(visible[0], 0).text()
    page.table.selectRow(visible[0])
    assert "Training" in page.details.toPlainText() and "epochs" in page.details.toPlainText()
    page.filter_edit.clear()
    assert not any(page.table.isRowHidden(r) for r in range(page.table.rowCount()))
    assert page.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
