"""A window that stays responsive on heavy input (issue 13).

A big image decodes off the GUI thread under a busy cursor; a run at batch
size 1 never floods the GUI thread with one event per step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


# -- 10. opening an image never freezes the window -------------------------------------------------------
def test_an_image_opens_off_the_gui_thread_with_a_busy_cursor(started, qtbot, tmp_path, monkeypatch):
    import threading

    import numpy as np
    from PIL import Image, ImageDraw
    from PySide6.QtWidgets import QApplication

    import desktop.pages.draw.opening as draw_page

    window = started
    window.show_page("draw")
    page = window.page("draw")
    photo = Image.new("L", (600, 800), 230)
    ImageDraw.Draw(photo).line([(150, 150), (450, 150), (260, 700)], fill=20, width=40)
    path = tmp_path / "seven.png"
    photo.save(path)
    on_gui_thread, release = [], threading.Event()
    real_read = draw_page.read_image

    def slow_read(p):  # a decoding that takes as long as the test wants
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        release.wait(20)
        return real_read(p)

    monkeypatch.setattr(draw_page, "read_image", slow_read)
    before = page.canvas.array().copy()
    page.canvas.file_dropped.emit(str(path))  # a drop; File → Open image… calls the same
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.wait(50)  # the window serves its events while the image decodes
    assert np.array_equal(page.canvas.array(), before)
    release.set()
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None, timeout=20000)
    assert on_gui_thread == [False]
    assert not np.array_equal(page.canvas.array(), before)
    assert page.message.text().startswith("ℹ Loaded seven.png (600×800 pixels)")


# -- 11. a run at batch size 1 never floods the GUI thread -----------------------------------------------
def test_step_metrics_between_two_drains_reach_the_gui_as_one(qapp):
    import numpy as np

    from desktop.training_worker import TrainingWorker
    from engine.train.events import EpochSummary, Snapshot, StepMetrics

    worker = TrainingWorker(request=None, control=None)
    for step in range(1, 361):  # a second at batch size 1: 360 events, one per step
        worker._push(
            StepMetrics(epoch=1, step=step, global_step=step, metrics={"loss": float(step)}, samples_per_s=float(step))
        )
    [merged] = worker.take_events()
    assert (merged.step, merged.global_step, merged.samples_per_s) == (360, 360, 360.0)
    assert merged.metrics["loss"] == pytest.approx(np.mean(np.arange(1, 361)))  # the mean over all 360 steps
    snapshot = Snapshot(epoch=1, global_step=400, kind="reconstructions", images=np.zeros((1, 28, 28), np.uint8))
    summary = EpochSummary(epoch=1, train={"loss": 1.0}, val={}, elapsed_s=1.0, samples_per_s=1.0)
    sequence = [
        StepMetrics(1, 380, 380, {"loss": 1.0}, 1.0),
        StepMetrics(1, 400, 400, {"loss": 3.0}, 1.0),
        snapshot,
        StepMetrics(1, 410, 410, {"loss": 5.0}, 1.0),
        StepMetrics(1, 420, 420, {"loss": 5.0}, 1.0),
        StepMetrics(1, 421, 421, {"loss": 9.0}, 0.0, phase="d"),
        summary,
        StepMetrics(2, 1, 422, {"loss": 7.0}, 1.0),
    ]
    for event in sequence:
        worker._push(event)
    batch = worker.take_events()
    assert [type(e).__name__ for e in batch] == [
        "StepMetrics",
        "Snapshot",
        "StepMetrics",
        "StepMetrics",
        "EpochSummary",
        "StepMetrics",
    ]
    assert batch[0].global_step == 400 and batch[0].metrics["loss"] == pytest.approx(2.0)  # 20 steps each
    assert batch[1] is snapshot and batch[4] is summary  # every snapshot and summary, in order
    assert batch[2].global_step == 420 and batch[3].phase == "d" and batch[5].epoch == 2
