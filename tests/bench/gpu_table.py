"""The README's CUDA table: stacked AE, conv AE and DCGAN, eager vs compiled (CUDA graphs), batch 32 and 256.

Run on a machine with a CUDA GPU; prints a Markdown table headed by the card's name, ready to paste into
the README's Speed section. Each cell: steady-state samples/s (epochs 2…) and, for the compiled path, the
time to the end of epoch 1 including compilation. Uses the embedded data set (no download needed).

    .venv/bin/python tests/bench/gpu_table.py [--max-steps 200] [--epochs 3] [--rounds 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_compile import measure  # noqa: E402 - the same measurement as the CPU benchmark

from engine.data import load_dataset  # noqa: E402

FAMILIES = {"stacked": "stacked AE", "conv": "conv AE", "dcgan": "DCGAN"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="mnist")
    parser.add_argument("--source", default="embedded")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[32, 256])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--max-steps", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("gpu_table.py needs a CUDA GPU (torch.cuda.is_available() is False here)")
    dataset = load_dataset(args.dataset, args.source)
    card = torch.cuda.get_device_name(0)
    print(
        f"**{card}** — torch {torch.__version__}, CUDA {torch.version.cuda}; `tests/bench/gpu_table.py "
        f"--max-steps {args.max_steps} --epochs {args.epochs}` (steady-state samples/s, epochs 2–{args.epochs}; "
        f"medians of {args.rounds})\n"
    )
    print(
        "| model | batch | eager samples/s | compiled (CUDA graphs) samples/s | speed-up | eager 1st epoch | "
        "compiled 1st epoch incl. compile |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for family, title in FAMILIES.items():
        for batch in args.batch_sizes:
            bench = argparse.Namespace(
                epochs=args.epochs,
                batch_size=batch,
                device="cuda",
                threads=0,
                max_steps=args.max_steps,
                metrics_every=0,
                backend="inductor",
            )
            rows = {False: [], True: []}
            for _ in range(args.rounds):
                for compile_it in (False, True):
                    rows[compile_it].append(measure(family, dataset, bench, compile_it))
            (e_first, e_speed), (c_first, c_speed) = (
                tuple(map(statistics.median, zip(*rows[k], strict=True))) for k in (False, True)
            )
            print(
                f"| {title} | {batch} | {e_speed:,.0f} | {c_speed:,.0f} | {c_speed / e_speed:.2f}× | "
                f"{e_first:.1f} s | {c_first:.1f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main()
