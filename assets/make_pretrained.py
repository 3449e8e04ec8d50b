"""Regenerate the pretrained models shipped in ``assets/models`` — one command::

    .venv/bin/python assets/make_pretrained.py            # all of them (≈ 8 min on 2 CPU cores)
    .venv/bin/python assets/make_pretrained.py --only mnist-gan,mnist-vae
    .venv/bin/python assets/make_pretrained.py --quick --out /tmp/models   # smoke test of this script

Every model is trained by the project's own CLI (``python -m engine train``),
then evaluated by ``python -m engine evaluate``; ``manifest.json`` records for
each file how it was made (command, data, source, epochs, seed) and the final
validation metrics, so a test can check that the files still match it.

The settings are the lecture's (the CLI's defaults) with the exceptions each
job's ``note`` records: MNIST comes from the embedded subset (4,000 train
images — what is available offline), so its models run more epochs to see a
comparable number of steps,
to keep the whole regeneration near a quarter of an hour on a laptop CPU.
Weights are stored as float16.

The four generators (the dense GANs and the DCGANs) are made by
``assets/make_dcgans.py`` instead: it scores every epoch with the judge
(``engine/quality.py``) and ships the best one, which this script's plain
train-then-evaluate cannot do.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from engine.checkpoint import compact_checkpoint, update_meta  # noqa: E402
from engine.data import dataset_title  # noqa: E402
from engine.fsutil import atomic_write_bytes  # noqa: E402
from engine.models import get_family  # noqa: E402

SHIPPED_MODELS_DIR = Path(__file__).resolve().parent / "models"  # this checkout's, never an installed copy

SEED = 42


@dataclass
class Job:
    key: str  # file stem, e.g. "mnist-denoising-dropout"
    family: str
    dataset: str
    source: str
    epochs: int
    options: list[str] = field(default_factory=list)  # extra CLI options (noise, sparsity, …)
    note: str = ""  # why the settings differ from the lecture's, if they do
    label_extra: str = ""

    @property
    def name(self) -> str:
        extra = f" ({self.label_extra})" if self.label_extra else ""
        return f"{get_family(self.family).short_title}{extra} · {dataset_title(self.dataset)}"


EMBEDDED_NOTE = "MNIST embedded subset (3,600 train images): more epochs than the lecture's to see enough steps"
# augmented batches are new images every epoch: more epochs still
# The MNIST autoencoders train on augmented batches (engine/train/augment.py: shifts, rotations, scale, stroke
# width), so that they read digits drawn in the app or rendered from fonts, not only MNIST's own.
AUGMENT = ["--augment"]
AUGMENTED_NOTE = EMBEDDED_NOTE + "; augmented batches (--augment), so that it reads real drawings"
JOBS = [
    # MNIST, embedded subset: the data is 15× smaller than the lecture's, so more epochs
    Job("mnist-stacked", "stacked", "mnist", "embedded", 600, AUGMENT, AUGMENTED_NOTE),
    Job("mnist-conv", "conv", "mnist", "embedded", 60, AUGMENT, AUGMENTED_NOTE),
    Job(
        "mnist-denoising-gaussian",
        "denoising",
        "mnist",
        "embedded",
        1200,
        ["--noise", "gaussian", *AUGMENT],
        AUGMENTED_NOTE,
        "Gaussian σ 0.2",
    ),
    Job(
        "mnist-denoising-dropout",
        "denoising",
        "mnist",
        "embedded",
        1200,
        ["--noise", "dropout", *AUGMENT],
        AUGMENTED_NOTE,
        "dropout 0.5",
    ),
    Job("mnist-sparse", "sparse", "mnist", "embedded", 1200, ["--sparsity", "kl", *AUGMENT], AUGMENTED_NOTE, "KL 0.1"),
    Job("mnist-vae", "vae", "mnist", "embedded", 2000, AUGMENT, AUGMENTED_NOTE),
    Job(
        "mnist-vae2d",
        "vae",
        "mnist",
        "embedded",
        100,
        ["--coding-size", "2"],
        EMBEDDED_NOTE + "; a 2-D code: the Latent page's map is the latent plane itself",
        "2-D",
    ),
    # Fashion-MNIST, full (55k/5k split): the lecture's settings
    Job("fashion-stacked", "stacked", "fashion-mnist", "full", 10),
    Job("fashion-conv", "conv", "fashion-mnist", "full", 5),
    Job(
        "fashion-denoising-gaussian",
        "denoising",
        "fashion-mnist",
        "full",
        10,
        ["--noise", "gaussian"],
        label_extra="Gaussian σ 0.2",
    ),
    Job(
        "fashion-denoising-dropout",
        "denoising",
        "fashion-mnist",
        "full",
        10,
        ["--noise", "dropout"],
        label_extra="dropout 0.5",
    ),
    Job("fashion-sparse", "sparse", "fashion-mnist", "full", 10, ["--sparsity", "kl"], label_extra="KL 0.1"),
    Job("fashion-vae", "vae", "fashion-mnist", "full", 25),
    Job(
        "fashion-vae2d",
        "vae",
        "fashion-mnist",
        "full",
        25,
        ["--coding-size", "2"],
        "a 2-D code: the Latent page's map is the latent plane itself",
        "2-D",
    ),
]
# Longest first, so two workers finish together.
COST = {"conv": 1, "vae": 3}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "engine", *args]


def last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError("the CLI printed no JSON result")


def run_job(job: Job, out_dir: Path, quick: bool) -> dict:
    target = out_dir / f"{job.key}.safetensors"
    train = [
        "train",
        job.family,
        "--dataset",
        job.dataset,
        "--source",
        job.source,
        "--epochs",
        str(1 if quick else job.epochs),
        "--seed",
        str(SEED),
        "--threads",
        "1",
        *job.options,
        "--out",
        str(target),
    ]
    if quick:
        train += ["--max-steps", "5"]
    start = time.perf_counter()
    done = subprocess.run(cli(*train), cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{job.key}: training failed\n{done.stderr[-2000:]}")
    trained = {k: v for k, v in last_json(done.stdout).items() if k != "out"}
    seconds = time.perf_counter() - start
    return describe(job, target, train, trained, seconds)


def describe(job: Job, target: Path, train: list[str], trained: dict, seconds: float) -> dict:
    """Name and compact the checkpoint (float16 weights: half the size), evaluate it, and make its manifest entry."""
    update_meta(target, name=job.name)
    compact_checkpoint(target, drop_run_history=True)  # the run's snapshots would be megabytes
    done = subprocess.run(
        cli("evaluate", str(target), "--dataset", job.dataset, "--source", job.source),
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{job.key}: evaluation failed\n{done.stderr[-2000:]}")
    evaluated = last_json(done.stdout)
    metrics = {k: v for k, v in evaluated.items() if k not in ("checkpoint", "family", "dataset", "source")}
    quality = metrics.pop("quality", None)  # the judge's figures (engine.quality.checkpoint_quality)
    print(f"{job.key:28s} {seconds:6.1f}s  {json.dumps(metrics)}", flush=True)
    return {
        "file": target.name,
        "name": job.name,
        "family": job.family,
        "dataset": job.dataset,
        "source": job.source,
        "source_description": evaluated.get("source"),
        "epochs": trained.get("epochs"),
        "seed": SEED,
        "options": job.options,
        "note": job.note,
        "command": "python -m engine " + " ".join(target.name if a == str(target) else a for a in train),
        "train_seconds": round(seconds, 1),
        "train_result": trained,
        "metrics": metrics,
        **({"quality": quality} if quality else {}),
        "bytes": target.stat().st_size,
        "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SHIPPED_MODELS_DIR, help="folder (default assets/models)")
    parser.add_argument("--only", default="", help="comma-separated keys, e.g. mnist-gan,fashion-vae")
    parser.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)), help="parallel trainings")
    parser.add_argument("--quick", action="store_true", help="1 epoch of 5 steps each: checks this script only")
    parser.add_argument(
        "--reevaluate",
        action="store_true",
        help="train nothing: compact and re-evaluate the shipped files, refresh the manifest",
    )
    args = parser.parse_args(argv)
    jobs = [j for j in JOBS if not args.only or j.key in args.only.split(",")]
    if not jobs:
        parser.error(f"nothing matches --only {args.only}; keys: {', '.join(j.key for j in JOBS)}")
    jobs.sort(key=lambda j: COST.get(j.family, 9))
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "manifest.json"
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    entries = {e["file"]: e for e in old.get("models", [])}
    started = time.perf_counter()
    if args.reevaluate:
        results = []
        for job in jobs:
            old_entry = entries[f"{job.key}.safetensors"]
            train = old_entry["command"].split()[3:]
            results.append(
                describe(job, out_dir / old_entry["file"], train, old_entry["train_result"], old_entry["train_seconds"])
            )
            entries[old_entry["file"]] = results[-1]
    else:
        results = train_all(jobs, out_dir, args.quick, args.jobs, entries)
    write_manifest(out_dir, manifest_path, entries, args.quick, time.perf_counter() - started, len(results))
    return 0


def train_all(jobs: list[Job], out_dir: Path, quick: bool, workers: int, entries: dict) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging:
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(lambda job: run_job(job, Path(staging), quick), jobs))
        for entry in results:  # only now, when every run succeeded, replace the shipped files
            shutil.move(str(Path(staging) / entry["file"]), out_dir / entry["file"])
            (out_dir / entry["file"]).chmod(0o644)
            entries[entry["file"]] = entry
    return results


def write_manifest(out_dir: Path, manifest_path: Path, entries: dict, quick: bool, wall: float, count: int) -> None:
    order = {f"{j.key}.safetensors": i for i, j in enumerate(JOBS)}
    manifest = {
        "about": "Pretrained models shipped with Latent Studio. Regenerate with: "
        ".venv/bin/python assets/make_pretrained.py",
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": quick,
        "wall_seconds": round(wall, 1),
        "models": sorted(entries.values(), key=lambda e: order.get(e["file"], 99)),
    }
    atomic_write_bytes(manifest_path, (json.dumps(manifest, indent=2) + "\n").encode())
    total = sum(e["bytes"] for e in manifest["models"])
    print(f"wrote {count} model(s) in {manifest['wall_seconds']:.0f}s; {total / 1e6:.1f} MB shipped in all")


if __name__ == "__main__":
    raise SystemExit(main())
