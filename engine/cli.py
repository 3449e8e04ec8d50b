"""``latent-studio-cli``: the engine without a window.

Every command prints one clear line and exits non-zero on bad input; results
are JSON lines so scripts (and the asset regeneration) can read them.

This module holds the ``models`` and ``train`` commands, the parser and
``main``; the others live beside it (``cli_evaluate``, ``cli_images``,
``cli_history``), ``cli_train`` adds train's arguments and ``cli_common``
holds what every command shares.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .cli_common import CLIError, _load_data, _load_pictures, _output_folder, _print_json
from .cli_evaluate import cmd_evaluate, evaluate_checkpoint  # noqa: F401 — others import evaluate_checkpoint from here
from .cli_images import cmd_reconstruct, cmd_sample
from .i18n import _


# -- models ---------------------------------------------------------------------------
def cmd_models(args: argparse.Namespace) -> int:
    from .i18n import _
    from .models import build_model, default_model_config, describe_layers, families, keras_parameter_count
    from .train import default_train_config

    for record in families():
        family = record.key
        model = build_model(default_model_config(family))
        train = default_train_config(family)
        if args.json:
            _print_json(
                {
                    "family": family,
                    "params": keras_parameter_count(model),
                    "layers": describe_layers(model),
                    "defaults": train.to_dict(),
                }
            )
            continue
        print(
            _("{family}: {count:,} parameters — {description}").format(
                family=family, count=keras_parameter_count(model), description=_(record.description)
            )
        )
        print(
            _("  defaults: {optimizer} lr {lr:g}, batch {batch_size}, {epochs} epochs").format(
                optimizer=train.optimizer, lr=train.lr, batch_size=train.batch_size, epochs=train.epochs
            )
        )
        for row in describe_layers(model):
            params = f"{row['params']:>9,}" if row["params"] else " " * 9
            print(f"  {params}  {row['name']:<16} {row['layer']:<16} {row['output']:<10} {row['detail']}")
    return 0


# -- train -----------------------------------------------------------------------------
def _model_config(args: argparse.Namespace):
    from .models import default_model_config
    from .models.families import all_options

    overrides = {}
    for option in all_options():  # every family's settings; the chosen family's record reads its own
        value = getattr(args, option.name, None)
        if value is not None:
            overrides[option.name] = value
    try:
        return default_model_config(args.family, **overrides)
    except (TypeError, ValueError) as exc:
        raise CLIError(str(exc)) from exc


def _run_printer(epochs: int):
    """An event handler that prints a run's start (stderr) and each epoch (stdout), and keeps its end."""
    from .train.events import EventHandler

    class RunPrinter(EventHandler):
        ended = None

        def on_run_started(self, event) -> None:
            for note in event.notes:  # e.g. a continued run whose optimizer starts afresh
                print(note, file=sys.stderr, flush=True)
            print(
                _(
                    "training {family} on {dataset} ({train_size:,} train / {val_size:,} val) on {device}: "
                    "{epochs} epochs × {steps_per_epoch} steps of {batch_size}"
                ).format(
                    family=event.family,
                    dataset=event.dataset,
                    train_size=event.train_size,
                    val_size=event.val_size,
                    device=event.device,
                    epochs=event.epochs,
                    steps_per_epoch=event.steps_per_epoch,
                    batch_size=event.batch_size,
                ),
                file=sys.stderr,
                flush=True,
            )

        def on_epoch_summary(self, event) -> None:
            parts = [f"{k} {v:.4f}" for k, v in event.train.items()]
            parts += [f"val_{k} {v:.4f}" for k, v in event.val.items()]
            print(
                _("epoch {epoch}/{epochs}  ").format(epoch=event.epoch, epochs=epochs)
                + "  ".join(parts)
                + f"  {event.samples_per_s:,.0f} samples/s  {event.elapsed_s:.1f}s",
                flush=True,
            )

        def on_run_ended(self, event) -> None:
            self.ended = event

    return RunPrinter()


def cmd_train(args: argparse.Namespace) -> int:
    from .data import DataConfig, DatasetError
    from .train import create_trainer, default_train_config

    if args.resume:  # continue a saved run (engine.train.resume)
        from .cli_history import train_resumed
        from .train.distributed import launched_by_torchrun

        if launched_by_torchrun():  # every rank would continue the run alone and write the same file
            raise CLIError(_("--resume cannot run under torchrun yet: continue the run in one process"))
        return train_resumed(args)
    if args.family is None:
        raise CLIError(_("train needs a FAMILY (or --resume FILE to continue a saved run)"))
    model_config = _model_config(args)
    try:
        train_config = default_train_config(
            args.family,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            optimizer=args.optimizer,
            seed=args.seed,
            device=args.device,
            threads=args.threads,
            max_steps_per_epoch=args.max_steps,
            compile=args.compile or None,
            augment=args.augment or None,
        )
    except ValueError as exc:
        raise CLIError(str(exc)) from exc
    out = Path(args.out)
    if out.suffix != ".safetensors":
        raise CLIError(_("--out must end in .safetensors (got {name})").format(name=out.name))
    _output_folder(out.parent, "--out", [out.name])
    try:
        data_config = DataConfig.from_source(args.dataset or "mnist", args.source)
        if data_config.source_kind == "images":
            data_config = DataConfig.from_images(data_config.location, args.recipe)
        elif not args.dataset:
            raise CLIError(_("--dataset is required unless --source is a folder of pictures"))
    except DatasetError as exc:
        raise CLIError(str(exc)) from exc
    from .train import distributed  # under torchrun: DDP, one shard of the data per rank, rank 0 saves

    context = distributed.setup_from_env(train_config.device)
    if data_config.source_kind == "images":
        dataset = _load_pictures(data_config)
    else:
        dataset = _load_data(data_config.dataset, data_config.source)
    try:
        if context is not None:
            trainer = distributed.create_trainer(context, model_config, train_config, dataset)
        else:
            trainer = create_trainer(model_config, train_config, dataset)
    except ValueError as exc:
        raise CLIError(str(exc)) from exc
    try:
        return run_and_save(trainer, out, data_config, train_config)
    finally:
        distributed.shutdown()


def run_and_save(trainer, out: Path, data_config, train_config) -> int:
    """Run ``trainer`` to its end, printing each epoch, save the run at ``out`` and print its JSON line."""
    from .checkpoint import CheckpointError
    from .models.families import get_family
    from .runs import save_run
    from .train import events

    printer = _run_printer(train_config.epochs)
    try:
        for event in trainer.run():
            events.dispatch(event, printer)
    except KeyboardInterrupt:
        trainer.control.stop()
        raise CLIError(_("interrupted before the run could end; nothing was saved")) from None
    ended = printer.ended
    assert ended is not None
    if ended.reason == events.ERROR:
        print(ended.final.get("traceback", ""), file=sys.stderr)
        raise CLIError(ended.message)
    if ended.reason != events.FINISHED:
        print(ended.message, file=sys.stderr)
    try:
        if getattr(trainer, "is_main_process", True):  # under torchrun only rank 0 writes
            save_run(out, trainer, ended, data_config, train_config)
    except (CheckpointError, OSError) as exc:
        raise CLIError(str(exc)) from exc
    result = {
        "val_loss": ended.final.get("loss"),
        "val_bce": ended.final.get("bce"),
        "val_rounded_accuracy": ended.final.get("rounded_accuracy"),
        "epochs": ended.epochs_completed,
        "samples_per_s": round(ended.final.get("samples_per_s", 0.0), 1),
        "device": str(trainer.device),
        "stopped_because": ended.reason,
        "seconds": round(ended.final.get("elapsed_s", 0.0), 2),
        "out": str(out),
    }
    if get_family(trainer.model.config.family).adversarial:
        for key in ("loss_d", "loss_g", "loss_q", "d_real", "d_fake"):  # loss_q: a DCGAN with class codes
            if ended.history.get(key):
                result[key] = ended.history[key][-1]
    _print_json(result)
    return 0 if ended.reason in (events.FINISHED, events.STOPPED) else 3


def cmd_history(args: argparse.Namespace) -> int:
    from .cli_history import show_history

    return show_history(args)


# -- the parser ----------------------------------------------------------------------------
def _add_family_options(parser: argparse.ArgumentParser) -> None:
    """One --option per setting of a registered family, with its type, choices and the families it shapes."""
    from .i18n import _
    from .models import families
    from .models.families import all_options

    for option in all_options():
        users = [f for f in families() if f.option(option.name) is not None]
        text = f"{'/'.join(f.key for f in users)}: {_(option.help)}"
        defaults = {f.key: f.option(option.name).default for f in users}
        if len(set(defaults.values())) > 1:
            text += " " + _("Defaults: {values}.").format(
                values=", ".join(f"{key} {value}" for key, value in defaults.items())
            )
        if option.range_text() and not option.choices:
            text += " " + _("Range {range}.").format(range=option.range_text())
        kwargs = {"choices": option.values} if option.choices else {"type": option.type}
        parser.add_argument("--" + option.name.replace("_", "-"), help=text.replace("%", "%%"), **kwargs)


def build_parser() -> argparse.ArgumentParser:
    from .cli_train import add_train_arguments
    from .data import DATASET_NAMES

    parser = argparse.ArgumentParser(prog="latent-studio-cli", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"latent-studio {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("models", help=_("each family with its layers and parameter count"))
    p.add_argument("--json", action="store_true", help=_("one JSON line per family"))
    p.set_defaults(func=cmd_models)

    p = sub.add_parser("train", help=_("train a model and save it as a checkpoint"))
    add_train_arguments(p)  # engine.cli_train
    _add_family_options(p)
    p.add_argument("--out", required=True, help=_("checkpoint file to write (.safetensors)"))
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "history",
        help=_("a checkpoint's training history: a summary, or its curves as CSV and its snapshots as an animated GIF"),
    )
    p.add_argument("checkpoint")
    p.add_argument("--csv", metavar="OUT.csv", help=_("write one row per logged step and one per epoch"))
    p.add_argument("--gif", metavar="OUT.gif", help=_("write the snapshots as an animated GIF, epoch on each frame"))
    p.add_argument("--scale", type=int, default=4, help=_("GIF: pixels per image pixel (nearest-neighbour; default 4)"))
    p.add_argument("--fps", type=float, default=4.0, help=_("GIF: frames per second (default 4)"))
    p.add_argument("--all-snapshots", action="store_true", help=_("GIF: every snapshot, not only one per epoch"))
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("evaluate", help=_("validation metrics of a checkpoint, as JSON"))
    p.add_argument("checkpoint")
    p.add_argument("--dataset", choices=DATASET_NAMES, help=_("default: the checkpoint's own"))
    p.add_argument("--source", default="auto")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("reconstruct", help=_("reconstruct image files with an autoencoder"))
    p.add_argument("checkpoint")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--out-dir", required=True)
    p.set_defaults(func=cmd_reconstruct)

    p = sub.add_parser("sample", help=_("generate images with a GAN, DCGAN or VAE"))
    p.add_argument("checkpoint")
    p.add_argument("--n", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--truncation",
        choices=["none", "mean", "modes"],
        help=_("pull the codes toward the mean or their nearest mode (default: what the checkpoint recommends)"),
    )
    p.add_argument(
        "--psi", type=float, help=_("share of each code's distance to its centre that is kept (default 0.7)")
    )
    p.add_argument(
        "--class-code",
        type=int,
        metavar="K",
        help=_("a DCGAN with class codes: draw only code K (1 to its number of codes; default: all, uniformly)"),
    )
    p.add_argument(
        "--class",
        dest="class_name",
        metavar="NAME",
        help=_("a conditional DCGAN (codes from the labels): draw only this class, e.g. 7 or Sneaker"),
    )
    p.add_argument("--out-dir", required=True)
    p.set_defaults(func=cmd_sample)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .checkpoint import CheckpointError
    from .data import DatasetError
    from .imageio import ImageError

    try:
        return args.func(args)
    except (CLIError, CheckpointError, DatasetError, ImageError) as exc:  # e.g. a PNG that the full disk refused
        print(_("error: {reason}").format(reason=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("error: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0
    except OSError as exc:  # the last defence: a file-system failure nobody foresaw is one line, not a traceback
        where = f" ({exc.filename})" if exc.filename else ""
        print(_("error: {reason}{where}").format(reason=exc.strerror or exc, where=where), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
