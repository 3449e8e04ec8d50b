"""1 process vs ``torchrun --nproc_per_node=2``: samples/s of ``-m engine train`` on the CPU (gloo).

Each process gets ``--threads`` CPU threads (default 1), so 2 processes use twice the cores. The figure is
the run's own samples/s (epoch time only, all ranks together), alternating the two launches, medians.
Not a test: run it by hand on a quiet machine.

    .venv/bin/python tests/bench/bench_torchrun.py [--families stacked gan] [--epochs 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(family: str, processes: int, args: argparse.Namespace, folder: str) -> float:
    train = [
        "-m",
        "engine",
        "train",
        family,
        "--dataset",
        args.dataset,
        "--source",
        args.source,
        "--epochs",
        str(args.epochs),
        "--threads",
        str(args.threads),
        "--out",
        f"{folder}/{family}.safetensors",
    ]
    launcher = [sys.executable]
    if processes > 1:
        launcher += [
            "-m",
            "torch.distributed.run",
            f"--nproc_per_node={processes}",
            "--master_addr=127.0.0.1",
            f"--master_port={free_port()}",
        ]
    env = {**os.environ, "OMP_NUM_THREADS": str(args.threads)}
    result = subprocess.run(launcher + train, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    line = [x for x in result.stdout.splitlines() if x.startswith("{")][-1]
    return json.loads(line)["samples_per_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", nargs="+", default=["stacked", "gan"])
    parser.add_argument("--dataset", default="mnist")
    parser.add_argument("--source", default="embedded")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    print(f"CPU cores: {os.cpu_count()}, {args.threads} thread(s) per process, {args.rounds} rounds (medians)")
    print(f"| family | 1 process (samples/s) | {args.processes} processes (samples/s) | ratio |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for family in args.families:
            one, many = [], []
            for _ in range(args.rounds):  # alternate, so that a noisy neighbour hurts both alike
                one.append(run(family, 1, args, folder))
                many.append(run(family, args.processes, args, folder))
            a, b = statistics.median(one), statistics.median(many)
            print(f"| {family} | {a:,.0f} | {b:,.0f} | {b / a:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
