"""The Train page while a GAN is stepped, paused or stopped (issue 12, points 2, 7, 9 and 10)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from desktop.pages.train.run_log import RunLog
from desktop.widgets.gan_health_view import GanHealthView
from desktop.widgets.loss_plot import LossPlot
from desktop.widgets.run_progress import RunProgress

RUN_TIMEOUT_MS = 30_000


def test_the_health_line_after_40_steps_reads_the_raw_numbers(qtbot):
    view = GanHealthView()
    qtbot.addWidget(view)
    for step in range(1, 41):
        view.add_step({"loss_d": 0.2, "loss_g": 3.0, "d_real": 0.92, "d_fake": 0.05}, step)
    rng = np.random.default_rng(0)
    view.add_samples((rng.random((16, 28, 28)) * 255).astype(np.uint8))
    assert view.headline == "The discriminator is ahead"
    assert "Healthy" not in view.text() and "0.92" in view.text() and "0.05" in view.text()


def test_the_smoothed_curve_starts_where_the_raw_one_is(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.configure(("loss",))
    for step in range(1, 11):
        plot.add_step(step, {"loss": 0.30})
    assert abs(plot.smoothed("loss") - 0.30) < 1e-9  # an uncorrected average from 0.7 would still read ~0.36


def test_paused_and_stopped_runs_show_no_speed_nor_time_left(qtbot):
    progress = RunProgress()
    qtbot.addWidget(progress)
    progress.begin(epochs=2, steps_per_epoch=100, batch_size=32)
    progress.advance(1, 40, 500.0)
    progress.refresh()
    assert "left" in progress.speed.text()
    progress.pause("Paused at step 40")
    progress.advance(1, 40, 500.0)
    progress.refresh()  # the page's timer keeps ticking while paused
    assert progress.speed.text() == "paused" and progress.bar.format() == "Paused at step 40"
    assert progress.seconds_left() is None
    progress.resume()
    progress.refresh()
    assert "left" in progress.speed.text()
    progress.finish("Stopped after 0 epochs, 40 steps")
    progress.refresh()
    assert progress.speed.text() == "" and progress.bar.format().startswith("Stopped")
    progress.finish("Finished after 2 epochs", average_speed=480.0)
    assert "on average" in progress.speed.text() and "left" not in progress.speed.text()


def test_a_single_phase_step_moves_the_bar(qtbot):
    progress = RunProgress()
    qtbot.addWidget(progress)
    progress.begin(epochs=1, steps_per_epoch=100, batch_size=32)
    progress.advance(1, 10, 500.0)
    progress.refresh()
    progress.pause("Paused at step 10")
    before = progress.bar.value()
    progress.add_phase_step()
    assert progress.bar.value() == before + 1 and "1 single step" in progress.bar.format()


def test_the_log_follows_new_lines_unless_scrolled_up(qtbot):
    log = RunLog()
    qtbot.addWidget(log)
    log.resize(300, 120)
    log.show()
    bar = log.verticalScrollBar()
    for i in range(300):
        log.appendPlainText(f"line {i}")
    assert bar.value() == bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)  # the reader scrolls up to read an older line
    log.appendPlainText("a new line")
    assert bar.value() == bar.maximum() // 2 or bar.value() < bar.maximum()
    assert not log.is_following()
    bar.setValue(bar.maximum())  # back at the bottom: following again
    for i in range(2100):  # past the block limit: old lines go, the view keeps following
        log.appendPlainText(f"more {i}")
    assert log.is_following() and bar.value() == bar.maximum()
    log.hide()
    for i in range(50):  # the page is hidden meanwhile
        log.appendPlainText(f"hidden {i}")
    log.show()
    assert bar.value() == bar.maximum()


def _quick_gan(page, steps=5000):
    panel = page.settings_panel
    panel.set_family("gan")
    for i in range(panel.source_combo.count()):
        if panel.source_combo.itemData(i).source == "embedded":
            panel.source_combo.setCurrentIndex(i)
    panel.epochs.setValue(1)
    panel.max_steps.setValue(steps)


def test_train_d_only_while_running_pauses_then_steps_and_shows_its_effect(qtbot, window, train_page):
    _quick_gan(train_page)
    assert train_page.start_run()
    qtbot.waitUntil(lambda: train_page.global_step > 3, timeout=RUN_TIMEOUT_MS)
    assert train_page.step_d_action.isEnabled()  # usable while running, not only once paused
    window.activateWindow()
    train_page.setFocus()
    qtbot.keyClick(train_page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Ctrl+D, as a student would
    qtbot.waitUntil(lambda: train_page.phase_readout.count["d"] >= 1, timeout=5000)
    assert "Paused at step" in train_page.log_text() and train_page.pause_action.text() == "Resume"
    readout = train_page.phase_readout
    assert readout.isVisible() and "D(x)" in readout.text() and "→" in readout.text()
    paused_step = train_page.global_step
    train_page._redraw(final=True)
    d_marks = train_page.plot.marked_steps("d")
    assert d_marks and d_marks[-1] == paused_step  # a marked point at its own step
    bar_before = train_page.progress.bar.value()
    shown_before = train_page.grid.grab().toImage()

    train_page.step_g_action.trigger()
    qtbot.waitUntil(lambda: readout.count["g"] == 1, timeout=5000)

    def redrawn() -> bool:  # the snapshot that follows the step reaches the grid
        train_page._redraw(final=True)
        return train_page.grid.grab().toImage() != shown_before

    qtbot.waitUntil(redrawn, timeout=5000)  # the samples were redrawn
    assert "Train G only" in readout.text() and "→" in readout.text()
    assert train_page.global_step == paused_step + 1  # each single step advances the step axis
    assert train_page.plot.marked_steps("g") == [paused_step + 1]
    assert train_page.progress.bar.value() == bar_before + 1
    assert train_page.progress.speed.text() == "paused"

    train_page.stop_run()
    qtbot.waitUntil(lambda: not train_page.is_running(), timeout=RUN_TIMEOUT_MS)
    assert "left" not in train_page.progress.speed.text()
