"""A run's history made up through the engine's own API (RunHistory.record of real event types).

Tests and the scrubbing benchmark need histories of any length without
training: each snapshot's grid is drawn so that it differs from epoch to epoch
(the tiles brighten as the "run" goes on), the map's points drift, the sparse
units settle and the VAE's two terms move apart.
"""

from __future__ import annotations

import numpy as np

from engine.history import RunHistory
from engine.train import events as ev

GRID = 16
MAP_POINTS = 200


def synthetic_history(
    family: str = "stacked",
    epochs: int = 5,
    steps_per_epoch: int = 20,
    snapshots_per_epoch: int = 4,
    dataset: str = "mnist",
) -> RunHistory:
    rng = np.random.default_rng(0)
    adversarial = family in ("gan", "dcgan")
    metric_names = {
        "gan": ("loss_d", "loss_g", "d_real", "d_fake"),
        "vae": ("loss", "reconstruction", "kl"),
        "sparse": ("loss", "reconstruction", "sparsity"),
    }.get(family, ("loss",))
    history = RunHistory(family, dataset)
    originals = rng.integers(0, 256, (GRID, 28, 28), dtype=np.uint8)
    labels = (np.arange(MAP_POINTS) % 10).astype(np.uint8)
    centres = rng.normal(size=(10, 2)) * 3
    history.record(
        ev.RunStarted(
            family=family,
            dataset=dataset,
            device="CPU",
            epochs=epochs,
            steps_per_epoch=steps_per_epoch,
            batch_size=32,
            train_size=640,
            val_size=200,
            metric_names=metric_names,
        )
    )

    def snapshot(epoch: int, step: int, epoch_end: bool) -> None:
        progress = step / max(epochs * steps_per_epoch, 1)
        images = np.full((GRID, 28, 28), int(40 + 200 * progress), np.uint8)
        images[:, : 1 + epoch % 28, :] = 255 - epoch  # a band that grows with the epoch: every grid differs
        spread = 1.0 - 0.8 * progress
        xy = centres[labels] * progress + rng.normal(size=(MAP_POINTS, 2)) * spread
        kinds = ["samples"] if adversarial else ["reconstructions"] + (["samples"] if family == "vae" else [])
        for kind in kinds:
            history.record(
                ev.Snapshot(
                    epoch=epoch,
                    global_step=step,
                    kind=kind,
                    images=images,
                    originals=originals if kind == "reconstructions" else None,
                    epoch_end=epoch_end,
                    map_xy=None if adversarial else xy.astype(np.float16),
                    map_labels=None if adversarial else labels,
                    unit_activation=(np.linspace(0.3, 0.0, 30) * (1 - progress) + 0.1 * progress).astype(np.float16)
                    if family == "sparse"
                    else None,
                    unit_target=0.1 if family == "sparse" else None,
                )
            )

    snapshot(0, 0, True)
    step = 0
    every = max(1, steps_per_epoch // snapshots_per_epoch)
    for epoch in range(1, epochs + 1):
        for s in range(1, steps_per_epoch + 1):
            step += 1
            decay = 1.0 / (1.0 + 0.05 * step)
            if adversarial:
                metrics = {"loss_d": 0.6 + 0.1 * decay, "loss_g": 1.0 + decay, "d_real": 0.7, "d_fake": 0.3}
            else:
                metrics = {"loss": 0.25 + decay}
                if family == "vae":
                    metrics.update(reconstruction=0.24 + decay, kl=0.01 + 0.02 * (1 - decay))
                if family == "sparse":
                    metrics.update(reconstruction=0.24 + decay, sparsity=0.01 * decay)
            history.record(ev.StepMetrics(epoch=epoch, step=s, global_step=step, metrics=metrics, samples_per_s=1000.0))
            if s % every == 0 and s != steps_per_epoch:
                snapshot(epoch, step, False)
        val = {} if adversarial else {"loss": 0.26 + 1.0 / (1.0 + 0.05 * step), "bce": 0.26, "rounded_accuracy": 0.9}
        history.record(
            ev.EpochSummary(
                epoch=epoch,
                train={k: v for k, v in metrics.items()},
                val=val,
                elapsed_s=float(epoch),
                samples_per_s=1000.0,
            )
        )
        snapshot(epoch, step, True)
    return history
