"""The ``train`` command's arguments (the family options and ``--out`` are added by :mod:`engine.cli`)."""

from __future__ import annotations

import argparse

from .i18n import _


def add_train_arguments(parser: argparse.ArgumentParser) -> None:
    """What to train, on which data, with which settings, on which device — and how to continue a run."""
    from .data import DATASET_NAMES
    from .models import family_keys
    from .train import OPTIMIZERS

    parser.add_argument(
        "family", nargs="?", choices=family_keys(), help=_("the model family (not needed with --resume)")
    )
    parser.add_argument("--dataset", choices=DATASET_NAMES, help=_("required unless --source is a folder of pictures"))
    parser.add_argument(
        "--source",
        default="auto",
        help=_(
            "auto, embedded, full, a folder of IDX files, or a folder of "
            "pictures (one sub-folder per class, or flat) (default auto)"
        ),
    )
    parser.add_argument(
        "--recipe",
        choices=("mnist", "resize"),
        default="mnist",
        help=_("folder of pictures: the Draw page's MNIST recipe (default) or a plain resize to 28×28"),
    )
    parser.add_argument(
        "--epochs",
        type=int,
        help=_(
            "epochs to train; with --resume: how many MORE epochs (default: what is left of the run's planned epochs)"
        ),
    )
    parser.add_argument(
        "--resume",
        metavar="FILE",
        help=_(
            "continue the run saved in FILE: its family, dataset, batch "
            "size, optimizer (and its state), RNG states, counters and history carry on; --out is a new "
            "file (it may be FILE itself)"
        ),
    )
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--lr", type=float)
    parser.add_argument("--optimizer", choices=OPTIMIZERS)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--device", default="auto", help=_("auto (CUDA, then MPS, then CPU), cpu, cuda, cuda:N, mps"))
    parser.add_argument("--threads", type=int, default=0, help=_("CPU threads for torch (0: torch's choice)"))
    parser.add_argument(
        "--max-steps",
        type=int,
        help=_("cap on steps per epoch (quick trials); default none (with --resume: the run's own)"),
    )
    parser.add_argument(
        "--compile",
        action="store_true",
        help=_(
            "the compiled fast path: the training step through "
            "torch.compile (CUDA graphs on a GPU); a run too short to win the compile time back trains "
            "eagerly and says so"
        ),
    )
    parser.add_argument(
        "--augment",
        action="store_true",
        help=_(
            "augment each training batch on the fly: small random shifts, rotations, scaling and stroke "
            "width, seeded by --seed; helps a model read digits drawn or rendered outside the dataset; "
            "a GAN's discriminator sees real and generated images so changed, with fainter ink too "
            "(with --resume: turns it on for the continued epochs; otherwise the run's own setting is kept)"
        ),
    )
