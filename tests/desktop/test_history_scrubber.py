"""The time machine: a run's snapshots scrubbed, played, reopened from the Models page, continued, exported."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parent))
from synthetic_history import synthetic_history  # noqa: E402

from desktop.pages.train.history_panel import HistoryPanel, fill_plot  # noqa: E402
from desktop.widgets.history_scrubber import HistoryScrubber  # noqa: E402
from desktop.widgets.loss_plot import LossPlot  # noqa: E402
from engine.checkpoint import read_meta  # noqa: E402
from engine.paths import SHIPPED_MODELS_DIR  # noqa: E402

RUN_TIMEOUT_MS = 60_000


def quick(page, family, epochs, steps):
    panel = page.settings_panel
    panel.set_family(family)
    for i in range(panel.source_combo.count()):
        if panel.source_combo.itemData(i).source == "embedded":
            panel.source_combo.setCurrentIndex(i)
    panel.epochs.setValue(epochs)
    panel.max_steps.setValue(steps)


@pytest.fixture
def scrubber(qtbot):
    widget = HistoryScrubber()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_slider_follows_the_newest_snapshot_until_the_user_moves_it(qtbot, scrubber):
    seen = []
    scrubber.position_changed.connect(seen.append)
    assert not scrubber.slider.isEnabled() and scrubber.readout.text()  # empty: a sentence says why
    scrubber.set_count(3)
    assert scrubber.index() == 2 and seen[-1] == 2
    scrubber.slider.setFocus()
    qtbot.keyClick(scrubber.slider, Qt.Key.Key_Left)
    assert scrubber.index() == 1 and not scrubber.is_following()
    scrubber.set_count(6)  # new snapshots arrive: the slider stays where the user put it
    assert scrubber.index() == 1
    qtbot.keyClick(scrubber.slider, Qt.Key.Key_End)
    assert scrubber.index() == 5 and scrubber.is_following()
    scrubber.set_count(7)
    assert scrubber.index() == 6
    qtbot.keyClick(scrubber.slider, Qt.Key.Key_Home)
    assert scrubber.index() == 0 and seen[-1] == 0
    qtbot.keyClick(scrubber.slider, Qt.Key.Key_Right)
    assert scrubber.index() == 1


def test_play_advances_to_the_end_and_stops(qtbot, scrubber):
    scrubber.set_count(4, follow_latest=False)
    scrubber.set_index(0)
    scrubber.speed.setCurrentIndex(scrubber.speed.count() - 1)  # the fastest
    scrubber.play()
    assert scrubber.is_playing()
    qtbot.waitUntil(lambda: scrubber.index() == 3 and not scrubber.is_playing(), timeout=5000)
    scrubber.play()  # at the end, Play starts over from the first snapshot
    assert scrubber.index() == 0 and scrubber.is_playing()
    scrubber.stop()
    assert not scrubber.is_playing()


def make_panel(qtbot, family):
    plot = LossPlot()
    panel = HistoryPanel(plot)
    qtbot.addWidget(plot)
    qtbot.addWidget(panel)
    history = synthetic_history(family, epochs=4, steps_per_epoch=8)
    plot.configure(("loss_d", "loss_g") if family == "gan" else ("loss",))
    fill_plot(plot, history)
    panel.show_history(history, family, "mnist")
    panel.show()
    return panel, plot, history


def test_scrubbing_moves_grid_map_marker_and_readout_together(qtbot):
    panel, plot, history = make_panel(qtbot, "stacked")
    last_grid, last_map = panel.grid.mosaic(), panel.map.positions()
    assert panel.scrubber.index() == len(history) - 1 and "Epoch 4" in panel.scrubber.readout.text()
    target = next(i for i, s in enumerate(history.snapshots) if s.epoch == 1 and s.epoch_end)
    panel.scrubber.slider.setValue(target)
    snapshot = history.snapshots[target]
    assert panel.scrubber.readout.text().startswith("Epoch 1 ")
    assert "validation loss" in panel.scrubber.readout.text()
    assert not np.array_equal(panel.grid.mosaic(), last_grid)
    assert not np.allclose(panel.map.positions(), last_map)
    assert panel.map.point_count() == len(history.map_labels)
    assert plot.marker_position() == snapshot.global_step
    assert "end of epoch 1" in panel.grid_caption.text()


def test_sparse_units_and_vae_terms_are_shown_and_follow_the_slider(qtbot):
    panel, _plot, history = make_panel(qtbot, "sparse")
    assert panel.tabs.isTabVisible(panel.units_tab) and not panel.tabs.isTabVisible(panel.terms_tab)
    end_means = panel.units.means()
    panel.scrubber.set_index(0)
    assert not np.allclose(panel.units.means(), end_means)
    assert panel.units.target_line.isVisible() and panel.units.target_line.value() == pytest.approx(0.1)
    assert "coding units stay near zero" in panel.units.summary.text()

    vae, _plot, history = make_panel(qtbot, "vae")
    assert vae.tabs.isTabVisible(vae.terms_tab) and not vae.tabs.isTabVisible(vae.units_tab)
    assert vae.terms.points() == len(history.series("reconstruction").values) > 0
    assert vae.grid_kind.isVisible()
    vae.grid_kind.setCurrentIndex(vae.grid_kind.findData("samples"))
    assert "Samples of a fixed noise batch" in vae.grid_caption.text()


def test_a_gan_has_no_map_and_says_why(qtbot):
    panel, _plot, _history = make_panel(qtbot, "gan")
    assert not panel.tabs.isTabVisible(panel.map_tab)
    assert panel.grid.image_count() == 16


def test_a_gan_run_reopened_from_the_models_page_scrubs_back_to_epoch_1(qtbot, window, tmp_path):
    train = window.page("train")
    window.show_page("train")
    quick(train, "gan", epochs=3, steps=6)
    assert train.start_run()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=RUN_TIMEOUT_MS)
    assert train.last_run_end.reason == "finished" and train.last_checkpoint
    live = train.history_panel.history
    assert train.history_panel.scrubber.count() == len(live) > 3  # the live slider followed the run
    assert train.history_panel.scrubber.index() == len(live) - 1
    path = Path(train.last_checkpoint)

    models = window.page("models")
    window.show_page("models")
    assert models.select_path(path)
    models.run_actions.open_button.click()
    assert window.current_page_key() == "train"
    assert train.wait_for_run()
    panel = train.history_panel
    assert panel.scrubber.count() == len(live) and "Reviewing" in train.banner_text()
    newest = panel.grid.mosaic()
    panel.scrubber.slider.setFocus()
    qtbot.keyClick(panel.scrubber.slider, Qt.Key.Key_Home)
    assert panel.scrubber.readout.text().startswith("Before training")
    while panel.shown_snapshot().epoch < 1:
        qtbot.keyClick(panel.scrubber.slider, Qt.Key.Key_Right)
    assert panel.scrubber.readout.text().startswith("Epoch 1 ")
    assert not np.array_equal(panel.grid.mosaic(), newest)
    assert train.plot.marker_position() == panel.shown_snapshot().global_step
    start = panel.scrubber.index()
    panel.scrubber.play()
    qtbot.waitUntil(lambda: panel.scrubber.index() > start, timeout=5000)
    panel.scrubber.stop()

    exported = tmp_path / "exports"
    exported.mkdir()
    menu = train.export_menu
    assert menu.export_csv(exported / "run.csv") and (exported / "run.csv").read_text().count("\n") > 10
    assert menu.export_gif(exported / "run.gif") and (exported / "run.gif").read_bytes()[:3] == b"GIF"
    assert menu.export_curves("png", exported / "curves.png")
    assert (exported / "curves.png").read_bytes()[:4] == b"\x89PNG"
    assert menu.export_curves("svg", exported / "curves.svg") and b"<svg" in (exported / "curves.svg").read_bytes()
    from PIL import Image

    assert menu.export_grid(exported / "grid.png", scale=None or 8)
    with Image.open(exported / "grid.png") as image:
        assert image.width == panel.grid.mosaic().shape[1] * 8 >= 1024


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes anywhere; Windows has no chmod")
def test_exporting_into_a_read_only_folder_says_so_and_writes_nothing(qtbot, tmp_path):
    from desktop.widgets.history_exports import HistoryExportMenu

    history = synthetic_history("stacked", epochs=2, steps_per_epoch=4)
    folder = tmp_path / "locked"
    folder.mkdir()
    failures = []
    menu = HistoryExportMenu(
        None,
        None,
        history=lambda: history,
        curves_item=lambda: None,
        mosaic=lambda: np.zeros((30, 30), np.uint8),
        base_name=lambda: "run",
    )
    menu.failed.connect(failures.append)
    folder.chmod(0o500)
    try:
        assert menu.export_csv(folder / "run.csv") is None
        assert menu.export_grid(folder / "grid.png", scale=4) is None
    finally:
        folder.chmod(0o700)
    assert len(failures) == 2 and "Nothing was changed" in failures[0]
    assert list(folder.iterdir()) == []


def test_an_unwritable_target_says_so_and_keeps_the_old_file(qtbot, tmp_path):
    from desktop.widgets.history_exports import HistoryExportMenu

    history = synthetic_history("stacked", epochs=2, steps_per_epoch=4)
    failures = []
    menu = HistoryExportMenu(
        None,
        None,
        history=lambda: history,
        curves_item=lambda: None,
        mosaic=lambda: np.zeros((30, 30), np.uint8),
        base_name=lambda: "run",
    )
    menu.failed.connect(failures.append)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("mine")
    assert menu.export_csv(blocker / "run.csv") is None  # a file stands where the folder should be
    assert failures and "Could not write" in failures[0]
    assert blocker.read_text() == "mine"


def test_a_checkpoint_without_history_opens_with_an_empty_slider_and_says_why(qtbot, train_page):
    path = SHIPPED_MODELS_DIR / "mnist-stacked.safetensors"
    assert train_page.open_run(path)
    assert train_page.wait_for_run()
    scrubber = train_page.history_panel.scrubber
    assert scrubber.count() == 0 and not scrubber.slider.isEnabled()
    assert "no training history" in scrubber.readout.text()
    assert train_page.plot.points("val_loss") == len(read_meta(path)["history"]["val_loss"])


def test_continue_training_carries_the_history_on(qtbot, window):
    train = window.page("train")
    window.show_page("train")
    quick(train, "stacked", epochs=1, steps=5)
    assert train.start_run()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=RUN_TIMEOUT_MS)
    first = Path(train.last_checkpoint)
    before = len(train.history_panel.history)
    assert train.continue_run(first, 1)
    qtbot.waitUntil(lambda: not train.is_running(), timeout=RUN_TIMEOUT_MS)
    assert train.last_run_end.reason == "finished" and train.last_run_end.epochs_completed == 2
    assert len(train.history_panel.history) > before
    assert "Continuing" in train.log_text()
    assert read_meta(train.last_checkpoint)["epochs_completed"] == 2


def test_continuing_a_shipped_model_says_the_optimizer_starts_afresh(qtbot, train_page):
    assert train_page.continue_run(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors", 1, max_steps_per_epoch=2)
    assert "optimizer starts afresh" in train_page.banner_text()
    qtbot.waitUntil(lambda: not train_page.is_running(), timeout=RUN_TIMEOUT_MS)
    assert train_page.last_run_end is not None and train_page.last_run_end.epochs_completed > 60
