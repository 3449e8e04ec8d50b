"""Comparing runs: overlaid curves with a legend naming what differs, final metrics side by side."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from desktop.pages.models_page import ModelsPage
from desktop.widgets.compare_dialog import CompareDialog, differing_settings, legend_label
from engine.checkpoint import read_meta, update_meta
from engine.paths import SHIPPED_MODELS_DIR, user_models_dir


def test_two_runs_overlaid_with_a_legend_and_their_metrics(qtbot):
    stacked = read_meta(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors")
    sparse = read_meta(SHIPPED_MODELS_DIR / "mnist-sparse.safetensors")
    dialog = CompareDialog([("mine", stacked), ("theirs", sparse)])
    qtbot.addWidget(dialog)
    assert dialog.curve.currentData() == "val_loss"  # both have it: the validation curves first
    assert dialog.curve_count() == 2
    legend = dialog.legend_texts()
    assert len(legend) == 2 and legend[0].startswith("stacked · MNIST") and legend[1].startswith("sparse · MNIST")
    assert dialog.table.columnCount() == 2 and dialog.table.rowCount() >= 2
    header = [dialog.table.verticalHeaderItem(r).text() for r in range(dialog.table.rowCount())]
    row = header.index("validation loss")
    values = [float(dialog.table.item(row, c).text().replace(",", "")) for c in range(2)]
    assert values[0] == stacked["metrics"]["loss"] or abs(values[0] - stacked["metrics"]["loss"]) < 1e-3
    bold = [dialog.table.item(row, c).font().bold() for c in range(2)]
    assert bold.count(True) == 1 and bold[values.index(min(values))]  # the lower loss stands out


def test_the_legend_names_only_the_settings_that_differ():
    a = {"family": "stacked", "dataset": {"name": "mnist"}, "train_config": {"lr": 1.5, "batch_size": 32}}
    b = {"family": "stacked", "dataset": {"name": "mnist"}, "train_config": {"lr": 0.5, "batch_size": 32}}
    assert differing_settings([a, b]) == ["lr"]
    assert legend_label(b, "run b", ["lr"]) == "stacked · MNIST · lr 0.5 (run b)"


def test_an_augmented_run_is_named_as_such_in_the_legend():
    a = {"family": "conv", "dataset": {"name": "mnist"}, "train_config": {"lr": 1.5, "augment": False}}
    b = {"family": "conv", "dataset": {"name": "mnist"}, "train_config": {"lr": 1.5, "augment": True}}
    assert differing_settings([a, b]) == ["augment"]
    assert legend_label(b, "b", ["augment"]) == "conv · MNIST · augment on (b)"
    assert legend_label(a, "a", ["augment"]) == "conv · MNIST · augment off (a)"


def test_models_page_compares_the_selected_runs(qtbot, context):
    for name in ("mnist-stacked", "mnist-conv"):
        target = user_models_dir() / f"{name}-copy.safetensors"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIPPED_MODELS_DIR / f"{name}.safetensors", target)
        update_meta(target, name=f"{name} copy")
    context.library.refresh()
    page = ModelsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert not page.run_actions.compare_button.isEnabled()
    rows = [r for r in range(page.table.rowCount()) if page.table.item(r, 0).text().endswith("copy")]
    assert len(rows) == 2
    page.table.clearSelection()
    for row in rows:
        page.table.selectionModel().select(
            page.table.model().index(row, 0),
            page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
        )
    assert page.run_actions.compare_button.isEnabled() and not page.run_actions.open_button.isEnabled()
    qtbot.mouseClick(page.run_actions.compare_button, Qt.MouseButton.LeftButton)
    dialog = page.run_actions.dialog
    assert dialog.isVisible() and dialog.curve_count() == 2
    assert {text.split(" · ")[0] for text in dialog.legend_texts()} == {"stacked", "conv"}
    dialog.close()
    context.library.shutdown()


def test_train_page_compare_with_shows_the_chosen_runs(qtbot, train_page):
    paths = [SHIPPED_MODELS_DIR / "mnist-stacked.safetensors", SHIPPED_MODELS_DIR / "mnist-vae.safetensors"]
    dialog = train_page.compare_with(paths)
    assert dialog is not None and dialog.isVisible() and dialog.curve_count() == 2
    assert train_page.compare_with(paths[:1]) is None and "at least two" in train_page.log_text()
    dialog.close()
