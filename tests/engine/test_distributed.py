"""``torchrun -m engine train …``: DDP on two CPU processes (gloo), identical weights, a loadable checkpoint."""

from __future__ import annotations

import json
import math
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torch.distributed as dist

from engine.checkpoint import load_checkpoint
from engine.data import load_dataset
from engine.models import default_model_config
from engine.train import default_train_config
from engine.train import distributed as dd

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def torchrun(family: str, tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess, Path, Path]:
    checks, out = tmp_path / "checks", tmp_path / f"{family}.safetensors"
    checks.mkdir()
    env = {**os.environ, "OMP_NUM_THREADS": "1", dd.CHECK_ENV: str(checks)}
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node=2",
        "--master_addr=127.0.0.1",
        f"--master_port={free_port()}",
        "-m",
        "engine",
        "train",
        family,
        "--dataset",
        "mnist",
        "--source",
        "embedded",
        "--epochs",
        "1",
        "--max-steps",
        "10",
        "--threads",
        "1",
        "--out",
        str(out),
        *options,
    ]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return result, checks, out


CONDITIONAL = ("--categorical-codes", "10", "--code-source", "labels")  # Q learns each rank's own labels too


@pytest.mark.parametrize(("family", "options"), [("stacked", ()), ("gan", ()), ("dcgan", CONDITIONAL)])
def test_two_processes_train_identical_weights_and_rank0_saves(family, options, tmp_path):
    result, checks, out = torchrun(family, tmp_path, *options)  # with class codes, Q is kept in step too
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, result.stdout  # rank 1 prints nothing
    summary = json.loads(lines[0])
    assert summary["stopped_because"] == "finished" and summary["epochs"] == 1
    digests = [json.loads((checks / f"rank{r}.json").read_text()) for r in (0, 1)]
    assert digests[0] == digests[1]
    checkpoint = load_checkpoint(out)
    assert checkpoint.meta["family"] == family
    assert dd.weights_digest(checkpoint.model)["all"] == digests[0]["all"]
    assert not list(tmp_path.glob("*.tmp*"))  # written atomically: nothing half-written is left


@pytest.fixture
def one_rank_group(monkeypatch):
    monkeypatch.setenv("MASTER_ADDR", "127.0.0.1")
    monkeypatch.setenv("MASTER_PORT", str(free_port()))
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "1")
    monkeypatch.setenv("LOCAL_RANK", "0")
    saved = sys.stdout, sys.stderr
    context = dd.setup_from_env("cpu")
    yield context
    sys.stdout, sys.stderr = saved
    dist.destroy_process_group()


def test_gan_phase_two_leaves_d_untouched_under_ddp(one_rank_group):
    dataset = load_dataset("mnist", "embedded")
    config = default_train_config("gan", epochs=1, max_steps_per_epoch=2, device="cpu", threads=1)
    trainer = dd.create_trainer(one_rank_group, default_model_config("gan"), config, dataset)
    model = trainer.model
    d_before = {k: v.clone() for k, v in model.discriminator.state_dict().items()}
    g_before = {k: v.clone() for k, v in model.generator.state_dict().items()}
    trainer.step_generator(32)
    assert all(torch.equal(v, d_before[k]) for k, v in model.discriminator.state_dict().items())
    assert not all(torch.equal(v, g_before[k]) for k, v in model.generator.state_dict().items())
    assert all(p.grad is None for p in model.discriminator.parameters())
    g_mid = {k: v.clone() for k, v in model.generator.state_dict().items()}
    trainer.step_discriminator(trainer.batch(torch.arange(32)))
    assert all(torch.equal(v, g_mid[k]) for k, v in model.generator.state_dict().items())
    assert not all(torch.equal(v, d_before[k]) for k, v in model.discriminator.state_dict().items())


def test_ranks_draw_disjoint_shards_that_cover_the_split(one_rank_group):
    dataset = load_dataset("mnist", "embedded")
    config = default_train_config("stacked", epochs=1, device="cpu", threads=1)
    trainer = dd.create_trainer(one_rank_group, default_model_config("stacked"), config, dataset)
    n = len(trainer.train_set)
    shards = []
    for rank in (0, 1, 2):  # as three ranks would see epoch 1, from the same shuffling state
        trainer.context = dd.DistContext(rank, 3, rank, "gloo")
        trainer.cpu_rng.manual_seed(7)
        shards.append(trainer.epoch_order(1))
    assert {len(s) for s in shards} == {-(-n // 3)}
    assert set(torch.cat(shards).tolist()) == set(range(n))
    assert trainer.steps_per_epoch == math.ceil(math.ceil(n / 3) / config.batch_size)


def test_resume_under_torchrun_is_refused_with_a_clear_error(monkeypatch, tmp_path, capsys):
    from engine.cli import main

    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "2")
    code = main(["train", "--resume", str(tmp_path / "run.safetensors"), "--out", str(tmp_path / "next.safetensors")])
    assert code == 2
    assert "torchrun" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_without_torchrun_nothing_changes(monkeypatch):
    for name in ("RANK", "WORLD_SIZE"):
        monkeypatch.delenv(name, raising=False)
    assert dd.setup_from_env("cpu") is None and not dist.is_initialized()


def test_distributed_and_compiled_together(one_rank_group):
    from engine.train import compiled, events

    dataset = load_dataset("mnist", "embedded")
    config = default_train_config("stacked", epochs=1, max_steps_per_epoch=3, device="cpu", threads=1)
    trainer = dd.create_trainer(one_rank_group, default_model_config("stacked"), config, dataset)
    compiled.enable(trainer, backend="aot_eager")
    ended = list(trainer.run())[-1]
    assert ended.reason == events.FINISHED and ended.global_step == 3
    assert "compute_loss" not in trainer.model.__dict__  # the model is plain again
