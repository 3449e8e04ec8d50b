"""The CLI's time machine: ``history FILE [--csv OUT.csv] [--gif OUT.gif]`` and ``train --resume FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import CLIError, _load_data, _output_folder, _print_json, run_and_save
from .i18n import _


def show_history(args: argparse.Namespace) -> int:
    """Print a one-line summary of FILE's history, and write the CSV / GIF asked for."""
    from .checkpoint import load_checkpoint
    from .history import history_from_checkpoint
    from .history_export import HistoryExportError, export_csv, export_gif, frame_count

    path = Path(args.checkpoint)
    outputs = [Path(p) for p in (args.csv, args.gif) if p]
    for out in outputs:  # before any work: a folder that cannot be written is said at once
        _output_folder(out.parent, "--csv" if str(out) == args.csv else "--gif", [out.name])
    loaded = history_from_checkpoint(load_checkpoint(path))  # the weights load even when the history does not
    if loaded.history is None:
        if outputs:
            raise CLIError(loaded.reason)
        print(loaded.reason)
        return 1 if loaded.damaged else 0
    history = loaded.history
    result = {
        "checkpoint": str(path),
        "family": history.family,
        "dataset": history.dataset,
        "snapshots": len(history),
        "history_bytes": history.nbytes,
    }
    try:
        if args.csv:
            export_csv(history, args.csv)
            result["csv"] = args.csv
        if args.gif:
            export_gif(history, args.gif, scale=args.scale, fps=args.fps, epoch_ends_only=not args.all_snapshots)
            result["gif"] = args.gif
            result["gif_frames"] = frame_count(args.gif)
    except HistoryExportError as exc:
        raise CLIError(str(exc)) from exc
    if outputs:
        _print_json(result)
    else:
        print(
            _("{file}: {summary}; {size:,} bytes.").format(
                file=path.name, summary=history.summary(), size=history.nbytes
            )
        )
    return 0


def _data_config(args: argparse.Namespace, plan):
    """The data the continued run trains on: what was given, else what the run itself asked for."""
    from .data import DataConfig, DatasetError

    name = args.dataset or plan.dataset
    source = args.source
    if source == "auto" and plan.requested_source in ("embedded", "full"):
        source = plan.requested_source  # the same images as the original run, when nothing else is asked for
    try:
        config = DataConfig.from_source(name or "mnist", source)
    except DatasetError as exc:
        raise CLIError(str(exc)) from exc
    if config.source_kind != "images" and not name:
        raise CLIError(_("the checkpoint does not say its dataset; pass --dataset"))
    return config


def _check_model_options(args: argparse.Namespace, checkpoint_config) -> None:
    """A continued run keeps its model: a family option that asks for another is refused, naming it."""
    from .models.families import all_options

    for option in all_options():
        value = getattr(args, option.name, None)
        stored = getattr(checkpoint_config, option.name, None)
        if value is not None and stored is not None and value != stored:
            raise CLIError(
                _("--{option} {value}: the run being continued has {stored}; a continued run keeps its model").format(
                    option=option.name.replace("_", "-"), value=value, stored=stored
                )
            )


def train_resumed(args: argparse.Namespace) -> int:
    """``train --resume FILE --epochs N``: N more epochs of FILE's run, saved at --out with its history."""
    from .checkpoint import load_checkpoint
    from .cli import _load_pictures
    from .train.resume import ResumeError, inspect_resume, resume_trainer

    plan = inspect_resume(args.resume)
    more = args.epochs if args.epochs is not None else plan.planned_epochs - plan.epochs_completed
    if more < 1:
        raise CLIError(
            _("{file} already has the {n} epoch(s) it was started for; say how many more with --epochs N").format(
                file=Path(args.resume).name, n=plan.epochs_completed
            )
        )
    out = Path(args.out)
    if out.suffix != ".safetensors":
        raise CLIError(_("--out must end in .safetensors (got {name})").format(name=out.name))
    _output_folder(out.parent, "--out", [out.name])
    checkpoint = load_checkpoint(args.resume)
    _check_model_options(args, checkpoint.model.config)
    data_config = _data_config(args, plan)
    if data_config.source_kind == "images":
        dataset = _load_pictures(data_config)
    else:
        dataset = _load_data(data_config.dataset, data_config.source)
    try:
        trainer = resume_trainer(
            checkpoint,
            dataset,
            more,
            device=args.device,
            threads=args.threads,
            max_steps_per_epoch=args.max_steps,
            family=args.family,
            batch_size=args.batch_size,
            optimizer=args.optimizer,
            lr=args.lr,
            augment=args.augment or None,  # on when asked; otherwise the run's own
        )
    except (ResumeError, ValueError) as exc:
        raise CLIError(str(exc)) from exc
    print(
        _("continuing {file} from epoch {epoch} for {n} more epoch(s)").format(
            file=Path(args.resume).name, epoch=plan.epochs_completed, n=more
        ),
        file=sys.stderr,
        flush=True,
    )
    return run_and_save(trainer, out, data_config, trainer.config)
