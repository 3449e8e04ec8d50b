"""Eager vs compiled (``torch.compile``; CUDA graphs on a GPU) training, per family, through the engine.

For each family: time to the end of the first epoch *including compilation*, and steady-state samples/s
(the later epochs' mean), eager and compiled, alternating rounds, medians. Shows when compiling pays off:
the compile time is won back after about ``compile_s / (1/eager − 1/compiled)`` samples.
Not a test: run it by hand on a quiet machine.

    .venv/bin/python tests/bench/bench_compile.py [--families stacked conv dcgan] [--device cpu|cuda]
        [--batch-size 32] [--epochs 3] [--max-steps 200] [--rounds 1] [--backend inductor|aot_eager]
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from engine.data import load_dataset
from engine.device import describe_device
from engine.models import default_model_config
from engine.train import compiled, create_trainer, default_train_config, events


def measure(family: str, dataset, args: argparse.Namespace, compile_it: bool) -> tuple[float, float]:
    """(seconds from start to the end of epoch 1, steady samples/s over epochs 2…)."""
    torch._dynamo.reset()  # every compiled round pays its compilation, as a fresh process would
    config = default_train_config(
        family,
        epochs=args.epochs,
        batch_size=args.batch_size,
        device=args.device,
        threads=args.threads,
        max_steps_per_epoch=args.max_steps,
        snapshots_per_epoch=1,
        metrics_every=args.metrics_every,
    )
    trainer = create_trainer(default_model_config(family), config, dataset)
    if compile_it:
        compiled.enable(trainer, backend=None if args.backend == "inductor" else args.backend)
    start = time.perf_counter()
    first, speeds = 0.0, []
    for event in trainer.run():
        if isinstance(event, events.EpochSummary):
            if event.epoch == 1:
                first = time.perf_counter() - start
            else:
                speeds.append(event.samples_per_s)
        elif isinstance(event, events.RunEnded) and event.reason != events.FINISHED:
            raise SystemExit(f"{family}: {event.message}")
    return first, statistics.mean(speeds) if speeds else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", nargs="+", default=["stacked", "conv", "dcgan"])
    parser.add_argument("--dataset", default="mnist")
    parser.add_argument("--source", default="embedded")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--max-steps", type=int, default=100)
    parser.add_argument("--metrics-every", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--backend", default="inductor", help="inductor (the real path) or aot_eager")
    args = parser.parse_args()
    dataset = load_dataset(args.dataset, args.source)
    print(
        f"{describe_device(torch.device(args.device))}, batch {args.batch_size}, {args.max_steps} steps/epoch, "
        f"backend {args.backend}, {args.rounds} round(s), medians"
    )
    print(
        "| family | eager samples/s | compiled samples/s | speed-up | eager 1st epoch | compiled 1st epoch "
        "(incl. compile) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for family in args.families:
        rows = {False: [], True: []}
        for _ in range(args.rounds):
            for compile_it in (False, True):
                rows[compile_it].append(measure(family, dataset, args, compile_it))
        (e_first, e_speed), (c_first, c_speed) = (
            tuple(map(statistics.median, zip(*rows[k], strict=True))) for k in (False, True)
        )
        print(
            f"| {family} | {e_speed:,.0f} | {c_speed:,.0f} | {c_speed / e_speed:.2f}× | {e_first:.1f} s | "
            f"{c_first:.1f} s |",
            flush=True,
        )


if __name__ == "__main__":
    main()
