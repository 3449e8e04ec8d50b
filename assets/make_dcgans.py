"""Train the shipped GANs and DCGANs keeping the epoch with the best judge-FID; measure and ship them.

    # today's shipped generators, as the judge sees them (2,000 samples each)
    .venv/bin/python assets/make_dcgans.py measure
    # train one into a staging folder; the best epoch so far is rewritten after each improving epoch
    nice -n 10 .venv/bin/python assets/make_dcgans.py train dcgan fashion-mnist --epochs 60 \\
        --threads 1 --ema 0.999 --deadline 04:50 --out /work/gan-staging
    # copy the staged best epochs into assets/models and update manifest.json
    .venv/bin/python assets/make_dcgans.py ship --out /work/gan-staging [--only fashion-dcgan ...]

Training goes through the engine's own trainer (``engine.train.create_trainer``)
at the lecture's settings for the family (batch 32, RMSprop 1e-3); after each
epoch a :class:`engine.quality.QualityProbe` draws 1,000 samples from a fixed
seed and scores them with the shipped judge. For the DCGAN an exponential
moving average of the generator's weights (``--ema``) is scored too, and the
better of the two is that epoch's candidate. MNIST trains on the largest MNIST
available offline (the embedded 4,000 digits), Fashion-MNIST on the full
training file.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import json
import shlex
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

SHIPPED_MODELS_DIR = Path(__file__).resolve().parent / "models"  # this checkout's, never an installed copy
from engine.quality import QualityProbe, generator_quality, real_reference  # noqa: E402
from engine.runs import run_record  # noqa: E402
from engine.train import create_trainer, default_train_config, events  # noqa: E402

SEED = 42
SOURCES = {"mnist": "embedded", "fashion-mnist": "full"}  # the largest copy available offline
NAMES = {"gan": "GAN", "dcgan": "DCGAN"}
PREFIX = {"mnist": "mnist", "fashion-mnist": "fashion"}
SHIPPED = [("mnist", "gan"), ("fashion-mnist", "gan"), ("mnist", "dcgan"), ("fashion-mnist", "dcgan")]
FINAL_SAMPLES = 2000
# Per step decay of the generator's weight average, per family: the DCGAN ships the better of its trained and
# averaged weights; the lecture's dense GAN stays as the lecture trains it.
EMA_DECAY = {"dcgan": 0.999, "gan": 0.0}


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
        print(
            json.dumps(
                {
                    "model": key_of(dataset_name, family),
                    "samples": args.samples,
                    "threads": torch.get_num_threads(),
                    "probe_setup_ms": round(setup * 1000),
                    "draw_ms": round(min(draws) * 1000),
                    "judge_and_fid_ms": round(min(scores) * 1000),
                    "call_ms": round(min(d + s for d, s in zip(draws, scores)) * 1000),
                }
            ),
            flush=True,
        )


# -- train ------------------------------------------------------------------------------------
class GeneratorAverage:
    """An exponential moving average of the generator's weights, updated after every step.

    Averaging a GAN generator's weights over recent steps smooths the oscillation of the
    adversarial game and usually draws cleaner images (Yazıcı et al., 2019). BatchNorm's
    running statistics are recomputed for the averaged weights before it is used.
    """

    def __init__(self, model: torch.nn.Module, decay: float) -> None:
        self.model, self.decay = copy.deepcopy(model), decay
        self.model.requires_grad_(False)

    @torch.no_grad()
    def update(self, live: torch.nn.Module) -> None:
        for averaged, current in zip(self.model.generator.parameters(), live.generator.parameters()):
            averaged.lerp_(current, 1.0 - self.decay)

    @torch.no_grad()
    def ready(self, live: torch.nn.Module, batches: int = 20, batch: int = 100) -> torch.nn.Module:
        """The averaged generator with live D and BatchNorm statistics recomputed for its weights."""
        self.model.discriminator.load_state_dict(live.discriminator.state_dict())
        norms = [m for m in self.model.generator.modules() if isinstance(m, torch.nn.BatchNorm2d)]
        if norms:
            momenta = [m.momentum for m in norms]
            for m in norms:
                m.reset_running_stats()
                m.momentum = None  # a plain average over the batches below
            self.model.generator.train()
            gen = torch.Generator().manual_seed(99)
            for _ in range(batches):
                self.model.generator(self.model.noise(batch, gen))
            for m, momentum in zip(norms, momenta):
                m.momentum = momentum
        self.model.eval()
        return self.model


class BestEpochKeeper(events.EventHandler):
    """Scores each epoch with the judge; rewrites the staged checkpoint whenever judge-FID improves.

    With ``ema_decay`` the averaged generator is scored too, and the better of the two is the
    epoch's candidate.
    """

    def __init__(
        self,
        trainer,
        probe: QualityProbe,
        target: Path,
        record_path: Path,
        data_config,
        train_config,
        deadline: float | None,
        name: str,
        ema_decay: float = 0.0,
    ) -> None:
        self.trainer, self.probe, self.target, self.record_path = trainer, probe, target, record_path
        self.data_config, self.train_config, self.deadline, self.name = data_config, train_config, deadline, name
        self.average = GeneratorAverage(trainer.model, ema_decay) if ema_decay > 0 else None
        self.ema_decay = ema_decay
        self.best_fid, self.best_epoch, self.best_weights = float("inf"), 0, ""
        self.epochs: list[dict] = []
        self.started = time.time()
        self.last_epoch_end = self.started
        self.ended = None
        self.extra_record: dict = {}

    def on_step_metrics(self, event: events.StepMetrics) -> None:
        if self.average is not None and event.phase == "both":
            self.average.update(self.trainer.model)

    def on_epoch_summary(self, event: events.EpochSummary) -> None:
        probe_start = time.perf_counter()
        candidates = [("trained", self.trainer.model, self.probe(self.trainer.model))]
        probe_ms = (time.perf_counter() - probe_start) * 1000
        if self.average is not None:
            averaged = self.average.ready(self.trainer.model)
            candidates.append(("averaged", averaged, self.probe(averaged)))
        row = {
            "epoch": event.epoch,
            "elapsed_s": round(event.elapsed_s, 1),
            "samples_per_s": round(event.samples_per_s, 1),
            **{k: round(v, 4) for k, v in event.train.items()},
            "probe_ms": round(probe_ms),
        }
        for label, _model, quality in candidates:
            prefix = "" if label == "trained" else "ema_"
            row.update(
                {
                    f"{prefix}judge_fid": round(quality.judge_fid, 3),
                    f"{prefix}entropy": round(quality.entropy, 4),
                    f"{prefix}confident_share": round(quality.confident_share, 4),
                }
            )
        label, model, quality = min(candidates, key=lambda c: c[2].judge_fid)
        row["judge_fid_best_of_epoch"] = round(quality.judge_fid, 3)
        self.epochs.append(row)
        if quality.judge_fid < self.best_fid:
            self.best_fid, self.best_epoch, self.best_weights = quality.judge_fid, event.epoch, label
            self._save(event, quality, model, label)
        print(json.dumps({**row, "best_epoch": self.best_epoch, "best_weights": self.best_weights}), flush=True)
        self._write_record()
        now = time.time()
        epoch_seconds, self.last_epoch_end = now - self.last_epoch_end, now
        if self.deadline is not None and now + epoch_seconds + 30 > self.deadline:
            print(f"stopping: another epoch ({epoch_seconds:.0f} s) would end past the deadline", flush=True)
            self.trainer.control.stop()

    def on_run_ended(self, event: events.RunEnded) -> None:
        self.ended = event
        self._write_record()

    def _save(self, event, quality, model, label: str) -> None:
        trainer = self.trainer
        ended = events.RunEnded(
            reason=events.FINISHED,
            message=f"Best epoch so far by judge-FID: {event.epoch}.",
            epochs_completed=event.epoch,
            global_step=trainer.global_step,
            history=dict(getattr(trainer, "history", {})),
            final={"elapsed_s": event.elapsed_s, "samples_per_s": event.samples_per_s},
        )
        record = run_record(
            trainer,
            ended,
            self.data_config,
            self.train_config,
            extra={
                "best_epoch": event.epoch,
                "best_by": "judge-FID (1,000 samples, fixed seed)",
                "generator_weights": self._weights_note(label),
                "judge_quality": quality.to_dict(),
                **({"adam_beta1": self.extra_record["adam_beta1"]} if self.extra_record.get("adam_beta1") else {}),
            },
        )
        save_checkpoint(self.target, model, name=self.name, half=True, **record)

    def _weights_note(self, label: str) -> str:
        if label == "trained":
            return "as trained"
        return f"exponential moving average of the generator's weights over steps (decay {self.ema_decay:g})"

    def _write_record(self) -> None:
        write_json(
            self.record_path,
            {
                "file": self.target.name,
                "best_epoch": self.best_epoch,
                "best_judge_fid": round(self.best_fid, 3),
                "best_weights": self._weights_note(self.best_weights) if self.best_weights else "",
                "epochs_run": len(self.epochs),
                "wall_seconds": round(time.time() - self.started, 1),
                "ended": None if self.ended is None else {"reason": self.ended.reason, "message": self.ended.message},
                "train_config": self.train_config.to_dict(),
                "source": SOURCES[self.data_config.dataset],
                "epochs": self.epochs,
                **self.extra_record,
            },
        )


def parse_deadline(text: str | None) -> float | None:
    """ "HH:MM" (UTC, today or tomorrow) → a Unix time."""
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
    if args.ema is None:
        args.ema = EMA_DECAY[args.family]
    data_config = DataConfig.from_source(args.dataset, SOURCES[args.dataset], allow_download=False)
    dataset = data_config.load()
    train_config = default_train_config(
        args.family,
        epochs=args.epochs,
        seed=SEED,
        threads=args.threads,
        snapshots_per_epoch=1,
        metrics_every=1 if args.ema else 50,
        optimizer=args.optimizer,
        batch_size=args.batch_size,
    )
    if args.lr:
        train_config.lr = args.lr
    model, prior = None, None
    if args.resume:  # a second phase, e.g. at a lower learning rate, from a staged best epoch
        resume = Path(args.resume)
        if resume.resolve().parent == out.resolve():
            raise SystemExit("--resume must come from another folder than --out")
        model = load_checkpoint(resume).model
        before = json.loads(resume.with_suffix(".json").read_text())
        earlier = before.get("resumed_from") or {"epochs": 0, "wall_seconds": 0.0, "phases": []}
        prior = {
            "file": str(resume),
            "epochs": earlier["epochs"] + before["best_epoch"],
            "wall_seconds": round(earlier["wall_seconds"] + before["wall_seconds"], 1),
            "commands": [*earlier.get("commands", []), before.get("command", "")],
            "phases": [
                *earlier["phases"],
                {
                    "lr": before["train_config"]["lr"],
                    "epochs_run": before["epochs_run"],
                    "best_epoch": before["best_epoch"],
                    "best_judge_fid": before["best_judge_fid"],
                },
            ],
        }
    trainer = create_trainer(
        model.config if model is not None else default_model_config(args.family), train_config, dataset, model=model
    )
    if args.beta1 is not None:  # Radford et al.'s DCGAN recipe: Adam with β1 0.5 (Keras' default is 0.9)
        if train_config.optimizer != "adam":
            raise SystemExit("--beta1 needs --optimizer adam")
        for optimizer in trainer.optimizers().values():
            for group in optimizer.param_groups:
                group["betas"] = (args.beta1, group["betas"][1])
    probe = QualityProbe(load_judge(args.dataset), dataset, n=args.samples)
    keeper = BestEpochKeeper(
        trainer,
        probe,
        out / f"{key}.safetensors",
        out / f"{key}.json",
        data_config,
        train_config,
        parse_deadline(args.deadline),
        display_name(args.dataset, args.family),
        args.ema,
    )
    keeper.extra_record = {
        "command": "python assets/make_dcgans.py " + shlex.join(sys.argv[1:]),
        "resumed_from": prior,
        "adam_beta1": args.beta1,
    }
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
        metrics = {"val_size": len(data.split()[1]), **evaluate_checkpoint(load_checkpoint(staged), data)}
        quality = {k: v for k, v in quality_of(staged).items() if k != "seconds"}
        target = SHIPPED_MODELS_DIR / staged.name
        shutil.copyfile(staged, target.with_suffix(".tmp"))
        target.with_suffix(".tmp").replace(target)
        best, run = record["best_epoch"], record["epochs_run"]
        prior = record.get("resumed_from") or {"epochs": 0, "wall_seconds": 0.0, "phases": []}
        config = record["train_config"]
        phases = [
            *prior["phases"],
            {"lr": config["lr"], "epochs_run": run, "best_epoch": best, "best_judge_fid": record["best_judge_fid"]},
        ]
        story = "; then ".join(
            f"{i + 1}: {ph['epochs_run']} epoch(s) at learning rate {ph['lr']:g}, best epoch {ph['best_epoch']}"
            for i, ph in enumerate(phases)
        )
        command = record.get("command") or (
            f"python assets/make_dcgans.py train {family} {dataset_name} --epochs {config['epochs']} --threads 1 "
            f"--ema {EMA_DECAY[family]:g} --out STAGING"
        )
        command = command.replace(str(out), "STAGING")
        if record.get("resumed_from"):  # the first phase's command, then this one's
            first = [c for c in prior.get("commands", []) if c] or [
                f"python assets/make_dcgans.py train {family} {dataset_name} --epochs {config['epochs']} "
                f"--threads 1 --ema {EMA_DECAY[family]:g} --out STAGING1"
            ]
            command = "; ".join([*first, command.replace(str(Path(prior["file"]).parent), "STAGING1")])
        entry = entries.get(target.name, {})
        entry.update(
            {
                "file": target.name,
                "name": meta["name"],
                "family": family,
                "dataset": dataset_name,
                "source": source,
                "source_description": meta["dataset"]["source"],
                "epochs": prior["epochs"] + best,
                "seed": SEED,
                "options": [],
                "note": (
                    f"The epoch with the lowest judge-FID (1,000 samples scored after each epoch), phase {story}. "
                    f"{meta['dataset']['train_size']:,} training images, batch {config['batch_size']}, "
                    f"{config['optimizer']}; trained on a shared CPU. "
                    f"Generator weights: {record.get('best_weights') or 'as trained'}."
                ),
                "command": f"{command}; python assets/make_dcgans.py ship --out STAGING --only {key}",
                "train_seconds": round(prior["wall_seconds"] + record["wall_seconds"], 1),
                "epochs_run": sum(ph["epochs_run"] for ph in phases),
                "best_epoch": prior["epochs"] + best,
                "phases": phases,
                "best_by": "lowest judge-FID of 1,000 fixed-seed samples against held-out real images",
                "judge_fid_per_epoch": [e.get("judge_fid_best_of_epoch", e["judge_fid"]) for e in record["epochs"]],
                "metrics": metrics,
                "quality": quality,
                "bytes": target.stat().st_size,
                "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
            }
        )
        entry.pop("train_result", None)
        entries[target.name] = entry
        print(json.dumps({"file": target.name, "epochs": entry["epochs"], "phases": phases, **quality}), flush=True)
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
    train.add_argument(
        "--ema",
        type=float,
        default=None,
        help=f"also score an average of G's weights with this decay per step; 0: off (default: {EMA_DECAY})",
    )
    train.add_argument("--resume", help="a staged checkpoint to go on from (its .json record beside it)")
    train.add_argument("--lr", type=float, help="learning rate (default: the lecture's for the family)")
    train.add_argument("--optimizer", choices=["sgd", "rmsprop", "adam"], help="default: the lecture's")
    train.add_argument("--beta1", type=float, help="Adam's β1 (the DCGAN paper's 0.5); needs --optimizer adam")
    train.add_argument("--batch-size", type=int, help="images per step (default: the lecture's 32)")
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
