"""The Train page, driven through the real window: a person's clicks, the engine on its thread."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.checkpoint import load_checkpoint, read_meta
from engine.paths import user_models_dir

RUN_TIMEOUT_MS = 30_000


def quick(page, family="stacked", *, epochs=1, steps=20, lr=None, optimizer=None, batch=None, source="embedded"):
    """Set the page up for a short run on the embedded data."""
    panel = page.settings_panel
    panel.set_family(family)
    for i in range(panel.source_combo.count()):
        if panel.source_combo.itemData(i).source == source:
            panel.source_combo.setCurrentIndex(i)
    assert panel.data_config().source == source
    panel.epochs.setValue(epochs)
    panel.max_steps.setValue(steps)
    if lr is not None:
        panel.lr.setValue(lr)
    if optimizer is not None:
        panel.optimizer.setCurrentIndex(panel.optimizer.findData(optimizer))
    if batch is not None:
        panel.batch_size.setValue(batch)


def wait_for_end(qtbot, page, timeout=RUN_TIMEOUT_MS):
    qtbot.waitUntil(lambda: not page.is_running(), timeout=timeout)


def test_family_change_resets_to_the_lectures_defaults(train_page):
    panel = train_page.settings_panel
    panel.set_family("vae")
    assert (panel.batch_size.value(), panel.optimizer.currentData(), panel.epochs.value()) == (128, "rmsprop", 25)
    assert panel.param_label.text()
    assert panel.layer_table.rowCount() > 3
    panel.lr.setValue(0.5)
    panel.set_family("stacked")
    assert panel.lr.value() == pytest.approx(1.5) and panel.optimizer.currentData() == "sgd"
    assert panel.batch_size.value() == 32
    assert "163,814" in panel.param_label.text()  # 784-100-30 mirrored, as Keras counts it
    panel.set_family("sparse")
    sparsity = panel.option_widget("sparsity")
    sparsity.setCurrentIndex(sparsity.findData("l1"))
    assert panel.option_widget("sparsity_weight").value() == pytest.approx(1e-3)
    assert panel.model_config().sparsity == "l1"
    panel.set_family("denoising")
    noise = panel.option_widget("noise")
    noise.setCurrentIndex(noise.findData("dropout"))
    assert panel.model_config().noise == "dropout"


def test_every_control_has_a_tooltip(train_page):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

    inputs = train_page.findChildren(QComboBox) + train_page.findChildren(QAbstractSpinBox)
    missing = [type(w).__name__ for w in inputs if not w.toolTip()]
    missing += [
        w.text()
        for w in train_page.findChildren(QAbstractButton)
        if not w.toolTip() and w.text() and w.isVisibleTo(train_page)
    ]
    assert not missing


def test_a_short_run_fills_curves_and_grid_and_saves_a_checkpoint(qtbot, train_page, context):
    saved = []
    context.checkpoint_saved.connect(saved.append)
    quick(train_page, epochs=2, steps=15)
    assert train_page.start_run()
    assert not train_page.start_action.isEnabled()
    wait_for_end(qtbot, train_page)
    end = train_page.last_run_end
    assert end is not None and end.reason == "finished"
    assert not train_page.health.isVisible()  # the GAN health line is for GANs only
    assert end.global_step == 30
    # StepMetrics queued between two drains reach the GUI merged (at least one per epoch, at most one per step)
    assert 2 <= train_page.plot.points("loss") == train_page.plot.points("loss_raw") <= 30
    assert train_page.plot._curves["loss"].xData[-1] == 30  # the curve reaches the last step
    assert train_page.plot.points("val_loss") == 2
    assert train_page.grid.image_count() == 16 and train_page.grid.mosaic() is not None
    assert train_page.progress.bar.value() == train_page.progress.bar.maximum()
    assert saved and saved[0] == train_page.last_checkpoint
    meta = read_meta(saved[0])
    assert meta["family"] == "stacked" and meta["dataset"]["name"] == "fashion-mnist"
    assert meta["stopped_because"] == "finished" and meta["epochs_completed"] == 2
    assert meta["train_config"]["max_steps_per_epoch"] == 15 and "loss" in meta["metrics"]
    assert meta["name"].startswith("Stacked AE · Fashion-MNIST · ")  # a readable name; a file-safe file name
    assert any(
        e.path == Path(saved[0]).resolve() and e.path.name.startswith("stacked-fashion-mnist-")
        for e in context.library.entries()
    )
    assert "Epoch 2" in train_page.log_text() and "Saved" in train_page.log_text()
    assert train_page.start_action.isEnabled() and not train_page.stop_action.isEnabled()


def test_pause_holds_the_step_count_and_resume_goes_on(qtbot, train_page):
    quick(train_page, epochs=1, steps=5000)
    train_page.start_run()
    qtbot.waitUntil(lambda: train_page.global_step > 5, timeout=RUN_TIMEOUT_MS)
    train_page.toggle_pause()
    qtbot.waitUntil(lambda: "Paused at step" in train_page.log_text(), timeout=5000)
    held = train_page.global_step
    assert train_page.pause_action.text() == "Resume"
    qtbot.wait(400)
    assert train_page.global_step == held
    train_page.toggle_pause()
    qtbot.waitUntil(lambda: train_page.global_step > held, timeout=5000)
    train_page.stop_run()
    wait_for_end(qtbot, train_page)
    assert train_page.last_run_end.reason == "stopped"


def test_stop_ends_the_run_quickly_and_keeps_the_model(qtbot, train_page):
    quick(train_page, epochs=50, steps=0)
    train_page.start_run()
    qtbot.waitUntil(lambda: train_page.global_step > 3, timeout=RUN_TIMEOUT_MS)
    asked = time.perf_counter()
    train_page.stop_run()
    wait_for_end(qtbot, train_page, timeout=5000)
    assert time.perf_counter() - asked < 3.0
    assert train_page.last_run_end.reason == "stopped"
    assert read_meta(train_page.last_checkpoint)["stopped_because"] == "stopped"


def test_hammering_start_and_stop_never_runs_two_at_once(qtbot, train_page):
    quick(train_page, epochs=50, steps=0)
    for _ in range(5):
        train_page.start_run()
        assert not train_page.start_run()  # refused while the previous run is alive
        train_page.stop_run()
    wait_for_end(qtbot, train_page)
    assert train_page.start_run()
    train_page.stop_run()
    wait_for_end(qtbot, train_page)


def answer_next_dialog(button_text: str, seen: list, tries: int = 500) -> None:
    """Click ``button_text`` in the next modal message box (it blocks in exec(), so a timer does it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    def click(left=tries):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
            button.click()
        elif left:
            QTimer.singleShot(20, lambda: click(left - 1))

    QDialog.expected_by_test = getattr(QDialog, "expected_by_test", 0) + 1  # conftest lets it open
    QTimer.singleShot(0, click)


def test_closing_the_window_mid_run_asks_then_stops_saves_and_ends_the_thread(qtbot, window):
    page = window.page("train")
    window.show_page("train")
    quick(page, epochs=50, steps=0)
    page.start_run()
    qtbot.waitUntil(lambda: page.global_step > 3, timeout=RUN_TIMEOUT_MS)
    asked = []
    answer_next_dialog("Cancel", asked)
    assert not window.close()  # Cancel: the window stays and the run goes on
    assert asked == ["A training run is in progress."]
    assert window.isVisible() and page.is_running()
    step = page.global_step
    qtbot.waitUntil(lambda: page.global_step > step, timeout=RUN_TIMEOUT_MS)
    answer_next_dialog("Stop and save", asked)
    assert window.close()
    assert len(asked) == 2
    assert not page.is_running()
    files = list(user_models_dir().glob("stacked-fashion-mnist-*.safetensors"))
    assert len(files) == 1
    assert read_meta(files[0])["stopped_because"] == "stopped"


def test_a_diverging_run_says_so_and_gives_the_controls_back(qtbot, train_page):
    quick(train_page, epochs=1, steps=200, lr=900.0)
    train_page.start_run()
    wait_for_end(qtbot, train_page)
    assert train_page.last_run_end.reason == "diverged"
    assert "lower learning rate" in train_page.banner_text()
    assert train_page.start_action.isEnabled() and train_page.settings_panel.family_combo.isEnabled()
    assert train_page.last_checkpoint  # the last good weights are kept
    model = load_checkpoint(train_page.last_checkpoint).model
    assert all(torch.isfinite(p).all() for p in model.parameters())


def test_a_failure_outside_the_engine_reaches_the_gui(qtbot, train_page, tmp_path):
    quick(train_page, epochs=1, steps=5)
    panel = train_page.settings_panel
    error = panel.import_folder(str(tmp_path))  # an empty folder
    assert error and "missing" in error
    from engine.data import DataConfig

    bogus = DataConfig("fashion-mnist", "folder", location=str(tmp_path), allow_download=False)
    panel.source_combo.addItem("broken folder", bogus)
    panel.source_combo.setCurrentIndex(panel.source_combo.count() - 1)
    train_page.start_run()
    wait_for_end(qtbot, train_page)
    assert "Could not load the data" in train_page.banner_text()
    assert train_page.start_action.isEnabled()


def _state(module):
    return {k: v.detach().clone() for k, v in module.state_dict().items()}


def _changed(before, module):
    return any(not torch.equal(before[k], v) for k, v in module.state_dict().items())


def test_gan_single_phase_steps_change_only_their_network(qtbot, train_page):
    quick(train_page, "gan", epochs=1, steps=5000)
    train_page.start_run()
    qtbot.waitUntil(lambda: train_page.global_step > 3, timeout=RUN_TIMEOUT_MS)
    assert train_page.plot.mode == "gan"
    train_page.toggle_pause()
    qtbot.waitUntil(lambda: "Paused at step" in train_page.log_text(), timeout=5000)  # the run has stopped stepping
    assert train_page.step_d_action.isEnabled()
    model = train_page.runner.worker.trainer.model
    generator, discriminator = _state(model.generator), _state(model.discriminator)

    train_page.step_d_action.trigger()
    qtbot.waitUntil(lambda: "discriminator (phase 1)" in train_page.log_text(), timeout=5000)
    qtbot.wait(100)  # the snapshot that follows the phase
    assert _changed(discriminator, model.discriminator)
    assert not _changed(generator, model.generator)

    generator, discriminator = _state(model.generator), _state(model.discriminator)
    train_page.step_g_action.trigger()
    qtbot.waitUntil(lambda: "generator (phase 2)" in train_page.log_text(), timeout=5000)
    qtbot.wait(100)
    assert _changed(generator, model.generator)
    assert not _changed(discriminator, model.discriminator)
    assert train_page.grid.image_count() == 16  # the samples of the fixed noise batch
    assert train_page.health.isVisible() and "GAN health" in train_page.health.text()  # the game, in words

    train_page.stop_run()
    wait_for_end(qtbot, train_page)


def test_choices_are_remembered(qtbot, qapp, app_settings, context):
    from desktop.main_window import MainWindow

    first = MainWindow(context)
    qtbot.addWidget(first)
    first.page("train").settings_panel.set_family("conv")
    first.page("train").settings_panel.dataset_combo.setCurrentIndex(
        first.page("train").settings_panel.dataset_combo.findData("mnist")
    )
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    panel = second.page("train").settings_panel
    assert panel.family == "conv" and panel.dataset == "mnist"
    second.close()


def test_image_grid_places_originals_above_reconstructions():
    from desktop.widgets.image_grid import compose_mosaic

    originals = np.full((4, 28, 28), 255, np.uint8)
    images = np.zeros((4, 28, 28), np.uint8)
    mosaic = compose_mosaic(images, originals, columns=4, background=7)
    assert mosaic[:28, :28].min() == 255 and mosaic[30:58, :28].max() == 0
