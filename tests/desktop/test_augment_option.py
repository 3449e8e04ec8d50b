"""The Train page's "Augment images" box: explained, off by default, and what it says reaches the run —
also when the run is continued later with the box unchecked."""

from __future__ import annotations

from pathlib import Path

from engine.checkpoint import read_meta


def test_the_box_is_explained_off_by_default_and_reset_with_the_family(qtbot):
    from desktop.pages.train.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    assert not panel.augment.isChecked() and panel.train_config().augment is False
    tip = panel.augment.toolTip()
    assert "rotat" in panel.augment.text() and "MNIST" in tip and "drawn" in tip
    panel.augment.setChecked(True)
    assert panel.train_config().augment is True
    panel.set_family("conv")  # the hyperparameters go back to the lecture's, which has no augmentation
    assert not panel.augment.isChecked()


def test_a_run_with_the_box_checked_trains_augmented_and_continues_so(qtbot, train_page):
    from tests.desktop.test_train_page import quick, wait_for_end

    panel = train_page.settings_panel
    quick(train_page, "stacked", epochs=1, steps=3)
    panel.augment.setChecked(True)
    assert train_page.start_run()
    assert not panel.augment.isEnabled()  # nothing that shapes the run can change while it runs
    wait_for_end(qtbot, train_page)
    assert train_page.last_run_end.reason == "finished"
    first = Path(train_page.last_checkpoint)
    assert read_meta(first)["train_config"]["augment"] is True
    panel.augment.setChecked(False)  # continuing keeps the run's own setting, whatever the box says now
    assert train_page.continue_run(first, 1)
    wait_for_end(qtbot, train_page)
    meta = read_meta(train_page.last_checkpoint)
    assert meta["epochs_completed"] == 2 and meta["train_config"]["augment"] is True
