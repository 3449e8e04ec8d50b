"""Train the shipped GANs and DCGANs keeping the epoch with the best judge-FID; measure and ship them.

    # today's shipped generators, as the judge sees them (2,000 samples each); with codes pulled toward
    # the mean or the modes that find_modes.py stored
    .venv/bin/python assets/make_dcgans.py measure [--truncation modes --psi 0.7] [--seeds 5]
    # train one into a staging folder; the best epoch so far is rewritten after each improving epoch
    nice -n 10 .venv/bin/python assets/make_dcgans.py train dcgan fashion-mnist --epochs 60 \\
        --threads 1 --ema 0.999 --deadline 04:50 --out /work/gan-staging
    # a later phase: from a staged best epoch, at lower learning rates, G learning from the half of its
    # fakes D rates best (--top-k 0.5)
    nice -n 10 .venv/bin/python assets/make_dcgans.py train dcgan mnist --augment --lr 0.0001 --lr-d 0.0003 \\
        --top-k 0.5 --resume /work/gan-staging/mnist-dcgan.safetensors --out /work/gan-staging2
    # the shipped MNIST DCGAN: the lecture's with 10 class codes (InfoGAN), from scratch, then the phases above
    nice -n 10 .venv/bin/python assets/make_dcgans.py train dcgan mnist --augment --class-codes 10 --out /work/gan-info1
    # copy the staged best epochs into assets/models and update manifest.json
    .venv/bin/python assets/make_dcgans.py ship --out /work/gan-staging [--only fashion-dcgan ...]

Training goes through the engine's own trainer (``engine.train.create_trainer``)
at the lecture's settings for the family (batch 32, RMSprop 1e-3); after each
epoch a :class:`engine.quality.QualityProbe` draws 1,000 samples from a fixed
seed and scores them with the shipped judge. For the DCGAN an exponential
moving average of the generator's weights (``--ema``) is scored too, and the
better of the two is that epoch's candidate. MNIST trains on the largest MNIST
available offline (the embedded 4,000 digits), Fashion-MNIST on the full
training file. The per-epoch scoring, the saving of the best epoch and its JSON
record, and the weight average live beside this script in ``gan_keeper.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shlex
import shutil
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gan_keeper import BestEpochKeeper, parse_deadline, write_json  # noqa: E402  (assets/, beside this script)

from engine.checkpoint import load_checkpoint, read_meta  # noqa: E402
from engine.cli import evaluate_checkpoint  # noqa: E402
from engine.data import DataConfig  # noqa: E402
from engine.judge import load_judge  # noqa: E402
from engine.models import default_model_config  # noqa: E402
from engine.quality import QualityProbe, generator_quality, real_reference  # noqa: E402
from engine.sampling import PLAIN, Truncation  # noqa: E402
from engine.train import create_trainer, default_train_config, events  # noqa: E402

SHIPPED_MODELS_DIR = Path(__file__).resolve().parent / "models"  # this checkout's, never an installed copy

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


def quality_of(path: Path, n: int = FINAL_SAMPLES, truncation: Truncation = PLAIN, seeds: int = 1) -> dict:
    """Judge figures of a checkpoint on ``n`` samples (codes truncated as asked), against the held-out real
    images; with ``seeds`` > 1, also the mean, lowest and highest of each figure over seeds 0 … seeds-1."""
    checkpoint = load_checkpoint(path)
    dataset_name = checkpoint.meta["dataset"]["name"]
    data = DataConfig.from_source(dataset_name, SOURCES[dataset_name], allow_download=False).load()
    judge = load_judge(dataset_name)
    reference = real_reference(judge, data)
    runs = [
        generator_quality(checkpoint.model, judge, reference, n=n, seed=s, truncation=truncation) for s in range(seeds)
    ]
    quality = runs[0].to_dict()
    if seeds > 1:
        quality["over_seeds"] = {
            name: {
                "mean": round(sum(values) / len(values), 4),
                "min": round(min(values), 4),
                "max": round(max(values), 4),
            }
            for name in ("judge_fid", "entropy", "confident_share")
            for values in [[getattr(run, name) for run in runs]]
        }
        quality["over_seeds"]["seeds"] = seeds
    return {**quality, "held_out_real_images": reference.size, "real_entropy": round(reference.entropy, 4)}


# -- measure ----------------------------------------------------------------------------------
def cmd_measure(args: argparse.Namespace) -> None:
    paths = [Path(p) for p in args.files] or [SHIPPED_MODELS_DIR / f"{key_of(d, f)}.safetensors" for d, f in SHIPPED]
    truncation = Truncation(args.truncation, 1.0 if args.truncation == "none" else args.psi)
    for path in paths:
        try:
            figures = quality_of(path, args.samples, truncation, args.seeds)
        except ValueError as exc:  # "modes" for a generator without stored modes (the lecture's dense GANs)
            figures = {"skipped": str(exc)}
        print(json.dumps({"file": path.name, **figures}), flush=True)


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
def phase_of(record: dict) -> dict:
    """One training phase as the manifest lists it, from its staged record."""
    config = record["train_config"]
    return {
        "lr": config["lr"],
        "augment": bool(config.get("augment")),
        "lr_d": record.get("lr_d") or config["lr"],
        "top_k": record.get("top_k", 1.0),
        "epochs_run": record["epochs_run"],
        "best_epoch": record["best_epoch"],
        "best_judge_fid": record["best_judge_fid"],
        **{k: record[k] for k in ("code_weight", "q_learns_fakes", "min_confident") if record.get(k) is not None},
    }


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
        augment=args.augment,
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
                phase_of(before),
            ],
        }
        if before.get("codes_to_classes"):  # made by codes_to_classes.py: the classes came after this phase
            prior["codes_to_classes"] = {**before["codes_to_classes"], "after_phase": len(prior["phases"])}
        elif earlier.get("codes_to_classes"):  # an earlier phase's, as recorded then
            prior["codes_to_classes"] = earlier["codes_to_classes"]
    if model is not None and args.class_codes is not None:
        raise SystemExit("--class-codes is for a new run: a resumed one keeps its model's")
    if model is None:
        codes = {"categorical_codes": args.class_codes} if args.class_codes else {}
        model_config = default_model_config(args.family, **codes)
    else:
        model_config = model.config
    trainer = create_trainer(model_config, train_config, dataset, model=model)
    if args.beta1 is not None:  # Radford et al.'s DCGAN recipe: Adam with β1 0.5 (Keras' default is 0.9)
        if train_config.optimizer != "adam":
            raise SystemExit("--beta1 needs --optimizer adam")
        for optimizer in trainer.optimizers().values():
            for group in optimizer.param_groups:
                group["betas"] = (args.beta1, group["betas"][1])
    if args.top_k is not None:
        trainer.top_k = args.top_k
    if args.code_weight is not None:
        trainer.code_weight = args.code_weight
    if args.q_real_only:
        trainer.q_learns_fakes = False
    if args.lr_d is not None:  # two time-scale updates (Heusel et al. 2017): D learns at its own rate
        for group in trainer.opt_d.param_groups:
            group["lr"] = args.lr_d
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
    keeper.min_confident = args.min_confident or 0.0
    keeper.extra_record = {
        "min_confident": args.min_confident,
        "command": "python assets/make_dcgans.py " + shlex.join(sys.argv[1:]),
        "resumed_from": prior,
        "adam_beta1": args.beta1,
        "top_k": trainer.top_k,
        "code_weight": trainer.code_weight if trainer.codes else None,
        "q_learns_fakes": trainer.q_learns_fakes if trainer.codes else None,
        "lr_d": args.lr_d,
    }
    print(f"{key}: {len(trainer.train_set):,} training images from {dataset.source.describe()}", flush=True)
    for event in trainer.run():
        events.dispatch(event, keeper)
    print(f"{key}: {keeper.ended.message} best epoch {keeper.best_epoch} (judge-FID {keeper.best_fid:.2f})")


# -- ship -------------------------------------------------------------------------------------
def phase_commands(record: dict, prior: dict, family: str, dataset: str, phases: int) -> str:
    """The commands of every phase, in order, their staging folders named STAGING1, STAGING2, …: phase k writes
    into STAGINGk and goes on from STAGING(k-1). A phase whose record kept no command gets the lecture's."""
    commands = [*prior.get("commands", []), record.get("command", "")]
    commands = [""] * (phases - len(commands)) + commands[-phases:]
    steps = []
    for k, command in enumerate(commands, start=1):
        if not command:
            command = (
                f"python assets/make_dcgans.py train {family} {dataset} --epochs {record['train_config']['epochs']} "
                f"--threads 1 --ema {EMA_DECAY[family]:g} --out X"
            )
        command = re.sub(r"--out \S+", f"--out STAGING{k}", command)
        command = re.sub(r"--resume \S+/", f"--resume STAGING{k - 1}/", command)
        steps.append(re.sub(r" --deadline \S+", "", command))
    return "; ".join(steps)


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
        best = record["best_epoch"]
        prior = record.get("resumed_from") or {"epochs": 0, "wall_seconds": 0.0, "phases": []}
        config = record["train_config"]
        commands = prior.get("commands", [])
        phases = [
            # a phase's record names its augmentation; older records only their command does
            {"augment": "--augment" in (commands[i] if i < len(commands) else ""), **ph}
            for i, ph in enumerate(prior["phases"])
        ]
        phases.append(phase_of(record))
        story = "; then ".join(
            f"{i + 1}: {ph['epochs_run']} epoch(s) at learning rate {ph['lr']:g}"
            + (f" (D: {ph['lr_d']:g})" if ph.get("lr_d", ph["lr"]) != ph["lr"] else "")
            + (", augmented" if ph["augment"] else "")
            + (f", G learning from the {ph['top_k']:.0%} of its fakes D rated best" if ph.get("top_k", 1.0) < 1 else "")
            + (f", Q's weight in G's loss {ph['code_weight']:g}" if ph.get("code_weight") not in (None, 1.0) else "")
            + (", Q learning from the real labels only" if ph.get("q_learns_fakes") is False else "")
            + (
                f", only epochs with ≥ {ph['min_confident']:.0%} confident samples kept"
                if ph.get("min_confident")
                else ""
            )
            + f", best epoch {ph['best_epoch']}"
            for i, ph in enumerate(phases)
        )
        command = phase_commands(record, prior, family, dataset_name, len(phases))
        converted = prior.get("codes_to_classes")
        if converted:  # the conversion ran between two phases: the next one goes on from its copy
            k = converted["after_phase"]
            step = f"python assets/codes_to_classes.py STAGING{k}/{key}.safetensors {dataset_name} --out STAGING{k}c"
            steps = command.split("; ")
            steps[k] = steps[k].replace(f"--resume STAGING{k}/", f"--resume STAGING{k}c/")
            command = "; ".join([*steps[:k], step, *steps[k:]])
        codes = int(meta["model_config"].get("categorical_codes", 0))
        labelled = codes and meta["model_config"].get("code_source") == "labels"
        model_text = (
            f"The lecture's DCGAN made conditional: {codes} class codes, code k drawing the dataset's class k, "
            "learned from the labels with an auxiliary classifier Q on D's features (AC-GAN, Odena et al. 2017). "
            if labelled
            else f"The lecture's DCGAN with {codes} class codes (InfoGAN, Chen et al. 2016; no labels used). "
            if codes
            else ""
        )
        if converted:
            model_text += (
                f"After phase {converted['after_phase']}, "
                + (
                    f"it got {converted.get('classes', codes)} class inputs and a Q fitted to the labels on its "
                    f"frozen D (held-out accuracy {converted.get('q_accuracy', float('nan')):.3f}); the class inputs "
                    "alone then learned to draw what Q reads as the class asked (the judge agreed on "
                    f"{converted.get('judge_agreement', float('nan')):.0%}); "
                    if converted.get("grown_from_plain")
                    else f"its codes were matched to the classes the judge read in them (purity "
                    f"{converted.get('purity', float('nan')):.3f}); "
                )
                + "then it trained on from the labels. "
            )
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
                "options": (["--augment"] if any(ph["augment"] for ph in phases) else [])
                + ([f"--class-codes {codes}"] if codes else [])
                + (["--code-source labels"] if labelled else []),
                "class_codes": codes,
                "code_source": meta["model_config"].get("code_source", "learned") if codes else None,
                "note": (
                    model_text
                    + f"The epoch with the lowest judge-FID (1,000 samples scored after each epoch), phase {story}. "
                    f"{meta['dataset']['train_size']:,} training images, batch {config['batch_size']}, "
                    f"{config['optimizer']}; trained on a shared CPU. "
                    + (
                        "Augmented phases (--augment): the discriminator saw real and generated images through the "
                        "same random changes. "
                        if any(ph["augment"] for ph in phases)
                        else ""
                    )
                    + f"Generator weights: {record.get('best_weights') or 'as trained'}."
                ),
                "command": f"{command}; python assets/make_dcgans.py ship --out STAGING{len(phases)} --only {key}",
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
        if "sampling" not in meta:  # a new generator: modes found for the old one do not hold (find_modes.py)
            entry.pop("sampling", None)
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
    measure.add_argument(
        "--truncation", choices=["none", "mean", "modes"], default="none", help="modes: those find_modes.py stored"
    )
    measure.add_argument("--psi", type=float, default=0.7)
    measure.add_argument("--seeds", type=int, default=1, help="also the mean and range over seeds 0 … SEEDS-1")
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
    train.add_argument(
        "--augment", action="store_true", help="D sees real and generated images through the same random changes"
    )
    train.add_argument("--lr-d", type=float, help="D's learning rate, when not --lr (G's)")
    train.add_argument("--top-k", type=float, help="G learns from this share of its fakes, those D rates best")
    train.add_argument("--class-codes", type=int, help="InfoGAN's one-hot class codes K (DCGAN; default 0, none)")
    train.add_argument("--code-weight", type=float, help="λ of Q's loss in G's phase (default 1)")
    train.add_argument(
        "--q-real-only", action="store_true", help="a conditional DCGAN's Q learns from the real labels only"
    )
    train.add_argument(
        "--min-confident", type=float, help="keep the best judge-FID among epochs with this confident share"
    )
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
