"""The judge after each GAN epoch: measured on the training thread, plotted, and read by the health line."""

from __future__ import annotations

import time

import pytest

from desktop.epoch_quality import EpochJudge
from desktop.widgets.gan_health_view import GanHealthView
from engine.checkpoint import load_checkpoint
from engine.data import load_dataset
from engine.paths import asset_path


def test_epoch_judge_measures_a_generator_at_a_bounded_cost():
    data = load_dataset("mnist", "embedded")
    model = load_checkpoint(asset_path("models", "mnist-gan.safetensors")).model
    judge = EpochJudge(data)
    first = judge(model, 1)  # reads the held-out images once
    start = time.perf_counter()
    second = judge(model, 2)
    seconds = time.perf_counter() - start
    assert first is not None and second is not None
    assert len(second.histogram) == 10 and sum(second.histogram) == pytest.approx(1.0)
    assert second.judge_fid > 5 * second.real_baseline_fid  # a lecture GAN is far from real images
    assert second.judge_fid == pytest.approx(first.judge_fid)  # fixed seed: comparable epoch to epoch
    assert 0 < second.ms <= 1000 * seconds + 1
    print(f"per-epoch judge: {second.ms:.0f} ms (first call {first.ms:.0f} ms)")


def test_a_class_collapse_overrides_a_healthy_game(qtbot):
    view = GanHealthView()
    qtbot.addWidget(view)
    for step in range(1, 60):
        view.add_step({"d_real": 0.7, "d_fake": 0.35}, step)
    view.add_samples(__import__("numpy").random.default_rng(0).random((16, 28, 28)))
    assert view.headline == "Healthy"
    histogram = [0.05] * 10
    histogram[1] = 0.55
    view.add_classes(histogram, [str(d) for d in range(10)], "mnist")
    assert "mode collapse" in view.headline.lower() and "1s" in view.headline
    view.add_classes([0.1] * 10, [str(d) for d in range(10)], "mnist")
    assert view.headline == "Healthy"  # every class again: the pixel diagnosis speaks


def test_a_gan_run_on_the_train_page_plots_the_judge_fid(qtbot, train_page):
    from tests.desktop.test_train_page import quick, wait_for_end

    quick(train_page, "gan", epochs=2, steps=10)
    train_page.start_run()
    wait_for_end(qtbot, train_page, timeout=60_000)
    curve = train_page.judge_curve
    assert curve.epochs == [1, 2] and all(f > 0 for f in curve.fids)
    assert "judge-FID" in curve.caption.text() and "ms" in curve.caption.text()
    assert "the judge: judge-FID" in train_page.log.toPlainText()
