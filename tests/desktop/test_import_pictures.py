"""Import folder… with a folder of pictures: a preview with counts, then training on it (issue 12, point 8)."""

from __future__ import annotations

from desktop.pages.train.import_dialog import ImportPicturesDialog
from tests.engine.test_image_folder import make_class_folder

RUN_TIMEOUT_MS = 60_000


def _open(qtbot, folder, **kwargs):
    dialog = ImportPicturesDialog(folder, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
    return dialog


def test_the_preview_shows_the_pictures_the_counts_and_what_was_skipped(qtbot, tmp_path):
    folder = make_class_folder(tmp_path / "pics")
    dialog = _open(qtbot, folder)
    text = dialog.counts_label.text()
    assert "18 picture" in text and "kept" in text and "3 classes" in text
    assert "one: 6" in text and "two: 6" in text and "zero: 6" in text
    assert "2 file" in text and "skipped" in text and "truncated" in text
    assert dialog.grid.image_count() == 18
    assert dialog.skipped_list.isVisible() and "one/broken.png" in dialog.skipped_list.toPlainText()
    assert dialog.use_button.isEnabled()
    before = dialog.grid.mosaic().copy()
    dialog.resize_button.click()  # the user's choice: a plain resize
    qtbot.waitUntil(lambda: dialog.imported is not None and dialog.imported.recipe == "resize", timeout=20_000)
    assert (dialog.grid.mosaic() != before).any()  # the pale page is now part of every picture
    config = dialog.data_config()
    assert config.source_kind == "images" and config.recipe == "resize" and config.dataset == "pics"


def test_a_folder_without_pictures_cannot_be_used(qtbot, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    dialog = ImportPicturesDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "cannot be used" in dialog.counts_label.text(), timeout=20_000)
    assert not dialog.use_button.isEnabled()
    dialog.reject()  # its reading thread is joined


def test_the_train_page_trains_a_gan_on_imported_pictures(qtbot, train_page, tmp_path):
    from engine.checkpoint import read_meta

    folder = make_class_folder(tmp_path / "pics", per_class=12)
    panel = train_page.settings_panel
    dialog = _open(qtbot, folder)
    panel.use_pictures(dialog.data_config())
    dialog.reject()
    assert panel.data_config().source_kind == "images" and "pics" in panel.source_combo.currentText()
    panel.set_family("gan")
    panel.epochs.setValue(1)
    panel.max_steps.setValue(3)
    panel.batch_size.setValue(8)
    assert panel.data_config().source_kind == "images"  # the family change kept the source
    assert train_page.start_run()
    qtbot.waitUntil(lambda: not train_page.is_running(), timeout=RUN_TIMEOUT_MS)
    assert train_page.last_run_end.reason == "finished", train_page.log_text()
    meta = read_meta(train_page.last_checkpoint)
    assert meta["dataset"]["name"] == "pics" and meta["dataset"]["requested_source"] == "images"

    # The Generate page samples the new generator (a dataset of its own: no judge, no error).
    window = train_page.window()
    generate = window.page("generate")
    window.show_page("generate")
    qtbot.waitUntil(lambda: generate.select_model(train_page.last_checkpoint), timeout=10_000)
    qtbot.waitUntil(lambda: generate.model is not None, timeout=20_000)
    assert generate.grid.count() > 0 and generate.grid.images().any()  # samples drawn by the new generator
    assert "Could not" not in generate.info_label.text()


def test_an_autoencoder_trained_on_pictures_reconstructs_on_the_draw_page(qtbot, train_page, tmp_path):
    folder = make_class_folder(tmp_path / "pics", per_class=12)
    panel = train_page.settings_panel
    dialog = _open(qtbot, folder)
    panel.use_pictures(dialog.data_config())
    dialog.reject()
    panel.set_family("stacked")
    panel.epochs.setValue(1)
    panel.max_steps.setValue(3)
    assert train_page.start_run()
    qtbot.waitUntil(lambda: not train_page.is_running(), timeout=RUN_TIMEOUT_MS)
    assert train_page.last_run_end.reason == "finished", train_page.log_text()
    window = train_page.window()
    window.show_page("draw")
    draw = window.page("draw")
    combo = draw.dataset_combo
    qtbot.waitUntil(lambda: combo.findData("pics") >= 0, timeout=10_000)  # its dataset, by the folder's name
    combo.setCurrentIndex(combo.findData("pics"))
    qtbot.waitUntil(lambda: draw.loaded_count() >= 1, timeout=20_000)
    draw.show_image(dialog.imported.images[0])
    draw.process_now()
    assert draw.reconstructions() and all(image.shape == (28, 28) for image in draw.reconstructions().values())
