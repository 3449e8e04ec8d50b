"""The Train page keeps out of training's way (issue 11, point 4) and still shows everything.

The views draw only when seen and only what changed; these tests check that
nothing a person would look at is lost by that: a plot that was hidden shows
every point once shown, a run trained while another page was open shows its
curves and grid on return, and the progress bar reads the run's position.
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop.training_worker import StepWindow
from desktop.widgets.loss_plot import LossPlot
from desktop.widgets.run_progress import RunProgress
from engine.train.events import StepMetrics
from tests.desktop.test_train_page import quick, wait_for_end


def test_a_hidden_plot_waits_and_shows_every_point_when_shown(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.configure(("loss",))
    for step in range(1, 51):
        plot.add_step(step, {"loss": 1.0 / step})
    assert not plot.refresh() and plot.points("loss") == 0  # hidden: nothing drawn, nothing lost
    assert plot.pending
    plot.show()
    qtbot.waitExposed(plot)
    assert plot.points("loss") == plot.points("loss_raw") == 50 and not plot.pending
    plot.add_step(51, {"loss": 0.01})
    assert plot.refresh(force=True) and plot.points("loss") == 51


def test_the_bar_reads_the_last_position_and_speed(qtbot):
    progress = RunProgress()
    qtbot.addWidget(progress)
    progress.begin(epochs=2, steps_per_epoch=100, batch_size=32)
    for step in range(1, 31):
        progress.advance(1, step, 1000.0)
    progress.refresh(force=True)
    assert progress.bar.value() == 30 and "step 30/100" in progress.bar.format()
    assert "1,000 images/s" in progress.speed.text() and "left" in progress.speed.text()
    progress.advance(2, 50, 1000.0)
    progress.refresh(force=True)
    assert progress.bar.value() == 150 and progress.bar.format().startswith("Epoch 2/2 · step 50/100")


def test_merged_steps_average_every_metric_over_their_steps():
    events = [StepMetrics(1, s, s, {"loss_d": float(s), "loss_g": 2.0 * s}, 100.0 + s) for s in (10, 20, 40)]
    window = StepWindow(events[0], 10)
    window.add(events[1], 10)
    window.add(events[2], 20)
    merged = window.event()
    assert (merged.step, merged.global_step, merged.samples_per_s) == (40, 40, 140.0)
    expected = (10 * 10 + 20 * 10 + 40 * 20) / 40
    assert merged.metrics["loss_d"] == pytest.approx(expected) and merged.metrics["loss_g"] == pytest.approx(
        2 * expected
    )
    assert StepWindow(events[0], 10).event() is events[0]  # one event stands for itself


def test_a_run_trained_behind_another_page_is_all_there_on_return(qtbot, window, train_page):
    quick(train_page, epochs=1, steps=5000)
    assert train_page.start_run()
    window.show_page("draw")  # the student looks at something else while it trains
    assert not train_page.isVisible()
    qtbot.waitUntil(lambda: train_page.global_step > 20, timeout=30_000)
    window.show_page("train")  # back: what came meanwhile is drawn as the page appears
    assert train_page.plot.points("loss") >= 1 and train_page.progress.bar.value() > 0
    window.show_page("draw")
    train_page.stop_run()
    wait_for_end(qtbot, train_page)
    window.show_page("train")
    end = train_page.last_run_end
    assert end.reason == "stopped"
    assert train_page.plot._curves["loss"].xData[-1] == end.global_step  # the curve reaches the last step
    assert train_page.grid.image_count() == 16 and train_page.grid.mosaic() is not None
    assert train_page.history_panel.scrubber.count() == len(train_page.history_panel.history) > 0
    assert np.isfinite(train_page.plot.smoothed("loss"))


def test_opening_the_map_tab_mid_run_shows_the_newest_snapshot(qtbot, train_page):
    panel = train_page.history_panel
    quick(train_page, epochs=1, steps=5000)
    assert train_page.start_run()
    assert panel.tabs.currentWidget() is train_page.log  # the log is in front: the map is not drawn meanwhile
    qtbot.waitUntil(lambda: panel.history is not None and len(panel.history) >= 2, timeout=30_000)
    qtbot.waitUntil(lambda: panel.shown_snapshot() is not None and panel.shown_snapshot().map_xy is not None)
    panel.tabs.setCurrentIndex(panel.map_tab)
    shown = panel.shown_snapshot()
    assert panel.map.point_count() == len(panel.history.map_labels) > 0
    drawn = np.sort(panel.map.positions(), axis=0)
    assert np.allclose(drawn, np.sort(np.asarray(shown.map_xy, np.float32), axis=0), atol=1e-3)
    train_page.stop_run()
    wait_for_end(qtbot, train_page)


def test_the_curves_marker_follows_a_live_run_and_the_slider(qtbot, train_page):
    panel = train_page.history_panel
    quick(train_page, epochs=2, steps=15)
    assert train_page.start_run()
    wait_for_end(qtbot, train_page)
    newest = panel.history.snapshots[-1]
    assert train_page.plot.marker_position() == newest.global_step  # the end of the run, on the curves
    assert train_page.plot._scrub_markers[0].value() == newest.global_step  # drawn there, not only remembered
    panel.scrubber.set_index(0)
    assert train_page.plot.marker_position() == panel.history.snapshots[0].global_step
    assert train_page.plot._scrub_markers[0].value() == panel.history.snapshots[0].global_step


def test_a_dcgan_with_class_codes_plots_q_s_loss_beside_d_s_and_g_s(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.configure(("loss_d", "loss_g", "d_real", "d_fake"))  # the lecture's: no Loss_Q curve
    assert "loss_q" not in plot.series_names()
    plot.configure(("loss_d", "loss_g", "d_real", "d_fake", "loss_q"))
    assert {"loss_q", "loss_q_raw"} <= set(plot.series_names())
    plot.show()
    qtbot.waitExposed(plot)
    for step in range(1, 21):
        plot.add_step(step, {"loss_d": 0.7, "loss_g": 0.8, "d_real": 0.5, "d_fake": 0.4, "loss_q": 2.3 / step})
    assert plot.refresh(force=True) and plot.points("loss_q") == 20
    legend = plot._plots[0].legend
    assert any("Loss_Q" in label.text for _sample, label in legend.items)
