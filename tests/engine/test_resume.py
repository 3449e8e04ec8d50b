"""Continuing a saved run: 2 + 2 epochs give the weights of 4 in one go, the history carries on, a resume
that cannot be honoured is refused with the reason, and a checkpoint without optimizer state still continues.

Why bit-identical is the bar: on the CPU with one thread every operation is deterministic, and a checkpoint
keeps everything the next step depends on — float32 weights, each optimiser's state, the shuffling
generator's and torch's global RNG states (GAN noise, VAE sampling, the denoiser's dropout), the counters.
"""

from __future__ import annotations

import pytest
import torch

from engine.checkpoint import compact_checkpoint, load_checkpoint, save_checkpoint
from engine.cli import main
from engine.data import DataConfig, load_dataset
from engine.models import default_model_config
from engine.runs import save_run
from engine.train import RunControl, create_trainer, default_train_config, events
from engine.train.resume import ResumeError, inspect_resume, resume_trainer

QUICK = {"max_steps_per_epoch": 5, "threads": 1, "seed": 3, "device": "cpu"}


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


def _train(mnist, family, epochs):
    trainer = create_trainer(default_model_config(family), default_train_config(family, epochs=epochs, **QUICK), mnist)
    stream = list(trainer.run())
    assert stream[-1].reason == events.FINISHED, stream[-1].message
    return trainer, stream


def _saved(tmp_path, mnist, family, epochs=2):
    trainer, stream = _train(mnist, family, epochs)
    return save_run(
        tmp_path / f"{family}.safetensors", trainer, stream[-1], DataConfig("mnist", "embedded"), trainer.config
    )


def _same_weights(a: torch.nn.Module, b: torch.nn.Module) -> bool:
    sa, sb = a.state_dict(), b.state_dict()
    return sa.keys() == sb.keys() and all(torch.equal(sa[k], sb[k]) for k in sa)


@pytest.mark.parametrize("family", ["gan", "vae", "denoising"])  # two optimisers; sampling; dropout noise
def test_two_plus_two_epochs_equal_four(tmp_path, mnist, family):
    whole, _stream = _train(mnist, family, 4)
    path = _saved(tmp_path, mnist, family)
    continued = resume_trainer(path, mnist, 2, device="cpu", threads=1)
    stream = list(continued.run())
    started = stream[0]
    assert (started.first_epoch, started.epochs, started.optimizer_restored, started.notes) == (3, 4, True, ())
    assert stream[-1].reason == events.FINISHED and stream[-1].epochs_completed == 4
    assert _same_weights(whole.model, continued.model)
    assert continued.global_step == whole.global_step == 20
    timed = {"samples_per_s"}  # measured, never equal twice
    assert {k: v for k, v in continued.history.items() if k not in timed} == {
        k: v for k, v in whole.history.items() if k not in timed
    }  # the per-epoch curves: 4 epochs, same values
    # The history carries on: the same snapshots as the run in one go, the resume marked where it happened.
    a, b = whole.run_history, continued.run_history
    assert [(s.epoch, s.global_step) for s in a.snapshots] == [(s.epoch, s.global_step) for s in b.snapshots]
    assert all((x.grid == y.grid).all() for x, y in zip(a.snapshots, b.snapshots))
    main_metric = "loss_d" if family == "gan" else "loss"
    assert (a.series(main_metric).values == b.series(main_metric).values).all()
    assert [(r.epoch, r.global_step, r.optimizer_restored) for r in b.resumes] == [(2, 10, True)]


def test_the_cli_continues_a_run_for_n_more_epochs(tmp_path, capsys):
    common = ["--dataset", "mnist", "--source", "embedded", "--max-steps", "5", "--threads", "1", "--device", "cpu"]
    assert main(["train", "stacked", *common, "--epochs", "4", "--out", str(tmp_path / "four.safetensors")]) == 0
    assert main(["train", "stacked", *common, "--epochs", "2", "--out", str(tmp_path / "two.safetensors")]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "train",
                "--resume",
                str(tmp_path / "two.safetensors"),
                "--epochs",
                "2",
                "--threads",
                "1",
                "--device",
                "cpu",
                "--out",
                str(tmp_path / "more.safetensors"),
            ]
        )
        == 0
    )
    out = capsys.readouterr()
    assert "epoch 3/4" in out.out and "epoch 4/4" in out.out and "epoch 1/" not in out.out
    four, more = load_checkpoint(tmp_path / "four.safetensors"), load_checkpoint(tmp_path / "more.safetensors")
    assert _same_weights(four.model, more.model)
    assert more.meta["epochs_completed"] == 4 and len(more.meta["history"]["val_loss"]) == 4
    plan = inspect_resume(tmp_path / "more.safetensors")
    assert (plan.epochs_completed, plan.optimizer_state, plan.has_history) == (4, True, True)


def test_a_resume_that_cannot_be_honoured_is_refused_with_the_reason(tmp_path, mnist):
    path = _saved(tmp_path, mnist, "gan", epochs=1)
    with pytest.raises(ResumeError, match="holds a gan model; it cannot be continued as a stacked"):
        resume_trainer(path, mnist, 1, family="stacked")
    with pytest.raises(ResumeError, match="trained on mnist; it can only be continued on mnist, not fashion-mnist"):
        resume_trainer(path, load_dataset("fashion-mnist", "embedded"), 1)
    with pytest.raises(ResumeError, match="batch size 32.*asked for 64"):
        resume_trainer(path, mnist, 1, batch_size=64)
    with pytest.raises(ResumeError, match="trained with rmsprop"):
        resume_trainer(path, mnist, 1, optimizer="adam")
    with pytest.raises(ResumeError, match="at least 1"):
        resume_trainer(path, mnist, 0)


def test_the_cli_refuses_a_resume_it_cannot_honour(tmp_path, mnist, capsys):
    path = _saved(tmp_path, mnist, "stacked", epochs=1)
    out = str(tmp_path / "next.safetensors")
    assert main(["train", "--resume", str(path), "--epochs", "1", "--batch-size", "8", "--out", out]) == 2
    assert "batch size 32" in capsys.readouterr().err
    assert main(["train", "vae", "--resume", str(path), "--epochs", "1", "--out", out]) == 2
    assert "cannot be continued as a vae" in capsys.readouterr().err
    assert main(["train", "--resume", str(path), "--epochs", "1", "--coding-size", "12", "--out", out]) == 2
    assert "--coding-size 12" in capsys.readouterr().err
    assert not (tmp_path / "next.safetensors").exists()


def test_a_checkpoint_without_optimizer_state_continues_afresh_and_says_so(tmp_path, mnist):
    trainer, stream = _train(mnist, "gan", 1)
    path = save_checkpoint(
        tmp_path / "shipped.safetensors",
        trainer.model,
        half=True,
        train_config=trainer.config.to_dict(),
        dataset={"name": "mnist"},
        extra={"epochs_completed": 1},
    )  # like the shipped float16 models: weights only
    plan = inspect_resume(path)
    assert not plan.optimizer_state and "optimizer starts afresh" in plan.notes[0]
    continued = resume_trainer(path, mnist, 1, device="cpu", threads=1)
    stream = list(continued.run())
    started = stream[0]
    assert not started.optimizer_restored and any("optimizer starts afresh" in n for n in started.notes)
    assert started.first_epoch == 2 and stream[-1].reason == events.FINISHED
    assert [s.epoch for s in continued.run_history.snapshots if s.epoch_end] == [1, 2]
    assert continued.run_history.resumes[0].optimizer_restored is False


def test_a_compacted_run_keeps_its_history_but_continues_afresh(tmp_path, mnist):
    path = _saved(tmp_path, mnist, "stacked", epochs=1)
    compact_checkpoint(path)  # float16 weights cannot continue exactly: the optimizer state goes
    plan = inspect_resume(path)
    assert (plan.optimizer_state, plan.has_history, plan.epochs_completed) == (False, True, 1)
    continued = resume_trainer(path, mnist, 1, device="cpu", threads=1)
    stream = list(continued.run())
    assert not stream[0].optimizer_restored and stream[-1].reason == events.FINISHED
    assert [s.epoch for s in continued.run_history.snapshots if s.epoch_end] == [0, 1, 2]


def test_a_run_stopped_mid_epoch_continues_that_epoch_and_says_so(tmp_path, mnist):
    control = RunControl()
    config = default_train_config("stacked", epochs=3, **QUICK)
    trainer = create_trainer(default_model_config("stacked"), config, mnist, control)
    stream = []
    for event in trainer.run():
        stream.append(event)
        if isinstance(event, events.StepMetrics) and event.global_step == 7:
            control.stop()
    assert stream[-1].reason == events.STOPPED and stream[-1].epochs_completed == 1
    path = save_run(tmp_path / "stopped.safetensors", trainer, stream[-1], DataConfig("mnist", "embedded"), config)
    continued = resume_trainer(path, mnist, 1, device="cpu", threads=1)
    stream = list(continued.run())
    assert stream[0].first_epoch == 2 and stream[0].resumed_step == 7
    assert any("stopped during epoch 2" in note for note in stream[0].notes)
    shots = continued.run_history.snapshots
    assert [s.epoch for s in shots] == sorted(s.epoch for s in shots)  # the slider never goes back in time
    assert shots[-1].epoch == 2 and shots[-1].global_step == 12 and continued.epochs_completed == 2
