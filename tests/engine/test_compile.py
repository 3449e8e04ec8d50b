"""The compiled fast path keeps every behaviour of the eager loop (CPU, short runs).

The inductor's C++ compile takes tens of seconds on this 2-core machine, so these tests compile with
``backend="aot_eager"`` (Dynamo + AOTAutograd, the same graph capture and compiled backward, with eager
kernels); one test checks the real CPU inductor path on a tiny run.
"""

from __future__ import annotations

import pytest
import torch

from engine.checkpoint import load_checkpoint
from engine.data import DataConfig, load_dataset
from engine.models import default_model_config
from engine.runs import save_run
from engine.train import RunControl, compiled, create_trainer, default_train_config, events


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


def make(family, dataset, control=None, **overrides):
    settings = dict(epochs=1, max_steps_per_epoch=6, device="cpu", threads=1, seed=3)
    settings.update(overrides)
    config = default_train_config(family, **settings)
    return create_trainer(default_model_config(family), config, dataset, control)


def run(trainer):
    return list(trainer.run())


@pytest.mark.parametrize("family", ["stacked", "gan"])
def test_compiled_run_matches_eager_events_and_weights(family, mnist, tmp_path):
    eager = make(family, mnist)
    eager_events = run(eager)
    fast = make(family, mnist)
    torch._dynamo.reset()  # a fresh capture, whatever other tests compiled before
    compiled.enable(fast, backend="aot_eager")
    captured = torch._dynamo.utils.counters["stats"]["calls_captured"]
    fast_events = run(fast)
    assert torch._dynamo.utils.counters["stats"]["calls_captured"] > captured  # the step really went compiled
    assert [type(e).__name__ for e in fast_events] == [type(e).__name__ for e in eager_events]
    assert fast_events[-1].reason == events.FINISHED
    if family == "stacked":  # a GAN draws its noise through the same RNG, but in a different order of ops
        for (name, a), b in zip(eager.model.state_dict().items(), fast.model.state_dict().values(), strict=True):
            assert torch.allclose(a, b, atol=1e-4), name
    assert "compute_loss" not in fast.model.__dict__ and "generate_raw" not in fast.model.__dict__  # restored
    path = save_run(
        tmp_path / "run.safetensors", fast, fast_events[-1], DataConfig.from_source("mnist", "embedded"), fast.config
    )
    loaded = load_checkpoint(path)
    assert all(
        torch.equal(a, b)
        for a, b in zip(loaded.model.state_dict().values(), fast.model.state_dict().values(), strict=True)
    )


def test_compiled_run_stops_within_one_step(mnist):
    control = RunControl()
    trainer = make("stacked", mnist, control, max_steps_per_epoch=50)
    compiled.enable(trainer, backend="aot_eager")
    seen = []
    for event in trainer.run():
        seen.append(event)
        if isinstance(event, events.StepMetrics) and event.global_step == 2:
            control.stop()
    assert seen[-1].reason == events.STOPPED and seen[-1].global_step == 2


def test_compiled_run_detects_divergence_and_keeps_good_weights(mnist):
    trainer = make("stacked", mnist, lr=1e6, max_steps_per_epoch=30)
    compiled.enable(trainer, backend="aot_eager")
    ended = run(trainer)[-1]
    assert ended.reason == events.DIVERGED
    assert all(torch.isfinite(v).all() for v in trainer.model.state_dict().values())


def test_short_run_trains_eagerly_and_says_why(mnist):
    trainer = make("stacked", mnist, compile=True)
    assert not hasattr(trainer, "compiled_methods")
    started = run(trainer)[0]
    assert any(note.startswith("Training eagerly") for note in started.notes)
    short_conv = make("conv", mnist, compile=True)
    assert any("compiling would take" in note for note in short_conv.resume_notes)


def test_long_run_is_compiled(mnist):
    trainer = make("conv", mnist, compile=True, epochs=200, max_steps_per_epoch=0)
    assert trainer.compiled_methods == ("compute_loss",)


def test_inductor_on_the_cpu(mnist):
    trainer = make("stacked", mnist, max_steps_per_epoch=3)
    compiled.enable(trainer)  # the real CPU path: C++ kernels built with the system compiler
    ended = run(trainer)[-1]
    assert ended.reason == events.FINISHED and ended.global_step == 3


def test_cli_compile_flag_on_a_short_run_trains_eagerly_and_says_so(tmp_path, capsys):
    from engine.cli import main

    out = tmp_path / "conv.safetensors"
    code = main(
        [
            "train",
            "conv",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--epochs",
            "1",
            "--max-steps",
            "2",
            "--threads",
            "1",
            "--compile",
            "--out",
            str(out),
        ]
    )
    assert code == 0 and out.exists()
    assert "compiling would take" in capsys.readouterr().err
    assert load_checkpoint(out).meta["family"] == "conv"
