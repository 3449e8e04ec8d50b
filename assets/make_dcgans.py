"""Train the shipped GANs and DCGANs keeping the epoch with the best judge-FID; measure and ship them.

    # today's shipped generators, as the judge sees them (2,000 samples each)
    .venv/bin/python assets/make_dcgans.py measure
    # train one into a staging folder; the best epoch so far is rewritten after each improving epoch
    nice -n 10 .venv/bin/python assets/make_dcgans.py train dcgan fashion-mnist --epochs 60 \\
        --threads 1 --deadline 04:50 --out /work/gan-staging
    # copy the staged best epochs into assets/models and update manifest.json
    .venv/bin/python assets/make_dcgans.py ship --out /work/gan-staging [--only fashion-dcgan ...]

Training goes through the engine's own trainer (``engine.train.create_trainer``)
at the lecture's settings for the family (batch 32, RMSprop 1e-3); after each
epoch a :class:`engine.quality.QualityProbe` draws 1,000 samples from a fixed
seed and scores them with the shipped judge. MNIST trains on the largest MNIST
available offline (the embedded 4,000 digits), Fashion-MNIST on the full
training file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.checkpoint import load_checkpoint, read_meta, save_checkpoint  # noqa: E402
from engine.cli import evaluate_checkpoint  # noqa: E402
from engine.data import DataConfig  # noqa: E402
from engine.fsutil import atomic_write_bytes  # noqa: E402
from engine.judge import load_judge  # noqa: E402
from engine.models import default_model_config  # noqa: E402
from engine.paths import SHIPPED_MODELS_DIR  # noqa: E402
from engine.quality import QualityProbe, generator_quality, real_reference  # noqa: E402
from engine.runs import run_record  # noqa: E402
from engine.train import create_trainer, default_train_config, events  # noqa: E402

SEED = 42
SOURCES = {"mnist": "embedded", "fashion-mnist": "full"}  # the largest copy available offline
NAMES = {"gan": "GAN", "dcgan": "DCGAN"}
PREFIX = {"mnist": "mnist", "fashion-mnist": "fashion"}
SHIPPED = [("mnist", "gan"), ("fashion-mnist", "gan"), ("mnist", "dcgan"), ("fashion-mnist", "dcgan")]
FINAL_SAMPLES = 2000


def key_of(dataset: str, family: str) -> str:
    return f"{PREFIX[dataset]}-{family}"


def display_name(dataset: str, family: str) -> str:
    return f"{NAMES[family]} · {'MNIST' if dataset == 'mnist' else 'Fashion-MNIST'}"


def write_json(path: Path, data) -> None:
    atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def quality_of(path: Path, n: int = FINAL_SAMPLES) -> dict:
    """Judge figures of a checkpoint on ``n`` samples, against the held-out real images."""
    checkpoint = load_checkpoint(path)
    dataset_name = checkpoint.meta["dataset"]["name"]
    data = DataConfig.from_source(dataset_name, SOURCES[dataset_name], allow_download=False).load()
    judge = load_judge(dataset_name)
    reference = real_reference(judge, data)
    quality = generator_quality(checkpoint.model, judge, reference, n=n).to_dict()
    return {**quality, "held_out_real_images": reference.size, "real_entropy": round(reference.entropy, 4)}


# -- measure ----------------------------------------------------------------------------------
def cmd_measure(args: argparse.Namespace) -> None:
    paths = [Path(p) for p in args.files] or [SHIPPED_MODELS_DIR / f"{key_of(d, f)}.safetensors" for d, f in SHIPPED]
    for path in paths:
        print(json.dumps({"file": path.name, **quality_of(path, args.samples)}), flush=True)


def cmd_bench(args: argparse.Namespace) -> None:
    """Milliseconds per QualityProbe call (what a per-epoch curve costs), drawing and judging apart."""
    from engine.quality import draw_samples, score_samples

    for dataset_name, family in SHIPPED:
        checkpoint = load_checkpoint(SHIPPED_MODELS_DIR / f"{key_of(dataset_name, family)}.safetensors")
        data = DataConfig.from_source(dataset_name, SOURCES[dataset_name], allow_download=False).load()
        start = time.perf_counter()
        probe = QualityProbe(load_judge(dataset_name), data, n=args.samples)
        setup = time.perf_counter() - start
        draws, scores = [], []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            samples = draw_samples(checkpoint.model, args.samples, probe.seed)
            t1 = time.perf_counter()
            score_samples(samples, probe.judge, probe.reference)
            draws.append(t1 - t0)
            scores.append(time.perf_counter() - t1)
        print(json.dumps({"model": key_of(dataset_name, family), "samples": args.samples,
                          "threads": torch.get_num_threads(), "probe_setup_ms": round(setup * 1000),
                          "draw_ms": round(min(draws) * 1000), "judge_and_fid_ms": round(min(scores) * 1000),
                          "call_ms": round(min(d + s for d, s in zip(draws, scores)) * 1000)}), flush=True)  # fmt: skip


# -- train ------------------------------------------------------------------------------------
class BestEpochKeeper(events.EventHandler):
    """Scores each epoch with the judge; rewrites the staged checkpoint whenever judge-FID improves."""

    def __init__(self, trainer, probe: QualityProbe, target: Path, record_path: Path, data_config, train_config,
                 deadline: float | None, name: str) -> None:  # fmt: skip
        self.trainer, self.probe, self.target, self.record_path = trainer, probe, target, record_path
        self.data_config, self.train_config, self.deadline, self.name = data_config, train_config, deadline, name
        self.best_fid, self.best_epoch = float("inf"), 0
        self.epochs: list[dict] = []
        self.started = time.time()
        self.last_epoch_end = self.started
        self.ended = None

    def on_epoch_summary(self, event: events.EpochSummary) -> None:
        probe_start = time.perf_counter()
        quality = self.probe(self.trainer.model)
        probe_ms = (time.perf_counter() - probe_start) * 1000
        row = {"epoch": event.epoch, "elapsed_s": round(event.elapsed_s, 1),
               "samples_per_s": round(event.samples_per_s, 1), **{k: round(v, 4) for k, v in event.train.items()},
               "judge_fid": round(quality.judge_fid, 3),
               "entropy": round(quality.entropy, 4), "confident_share": round(quality.confident_share, 4),
               "probe_ms": round(probe_ms)}  # fmt: skip
        self.epochs.append(row)
        improved = quality.judge_fid < self.best_fid
        if improved:
            self.best_fid, self.best_epoch = quality.judge_fid, event.epoch
            self._save(event, quality)
        print(json.dumps({**row, "best_epoch": self.best_epoch}), flush=True)
        self._write_record()
        now = time.time()
        epoch_seconds, self.last_epoch_end = now - self.last_epoch_end, now
        if self.deadline is not None and now + epoch_seconds + 30 > self.deadline:
            print(f"stopping: another epoch ({epoch_seconds:.0f} s) would end past the deadline", flush=True)
            self.trainer.control.stop()

    def on_run_ended(self, event: events.RunEnded) -> None:
        self.ended = event
        self._write_record()

    def _save(self, event, quality) -> None:
        trainer = self.trainer
        ended = events.RunEnded(reason=events.FINISHED, message=f"Best epoch so far by judge-FID: {event.epoch}.",
                                epochs_completed=event.epoch, global_step=trainer.global_step,
                                history=dict(getattr(trainer, "history", {})),
                                final={"elapsed_s": event.elapsed_s, "samples_per_s": event.samples_per_s})  # fmt: skip
        record = run_record(trainer, ended, self.data_config, self.train_config,
                            extra={"best_epoch": event.epoch, "best_by": "judge-FID (1,000 samples, fixed seed)",
                                   "judge_quality": quality.to_dict()})  # fmt: skip
        save_checkpoint(self.target, trainer.model, name=self.name, half=True, **record)

    def _write_record(self) -> None:
        write_json(self.record_path, {
            "file": self.target.name, "best_epoch": self.best_epoch, "best_judge_fid": round(self.best_fid, 3),
            "epochs_run": len(self.epochs), "wall_seconds": round(time.time() - self.started, 1),
            "ended": None if self.ended is None else {"reason": self.ended.reason, "message": self.ended.message},
            "train_config": self.train_config.to_dict(), "source": SOURCES[self.data_config.dataset],
            "epochs": self.epochs,
        })  # fmt: skip


def parse_deadline(text: str | None) -> float | None:
    """"HH:MM" (UTC, today or tomorrow) → a Unix time."""
    if not text:
        return None
    now = dt.datetime.now(dt.timezone.utc)
    hour, minute = (int(x) for x in text.split(":"))
    when = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if when < now:
        when += dt.timedelta(days=1)
    return when.timestamp()


def cmd_train(args: argparse.Namespace) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    key = key_of(args.dataset, args.family)
    data_config = DataConfig.from_source(args.dataset, SOURCES[args.dataset], allow_download=False)
    dataset = data_config.load()
    train_config = default_train_config(args.family, epochs=args.epochs, seed=SEED, threads=args.threads,
                                        snapshots_per_epoch=1, metrics_every=50)  # fmt: skip
    trainer = create_trainer(default_model_config(args.family), train_config, dataset)
    probe = QualityProbe(load_judge(args.dataset), dataset, n=args.samples)
    keeper = BestEpochKeeper(trainer, probe, out / f"{key}.safetensors", out / f"{key}.json", data_config,
                             train_config, parse_deadline(args.deadline),
                             display_name(args.dataset, args.family))  # fmt: skip
    print(f"{key}: {len(trainer.train_set):,} training images from {dataset.source.describe()}", flush=True)
    for event in trainer.run():
        events.dispatch(event, keeper)
    print(f"{key}: {keeper.ended.message} best epoch {keeper.best_epoch} (judge-FID {keeper.best_fid:.2f})")


# -- ship -------------------------------------------------------------------------------------
def cmd_ship(args: argparse.Namespace) -> None:
    out = Path(args.out)
    manifest_path = SHIPPED_MODELS_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    entries = {m["file"]: m for m in manifest["models"]}
    keys = args.only or [key_of(d, f) for d, f in SHIPPED]
    for key in keys:
        staged, record_path = out / f"{key}.safetensors", out / f"{key}.json"
        if not staged.is_file():
            print(f"{key}: nothing staged in {out}")
            continue
        record = json.loads(record_path.read_text())
        meta = read_meta(staged)
        dataset_name, family = meta["dataset"]["name"], meta["family"]
        source = record["source"]
        data = DataConfig.from_source(dataset_name, source, allow_download=False).load()
        metrics = evaluate_checkpoint(load_checkpoint(staged), data)
        quality = quality_of(staged)
        target = SHIPPED_MODELS_DIR / staged.name
        shutil.copyfile(staged, target.with_suffix(".tmp"))
        target.with_suffix(".tmp").replace(target)
        best, run = record["best_epoch"], record["epochs_run"]
        entry = entries.get(target.name, {})
        entry.update({
            "file": target.name, "name": meta["name"], "family": family, "dataset": dataset_name,
            "source": source, "source_description": meta["dataset"]["source"],
            "epochs": best, "epochs_run": run, "seed": SEED, "options": [],
            "note": (f"Best of {run} epoch(s) by judge-FID (1,000 samples after each epoch): epoch {best}. "
                     f"Trained {record['wall_seconds'] / 60:.0f} min on a shared CPU with the lecture's settings "
                     f"(batch {record['train_config']['batch_size']}, {record['train_config']['optimizer']} "
                     f"{record['train_config']['lr']:g}); {meta['dataset']['train_size']:,} training images."),
            "command": (f"python assets/make_dcgans.py train {family} {dataset_name} --epochs "
                        f"{record['train_config']['epochs']} --threads 1 --out STAGING; "
                        f"python assets/make_dcgans.py ship --out STAGING --only {key}"),
            "train_seconds": record["wall_seconds"],
            "best_epoch": best, "best_by": "lowest judge-FID of 1,000 fixed-seed samples against held-out real images",
            "judge_fid_per_epoch": [e["judge_fid"] for e in record["epochs"]],
            "metrics": metrics, "quality": quality,
            "bytes": target.stat().st_size, "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        })  # fmt: skip
        entry.pop("train_result", None)
        entries[target.name] = entry
        print(json.dumps({"file": target.name, "best_epoch": best, "epochs_run": run, **quality}), flush=True)
    manifest["models"] = [entries[m["file"]] for m in manifest["models"]]
    write_json(manifest_path, manifest)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    measure = sub.add_parser("measure", help="judge figures of the shipped (or given) generators")
    measure.add_argument("files", nargs="*")
    measure.add_argument("--samples", type=int, default=FINAL_SAMPLES)
    bench = sub.add_parser("bench", help="time the per-epoch quality probe on the shipped generators")
    bench.add_argument("--samples", type=int, default=1000)
    bench.add_argument("--repeats", type=int, default=3)
    bench.add_argument("--threads", type=int, default=1)
    train = sub.add_parser("train", help="train one, keeping the best epoch by judge-FID")
    train.add_argument("family", choices=["gan", "dcgan"])
    train.add_argument("dataset", choices=["mnist", "fashion-mnist"])
    train.add_argument("--epochs", type=int, default=50)
    train.add_argument("--threads", type=int, default=1)
    train.add_argument("--samples", type=int, default=1000, help="samples the judge scores after each epoch")
    train.add_argument("--deadline", help="HH:MM UTC: no epoch is started that would end after it")
    train.add_argument("--out", required=True, help="staging folder")
    ship = sub.add_parser("ship", help="copy staged best epochs into assets/models and update the manifest")
    ship.add_argument("--out", required=True, help="staging folder")
    ship.add_argument("--only", nargs="*", help="keys such as fashion-dcgan")
    args = parser.parse_args(argv)
    torch.set_num_threads(getattr(args, "threads", 1))
    {"measure": cmd_measure, "bench": cmd_bench, "train": cmd_train, "ship": cmd_ship}[args.command](args)


if __name__ == "__main__":
    main()
