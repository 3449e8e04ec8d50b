"""Training an autoencoder (stacked, conv, denoising, sparse, VAE) to rebuild its input."""

from __future__ import annotations

import torch

from ..history import MAP_POINTS
from ..models import get_family
from ..models.autoencoders import IMAGE_PIXELS, bce_per_pixel
from .config import make_optimizer
from .trainer import Trainer, clear_grads

VAL_BATCH = 2048


def rounded_accuracy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Géron's metric: the share of pixels whose rounded value matches (sigmoid > 0.5 ⇔ logit > 0)."""
    return ((logits > 0) == (target > 0.5)).float().mean()


class AutoencoderTrainer(Trainer):
    metric_names = ("loss",)

    def __init__(self, model, dataset, config, device, control=None) -> None:
        super().__init__(model, dataset, config, device, control)
        self.family = model.config.family
        self.generates = get_family(self.family).generates  # a VAE also renders samples of its code space
        # The loss's two terms as their own curves: the VAE's reconstruction and KL, the sparse AE's penalty.
        self.penalty = "kl" if self.generates else ("sparsity" if self.family == "sparse" else None)
        if self.penalty:
            self.metric_names = ("loss", "reconstruction", self.penalty)
        self.optimizer = make_optimizer(config.optimizer, model.parameters(), config.lr)
        self.fixed = self.fixed_indices(config.snapshot_size)
        self.fixed_noise = torch.randn(
            config.snapshot_size,
            getattr(model, "coding_size", 1),
            generator=torch.Generator().manual_seed(config.seed + 1),
        ).to(device)
        self.map_indices = self.fixed_indices(MAP_POINTS)  # the history's map: the same images all run long

    def train_step(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        out = self.model.compute_loss(x)
        clear_grads(self.optimizer)
        out.total.backward()
        self.optimizer.step()
        if self.penalty is None:
            return {"loss": out.total.detach()}
        total, recon = out.total.detach(), out.reconstruction.detach()
        return {"loss": total, "reconstruction": recon, self.penalty: total - recon}

    def optimizers(self):
        return {"optimizer": self.optimizer}

    def latent_probe(self):
        images = self.val_set.images[self.map_indices].float().div_(255.0)
        return self.model.encode(images), self.val_set.labels[self.map_indices]

    def unit_target(self):
        if self.family != "sparse":
            return None
        config = self.model.config
        return float(config.sparsity_target) if config.sparsity == "kl" else 0.0

    def validate(self) -> dict[str, float]:
        return evaluate_autoencoder(self.model, self.val_set.images)

    def snapshots(self):
        originals = self.val_set.images[self.fixed].float().div_(255.0)
        shots = [("reconstructions", self.model.reconstruct(originals), originals)]
        if self.generates:
            shots.append(("samples", self.model.generate(self.fixed_noise), None))
        return shots


@torch.no_grad()
def evaluate_autoencoder(model, images_uint8: torch.Tensor) -> dict[str, float]:
    """Validation metrics, as Keras reports them: ``loss`` (what is minimised, penalties and KL
    included, with the model in inference mode), ``bce`` (reconstruction only) and ``rounded_accuracy``."""
    was_training = model.training
    model.eval()
    totals = {"loss": 0.0, "bce": 0.0, "rounded_accuracy": 0.0}
    n = images_uint8.shape[0]
    samples_code = get_family(model.config.family).generates  # a VAE's loss samples z
    for start in range(0, n, VAL_BATCH):
        x = images_uint8[start : start + VAL_BATCH].float().div_(255.0)
        target = x.reshape(x.shape[0], IMAGE_PIXELS)
        out = model.compute_loss(x)
        total, logits = out.total, out.logits
        if samples_code:  # its loss samples z, as Keras' validation does; BCE and accuracy use the mean
            logits = model.decoder(model.encode(x))
        weight = x.shape[0] / n
        totals["loss"] += float(total) * weight
        totals["bce"] += float(bce_per_pixel(logits, target)) * weight
        totals["rounded_accuracy"] += float(rounded_accuracy(logits, target)) * weight
    model.train(was_training)
    return totals
