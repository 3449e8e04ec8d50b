"""The ``evaluate`` command: a checkpoint's validation metrics and the judge's view of it, as one JSON line."""

from __future__ import annotations

import argparse

from .cli_common import CLIError, _load_checkpoint, _load_data, _print_json
from .i18n import _


def evaluate_checkpoint(checkpoint, dataset, batch_size: int = 256) -> dict:
    """Validation metrics of a loaded checkpoint on ``dataset``'s validation split."""
    import torch
    import torch.nn.functional as F

    from .models import AUTOENCODER_FAMILIES
    from .train import evaluate_autoencoder

    model = checkpoint.model
    _, val = dataset.split()
    family = checkpoint.meta["family"]
    torch.manual_seed(0)
    if family in AUTOENCODER_FAMILIES:
        return evaluate_autoencoder(model, val.images)
    with torch.no_grad():  # a GAN: how well D tells the validation images from G's samples
        real = val.images.float().div(255.0)
        d_real = model.discriminate(real)
        fake = model.sample(len(val), torch.Generator().manual_seed(0))
        d_fake = model.discriminate(fake)
        loss_d = 0.5 * (
            F.binary_cross_entropy(d_real.clamp(1e-7, 1 - 1e-7), torch.ones_like(d_real))
            + F.binary_cross_entropy(d_fake.clamp(1e-7, 1 - 1e-7), torch.zeros_like(d_fake))
        )
    return {"loss_d": float(loss_d), "d_real": float(d_real.mean()), "d_fake": float(d_fake.mean())}


def cmd_evaluate(args: argparse.Namespace) -> int:
    checkpoint = _load_checkpoint(args.checkpoint)
    name = args.dataset or (checkpoint.meta.get("dataset") or {}).get("name")
    if not name:
        raise CLIError(_("the checkpoint does not say its dataset; pass --dataset"))
    dataset = _load_data(name, args.source)
    metrics = evaluate_checkpoint(checkpoint, dataset)
    _train, val = dataset.split()
    from .quality import checkpoint_quality  # the judge's view: class histogram, judge-FID, judge accuracy
    from .sampling import Truncation  # the sampling the checkpoint recommends (the shipped DCGANs': modes)

    recommended = Truncation.from_dict(checkpoint.meta.get("sampling"))
    quality = checkpoint_quality(checkpoint.model, checkpoint.meta["family"], dataset, truncation=recommended)
    _print_json(
        {
            "checkpoint": args.checkpoint,
            "family": checkpoint.meta["family"],
            "dataset": dataset.name,
            "source": dataset.source.describe(),
            "val_size": len(val),
            **metrics,
            "quality": quality,
        }
    )
    return 0
