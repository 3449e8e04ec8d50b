"""Engine vs a plain hand-written PyTorch loop: the stacked AE on Fashion-MNIST, lecture settings.

Both train the same model (784-100-30 SELU, sigmoid, BCE, SGD lr 1.5, batch 32)
on the same in-memory data (the uint8 training split, converted per batch), in
this process, alternating, for 1 and 2 CPU threads (and on CUDA when present),
each warmed up first. The engine keeps torch's thread setting (its ``threads``
is 0). Prints samples/s for each (medians) and the ratios engine ÷ plain, with
the spread of the per-round ratios. Not a test: run it by hand on a quiet machine.

The plain loop is what a person writes by hand (``images[order[i:i+32]]``); the
engine gathers the same rows with ``index_select``, which is cheaper (see
engine/train/trainer.py, ``Trainer.batch``).

    .venv/bin/python tests/bench/bench_engine_speed.py [--source full|embedded] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
import torch.nn.functional as F
from torch import nn

from engine.data import load_dataset
from engine.models import default_model_config
from engine.train import create_trainer, default_train_config, events


def plain_epoch(train_images: torch.Tensor, device: torch.device, seed: int, logits: bool = False) -> float:
    """What a person writes by hand: no events, no guards. Returns samples/s.

    ``logits``: the same loop with BCE-with-logits instead of sigmoid + BCE — the
    engine's own maths, so that the ratio against it isolates the engine's overhead.
    """
    torch.manual_seed(seed)
    model = nn.Sequential(
        nn.Flatten(),
        nn.Linear(784, 100),
        nn.SELU(),
        nn.Linear(100, 30),
        nn.SELU(),
        nn.Linear(30, 100),
        nn.SELU(),
        nn.Linear(100, 784),
        *([] if logits else [nn.Sigmoid()]),
    ).to(device)
    loss_fn = F.binary_cross_entropy_with_logits if logits else F.binary_cross_entropy
    optimizer = torch.optim.SGD(model.parameters(), lr=1.5)
    n, batch = train_images.shape[0], 32
    order = torch.randperm(n).to(device)
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    for i in range(0, n, batch):
        x = train_images[order[i : i + batch]].float().div_(255.0)
        loss = loss_fn(model(x), x.reshape(x.shape[0], -1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return n / (time.perf_counter() - start)


def engine_epoch(dataset, device: str, seed: int, max_steps: int = 0) -> float:
    config = default_train_config("stacked", epochs=1, seed=seed, device=device, max_steps_per_epoch=max_steps)
    trainer = create_trainer(default_model_config("stacked"), config, dataset)
    rate = 0.0
    for event in trainer.run():
        if isinstance(event, events.EpochSummary):
            rate = event.samples_per_s
        elif isinstance(event, events.RunEnded) and event.reason != events.FINISHED:
            raise SystemExit(event.message)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="full")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    dataset = load_dataset("fashion-mnist", args.source, allow_download=False)
    train, _ = dataset.split()
    print(f"data: {dataset.source.describe()}, {len(train):,} training images; torch {torch.__version__}")
    setups = [("cpu", 1), ("cpu", 2)]
    if torch.cuda.is_available():
        setups.append(("cuda", 0))
    for device, threads in setups:
        if threads:
            torch.set_num_threads(threads)
        images = train.images.to(device)
        plain_epoch(images[:3200], torch.device(device), 0)  # warm-up, both
        engine_epoch(dataset, device, 0, max_steps=100)
        plains, plains_logits, engines = [], [], []
        for r in range(args.rounds):
            plains.append(plain_epoch(images, torch.device(device), r))
            plains_logits.append(plain_epoch(images, torch.device(device), r, logits=True))
            engines.append(engine_epoch(dataset, device, r))
        if threads and torch.get_num_threads() != threads:
            raise SystemExit(f"the engine changed torch's threads to {torch.get_num_threads()}: not a fair comparison")
        p, q, e = statistics.median(plains), statistics.median(plains_logits), statistics.median(engines)
        per_round = [a / b for a, b in zip(engines, plains_logits)]
        label = f"{device} ({threads} thread{'s' if threads > 1 else ''})" if threads else torch.cuda.get_device_name()
        print(
            f"{label:<16} plain (sigmoid+BCE) {p:>8,.0f}/s   plain (BCE-with-logits) {q:>8,.0f}/s   "
            f"engine {e:>8,.0f}/s   ratio engine/plain {e / p:.2f}, engine/plain-logits {e / q:.2f} "
            f"(rounds {min(per_round):.2f}–{max(per_round):.2f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
