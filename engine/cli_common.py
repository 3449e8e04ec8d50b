"""What every ``latent-studio-cli`` command shares: the one-line error, JSON lines, loading data,
pictures and checkpoints, and proving an output folder writable before any work starts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .i18n import _


class CLIError(Exception):
    """A mistake the user can fix; printed as one line."""


def _print_json(data: dict) -> None:
    print(json.dumps(data, sort_keys=False), flush=True)


def _load_data(name: str, source: str):
    from .data import DatasetError, load_dataset

    def progress(done: int, total: int) -> None:
        if total:
            print(
                "\r" + _("downloading {name}: {percent:5.1f}%").format(name=name, percent=100 * done / total),
                end="",
                file=sys.stderr,
                flush=True,
            )

    try:
        dataset = load_dataset(name, source, progress=progress)
    except DatasetError as exc:
        raise CLIError(str(exc)) from exc
    print(
        _("dataset: {dataset} from {source}").format(dataset=dataset.name, source=dataset.source.shown_describe()),
        file=sys.stderr,
        flush=True,
    )
    return dataset


def _load_pictures(data_config):
    """A folder of pictures: read, convert and report what was skipped and why (stderr)."""
    from .data import DatasetError
    from .data.image_folder import read_folder, to_dataset

    try:
        imported = read_folder(data_config.location, data_config.recipe)
        dataset = to_dataset(imported, data_config.dataset)
    except DatasetError as exc:
        raise CLIError(str(exc)) from exc
    counts = ", ".join(f"{name} {count}" for name, count in imported.counts().items())
    print(
        _("pictures: {n:,} kept ({counts}), {n2:,} skipped, {recipe} recipe; dataset {name!r}").format(
            n=len(imported.labels),
            counts=counts,
            n2=len(imported.skipped),
            recipe=data_config.recipe,
            name=dataset.name,
        ),
        file=sys.stderr,
        flush=True,
    )
    for name, reason in imported.skipped[:20]:
        print(_("  skipped {name}: {reason}").format(name=name, reason=reason), file=sys.stderr)
    if len(imported.skipped) > 20:
        print(_("  … and {value:,} more").format(value=len(imported.skipped) - 20), file=sys.stderr)
    return dataset


def _load_checkpoint(path: str):
    from .checkpoint import CheckpointError, load_checkpoint

    try:
        return load_checkpoint(path)
    except CheckpointError as exc:
        raise CLIError(str(exc)) from exc


def _output_folder(folder: str | Path, option: str, names: list[str] = ()) -> Path:
    """``folder``, created if needed and proven writable, before any work starts; a CLIError saying why not.

    ``names`` are the files the command will write there: one too long for the file system is refused
    now, so a run never ends with nothing saved and nothing is half-written.
    """
    from .fsutil import check_name_length, check_writable
    from .i18n import _

    folder = Path(folder)
    try:
        for name in names:
            check_name_length(folder / name)
        check_writable(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CLIError(
            _("{option}: cannot write to {folder}: {reason}").format(option=option, folder=folder, reason=reason)
        ) from None
    return folder
